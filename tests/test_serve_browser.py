"""The dashboard in a real browser: Playwright driving Chromium (Debian's /usr/bin/chromium, or
$DRAGOMAN_CHROMIUM) against a dragoman server started here on a free 127.0.0.1 port over a store
of the bundled examples. Any request to another host fails the test."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from serve_fixtures import ARTICLE, live_server

pytestmark = pytest.mark.browser
VIEWS = ["/", "/timeline?by=week", "/dyads", "/network", "/events", "/map", "/compare", "/code"]


def chromium() -> str | None:
    for candidate in (os.environ.get("DRAGOMAN_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    exe = chromium()
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("no Chromium: .ci/run installs Debian's chromium (apt-get install chromium)")
        pytest.skip("no Chromium (apt-get install chromium, or set DRAGOMAN_CHROMIUM)")
    with sync_api.sync_playwright() as pw:
        args = ["--no-sandbox"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
        b = pw.chromium.launch(executable_path=exe, args=args, headless=True)
        yield b
        b.close()


@pytest.fixture(scope="module")
def server(example_store, coder):
    with live_server(example_store, coder=coder) as base:
        yield base


class Guard:
    """Aborts and records every request that does not go to ``base``; records page errors."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.outside: list[str] = []
        self.errors: list[str] = []

    def route(self, route, request) -> None:  # noqa: ANN001
        url = request.url
        if url.startswith(self.base + "/") or url.startswith(("data:", "blob:", "about:")):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def watch(self, page) -> None:  # noqa: ANN001
        page.on("pageerror", lambda exc: self.errors.append(f"{page.url}: {exc}"))
        page.on("console", lambda msg: self.errors.append(f"{page.url}: {msg.text}") if msg.type == "error" else None)


@pytest.fixture
def page(browser, server):
    guard = Guard(server)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route("**/*", guard.route)
    pg = context.new_page()
    guard.watch(pg)
    pg.set_default_timeout(20_000)
    yield pg, server
    context.close()
    assert guard.outside == [], f"requests to other hosts: {guard.outside}"
    assert guard.errors == [], guard.errors


def ready(pg) -> None:  # noqa: ANN001
    pg.wait_for_function("document.documentElement.dataset.ready !== undefined")
    assert pg.evaluate("document.documentElement.dataset.ready") == "true"


def test_each_view_loads_and_draws_its_charts(page):
    pg, base = page
    for path in VIEWS:
        pg.goto(base + path)
        ready(pg)
        for box in pg.query_selector_all("[data-chart]"):
            assert box.get_attribute("data-rendered") == "true", path
            assert box.query_selector("svg") is not None and len(box.query_selector_all("svg path, svg circle, svg rect")) > 5, path
    pg.goto(base + "/api/docs")
    pg.wait_for_selector(".swagger-ui .info .title")
    assert "dragoman" in pg.inner_text(".swagger-ui .info .title")


def test_filters_live_in_the_url_and_sorting_too(page):
    pg, base = page
    pg.goto(base + "/events")
    ready(pg)
    total = pg.inner_text("#count")
    pg.fill("input[name=country]", "JOR")
    pg.select_option("select[name=event]", "CONSULT")
    pg.click("form#filters button[type=submit]")
    pg.wait_for_url("**/events?*")
    url = pg.url
    assert "country=JOR" in url and "event=CONSULT" in url and "actor=" not in url and "modality=" not in url
    rows = pg.query_selector_all("#events tbody tr")
    assert rows and pg.inner_text("#count") != total
    for row in rows:
        cells = [c.inner_text() for c in row.query_selector_all("td")]
        assert cells[1] == "CONSULT" and "JOR" in (cells[5] + "+" + cells[6]).split("+")
    # the same URL in a new page shows the same view: it can be shared
    other = pg.context.new_page()
    other.goto(url)
    assert other.inner_text("#count") == pg.inner_text("#count") and other.input_value("input[name=country]") == "JOR"
    other.close()
    pg.goto(base + "/events")
    pg.click("th a[data-sort=plover_score]")
    pg.click("th a[data-sort=plover_score]")
    pg.wait_for_url("**order=desc*")
    assert "sort=plover_score" in pg.url
    scores = [float(c.inner_text()) for c in pg.query_selector_all("#events tbody tr td:nth-child(5)")]
    assert scores == sorted(scores, reverse=True)


