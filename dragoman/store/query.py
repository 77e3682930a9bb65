"""Queries over the store: events, dyads, timeline, actors, sources.

Each query is a function taking a :class:`Store` (or a path) and :class:`Filters` and returning a
pandas DataFrame; ``relation(store, name, filters, ...)`` gives the same query as a DuckDB relation
for SQL users (``.df()``, ``.arrow()``, or further SQL), and ``sql(name, filters, ...)`` its text
and parameters.

Filters select events: ``actors`` (an actor entity has one of the codes), ``recipients`` (a
recipient has one), ``countries`` (an actor or a recipient has one), ``events`` (PLOVER types),
``quads`` (quad classes 1-4), ``since``/``until`` (event day, inclusive), ``sources`` (article
source), ``text`` (case-insensitive substring of the event's sentence or the article title),
``modalities`` (asserted, future, hypothetical, historical), ``negated`` (True: only negated events,
False: only events not negated), ``precisions`` (date precision: day, month, year, publication) and
``min_confidence`` (0..1) and ``attributed`` (the source an event is attributed to: its code, or
words of its text). In ``dyads`` the code filters apply to the pair's sides.
:meth:`Filters.check` says which value is unknown (a :class:`StoreError` that lists the valid ones);
every query checks its filters against the store first.

Time series (``timeline``, ``event_types``) count an event in a period only when its date is
precise enough for the period: a ``year`` date fits year periods only, a ``month`` date month,
quarter and year periods, ``day`` and ``publication`` dates fit every period (an event the text does
not date is counted on its article's publication date, as news event data sets do). The events
left out are counted in the result's ``attrs["left_out"]`` (:func:`left_out`).
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from ..errors import Errors
from .db import Store, StoreError

QUERIES = ("events", "dyads", "timeline", "actors", "sources")
FREQUENCIES = ("day", "week", "month", "quarter", "year")
# the date precisions that fit a period of each length (see the module's doc)
FITTING = {
    "day": ("day", "publication"),
    "week": ("day", "publication"),
    "month": ("day", "publication", "month"),
    "quarter": ("day", "publication", "month"),
    "year": ("day", "publication", "month", "year"),
}
MODALITIES = ("asserted", "future", "hypothetical", "historical")
PRECISIONS = ("day", "month", "year", "publication")
QUADS = (1, 2, 3, 4)


def _upper(values: Sequence[str]) -> list[str]:
    return [v.strip().upper() for v in values if v and v.strip()]


@dataclass
class Filters:
    actors: Sequence[str] = ()
    recipients: Sequence[str] = ()
    countries: Sequence[str] = ()
    events: Sequence[str] = ()
    quads: Sequence[int] = ()
    since: dt.date | None = None
    until: dt.date | None = None
    sources: Sequence[str] = ()
    text: str | None = None
    modalities: Sequence[str] = ()
    negated: bool | None = None
    precisions: Sequence[str] = ()
    min_confidence: float | None = None
    attributed: Sequence[str] = ()

    def check(self, store: Store | None = None) -> Filters:
        """The filters themselves, if every value is known; else a StoreError naming the first
        unknown one and the valid values. With ``store``, codes must be codes of the dictionaries or
        of the store, and sources sources of the store's articles."""
        from ..dictionaries import PLOVER_EVENTS

        closed: tuple[tuple[str, Sequence[Any], Sequence[Any]], ...] = (
            ("event type", _upper(self.events), PLOVER_EVENTS),
            ("quad class", [int(q) for q in self.quads], QUADS),
            ("modality", [m.strip().lower() for m in self.modalities], MODALITIES),
            ("date precision", [p.strip().lower() for p in self.precisions], PRECISIONS),
        )
        for what, values, known in closed:
            for value in values:
                if value not in known:
                    raise StoreError(Errors.E054, what=what, value=value, choices=", ".join(map(str, known)))
        for code in _upper([*self.actors, *self.recipients, *self.countries]):
            if not (len(code) == 3 and code.isalnum()):
                raise StoreError(Errors.E054, what="actor code", value=code, choices="three-letter codes such as USA, PSE, IGO, UNO")
        if self.min_confidence is not None and (isinstance(self.min_confidence, bool) or not isinstance(self.min_confidence, (int, float))):
            raise StoreError(Errors.E054, what="minimum confidence", value=self.min_confidence, choices="a number from 0 to 1")
        if self.min_confidence is not None and not 0 <= self.min_confidence <= 1:
            raise StoreError(Errors.E054, what="minimum confidence", value=self.min_confidence, choices="a number from 0 to 1")
        if self.since and self.until and self.since > self.until:
            raise StoreError(Errors.E054, what="date range", value=f"{self.since} to {self.until}", choices="a first day on or before the last")
        if store is not None:
            self._check_known(store)
        return self

    def _check_known(self, store: Store) -> None:
        from .codes import known_codes

        given = _upper([*self.actors, *self.recipients, *self.countries])
        if given:
            known = known_codes(store.con)
            for code in given:
                if code not in known:
                    raise StoreError(Errors.E054, what="actor code", value=code, choices=", ".join(known))
        if self.sources:
            held = [r[0] for r in store.con.execute("SELECT DISTINCT source FROM articles WHERE source IS NOT NULL ORDER BY 1").fetchall()]
            for source in self.sources:
                if source not in held:
                    raise StoreError(Errors.E054, what="source", value=source, choices=", ".join(held) or "(the store's articles have no source)")

    def event_where(self, e: str = "e", a: str = "a", s: str = "s", sides: bool = True) -> tuple[str, dict[str, Any]]:
        """SQL condition on events ``e`` joined to articles ``a`` and sentences ``s``, and its parameters."""
        conds: list[str] = []
        params: dict[str, Any] = {}
        if sides:
            if self.actors:
                conds.append(f"list_has_any({e}.actor_codes, $actors)")
                params["actors"] = _upper(self.actors)
            if self.recipients:
                conds.append(f"list_has_any({e}.recipient_codes, $recipients)")
                params["recipients"] = _upper(self.recipients)
            if self.countries:
                conds.append(f"list_has_any(list_concat({e}.actor_codes, {e}.recipient_codes), $countries)")
                params["countries"] = _upper(self.countries)
        if self.events:
            conds.append(f"list_contains($events, {e}.event)")
            params["events"] = _upper(self.events)
        if self.quads:
            conds.append(f"list_contains($quads, {e}.quad_code)")
            params["quads"] = [int(q) for q in self.quads]
        if self.since:
            conds.append(f"{e}.day >= $since")
            params["since"] = self.since
        if self.until:
            conds.append(f"{e}.day <= $until")
            params["until"] = self.until
        if self.sources:
            conds.append(f"list_contains($sources, {a}.source)")
            params["sources"] = list(self.sources)
        if self.text:
            conds.append(f"(contains(lower({s}.text), $text) OR contains(lower(coalesce({a}.title, '')), $text))")
            params["text"] = self.text.lower()
        if self.modalities:
            conds.append(f"list_contains($modalities, {e}.modality)")
            params["modalities"] = [m.strip().lower() for m in self.modalities]
        if self.negated is not None:
            conds.append(f"{e}.negated = $negated")
            params["negated"] = bool(self.negated)
        if self.precisions:
            conds.append(f"list_contains($precisions, {e}.date_precision)")
            params["precisions"] = [p.strip().lower() for p in self.precisions]
        if self.min_confidence is not None:
            conds.append(f"{e}.confidence >= $min_confidence")
            params["min_confidence"] = float(self.min_confidence)
        attributed = [v.strip() for v in self.attributed if v and v.strip()]
        if attributed:
            # the attribution's code, or words of its text (case-insensitive)
            conds.append(
                f"(list_contains($attributed_codes, {e}.attributed_code)"
                f" OR len(list_filter($attributed_words, lambda w: contains(lower(coalesce({e}.attributed_text, '')), w))) > 0)"
            )
            params["attributed_codes"] = [v.upper() for v in attributed]
            params["attributed_words"] = [v.lower() for v in attributed]
        return (" AND ".join(conds) or "TRUE"), params


