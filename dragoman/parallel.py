"""Code on a Dask cluster: many cores of one machine, or the nodes of a university cluster.

:class:`DaskCoder` answers ``code`` like :class:`dragoman.coder.Coder`, so ``dragoman code`` and
``dragoman ingest`` use either. This process reads the inputs and cuts the articles into batches
exactly as one process would (``batch_size`` articles, a batch ends early at an unreadable
record), groups whole batches into partitions and sends them to the workers; results come back
in input order, so what is written is byte for byte what one process writes. Each worker process
loads one pipeline, once (:func:`worker_coder`), from the compiled cache. At most a few
partitions per worker are in flight, so memory stays flat however long the input.

A local cluster (``workers=N``) runs N worker processes of one thread each; ``scheduler=ADDRESS``
uses a running cluster (see docs/cluster.md for a SLURM cluster through dask-jobqueue).
"""

from __future__ import annotations

import gc
import logging
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from .coder import Coder, Result
from .errors import DragomanError, Errors
from .nlp import DEFAULT_MODEL
from .read import Article, ReadFailure

PARTITION = 32  # articles per partition (whole batches)


@dataclass(frozen=True)
class CoderConfig:
    """What a worker needs to build its coder (hashable: one coder per configuration)."""

    model: str = DEFAULT_MODEL
    dictionaries: tuple[str, ...] = ()
    conventions: str = "plover"
    min_confidence: float | None = None
    prefilter: bool = True

    def build(self) -> Coder:
        return Coder(self.model, self.dictionaries, self.conventions, self.min_confidence, self.prefilter)


_CODERS: dict[CoderConfig, Coder] = {}
_LOAD = threading.Lock()
_RUN = threading.Lock()  # one coding at a time per process (a worker with several threads shares one coder)


def worker_coder(config: CoderConfig) -> Coder:
    """The coder of this process for ``config``, loaded on first use."""
    with _LOAD:
        coder = _CODERS.get(config)
        if coder is None:
            coder = _CODERS[config] = _settled(config.build())
        return coder


def _settled(coder: Coder) -> Coder:
    """The coder of a process that loads one and then codes: every object alive now (the
    pipeline, its tables, the modules) is moved out of the cyclic garbage collector's reach
    (``gc.freeze``). They live as long as the process, and each full collection while coding
    would walk them all again."""
    gc.freeze()
    return coder


def describe(config: CoderConfig) -> dict[str, Any]:
    """Load the coder (once per worker) and tell what the driver reports of it."""
    coder = worker_coder(config)
    return {"dictionary_version": coder.dictionary_version, "meta": dict(coder.nlp.meta)}


def code_partition(config: CoderConfig, batches: list[list[Article]], batch_size: int) -> list[Result]:
    """Code the batches of one partition, each as one process codes a batch."""
    coder = worker_coder(config)
    out: list[Result] = []
    with _RUN:
        for batch in batches:
            out.extend(coder.code(batch, batch_size))
    return out


@dataclass
class _Partition:
    batches: list[list[Article]] = field(default_factory=list)
    size: int = 0

    def articles(self) -> list[Article]:
        return [a for b in self.batches for a in b]


def open_client(workers: int | None = None, scheduler: str | None = None) -> tuple[Any, Any]:
    """(client, local cluster or None): a new local cluster of ``workers`` processes, or the
    cluster at ``scheduler``."""
    try:
        from distributed import Client, LocalCluster

        if scheduler:
            return Client(scheduler, timeout="20s"), None
        cluster = LocalCluster(
            n_workers=workers or 1, threads_per_worker=1, processes=True, dashboard_address=None,
            # no dashboard, and its HTTP server on a free port: two runs at once do not warn of a port in use
            scheduler_kwargs={"dashboard_address": ":0"},
            silence_logs=logging.CRITICAL,  # (failures come back as errors; the workers print nothing)
        )
        return Client(cluster), cluster
    except (OSError, TimeoutError, ImportError) as exc:
        raise DragomanError(Errors.E070, where=scheduler or f"{workers} local workers", detail=f"{type(exc).__name__}: {exc}") from None


