#!/usr/bin/env python3
"""Mutation fuzzer: hostile JSONL and CSV inputs through ``dragoman code`` and ``dragoman ingest``.

    python scripts/fuzz.py [--jsonl-records 10000] [--csv-files 2000] [--seed 11] [--cli-every 20]

Records are made from news-like sentences (bench/corpus.py) and hostile values (far and broken
dates, lone surrogates, control characters, formula cells, numbers, lists and objects where
strings belong, long and empty fields); then bytes of their lines are mutated (flipped, inserted,
deleted, cut, quotes and escapes added, invalid UTF-8, split lines, UTF-16 byte-order marks).
JSONL files hold 100 records each; CSV files 5 rows. Every file goes through the library
functions the commands are thin layers over (``run.code_files``, writing JSONL and for every
fourth batch CSV too, and ``store.ingest``, one store for the whole run; 5 JSONL or 20 CSV files
per call), and every ``--cli-every``-th file through the command line as well.

Checked, and counted in the closing lines:

- **tracebacks**: exceptions that escape ``code`` or ``ingest`` (or a command that ends with one);
- **unaccounted records**: input records neither coded nor reported as an error with their line
  (JSONL: each non-blank line has exactly one outcome; CSV: each line still holding an intact
  record has one; an error for the whole file accounts for all of its lines);
- **store problems**: after the run the store opens, every query and an export run, and it is
  consistent (events per article, a cluster for every event, no run left running, the errors
  of each run logged).

The oracles are functions (:func:`account_jsonl`, :func:`account_csv`, :func:`store_problems`)
that ``tests/test_fuzz.py`` also uses, with Hypothesis, on a few dozen cases in the normal suite.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import re
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CSV_COLUMNS = ("id", "date", "text", "title", "source")

HOSTILE = [
    "=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx", "x \ud800", "\udfff",
    "a\ud83d", "\x00", "\x1b[31mred", "line\nbreak", "\u2028", "\ufeff", "ü", "😀", "", " ", "x" * 3000, "'", '"', "\\",
    "Israel", "9999-12-31", "{", "},{", "null", " on 0001-01-01", " on December 3, 1066", " 99999999 days ago",
    " on Dec. 31, 9999",
]
DATES: list[object] = [
    "2025-03-01", "2025-03-01", "2025-03-01T10:00:00Z", "1999-12-31", "9999-12-31", "0001-01-01", "1799-12-31",
    "2101-01-01", "2100-12-31", "1800-01-01", "2025-02-30", "2025-13-01", "yesterday", "", None, 20250301, 1e308,
    "2025-03-01\ud800", ["2025-03-01"], {"y": 2025}, True,
]


def _corpus_sentence() -> Callable[[random.Random], str]:
    sys.path.insert(0, str(ROOT / "bench"))
    from corpus import sentence

    return sentence


def hostile_value(rng: random.Random) -> object:
    return rng.choice([rng.choice(HOSTILE), rng.randint(-10**30, 10**30), rng.random(), None, True, [1, "a"], {"k": "v"}])


def record(rng: random.Random, i: int, sentence: Callable[[random.Random], str], newlines: bool = True) -> dict[str, object]:
    """An input record: mostly well formed, often with a hostile value in some field."""
    text = " ".join(sentence(rng) for _ in range(rng.randint(1, 3)))
    if rng.random() < 0.3:
        spot = rng.randint(0, len(text))
        extra = rng.choice(HOSTILE if newlines else [h for h in HOSTILE if "\n" not in h and "\r" not in h])
        text = text[:spot] + extra + text[spot:]
    date = f"20{rng.randint(0, 30):02d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" if rng.random() < 0.75 else rng.choice(DATES)
    rec: dict[str, object] = {"id": f"rid-{i}", "date": date, "text": text}
    if rng.random() < 0.5:
        rec["title"] = rng.choice(HOSTILE) if rng.random() < 0.5 else f"Report {i}"
    if rng.random() < 0.3:
        rec["source"] = rng.choice(HOSTILE)
    if rng.random() < 0.1:
        rec[rng.choice(["id", "text", "date", "title", "url"])] = hostile_value(rng)
    if rng.random() < 0.05:
        del rec[rng.choice(["id", "text", "date"])]
    return rec


def mutate(rng: random.Random, raw: bytes) -> bytes:
    """``raw`` with one to three byte-level mutations."""
    for _ in range(rng.randint(1, 3)):
        pos = rng.randint(0, len(raw))
        op = rng.randrange(9)
        if op == 0 and raw:  # flip a bit
            pos = min(pos, len(raw) - 1)
            raw = raw[:pos] + bytes([raw[pos] ^ (1 << rng.randrange(8))]) + raw[pos + 1 :]
        elif op == 1:
            raw = raw[:pos] + bytes([rng.randrange(256)]) + raw[pos:]
        elif op == 2:
            raw = raw[:pos] + raw[pos + rng.randint(1, 12) :]
        elif op == 3:
            raw = raw[:pos]
        elif op == 4:
            raw = raw[:pos] + rng.choice([b'"', b'""', b"\\", b"{", b"}", b",", b"\r"]) + raw[pos:]
        elif op == 5:
            raw = raw[:pos] + rng.choice([b"\\ud800", b"\\udfff", b"\\u0000", b"\\ud83d\\u0041"]) + raw[pos:]
        elif op == 6:
            raw = raw[:pos] + rng.choice([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x00"]) + raw[pos:]
        elif op == 7:
            raw = raw[:pos] + b"\n" + raw[pos:]
        else:
            chunk = raw[pos : pos + rng.randint(1, 20)]
            raw = raw[:pos] + chunk + chunk + raw[pos + len(chunk) :]
    return raw


def jsonl_file(rng: random.Random, first: int, n: int, sentence: Callable[[random.Random], str]) -> bytes:
    lines = []
    for i in range(first, first + n):
        line = json.dumps(record(rng, i, sentence), ensure_ascii=rng.random() < 0.5).encode("utf-8", "surrogatepass")
        if rng.random() < 0.25:
            line = mutate(rng, line)
        lines.append(line)
        if rng.random() < 0.03:
            lines.append(rng.choice([b"", b"   ", b"[1, 2]", b"null", b"{}", b"\xef\xbb\xbf{}"]))
    data = b"\n".join(lines) + b"\n"
    if rng.random() < 0.01:
        data = rng.choice([b"\xff\xfe", b"\xfe\xff"]) + data
    return data


def csv_rows(rng: random.Random, first: int, n: int, sentence: Callable[[random.Random], str]) -> tuple[bytes, list[bytes]]:
    """A CSV header and ``n`` single-line rows (every field quoted), unmutated."""
    def line(values: Iterable[object]) -> bytes:
        buf = io.StringIO()
        csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator="\n").writerow(values)
        return buf.getvalue().rstrip("\n").encode("utf-8", "surrogatepass")

    header = line(CSV_COLUMNS)
    rows = []
    for i in range(first, first + n):
        rec = record(rng, i, sentence, newlines=False)
        rows.append(line("" if rec.get(c) is None else rec.get(c) for c in CSV_COLUMNS))
    return header, rows


def csv_file(rng: random.Random, first: int, n: int, sentence: Callable[[random.Random], str]) -> tuple[bytes, list[bytes]]:
    """The bytes of a CSV file, and the rows it was made from (some of them mutated in the file)."""
    header, rows = csv_rows(rng, first, n, sentence)
    lines = [mutate(rng, header) if rng.random() < 0.03 else header]
    lines += [mutate(rng, r) if rng.random() < 0.3 else r for r in rows]
    if rng.random() < 0.05:
        lines.insert(rng.randint(1, len(lines)), b"")
    return b"\n".join(lines) + (b"\n" if rng.random() < 0.9 else b""), rows


# ------------------------------------------------------------------------------ the oracles

LINE = re.compile(r":(\d+)$")


def _lines_of(origins: Iterable[str], path: str) -> tuple[Counter[int], bool, list[str]]:
    """Line numbers named by outcomes of ``path``, whether the whole file failed, foreign origins."""
    named: Counter[int] = Counter()
    whole, other = False, []
    for origin in origins:
        if origin == path:
            whole = True
            continue
        m = LINE.search(origin)
        if m and origin[: m.start()] == path:
            named[int(m.group(1))] += 1
        else:
            other.append(origin)
    return named, whole, other


def account_jsonl(data: bytes, path: str, origins: list[str]) -> list[str]:
    """Problems: JSONL lines without exactly one outcome (unless the whole file failed)."""
    named, whole, other = _lines_of(origins, path)
    problems = [f"{path}: outcome for an unknown origin {o!r}" for o in other]
    if whole:
        return problems + ([f"{path}: a file error and line outcomes too"] if named else [])
    want = Counter(n for n, raw in enumerate(data.split(b"\n"), start=1) if raw.strip())
    problems += [f"{path}:{n}: a line without an outcome" for n in sorted(set(want) - set(named))]
    problems += [f"{path}:{n}: a line with another outcome" for n in sorted((named - want).elements())]
    return problems


def _blank_row(raw: bytes) -> bool:
    fields = next(csv.reader([raw.decode("utf-8", "replace")]), [])
    return not any(f.strip() for f in fields)


def account_csv(data: bytes, path: str, origins: list[str], rows: list[bytes]) -> list[str]:
    """Problems: lines of the file that still hold an intact row but got no outcome."""
    named, whole, other = _lines_of(origins, path)
    problems = [f"{path}: outcome for an unknown origin {o!r}" for o in other]
    if whole:
        return problems
    intact = {r for r in rows if not _blank_row(r)}  # a row of empty fields is skipped like an empty line
    for n, raw in enumerate(data.split(b"\n"), start=1):
        if raw in intact and n > 1 and named[n] != 1:
            problems.append(f"{path}:{n}: an intact row with {named[n]} outcomes, not one")
    return problems


def store_problems(db: Path) -> list[str]:
    """Problems with the store: it must open, answer every query and export, and be consistent."""
    from dragoman.store import Store, query
    from dragoman.store.clusters import clusters_stale
    from dragoman.store.export import export_stream

    problems: list[str] = []
    with Store.open(db, read_only=True) as store:
        for name in query.QUERIES:
            try:
                getattr(query, name)(store)
            except Exception as exc:  # noqa: BLE001 - a query that fails is what is looked for
                problems.append(f"query {name}: {type(exc).__name__}: {exc}")
        for fmt in ("jsonl", "csv", "tsv"):
            try:
                export_stream(store, io.StringIO(), fmt)
            except Exception as exc:  # noqa: BLE001
                problems.append(f"export {fmt}: {type(exc).__name__}: {exc}")
        sql = store.con.execute
        bad = sql("""SELECT count(*) FROM articles a WHERE n_events <> (SELECT count(*) FROM events e WHERE e.doc_id = a.doc_id)""").fetchall()[0][0]
        if bad:
            problems.append(f"{bad} articles whose n_events differs from their events")
        if clusters_stale(store.con):
            problems.append("events without a cluster (or clusters without an event)")
        running = sql("SELECT count(*) FROM runs WHERE status NOT IN ('done', 'resumed')").fetchall()[0][0]
        if running:
            problems.append(f"{running} runs not done")
        logged = sql(
            "SELECT count(*) FROM runs r WHERE r.failed <> (SELECT count(*) FROM run_errors e WHERE e.run_id = r.run_id)"
        ).fetchall()[0][0]
        if logged:
            problems.append(f"{logged} runs whose failures are not all in run_errors")
    return problems


# ------------------------------------------------------------------------------ one file through code and ingest


class Tally:
    def __init__(self) -> None:
        self.files = self.records = self.coded = self.failed = self.tracebacks = self.cli_runs = 0
        self.problems: list[str] = []
        self.codes: Counter[str] = Counter()

    def traceback(self, what: str) -> None:
        self.tracebacks += 1
        self.problems.append(f"{what}:\n{traceback.format_exc()}")


Oracle = Callable[[list[str]], list[str]]


def _of(path: str, origins: list[str]) -> list[str]:
    return [o for o in origins if o == path or o.startswith(path + ":")]


def run_batch(files: list[tuple[Path, Oracle]], coder: Any, db: Path, tally: Tally, csv_too: bool) -> None:
    """Code and ingest some files, checking that every record of each is accounted for."""
    from dragoman.run import code_files
    from dragoman.store import ingest

    paths = [str(p) for p, _ in files]
    tally.files += len(files)

    def check(what: str, origins: list[str]) -> None:
        for path, oracle in files:
            tally.problems += [f"{what} {p}" for p in oracle(_of(str(path), origins))]

    for fmt in ("jsonl", "csv") if csv_too else ("jsonl",):
        origins: list[str] = []

        def on_code(result: Any, origins: list[str] = origins, count: bool = fmt == "jsonl") -> None:
            origins.append(result.origin)
            if result.error is not None:
                (result.error.message + result.error.remedy).encode("utf-8")  # printable: raises if not
                if count:
                    tally.codes[result.error.code.name] += 1

        try:
            summary = code_files(paths, io.StringIO(), fmt=fmt, coder=coder, on_result=on_code)
        except Exception:  # noqa: BLE001 - a traceback is what the fuzzer counts
            tally.traceback(f"code {paths[0]}...")
            continue
        check("code", origins)
        if fmt == "jsonl":
            tally.records += summary.read
            tally.coded += summary.coded
            tally.failed += summary.failed
    stored: list[str] = []
    try:
        ingest(paths, db, coder=coder, on_result=lambda out: stored.append(out.origin))
    except Exception:  # noqa: BLE001
        tally.traceback(f"ingest {paths[0]}...")
        return
    check("ingest", stored)


def run_cli(path: Path, db: Path, out: Path, tally: Tally) -> None:
    """The same file through the command line: it ends with exit code 0, 1 or 2, never a traceback."""
    from typer.testing import CliRunner

    from dragoman.cli import app

    runner = CliRunner()
    tally.cli_runs += 1
    for args in (["code", str(path), "-f", "csv", "-o", str(out)], ["ingest", str(path), "--db", str(db)]):
        res = runner.invoke(app, args)
        if res.exit_code not in (0, 1, 2) or (res.exception is not None and not isinstance(res.exception, SystemExit)):
            tally.tracebacks += 1
            tally.problems.append(f"{' '.join(args[:2])}: exit {res.exit_code}: {res.exception!r}\n{res.output[-2000:]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jsonl-records", type=int, default=10_000)
    ap.add_argument("--csv-files", type=int, default=2_000)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--cli-every", type=int, default=20, help="also run every n-th file through the command line")
    args = ap.parse_args()

    import dragoman.coder
    from dragoman.coder import Coder

    coder = Coder()
    dragoman.coder.Coder = lambda *a, **k: coder  # type: ignore[assignment,misc] - the CLI runs reuse the loaded coder
    rng = random.Random(args.seed)
    sentence = _corpus_sentence()
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db, cli_db = folder / "fuzz.duckdb", folder / "cli.duckdb"
        tallies = {"jsonl": Tally(), "csv": Tally()}
        batches = [0]

        def run(kind: str, files: Iterator[tuple[Path, bytes, Oracle]], per_batch: int) -> None:
            batch: list[tuple[Path, Oracle]] = []
            for k, (path, data, oracle) in enumerate(files):
                path.write_bytes(data)
                batch.append((path, oracle))
                if k % args.cli_every == 0:
                    run_cli(path, cli_db, folder / "out.csv", tallies[kind])
                if len(batch) == per_batch:  # every 4th batch is also written as CSV (formula escaping)
                    run_batch(batch, coder, db, tallies[kind], csv_too=batches[0] % 4 == 0)
                    batches[0] += 1
                    batch = []
            if batch:
                run_batch(batch, coder, db, tallies[kind], csv_too=True)

        def jsonl_files() -> Iterator[tuple[Path, bytes, Oracle]]:
            for k in range((args.jsonl_records + 99) // 100):
                path = folder / f"fuzz-{k:04d}.jsonl"
                data = jsonl_file(rng, 100 * k, min(100, args.jsonl_records - 100 * k), sentence)
                yield path, data, lambda o, d=data, p=str(path): account_jsonl(d, p, o)

        def csv_files() -> Iterator[tuple[Path, bytes, Oracle]]:
            for k in range(args.csv_files):
                path = folder / f"fuzz-{k:04d}.csv"
                data, rows = csv_file(rng, 1_000_000 + 5 * k, 5, sentence)
                yield path, data, lambda o, d=data, p=str(path), r=rows: account_csv(d, p, o, r)

        run("jsonl", jsonl_files(), 5)
        run("csv", csv_files(), 20)
        store = store_problems(db) + store_problems(cli_db)
    elapsed = time.perf_counter() - t0
    for kind, t in tallies.items():
        print(
            f"{kind:5}  {t.files:5,} files  {t.records:6,} records  {t.coded:6,} coded  {t.failed:6,} failed  "
            f"{t.cli_runs:4,} CLI runs  {t.tracebacks} tracebacks  {sum(1 for p in t.problems if 'outcome' in p)} records unaccounted for"
        )
        print(f"       errors: {', '.join(f'{c} {n}' for c, n in sorted(t.codes.items()))}")
    print(f"store: {'opens, every query and export runs, consistent' if not store else '; '.join(store)}")
    print(f"{elapsed:.0f} s")
    problems = [p for t in tallies.values() for p in t.problems] + store
    for p in problems[:20]:
        print(p, file=sys.stderr)
    raise SystemExit(1 if problems else 0)


if __name__ == "__main__":
    main()
