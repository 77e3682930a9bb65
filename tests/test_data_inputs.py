"""Inputs: publication dates in common formats (through dateparser, within 1800-2100), a record's
other fields kept as ``meta`` (in the record and in the store), the source from the URL's host."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from dragoman.errors import InputError
from dragoman.read import Article, ReadFailure, read_inputs
from dragoman.read.pubdate import AmbiguousDate, parse_publication_date
from dragoman.read.rules import admit, url_host
from dragoman.store import Store, ingest

TEXT = "Pakistan and India agreed to a ceasefire on Saturday, the foreign office said."


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2025-03-01", dt.date(2025, 3, 1)),
        ("2025-03-01T10:00:00Z", dt.date(2025, 3, 1)),
        ("2025-03-14 20:30:26Z", dt.date(2025, 3, 14)),
        ("20250301", dt.date(2025, 3, 1)),
        ("Sat, 01 Mar 2025 10:00:00 GMT", dt.date(2025, 3, 1)),
        ("Sat, 01 Mar 2025 23:30:00 -0500", dt.date(2025, 3, 1)),  # the day as written, no time-zone shift
        ("March 1, 2025", dt.date(2025, 3, 1)),
        ("1 March 2025", dt.date(2025, 3, 1)),
        ("13/03/2025", dt.date(2025, 3, 13)),
        ("yesterday", None),
        ("March 2025", None),
        ("20251301", None),
        ("someday", None),
    ],
)
def test_publication_date_formats(value, day):
    assert parse_publication_date(value) == day


def test_a_numeric_date_that_reads_both_ways_is_refused():
    with pytest.raises(AmbiguousDate):
        parse_publication_date("01/03/2025")


def _read(tmp_path, records, name="in.jsonl"):
    p = tmp_path / name
    p.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return list(read_inputs([p]))


def test_readers_take_the_formats_and_keep_the_range_rule(tmp_path):
    items = _read(tmp_path, [
        {"id": "a", "text": TEXT, "date": "20250301"},
        {"id": "b", "text": TEXT, "published": "Sat, 01 Mar 2025 10:00:00 GMT"},
        {"id": "c", "text": TEXT, "date": "March 1, 2025"},
        {"id": "d", "text": TEXT, "date": 20250301},
        {"id": "e", "text": TEXT, "date": "01/03/2025"},
        {"id": "f", "text": TEXT, "date": "July 4, 1776"},
        {"id": "g", "text": TEXT, "date": "2101-01-01"},
    ])
    assert [i.date for i in items[:4]] == [dt.date(2025, 3, 1)] * 4
    errors = [i.error for i in items[4:]]
    assert all(isinstance(i, ReadFailure) for i in items[4:])
    assert errors[0].code.name == "E060" and "day/month or month/day" in errors[0].message
    assert errors[1].code.name == errors[2].code.name == "E023"


def test_csv_dates_and_extra_columns(tmp_path):
    p = tmp_path / "in.csv"
    p.write_text(f'id,text,date,section,author,empty\nx,"{TEXT}","March 1, 2025",Asia,A. Writer,\n', encoding="utf-8")
    (art,) = list(read_inputs([p]))
    assert art.date == dt.date(2025, 3, 1) and art.meta == {"section": "Asia", "author": "A. Writer"}


def test_extra_fields_are_kept_as_meta(tmp_path):
    (art, plain) = _read(tmp_path, [
        {"id": "a", "text": TEXT, "published": "2025-03-01", "section": "Asia", "keywords": ["ceasefire", "Kashmir"],
         "byline": {"name": "A. Writer", "staff": True}, "nothing": None},
        {"id": "b", "text": TEXT, "date": "2025-03-01", "title": "T", "source": "S", "url": "https://x.example/b"},
    ])
    assert art.meta == {"section": "Asia", "keywords": ["ceasefire", "Kashmir"], "byline": {"name": "A. Writer", "staff": True}}
    assert plain.meta is None  # id, text, date, title, source and url are no meta
    bad = _read(tmp_path, [{"id": "c", "text": TEXT, "date": "2025-03-01", "tags": ["\ud800"]}], "bad.jsonl")
    assert isinstance(bad[0], ReadFailure) and bad[0].error.code.name == "E024"


def test_the_source_defaults_to_the_urls_host():
    assert url_host("https://www.voanews.com/a/x.html") == "voanews.com"
    assert url_host("http://News.Example.org:8080/p") == "news.example.org"
    assert url_host("ftp://x.example/") is None and url_host("not a url") is None and url_host(None) is None
    art = admit(Article("a", TEXT, dt.date(2025, 3, 1), url="https://www.voanews.com/a/1.html"))
    assert art.source == "voanews.com"
    named = admit(Article("a", TEXT, dt.date(2025, 3, 1), source="VOA", url="https://www.voanews.com/a/1.html"))
    assert named.source == "VOA"


def test_meta_in_the_record_and_the_store(tmp_path, coder):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "m", "text": TEXT, "published": "Sat, 01 Mar 2025 10:00:00 GMT",
                               "url": "https://www.voanews.com/a/m.html", "section": "Asia", "author": "A. Writer"}) + "\n")
    (result,) = list(coder.code(read_inputs([src])))
    assert result.events and all(e["meta"] == {"section": "Asia", "author": "A. Writer"} for e in result.events)
    assert list(result.events[0])[-1] == "meta"  # a new last field: the rest of the record is as before
    db = tmp_path / "s.duckdb"
    assert ingest([src], db, coder=coder).added == 1
    with Store.open(db, read_only=True) as st:
        source, meta, day = st.con.execute("SELECT source, meta, date FROM articles").fetchall()[0]
        assert source == "voanews.com" and json.loads(meta) == {"section": "Asia", "author": "A. Writer"} and day == dt.date(2025, 3, 1)
        assert st.con.execute("SELECT count(*) FROM event_view WHERE article_meta IS NOT NULL").fetchall()[0][0] == len(result.events)
    plain = tmp_path / "plain.jsonl"
    plain.write_text(json.dumps({"id": "p", "text": TEXT, "date": "2025-03-01"}) + "\n")
    (result,) = list(coder.code(read_inputs([plain])))
    assert result.events and all("meta" not in e for e in result.events)


def test_an_older_store_gets_the_meta_column(tmp_path, monkeypatch):
    import dragoman.store.db as db_module

    db = tmp_path / "v3.duckdb"
    with monkeypatch.context() as m:  # a store as dragoman wrote it before migration 4
        m.setattr(db_module, "MIGRATIONS", db_module.MIGRATIONS[:3])
        m.setattr(db_module, "SCHEMA_VERSION", 3)
        with Store.open(db) as st:
            st.con.execute("INSERT INTO articles (doc_id, content_hash, date, text) VALUES ('old', 'h', DATE '2025-01-01', 'x')")
    with Store.open(db) as st:
        cols = [r[0] for r in st.con.execute("DESCRIBE articles").fetchall()]
        assert cols[-1] == "meta"
        assert max(r[0] for r in st.con.execute("SELECT version FROM schema_version").fetchall()) == 4
        assert st.con.execute("SELECT doc_id, meta FROM articles").fetchall() == [("old", None)]
        assert "article_meta" in st.con.sql("SELECT * FROM event_view LIMIT 0").columns


def test_bad_meta_values_are_errors():
    with pytest.raises(InputError):
        admit(Article("a", TEXT, dt.date(2025, 3, 1), meta={"deep": [[[[[[[[[[["x"]]]]]]]]]]]}))
