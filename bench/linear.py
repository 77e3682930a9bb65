"""Linear-time benchmark: time per sentence for one article of 100, 1,000 and 10,000 sentences.

    python bench/linear.py [--sizes 100 1000 10000] [--repeat 3]

Each article repeats news-like sentences (the issue's "Israel struck Gaza." and sentences of
bench/corpus.py) and is coded as one document by the library (``Coder.code``), as ``dragoman
code`` does. The best of ``--repeat`` runs is kept for each size. Coding is linear in the number
of sentences when the time per sentence stays flat: the last line compares the largest size
with the smallest (the goal is at most 2x).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def article(n: int, seed: int = 5) -> str:
    """``n`` sentences: every other one is "Israel struck Gaza.", the rest generated news sentences."""
    sys.path.insert(0, str(HERE))
    from corpus import sentence

    rng = random.Random(seed)
    return " ".join("Israel struck Gaza." if i % 2 == 0 else sentence(rng) for i in range(n))


def seconds(coder: object, text: str) -> tuple[float, int, int]:
    """Wall-clock seconds to code ``text`` as one article; sentences with an event; events."""
    from dragoman.read import Article

    art = Article("bench", text, dt.date(2025, 6, 1), origin="bench")
    t0 = time.perf_counter()
    (result,) = list(coder.code([art]))  # type: ignore[attr-defined]
    elapsed = time.perf_counter() - t0
    if result.error is not None:
        raise SystemExit(f"coding failed: {result.error}")
    sentences = len({e["text_info"]["start"] for e in result.events})
    return elapsed, sentences, len(result.events)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    from dragoman.coder import Coder

    coder = Coder()
    seconds(coder, article(20))  # warm up: load the models' lazy parts
    per: dict[int, float] = {}
    for n in args.sizes:
        text = article(n)
        runs = [seconds(coder, text) for _ in range(max(1, args.repeat))]
        best, _, events = min(runs)
        per[n] = best / n
        print(f"{n:>7,} sentences  {len(text):>9,} chars  {events:>6,} events  {best:8.2f} s  {per[n] * 1000:7.3f} ms/sentence", flush=True)
    lo, hi = min(per), max(per)
    print(f"time per sentence at {hi:,} / at {lo:,}: {per[hi] / per[lo]:.2f}x")


if __name__ == "__main__":
    main()
