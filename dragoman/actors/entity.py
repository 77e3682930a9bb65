"""Describe a noun phrase as an entity: country code, sector, known name and office."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator

from spacy.tokens import Doc, Token

from ..mentions import Entity
from ..parse import misparsed_finite
from ..parse import plural as is_plural
from ..sentences import doc_text
from ..words import words
from .forms import Form
from .matcher import ActorMatch

# dependencies that stay inside the core of a noun phrase
OTHER_SIDE = words("other_side_nouns")
KIN_NOUNS = words("kin_nouns")
CORE_DEPS = {"compound", "amod", "nmod", "poss", "case", "flat", "nummod", "quantmod", "punct", "npadvmod", "det"}
NER_ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC"}
NOT_ACTORS = {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL"}  # ("thousands of Nigerians" is one)


def match_at(doc: Doc) -> dict[int, ActorMatch]:
    """Token index -> the actor match covering it."""
    out: dict[int, ActorMatch] = {}
    for m in doc._.actor_matches or ():
        for i in range(m.start, m.end):
            out[i] = m
    return out


TITLE_FOR_HEADS = words("title_for_heads")


def core_tokens(head: Token, covered: dict[int, ActorMatch]) -> list[Token]:
    """The head with its pre-modifiers, possessors, names and 'of'-phrases naming an actor."""
    out = [head]
    stack = [head]
    while stack:
        tok = stack.pop()
        for c in tok.children:
            dep = c.dep_
            keep = dep in CORE_DEPS
            if dep == "punct" and not (head.left_edge.i < c.i < head.right_edge.i and c.text in "/-–"):
                keep = False
            if dep == "prep" and c.lower_ == "of":
                pobj = [g for g in c.children if g.dep_ == "pobj"]
                # a title before the head ("Secretary of State Warren Christopher") or an actor after it
                keep = bool(pobj) and (c.i < head.i or any(t.i in covered for t in pobj[0].subtree))
            if dep == "prep" and c.lower_ == "for" and tok.i == head.i and c.i > head.i and head.lemma_.lower() in TITLE_FOR_HEADS:
                # "the shadow justice secretary for Britain's Conservative party", "a spokesman for
                # the Chinese foreign ministry": whose office it is
                pobj = [g for g in c.children if g.dep_ == "pobj"]
                keep = bool(pobj) and any(t.i in covered for t in pobj[0].subtree)
            if dep == "prep" and c.lower_ == "for" and c.i < head.i and tok.i != head.i and tok.lemma_.lower() in TITLE_FOR_HEADS:
                # a title before the name ("U.S. Special Presidential Envoy for Hostage Affairs Adam
                # Boehler"): the title's own phrase, part of the name's description
                keep = any(g.dep_ == "pobj" for g in c.children)
            if dep == "pobj" and tok.dep_ == "prep":
                keep = True
            if dep == "cc" and tok.dep_ in ("compound", "nmod", "amod") and tok.i < head.i:
                keep = True
            if dep == "conj" and tok.dep_ in ("compound", "nmod", "amod") and tok.i < head.i:
                keep = True
            if keep:
                out.append(c)
                stack.append(c)
    out.sort(key=lambda t: t.i)
    # a verb misparsed as the head's adjective ends the phrase on its left ("Turkey hosted talks")
    cut = max((c.i for c in head.children if misparsed_finite(c)), default=-1)
    out = [t for t in out if t.i > cut]
    # a phrase is contiguous: cut at the first gap around the head; a parenthesised acronym
    # inside it stays ("the Asia-Pacific Economic Cooperation (APEC) forum")
    idx = {t.i for t in out}
    doc = head.doc
    for t in list(out):
        if t.i < head.i:
            j = t.i + 1
            if j < len(doc) and doc[j].text == "(":
                k = j + 1
                while k < len(doc) and k - j < 6 and doc[k].text != ")":
                    k += 1
                if k < len(doc) and doc[k].text == ")" and k + 1 in idx | {head.i}:
                    idx.update(range(j, k + 1))
    lo = head.i
    while lo - 1 in idx:
        lo -= 1
    hi = head.i
    while hi + 1 in idx:
        hi += 1
    toks = [doc[i] for i in range(lo, hi + 1)] if all(i in idx for i in range(lo, hi + 1)) else [t for t in out if lo <= t.i <= hi]
    # drop leading/trailing punctuation and possessive markers at the edge
    while toks and (toks[0].is_punct or toks[0].dep_ == "case"):
        toks.pop(0)
    while toks and toks[-1].is_punct:
        toks.pop()
    return toks or [head]


def _span_text(doc: Doc, toks: list[Token]) -> tuple[str, int, int]:
    start = toks[0].idx
    end = toks[-1].idx + len(toks[-1].text)
    # the span's text: a slice of the document's text, joined once per Doc
    return doc_text(doc)[start:end], start, end


SURNAME_YEARS = 3  # a bare surname is a minor official only within this many years of their office


def _stale_surname(m: ActorMatch, day: dt.date | None) -> bool:
    """Whether a match is a bare surname of a minor official (the Phoenix dictionary's people, who
    are known by one office) who held no office within SURNAME_YEARS of the day: "succeeded
    Milosevic" in 2000 is not the Croatian official of 2011-2016 who shares the name."""
    form = m.forms[0]
    if m.end - m.start != 1 or day is None or not form.rid.startswith("person.px.") or not form.roles:
        return False
    margin = dt.timedelta(days=365 * SURNAME_YEARS)
    return not any(
        (r.start is None or r.start - margin <= day) and (r.end is None or day <= r.end + margin) for r in form.roles
    )


