"""The JSON the API answers with (pydantic models: they make the OpenAPI schema at /api/openapi.json)."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, Field

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of rows: ``total`` rows match, these are rows ``offset`` to ``offset + len(items)``."""

    total: int
    offset: int
    limit: int
    items: list[T]


class Span(BaseModel):
    start: int | None = Field(description="Character offset into the article text (null: not found in the sentence).")
    end: int | None
    text: str | None = None


class Entity(BaseModel):
    role: str = Field(description="actor, recipient or attributed_to")
    position: int
    entity_text: str | None
    code: str | None
    sector: str | None = None
    identifier_text: str | None = None
    office: str | None = None
    rule: str | None = Field(None, description="The dictionary entries that resolved the entity.")
    start: int | None = Field(None, description="Offset of entity_text in the article (found in the event's sentence), or null.")
    end: int | None = None


class EventRow(BaseModel):
    event_id: str
    doc_id: str
    seq: int
    date: str | None = Field(description="The event's date, YYYY-MM-DD (a month or a year: its first day).")
    date_precision: str | None = Field(None, description="day, month, year or publication (no date of its own: the article's date).")
    event: str | None
    cameo: str | None
    quad_code: int | None
    plover_score: float | None
    actor: str | None = Field(description="Actor codes joined with +.")
    recipient: str | None
    actor_text: str | None = None
    recipient_text: str | None = None
    event_text: str | None
    modality: str | None
    negated: bool | None
    source: str | None
    title: str | None
    sentence_text: str | None
    sentence_start: int | None
    sentence_end: int | None
    trigger: Span
    entities: list[Entity]
    record: dict[str, Any] = Field(description="The PLOVER record as coded (DESIGN.md §1).")


class Article(BaseModel):
    doc_id: str
    title: str | None
    source: str | None
    url: str | None
    date: str | None


class Sentence(BaseModel):
    index: int | None
    start: int | None
    end: int | None
    text: str


class Member(BaseModel):
    """An event of a cluster, with the source that tells it."""

    event_id: str
    doc_id: str
    seq: int
    date: str | None
    date_precision: str | None
    event: str | None
    cameo: str | None
    quad_code: int | None
    plover_score: float | None
    actor: str | None
    recipient: str | None
    trigger: str | None
    modality: str | None
    negated: bool | None
    context: list[str] | None
    rule: str | None
    sentence_text: str | None
    title: str | None
    article_source: str | None
    attributed_text: str | None
    source: str = Field(description="Who the event is attributed to (when coded), else the article's source, else its doc id.")
    cluster_id: str | None


class EventDetail(BaseModel):
    record: dict[str, Any]
    article: Article
    sentence: Sentence
    trigger: Span
    entities: list[Entity]
    cluster_id: str | None
    cluster: list[Member] = Field(description="The other events of its cluster.")


class Dyad(BaseModel):
    actor: str
    recipient: str
    event: str | None = None
    events: int
    mean_score: float | None
    total_score: float | None
    cooperation: int
    conflict: int
    first: str | None
    last: str | None


class Period(BaseModel):
    period: str
    events: int
    quad1: int
    quad2: int
    quad3: int
    quad4: int
    total_score: float | None
    mean_score: float | None


class TimelinePage(Page[Period]):
    """Periods; ``left_out`` counts the matching events no period holds, by reason: ``month`` or
    ``year`` (dated only that precisely, too coarse for the period), ``undated``."""

    left_out: dict[str, int] = Field(default_factory=dict)
    note: str | None = Field(None, description="The same in a sentence (null when none is left out).")


class TypePeriod(BaseModel):
    period: str
    event: str
    events: int
    mean_score: float | None


class TypeTimelinePage(Page[TypePeriod]):
    """Periods and event types; ``left_out`` and ``note`` as in the timeline."""

    left_out: dict[str, int] = Field(default_factory=dict)
    note: str | None = None


class Actor(BaseModel):
    code: str
    events: int
    as_actor: int
    as_recipient: int
    mean_score_as_actor: float | None
    mean_score_as_recipient: float | None
    cooperation: int
    conflict: int
    sectors: str | None


class Source(BaseModel):
    source: str
    articles: int
    events: int
    articles_with_events: int
    events_per_article: float | None
    mean_score: float | None
    first: str | None
    last: str | None


class Place(BaseModel):
    name: str | None
    country: str | None
    lat: float
    lon: float
    events: int
    mean_score: float | None
    conflict: int
    first: str | None
    last: str | None


class ClusterRow(BaseModel):
    cluster_id: str
    event: str | None
    date: str | None
    last_date: str | None
    parties: str
    mentions: int
    documents: int
    sources: list[str]
    n_sources: int
    mean_score: float | None


class ClusterSummary(BaseModel):
    cluster_id: str
    event: str | None
    date: str | None
    parties: str
    mentions: int
    documents: list[str]
    sources: list[str]


class Cluster(ClusterSummary):
    members: list[Member]


class SideEvent(BaseModel):
    event_id: str
    doc_id: str
    event: str | None
    cameo: str | None
    trigger: str | None
    sentence_text: str | None
    date: str | None
    modality: str | None
    negated: bool | None
    title: str | None


class Side(BaseModel):
    events: list[SideEvent]
    contexts: list[str]
    dates: list[str]
    documents: list[str]


class Comparison(ClusterSummary):
    by_source: dict[str, Side] = Field(description="What each source said of the happening.")


class CodeRequest(BaseModel):
    text: str = Field(description="The article text (UTF-8).")
    date: str | None = Field(None, description="Publication date, YYYY-MM-DD (default: today).")
    id: str = Field("pasted", description="Document id for the records.")


class CodedEvent(BaseModel):
    record: dict[str, Any]
    sentence: Sentence
    trigger: Span
    entities: list[Entity]


class CodeResult(BaseModel):
    doc_id: str
    date: str
    characters: int
    seconds: float
    events: list[CodedEvent]


class Meta(BaseModel):
    """What the store holds and the values each closed filter takes."""

    store: str = Field(description="The store's file name (not its path).")
    counts: dict[str, int]
    first_day: str | None
    last_day: str | None
    sources: list[str]
    event_types: list[str]
    quads: list[int]
    modalities: list[str]
    precisions: list[str]
    code_enabled: bool
    code_max_bytes: int
    code_timeout: float
    dictionary_versions: list[str]
