"""What the JSONL, CSV and text readers share: numbered lines of a stream, decoding, a record's
date and text, and the file encodings that are not UTF-8."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import BinaryIO

from ..errors import Errors, InputError
from . import rules
from .article import Article
from .pubdate import AmbiguousDate, parse_publication_date

DATE_FIELDS = ("date", "published", "publication_date")

BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32LE"), (b"\x00\x00\xfe\xff", "UTF-32BE"),
    (b"\xff\xfe", "UTF-16LE"), (b"\xfe\xff", "UTF-16BE"),
)


def line_cap(max_chars: int) -> int:
    """Most bytes a line of a JSONL or CSV file may have: room for the longest text, escaped."""
    return 8 * max_chars + (1 << 16)


def wide_encoding(head: bytes) -> str | None:
    """'UTF-16LE' and the like when the first bytes of a file show a UTF-16/32 text; None otherwise."""
    for bom, name in BOMS:
        if head.startswith(bom):
            return name
    sample = head[:1024]
    if len(sample) >= 8 and sample.count(0) * 4 >= len(sample):  # NUL bytes between ASCII letters
        return "UTF-16LE" if sample[1::2].count(0) > sample[0::2].count(0) else "UTF-16BE"
    return None


def decode(data: bytes, path: str, line: int | str) -> str:
    """A line (or a whole file) as text; the first line may start with a UTF-8 byte-order mark."""
    try:
        return data.decode("utf-8-sig" if line in (1, "1") else "utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(Errors.E014, path=path, line=line, offset=exc.start) from None


def numbered_lines(stream: BinaryIO, cap: int) -> Iterator[tuple[int, bytes | None]]:
    """(number, line without its line feed) for each line; None for a line over ``cap`` bytes,
    which is skipped without being held in memory."""
    n = 0
    while True:
        raw = stream.readline(cap + 1)
        if not raw:
            return
        n += 1
        if len(raw) > cap and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):
                raw = stream.readline(1 << 20)
            yield n, None
            continue
        yield n, raw[:-1] if raw.endswith(b"\n") else raw


def too_long(path: str, line: int, cap: int) -> InputError:
    return InputError(Errors.E032, where=f"{path}:{line}", what="the line", limit=cap)


def record_date(raw: object, default: dt.date | None, path: str, line: int) -> dt.date:
    if raw in (None, ""):
        if default is None:
            raise InputError(Errors.E017, path=path, line=line)
        return rules.check_date(default, f"{path}:{line}")
    if isinstance(raw, int) and not isinstance(raw, bool):
        raw = str(raw)  # 20250301 given as a number
    try:
        parsed = parse_publication_date(raw) if isinstance(raw, str) else None
    except AmbiguousDate:
        raise InputError(Errors.E060, path=path, line=line, date=raw) from None
    if parsed is None:
        raise InputError(Errors.E013, path=path, line=line, date=raw)
    return rules.check_date(parsed, f"{path}:{line}")


def record_article(
    obj: dict[str, object], path: str, line: int, default_date: dt.date | None, max_chars: int, fallback_id: str
) -> Article:
    """The article of a JSON object or CSV row, by the input rules; InputError when it has none."""
    text = obj.get("text")
    if text is None or (isinstance(text, str) and not text.strip()):
        raise InputError(Errors.E012, path=path, line=line)
    if isinstance(text, str) and len(text) > max_chars:
        raise InputError(Errors.E016, path=path, line=line, size=len(text), limit=max_chars)
    used = next((f for f in DATE_FIELDS if obj.get(f)), None)
    date = record_date(obj.get(used) if used else None, default_date, path, line)
    return rules.record_article(obj, f"{path}:{line}", date, fallback_id, date_field=used)
