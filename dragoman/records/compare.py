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
from ..dictionaries import NONSTATE_CODES as NONSTATE
from ..document.attribution import attribution
from ..document.coref import Coreference
from ..nlp import dragoman_of
from ..read import Article
from .fusion import fuse
from .record import records

GENERIC = {
    "importance", "need", "role", "effort", "prospect", "area", "level", "view", "remark", "meeting", "side",
    "way", "part", "issue", "matter", "time", "day", "week", "month", "year", "statement", "release", "press",
    "readout", "country", "leader", "minister", "secretary", "official", "government", "people", "state",
    "term", "kind", "number", "range", "variety", "contour", "interest", "initiative", "potential", "sector",
}


def _source_name(ent: Any) -> str:
    return str(ent.identifier_text or ent.entity_text)


def sentence_sources(doc: Doc, default: str, names: dict[str, str] | None = None) -> dict[int, str]:
    """Sentence start token -> the source it is attributed to (a source named in it holds for the
    sentences after it until another is named; a lead takes the source named within three
    sentences). With ``names`` (code -> country name), a speaker for a state is that state."""
    covered = match_at(doc)
    coref = Coreference(doc, doc._.pub_date)
    sents = list(doc.sents)
    explicit: list[str | None] = []
    for sent in sents:
        ent = attribution(sent.root, covered, coref, doc._.pub_date)
        group = _speaker_group(ent.record(), names) if names is not None and ent is not None else None
        explicit.append(group or (_source_name(ent) if ent is not None and ent.code else None))
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


def _speaker_group(ent: dict[str, Any] | None, names: dict[str, str] | None) -> str | None:
    """The government or body a source speaks for, by name ("Jordan", "United Nations")."""
    if not ent or not ent.get("code"):
        return None
    code = str(ent["code"])
    if len(code) == 3 and code not in NONSTATE:
        return (names or {}).get(code, code)
    return str(ent.get("identifier_text") or code)


def _resolve_source(coder: Any, text: str, names: dict[str, str], cache: dict[str, str]) -> str:
    """The government a document's source field names ("Ministry of External Affairs of India"
    -> India: the component's issuer of that text), else the field itself."""
    if text not in cache:
        ent = dragoman_of(coder.nlp).issuer(text)
        group = _speaker_group(ent.record() if ent is not None else None, names)
        cache[text] = group or text
    return cache[text]


def _differences(per_group: dict[str, list[dict[str, Any]]]) -> list[str]:
    """Where the groups' accounts of one happening differ: CAMEO code, modality, parties, date."""
    out = []
    for key, label in (("cameo", "CAMEO code"), ("modality", "modality"), ("parties", "parties"), ("date", "date")):
        seen = {g: sorted({str(e[key]) for e in evs}) for g, evs in per_group.items()}
        if len({tuple(v) for v in seen.values()}) > 1:
            out.append(f"{label}: " + "; ".join(f"{g} {', '.join(v)}" for g, v in seen.items()))
    return out


