"""A store built from the bundled examples, and a dragoman server on a free 127.0.0.1 port."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_INPUTS = [ROOT / "examples" / "articles.jsonl", *sorted((ROOT / "tests" / "data" / "readouts").glob("*.txt"))]
ARTICLE = (
    "Pakistan and India agreed to a ceasefire on Saturday, the foreign office said. "
    "Iran accused Israel of attacking its nuclear sites."
)


def build_store(path: Path, coder: Any) -> Path:
    """Ingest the bundled examples (three news items, three readouts) into a new store at ``path``."""
    from dragoman.store import ingest

    summary = ingest(EXAMPLE_INPUTS, path, coder=coder)
    assert summary.failed == 0 and summary.events > 10, summary
    return path


@contextmanager
def live_server(db: Path, coder: Any = None, **settings: Any) -> Iterator[str]:
    """``dragoman serve`` of ``db`` (uvicorn in a thread) on a free port of 127.0.0.1; yields its base URL."""
    from dragoman.serve import Settings
    from dragoman.serve.background import background

    with background(Settings(db=db, **settings), coder=coder) as base:
        yield base
