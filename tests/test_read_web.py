"""Web readers: HTML pages, RSS/Atom feeds and URLs served on 127.0.0.1 (no coder needed)."""

from __future__ import annotations

import datetime as dt

import pytest
from store_fixtures import (
    AID_STORY,
    BORDER_TALKS,
    BROKEN_FEED_ITEMS,
    GOOD_FEED_ITEMS,
    atom,
    closed_port,
    linked_feed,
    page,
    rss,
    serve,
    site_routes,
)

from dragoman.read import Article, ReadFailure, read_inputs
from dragoman.read.html import html_to_text
from dragoman.read.urls import WebOptions

LOCAL = WebOptions(allow_private=True)  # the test server is on 127.0.0.1, refused by default


def split(items):
    arts = [i for i in items if isinstance(i, Article)]
    fails = [i for i in items if isinstance(i, ReadFailure)]
    return arts, fails


@pytest.fixture(scope="module")
def site():
    with serve(site_routes()) as server:
        yield server


def test_html_file_main_text_title_date_and_id(tmp_path):
    f = tmp_path / "saved.html"
    f.write_text(page("Border talks resume", BORDER_TALKS, canonical="https://courier.example/2025/04/border-talks"))
    arts, fails = split(list(read_inputs([f])))
    assert not fails
    (art,) = arts
    assert art.id == "https://courier.example/2025/04/border-talks"  # the canonical URL
    assert art.title == "Border talks resume"
    assert art.date == dt.date(2025, 4, 8)
    assert art.source == "The Lakeside Courier"
    assert art.text.startswith("Kenyan and Ugandan officials met in Kampala")
    assert "Most read" not in art.text and "Copyright" not in art.text and "Sport" not in art.text
    # without a canonical link the id is the file name
    g = tmp_path / "other.htm"
    g.write_text(page("Aid", AID_STORY))
    (art2,) = list(read_inputs([g]))
    assert isinstance(art2, Article) and art2.id == "other.htm"


def test_html_without_date_or_text(tmp_path):
    undated = tmp_path / "undated.html"
    undated.write_text(page("Aid", AID_STORY, date=None))
    (fail,) = list(read_inputs([undated]))
    assert isinstance(fail, ReadFailure) and fail.error.code.name == "E041"
    assert str(undated) in fail.error.message
    (art,) = list(read_inputs([undated], default_date=dt.date(2025, 1, 2)))
    assert isinstance(art, Article) and art.date == dt.date(2025, 1, 2)
    empty = tmp_path / "empty.html"
    empty.write_text("<html><body><nav>Home</nav></body></html>")
    (fail,) = list(read_inputs([empty]))
    assert isinstance(fail, ReadFailure) and fail.error.code.name == "E040"


def test_rss_file_items_and_broken_items(tmp_path):
    f = tmp_path / "wire.rss"
    f.write_text(rss(BROKEN_FEED_ITEMS))
    arts, fails = split(list(read_inputs([f])))
    assert [a.id for a in arts] == ["wire-1", "wire-2"]
    assert arts[0].source == "Harbour Wire" and arts[0].date == dt.date(2025, 4, 9)
    assert arts[0].text.startswith("The European Union imposed new sanctions on Belarus")
    assert [x.error.code.name for x in fails] == ["E043", "E044"]
    assert all(str(f) in x.error.message for x in fails)
    assert "item 2" in fails[0].error.message and "item 3" in fails[1].error.message
    assert "sometime next week" in fails[1].error.message


def test_atom_file_and_not_a_feed(tmp_path):
    f = tmp_path / "gazette.atom"
    f.write_text(atom([("urn:a1", "Aid", "2025-05-01T10:00:00Z", AID_STORY[0])]))
    (art,) = list(read_inputs([f]))
    assert isinstance(art, Article) and art.id == "urn:a1" and art.date == dt.date(2025, 5, 1)
    assert art.source == "Valley Gazette"
    bad = tmp_path / "notes.xml"
    bad.write_text("just some words, not xml at all")
    (fail,) = list(read_inputs([bad]))
    assert isinstance(fail, ReadFailure) and fail.error.code.name == "E042"


def test_html_to_text_keeps_paragraphs():
    assert html_to_text("<p>One.</p><p>Two &amp; three.</p><script>x()</script>") == "One.\nTwo & three."


def test_url_page_feed_and_text(site):
    items = list(read_inputs([site.url("/border-talks.html"), site.url("/feed.xml"), site.url("/plain.txt")], web=LOCAL))
    arts, fails = split(items)
    page_art = arts[0]
    assert page_art.id == site.url("/border-talks.html") and page_art.url == site.url("/border-talks.html")
    assert page_art.date == dt.date(2025, 4, 8) and page_art.title == "Border talks resume"
    assert [a.id for a in arts[1:3]] == ["wire-1", "wire-2"]
    assert arts[3].id == site.url("/plain.txt") and arts[3].date == dt.date(2025, 4, 11)
    assert [f.error.code.name for f in fails] == ["E043", "E044"]  # the feed's broken items


@pytest.mark.parametrize(
    ("path", "code", "options"),
    [
        ("/missing.html", "E046", {}),  # 404
        ("/report.pdf", "E047", {}),  # not HTML
        ("/big.html", "E048", {"max_bytes": 100_000}),  # oversized, announced by Content-Length
        ("/big-stream.html", "E048", {"max_bytes": 100_000}),  # oversized, no Content-Length
        ("/slow.html", "E049", {"timeout": 0.3}),  # no answer in time
    ],
)
def test_bad_urls_give_one_clear_error_and_the_rest_is_read(site, path, code, options):
    bad = site.url(path)
    items = list(read_inputs([bad, site.url("/aid.html")], web=WebOptions(**options, allow_private=True)))
    arts, fails = split(items)
    assert [f.error.code.name for f in fails] == [code]
    message = fails[0].error.message
    assert bad in message and "\n" not in message
    assert [a.id for a in arts] == [site.url("/aid.html")]


def test_unreachable_and_malformed_urls():
    url = f"http://127.0.0.1:{closed_port()}/nothing"
    (fail,) = list(read_inputs([url], web=WebOptions(timeout=2, allow_private=True)))
    assert isinstance(fail, ReadFailure) and fail.error.code.name == "E045" and url in fail.error.message
    (fail,) = list(read_inputs(["http://"]))
    assert isinstance(fail, ReadFailure) and fail.error.code.name == "E045"


def test_feed_fetch_links(site):
    feed = linked_feed(site.base).encode()
    from dragoman.read.feeds import read_feed

    items = list(read_feed(feed, "linked.xml", None, 1_000_000, options=WebOptions(fetch_links=True, allow_private=True)))
    arts, fails = split(items)
    assert [a.id for a in arts] == ["linked-1", "linked-2"]
    assert arts[0].text.startswith("Kenyan and Ugandan officials") and arts[0].source == "Harbour Wire"
    assert arts[1].date == dt.date(2025, 4, 10)  # the item has no date: the page's
    assert [f.error.code.name for f in fails] == ["E046"] and "broken-link.html" in fails[0].error.message
    # without --fetch, items without text say how to get it
    arts, fails = split(list(read_feed(feed, "linked.xml", None, 1_000_000)))
    assert not arts and {f.error.code.name for f in fails} == {"E043"} and "--fetch" in fails[0].error.remedy


def test_good_feed_items_read_in_order(tmp_path):
    f = tmp_path / "good.xml"
    f.write_text(rss(GOOD_FEED_ITEMS))
    assert [a.id for a in read_inputs([f])] == ["wire-1", "wire-2"]
