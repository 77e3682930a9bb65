"""Turn coded events into output records (the PLOVER 0.8 contract of DESIGN.md)."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from spacy.tokens import Doc

from ..mentions import EventMention


def event_id(doc_id: str, ev: EventMention, offset: int) -> str:
    key = "|".join(
        [
            doc_id,
            str(ev.sent.start_char + offset),
            str(ev.sent.end_char + offset),
            ev.coding.event,
            ",".join(a.code or "" for a in ev.actors),
            ",".join(r.code or "" for r in ev.recipients),
            str(ev.trigger.token.idx + offset),
        ]
    )
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _confidence(ev: EventMention) -> float:
    c = 0.4
    if ev.actors and all(a.code for a in ev.actors):
        c += 0.25
    elif ev.actors:
        c += 0.1
    if ev.recipients and all(r.code for r in ev.recipients):
        c += 0.15
    if ev.trigger.pattern.specificity > 0:
        c += 0.1
    if ev.trigger.pattern.id.startswith("cv."):
        c -= 0.05
    return round(min(c, 0.95), 2)


def records(doc: Doc, doc_id: str, dictionary_version: str, offset: int = 0) -> list[dict[str, Any]]:
    """One record per event of a coded Doc, in document order.

    ``offset`` is added to character offsets (for texts whose first line, a date, was cut off).
    """
    pub: dt.date | None = doc._.pub_date
    out = []
    for ev in doc._.events or ():
        c = ev.coding
        trig = ev.trigger
        rec: dict[str, Any] = {
            "id": event_id(doc_id, ev, offset),
            "doc_id": doc_id,
            "date": ev.date.value if ev.date else (pub.isoformat() if pub else None),
            "date_precision": ev.date.precision if ev.date else "publication",
            "event": c.event,
            "mode": list(c.mode),
            "context": list(c.context),
            "actor": [a.record() for a in ev.actors],
            "recipient": [r.record() for r in ev.recipients],
            "cameo": c.cameo,
            "quad_code": c.quad,
            "plover_score": c.score,
            "event_text": [t.text for t in trig.tokens],
            "text_info": {
                "sentence": ev.sentence,
                "start": ev.sent.start_char + offset,
                "end": ev.sent.end_char + offset,
                "trigger_start": trig.tokens[0].idx + offset,
                "trigger_end": trig.tokens[-1].idx + len(trig.tokens[-1].text) + offset,
            },
            "modality": ev.modality,
            "negated": ev.negated,
            "attributed_to": ev.attributed_to.record() if ev.attributed_to else None,
            "location": ev.location,
            "rule": c.rule,
            "dictionary_version": dictionary_version,
            "confidence": round(ev.confidence, 3) if ev.confidence is not None else _confidence(ev),
        }
        for key, value in ev.extra.items():
            rec[key] = value
        out.append(rec)
    return out
