"""Load time of each dashboard view of ``dragoman serve`` in headless Chromium.

    .venv/bin/python bench/serve.py                      # the store of the 89 VOA stories (built once)
    .venv/bin/python bench/serve.py --db my.duckdb --runs 7 --screenshots docs/screenshots

A server is started in this process on a free 127.0.0.1 port; every load is a new browser context
(no cache: the Vega bundle and the page are fetched again), timed from the navigation to the moment
the page says it is ready (every chart drawn). Any request to another host is aborted and counted.
``--screenshots DIR`` also writes a PNG of each view there.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
VOA = ROOT.parent / "shared" / "data" / "voa" / "voa_stories.jsonl"
ARTICLE = (
    "Egyptian Foreign Minister Badr Abdelatty met his Jordanian counterpart Ayman Safadi in Cairo on Monday, "
    "the Egyptian foreign ministry said. The two ministers called for an immediate ceasefire in Gaza and agreed "
    "to coordinate the delivery of humanitarian aid. Israel rejected the proposal on Tuesday."
)


def build_store(path: Path) -> Path:
    from dragoman.store import ingest

    if not path.exists():
        print(f"building {path} from {VOA} ...", file=sys.stderr)
        summary = ingest([VOA], path)
        print(f"  {summary.added} articles, {summary.events} events", file=sys.stderr)
    return path


def _telling(ev: dict[str, Any]) -> bool:
    """An event whose page shows much: actor, recipient and source all named apart from the trigger."""
    ents = ev["entities"]
    roles = {e["role"] for e in ents if e["start"] is not None}
    apart = all(e["end"] <= ev["trigger"]["start"] or e["start"] >= ev["trigger"]["end"] for e in ents if e["start"] is not None)
    return roles >= {"actor", "recipient"} and apart and all(e["start"] is not None for e in ents)


def views(base: str) -> list[tuple[str, str]]:
    """(name, path) of every view; the compare page takes the happening told by most sources, the
    event page an event with actor, recipient (and source) named in its sentence."""
    import httpx

    told = httpx.get(f"{base}/api/compare", params={"limit": 1}).json()["items"]
    cluster = told[0]["cluster_id"] if told else None
    events = httpx.get(f"{base}/api/events", params={"limit": 500, "sort": "date", "order": "desc"}).json()["items"]
    chosen = sorted(events, key=lambda e: (not _telling(e), not any(x["role"] == "attributed_to" for x in e["entities"])))
    event_id = chosen[0]["event_id"]
    return [
        ("timeline", "/timeline"), ("dyads", "/dyads"), ("network", "/network"), ("events", "/events?sort=plover_score&order=desc"),
        ("event", f"/events/{event_id}"), ("map", "/map"), ("compare", f"/compare?cluster={cluster}" if cluster else "/compare"), ("code", "/code"),
    ]


def load(browser: Any, base: str, path: str, outside: list[str], shot: Path | None = None, code: bool = False) -> float:
    context = browser.new_context(viewport={"width": 1360, "height": 900})
    context.route("**/*", lambda route, req: route.continue_() if req.url.startswith((base + "/", "data:", "blob:")) else (outside.append(req.url), route.abort()))
    page = context.new_page()
    started = time.perf_counter()
    page.goto(base + path)
    page.wait_for_function("document.documentElement.dataset.ready !== undefined", timeout=30_000)
    elapsed = time.perf_counter() - started
    if page.evaluate("document.documentElement.dataset.ready") != "true":
        raise RuntimeError(f"{path}: the page did not draw its charts")
    if code:
        page.fill("#code-text", ARTICLE)
        page.fill("#code-date", "2025-05-13")
        started = time.perf_counter()
        page.click("#code-form button[type=submit]")
        page.wait_for_function("['done', 'error'].includes(document.documentElement.dataset.coded)", timeout=60_000)
        elapsed = time.perf_counter() - started
    if shot is not None:
        page.screenshot(path=str(shot))
    context.close()
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, help="store to serve (default: the VOA stories, built into bench/results/voa.duckdb)")
    ap.add_argument("--runs", type=int, default=5, help="cold loads of each view")
    ap.add_argument("--screenshots", type=Path, help="write a PNG of each view into this folder")
    ap.add_argument("--chromium", default=os.environ.get("DRAGOMAN_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    from dragoman.serve import Settings
    from dragoman.serve.background import background

    db = args.db or build_store(ROOT / "bench" / "results" / "voa.duckdb")
    if args.screenshots:
        args.screenshots.mkdir(parents=True, exist_ok=True)
    outside: list[str] = []
    with background(Settings(db=db)) as base, sync_playwright() as pw:
        flags = ["--no-sandbox"] if os.geteuid() == 0 else []
        browser = pw.chromium.launch(executable_path=args.chromium, args=flags, headless=True)
        pages = views(base)
        load(browser, base, "/timeline", outside)  # the server builds the Vega bundle and loads spaCy once
        load(browser, base, "/code", outside, code=True)
        print(f"dragoman serve {db.name} · Chromium {browser.version} headless · {args.runs} cold loads per view (new context each)")
        print(f"{'view':<10} {'median':>8} {'min':>8} {'max':>8}   path")
        worst = 0.0
        for name, path in pages:
            times = [load(browser, base, path, outside) for _ in range(args.runs)]
            worst = max(worst, statistics.median(times))
            print(f"{name:<10} {statistics.median(times):>7.3f}s {min(times):>7.3f}s {max(times):>7.3f}s   {path}")
        coding = [load(browser, base, "/code", outside, code=True) for _ in range(args.runs)]
        print(f"{'code text':<10} {statistics.median(coding):>7.3f}s {min(coding):>7.3f}s {max(coding):>7.3f}s   paste {len(ARTICLE)} characters, press Code, events shown")
        if args.screenshots:
            for name, path in pages:
                load(browser, base, path, outside, shot=args.screenshots / f"{name}.png", code=name == "code")
            print(f"screenshots in {args.screenshots}")
        browser.close()
    print(f"slowest view (median) {worst:.3f}s; requests to other hosts: {len(outside)}")
    if outside:
        sys.exit(f"requests left the machine: {outside[:5]}")


if __name__ == "__main__":
    main()
