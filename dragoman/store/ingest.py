"""Ingest: read, code and store articles; the library function behind ``dragoman ingest``.

Guarantees:

- **Idempotent.** An article is keyed on its doc id. One whose content hash (text, date, title,
  source, url, the record's other fields) and dictionary and pipeline versions match the stored row is not coded again; a
  changed one (or one coded by another version) replaces its rows: sentences, events, entities,
  clusters.
- **Atomic per article.** Each article's rows (delete old, insert new) are written in one
  transaction, so a killed ingest (even ``kill -9``) leaves every article either fully old or
  fully new; DuckDB's write-ahead log rolls back the rest on the next open.
- **Resumable.** Each run is logged in ``runs`` (status ``running`` until it ends); a run found
  ``running`` by the next ingest was killed and is marked ``interrupted``. Running the same
  command again, or ``ingest --resume`` (which takes the inputs and options of the interrupted
  runs from the log), codes only what is missing: the store then holds exactly the rows of one
  uninterrupted run.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa

from .. import __version__
from ..errors import Errors, InputError
from ..output import check_outputs
from ..read import Article, ReadFailure, read_inputs, rules
from ..read.article import content_hash
from ..read.files import DEFAULT_MAX_CHARS
from ..read.ids import DocIds, same_input
from ..read.urls import WebOptions, is_url
from . import runlog
from .clusters import clusters_stale, refresh_clusters
from .db import DEFAULT_DB, Store
from .schema import ARROW, DATA_TABLES


@dataclass
class IngestSummary:
    run_id: int = 0
    read: int = 0  # input records seen (articles and unreadable records)
    added: int = 0  # new doc ids
    replaced: int = 0  # doc ids whose content or coder version changed
    unchanged: int = 0  # already stored as they are: not coded again
    failed: int = 0
    events: int = 0  # events written by this run
    errors: list[str] = field(default_factory=list)
    resumed: list[int] = field(default_factory=list)  # interrupted runs this run finished
    notices: list[str] = field(default_factory=list)  # interrupted runs of others, not resumed

    @property
    def stored(self) -> int:
        return self.added + self.replaced + self.unchanged

    @property
    def exit_code(self) -> int:
        if self.stored == 0 and self.failed > 0:
            return 2
        return 1 if self.failed else 0


@dataclass(frozen=True)
class Outcome:
    """What happened to one input record; passed to ``on_result`` once its rows are committed."""

    status: str  # added, replaced, unchanged, failed
    origin: str
    doc_id: str | None
    events: int = 0
    error: Exception | None = None


@dataclass(frozen=True)
class IngestOptions:
    date: str | None = None
    max_chars: int = DEFAULT_MAX_CHARS
    timeout: float = WebOptions.timeout
    max_bytes: int = WebOptions.max_bytes
    fetch_links: bool = False
    allow_private: bool = False

    def web(self) -> WebOptions:
        return WebOptions(
            timeout=self.timeout, max_bytes=self.max_bytes, fetch_links=self.fetch_links, allow_private=self.allow_private
        )

    @classmethod
    def of(cls, values: dict[str, Any]) -> IngestOptions:
        """Options as the run log holds them (unknown keys are ignored)."""
        return cls(**{k: v for k, v in values.items() if k in cls.__dataclass_fields__})

    def default_date(self) -> dt.date | None:
        return dt.date.fromisoformat(self.date) if self.date else None


def pipeline_version(coder: Any) -> str:
    import spacy

    meta = getattr(getattr(coder, "nlp", None), "meta", {}) or {}
    return f"dragoman {__version__}; {getattr(coder, 'model', '?')} {meta.get('version', '?')}; spaCy {spacy.__version__}"


def _day(value: object) -> dt.date | None:
    """The first day of an event date, when it lies in the years the input rules allow: an event
    the text dates to 1066 or 0001 keeps its date in the record but has no day (no time filter or
    timeline shows it, and pandas, whose dates end at 1677 and 2262, never sees it)."""
    if not isinstance(value, str) or len(value) < 4:
        return None
    try:
        if len(value) >= 10:
            day = dt.date.fromisoformat(value[:10])
        elif len(value) >= 7:
            day = dt.date(int(value[:4]), int(value[5:7]), 1)
        else:
            day = dt.date(int(value[:4]), 1, 1)
    except ValueError:
        return None
    return day if rules.FIRST_DATE <= day <= rules.LAST_DATE else None


def _codes(entities: Iterable[dict[str, Any]]) -> list[str]:
    out: list[str] = []
    for e in entities:
        code = e.get("code")
        if code and code not in out:
            out.append(code)
    return out


def _int(value: object) -> int | None:
    return int(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _float(value: object) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def article_rows(art: Article, digest: str, events: list[dict[str, Any]], versions: tuple[str, str]) -> dict[str, list[dict[str, Any]]]:
    """The rows of every data table for one coded article."""
    dict_version, pipe_version = versions
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in DATA_TABLES}
    rows["articles"].append({
        "doc_id": art.id, "content_hash": digest, "date": art.date, "title": art.title, "source": art.source,
        "url": art.url, "origin": art.origin, "text": art.text, "n_events": len(events),
        "dictionary_version": dict_version, "pipeline_version": pipe_version,
        "meta": json.dumps(art.meta, ensure_ascii=False) if art.meta else None,
    })
    sentences: dict[int, tuple[int, int]] = {}
    for seq, rec in enumerate(events):
        info = rec.get("text_info") or {}
        sent, start, end = _int(info.get("sentence")), _int(info.get("start")), _int(info.get("end"))
        if sent is not None and sent not in sentences and start is not None and end is not None:
            sentences[sent] = (start, end)
        attributed = rec.get("attributed_to") or {}
        loc = rec.get("location") or {}
        eid = str(rec.get("id") or f"{art.id}#{seq}")
        rows["events"].append({
            "doc_id": art.id, "seq": seq, "event_id": eid, "date": rec.get("date"), "day": _day(rec.get("date")),
            "date_precision": rec.get("date_precision"), "event": rec.get("event"),
            "mode": list(rec.get("mode") or []), "context": list(rec.get("context") or []),
            "cameo": rec.get("cameo"), "quad_code": _int(rec.get("quad_code")),
            "plover_score": _float(rec.get("plover_score")), "event_text": [str(t) for t in rec.get("event_text") or []],
            "sentence": sent, "start_char": start, "end_char": end,
            "trigger_start": _int(info.get("trigger_start")), "trigger_end": _int(info.get("trigger_end")),
            "modality": rec.get("modality"), "negated": bool(rec.get("negated")),
            "actor_codes": _codes(rec.get("actor") or []), "recipient_codes": _codes(rec.get("recipient") or []),
            "attributed_code": attributed.get("code"), "attributed_text": attributed.get("entity_text"),
            "location_name": loc.get("name"), "location_country": loc.get("country_code"),
            "lat": _float(loc.get("lat")), "lon": _float(loc.get("lon")), "geonameid": _int(loc.get("geonameid")),
            "rule": rec.get("rule"), "confidence": _float(rec.get("confidence")),
            "dictionary_version": rec.get("dictionary_version"), "cluster_id": rec.get("cluster_id"),
            "record": json.dumps(rec, ensure_ascii=False),
        })
        parties = [("actor", e) for e in rec.get("actor") or []] + [("recipient", e) for e in rec.get("recipient") or []]
        positions = {"actor": 0, "recipient": 0}
        if rec.get("attributed_to"):
            parties.append(("attributed_to", rec["attributed_to"]))
        for role, ent in parties:
            pos = positions.get(role, 0)
            positions[role] = pos + 1
            rows["entities"].append({
                "doc_id": art.id, "seq": seq, "event_id": eid, "role": role, "position": pos,
                "entity_text": ent.get("entity_text"), "code": ent.get("code"), "sector": ent.get("sector"),
                "identifier_text": ent.get("identifier_text"), "office": ent.get("office"), "rule": ent.get("rule"),
            })
        if rec.get("cluster_id"):
            rows["clusters"].append({"cluster_id": str(rec["cluster_id"]), "doc_id": art.id, "seq": seq, "event_id": eid})
    for sent, (start, end) in sorted(sentences.items()):
        rows["sentences"].append({"doc_id": art.id, "sentence": sent, "start_char": start, "end_char": end, "text": art.text[start:end]})
    return rows


class _Writer:
    """Buffers whole articles and writes them in one transaction per ``commit_every`` articles.

    A transaction is also committed when ``commit_seconds`` have passed since the last one, so a
    slow input (a web fetch) loses little work when the process is killed. A commit costs tens of
    milliseconds (the write-ahead log is synced), so one per article would double the ingest time.
    """

    def __init__(
        self, store: Store, commit_every: int, commit_seconds: float, on_commit: Callable[[list[Outcome]], None]
    ) -> None:
        self.con = store.con
        self.commit_every = max(1, commit_every)
        self.commit_seconds = commit_seconds
        self.last_commit = time.monotonic()
        self.on_commit = on_commit
        self.rows: dict[str, dict[str, list[dict[str, Any]]]] = {}  # doc id -> rows (last one wins)
        self.replace: set[str] = set()  # doc ids that may have rows in the store (to delete first)
        self.outcomes: list[Outcome] = []
        self.errors: list[tuple[Any, ...]] = []

    def add(self, doc_id: str, rows: dict[str, list[dict[str, Any]]], outcome: Outcome, replace: bool) -> None:
        self.rows[doc_id] = rows
        if replace:
            self.replace.add(doc_id)
        self.outcomes.append(outcome)
        if len(self.rows) >= self.commit_every or time.monotonic() - self.last_commit >= self.commit_seconds:
            self.flush()

    def pending(self, doc_id: str) -> bool:
        return doc_id in self.rows

    def error(self, row: tuple[Any, ...], outcome: Outcome) -> None:
        self.errors.append(row)
        self.outcomes.append(outcome)

    def flush(self) -> None:
        if not self.rows and not self.errors:
            if self.outcomes:
                self.on_commit(self.outcomes)
                self.outcomes = []
            return
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            if self.replace:
                ids = sorted(self.replace)
                for table in DATA_TABLES:
                    con.execute(f"DELETE FROM {table} WHERE list_contains($ids, doc_id)", {"ids": ids})  # noqa: S608
            if self.rows:
                for table in DATA_TABLES:
                    batch = [r for rows in self.rows.values() for r in rows[table]]
                    if batch:
                        arrow = pa.Table.from_pylist(batch, schema=ARROW[table])  # noqa: F841 - read by DuckDB below
                        con.execute(f"INSERT INTO {table} SELECT * FROM arrow")  # noqa: S608
            if self.errors:
                con.executemany("INSERT INTO run_errors VALUES (?, ?, ?, ?)", self.errors)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        self.last_commit = time.monotonic()
        self.rows = {}
        self.replace = set()
        self.errors = []
        outcomes, self.outcomes = self.outcomes, []
        self.on_commit(outcomes)


def _abs_inputs(inputs: Iterable[str | Path]) -> list[str]:
    out = []
    for p in inputs:
        s = str(p)
        out.append(s if s == "-" or is_url(s) else str(Path(s).resolve()))
    return out


def ingest(
    inputs: Iterable[str | Path],
    db: str | Path | Store = DEFAULT_DB,
    *,
    coder: Any = None,
    options: IngestOptions | None = None,
    resume: bool = False,
    commit_every: int = 32,
    commit_seconds: float = 2.0,
    on_result: Callable[[Outcome], None] | None = None,
) -> IngestSummary:
    """Read, code and store every record of ``inputs`` in the store ``db``.

    ``resume`` also finishes the runs that were interrupted (their inputs, with their options).
    Up to ``commit_every`` articles (or ``commit_seconds`` of work) are written per transaction;
    an article's rows are always written together, in one transaction.
    ``on_result`` is called for every input record once its outcome is committed.
    """
    from ..coder import Coder

    inputs = list(inputs)
    if not isinstance(db, Store):
        check_outputs([db], inputs)  # the store is written: it may not be one of the inputs
    store = db if isinstance(db, Store) else Store.open(db)
    try:
        coder = coder or Coder()
        opts = options or IngestOptions()
        con = store.con
        # a run still 'running' now was killed: no other writer can hold the store while we do
        con.execute("UPDATE runs SET status = 'interrupted' WHERE status = 'running'")
        jobs: list[tuple[list[str], IngestOptions]] = []
        resumed: list[int] = []
        notices: list[str] = []
        if resume:
            mine, others = runlog.resumable(runlog.interrupted(con))
            for run in mine:
                jobs.append((run.inputs, IngestOptions.of(run.options)))
                resumed.append(run.run_id)
            notices = [f"{n.message} {n.remedy}" for n in others]
        given = _abs_inputs(inputs)
        if given:
            jobs.append((given, opts))
        versions = (coder.dictionary_version, pipeline_version(coder))
        all_inputs = [i for job_inputs, _ in jobs for i in job_inputs]
        run_id = runlog.start(con, all_inputs, asdict(opts), (__version__, *versions))
        summary = IngestSummary(run_id=run_id, resumed=resumed, notices=notices)

        def committed(outcomes: list[Outcome]) -> None:
            for out in outcomes:
                if on_result is not None:
                    on_result(out)

        writer = _Writer(store, commit_every, commit_seconds, committed)
        ids = DocIds()
        try:
            for job_inputs, job_opts in jobs:
                _ingest_job(job_inputs, job_opts, store, coder, versions, writer, summary, ids)
            writer.flush()
            # clusters over the whole store: after new or replaced articles, or when a killed run
            # left them out of step with the events
            if summary.added or summary.replaced or clusters_stale(con):
                refresh_clusters(con)
        except BaseException:
            # Ctrl-C or an unexpected error: what is committed stays; say so in the run log (a
            # kill -9 cannot, and the next ingest marks such runs interrupted instead)
            with contextlib.suppress(Exception):  # keep the original error
                con.execute("UPDATE runs SET status = 'interrupted', finished_at = ? WHERE run_id = ?", [runlog.now(), run_id])
            raise
        con.execute(
            """UPDATE runs SET finished_at = ?, status = 'done', records_read = ?, added = ?, replaced = ?,
               unchanged = ?, failed = ?, events = ? WHERE run_id = ?""",
            [runlog.now(), summary.read, summary.added, summary.replaced, summary.unchanged, summary.failed, summary.events, run_id],
        )
        if resumed:
            con.execute("UPDATE runs SET status = 'resumed' WHERE list_contains($ids, run_id)", {"ids": resumed})
        con.execute("CHECKPOINT")
        return summary
    finally:
        if not isinstance(db, Store):
            store.close()


def _ingest_job(
    inputs: list[str],
    opts: IngestOptions,
    store: Store,
    coder: Any,
    versions: tuple[str, str],
    writer: _Writer,
    summary: IngestSummary,
    ids: DocIds,
) -> None:
    con = store.con
    sent: deque[tuple[Article, str]] = deque()  # articles handed to the coder, in order, with their hash
    last_hash: dict[str, str] = {}  # doc id -> content hash last seen in this run

    def stored(doc_id: str) -> tuple[str, str, str] | None:
        rows = con.execute(
            "SELECT content_hash, dictionary_version, pipeline_version FROM articles WHERE doc_id = ?", [doc_id]
        ).fetchall()
        return (rows[0][0], rows[0][1], rows[0][2]) if rows else None

    def taken(item: Article) -> ReadFailure | None:
        """An id made from a file name that a stored article read from another input has."""
        if not item.id_from_path or item.id in last_hash or writer.pending(item.id):
            return None
        rows = con.execute("SELECT origin FROM articles WHERE doc_id = ?", [item.id]).fetchall()
        if not rows or same_input(rows[0][0] or "", item.input):
            return None
        return ReadFailure(item.origin, InputError(Errors.E028, where=item.origin, rid=repr(item.id), other=rows[0][0]))

    def to_code() -> Iterator[Article | ReadFailure]:
        for item in read_inputs(inputs, opts.default_date(), opts.max_chars, opts.web(), ids):
            if isinstance(item, Article):
                item = taken(item) or item
            if isinstance(item, ReadFailure):
                yield item
                continue
            digest = content_hash(item)
            if last_hash.get(item.id) == digest or (
                item.id not in last_hash and not writer.pending(item.id) and stored(item.id) == (digest, *versions)
            ):
                summary.read += 1
                summary.unchanged += 1
                last_hash[item.id] = digest
                writer.outcomes.append(Outcome("unchanged", item.origin, item.id))
                continue
            last_hash[item.id] = digest
            sent.append((item, digest))
            yield item

    for result in coder.code(to_code()):
        summary.read += 1
        if result.doc_id is None:  # unreadable record
            _failed(result, writer, summary)
            continue
        art, digest = sent.popleft()
        if art.id != result.doc_id or art.origin != result.origin:  # the coder keeps input order
            raise RuntimeError(f"coder returned {result.origin} for {art.origin}")
        if result.error is not None:
            _failed(result, writer, summary)
            continue
        status = "replaced" if writer.pending(art.id) or stored(art.id) is not None else "added"
        setattr(summary, status, getattr(summary, status) + 1)
        summary.events += len(result.events)
        rows = article_rows(art, digest, result.events, versions)
        writer.add(art.id, rows, Outcome(status, art.origin, art.id, len(result.events)), replace=status == "replaced")


def _failed(result: Any, writer: _Writer, summary: IngestSummary) -> None:
    err = result.error
    summary.failed += 1
    summary.errors.append(f"{err.message} {err.remedy}")
    writer.error(
        (summary.run_id, result.origin, err.code.name if hasattr(err, "code") else "", err.message),
        Outcome("failed", result.origin, result.doc_id, error=err),
    )
