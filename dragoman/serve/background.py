"""A server in a background thread of this process (for notebooks, tests and benchmarks)."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from .settings import DEFAULT_HOST, Settings


@contextmanager
def background(settings: Settings, *, coder: Any = None, host: str = DEFAULT_HOST, port: int = 0, start_timeout: float = 30) -> Iterator[str]:
    """Serve ``settings.db`` with uvicorn in a daemon thread; yields the base URL (``port`` 0: a free one)."""
    import uvicorn

    from . import create_app

    app = create_app(settings, coder=coder)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    bound = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on"))
    thread = threading.Thread(target=lambda: asyncio.run(server.serve(sockets=[sock])), name="dragoman-serve", daemon=True)
    thread.start()
    deadline = time.monotonic() + start_timeout
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            sock.close()
            raise RuntimeError(f"the server on {host}:{bound} did not start")
        time.sleep(0.02)
    try:
        yield f"http://{host}:{bound}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
