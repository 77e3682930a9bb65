"""Read plain-text, JSONL and CSV inputs (or stdin), one Article or ReadFailure per record.

JSONL and CSV files are read as streams, a line (or row) at a time, so a file of any size can be
coded; a single line over :func:`~.records.line_cap` bytes is an error on that line. A text, HTML
or feed file is one document (or one feed) and may be at most ``max_bytes`` (``--max-bytes``)
long. A UTF-16 or UTF-32 file is one error, not an error per line. Every article passes the input
rules (:mod:`.rules`) and the id rules (:mod:`.ids`) before it is handed on.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import io
import json
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import Errors, InputError
from . import rules
from .article import Article, ReadFailure, parse_date
from .csvfile import read_csv
from .feeds import FEED_SUFFIXES, read_feed
from .html import HTML_SUFFIXES, read_html
from .ids import DocIds
from .records import decode, line_cap, numbered_lines, record_article, too_long, wide_encoding
from .urls import WebOptions, is_url, read_url

DEFAULT_MAX_CHARS = 1_000_000
PARSER_MAX_CHARS = 1_000_000  # spaCy's Language.max_length: longer texts are refused by the parser
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
CSV_SUFFIXES = {".csv"}


def read_jsonl(stream: BinaryIO, path: str, default_date: dt.date | None, max_chars: int) -> Iterator[Article | ReadFailure]:
    stem = Path(path).stem
    cap = line_cap(max_chars)
    any_line = False
    for n, raw in numbered_lines(stream, cap):
        if raw is not None and not raw.strip():
            continue
        any_line = True
        try:
            if raw is None:
                raise too_long(path, n, cap)
            line = decode(raw, path, n)
            try:
                obj = json.loads(line)
            except ValueError as exc:  # JSONDecodeError, or a number too long to convert
                raise InputError(Errors.E011, path=path, line=n, detail=getattr(exc, "msg", str(exc))) from None
            except RecursionError:
                raise InputError(Errors.E011, path=path, line=n, detail="nested too deeply") from None
            if not isinstance(obj, dict):
                raise InputError(Errors.E019, path=path, line=n)
            yield record_article(obj, path, n, default_date, max_chars, f"{stem}-{n}")
        except InputError as err:
            yield ReadFailure(f"{path}:{n}", err)
    if not any_line:
        yield ReadFailure(path, InputError(Errors.E015, path=path))


def read_text(data: bytes, path: str, default_date: dt.date | None, max_chars: int) -> Iterator[Article | ReadFailure]:
    wide = wide_encoding(data[:1024])
    if wide:
        yield ReadFailure(path, InputError(Errors.E031, path=path, encoding=wide))
        return
    try:
        text = decode(data, path, 1)
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
        yield record_article({"text": text, "date": when.isoformat()}, path, 1, None, max_chars, Path(path).name)
    except InputError as err:
        yield ReadFailure(path, err)


def _kind(path: str, head: bytes) -> str:
    suffix = Path(path).suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in CSV_SUFFIXES:
        return "csv"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in FEED_SUFFIXES:
        return "feed"
    if path == "-" and head.lstrip()[:1] == b"{":
        return "jsonl"
    return "text"


def _open(path: str) -> io.BufferedReader:
    if path == "-":
        stdin = sys.stdin.buffer
        return stdin if isinstance(stdin, io.BufferedReader) else io.BufferedReader(stdin)  # type: ignore[arg-type]
    return open(path, "rb")  # noqa: SIM115 - closed by the caller


def _is_device(stream: io.BufferedReader) -> bool:
    mode = os.fstat(stream.fileno()).st_mode
    return stat.S_ISCHR(mode) or stat.S_ISBLK(mode)


def _read_file(
    path: str, shown: str, default_date: dt.date | None, max_chars: int, opts: WebOptions
) -> Iterator[Article | ReadFailure]:
    """The records of one local file (or stdin)."""
    try:
        stream = _open(path)
    except OSError as exc:
        yield ReadFailure(shown, InputError(Errors.E010, path=shown, detail=exc.strerror or str(exc)))
        return
    with stream if path != "-" else contextlib.nullcontext(stream):
        try:
            if path != "-" and _is_device(stream):  # /dev/zero and the like never end
                raise OSError(0, "a device, not a file")
            head = stream.peek(4096)[:4096]
        except OSError as exc:
            yield ReadFailure(shown, InputError(Errors.E010, path=shown, detail=exc.strerror or str(exc)))
            return
        kind = _kind(path, head)
        if kind in ("jsonl", "csv"):
            wide = wide_encoding(head)
            try:
                if wide:
                    yield ReadFailure(shown, InputError(Errors.E031, path=shown, encoding=wide))
                elif kind == "jsonl":
                    yield from read_jsonl(stream, shown, default_date, max_chars)
                else:
                    yield from read_csv(stream, shown, default_date, max_chars, line_cap(max_chars))
            except OSError as exc:  # the disk or pipe failed midway: the rest of the file is one error
                yield ReadFailure(shown, InputError(Errors.E010, path=shown, detail=exc.strerror or str(exc)))
            return
        try:
            data = stream.read(opts.max_bytes + 1)
        except OSError as exc:
            yield ReadFailure(shown, InputError(Errors.E010, path=shown, detail=exc.strerror or str(exc)))
            return
    if len(data) > opts.max_bytes:
        yield ReadFailure(shown, InputError(Errors.E032, where=shown, what="the file", limit=opts.max_bytes))
    elif not data.strip():
        yield ReadFailure(shown, InputError(Errors.E015, path=shown))
    elif kind == "html":
        yield from read_html(data, shown, default_date, max_chars)
    elif kind == "feed":
        yield from read_feed(data, shown, default_date, max_chars, options=opts)
    else:
        yield from read_text(data, shown, default_date, max_chars)


def _checked(item: Article | ReadFailure, input_name: str, ids: DocIds) -> Article | ReadFailure:
    """The article by the input and id rules, or the failure that says which it breaks."""
    if isinstance(item, ReadFailure):
        return item
    try:
        art = rules.admit(dataclasses.replace(item, input=input_name))
        ids.check(art)
    except InputError as err:
        return ReadFailure(item.origin, err)
    return art


def read_inputs(
    paths: Iterable[str | Path],
    default_date: dt.date | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    web: WebOptions | None = None,
    ids: DocIds | None = None,
) -> Iterator[Article | ReadFailure]:
    """Every record of every input, in order; unreadable records come as ReadFailure.

    http(s) URLs are fetched (``web`` sets timeout, size limit, the network policy and whether
    feed items' links are fetched); .html/.htm files are read as article pages, .xml/.rss/.atom
    files as feeds. ``ids`` keeps the document ids across calls (one is made per call otherwise).
    """
    opts = web or WebOptions()
    seen = ids if ids is not None else DocIds()
    for p in paths:
        path = str(p)
        shown = "<stdin>" if path == "-" else rules.printable(path)
        items = read_url(path, default_date, max_chars, opts) if is_url(path) else _read_file(path, shown, default_date, max_chars, opts)
        for item in items:
            yield _checked(item, shown, seen)
