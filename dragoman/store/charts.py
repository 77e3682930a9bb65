"""Charts of the stored events as Vega-Lite specifications (built with altair).

The same specifications make the PNG and HTML files of ``dragoman plot`` (rendered offline by
vl-convert) and the charts of the ``dragoman serve`` dashboard (rendered in the browser by the
Vega bundle that vl-convert ships). ``link`` (filter parameters -> URL) adds an ``href`` to the
marks: a click opens the dashboard's event table for that bar (since, until, quad or event),
cell or tie (actor, recipient), node or place (country).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

import altair as alt
import pandas as pd

QUADS = (
    ("quad1", "verbal cooperation", "#4c9be8"),
    ("quad2", "material cooperation", "#1f5fa8"),
    ("quad3", "verbal conflict", "#f0a045"),
    ("quad4", "material conflict", "#c8372d"),
)
# PLOVER score: red (-10, conflict) through grey to blue (+10, cooperation)
SCORE_SCALE = alt.Scale(domain=[-10, 0, 10], range=["#c8372d", "#d9d9d9", "#1f5fa8"])
FONT = "DejaVu Sans, Liberation Sans, Arial, sans-serif"

Link = Callable[[dict[str, Any]], str] | None


def _config(chart: Any) -> Any:
    return chart.configure(font=FONT).configure_view(stroke=None).configure_axis(labelFontSize=11, titleFontSize=12)


def events_url(**params: Any) -> str:
    """The dashboard's event table filtered by ``params`` (None and empty values left out)."""
    return "/events?" + urlencode({k: v for k, v in params.items() if v not in (None, "", [])}, doseq=True)


def _period_end(start: pd.Timestamp, freq: str) -> pd.Timestamp:
    step = {
        "day": pd.DateOffset(days=1), "week": pd.DateOffset(weeks=1), "month": pd.DateOffset(months=1),
        "quarter": pd.DateOffset(months=3), "year": pd.DateOffset(years=1),
    }
    return start + step[freq] - pd.DateOffset(days=1)


def _period_axis(freq: str) -> alt.X:
    unit: Any = {"day": "yearmonthdate", "week": "yearmonthdate", "month": "yearmonth", "quarter": "yearquarter", "year": "year"}[freq]
    return alt.X("period:T", title=None, timeUnit=unit)


def _precisions(freq: str) -> str | None:
    """The precision filter of a period's events (a link from a month bar shows no year-only events)."""
    from .query import FITTING

    return None if freq == "year" else ",".join(FITTING[freq])


def _title(text: str, note: str | None) -> alt.TitleParams:
    return alt.TitleParams(text=text, subtitle=note or "", subtitleColor="#666666")


def _with_links(df: pd.DataFrame, link: Link, **params: str) -> pd.DataFrame:
    """``df`` with an ``href`` column: ``link`` of the filter parameters ``params`` (parameter -> column)."""
    if link is None:
        return df
    return df.assign(href=[link({k: row[col] for k, col in params.items()}) for row in df.to_dict("records")])


def timeline(
    df: pd.DataFrame, title: str, *, freq: str = "month", width: int | str = 760, link: Link = None, note: str | None = None
) -> alt.TopLevelMixin:
    """Events per period stacked by quad class, and below it the mean PLOVER score per period.

    ``note`` (a subtitle) says which events the periods leave out (see query.left_out_note).
    """
    data = df.assign(period=pd.to_datetime(df["period"]))
    data = data.assign(until=[_period_end(p, freq) for p in data["period"]])
    long = data.melt(id_vars=["period", "until", "mean_score", "events"], value_vars=[q for q, _, _ in QUADS], var_name="quad", value_name="n")
    names = {q: label for q, label, _ in QUADS}
    long = long.assign(quad_class=long["quad"].map(names), quad_code=long["quad"].str[-1].astype(int))
    long = long[long["n"] > 0]
    if link is not None:
        long = long.assign(href=[link({"since": r["period"].date(), "until": r["until"].date(), "quad": r["quad_code"], "precision": _precisions(freq)}) for r in long.to_dict("records")])
    x = _period_axis(freq)
    bars = alt.Chart(long, title=_title(f"Events over time: {title}", note)).mark_bar().encode(
        x=x,
        y=alt.Y("sum(n):Q", title="events"),
        color=alt.Color(
            "quad_class:N", title="quad class", sort=[label for _, label, _ in QUADS],
            scale=alt.Scale(domain=[label for _, label, _ in QUADS], range=[c for _, _, c in QUADS]),
            legend=alt.Legend(orient="top"),
        ),
        order=alt.Order("quad_code:Q"),
        tooltip=[alt.Tooltip("period:T", title="period"), alt.Tooltip("quad_class:N", title="quad class"), alt.Tooltip("n:Q", title="events")],
        **({"href": alt.Href("href:N")} if link is not None else {}),
    ).properties(width=width, height=240)
    score = alt.Chart(data).mark_bar().encode(
        x=x,
        y=alt.Y("mean_score:Q", title="mean score", scale=alt.Scale(domain=[-10, 10])),
        color=alt.Color("mean_score:Q", scale=SCORE_SCALE, legend=None),
        tooltip=[alt.Tooltip("period:T"), alt.Tooltip("events:Q"), alt.Tooltip("mean_score:Q", format="+.2f", title="mean score")],
    ).properties(width=width, height=90)
    return _config(alt.vconcat(bars, score))


