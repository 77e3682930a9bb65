"""``dragoman serve``: the HTTP API and the dashboard over a store (a thin layer over dragoman.serve)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from .errors import DragomanError

err = Console(stderr=True, highlight=False)


def serve(
    db: Annotated[Path, typer.Option("--db", help="The DuckDB store file (opened read-only).", envvar="DRAGOMAN_DB")] = Path("dragoman.duckdb"),
    host: Annotated[str, typer.Option("--host", help="Address to listen on; 127.0.0.1 keeps the server to this machine.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port to listen on (0: any free port).")] = 8000,
    code: Annotated[bool, typer.Option("--code/--no-code", help="Let POST /api/code (and the dashboard's paste box) code texts.")] = True,
    code_max_bytes: Annotated[int, typer.Option("--code-max-bytes", min=1, help="Largest text POST /api/code takes, in bytes.")] = 200_000,
    code_timeout: Annotated[float, typer.Option("--code-timeout", min=0.1, help="Seconds POST /api/code may spend on a text.")] = 20.0,
    model: Annotated[str | None, typer.Option("--model", "-m", help="Installed spaCy pipeline for POST /api/code.")] = None,
    dictionary: Annotated[list[Path] | None, typer.Option("--dictionary", "-d", help="Extra dictionary file for POST /api/code; repeatable.")] = None,
) -> None:
    """Serve the store: a JSON API (/api, docs at /api/docs) and a dashboard (/) in the browser.

    Read-only: nothing a request sends is stored. Works with no network: every script, style and
    map is served by this server.
    """
    try:
        from .serve import Settings, run
        from .serve.state import open_store
    except ImportError as exc:
        err.print(f"error: dragoman serve needs the serve extra ({exc.name} is missing). Install it: pip install 'dragoman[serve]'", markup=False, soft_wrap=True)
        raise typer.Exit(2) from None
    settings = Settings(
        db=db, code=code, code_max_bytes=code_max_bytes, code_timeout=code_timeout, model=model, dictionaries=tuple(dictionary or ()),
    )
    try:
        open_store(db).close()  # say what is wrong with the store before the server starts
    except DragomanError as exc:
        err.print(f"error: {exc.message} {exc.remedy}", markup=False, soft_wrap=True)
        raise typer.Exit(2) from None
    if host not in ("127.0.0.1", "localhost", "::1"):
        err.print(f"warning: listening on {host}: other machines can read this store through the API", markup=False, soft_wrap=True)
    err.print(f"serving {db} on http://{host}:{port}/ (API docs: /api/docs); Ctrl-C stops", markup=False, soft_wrap=True)
    run(settings, host=host, port=port)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
