"""Read plain-text, JSONL and CSV inputs (or stdin), one Article or ReadFailure per record."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import Errors, InputError
from .article import Article, ReadFailure, parse_date
from .feeds import FEED_SUFFIXES, read_feed
from .html import HTML_SUFFIXES, read_html
from .urls import WebOptions, is_url, read_url

DEFAULT_MAX_CHARS = 1_000_000
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
CSV_SUFFIXES = {".csv"}


def _decode(data: bytes, path: str, line: int | str) -> str:
    try:
        return data.decode("utf-8-sig" if line in (1, "1") else "utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(Errors.E014, path=path, line=line, offset=exc.start) from None


def _date(raw: object, default: dt.date | None, path: str, line: int) -> dt.date:
    if raw in (None, ""):
        if default is None:
            raise InputError(Errors.E017, path=path, line=line)
        return default
    parsed = parse_date(str(raw))
    if parsed is None:
        raise InputError(Errors.E013, path=path, line=line, date=raw)
    return parsed


def _article(
    obj: dict[str, object], path: str, line: int, default_date: dt.date | None, max_chars: int, fallback_id: str
) -> Article:
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(Errors.E012, path=path, line=line)
    if len(text) > max_chars:
        raise InputError(Errors.E016, path=path, line=line, size=len(text), limit=max_chars)
    date = _date(obj.get("date") or obj.get("published") or obj.get("publication_date"), default_date, path, line)
    rid = obj.get("id")
    return Article(
        id=str(rid) if rid not in (None, "") else fallback_id,
        text=text,
        date=date,
        title=str(obj["title"]) if obj.get("title") else None,
        source=str(obj["source"]) if obj.get("source") else None,
        url=str(obj["url"]) if obj.get("url") else None,
        origin=f"{path}:{line}",
    )


def read_jsonl(data: bytes, path: str, default_date: dt.date | None, max_chars: int) -> Iterator[Article | ReadFailure]:
    stem = Path(path).stem
    any_line = False
    for n, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        any_line = True
        try:
            line = _decode(raw, path, n)
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(Errors.E011, path=path, line=n, detail=exc.msg) from None
            if not isinstance(obj, dict):
                raise InputError(Errors.E019, path=path, line=n)
            yield _article(obj, path, n, default_date, max_chars, f"{stem}-{n}")
        except InputError as err:
            yield ReadFailure(f"{path}:{n}", err)
    if not any_line:
        yield ReadFailure(path, InputError(Errors.E015, path=path))


def read_csv(data: bytes, path: str, default_date: dt.date | None, max_chars: int) -> Iterator[Article | ReadFailure]:
    stem = Path(path).stem
    try:
        text = _decode(data, path, "1")
    except InputError:
        # decode line by line so the failure names the bad row and the rest is read
        text = None
    if text is None:
        lines = data.split(b"\n")
        good: list[str] = []
        for n, raw in enumerate(lines, start=1):
            try:
                good.append(_decode(raw, path, n))
            except InputError as err:
                yield ReadFailure(f"{path}:{n}", err)
                good.append("")
        text = "\n".join(good)
    if not text.strip():
        yield ReadFailure(path, InputError(Errors.E015, path=path))
        return
    reader = csv.DictReader(io.StringIO(text, newline=""))
    fields = reader.fieldnames or []
    if "text" not in fields:
        yield ReadFailure(path, InputError(Errors.E018, path=path, columns=", ".join(fields) or "none"))
        return
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield ReadFailure(f"{path}:{reader.line_num}", InputError(Errors.E011, path=path, line=reader.line_num, detail=str(exc)))
            continue
        n = reader.line_num
        if not any((v or "").strip() for v in row.values() if isinstance(v, str)):
            continue
        try:
            yield _article(dict(row), path, n, default_date, max_chars, f"{stem}-{n}")
        except InputError as err:
            yield ReadFailure(f"{path}:{n}", err)


def read_text(data: bytes, path: str, default_date: dt.date | None, max_chars: int) -> Iterator[Article | ReadFailure]:
    try:
        text = _decode(data, path, 1)
    except InputError as err:
        yield ReadFailure(path, err)
        return
    if not text.strip():
        yield ReadFailure(path, InputError(Errors.E015, path=path))
        return
    first, _, rest = text.lstrip("\ufeff").partition("\n")
    date = parse_date(first)
    if date is not None:
        text = rest
        # keep character offsets meaningful: offsets are into the text after the date line
    elif default_date is None:
        yield ReadFailure(path, InputError(Errors.E017, path=path, line=1))
        return
    try:
        when = date or default_date
        assert when is not None
        yield _article({"text": text, "date": when.isoformat()}, path, 1, None, max_chars, Path(path).name)
    except InputError as err:
        yield ReadFailure(path, err)


def _kind(path: str, data: bytes) -> str:
    suffix = Path(path).suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in CSV_SUFFIXES:
        return "csv"
    if path == "-" and data.lstrip()[:1] == b"{":
        return "jsonl"
    return "text"


def read_inputs(
    paths: Iterable[str | Path],
    default_date: dt.date | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    web: WebOptions | None = None,
) -> Iterator[Article | ReadFailure]:
    """Every record of every input, in order; unreadable records come as ReadFailure.

    http(s) URLs are fetched (``web`` sets timeout, size limit and whether feed items' links are
    fetched); .html/.htm files are read as article pages, .xml/.rss/.atom files as feeds.
    """
    for p in paths:
        path = str(p)
        if is_url(path):
            yield from read_url(path, default_date, max_chars, web)
            continue
        try:
            data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
        except OSError as exc:
            yield ReadFailure(path, InputError(Errors.E010, path=path, detail=exc.strerror or str(exc)))
            continue
        shown = "<stdin>" if path == "-" else path
        if not data.strip():
            yield ReadFailure(shown, InputError(Errors.E015, path=shown))
            continue
        suffix = Path(path).suffix.lower()
        if suffix in HTML_SUFFIXES:
            yield from read_html(data, shown, default_date, max_chars)
            continue
        if suffix in FEED_SUFFIXES:
            yield from read_feed(data, shown, default_date, max_chars, options=web)
            continue
        kind = _kind(path, data)
        reader = {"jsonl": read_jsonl, "csv": read_csv, "text": read_text}[kind]
        yield from reader(data, shown, default_date, max_chars)
