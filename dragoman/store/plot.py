"""Plots of the stored events: a timeline, a dyad heat map and an actor network.

The charts are Vega-Lite specifications built with altair (:mod:`dragoman.store.charts`, the same
the ``dragoman serve`` dashboard shows). Each plot is written as a static PNG or as a
self-contained interactive HTML page (tooltips; the Vega JavaScript inline, no CDN, no network),
both rendered by vl-convert, chosen by the output file's suffix.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import Errors
from ..output import atomic_bytes, check_outputs
from . import charts
from .db import Store, StoreError
from .query import Filters, dyads, left_out_note, timeline

PLOTS = ("timeline", "dyads", "network")
SUFFIXES = (".png", ".html")



# ---------------------------------------------------------------------------------------- data


def describe(filters: Filters) -> str:
    """A short human description of the filters, for titles."""
    parts = []
    if filters.actors or filters.recipients:
        parts.append(f"{'/'.join(filters.actors) or 'any'} → {'/'.join(filters.recipients) or 'any'}")
    if filters.countries:
        parts.append("involving " + "/".join(filters.countries))
    if filters.events:
        parts.append(", ".join(filters.events))
    if filters.quads:
        parts.append("quad " + ",".join(str(q) for q in filters.quads))
    if filters.since or filters.until:
        parts.append(f"{filters.since or '…'} to {filters.until or '…'}")
    if filters.sources:
        parts.append("from " + ", ".join(filters.sources))
    if filters.text:
        parts.append(f"“{filters.text}”")
    if filters.modalities:
        parts.append("/".join(filters.modalities))
    if filters.negated is not None:
        parts.append("negated" if filters.negated else "not negated")
    if filters.precisions:
        parts.append("dated to the " + "/".join(filters.precisions))
    if filters.min_confidence is not None:
        parts.append(f"confidence ≥ {filters.min_confidence}")
    if filters.attributed:
        parts.append("according to " + "/".join(filters.attributed))
    return "; ".join(parts) or "all events"


def top_pairs(pairs: pd.DataFrame, top: int) -> tuple[list[str], pd.DataFrame]:
    """The ``top`` most active codes (events as actor or recipient) and the pairs between them."""
    if pairs.empty:
        return [], pairs
    weight: dict[str, int] = {}
    for row in pairs.itertuples():
        weight[row.actor] = weight.get(row.actor, 0) + int(row.events)
        weight[row.recipient] = weight.get(row.recipient, 0) + int(row.events)
    codes = sorted(weight, key=lambda c: (-weight[c], c))[:top]
    keep = pairs[pairs["actor"].isin(codes) & pairs["recipient"].isin(codes)].reset_index(drop=True)
    return codes, keep


def layout(codes: list[str], edges: list[tuple[str, str, float]], iterations: int = 300) -> dict[str, tuple[float, float]]:
    """A deterministic force-directed layout (Fruchterman-Reingold) in the unit square."""
    import numpy as np

    n = len(codes)
    if n == 0:
        return {}
    if n == 1:
        return {codes[0]: (0.5, 0.5)}
    index = {c: i for i, c in enumerate(codes)}
    angle = np.linspace(0, 2 * math.pi, n, endpoint=False)
    pos = np.stack([np.cos(angle), np.sin(angle)], axis=1) * 0.5
    k = 1.0 / math.sqrt(n)
    w = np.zeros((n, n))
    for a, b, weight in edges:
        if a in index and b in index and a != b:
            w[index[a], index[b]] += weight
            w[index[b], index[a]] += weight
    if w.max() > 0:
        w = 1 + np.log1p(w) * (w > 0)  # attraction grows slowly with the number of events
    temp = 0.1
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.sqrt((delta**2).sum(-1)) + 1e-9
        rep = (k * k / dist**2)[:, :, None] * delta
        att = ((w > 0) * w * dist / k)[:, :, None] * delta
        move = rep.sum(1) - att.sum(1)
        length = np.sqrt((move**2).sum(-1))[:, None] + 1e-9
        pos += move / length * np.minimum(length, temp)
        temp *= 0.985
    pos -= pos.min(0)
    span = pos.max(0)
    span[span == 0] = 1
    pos = 0.08 + 0.84 * pos / span
    return {c: (float(pos[i, 0]), float(pos[i, 1])) for c, i in index.items()}


def score_color(score: float | None) -> str:
    """A diverging colour for a PLOVER score: red (-10, conflict) through grey to blue (+10)."""
    if score is None or (isinstance(score, float) and math.isnan(score)):
        return "#bbbbbb"
    t = max(-1.0, min(1.0, score / 10.0))
    grey = (0.85, 0.85, 0.85)
    end = (0.12, 0.37, 0.66) if t > 0 else (0.78, 0.22, 0.18)
    a = abs(t) ** 0.7
    rgb = [g + (e - g) * a for g, e in zip(grey, end, strict=True)]
    return "#" + "".join(f"{round(v * 255):02x}" for v in rgb)


# ---------------------------------------------------------------------------------------- render


def render(chart: Any, suffix: str) -> bytes:
    """A chart (altair) as PNG bytes or as a self-contained HTML page (the Vega bundle inline)."""
    import vl_convert as vlc

    spec = chart.to_dict()
    if suffix == ".png":
        return bytes(vlc.vegalite_to_png(spec, scale=2))
    return vlc.vegalite_to_html(spec, bundle=True).encode("utf-8")


# ---------------------------------------------------------------------------------------- entry


def chart(
    db: Store,
    kind: str,
    filters: Filters | None = None,
    *,
    freq: str = "month",
    top: int = 15,
    edges: int = 60,
    link: charts.Link = None,
    width: int | str = 760,
) -> Any:
    """The altair chart of plot ``kind`` (timeline, dyads, network) over the events matching ``filters``.

    ``link`` (a row -> URL function) makes the marks links; raises StoreError E055 when nothing matches.
    """
    if kind not in PLOTS:
        raise StoreError(Errors.E054, what="plot", value=kind, choices=", ".join(PLOTS))
    f = filters or Filters()
    if kind == "timeline":
        df = timeline(db, f, freq=freq)
        note = left_out_note(df.attrs.get("left_out", {}), freq)
        if df.empty:
            raise StoreError(Errors.E055, detail=f" in periods of a {freq}" + (f" ({note.rstrip('.')})" if note else ""))
        return charts.timeline(df, describe(f), freq=freq, width=width, link=link, note=note)
    codes, pairs = top_pairs(dyads(db, f, by_event=False), top)
    if pairs.empty:
        raise StoreError(Errors.E055, detail="")
    if kind == "dyads":
        return charts.dyads(codes, pairs, describe(f), link=link)
    pairs = pairs.head(edges).reset_index(drop=True)  # the strongest ties (most events first)
    codes = [c for c in codes if c in set(pairs["actor"]) | set(pairs["recipient"])]
    pos = layout(codes, [(r.actor, r.recipient, float(r.events)) for r in pairs.itertuples()])
    return charts.network(codes, pairs, pos, describe(f), link=link)


def plot(
    db: Store | str | Path,
    kind: str,
    output: str | Path,
    filters: Filters | None = None,
    *,
    freq: str = "month",
    top: int = 15,
    edges: int = 60,
) -> Path:
    """Draw plot ``kind`` (timeline, dyads, network) of the events matching ``filters`` to ``output``.

    The suffix of ``output`` chooses the format: ``.png`` or ``.html`` (interactive, self-contained,
    works offline), both rendered by vl-convert. ``freq`` is the timeline's period; ``top`` the
    number of codes in dyads/network; ``edges`` the most ties the network draws (the pairs with
    most events).
    """
    if kind not in PLOTS:
        raise StoreError(Errors.E054, what="plot", value=kind, choices=", ".join(PLOTS))
    out = Path(output)
    suffix = out.suffix.lower()
    if suffix not in SUFFIXES:
        raise StoreError(Errors.E054, what="plot file type", value=suffix or str(out), choices=", ".join(SUFFIXES))
    check_outputs([out], store=db.path if isinstance(db, Store) else db)
    store = db if isinstance(db, Store) else Store.open(db, read_only=True)
    try:
        drawn = chart(store, kind, filters, freq=freq, top=top, edges=edges)
    finally:
        if not isinstance(db, Store):
            store.close()
    content = render(drawn, suffix)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(Errors.E056, path=str(out), detail=exc.strerror or str(exc)) from None
    with atomic_bytes(out) as fh:
        fh.write(content)
    return out


__all__ = ["PLOTS", "chart", "describe", "layout", "plot", "render", "score_color", "top_pairs"]