def _limit(limit: int | None) -> str:
    """The LIMIT clause: none for ``None`` (all rows), else at most ``limit`` rows (0: none)."""
    if limit is None:
        return ""
    try:
        rows = operator.index(limit)
    except TypeError:
        rows = -1
    if isinstance(limit, bool) or rows < 0:
        raise StoreError(Errors.E054, what="limit", value=limit, choices="a whole number of rows, 0 or more (None for all)")
    return f" LIMIT {rows}"


def _filtered(f: Filters, sides: bool = True) -> tuple[str, dict[str, Any]]:
    where, params = f.event_where(sides=sides)
    cte = f"""fe AS (
        SELECT e.*, a.source, a.title, a.url, a.meta AS article_meta, s.text AS sentence_text
        FROM events e
        JOIN articles a ON a.doc_id = e.doc_id
        LEFT JOIN sentences s ON s.doc_id = e.doc_id AND s.sentence = e.sentence
        WHERE {where})"""
    return cte, params


def sql_events(f: Filters, limit: int | None = None) -> tuple[str, dict[str, Any]]:
    cte, params = _filtered(f)
    lim = _limit(limit)
    # entity texts are gathered for the selected events only (a semi-join), not the whole table
    return f"""WITH {cte},
        names AS (
            SELECT en.doc_id, en.seq,
                   string_agg(en.entity_text, '; ' ORDER BY en.position) FILTER (WHERE en.role = 'actor') AS actor_text,
                   string_agg(en.entity_text, '; ' ORDER BY en.position) FILTER (WHERE en.role = 'recipient') AS recipient_text
            FROM entities en SEMI JOIN fe ON en.doc_id = fe.doc_id AND en.seq = fe.seq
            GROUP BY en.doc_id, en.seq)
        SELECT fe.day AS date, coalesce(fe.date_precision, 'day') AS date_precision, fe.doc_id, fe.seq, fe.event, fe.cameo, fe.quad_code, fe.plover_score,
               array_to_string(fe.actor_codes, '+') AS actor, array_to_string(fe.recipient_codes, '+') AS recipient,
               n.actor_text, n.recipient_text,
               array_to_string(fe.event_text, ' ') AS event_text, fe.modality, fe.negated, fe.source, fe.title,
               fe.sentence_text, fe.event_id
        FROM fe LEFT JOIN names n ON n.doc_id = fe.doc_id AND n.seq = fe.seq
        ORDER BY fe.day, fe.doc_id, fe.seq{lim}""", params


