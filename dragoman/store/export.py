"""Exports of the stored events: Parquet (partitioned by month), PLOVER JSONL, GDELT-style TSV, CSV.

JSONL holds the records exactly as coded (the bytes ``dragoman code`` writes); TSV and CSV are the
flat tables of :mod:`dragoman.write`. Events come ordered by day, doc id and position in the doc.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from ..errors import Errors
from ..output import atomic_text, check_outputs, replace_directory
from ..write import EventWriter
from .db import Store, StoreError
from .query import Filters, _filtered

EXPORT_FORMATS = ("parquet", "jsonl", "tsv", "csv")


def _records(store: Store, filters: Filters) -> Iterator[dict[str, Any]]:
    cte, params = _filtered(filters)
    cur = store.con.execute(f"WITH {cte} SELECT record FROM fe ORDER BY day, doc_id, seq", params)
    while True:
        chunk = cur.fetchmany(2048)
        if not chunk:
            return
        for (rec,) in chunk:
            yield json.loads(rec)


def export_parquet(store: Store, directory: str | Path, filters: Filters | None = None) -> int:
    """Write ``directory/month=YYYY-MM/part-0.parquet`` files (Hive partitioning); the number of
    events. The folder is written anew beside ``directory`` and put in its place: ``directory``
    must be new, empty or an earlier export (a folder holding other files is refused, E058)."""
    import pyarrow.dataset as ds

    cte, params = _filtered(filters or Filters())
    rel = store.con.sql(
        f"""WITH {cte}
            SELECT * EXCLUDE (sentence_text),
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


def export_stream(store: Store, out: IO[str], fmt: str, filters: Filters | None = None, escape: bool = True) -> int:
    """Write the events to ``out`` as jsonl, tsv or csv; the number of events."""
    if fmt not in ("jsonl", "tsv", "csv"):
        raise StoreError(Errors.E054, what="export format", value=fmt, choices=", ".join(EXPORT_FORMATS))
    writer = EventWriter(out, fmt, escape)
    n = writer.write(_records(store, filters or Filters()))
    out.flush()
    return n


def export(db: Store | str | Path, path: str | Path, fmt: str, filters: Filters | None = None, *, escape: bool = True) -> int:
    """Export the events matching ``filters`` to ``path`` (a directory for parquet; ``-`` is stdout).

    ``path`` may not be the store; a file is written through a temporary file beside it. ``escape``
    puts a ' before CSV and TSV cells that would start a spreadsheet formula.
    """
    if fmt not in EXPORT_FORMATS:
        raise StoreError(Errors.E054, what="export format", value=fmt, choices=", ".join(EXPORT_FORMATS))
    check_outputs([path], store=db.path if isinstance(db, Store) else db)
    store = db if isinstance(db, Store) else Store.open(db, read_only=True)
    try:
        if fmt == "parquet":
            return export_parquet(store, path, filters)
        if str(path) == "-":
            return export_stream(store, sys.stdout, fmt, filters, escape)
        with atomic_text(path) as fh:
            return export_stream(store, fh, fmt, filters, escape)
    finally:
        if not isinstance(db, Store):
            store.close()
