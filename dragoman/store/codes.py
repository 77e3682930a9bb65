"""The actor codes a filter may name: those of the bundled dictionaries and those a store holds."""

from __future__ import annotations

from functools import lru_cache

import duckdb

from ..dictionaries import NONSTATE_CODES, bundled_sources, load_kind


@lru_cache(maxsize=1)
def dictionary_codes() -> frozenset[str]:
    """Every code of the bundled country and organisation dictionaries, and the non-state codes."""
    codes = set(NONSTATE_CODES)
    for kind in ("country", "organization"):
        codes.update(str(r["code"]) for r in load_kind(kind, bundled_sources(kind)) if r.get("code"))
    return frozenset(codes)


@lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    """The ISO 3166 alpha-3 codes of the country dictionary (KOS for Kosovo)."""
    return frozenset(str(r["code"]) for r in load_kind("country", bundled_sources("country")) if r.get("code"))


def store_codes(con: duckdb.DuckDBPyConnection) -> set[str]:
    """The codes of the store's entities (a user dictionary may add codes of its own)."""
    return {r[0] for r in con.execute("SELECT DISTINCT code FROM entities WHERE code IS NOT NULL").fetchall()}


def known_codes(con: duckdb.DuckDBPyConnection | None = None) -> list[str]:
    """The codes a filter may name, sorted."""
    codes = set(dictionary_codes())
    if con is not None:
        codes |= store_codes(con)
    return sorted(codes)
