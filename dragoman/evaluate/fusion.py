"""Score event fusion with B-cubed precision and recall against gold happenings.

Gold lines in the article format carry a ``happening`` id shared by every line, in any document,
that tells the same real-world happening. Two figures:

- **on gold lines**: the gold lines themselves (as event records) are fused; this measures the
  fusion rules alone, with no coding error in the way;
- **end to end**: the coder's events of all documents are fused together, matched one-to-one to
  gold lines with the codebook's matching, and the matched events' clusters are compared with
  their lines' happenings.

B-cubed: for each item, precision is the share of its cluster that shares its happening, recall
the share of its happening that shares its cluster; both are averaged over items.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..records.fusion import fuse
from .articles import document_article, load_article_gold, load_documents, match


def bcubed(clusters: Sequence[str], happenings: Sequence[str]) -> dict[str, float]:
    """B-cubed precision, recall and F1 of a clustering against gold classes (same order)."""
    n = len(clusters)
    if n == 0:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0, "items": 0}
    p = r = 0.0
    for i in range(n):
        same_c = [j for j in range(n) if clusters[j] == clusters[i]]
        same_h = [j for j in range(n) if happenings[j] == happenings[i]]
        both = sum(1 for j in same_c if happenings[j] == happenings[i])
        p += both / len(same_c)
        r += both / len(same_h)
    p, r = p / n, r / n
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0, "items": n}


def _record(line: Mapping[str, Any], n: int, pub: str) -> dict[str, Any]:
    """A gold line as an event record fusion can read."""
    date, precision = line.get("date"), line.get("date_precision")
    return {
        "id": f"{line['doc_id']}#{n}",
        "doc_id": line["doc_id"],
        "event": line["event"],
        "cameo": "",
        "actor": [{"code": e.get("code")} for e in line.get("actor") or []],
        "recipient": [{"code": e.get("code")} for e in line.get("recipient") or []],
        "modality": line.get("modality") or "asserted",
        "negated": bool(line.get("negated")),
        "date": date or pub,
        "date_precision": precision or "publication",
        "location": line.get("location"),
        "text_info": {"start": n},
    }


def evaluate_fusion(gold_paths: Iterable[str | Path], doc_paths: Iterable[str | Path], coder: Any) -> dict[str, Any]:
    docs = load_documents(doc_paths)
    gold = [g for g in load_article_gold(gold_paths) if g.get("happening")]
    pub = {d["id"]: str(d["date"])[:10] for d in docs}
    gold = [g for g in gold if g["doc_id"] in pub]
    fused, _ = fuse(_record(g, n, pub[g["doc_id"]]) for n, g in enumerate(gold))
    on_gold = bcubed([r["cluster_id"] for r in fused], [g["happening"] for g in gold])
    preds: list[dict[str, Any]] = []
    arts = [document_article(d) for d in docs]
    for result in coder.code(arts):
        if result.ok:
            preds.extend(result.events)
    records, clusters = fuse(preds)
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for r in records:
        by_doc.setdefault(r["doc_id"], []).append(r)
    pairs: list[tuple[str, str]] = []
    for did in pub:
        lines = [g for g in gold if g["doc_id"] == did]
        recs = by_doc.get(did, [])
        for g, hit in zip(lines, match(lines, recs), strict=True):
            if hit is not None:
                pairs.append((recs[hit]["cluster_id"], g["happening"]))
    end_to_end = bcubed([c for c, _ in pairs], [h for _, h in pairs])
    return {
        "documents": len(docs),
        "gold_lines": len(gold),
        "happenings": len({g["happening"] for g in gold}),
        "on_gold_lines": on_gold,
        "end_to_end": {**end_to_end, "predicted_events": len(records), "clusters": len(clusters)},
        "largest_cluster": max((len(c["documents"]) for c in clusters), default=0),
    }


def render_fusion_report(report: Mapping[str, Any]) -> str:
    g, e = report["on_gold_lines"], report["end_to_end"]
    return "\n".join([
        f"fusion: {report['documents']} documents, {report['gold_lines']} gold lines in {report['happenings']} happenings",
        f"  B-cubed on gold lines (fusion rules alone)   P {g['precision']:.3f}  R {g['recall']:.3f}  F1 {g['f1']:.3f}",
        f"  B-cubed end to end ({e['items']} matched events)    P {e['precision']:.3f}  R {e['recall']:.3f}  F1 {e['f1']:.3f}",
        f"  {e['predicted_events']} coded events in {e['clusters']} clusters; the widest spans {report['largest_cluster']} documents",
    ])
