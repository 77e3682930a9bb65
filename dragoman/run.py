"""Batch coding of input files: the library function behind ``dragoman code``."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .coder import ArticleCoder, Coder, Result
from .read import read_inputs
from .read.files import DEFAULT_MAX_CHARS
from .read.urls import WebOptions
from .records import fusion
from .write import EventWriter


@dataclass
class Summary:
    read: int = 0  # input records seen (articles and unreadable records)
    coded: int = 0
    failed: int = 0
    events: int = 0
    clusters: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        if self.coded == 0 and self.failed > 0:
            return 2
        if self.failed:
            return 1
        return 0


def code_files(
    inputs: Iterable[str | Path],
    out: IO[str],
    *,
    fmt: str = "jsonl",
    date: dt.date | None = None,
    coder: ArticleCoder | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    on_result: Callable[[Result], None] | None = None,
    fuse: bool = False,
    clusters_out: IO[str] | None = None,
    web: WebOptions | None = None,
    escape: bool = True,
) -> Summary:
    """Code every record of ``inputs`` and write its events to ``out`` in document order.

    With ``fuse`` (or ``clusters_out``) events are held until the end, grouped into clusters
    (:func:`dragoman.records.fusion.fuse`) and written with their ``cluster_id``; one record per
    cluster goes to ``clusters_out`` when given. ``web`` says how URLs are fetched (and how large a
    local text or HTML file may be); ``escape`` puts a ' before CSV and TSV cells that would start
    a spreadsheet formula.
    """
    coder = coder or Coder()
    writer = EventWriter(out, fmt, escape)
    summary = Summary()
    held: list[dict[str, Any]] = []
    hold = fuse or clusters_out is not None
    for result in coder.code(read_inputs(inputs, date, max_chars, web)):
        summary.read += 1
        if result.error is not None:
            summary.failed += 1
            summary.errors.append(result.error.message + " " + result.error.remedy)
        else:
            summary.coded += 1
            if hold:
                held.extend(result.events)
                summary.events += len(result.events)
            else:
                summary.events += writer.write(result.events)
        if on_result is not None:
            on_result(result)
    if hold:
        records, clusters = fusion.fuse(held)
        writer.write(records)
        summary.clusters = len(clusters)
        if clusters_out is not None:
            for c in clusters:
                clusters_out.write(json.dumps(c, ensure_ascii=False) + "\n")
            clusters_out.flush()
    out.flush()
    return summary