def _title_for_phrases(head: Token, toks: list[Token]) -> set[int]:
    """The tokens of "for" phrases of a title before the phrase's head ("Envoy for Hostage Affairs")."""
    kept = {t.i for t in toks}
    return {
        g.i for t in toks if t.dep_ == "prep" and t.lower_ == "for" and t.i < head.i and t.head.i != head.i
        for g in t.subtree if g.i in kept
    }


def describe_tokens(head: Token, toks: list[Token], covered: dict[int, ActorMatch], day: dt.date | None) -> Entity | None:
    """Entity for a phrase from the dictionary matches inside it (None when nothing is known)."""
    doc = head.doc
    matches: list[ActorMatch] = []
    seen: set[int] = set()
    for t in toks:
        m = covered.get(t.i)
        if m is not None and id(m) not in seen:
            seen.add(id(m))
            matches.append(m)
    text, start, end = _span_text(doc, toks)
    plural = is_plural(head)
    if head.ent_type_ in NOT_ACTORS and not (
        head.pos_ == "PROPN" and head.ent_type_ in ("DATE", "TIME") and head.i in covered
        and covered[head.i].kind in ("country", "government", "place", "region")  # (not "in May": the month)
    ):
        # ("Kyiv overnight" tagged a time: a name the dictionaries know stays a name)
        return None  # "on Tuesday", "12 people"'s number, "$50 million"
    if not matches:
        ent = head.ent_type_
        if ent in NER_ACTOR_LABELS or head.pos_ == "PROPN":
            return Entity(text, None, None, None, None, "ner." + (ent or "PROPN").lower(), start, end, head.i, "ner", plural)
        return None
    # nearest to the head first: a match containing the head, then right-most
    # (then the head's possessor: "Turkey's purchase of Russian missiles" is Turkey's)
    owners = {c.i for c in head.children if c.dep_ == "poss"}

    def rank(m: ActorMatch) -> tuple[int, int, int]:
        return (0 if m.start <= head.i < m.end else 1, 0 if any(m.start <= i < m.end for i in owners) else 1, -m.start)

    matches.sort(key=rank)
    code: str | None = None
    sector: str | None = None
    identifier: str | None = None
    office: str | None = None
    rules: list[str] = []
    kind = "agent"
    members: tuple[str, ...] = ()
    person = next((m for m in matches if m.kind == "person" and not _stale_surname(m, day)), None)
    org = next((m for m in matches if m.kind == "org"), None)
    # "anti-Pakistan militants": an armed group fighting that state (codebook §3: armed groups
    # take the code of the country they fight in)
    opposed = next((m for m in matches if _attitude(doc, m) and _before_hyphen(doc, m.start).lower_ == "anti"), None)
    # "pro-Iranian", "anti-American": an attitude, not a nationality
    matches = [m for m in matches if not _attitude(doc, m) and not _stance_word(doc, m)]
    # what a title before the name is for says no one's role ("Envoy for Hostage Affairs Adam
    # Boehler" is an envoy, not a hostage)
    in_title = _title_for_phrases(head, toks)
    matches = [m for m in matches if m.kind != "agent" or not in_title.intersection(range(m.start, m.end))]
    states = [m for m in matches if m.kind in ("country", "demonym", "government")]
    state = states[0] if states else None
    if len(states) > 1 and state is not None and state.kind == "demonym" and state.start <= head.i < state.end:
        # "Bosnian Serbs", "Iraqi Kurds": the people live where the modifier says
        state = min(states[1:], key=lambda m: m.start)
    if state is None:
        state = next((m for m in matches if m.kind == "region"), None) or next(
            # (a town inside the phrase is where its event was, not whose the phrase is)
            (m for m in matches if m.kind == "place" and (not m.forms[0].town or m.start <= head.i < m.end)
             and not (head.lemma_.lower() in KIN_NOUNS and any(i in owners for i in range(m.start, m.end)))), None
        )  # ("Lai's son": a person's name, though a town in Chad has it)
    agent = next((m for m in matches if m.kind == "agent"), None)
    if person is not None and not (person.start <= head.i < person.end) and head.pos_ == "NOUN" and any(
        doc[i].dep_ == "poss" for i in range(person.start, person.end)
    ):
        # "Berisha's opponents", "Putin's spokesman": people of the possessor's country, not him
        form = person.forms[0]
        role = form.role_on(day)
        if role is not None and head.lemma_.lower() not in OTHER_SIDE:  # Modi's counterpart is not Indian
            code = role.code
            rules.append(form.rid)
        person = None
    if person is not None:
        form = person.forms[0]
        role = form.role_on(day)
        if role is not None:
            code, sector, office = role.code, role.sector, role.office
        identifier, kind = form.name, "person"
        rules.append(form.rid)
    if org is not None:
        form = _dated(org.forms, day)
        role = form.roles[0]
        state_code = state.forms[0].roles[0].code if state is not None and person is None else None
        if state_code and state_code != role.code:
            # a country word names whose institution it is: "the foreign office of Pakistan" is not
            # the British Foreign Office, "the Chinese UN envoy" is Chinese; the organisation
            # still says what kind of body it is
            if sector is None:
                sector = role.sector
            rules.append(form.rid)
        else:
            if code is None:
                code = role.code
                kind = "org"
                members = form.members
            if sector is None:
                sector = role.sector
            if identifier is None:
                identifier = form.name
            rules.append(form.rid)
    if state is not None:
        form = state.forms[0]
        role = form.roles[0]
        if code is None:
            code = role.code
            kind = form.kind
        if sector is None and agent is None:
            sector = role.sector
        rules.append(form.rid)
    if agent is not None and code is None and opposed is not None and agent.forms[0].roles[0].sector == "REB" and person is None and org is None:
        code = opposed.forms[0].roles[0].code
        rules.append(f"{opposed.forms[0].rid}>anti")
    if agent is not None:
        form = agent.forms[0]
        role = form.roles[0]
        # a person's role and a named organisation's own sector say more than a generic noun
        # ("Hamas leader" is REB); the noun gives the sector otherwise ("Pakistani police")
        if sector is None or (person is None and (org is None or org.forms[0].roles[0].sector is None)):
            sector = role.sector
        if office is None and form.name:
            office = form.name
        rules.append(form.rid)
        if person is None and org is None and state is None:
            kind = "agent"
            if code is None and role.code:
                code = role.code  # "rights groups", "aid agencies" with no country: non-governmental
    return Entity(text, code, sector, identifier, office, "+".join(rules), start, end, head.i, kind, plural, members=members)


