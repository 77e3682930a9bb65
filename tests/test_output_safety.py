"""Issue 11, cases 3, 6 and 8: an output never destroys an input or the store, is written whole
or not at all, escapes spreadsheet formulas, and every bad option is a one-line error."""

from __future__ import annotations

import csv
import io
import json

import pytest
from store_fixtures import write_jsonl
from typer.testing import CliRunner

from dragoman.cli import app
from dragoman.errors import OutputError
from dragoman.output import atomic_text
from dragoman.store import Store, ingest

runner = CliRunner()
FORMULA = "=HYPERLINK(\"http://evil.example\",\"click\")"
RECORDS = [
    {"id": FORMULA, "text": "Israel struck Gaza. Egypt condemned Israel.", "date": "2025-03-01", "title": "+cmd", "source": "@SUM(A1)",
     "url": FORMULA},  # the GDELT table's SOURCEURL
    {"id": "-2+3", "text": "Kenya and Uganda signed a trade pact.", "date": "2025-03-02", "title": "Pact", "source": "-wire"},
]


@pytest.fixture(autouse=True)
def _share_coder(coder, monkeypatch):
    import dragoman.coder

    monkeypatch.setattr(dragoman.coder, "Coder", lambda *a, **k: coder)


@pytest.fixture(scope="module")
def store(tmp_path_factory, coder):
    tmp = tmp_path_factory.mktemp("out")
    src = tmp / "news.jsonl"
    write_jsonl(src, RECORDS)
    db = tmp / "s.duckdb"
    ingest([src], db, coder=coder)
    return db


def _one_error(output: str) -> str:
    (line,) = [line for line in output.splitlines() if line.startswith("error:")]
    return line


# ------------------------------------------------------------------ case 3: -o never destroys an input or the store


def test_code_refuses_to_write_over_its_input(tmp_path):
    src = tmp_path / "x.jsonl"
    write_jsonl(src, RECORDS)
    before = src.read_bytes()
    for args in (["-o", str(src)], ["-o", str(tmp_path / "out.jsonl"), "--clusters", str(src)], ["-o", str(tmp_path / "o"), "--clusters", str(tmp_path / "o")]):
        res = runner.invoke(app, ["code", str(src), *args])
        assert res.exit_code == 2 and "Refusing to write" in _one_error(res.output), res.output
    assert src.read_bytes() == before


def test_ingest_refuses_a_store_that_is_one_of_its_inputs(tmp_path):
    src = tmp_path / "x.jsonl"
    write_jsonl(src, RECORDS)
    before = src.read_bytes()
    res = runner.invoke(app, ["ingest", str(src), "--db", str(src)])
    assert res.exit_code == 2 and "one of the inputs" in _one_error(res.output)
    assert src.read_bytes() == before


def test_export_and_query_refuse_to_write_over_the_store(store):
    before = store.read_bytes()
    res = runner.invoke(app, ["export", "--db", str(store), "-o", str(store)])
    assert res.exit_code == 2 and "the event store" in _one_error(res.output)
    res = runner.invoke(app, ["query", "events", "--db", str(store), "-f", "csv", "-o", str(store)])
    assert res.exit_code == 2 and "the event store" in _one_error(res.output)
    assert store.read_bytes() == before
    with Store.open(store, read_only=True) as s:
        assert s.counts()["articles"] == 2


def test_parquet_export_never_deletes_files_it_did_not_write(store, tmp_path):
    folder = tmp_path / "events"
    (folder / "month=2025-03").mkdir(parents=True)
    mine = folder / "month=2025-03" / "notes.txt"
    mine.write_text("my notes")
    res = runner.invoke(app, ["export", "--db", str(store), "-f", "parquet", "-o", str(folder)])
    assert res.exit_code == 2 and "did not write" in _one_error(res.output)
    assert mine.read_text() == "my notes"
    fresh = tmp_path / "fresh"
    for _ in range(2):  # an earlier export's folder is replaced
        res = runner.invoke(app, ["export", "--db", str(store), "-f", "parquet", "-o", str(fresh)])
        assert res.exit_code == 0, res.output
    assert sorted(p.name for p in fresh.iterdir()) == ["_dragoman_export.json", "month=2025-03"]


