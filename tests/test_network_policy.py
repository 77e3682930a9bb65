"""Issue 11, case 5: the network policy of fetches (a deadline per fetch, http(s) only at every
redirect, no private addresses unless allowed) and ``--resume`` only for this user's own runs."""

from __future__ import annotations

import json
import time

import pytest
from store_fixtures import AID_STORY, Route, page, rss, rss_item, serve, write_jsonl
from typer.testing import CliRunner

from dragoman.cli import app
from dragoman.read import Article, ReadFailure, read_inputs
from dragoman.read.urls import WebOptions
from dragoman.store import Store, ingest

runner = CliRunner()
LOCAL = WebOptions(timeout=1.0, allow_private=True)
PAGE = page("Aid after floods", AID_STORY).encode()


@pytest.fixture(scope="module")
def site():
    routes = {
        "/aid.html": Route(PAGE),
        "/drip.html": Route(PAGE, drip=0.2),  # headers at once, then a byte every 0.2 s
        "/drip-head.html": Route(PAGE, drip=0.2, drip_head=True),  # even the status line drips
        "/to-ftp": Route(b"", status=302, location="ftp://127.0.0.1/pub/file.txt"),
        "/to-file": Route(b"", status=302, location="file:///etc/passwd"),
        "/loop": Route(b"", status=302, location="/loop"),
        "/to-aid": Route(b"", status=301, location="/aid.html"),
    }
    with serve(routes) as server:
        routes["/to-private"] = Route(b"", status=302, location=server.url("/aid.html").replace("127.0.0.1", "127.0.0.2"))
        yield server


def _fail(url: str, options: WebOptions = LOCAL) -> ReadFailure:
    (item,) = list(read_inputs([url], web=options))
    assert isinstance(item, ReadFailure), item
    return item


@pytest.mark.parametrize("path", ["/drip.html", "/drip-head.html"])
def test_a_slow_drip_server_meets_the_deadline(site, path):
    t0 = time.monotonic()
    fail = _fail(site.url(path))
    assert fail.error.code.name == "E049" and time.monotonic() - t0 < 3.5


def test_redirects_only_to_http_and_https(site):
    assert _fail(site.url("/to-ftp")).error.code.name == "E034"
    assert "ftp://" in _fail(site.url("/to-ftp")).error.message
    assert _fail(site.url("/to-file")).error.code.name == "E034"
    assert _fail(site.url("/loop")).error.code.name == "E036"
    (art,) = list(read_inputs([site.url("/to-aid")], web=LOCAL))
    assert isinstance(art, Article) and art.url == site.url("/aid.html")


def test_private_addresses_are_refused_unless_allowed(site, monkeypatch):
    fail = _fail(site.url("/aid.html"), WebOptions(timeout=1.0))
    assert fail.error.code.name == "E035" and "loopback" in fail.error.message and "--allow-private-hosts" in fail.error.remedy
    assert _fail("http://localhost:9/x", WebOptions(timeout=1.0)).error.code.name == "E035"
    # a public site that redirects into the private network: treat 127.0.0.1 (the test server) as
    # public, and the redirect to 127.0.0.2 is refused before anything connects to it
    from dragoman.read import net

    real = net.address_kind
    monkeypatch.setattr(net, "address_kind", lambda ip: None if str(ip) == "127.0.0.1" else real(ip))
    fail = _fail(site.url("/to-private"), WebOptions(timeout=1.0))
    assert fail.error.code.name == "E035" and "127.0.0.2" in fail.error.message


def test_feed_links_follow_the_same_policy(site, tmp_path):
    feed = tmp_path / "links.rss"
    feed.write_text(rss([rss_item("l1", "Aid", None, "Tue, 08 Apr 2025 09:30:00 GMT", link=site.url("/aid.html"))]))
    (fail,) = list(read_inputs([feed], web=WebOptions(fetch_links=True, timeout=1.0)))
    assert isinstance(fail, ReadFailure) and fail.error.code.name == "E035"
    (art,) = list(read_inputs([feed], web=WebOptions(fetch_links=True, timeout=1.0, allow_private=True)))
    assert isinstance(art, Article) and art.id == "l1"


def test_resume_reads_only_the_runs_of_this_user_on_this_machine(coder, tmp_path, monkeypatch):
    import dragoman.coder

    monkeypatch.setattr(dragoman.coder, "Coder", lambda *a, **k: coder)
    secret = tmp_path / "secret.jsonl"
    write_jsonl(secret, [{"id": "secret", "text": "Israel struck Gaza.", "date": "2025-03-01"}])
    db = tmp_path / "received.duckdb"
    with Store.open(db) as store:  # a store from someone else: its log names an interrupted run
        store.con.execute(
            "INSERT INTO runs (run_id, status, inputs, options) VALUES (1, 'interrupted', ?, ?)",
            [json.dumps([str(secret), "http://169.254.169.254/latest/meta-data/"]), json.dumps({"allow_private": True})],
        )
    res = runner.invoke(app, ["ingest", "--resume", "--db", str(db)])
    assert "run 1" in res.output.lower() and str(secret) in res.output, res.output
    with Store.open(db, read_only=True) as store:
        assert store.counts()["articles"] == 0 and store.counts()["run_errors"] == 0
        assert store.sql("SELECT status FROM runs WHERE run_id = 1").fetchall() == [("interrupted",)]
    # a run of this user on this machine is resumed
    from dragoman.store import runlog

    user, host = runlog.whoami()
    with Store.open(db) as store:
        store.con.execute("UPDATE runs SET user_name = ?, host = ?, inputs = ? WHERE run_id = 1", [user, host, json.dumps([str(secret)])])
    summary = ingest([], db, coder=coder, resume=True)
    assert summary.resumed == [1] and summary.added == 1
