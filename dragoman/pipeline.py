"""The spaCy component ``dragoman``: actor matching, then event coding, configured and self-loading.

    nlp = spacy.load("en_core_web_sm")          # any English pipeline with a parser
    nlp.add_pipe("dragoman")                    # bundled dictionaries, PLOVER conventions
    nlp.add_pipe("dragoman", config={"dictionaries": ["my_orgs.yaml"], "conventions": "cameo"})
    doc = nlp("Pakistan and India agreed to resume talks.")
    doc._.events                                # EventMention objects (dragoman.mentions)

The config names everything the component is built from: the user dictionary files added to the
bundled ones (``dictionaries``), the coding ``conventions``, the relevance threshold
(``min_confidence``) and whether the gazetteer's ``places`` are used. Its tables come from the
compiled cache (:mod:`dragoman.compiled`) or are built on the spot, so no ``initialize`` call is
needed, and ``nlp.to_disk(path)`` / ``spacy.load(path)`` rebuilds the same component from the
config that ``to_disk`` saved (user dictionary paths should be absolute). Set ``doc._.pub_date``
(a ``datetime.date``) on a Doc made with ``nlp.make_doc`` to date its events as
:class:`dragoman.coder.Coder` does, and ``doc._.source`` (the issuing body or outlet) to let a
release's "we" and bare titles be its issuer (:mod:`dragoman.document.issuer`).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from . import compiled
from .actors.matcher import ActorMatcher
from .dictionaries import CONVENTIONS
from .document.issuer import issuer_of
from .events.component import EventCoder
from .lexicon import Lexicon, lexicon_version, load_lexicon
from .mentions import Entity
from .parse import relabel_displaced_objects, repair_possessive_in_names, repair_titled_pair

DEFAULT_CONFIG: dict[str, Any] = {"dictionaries": [], "conventions": "plover", "min_confidence": None, "places": True}
EXTENSIONS = ("actor_matches", "events", "pub_date", "doc_id", "source", "issuer")
ISSUER_CACHE = 4096  # (source, day) pairs whose issuer is remembered


def register_extensions() -> None:
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


class Dragoman:
    """Finds actor mentions (``doc._.actor_matches``) and codes events (``doc._.events``)."""

    def __init__(
        self,
        nlp: Language,
        name: str = "dragoman",
        dictionaries: Iterable[str] = (),
        conventions: str = "plover",
        min_confidence: float | None = None,
        places: bool = True,
        lexicon: Lexicon | None = None,
    ) -> None:
        if conventions not in CONVENTIONS:
            raise ValueError(f"conventions must be one of {', '.join(CONVENTIONS)}, not {conventions!r}")
        register_extensions()
        split_hyphenated_names(nlp)
        keep_co_prefixed_verbs(nlp)
        self._co_lemmas = co_prefixed_forms()
        self.name = name
        self.nlp = nlp
        self._issuers: dict[tuple[str, Any], Entity | None] = {}
        self.actors = ActorMatcher(nlp, "dragoman_actors", places)
        self.events = EventCoder(nlp, "dragoman_events", conventions, min_confidence)
        config = {"conventions": conventions, "min_confidence": min_confidence, "places": places}
        parts = {"dragoman_actors": self.actors, "dragoman_events": self.events}
        self.dictionary_version = initialize_components(nlp, parts, config, lexicon, dictionaries)

    def __call__(self, doc: Doc) -> Doc:
        relabel_displaced_objects(doc)  # (dragoman.parse: an object after a time adverbial)
        repair_possessive_in_names(doc)  # ("the Ambassador of the People's Republic of China was summoned")
        repair_titled_pair(doc)  # ("Turkish Foreign Minister Hakan Fidan and Iraqi Foreign Minister Fuad Hussein agreed")
        for tok in doc if "co-" in doc.text.lower() else ():
            if tok.lower_ in self._co_lemmas:
                tok.lemma_ = self._co_lemmas[tok.lower_]  # (the rule lemmatizer: "co-chaired" -> "co-chaire")
        doc = self.actors(doc)
        if doc._.source and doc._.issuer is None:
            doc._.issuer = self.issuer(doc._.source, doc._.pub_date)
        return self.events(doc)

    def issuer(self, source: str, day: Any = None) -> Entity | None:
        """The party a document's source names (:mod:`dragoman.document.issuer`), once per source."""
        key = (source, day)
        if key not in self._issuers:
            if len(self._issuers) >= ISSUER_CACHE:
                self._issuers.clear()  # (a feed over years: sources repeat, days do not)
            self._issuers[key] = issuer_of(source, self._parse_phrase, day)
        return self._issuers[key]

    def _parse_phrase(self, text: str) -> Doc:
        """A short text through the pipeline's other components and the actor matcher."""
        doc = self.nlp.make_doc(text)
        for _, proc in self.nlp.pipeline:
            if proc is not self:
                doc = proc(doc)
        return self.actors(doc)

    def initialize(self, get_examples: Any = None, *, nlp: Language | None = None) -> None:
        """Nothing to do: the component is ready when it is made (``nlp.initialize`` may call this)."""


