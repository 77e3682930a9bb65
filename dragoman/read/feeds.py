"""Read RSS and Atom feeds (feedparser): each item becomes an article.

An item's id is its guid/id (else its link); its text is its content or summary with the markup
removed, or, with ``fetch_links``, the main text of the page it links to. Its date is the item's
published (else updated) date, else the linked page's date when fetched, else ``default_date``.
A broken item (no text and no link, no usable date, a link that cannot be fetched) is a
:class:`ReadFailure` naming the feed and the item; the other items are read.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from ..errors import Errors, InputError
from .article import Article, ReadFailure
from .html import html_to_text
from .urls import WebOptions, is_url

FEED_SUFFIXES = {".rss", ".atom", ".xml"}


def _entry_date(entry: Any) -> tuple[dt.date | None, str | None]:
    """The item's date, and the raw date text when there was one that could not be parsed."""
    get = dict.get  # the plain dict lookup: FeedParserDict's own maps missing keys to others (with a warning)
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = get(entry, key)
        if value:
            try:
                return dt.datetime.fromtimestamp(calendar.timegm(value), tz=dt.UTC).date(), None
            except (ValueError, OverflowError, OSError):
                continue  # a date the platform cannot represent: as if there were none
    raw = get(entry, "published") or get(entry, "updated") or get(entry, "created")
    return None, raw


def _entry_text(entry: Any) -> str:
    parts = entry.get("content") or []
    for part in parts:
        value = part.get("value") if isinstance(part, dict) else None
        if value and value.strip():
            return html_to_text(value)
    summary = entry.get("summary") or entry.get("description") or ""
    return html_to_text(summary) if summary else ""


def read_feed(
    data: bytes,
    path: str,
    default_date: dt.date | None,
    max_chars: int,
    *,
    options: WebOptions | None = None,
) -> Iterator[Article | ReadFailure]:
    """One article per item of the RSS/Atom feed ``data`` (``path`` names the feed in messages)."""
    import feedparser

    opts = options or WebOptions()
    parsed = feedparser.parse(data, resolve_relative_uris=False, sanitize_html=True)
    version = parsed.get("version") or ""
    entries = parsed.get("entries") or []
    if not version and not entries:
        detail = str(parsed.get("bozo_exception") or "no <rss>, <feed> or <rdf:RDF> element")
        yield ReadFailure(path, InputError(Errors.E042, path=path, detail=detail.rstrip(".")))
        return
    if not entries:
        yield ReadFailure(path, InputError(Errors.E015, path=path))
        return
    feed_title = (parsed.get("feed", {}).get("title") or "").strip() or None
    for n, entry in enumerate(entries, start=1):
        origin = f"{path}:item {n}"
        link = (entry.get("link") or "").strip() or None
        if link and not is_url(link):
            link = None  # an RSS guid taken for a permalink, not a web address
        title = (entry.get("title") or "").strip() or None
        rid = (entry.get("id") or "").strip() or link or f"{path}#{n}"
        date, raw_date = _entry_date(entry)
        if opts.fetch_links and link:
            yield from _fetched_item(link, rid, title, date, feed_title, origin, default_date, max_chars, opts)
            continue
        text = _entry_text(entry)
        if not text.strip():
            detail = " (its page is not fetched without --fetch)" if link else " and no link"
            yield ReadFailure(origin, InputError(Errors.E043, path=path, item=_name(n, title, link), detail=detail))
            continue
        if len(text) > max_chars:
            yield ReadFailure(origin, InputError(Errors.E016, path=path, line=f"item {n}", size=len(text), limit=max_chars))
            continue
        date = date or default_date
        if date is None:
            detail = f" ('{raw_date}' is not a date)" if raw_date else ""
            yield ReadFailure(origin, InputError(Errors.E044, path=path, item=_name(n, title, link), detail=detail))
            continue
        yield Article(
            id=rid, text=text, date=date, title=title, source=feed_title, url=link, origin=origin, id_from_path=rid == f"{path}#{n}"
        )


def _name(n: int, title: str | None, link: str | None) -> str:
    label = title or link
    return f"{n} ({label[:60]})" if label else str(n)


def _fetched_item(
    link: str,
    rid: str,
    title: str | None,
    date: dt.date | None,
    feed_title: str | None,
    origin: str,
    default_date: dt.date | None,
    max_chars: int,
    opts: WebOptions,
) -> Iterator[Article | ReadFailure]:
    """The item's linked page, read as an article that keeps the item's id, title, date and feed."""
    from .urls import read_url

    # the page's own date is used only when the item has none; --date is the last resort
    inner = replace(opts, fetch_links=False)
    for item in read_url(link, date or default_date, max_chars, inner):
        if isinstance(item, ReadFailure):
            yield item
            continue
        yield replace(
            item,
            id=rid,
            title=title or item.title,
            date=date or item.date,
            source=feed_title or item.source,
            url=link,
            origin=origin,
        )
