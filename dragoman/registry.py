"""All spaCy registrations of dragoman: the ``dragoman`` component factory and the Doc extensions.

(No `from __future__ import annotations` here: spaCy reads the factories' type hints.)
The factory is also an entry point (``spacy_factories`` in pyproject.toml), so that
``spacy.load`` finds it in a saved pipeline without importing dragoman first.
"""


from spacy.language import Language

from .pipeline import DEFAULT_CONFIG, Dragoman, register_extensions


@Language.factory("dragoman", default_config=DEFAULT_CONFIG)
def make_dragoman(
    nlp: Language, name: str, dictionaries: list[str], conventions: str, min_confidence: float | None, places: bool
) -> Dragoman:
    return Dragoman(nlp, name, dictionaries, conventions, min_confidence, places)


register_extensions()
