"""Event records as POLECAT-style JSON objects: PLOVER types with POLECAT's flat field names.

One object per event (JSON Lines). Actor and recipient fields are lists (one item per party,
in record order), places and dates are flat, and the article's source, URL, title and other input
fields come along. docs/codebook.md lists every field.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .gdelt import day_of

PARTY_FIELDS = (
    ("name", lambda e: e.get("identifier_text") or e.get("entity_text")),
    ("name_raw", lambda e: e.get("entity_text")),
    ("country", lambda e: e.get("code")),
    ("sector", lambda e: e.get("sector")),
    ("title", lambda e: e.get("office")),
)


def _parties(rec: dict[str, Any], role: str) -> dict[str, list[Any]]:
    ents = [e for e in rec.get(role) or [] if isinstance(e, dict)]
    return {f"{role}_{name}": [get(e) for e in ents] for name, get in PARTY_FIELDS}


def record(rec: dict[str, Any], article: dict[str, Any], cluster: dict[str, Any] | None = None) -> dict[str, Any]:
    """The POLECAT-style object of a PLOVER record; ``article`` has doc_id, date, source, url,
    title and meta; ``cluster`` cluster_id, mentions, articles and sources."""
    day = day_of(rec.get("date"))
    loc = rec.get("location") or {}
    attributed = rec.get("attributed_to") or {}
    published = article.get("date")
    out: dict[str, Any] = {
        "event_id": rec.get("id"),
        "story_id": rec.get("doc_id"),
        "story_date": published.isoformat() if isinstance(published, dt.date) else published,
        "event_date": day.isoformat() if day else None,
        "date_precision": rec.get("date_precision"),
        "event_type": rec.get("event"),
        "event_mode": list(rec.get("mode") or []),
        "contexts": list(rec.get("context") or []),
        "event_intensity": rec.get("plover_score"),
        "quad_code": rec.get("quad_code"),
        "cameo": rec.get("cameo"),
        "event_text": " ".join(rec.get("event_text") or []),
        **_parties(rec, "actor"),
        **_parties(rec, "recipient"),
        "placename": loc.get("name"),
        "raw_placename": loc.get("text"),
        "country": loc.get("country_code"),
        "latitude": loc.get("lat"),
        "longitude": loc.get("lon"),
        "geonames_id": loc.get("geonameid"),
        "modality": rec.get("modality"),
        "negated": bool(rec.get("negated")),
        "attributed_to": attributed.get("entity_text"),
        "attributed_to_country": attributed.get("code"),
        "confidence": rec.get("confidence"),
        "source": article.get("source"),
        "url": article.get("url"),
        "title": article.get("title"),
        "language": "en",
        "version": rec.get("dictionary_version"),
        "rule": rec.get("rule"),
        "cluster_id": (cluster or {}).get("cluster_id") or rec.get("cluster_id"),
        "num_mentions": (cluster or {}).get("mentions", 1),
        "num_articles": (cluster or {}).get("articles", 1),
        "num_sources": (cluster or {}).get("sources", 1),
        "meta": article.get("meta") or rec.get("meta"),
    }
    return out