def sql_dyads(f: Filters, by_event: bool = True, limit: int | None = None) -> tuple[str, dict[str, Any]]:
    cte, params = _filtered(f, sides=False)
    side: list[str] = []
    if f.actors:
        side.append("actor_code IN (SELECT unnest($actors))")
        params["actors"] = _upper(f.actors)
    if f.recipients:
        side.append("recipient_code IN (SELECT unnest($recipients))")
        params["recipients"] = _upper(f.recipients)
    if f.countries:
        side.append("(actor_code IN (SELECT unnest($countries)) OR recipient_code IN (SELECT unnest($countries)))")
        params["countries"] = _upper(f.countries)
    where = " AND ".join(side) or "TRUE"
    keys = "actor_code AS actor, recipient_code AS recipient" + (", event" if by_event else "")
    group = "actor_code, recipient_code" + (", event" if by_event else "")
    lim = _limit(limit)
    return f"""WITH {cte},
        pairs AS (
            SELECT DISTINCT fe.doc_id, fe.seq, fe.day, fe.event, fe.quad_code, fe.plover_score,
                   x.code AS actor_code, y.code AS recipient_code
            FROM fe
            JOIN entities x ON x.doc_id = fe.doc_id AND x.seq = fe.seq AND x.role = 'actor'
            JOIN entities y ON y.doc_id = fe.doc_id AND y.seq = fe.seq AND y.role = 'recipient'
            WHERE x.code IS NOT NULL AND y.code IS NOT NULL)
        SELECT {keys}, count(*) AS events, round(avg(plover_score), 3) AS mean_score,
               round(sum(plover_score), 3) AS total_score,
               count(*) FILTER (WHERE quad_code IN (1, 2)) AS cooperation,
               count(*) FILTER (WHERE quad_code IN (3, 4)) AS conflict,
               min(day) AS first, max(day) AS last
        FROM pairs WHERE {where}
        GROUP BY {group}
        ORDER BY events DESC, {group}{lim}""", params


