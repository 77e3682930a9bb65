"""Negation and modality (asserted, future, hypothetical, historical) of a trigger."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from spacy.tokens import Token

from ..words import words
from .triggers import light_frame, planned_noun

FUTURE_AUX = words("future_aux")
HYPOTHETICAL_AUX = words("hypothetical_aux")  # "would" depends on the clause
FUTURE_CONTROL = words("future_control")
READY_ADJ = words("ready_adjectives")
COMMITMENT = words("commitment_heads")
INTENTION_NOUNS = words("intention_nouns")
UNREALISED_CONTROL = words("unrealised_control")
COMMITTED_INTENTION = words("committed_intention_nouns")
FUTURE_MODIFIERS = words("future_modifiers")
PAST_MODIFIERS = words("past_modifiers")
POSSIBLE_MODIFIERS = words("possible_modifiers")
NEGATORS = words("negators")
DENIALS = words("denial_verbs")
CLAIM_NOUNS = words("claim_nouns")
CONDITIONAL_MARKS = words("conditional_marks")
WEIGHING_VERBS = words("weighing_verbs")
PLANNING_VERBS = words("planning_verbs")
YEAR = re.compile(r"\b(19|20)\d\d\b")


def _chain(tok: Token) -> list[Token]:
    """The trigger and the verbs that govern it inside its clause (xcomp / conj chains)."""
    out = [tok]
    cur = tok
    for _ in range(5):
        deps: tuple[str, ...] = ("xcomp", "conj", "pcomp", "pobj", "prep", "dobj", "attr")
        if cur.pos_ in ("NOUN", "PROPN"):
            deps += ("nsubj", "nsubjpass")  # "if talks fail": the noun's clause
        if cur.dep_ in deps and cur.head.i != cur.i:
            cur = cur.head
            out.append(cur)
        else:
            break
    return out


def _object_chain(noun: Token, verb: Token) -> bool:
    """Whether the noun is the verb's object, directly or through the head it leaves its act to
    ("is preparing a package of sanctions")."""
    tok = light_frame(noun)
    while tok.dep_ == "conj" and tok.head.i != tok.i and tok.head.i != verb.i:
        tok = tok.head
    return tok.head.i == verb.i and tok.dep_ == "dobj"


def _looks_forward(verb: Token) -> bool:
    return verb.lemma_.lower() == "look" and any(c.dep_ in ("prt", "advmod") and c.lower_ == "forward" for c in verb.children)


def negated(tok: Token) -> bool:
    """'did not attack', 'no talks', 'denied attacking', 'never met'."""
    for t in _chain(tok):
        if any(c.dep_ == "neg" or (c.lower_ in NEGATORS and c.dep_ in ("det", "advmod", "neg")) for c in t.children):
            return True
        # "will no longer recognize", "no more": the negator sits on the adverb
        if any(c.dep_ == "advmod" and c.lower_ in ("longer", "more") and any(g.lower_ in NEGATORS for g in c.children) for c in t.children):
            return True
    return denied(tok)


def denied(tok: Token) -> bool:
    """Whether a denial governs the trigger: 'denied attacking', 'rejected claims that it attacked'."""
    head, below = tok.head, tok
    for _ in range(3):
        if head.i == tok.i:
            break
        lemma = head.lemma_.lower()
        if below.i == tok.i and tok.lemma_.lower() in CLAIM_NOUNS:
            # "rejected Pakistan's allegation that ...": the allegation was made; what it claims is denied
            below, head = head, head.head
            continue
        if lemma in DENIALS and not (below.dep_ in ("conj", "advcl") and below.pos_ in ("VERB", "AUX")):
            # (a verb joined to the denial, or an adverbial clause on it, is an act of its own:
            # "denied the accusation and said government troops had shelled the villages", "denied
            # the allegations while criticizing the groups")
            return True
        if lemma in ("reject", "dismiss", "rebuff") and below.lemma_.lower() in CLAIM_NOUNS and below.dep_ == "dobj":
            return True
        if head.lemma_.lower() in CLAIM_NOUNS and head.dep_ == "dobj" and head.head.lemma_.lower() in ("reject", "dismiss", "rebuff", "deny"):
            return True
        if head.head.i == head.i:
            break
        below, head = head, head.head
    return False


def opens_condition(verb: Token) -> bool:
    """Whether a verb's clause opens with a mark of condition (words.yaml conditional_marks, or
    "in case"), read by its words: the parser may hang a misparsed clause anywhere ("... in case
    such a ceasefire is not agreed" joined to the verb before)."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    start = subj.left_edge.i if subj is not None else verb.i
    before = [verb.doc[i].lower_ for i in range(max(0, start - 2), start)]
    return bool(before) and (before[-1] in CONDITIONAL_MARKS or before[-2:] == ["in", "case"])


def modality(tok: Token, pub_date: dt.date | None) -> str:
    chain = _chain(tok)
    # hypothetical: a conditional clause on the trigger or a governing verb
    for t in chain:
        for c in t.children:
            if c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS:
                return "hypothetical"
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in t.children):
            return "hypothetical"
    for t in chain:
        aux = [c for c in t.children if c.dep_ in ("aux", "auxpass")]
        lowers = {a.lower_ for a in aux}
        if lowers & FUTURE_AUX:
            return "future"
        if lowers & HYPOTHETICAL_AUX:
            return "hypothetical"
        if "would" in lowers:
            # "said it would attend": future in reported speech; otherwise conditional
            head = t.head
            if t.dep_ == "ccomp" and head.lemma_ in ("say", "announce", "tell", "state", "confirm", "add"):
                return "future"
            return "hypothetical"
        if any(a.lower_ in ("is", "are", "am") for a in aux) and any(c.lower_ == "to" for c in t.children if c.dep_ == "aux"):
            return "future"
        if t.dep_ == "xcomp" and t.head.lemma_.lower() in UNREALISED_CONTROL:
            return "hypothetical"  # "were supposed to sign a deal": meant to happen, not told as done
        if t.dep_ == "xcomp" and t.head.lemma_.lower() in FUTURE_CONTROL and t.head.i != tok.i:
            return "future"
        if t.dep_ == "xcomp" and t.head.lemma_.lower() in READY_ADJ:
            return "future"
        if tok.pos_ in ("NOUN", "PROPN") and t is not tok and t.pos_ == "VERB" and _object_chain(tok, t):
            if weighed(t):
                return "hypothetical"  # "the EU is considering sanctions"
            if t.lemma_.lower() in PLANNING_VERBS:
                return "future"  # "is preparing a new package of sanctions"
        if intended_infinitive(t):
            return "future"  # "Japan's intention to extend aid", "the plan to build a port"
        if t.dep_ == "pcomp" and t.head.lower_ == "to" and _looks_forward(t.head.head):
            return "future"  # "looked forward to welcoming"
    if tok.pos_ in ("NOUN", "PROPN"):
        mods = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound", "nmod", "det")}
        frame = light_frame(tok)
        if frame is not tok:
            # "any act of aggression", "a possible round of talks": the head's determiners count
            mods |= {c.lower_ for c in frame.children if c.dep_ in ("amod", "det")}
        if mods & POSSIBLE_MODIFIERS:
            return "hypothetical"  # "warned against any attack", "potential sanctions"
        if mods & FUTURE_MODIFIERS or planned_noun(tok):
            return "future"  # "the next round", "the Annual Summit to be held in Japan"
        if mods & PAST_MODIFIERS:
            return "historical"
    return "asserted"


