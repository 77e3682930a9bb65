"""The lexicon: every dictionary, loaded and validated once, with its version."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import __version__
from .dictionaries import BUNDLED, Source, bundled_sources, load_kind, split_user_records, version_of


@dataclass
class Lexicon:
    countries: list[dict[str, Any]]
    organizations: list[dict[str, Any]]
    agents: list[dict[str, Any]]
    persons: list[dict[str, Any]]
    cameo: dict[str, dict[str, Any]]
    triggers: list[dict[str, Any]]
    intents: list[dict[str, Any]]
    regions: list[dict[str, Any]]
    version: str
    user_paths: tuple[str, ...] = field(default=())


def _sources(paths: tuple[str, ...]) -> dict[str, list[Source]]:
    user = split_user_records(paths)
    return {kind: bundled_sources(kind) + user[kind] for kind in BUNDLED}


def _version(sources: dict[str, list[Source]]) -> str:
    return version_of((s for kind in BUNDLED for s in sources[kind]), __version__)


def lexicon_version(user_paths: Iterable[Path | str] = ()) -> str:
    """The version :func:`load_lexicon` gives these files, without loading their records."""
    return _version(_sources(tuple(str(p) for p in user_paths)))


def load_lexicon(user_paths: Iterable[Path | str] = ()) -> Lexicon:
    """Load the bundled dictionaries plus the user's files (which may replace records by id)."""
    paths = tuple(str(p) for p in user_paths)
    sources = _sources(paths)
    loaded = {kind: load_kind(kind, srcs) for kind, srcs in sources.items()}
    version = _version(sources)
    return Lexicon(
        countries=loaded["country"],
        organizations=loaded["organization"],
        agents=loaded["agent"],
        persons=loaded["person"],
        cameo={r["code"]: r for r in loaded["cameo"]},
        triggers=loaded["trigger"],
        intents=loaded["intent"],
        regions=loaded["region"],
        version=version,
        user_paths=paths,
    )
