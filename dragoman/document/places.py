"""Event places: the place an event happens, from locative phrases ("in Islamabad", "at the
Department of State in Washington", "in eastern Syria").

A capital that acts ("Islamabad said") is an actor, not a place: only the objects of locative
prepositions are places. Coordinates come from the gazetteer (GeoNames cities) or the regions file.

An event whose clause names no place takes one from its context (:func:`carry_places`, run once
the parties are settled, so it never changes who did what): the event noun's own name ("the Hanoi
summit"), a place the subject is visiting, a locative anywhere in the sentence that is not what is
talked about, "there", the same happening told a few sentences back, or the dateline.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from ..actors.forms import Form
from ..actors.matcher import ActorMatch
from ..read.dateline import dateline_ends
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
    # the head with what precedes it and its own names after it ("Quetta, Balochistan"), not a
    # name deep inside a clause on it ("a move ... after meeting with U.S. President Biden")
    toks = [t for t in tok.subtree if t.i <= tok.i or (t.dep_ in ("compound", "flat") and t.head.i == tok.i)] or [tok]
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
    topics: bool = False,
    skip: set[int] | frozenset[int] = frozenset(),
) -> dict[str, Any] | None:
    """Else the place its sentence names nearest the trigger ("killed all six attackers who laid
    siege to a hotel in the town of Beledweyne"), not one inside a topic of talks (with ``topics``
    not one inside the object of any talk noun or verb: "concern over the situation in Gaza")."""
    sent = sent_of(trigger)
    best: tuple[int, dict[str, Any]] | None = None
    for t in sent:
        if t.dep_ != "prep" or t.lower_ not in LOCATIVE or t.head.lemma_.lower() in TOPIC_NOUNS:
            continue
        if t.i in skip or (topics and any(a.lemma_.lower() in TOPIC_NOUNS for a in t.head.ancestors)):
            continue
        if verbs_only and t.head.pos_ not in ("VERB", "AUX"):
            continue
        for pobj in (g for g in t.children if g.dep_ == "pobj"):
            got = _place_of(pobj, covered, gazetteer, countries)
            if got is not None and (best is None or abs(t.i - trigger.i) < best[0]):
                best = (abs(t.i - trigger.i), got)
    return best[1] if best else None


# --- places from the context: for events whose own clause names none -------------------------

ANAPHORIC = {"there", "here"}  # "There, Kim asked Trump for sanctions relief"
# a same-type event this many sentences back may be the same happening (about three news
# paragraphs; chosen on the dev split: 3 -> 64 of 95 dev events with a gold place, 6 -> 66, 8 -> 68)
CARRY_SENTENCES = 8


def _previous_place(
    before: int, doc: Doc, covered: dict[int, ActorMatch], gazetteer: dict[str, Form], countries: dict[str, tuple[float, float]],
    sentences: int = 2,
) -> dict[str, Any] | None:
    """The last place named before token ``before`` within ``sentences`` sentences: what "there"
    points back to. A name that acts (a sentence subject, a possessor) is an actor, not a place."""
    if before <= 0:
        return None
    first = sent_of(doc[before - 1]).start
    for _ in range(sentences - 1):
        if first == 0:
            break
        first = sent_of(doc[first - 1]).start
    for i in range(before - 1, first - 1, -1):
        m = covered.get(i)
        if m is None or m.kind not in PLACE_KINDS or doc[i].dep_ in ("nsubj", "nsubjpass", "poss"):
            continue
        return _place_of(doc[i], covered, gazetteer, countries)
    return None


def _named_on(trigger: Token, covered: dict[int, ActorMatch], gazetteer: dict[str, Form], countries: dict[str, tuple[float, float]]) -> dict[str, Any] | None:
    """A place naming an event noun: "the Hanoi summit", "the Beledweyne hotel attack"."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return None
    for c in trigger.children:
        if c.dep_ in ("compound", "nmod", "amod") and c.i in covered and covered[c.i].kind in ("place", "region", "government"):
            got = _place_of(c, covered, gazetteer, countries)
            if got is not None and got["type"] in ("city", "region"):
                return got
    return None


VISIT = {"visit", "tour"}
NO_VENUE_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}


def _visiting(trigger: Token, covered: dict[int, ActorMatch], gazetteer: dict[str, Form], countries: dict[str, tuple[float, float]]) -> dict[str, Any] | None:
    """The place a party is visiting: "Iwaya, who is visiting Washington, held a meeting with ..."
    (a clause on the event's subject), "is visiting Washington" (the parser's npadvmod too)."""
    verbs = [trigger] if trigger.lemma_.lower() in VISIT else []
    verbs += [v for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass") for v in c.children
              if v.dep_ in ("relcl", "acl", "appos") and v.lemma_.lower() in VISIT]
    for v in verbs:
        for obj in (c for c in v.children if c.dep_ in ("dobj", "npadvmod", "oprd")):
            if obj.i in covered and covered[obj.i].kind in PLACE_KINDS:
                return _place_of(obj, covered, gazetteer, countries)
    return None