def _before_hyphen(doc: Doc, start: int) -> Token:
    """The word before a match, over a hyphen ("anti-Pakistan": "anti")."""
    before = doc[start - 1]
    if before.text in ("-", "\u2013") and start >= 2:
        before = doc[start - 2]
    return before


def _attitude(doc: Doc, m: ActorMatch) -> bool:
    if m.kind not in ("demonym", "country", "government") or m.start == 0:
        return False
    before = _before_hyphen(doc, m.start)
    if before.lower_ in ("pro", "anti", "non"):
        return True
    # "the Russian language", "Russian-speaking regions": a language, not a state
    after = doc[m.end] if m.end < len(doc) else None
    if after is not None and (after.lower_ in ("language", "languages", "speaking", "speakers", "speaker") or (
        after.text in ("-", "\u2013") and m.end + 1 < len(doc) and doc[m.end + 1].lower_ == "speaking"
    )):
        return True
    # "Syrian-backed militia", "Israeli-occupied West Bank": the state backs or occupies, it is not
    # the nationality of what the phrase names
    if m.end + 1 < len(doc) and doc[m.end].text in ("-", "\u2013"):
        return doc[m.end + 1].lower_ in BACKING
    return False


BACKING = words("backing_participles")
STANCE_AGENT_NOUNS = words("stance_agent_nouns")