def _fits(freq: str) -> str:
    """SQL condition: the event's date is precise enough for periods of ``freq`` (see FITTING)."""
    if freq not in FREQUENCIES:
        raise StoreError(Errors.E054, what="time unit", value=freq, choices=", ".join(FREQUENCIES))
    allowed = ", ".join(f"'{p}'" for p in FITTING[freq])
    return f"coalesce(date_precision, 'day') IN ({allowed})"


# the years pandas and the input rules allow (an event the text dates to 1066 has no day)
IN_RANGE = "day BETWEEN DATE '1800-01-01' AND DATE '2100-12-31'"


def sql_timeline(f: Filters, freq: str = "month") -> tuple[str, dict[str, Any]]:
    fits = _fits(freq)
    cte, params = _filtered(f)
    return f"""WITH {cte}
        SELECT CAST(date_trunc('{freq}', day) AS DATE) AS period, count(*) AS events,
               count(*) FILTER (WHERE quad_code = 1) AS quad1,
               count(*) FILTER (WHERE quad_code = 2) AS quad2,
               count(*) FILTER (WHERE quad_code = 3) AS quad3,
               count(*) FILTER (WHERE quad_code = 4) AS quad4,
               round(sum(plover_score), 3) AS total_score, round(avg(plover_score), 3) AS mean_score
        FROM fe WHERE {IN_RANGE} AND {fits}
        GROUP BY period ORDER BY period""", params


def sql_left_out(f: Filters, freq: str = "month") -> tuple[str, dict[str, Any]]:
    """Events matching ``f`` that a time series by ``freq`` leaves out, per reason: their date
    precision (``month``, ``year``) or ``undated`` (no day in the years 1800-2100)."""
    fits = _fits(freq)
    cte, params = _filtered(f)
    return f"""WITH {cte}
        SELECT CASE WHEN day IS NULL OR NOT ({IN_RANGE}) THEN 'undated' ELSE date_precision END AS reason, count(*) AS events
        FROM fe WHERE day IS NULL OR NOT ({IN_RANGE}) OR NOT ({fits})
        GROUP BY reason ORDER BY reason""", params


def sql_actors(f: Filters, limit: int | None = None) -> tuple[str, dict[str, Any]]:
    cte, params = _filtered(f)
    lim = _limit(limit)
    return f"""WITH {cte},
        roles AS (
            SELECT DISTINCT fe.doc_id, fe.seq, fe.quad_code, fe.plover_score, en.role, en.code
            FROM fe JOIN entities en ON en.doc_id = fe.doc_id AND en.seq = fe.seq
            WHERE en.role IN ('actor', 'recipient') AND en.code IS NOT NULL),
        sectors AS (
            SELECT en.code, string_agg(DISTINCT en.sector, ',' ORDER BY en.sector) AS sectors
            FROM fe JOIN entities en ON en.doc_id = fe.doc_id AND en.seq = fe.seq
            WHERE en.role IN ('actor', 'recipient') AND en.code IS NOT NULL AND en.sector IS NOT NULL
            GROUP BY en.code)
        SELECT r.code, count(DISTINCT (r.doc_id, r.seq)) AS events,
               count(*) FILTER (WHERE r.role = 'actor') AS as_actor,
               count(*) FILTER (WHERE r.role = 'recipient') AS as_recipient,
               round(avg(r.plover_score) FILTER (WHERE r.role = 'actor'), 3) AS mean_score_as_actor,
               round(avg(r.plover_score) FILTER (WHERE r.role = 'recipient'), 3) AS mean_score_as_recipient,
               count(DISTINCT (r.doc_id, r.seq)) FILTER (WHERE r.quad_code IN (1, 2)) AS cooperation,
               count(DISTINCT (r.doc_id, r.seq)) FILTER (WHERE r.quad_code IN (3, 4)) AS conflict,
               any_value(s.sectors) AS sectors
        FROM roles r LEFT JOIN sectors s ON s.code = r.code
        GROUP BY r.code ORDER BY events DESC, r.code{lim}""", params


