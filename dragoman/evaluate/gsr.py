"""Score the coder against gold sentences in the PLOVER gold-standard (GSR) JSONL format.

Gold labels of PLOVER 0.5b1 are mapped to 0.8 (DEMAND→REQUEST, DISAPPROVE and INVESTIGATE→ACCUSE,
FIGHT→ASSAULT). Country codes are normalised (JAP→JPN, ITL→ITA, VTN→VNM) and UN/EU codes are compared
and international NGOs as IGO, which is how the GSR codes them.

Figures:
- type P/R/F1 per PLOVER type: a sentence's predicted types (a set) against its gold type;
- first-event type accuracy and quad-class accuracy of the first event;
- actor / recipient code recall: gold codes found in the best predicted event of the gold type;
- full-event P/R/F1: a predicted event matches when its type, actor codes and recipient codes all
  equal the gold ones (for reciprocal gold, "X and Y met", the union of actors and recipients is compared);
- a confusion matrix of gold type × first predicted type (NONE when nothing was coded).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import Errors, GoldError
from ..read import Article

LABEL_MAP = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT", "COOPERATION": "COOPERATE"}
CODE_MAP = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "UNO": "IGO", "EUR": "IGO", "NGO": "IGO"}
QUAD = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 2, "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 1, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4,
    "COERCE": 4, "ASSAULT": 4,
}


def norm_code(code: str | None) -> str | None:
    if not code:
        return None
    code = code.strip().upper()[:3]
    return CODE_MAP.get(code, code)


def load_gold(path: Path | str) -> list[dict[str, Any]]:
    from .articles import read_jsonl

    out = []
    for n, rec in read_jsonl(Path(path), Errors.E021):
        if "text" not in rec or "event" not in rec:
            raise GoldError(Errors.E021, path=str(path), line=n, detail="needs 'text' and 'event'")
        event = LABEL_MAP.get(rec["event"], rec["event"])
        out.append(
            {
                "id": rec.get("uid") or rec.get("id") or f"line{n}",
                "text": rec["text"],
                "event": event,
                "source": sorted({c for c in (norm_code(a.get("code")) for a in rec.get("source") or []) if c}),
                "target": sorted({c for c in (norm_code(a.get("code")) for a in rec.get("target") or []) if c}),
                "reciprocal": "SRC/TAR" in (rec.get("textInfo") or {}).get("markup", ""),
            }
        )
    return out


def _codes(entities: Iterable[dict[str, Any]]) -> list[str]:
    return sorted({c for c in (norm_code(e.get("code")) for e in entities) if c})


def full_match(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    if pred["event"] != gold["event"]:
        return False
    actors, recips = _codes(pred["actor"]), _codes(pred["recipient"])
    if actors == gold["source"] and recips == gold["target"]:
        return True
    if not gold["target"] or gold["reciprocal"]:
        union = sorted(set(actors) | set(recips))
        return union == sorted(set(gold["source"]) | set(gold["target"]))
    return False


def evaluate_file(path: Path | str, coder: Any) -> dict[str, Any]:
    gold = load_gold(path)
    arts = [Article(g["id"], g["text"], dt.date(2000, 1, 1), origin=g["id"]) for g in gold]
    preds: list[list[dict[str, Any]]] = []
    for result in coder.code(arts):
        preds.append(result.events if result.ok else [])
    return score(gold, preds)


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def score(gold: list[dict[str, Any]], preds: list[list[dict[str, Any]]]) -> dict[str, Any]:
    types = sorted({g["event"] for g in gold} | {e["event"] for p in preds for e in p})
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    confusion: Counter[tuple[str, str]] = Counter()
    first_right = quad_right = covered = 0
    actor_hit = actor_total = recip_hit = recip_total = 0
    full_tp = full_fp = full_fn = 0
    errors = []
    for g, p in zip(gold, preds, strict=True):
        ptypes = {e["event"] for e in p}
        for t in ptypes:
            if t == g["event"]:
                tp[t] += 1
            else:
                fp[t] += 1
        if g["event"] not in ptypes:
            fn[g["event"]] += 1
        first = p[0]["event"] if p else "NONE"
        confusion[(g["event"], first)] += 1
        if p:
            covered += 1
            first_right += first == g["event"]
            quad_right += QUAD.get(first) == QUAD.get(g["event"])
        same = [e for e in p if e["event"] == g["event"]] or p
        best = max(same, key=lambda e: len(set(_codes(e["actor"])) & set(g["source"])), default=None)
        pa = set(_codes(best["actor"]) + _codes(best["recipient"])) if best and (g["reciprocal"] or not g["target"]) else set(_codes(best["actor"])) if best else set()
        actor_total += len(g["source"])
        actor_hit += len(set(g["source"]) & pa)
        pr = set(_codes(best["recipient"])) if best else set()
        recip_total += len(g["target"])
        recip_hit += len(set(g["target"]) & pr)
        matched = [e for e in p if full_match(e, g)]
        if matched:
            full_tp += 1
            full_fp += len(p) - 1
        else:
            full_fn += 1
            full_fp += len(p)
            errors.append(
                {
                    "id": g["id"],
                    "text": g["text"],
                    "gold": f"{g['event']} {'+'.join(g['source']) or '-'} -> {'+'.join(g['target']) or '-'}",
                    "predicted": [
                        f"{e['event']} {'+'.join(_codes(e['actor'])) or '-'} -> {'+'.join(_codes(e['recipient'])) or '-'} [{' '.join(e['event_text'])}|{e['rule']}]"
                        for e in p
                    ],
                }
            )
    per_type = {t: _prf(tp[t], fp[t], fn[t]) for t in types}
    micro = _prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    n = len(gold)
    return {
        "sentences": n,
        "type": {"micro": micro, "per_type": per_type},
        "first_event_accuracy": round(first_right / n, 4) if n else 0.0,
        "first_event_quad_accuracy": round(quad_right / n, 4) if n else 0.0,
        "coverage": round(covered / n, 4) if n else 0.0,
        "actor_code_recall": round(actor_hit / actor_total, 4) if actor_total else 0.0,
        "recipient_code_recall": round(recip_hit / recip_total, 4) if recip_total else 0.0,
        "full_event": _prf(full_tp, full_fp, full_fn),
        "confusion": {f"{a}>{b}": c for (a, b), c in sorted(confusion.items())},
        "errors": errors,
    }


def render_report(report: dict[str, Any], n_errors: int = 20) -> str:
    lines = [f"{report['sentences']} gold sentences", "", f"{'type':<11}{'P':>7}{'R':>7}{'F1':>7}{'gold':>6}"]
    for t, s in report["type"]["per_type"].items():
        lines.append(f"{t:<11}{s['precision']:>7.3f}{s['recall']:>7.3f}{s['f1']:>7.3f}{s['tp'] + s['fn']:>6}")
    m = report["type"]["micro"]
    lines.append(f"{'micro':<11}{m['precision']:>7.3f}{m['recall']:>7.3f}{m['f1']:>7.3f}")
    golds = sorted({k.split('>')[0] for k in report["confusion"]})
    preds = sorted({k.split('>')[1] for k in report["confusion"]})
    lines += ["", "confusion (rows gold, columns first predicted event):", " " * 11 + "".join(f"{p[:5]:>6}" for p in preds)]
    for g in golds:
        lines.append(f"{g:<11}" + "".join(f"{report['confusion'].get(f'{g}>{p}', 0) or '.':>6}" for p in preds))
    if n_errors:
        lines += ["", f"first {min(n_errors, len(report['errors']))} of {len(report['errors'])} full-event errors:"]
        for e in report["errors"][:n_errors]:
            lines.append(f"- {e['id']}: {e['text']}")
            lines.append(f"    gold {e['gold']}; predicted {'; '.join(e['predicted']) or 'nothing'}")
    f = report["full_event"]
    lines += [
        "",
        f"coverage (sentences with an event)   {report['coverage']:.3f}",
        f"first-event type accuracy            {report['first_event_accuracy']:.3f}",
        f"first-event quad-class accuracy      {report['first_event_quad_accuracy']:.3f}",
        f"actor code recall                    {report['actor_code_recall']:.3f}",
        f"recipient code recall                {report['recipient_code_recall']:.3f}",
        f"PLOVER type F1 (micro)               {m['f1']:.3f}",
        f"full-event P/R/F1                    {f['precision']:.3f} / {f['recall']:.3f} / {f['f1']:.3f}",
    ]
    return "\n".join(lines)
