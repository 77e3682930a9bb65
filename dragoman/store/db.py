"""Opening a store: a DuckDB file with dragoman's schema, migrated to this code's version."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from ..errors import DragomanError, Errors
from .schema import MIGRATIONS, SCHEMA_VERSION

DEFAULT_DB = "dragoman.duckdb"


class StoreError(DragomanError):
    """The store cannot be opened, migrated, queried or written as asked."""


def _connect(path: str, read_only: bool) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(path, read_only=read_only)
    except duckdb.IOException as exc:
        text = str(exc)
        if "lock" in text.lower():
            raise StoreError(Errors.E052, path=path, detail=text.splitlines()[0]) from None
        raise StoreError(Errors.E053, path=path, detail=text.splitlines()[0]) from None
    except duckdb.Error as exc:
        raise StoreError(Errors.E053, path=path, detail=str(exc).splitlines()[0]) from None


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """The store's schema version; 0 for an empty database."""
    tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    if "schema_version" not in tables:
        return 0
    rows = con.execute("SELECT max(version) FROM schema_version").fetchall()
    return int(rows[0][0] or 0) if rows else 0


def migrate(con: duckdb.DuckDBPyConnection, path: str = ":memory:") -> list[int]:
    """Apply the missing migrations, each in one transaction; the versions applied."""
    current = schema_version(con)
    if current > SCHEMA_VERSION:
        raise StoreError(Errors.E051, path=path, found=current, supported=SCHEMA_VERSION)
    if current == 0:
        tables = con.execute("SELECT count(*) FROM duckdb_tables()").fetchall()
        if tables[0][0]:
            raise StoreError(Errors.E053, path=path, detail="it holds tables but no dragoman schema_version")
        con.execute("CREATE TABLE schema_version (version INTEGER NOT NULL, description VARCHAR, applied_at TIMESTAMP)")
    applied = []
    for mig in MIGRATIONS:
        if mig.version <= current:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            for stmt in mig.statements:
                con.execute(stmt)
            con.execute(
                "INSERT INTO schema_version VALUES (?, ?, ?)",
                [mig.version, mig.description, dt.datetime.now(dt.UTC).replace(tzinfo=None)],
            )
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        applied.append(mig.version)
    return applied


class Store:
    """A connection to an event store. ``Store.open(path)``; use as a context manager.

    ``store.con`` is the DuckDB connection for your own SQL: the tables are ``articles``,
    ``sentences``, ``events``, ``entities``, ``clusters``, ``runs``, ``run_errors`` and the views
    ``event_view`` and ``dyad_events`` (see docs/store.md).
    """

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str, read_only: bool) -> None:
        self.con = con
        self.path = path
        self.read_only = read_only

    @classmethod
    def open(cls, path: str | Path = DEFAULT_DB, *, read_only: bool = False) -> Store:
        """Open (read-write: create and migrate) the store at ``path``; ``:memory:`` for a scratch one.

        A read-only open needs an existing store; one with an older schema is migrated first.
        """
        p = str(path)
        if read_only and p != ":memory:":
            if not Path(p).is_file():
                raise StoreError(Errors.E050, path=p)
            con = _connect(p, read_only=True)
            try:
                version = schema_version(con)
            except duckdb.Error as exc:
                con.close()
                raise StoreError(Errors.E053, path=p, detail=str(exc).splitlines()[0]) from None
            if version == SCHEMA_VERSION:
                return cls(con, p, True)
            con.close()
            if version == 0:
                raise StoreError(Errors.E053, path=p, detail="it has no dragoman schema")
            with cls.open(p):  # migrate, then reopen read-only
                pass
            return cls(_connect(p, read_only=True), p, True)
        if p != ":memory:":
            Path(p).parent.mkdir(parents=True, exist_ok=True)
        con = _connect(p, read_only=False)
        try:
            migrate(con, p)
        except BaseException:
            con.close()
            raise
        return cls(con, p, False)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def sql(self, query: str, params: dict[str, Any] | list[Any] | None = None) -> duckdb.DuckDBPyRelation:
        """A DuckDB relation for your own SQL (``.df()``, ``.arrow()``, ``.fetchall()`` ...)."""
        return self.con.sql(query, params=params)

    def counts(self) -> dict[str, int]:
        """Rows per data table."""
        out = {}
        for table in ("articles", "sentences", "events", "entities", "clusters", "runs", "run_errors"):
            rows = self.con.execute(f"SELECT count(*) FROM {table}").fetchall()  # noqa: S608 - fixed names
            out[table] = int(rows[0][0])
        return out
