"""Event clusters in the store: fusion over every stored event, refreshed after an ingest.

Every stored event belongs to exactly one cluster (most to a cluster of one). The refresh runs in
one transaction, so a killed ingest leaves either the old clusters or the new ones; a later ingest
notices clusters that do not match the events and refreshes them, so the store always ends as one
clean run would leave it.
"""

from __future__ import annotations

import json
from typing import Any

from ..records.fusion import fuse


def clusters_stale(con: Any) -> bool:
    """Whether some event has no cluster row, or some cluster row no event."""
    missing = con.execute(
        """SELECT count(*) FROM events e LEFT JOIN clusters c
           ON c.doc_id = e.doc_id AND c.seq = e.seq AND c.event_id = e.event_id WHERE c.event_id IS NULL"""
    ).fetchall()[0][0]
    orphans = con.execute(
        """SELECT count(*) FROM clusters c LEFT JOIN events e
           ON c.doc_id = e.doc_id AND c.seq = e.seq AND c.event_id = e.event_id WHERE e.event_id IS NULL"""
    ).fetchall()[0][0]
    return bool(missing or orphans)


def refresh_clusters(con: Any) -> int:
    """Fuse every stored event and rewrite the clusters table and events.cluster_id; returns the
    number of clusters."""
    rows = con.execute("SELECT doc_id, seq, event_id, record FROM events ORDER BY doc_id, seq").fetchall()
    records: list[dict[str, Any]] = []
    keys: list[tuple[str, int, str]] = []
    for doc_id, seq, event_id, record in rows:
        rec = json.loads(record)
        rec["id"] = event_id
        rec["doc_id"] = doc_id
        records.append(rec)
        keys.append((doc_id, seq, event_id))
    fused, clusters = fuse(records)
    table = [(r["cluster_id"], k[0], k[1], k[2]) for r, k in zip(fused, keys, strict=True)]
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM clusters")
        if table:
            con.executemany("INSERT INTO clusters VALUES (?, ?, ?, ?)", table)
            con.execute(
                """UPDATE events SET cluster_id = c.cluster_id FROM clusters c
                   WHERE c.doc_id = events.doc_id AND c.seq = events.seq AND c.event_id = events.event_id"""
            )
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return len(clusters)
