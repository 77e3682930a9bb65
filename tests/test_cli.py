"""The command line: help, formats, exit codes, summary, evaluation."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from dragoman.cli import app
from dragoman.evaluate import full_match, load_gold, score

runner = CliRunner()


@pytest.fixture(autouse=True)
def _share_coder(coder, monkeypatch):
    # the CLI builds a Coder per call; reuse the session's to keep the tests fast
    import dragoman.coder

    monkeypatch.setattr(dragoman.coder, "Coder", lambda *a, **k: coder)


@pytest.mark.parametrize("command", ["code", "evaluate", "version"])
def test_every_command_has_help(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output


def test_code_jsonl_to_file_and_summary(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "date": "2025-02-01", "text": "Kenya and Uganda signed a trade pact."}) + "\n")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["code", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in out.read_text().splitlines()]
    assert events and events[0]["doc_id"] == "a"
    assert "1 records read, 1 coded, 0 failed" in result.output


def test_code_formats(tmp_path):
    src = tmp_path / "story.txt"
    src.write_text("Turkish jets bombed Kurdish positions in northern Iraq.")
    res = runner.invoke(app, ["code", str(src), "--date", "2025-01-01", "--format", "tsv", "-q"])
    assert res.exit_code == 0, res.output
    rows = list(csv.reader(io.StringIO(res.stdout), delimiter="\t"))
    assert rows[0][:3] == ["GLOBALEVENTID", "SQLDATE", "MonthYear"] and len(rows[0]) == 61
    assert any(r[rows[0].index("EventRootCode")] == "19" and r[rows[0].index("Actor1Code")].startswith("TUR") for r in rows[1:])
    res = runner.invoke(app, ["code", str(src), "--date", "2025-01-01", "--format", "csv", "-q"])
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert rows and rows[0]["actor_code"] == "TUR"
    res = runner.invoke(app, ["code", str(src), "--format", "xml"])
    assert res.exit_code != 0 and "unknown format" in res.output


def test_stdin(tmp_path):
    res = runner.invoke(app, ["code", "-", "--date", "2025-01-01", "-q"], input="Police arrested protesters in Lagos.")
    assert res.exit_code == 0
    assert json.loads(res.stdout.splitlines()[0])["event"] == "COERCE"


def test_exit_codes(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("2025-01-01\nIran condemned the attack.")
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{oops\n")
    assert runner.invoke(app, ["code", str(good), "-q"]).exit_code == 0
    res = runner.invoke(app, ["code", str(good), str(bad)])
    assert res.exit_code == 1
    assert f"{bad}:1" in res.output
    assert runner.invoke(app, ["code", str(bad), "-q"]).exit_code == 2


def test_bad_dictionary_gives_a_message(tmp_path):
    from dragoman.errors import DictionaryError
    from dragoman.lexicon import load_lexicon

    p = tmp_path / "d.yaml"
    p.write_text("- {id: agent.x, sector: NOPE, terms: [x]}\n")
    with pytest.raises(DictionaryError) as exc:
        load_lexicon([p])
    assert "d.yaml" in exc.value.message and exc.value.remedy


def test_evaluate_command_and_scores(tmp_path):
    gold = tmp_path / "gold.jsonl"
    recs = [
        {"id": "g1", "text": "Egypt and Jordan agreed to cooperate on water.", "event": "AGREE",
         "source": [{"code": "EGY"}, {"code": "JOR"}], "target": [], "textInfo": {"markup": "(SRC/TAR: Egypt) and (SRC/TAR: Jordan)"}},
        {"id": "g2", "text": "Nigeria denounced Niger over the border raids.", "event": "DISAPPROVE",
         "source": [{"code": "NGA"}], "target": [{"code": "NER"}]},
    ]
    gold.write_text("".join(json.dumps(r) + "\n" for r in recs))
    out = tmp_path / "report.json"
    res = runner.invoke(app, ["evaluate", str(gold), "--json", str(out)])
    assert res.exit_code == 0, res.output
    report = json.loads(out.read_text())
    assert report["sentences"] == 2
    assert "ACCUSE" in report["type"]["per_type"]  # DISAPPROVE mapped to ACCUSE
    assert "full-event P/R/F1" in res.output


def test_score_counts_by_hand():
    gold = load_gold_records()
    preds = [
        [{"event": "AGREE", "actor": [{"code": "EGY"}], "recipient": [{"code": "JOR"}], "event_text": ["agreed"], "rule": "r"}],
        [{"event": "REJECT", "actor": [{"code": "NGA"}], "recipient": [], "event_text": ["x"], "rule": "r"}],
    ]
    rep = score(gold, preds)
    # sentence 1: reciprocal gold matched by actor+recipient union; sentence 2: wrong type
    assert rep["full_event"]["tp"] == 1 and rep["full_event"]["fp"] == 1 and rep["full_event"]["fn"] == 1
    assert rep["type"]["per_type"]["AGREE"]["f1"] == 1.0
    assert rep["type"]["per_type"]["ACCUSE"]["recall"] == 0.0
    assert rep["confusion"]["ACCUSE>REJECT"] == 1
    assert full_match(preds[0][0], gold[0])


def load_gold_records():
    import tempfile
    from pathlib import Path

    recs = [
        {"id": "g1", "text": "x", "event": "AGREE", "source": [{"code": "EGY"}, {"code": "JOR"}], "target": [],
         "textInfo": {"markup": "(SRC/TAR: Egypt)"}},
        {"id": "g2", "text": "y", "event": "DISAPPROVE", "source": [{"code": "NGA"}], "target": [{"code": "NER"}]},
    ]
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "g.jsonl"
        p.write_text("".join(json.dumps(r) + "\n" for r in recs))
        return load_gold(p)
