"""Parties the text implies but does not code, never parties it does not name.

An unidentified perpetrator the text mentions ("gunmen", "masked attackers") takes the code of the
country the violence happens in, sector UAF (codebook: unidentified perpetrators); a victim or
target phrase without a code ("23 people in Tel Aviv") takes the place's country; people a state's
forces act against at home ("police fired on demonstrators") take that state's code. A text that
names no party gets none: no entity is made up (``recipient: []`` for a directed event without a
named target).

Under the ``cameo`` conventions (CAMEO coding practice, as the PLOVER gold-standard sentences are
coded) the defaults CAMEO coders use are added: violence with no named perpetrator is coded to the
country it happens in; material conflict with no named target targets the place it happens in;
protests, crackdowns, demands and the like with neither target the actor's own country. Such a
default entity's ``entity_text`` is the text it was taken from (the place or the actor).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

from spacy.tokens import Token

from ..actors.entity import core_tokens, describe_head
from ..dictionaries import NONSTATE_CODES as NONSTATE
from ..mentions import Entity, EventMention
from ..words import words

GROUP_NOUNS = words("group_nouns")
SOIL_NOUNS = words("soil_nouns")
ACT_WORDS = words("violence_nouns") | words("weapon_words")  # an act or a weapon, no perpetrator
HOME_SECTORS = {"COP", "JUD", "GOV"}  # bodies that act in their own state (not armies: they act abroad too)
DOMESTIC = {"PROTEST", "COERCE", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "CONCEDE", "SANCTION", "RETREAT"}


def default_actor(ev: EventMention, convention: str = "plover") -> None:
    """An uncoded perpetrator phrase of violence takes the country the violence happens in (under
    the cameo conventions also an unnamed one: "a roadside bomb near Samarra killed ...": IRQ)."""
    if ev.coding.event == "ASSAULT" and convention == "cameo" and not ev.actors and ev.location and ev.location.get("country_code"):
        tok = ev.trigger.token
        ev.actors = [Entity(ev.location["text"], ev.location["country_code"], None, None, None, "actor.place", tok.idx, tok.idx, tok.i, "default")]
        return
    first = ev.actors[0] if ev.actors else None
    if (
        first is not None and first.code is None and first.sector in HOME_SECTORS and ev.coding.event != "ASSAULT"
        and len(ev.actors) == 1 and ev.location and ev.location.get("country_code")
        and ev.coding.event != "CONSULT" and ev.trigger.pattern.event != "CONSULT"
        and not (first.plural and ev.trigger.token.doc[first.head].lemma_.lower() in GROUP_NOUNS)
        and not (first.plural and any(c.dep_ == "nummod" for c in ev.trigger.token.doc[first.head].children))
    ):
        # "Police arrested protesters in Lagos", "a court in Guatemala City sentenced ...": a state's
        # police, courts and government act at home (not "the two leaders", "the two Heads of State",
        # not at a meeting, held or planned: visitors meet abroad)
        ev.actors = [dataclasses.replace(first, code=ev.location["country_code"], rule=f"{first.rule}<actor.home")]
        return
    if ev.coding.event != "ASSAULT" or not ev.actors or any(a.code for a in ev.actors) or not ev.location:
        return
    code = ev.location.get("country_code")
    if not code:
        return
    first = ev.actors[0]
    head = ev.trigger.token.doc[first.head]
    if head.lemma_.lower() in ACT_WORDS:
        return  # "the drone strikes on Kyiv killed four": the act, told as its subject, names no doer
    ev.actors = [dataclasses.replace(first, code=code, sector=first.sector or "UAF", rule=f"{first.rule}<actor.place")] + ev.actors[1:]


def default_recipient(ev: EventMention, convention: str = "plover") -> None:
    """An uncoded target of material conflict takes the country of the place it is in; people a
    state's forces act against take that state's code."""
    if convention == "cameo" and not any(r.code for r in ev.recipients) and _cameo_recipient(ev):
        return
    if not ev.recipients or any(r.code for r in ev.recipients) or ev.coding.quad != 4:
        return
    actor = next((a for a in ev.actors if a.code), None)
    loc = ev.location
    code, rule = None, None
    if loc and loc.get("country_code"):
        code, rule = loc["country_code"], "recipient.place"
    elif actor is not None and actor.sector in ("COP", "MIL", "GOV") and actor.code not in NONSTATE and all(
        r.kind == "agent" for r in ev.recipients
    ):
        # "Egyptian police opened fire on demonstrators": a state's forces against people at home
        code, rule = actor.code, "recipient.domestic"
    if code is None:
        return
    first = ev.recipients[0]
    ev.recipients = [dataclasses.replace(first, code=code, rule=f"{first.rule}<{rule}")] + ev.recipients[1:]


def _cameo_recipient(ev: EventMention) -> bool:
    """CAMEO practice: a material conflict event with no named target targets the place it happens
    in; a domestic event (protest, crackdown, demand) with none targets the actor's own country."""
    if not ev.actors or (ev.coding.quad != 4 and ev.coding.event not in DOMESTIC):
        return False
    if len({a.code for a in ev.actors if a.code}) > 1:  # "Indian and Chinese troops disengaged": mutual
        return False
    actor = next((a for a in ev.actors if a.code), None)
    loc = ev.location
    if loc and loc.get("country_code") and ev.coding.quad == 4 and not ev.recipients:
        code, text, rule = loc["country_code"], loc["text"], "recipient.place"
        if actor is not None and code == actor.code and ev.coding.event not in DOMESTIC:
            return False
    elif ev.coding.event in DOMESTIC and actor is not None and len(actor.code or "") == 3 and actor.code not in NONSTATE and not ev.recipients:
        code, text, rule = actor.code, actor.entity_text, "recipient.domestic"
    else:
        return False
    start = ev.trigger.token.idx
    ev.recipients = [Entity(text, code, "GOV" if ev.coding.event == "PROTEST" else None, None, None, rule, start, start, ev.trigger.token.i, "default")]
    return True


