"""Command-line options shared by ``dragoman code`` and ``dragoman ingest``: prefilter and Dask."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

import typer
from rich.progress import Progress, TaskID

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


def partition_bar(progress: Progress) -> Callable[[int, int], None]:
    """A progress bar over the partitions sent to a Dask cluster (its total grows as input is read)."""
    task: list[TaskID] = []

    def update(done: int, sent: int) -> None:
        if not task:
            task.append(progress.add_task("partitions", total=sent, events=""))
        progress.update(task[0], completed=done, total=sent)

    return update
