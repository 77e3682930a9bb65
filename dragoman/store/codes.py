"""The actor codes a filter may name: those of the bundled dictionaries and those a store holds."""

from __future__ import annotations

import duckdb

from ..dictionaries import country_codes, dictionary_codes

__all__ = ["country_codes", "dictionary_codes", "known_codes", "store_codes"]


def store_codes(con: duckdb.DuckDBPyConnection) -> set[str]:
    """The codes of the store's entities (a user dictionary may add codes of its own)."""
    return {r[0] for r in con.execute("SELECT DISTINCT code FROM entities WHERE code IS NOT NULL").fetchall()}


def known_codes(con: duckdb.DuckDBPyConnection | None = None) -> list[str]:
    """The codes a filter may name, sorted."""
    codes = set(dictionary_codes())
    if con is not None:
        codes |= store_codes(con)
    return sorted(codes)
