"""The compiled-table cache: lazy tables, keys, atomic files, invalidation, identical coding."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import ahocorasick
import pytest

from dragoman import compiled


def test_lazy_table_acts_like_its_dict() -> None:
    table = {f"k{i}": (i, frozenset([i])) for i in range(50)}
    lazy = compiled.LazyTable.of(table)
    assert len(lazy) == 50 and "k3" in lazy and "x" not in lazy
    assert lazy["k7"] == table["k7"] and lazy.get("x") is None and lazy.get("k1") == table["k1"]
    assert lazy["k7"] is lazy["k7"]  # unpickled once
    assert dict(lazy.items()) == table
    again = pickle.loads(pickle.dumps(lazy))
    assert dict(again) == table


def test_lazy_automaton_matches_like_the_automaton() -> None:
    auto = ahocorasick.Automaton()
    for word in ("he", "she", "hers", "his"):
        auto.add_word(word, (len(word), word.upper()))
    auto.make_automaton()
    lazy = compiled.LazyAutomaton.of(auto)
    text = "ushers say his name"
    assert list(lazy.iter(text)) == list(auto.iter(text))
    assert len(lazy) == 4 and "she" in lazy and lazy.get("his") == (3, "HIS") and lazy.get("x", 0) == 0


class Holder:
    def __init__(self) -> None:
        self.big = {str(i): [i] for i in range(compiled.LAZY_MIN)}
        self.small = {"a": [1]}
        self.ints = {str(i): i for i in range(compiled.LAZY_MIN)}


def test_compact_state_keeps_shared_tables_shared() -> None:
    a, b = Holder(), Holder()
    b.big = a.big
    state = compiled.compact_state({"a": a, "b": b})
    assert isinstance(state["a"]["big"], compiled.LazyTable) and state["a"]["big"] is state["b"]["big"]
    assert state["a"]["small"] == {"a": [1]} and type(state["a"]["ints"]) is dict


def test_save_load_atomic_and_corrupt_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRAGOMAN_CACHE_DIR", str(tmp_path))
    key = compiled.cache_key("0.1.0+abc", {"x": "1"})
    assert key != compiled.cache_key("0.1.0+abd", {"x": "1"}) != compiled.cache_key("0.1.0+abc", {"x": "2"})
    assert compiled.load(key) is None
    path = compiled.save(key, {"c": {"t": 1}})
    assert path is not None and compiled.load(key) == {"c": {"t": 1}}
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary file left
    path.write_bytes(b"not a pickle")
    assert compiled.load(key) is None  # a corrupt file is a miss
    monkeypatch.setenv("DRAGOMAN_CACHE_DIR", "off")
    assert compiled.save(key, {}) is None and compiled.load(key) is None


def test_unwritable_cache_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("DRAGOMAN_CACHE_DIR", str(blocker / "sub"))
    assert compiled.save("k", {}) is None


def test_old_files_are_pruned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRAGOMAN_CACHE_DIR", str(tmp_path))
    for n in range(compiled.KEEP_FILES + 3):
        path = compiled.save(f"k{n}", {})
        assert path is not None
        os.utime(path, (n, n))
    assert len(list(tmp_path.glob("tables-*.pickle"))) <= compiled.KEEP_FILES + 1


USER_ORG = """- id: org.test_guild
  name: Zorblax Guild of Testers
  code: NGO
  sector: CVL
"""

RUN = r"""
import json, sys
from dragoman.coder import Coder
c = Coder(dictionaries=sys.argv[1:])
text = "The Zorblax Guild of Testers met Indian Prime Minister Narendra Modi in New Delhi on Monday."
print(json.dumps({"version": c.dictionary_version, "events": c.code_text(text, "2025-06-02")}))
"""


def _run(cache: Path, *dicts: Path) -> dict:
    env = {**os.environ, "DRAGOMAN_CACHE_DIR": str(cache)}
    out = subprocess.run([sys.executable, "-c", RUN, *map(str, dicts)], capture_output=True, text=True, env=env, check=True)
    import json

    return json.loads(out.stdout)


@pytest.mark.slow
def test_cache_hit_codes_as_a_fresh_build_and_user_files_invalidate(tmp_path: Path) -> None:
    user = tmp_path / "orgs.yaml"
    user.write_text(USER_ORG, encoding="utf-8")
    cache = tmp_path / "cache"
    built = _run(cache, user)  # a miss: built and stored (the components' tables and the prefilter's)
    stored = sorted(cache.glob("tables-*.pickle"))
    assert len(stored) == 2
    hit = _run(cache, user)
    assert hit == built and sorted(cache.glob("tables-*.pickle")) == stored
    assert any(a["code"] == "NGO" for e in hit["events"] for a in e["actor"] + e["recipient"])
    # the user file changes: another version, another key, the new record is used
    user.write_text(USER_ORG.replace("NGO", "IGO"), encoding="utf-8")
    changed = _run(cache, user)
    assert changed["version"] != built["version"]
    assert len(list(cache.glob("tables-*.pickle"))) == 4
    assert any(a["code"] == "IGO" for e in changed["events"] for a in e["actor"] + e["recipient"])
    assert _run(tmp_path / "off") == _run(cache)  # bundled dictionaries only, built or cached alike
