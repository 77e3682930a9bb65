"""The event store: ingest coded articles into DuckDB, query, export and plot them.

    from dragoman.store import Store, Filters, ingest, query

    ingest(["news.jsonl", "https://example.org/feed.xml"], "dragoman.duckdb")
    with Store.open("dragoman.duckdb", read_only=True) as store:
        query.dyads(store, Filters(countries=["PAK"]))           # a pandas DataFrame
        query.relation(store, "timeline", Filters(), freq="week")  # a DuckDB relation
        store.sql("SELECT event, count(*) FROM events GROUP BY 1").df()
"""

from . import query
from .db import DEFAULT_DB, Store, StoreError, migrate
from .export import EXPORT_FORMATS, export
from .ingest import IngestOptions, IngestSummary, Outcome, ingest
from .query import Filters
from .schema import DATA_TABLES, SCHEMA_VERSION

__all__ = [
    "DATA_TABLES", "DEFAULT_DB", "EXPORT_FORMATS", "SCHEMA_VERSION", "Filters", "IngestOptions", "IngestSummary",
    "Outcome", "Store", "StoreError", "export", "ingest", "migrate", "query",
]
