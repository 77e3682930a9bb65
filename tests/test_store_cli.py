"""The store commands: --help for each, ingest from files and a local web server, query, export."""

from __future__ import annotations

import csv
import io
import json

import pytest
from store_fixtures import (
    BORDER_TALKS,
    BROKEN_FEED_ITEMS,
    closed_port,
    corpus,
    page,
    rss,
    serve,
    site_routes,
    snapshot,
    write_jsonl,
)
from typer.testing import CliRunner

from dragoman.cli import app
from dragoman.store import Store

runner = CliRunner()

COMMANDS = [
    ["ingest"], ["query"], ["query", "events"], ["query", "dyads"], ["query", "timeline"], ["query", "actors"],
    ["query", "sources"], ["export"], ["plot"], ["plot", "timeline"], ["plot", "dyads"], ["plot", "network"],
]


@pytest.fixture(autouse=True)
def _share_coder(coder, monkeypatch):
    # the CLI builds a Coder per call; reuse the session's to keep the tests fast
    import dragoman.coder

    monkeypatch.setattr(dragoman.coder, "Coder", lambda *a, **k: coder)


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_store_command_has_help(command):
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage" in result.output


@pytest.fixture(scope="module")
def site():
    with serve(site_routes()) as server:
        yield server


def test_ingest_files_and_urls_with_clear_errors(tmp_path, site):
    html = tmp_path / "talks.html"
    html.write_text(page("Border talks resume", BORDER_TALKS))
    feed = tmp_path / "wire.rss"
    feed.write_text(rss(BROKEN_FEED_ITEMS))
    dead = f"http://127.0.0.1:{closed_port()}/gone.html"
    urls = [site.url(p) for p in ("/aid.html", "/missing.html", "/report.pdf", "/big.html", "/feed.xml")]
    db = tmp_path / "web.duckdb"
    result = runner.invoke(app, ["ingest", str(html), str(feed), *urls, dead, "--db", str(db), "--max-bytes", "100000", "--allow-private-hosts"])
    assert result.exit_code == 1, result.output  # some inputs failed, the rest is stored
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    named = {
        "E043": f"{feed}: feed item 2", "E044": f"{feed}: feed item 3", "E046": site.url("/missing.html"),
        "E047": site.url("/report.pdf"), "E048": site.url("/big.html"), "E045": dead,
    }
    for what in named.values():
        assert sum(what in line for line in errors) >= 1, (what, errors)
    assert len(errors) == 8  # the feed's two broken items twice (file and URL) and four bad URLs
    # the feed served on the web holds the same items as the file: read again, stored once
    assert "14 records read: 4 added, 0 replaced, 2 unchanged, 8 failed" in result.output
    with Store.open(db, read_only=True) as store:
        ids = [r[0] for r in store.sql("SELECT doc_id FROM articles ORDER BY doc_id").fetchall()]
        per_doc = dict(store.sql("SELECT doc_id, count(*) FROM events GROUP BY doc_id").fetchall())
    assert ids == sorted(["talks.html", "wire-1", "wire-2", site.url("/aid.html")])
    assert all(per_doc.get(i) for i in ids)  # every stored article has events
    # the same command again: nothing changes
    before = snapshot(db)
    again = runner.invoke(app, ["ingest", str(html), str(feed), *urls, dead, "--db", str(db), "--max-bytes", "100000", "-q", "--allow-private-hosts"])
    assert again.exit_code == 1
    assert snapshot(db) == before


def test_ingest_feed_with_fetch(tmp_path, site):
    from store_fixtures import linked_feed

    feed = tmp_path / "linked.xml"
    feed.write_text(linked_feed(site.base))
    db = tmp_path / "f.duckdb"
    result = runner.invoke(app, ["ingest", str(feed), "--fetch", "--db", str(db), "--allow-private-hosts"])
    assert result.exit_code == 1
    assert "broken-link.html" in result.output and "HTTP 500" in result.output
    res = runner.invoke(app, ["query", "sources", "--db", str(db), "-f", "json"])
    rows = json.loads(res.stdout)
    assert rows[0]["source"] == "Harbour Wire" and rows[0]["articles"] == 2 and rows[0]["events"] > 0


def test_ingest_needs_inputs_and_a_good_date(tmp_path):
    res = runner.invoke(app, ["ingest", "--db", str(tmp_path / "x.duckdb")])
    assert res.exit_code == 2 and "INPUT" in res.output
    res = runner.invoke(app, ["ingest", "a.txt", "--date", "soon", "--db", str(tmp_path / "x.duckdb")])
    assert res.exit_code == 2 and "not a date" in res.output


@pytest.fixture(scope="module")
def db(tmp_path_factory, coder):
    from dragoman.store import ingest

    tmp = tmp_path_factory.mktemp("cli")
    src = tmp / "news.jsonl"
    write_jsonl(src, corpus(24, sentences=3, seed=3))
    path = tmp / "cli.duckdb"
    ingest([src], path, coder=coder)
    return path