TARGET_SKIP_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"}
NOT_TARGETS = words("non_target_pronouns")
HAPPENINGS = words("happening_nouns")  # ("concern over the incident": no target)
ABROAD = words("abroad_modifiers")


def _located_in(head: Token, covered: dict[int, Any], day: dt.date | None) -> str | None:
    """The state a target phrase places itself in: "corruption in Albania", "the schools of Kabul",
    "militants based in Afghanistan", "militants present on Afghan soil"."""
    holders = [head, *(c for c in head.children if c.dep_ in ("amod", "acl") and c.i > head.i)]
    for holder in holders:
        for c in holder.children:
            if c.dep_ != "prep" or c.lower_ not in ("in", "of", "inside", "within", "across", "on"):
                continue
            for g in c.children:
                if g.dep_ != "pobj" or (c.lower_ == "on" and g.lemma_.lower() not in SOIL_NOUNS):
                    continue
                if g.ent_type_ in ("GPE", "LOC", "NORP") or g.i in covered or any(t.i in covered for t in g.children if t.dep_ in ("amod", "compound")):
                    ent = describe_head(g, covered, day)
                    if ent is not None and ent.code and len(ent.code) == 3 and ent.code not in NONSTATE:
                        return str(ent.code)
    return None


def implied_target(
    ev: EventMention,
    heads: list[Token],
    covered: dict[int, Any],
    day: dt.date | None,
    focus: str | None,
    is_trigger_word: Callable[[Token], bool],
) -> None:
    """A named target the dictionaries do not code is of the country the event happens in.

    "The military removed Bashir and jailed him", "opposition parties rejected the budget", "the
    Taliban banned her book": the object is a person, body or thing of the actor's own country
    (codebook §3: places and targets take the country code). The object phrase is the entity's
    text (nothing is made up); its country is the event's place, else the country the article is
    about, and the rule only fills it when that is the actor's own country (or the actor has no
    code). An object that is itself an event word ("condemned the offensive") names no target: its
    doer does, and is left to the rules that find doers. Never the actor's own side: a target of
    the same country and sector (a bare country acting on a bare country) is no party.
    """
    if any(r.code for r in ev.recipients):
        return
    if ev.coding.event not in DOMESTIC and ev.coding.event != "ASSAULT":
        return  # support, agreement, aid "for a difficult situation" have no domestic target to infer
    actor = next((a for a in ev.actors if a.code), None)
    if actor is not None and (len(actor.code or "") != 3 or actor.code in NONSTATE):
        return
    if actor is not None and len({a.code for a in ev.actors if a.code}) > 1:
        return
    trig_words = {t.i for t in ev.trigger.tokens}
    actor_heads = {a.head for a in ev.actors}
    place = (ev.location or {}).get("country_code")
    here = place or focus
    for head in heads:
        if head.i in trig_words or head.i in actor_heads or head.ent_type_ in TARGET_SKIP_ENTS:
            continue
        if head.pos_ not in ("NOUN", "PROPN", "PRON") or head.lower_ in NOT_TARGETS or head.lemma_.lower() in HAPPENINGS or is_trigger_word(head):
            continue
        if any(c.dep_ == "amod" and c.lower_ in ABROAD for c in head.children):
            continue  # "called on the international community": no one at home
        located = _located_in(head, covered, day)
        if located is not None and (actor is None or located != actor.code):
            # "said corruption in Albania is pervasive": the target's own phrase names its country
            toks = core_tokens(head, covered) if head.pos_ != "PRON" else [head]
            text = head.doc[toks[0].i : toks[-1].i + 1].text
            target = Entity(text, located, None, None, None, "recipient.target_located", toks[0].idx, toks[-1].idx + len(toks[-1].text), head.i, "target")
            ev.recipients = [target] + [r for r in ev.recipients if r.head != head.i]
            return
        if actor is not None:
            if here is not None and here != actor.code:
                return
            if here is None and (head.pos_ == "PROPN" or (ev.coding.quad == 4 and ev.coding.event != "COERCE")):
                # with nothing but the actor to go on, a name no dictionary knows, or the target of
                # violence, may be anyone's ("Russian forces shelled Kharkiv"); arrests, bans and
                # seizures are a state's acts at home
                return
            code = actor.code
        elif here is not None:
            code = here
        else:
            return
        described = describe_head(head, covered, day) if head.pos_ != "PRON" else None
        sector = described.sector if described is not None and described.code in (None, code) else None
        if actor is not None and actor.sector == sector:
            return  # the actor's own side
        toks = core_tokens(head, covered) if head.pos_ != "PRON" else [head]
        doc = head.doc
        text = doc[toks[0].i : toks[-1].i + 1].text
        rule = "recipient.target_place" if place else "recipient.target_focus" if here else "recipient.target_domestic"
        target = Entity(text, code, sector, None, None, rule, toks[0].idx, toks[-1].idx + len(toks[-1].text), head.i, "target")
        ev.recipients = [target] + [r for r in ev.recipients if r.head != head.i]
        return
