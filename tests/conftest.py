from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def coder():
    """The rules alone (the relevance model keeps every event): the tests of linguistic cases."""
    from dragoman.coder import Coder

    return Coder(min_confidence=0.0)


@pytest.fixture(scope="session")
def default_coder():
    """The coder as users get it: rules, then the relevance model's threshold."""
    from dragoman.coder import Coder

    return Coder()


@pytest.fixture(scope="session")
def cameo_coder():
    from dragoman.coder import Coder

    return Coder(conventions="cameo")


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the repository")
    return SHARED


def code(coder, text: str, date: str = "2025-06-01") -> list[dict]:
    return coder.code_text(text, date)


def summary(events: list[dict]) -> list[tuple]:
    """(event, actor codes, recipient codes) of each event, for compact assertions."""
    return [
        (e["event"], tuple(a["code"] for a in e["actor"]), tuple(r["code"] for r in e["recipient"]))
        for e in events
    ]


@pytest.fixture(scope="session")
def example_store(tmp_path_factory, coder) -> Path:
    """A store of the bundled examples (examples/articles.jsonl and tests/data/readouts)."""
    from serve_fixtures import build_store

    return build_store(tmp_path_factory.mktemp("serve") / "examples.duckdb", coder)
