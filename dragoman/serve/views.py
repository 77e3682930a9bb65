"""What the dashboard templates need besides the queries: the views, pagers, highlighted sentences."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .params import FilterArgs

# (path, label, whether the view takes the filters)
VIEWS = (
    ("/timeline", "Timeline", True),
    ("/dyads", "Dyads", True),
    ("/network", "Network", True),
    ("/events", "Events", True),
    ("/map", "Map", True),
    ("/compare", "Compare", True),
    ("/code", "Code a text", False),
)
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
# sortable columns of the event table (the columns of dragoman.store.query.events)
EVENT_COLUMNS = ("date", "event", "cameo", "quad_code", "plover_score", "actor", "recipient", "event_text", "modality", "negated", "source")
ROLE_ORDER = {"trigger": 0, "actor": 1, "recipient": 2, "attributed_to": 3}


@dataclass
class Pager:
    first: int
    last: int
    total: int
    prev: str | None
    next: str | None

    def sort_link(self, args: FilterArgs, column: str, sort: str | None, order: str) -> str:
        flip = "desc" if sort == column and order == "asc" else "asc"
        return "/events?" + args.query(sort=column, order=flip, offset=None)


def pager(args: FilterArgs, total: int, offset: int, limit: int, sort: str | None, order: str) -> Pager:
    keep = {"sort": sort, "order": order if sort else None, "limit": limit if limit != 50 else None}
    prev = "/events?" + args.query(**keep, offset=max(offset - limit, 0) or None) if offset > 0 else None
    nxt = "/events?" + args.query(**keep, offset=offset + limit) if offset + limit < total else None
    return Pager(offset + 1 if total else 0, min(offset + limit, total), total, prev, nxt)


def segments(text: str, start: int, trigger: dict[str, Any], entities: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """The sentence ``text`` (starting at ``start`` in the article) cut into (piece, css class):
    the trigger, actor, recipient and attribution marked (the trigger wins where spans overlap)."""
    spans = []
    if trigger.get("start") is not None and trigger.get("end") is not None:
        spans.append((trigger["start"] - start, trigger["end"] - start, "trigger"))
    for ent in entities:
        if ent.get("start") is not None and ent.get("end") is not None:
            spans.append((ent["start"] - start, ent["end"] - start, ent["role"]))
    marks: list[str] = [""] * len(text)
    for s, e, role in sorted(spans, key=lambda sp: -ROLE_ORDER.get(sp[2], 9)):  # the strongest is set last
        for i in range(max(s, 0), min(e, len(text))):
            marks[i] = role
    out: list[tuple[str, str]] = []
    for ch, mark in zip(text, marks, strict=True):
        if out and out[-1][1] == mark:
            out[-1] = (out[-1][0] + ch, mark)
        else:
            out.append((ch, mark))
    return out


def sides(comparison: dict[str, Any]) -> list[dict[str, Any]]:
    """The comparison's sources side by side, each event with its sentence cut around the trigger."""
    out = []
    for source, side in comparison["by_source"].items():
        events = []
        for ev in side["events"]:
            sentence, trig = ev.get("sentence_text") or "", ev.get("trigger") or ""
            at = sentence.find(trig.split(" ")[0]) if trig else -1
            pieces = [(sentence, "")] if at < 0 else [(sentence[:at], ""), (sentence[at : at + len(trig.split(" ")[0])], "trigger"), (sentence[at + len(trig.split(" ")[0]) :], "")]
            events.append({**ev, "pieces": pieces})
        out.append({"source": source, **side, "events": events})
    return out


def source_of(found: dict[str, Any]) -> str:
    """The source of a traced event (:func:`dragoman.store.detail.event`), as clusters name it."""
    att = next((e for e in found["entities"] if e["role"] == "attributed_to"), None)
    if att is not None and att.get("code"):
        return str(att.get("identifier_text") or att.get("entity_text"))
    return str(found["article"].get("source") or found["article"]["doc_id"])