def test_an_event_page_highlights_the_trigger_and_shows_where_it_comes_from(page):
    import httpx

    pg, base = page
    pg.goto(base + "/events?country=JOR&event=CONSULT")
    ready(pg)
    first = pg.query_selector("#events tbody tr")
    event_id = first.get_attribute("data-event-id")
    first.query_selector("a").click()
    pg.wait_for_url(f"**/events/{event_id}")
    expected = httpx.get(f"{base}/api/events/{event_id}").json()
    assert pg.inner_text("#sentence mark.trigger") == expected["trigger"]["text"] == " ".join(expected["record"]["event_text"])
    actors = {e["entity_text"] for e in expected["entities"] if e["role"] == "actor" and e["start"] is not None}
    assert actors and {m.inner_text() for m in pg.query_selector_all("#sentence mark.actor")} <= actors | {expected["trigger"]["text"]}
    assert pg.inner_text("#rule") == expected["record"]["rule"]
    assert pg.inner_text("#precision") == expected["record"]["date_precision"]
    assert "dictionary entries" in pg.inner_text("table.facts")
    assert pg.query_selector_all("#cluster tbody tr"), "the other members of its cluster"
    pg.click("text=compare the")
    pg.wait_for_url("**/compare?cluster=*")
    assert len(pg.query_selector_all("#comparison article.side")) >= 2


def test_paste_an_article_and_see_its_events(page):
    pg, base = page
    pg.goto(base + "/code")
    ready(pg)
    pg.fill("#code-text", ARTICLE)
    pg.fill("#code-date", "2025-05-10")
    pg.click("#code-form button[type=submit]")
    pg.wait_for_function("document.documentElement.dataset.coded && document.documentElement.dataset.coded !== 'pending'")
    assert pg.evaluate("document.documentElement.dataset.coded") == "done"
    kinds = [b.get_attribute("data-event") for b in pg.query_selector_all("#code-results .coded")]
    assert "AGREE" in kinds
    agree = pg.query_selector('#code-results .coded[data-event="AGREE"]')
    assert agree.query_selector("mark.trigger").inner_text() == "agreed"
    assert {m.inner_text() for m in agree.query_selector_all("mark.actor")} >= {"Pakistan", "India"}
    assert "date=2025-05-10" in pg.url


def test_compare_and_map_views(page):
    pg, base = page
    pg.goto(base + "/compare")
    ready(pg)
    links = pg.query_selector_all("ol.clusters a")
    assert len(links) >= 2
    links[1].click()
    pg.wait_for_url("**cluster=*")
    sides = [h.inner_text() for h in pg.query_selector_all("#comparison article.side h3")]
    assert len(sides) >= 2 and len(set(sides)) == len(sides)
    pg.goto(base + "/map")
    ready(pg)
    places = len(pg.query_selector_all("table.data tbody tr"))
    assert places and len(pg.query_selector_all("[data-chart=map] svg path")) > 100  # the countries and the places


def test_a_plot_html_file_opens_offline(browser, example_store, tmp_path):
    from dragoman.store.plot import plot

    out = plot(example_store, "dyads", tmp_path / "dyads.html")
    outside: list[str] = []
    context = browser.new_context()
    context.route("**/*", lambda route, req: route.continue_() if req.url.startswith(("file://", "data:", "blob:")) else (outside.append(req.url), route.abort()))
    pg = context.new_page()
    pg.goto(out.as_uri())
    pg.wait_for_selector("svg .mark-rect path, svg .mark-rect")
    context.close()
    assert outside == []


def test_the_guard_catches_a_request_to_another_host(browser, server):
    guard = Guard(server)
    context = browser.new_context()
    context.route("**/*", guard.route)
    pg = context.new_page()
    pg.goto("about:blank")  # no Content-Security-Policy here (the dashboard's would block the request itself)
    pg.set_content('<img src="http://outside.invalid/pixel.png">')
    pg.wait_for_timeout(300)
    context.close()
    assert guard.outside == ["http://outside.invalid/pixel.png"]  # aborted before it left the browser
