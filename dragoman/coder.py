"""The library entry point: code articles into PLOVER event records."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc

from .dictionaries import CONVENTIONS
from .errors import DragomanError, Errors, InputError
from .lexicon import Lexicon, load_lexicon
from .nlp import DEFAULT_MODEL, dragoman_of, load_pipeline
from .prefilter import Prefilter, load_prefilter
from .read import Article, ReadFailure, rules
from .read.dateline import dateline_ends
from .records.record import records
from .sentences import keep_text


@dataclass
class Result:
    """The outcome of coding one input record."""

    origin: str
    doc_id: str | None
    events: list[dict[str, Any]] = field(default_factory=list)
    error: DragomanError | None = None
    article: Article | None = None  # the article coded (its url, source, date and text)

    @property
    def ok(self) -> bool:
        return self.error is None


class ArticleCoder(Protocol):
    """What codes articles: a :class:`Coder`, or one on a Dask cluster (dragoman.parallel)."""

    @property
    def dictionary_version(self) -> str: ...

    def code(self, inputs: Iterable[Article | ReadFailure], batch_size: int = 16) -> Iterator[Result]: ...


class Coder:
    """A loaded pipeline and lexicon. Build one per process and reuse it."""

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        dictionaries: Iterable[str | Path] = (),
        conventions: str = "plover",
        min_confidence: float | None = None,
        prefilter: bool = True,
    ) -> None:
        """``min_confidence``: events the relevance model scores lower are not written (None: the
        model's own threshold; 0: every event the rules code). ``prefilter``: documents that can
        hold no event are not parsed (:mod:`dragoman.prefilter`; the output is the same)."""
        if conventions not in CONVENTIONS:
            raise ValueError(f"conventions must be one of {', '.join(CONVENTIONS)}, not {conventions!r}")
        self.model = model
        self.conventions = conventions
        self.dictionaries = tuple(str(p) for p in dictionaries)
        self._lexicon: Lexicon | None = None
        self.nlp: Language = load_pipeline(None, model, conventions, min_confidence, self.dictionaries)
        # (read once: Language.meta rebuilds the whole meta, labels included, at each call)
        self._dictionary_version = str(self.nlp.meta["dragoman_dictionary_version"])
        events = dragoman_of(self.nlp).events
        self.prefilter: Prefilter | None = load_prefilter(self.nlp, lambda: events.index.by_head, self.dictionary_version) if prefilter else None

    @property
    def lexicon(self) -> Lexicon:
        """The dictionaries' records (loaded on first use: coding needs only the compiled tables)."""
        if self._lexicon is None:
            self._lexicon = load_lexicon(self.dictionaries)
        return self._lexicon

    @property
    def dictionary_version(self) -> str:
        return self._dictionary_version

    def _doc(self, art: Article) -> Doc:
        doc = self.nlp.make_doc(art.text)
        doc._.pub_date = art.date
        doc._.doc_id = art.id
        doc._.source = art.source
        keep_text(doc, art.text)
        # a dateline is a sentence of its own (the parser keeps boundaries set before it runs)
        ends = list(dateline_ends(art.text))
        starts = {idx: i for i, idx in enumerate(doc.to_array(IDX).tolist())} if ends else {}
        for end in ends:
            i = starts.get(end)
            if i is not None and i > 0:
                doc[i].is_sent_start = True
        return doc

    def parse(
        self, articles: Iterable[Article], batch_size: int = 16, skip: bool = False
    ) -> Iterator[tuple[Article, Doc | Exception]]:
        """Run the pipeline over articles (batched); a failing batch is retried one by one.

        ``skip``: documents the prefilter rules out come back tokenized only, with no events."""
        batch: list[Article] = []
        for art in articles:
            batch.append(art)
            if len(batch) >= batch_size:
                yield from self._run(batch, skip)
                batch = []
        if batch:
            yield from self._run(batch, skip)

    def _run(self, batch: list[Article], skip: bool) -> Iterator[tuple[Article, Doc | Exception]]:
        made = [self._doc(a) for a in batch]
        keep = [self.prefilter is None or not skip or self.prefilter.may_hold_events(d) for d in made]
        try:
            parsed = iter(list(self.nlp.pipe([d for d, k in zip(made, keep, strict=True) if k])))
        except Exception:  # noqa: BLE001 - isolate the failing record below
            for art, k in zip(batch, keep, strict=True):
                try:
                    yield art, self.nlp(self._doc(art)) if k else _eventless(self._doc(art))
                except Exception as exc:  # noqa: BLE001
                    yield art, exc
            return
        for art, doc, k in zip(batch, made, keep, strict=True):
            yield art, next(parsed) if k else _eventless(doc)

    def code(self, inputs: Iterable[Article | ReadFailure], batch_size: int = 16) -> Iterator[Result]:
        """Code every article; read failures and coding failures come back as failed Results."""
        pending: list[Article] = []

        def flush() -> Iterator[Result]:
            for art, doc in self.parse(pending, batch_size, skip=True):
                if isinstance(doc, Exception):
                    yield Result(art.origin, art.id, error=_bug(art, doc))
                    continue
                try:
                    events = records(doc, art.id, self.dictionary_version)
                    if art.meta:  # the input record's other fields, on every event of the article
                        for rec in events:
                            rec["meta"] = dict(art.meta)
                except Exception as exc:  # noqa: BLE001 - one record's failure does not stop the others
                    yield Result(art.origin, art.id, error=_bug(art, exc))
                    continue
                finally:
                    _release(doc)
                yield Result(art.origin, art.id, events, article=art)
            pending.clear()

        for item in inputs:
            if isinstance(item, Article):
                try:
                    item = self.admit(item)
                except InputError as exc:
                    item = ReadFailure(item.origin or item.id, exc)
            if isinstance(item, ReadFailure):
                yield from flush()
                yield Result(item.origin, None, error=item.error)
                continue
            pending.append(item)
            if len(pending) >= batch_size:
                yield from flush()
        yield from flush()

    def admit(self, art: Article) -> Article:
        """The article by the input rules (:mod:`dragoman.read.rules`), if the parser can take its length."""
        art = rules.admit(art)
        if len(art.text) > self.nlp.max_length:
            raise InputError(Errors.E033, where=art.origin or art.id, size=len(art.text), limit=self.nlp.max_length)
        return art

    def code_text(self, text: str, date: dt.date | str | None = None, doc_id: str = "text") -> list[dict[str, Any]]:
        """Code one text; ``date`` is its publication date."""
        if isinstance(date, str):
            date = dt.date.fromisoformat(date)
        art = Article(doc_id, text, date, origin=doc_id)
        result = next(self.code([art]))
        if result.error is not None:
            raise result.error
        return result.events


def _eventless(doc: Doc) -> Doc:
    """A document the prefilter ruled out: as the coder leaves one without events."""
    doc._.actor_matches = []
    doc._.events = []
    return doc


def _release(doc: Doc) -> None:
    """Drop what the coder left on a Doc whose records are made. Its annotations (events, actor
    matches, per-Doc caches) hold spans and tokens that point back at the Doc: without them the
    Doc, its arrays and its tensor are freed at once rather than by a later run of the cyclic
    garbage collector, which walks every live object of the process."""
    doc.user_data.clear()


def _bug(art: Article, exc: BaseException) -> DragomanError:
    return DragomanError(Errors.E030, doc_id=art.id, detail=f"{type(exc).__name__}: {exc}")
