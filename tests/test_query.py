"""Queries and exports, checked against counts computed independently from the coded JSONL
(the same inputs coded with dragoman.run.code_files and counted in plain Python)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from store_fixtures import corpus, write_jsonl

from dragoman.run import code_files
from dragoman.store import Filters, Store, export, ingest, query

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def world(coder, tmp_path_factory):
    """A store and, independently, the coded records with their articles."""
    tmp = tmp_path_factory.mktemp("query")
    arts = corpus(40, sentences=3, seed=5)
    arts[3]["text"] += " Egypt called for a ceasefire in Gaza."
    src = tmp / "news.jsonl"
    write_jsonl(src, arts)
    inputs = [src, ROOT / "examples" / "articles.jsonl"]
    db = tmp / "q.duckdb"
    summary = ingest(inputs, db, coder=coder)
    assert summary.failed == 0
    out = io.StringIO()
    code_files(inputs, out, coder=coder)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    articles = {a["id"]: a for a in arts}
    articles.update({a["id"]: a for a in map(json.loads, (ROOT / "examples" / "articles.jsonl").read_text().splitlines())})
    store = Store.open(db, read_only=True)
    yield store, records, articles, inputs
    store.close()


def day(value: str) -> dt.date:
    parts = [int(p) for p in value.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])


def codes(rec: dict, role: str) -> set[str]:
    return {e["code"] for e in rec[role] if e.get("code")}


def pairs(rec: dict) -> set[tuple[str, str]]:
    return {(a, r) for a in codes(rec, "actor") for r in codes(rec, "recipient")}


def keys(df) -> list[tuple[str, str]]:
    return sorted(zip(df["doc_id"], df["event_id"], strict=True))


def test_events_and_filters(world):
    store, records, articles, _ = world
    assert len(records) > 80
    df = query.events(store)
    assert len(df) == len(records)
    assert Counter(df["event"]) == Counter(r["event"] for r in records)
    top = Counter(c for r in records for c in codes(r, "actor") | codes(r, "recipient")).most_common(1)[0][0]
    a, b = Counter(p for r in records for p in pairs(r)).most_common(1)[0][0]

    def expect(pred) -> list[tuple[str, str]]:
        return sorted((r["doc_id"], r["id"]) for r in records if pred(r))

    def sentence(r: dict) -> str:
        ti = r["text_info"]
        return articles[r["doc_id"]]["text"][ti["start"] : ti["end"]]

    cases = [
        (Filters(countries=[top.lower()]), lambda r: top in codes(r, "actor") | codes(r, "recipient")),
        (Filters(actors=[a], recipients=[b]), lambda r: a in codes(r, "actor") and b in codes(r, "recipient")),
        (Filters(quads=[4]), lambda r: r["quad_code"] == 4),
        (Filters(events=["assault", "COERCE"]), lambda r: r["event"] in ("ASSAULT", "COERCE")),
        (
            Filters(since=dt.date(2025, 2, 1), until=dt.date(2025, 3, 15)),
            lambda r: dt.date(2025, 2, 1) <= day(r["date"]) <= dt.date(2025, 3, 15),
        ),
        (Filters(sources=["Harbour Wire"]), lambda r: articles[r["doc_id"]].get("source") == "Harbour Wire"),
        (Filters(text="Ceasefire"), lambda r: "ceasefire" in sentence(r).lower() or "ceasefire" in articles[r["doc_id"]].get("title", "").lower()),
        (
            Filters(countries=[top], quads=[3, 4], sources=["Valley Gazette"]),
            lambda r: top in codes(r, "actor") | codes(r, "recipient") and r["quad_code"] in (3, 4)
            and articles[r["doc_id"]].get("source") == "Valley Gazette",
        ),
    ]
    for filters, pred in cases:
        want = expect(pred)
        assert want, filters  # every case selects something
        assert keys(query.events(store, filters)) == want, filters
    assert len(query.events(store, limit=5)) == 5


def test_dyads_against_the_records(world):
    store, records, _, _ = world
    by_type: dict[tuple[str, str, str], list[float]] = defaultdict(list)
    by_pair: dict[tuple[str, str], list[float]] = defaultdict(list)
    for r in records:
        for a, b in pairs(r):
            by_type[(a, b, r["event"])].append(r["plover_score"])
            by_pair[(a, b)].append(r["plover_score"])
    df = query.dyads(store)
    got = {(x.actor, x.recipient, x.event): (x.events, x.mean_score) for x in df.itertuples()}
    assert got == {k: (len(v), round(sum(v) / len(v), 3)) for k, v in by_type.items()}
    assert list(df["events"]) == sorted(df["events"], reverse=True)  # most active first
    df = query.dyads(store, by_event=False)
    got = {(x.actor, x.recipient): (x.events, x.mean_score, x.cooperation + x.conflict) for x in df.itertuples()}
    assert got == {k: (len(v), round(sum(v) / len(v), 3), len(v)) for k, v in by_pair.items()}
    # side filters apply to the pair's sides
    (a, b), _ = Counter({k: len(v) for k, v in by_pair.items()}).most_common(1)[0]
    df = query.dyads(store, Filters(actors=[a]), by_event=False)
    assert set(df["actor"]) == {a}
    assert {(x.actor, x.recipient): x.events for x in df.itertuples()} == {k: len(v) for k, v in by_pair.items() if k[0] == a}
    df = query.dyads(store, Filters(countries=[b]), by_event=False)
    assert {(x.actor, x.recipient): x.events for x in df.itertuples()} == {k: len(v) for k, v in by_pair.items() if b in k}
    # the SQL view holds the same pairs
    assert store.sql("SELECT count(*) FROM dyad_events").fetchall()[0][0] == sum(len(v) for v in by_pair.values())


def test_timeline_against_the_records(world):
    store, records, _, _ = world
    a, b = Counter(p for r in records for p in pairs(r)).most_common(1)[0][0]
    for filters, pred in [
        (Filters(), lambda r: True),
        (Filters(actors=[a], recipients=[b]), lambda r: (a, b) in pairs(r)),
        (Filters(countries=[a]), lambda r: a in codes(r, "actor") | codes(r, "recipient")),
    ]:
        for freq, bucket in [
            ("month", lambda d: d.replace(day=1)),
            ("week", lambda d: d - dt.timedelta(days=d.weekday())),
        ]:
            want: dict[dt.date, list] = defaultdict(lambda: [0, 0, 0, 0, 0, 0.0])
            fits = ("day", "publication", "month") if freq == "month" else ("day", "publication")
            for r in records:
                if pred(r) and r["date_precision"] in fits:  # a period holds only the events dated precisely enough
                    row = want[bucket(day(r["date"]))]
                    row[0] += 1
                    row[r["quad_code"]] += 1
                    row[5] += r["plover_score"]
            df = query.timeline(store, filters, freq=freq, fill=False)
            got = {x.period.date(): [x.events, x.quad1, x.quad2, x.quad3, x.quad4, x.total_score] for x in df.itertuples()}
            assert got == {k: v[:5] + [round(v[5], 3)] for k, v in want.items()}, (filters, freq)
            for x in df.itertuples():
                assert x.mean_score == round(want[x.period.date()][5] / want[x.period.date()][0], 3)
    filled = query.timeline(store, Filters(), freq="week")
    coarse = Counter(r["date_precision"] for r in records if r["date_precision"] in ("month", "year"))
    assert filled["events"].sum() == len(records) - sum(coarse.values()) and filled.attrs["left_out"] == dict(coarse)
    weeks = list(filled["period"])
    assert len(weeks) > 10 and all((y - x).days == 7 for x, y in zip(weeks, weeks[1:], strict=False))


def test_actors_and_sources_against_the_records(world):
    store, records, articles, _ = world
    as_actor, as_recipient, involved = Counter(), Counter(), Counter()
    for r in records:
        for c in codes(r, "actor"):
            as_actor[c] += 1
        for c in codes(r, "recipient"):
            as_recipient[c] += 1
        for c in codes(r, "actor") | codes(r, "recipient"):
            involved[c] += 1
    df = query.actors(store)
    assert {x.code: (x.events, x.as_actor, x.as_recipient) for x in df.itertuples()} == {
        c: (involved[c], as_actor[c], as_recipient[c]) for c in involved
    }
    per_source_articles = Counter(a.get("source") or "(none)" for a in articles.values())
    per_source_events = Counter(articles[r["doc_id"]].get("source") or "(none)" for r in records)
    df = query.sources(store)
    assert {x.source: (x.articles, x.events) for x in df.itertuples()} == {
        s: (n, per_source_events[s]) for s, n in per_source_articles.items()
    }


def test_relations_for_sql_users(world):
    store, *_ = world
    rel = query.relation(store, "dyads", Filters(quads=[1, 2]), by_event=False)
    assert rel.df().equals(query.dyads(store, Filters(quads=[1, 2]), by_event=False))
    top = rel.filter("events >= 2").aggregate("count(*)").fetchall()[0][0]
    assert top == int((query.dyads(store, Filters(quads=[1, 2]), by_event=False)["events"] >= 2).sum())
    text, params = query.sql("timeline", Filters(countries=["USA"]), freq="year")
    assert "date_trunc('year'" in text and params == {"countries": ["USA"]}


def test_exports_match_the_coded_output(world, tmp_path):
    store, records, _, _ = world
    path = tmp_path / "events.jsonl"
    assert export(store, path, "jsonl") == len(records)
    exported = path.read_text(encoding="utf-8").splitlines()
    lines = [json.dumps(r, ensure_ascii=False) for r in records]  # what dragoman code wrote
    assert sorted(exported) == sorted(lines)  # byte-identical records
    days = [day(json.loads(line)["date"]) for line in exported]
    assert days == sorted(days)  # ordered by day
    for fmt, delim in (("tsv", "\t"), ("csv", ",")):
        p = tmp_path / f"events.{fmt}"
        assert export(store, p, fmt) == len(records)
        rows = list(csv.reader(p.open(encoding="utf-8", newline=""), delimiter=delim))
        assert rows[0][0] == ("GLOBALEVENTID" if fmt == "tsv" else "id")
        ids = [r[0].rsplit("-", 1)[0] if fmt == "tsv" else r[0] for r in rows[1:]]
        assert sorted(set(ids)) == sorted(r["id"] for r in records)
        if fmt == "csv":
            assert len(rows) == len(records) + 1
    pq = tmp_path / "parquet"
    assert export(store, pq, "parquet") == len(records)
    import pyarrow.dataset as ds

    table = ds.dataset(pq, format="parquet", partitioning="hive").to_table()
    months = Counter(day(r["date"]).strftime("%Y-%m") for r in records)
    assert {p.name for p in pq.iterdir()} == {f"month={m}" for m in months} | {"_dragoman_export.json"}  # + the list of files written
    assert Counter(table.column("month").to_pylist()) == months
    assert table.num_rows == len(records)
    # a filtered export
    n = export(store, tmp_path / "assault.jsonl", "jsonl", Filters(events=["ASSAULT"]))
    assert n == sum(r["event"] == "ASSAULT" for r in records) > 0