def event_types(
    df: pd.DataFrame, title: str, *, freq: str = "month", width: int | str = 760, link: Link = None, note: str | None = None
) -> alt.TopLevelMixin:
    """Events per period by PLOVER event type (a column of ``df``: period, event, events)."""
    data = df.assign(period=pd.to_datetime(df["period"]))
    if link is not None:
        data = data.assign(href=[link({"since": p.date(), "until": _period_end(p, freq).date(), "event": e, "precision": _precisions(freq)}) for p, e in zip(data["period"], data["event"], strict=True)])
    x = _period_axis(freq)
    chart = alt.Chart(data, title=_title(f"Event types over time: {title}", note)).mark_bar().encode(
        x=x,
        y=alt.Y("sum(events):Q", title="events"),
        color=alt.Color("event:N", title="event type", scale=alt.Scale(scheme="tableau20"), legend=alt.Legend(orient="right")),
        tooltip=[alt.Tooltip("period:T"), alt.Tooltip("event:N", title="type"), alt.Tooltip("events:Q")],
        **({"href": alt.Href("href:N")} if link is not None else {}),
    ).properties(width=width, height=260)
    return _config(chart)


def dyads(codes: list[str], pairs: pd.DataFrame, title: str, *, link: Link = None) -> alt.TopLevelMixin:
    """A heat map: actor rows, recipient columns, number of events, colour by mean PLOVER score."""
    data = _with_links(pairs.assign(first=pairs["first"].astype(str), last=pairs["last"].astype(str)), link, actor="actor", recipient="recipient")
    base = alt.Chart(data, title=f"Most active dyads: {title}").encode(
        x=alt.X("recipient:N", sort=codes, title="recipient", axis=alt.Axis(orient="top", labelAngle=-45)),
        y=alt.Y("actor:N", sort=codes, title="actor"),
    )
    cell = max(22, min(40, 700 // max(len(codes), 1)))
    rects = base.mark_rect(stroke="#ffffff").encode(
        color=alt.Color("mean_score:Q", scale=SCORE_SCALE, title="mean score"),
        tooltip=[
            alt.Tooltip("actor:N"), alt.Tooltip("recipient:N"), alt.Tooltip("events:Q"),
            alt.Tooltip("cooperation:Q"), alt.Tooltip("conflict:Q"),
            alt.Tooltip("mean_score:Q", format="+.2f", title="mean score"), alt.Tooltip("first:N"), alt.Tooltip("last:N"),
        ],
        **({"href": alt.Href("href:N")} if link is not None else {}),
    )
    text = base.mark_text(fontSize=11).encode(text="events:Q")
    size = cell * max(len(codes), 1)
    return _config((rects + text).properties(width=size, height=size))


def network(codes: list[str], pairs: pd.DataFrame, pos: dict[str, tuple[float, float]], title: str, *, size: int = 640, link: Link = None) -> alt.TopLevelMixin:
    """The actor network: arrows from actor to recipient (width: events, colour: mean score), nodes
    sized by the events they take part in; ``pos`` is the layout in the unit square."""
    degree = dict.fromkeys(codes, 0)
    for r in pairs.itertuples():
        degree[r.actor] += int(r.events)
        degree[r.recipient] += int(r.events)
    nodes = pd.DataFrame({"code": codes, "x": [pos[c][0] for c in codes], "y": [pos[c][1] for c in codes], "events": [degree[c] for c in codes]})
    ties = pairs[pairs["actor"] != pairs["recipient"]]
    edges = pd.DataFrame({
        "actor": ties["actor"], "recipient": ties["recipient"], "events": ties["events"], "mean_score": ties["mean_score"],
        "x": [pos[a][0] for a in ties["actor"]], "y": [pos[a][1] for a in ties["actor"]],
        "x2": [pos[b][0] for b in ties["recipient"]], "y2": [pos[b][1] for b in ties["recipient"]],
    })
    # the arrowhead: a triangle two thirds of the way along, pointing at the recipient
    edges = edges.assign(
        hx=edges["x"] + (edges["x2"] - edges["x"]) * 0.66, hy=edges["y"] + (edges["y2"] - edges["y"]) * 0.66,
        angle=[_bearing(x, y, x2, y2) for x, y, x2, y2 in zip(edges["x"], edges["y"], edges["x2"], edges["y2"], strict=True)],
    )
    edges = _with_links(edges, link, actor="actor", recipient="recipient")
    nodes = _with_links(nodes, link, country="code")
    unit = alt.Scale(domain=[0, 1])
    xs, ys = alt.X("x:Q", scale=unit, axis=None), alt.Y("y:Q", scale=unit, axis=None)
    tip = [alt.Tooltip("actor:N"), alt.Tooltip("recipient:N"), alt.Tooltip("events:Q"), alt.Tooltip("mean_score:Q", format="+.2f", title="mean score")]
    href = {"href": alt.Href("href:N")} if link is not None else {}
    lines = alt.Chart(edges).mark_rule(opacity=0.75).encode(
        x=xs, y=ys, x2="x2:Q", y2="y2:Q",
        strokeWidth=alt.StrokeWidth("events:Q", scale=alt.Scale(range=[1, 7]), legend=None),
        color=alt.Color("mean_score:Q", scale=SCORE_SCALE, title="mean score"), tooltip=tip, **href,
    )
    heads = alt.Chart(edges).mark_point(shape="triangle", filled=True, size=90, opacity=0.9).encode(
        x=alt.X("hx:Q", scale=unit, axis=None), y=alt.Y("hy:Q", scale=unit, axis=None), angle=alt.Angle("angle:Q", scale=None),
        color=alt.Color("mean_score:Q", scale=SCORE_SCALE), tooltip=tip,
    )
    circles = alt.Chart(nodes).mark_circle(color="#ffffff", stroke="#333333", strokeWidth=1.2, opacity=1).encode(
        x=xs, y=ys, size=alt.Size("events:Q", scale=alt.Scale(range=[250, 1400]), legend=None),
        tooltip=[alt.Tooltip("code:N"), alt.Tooltip("events:Q", title="events in these ties")], **href,
    )
    labels = alt.Chart(nodes).mark_text(fontSize=11, fontWeight="bold").encode(x=xs, y=ys, text="code:N")
    chart = (lines + heads + circles + labels).properties(
        width=size, height=size, title=f"Actor network (arrow: actor → recipient): {title}"
    )
    return _config(chart)


def _bearing(x: float, y: float, x2: float, y2: float) -> float:
    """Clockwise degrees from up of the direction (x, y) → (x2, y2) on screen (y grows upwards in data)."""
    import math

    return (math.degrees(math.atan2(x2 - x, y2 - y)) + 360) % 360


def places(points: pd.DataFrame, world: Any, title: str, *, width: int | str = 760, link: Link = None) -> alt.TopLevelMixin:
    """Located events on a world map: ``points`` has name, country, lat, lon, events, mean_score;
    ``world`` is a TopoJSON of the countries (a URL or the data itself)."""
    source = alt.Data(url=world, format=alt.DataFormat(type="topojson", feature="countries")) if isinstance(world, str) else alt.Data(
        values=world, format=alt.DataFormat(type="topojson", feature="countries")
    )
    land = alt.Chart(source).mark_geoshape(fill="#eceae4", stroke="#ffffff", strokeWidth=0.5).project("equalEarth")
    data = _with_links(points, link, country="country")
    dots = alt.Chart(data).mark_circle(opacity=0.8, stroke="#333333", strokeWidth=0.5).encode(
        longitude="lon:Q", latitude="lat:Q",
        size=alt.Size("events:Q", scale=alt.Scale(range=[40, 900]), title="events"),
        color=alt.Color("mean_score:Q", scale=SCORE_SCALE, title="mean score"),
        tooltip=[alt.Tooltip("name:N", title="place"), alt.Tooltip("country:N"), alt.Tooltip("events:Q"), alt.Tooltip("mean_score:Q", format="+.2f", title="mean score")],
        **({"href": alt.Href("href:N")} if link is not None else {}),
    ).project("equalEarth")
    chart = (land + dots).properties(width=width, height=420, title=f"Located events: {title}")
    return _config(chart)


__all__ = ["QUADS", "SCORE_SCALE", "dyads", "event_types", "events_url", "network", "places", "timeline"]
