"""All spaCy registrations of dragoman: component factories and Doc extensions.

(No `from __future__ import annotations` here: spaCy reads the factories' type hints.)
"""



from spacy.language import Language
from spacy.tokens import Doc

from .actors.matcher import ActorMatcher
from .events.component import EventCoder


def register_extensions() -> None:
    for name in ("actor_matches", "events", "pub_date", "doc_id"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


@Language.factory("dragoman_actors", default_config={"places": True})
def make_actor_matcher(nlp: Language, name: str, places: bool) -> ActorMatcher:
    return ActorMatcher(nlp, name, places)


@Language.factory("dragoman_events", default_config={"conventions": "plover", "min_confidence": None})
def make_event_coder(nlp: Language, name: str, conventions: str, min_confidence: float | None) -> EventCoder:
    return EventCoder(nlp, name, conventions, min_confidence)


register_extensions()
