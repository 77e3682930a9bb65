"""Fetch http(s) URLs (urllib, with a timeout, a size limit and a content-type check) and read them.

Every failure is a :class:`ReadFailure` whose message names the URL; the caller goes on with the
other inputs. An HTML page becomes one article (:mod:`.html`), a feed one article per item
(:mod:`.feeds`), a text/plain page one article (date from its first line or ``--date``).
"""

from __future__ import annotations

import datetime as dt
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import Message

from .. import __version__
from ..errors import Errors, InputError
from .article import Article, ReadFailure

DEFAULT_TIMEOUT = 20.0
DEFAULT_MAX_BYTES = 5_000_000
URL_PREFIXES = ("http://", "https://")

HTML_TYPES = {"text/html", "application/xhtml+xml"}
FEED_TYPES = {
    "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml",
    "application/x-rss+xml",
}
TEXT_TYPES = {"text/plain"}
ACCEPT = (
    "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, "
    "application/xml;q=0.9, text/xml;q=0.9, text/plain;q=0.8"
)


@dataclass(frozen=True)
class WebOptions:
    """How URLs are fetched: per-request timeout (s), largest body (bytes), fetch feed items' links."""

    timeout: float = DEFAULT_TIMEOUT
    max_bytes: int = DEFAULT_MAX_BYTES
    fetch_links: bool = False
    user_agent: str = f"dragoman/{__version__} (+event coder)"


@dataclass(frozen=True)
class Fetched:
    url: str  # as asked
    final_url: str  # after redirects
    content_type: str  # media type, lower case, without parameters ("" when the server sent none)
    charset: str | None
    data: bytes


def is_url(path: str) -> bool:
    return path.lower().startswith(URL_PREFIXES)


def fetch(url: str, options: WebOptions | None = None) -> Fetched:
    """GET ``url``; raise InputError (E045-E049) naming the URL when it cannot be had."""
    opts = options or WebOptions()
    if not is_url(url):
        raise InputError(Errors.E045, url=url, detail="only http:// and https:// URLs can be fetched")
    req = urllib.request.Request(url, headers={"User-Agent": opts.user_agent, "Accept": ACCEPT})
    deadline = time.monotonic() + opts.timeout * 3  # slow-drip guard: a whole body in at most 3 timeouts
    try:
        with urllib.request.urlopen(req, timeout=opts.timeout) as resp:  # noqa: S310 - scheme checked above
            headers: Message = resp.headers
            length = headers.get("Content-Length")
            if length and length.isdigit() and int(length) > opts.max_bytes:
                raise InputError(Errors.E048, url=url, limit=opts.max_bytes)
            chunks: list[bytes] = []
            size = 0
            while True:
                chunk = resp.read(65536)
                if not chunk:
                    break
                size += len(chunk)
                if size > opts.max_bytes:
                    raise InputError(Errors.E048, url=url, limit=opts.max_bytes)
                if time.monotonic() > deadline:
                    raise InputError(Errors.E049, url=url, timeout=opts.timeout)
                chunks.append(chunk)
            final = resp.geturl() or url
    except InputError:
        raise
    except urllib.error.HTTPError as exc:
        raise InputError(Errors.E046, url=url, status=exc.code, reason=exc.reason or "") from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, (TimeoutError, socket.timeout)):
            raise InputError(Errors.E049, url=url, timeout=opts.timeout) from None
        raise InputError(Errors.E045, url=url, detail=str(exc.reason)) from None
    except TimeoutError:
        raise InputError(Errors.E049, url=url, timeout=opts.timeout) from None
    except (OSError, ValueError) as exc:  # connection reset, bad URL syntax, bad status line...
        raise InputError(Errors.E045, url=url, detail=str(exc) or type(exc).__name__) from None
    ctype = (headers.get_content_type() if headers.get("Content-Type") else "").lower()
    return Fetched(url, final, ctype, headers.get_content_charset(), b"".join(chunks))


def _sniff(data: bytes) -> str:
    head = data[:2048].lstrip().lower()
    if head.startswith(b"<?xml") or head.startswith((b"<rss", b"<feed", b"<rdf")):
        return "feed" if any(tag in head for tag in (b"<rss", b"<feed", b"<rdf")) else "html"
    if b"<html" in head or head.startswith(b"<!doctype html"):
        return "html"
    return "unknown"


def kind_of(page: Fetched) -> str | None:
    """'html', 'feed' or 'text' by content type (sniffed when the server sent none); None otherwise."""
    if page.content_type in HTML_TYPES:
        return "html"
    if page.content_type in FEED_TYPES:
        return "feed" if _sniff(page.data) != "html" else "html"
    if page.content_type in TEXT_TYPES:
        return "text"
    if not page.content_type:
        kind = _sniff(page.data)
        return None if kind == "unknown" else kind
    return None


def read_url(
    url: str, default_date: dt.date | None, max_chars: int, options: WebOptions | None = None
) -> Iterator[Article | ReadFailure]:
    """The article(s) at ``url``: a page, each item of a feed, or a plain-text file."""
    from .feeds import read_feed
    from .files import read_text
    from .html import read_html

    opts = options or WebOptions()
    try:
        page = fetch(url, opts)
    except InputError as err:
        yield ReadFailure(url, err)
        return
    kind = kind_of(page)
    if kind is None:
        yield ReadFailure(url, InputError(Errors.E047, url=url, ctype=page.content_type or "none"))
        return
    if not page.data.strip():
        yield ReadFailure(url, InputError(Errors.E015, path=url))
        return
    if kind == "html":
        yield from read_html(page.data, url, default_date, max_chars, url=page.final_url, charset=page.charset, doc_id=url)
    elif kind == "feed":
        yield from read_feed(page.data, url, default_date, max_chars, options=opts)
    else:
        for item in read_text(page.data, url, default_date, max_chars):
            if isinstance(item, Article):
                item = Article(url, item.text, item.date, url=url, origin=url)
            yield item