def ongoing_since(tok: Token) -> bool:
    """A state or series told in the present perfect from a past start ("Iran has been under U.S.
    sanctions since 2018", "has repeatedly called since December for ..."): it is going on, so
    asserted however early it began (conventions: ongoing series)."""
    cur = tok
    for _ in range(4):
        if cur.pos_ in ("VERB", "AUX"):
            aux = {c.lower_ for c in cur.children if c.dep_ in ("aux", "auxpass")}
            perfect = bool(aux & {"has", "have", "'s", "'ve"}) and not (aux & {"had", "'d"})
            if perfect and any(c.dep_ == "prep" and c.lower_ == "since" for c in (cur, *cur.children) if c.i != cur.i):
                return True
        if cur.head.i == cur.i or cur.dep_ not in ("pobj", "prep", "dobj", "xcomp", "attr", "acomp"):
            break
        cur = cur.head
    return False


def weighed(verb: Token) -> bool:
    """A verb of weighing an act of one's own ("is considering sanctions", "mulls new tariffs"),
    not of judging someone else's ("considered the attack a violation")."""
    return verb.lemma_.lower() in WEIGHING_VERBS and not any(c.dep_ in ("oprd", "ccomp", "xcomp") for c in verb.children)


def intended_infinitive(t: Token) -> bool:
    """An infinitive that an intention noun governs ("the plan to build", "readiness to host")."""
    return t.dep_ == "acl" and t.head.lemma_.lower() in INTENTION_NOUNS and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)


def committed(tok: Token) -> bool:
    """Whether the trigger is what a commitment governs ("agreed to convene the dialogue", "is
    ready to send aid"): cooperation committed to is told as the commitment, made when it is told."""
    if intended_infinitive(tok) and tok.head.lemma_.lower() in COMMITTED_INTENTION:
        return True  # "expressed Japan's intention to extend aid"
    for t in _chain(tok)[1:]:
        lemma = t.lemma_.lower()
        if lemma in COMMITMENT:
            return True
        if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX | {"would"} for c in t.children):
            return False  # "will agree to", "would be ready to": still ahead
        if lemma in FUTURE_CONTROL or lemma in READY_ADJ or _looks_forward(t):
            return False  # "agreed to ... and look forward to meeting": a planned event
    return False


def historical(modality: str, date: Any, pub_date: dt.date | None) -> str:
    """The codebook's mechanical 30-day rule: an asserted event whose date (a month counting as its
    last day) cannot fall within the 30 days before publication is historical."""
    if modality != "asserted" or date is None or pub_date is None or date.precision not in ("day", "month", "year"):
        return modality
    d = dt.date.fromisoformat(date.value)
    if date.precision == "month":
        d = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1) - dt.timedelta(days=1)
    elif date.precision == "year":
        d = dt.date(d.year, 12, 31)
    return "historical" if d < pub_date - dt.timedelta(days=30) else modality


# control verbs and adjectives that forecast rather than announce ("is expected to", "is due to")
FORECAST = words("forecast_words")


def intent_cue(tok: Token) -> bool:
    """Whether a future event is announced as someone's intention (will, plans to, vowed to, is
    ready to) rather than forecast by the reporter (is expected to, is due to, is set to)."""
    for t in _chain(tok):
        if t.dep_ == "xcomp" and t.head.lemma_.lower() in FORECAST:
            return False
        if t.head.dep_ in ("acomp",) and t.head.lemma_.lower() in FORECAST and t.dep_ == "xcomp":
            return False
    return True