def compare(coder: Any, articles: Iterable[Article]) -> dict[str, Any]:
    """Code the articles, fuse their events and compare what each side said.

    Sources are grouped by the government (or international body) they speak for: a speaker's
    country code, else the government the document's ``source`` names, else the document. Every
    happening a side reports is a row; the row says which sides report it, which do not, and where
    their accounts differ (CAMEO code, modality, parties, date).
    """
    names = {r["code"]: r["name"] for r in coder.lexicon.countries}
    cache: dict[str, str] = {}
    all_events: list[dict[str, Any]] = []
    topics: dict[str, set[str]] = {}
    speakers: dict[str, set[str]] = {}
    for art, doc in coder.parse(list(articles)):
        if isinstance(doc, Exception):
            continue
        default = _resolve_source(coder, art.source, names, cache) if art.source else art.id
        by_sent = sentence_sources(doc, default, names)
        covered = match_at(doc)
        for sent in doc.sents:
            topics.setdefault(_group_of(by_sent[sent.start], coder, names, cache), set()).update(_topics(sent, covered))
        for rec in records(doc, art.id, coder.dictionary_version):
            att = rec.get("attributed_to")
            group = _speaker_group(att, names)
            if group is None or att is None:
                start = next((s.start for s in doc.sents if s.start_char == rec["text_info"]["start"]), -1)
                group = _group_of(by_sent.get(start, default), coder, names, cache)
            else:
                speakers.setdefault(group, set()).add(str(att.get("entity_text")))
            rec["source"] = group
            all_events.append(rec)
    fused, clusters = fuse(all_events)
    by_id = {r["id"]: r for r in fused}
    groups = sorted({r["source"] for r in fused} | set(topics))
    rows: list[dict[str, Any]] = []
    for c in clusters:
        mentions = [by_id[m] for m in c["mentions"]]
        per_group: dict[str, list[dict[str, Any]]] = {}
        for m in mentions:
            per_group.setdefault(m["source"], []).append({
                "event": m["event"], "cameo": m["cameo"], "trigger": " ".join(m["event_text"]), "doc_id": m["doc_id"], "id": m["id"],
                "modality": m.get("modality"), "date": m.get("date"), "context": m.get("context", []),
                "parties": "+".join(sorted({e["code"] for e in [*m["actor"], *m["recipient"]] if e.get("code")})),
            })
        rows.append({
            "cluster_id": c["cluster_id"],
            "event": c["event"],
            "parties": sorted(set(c["actor_codes"]) | set(c["recipient_codes"])),
            "date": c["date"],
            "date_precision": c["date_precision"],
            "reported_by": sorted(per_group),
            "not_reported_by": [g for g in groups if g not in per_group],
            "differences": _differences(per_group),
            "by_source": {
                g: {"events": evs, "contexts": sorted({x for e in evs for x in e["context"]})} for g, evs in sorted(per_group.items())
            },
        })
    shared = [r for r in rows if len(r["reported_by"]) > 1]
    only = {s: sorted(topics.get(s, set()) - set().union(*(topics[o] for o in topics if o != s))) for s in groups}
    common = sorted(set.intersection(*(topics[s] for s in groups if s in topics))) if len(groups) > 1 and all(s in topics for s in groups) else []
    return {
        "sources": groups,
        "speakers": {g: sorted(v) for g, v in sorted(speakers.items())},
        "clusters": shared,
        "happenings": rows,
        "topics": {"only": only, "shared": common},
        "events": fused,
    }


def _group_of(source: str, coder: Any, names: dict[str, str], cache: dict[str, str]) -> str:
    """A sentence's source (a speaker's name or a document's source) as the side it speaks for."""
    return source if source in names.values() else _resolve_source(coder, source, names, cache)


def render(report: dict[str, Any]) -> Any:
    """Rich renderables for the terminal: every happening with a column per side (what it said,
    or — when it did not report it) and the differences, then the topics per side."""
    from rich.console import Group
    from rich.table import Table

    parts: list[Any] = []
    t = Table(title="What each side reported", show_lines=True)
    t.add_column("event")
    t.add_column("parties")
    t.add_column("date")
    for s in report["sources"]:
        t.add_column(s)
    t.add_column("differences")
    for c in report["happenings"]:
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
        t.add_row(c["event"], "+".join(c["parties"]), str(c["date"]), *cells, "\n".join(c["differences"]) or "")
    parts.append(t)
    t2 = Table(title="Topics only one side mentions")
    t2.add_column("side")
    t2.add_column("speakers")
    t2.add_column("topics")
    for s in report["sources"]:
        t2.add_row(s, ", ".join(report["speakers"].get(s, [])) or "—", ", ".join(report["topics"]["only"].get(s, [])) or "—")
    parts.append(t2)
    return Group(*parts)
