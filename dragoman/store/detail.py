"""One event traced to its sentence, event clusters with every member, and readout comparison.

``event(store, event_id)`` gives the stored record with its article, its sentence, the trigger and
the entities located in the sentence (character offsets into the article text), and the other
members of its cluster. ``clusters(store, filters)`` lists the clusters (happenings) that have an
event matching the filters; ``cluster(store, cluster_id)`` gives one with every member and the
source of each; ``compare(store, cluster_id)`` sets side by side what each source said of it.

The source of an event is who it is attributed to (when the attribution has a code), else the
article's source, else the article's doc id: as in :mod:`dragoman.records.compare`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd

from .db import Store
from .query import Filters, _filtered, _store

# the source of each event: attribution (when coded), article source, doc id
_SOURCE = """coalesce(
    CASE WHEN e.attributed_code IS NOT NULL THEN coalesce(att.identifier_text, e.attributed_text) END,
    a.source, e.doc_id)"""

_MEMBERS = f"""SELECT e.event_id, e.doc_id, e.seq, e.date, e.date_precision, e.event, e.cameo, e.quad_code,
       e.plover_score, array_to_string(e.actor_codes, '+') AS actor, array_to_string(e.recipient_codes, '+') AS recipient,
       array_to_string(e.event_text, ' ') AS trigger, e.modality, e.negated, e.context, e.rule,
       e.start_char, e.end_char, e.trigger_start, e.trigger_end, s.text AS sentence_text,
       a.title, a.source AS article_source, e.attributed_text, {_SOURCE} AS source, c.cluster_id
FROM clusters c
JOIN events e ON e.doc_id = c.doc_id AND e.seq = c.seq AND e.event_id = c.event_id
JOIN articles a ON a.doc_id = e.doc_id
LEFT JOIN sentences s ON s.doc_id = e.doc_id AND s.sentence = e.sentence
LEFT JOIN entities att ON att.doc_id = e.doc_id AND att.seq = e.seq AND att.role = 'attributed_to' AND att.position = 0"""


def locate(sentence: str, needle: str | None, near: int) -> tuple[int, int] | None:
    """Offsets of ``needle`` in ``sentence`` (the occurrence nearest to ``near``); None if absent.

    Exact case first, then ignoring case. Entities keep their surface text, so the text of an
    actor or recipient named in the event's sentence is found there.
    """
    if not needle:
        return None
    for hay, pin in ((sentence, needle), (sentence.lower(), needle.lower())):
        hits = []
        at = hay.find(pin)
        while at >= 0:
            hits.append(at)
            at = hay.find(pin, at + 1)
        if hits:
            best = min(hits, key=lambda h: (abs(h - near), h))
            return best, best + len(needle)
    return None


ENTITY_KEYS = ("entity_text", "code", "sector", "identifier_text", "office", "rule")


def trace(record: dict[str, Any], sentence: str, sentence_start: int) -> dict[str, Any]:
    """The trigger and the entities of ``record`` located in its sentence (``sentence`` is its text,
    starting at ``sentence_start`` in the article): offsets into the article text, null when an
    entity's text is not in the sentence (an attribution told in another paragraph)."""
    info = record.get("text_info") or {}
    tstart, tend = info.get("trigger_start"), info.get("trigger_end")
    near = (tstart if isinstance(tstart, int) else sentence_start) - sentence_start
    entities = []
    parties = [("actor", e) for e in record.get("actor") or []] + [("recipient", e) for e in record.get("recipient") or []]
    if record.get("attributed_to"):
        parties.append(("attributed_to", record["attributed_to"]))
    positions: dict[str, int] = {}
    for role, ent in parties:
        position = positions.get(role, 0)
        positions[role] = position + 1
        hit = locate(sentence, ent.get("entity_text"), near)
        entities.append({
            "role": role, "position": position, **{k: ent.get(k) for k in ENTITY_KEYS},
            "start": hit[0] + sentence_start if hit else None, "end": hit[1] + sentence_start if hit else None,
        })
    trigger_text = sentence[tstart - sentence_start : tend - sentence_start] if isinstance(tstart, int) and isinstance(tend, int) else None
    return {"trigger": {"start": tstart, "end": tend, "text": trigger_text}, "entities": entities}


