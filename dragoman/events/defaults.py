"""Parties the text implies but does not code, never parties it does not name.

An unidentified perpetrator the text mentions ("gunmen", "masked attackers") takes the code of the
country the violence happens in, sector UAF (codebook: unidentified perpetrators); a victim or
target phrase without a code ("23 people in Tel Aviv") takes the place's country; people a state's
forces act against at home ("police fired on demonstrators") take that state's code. A text that
names no party gets none: no entity is made up (``recipient: []`` for a directed event without a
named target).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from ..dictionaries import NONSTATE_CODES as NONSTATE

EventMention = Any  # dragoman.events.component.EventMention (kept loose to avoid an import cycle)


def default_actor(ev: EventMention) -> None:
    """An uncoded perpetrator phrase of violence takes the country the violence happens in."""
    if ev.coding.event != "ASSAULT" or not ev.actors or any(a.code for a in ev.actors) or not ev.location:
        return
    code = ev.location.get("country_code")
    if not code:
        return
    first = ev.actors[0]
    ev.actors = [dataclasses.replace(first, code=code, sector=first.sector or "UAF", rule=f"{first.rule}<actor.place")] + ev.actors[1:]


def default_recipient(ev: EventMention) -> None:
    """An uncoded target of material conflict takes the country of the place it is in; people a
    state's forces act against take that state's code."""
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
