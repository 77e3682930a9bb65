"""Exports of the stored events: Parquet (partitioned by month), PLOVER JSONL, the GDELT 2.0 event
table (TSV), a flat CSV and POLECAT-style JSON Lines.

JSONL holds the records as coded (the bytes ``dragoman code`` writes; a record of an older store
dated ``YYYY-MM`` or ``YYYY`` gets the period's first day, its precision is in
``date_precision``); TSV and CSV are the tables of :mod:`dragoman.write`, POLECAT the objects of
:mod:`dragoman.polecat`. Events come ordered by day, doc id and position in the doc. Every
export carries the date precision (TSV with ``extras``; the plain GDELT columns have no room for
it: a month or a year is its first day there, see docs/codebook.md).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from .. import gdelt, polecat
from ..errors import Errors
from ..output import atomic_text, check_outputs, replace_directory
from ..write import EventWriter
from .db import Store, StoreError
from .query import Filters, _filtered

EXPORT_FORMATS = ("parquet", "jsonl", "tsv", "csv", "polecat")
STREAM_FORMATS = ("jsonl", "tsv", "csv", "polecat")


def _rows(store: Store, filters: Filters) -> Iterator[tuple[dict[str, Any], dict[str, Any], dict[str, Any]]]:
    """(record, article, cluster) of every event matching ``filters``, in export order."""
    filters.check(store)
    cte, params = _filtered(filters)
    cur = store.con.execute(
        f"""WITH {cte},
            cl AS (
                SELECT c.cluster_id, count(*) AS mentions, count(DISTINCT c.doc_id) AS articles,
                       count(DISTINCT coalesce(a.source, c.doc_id)) AS sources
                FROM clusters c JOIN articles a ON a.doc_id = c.doc_id
                WHERE c.cluster_id IN (SELECT cluster_id FROM fe)
                GROUP BY c.cluster_id)
            SELECT fe.record, fe.doc_id, a.date, a.source, a.url, a.title, a.meta,
                   fe.start_char < length(regexp_extract(a.text, '^\\s*[^\\n]*')) AS root,
                   fe.cluster_id, cl.mentions, cl.articles, cl.sources
            FROM fe JOIN articles a ON a.doc_id = fe.doc_id LEFT JOIN cl ON cl.cluster_id = fe.cluster_id
            ORDER BY fe.day, fe.doc_id, fe.seq""",
        params,
    )
    while True:
        chunk = cur.fetchmany(2048)
        if not chunk:
            return
        for record, doc_id, date, source, url, title, meta, root, cluster_id, mentions, articles, sources in chunk:
            rec = json.loads(record)
            if isinstance(rec.get("date"), str) and len(rec["date"]) < 10 and (day := gdelt.day_of(rec["date"])):
                rec["date"] = day.isoformat()  # a store written before dates were always YYYY-MM-DD
            article = {"doc_id": doc_id, "date": date, "source": source, "url": url, "title": title, "meta": json.loads(meta) if meta else None, "root": bool(root)}
            cluster = {"cluster_id": cluster_id, "mentions": mentions or 1, "articles": articles or 1, "sources": sources or 1}
            yield rec, article, cluster


def export_parquet(store: Store, directory: str | Path, filters: Filters | None = None) -> int:
    """Write ``directory/month=YYYY-MM/part-0.parquet`` files (Hive partitioning); the number of
    events. The folder is written anew beside ``directory`` and put in its place: ``directory``
    must be new, empty or an earlier export (a folder holding other files is refused, E058)."""
    import pyarrow.dataset as ds

    f = filters or Filters()
    f.check(store)
    cte, params = _filtered(f)
    rel = store.con.sql(
        f"""WITH {cte}
            SELECT * EXCLUDE (sentence_text) REPLACE (coalesce(CAST(day AS VARCHAR), date) AS date),
                   coalesce(strftime(day, '%Y-%m'), 'undated') AS month
            FROM fe ORDER BY day, doc_id, seq""",
        params=params,
    )
    fetch = getattr(rel, "to_arrow_table", None) or rel.arrow  # to_arrow_table since DuckDB 1.4
    table = fetch()

    def write(folder: Path) -> None:
        ds.write_dataset(
            table, folder, format="parquet", partitioning=["month"], partitioning_flavor="hive",
            existing_data_behavior="error", basename_template="part-{i}.parquet",
        )

    replace_directory(directory, write)
    return table.num_rows


def _context(article: dict[str, Any], cluster: dict[str, Any]) -> gdelt.Context:
    published = article.get("date")
    return gdelt.Context(
        url=article.get("url"), published=published if isinstance(published, dt.date) else None, root=article["root"],
        mentions=cluster["mentions"], sources=cluster["sources"], articles=cluster["articles"],
    )


def export_stream(
    store: Store, out: IO[str], fmt: str, filters: Filters | None = None, escape: bool = True, *, extras: bool = False
) -> int:
    """Write the events to ``out`` as jsonl, tsv, csv or polecat; the number of events."""
    if fmt not in STREAM_FORMATS:
        raise StoreError(Errors.E054, what="export format", value=fmt, choices=", ".join(EXPORT_FORMATS))
    rows = _rows(store, filters or Filters())
    n = 0
    if fmt == "polecat":
        for rec, article, cluster in rows:
            out.write(json.dumps(polecat.record(rec, article, cluster), ensure_ascii=False, default=str) + "\n")
            n += 1
    else:
        writer = EventWriter(out, fmt, escape, extras=extras)
        for rec, article, cluster in rows:
            ctx = _context(article, cluster)

            def context(_rec: dict[str, Any], ctx: gdelt.Context = ctx) -> gdelt.Context:
                return ctx

            n += writer.write([rec], context)
    out.flush()
    return n


def export(
    db: Store | str | Path, path: str | Path, fmt: str, filters: Filters | None = None, *, escape: bool = True, extras: bool = False
) -> int:
    """Export the events matching ``filters`` to ``path`` (a directory for parquet; ``-`` is stdout).

    ``path`` may not be the store; a file is written through a temporary file beside it. ``escape``
    puts a ' before CSV and TSV cells that would start a spreadsheet formula; ``extras`` adds
    dragoman's columns (date precision, PLOVER type, modality ...) after the GDELT columns of TSV.
    """
    if fmt not in EXPORT_FORMATS:
        raise StoreError(Errors.E054, what="export format", value=fmt, choices=", ".join(EXPORT_FORMATS))
    check_outputs([path], store=db.path if isinstance(db, Store) else db)
    store = db if isinstance(db, Store) else Store.open(db, read_only=True)
    try:
        if fmt == "parquet":
            return export_parquet(store, path, filters)
        if str(path) == "-":
            return export_stream(store, sys.stdout, fmt, filters, escape, extras=extras)
        with atomic_text(path) as fh:
            return export_stream(store, fh, fmt, filters, escape, extras=extras)
    finally:
        if not isinstance(db, Store):
            store.close()
