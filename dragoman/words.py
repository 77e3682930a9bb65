"""The word lists of the coder's linguistic rules, read from ``data/rules/words.yaml``.

A rule asks for a list by its id (``words("reporting_verbs")``); an unknown id is a programming
error and fails at import. The lists are part of the dictionary version.
"""

from __future__ import annotations

from functools import cache

from .dictionaries import bundled_sources, load_kind


@cache
def _lists() -> dict[str, frozenset[str]]:
    return {rec["id"]: frozenset(w.lower() for w in rec["words"]) for rec in load_kind("words", bundled_sources("words"))}


def words(name: str) -> frozenset[str]:
    """The words of list ``name`` (lower case)."""
    try:
        return _lists()[name]
    except KeyError:
        raise KeyError(f"no word list '{name}' in dragoman/data/rules/words.yaml") from None