def sql_sources(f: Filters) -> tuple[str, dict[str, Any]]:
    cte, params = _filtered(f)
    conds = []
    if f.sources:
        conds.append("list_contains($sources, a.source)")
    if f.since:
        conds.append("a.date >= $since")
    if f.until:
        conds.append("a.date <= $until")
    where = " AND ".join(conds) or "TRUE"
    return f"""WITH {cte},
        per_doc AS (SELECT doc_id, count(*) AS n, sum(plover_score) AS score FROM fe GROUP BY doc_id)
        SELECT coalesce(a.source, '(none)') AS source, count(*) AS articles,
               coalesce(sum(p.n), 0)::BIGINT AS events,
               count(p.doc_id) AS articles_with_events,
               round(coalesce(sum(p.n), 0) / count(*), 3) AS events_per_article,
               round(sum(p.score) / nullif(sum(p.n), 0), 3) AS mean_score,
               min(a.date) AS first, max(a.date) AS last
        FROM articles a LEFT JOIN per_doc p ON p.doc_id = a.doc_id
        WHERE {where}
        GROUP BY 1 ORDER BY articles DESC, source""", params


def sql(name: str, filters: Filters | None = None, **options: Any) -> tuple[str, dict[str, Any]]:
    """The SQL text and parameters of query ``name`` (one of QUERIES)."""
    f = filters or Filters()
    builders = {"events": sql_events, "dyads": sql_dyads, "timeline": sql_timeline, "actors": sql_actors, "sources": sql_sources}
    if name not in builders:
        raise StoreError(Errors.E054, what="query", value=name, choices=", ".join(QUERIES))
    return builders[name](f, **options)  # type: ignore[operator]


def _store(db: Store | str | Path) -> tuple[Store, bool]:
    if isinstance(db, Store):
        return db, False
    return Store.open(db, read_only=True), True


def relation(store: Store, name: str, filters: Filters | None = None, **options: Any) -> duckdb.DuckDBPyRelation:
    """Query ``name`` as a DuckDB relation on ``store``'s connection."""
    text, params = sql(name, filters, **options)
    return store.con.sql(text, params=params)


def run(db: Store | str | Path, name: str, filters: Filters | None = None, **options: Any) -> pd.DataFrame:
    store, owned = _store(db)
    try:
        (filters or Filters()).check(store)
        text, params = sql(name, filters, **options)
        return store.con.execute(text, params).df()
    finally:
        if owned:
            store.close()


def events(db: Store | str | Path, filters: Filters | None = None, *, limit: int | None = None) -> pd.DataFrame:
    """One row per event (date, doc, type, CAMEO, quad class, score, actor/recipient codes and text, sentence)."""
    return run(db, "events", filters, limit=limit)


def dyads(db: Store | str | Path, filters: Filters | None = None, *, by_event: bool = True, limit: int | None = None) -> pd.DataFrame:
    """Counts and mean PLOVER score per directed (actor code, recipient code[, event type]) pair.

    Each event counts once for each distinct pair of an actor code and a recipient code it has;
    events without a coded recipient have no pair.
    """
    return run(db, "dyads", filters, by_event=by_event, limit=limit)


