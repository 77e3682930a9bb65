"""The JSON API: each endpoint a thin layer over dragoman.store.query and dragoman.store.detail."""

from __future__ import annotations

from typing import Annotated, Any

import pandas as pd
from fastapi import APIRouter, Depends, Query, Request

from ..errors import DragomanError
from ..store import detail, query
from ..store.db import Store
from ..store.query import MODALITIES, PRECISIONS, QUADS
from ..store.rows import json_rows, plain
from . import models
from .errors import ApiError, from_dragoman
from .params import FilterArgs, PageArgs, filter_args, page_args
from .state import meta_values, store

router = APIRouter(prefix="/api", tags=["store"])
StoreDep = Annotated[Store, Depends(store)]
FilterDep = Annotated[FilterArgs, Depends(filter_args)]
PageDep = Annotated[PageArgs, Depends(page_args)]
By = Annotated[str, Query(pattern="^(day|week|month|quarter|year)$", description="Period: day, week, month, quarter or year.")]


def check_sources(st: Store, args: FilterArgs) -> None:
    """A 400 for a source the store does not hold, or a code neither the dictionaries nor the store
    know (the message lists the valid ones)."""
    if args.filters.sources:
        known = meta_values(st)["sources"]
        for s in args.filters.sources:
            if s not in known:
                raise ApiError(400, f"unknown source '{s}'", "Use one of: " + (", ".join(known) or "(the store's articles have no source)"), "source")
    try:
        args.filters.check(st)
    except DragomanError as exc:
        value = str(exc.fields.get("value"))
        param = next((p for p, vals in (("actor", args.filters.actors), ("recipient", args.filters.recipients)) if value in [v.upper() for v in vals]), "country")
        raise from_dragoman(exc, param) from None


def _page(rows: list[dict[str, Any]] | pd.DataFrame, total: int, page: PageArgs) -> dict[str, Any]:
    if page.offset and page.offset >= total:
        raise ApiError(400, f"offset {page.offset} is past the end: {total} rows match", f"Use an offset below {total} (or 0).", "offset")
    items = json_rows(rows) if isinstance(rows, pd.DataFrame) else rows
    return {"total": total, "offset": page.offset, "limit": page.limit, "items": items}


def _query_page(st: Store, name: str, args: FilterArgs, page: PageArgs, **options: Any) -> tuple[pd.DataFrame, int]:
    check_sources(st, args)
    try:
        return query.page(st, name, args.filters, offset=page.offset, limit=page.limit, sort=page.sort, descending=page.descending, **options)
    except DragomanError as exc:
        raise from_dragoman(exc, "sort" if exc.fields.get("what") == "sort column" else None) from None


def _one(found: dict[str, Any] | None, key: str, value: str, listing: str) -> Any:
    """One item, JSON-ready; a 404 saying where ids come from when there is none."""
    if found is None:
        what = key.removesuffix("_id")
        raise ApiError(404, f"no {what} with id '{value}'", f"Take a {key} from {listing}.", key)
    return plain(found)


def _slice(df: pd.DataFrame, page: PageArgs) -> dict[str, Any]:
    if page.sort is not None:
        if page.sort not in df.columns:
            raise ApiError(400, f"unknown sort column '{page.sort}'", "Use one of: " + ", ".join(map(str, df.columns)), "sort")
        df = df.sort_values(page.sort, ascending=not page.descending, kind="stable")
    return _page(df.iloc[page.offset : page.offset + page.limit], len(df), page)


@router.get("/events", response_model=models.Page[models.EventRow], summary="Events matching the filters")
def events(st: StoreDep, args: FilterDep, page: PageDep) -> Any:
    """One row per event (as ``dragoman query events``) with its PLOVER record, the sentence's offsets,
    and the trigger and entities located in the sentence. Sorted by date, doc and position unless ``sort``."""
    df, total = _query_page(st, "events", args, page)
    return _page(detail.traced(st, df), total, page)


@router.get("/events/{event_id}", response_model=models.EventDetail, summary="One event traced to its sentence")
def event(st: StoreDep, event_id: str) -> Any:
    """The event with its record, article, sentence, trigger and entity offsets, and the other members of its cluster."""
    return _one(detail.event(st, event_id), "event_id", event_id, "/api/events")


@router.get("/dyads", response_model=models.Page[models.Dyad], summary="Directed dyads")
def dyads(
    st: StoreDep, args: FilterDep, page: PageDep,
    by_event: Annotated[bool, Query(description="One row per pair and event type (false: per pair).")] = True,
) -> Any:
    """Events and mean PLOVER score per directed (actor code, recipient code[, event type]); most active first."""
    df, total = _query_page(st, "dyads", args, page, by_event=by_event)
    return _page(df, total, page)


