"""Default parties when the text names none, following CAMEO coding practice.

Unidentified attackers are coded to the country the violence happens in; a material conflict
event without a named target targets the place it happens in; protests and crackdowns with
neither target the actor's own country.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from ..actors.entity import Entity
from ..dictionaries import NONSTATE_CODES as NONSTATE

EventMention = Any  # dragoman.events.component.EventMention (kept loose to avoid an import cycle)


DOMESTIC = {"PROTEST", "COERCE", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "CONCEDE", "SANCTION", "RETREAT"}


def default_actor(ev: EventMention) -> None:
    """Violence by unnamed perpetrators is coded to the country it happens in ("a roadside bomb
    near Samarra killed a U.S. soldier": IRQ), as CAMEO coders do for unidentified attackers."""
    if ev.coding.event != "ASSAULT" or any(a.code for a in ev.actors) or not ev.location:
        return
    code = ev.location.get("country_code")
    if not code:
        return
    if ev.actors:
        first = ev.actors[0]
        ev.actors = [dataclasses.replace(first, code=code, rule=f"{first.rule}<actor.place")] + ev.actors[1:]
    else:
        tok = ev.trigger.token
        ev.actors = [Entity(ev.location["text"], code, None, None, None, "actor.place", tok.idx, tok.idx, tok.i, "default")]


def default_recipient(ev: EventMention) -> None:
    """A material conflict event with no named target targets the place it happens in ("bombers
    killed 23 people in Tel Aviv": ISR); a protest or a crackdown with neither targets the actor's
    own country (protesters against their government, police against citizens)."""
    if any(r.code for r in ev.recipients) or not ev.actors or (ev.coding.quad != 4 and ev.coding.event not in DOMESTIC):
        return
    if len({a.code for a in ev.actors if a.code}) > 1:  # "Indian and Chinese troops disengaged": mutual
        return
    actor = next((a for a in ev.actors if a.code), None)
    loc = ev.location
    code, text, rule = None, None, None
    if loc and loc.get("country_code") and ev.coding.quad == 4:
        code, text, rule = loc["country_code"], loc["text"], "recipient.place"
    elif ev.coding.event in DOMESTIC and actor is not None and len(actor.code or "") == 3 and actor.code not in NONSTATE:
        code, text, rule = actor.code, None, "recipient.domestic"
    elif (
        ev.recipients
        and actor is not None
        and actor.sector in ("COP", "MIL", "GOV")
        and actor.code not in NONSTATE
        and all(r.kind == "agent" for r in ev.recipients)
    ):
        # "Egyptian police opened fire on demonstrators": a state's forces against people at home
        code, text, rule = actor.code, None, "recipient.domestic"
    if code is None or (actor is not None and code == actor.code and rule == "recipient.place" and ev.coding.event not in DOMESTIC):
        return
    start = ev.recipients[0].start if ev.recipients else ev.trigger.token.idx
    ent = Entity(text or code, code, "GOV" if ev.coding.event == "PROTEST" else None, None, None, rule, start, start, ev.trigger.token.i, "default")
    if ev.recipients:
        first = ev.recipients[0]
        ev.recipients = [dataclasses.replace(first, code=code, rule=f"{first.rule}<{rule}")] + ev.recipients[1:]
    else:
        ev.recipients = [ent]
