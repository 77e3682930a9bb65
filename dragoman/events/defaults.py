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

from ..dictionaries import NONSTATE_CODES as NONSTATE
from ..mentions import Entity, EventMention

DOMESTIC = {"PROTEST", "COERCE", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "CONCEDE", "SANCTION", "RETREAT"}


def default_actor(ev: EventMention, convention: str = "plover") -> None:
    """An uncoded perpetrator phrase of violence takes the country the violence happens in (under
    the cameo conventions also an unnamed one: "a roadside bomb near Samarra killed ...": IRQ)."""
    if ev.coding.event == "ASSAULT" and convention == "cameo" and not ev.actors and ev.location and ev.location.get("country_code"):
        tok = ev.trigger.token
        ev.actors = [Entity(ev.location["text"], ev.location["country_code"], None, None, None, "actor.place", tok.idx, tok.idx, tok.i, "default")]
        return
    if ev.coding.event != "ASSAULT" or not ev.actors or any(a.code for a in ev.actors) or not ev.location:
        return
    code = ev.location.get("country_code")
    if not code:
        return
    first = ev.actors[0]
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
