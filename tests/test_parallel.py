"""Coding on Dask: input order, batches as one process cuts them, byte-identical output and
store, a killed parallel ingest that resumes, and the SLURM recipe."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from store_fixtures import corpus, snapshot, write_jsonl

from dragoman import parallel
from dragoman.coder import Result
from dragoman.errors import Errors, InputError
from dragoman.read import Article, ReadFailure

ROOT = Path(__file__).resolve().parent.parent


class FakeFuture:
    def __init__(self, value: object = None, error: Exception | None = None) -> None:
        self.value, self.error = value, error

    def result(self) -> object:
        if self.error is not None:
            raise self.error
        return self.value

    def release(self) -> None:
        pass


class FakeClient:
    """Runs each partition at once, in this process, and remembers the batches it was sent."""

    def __init__(self, fail_on: str | None = None) -> None:
        self.partitions: list[list[list[str]]] = []
        self.fail_on = fail_on

    def submit(self, fn, config, batches, batch_size, pure=False):
        self.partitions.append([[a.id for a in b] for b in batches])
        if any(a.id == self.fail_on for b in batches for a in b):
            return FakeFuture(error=RuntimeError("worker lost"))
        return FakeFuture([Result(a.origin, a.id, [{"doc": a.id, "batch": len(b)}]) for b in batches for a in b])


def _dask_coder(client: FakeClient, partition_size: int) -> parallel.DaskCoder:
    coder = parallel.DaskCoder.__new__(parallel.DaskCoder)
    coder.config, coder.client, coder.cluster, coder.workers = parallel.CoderConfig(), client, None, 2
    coder.partition_size, coder.on_partition = partition_size, None
    return coder


def _inputs(n: int, failures: set[int]) -> list:
    out: list = []
    for i in range(n):
        if i in failures:
            out.append(ReadFailure(f"in:{i}", InputError(Errors.E012, path="in", line=i)))
        else:
            out.append(Article(f"d{i}", "text", dt.date(2025, 1, 1), origin=f"in:{i}"))
    return out


def _one_process_batches(inputs: list, batch_size: int) -> list[list[str]]:
    """The batches Coder.code cuts: batch_size articles, or fewer before an unreadable record."""
    out, pending = [], []
    for item in inputs:
        if isinstance(item, ReadFailure):
            if pending:
                out.append(pending)
            pending = []
            continue
        pending.append(item.id)
        if len(pending) >= batch_size:
            out.append(pending)
            pending = []
    if pending:
        out.append(pending)
    return out


def test_results_in_input_order_with_the_batches_of_one_process() -> None:
    inputs = _inputs(75, failures={9, 10, 40})
    client = FakeClient()
    results = list(_dask_coder(client, partition_size=16).code(inputs, batch_size=4))
    assert [r.origin for r in results] == [x.origin for x in inputs]
    assert [r.error is not None for r in results] == [isinstance(x, ReadFailure) for x in inputs]
    sent = [b for p in client.partitions for b in p]
    assert sent == _one_process_batches(inputs, 4)
    assert all(len(p) <= 4 for p in client.partitions)  # 16 articles: 4 batches a partition


def test_a_lost_partition_fails_its_articles_only() -> None:
    inputs = _inputs(20, failures=set())
    results = list(_dask_coder(FakeClient(fail_on="d5"), partition_size=8).code(inputs, batch_size=4))
    failed = [r.doc_id for r in results if r.error is not None]
    assert failed == [f"d{i}" for i in range(8)]
    assert all(r.error.code == Errors.E030 for r in results if r.error is not None)
    assert [r.doc_id for r in results] == [f"d{i}" for i in range(20)]


def test_slurm_recipe_builds_its_cluster_without_submitting() -> None:
    pytest.importorskip("dask_jobqueue")
    from dragoman.cluster import slurm_cluster

    cluster = slurm_cluster(
        cores=4, memory="8GB", walltime="01:00:00", queue="normal", account="polsci", cache_dir="/scratch/dragoman-cache",
        prologue=["source ~/dragoman/.venv/bin/activate"], scheduler_options={"host": "127.0.0.1"},
    )
    try:
        script = cluster.job_script()
        assert len(cluster.workers) == 0  # nothing submitted
    finally:
        cluster.close()
    for line in ("#SBATCH -p normal", "#SBATCH -A polsci", "#SBATCH --cpus-per-task=4", "#SBATCH -t 01:00:00",
                 "export DRAGOMAN_CACHE_DIR=/scratch/dragoman-cache", "source ~/dragoman/.venv/bin/activate"):
        assert line in script, line
    assert "--nthreads 1" in script and "--nworkers 4" in script
    with pytest.raises(ValueError):
        slurm_cluster(cores=16, memory="4GB")


def test_cli_partition_default_is_the_library_one() -> None:
    from dragoman.cli_options import DEFAULT_PARTITION

    assert DEFAULT_PARTITION == parallel.PARTITION


def _dragoman(*args: str, timeout: int = 400) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from dragoman.cli import main; main()", *args], capture_output=True, text=True, timeout=timeout)


@pytest.mark.slow
def test_code_with_two_workers_is_byte_identical(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    docs = [json.loads(line) for line in (ROOT / "eval" / "docs" / "voa-dev.jsonl").read_text().splitlines()[:30]]
    lines = [json.dumps(d) for d in docs]
    lines.insert(17, "{not json")  # an unreadable record between partitions
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    one = _dragoman("code", str(src), "-o", str(tmp_path / "one.jsonl"), "-q")
    two = _dragoman("code", str(src), "-o", str(tmp_path / "two.jsonl"), "-q", "--workers", "2", "--partition-size", "8")
    assert one.returncode == two.returncode == 1, (one.stderr, two.stderr)
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()
    assert (tmp_path / "one.jsonl").stat().st_size > 10_000


@pytest.mark.slow
def test_ingest_with_two_workers_stores_what_one_process_stores(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    write_jsonl(src, corpus(40, sentences=3, seed=5))
    a, b = tmp_path / "a.duckdb", tmp_path / "b.duckdb"
    assert _dragoman("ingest", str(src), "--db", str(a), "-q").returncode == 0
    assert _dragoman("ingest", str(src), "--db", str(b), "-q", "--workers", "2", "--partition-size", "8").returncode == 0
    assert snapshot(a) == snapshot(b)


KILLED = r"""
import sys
from dragoman.parallel import CoderConfig, DaskCoder
from dragoman.store import ingest

