"""The Python API: ``dragoman.code``, ``dragoman.code_many`` and ``dragoman.Store``.

    import dragoman
    events = dragoman.code("Pakistan and India agreed to a ceasefire on Saturday.", date="2025-05-10")
    events[0].event                     # 'AGREE'
    events[0].actor[0].code             # 'PAK'
    events.to_pandas()                  # one row per event
    with dragoman.Store("dragoman.duckdb") as store:
        store.dyads(country="PAK")      # a pandas DataFrame

The spaCy pipeline is loaded on the first call and kept for the next ones with the same options
(``model``, ``dictionaries``, ``conventions``, ``min_confidence``); ``dragoman.Coder`` gives you the
coder object itself, and ``dragoman.load_coder(**options)`` the cached one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

    from .coder import Coder

# the record's keys in contract order (DESIGN.md §1); anything else a record carries goes to ``extra``
RECORD_KEYS = (
    "id", "doc_id", "date", "date_precision", "event", "mode", "context", "actor", "recipient", "cameo", "quad_code",
    "plover_score", "event_text", "text_info", "modality", "negated", "attributed_to", "location", "rule",
    "dictionary_version", "confidence",
)


@dataclass(frozen=True)
class Entity:
    """An actor, recipient or source: surface text, country/organisation code, PLOVER sector, the
    known person or organisation, their office on the event date, the dictionary entries used."""

    entity_text: str
    code: str | None = None
    sector: str | None = None
    identifier_text: str | None = None
    office: str | None = None
    rule: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Entity:
        known = {f.name for f in dataclasses.fields(cls)} - {"extra"}
        values: dict[str, Any] = {k: d[k] for k in known if k in d}
        return cls(**values, extra={k: v for k, v in d.items() if k not in known})

    def to_dict(self) -> dict[str, Any]:
        out = {k: getattr(self, k) for k in ("entity_text", "code", "sector", "identifier_text", "office", "rule")}
        out.update(self.extra)
        return out


@dataclass(frozen=True)
class TextInfo:
    """Where the event is told: its sentence and trigger, as character offsets into the text."""

    sentence: int
    start: int
    end: int
    trigger_start: int
    trigger_end: int


@dataclass(frozen=True)
class Event:
    """One coded event: the PLOVER 0.8 record of DESIGN.md §1 as typed fields.

    ``to_dict()`` gives the record back exactly (same keys, same order); keys outside the contract
    (``cluster_id`` after fusion) are kept in ``extra``.
    """

    id: str
    doc_id: str
    date: str | None
    date_precision: str
    event: str
    mode: list[str]
    context: list[str]
    actor: list[Entity]
    recipient: list[Entity]
    cameo: str
    quad_code: int
    plover_score: float
    event_text: list[str]
    text_info: TextInfo
    modality: str
    negated: bool
    attributed_to: Entity | None
    location: dict[str, Any] | None
    rule: str
    dictionary_version: str
    confidence: float
    extra: dict[str, Any] = field(default_factory=dict, compare=False)
    _order: tuple[str, ...] = field(default=RECORD_KEYS, repr=False, compare=False)

    @classmethod
    def from_dict(cls, rec: Mapping[str, Any]) -> Event:
        """The event of a record as ``dragoman code`` writes it."""
        values: dict[str, Any] = {k: rec.get(k) for k in RECORD_KEYS}
        values["actor"] = [Entity.from_dict(e) for e in rec.get("actor") or []]
        values["recipient"] = [Entity.from_dict(e) for e in rec.get("recipient") or []]
        values["attributed_to"] = Entity.from_dict(rec["attributed_to"]) if rec.get("attributed_to") else None
        values["text_info"] = TextInfo(**rec["text_info"])
        values["mode"] = list(rec.get("mode") or [])
        values["context"] = list(rec.get("context") or [])
        values["event_text"] = list(rec.get("event_text") or [])
        extra = {k: v for k, v in rec.items() if k not in RECORD_KEYS}
        return cls(**values, extra=extra, _order=tuple(rec.keys()))

    def to_dict(self) -> dict[str, Any]:
        """The PLOVER record (JSON-ready), keys in the order it was coded with."""
        out: dict[str, Any] = {}
        for key in self._order:
            if key in self.extra:
                out[key] = self.extra[key]
                continue
            value = getattr(self, key)
            if key in ("actor", "recipient"):
                value = [e.to_dict() for e in value]
            elif key == "attributed_to":
                value = value.to_dict() if value is not None else None
            elif key == "text_info":
                value = dataclasses.asdict(value)
            out[key] = value
        for key, value in self.extra.items():
            out.setdefault(key, value)
        return out

    @property
    def actor_codes(self) -> list[str]:
        return _codes(self.actor)

    @property
    def recipient_codes(self) -> list[str]:
        return _codes(self.recipient)

    @property
    def trigger(self) -> str:
        return " ".join(self.event_text)


def _codes(entities: list[Entity]) -> list[str]:
    out: list[str] = []
    for e in entities:
        if e.code and e.code not in out:
            out.append(e.code)
    return out


FLAT_COLUMNS = (
    "id", "doc_id", "date", "date_precision", "event", "cameo", "quad_code", "plover_score", "actor_codes", "actor_text",
    "recipient_codes", "recipient_text", "trigger", "modality", "negated", "attributed_to", "location", "rule",
    "confidence", "sentence_start", "sentence_end", "trigger_start", "trigger_end", "dictionary_version",
)


class Events(list[Event]):
    """The events of one or many texts (a list of :class:`Event`), with tables of them.

    ``errors`` holds the failures of :func:`code_many` when it was asked to skip them.
    """

    def __init__(self, events: Iterable[Event] = (), errors: Iterable[Exception] = ()) -> None:
        super().__init__(events)
        self.errors: list[Exception] = list(errors)

    def to_dicts(self) -> list[dict[str, Any]]:
        """The PLOVER records."""
        return [e.to_dict() for e in self]

    def rows(self) -> list[dict[str, Any]]:
        """One flat row per event (codes joined with +, entity texts with ;)."""
        return [
            {
                "id": e.id, "doc_id": e.doc_id, "date": e.date, "date_precision": e.date_precision, "event": e.event,
                "cameo": e.cameo, "quad_code": e.quad_code, "plover_score": e.plover_score,
                "actor_codes": "+".join(e.actor_codes), "actor_text": "; ".join(a.entity_text for a in e.actor),
                "recipient_codes": "+".join(e.recipient_codes), "recipient_text": "; ".join(r.entity_text for r in e.recipient),
                "trigger": e.trigger, "modality": e.modality, "negated": e.negated,
                "attributed_to": e.attributed_to.entity_text if e.attributed_to else None,
                "location": (e.location or {}).get("name"), "rule": e.rule, "confidence": e.confidence,
                "sentence_start": e.text_info.start, "sentence_end": e.text_info.end,
                "trigger_start": e.text_info.trigger_start, "trigger_end": e.text_info.trigger_end,
                "dictionary_version": e.dictionary_version,
            }
            for e in self
        ]

    def to_pandas(self) -> pd.DataFrame:
        """A pandas DataFrame, one row per event (the columns of :meth:`rows`)."""
        import pandas as pd

        return pd.DataFrame(self.rows(), columns=list(FLAT_COLUMNS))

    def to_arrow(self) -> pa.Table:
        """A pyarrow Table, one row per event (the columns of :meth:`rows`)."""
        import pyarrow as pa

        rows = self.rows()
        return pa.Table.from_pylist(rows) if rows else pa.Table.from_pydict({c: [] for c in FLAT_COLUMNS})


@functools.lru_cache(maxsize=4)
def _coder(model: str | None, dictionaries: tuple[str, ...], conventions: str, min_confidence: float | None) -> Coder:
    from .coder import Coder
    from .nlp import DEFAULT_MODEL

    return Coder(model=model or DEFAULT_MODEL, dictionaries=dictionaries, conventions=conventions, min_confidence=min_confidence)


def load_coder(
    *, model: str | None = None, dictionaries: Iterable[str | Path] = (), conventions: str = "plover", min_confidence: float | None = None
) -> Coder:
    """The coder for these options, loaded once per process (the first call takes a few seconds)."""
    return _coder(model, tuple(str(d) for d in dictionaries), conventions, min_confidence)


def _date(value: dt.date | str | None, where: str = "date", line: int = 1) -> dt.date | None:
    """A publication date from a date or a string in the formats the readers take (ISO, 20250301,
    RFC 2822, "March 1, 2025"); InputError (E013, E060 for 01/03/2025) for anything else."""
    from .errors import Errors, InputError
    from .read.pubdate import AmbiguousDate, parse_publication_date

    if value is None or isinstance(value, dt.date):
        return value
    try:
        day = parse_publication_date(str(value))
    except AmbiguousDate:
        raise InputError(Errors.E060, path=where, line=line, date=value) from None
    if day is None:
        raise InputError(Errors.E013, path=where, line=line, date=value)
    return day


def code(
    text: str,
    date: dt.date | str | None = None,
    *,
    doc_id: str = "text",
    model: str | None = None,
    dictionaries: Iterable[str | Path] = (),
    conventions: str = "plover",
    min_confidence: float | None = None,
) -> Events:
    """Code one text: its events in document order.

    ``date`` is the publication date (``YYYY-MM-DD`` or a ``datetime.date``): event dates such as
    "on Saturday" are resolved against it. ``model`` (an installed spaCy pipeline with a parser),
    ``dictionaries`` (your own dictionary files), ``conventions`` (``plover`` or ``cameo``) and
    ``min_confidence`` are the options of ``dragoman code``. Raises :class:`dragoman.errors.DragomanError`
    for a text the coder cannot take.
    """
    c = load_coder(model=model, dictionaries=dictionaries, conventions=conventions, min_confidence=min_confidence)
    return Events(Event.from_dict(r) for r in c.code_text(text, _date(date), doc_id))


def code_many(
    records: Iterable[Mapping[str, Any] | str],
    *,
    date: dt.date | str | None = None,
    fuse: bool = False,
    errors: str = "raise",
    model: str | None = None,
    dictionaries: Iterable[str | Path] = (),
    conventions: str = "plover",
    min_confidence: float | None = None,
    batch_size: int = 16,
) -> Events:
    """Code many texts (batched through spaCy): the events of all, record after record.

    Each record is a dict like a JSONL input line, ``{"id", "text", "date"?, "title"?, "source"?,
    "url"?}``, or a plain string (id ``text-N``); ``date`` is the publication date of the records
    that have none. ``fuse`` groups the events telling the same happening (adds ``cluster_id``, in
    ``extra``). ``errors="skip"`` keeps going past a record that cannot be coded and collects the
    failure in ``Events.errors``; the default raises it.
    """
    from .errors import DragomanError, Errors, InputError
    from .read import Article, ReadFailure

    if errors not in ("raise", "skip"):
        raise ValueError(f"errors must be 'raise' or 'skip', not {errors!r}")
    default = _date(date)
    inputs: list[Article | ReadFailure] = []
    for i, rec in enumerate(records):
        if isinstance(rec, str):
            rec = {"id": f"text-{i}", "text": rec}
        doc_id = str(rec.get("id") or f"text-{i}")
        try:
            if not isinstance(rec.get("text"), str) or not rec["text"].strip():
                raise InputError(Errors.E012, path="records", line=i + 1)
            day = _date(rec.get("date"), "records", i + 1) or default
        except DragomanError as exc:
            if errors == "raise":
                raise
            inputs.append(ReadFailure(doc_id, exc))
            continue
        inputs.append(Article(doc_id, rec["text"], day, title=rec.get("title"), source=rec.get("source"), url=rec.get("url"), origin=doc_id))
    c: Coder = load_coder(model=model, dictionaries=dictionaries, conventions=conventions, min_confidence=min_confidence)
    found: list[dict[str, Any]] = []
    failures: list[Exception] = []
    for result in c.code(inputs, batch_size=batch_size):
        if result.error is not None:
            if errors == "raise":
                raise result.error
            failures.append(result.error)
            continue
        found.extend(result.events)
    if fuse:
        from .records.fusion import fuse as fuse_events

        found, _ = fuse_events(found)
    return Events((Event.from_dict(r) for r in found), failures)


class Store:
    """An event store (``dragoman ingest`` writes one), opened read-only, with the query methods.

    Every query method takes the filters as keywords: ``actor``, ``recipient``, ``country``,
    ``event``, ``quad``, ``source`` (a value or a list), ``since``, ``until`` (dates), ``text``,
    ``modality``, ``negated``, ``precision``, ``min_confidence``, ``attributed`` (a code or words of
    the source an event is attributed to); and returns a pandas DataFrame.
    ``store.db`` is the underlying :class:`dragoman.store.Store` (``store.db.con`` is DuckDB).
    """

    def __init__(self, path: str | Path = "dragoman.duckdb") -> None:
        from .store import Store as Db

        self.path = Path(path)
        self.db = Db.open(path, read_only=True)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"dragoman.Store({str(self.path)!r})"

    @staticmethod
    def filters(**given: Any) -> Any:
        """A :class:`dragoman.store.Filters` of keyword filters (checked: an unknown value raises StoreError)."""
        from .store.query import Filters

        def many(key: str) -> list[Any]:
            value = given.get(key)
            return [] if value is None else [value] if isinstance(value, (str, int)) else list(value)

        unknown = set(given) - {"actor", "recipient", "country", "event", "quad", "since", "until", "source", "text", "modality", "negated", "precision", "min_confidence", "attributed"}
        if unknown:
            raise TypeError(f"unknown filter(s): {', '.join(sorted(unknown))}")
        return Filters(
            actors=many("actor"), recipients=many("recipient"), countries=many("country"), events=many("event"),
            quads=[int(q) for q in many("quad")], since=_date(given.get("since")), until=_date(given.get("until")),
            sources=many("source"), text=given.get("text"), modalities=many("modality"), negated=given.get("negated"),
            precisions=many("precision"), min_confidence=given.get("min_confidence"), attributed=many("attributed"),
        ).check()

    def events(self, *, limit: int | None = None, **filters: Any) -> pd.DataFrame:
        """One row per event: date, doc, type, CAMEO, quad class, score, actors, recipients, sentence."""
        from .store import query

        return query.events(self.db, self.filters(**filters), limit=limit)

    def dyads(self, *, by_event: bool = True, limit: int | None = None, **filters: Any) -> pd.DataFrame:
        """Events and mean PLOVER score per directed (actor, recipient[, event type]) pair."""
        from .store import query

        return query.dyads(self.db, self.filters(**filters), by_event=by_event, limit=limit)

    def timeline(self, *, freq: str = "month", **filters: Any) -> pd.DataFrame:
        """Events per period by quad class, summed and mean score."""
        from .store import query

        return query.timeline(self.db, self.filters(**filters), freq=freq)

    def actors(self, *, limit: int | None = None, **filters: Any) -> pd.DataFrame:
        """Per actor code: events, as actor, as recipient, mean scores, sectors."""
        from .store import query

        return query.actors(self.db, self.filters(**filters), limit=limit)

    def sources(self, **filters: Any) -> pd.DataFrame:
        """Per article source: articles, events, events per article, dates."""
        from .store import query

        return query.sources(self.db, self.filters(**filters))

    def places(self, **filters: Any) -> pd.DataFrame:
        """Located events per place (name, country, lat, lon, events, mean score)."""
        from .store import query

        return query.places(self.db, self.filters(**filters))

    def event(self, event_id: str) -> dict[str, Any] | None:
        """One event traced to its sentence (record, article, sentence, trigger, entity offsets, cluster)."""
        from .store import detail

        return detail.event(self.db, event_id)

    def clusters(self, *, min_sources: int = 1, limit: int | None = None, **filters: Any) -> pd.DataFrame:
        """Clusters (happenings) with an event matching the filters."""
        from .store import detail

        return detail.clusters(self.db, self.filters(**filters), min_sources=min_sources, limit=limit)[0]

    def compare(self, cluster_id: str) -> dict[str, Any] | None:
        """What each source said of the happening ``cluster_id``."""
        from .store import detail

        return detail.compare(self.db, cluster_id)

    def sql(self, query: str, params: dict[str, Any] | list[Any] | None = None) -> Any:
        """Your own SQL on the store (a DuckDB relation: ``.df()``, ``.arrow()``, ``.fetchall()``)."""
        return self.db.sql(query, params)


__all__ = ["Entity", "Event", "Events", "Store", "TextInfo", "code", "code_many", "load_coder"]