def _unknown_venue(trigger: Token, covered: dict[int, ActorMatch]) -> bool:
    """Whether the trigger's own clause says where with a name the gazetteer lacks ("received at
    the National Palace"): then a place elsewhere in the sentence is some other thing's."""
    for c in trigger.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "at"):
            for g in c.children:
                if g.dep_ == "pobj" and g.pos_ == "PROPN" and g.ent_type_ not in NO_VENUE_ENTS and not any(
                    t.i in covered for t in g.subtree
                ):
                    return True
    return False


def _talked_about(trigger: Token, covered: dict[int, ActorMatch]) -> set[int]:
    """Tokens of what a statement or talks are about: the trigger's object and its "on/about/over"
    phrases ("discussed the situation in Gaza", "talks on Ukraine"); not an actor object."""
    out: set[int] = set()
    for c in trigger.children:
        if (c.dep_ in ("dobj", "attr", "ccomp", "xcomp") and not _is_actor(c, covered)) or (
            c.dep_ == "prep" and c.lower_ in ("on", "about", "over", "regarding", "concerning")
        ):
            out.update(t.i for t in c.subtree)
    return out


def _same_happening(ev: Any, earlier: Any) -> bool:
    """Whether an earlier event may be the one this event retells or continues: the same type, a
    few sentences back, and no party on either side that contradicts the other's; or any event
    between the same two sides in the same or the previous sentence, the same occasion told on
    ("There, Kim asked Trump for sanctions relief. Trump denied the request.")."""
    gap = ev.sentence - earlier.sentence
    mine = {p.code for p in ev.actors + ev.recipients if p.code}
    theirs = {p.code for p in earlier.actors + earlier.recipients if p.code}
    if ev.coding.event == earlier.coding.event and 0 <= gap <= CARRY_SENTENCES:
        return not mine or not theirs or bool(mine & theirs)
    sides = ({a.code for a in ev.actors if a.code}, {r.code for r in ev.recipients if r.code})
    other = ({a.code for a in earlier.actors if a.code}, {r.code for r in earlier.recipients if r.code})
    return 0 <= gap <= 1 and all(sides) and all(other) and sorted(map(sorted, sides)) == sorted(map(sorted, other))


def dateline_end(doc: Doc) -> int | None:
    """The character offset where the dateline that opens the article ends ("KYIV, Ukraine (AP) —"),
    or None when the article opens with none."""
    head = doc[: min(len(doc), 60)].text  # a dateline opens the text (the whole Doc.text joins every token)
    end = next(iter(dateline_ends(head)), None)
    return None if end is None or "\n" in head[:end].strip() else end


def dateline_place(
    doc: Doc, covered: dict[int, ActorMatch], gazetteer: dict[str, Form], countries: dict[str, tuple[float, float]]
) -> dict[str, Any] | None:
    """The place of the dateline that opens the article ("KYIV, Ukraine (AP) —"), if any."""
    end = dateline_end(doc)
    if end is None:
        return None
    for tok in doc:
        if tok.idx >= end:
            break
        m = covered.get(tok.i)
        if m is not None and m.kind in PLACE_KINDS:
            return _place_of(tok, covered, gazetteer, countries)
    return None


def carry_places(
    events: list[Any], doc: Doc, covered: dict[int, ActorMatch], gazetteer: dict[str, Form],
    countries: dict[str, tuple[float, float]],
) -> None:
    """Give a place to the events whose clause names none, from their context, in order:

    1. a place naming the event noun ("the Hanoi summit");
    2. a place the sentence names in a locative phrase anywhere, nearest the trigger, but not one
       inside a topic of talks ("discussed the situation in Gaza");
    3. "there"/"here" on the clause: the last place named before;
    4. an event of the same type a few sentences back with compatible parties: the same
       happening told on ("an attack on a hotel in Beledweyne ... the militants who attacked the
       hotel");
    5. the dateline that opens the article: where the story is told from.

    Runs after the events' parties are settled: the place found here never changes who did what.
    """
    line = dateline_place(doc, covered, gazetteer, countries)
    done: list[Any] = []
    for ev in events:
        if ev.location is None:
            trig = ev.trigger.token
            got = _named_on(trig, covered, gazetteer, countries) or _visiting(trig, covered, gazetteer, countries)
            if got is None and not _unknown_venue(trig, covered):
                skip = set() if ev.coding.quad in (2, 4) else _talked_about(trig, covered)
                got = _sentence_place(trig, covered, gazetteer, countries, topics=True, skip=skip)
            if got is None and any(
                t.lower_ in ANAPHORIC and t.dep_ == "advmod" and (t.head.i == trig.i or t.head.is_ancestor(trig))
                for t in sent_of(trig)
            ):
                got = _previous_place(sent_of(trig).start, doc, covered, gazetteer, countries)
            if got is None:
                got = next((e.location for e in reversed(done) if e.location is not None and _same_happening(ev, e)), None)
            if got is None:
                got = line
            if got is not None:
                ev.location = dict(got)
        done.append(ev)
