"""Event places: the place an event happens, from locative phrases ("in Islamabad", "at the
Department of State in Washington", "in eastern Syria").

A capital that acts ("Islamabad said") is an actor, not a place: only the objects of locative
prepositions are places. Coordinates come from the gazetteer (GeoNames cities) or the regions file.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from ..actors.forms import Form
from ..actors.matcher import ActorMatch

LOCATIVE = {"in", "at", "near", "outside", "inside", "across", "throughout", "around", "within"}
PLACE_KINDS = ("place", "region", "government", "country")  # most specific first


def _place_of(tok: Token, covered: dict[int, ActorMatch], gazetteer: dict[str, Form]) -> dict[str, Any] | None:
    """The place named by the phrase headed by ``tok`` (its most specific match), or None."""
    toks = [t for t in tok.subtree if t.i <= tok.i or t.dep_ in ("compound", "flat")] or [tok]
    # nested locatives: "the Department of State in Washington" -> Washington
    for t in tok.subtree:
        if t.dep_ == "prep" and (t.lower_ in LOCATIVE or t.lower_ == "of") and t.head.i == tok.i:
            inner = [g for g in t.children if g.dep_ == "pobj"]
            if inner:
                got = _place_of(inner[0], covered, gazetteer)
                if got is not None:
                    return got
    best: ActorMatch | None = None
    for t in toks:
        m = covered.get(t.i)
        if m is None or m.kind not in PLACE_KINDS:
            continue
        if best is None or PLACE_KINDS.index(m.kind) < PLACE_KINDS.index(best.kind):
            best = m
    if best is None:
        return None
    doc = tok.doc
    text = doc[best.start : best.end].text
    form = best.forms[0]
    geo = form.geo
    name = form.name
    if best.kind in ("government", "country"):
        # a capital or a state named as a place: coordinates from the gazetteer when it is a city
        city = gazetteer.get(text.lower())
        if best.kind == "government" and city is not None:
            geo, name = city.geo, city.name
        elif best.kind == "country":
            geo = None
    code = form.roles[0].code if form.roles else None
    return {
        "text": doc[toks[0].i : toks[-1].i + 1].text if best.kind != "government" else text,
        "name": name,
        "country_code": code,
        "lat": geo[0] if geo else None,
        "lon": geo[1] if geo else None,
        "geonameid": (geo[2] or None) if geo else None,
    }


def _is_actor(tok: Token, covered: dict[int, ActorMatch]) -> bool:
    if (tok.i in covered and covered[tok.i].kind in ("person", "org", "agent")) or tok.ent_type_ == "PERSON":
        return True
    # "his Indian counterpart S. Jaishankar in Beijing"
    return any(c.dep_ in ("appos", "compound", "amod") and c.i in covered for c in tok.children)


def event_place(
    trigger: Token,
    covered: dict[int, ActorMatch],
    gazetteer: dict[str, Form],
    words: tuple[Token, ...] = (),
    material: bool = False,
    event_nouns: frozenset[str] | set[str] = frozenset(),
) -> dict[str, Any] | None:
    """Where the event a trigger names happens: a locative phrase on the trigger or its clause.

    Locatives on the trigger's arguments count when the argument is an actor ("met Safadi in
    Cairo"), an event noun ("host talks in Istanbul"), or any object of a material action
    ("struck positions in northern Iraq"); on a talked-about thing they name a topic ("discussed
    the situation in Gaza").
    """
    heads = [trigger, *[w for w in words if w.i != trigger.i]]
    # "killed 23 people ... when they blew themselves up in Tel Aviv"
    heads += [c for c in trigger.children if c.dep_ == "advcl" and any(m.lower_ in ("when", "as", "while") for m in c.children if m.dep_ == "advmod" or m.dep_ == "mark")]
    cur = trigger
    for _ in range(3):
        if cur.head.i == cur.i or cur.dep_ in ("ccomp", "advcl", "relcl", "conj"):
            break
        cur = cur.head
        heads.append(cur)
    # the clause, then the phrases of its arguments ("met Ayman Safadi in Cairo")
    # (only arguments that are actors: "situation in Gaza" is a topic, not where they met)
    args = [c for h in list(heads) for c in h.children if c.dep_ in ("dobj", "nsubj", "nsubjpass", "attr")]
    args += [g for h in list(heads) for c in h.children if c.dep_ == "prep" and c.lower_ in ("with", "to") for g in c.children if g.dep_ == "pobj"]
    heads += [a for a in args if material or _is_actor(a, covered) or a.lemma_.lower() in event_nouns]
    heads += [c for h in list(heads) for c in h.children if c.dep_ == "appos"]
    for h in heads:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in LOCATIVE:
                # "outside of the city of Basra": the object of the inner "of"
                objs = [g for g in c.children if g.dep_ == "pobj"] or [
                    g for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"
                ]
                for pobj in objs:
                    got = _place_of(pobj, covered, gazetteer)
                    if got is not None:
                        return got
    return None
