"""Score the coder on whole annotated articles (the gold format of the project's codebook).

Gold: one JSON line per event with ``doc_id``, ``sentence``, ``trigger``, ``event``, ``actor``,
``recipient`` (lists of ``{code, sector, text}``), ``date``, ``date_precision``, ``modality``,
``negated``, ``attributed_to`` and ``note``. Documents: JSONL records ``{id, text, date, ...}``
(optionally ``split``, ``genre`` and the frozen ``sentences`` offsets).

Matching (codebook §8), within each document:

1. same ``doc_id`` and event type;
2. if the gold line has actors, a predicted actor code is among them (if it has no recipient, a
   predicted recipient code among them also counts);
3. if the gold line has recipients, a predicted recipient code is among them; for the symmetric
   types CONSULT, AGREE and COOPERATE a prediction with no recipient whose actor codes include every
   gold actor and recipient code also matches;
4. empty gold lists set no condition; codes compare on their first three letters; UNO and EUR count
   as IGO;
5. one-to-one: in gold order, each gold line takes the first unused prediction that passes.

Precision is matched / predicted events in the scored documents, recall matched / gold lines.
Over matched pairs: date accuracy (pairs whose gold has a date; the predicted ``date`` string equals
the gold one) and modality accuracy (same ``modality``, missing read as ``asserted``, and same
``negated``). Places (issue 8): over matched pairs whose gold line has a ``location`` (the place the
sentence names for the event), the share whose predicted ``location`` carries coordinates
(``lat`` and ``lon`` not null), and, of those whose gold location gives a ``country_code``, the
share whose predicted location has the same code (first three letters).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Errors, GoldError
from ..mentions import SYMMETRIC_TYPES as SYMMETRIC
from ..read import Article

INTERNATIONAL = {"UNO": "IGO", "EUR": "IGO"}
GOLD_KEYS = {"doc_id", "sentence", "trigger", "event", "actor", "recipient"}


def code3(code: Any) -> str | None:
    """A code as scored: its first three letters, UN and EU bodies as IGO."""
    if not code or not isinstance(code, str):
        return None
    c = code.strip().upper()[:3]
    return INTERNATIONAL.get(c, c)


def codes(entities: Iterable[Mapping[str, Any]] | None) -> frozenset[str]:
    return frozenset(c for c in (code3(e.get("code")) for e in entities or ()) if c)


def _jsonl_files(paths: Iterable[str | Path]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        out.extend(sorted(p.glob("*.jsonl")) if p.is_dir() else [p])
    return out


def read_jsonl(path: Path, error: Errors = Errors.E022) -> Iterable[tuple[int, dict[str, Any]]]:
    """(line number, object) of every non-empty line of a JSONL gold or document file; a
    :class:`GoldError` of code ``error`` names the file and line of the first bad one."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(error, path=str(path), line=0, detail=str(exc)) from None
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldError(error, path=str(path), line=n, detail=exc.msg) from None
        if not isinstance(rec, dict):
            raise GoldError(error, path=str(path), line=n, detail="not a JSON object")
        yield n, rec


def load_documents(paths: Iterable[str | Path], split: str | None = None) -> list[dict[str, Any]]:
    """Document records (files or folders of JSONL), those of ``split`` only when given."""
    docs: dict[str, dict[str, Any]] = {}
    for path in _jsonl_files(paths):
        for n, rec in read_jsonl(path):
            if not isinstance(rec.get("id"), str) or not isinstance(rec.get("text"), str) or not rec.get("date"):
                raise GoldError(Errors.E022, path=str(path), line=n, detail="a document needs 'id', 'text' and 'date'")
            if split is None or rec.get("split") == split:
                docs[rec["id"]] = rec
    return [docs[k] for k in sorted(docs)]


def document_article(rec: Mapping[str, Any]) -> Article:
    """The article of a document record, read as ``dragoman code`` reads a JSONL line: its text,
    date, and the title, source and url that some rules use (the source names a readout's issuer)."""
    return Article(
        rec["id"], rec["text"], dt.date.fromisoformat(str(rec["date"])[:10]),
        title=rec.get("title"), source=rec.get("source"), url=rec.get("url"), origin=rec["id"],
    )


def is_article_gold(path: str | Path) -> bool:
    """Whether a gold file (or folder) holds article gold lines rather than GSR sentences."""
    for f in _jsonl_files([path]):
        for _, rec in read_jsonl(f):
            return "doc_id" in rec and "trigger" in rec
    return False


