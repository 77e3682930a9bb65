"""The command line's presentation: --version, flags shown as flags, progress counting records, serve."""

from __future__ import annotations

import json
import re

from typer.testing import CliRunner

from dragoman import __version__
from dragoman.cli import app
from dragoman.cli_ui import count_records

runner = CliRunner()


def test_version_option():
    res = runner.invoke(app, ["--version"])
    assert res.exit_code == 0 and res.output.strip() == f"dragoman {__version__}"


def test_flags_are_shown_as_flags():
    for args, flags in ((["code", "--help"], ("--fuse", "--quiet")), (["serve", "--help"], ("--code",)), (["ingest", "--help"], ("--fetch", "--resume"))):
        res = runner.invoke(app, args, env={"COLUMNS": "200", "TERM": "dumb"})
        assert res.exit_code == 0, res.output
        for flag in flags:
            line = next(line for line in res.output.splitlines() if re.search(rf"{flag}\b", line))
            assert "<bool>" not in line and "BOOLEAN" not in line, line
        assert "<bool>" not in res.output
    serve_help = runner.invoke(app, ["serve", "--help"], env={"COLUMNS": "200"}).output
    assert "--no-code" in serve_help and "127.0.0.1" in serve_help


def test_count_records(tmp_path):
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text("\n".join(json.dumps({"id": str(i), "text": "x"}) for i in range(5)) + "\n\n")
    csv_file = tmp_path / "b.csv"
    csv_file.write_text('id,text\n1,"two\nlines"\n2,plain\n')
    text = tmp_path / "c.txt"
    text.write_text("2025-01-01\nEgypt called for calm.")
    assert count_records([jsonl, csv_file, text]) == 5 + 2 + 1
    assert count_records([jsonl, "-"]) is None
    assert count_records(["https://example.org/feed.xml"]) is None
    assert count_records([tmp_path / "missing.jsonl"]) is None


def test_serve_refuses_a_missing_store(tmp_path):
    res = runner.invoke(app, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert res.exit_code == 2 and "No event store" in res.output
