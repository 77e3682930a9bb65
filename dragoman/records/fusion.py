"""Fusion: group event records that tell the same happening, in one article or across articles.

Two events fuse when they have the same PLOVER type and CAMEO root, the same modality and
negation, parties (actors and recipients) of which one set contains the other and that share at
least two codes (or their single code), compatible dates (same day for day precision, same month
for month precision, within two days of a publication date otherwise) and no conflicting place.
Clusters are single-link groups; a cluster's id is a hash of its earliest mention's id, so the same
input gives the same ids.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Iterable
from typing import Any

# events with no direction: a meeting told by either side is one meeting
SYMMETRIC = {"CONSULT", "COOPERATE"}
PRECISION_RANK = {"day": 0, "month": 1, "year": 2, "publication": 3}


def parties(rec: dict[str, Any]) -> frozenset[str]:
    return frozenset(e["code"] for e in [*rec.get("actor", []), *rec.get("recipient", [])] if e.get("code"))


def _date_span(rec: dict[str, Any]) -> tuple[dt.date, dt.date] | None:
    value, precision = rec.get("date"), rec.get("date_precision")
    if not value:
        return None
    try:
        if precision in ("day", "publication"):
            d = dt.date.fromisoformat(value)
            slack = dt.timedelta(days=2 if precision == "publication" else 0)
            return d - slack, d + slack
        if precision == "month":
            y, m = int(value[:4]), int(value[5:7])
            end = dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)
            return dt.date(y, m, 1), end
        if precision == "year":
            return dt.date(int(value[:4]), 1, 1), dt.date(int(value[:4]), 12, 31)
    except (ValueError, OverflowError):  # not a date, or one at the end of the calendar (9999-12-31 + 2 days)
        return None
    return None


def compatible(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether two event records can describe the same happening."""
    if a["event"] != b["event"] or a.get("cameo", "")[:2] != b.get("cameo", "")[:2]:
        return False
    if a.get("modality") != b.get("modality") or bool(a.get("negated")) != bool(b.get("negated")):
        return False
    pa, pb = parties(a), parties(b)
    if not pa or not pb or not (pa <= pb or pb <= pa):
        return False
    if len(pa & pb) < min(2, len(pa), len(pb)):
        return False
    if a["event"] not in SYMMETRIC and a.get("recipient") and b.get("recipient"):
        # praise of Y by X and praise of X by Y are two happenings
        aa = {e["code"] for e in a.get("actor", []) if e.get("code")}
        ab = {e["code"] for e in b.get("actor", []) if e.get("code")}
        if not aa & ab:
            return False
    da, db = _date_span(a), _date_span(b)
    if da and db and (da[1] < db[0] or db[1] < da[0]):
        return False
    la, lb = a.get("location") or {}, b.get("location") or {}
    return not (la.get("country_code") and lb.get("country_code") and la["country_code"] != lb["country_code"])


def _source(rec: dict[str, Any]) -> str | None:
    src = rec.get("attributed_to")
    if not src:
        return None
    return str(src.get("identifier_text") or src.get("entity_text"))


def fuse(records: Iterable[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Add ``cluster_id`` to every record; return (records, one summary record per cluster)."""
    recs = [dict(r) for r in records]
    parent = list(range(len(recs)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(recs))}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i: int, j: int) -> None:
        """Merge the clusters of i and j when every pair across them may tell one happening
        (complete linkage: no chain "X-Y talks" ~ "X-Y-Z talks" ~ "Y-Z talks" merges X with Z)."""
        a, b = find(i), find(j)
        if a == b or not all(compatible(recs[x], recs[y]) for x in members[a] for y in members[b]):
            return
        parent[a] = b
        members[b].extend(members.pop(a))

    # compare only events that can match: same type and modality, overlapping dates (a sliding
    # window over events sorted by date), so fusing a store of many thousand events stays fast
    blocks: dict[tuple[str, str, bool], list[int]] = {}
    for i, r in enumerate(recs):
        blocks.setdefault((r["event"], str(r.get("modality")), bool(r.get("negated"))), []).append(i)
    far = dt.date(9999, 12, 31)
    for idxs in blocks.values():
        spans = {i: _date_span(recs[i]) for i in idxs}
        dated = sorted((i for i in idxs if spans[i]), key=lambda i: (spans[i][0], i))  # type: ignore[index]
        undated = [i for i in idxs if not spans[i]]
        window: list[int] = []
        for i in dated:
            start = spans[i][0]  # type: ignore[index]
            window = [j for j in window if (spans[j] or (start, far))[1] >= start]
            for j in window:
                if find(i) != find(j) and compatible(recs[i], recs[j]):
                    join(i, j)
            window.append(i)
        for n, i in enumerate(undated):  # no date: only within the same document
            for j in undated[:n]:
                if recs[i]["doc_id"] == recs[j]["doc_id"] and find(i) != find(j) and compatible(recs[i], recs[j]):
                    join(i, j)
    clusters = []
    for group in members.values():
        group.sort()
        first = recs[group[0]]
        cid = "c" + hashlib.sha1(first["id"].encode()).hexdigest()[:15]
        for i in group:
            recs[i]["cluster_id"] = cid
        clusters.append(_summary(cid, [recs[i] for i in group]))
    clusters.sort(key=lambda c: c["first_mention"])
    return recs, clusters


def _summary(cid: str, mentions: list[dict[str, Any]]) -> dict[str, Any]:
    best = min(mentions, key=lambda r: PRECISION_RANK.get(r.get("date_precision", "publication"), 3))
    actors = sorted({e["code"] for r in mentions for e in r.get("actor", []) if e.get("code")})
    recipients = sorted({e["code"] for r in mentions for e in r.get("recipient", []) if e.get("code")} - set(actors))
    sources = sorted({s for s in (_source(r) for r in mentions) if s})
    loc = next((r["location"] for r in mentions if r.get("location")), None)
    return {
        "cluster_id": cid,
        "event": mentions[0]["event"],
        "cameo": Counter(r["cameo"] for r in mentions).most_common(1)[0][0],
        "actor_codes": actors,
        "recipient_codes": recipients,
        "date": best.get("date"),
        "date_precision": best.get("date_precision"),
        "modality": mentions[0].get("modality"),
        "negated": mentions[0].get("negated"),
        "location": loc,
        "contexts": sorted({c for r in mentions for c in r.get("context", [])}),
        "mentions": [r["id"] for r in mentions],
        "first_mention": (mentions[0]["doc_id"], mentions[0]["text_info"]["start"]),
        "documents": sorted({r["doc_id"] for r in mentions}),
        "sources": sources,
        "attributions": [r.get("attributed_to") for r in mentions],
        "event_text": [" ".join(r.get("event_text", [])) for r in mentions],
    }
