"""Test pages and feeds written for dragoman's tests, and a local HTTP server on 127.0.0.1.

All text here is our own: short invented reports about real countries, so that the coder finds
actors and events in them.
"""

from __future__ import annotations

import datetime as dt
import http.server
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} | The Lakeside Courier</title>
<meta property="og:site_name" content="The Lakeside Courier">
{meta}
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav>
<article>
<h1>{title}</h1>
{paragraphs}
</article>
<aside><h2>Most read</h2><ul><li>Cold weather expected across the region</li><li>Local team wins the cup</li></ul></aside>
<footer>Copyright The Lakeside Courier. All rights reserved. Contact us. Privacy policy.</footer>
</body></html>
"""

BORDER_TALKS = [
    "Kenyan and Ugandan officials met in Kampala on Monday to discuss the disputed fishing waters of the lake, "
    "the foreign ministry said in a statement issued after the meeting.",
    "Uganda accused Kenya of sending police boats into its waters last month. Kenya rejected the accusation "
    "and called for a joint survey of the border by experts from both countries.",
    "Both governments agreed to meet again in Nairobi in May, and fishermen on both shores were told to "
    "respect the existing markers until then.",
]

AID_STORY = [
    "Japan sent humanitarian aid to the Philippines after the floods, the Japanese embassy in Manila said on "
    "Thursday, adding that a second shipment of tents and water pumps would follow within days.",
    "The Philippine government thanked Japan for the help and said relief teams had reached most of the "
    "villages cut off by the water along the northern coast.",
]

SANCTIONS_STORY = [
    "The European Union imposed new sanctions on Belarus over the detention of opposition leaders, "
    "diplomats in Brussels said on Wednesday after a meeting of foreign ministers.",
    "Belarus condemned the decision and threatened to retaliate against European companies that still "
    "operate in the country, according to a statement from its foreign ministry.",
]


def page(title: str, paragraphs: list[str], date: str | None = "2025-04-08T09:30:00+00:00", canonical: str | None = None) -> str:
    meta = []
    if date:
        meta.append(f'<meta property="article:published_time" content="{date}">')
    if canonical:
        meta.append(f'<link rel="canonical" href="{canonical}">')
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return PAGE.format(title=title, meta="\n".join(meta), paragraphs=body)


def rss(items: list[str], title: str = "Harbour Wire") -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        f"<title>{title}</title><link>https://wire.example/</link><description>News from the harbour</description>"
        + "".join(items)
        + "</channel></rss>\n"
    )


def rss_item(guid: str, title: str | None, text: str | None, date: str | None, link: str | None = None) -> str:
    parts = [f'<guid isPermaLink="false">{guid}</guid>']
    if title is not None:
        parts.append(f"<title>{title}</title>")
    if link:
        parts.append(f"<link>{link}</link>")
    if date is not None:
        parts.append(f"<pubDate>{date}</pubDate>")
    if text is not None:
        parts.append(f"<description>&lt;p&gt;{text}&lt;/p&gt;</description>")
    return "<item>" + "".join(parts) + "</item>"


def atom(entries: list[tuple[str, str, str, str]]) -> str:
    """An Atom feed of (id, title, updated ISO time, text) entries."""
    body = "".join(
        f"<entry><id>{eid}</id><title>{title}</title><updated>{updated}</updated>"
        f'<content type="html">&lt;p&gt;{text}&lt;/p&gt;</content></entry>'
        for eid, title, updated, text in entries
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Valley Gazette</title><id>urn:valley-gazette</id><updated>2025-05-02T08:00:00Z</updated>"
        f"{body}</feed>\n"
    )


GOOD_FEED_ITEMS = [
    rss_item("wire-1", "Sanctions on Belarus", SANCTIONS_STORY[0], "Wed, 09 Apr 2025 10:00:00 GMT"),
    rss_item("wire-2", "Aid after floods", AID_STORY[0], "Thu, 10 Apr 2025 07:15:00 GMT"),
]
BROKEN_FEED_ITEMS = [
    GOOD_FEED_ITEMS[0],
    rss_item("wire-3", None, None, "Thu, 10 Apr 2025 11:00:00 GMT"),  # no text, no link
    rss_item("wire-4", "Undated", "Iran condemned the attack on the convoy.", "sometime next week"),  # bad date
    GOOD_FEED_ITEMS[1],
]


@dataclass
class Route:
    body: bytes
    content_type: str | None = "text/html; charset=utf-8"
    status: int = 200
    delay: float = 0.0
    send_length: bool = True
    location: str | None = None  # a Location header (for redirects)
    drip: float = 0.0  # seconds between the bytes of the response (a slow-drip server)
    drip_head: bool = False  # drip the status line and headers too, not only the body


class LocalServer:
    """An HTTP server on 127.0.0.1 (a free port) serving fixed routes from a thread."""

    def __init__(self, routes: dict[str, Route]) -> None:
        self.routes = routes
        routes_ref = routes

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                route = routes_ref.get(self.path.split("?")[0])
                if route is None:
                    self.send_error(404, "Not Found")
                    return
                if route.delay:
                    time.sleep(route.delay)
                try:
                    head = [f"HTTP/1.1 {route.status} {'Found' if route.location else 'OK'}"]
                    if route.content_type:
                        head.append(f"Content-Type: {route.content_type}")
                    if route.send_length:
                        head.append(f"Content-Length: {len(route.body)}")
                    if route.location:
                        head.append(f"Location: {route.location}")
                    raw_head = ("\r\n".join(head) + "\r\n\r\n").encode()
                    if not route.drip:
                        self.wfile.write(raw_head + route.body)
                        return
                    dripped = raw_head + route.body if route.drip_head else route.body
                    if not route.drip_head:
                        self.wfile.write(raw_head)
                    for i in range(len(dripped)):
                        self.wfile.write(dripped[i : i + 1])
                        time.sleep(route.drip)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def base(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path


@contextmanager
def serve(routes: dict[str, Route]) -> Iterator[LocalServer]:
    server = LocalServer(routes)
    server.thread.start()
    try:
        yield server
    finally:
        server.httpd.shutdown()
        server.httpd.server_close()
        server.thread.join(timeout=5)


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (bound, then released)."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def site_routes() -> dict[str, Route]:
    """The routes most tests use: two pages, a feed linking to them, and every kind of bad response."""
    big = page("A very long page", ["Filler text about nothing in particular. " * 40] * 200).encode()
    return {
        "/border-talks.html": Route(page("Border talks resume", BORDER_TALKS).encode()),
        "/aid.html": Route(page("Aid after floods", AID_STORY, date="2025-04-10T07:00:00Z").encode()),
        "/undated.html": Route(page("No date here", AID_STORY, date=None).encode()),
        "/report.pdf": Route(b"%PDF-1.4 not really a pdf", content_type="application/pdf"),
        "/big.html": Route(big),
        "/big-stream.html": Route(big, send_length=False),
        "/slow.html": Route(page("Slow", AID_STORY).encode(), delay=1.5),
        "/feed.xml": Route(rss(BROKEN_FEED_ITEMS).encode(), content_type="application/rss+xml"),
        "/plain.txt": Route(("2025-04-11\n" + SANCTIONS_STORY[1]).encode(), content_type="text/plain; charset=utf-8"),
        "/broken-link.html": Route(b"gone", status=500),
    }


def linked_feed(base: str) -> str:
    """A feed whose items carry only titles and links to pages on the local server."""
    return rss([
        rss_item("linked-1", "Border talks", None, "Tue, 08 Apr 2025 09:30:00 GMT", link=f"{base}/border-talks.html"),
        rss_item("linked-2", "Aid", None, None, link=f"{base}/aid.html"),
        rss_item("linked-3", "Gone", None, "Tue, 08 Apr 2025 12:00:00 GMT", link=f"{base}/broken-link.html"),
    ])


# ------------------------------------------------------------------------------ store helpers

SOURCES = ["Harbour Wire", "Valley Gazette", None]


def corpus(n: int, sentences: int = 3, seed: int = 7) -> list[dict[str, str]]:
    """``n`` news-like articles (bench/corpus.py templates), dated over a few months, from 2 sources."""
    import random
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from corpus import sentence

    rng = random.Random(seed)
    out = []
    start = dt.date(2025, 1, 6)
    for i in range(n):
        art = {
            "id": f"t-{i:04d}",
            "date": (start + dt.timedelta(days=(i * 5) % 120)).isoformat(),
            "title": f"Report {i}",
            "text": " ".join(sentence(rng) for _ in range(sentences)),
        }
        if SOURCES[i % 3]:
            art["source"] = SOURCES[i % 3]
        out.append(art)
    return out


def write_jsonl(path, records) -> None:  # noqa: ANN001
    import json

    with open(path, "w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec) + "\n")


def snapshot(db) -> dict[str, list[tuple]]:  # noqa: ANN001
    """Every row of every data table and the schema versions, in a canonical order."""
    from dragoman.store import DATA_TABLES, Store

    with Store.open(db, read_only=True) as store:
        out = {t: store.sql(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in DATA_TABLES}
        out["schema_version"] = store.sql("SELECT version, description FROM schema_version ORDER BY version").fetchall()
    return out
