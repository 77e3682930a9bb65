"""The store a server reads (one read-only DuckDB connection, a cursor per request) and its assets."""

from __future__ import annotations

import functools
import hashlib
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
from fastapi import Request

from ..errors import Errors
from ..store.db import Store, StoreError, _connect, schema_version
from ..store.schema import SCHEMA_VERSION

STATIC = Path(__file__).parent / "static"
TEMPLATES = Path(__file__).parent / "templates"
OLDEST_SCHEMA = 2  # the queries read the tables and views of schema version 2


def open_store(path: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the store at ``path`` that can read no other file.

    Unlike ``Store.open(read_only=True)`` this never migrates: a store of an older schema that
    still has every table the queries read is served as it is.
    """
    p = str(path)
    if not path.is_file():
        raise StoreError(Errors.E050, path=p)
    con = _connect(p, read_only=True)
    try:
        version = schema_version(con)
        if version > SCHEMA_VERSION:
            raise StoreError(Errors.E051, path=p, found=version, supported=SCHEMA_VERSION)
        if version < OLDEST_SCHEMA:
            raise StoreError(Errors.E053, path=p, detail=f"schema version {version}; run 'dragoman ingest --db {p}' once to upgrade it")
        _seal(con)
    except BaseException:
        con.close()
        raise
    return con


def _seal(con: duckdb.DuckDBPyConnection) -> None:
    """No SQL on this database may read or write files other than the store, nor change that.

    (A second connection to a store this process already serves shares its sealed instance.)"""
    try:
        con.execute("SET enable_external_access = false")
        con.execute("SET lock_configuration = true")
    except duckdb.InvalidInputException:
        rows = con.execute("SELECT current_setting('enable_external_access')").fetchall()
        if rows[0][0] is not False:
            raise


def store(request: Request) -> Iterator[Store]:
    """A FastAPI dependency: the store on a cursor of its own (DuckDB cursors are per thread)."""
    cursor = request.app.state.con.cursor()
    try:
        yield Store(cursor, str(request.app.state.settings.db.name), True)
    finally:
        cursor.close()


class Bundle:
    """The Vega, Vega-Lite and Vega-Embed JavaScript that vl-convert ships, built once per process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._js: bytes | None = None

    def get(self) -> bytes:
        with self._lock:
            if self._js is None:
                self._js = _vega_bundle()
            return self._js

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha1(self.get()).hexdigest()[:16] + '"'


@functools.cache
def _vega_bundle() -> bytes:
    import vl_convert as vlc

    bundle: Any = vlc.javascript_bundle  # (its type stub wants a snippet; None gives the default one)
    return str(bundle(None)).encode("utf-8")


def meta_values(st: Store) -> dict[str, Any]:
    """Store-wide values for the filter forms: sources, day range, dictionary versions."""
    con = st.con
    sources = [r[0] for r in con.execute("SELECT DISTINCT source FROM articles WHERE source IS NOT NULL ORDER BY 1").fetchall()]
    first, last = con.execute("SELECT min(day), max(day) FROM events").fetchall()[0]
    versions = [r[0] for r in con.execute("SELECT DISTINCT dictionary_version FROM articles WHERE dictionary_version IS NOT NULL ORDER BY 1").fetchall()]
    return {
        "sources": sources,
        "first_day": first.isoformat() if first else None,
        "last_day": last.isoformat() if last else None,
        "dictionary_versions": versions,
    }
