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
from spacy.parts_of_speech import IDS
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

CACHE_MAX = 500_000  # keys kept per process
POS_NAMES = sorted({name.lower() for name in IDS if name})


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
            lemma = cache[key] = strings.add(rule_lemma(lemmatizer, doc[i]))
        lemmas[i] = lemma
    doc.from_array([LEMMA], lemmas.reshape(-1, 1))
    return doc


def rule_lemma(lemmatizer: Any, token: Any) -> str:
    """The first lemma spaCy's ``Lemmatizer.rule_lemmatize`` gives ``token``, by the same steps,
    with each part of speech's index of known forms as a set (spaCy keeps it as a list, and tests
    membership by scanning it: most of its time per word)."""
    index_sets: dict[str, frozenset[str]] | None = getattr(lemmatizer, "_dragoman_index", None)
    univ_pos = token.pos_.lower()
    if index_sets is None or univ_pos in ("", "eol", "space"):
        return str(lemmatizer.lemmatize(token)[0])
    string = token.text
    if lemmatizer.is_base_form(token):
        return string.lower()
    exc_table = lemmatizer.lookups.get_table("lemma_exc", {})
    rules_table = lemmatizer.lookups.get_table("lemma_rules", {})
    if not (univ_pos in index_sets or exc_table.get(univ_pos) or rules_table.get(univ_pos)):
        return string if univ_pos == "propn" else string.lower()
    index = index_sets.get(univ_pos, frozenset())
    lower = string.lower()
    forms: list[str] = []
    oov_forms: list[str] = []
    for old, new in rules_table.get(univ_pos, {}):
        if lower.endswith(old):
            form = lower[: len(lower) - len(old)] + new
            if not form:
                pass
            elif form in index or not form.isalpha():
                forms.append(form)
            else:
                oov_forms.append(form)
    forms = list(dict.fromkeys(forms))
    for form in exc_table.get(univ_pos, {}).get(lower, []):
        if form not in forms:
            forms.insert(0, form)
    if not forms:
        forms.extend(oov_forms)
    return forms[0] if forms else string


def index_sets(index: Any) -> dict[str, frozenset[str]]:
    """spaCy's ``lemma_index`` table (keyed by hashed part-of-speech names) as sets by name."""
    out = {}
    for name in POS_NAMES:
        forms = index.get(name)
        if forms:
            out[name] = frozenset(forms)
    return out


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
            index = lem.lookups.get_table("lemma_index", {})
            # (a part of speech with an empty index is one spaCy treats as having none)
            lem._dragoman_index = index_sets(index)
            lem.__class__ = _fast_class(type(pipe))
            return True
    return False
