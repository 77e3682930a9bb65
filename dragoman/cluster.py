"""Dask clusters on batch systems: a SLURM cluster set up for dragoman (dask-jobqueue).

Each SLURM job runs one single-threaded worker process per core (spaCy parses with one thread;
processes, not threads, use the cores), with the job's memory shared among them; a dragoman
worker needs about 0.7 GB. Workers load their pipeline once, from the compiled-table cache: give
them a ``cache_dir`` on a shared file system so that one job builds the tables and the others
read them. See docs/cluster.md for the whole recipe.
"""

from __future__ import annotations

from typing import Any

WORKER_MEMORY_GB = 1.0  # at least this much per worker process


def slurm_cluster(
    *,
    cores: int = 8,
    memory: str = "16GB",
    walltime: str = "04:00:00",
    queue: str | None = None,
    account: str | None = None,
    cache_dir: str | None = None,
    python: str | None = None,
    prologue: list[str] | None = None,
    **kwargs: Any,
) -> Any:
    """A ``dask_jobqueue.SLURMCluster`` whose jobs each run ``cores`` single-threaded workers.

    Nothing is submitted until you ask for jobs (``cluster.scale(jobs=N)`` or ``cluster.adapt``).
    ``prologue``: shell lines run before the workers start (``module load``, ``source venv/bin/activate``);
    ``kwargs`` go to ``SLURMCluster`` as they are (``job_extra_directives``, ``scheduler_options``, ...).
    """
    from dask_jobqueue import SLURMCluster

    if _gigabytes(memory) < WORKER_MEMORY_GB * cores:
        raise ValueError(f"memory={memory} leaves less than {WORKER_MEMORY_GB} GB to each of {cores} workers")
    lines = list(prologue or [])
    if cache_dir:
        lines.append(f"export DRAGOMAN_CACHE_DIR={cache_dir}")
    options = {"dashboard_address": None, **kwargs.pop("scheduler_options", {})}
    return SLURMCluster(
        cores=cores, processes=cores, memory=memory, walltime=walltime, queue=queue, account=account,
        job_script_prologue=lines, python=python, scheduler_options=options, **kwargs,
    )


def _gigabytes(memory: str) -> float:
    from dask.utils import parse_bytes

    return float(parse_bytes(memory)) / 1e9
