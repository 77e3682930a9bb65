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
from ..sentences import sent_of
from ..words import words

TOPIC_NOUNS = words("topic_nouns")
LOCATIVE = {"in", "at", "near", "outside", "inside", "across", "throughout", "around", "within"}
PLACE_KINDS = ("place", "region", "government", "country")  # most specific first
DESTINATION = {"to", "into"}  # of visits and travel
TARGET = {"on", "against", "into"}  # of strikes: "a strike on Doha", "an attack against Kyiv"


def country_points(gazetteer: dict[str, Form]) -> dict[str, tuple[float, float]]:
    """A point for each country: the mean of its gazetteer cities' coordinates."""
    sums: dict[str, list[float]] = {}
    for form in gazetteer.values():
        if form.geo and form.roles:
            acc = sums.setdefault(form.roles[0].code, [0.0, 0.0, 0.0])
            acc[0] += form.geo[0]
            acc[1] += form.geo[1]
            acc[2] += 1
    return {code: (round(a / n, 4), round(b / n, 4)) for code, (a, b, n) in sums.items()}


def _place_of(
    tok: Token, covered: dict[int, ActorMatch], gazetteer: dict[str, Form], countries: dict[str, tuple[float, float]]
) -> dict[str, Any] | None:
    """The place named by the phrase headed by ``tok`` (its most specific match), or None."""
    # "the C.A.R.'s capital, Bangui": the name in apposition
    for a in tok.children:
        if a.dep_ == "appos" and a.i in covered and covered[a.i].kind in PLACE_KINDS:
            return _place_of(a, covered, gazetteer, countries)
    toks = [t for t in tok.subtree if t.i <= tok.i or t.dep_ in ("compound", "flat")] or [tok]
    # nested locatives: "the Department of State in Washington" -> Washington
    for t in tok.subtree:
        if t.dep_ == "prep" and (t.lower_ in LOCATIVE or t.lower_ == "of") and t.head.i == tok.i:
            inner = [g for g in t.children if g.dep_ == "pobj"]
            if inner:
                got = _place_of(inner[0], covered, gazetteer, countries)
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
    code = form.roles[0].code if form.roles else None
    kind = "city" if best.kind == "place" else best.kind
    if best.kind in ("government", "country"):
        # a capital or a state named as a place: coordinates from the gazetteer when it is a city
        city = gazetteer.get(text.lower())
        if best.kind == "government" and city is not None:
            geo, name, kind = city.geo, city.name, "city"
        elif code and code in countries:
            # a state ("in Japan") or a seat that is no city ("at the White House"): the country's
            # point (the mean of its cities' coordinates), as GDELT places country-level events
            lat, lon = countries[code]
            geo, kind = (lat, lon, 0), "country"
        else:
            geo = None
    return {
        "text": doc[toks[0].i : toks[-1].i + 1].text if best.kind != "government" else text,
        "name": name,
        "country_code": code,
        "lat": geo[0] if geo else None,
        "lon": geo[1] if geo else None,
        "geonameid": (geo[2] or None) if geo else None,
        "type": kind,
    }


def _is_actor(tok: Token, covered: dict[int, ActorMatch]) -> bool:
    if (tok.i in covered and covered[tok.i].kind in ("person", "org", "agent")) or tok.ent_type_ == "PERSON":
        return True
    # "his Indian counterpart S. Jaishankar in Beijing"
    return any(c.dep_ in ("appos", "compound", "amod") and c.i in covered for c in tok.children)


def _same_clause(tok: Token, verb: Token) -> bool:
    """Whether ``tok`` belongs to ``verb``'s own clause (not to a clause under it)."""
    cur = tok
    while cur.i != verb.i and cur.head.i != cur.i:
        if cur.dep_ in ("ccomp", "advcl", "relcl", "xcomp", "conj", "acl") and cur.pos_ in ("VERB", "AUX"):
            return False
        cur = cur.head
    return cur.i == verb.i