@pytest.mark.parametrize("kind", ["events", "dyads", "timeline", "actors", "sources"])
def test_query_formats(db, kind):
    res = runner.invoke(app, ["query", kind, "--db", str(db), "-f", "json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    assert rows and isinstance(rows[0], dict)
    res = runner.invoke(app, ["query", kind, "--db", str(db), "-f", "csv"])
    assert res.exit_code == 0
    table = list(csv.DictReader(io.StringIO(res.stdout)))
    assert len(table) == len(rows) and list(table[0]) == list(rows[0])
    res = runner.invoke(app, ["query", kind, "--db", str(db)])
    assert res.exit_code == 0 and "┃" in res.stdout


def test_query_filters_on_the_command_line(db):
    from dragoman.store import Filters, query

    res = runner.invoke(app, ["query", "events", "--db", str(db), "-c", "usa,ind", "--quad", "3", "--quad", "4", "-f", "json"])
    rows = json.loads(res.stdout)
    want = query.events(db, Filters(countries=["USA", "IND"], quads=[3, 4]))
    assert [r["event_id"] for r in rows] == list(want["event_id"]) and rows
    top = query.dyads(db, by_event=False).iloc[0]
    res = runner.invoke(app, ["query", "timeline", "--db", str(db), "-a", top.actor, "-r", top.recipient, "--by", "week", "-f", "json"])
    weeks = json.loads(res.stdout)
    assert weeks and all(len(w["period"]) == 10 for w in weeks)
    assert sum(w["events"] for w in weeks) == top.events
    res = runner.invoke(app, ["query", "dyads", "--db", str(db), "--all-types", "--since", "2025-02-01", "-n", "3", "-f", "json"])
    assert len(json.loads(res.stdout)) == 3 and "event" not in json.loads(res.stdout)[0]
    res = runner.invoke(app, ["query", "events", "--db", str(db), "--quad", "7"])
    assert res.exit_code == 2 and "quad" in res.output
    res = runner.invoke(app, ["query", "timeline", "--db", str(db), "--by", "fortnight"])
    assert res.exit_code == 2 and "fortnight" in res.output
    res = runner.invoke(app, ["query", "events", "--db", str(db.parent / "none.duckdb")])
    assert res.exit_code == 2 and "No event store" in res.output


@pytest.mark.parametrize("fmt", ["jsonl", "tsv", "csv", "parquet"])
def test_export_formats(db, tmp_path, fmt):
    out = tmp_path / ("dir" if fmt == "parquet" else f"out.{fmt}")
    res = runner.invoke(app, ["export", "--db", str(db), "-f", fmt, "-o", str(out)])
    assert res.exit_code == 0, res.output
    n = int(res.output.split()[0])
    assert n > 20
    if fmt == "parquet":
        assert sorted(p.name for p in out.iterdir() if not p.name.startswith("_"))[0].startswith("month=2025-")
    elif fmt == "jsonl":
        assert len(out.read_text().splitlines()) == n
    elif fmt == "csv":
        assert len(out.read_text().splitlines()) == n + 1
    else:  # the GDELT table: one row per actor-recipient pair, at least one per event
        assert len(out.read_text().splitlines()) >= n + 1
    bad = runner.invoke(app, ["export", "--db", str(db), "-f", "xml", "-o", str(tmp_path / "x")])
    assert bad.exit_code == 2 and "unknown format" in bad.output


@pytest.mark.parametrize("kind", ["timeline", "dyads", "network"])
@pytest.mark.parametrize("suffix", [".png", ".html"])
def test_plot_commands(db, tmp_path, kind, suffix):
    out = tmp_path / f"{kind}{suffix}"
    res = runner.invoke(app, ["plot", kind, "--db", str(db), "-o", str(out)])
    assert res.exit_code == 0, res.output
    data = out.read_bytes()
    if suffix == ".png":
        assert data.startswith(b"\x89PNG\r\n\x1a\n")
    else:
        assert b"<svg" in data and b"<script src" not in data


def test_plot_errors(db, tmp_path):
    res = runner.invoke(app, ["plot", "dyads", "--db", str(db), "-o", str(tmp_path / "x.pdf")])
    assert res.exit_code == 2 and ".pdf" in res.output
    res = runner.invoke(app, ["plot", "timeline", "--db", str(db), "-a", "ZZZ", "-o", str(tmp_path / "x.png")])
    assert res.exit_code == 2 and "Unknown actor code 'ZZZ'" in res.output
    res = runner.invoke(app, ["plot", "timeline", "--db", str(db), "-a", "TUV", "-o", str(tmp_path / "x.png")])
    assert res.exit_code == 2 and "Nothing to plot" in res.output