def _rows(df: pd.DataFrame) -> list[dict[str, Any]]:
    return [dict(zip(df.columns, row, strict=True)) for row in df.itertuples(index=False)]


def event(db: Store | str | Path, event_id: str) -> dict[str, Any] | None:
    """The event ``event_id`` traced to its text; None when the store has no such event.

    Keys: ``record`` (as coded), ``article`` (doc_id, title, source, url, date), ``sentence``
    (index, start, end, text), ``trigger`` (start, end, text), ``entities`` (role, position, texts,
    codes, the dictionary entry that resolved each, and ``start``/``end`` where the text is found
    in the sentence, else null), ``cluster_id`` and ``cluster`` (the other members). Offsets are
    into the article text.
    """
    store, owned = _store(db)
    try:
        rows = store.con.execute(
            """SELECT e.doc_id, e.seq, e.record, e.sentence, e.start_char, e.end_char, e.cluster_id, s.text, a.title, a.source, a.url, a.date
               FROM events e JOIN articles a ON a.doc_id = e.doc_id
               LEFT JOIN sentences s ON s.doc_id = e.doc_id AND s.sentence = e.sentence
               WHERE e.event_id = ? ORDER BY e.doc_id, e.seq LIMIT 1""",
            [event_id],
        ).fetchall()
        if not rows:
            return None
        doc_id, seq, record, sent, start, end, cluster_id, text, title, source, url, date = rows[0]
        rec = json.loads(record)
        traced = trace(rec, text or "", start or 0)
        members = store.con.execute(
            f"{_MEMBERS} WHERE c.cluster_id = ? AND NOT (e.doc_id = ? AND e.seq = ?) ORDER BY e.day, e.doc_id, e.seq",  # noqa: S608
            [cluster_id, doc_id, seq],
        ).df() if cluster_id else pd.DataFrame()
        return {
            "record": rec,
            "article": {"doc_id": doc_id, "title": title, "source": source, "url": url, "date": date},
            "sentence": {"index": sent, "start": start, "end": end, "text": text or ""},
            **traced,
            "cluster_id": cluster_id,
            "cluster": _rows(members),
        }
    finally:
        if owned:
            store.close()