def event_place(
    trigger: Token,
    covered: dict[int, ActorMatch],
    gazetteer: dict[str, Form],
    words: tuple[Token, ...] = (),
    material: bool = False,
    event_nouns: frozenset[str] | set[str] = frozenset(),
    countries: dict[str, tuple[float, float]] | None = None,
    travel: bool = False,
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
        if cur.head.i == cur.i or cur.dep_ in ("ccomp", "advcl", "relcl"):
            break
        if cur.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in cur.children):
            heads.append(cur.head)  # "met in Bangui and signed an agreement": the first verb's place
            break
        if cur.dep_ == "conj":
            break
        cur = cur.head
        heads.append(cur)
    # the clause, then the phrases of its arguments ("met Ayman Safadi in Cairo")
    # (only arguments that are actors: "situation in Gaza" is a topic, not where they met)
    args = [c for h in list(heads) for c in h.children if c.dep_ in ("dobj", "nsubj", "nsubjpass", "attr")]
    args += [g for h in list(heads) for c in h.children if c.dep_ == "prep" and c.lower_ in ("with", "to") for g in c.children if g.dep_ == "pobj"]
    heads += [a for a in args if material or _is_actor(a, covered) or a.lemma_.lower() in event_nouns]
    heads += [c for h in list(heads) for c in h.children if c.dep_ == "appos"]
    # "the contacts held in Riyadh": the participle of an event noun
    heads += [c for c in trigger.children if c.dep_ == "acl" and trigger.pos_ in ("NOUN", "PROPN")]
    countries = countries or {}
    # where a visit goes ("travelled to Ankara", "a visit to Japan"), where a strike lands ("a
    # strike on Doha"): after the locatives of the clause
    preps = LOCATIVE | (DESTINATION if travel else set()) | (TARGET if material else set())
    for h in heads:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in preps:
                # "outside of the city of Basra": the object of the inner "of"
                objs = [g for g in c.children if g.dep_ == "pobj"] or [
                    g for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"
                ]
                for pobj in objs:
                    got = _place_of(pobj, covered, gazetteer, countries)
                    if got is not None:
                        return got
    if travel:
        # meetings: a venue anywhere in the clause ("met X on the sidelines of the Quad meeting in
        # Washington"), but not inside what was talked about ("discussed the situation in Gaza")
        topics = {t.i for c in trigger.children if c.dep_ in ("dobj", "attr") and not _is_actor(c, covered) for t in c.subtree}
        for t in trigger.subtree:
            if t.dep_ == "prep" and t.lower_ in LOCATIVE and t.i not in topics and _same_clause(t, trigger):
                for pobj in (g for g in t.children if g.dep_ == "pobj"):
                    got = _place_of(pobj, covered, gazetteer, countries)
                    if got is not None:
                        return got
    if material:
        # "shelled Kharkiv": the place a material action is done to
        for obj in (c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")):
            if obj.i in covered and covered[obj.i].kind in ("place", "region"):
                return _place_of(obj, covered, gazetteer, countries)
    if travel:
        # "visited Japan": the place visited
        for obj in (c for c in trigger.children if c.dep_ == "dobj"):
            if obj.i in covered and covered[obj.i].kind in PLACE_KINDS:
                return _place_of(obj, covered, gazetteer, countries)
    # an act on the ground: any place of its sentence; a statement: a place said of a verb only
    # (a place inside a noun phrase is what is talked about: "security in Somalia")
    return _sentence_place(trigger, covered, gazetteer, countries, verbs_only=not material)


def _sentence_place(
    trigger: Token,
    covered: dict[int, ActorMatch],
    gazetteer: dict[str, Form],
    countries: dict[str, tuple[float, float]],
    verbs_only: bool = False,
) -> dict[str, Any] | None:
    """Else the place its sentence names nearest the trigger ("killed all six attackers who laid
    siege to a hotel in the town of Beledweyne"), not one inside a topic of talks."""
    sent = sent_of(trigger)
    best: tuple[int, dict[str, Any]] | None = None
    for t in sent:
        if t.dep_ != "prep" or t.lower_ not in LOCATIVE or t.head.lemma_.lower() in TOPIC_NOUNS:
            continue
        if verbs_only and t.head.pos_ not in ("VERB", "AUX"):
            continue
        for pobj in (g for g in t.children if g.dep_ == "pobj"):
            got = _place_of(pobj, covered, gazetteer, countries)
            if got is not None and (best is None or abs(t.i - trigger.i) < best[0]):
                best = (abs(t.i - trigger.i), got)
    return best[1] if best else None
