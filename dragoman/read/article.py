"""The input record: an article with its publication date."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any

from ..errors import DragomanError

ISO_DATE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.]+Z?(?:[+-]\d{2}:?\d{2})?)?\s*$")


def parse_date(value: str) -> dt.date | None:
    """An ISO date (or date-time) string as a date; None when it is not one."""
    m = ISO_DATE.match(value)
    if not m:
        return None
    try:
        return dt.date.fromisoformat(m.group(1))
    except ValueError:
        return None


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    date: dt.date | None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    origin: str = ""  # "path:line" it came from
    input: str = ""  # the input (file path or URL) it was read from
    id_from_path: bool = False  # the id was made from the file name (and line), not given by the record
    meta: dict[str, Any] | None = None  # the record's other fields (section, author, keywords ...), as given


def content_hash(art: Article) -> str:
    """A digest of what the article says: text, date, title, source, url and (when it has any) its
    other fields."""
    payload: list[Any] = [art.text, art.date.isoformat() if art.date else None, art.title, art.source, art.url]
    if art.meta:
        payload.append(art.meta)
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True)
class ReadFailure:
    """An input record that could not be read; ``error`` says why and what to do."""

    origin: str
    error: DragomanError
