"""Batch coding of input files: the library function behind ``dragoman code``."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from . import gdelt
from .coder import ArticleCoder, Coder, Result
from .read import Article, read_inputs
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
    articles: dict[str, _Doc] = {}  # doc id -> what the GDELT table needs of its article
    held: list[dict[str, Any]] = []
    hold = fuse or clusters_out is not None
    for result in coder.code(read_inputs(inputs, date, max_chars, web)):
        summary.read += 1
        if result.error is not None:
            summary.failed += 1
            summary.errors.append(result.error.message + " " + result.error.remedy)
        else:
            summary.coded += 1
            if fmt == "tsv" and result.article is not None and result.doc_id is not None:
                articles[result.doc_id] = _Doc.of(result.article)
            if hold:
                held.extend(result.events)
                summary.events += len(result.events)
            else:
                summary.events += writer.write(result.events, _contexts(articles, {}))
                articles.clear()
        if on_result is not None:
            on_result(result)
    if hold:
        records, clusters = fusion.fuse(held)
        writer.write(records, _contexts(articles, _cluster_counts(records, articles)))
        summary.clusters = len(clusters)
        if clusters_out is not None:
            for c in clusters:
                clusters_out.write(json.dumps(c, ensure_ascii=False) + "\n")
            clusters_out.flush()
    out.flush()
    return summary


@dataclass(frozen=True)
class _Doc:
    url: str | None
    source: str | None
    published: dt.date | None
    first_paragraph_end: int

    @classmethod
    def of(cls, art: Article) -> _Doc:
        return cls(art.url, art.source, art.date, gdelt.first_paragraph_end(art.text))


def _cluster_counts(records: list[dict[str, Any]], docs: dict[str, _Doc]) -> dict[str, tuple[int, int, int]]:
    """cluster id -> (mentions, sources, articles) over the records written."""
    members: dict[str, list[dict[str, Any]]] = {}
    for rec in records:
        if rec.get("cluster_id"):
            members.setdefault(str(rec["cluster_id"]), []).append(rec)
    out = {}
    for cid, recs in members.items():
        doc_ids = {str(r.get("doc_id")) for r in recs}
        sources = {(docs[d].source if d in docs else None) or d for d in doc_ids}
        out[cid] = (len(recs), len(sources), len(doc_ids))
    return out


def _contexts(docs: dict[str, _Doc], counts: dict[str, tuple[int, int, int]]) -> Callable[[dict[str, Any]], gdelt.Context]:
    def context(rec: dict[str, Any]) -> gdelt.Context:
        doc = docs.get(str(rec.get("doc_id")))
        start = (rec.get("text_info") or {}).get("start")
        mentions, sources, articles = counts.get(str(rec.get("cluster_id")), (1, 1, 1))
        if doc is None:
            return gdelt.Context(mentions=mentions, sources=sources, articles=articles)
        root = isinstance(start, int) and start < doc.first_paragraph_end
        return gdelt.Context(doc.url, doc.published, root, mentions, sources, articles)

    return context
