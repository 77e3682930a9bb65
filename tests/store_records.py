"""Stores built from hand-made event records (no coding): exact dates, precisions, attributions,
locations and clusters for the tests of queries, time series, filters and exports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pyarrow as pa

from dragoman.read import Article
from dragoman.read.article import content_hash
from dragoman.store import Store
from dragoman.store.ingest import article_rows
from dragoman.store.schema import ARROW, DATA_TABLES


def entity(code: str | None, text: str, sector: str | None = "GOV", **more: Any) -> dict[str, Any]:
    return {"entity_text": text, "code": code, "sector": sector, "identifier_text": more.get("identifier_text"),
            "office": more.get("office"), "rule": more.get("rule", "test")}


def record(rid: str, doc_id: str, *, date: str, precision: str = "day", event: str = "CONSULT", cameo: str = "040",
           quad: int = 1, score: float = 1.0, actor: list | None = None, recipient: list | None = None,
           modality: str = "asserted", negated: bool = False, attributed: dict | None = None, location: dict | None = None,
           confidence: float = 0.9, cluster: str | None = None, sentence: int = 0, start: int = 0, end: int = 20,
           **extra: Any) -> dict[str, Any]:
    rec = {
        "id": rid, "doc_id": doc_id, "date": date, "date_precision": precision, "event": event, "mode": [], "context": [],
        "actor": actor if actor is not None else [entity("USA", "the United States")],
        "recipient": recipient if recipient is not None else [entity("PAK", "Pakistan")],
        "cameo": cameo, "quad_code": quad, "plover_score": score, "event_text": ["met"],
        "text_info": {"sentence": sentence, "start": start, "end": end, "trigger_start": start, "trigger_end": start + 3},
        "modality": modality, "negated": negated, "attributed_to": attributed, "location": location,
        "rule": "test.rule", "dictionary_version": "test", "confidence": confidence,
    }
    if cluster is not None:
        rec["cluster_id"] = cluster
    rec.update(extra)
    return rec


def build(path: Path, articles: list[tuple[dict[str, Any], list[dict[str, Any]]]]) -> Path:
    """A store at ``path`` holding ``articles``: (article fields, its records) pairs. An article is
    ``{"id", "text", "date", "title"?, "source"?, "url"?, "meta"?}``; each event without a
    ``cluster_id`` gets a cluster of its own."""
    with Store.open(path) as store:
        rows: dict[str, list[dict[str, Any]]] = {t: [] for t in DATA_TABLES}
        for fields, recs in articles:
            art = Article(fields["id"], fields["text"], dt.date.fromisoformat(fields["date"]), fields.get("title"),
                          fields.get("source"), fields.get("url"), origin=f"test:{fields['id']}", meta=fields.get("meta"))
            recs = [{**r, "cluster_id": r.get("cluster_id") or f"c-{r['id']}"} for r in recs]
            for table, table_rows in article_rows(art, content_hash(art), recs, ("test", "test")).items():
                rows[table].extend(table_rows)
        for table in DATA_TABLES:
            if rows[table]:
                arrow = pa.Table.from_pylist(rows[table], schema=ARROW[table])  # noqa: F841 - read by DuckDB
                store.con.execute(f"INSERT INTO {table} SELECT * FROM arrow")  # noqa: S608
    return path