def traced(db: Store | str | Path, events: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows of :func:`dragoman.store.query.events` (or a page of them) with each event's record, the
    sentence's offsets, and its trigger and entities located in the sentence (see :func:`trace`)."""
    from .rows import json_rows

    out = json_rows(events)
    if not out:
        return out
    store, owned = _store(db)
    try:
        found = store.con.execute(
            """SELECT e.doc_id, e.seq, e.record, e.start_char, e.end_char FROM events e
               JOIN (SELECT unnest($docs) AS doc_id, unnest($seqs) AS seq) k ON k.doc_id = e.doc_id AND k.seq = e.seq""",
            {"docs": [r["doc_id"] for r in out], "seqs": [int(r["seq"]) for r in out]},
        ).fetchall()
    finally:
        if owned:
            store.close()
    by_key = {(d, s): (json.loads(rec), start, end) for d, s, rec, start, end in found}
    for row in out:
        rec, start, end = by_key[(row["doc_id"], int(row["seq"]))]
        row.update(record=rec, sentence_start=start, sentence_end=end, **trace(rec, row.get("sentence_text") or "", start or 0))
    return out


def _clusters_sql(filters: Filters, min_sources: int) -> tuple[str, dict[str, Any]]:
    cte, params = _filtered(filters)
    params["min_sources"] = int(min_sources)
    return f"""WITH {cte},
        hit AS (SELECT DISTINCT c.cluster_id FROM fe JOIN clusters c ON c.doc_id = fe.doc_id AND c.seq = fe.seq),
        members AS ({_MEMBERS} SEMI JOIN hit ON hit.cluster_id = c.cluster_id)
        SELECT cluster_id, arg_min(event, date) AS event, min(date) AS date, max(date) AS last_date,
               list_sort(list_distinct(flatten(list(string_split(actor, '+') || string_split(recipient, '+'))))) AS parties,
               count(*) AS mentions, count(DISTINCT doc_id) AS documents,
               list_sort(list_distinct(list(source))) AS sources, count(DISTINCT source) AS n_sources,
               round(avg(plover_score), 3) AS mean_score
        FROM members GROUP BY cluster_id HAVING count(DISTINCT source) >= $min_sources""", params


def clusters(
    db: Store | str | Path, filters: Filters | None = None, *, min_sources: int = 1, offset: int = 0, limit: int | None = None
) -> tuple[pd.DataFrame, int]:
    """Clusters with an event matching ``filters`` and at least ``min_sources`` sources: one row each
    (cluster_id, event, first and last date, parties, mentions, documents, sources, mean score),
    most mentioned first; and how many there are in all."""
    store, owned = _store(db)
    try:
        text, params = _clusters_sql(filters or Filters(), min_sources)
        total = int(store.con.execute(f"SELECT count(*) FROM ({text})", params).fetchall()[0][0])  # noqa: S608
        lim = f" LIMIT {int(limit)}" if limit is not None else ""
        df = store.con.execute(
            f"SELECT * FROM ({text}) ORDER BY n_sources DESC, mentions DESC, date, cluster_id{lim} OFFSET {int(offset)}", params  # noqa: S608
        ).df()
        df["parties"] = [[p for p in ps if p] for ps in df["parties"]]
        df["parties"] = ["+".join(ps) for ps in df["parties"]]
        return df, total
    finally:
        if owned:
            store.close()


def cluster(db: Store | str | Path, cluster_id: str) -> dict[str, Any] | None:
    """The cluster ``cluster_id``: its summary (as in :func:`clusters`) and every member with its source."""
    store, owned = _store(db)
    try:
        members = store.con.execute(f"{_MEMBERS} WHERE c.cluster_id = ? ORDER BY e.day, e.doc_id, e.seq", [cluster_id]).df()  # noqa: S608
        if members.empty:
            return None
        rows = _rows(members)
        parties = sorted({p for r in rows for p in f"{r['actor']}+{r['recipient']}".split("+") if p})
        return {
            "cluster_id": cluster_id,
            "event": rows[0]["event"],
            "date": min(str(r["date"]) for r in rows if r["date"]) if any(r["date"] for r in rows) else None,
            "parties": "+".join(parties),
            "mentions": len(rows),
            "documents": sorted({r["doc_id"] for r in rows}),
            "sources": sorted({r["source"] for r in rows}),
            "members": rows,
        }
    finally:
        if owned:
            store.close()


def compare(db: Store | str | Path, cluster_id: str) -> dict[str, Any] | None:
    """What each source said of the happening ``cluster_id``: for every source its events (type,
    trigger, sentence, document), contexts and dates, side by side; None when there is no such cluster."""
    found = cluster(db, cluster_id)
    if found is None:
        return None
    by_source: dict[str, dict[str, Any]] = {}
    for m in found["members"]:
        side = by_source.setdefault(m["source"], {"events": [], "contexts": set(), "dates": set(), "documents": set()})
        side["events"].append({k: m[k] for k in ("event_id", "doc_id", "event", "cameo", "trigger", "sentence_text", "date", "modality", "negated", "title")})
        side["contexts"].update(m["context"] if m["context"] is not None else [])
        side["dates"].add(str(m["date"]))
        side["documents"].add(m["doc_id"])
    sides = {s: {**v, "contexts": sorted(v["contexts"]), "dates": sorted(v["dates"]), "documents": sorted(v["documents"])} for s, v in sorted(by_source.items())}
    summary = {k: v for k, v in found.items() if k != "members"}
    return {**summary, "by_source": sides}


__all__ = ["cluster", "clusters", "compare", "event", "locate", "trace", "traced"]
