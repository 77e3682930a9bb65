"""Plots of the stored events: a timeline, a dyad heat map and an actor network.

Each plot is written as a static PNG (matplotlib, Agg backend) or as a self-contained interactive
HTML page (inline SVG and a few lines of JavaScript: tooltips, highlighting, toggles; no CDN, no
network), chosen by the output file's suffix.
"""

from __future__ import annotations

import html
import math
from pathlib import Path
from typing import IO, Any

import pandas as pd

from ..errors import Errors
from ..output import atomic_bytes, atomic_text, check_outputs
from .db import Store, StoreError
from .query import Filters, dyads, timeline

PLOTS = ("timeline", "dyads", "network")
SUFFIXES = (".png", ".html")

QUADS = (
    ("quad1", "verbal cooperation", "#4c9be8"),
    ("quad2", "material cooperation", "#1f5fa8"),
    ("quad3", "verbal conflict", "#f0a045"),
    ("quad4", "material conflict", "#c8372d"),
)


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


# ---------------------------------------------------------------------------------------- PNG


def _mpl() -> Any:
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    return plt


def timeline_png(df: pd.DataFrame, path: Path | IO[bytes], title: str) -> None:
    plt = _mpl()
    periods = pd.to_datetime(df["period"])
    fig, (ax1, ax2) = plt.subplots(2, 1, figsize=(10, 6), sharex=True, gridspec_kw={"height_ratios": [2, 1]})
    width = max(1.0, (periods.diff().dt.days.min() if len(periods) > 1 else 20) * 0.8)
    bottom = pd.Series(0, index=df.index, dtype=float)
    for col, label, color in QUADS:
        ax1.bar(periods, df[col], width=width, bottom=bottom, label=label, color=color)
        bottom = bottom + df[col]
    ax1.set_ylabel("events")
    ax1.legend(loc="upper left", fontsize=8, ncols=4, frameon=False)
    ax1.set_title(f"Events over time: {title}")
    means = df["mean_score"].astype(float)
    ax2.bar(periods, means.fillna(0), width=width, color=[score_color(v) for v in means])
    ax2.axhline(0, color="#555555", linewidth=0.6)
    ax2.set_ylim(-10, 10)
    ax2.set_ylabel("mean PLOVER score")
    fig.autofmt_xdate()
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def dyads_png(codes: list[str], pairs: pd.DataFrame, path: Path | IO[bytes], title: str) -> None:
    import numpy as np

    plt = _mpl()
    n = len(codes)
    index = {c: i for i, c in enumerate(codes)}
    counts = np.zeros((n, n), dtype=int)
    means = np.full((n, n), np.nan)
    for row in pairs.itertuples():
        counts[index[row.actor], index[row.recipient]] = int(row.events)
        means[index[row.actor], index[row.recipient]] = float(row.mean_score)
    size = max(5.0, 0.45 * n + 2)
    fig, ax = plt.subplots(figsize=(size + 1.5, size))
    image = ax.imshow(np.ma.masked_invalid(means), cmap="RdBu", vmin=-10, vmax=10)
    ax.set_facecolor("#f4f4f4")
    for i in range(n):
        for j in range(n):
            if counts[i, j]:
                ax.text(j, i, str(counts[i, j]), ha="center", va="center", fontsize=7)
    ax.set_xticks(range(n), codes, rotation=90, fontsize=8)
    ax.set_yticks(range(n), codes, fontsize=8)
    ax.set_xlabel("recipient")
    ax.set_ylabel("actor")
    ax.set_title(f"Most active dyads (events; colour = mean score): {title}", fontsize=10)
    fig.colorbar(image, ax=ax, shrink=0.7, label="mean PLOVER score")
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def network_png(codes: list[str], pairs: pd.DataFrame, path: Path | IO[bytes], title: str) -> None:
    from matplotlib.patches import FancyArrowPatch

    plt = _mpl()
    pos = layout(codes, [(r.actor, r.recipient, float(r.events)) for r in pairs.itertuples()])
    degree = {c: 0 for c in codes}
    for r in pairs.itertuples():
        degree[r.actor] += int(r.events)
        degree[r.recipient] += int(r.events)
    fig, ax = plt.subplots(figsize=(9, 9))
    top = max([int(r.events) for r in pairs.itertuples()] or [1])
    for r in pairs.itertuples():
        if r.actor == r.recipient:
            continue
        (x1, y1), (x2, y2) = pos[r.actor], pos[r.recipient]
        arrow = FancyArrowPatch(
            (x1, y1), (x2, y2), arrowstyle="-|>", mutation_scale=10, connectionstyle="arc3,rad=0.12",
            linewidth=0.6 + 3.5 * int(r.events) / top, color=score_color(float(r.mean_score)), alpha=0.85,
            shrinkA=12, shrinkB=12,
        )
        ax.add_patch(arrow)
    big = max(degree.values() or [1])
    for c in codes:
        x, y = pos[c]
        ax.scatter([x], [y], s=150 + 900 * degree[c] / big, color="#ffffff", edgecolors="#333333", zorder=3)
        ax.text(x, y, c, ha="center", va="center", fontsize=8, zorder=4)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_axis_off()
    ax.set_title(f"Actor network (arrow: actor → recipient; width = events; colour = mean score): {title}", fontsize=9)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


