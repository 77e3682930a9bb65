"""Read HTML article pages: main text, title and publication date (trafilatura and htmldate).

A page becomes one :class:`Article`. Its id is the page's canonical URL when it declares one (so
the same page saved as a file and fetched from the web is the same article), else the URL it was
fetched from, else the file name. Its date is the page's publication date, else ``default_date``;
a page with neither is a :class:`ReadFailure` (E041), and so is a page without article text (E040).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import Errors, InputError
from .article import Article, ReadFailure, parse_date

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
MIN_WORDS = 5  # fewer words than this is no article

_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "table",
    "section", "article", "header", "footer", "pre", "hr", "figure", "figcaption", "dd", "dt",
}
_SKIP_TAGS = {"script", "style", "noscript", "template"}
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Plain text of an HTML fragment (a feed item's summary): one paragraph per line."""
    parser = _TextParser()
    parser.feed(markup)
    parser.close()
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _decode(data: bytes, charset: str | None) -> str:
    for enc in (charset, "utf-8"):
        if not enc:
            continue
        try:
            return data.decode(enc)
        except (LookupError, UnicodeDecodeError):
            continue
    m = re.search(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_-]+)", data[:4096], re.I)
    if m:
        try:
            return data.decode(m.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    return data.decode("utf-8", errors="replace")


def _page_date(markup: str, found: object, url: str | None) -> dt.date | None:
    if isinstance(found, str) and (d := parse_date(found)):
        return d
    import htmldate

    try:
        value = htmldate.find_date(markup, url=url, extensive_search=False, outputformat="%Y-%m-%d")
    except Exception:  # noqa: BLE001 - htmldate is best effort; no date is handled below
        value = None
    return parse_date(value) if value else None


def extract_page(markup: str, url: str | None = None) -> dict[str, object] | None:
    """Main text, title, date, site name and canonical URL of a page; None when it has no text."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        markup, url=url, with_metadata=True, include_comments=False, include_tables=False, favor_recall=True
    )
    if doc is None:
        return None
    meta = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = (meta.get("text") or meta.get("raw_text") or "").strip()
    if len(text.split()) < MIN_WORDS:  # a menu or a login wall, not an article
        return None
    title = (meta.get("title") or "").strip() or None
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if title and len(lines) > 1 and lines[0] == title:
        lines = lines[1:]  # the headline repeated as the first paragraph is not a sentence of the story
    return {
        "text": "\n".join(lines),
        "title": title,
        "date": _page_date(markup, meta.get("date"), url),
        "sitename": (meta.get("sitename") or "").strip() or None,
        "url": (meta.get("url") or "").strip() or None,
    }


def read_html(
    data: bytes,
    path: str,
    default_date: dt.date | None,
    max_chars: int,
    *,
    url: str | None = None,
    charset: str | None = None,
    doc_id: str | None = None,
    source: str | None = None,
) -> Iterator[Article | ReadFailure]:
    """One article from an HTML page (``path`` names it in errors; ``url`` when it came from the web)."""
    markup = _decode(data, charset)
    try:
        page = extract_page(markup, url)
    except Exception as exc:  # noqa: BLE001 - a page the extractor cannot parse is one failed input
        yield ReadFailure(path, InputError(Errors.E040, path=f"{path} ({type(exc).__name__}: {exc})"))
        return
    if page is None:
        yield ReadFailure(path, InputError(Errors.E040, path=path))
        return
    text = str(page["text"])
    if len(text) > max_chars:
        yield ReadFailure(path, InputError(Errors.E016, path=path, line=1, size=len(text), limit=max_chars))
        return
    date = page["date"] if isinstance(page["date"], dt.date) else default_date
    if date is None:
        yield ReadFailure(path, InputError(Errors.E041, path=path))
        return
    canonical = page["url"] if isinstance(page["url"], str) and page["url"].startswith(("http://", "https://")) else None
    where = canonical or url
    host = urlsplit(where).hostname if where else None
    yield Article(
        id=doc_id or canonical or url or Path(path).name,
        id_from_path=not (doc_id or canonical or url),
        text=text,
        date=date,
        title=page["title"] if isinstance(page["title"], str) else None,
        source=source or (page["sitename"] if isinstance(page["sitename"], str) else None) or host,
        url=canonical or url,
        origin=path,
    )
