"""Input rules, in one place: what a record's text, id, date, title, source and url may hold.

Every reader builds its articles with :func:`record_article` or passes them through
:func:`admit`; :class:`~dragoman.coder.Coder` admits the articles library callers give it.
A record that breaks a rule is refused with an :class:`InputError` naming its file and line;
what can be repaired without changing a character offset is repaired:

- **text**: a string. Control characters other than tab, line feed and carriage return become
  spaces (one for one, so offsets into the text stay true). A lone surrogate (half of a UTF-16
  pair, e.g. a stray ``\\ud800`` escape in JSON) is an error: it cannot be written as UTF-8.
- **id**: a string or a number, trimmed; a blank id counts as none (the reader makes one). At most
  :data:`MAX_ID_CHARS` characters, no control characters (tabs and line breaks included), no
  lone surrogates.
- **title, source, url**: a string or a number; control characters become spaces, the value is
  trimmed and a blank one counts as none; a lone surrogate is an error.
- **date**: from :data:`FIRST_DATE` to :data:`LAST_DATE`. Dates outside break date arithmetic
  (fusion windows, "next year") and are not news.
- **source**: when a record names none, the host of its http(s) url (``www.`` dropped).
- **meta**: a record's other fields (section, author, keywords ...) are kept as given, as JSON
  values; their strings may not hold lone surrogates, and they nest at most :data:`META_DEPTH`
  levels deep.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
from typing import Any
from urllib.parse import urlsplit

from ..errors import Errors, InputError
from .article import Article

FIRST_DATE = dt.date(1800, 1, 1)
LAST_DATE = dt.date(2100, 12, 31)
MAX_ID_CHARS = 1000

SURROGATE = re.compile(r"[\ud800-\udfff]")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # not \t \n \r
ID_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
META_FIELDS = ("title", "source", "url")
RECORD_FIELDS = ("id", "text", *META_FIELDS)  # what a record's other fields (its meta) are not
META_DEPTH = 8


def printable(path: str) -> str:
    """A path as messages and the store show it: bytes that are not UTF-8 (which Python keeps as
    lone surrogates) and control characters as escapes."""
    text = os.fsencode(path).decode("utf-8", "backslashreplace")
    return ID_CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def check_date(date: dt.date, where: str) -> dt.date:
    """``date`` when it lies in the allowed range; else an InputError naming ``where``."""
    if not FIRST_DATE <= date <= LAST_DATE:
        raise InputError(Errors.E023, where=where, date=date.isoformat(), first=FIRST_DATE.year, last=LAST_DATE.year)
    return date


def _no_surrogate(value: str, field: str, where: str) -> None:
    m = SURROGATE.search(value)
    if m:
        raise InputError(Errors.E024, where=where, field=field, char=m.group(), offset=m.start())


def clean_text(value: str, where: str, field: str = "text") -> str:
    """The text with control characters as spaces; an error for a lone surrogate."""
    _no_surrogate(value, field, where)
    return CONTROL.sub(" ", value)


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    return f"a {type(value).__name__}"


def scalar(value: object, field: str, where: str, numbers: bool = True) -> str | None:
    """A field given as a string (or a number) as a string; None when missing or empty."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value
    if numbers and isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise InputError(Errors.E025, where=where, field=field, kind=_kind(value))


def clean_id(value: str | None, where: str) -> str | None:
    """The id trimmed; None when blank; an error for one that cannot serve as an id."""
    if value is None or not value.strip():
        return None
    rid = value.strip()
    _no_surrogate(rid, "id", where)
    if len(rid) > MAX_ID_CHARS:
        raise InputError(Errors.E026, where=where, rid=rid[:40] + "…", detail=f"has {len(rid)} characters", limit=MAX_ID_CHARS)
    if ID_CONTROL.search(rid):
        raise InputError(Errors.E026, where=where, rid=repr(rid), detail="holds a control character", limit=MAX_ID_CHARS)
    return rid


def clean_meta(value: str | None, field: str, where: str) -> str | None:
    """A title, source or url: control characters as spaces, trimmed; None when blank."""
    if value is None:
        return None
    _no_surrogate(value, field, where)
    value = ID_CONTROL.sub(" ", value).strip()
    return value or None


def url_host(url: str | None) -> str | None:
    """The host of an http(s) URL, lower case, without ``www.``; None for anything else."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not host:
        return None
    return host.removeprefix("www.") or None


def clean_meta_value(value: Any, field: str, where: str, depth: int = 0) -> Any:
    """An extra field's value as JSON can hold it; an error for a lone surrogate or deep nesting."""
    if depth > META_DEPTH:
        raise InputError(Errors.E061, where=where, field=field, detail=f"values nested over {META_DEPTH} levels deep", limit=META_DEPTH)
    if isinstance(value, str):
        _no_surrogate(value, field, where)
        return value
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            _no_surrogate(str(key), field, where)
            out[str(key)] = clean_meta_value(item, f"{field}.{key}", where, depth + 1)
        return out
    if isinstance(value, list):
        return [clean_meta_value(item, field, where, depth + 1) for item in value]
    if value is None or isinstance(value, (bool, int)):
        return value
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise InputError(Errors.E061, where=where, field=field, detail="a number JSON cannot hold", limit=META_DEPTH)
        return value
    raise InputError(Errors.E061, where=where, field=field, detail=f"a {type(value).__name__}", limit=META_DEPTH)


def record_meta(obj: dict[str, object], where: str, date_field: str | None) -> dict[str, Any] | None:
    """The fields of a record that are not its id, text, date, title, source or url; None when none
    (empty and null values are no field)."""
    meta: dict[str, Any] = {}
    for key, value in obj.items():
        if not isinstance(key, str) or not key.strip() or key in RECORD_FIELDS or key == date_field:
            continue
        if value is None or value == "":
            continue
        meta[key] = clean_meta_value(value, key, where)
    return meta or None


def admit(art: Article) -> Article:
    """The article as the rules allow it (normalised), or an InputError naming its origin."""
    where = art.origin or art.id
    rid = clean_id(art.id, where)
    if rid is None:
        raise InputError(Errors.E026, where=where, rid="''", detail="is empty", limit=MAX_ID_CHARS)
    if not isinstance(art.text, str):
        raise InputError(Errors.E025, where=where, field="text", kind=_kind(art.text))
    if art.date is not None:
        check_date(art.date, where)
    text = clean_text(art.text, where)
    title, source, url = (clean_meta(getattr(art, f), f, where) for f in META_FIELDS)
    source = source or url_host(url)
    meta = record_meta(art.meta, where, None) if art.meta else None
    if (rid, text, title, source, url, meta) == (art.id, art.text, art.title, art.source, art.url, art.meta):
        return art
    return dataclasses.replace(art, id=rid, text=text, title=title, source=source, url=url, meta=meta)


def record_article(obj: dict[str, object], where: str, date: dt.date, fallback_id: str, date_field: str | None = None) -> Article:
    """An article from a JSON object or CSV row whose date (read from ``date_field``) was checked,
    by the rules; the record's other fields are its ``meta``."""
    text = obj.get("text")
    if not isinstance(text, str):
        raise InputError(Errors.E025, where=where, field="text", kind=_kind(text))
    rid = clean_id(scalar(obj.get("id"), "id", where), where)
    meta = {f: scalar(obj.get(f), f, where) for f in META_FIELDS}
    return admit(
        Article(
            id=rid or fallback_id,
            text=text,
            date=date,
            origin=where,
            id_from_path=rid is None,
            meta=record_meta(obj, where, date_field),
            **meta,  # type: ignore[arg-type]
        )
    )
