"""A record's publication date in the formats news data comes in.

ISO 8601 (``2025-03-01``, ``2025-03-01T10:00:00Z``), compact (``20250301``), RFC 2822 (``Sat, 01
Mar 2025 10:00:00 GMT``, as in RSS and e-mail) and written dates (``March 1, 2025``, ``1 March
2025``, ``Mar. 1, 2025 10:00 am EST``) are read; everything but ISO and compact dates through
dateparser (English, absolute dates only: no "yesterday", no "2 days ago", which would depend on
the day dragoman runs). A date with a time keeps the calendar day it is written in (no time-zone
conversion). A month or a year alone (``March 2025``) is no publication date. A numeric date
whose day and month could be swapped (``01/03/2025``) is refused as ambiguous; ``13/03/2025``
is not ambiguous and is read. The range rule (1800-2100) is :func:`.rules.check_date`'s.
"""

from __future__ import annotations

import datetime as dt
import re

from .article import parse_date

COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")
NUMERIC = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2,4})\s*$")
UNREADABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")  # no date holds these
MAX_LENGTH = 100  # longer strings are no date (and would only cost dateparser time)
SETTINGS = {
    "PARSERS": ["custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
}


class AmbiguousDate(ValueError):
    """A numeric date whose day and month could be either way round."""


def parse_publication_date(value: str) -> dt.date | None:
    """The date ``value`` writes, or None when it is no date; AmbiguousDate for ``01/03/2025``."""
    iso = parse_date(value)
    if iso is not None:
        return iso
    m = COMPACT.match(value)
    if m:
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    if not value.strip() or len(value) > MAX_LENGTH or UNREADABLE.search(value):
        return None
    m = NUMERIC.match(value)
    if m and int(m.group(1)) <= 12 and int(m.group(2)) <= 12 and m.group(1).lstrip("0") != m.group(2).lstrip("0"):
        raise AmbiguousDate(value)
    import dateparser

    try:
        found = dateparser.parse(value, languages=["en"], settings=SETTINGS)  # type: ignore[arg-type]
    except (ValueError, OverflowError):
        return None
    return found.date() if found is not None else None
