"""Who reports or claims an event: 'according to X', 'X said', 'read the press release'."""

from __future__ import annotations

import datetime as dt
from typing import Any

from spacy.tokens import Token

from ..actors.entity import Entity, describe_head
from ..sentences import sent_of

REPORTING = {
    "say", "tell", "state", "announce", "add", "report", "claim", "confirm", "note", "read", "write", "declare",
    "insist", "explain", "allege", "assert", "disclose", "reveal", "quote", "tweet", "post",
}


def _entity(tok: Token, covered: dict[int, Any], day: dt.date | None) -> Entity | None:
    """The source a phrase names; for 'a statement from the Kenyan presidency', the presidency."""
    ent = describe_head(tok, covered, day)
    if ent is not None and ent.code:
        return ent
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("from", "by", "of", "issued"):
            for g in c.children:
                if g.dep_ == "pobj":
                    inner = _entity(g, covered, day)
                    if inner is not None and inner.code:
                        return inner
    return ent


def attribution(trigger: Token, covered: dict[int, Any], coref: Any, day: dt.date | None) -> Entity | None:
    """The source a trigger's sentence credits, or None."""
    sent = sent_of(trigger)
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
            pobj = [g for g in tok.doc[tok.i + 1].children if g.dep_ == "pobj"]
            if pobj:
                ent = _entity(pobj[0], covered, day)
                if ent is not None:
                    return _tag(ent, "according")
    # the trigger is inside what a reporting verb's subject said
    cur = trigger
    for _ in range(6):
        head = cur.head
        if head.i == cur.i:
            break
        if head.lemma_.lower() in REPORTING and cur.dep_ in ("ccomp", "parataxis", "xcomp", "dobj") and head.i != trigger.i:
            subj = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subj:
                s0 = subj[-1]  # the subject nearest the verb ("X killed Y, the ministry said")
                if s0.pos_ == "PRON":
                    res = coref.pronoun(s0)
                    return _tag(res[0], "said") if res else None
                return _tag(_entity(s0, covered, day), "said")
        cur = head
    # a reporting verb at the root with the event in a clause next to it ("..., read the press release")
    root = sent.root
    if root.lemma_.lower() in REPORTING:
        subj = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj and subj[-1].pos_ != "PRON":
            return _tag(_entity(subj[-1], covered, day), "said")
    return None


def _tag(ent: Entity | None, how: str) -> Entity | None:
    """Mark how an attribution was made: 'according' (holds for the paragraphs after it) or
    'said' (holds for its paragraph)."""
    if ent is None:
        return None
    import dataclasses

    return dataclasses.replace(ent, rule=f"attribution.{how}>{ent.rule}")


def carry_attribution(events: list[Any]) -> None:
    """Attribution holds until another source is named.

    A readout that says "according to the foreign office of Pakistan" once speaks for the
    paragraphs after it; a source that is no actor ("read the press release") is the source in
    force; events told before the first named source (a lead paragraph) take that source when it
    is named within the next two paragraphs.
    """
    current: Entity | None = None
    current_para = -1
    first: Entity | None = None
    first_para = -1
    for ev in events:
        src = ev.attributed_to
        if src is not None and src.code:
            current, current_para = src, ev.paragraph
            if first is None:
                first, first_para = src, ev.paragraph
        elif current is not None:
            # "according to X" speaks for what follows; "X said" for its own paragraph
            if ev.paragraph == current_para or (current.rule or "").startswith("attribution.according"):
                ev.attributed_to = _carried(current)
    if first is None:
        return
    if not (first.rule or "").startswith("attribution.according"):
        return  # only a readout's "according to X" speaks for the lead paragraph before it
    for ev in events:
        if ev.paragraph >= first_para:
            break
        if (ev.attributed_to is None or not ev.attributed_to.code) and first_para - ev.paragraph <= 2:
            ev.attributed_to = _carried(first)


def _carried(src: Entity) -> Entity:
    import dataclasses

    rule = src.rule or ""
    return dataclasses.replace(src, rule=rule if rule.startswith("attribution.carried") else f"attribution.carried>{rule}")