def _stance_word(doc: Doc, m: ActorMatch) -> bool:
    """"Japan's opposition to any unilateral attempt", "resistance to the reform": a stance, not
    the political opposition or an armed resistance (a word of both, with a "to" complement)."""
    if m.kind != "agent" or m.end - m.start != 1:
        return False
    tok = doc[m.start]
    if tok.lemma_.lower() not in STANCE_AGENT_NOUNS:
        return False
    # (the parser may hang the "to" phrase on the verb: "reaffirmed Japan's opposition to any attempt")
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return any(c.dep_ == "prep" and c.lower_ in ("to", "against") for c in tok.children) or (
        nxt is not None and nxt.dep_ == "prep" and nxt.lower_ in ("to", "against")
    )


def _dated(forms: tuple[Form, ...], day: dt.date | None) -> Form:
    if day is not None:
        for f in forms:
            if f.roles and f.roles[0].holds(day):
                return f
    return forms[0]


def np_head(tok: Token) -> Token:
    """Climb from a word inside a noun phrase to the phrase's head."""
    while tok.head.i != tok.i and tok.head.i > tok.i and (
        tok.dep_ in ("compound", "flat", "amod", "nmod") or _hyphened_modifier(tok)
    ):
        tok = tok.head
    return tok


def _hyphened_modifier(tok: Token) -> bool:
    """The name before a hyphened participle inside a noun phrase ("United Nations-appointed
    rapporteur Richard Bennett"): the parser hangs it on the participle as an adverbial."""
    head = tok.head
    return (
        tok.dep_ == "npadvmod"
        and head.dep_ in ("amod", "compound")
        and head.tag_ == "VBN"
        and head.i - tok.i == 2
        and tok.doc[tok.i + 1].text in ("-", "\u2013")
    )


def split_conjoined(head: Token, ent: Entity, covered: dict[int, ActorMatch]) -> list[Entity]:
    """'Hungarian and Romanian officials', 'leaders from the U.S. and China': one entity per
    conjoined country or organisation word."""
    # ("officials of Russia and Belarus": the objects of the head's "from" or "of")
    owners = [g for p in head.children if p.dep_ == "prep" and p.lower_ in ("from", "of") for g in p.children if g.dep_ == "pobj"]
    for mod in [*head.children, *owners]:
        if not (mod.dep_ in ("amod", "compound", "nmod", "poss") or mod in owners) or not mod.conjuncts:
            continue
        parts = [mod, *mod.conjuncts]
        out: list[Entity] = []
        for part in parts:
            m = covered.get(part.i)
            if m is None or m.kind not in ("country", "demonym", "government", "org"):
                return [ent]
            role = m.forms[0].roles[0]
            out.append(dataclasses.replace(ent, code=role.code, identifier_text=ent.identifier_text, rule=m.forms[0].rid))
        if len({e.code for e in out}) > 1:
            return out
    return [ent]


def describe_head(head: Token, covered: dict[int, ActorMatch], day: dt.date | None) -> Entity | None:
    """:func:`describe_tokens` of a phrase head's core, computed once per Doc and head (a copy is
    returned: callers refine their entity)."""
    cache = head.doc.user_data.setdefault("dragoman.entities", {})
    key = (head.i, day)
    if key not in cache:
        cache[key] = describe_tokens(head, core_tokens(head, covered), covered, day)
    ent = cache[key]
    return dataclasses.replace(ent) if ent is not None else None


def match_entities(doc: Doc, covered: dict[int, ActorMatch], day: dt.date | None) -> Iterator[Entity]:
    """The entity of each actor match's noun phrase, once per phrase head, in match order
    (:func:`describe_head`; phrases the dictionaries cannot describe are skipped)."""
    seen: set[int] = set()
    for m in doc._.actor_matches or ():
        # (the phrase's own head: "the International Court of Justice" is told by "Court", not "Justice")
        last = doc[m.end - 1]
        while last.head.i != last.i and m.start <= last.head.i < m.end:
            last = last.head
        head = np_head(last)
        if head.i in seen:
            continue
        seen.add(head.i)
        ent = describe_head(head, covered, day)
        if ent is not None:
            yield ent


def as_members(ent: Entity) -> list[Entity]:
    """An informal grouping of states acts as its members ("G7 foreign ministers urged Russia":
    the seven states, one entity each, as the codebook lists compound actors); else the entity."""
    if not ent.members:
        return [ent]
    return [dataclasses.replace(ent, code=code, rule=f"{ent.rule}>member.{code}", members=()) for code in ent.members]