def timeline(db: Store | str | Path, filters: Filters | None = None, *, freq: str = "month", fill: bool = True) -> pd.DataFrame:
    """Events per day/week/month/quarter/year: counts by quad class, summed and mean PLOVER score.

    An event counts only in periods its date is precise enough for: a date known to the year
    only is in no month, and one known to the month in no day or week (``FITTING``); events the
    text does not date count on their article's publication date. ``attrs["left_out"]`` holds the
    number of matching events left out, per reason (``month``, ``year``, ``undated``).
    ``fill`` adds the periods without events (zero counts) between the first and the last.
    ``period`` (the first day of each period) is a pandas datetime column.
    """
    f = filters or Filters()
    store, owned = _store(db)
    try:
        df = run(store, "timeline", f, freq=freq)
        missing = _left_out(store, f, freq)
    finally:
        if owned:
            store.close()
    if fill and len(df) > 1:
        df = _fill(df, freq)
    df.attrs["left_out"] = missing
    return df


def _left_out(store: Store, f: Filters, freq: str) -> dict[str, int]:
    text, params = sql_left_out(f, freq)
    return {str(reason): int(n) for reason, n in store.con.execute(text, params).fetchall()}


def left_out(db: Store | str | Path, filters: Filters | None = None, *, freq: str = "month") -> dict[str, int]:
    """How many events matching ``filters`` a time series by ``freq`` leaves out, per reason:
    ``month`` or ``year`` (a date not precise enough for the period), ``undated`` (no day)."""
    f = filters or Filters()
    store, owned = _store(db)
    try:
        f.check(store)
        return _left_out(store, f, freq)
    finally:
        if owned:
            store.close()


def left_out_note(missing: dict[str, int], freq: str) -> str | None:
    """One sentence saying which events a time series by ``freq`` left out, or None."""
    parts = []
    for reason, what in (("month", "to a month only"), ("year", "to a year only"), ("undated", "outside 1800-2100 or not at all")):
        n = missing.get(reason, 0)
        if n:
            parts.append(f"{n} dated {what}")
    if not parts:
        return None
    coarser = "; --by year counts the events dated to a year" if missing.get("year") else ""
    if missing.get("month") and freq in ("day", "week"):
        coarser = "; --by month counts those dated to a month" + (", --by year also those dated to a year" if missing.get("year") else "")
    return f"{sum(missing.values())} events are not in this {freq} timeline: {', '.join(parts)}{coarser}."


def actors(db: Store | str | Path, filters: Filters | None = None, *, limit: int | None = None) -> pd.DataFrame:
    """Per entity code, over the selected events: events, as actor, as recipient, mean scores, sectors."""
    return run(db, "actors", filters, limit=limit)


def sources(db: Store | str | Path, filters: Filters | None = None) -> pd.DataFrame:
    """Per article source: articles, events (matching the filters), events per article, date range."""
    return run(db, "sources", filters)


def _fill(df: pd.DataFrame, freq: str) -> pd.DataFrame:
    periods = pd.to_datetime(df["period"])
    step = {"day": "D", "week": "W-MON", "month": "MS", "quarter": "QS", "year": "YS"}[freq]
    full = pd.date_range(periods.min(), periods.max(), freq=step)
    out = df.assign(period=periods).set_index("period").reindex(full)
    for col in ("events", "quad1", "quad2", "quad3", "quad4"):
        out[col] = out[col].fillna(0).astype("int64")
    out["total_score"] = out["total_score"].fillna(0.0)
    out.index.name = "period"
    return out.reset_index()


# the order each query's rows come in (column, descending); a page sorted by another column keeps it for ties
NATURAL_ORDER: dict[str, tuple[tuple[str, bool], ...]] = {
    "events": (("date", False), ("doc_id", False), ("seq", False)),
    "dyads": (("events", True), ("actor", False), ("recipient", False), ("event", False)),
    "timeline": (("period", False),),
    "actors": (("events", True), ("code", False)),
    "sources": (("articles", True), ("source", False)),
}


def columns(db: Store, name: str, **options: Any) -> list[str]:
    """The columns query ``name`` returns (without running it)."""
    text, params = sql(name, Filters(), **options)
    return list(db.con.sql(text, params=params).columns)


