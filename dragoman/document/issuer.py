"""Who issued a document: the actor its ``source`` names, for first-person narration.

A government readout or media release written in the first person ("Today I met Chinese Foreign
Minister Wang Yi", "We are imposing travel bans on ...") names its author only in its byline: the
article's ``source`` ("Minister for Foreign Affairs of Australia, Senator the Hon Penny Wong
(media release)", "New Zealand Ministry of Foreign Affairs and Trade"). The source is parsed and
matched like any phrase; the first coded party it names that can issue statements (a state body,
an official, an international organisation, not a news outlet) is the issuer. Coreference gives it
to "I", "we", "our" outside quotations when no speaker is named (codebook: pronouns take their
referent's code).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable

from spacy.tokens import Doc

from ..actors.entity import match_at, match_entities
from ..mentions import Entity

# sectors of a byline that does not speak for itself in the first person: a news outlet's "we" is
# its reporters, not a party
NON_ISSUER_SECTORS = frozenset({"MED", "JRN", "UNK"})
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def issuer_of(source: str | None, parse: Callable[[str], Doc], day: dt.date | None) -> Entity | None:
    """The party a document's source names (see the module's doc), or None.

    ``parse``: turns a text into a Doc with actor matches (the pipeline without event coding)."""
    text = _BRACKETS.sub(" ", source or "").strip(" ,;:-")
    if not text or len(text) > 200:
        return None
    doc = parse(text)
    covered = match_at(doc)
    # a state named with no body, office or official that issues for it names no issuer: "Indian
    # Ocean Dispatch" is a news outlet, not India's government
    body = any(m.kind in ("agent", "org", "person") for m in doc._.actor_matches or ())
    for ent in match_entities(doc, covered, day):
        if ent.kind in ("country", "demonym", "region", "place") and ent.sector is None and not body:
            continue
        if ent.code and ent.sector not in NON_ISSUER_SECTORS:
            # a state's ministry or office issues for its government ("Ministry of Foreign Affairs
            # of the Islamic Republic of Iran": the match is "Iran")
            return dataclasses.replace(ent, sector="GOV") if ent.kind in ("country", "government") and ent.sector is None else ent
    return None