def load_article_gold(paths: Iterable[str | Path]) -> list[dict[str, Any]]:
    """Gold lines from files or folders, in file order (the order that matching follows)."""
    out = []
    for path in _jsonl_files(paths):
        for n, rec in read_jsonl(path):
            missing = GOLD_KEYS - rec.keys()
            if missing:
                raise GoldError(Errors.E022, path=str(path), line=n, detail=f"missing {', '.join(sorted(missing))}")
            rec = dict(rec)
            rec["_where"] = f"{path.name}:{n}"
            out.append(rec)
    return out


def passes(pred: Mapping[str, Any], gold: Mapping[str, Any]) -> bool:
    """Whether a predicted event may match a gold line (codebook §8, rules 1-4)."""
    if pred.get("event") != gold.get("event"):
        return False
    ga, gr = codes(gold.get("actor")), codes(gold.get("recipient"))
    pa, pr = codes(pred.get("actor")), codes(pred.get("recipient"))
    if ga and not (pa & ga or (not gr and pr & ga)):
        return False
    return not gr or bool(pr & gr) or (gold["event"] in SYMMETRIC and not pr and (ga | gr) <= pa)


def match(gold: Sequence[Mapping[str, Any]], preds: Sequence[Mapping[str, Any]]) -> list[int | None]:
    """For each gold line (in order), the index of the prediction it takes, or None."""
    used: set[int] = set()
    out: list[int | None] = []
    for g in gold:
        hit = next((i for i, p in enumerate(preds) if i not in used and passes(p, g)), None)
        if hit is not None:
            used.add(hit)
        out.append(hit)
    return out


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float | int]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "matched": tp, "predicted": n_pred, "gold": n_gold}


def _side(ents: Iterable[Mapping[str, Any]] | None) -> frozenset[tuple[str, Any]]:
    return frozenset((c, e.get("sector")) for e in ents or () for c in [code3(e.get("code"))] if c)


def shape_figures(preds: Iterable[Mapping[str, Any]]) -> dict[str, float | int]:
    """Figures that need no gold: events without an actor code; the same party on both sides."""
    evs = list(preds)
    both = [e for e in evs if codes(e.get("actor")) and codes(e.get("recipient"))]
    return {
        "events": len(evs),
        "no_actor_code": round(sum(1 for e in evs if not codes(e.get("actor"))) / len(evs), 4) if evs else 0.0,
        "with_both_sides": len(both),
        "same_country_both_sides": round(sum(1 for e in both if codes(e["actor"]) & codes(e["recipient"])) / len(both), 4) if both else 0.0,
        "same_party_both_sides": round(sum(1 for e in both if _side(e["actor"]) == _side(e["recipient"])) / len(both), 4) if both else 0.0,
    }


@dataclass
class _Tally:
    matched: Counter[str] = field(default_factory=Counter)
    predicted: Counter[str] = field(default_factory=Counter)
    gold: Counter[str] = field(default_factory=Counter)

    def prf(self, key: str) -> dict[str, float | int]:
        return _prf(self.matched[key], self.predicted[key], self.gold[key])


def _sentence(doc: Mapping[str, Any], index: Any) -> str:
    spans = doc.get("sentences") or []
    if isinstance(index, int) and 0 <= index < len(spans):
        s, e = spans[index]
        return str(doc["text"][s:e])
    return ""


def _gold_sentence(doc: Mapping[str, Any], pred: Mapping[str, Any]) -> Any:
    """The index, in the gold's frozen sentences, of the sentence a predicted event's trigger is
    in (the coder's own sentence split may differ: "ASTANA, April 22 –" told apart or not); the
    coder's own index when the document has no frozen sentences."""
    info = pred.get("text_info") or {}
    at = info.get("trigger_start", info.get("start"))
    spans = doc.get("sentences") or []
    if isinstance(at, int):
        for i, (s, e) in enumerate(spans):
            if s <= at < e:
                return i
    return info.get("sentence")


def _describe(ev: Mapping[str, Any], gold: bool = False) -> str:
    def side(ents: Any) -> str:
        return "+".join(sorted(codes(ents))) or "-"

    where = ev.get("trigger") if gold else " ".join(ev.get("event_text") or [])
    extra = "" if gold else f" [{ev.get('rule')}]"
    mod = ev.get("modality") or "asserted"
    neg = " negated" if ev.get("negated") else ""
    return f"{ev.get('event')} {side(ev.get('actor'))} -> {side(ev.get('recipient'))} '{where}' {mod}{neg}{extra}"