def page(
    db: Store | str | Path,
    name: str,
    filters: Filters | None = None,
    *,
    offset: int = 0,
    limit: int = 50,
    sort: str | None = None,
    descending: bool = False,
    **options: Any,
) -> tuple[pd.DataFrame, int]:
    """Rows ``offset`` to ``offset + limit`` of query ``name`` and the number of rows it has in all.

    ``sort`` is one of the query's columns (ties keep the query's own order); ``options`` are the
    query's (``by_event`` for dyads, ``freq`` for timeline). For the whole result use the query's
    own function (``events``, ``dyads`` ...).
    """
    if isinstance(offset, bool) or not isinstance(offset, int) or offset < 0:
        raise StoreError(Errors.E054, what="offset", value=offset, choices="a whole number, 0 or more")
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise StoreError(Errors.E054, what="page size", value=limit, choices="a whole number, 1 or more")
    store, owned = _store(db)
    try:
        (filters or Filters()).check(store)
        text, params = sql(name, filters, **options)
        cols = list(store.con.sql(text, params=params).columns)
        if sort is not None and sort not in cols:
            raise StoreError(Errors.E054, what="sort column", value=sort, choices=", ".join(cols))
        order = [(sort, descending)] if sort else []
        order += [(c, d) for c, d in NATURAL_ORDER[name] if c in cols and c != sort]
        by = ", ".join(f'"{c}" {"DESC" if d else "ASC"} NULLS LAST' for c, d in order)
        total = int(store.con.execute(f"SELECT count(*) FROM ({text})", params).fetchall()[0][0])  # noqa: S608 - built SQL
        rows = store.con.execute(f"SELECT * FROM ({text}) ORDER BY {by} LIMIT {limit} OFFSET {offset}", params).df()  # noqa: S608
        return rows, total
    finally:
        if owned:
            store.close()


def _execute(db: Store | str | Path, built: tuple[str, dict[str, Any]], filters: Filters | None = None) -> pd.DataFrame:
    store, owned = _store(db)
    try:
        (filters or Filters()).check(store)
        return store.con.execute(built[0], built[1]).df()
    finally:
        if owned:
            store.close()


def sql_event_types(f: Filters, freq: str = "month") -> tuple[str, dict[str, Any]]:
    fits = _fits(freq)
    cte, params = _filtered(f)
    return f"""WITH {cte}
        SELECT CAST(date_trunc('{freq}', day) AS DATE) AS period, event, count(*) AS events,
               round(avg(plover_score), 3) AS mean_score
        FROM fe WHERE {IN_RANGE} AND {fits}
        GROUP BY period, event ORDER BY period, event""", params


def event_types(db: Store | str | Path, filters: Filters | None = None, *, freq: str = "month") -> pd.DataFrame:
    """Events per day/week/month/quarter/year and PLOVER event type (period, event, events, mean_score).

    Only events whose date is precise enough for the period count (see :func:`timeline`);
    ``attrs["left_out"]`` counts the others.
    """
    f = filters or Filters()
    store, owned = _store(db)
    try:
        df = _execute(store, sql_event_types(f, freq), f)
        df.attrs["left_out"] = _left_out(store, f, freq)
        return df
    finally:
        if owned:
            store.close()


def sql_places(f: Filters) -> tuple[str, dict[str, Any]]:
    cte, params = _filtered(f)
    return f"""WITH {cte}
        SELECT location_name AS name, location_country AS country, round(avg(lat), 4) AS lat, round(avg(lon), 4) AS lon,
               count(*) AS events, round(avg(plover_score), 3) AS mean_score,
               count(*) FILTER (WHERE quad_code IN (3, 4)) AS conflict, min(day) AS first, max(day) AS last
        FROM fe WHERE lat IS NOT NULL AND lon IS NOT NULL
        GROUP BY location_name, location_country ORDER BY events DESC, name""", params


def places(db: Store | str | Path, filters: Filters | None = None) -> pd.DataFrame:
    """Located events per place: name, country, lat, lon, events, mean score, conflict events, first and last day."""
    f = filters or Filters()
    return _execute(db, sql_places(f), f)