def _series(df: pd.DataFrame, page: PageArgs, by: str) -> dict[str, Any]:
    missing = df.attrs.get("left_out", {})
    return {**_slice(df, page), "left_out": missing, "note": query.left_out_note(missing, by)}


@router.get("/timeline", response_model=models.TimelinePage, summary="Events per period by quad class")
def timeline(st: StoreDep, args: FilterDep, page: PageDep, by: By = "month") -> Any:
    """Events per period (periods without events included) by quad class, summed and mean score.

    An event counts only in periods its date is precise enough for (a year-only date is in no
    month, a month-only date in no day or week; undated events count on their article's date);
    ``left_out`` counts the matching events left out, by reason."""
    check_sources(st, args)
    return _series(query.timeline(st, args.filters, freq=by), page, by)


@router.get("/timeline/types", response_model=models.TypeTimelinePage, summary="Events per period by event type")
def timeline_types(st: StoreDep, args: FilterDep, page: PageDep, by: By = "month") -> Any:
    """Events per period and PLOVER event type (periods and types with events only); ``left_out`` as in /api/timeline."""
    check_sources(st, args)
    return _series(query.event_types(st, args.filters, freq=by), page, by)


@router.get("/actors", response_model=models.Page[models.Actor], summary="Actor codes")
def actors(st: StoreDep, args: FilterDep, page: PageDep) -> Any:
    """Per code over the selected events: events, as actor, as recipient, mean scores, sectors."""
    df, total = _query_page(st, "actors", args, page)
    return _page(df, total, page)


@router.get("/sources", response_model=models.Page[models.Source], summary="Article sources")
def sources(st: StoreDep, args: FilterDep, page: PageDep) -> Any:
    """Per article source: articles, matching events, events per article, first and last date."""
    df, total = _query_page(st, "sources", args, page)
    return _page(df, total, page)


@router.get("/places", response_model=models.Page[models.Place], summary="Located events per place")
def places(st: StoreDep, args: FilterDep, page: PageDep) -> Any:
    """Events with a location, per place: coordinates, events, mean score; most events first."""
    check_sources(st, args)
    return _slice(query.places(st, args.filters), page)


def _clusters(st: Store, args: FilterArgs, page: PageArgs, min_sources: int) -> dict[str, Any]:
    check_sources(st, args)
    if page.sort is not None:
        raise ApiError(400, "clusters cannot be sorted", "Leave sort out: clusters come with the most sources and mentions first.", "sort")
    df, total = detail.clusters(st, args.filters, min_sources=min_sources, offset=page.offset, limit=page.limit)
    return _page(df, total, page)


@router.get("/clusters", response_model=models.Page[models.ClusterRow], summary="Clusters (happenings)")
def clusters(
    st: StoreDep, args: FilterDep, page: PageDep,
    min_sources: Annotated[int, Query(ge=1, description="Only clusters told by at least this many sources.")] = 1,
) -> Any:
    """Clusters with an event matching the filters: parties, dates, mentions, documents, sources."""
    return _clusters(st, args, page, min_sources)


@router.get("/clusters/{cluster_id}", response_model=models.Cluster, summary="One cluster with every member")
def cluster(st: StoreDep, cluster_id: str) -> Any:
    """Every event of the cluster with its source, sentence and trigger."""
    return _one(detail.cluster(st, cluster_id), "cluster_id", cluster_id, "/api/clusters")


@router.get("/compare", response_model=models.Page[models.ClusterRow], summary="Happenings told by several sources")
def comparable(st: StoreDep, args: FilterDep, page: PageDep) -> Any:
    """Clusters told by two sources or more (to compare with /api/compare/{cluster_id})."""
    return _clusters(st, args, page, 2)


@router.get("/compare/{cluster_id}", response_model=models.Comparison, summary="What each source said of one happening")
def compare(st: StoreDep, cluster_id: str) -> Any:
    """For each source of the cluster: its events (type, trigger, sentence), contexts, dates and documents."""
    return _one(detail.compare(st, cluster_id), "cluster_id", cluster_id, "/api/compare")


@router.get("/meta", response_model=models.Meta, summary="What the store holds; the values of the filters")
def meta(request: Request, st: StoreDep) -> Any:
    from ..dictionaries import PLOVER_EVENTS

    settings = request.app.state.settings
    return {
        "store": settings.db.name, "counts": st.counts(), **meta_values(st),
        "event_types": PLOVER_EVENTS, "quads": list(QUADS), "modalities": list(MODALITIES), "precisions": list(PRECISIONS),
        "code_enabled": settings.code, "code_max_bytes": settings.code_max_bytes, "code_timeout": settings.code_timeout,
    }
