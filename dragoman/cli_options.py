"""Command-line options shared by ``dragoman code`` and ``dragoman ingest``: prefilter and Dask."""

from __future__ import annotations

from typing import Annotated

import typer

from .parallel import PARTITION

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
DEFAULT_PARTITION = PARTITION
