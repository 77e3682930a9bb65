"""An ingest killed with SIGKILL midway: the next run finishes the job, and the store then holds
exactly the rows of one uninterrupted run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from store_fixtures import corpus, snapshot, write_jsonl

from dragoman.store import Store, ingest

CHILD = r"""
import sys
from dragoman.coder import Coder
from dragoman.store import ingest

def committed(outcome):
    print(outcome.status, outcome.doc_id, flush=True)

# the coder the resumed and the clean runs use (the session's `coder` fixture: the rules alone)
ingest([sys.argv[1]], sys.argv[2], coder=Coder(min_confidence=0.0), commit_every=3, on_result=committed)
print("finished", flush=True)
"""

ARTICLES = 150
KILL_AFTER = 6  # outcomes reported, i.e. at least two committed transactions


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_midway_then_resume_equals_one_clean_run(coder, tmp_path):
    src = tmp_path / "many.jsonl"
    write_jsonl(src, corpus(ARTICLES, sentences=2, seed=11))
    killed = tmp_path / "killed.duckdb"
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(src), str(killed)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)},
    )
    seen = []
    deadline = time.monotonic() + 240
    try:
        assert proc.stdout is not None
        while len(seen) < KILL_AFTER and time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            seen.append(line.split())
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert len(seen) == KILL_AFTER and all(s[0] == "added" for s in seen), seen

    with Store.open(killed) as store:  # a read-write open replays the log of the killed process
        stored = store.sql("SELECT count(*) FROM articles").fetchall()[0][0]
        events_per_doc = store.sql(
            "SELECT a.doc_id, a.n_events, count(e.seq) FROM articles a LEFT JOIN events e USING (doc_id) GROUP BY ALL"
        ).fetchall()
        status = store.sql("SELECT status FROM runs").fetchall()
        child_version = store.sql("SELECT dictionary_version FROM runs").fetchall()[0][0]
    assert KILL_AFTER <= stored < ARTICLES  # committed some but not all
    assert all(n == m for _, n, m in events_per_doc)  # no article is half written
    assert status == [("running",)]  # as the killed process left it

    summary = ingest([], killed, coder=coder, resume=True)  # finish the interrupted run from the run log
    assert summary.resumed == [1]
    assert summary.added == ARTICLES - stored and summary.failed == 0
    # what the killed run stored is kept (recoded only if the dictionaries changed on disk meanwhile)
    kept = summary.unchanged if child_version == coder.dictionary_version else summary.replaced
    assert kept == stored

    clean = tmp_path / "clean.duckdb"
    ingest([src], clean, coder=coder)
    assert snapshot(killed) == snapshot(clean)
    with Store.open(killed, read_only=True) as store:
        assert store.sql("SELECT run_id, status FROM runs ORDER BY run_id").fetchall() == [(1, "resumed"), (2, "done")]
    # and running the original command once more changes nothing
    again = ingest([src], killed, coder=coder)
    assert again.unchanged == ARTICLES and snapshot(killed) == snapshot(clean)
