"""The library entry point: code articles into PLOVER event records."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .dictionaries import CONVENTIONS
from .errors import DragomanError, Errors, InputError
from .lexicon import Lexicon, load_lexicon
from .nlp import DEFAULT_MODEL, load_pipeline
from .read import Article, ReadFailure, rules
from .read.dateline import dateline_ends
from .record import records


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


class Coder:
    """A loaded pipeline and lexicon. Build one per process and reuse it."""

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        dictionaries: Iterable[str | Path] = (),
        conventions: str = "plover",
        min_confidence: float | None = None,
    ) -> None:
        """``min_confidence``: events the relevance model scores lower are not written (None: the
        model's own threshold; 0: every event the rules code)."""
        if conventions not in CONVENTIONS:
            raise ValueError(f"conventions must be one of {', '.join(CONVENTIONS)}, not {conventions!r}")
        self.model = model
        self.conventions = conventions
        self.lexicon: Lexicon = load_lexicon(dictionaries)
        self.nlp: Language = load_pipeline(self.lexicon, model, conventions, min_confidence)

    @property
    def dictionary_version(self) -> str:
        return self.lexicon.version

    def _doc(self, art: Article) -> Doc:
        doc = self.nlp.make_doc(art.text)
        doc._.pub_date = art.date
        doc._.doc_id = art.id
        # a dateline is a sentence of its own (the parser keeps boundaries set before it runs)
        starts = {t.idx: t for t in doc}
        for end in dateline_ends(art.text):
            tok = starts.get(end)
            if tok is not None and tok.i > 0:
                tok.is_sent_start = True
        return doc

    def parse(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[tuple[Article, Doc | Exception]]:
        """Run the pipeline over articles (batched); a failing batch is retried one by one."""
        batch: list[Article] = []
        for art in articles:
            batch.append(art)
            if len(batch) >= batch_size:
                yield from self._run(batch)
                batch = []
        if batch:
            yield from self._run(batch)

    def _run(self, batch: list[Article]) -> Iterator[tuple[Article, Doc | Exception]]:
        try:
            docs = list(self.nlp.pipe([self._doc(a) for a in batch]))
        except Exception:  # noqa: BLE001 - isolate the failing record below
            for art in batch:
                try:
                    yield art, self.nlp(self._doc(art))
                except Exception as exc:  # noqa: BLE001
                    yield art, exc
            return
        yield from zip(batch, docs, strict=True)

    def code(self, inputs: Iterable[Article | ReadFailure], batch_size: int = 16) -> Iterator[Result]:
        """Code every article; read failures and coding failures come back as failed Results."""
        pending: list[Article] = []

        def flush() -> Iterator[Result]:
            for art, doc in self.parse(pending, batch_size):
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


def _bug(art: Article, exc: BaseException) -> DragomanError:
    return DragomanError(Errors.E030, doc_id=art.id, detail=f"{type(exc).__name__}: {exc}")
