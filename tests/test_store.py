"""The store: idempotent ingest, replacement of changed articles, versions, run log, migrations."""

from __future__ import annotations

import json

import duckdb
import pytest
from store_fixtures import BORDER_TALKS, BROKEN_FEED_ITEMS, corpus, page, rss, snapshot, write_jsonl

from dragoman.store import SCHEMA_VERSION, IngestOptions, Store, StoreError, ingest
from dragoman.store.schema import MIGRATIONS


@pytest.fixture
def inputs(tmp_path):
    src = tmp_path / "news.jsonl"
    write_jsonl(src, corpus(12))
    html = tmp_path / "talks.html"
    html.write_text(page("Border talks resume", BORDER_TALKS))
    feed = tmp_path / "wire.xml"
    feed.write_text(rss(BROKEN_FEED_ITEMS))
    return [src, html, feed]


def test_ingest_twice_leaves_every_table_unchanged(coder, tmp_path, inputs):
    db = tmp_path / "s.duckdb"
    first = ingest(inputs, db, coder=coder)
    assert (first.added, first.replaced, first.unchanged, first.failed) == (15, 0, 0, 2)
    assert first.events > 20 and first.exit_code == 1
    before = snapshot(db)
    assert len(before["articles"]) == 15 and len(before["events"]) == first.events
    second = ingest(inputs, db, coder=coder)
    assert (second.added, second.replaced, second.unchanged, second.failed, second.events) == (0, 0, 15, 2, 0)
    assert snapshot(db) == before
    with Store.open(db, read_only=True) as store:
        runs = store.sql("SELECT run_id, status, added, unchanged, failed FROM runs ORDER BY run_id").fetchall()
        assert runs == [(1, "done", 15, 0, 2), (2, "done", 0, 15, 2)]
        errors = store.sql("SELECT run_id, code FROM run_errors ORDER BY ALL").fetchall()
        assert errors == [(1, "E043"), (1, "E044"), (2, "E043"), (2, "E044")]


def test_changed_article_replaces_its_events(coder, tmp_path):
    arts = corpus(6)
    src = tmp_path / "news.jsonl"
    write_jsonl(src, arts)
    db = tmp_path / "s.duckdb"
    ingest([src], db, coder=coder)
    before = snapshot(db)
    arts[2]["text"] = "Turkish jets bombed Kurdish positions in northern Iraq. Iraq condemned the strikes."
    write_jsonl(src, arts)
    summary = ingest([src], db, coder=coder)
    assert (summary.added, summary.replaced, summary.unchanged) == (0, 1, 5)
    after = snapshot(db)
    # the other articles' rows are as they were; the changed one has the new text's events only
    for table in ("articles", "events", "entities", "sentences"):
        keep = [r for r in before[table] if r[0] != "t-0002"]
        assert [r for r in after[table] if r[0] != "t-0002"] == keep
    with Store.open(db, read_only=True) as store:
        rows = store.sql("SELECT event, actor_codes, recipient_codes FROM events WHERE doc_id = 't-0002' ORDER BY seq").fetchall()
        n_articles = store.sql("SELECT count(*) FROM articles WHERE doc_id = 't-0002'").fetchall()[0][0]
    expected = coder.code_text(arts[2]["text"], arts[2]["date"], "t-0002")
    assert rows == [(e["event"], [a["code"] for a in e["actor"]], [r["code"] for r in e["recipient"]]) for e in expected]
    assert n_articles == 1
    # and it equals a clean ingest of the changed input
    clean = tmp_path / "clean.duckdb"
    ingest([src], clean, coder=coder)
    assert snapshot(clean) == after


def test_versions_and_run_log(coder, tmp_path, inputs):
    db = tmp_path / "s.duckdb"
    ingest(inputs, db, coder=coder, options=IngestOptions(date="2025-01-01", max_chars=50_000))
    with Store.open(db, read_only=True) as store:
        versions = store.sql("SELECT DISTINCT dictionary_version, pipeline_version FROM articles").fetchall()
        assert len(versions) == 1
        assert versions[0][0] == coder.dictionary_version and coder.model in versions[0][1]
        (run,) = store.sql("SELECT status, inputs, options, dictionary_version, finished_at IS NOT NULL FROM runs").fetchall()
        assert run[0] == "done" and run[3] == coder.dictionary_version and run[4]
        assert json.loads(run[1]) == [str(p.resolve()) for p in inputs]
        assert json.loads(run[2])["date"] == "2025-01-01" and json.loads(run[2])["max_chars"] == 50_000
        recs = [json.loads(r) for (r,) in store.sql("SELECT record FROM events").fetchall()]
        assert {r["dictionary_version"] for r in recs} == {coder.dictionary_version}