def test_an_output_is_written_whole_or_not_at_all(tmp_path):
    out = tmp_path / "events.jsonl"
    out.write_text("old\n")
    with pytest.raises(RuntimeError), atomic_text(out) as fh:
        fh.write("half")
        raise RuntimeError("interrupted")
    assert out.read_text() == "old\n" and [p.name for p in tmp_path.iterdir()] == ["events.jsonl"]


# ------------------------------------------------------------------ case 6: spreadsheet formulas


def _cells(text: str, delimiter: str = ",") -> list[str]:
    return [c for row in csv.reader(io.StringIO(text), delimiter=delimiter) for c in row]


def test_code_escapes_formula_cells(tmp_path):
    src = tmp_path / "f.jsonl"
    write_jsonl(src, RECORDS)
    for fmt, delim in (("csv", ","), ("tsv", "\t")):
        res = runner.invoke(app, ["code", str(src), "-f", fmt, "-q"])
        cells = _cells(res.stdout, delim)
        assert "'" + FORMULA in cells and FORMULA not in cells  # the id (CSV), the url (the GDELT table's SOURCEURL)
        assert "'-2+3" in cells or fmt == "tsv"
        assert not any(c[:1] in ("=", "+", "@") for c in cells)
        assert any(c.startswith("-") and float(c) < 0 for c in cells if c[1:2].isdigit())  # a negative score stays a number
    res = runner.invoke(app, ["code", str(src), "-f", "csv", "-q", "--no-escape-formulas"])
    assert FORMULA in _cells(res.stdout)


def test_export_and_query_escape_formula_cells(store, tmp_path):
    for fmt in ("csv", "tsv"):
        out = tmp_path / f"e.{fmt}"
        assert runner.invoke(app, ["export", "--db", str(store), "-f", fmt, "-o", str(out)]).exit_code == 0
        cells = _cells(out.read_text(), "\t" if fmt == "tsv" else ",")
        assert "'" + FORMULA in cells and FORMULA not in cells
    res = runner.invoke(app, ["query", "events", "--db", str(store), "-f", "csv"])
    cells = _cells(res.stdout)
    assert "'" + FORMULA in cells and "'+cmd" in cells and FORMULA not in cells
    res = runner.invoke(app, ["query", "sources", "--db", str(store), "-f", "csv"])
    assert "'@SUM(A1)" in _cells(res.stdout) and "'-wire" in _cells(res.stdout)
    res = runner.invoke(app, ["query", "sources", "--db", str(store), "-f", "csv", "--no-escape-formulas"])
    assert "@SUM(A1)" in _cells(res.stdout)
    res = runner.invoke(app, ["query", "events", "--db", str(store), "-f", "json"])  # JSON keeps values as they are
    assert FORMULA in {r["doc_id"] for r in json.loads(res.stdout)}


# ------------------------------------------------------------------ case 8: one-line errors for bad options


def test_query_limit_must_be_positive(store):
    for bad in ("-1", "0"):
        res = runner.invoke(app, ["query", "events", "--db", str(store), "--limit", bad, "-f", "json"])
        assert res.exit_code == 2 and "--limit" in res.output and res.stdout.strip() == "", res.output
    res = runner.invoke(app, ["query", "events", "--db", str(store), "--limit", "1", "-f", "json"])
    assert res.exit_code == 0 and len(json.loads(res.stdout)) == 1
    from dragoman.store import StoreError, query

    assert query.events(store, limit=0).empty
    with pytest.raises(StoreError):
        query.events(store, limit=-1)


def test_output_in_a_missing_folder_is_a_one_line_error(store, tmp_path):
    src = tmp_path / "a.jsonl"
    write_jsonl(src, RECORDS[1:])
    missing = tmp_path / "no" / "such" / "x"
    for args in (["code", str(src)], ["export", "--db", str(store)], ["query", "events", "--db", str(store), "-f", "csv"]):
        res = runner.invoke(app, [*args, "-o", str(missing)])
        assert res.exit_code == 2 and "Cannot write" in _one_error(res.output), (args, res.output)
        assert not isinstance(res.exception, (OSError, OutputError)) and not missing.parent.exists()
