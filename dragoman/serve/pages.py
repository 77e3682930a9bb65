"""The dashboard: HTML pages over the same queries as the API; every view's filters are in its URL."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..errors import DragomanError
from ..store import detail, query
from ..store.db import Store
from ..store.plot import chart as plot_chart
from ..store.rows import json_rows, plain
from . import views
from .api import StoreDep, check_sources
from .errors import ApiError, from_dragoman
from .params import FilterArgs, filter_args
from .state import TEMPLATES, meta_values

router = APIRouter(include_in_schema=False)
FilterDep = Annotated[FilterArgs, Depends(filter_args)]
By = Annotated[str, Query(pattern="^(day|week|month|quarter|year)$")]
Top = Annotated[int, Query(ge=2, le=60)]

_env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)
_env.filters["tojson_safe"] = lambda v: json.dumps(v, ensure_ascii=False).replace("</", "<\\/")
_env.globals["quad_names"] = views.QUAD_NAMES


def render(request: Request, template: str, st: Store, args: FilterArgs | None, view: str, **context: Any) -> HTMLResponse:
    from ..dictionaries import PLOVER_EVENTS

    settings = request.app.state.settings
    html = _env.get_template(template).render(
        view=view, views=views.VIEWS, args=args, given=args.given if args else {}, meta=meta_values(st),
        event_types=PLOVER_EVENTS, modalities=query.MODALITIES, precisions=query.PRECISIONS,
        code_enabled=settings.code, store_name=settings.db.name, path=request.url.path, **context,
    )
    return HTMLResponse(html)


def _chart(make: Any) -> dict[str, Any] | None:
    """A chart's Vega-Lite spec, or None when no event matches (the page says so)."""
    try:
        return dict(make().to_dict())
    except DragomanError as exc:
        if exc.code.name == "E055":
            return None
        raise from_dragoman(exc) from None


def _linker(args: FilterArgs) -> Any:
    """Chart marks link to the event table: these filters with the mark's own (see store/charts.py)."""

    def link(params: dict[str, Any]) -> str:
        fitting = params.get("precision")
        if fitting and args.filters.precisions:  # a period's events, within the precisions asked for
            params = {**params, "precision": ",".join(p for p in fitting.split(",") if p in args.filters.precisions) or None}
        return "/events?" + args.query(**{k: (str(v) if v is not None else None) for k, v in params.items()})

    return link


@router.get("/", response_class=HTMLResponse)
@router.get("/timeline", response_class=HTMLResponse)
def timeline(request: Request, st: StoreDep, args: FilterDep, by: By = "month") -> HTMLResponse:
    check_sources(st, args)
    quads = _chart(lambda: plot_chart(st, "timeline", args.filters, freq=by, width=1080, link=_linker(args)))
    types_df = query.event_types(st, args.filters, freq=by)
    from ..store import charts

    note = query.left_out_note(types_df.attrs.get("left_out", {}), by)
    types = charts.event_types(types_df, "", freq=by, width=980, link=_linker(args), note=note).to_dict() if len(types_df) else None
    return render(request, "timeline.html", st, args, "timeline", by=by, charts={"quads": quads, "types": types}, counts=st.counts(), note=note)


@router.get("/dyads", response_class=HTMLResponse)
def dyads(request: Request, st: StoreDep, args: FilterDep, top: Top = 15) -> HTMLResponse:
    check_sources(st, args)
    spec = _chart(lambda: plot_chart(st, "dyads", args.filters, top=top, link=_linker(args)))
    rows = json_rows(query.dyads(st, args.filters, by_event=False, limit=40))
    return render(request, "dyads.html", st, args, "dyads", top=top, charts={"dyads": spec}, rows=rows)


@router.get("/network", response_class=HTMLResponse)
def network(request: Request, st: StoreDep, args: FilterDep, top: Top = 25, edges: Annotated[int, Query(ge=1, le=300)] = 60) -> HTMLResponse:
    check_sources(st, args)
    spec = _chart(lambda: plot_chart(st, "network", args.filters, top=top, edges=edges, link=_linker(args)))
    rows = json_rows(query.actors(st, args.filters, limit=30))
    return render(request, "network.html", st, args, "network", top=top, edges=edges, charts={"network": spec}, rows=rows)


@router.get("/events", response_class=HTMLResponse)
def events(
    request: Request, st: StoreDep, args: FilterDep,
    sort: str | None = None, order: Annotated[str, Query(pattern="^(asc|desc)$")] = "asc",
    offset: Annotated[int, Query(ge=0)] = 0, limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> HTMLResponse:
    check_sources(st, args)
    if sort and sort not in views.EVENT_COLUMNS:
        raise ApiError(400, f"unknown sort column '{sort}'", "Sort by one of: " + ", ".join(views.EVENT_COLUMNS), "sort")
    try:
        df, total = query.page(st, "events", args.filters, offset=offset, limit=limit, sort=sort, descending=order == "desc")
    except DragomanError as exc:
        raise from_dragoman(exc) from None
    if offset and offset >= total:
        raise ApiError(400, f"offset {offset} is past the end: {total} events match", f"Use an offset below {total}.", "offset")
    rows = detail.traced(st, df)
    nav = views.pager(args, total, offset, limit, sort, order)
    return render(request, "events.html", st, args, "events", rows=rows, total=total, sort=sort, order=order, nav=nav, columns=views.EVENT_COLUMNS)


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event(request: Request, st: StoreDep, event_id: str) -> HTMLResponse:
    found = detail.event(st, event_id)
    if found is None:
        raise ApiError(404, f"no event with id '{event_id}'", "Open an event from the event table.", "event_id")
    sentence = found["sentence"]
    pieces = views.segments(sentence["text"], sentence["start"] or 0, found["trigger"], found["entities"])
    members = [{k: plain(v) for k, v in m.items()} for m in found["cluster"]]
    sources = {m["source"] for m in members} | {views.source_of(found)}
    return render(request, "event.html", st, None, "events", ev=found, rec=found["record"], pieces=pieces, members=members, n_sources=len(sources))


@router.get("/map", response_class=HTMLResponse)
def map_view(request: Request, st: StoreDep, args: FilterDep) -> HTMLResponse:
    from ..store import charts

    check_sources(st, args)
    df = query.places(st, args.filters)
    spec = None
    if len(df):
        spec = charts.places(df, "/static/countries-110m.json", "", width="container", link=_linker(args)).to_dict()
    return render(request, "map.html", st, args, "map", charts={"map": spec}, rows=json_rows(df.head(60)), total=len(df))


@router.get("/compare", response_class=HTMLResponse)
def compare(
    request: Request, st: StoreDep, args: FilterDep, cluster: str | None = None, offset: Annotated[int, Query(ge=0)] = 0,
) -> HTMLResponse:
    check_sources(st, args)
    df, total = detail.clusters(st, args.filters, min_sources=2, offset=offset, limit=25)
    items = json_rows(df)
    chosen = cluster or (items[0]["cluster_id"] if items else None)
    comparison = detail.compare(st, chosen) if chosen else None
    if cluster and comparison is None:
        raise ApiError(404, f"no cluster with id '{cluster}'", "Pick a happening from the list.", "cluster")
    sides = views.sides(comparison) if comparison else []
    return render(request, "compare.html", st, args, "compare", items=items, total=total, offset=offset, chosen=chosen, comparison=comparison, sides=sides)


@router.get("/code", response_class=HTMLResponse)
def code_view(request: Request, st: StoreDep, date: str | None = None) -> HTMLResponse:
    return render(request, "code.html", st, None, "code", date=date or "", max_bytes=request.app.state.settings.code_max_bytes)
