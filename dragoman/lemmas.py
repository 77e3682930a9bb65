"""The same lemmas as spaCy's rule lemmatizer, set in one pass over a Doc's arrays.

spaCy's rule lemmatizer walks every token in Python and looks its lemma up by (form, part of
speech, morphology), caching the answer under exactly that key. This wrapper asks the same
question once per distinct key (it calls the lemmatizer's own ``lemmatize`` for a key it has not
seen) and writes the lemmas of a whole Doc with ``Doc.from_array``: the lemmas are the
lemmatizer's own, without the Python loop over tokens. Tokens that already have a lemma (from the
attribute ruler) keep it, as with the lemmatizer (``overwrite`` false). A pipeline whose
lemmatizer is not spaCy's rule lemmatizer in that setting is left as it is.
"""

from __future__ import annotations

from typing import Any

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

CACHE_MAX = 500_000  # keys kept per process


def fast_lemmas(lemmatizer: Any, cache: dict[tuple[int, int, int], int], doc: Doc) -> Doc:
    """Set the lemmas of ``doc`` as ``lemmatizer`` does, asking it once per (form, POS, morphology)."""
    if not len(doc):
        return doc
    arr = doc.to_array([ORTH, POS, MORPH, LEMMA])
    lemmas: Any = arr[:, 3].copy()
    todo = numpy.flatnonzero(lemmas == 0)
    if not len(todo):
        return doc
    if len(cache) > CACHE_MAX:
        cache.clear()
    strings = doc.vocab.strings
    for i, (orth, pos, morph) in zip(todo.tolist(), arr[todo, :3].tolist(), strict=True):
        key = (orth, pos, morph)
        lemma = cache.get(key)
        if lemma is None:
            lemma = cache[key] = strings.add(lemmatizer.lemmatize(doc[i])[0])
        lemmas[i] = lemma
    doc.from_array([LEMMA], lemmas.reshape(-1, 1))
    return doc


_FAST: dict[type, type] = {}


def _fast_class(base: type) -> type:
    if base not in _FAST:

        class Fast(base):  # type: ignore[valid-type, misc]
            def __call__(self, doc: Doc) -> Doc:
                return fast_lemmas(self, self._dragoman_cache, doc)

        Fast.__name__ = Fast.__qualname__ = base.__name__
        _FAST[base] = Fast
    return _FAST[base]


def speed_up_lemmatizer(nlp: Language) -> bool:
    """Make the pipeline's rule lemmatizer set its lemmas array-wise; False if it is left as it is."""
    pipe: Any
    for _, pipe in nlp.pipeline:
        if type(pipe) in _FAST.values():
            return True
        if isinstance(pipe, Lemmatizer) and getattr(pipe, "mode", None) == "rule" and not pipe.overwrite:
            lem: Any = pipe
            lem._validate_tables()
            lem._dragoman_cache = {}
            lem.__class__ = _fast_class(type(pipe))
            return True
    return False
