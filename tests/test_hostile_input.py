"""Issue 11, cases 1, 2, 4 and 8: hostile input records are refused one by one, with a one-line
error naming file and line; nothing else is lost, nothing crashes, the store stays usable."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from store_fixtures import rss, rss_item
from typer.testing import CliRunner

from dragoman.cli import app
from dragoman.read import Article, ReadFailure, read_inputs
from dragoman.store import Store, ingest

runner = CliRunner()
GOOD = "Israel struck Gaza. Egypt condemned Israel."


@pytest.fixture(autouse=True)
def _share_coder(coder, monkeypatch):
    import dragoman.coder

    monkeypatch.setattr(dragoman.coder, "Coder", lambda *a, **k: coder)


def _lines(*records: object) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


def _errors(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("error:")]


# ------------------------------------------------------------------ case 1: a far date


def test_far_date_is_an_input_error_and_the_store_stays_usable(coder, tmp_path):
    src = tmp_path / "far.jsonl"
    src.write_text(_lines({"id": "far", "text": GOOD, "date": "9999-12-31"}, {"id": "ok", "text": GOOD, "date": "2025-03-01"}))
    db = tmp_path / "s.duckdb"
    summary = ingest([src], db, coder=coder)
    assert (summary.added, summary.failed) == (1, 1)
    assert f"{src}:1" in summary.errors[0] and "9999-12-31" in summary.errors[0] and "1800" in summary.errors[0]
    later = tmp_path / "later.jsonl"
    later.write_text(_lines({"id": "later", "text": GOOD, "date": "2025-03-02"}))
    again = ingest([later], db, coder=coder)  # the next ingest works, and clusters every event
    assert again.added == 1
    with Store.open(db, read_only=True) as store:
        assert store.sql("SELECT count(*) FROM events WHERE cluster_id IS NULL").fetchall() == [(0,)]
        assert store.sql("SELECT DISTINCT status FROM runs").fetchall() == [("done",)]
    old = tmp_path / "old.jsonl"  # before the first date allowed
    old.write_text(_lines({"id": "old", "text": GOOD, "date": "1066-10-14"}))
    (fail,) = list(read_inputs([old]))
    assert isinstance(fail, ReadFailure) and fail.error.code.name == "E023"


def test_far_date_in_an_rss_feed_and_in_code_fuse(tmp_path):
    feed = tmp_path / "far.rss"
    feed.write_text(rss([rss_item("far-1", "Far", GOOD, "Fri, 31 Dec 9999 10:00:00 GMT"), rss_item("ok-1", "Ok", GOOD, "Mon, 03 Mar 2025 10:00:00 GMT")]))
    items = list(read_inputs([feed]))
    assert [type(i).__name__ for i in items] == ["ReadFailure", "Article"]
    assert "item 1" in items[0].error.message
    src = tmp_path / "far.jsonl"
    src.write_text(_lines({"id": "far", "text": GOOD, "date": "9999-12-31"}, {"id": "ok", "text": GOOD, "date": "2025-03-01"}))
    res = runner.invoke(app, ["code", str(src), "--fuse", "-q"])
    assert res.exit_code == 1, res.output
    assert len(_errors(res.output)) == 1
    res = runner.invoke(app, ["code", str(src), "--date", "9999-12-31"])
    assert res.exit_code == 2 and "outside" in res.output


def test_fusion_survives_a_date_at_the_end_of_the_calendar():
    # a store written before the date rules may hold such an event: fusing it must not raise
    from dragoman.records.fusion import fuse

    rec = {"id": "e1", "doc_id": "d", "event": "ASSAULT", "cameo": "190", "date": "9999-12-31", "date_precision": "publication",
           "actor": [{"code": "ISR"}], "recipient": [{"code": "PSE"}], "text_info": {"start": 0}}
    records, clusters = fuse([rec, {**rec, "id": "e2"}])
    assert len(records) == 2 and clusters


def test_events_the_text_dates_far_away_keep_every_query_working(coder, tmp_path):
    from dragoman.store import query

    src = tmp_path / "history.jsonl"
    text = "Israel struck Gaza on December 3, 1066. Egypt condemned Israel on 0001-01-01. Iran attacked Iraq 99999999 days ago."
    src.write_text(_lines({"id": "h", "text": text, "date": "2025-03-01"}))
    db = tmp_path / "s.duckdb"
    summary = ingest([src], db, coder=coder)
    assert summary.failed == 0 and summary.events >= 2
    for name in query.QUERIES:
        getattr(query, name)(db)
    res = runner.invoke(app, ["query", "timeline", "--db", str(db), "-f", "json"])
    assert res.exit_code == 0, res.output


# ------------------------------------------------------------------ case 2: lone surrogates


def _surrogate_file(tmp_path, field: str) -> object:
    src = tmp_path / f"bad-{field}.jsonl"
    bad = {"id": "bad", "text": GOOD, "date": "2025-03-01", "title": "t", "source": "s"}
    bad[field] = "x \ud800" if field != "date" else "2025-03-01\ud800"
    # json.dumps writes the lone surrogate as the escape \ud800, as a hostile file would
    src.write_text(_lines({"id": "before", "text": GOOD, "date": "2025-03-01"}, bad, {"id": "after", "text": GOOD, "date": "2025-03-01"}))
    return src


@pytest.mark.parametrize("field", ["text", "id", "title", "source", "date"])
def test_lone_surrogate_is_one_failed_record(coder, tmp_path, field):
    src = _surrogate_file(tmp_path, field)
    db = tmp_path / "s.duckdb"
    summary = ingest([src], db, coder=coder)
    assert (summary.added, summary.failed) == (2, 1)
    assert f"{src}:2" in summary.errors[0] and "\\ud800" in summary.errors[0]
    summary.errors[0].encode("utf-8")  # printable and storable
    with Store.open(db, read_only=True) as store:
        assert store.sql("SELECT doc_id FROM articles ORDER BY doc_id").fetchall() == [("after",), ("before",)]
        (message,) = store.sql("SELECT message FROM run_errors").fetchall()[0]
        assert "\\ud800" in message
    res = runner.invoke(app, ["code", str(src), "-q"])
    assert res.exit_code == 1 and len(_errors(res.output)) == 1
    assert {json.loads(line)["doc_id"] for line in res.stdout.splitlines() if line.startswith("{")} == {"before", "after"}


def test_control_characters_become_spaces_keeping_offsets(tmp_path):
    src = tmp_path / "ctl.jsonl"
    src.write_text(_lines({"id": "c", "text": "Israel\x00struck Gaza.\x1b[31m", "date": "2025-03-01", "title": "a\nb"}))
    (art,) = list(read_inputs([src]))
    assert isinstance(art, Article)
    assert art.text == "Israel struck Gaza. [31m" and art.title == "a b"
    bad_id = tmp_path / "id.jsonl"
    bad_id.write_text(_lines({"id": "a\tb", "text": GOOD, "date": "2025-03-01"}))
    (fail,) = list(read_inputs([bad_id]))
    assert isinstance(fail, ReadFailure) and fail.error.code.name == "E026"


# ------------------------------------------------------------------ case 4: silent loss


def test_unterminated_csv_quote_is_an_error_on_its_row_and_later_rows_are_read(tmp_path):
    src = tmp_path / "q.csv"
    src.write_text(
        'id,date,text\n'
        'r1,2025-01-02,"Israel struck Gaza."\n'
        'r2,2025-01-02,"Egypt condemned Israel.\n'  # the quote is never closed
        'r3,2025-01-02,Kenya and Uganda signed a trade pact.\n'
        'r4,2025-01-02,"Japan sent aid to the Philippines, officials said."\n'
        'r5,2025-01-02,"A text over\ntwo lines."\n'
    )
    items = list(read_inputs([src]))
    assert [i.id if isinstance(i, Article) else i.origin for i in items] == ["r1", f"{src}:3", "r3", "r4", "r5"]
    fail = items[1]
    assert isinstance(fail, ReadFailure) and fail.error.code.name == "E029" and "not closed" in fail.error.message
    assert items[4].text == "A text over\ntwo lines."


def test_same_file_name_in_two_folders_is_an_error_not_a_replacement(coder, tmp_path):
    for folder, text in (("a", "Israel struck Gaza."), ("b", "Egypt condemned Israel.")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text("2025-03-01\n" + text)
        (tmp_path / folder / "news.jsonl").write_text(_lines({"text": text, "date": "2025-03-01"}))
    a, b = tmp_path / "a", tmp_path / "b"
    db = tmp_path / "s.duckdb"
    summary = ingest([a / "report.txt", b / "report.txt", a / "news.jsonl", b / "news.jsonl"], db, coder=coder)
    assert (summary.added, summary.replaced, summary.failed) == (2, 0, 2)
    assert all("made from the file name" in e for e in summary.errors)
    # in a later run too: the stored article came from another file
    later = ingest([b / "report.txt"], db, coder=coder)
    assert (later.added, later.replaced, later.failed) == (0, 0, 1)
    assert str(a / "report.txt") in later.errors[0]
    # the same file again is the same document
    assert ingest([a / "report.txt"], db, coder=coder).unchanged == 1


# ------------------------------------------------------------------ case 8: input errors with one line


def test_text_of_another_type_says_so(tmp_path):
    src = tmp_path / "t.jsonl"
    src.write_text(_lines({"id": "n", "text": 5, "date": "2025-03-01"}, {"id": "l", "text": ["a"], "date": "2025-03-01"}))
    fails = list(read_inputs([src]))
    assert [f.error.code.name for f in fails] == ["E025", "E025"]
    assert "'text' is a number" in fails[0].error.message and "a list" in fails[1].error.message


def test_utf16_file_is_one_error(coder, tmp_path):
    src = tmp_path / "wide.jsonl"
    src.write_bytes(_lines({"id": "a", "text": GOOD, "date": "2025-03-01"}, {"id": "b", "text": GOOD, "date": "2025-03-01"}).encode("utf-16"))
    res = runner.invoke(app, ["code", str(src)])
    assert res.exit_code == 2
    (error,) = _errors(res.output)
    assert "UTF-16" in error and "iconv" in error
    assert "1 records read, 0 coded, 1 failed" in res.output
    txt = tmp_path / "wide.txt"
    txt.write_bytes(("2025-03-01\n" + GOOD).encode("utf-16"))
    (fail,) = list(read_inputs([txt]))
    assert isinstance(fail, ReadFailure) and fail.error.code.name == "E031"


def test_local_files_have_a_size_cap(tmp_path):
    from dragoman.read.urls import WebOptions

    page = tmp_path / "huge.html"
    page.write_bytes(b"<html><body><p>" + b"Filler text about nothing. " * 250_000 + b"</p></body></html>")  # 6.7 MB
    (fail,) = list(read_inputs([page], default_date=dt.date(2025, 1, 1)))
    assert isinstance(fail, ReadFailure) and fail.error.code.name == "E032" and "5000000" in fail.error.message
    small = WebOptions(max_bytes=1000)
    text = tmp_path / "story.txt"
    text.write_text("2025-03-01\n" + GOOD * 100)
    (fail,) = list(read_inputs([text], web=small))
    assert isinstance(fail, ReadFailure) and fail.error.code.name == "E032"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_is_no_input(tmp_path):
    endless = tmp_path / "endless.jsonl"
    endless.symlink_to("/dev/zero")
    (fail,) = list(read_inputs([endless]))
    assert isinstance(fail, ReadFailure) and fail.error.code.name == "E010" and "device" in fail.error.message


def test_jsonl_lines_over_the_cap_are_skipped_one_by_one(tmp_path):
    src = tmp_path / "long.jsonl"
    src.write_text(_lines({"id": "a", "text": "x " * 5000, "date": "2025-03-01"}, {"id": "b", "text": GOOD, "date": "2025-03-01"}))
    items = list(read_inputs([src], max_chars=100))
    assert [type(i).__name__ for i in items] == ["ReadFailure", "Article"]


def test_max_chars_over_the_parser_limit_is_refused_with_one_line(coder, tmp_path):
    src = tmp_path / "a.jsonl"
    src.write_text(_lines({"id": "a", "text": GOOD, "date": "2025-03-01"}))
    res = runner.invoke(app, ["code", str(src), "--max-chars", "2000000"])
    assert res.exit_code == 2 and "--max-chars" in res.output and "report this as a bug" not in res.output
    # the library refuses a text the parser cannot take as an input error, not as a bug
    (result,) = list(coder.code([Article("big", "x " * 600_000, dt.date(2025, 1, 1), origin="big")]))
    assert result.error is not None and result.error.code.name == "E033"