def score_articles(
    docs: Sequence[Mapping[str, Any]], gold: Sequence[Mapping[str, Any]], preds: Mapping[str, Sequence[Mapping[str, Any]]]
) -> dict[str, Any]:
    """Every figure of the article evaluation, from documents, gold lines and predicted records."""
    by_doc: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    known = {d["id"] for d in docs}
    for g in gold:
        if g["doc_id"] in known:
            by_doc[g["doc_id"]].append(g)
    total, types, genres = _Tally(), _Tally(), _Tally()
    rules: dict[str, Counter[str]] = defaultdict(Counter)
    date_pairs = date_right = mod_right = n_pairs = 0
    place_pairs = place_coords = country_pairs = country_right = 0
    spurious: list[dict[str, Any]] = []
    missed: list[dict[str, Any]] = []
    all_preds: list[Mapping[str, Any]] = []
    for doc in docs:
        did = doc["id"]
        genre = str(doc.get("genre") or "unknown")
        g_lines, p_lines = by_doc.get(did, []), list(preds.get(did, []))
        all_preds.extend(p_lines)
        hits = match(g_lines, p_lines)
        taken = {h: g for h, g in zip(hits, g_lines, strict=True) if h is not None}
        for key, tally in (("all", total), (genre, genres)):
            tally.matched[key] += len(taken)
            tally.predicted[key] += len(p_lines)
            tally.gold[key] += len(g_lines)
        for g in g_lines:
            types.gold[g["event"]] += 1
        for i, p in enumerate(p_lines):
            types.predicted[p["event"]] += 1
            rule = str(p.get("rule"))
            rules[rule]["predicted"] += 1
            if i in taken:
                types.matched[p["event"]] += 1
                rules[rule]["matched"] += 1
                g = taken[i]
                n_pairs += 1
                if g.get("date"):
                    date_pairs += 1
                    date_right += p.get("date") == g["date"]
                mod_right += (p.get("modality") or "asserted") == (g.get("modality") or "asserted") and bool(
                    p.get("negated")
                ) == bool(g.get("negated"))
                if g.get("location"):
                    got = p.get("location") or {}
                    place_pairs += 1
                    place_coords += got.get("lat") is not None and got.get("lon") is not None
                    want = code3((g["location"] or {}).get("country_code")) if isinstance(g["location"], dict) else None
                    if want:
                        country_pairs += 1
                        country_right += code3(got.get("country_code")) == want
            else:
                sent = _gold_sentence(doc, p)
                same_type = any(g["event"] == p["event"] and g.get("sentence") == sent for g in g_lines)
                rules[rule]["same_type_nearby" if same_type else "no_gold"] += 1
                spurious.append({
                    "doc_id": did, "sentence": sent, "text": _sentence(doc, sent), "predicted": _describe(p),
                    "kind": "wrong parties" if same_type else "no such gold event",
                })
        for g, h in zip(g_lines, hits, strict=True):
            if h is None:
                sent = g.get("sentence")
                there = [_describe(p) for p in p_lines if _gold_sentence(doc, p) == sent]
                missed.append({"doc_id": did, "sentence": sent, "text": _sentence(doc, sent), "gold": _describe(g, True),
                               "predicted_here": there, "where": g.get("_where")})
    ranked = sorted(rules.items(), key=lambda rc: (rc[1]["matched"] - rc[1]["predicted"], rc[0]))
    rule_rows = [
        {"rule": r, "predicted": c["predicted"], "matched": c["matched"], "same_type_nearby": c["same_type_nearby"],
         "no_gold": c["no_gold"], "precision": round(c["matched"] / c["predicted"], 3)}
        for r, c in ranked
    ]
    return {
        "documents": len(docs),
        "gold_events": total.gold["all"],
        "predicted_events": total.predicted["all"],
        "overall": total.prf("all"),
        "by_genre": {k: genres.prf(k) for k in sorted(genres.gold.keys() | genres.predicted.keys())},
        "by_type": {t: types.prf(t) for t in sorted(types.gold.keys() | types.predicted.keys())},
        "date_accuracy": round(date_right / date_pairs, 4) if date_pairs else None,
        "date_pairs": date_pairs,
        "modality_accuracy": round(mod_right / n_pairs, 4) if n_pairs else None,
        "place_coverage": round(place_coords / place_pairs, 4) if place_pairs else None,
        "place_pairs": place_pairs,
        "place_country_accuracy": round(country_right / country_pairs, 4) if country_pairs else None,
        "place_country_pairs": country_pairs,
        "shape": shape_figures(all_preds),
        "rules": rule_rows,
        "spurious": spurious,
        "missed": missed,
    }


