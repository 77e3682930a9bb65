"""The prefilter: documents that can hold no event skip the parser, NER and the coder.

An event needs a trigger: a word whose lemma (or lower-case form) heads a pattern
(:func:`dragoman.events.triggers.find_triggers` looks at no other word). The lemma comes from
the pipeline's rule lemmatizer (and a few attribute-ruler exceptions), so the written forms that
can carry a head's lemma are finite and can be listed by running the lemmatizer's rules and
exception tables backwards: "met" carries "meet" (an exception), "sanctioned" carries "sanction"
(the rule ed -> ""), "talks" carries "talk". A document none of whose tokens (from the tokenizer
alone) is such a form cannot hold an event: it is not parsed and gives no events, exactly as if it
had been parsed.

A pattern that requires more than its head (an object, a preposition, a particle, other words of
a phrase) only fires when those words are there too, so a document is parsed only when some
pattern that codes an event has its head and all it requires among the document's words (in any
order, anywhere in the document: a superset of what the parse can match).

Why whole documents, not sentences: the parser decides where sentences end, every record carries
its sentence's index and offsets, and a sentence's analysis leans on the sentences around it
(pronouns resolve to people named before, an "according to" speaks for the paragraphs after it, a
date carries over, the neural models read a few words across each sentence boundary). A sentence
that holds no trigger still shapes the events of others, so skipping it could change them; a
document without any trigger changes nothing. The filter is switched off (everything is parsed)
for a pipeline whose lemmas it cannot invert: a lemmatizer other than spaCy's rule lemmatizer, a
component it does not know that might set lemmas, an attribute-ruler lemma given by a pattern it
cannot list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc

# components that set no lemma (or whose lemmas are inverted below)
KNOWN_FACTORIES = frozenset(
    ["tok2vec", "tagger", "parser", "ner", "senter", "sentencizer", "morphologizer", "attribute_ruler", "lemmatizer",
     "entity_ruler", "dragoman_actors", "dragoman_events", "dragoman"]
)


def _words(spec: object) -> list[str] | None:
    """The lower-case words a token pattern's LOWER/ORTH/TEXT value allows; None when it cannot
    be listed (a regular expression, a set of another kind)."""
    if isinstance(spec, str):
        return [spec.lower()]
    if isinstance(spec, dict) and set(spec) == {"IN"} and all(isinstance(w, str) for w in spec["IN"]):
        return [w.lower() for w in spec["IN"]]
    return None


class Inverter:
    """The written forms (lower case) that can carry a lemma in a pipeline: its rule lemmatizer's
    rules and exceptions run backwards, and the attribute ruler's lemma patterns.

    ``ok`` is False for a pipeline whose lemmas cannot be listed (see the module's docstring):
    a lemma whose forms cannot be listed has ``forms(lemma) is None``."""

    def __init__(self, nlp: Language) -> None:
        self.ok = True
        self.rules: set[tuple[str, str]] = set()
        self.exceptions: dict[str, set[str]] = {}  # lemma -> forms
        self.unlisted: set[str] = set()  # lemmas a pattern gives that cannot be listed
        pipe: Any
        for name, pipe in nlp.pipeline:
            factory = nlp.get_pipe_meta(name).factory
            if factory not in KNOWN_FACTORIES or (factory == "lemmatizer" and getattr(pipe, "mode", None) != "rule"):
                self.ok = False
            elif factory == "lemmatizer":
                for pos_rules in pipe.lookups.get_table("lemma_rules", {}).values():
                    self.rules.update((old, new) for old, new in pos_rules)
                for table in pipe.lookups.get_table("lemma_exc", {}).values():
                    for surface, lemmas in table.items():
                        for lemma in lemmas:
                            self.exceptions.setdefault(lemma.lower(), set()).add(surface.lower())
            elif factory == "attribute_ruler":
                self._ruler(pipe)

    def _ruler(self, pipe: Any) -> None:
        for pat in pipe.patterns:
            lemma = pat["attrs"].get("LEMMA")
            if lemma is None:
                continue
            for seq in pat["patterns"]:
                tok = seq[pat.get("index", 0)] if isinstance(seq, list) else None
                words = None
                if isinstance(tok, dict):
                    words = next((_words(tok[k]) for k in ("LOWER", "ORTH", "TEXT") if k in tok), None)
                if words is None:
                    self.unlisted.add(lemma.lower())
                else:
                    self.exceptions.setdefault(lemma.lower(), set()).update(words)

    def forms(self, lemma: str) -> set[str] | None:
        lemma = lemma.lower()
        if not self.ok or lemma in self.unlisted:
            return None
        out = {lemma, *self.exceptions.get(lemma, ())}
        out.update(lemma[: len(lemma) - len(new)] + old for old, new in self.rules if lemma.endswith(new))
        return out

    def all_forms(self, lemmas: Iterable[str]) -> set[str] | None:
        """The forms of every lemma (None when one cannot be listed)."""
        out: set[str] = set()
        for lemma in lemmas:
            forms = self.forms(lemma)
            if forms is None:
                return None
            out |= forms
        return out


def trigger_forms(nlp: Language, heads: Iterable[str]) -> frozenset[str] | None:
    """Every lower-case written form whose lemma in ``nlp`` can be one of ``heads`` (with the heads
    themselves); None when the pipeline's lemmas cannot be inverted."""
    forms = Inverter(nlp).all_forms(heads)
    return None if forms is None else frozenset(forms)


Need = frozenset[int]  # string ids of the forms, any of which meets one requirement of a pattern


def _needs(pat: Any, inv: Inverter) -> tuple[Need, ...] | None:
    """What a pattern needs in a document besides its head, one set of acceptable forms per
    requirement (as :mod:`dragoman.events.triggers` matches them: object and phrase words by lemma
    or form, prepositions, particles and auxiliaries by form); None when a lemma's forms cannot be
    listed."""
    needs: list[set[str]] = []
    lemmas = inv.all_forms
    groups: list[set[str] | None] = []
    if pat.object and "@person" not in pat.object:  # (any person is an "@person" object)
        groups.append(lemmas(pat.object))
    if pat.prep_object:
        groups.append(lemmas(pat.prep_object))
    groups += [lemmas([w]) for w in pat.extra]
    groups += [{w.lower()} for w in (pat.prep, pat.particle) if w]
    if pat.complement_aux:
        groups.append({a.lower() for a in pat.complement_aux})
    for g in groups:
        if g is None:
            return None
        needs.append(g)
    return tuple(frozenset(get_string_id(f) for f in g) for g in needs)


def _interned(reqs: tuple[Need, ...], pool: dict[Need, Need]) -> tuple[Need, ...]:
    """The same requirements, each set shared with every equal one (patterns repeat them a lot)."""
    return tuple(pool.setdefault(need, need) for need in reqs)


class Prefilter:
    """Tells whether a tokenized document can hold an event: whether some pattern that codes an
    event has its head and every word it requires among the document's words.

    ``forms``: string id of a form -> the heads it can carry; ``needs``: head -> the requirement
    sets of its patterns (an empty tuple: the head alone suffices). Built from the pattern index
    and the pipeline's lemmatizer; ``active`` is False when they cannot be inverted."""

    def __init__(self, nlp: Language, by_head: Mapping[tuple[str, str], list[Any]]) -> None:
        inv = Inverter(nlp)
        self.forms: dict[int, list[str]] | None = {}
        self.needs: dict[str, set[tuple[Need, ...]]] = {}
        pool: dict[Need, Need] = {}
        for (_, head), pats in by_head.items():
            head_forms = inv.forms(head)
            reqs = [_needs(p, inv) for p in pats if p.event != "NONE"]
            if head_forms is None or any(r is None for r in reqs):
                self.forms = None
                return
            if not reqs:
                continue
            for form in head_forms:
                heads = self.forms.setdefault(get_string_id(form), [])
                if head not in heads:
                    heads.append(head)
            kept = self.needs.setdefault(head, set())
            kept.update(_interned(r, pool) for r in reqs if r is not None)
        for head, kept in self.needs.items():
            if () in kept:
                self.needs[head] = {()}

    @property
    def active(self) -> bool:
        return self.forms is not None

    def may_hold_events(self, doc: Doc) -> bool:
        if self.forms is None:
            return True
        present = set(doc.count_by(LOWER))
        for form in present:
            for head in self.forms.get(form, ()):
                if any(all(not need.isdisjoint(present) for need in reqs) for reqs in self.needs[head]):
                    return True
        return False


def load_prefilter(
    nlp: Language, by_head: Callable[[], Mapping[tuple[str, str], list[Any]]], dictionary_version: str
) -> Prefilter:
    """The prefilter of a pipeline and pattern index, from the compiled cache when it is there
    (``by_head`` gives the index's patterns by head, called only to build it)."""
    from . import compiled

    meta = nlp.meta
    model = f"{meta.get('lang')}_{meta.get('name')} {meta.get('version')}; {','.join(nlp.pipe_names)}"
    key = compiled.cache_key(dictionary_version, {"prefilter": model})
    tables = compiled.load(key)
    if tables is not None and isinstance(tables.get("prefilter"), dict):
        pf = Prefilter.__new__(Prefilter)
        vars(pf).update(tables["prefilter"])
        return pf
    pf = Prefilter(nlp, by_head())
    compiled.save(key, {"prefilter": vars(pf)})
    return pf
