"""A store built from the bundled examples, and a dragoman server on a free 127.0.0.1 port."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
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
    import uvicorn

    from dragoman.serve import Settings, create_app

    app = create_app(Settings(db=db, **settings), coder=coder)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on"))
    thread = threading.Thread(target=lambda: asyncio.run(server.serve(sockets=[sock])), daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
