"""Readout comparison: what each source said about the happenings more than one source reports.

Two governments' readouts of one meeting (in one article that quotes both, or in two documents)
are coded, their events fused, and for every cluster told by more than one source the events,
triggers and contexts each source gives are set side by side, with the topics only one side
mentions. A source is the ``attributed_to`` of an event, else the document's ``source`` field,
else the document id.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.tokens import Doc, Span

from ..actors.entity import match_at
from ..read import Article
from ..record import records
from .attribution import attribution
from .coref import Coreference
from .fusion import fuse

GENERIC = {
    "importance", "need", "role", "effort", "prospect", "area", "level", "view", "remark", "meeting", "side",
    "way", "part", "issue", "matter", "time", "day", "week", "month", "year", "statement", "release", "press",
    "readout", "country", "leader", "minister", "secretary", "official", "government", "people", "state",
    "term", "kind", "number", "range", "variety", "contour", "interest", "initiative", "potential", "sector",
}


def _source_name(ent: Any) -> str:
    return str(ent.identifier_text or ent.entity_text)


def sentence_sources(doc: Doc, default: str) -> dict[int, str]:
    """Sentence start token -> the source it is attributed to (carried as events' attribution is)."""
    covered = match_at(doc)
    coref = Coreference(doc, doc._.pub_date)
    sents = list(doc.sents)
    explicit: list[str | None] = []
    for sent in sents:
        ent = attribution(sent.root, covered, coref, doc._.pub_date)
        explicit.append(_source_name(ent) if ent is not None and ent.code else None)
    out: dict[int, str] = {}
    current: str | None = None
    first = next((i for i, e in enumerate(explicit) if e), None)
    for i, sent in enumerate(sents):
        if explicit[i]:
            current = explicit[i]
        src = current or (explicit[first] if first is not None and i < first and first - i <= 3 else None)
        out[sent.start] = src or default
    return out


def _topics(sent: Span, covered: dict[int, Any]) -> set[str]:
    out = set()
    for chunk in sent.noun_chunks:
        root = chunk.root
        if root.pos_ not in ("NOUN", "PROPN") or any(t.i in covered for t in chunk):
            continue
        words = [t for t in chunk if t.dep_ in ("compound", "amod") and t.pos_ in ("NOUN", "PROPN", "ADJ") and t.i < root.i]
        lemma = root.lemma_.lower()
        if lemma in GENERIC or not lemma.isalpha() or len(lemma) < 3:
            continue
        mods = [w.lemma_.lower() for w in words if w.pos_ != "ADJ" or w.lemma_.lower() in ("critical", "humanitarian", "nuclear", "economic", "military")]
        out.add(" ".join([*mods, lemma]))
    return out


def compare(coder: Any, articles: Iterable[Article]) -> dict[str, Any]:
    """Code the articles, fuse their events and compare what each source said."""
    all_events: list[dict[str, Any]] = []
    topics: dict[str, set[str]] = {}
    sentences: dict[str, dict[int, str]] = {}
    for art, doc in coder.parse(list(articles)):
        if isinstance(doc, Exception):
            continue
        default = art.source or art.id
        by_sent = sentence_sources(doc, default)
        sentences[art.id] = {doc[i].idx: src for i, src in by_sent.items()}
        covered = match_at(doc)
        for sent in doc.sents:
            topics.setdefault(by_sent[sent.start], set()).update(_topics(sent, covered))
        for rec in records(doc, art.id, coder.dictionary_version):
            att = rec.get("attributed_to")
            rec["source"] = str(att.get("identifier_text") or att.get("entity_text")) if att and att.get("code") else by_sent.get(
                next((s.start for s in doc.sents if s.start_char == rec["text_info"]["start"]), -1), default
            )
            all_events.append(rec)
    fused, clusters = fuse(all_events)
    by_id = {r["id"]: r for r in fused}
    shared: list[dict[str, Any]] = []
    for c in clusters:
        mentions = [by_id[m] for m in c["mentions"]]
        srcs = sorted({m["source"] for m in mentions})
        if len(srcs) < 2:
            continue
        by_source = {
            s: {
                "events": [
                    {"event": m["event"], "cameo": m["cameo"], "trigger": " ".join(m["event_text"]), "doc_id": m["doc_id"], "id": m["id"]}
                    for m in mentions
                    if m["source"] == s
                ],
                "contexts": sorted({x for m in mentions if m["source"] == s for x in m.get("context", [])}),
            }
            for s in srcs
        }
        shared.append(
            {
                "cluster_id": c["cluster_id"],
                "event": c["event"],
                "parties": sorted(set(c["actor_codes"]) | set(c["recipient_codes"])),
                "date": c["date"],
                "date_precision": c["date_precision"],
                "by_source": by_source,
            }
        )
    sources = sorted(topics)
    only = {s: sorted(topics[s] - set().union(*(topics[o] for o in sources if o != s))) for s in sources}
    common = sorted(set.intersection(*(topics[s] for s in sources))) if len(sources) > 1 else []
    return {"sources": sources, "clusters": shared, "topics": {"only": only, "shared": common}, "events": fused}


def render(report: dict[str, Any]) -> Any:
    """Rich renderables for the terminal: the shared happenings, then the topics per side."""
    from rich.console import Group
    from rich.table import Table

    parts: list[Any] = []
    t = Table(title="Happenings reported by more than one source", show_lines=True)
    t.add_column("event")
    t.add_column("parties")
    t.add_column("date")
    for s in report["sources"]:
        t.add_column(s)
    for c in report["clusters"]:
        cells = []
        for s in report["sources"]:
            side = c["by_source"].get(s)
            if not side:
                cells.append("—")
                continue
            text = "; ".join(f"{e['event']} ({e['trigger']})" for e in side["events"])
            if side["contexts"]:
                text += "\n[" + ", ".join(side["contexts"]) + "]"
            cells.append(text)
        t.add_row(c["event"], "+".join(c["parties"]), str(c["date"]), *cells)
    parts.append(t)
    t2 = Table(title="Topics only one source mentions")
    t2.add_column("source")
    t2.add_column("topics")
    for s in report["sources"]:
        t2.add_row(s, ", ".join(report["topics"]["only"].get(s, [])) or "—")
    parts.append(t2)
    return Group(*parts)