def test_new_dictionary_version_recodes(coder, tmp_path):
    src = tmp_path / "news.jsonl"
    write_jsonl(src, corpus(3))
    db = tmp_path / "s.duckdb"
    ingest([src], db, coder=coder)
    with Store.open(db) as store:
        store.con.execute("UPDATE articles SET dictionary_version = 'older'")
    summary = ingest([src], db, coder=coder)
    assert (summary.replaced, summary.unchanged) == (3, 0)


def test_same_doc_id_in_two_inputs_last_wins(coder, tmp_path):
    arts = corpus(2)
    changed = {**arts[0], "text": "Kenya and Uganda signed a trade pact."}
    first, second = tmp_path / "monday.jsonl", tmp_path / "tuesday.jsonl"
    write_jsonl(first, [arts[0]])
    write_jsonl(second, [changed, arts[1]])
    db = tmp_path / "s.duckdb"
    summary = ingest([first, second], db, coder=coder)  # an id given by the record names one document
    assert (summary.added, summary.replaced, summary.failed) == (2, 1, 0)
    with Store.open(db, read_only=True) as store:
        assert store.sql("SELECT text FROM articles WHERE doc_id = 't-0000'").fetchall() == [("Kenya and Uganda signed a trade pact.",)]
    clean = tmp_path / "clean.duckdb"
    ingest([second], clean, coder=coder)
    assert snapshot(db) == snapshot(clean)


def test_same_doc_id_twice_in_one_input_is_an_error(coder, tmp_path):
    arts = corpus(2)
    src = tmp_path / "dup.jsonl"
    write_jsonl(src, [arts[0], {**arts[0], "text": "Kenya and Uganda signed a trade pact."}, arts[1], arts[0]])
    db = tmp_path / "s.duckdb"
    summary = ingest([src], db, coder=coder)
    # the second record with id t-0000 says something else: an error on it; the same record again is no error
    assert (summary.added, summary.replaced, summary.unchanged, summary.failed) == (2, 0, 1, 1)
    assert f"{src}:2" in summary.errors[0] and "t-0000" in summary.errors[0] and f"{src}:1" in summary.errors[0]
    with Store.open(db, read_only=True) as store:
        assert store.sql("SELECT text FROM articles WHERE doc_id = 't-0000'").fetchall() == [(arts[0]["text"],)]


def test_migrations_from_older_schema(tmp_path):
    db = str(tmp_path / "old.duckdb")
    con = duckdb.connect(db)
    con.execute("CREATE TABLE schema_version (version INTEGER NOT NULL, description VARCHAR, applied_at TIMESTAMP)")
    for stmt in MIGRATIONS[0].statements:
        con.execute(stmt)
    con.execute("INSERT INTO schema_version VALUES (1, 'tables', now())")
    con.close()
    with Store.open(db, read_only=True) as store:  # migrated on open
        assert store.sql("SELECT max(version) FROM schema_version").fetchall() == [(SCHEMA_VERSION,)]
        views = {r[0] for r in store.sql("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
        assert {"event_view", "dyad_events"} <= views


def test_store_errors(tmp_path):
    with pytest.raises(StoreError) as exc:
        Store.open(tmp_path / "missing.duckdb", read_only=True)
    assert exc.value.code.name == "E050" and "dragoman ingest" in exc.value.remedy
    newer = str(tmp_path / "newer.duckdb")
    with Store.open(newer) as store:
        store.con.execute("INSERT INTO schema_version VALUES (999, 'future', now())")
    with pytest.raises(StoreError) as exc:
        Store.open(newer)
    assert exc.value.code.name == "E051"
    foreign = str(tmp_path / "foreign.duckdb")
    con = duckdb.connect(foreign)
    con.execute("CREATE TABLE t (x INTEGER)")
    con.close()
    with pytest.raises(StoreError) as exc:
        Store.open(foreign)
    assert exc.value.code.name == "E053"
    junk = tmp_path / "junk.duckdb"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError) as exc:
        Store.open(junk)
    assert exc.value.code.name in ("E052", "E053")


def test_interrupted_run_is_logged_and_resume_finishes_it(coder, tmp_path):
    src = tmp_path / "news.jsonl"
    write_jsonl(src, corpus(10))
    db = tmp_path / "s.duckdb"
    seen = []

    def stop_after_three(outcome):
        seen.append(outcome)
        if len(seen) == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ingest([src], db, coder=coder, commit_every=1, on_result=stop_after_three)
    with Store.open(db, read_only=True) as store:
        assert store.sql("SELECT status FROM runs").fetchall() == [("interrupted",)]
        assert store.sql("SELECT count(*) FROM articles").fetchall()[0][0] == 3
    summary = ingest([], db, coder=coder, resume=True)
    assert (summary.resumed, summary.unchanged, summary.added) == ([1], 3, 7)
    clean = tmp_path / "clean.duckdb"
    ingest([src], clean, coder=coder)
    assert snapshot(db) == snapshot(clean)
