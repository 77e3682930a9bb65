"""Agreement between a first annotation pass and the final gold (the codebook's matching).

    python eval/tools/agreement.py REV DOC_ID...

REV is the git revision holding the first-pass files (eval/gold/<doc_id>.jsonl); the final gold is
the working tree. First-pass lines are scored as predictions against the final lines, so precision
is the share of first-pass lines the second pass kept, recall the share of final lines the first
pass already had.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from dragoman.evaluate.articles import match

ROOT = Path(__file__).resolve().parents[2]


def lines(text: str) -> list[dict]:
    return [json.loads(x) for x in text.splitlines() if x.strip()]


def main() -> None:
    rev, *docs = sys.argv[1:]
    kept = first_n = final_n = 0
    for doc in docs:
        path = f"eval/gold/{doc}.jsonl"
        first = lines(subprocess.run(["git", "show", f"{rev}:{path}"], cwd=ROOT, capture_output=True, text=True, check=True).stdout)
        final = lines((ROOT / path).read_text(encoding="utf-8"))
        hits = match(final, first)
        kept += sum(h is not None for h in hits)
        first_n += len(first)
        final_n += len(final)
    p, r = kept / first_n, kept / final_n
    print(f"{len(docs)} documents: first pass {first_n} lines, final {final_n}; agreement P {p:.3f} R {r:.3f} F1 {2 * p * r / (p + r):.3f}")


if __name__ == "__main__":
    main()