class _Pipes:
    """The pipeline as the parts' ``initialize`` sees it: the parts by their own names too."""

    def __init__(self, nlp: Language, parts: dict[str, Any]) -> None:
        self.nlp = nlp
        self.parts = parts
        self.pipe_names = [*nlp.pipe_names, *parts]

    def get_pipe(self, name: str) -> Any:
        return self.parts[name] if name in self.parts else self.nlp.get_pipe(name)


def initialize_components(
    nlp: Language,
    parts: dict[str, Any],
    config: dict[str, Any],
    lexicon: Lexicon | None = None,
    dictionaries: Iterable[Path | str] = (),
) -> str:
    """Initialize the parts from the compiled cache, or build (and cache) their tables; returns the
    dictionary version."""
    paths = tuple(str(p) for p in (lexicon.user_paths if lexicon is not None else dictionaries))
    version = lexicon.version if lexicon is not None else lexicon_version(paths)
    key = compiled.cache_key(version, {name: repr(sorted(config.items())) for name in parts})
    tables = compiled.load(key)
    if tables is None or set(tables) != set(parts):
        lex = lexicon if lexicon is not None else load_lexicon(paths)
        pipes: Any = _Pipes(nlp, parts)
        for part in parts.values():
            part.initialize(nlp=pipes, lexicon=lex)
        tables = compiled.compact_state(parts)
        compiled.save(key, tables)
    for name, part in parts.items():
        vars(part).update(tables[name])
    return version


def co_prefixed_forms() -> dict[str, str]:
    """Inflected forms of the "co-" verbs (words.yaml co_prefixed_verbs) -> their lemma."""
    from .words import words

    out: dict[str, str] = {}
    for lemma in sorted(words("co_prefixed_verbs")):
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        for form in (lemma, lemma + "s", stem + "ed", stem + "ing"):
            out[form] = lemma
    return out


def keep_co_prefixed_verbs(nlp: Language) -> None:
    """Keep "co-chaired", "co-hosted" as one word: split at the hyphen, "co" is parsed as a noun
    (the verb's subject: "Minister Fidan co-chaired the meeting")."""
    from spacy.symbols import ORTH

    tokenizer: Any = nlp.tokenizer
    for form in co_prefixed_forms():
        for text in (form, form[:1].upper() + form[1:]):
            tokenizer.add_special_case(text, [{ORTH: text}])


def split_hyphenated_names(nlp: Language) -> None:
    """Split 'U.S.-Pakistan' like 'Pakistan-India': a hyphen after an abbreviation's period."""
    from spacy.util import compile_infix_regex

    infixes = [*(nlp.Defaults.infixes or []), r"(?<=[A-Z]\.)[-\u2013\u2014](?=[A-Z])"]
    tokenizer: Any = nlp.tokenizer
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