def evaluate_articles(
    gold_paths: Iterable[str | Path], doc_paths: Iterable[str | Path], coder: Any, split: str | None = None
) -> dict[str, Any]:
    """Code the documents with ``coder`` and score its events against the gold lines."""
    docs = load_documents(doc_paths, split)
    if not docs:
        raise GoldError(Errors.E022, path=", ".join(map(str, doc_paths)), line=0,
                        detail=f"no documents{f' of split {split!r}' if split else ''}")
    gold = load_article_gold(gold_paths)
    arts = [document_article(d) for d in docs]
    preds: dict[str, list[Mapping[str, Any]]] = {}
    for result in coder.code(arts):
        if result.ok and result.doc_id is not None:
            preds[result.doc_id] = result.events
    report = score_articles(docs, gold, preds)
    report["split"] = split
    return report


def render_article_report(report: Mapping[str, Any], n_errors: int = 0, n_rules: int = 15) -> str:
    o = report["overall"]
    split = report.get("split")
    head = f"{report['documents']} documents" + (f" (split {split})" if split else "")
    lines = [f"{head}, {report['gold_events']} gold events, {report['predicted_events']} predicted", ""]
    lines.append(f"{'':<14}{'P':>7}{'R':>7}{'F1':>7}{'match':>7}{'pred':>6}{'gold':>6}")

    def row(name: str, s: Mapping[str, Any]) -> str:
        return f"{name:<14}{s['precision']:>7.3f}{s['recall']:>7.3f}{s['f1']:>7.3f}{s['matched']:>7}{s['predicted']:>6}{s['gold']:>6}"

    lines.append(row("all", o))
    for g, s in report["by_genre"].items():
        lines.append(row(f"  {g}", s))
    lines.append("")
    for t, s in report["by_type"].items():
        lines.append(row(t, s))
    sh = report["shape"]
    da, ma = report["date_accuracy"], report["modality_accuracy"]
    pc, pa = report.get("place_coverage"), report.get("place_country_accuracy")
    lines += [
        "",
        f"date accuracy (matched, gold dated)   {'-' if da is None else f'{da:.3f}'} of {report['date_pairs']}",
        f"modality+negation accuracy (matched)  {'-' if ma is None else f'{ma:.3f}'}",
        f"places with coordinates (gold place)  {'-' if pc is None else f'{pc:.3f}'} of {report.get('place_pairs', 0)}",
        f"place country agrees (gold country)   {'-' if pa is None else f'{pa:.3f}'} of {report.get('place_country_pairs', 0)}",
        f"events without an actor code          {sh['no_actor_code']:.3f}",
        f"same country on both sides            {sh['same_country_both_sides']:.3f} of {sh['with_both_sides']} with both",
        f"same party (country+sector) both      {sh['same_party_both_sides']:.3f}",
    ]
    if n_rules:
        lines += ["", f"rules with most unmatched events (of {len(report['rules'])}):",
                  f"  {'rule':<34}{'pred':>5}{'match':>6}{'P':>7}  wrong-parties/no-gold"]
        for r in report["rules"][:n_rules]:
            lines.append(f"  {r['rule']:<34}{r['predicted']:>5}{r['matched']:>6}{r['precision']:>7.2f}  "
                         f"{r.get('same_type_nearby', 0)}/{r.get('no_gold', 0)}")
    if n_errors:
        lines += ["", f"spurious events ({min(n_errors, len(report['spurious']))} of {len(report['spurious'])}):"]
        for s in report["spurious"][:n_errors]:
            lines.append(f"- {s['doc_id']} s{s['sentence']} {s['kind']}: {s['predicted']}")
            lines.append(f"    {s['text']}")
        lines += ["", f"missed gold events ({min(n_errors, len(report['missed']))} of {len(report['missed'])}):"]
        for m in report["missed"][:n_errors]:
            lines.append(f"- {m['doc_id']} s{m['sentence']}: {m['gold']}  ({m['where']})")
            lines.append(f"    {m['text']}")
            for p in m["predicted_here"]:
                lines.append(f"    coded here: {p}")
    return "\n".join(lines)
