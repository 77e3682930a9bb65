"""The types several packages share: entities, event dates, codings and event mentions.

This module imports nothing of dragoman's, so that the actors, the sentence-level helpers
(coreference, attribution, dates, places), the events component and the whole-record work
(records, fusion, comparison) can all use these types without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Span

# PLOVER types whose parties may stand on either side (codebook §8: CONSULT roles, agreements, joint work)
SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})


@dataclass
class Entity:
    entity_text: str
    code: str | None
    sector: str | None
    identifier_text: str | None
    office: str | None
    rule: str | None
    start: int  # character offsets in the document
    end: int
    head: int  # token index of the phrase head
    kind: str = "unknown"  # person, org, country, government, agent, ner, unknown
    plural: bool = False
    resolved: dict[str, Any] | None = field(default=None)
    members: tuple[str, ...] = ()  # the member states a grouping acts as (actors.entity.as_members)

    def record(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "entity_text": self.entity_text,
            "code": self.code,
            "sector": self.sector,
            "identifier_text": self.identifier_text,
            "office": self.office,
            "rule": self.rule,
        }
        if self.resolved is not None:
            out["resolved_from"] = self.resolved
        return out


@dataclass(frozen=True)
class EventDate:
    value: str  # YYYY-MM-DD (a month or year: its first day)
    precision: str  # day, month, year, publication
    text: str | None = None


@dataclass
class Coding:
    """What an event is: PLOVER type, modes, contexts, CAMEO code, quad class, score, rule ids."""

    event: str
    mode: tuple[str, ...]
    context: tuple[str, ...]
    cameo: str
    quad: int
    score: float
    rule: str

    @classmethod
    def of(cls, pat: Any) -> Coding:
        """The coding a trigger pattern (dragoman.events.patterns.Pattern) gives."""
        return cls(pat.event, pat.mode, pat.context, pat.cameo, pat.quad, pat.score, pat.id)


@dataclass
class EventMention:
    """An event coded in a sentence: its trigger (a dragoman.events.triggers.Trigger), parties, coding."""

    trigger: Any
    sentence: int
    sent: Span
    actors: list[Entity]
    recipients: list[Entity]
    negated: bool
    modality: str
    attributed_to: Entity | None
    coding: Coding
    paragraph: int = 0
    date: EventDate | None = None
    location: dict[str, Any] | None = None
    confidence: float | None = None  # the relevance model's probability that this is a real event
    extra: dict[str, Any] = field(default_factory=dict)
