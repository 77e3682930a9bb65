"""dragoman serve over the store of the 89 VOA stories (../shared): every endpoint answers with its
documented schema, and every dashboard view loads in headless Chromium in under 2 s."""

from __future__ import annotations

import statistics
import time

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from dragoman.serve import Settings, create_app  # noqa: E402

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def voa_store(shared, coder, tmp_path_factory):
    from dragoman.store import ingest

    path = tmp_path_factory.mktemp("voa") / "voa.duckdb"
    summary = ingest([shared / "data" / "voa" / "voa_stories.jsonl"], path, coder=coder)
    assert summary.added == 89 and summary.failed == 0
    return path


def test_every_endpoint_over_the_voa_store(voa_store, coder):
    with TestClient(create_app(Settings(db=voa_store), preload=False, coder=coder)) as c:
        meta = c.get("/api/meta").json()
        assert meta["counts"]["articles"] == 89
        for path in ("/api/dyads", "/api/timeline", "/api/timeline/types", "/api/actors", "/api/sources", "/api/places", "/api/clusters", "/api/compare"):
            res = c.get(path, params={"limit": 500})
            assert res.status_code == 200 and res.json()["items"], path
        items: list[dict] = []
        while len(items) < meta["counts"]["events"]:
            page = c.get("/api/events", params={"limit": 500, "offset": len(items)}).json()
            assert page["total"] == meta["counts"]["events"] and page["items"]
            items += page["items"]
        assert len({e["event_id"] for e in items}) == len(items)
        for ev in items:  # the response models validate every answer against the schema
            assert c.get(f"/api/events/{ev['event_id']}").status_code == 200
        for cluster in c.get("/api/compare", params={"limit": 500}).json()["items"]:
            assert len(c.get(f"/api/compare/{cluster['cluster_id']}").json()["by_source"]) >= 2
        coded = c.post("/api/code", json={"text": "Pakistan and India agreed to a ceasefire on Saturday.", "date": "2025-05-10"})
        assert coded.json()["events"][0]["record"]["event"] == "AGREE"


@pytest.mark.browser
def test_each_view_loads_under_two_seconds(voa_store, coder):
    from serve_fixtures import live_server
    from test_serve_browser import Guard, chromium

    sync_api = pytest.importorskip("playwright.sync_api")
    exe = chromium()
    if exe is None:
        pytest.skip("no Chromium")
    views = ["/timeline", "/dyads", "/network", "/events", "/map", "/compare", "/code"]
    with live_server(voa_store, coder=coder) as base, sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=exe, args=["--no-sandbox"], headless=True)
        guard = Guard(base)
        one = base + "/events/" + __import__("httpx").get(base + "/api/events?limit=1").json()["items"][0]["event_id"]
        times: dict[str, list[float]] = {}
        for path in [*views, one]:
            for _ in range(3):
                context = browser.new_context()
                context.route("**/*", guard.route)
                page = context.new_page()
                started = time.perf_counter()
                page.goto(path if path.startswith("http") else base + path)
                page.wait_for_function("document.documentElement.dataset.ready === 'true'", timeout=20_000)
                times.setdefault(path, []).append(time.perf_counter() - started)
                context.close()
        browser.close()
    medians = {p: statistics.median(t) for p, t in times.items()}
    print("view load times (median of 3, s):", {p.replace(base, ""): round(t, 3) for p, t in medians.items()})
    assert guard.outside == []
    assert max(medians.values()) < 2.0, medians
