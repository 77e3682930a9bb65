"""Read CSV files: one article per row, a broken row an error on that row and the rest read on.

Quoting follows RFC 4180: a quoted field may span lines and holds a quote as two quotes; it ends
with a quote followed by a comma or the end of the line. A row that breaks this (above all a quote
that is never closed, which would swallow every later row) is an error naming the line the row
starts on, and reading goes on with the next line, so the rows after it are read as they are.
Rows are parsed one at a time from the stream; the lines of a broken row are read again.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import Errors, InputError
from .article import Article, ReadFailure
from .records import decode, numbered_lines, record_article, too_long

# a text may be up to --max-chars long; the csv module's default field limit (131,072) would cut
# a long article into a broken row whose lines were then read again as rows
FIELD_LIMIT = 1 << 30
REREAD_FACTOR = 20  # lines read again for broken rows, at most this many times the lines of the file


class _Lines:
    """The decoded lines of a CSV stream for csv.reader, numbered; a broken row's lines are
    read again, from its second line on."""

    def __init__(self, lines: Iterator[tuple[int, str]]) -> None:
        self.source = lines
        self.again: deque[tuple[int, str]] = deque()
        self.taken: list[tuple[int, str]] = []
        self.fresh = 0  # lines read from the stream
        self.reread = 0  # lines read again

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        if self.again:
            item = self.again.popleft()
        else:
            item = next(self.source)
            self.fresh += 1
        self.taken.append(item)
        return item[1]

    def start(self) -> int | None:
        """Begin a row: the number of its first line; None at the end of the file."""
        self.taken = []
        if not self.again:
            nxt = next(self.source, None)
            if nxt is None:
                return None
            self.fresh += 1
            self.again.append(nxt)
        return self.again[0][0]

    def last(self, default: int) -> int:
        return self.taken[-1][0] if self.taken else default

    def retry(self) -> bool:
        """Read the lines of the row that failed again, from its second; False when the budget is spent."""
        rest = self.taken[1:]
        self.reread += len(rest)
        self.again.extendleft(reversed(rest))
        return self.reread <= REREAD_FACTOR * self.fresh + 10_000


def _decoded(stream: BinaryIO, path: str, cap: int, bad: set[int], failures: list[ReadFailure]) -> Iterator[tuple[int, str]]:
    """Lines split as csv wants them (at \\n, \\r\\n and \\r); a line that is not UTF-8 or too long
    is a failure and reads as an empty line."""
    for n, raw in numbered_lines(stream, cap):
        try:
            if raw is None:
                raise too_long(path, n, cap)
            text = decode(raw, path, n) + "\n"
        except InputError as err:
            failures.append(ReadFailure(f"{path}:{n}", err))
            bad.add(n)
            text = "\n"
        for piece in io.StringIO(text, newline=""):
            yield n, piece


def _problem(exc: csv.Error) -> str:
    text = str(exc)
    if "unexpected end of data" in text:
        return "the quote opened in this row is never closed"
    if "expected after" in text:
        return "a quoted field of this row is not closed before the next field (a quote inside a quoted field is written twice)"
    return f"the row is not valid CSV ({text})"


def _rows(
    lines: _Lines, path: str, failures: list[ReadFailure]
) -> Iterator[tuple[int, int, list[str]] | ReadFailure]:
    """(first line, last line, fields) of each row, or a ReadFailure for a broken row."""
    while True:
        first = lines.start()
        if first is None:
            return
        try:
            fields = next(csv.reader(lines, strict=True))
        except StopIteration:
            return
        except csv.Error as exc:
            yield from _flush(failures)
            yield ReadFailure(f"{path}:{first}", InputError(Errors.E029, where=f"{path}:{first}", detail=_problem(exc)))
            if not lines.retry():
                detail = "too many broken rows: the file is not read from here on"
                yield ReadFailure(f"{path}:{first + 1}", InputError(Errors.E029, where=f"{path}:{first + 1}", detail=detail))
                return
            continue
        yield from _flush(failures)
        yield first, lines.last(first), fields


def _flush(failures: list[ReadFailure]) -> Iterator[ReadFailure]:
    yield from failures
    failures.clear()


def read_csv(
    stream: BinaryIO, path: str, default_date: dt.date | None, max_chars: int, cap: int
) -> Iterator[Article | ReadFailure]:
    """One article per CSV row with a 'text' column; a failure for each row that has none."""
    if csv.field_size_limit() < FIELD_LIMIT:
        csv.field_size_limit(FIELD_LIMIT)
    stem = Path(path).stem
    bad: set[int] = set()
    failures: list[ReadFailure] = []
    rows = _rows(_Lines(_decoded(stream, path, cap, bad, failures)), path, failures)
    header: list[str] | None = None
    for item in rows:
        if isinstance(item, ReadFailure):
            if header is None:  # the header row is broken: no columns to read the file by
                yield ReadFailure(path, item.error)
                return
            yield item
            continue
        first, last, fields = item
        if header is None:
            if not any(f.strip() for f in fields):
                continue
            header = fields
            if "text" not in header:
                yield ReadFailure(path, InputError(Errors.E018, path=path, columns=", ".join(header) or "none"))
                return
            continue
        if not any(f.strip() for f in fields) or any(n in bad for n in range(first, last + 1)):
            continue  # a blank row, or one whose line was not readable (that line's failure is reported)
        row: dict[str, object] = dict(zip(header, fields, strict=False))
        try:  # a row is named by its last line (a quoted text may span several)
            yield record_article(row, path, last, default_date, max_chars, f"{stem}-{last}")
        except InputError as err:
            yield ReadFailure(f"{path}:{last}", err)
    yield from failures
    if header is None and not bad:
        yield ReadFailure(path, InputError(Errors.E015, path=path))
