"""Issue 11: a property-based fuzzer (Hypothesis) over the readers, the coder and the store.

For any JSONL or CSV file made of generated records (hostile values in any field, any text) with
byte-level mutations: no exception escapes ``code`` or ``ingest``; every input record is either
coded or reported as an error with its line (the oracles of scripts/fuzz.py); and the store
opens, answers every query and export, and is consistent. A few dozen cases run here; the long
run (10,000 JSONL records and 2,000 CSV files) is ``python scripts/fuzz.py``; FUZZ_EXAMPLES=500
runs more cases here.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from fuzz import CSV_COLUMNS, HOSTILE, account_csv, account_jsonl, store_problems  # noqa: E402

from dragoman.run import code_files  # noqa: E402
from dragoman.store import ingest  # noqa: E402

SENTENCES = [
    "Israel struck Gaza.", "Egypt condemned Israel.", "Kenya and Uganda signed a trade pact.",
    "Pakistani officials met Indian diplomats in Geneva on Monday.", "Police arrested protesters in Lagos.",
]
FAST = settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "20")), deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

texts = st.one_of(
    st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=3).map(" ".join),
    st.tuples(st.sampled_from(SENTENCES), st.sampled_from(HOSTILE), st.text(max_size=20)).map("".join),
    st.text(max_size=60),
)
values = st.one_of(
    st.none(), st.sampled_from(HOSTILE), st.text(max_size=30), st.integers(), st.floats(allow_nan=False),
    st.booleans(), st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=3), st.integers(), max_size=1),
)
dates = st.one_of(st.dates().map(str), st.sampled_from(["2025-03-01", "9999-12-31", "2025-02-30", "", "1800-01-01"]), values)


@st.composite
def records(draw: st.DrawFn) -> dict[str, object]:
    rec: dict[str, object] = {"id": draw(st.one_of(st.text(max_size=12), values)), "text": draw(st.one_of(texts, texts, values)), "date": draw(dates)}
    for key in draw(st.sets(st.sampled_from(["title", "source", "url"]))):
        rec[key] = draw(values)
    for key in draw(st.sets(st.sampled_from(["id", "date"]), max_size=1)):
        del rec[key]
    return rec


@st.composite
def mutated(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` with some byte-level insertions and deletions."""
    for _ in range(draw(st.integers(0, 3))):
        pos = draw(st.integers(0, len(data)))
        if draw(st.booleans()):
            piece = draw(st.one_of(st.binary(max_size=3), st.sampled_from([b'"', b"\n", b"\\ud800", b"\xff", b"{", b","])))
            data = data[:pos] + piece + data[pos:]
        else:
            data = data[:pos] + data[pos + draw(st.integers(1, 8)) :]
    return data


def _jsonl(recs: list[dict[str, object]]) -> bytes:
    return b"".join(json.dumps(r, ensure_ascii=False).encode("utf-8", "surrogatepass") + b"\n" for r in recs)


def _csv(recs: list[dict[str, object]]) -> tuple[bytes, list[bytes]]:
    def line(row: list[object]) -> bytes:
        buf = io.StringIO()
        csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator="\n").writerow(row)
        return buf.getvalue().rstrip("\n").encode("utf-8", "surrogatepass")

    rows = [line(["" if r.get(c) is None else r.get(c) for c in CSV_COLUMNS]) for r in recs]
    return b"\n".join([line(list(CSV_COLUMNS)), *rows]) + b"\n", rows


def _check(coder, path: Path, oracle) -> None:
    """Code and ingest ``path``: nothing escapes, every record is accounted for, the store is sound."""
    origins: list[str] = []
    for fmt in ("jsonl", "csv"):
        origins.clear()
        summary = code_files([str(path)], io.StringIO(), fmt=fmt, coder=coder, on_result=lambda r: origins.append(r.origin))
        assert summary.read == summary.coded + summary.failed
        assert oracle(origins) == []
    stored: list[str] = []
    db = path.with_suffix(".duckdb")
    for _ in range(2):  # twice: the second run finds the store as the first left it
        stored.clear()
        summary = ingest([str(path)], db, coder=coder, on_result=lambda out: stored.append(out.origin))
        assert oracle(stored) == []
    assert store_problems(db) == []


@FAST
@given(recs=st.lists(records(), min_size=1, max_size=5), data=st.data())
def test_fuzzed_jsonl_through_code_and_ingest(coder, recs, data):
    raw = data.draw(mutated(_jsonl(recs)))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fuzz.jsonl"
        path.write_bytes(raw)
        _check(coder, path, lambda origins: account_jsonl(raw, str(path), origins))


@FAST
@given(recs=st.lists(records(), min_size=1, max_size=5), data=st.data())
def test_fuzzed_csv_through_code_and_ingest(coder, recs, data):
    clean, rows = _csv(recs)
    raw = data.draw(mutated(clean))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fuzz.csv"
        path.write_bytes(raw)
        _check(coder, path, lambda origins: account_csv(raw, str(path), origins, rows))
