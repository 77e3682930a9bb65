"""The run log: a row per ingest run in ``runs``, and which interrupted runs may be resumed.

A run records who started it (user name and host name). ``ingest --resume`` reads again only the
inputs of interrupted runs that this user started on this machine: a store made by someone else
(or copied from another machine) names files and URLs of theirs, and resuming its runs would make
this process read whatever the store's author chose. The other interrupted runs are named, with
their inputs, so that the user can pass them again on purpose.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import socket
from dataclasses import dataclass
from typing import Any

from ..errors import Errors
from .db import StoreError


def whoami() -> tuple[str, str]:
    """(user name, host name) of this process."""
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name in the environment or the password database
        user = f"uid {os.getuid()}" if hasattr(os, "getuid") else "unknown"
    return user, socket.gethostname()


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


@dataclass(frozen=True)
class Interrupted:
    run_id: int
    inputs: list[str]
    options: dict[str, Any]
    user: str | None
    host: str | None

    @property
    def who(self) -> str:
        return f"{self.user}@{self.host}" if self.user and self.host else "an unknown user (the run log does not say)"


def _json(text: str | None, default: Any) -> Any:
    try:
        value = json.loads(text) if text else default
    except ValueError:
        return default
    return value if isinstance(value, type(default)) else default


def interrupted(con: Any) -> list[Interrupted]:
    """Runs that were killed before they finished (and not resumed since), oldest first."""
    rows = con.execute(
        "SELECT run_id, inputs, options, user_name, host FROM runs WHERE status = 'interrupted' ORDER BY run_id"
    ).fetchall()
    return [
        Interrupted(int(run_id), [i for i in _json(inputs, []) if isinstance(i, str) and i != "-"], _json(options, {}), user, host)
        for run_id, inputs, options, user, host in rows
    ]


def resumable(runs: list[Interrupted]) -> tuple[list[Interrupted], list[StoreError]]:
    """The runs this user started on this machine, and a notice for each of the others."""
    user, host = whoami()
    mine, others = [], []
    for run in runs:
        if (run.user, run.host) == (user, host):
            mine.append(run)
        else:
            shown = " ".join(run.inputs) or "(none)"
            others.append(StoreError(Errors.E059, run_id=run.run_id, who=run.who, me=f"{user}@{host}", inputs=shown))
    return mine, others


def start(con: Any, inputs: list[str], options: dict[str, Any], versions: tuple[str, str, str]) -> int:
    """Log a new run as 'running'; its id."""
    run_id = int(con.execute("SELECT coalesce(max(run_id), 0) + 1 FROM runs").fetchall()[0][0])
    user, host = whoami()
    con.execute(
        """INSERT INTO runs (run_id, started_at, status, inputs, options, dragoman_version, dictionary_version,
               pipeline_version, pid, records_read, added, replaced, unchanged, failed, events, user_name, host)
           VALUES (?, ?, 'running', ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0, ?, ?)""",
        [run_id, now(), json.dumps(inputs), json.dumps(options), *versions, os.getpid(), user, host],
    )
    return run_id
