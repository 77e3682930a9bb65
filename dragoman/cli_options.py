"""Options that several commands share, with the limits the library needs checked up front; the
prefilter and Dask options of ``dragoman code`` and ``dragoman ingest``."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from .read import rules
from .read.files import DEFAULT_MAX_CHARS, PARSER_MAX_CHARS
from .read.urls import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT

__all__ = ["DEFAULT_MAX_BYTES", "DEFAULT_MAX_CHARS", "DEFAULT_TIMEOUT", "publication_date"]

MaxCharsOpt = Annotated[
    int,
    typer.Option("--max-chars", min=1, max=PARSER_MAX_CHARS, help=f"Longest article to code, in characters (at most {PARSER_MAX_CHARS:,}, the parser's limit)."),
]
TimeoutOpt = Annotated[
    float,
    typer.Option("--timeout", min=0.1, help="Seconds a web fetch may take in all (connecting, redirects, download)."),
]
MaxBytesOpt = Annotated[
    int,
    typer.Option("--max-bytes", min=1, help="Largest web page or feed to download, and largest text, HTML or feed file, in bytes."),
]
PrivateOpt = Annotated[
    bool,
    typer.Option("--allow-private-hosts", help="Also fetch from loopback, private and link-local addresses (this machine, your network)."),
]
EscapeOpt = Annotated[
    bool,
    typer.Option(
        "--escape-formulas/--no-escape-formulas",
        help="In CSV and TSV, put ' before cells that begin with = + - @ (OWASP), so spreadsheets do not run them.",
    ),
]


def publication_date(value: str | None, name: str = "--date") -> dt.date | None:
    """A --date value: an ISO date in the range the input rules allow."""
    if value is None:
        return None
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"'{value}' is not a date; use YYYY-MM-DD", param_hint=name) from None
    if not rules.FIRST_DATE <= day <= rules.LAST_DATE:
        first, last = rules.FIRST_DATE.isoformat(), rules.LAST_DATE.isoformat()
        raise typer.BadParameter(f"'{value}' is outside {first} to {last}", param_hint=name)
    return day


PrefilterOpt = Annotated[
    bool,
    typer.Option("--prefilter/--no-prefilter", help="Skip parsing documents that can hold no event (the output is the same)."),
]
WorkersOpt = Annotated[
    int,
    typer.Option("--workers", "-w", min=0, help="Code on a local Dask cluster of N worker processes (0: in this process)."),
]
SchedulerOpt = Annotated[
    str | None,
    typer.Option("--scheduler", help="Code on the running Dask cluster at this address (tcp://HOST:PORT); see docs/cluster.md."),
]
PartitionOpt = Annotated[
    int, typer.Option("--partition-size", min=1, help="With --workers/--scheduler: articles per partition sent to a worker.")
]
DEFAULT_PARTITION = 32  # = dragoman.parallel.PARTITION (not imported: it would load spaCy for every command)