def committed(outcome):
    print(outcome.status, outcome.doc_id, flush=True)

with DaskCoder(CoderConfig(), workers=2, partition_size=4) as coder:
    ingest([sys.argv[1]], sys.argv[2], coder=coder, commit_every=2, on_result=committed)
print("finished", flush=True)
"""


def _children(pid: int) -> set[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True).stdout.split()
    found = {int(p) for p in out}
    for p in list(found):
        found |= _children(p)
    return found


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_parallel_ingest_killed_midway_resumes_to_one_clean_run(tmp_path: Path) -> None:
    from dragoman.store import ingest

    src = tmp_path / "many.jsonl"
    write_jsonl(src, corpus(80, sentences=2, seed=11))
    killed = tmp_path / "killed.duckdb"
    proc = subprocess.Popen([sys.executable, "-c", KILLED, str(src), str(killed)], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    seen: list[str] = []
    workers: set[int] = set()
    deadline = time.monotonic() + 300
    try:
        assert proc.stdout is not None
        while len(seen) < 6 and time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            seen.append(line)
        workers = _children(proc.pid)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert len(seen) == 6 and workers
    # the worker processes do not outlive the killed driver
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and any(_alive(p) for p in workers):
        time.sleep(1)
    assert not any(_alive(p) for p in workers)

    summary = ingest([str(src)], killed)  # the same command again, in one process
    assert summary.unchanged >= 6 and summary.added + summary.unchanged == 80
    clean = tmp_path / "clean.duckdb"
    ingest([str(src)], clean)
    assert snapshot(killed) == snapshot(clean)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split()[2] == "Z")


def test_progress_bar_over_partitions() -> None:
    from rich.console import Console

    from dragoman.cli_ui import RecordProgress

    progress = RecordProgress("coding", [], quiet=True, console=Console(stderr=True))
    progress.partitions(0, 3)
    progress.partitions(2, 5)
    task = next(t for t in progress.progress.tasks if t.description == "partitions")
    assert (task.completed, task.total) == (2, 5)


@pytest.mark.slow
def test_a_worker_that_cannot_load_the_coder_gives_one_line(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    write_jsonl(src, corpus(2, sentences=1))
    out = _dragoman("code", str(src), "-o", str(tmp_path / "o.jsonl"), "--model", "no_such_model", "--workers", "1")
    assert out.returncode == 2
    assert out.stderr.strip().splitlines() == [out.stderr.strip()] and "E001" not in out.stderr
    assert out.stderr.startswith("error: Cannot load the spaCy pipeline 'no_such_model'")
