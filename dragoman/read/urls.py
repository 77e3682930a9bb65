"""Fetch http(s) URLs (by the network policy of :mod:`.net`, with a deadline, a size limit and a
content-type check) and read them.

Every failure is a :class:`ReadFailure` whose message names the URL; the caller goes on with the
other inputs. An HTML page becomes one article (:mod:`.html`), a feed one article per item
(:mod:`.feeds`), a text/plain page one article (date from its first line or ``--date``).
"""

from __future__ import annotations

import datetime as dt
import http.client
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urljoin

from .. import __version__
from ..errors import Errors, InputError
from .article import Article, ReadFailure
from .net import MAX_REDIRECTS, Deadline, Target

DEFAULT_TIMEOUT = 20.0
DEFAULT_MAX_BYTES = 5_000_000
URL_PREFIXES = ("http://", "https://")

HTML_TYPES = {"text/html", "application/xhtml+xml"}
FEED_TYPES = {
    "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml",
    "application/x-rss+xml",
}
TEXT_TYPES = {"text/plain"}
REDIRECTS = {301, 302, 303, 307, 308}
ACCEPT = (
    "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, "
    "application/xml;q=0.9, text/xml;q=0.9, text/plain;q=0.8"
)


@dataclass(frozen=True)
class WebOptions:
    """How URLs are fetched: the deadline of a whole fetch (s), the largest body (bytes; also the
    largest local text, HTML or feed file), whether feed items' links are fetched, and whether
    private, loopback and link-local addresses may be reached (:mod:`.net`)."""

    timeout: float = DEFAULT_TIMEOUT
    max_bytes: int = DEFAULT_MAX_BYTES
    fetch_links: bool = False
    user_agent: str = f"dragoman/{__version__} (+event coder)"
    allow_private: bool = False


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
    """GET ``url`` by the network policy (:mod:`.net`); raise InputError naming the URL when it
    cannot be had (E034-E036, E045-E049)."""
    opts = options or WebOptions()
    with Deadline(opts.timeout) as deadline:
        try:
            return _fetch(url, opts, deadline)
        except InputError:
            raise
        except TimeoutError:
            raise InputError(Errors.E049, url=url, timeout=opts.timeout) from None
        except (OSError, http.client.HTTPException, ValueError) as exc:  # reset, TLS, bad status line...
            if deadline.expired:
                raise InputError(Errors.E049, url=url, timeout=opts.timeout) from None
            raise InputError(Errors.E045, url=url, detail=str(exc) or type(exc).__name__) from None


def _fetch(url: str, opts: WebOptions, deadline: Deadline) -> Fetched:
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        target = Target(current, url, opts.allow_private)
        conn = target.connect(deadline, opts.timeout)
        try:
            conn.request("GET", target.path, headers={"User-Agent": opts.user_agent, "Accept": ACCEPT})
            resp = conn.getresponse()
            if resp.status in REDIRECTS:
                location = (resp.getheader("Location") or "").strip()
                if not location:
                    raise InputError(Errors.E046, url=url, status=resp.status, reason=f"{resp.reason} without a Location")
                current = urljoin(current, location)
                continue
            if resp.status >= 300 or resp.status < 200:
                raise InputError(Errors.E046, url=url, status=resp.status, reason=resp.reason or "")
            data = _body(resp, url, opts, deadline)
            headers = resp.headers
        finally:
            conn.close()
        ctype = (headers.get_content_type() if headers.get("Content-Type") else "").lower()
        return Fetched(url, current, ctype, headers.get_content_charset(), data)
    raise InputError(Errors.E036, url=url, limit=MAX_REDIRECTS)


def _body(resp: http.client.HTTPResponse, url: str, opts: WebOptions, deadline: Deadline) -> bytes:
    length = resp.getheader("Content-Length")
    if length and length.strip().isdigit() and int(length) > opts.max_bytes:
        raise InputError(Errors.E048, url=url, limit=opts.max_bytes)
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = resp.read(65536)
        if deadline.expired:  # the connection was shut down under the read: what came is not all
            raise InputError(Errors.E049, url=url, timeout=opts.timeout)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > opts.max_bytes:
            raise InputError(Errors.E048, url=url, limit=opts.max_bytes)
        chunks.append(chunk)


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
