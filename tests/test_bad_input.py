"""Every malformed input gets a one-line error naming file and line, and the rest is coded."""

from __future__ import annotations

import io
import json

from dragoman.read import Article, ReadFailure, read_inputs
from dragoman.run import code_files

GOOD = "Pakistan and India agreed to hold talks on Monday."


def _jsonl(*records: object) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


def run(coder, paths, **kw):
    out = io.StringIO()
    summary = code_files([str(p) for p in paths], out, coder=coder, **kw)
    events = [json.loads(line) for line in out.getvalue().splitlines()]
    return summary, events


def test_malformed_jsonl_line(tmp_path, coder):
    p = tmp_path / "in.jsonl"
    p.write_text(_jsonl({"id": "a", "date": "2025-01-02", "text": GOOD}, '{"id": "b", "text": ', {"id": "c", "date": "2025-01-02", "text": GOOD}))
    summary, events = run(coder, [p])
    assert (summary.read, summary.coded, summary.failed) == (3, 2, 1)
    assert len(summary.errors) == 1
    assert f"{p}:2" in summary.errors[0] and "not valid JSON" in summary.errors[0]
    assert "\n" not in summary.errors[0]
    assert {e["doc_id"] for e in events} == {"a", "c"}
    assert summary.exit_code == 1


def test_csv_row_without_text(tmp_path, coder):
    p = tmp_path / "in.csv"
    p.write_text(f'id,date,text\nr1,2025-01-02,"{GOOD}"\nr2,2025-01-02,\nr3,2025-01-02,"{GOOD}"\n')
    summary, events = run(coder, [p])
    assert (summary.read, summary.coded, summary.failed) == (3, 2, 1)
    assert f"{p}:3" in summary.errors[0] and "no text" in summary.errors[0]
    assert {e["doc_id"] for e in events} == {"r1", "r3"}


def test_invalid_utf8_line_in_jsonl(tmp_path, coder):
    p = tmp_path / "in.jsonl"
    good = _jsonl({"id": "a", "date": "2025-01-02", "text": GOOD}).encode()
    bad = b'{"id": "b", "date": "2025-01-02", "text": "caf\xe9 talks"}\n'
    p.write_bytes(good + bad + good.replace(b'"a"', b'"c"'))
    summary, events = run(coder, [p])
    assert summary.failed == 1 and summary.coded == 2
    assert f"{p}:2" in summary.errors[0] and "UTF-8" in summary.errors[0]
    assert {e["doc_id"] for e in events} == {"a", "c"}


def test_invalid_utf8_text_file_and_empty_file_do_not_stop_the_batch(tmp_path, coder):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"2025-01-02\nThe minister \xff\xfe visited Kabul.")
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    good = tmp_path / "good.txt"
    good.write_text("2025-01-02\n" + GOOD)
    summary, events = run(coder, [bad, empty, good])
    assert (summary.read, summary.coded, summary.failed) == (3, 1, 2)
    assert any(str(bad) in e and "UTF-8" in e for e in summary.errors)
    assert any(str(empty) in e and "empty" in e for e in summary.errors)
    assert events and all(e["doc_id"] == "good.txt" for e in events)


def test_missing_date(tmp_path, coder):
    p = tmp_path / "in.jsonl"
    p.write_text(_jsonl({"id": "nodate", "text": GOOD}, {"id": "ok", "date": "2025-01-02", "text": GOOD}))
    summary, events = run(coder, [p])
    assert summary.failed == 1 and summary.coded == 1
    assert f"{p}:1" in summary.errors[0] and "no publication date" in summary.errors[0]
    assert "--date" in summary.errors[0]
    # with --date the record is coded
    summary, events = run(coder, [p], date=__import__("datetime").date(2025, 5, 5))
    assert summary.failed == 0 and {e["doc_id"] for e in events} == {"nodate", "ok"}


def test_bad_date(tmp_path):
    p = tmp_path / "in.jsonl"
    p.write_text(_jsonl({"id": "x", "date": "last Tuesday", "text": GOOD}))
    (item,) = list(read_inputs([p]))
    assert isinstance(item, ReadFailure) and "not a date dragoman can read" in item.error.message


def test_oversized_article(tmp_path, coder):
    p = tmp_path / "in.jsonl"
    huge = ("The delegates met again. " * 210_000)[:5_000_000]
    p.write_text(_jsonl({"id": "huge", "date": "2025-01-02", "text": huge}, {"id": "ok", "date": "2025-01-02", "text": GOOD}))
    summary, events = run(coder, [p])
    assert summary.failed == 1 and summary.coded == 1
    assert f"{p}:1" in summary.errors[0] and "more than the limit" in summary.errors[0]
    assert {e["doc_id"] for e in events} == {"ok"}


def test_nothing_readable_exits_2(tmp_path, coder):
    p = tmp_path / "in.jsonl"
    p.write_text("not json\n")
    summary, _ = run(coder, [p, tmp_path / "missing.txt"])
    assert summary.coded == 0 and summary.failed == 2 and summary.exit_code == 2
    assert any("cannot read the file" in e for e in summary.errors)


def test_plain_text_date_line_and_ids(tmp_path):
    p = tmp_path / "story.txt"
    p.write_text("2024-02-03\nFirst line of the story.\n")
    (art,) = list(read_inputs([p]))
    assert isinstance(art, Article)
    assert art.id == "story.txt" and str(art.date) == "2024-02-03" and art.text.startswith("First")


def test_csv_without_text_column(tmp_path):
    p = tmp_path / "in.csv"
    p.write_text("id,body\n1,hello\n")
    (item,) = list(read_inputs([p]))
    assert isinstance(item, ReadFailure) and "no 'text' column" in item.error.message
