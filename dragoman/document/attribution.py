"""Who reports or claims an event: 'according to X', 'X said', 'read the press release'."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from spacy.tokens import Token

from ..actors.entity import describe_head
from ..mentions import Entity, EventMention
from ..sentences import sent_of
from ..words import words
from .coref import Coreference
from .quotes import quote_of, speaker_of

REPORTING = words("reporting_verbs")
CLAIM_REJECTIONS = words("claim_rejection_verbs")


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


def attribution(trigger: Token, covered: dict[int, Any], coref: Coreference, day: dt.date | None) -> Entity | None:
    """The source a trigger's sentence credits, or None (codebook: the scope is one sentence).

    In order: "according to X" in the sentence; the speaker of the quotation the trigger stands in;
    the subject of a reporting verb that governs the trigger ("X said ..."); a reporting verb at the
    sentence's root with the event beside it ("..., read the press release").
    """
    sent = sent_of(trigger)
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
            pobj = [g for g in tok.doc[tok.i + 1].children if g.dep_ == "pobj"]
            if pobj:
                ent = _entity(pobj[0], covered, day)
                if ent is not None:
                    return _tag(ent, "according")
    if quote_of(trigger) is not None:
        spk = speaker_of(trigger)
        return _tag(_source(spk, covered, coref, day), "quote") if spk is not None else None
    cur = trigger
    for _ in range(6):
        head = cur.head
        if head.i == cur.i:
            break
        if head.lemma_.lower() in REPORTING and cur.dep_ in ("ccomp", "parataxis", "xcomp", "dobj") and head.i != trigger.i:
            subj = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subj:
                # the subject nearest the verb ("X killed Y, the ministry said")
                return _tag(_source(subj[-1], covered, coref, day), "said")
        cur = head
    root = sent.root
    if root.lemma_.lower() in REPORTING:
        subj = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj and subj[-1].pos_ != "PRON":
            return _tag(_entity(subj[-1], covered, day), "said")
    return None


def denier(trigger: Token, covered: dict[int, Any], coref: Coreference, day: dt.date | None) -> Entity | None:
    """Who denies a denied event: the subject of the denial verb above the trigger."""
    cur = trigger
    for _ in range(4):
        head = cur.head
        if head.i == cur.i:
            return None
        if head.lemma_.lower() in CLAIM_REJECTIONS:
            return verb_denier(head, covered, coref, day)
        cur = head
    return None


def verb_denier(verb: Token, covered: dict[int, Any], coref: Coreference, day: dt.date | None) -> Entity | None:
    """The subject of a denial verb (of the verb it is joined to: "met the envoy and rejected the
    claims"), as the source of what it denies."""
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subj and verb.dep_ == "conj":
        subj = [c for c in verb.head.children if c.dep_ == "nsubj"]
    return _tag(_source(subj[0], covered, coref, day), "denial") if subj else None


def _source(tok: Token, covered: dict[int, Any], coref: Coreference, day: dt.date | None) -> Entity | None:
    if tok.pos_ == "PRON":
        res = coref.pronoun(tok)
        return res[0] if res else None
    return _entity(tok, covered, day)


def _tag(ent: Entity | None, how: str) -> Entity | None:
    """Mark how an attribution was made (according, quote, said, denial)."""
    if ent is None:
        return None
    return dataclasses.replace(ent, rule=f"attribution.{how}>{ent.rule}")


# speech acts: their speaker is their actor, so an attribution to the actor says nothing more
SPEECH_ACTS = {"ACCUSE", "REQUEST", "THREATEN", "SUPPORT", "REJECT"}


def settle(ev: EventMention, trigger: Token, covered: dict[int, Any], coref: Coreference, day: dt.date | None) -> Entity | None:
    """The ``attributed_to`` of a coded event mention (codebook §4): a denied event is attributed to
    the denier; a speech act (or an asserted AGREE) is not attributed to its own actor."""
    if ev.negated:
        src = denier(trigger, covered, coref, day)
        if src is not None:
            return src
    src = ev.attributed_to
    if src is None:
        return None
    speech = ev.coding.event in SPEECH_ACTS or (ev.coding.event == "AGREE" and ev.modality == "asserted")
    if speech and any(a.start == src.start or (a.code == src.code and a.identifier_text and a.identifier_text == src.identifier_text) for a in ev.actors):
        return None
    return src