# ---------------------------------------------------------------------------------------- HTML

_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<style>
body {{ font: 14px/1.4 system-ui, sans-serif; margin: 1.5em; color: #222; }}
h1 {{ font-size: 1.2em; }} .note {{ color: #666; font-size: 0.9em; }}
svg text {{ font: 11px system-ui, sans-serif; }}
.hit:hover, .hit.on {{ stroke: #000; stroke-width: 1.5; }}
.dim {{ opacity: 0.15; }}
#tip {{ position: fixed; pointer-events: none; background: #fff; border: 1px solid #999; padding: 4px 8px;
  font-size: 12px; display: none; white-space: pre; box-shadow: 0 1px 4px rgba(0,0,0,.2); }}
.legend span {{ cursor: pointer; margin-right: 1.2em; user-select: none; }}
.legend span.off {{ opacity: 0.35; text-decoration: line-through; }}
.legend i {{ display: inline-block; width: 12px; height: 12px; margin-right: 4px; vertical-align: -1px; }}
table {{ border-collapse: collapse; font-size: 12px; margin-top: 1em; }}
td, th {{ border: 1px solid #ddd; padding: 2px 6px; text-align: right; }}
</style></head><body>
<h1>{title}</h1>
<p class="note">{note}</p>
{body}
<div id="tip"></div>
<details><summary>data</summary>{table}</details>
<script>
(function () {{
  var tip = document.getElementById('tip');
  document.querySelectorAll('[data-tip]').forEach(function (el) {{
    el.addEventListener('mousemove', function (ev) {{
      tip.textContent = el.getAttribute('data-tip'); tip.style.display = 'block';
      tip.style.left = (ev.clientX + 14) + 'px'; tip.style.top = (ev.clientY + 14) + 'px';
    }});
    el.addEventListener('mouseleave', function () {{ tip.style.display = 'none'; }});
  }});
  document.querySelectorAll('.legend span[data-series]').forEach(function (item) {{
    item.addEventListener('click', function () {{
      item.classList.toggle('off');
      var off = item.classList.contains('off');
      document.querySelectorAll('[data-series="' + item.getAttribute('data-series') + '"]').forEach(function (el) {{
        if (el !== item) el.style.display = off ? 'none' : '';
      }});
    }});
  }});
  document.querySelectorAll('[data-node]').forEach(function (node) {{
    node.addEventListener('mouseenter', function () {{
      var code = node.getAttribute('data-node');
      document.querySelectorAll('[data-edge]').forEach(function (e) {{
        var ends = e.getAttribute('data-edge').split(' ');
        if (ends.indexOf(code) < 0) e.classList.add('dim');
      }});
    }});
    node.addEventListener('mouseleave', function () {{
      document.querySelectorAll('.dim').forEach(function (e) {{ e.classList.remove('dim'); }});
    }});
  }});
}})();
</script>
</body></html>
"""


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _table(df: pd.DataFrame) -> str:
    head = "".join(f"<th>{_esc(c)}</th>" for c in df.columns)
    rows = "".join(
        "<tr>" + "".join(f"<td>{_esc('' if pd.isna(v) else v)}</td>" for v in row) + "</tr>" for row in df.itertuples(index=False)
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def _page(title: str, note: str, body: str, df: pd.DataFrame) -> str:
    return _PAGE.format(title=_esc(title), note=_esc(note), body=body, table=_table(df))


def timeline_html(df: pd.DataFrame, title: str) -> str:
    width, height, left, top, plot_h, score_h = 900, 420, 50, 20, 250, 100
    n = len(df)
    step = (width - left - 20) / max(n, 1)
    bar = max(1.0, step * 0.8)
    peak = max(int(df["events"].max()), 1)
    parts = [f'<svg width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img">']
    for frac in (0, 0.5, 1):
        y = top + plot_h * (1 - frac)
        parts.append(f'<line x1="{left}" x2="{width - 20}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>')
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{round(peak * frac)}</text>')
    zero = top + plot_h + 30 + score_h / 2
    parts.append(f'<line x1="{left}" x2="{width - 20}" y1="{zero}" y2="{zero}" stroke="#999"/>')
    parts.append(f'<text x="{left - 6}" y="{zero - score_h / 2 + 4}" text-anchor="end">+10</text>')
    parts.append(f'<text x="{left - 6}" y="{zero + score_h / 2 + 4}" text-anchor="end">-10</text>')
    label_every = max(1, n // 12)
    df = df.assign(period=[pd.Timestamp(p).date().isoformat() for p in df["period"]])
    for i, row in enumerate(df.itertuples(index=False)):
        x = left + i * step + (step - bar) / 2
        y = top + plot_h
        for col, label, color in QUADS:
            value = int(getattr(row, col))
            if not value:
                continue
            h = plot_h * value / peak
            y -= h
            tipt = f"{row.period}\n{label}: {value}"
            parts.append(
                f'<rect class="hit" data-series="{col}" data-tip="{_esc(tipt)}" x="{x:.1f}" y="{y:.1f}" '
                f'width="{bar:.1f}" height="{h:.1f}" fill="{color}"/>'
            )
        mean = row.mean_score
        if mean is not None and not (isinstance(mean, float) and math.isnan(mean)):
            h = score_h / 2 * abs(float(mean)) / 10
            y0 = zero - h if mean > 0 else zero
            tipt = f"{row.period}\n{row.events} events\nmean score {float(mean):+.2f}\ntotal {float(row.total_score):+.1f}"
            parts.append(
                f'<rect class="hit" data-tip="{_esc(tipt)}" x="{x:.1f}" y="{y0:.1f}" width="{bar:.1f}" '
                f'height="{max(h, 0.5):.1f}" fill="{score_color(float(mean))}"/>'
            )
        if i % label_every == 0:
            parts.append(f'<text x="{x + bar / 2:.1f}" y="{top + plot_h + 16}" text-anchor="middle">{_esc(row.period)}</text>')
    parts.append(f'<text x="{left}" y="{height - 4}">mean PLOVER score per period</text></svg>')
    legend = '<p class="legend">' + "".join(
        f'<span data-series="{col}"><i style="background:{color}"></i>{label}</span>' for col, label, color in QUADS
    ) + "</p>"
    note = "Events per period by quad class (click the legend to hide a class); below, the mean score. Hover for values."
    return _page(f"Events over time: {title}", note, legend + "".join(parts), df)


def dyads_html(codes: list[str], pairs: pd.DataFrame, title: str) -> str:
    cell, left, top = 34, 60, 60
    n = len(codes)
    size_w, size_h = left + n * cell + 20, top + n * cell + 20
    index = {c: i for i, c in enumerate(codes)}
    parts = [f'<svg width="{size_w}" height="{size_h}" viewBox="0 0 {size_w} {size_h}" role="img">']
    for c, i in index.items():
        parts.append(f'<text x="{left - 6}" y="{top + i * cell + cell / 2 + 4}" text-anchor="end">{_esc(c)}</text>')
        x = left + i * cell + cell / 2
        parts.append(f'<text x="{x}" y="{top - 8}" text-anchor="start" transform="rotate(-60 {x} {top - 8})">{_esc(c)}</text>')
        for j in range(n):
            parts.append(
                f'<rect x="{left + j * cell}" y="{top + i * cell}" width="{cell - 1}" height="{cell - 1}" fill="#f4f4f4"/>'
            )
    for r in pairs.itertuples():
        i, j = index[r.actor], index[r.recipient]
        tipt = (
            f"{r.actor} → {r.recipient}\n{r.events} events ({r.cooperation} cooperation, {r.conflict} conflict)\n"
            f"mean score {float(r.mean_score):+.2f}\n{r.first} to {r.last}"
        )
        parts.append(
            f'<rect class="hit" data-tip="{_esc(tipt)}" x="{left + j * cell}" y="{top + i * cell}" width="{cell - 1}" '
            f'height="{cell - 1}" fill="{score_color(float(r.mean_score))}"/>'
        )
        parts.append(
            f'<text x="{left + j * cell + cell / 2}" y="{top + i * cell + cell / 2 + 4}" text-anchor="middle" '
            f'pointer-events="none">{int(r.events)}</text>'
        )
    parts.append("</svg>")
    note = "Rows: actor; columns: recipient; number: events; colour: mean PLOVER score (red conflict, blue cooperation)."
    return _page(f"Most active dyads: {title}", note, "".join(parts), pairs)


def network_html(codes: list[str], pairs: pd.DataFrame, title: str) -> str:
    width = height = 760
    pos = {c: (x * width, (1 - y) * height) for c, (x, y) in layout(codes, [(r.actor, r.recipient, float(r.events)) for r in pairs.itertuples()]).items()}
    degree = {c: 0 for c in codes}
    for r in pairs.itertuples():
        degree[r.actor] += int(r.events)
        degree[r.recipient] += int(r.events)
    top = max([int(r.events) for r in pairs.itertuples()] or [1])
    big = max(degree.values() or [1])
    parts = [
        f'<svg width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img"><defs>'
        '<marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">'
        '<path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker></defs>'
    ]
    for r in pairs.itertuples():
        if r.actor == r.recipient:
            continue
        (x1, y1), (x2, y2) = pos[r.actor], pos[r.recipient]
        dx, dy = x2 - x1, y2 - y1
        dist = math.hypot(dx, dy) or 1
        r2 = 12 + 18 * degree[r.recipient] / big
        ex, ey = x2 - dx / dist * r2, y2 - dy / dist * r2
        mx, my = (x1 + ex) / 2 - dy / dist * 18, (y1 + ey) / 2 + dx / dist * 18  # curve so A→B and B→A differ
        tipt = f"{r.actor} → {r.recipient}\n{r.events} events\nmean score {float(r.mean_score):+.2f}"
        parts.append(
            f'<path class="hit" data-edge="{_esc(r.actor)} {_esc(r.recipient)}" data-tip="{_esc(tipt)}" '
            f'd="M{x1:.1f},{y1:.1f} Q{mx:.1f},{my:.1f} {ex:.1f},{ey:.1f}" fill="none" '
            f'stroke="{score_color(float(r.mean_score))}" stroke-width="{1 + 5 * int(r.events) / top:.2f}" '
            'marker-end="url(#arrow)"/>'
        )
    for c in codes:
        x, y = pos[c]
        rad = 12 + 18 * degree[c] / big
        tipt = f"{c}\n{degree[c]} events in these dyads"
        parts.append(
            f'<g data-node="{_esc(c)}" data-tip="{_esc(tipt)}"><circle class="hit" cx="{x:.1f}" cy="{y:.1f}" r="{rad:.1f}" '
            f'fill="#fff" stroke="#333"/><text x="{x:.1f}" y="{y + 4:.1f}" text-anchor="middle">{_esc(c)}</text></g>'
        )
    parts.append("</svg>")
    note = "Arrows go from actor to recipient; width: events; colour: mean PLOVER score. Hover a node to see its ties."
    return _page(f"Actor network: {title}", note, "".join(parts), pairs)


# ---------------------------------------------------------------------------------------- entry


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

    The suffix of ``output`` chooses the format: ``.png`` (matplotlib) or ``.html`` (interactive,
    self-contained). ``freq`` is the timeline's period; ``top`` the number of codes in dyads/network;
    ``edges`` the most ties the network draws (the pairs with most events).
    """
    if kind not in PLOTS:
        raise StoreError(Errors.E054, what="plot", value=kind, choices=", ".join(PLOTS))
    out = Path(output)
    suffix = out.suffix.lower()
    if suffix not in SUFFIXES:
        raise StoreError(Errors.E054, what="plot file type", value=suffix or str(out), choices=", ".join(SUFFIXES))
    check_outputs([out], store=db.path if isinstance(db, Store) else db)
    f = filters or Filters()
    store = db if isinstance(db, Store) else Store.open(db, read_only=True)
    try:
        if kind == "timeline":
            df = timeline(store, f, freq=freq)
            if df.empty:
                raise StoreError(Errors.E055)
            content = timeline_html(df, describe(f)) if suffix == ".html" else None
            draw = lambda p: timeline_png(df, p, describe(f))  # noqa: E731
        else:
            codes, pairs = top_pairs(dyads(store, f, by_event=False), top)
            if pairs.empty:
                raise StoreError(Errors.E055)
            if kind == "dyads":
                content = dyads_html(codes, pairs, describe(f)) if suffix == ".html" else None
                draw = lambda p: dyads_png(codes, pairs, p, describe(f))  # noqa: E731
            else:
                pairs = pairs.head(edges).reset_index(drop=True)  # the strongest ties (most events first)
                codes = [c for c in codes if c in set(pairs["actor"]) | set(pairs["recipient"])]
                content = network_html(codes, pairs, describe(f)) if suffix == ".html" else None
                draw = lambda p: network_png(codes, pairs, p, describe(f))  # noqa: E731
    finally:
        if not isinstance(db, Store):
            store.close()
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(Errors.E056, path=str(out), detail=exc.strerror or str(exc)) from None
    if content is not None:
        with atomic_text(out) as fh:
            fh.write(content)
    else:
        with atomic_bytes(out) as bin_fh:
            draw(bin_fh)
    return out


__all__ = ["PLOTS", "describe", "layout", "plot", "score_color", "top_pairs"]