def make_coder(
    config: CoderConfig,
    workers: int = 0,
    scheduler: str | None = None,
    partition_size: int = PARTITION,
    on_partition: Callable[[int, int], None] | None = None,
) -> Coder | DaskCoder:
    """A coder in this process, or on a Dask cluster when ``workers`` or ``scheduler`` is given
    (close it when done: ``DaskCoder.close``)."""
    if workers or scheduler:
        return DaskCoder(config, workers=workers, scheduler=scheduler, partition_size=partition_size, on_partition=on_partition)
    return _settled(config.build())


class DaskCoder:
    """Codes on a Dask cluster with the interface of :class:`~dragoman.coder.Coder` that
    :func:`~dragoman.run.code_files` and :func:`~dragoman.store.ingest` use."""

    def __init__(
        self,
        config: CoderConfig,
        *,
        workers: int | None = None,
        scheduler: str | None = None,
        partition_size: int = PARTITION,
        on_partition: Callable[[int, int], None] | None = None,
    ) -> None:
        """``on_partition(done, submitted)`` is called as partitions are sent and come back."""
        self.config = config
        self.model = config.model
        self.conventions = config.conventions
        self.partition_size = partition_size
        self.on_partition = on_partition
        self.client, self.cluster = open_client(workers, scheduler)
        try:
            # every worker loads its pipeline now, in parallel (in its task thread: heartbeats go on)
            addresses = list(self.client.scheduler_info()["workers"])
            futures = [self.client.submit(describe, config, workers=[a], allow_other_workers=False, pure=False) for a in addresses]
            found = dict(zip(addresses, self.client.gather(futures), strict=True))
        except DragomanError:
            self.close()
            raise
        except Exception as exc:  # noqa: BLE001 - a worker that cannot run our code
            self.close()
            raise DragomanError(Errors.E071, detail=f"{type(exc).__name__}: {exc}") from None
        if not found:
            self.close()
            raise DragomanError(Errors.E070, where=scheduler or "local cluster", detail="no worker")
        first = next(iter(found.values()))
        self.dictionary_version: str = first["dictionary_version"]
        self.nlp = SimpleNamespace(meta=first["meta"])  # what the store records of the pipeline
        self.workers = len(found)

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def __enter__(self) -> DaskCoder:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def code(self, inputs: Iterable[Article | ReadFailure], batch_size: int = 16) -> Iterator[Result]:
        """Code every article on the cluster; results in input order, as :meth:`Coder.code` gives them."""
        per_partition = max(1, self.partition_size // batch_size)
        limit = 2 * self.workers + 2  # partitions in flight
        queue: deque[tuple[Any, list[Article]] | Result] = deque()
        part = _Partition()
        batch: list[Article] = []
        counts = {"done": 0, "sent": 0, "flight": 0}

        def submit() -> None:
            nonlocal part
            if batch:
                part.batches.append(list(batch))
                batch.clear()
            if part.batches:
                fut = self.client.submit(code_partition, self.config, part.batches, batch_size, pure=False)
                queue.append((fut, part.articles()))
                counts["sent"] += 1
                counts["flight"] += 1
                self._progress(counts)
            part = _Partition()

        def drain(until: int) -> Iterator[Result]:
            while queue and (counts["flight"] > until or isinstance(queue[0], Result)):
                head = queue.popleft()
                if isinstance(head, Result):
                    yield head
                    continue
                counts["flight"] -= 1
                yield from self._collect(*head)
                counts["done"] += 1
                self._progress(counts)

        for item in inputs:
            if isinstance(item, ReadFailure):
                submit()  # (one process codes what it holds before it reports the failure)
                queue.append(Result(item.origin, None, error=item.error))
                continue
            batch.append(item)
            if len(batch) >= batch_size:
                part.batches.append(list(batch))
                batch.clear()
                if len(part.batches) >= per_partition:
                    submit()
                    yield from drain(limit - 1)
        submit()
        yield from drain(0)

    def _collect(self, fut: Any, articles: list[Article]) -> list[Result]:
        try:
            results: list[Result] = fut.result()
        except DragomanError:
            raise
        except Exception as exc:  # noqa: BLE001 - a lost worker or partition: its articles fail, the rest goes on
            detail = f"{type(exc).__name__}: {exc}"
            return [Result(a.origin, a.id, error=DragomanError(Errors.E030, doc_id=a.id, detail=detail)) for a in articles]
        finally:
            fut.release()
        return results

    def _progress(self, counts: dict[str, int]) -> None:
        if self.on_partition is not None:
            self.on_partition(counts["done"], counts["sent"])
