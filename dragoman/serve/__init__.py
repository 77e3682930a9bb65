"""``dragoman serve``: an HTTP API and a web dashboard over an event store (read-only).

    from dragoman.serve import Settings, create_app
    app = create_app(Settings(db=Path("dragoman.duckdb")))   # any ASGI server; dragoman serve uses uvicorn

Needs the ``serve`` extra (``pip install 'dragoman[serve]'``): FastAPI, uvicorn, Jinja2 and the
offline Swagger UI / ReDoc files of fastapi-offline. The charts' JavaScript is the bundle that
vl-convert ships; the world map is Natural Earth's 1:110m countries (world-atlas, ISC licence).
"""

from typing import Any

from .settings import DEFAULT_HOST, DEFAULT_PORT, LOOPBACK, Settings

__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "Settings", "create_app", "run"]


def create_app(settings: Settings, *, preload: bool = True, coder: Any = None) -> Any:
    """The ASGI application, a FastAPI (see :func:`dragoman.serve.app.create_app`)."""
    from .app import create_app as make

    return make(settings, preload=preload, coder=coder)


def run(settings: Settings, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, log_level: str = "warning") -> None:
    """Serve ``settings.db`` with uvicorn on ``host``:``port`` until interrupted."""
    import dataclasses

    import uvicorn

    if host in LOOPBACK and settings.allowed_hosts is None:
        settings = dataclasses.replace(settings, allowed_hosts=LOOPBACK)
    uvicorn.run(create_app(settings), host=host, port=port, log_level=log_level, access_log=False, server_header=False)
