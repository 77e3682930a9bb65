"""Plots: PNG files, and HTML pages that work offline (nothing loaded from the network)."""

from __future__ import annotations

import re

import pytest
from store_fixtures import corpus, write_jsonl

from dragoman.store import Filters, StoreError, ingest, query
from dragoman.store.plot import describe, layout, plot, score_color, top_pairs


@pytest.fixture(scope="module")
def db(tmp_path_factory, coder):
    tmp = tmp_path_factory.mktemp("plot")
    src = tmp / "news.jsonl"
    write_jsonl(src, corpus(20, sentences=3, seed=9))
    path = tmp / "p.duckdb"
    ingest([src], path, coder=coder)
    return path


@pytest.mark.parametrize("kind", ["timeline", "dyads", "network"])
def test_html_is_self_contained_and_interactive(db, tmp_path, kind):
    out = plot(db, kind, tmp_path / f"{kind}.html", freq="week")
    html = out.read_text(encoding="utf-8")
    assert html.lstrip().lower().startswith("<!doctype html>")
    markup = re.sub(r"(?s)(<script[^>]*>).*?</script>", r"\1</script>", html)  # the page without script bodies
    assert "<script" in markup and not re.search(r"(src|href)\s*=", markup)  # nothing loaded from elsewhere
    assert "vegaEmbed" in html and '"tooltip"' in html  # the Vega bundle inline, and hover tooltips
    # (tests/test_serve_browser.py opens such a page in Chromium and checks that it asks for nothing)


def test_charts_hold_the_query_numbers(db, tmp_path):
    from dragoman.store import Store
    from dragoman.store.plot import chart

    pairs = query.dyads(db, by_event=False)
    codes, shown = top_pairs(pairs, 6)
    assert len(codes) == 6 and set(shown["actor"]) | set(shown["recipient"]) <= set(codes)
    with Store.open(db, read_only=True) as store:
        spec = chart(store, "dyads", top=6).to_dict()
    values = next(iter(spec["datasets"].values()))
    assert {(v["actor"], v["recipient"], v["events"]) for v in values} == {(r.actor, r.recipient, r.events) for r in shown.itertuples()}
    html = plot(db, "dyads", tmp_path / "d.html", top=6).read_text()
    assert all(f'"actor":"{r.actor}"' in html.replace(" ", "") for r in shown.itertuples())


def test_png_and_filters(db, tmp_path):
    top = query.dyads(db, by_event=False).iloc[0]
    f = Filters(actors=[top.actor], recipients=[top.recipient])
    out = plot(db, "timeline", tmp_path / "t.png", f, freq="month")
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and out.stat().st_size > 10_000
    assert describe(f) == f"{top.actor} → {top.recipient}"
    with pytest.raises(StoreError) as exc:
        plot(db, "network", tmp_path / "n.png", Filters(countries=["ZZZ"]))
    assert exc.value.code.name == "E054" and "AFG" in exc.value.remedy  # an unknown code lists the known ones
    with pytest.raises(StoreError) as exc:
        plot(db, "network", tmp_path / "n.png", Filters(countries=["TUV"], events=["AID"]))
    assert exc.value.code.name == "E055"
    with pytest.raises(StoreError) as exc:
        plot(db, "pie", tmp_path / "n.png")
    assert exc.value.code.name == "E054"


def test_layout_is_deterministic_and_in_the_unit_square():
    codes = ["USA", "CHN", "RUS", "IND", "PAK"]
    edges = [("USA", "CHN", 5.0), ("CHN", "RUS", 2.0), ("IND", "PAK", 7.0), ("USA", "IND", 1.0)]
    first, second = layout(codes, edges), layout(codes, edges)
    assert first == second
    assert all(0 <= x <= 1 and 0 <= y <= 1 for x, y in first.values())
    assert layout([], []) == {} and layout(["USA"], []) == {"USA": (0.5, 0.5)}


def test_score_colours():
    assert score_color(None) == "#bbbbbb"
    red, blue = score_color(-10.0), score_color(10.0)
    assert int(red[1:3], 16) > int(red[5:7], 16) and int(blue[5:7], 16) > int(blue[1:3], 16)
