"""The HTTP API of dragoman serve (FastAPI TestClient) over a store of the bundled examples."""

from __future__ import annotations

import hashlib
import re
import threading
import time

import pytest
from serve_fixtures import ARTICLE

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from dragoman.serve import Settings, create_app  # noqa: E402

ENDPOINTS = [
    "/api/events", "/api/dyads", "/api/timeline", "/api/timeline/types", "/api/actors", "/api/sources", "/api/places",
    "/api/clusters", "/api/compare", "/api/meta",
]


@pytest.fixture(scope="module")
def client(example_store, coder):
    app = create_app(Settings(db=example_store, code_max_bytes=5_000), preload=False, coder=coder)
    with TestClient(app) as c:
        yield c


def error(res, status: int, param: str | None = None) -> dict:
    assert res.status_code == status, res.text
    body = res.json()["error"]
    assert body["status"] == status and body["message"] and body["fix"]
    if param is not None:
        assert body["param"] == param, body
    return body


def test_every_endpoint_answers_with_its_documented_schema(client):
    schema = client.get("/api/openapi.json").json()
    for path in [*ENDPOINTS, "/api/events/{event_id}", "/api/clusters/{cluster_id}", "/api/compare/{cluster_id}", "/api/code"]:
        assert path in schema["paths"], path
        op = next(iter(schema["paths"][path].values()))
        assert op["summary"] and "200" in op["responses"]
        assert "$ref" in str(op["responses"]["200"]) or path == "/api/code"
    for path in ENDPOINTS:
        res = client.get(path)
        assert res.status_code == 200, (path, res.text)
        body = res.json()
        if path != "/api/meta":
            series = {"left_out", "note"} if path.startswith("/api/timeline") else set()
            assert set(body) == {"total", "offset", "limit", "items"} | series and body["total"] >= len(body["items"]) > 0, path


def test_events_carry_record_sentence_trigger_and_entity_offsets(client, example_store):
    from dragoman.store import Store

    with Store.open(example_store, read_only=True) as store:
        texts = dict(store.sql("SELECT doc_id, text FROM articles").fetchall())
    items = client.get("/api/events", params={"limit": 500}).json()["items"]
    assert len(items) == client.get("/api/meta").json()["counts"]["events"]
    located = 0
    for ev in items:
        text = texts[ev["doc_id"]]
        rec = ev["record"]
        assert rec["id"] == ev["event_id"] and rec["event"] == ev["event"]
        assert text[ev["sentence_start"] : ev["sentence_end"]] == ev["sentence_text"]
        assert ev["trigger"]["text"] == text[ev["trigger"]["start"] : ev["trigger"]["end"]] == " ".join(rec["event_text"]) or len(rec["event_text"]) > 1
        for ent in ev["entities"]:
            if ent["start"] is not None:
                located += 1
                assert text[ent["start"] : ent["end"]].lower() == ent["entity_text"].lower()
                assert ev["sentence_start"] <= ent["start"] < ent["end"] <= ev["sentence_end"]
    assert located > 20


def test_filters_match_the_cli_and_more(client):
    all_events = client.get("/api/events", params={"limit": 500}).json()["items"]
    egy = client.get("/api/events", params={"country": "egy", "limit": 500}).json()
    assert egy["total"] == sum("EGY" in f"{e['actor']}+{e['recipient']}".split("+") for e in all_events) > 0
    both = client.get("/api/events?country=EGY,JOR&limit=500").json()
    assert both == client.get("/api/events?country=EGY&country=JOR&limit=500").json()
    for param, key, value in [("modality", "modality", "future"), ("event", "event", "CONSULT"), ("quad", "quad_code", 1)]:
        got = client.get("/api/events", params={param: value, "limit": 500}).json()["items"]
        assert got and all(e[key] == value for e in got), param
        assert len(got) == sum(e[key] == value for e in all_events)
    for flag in ("true", "false"):
        got = client.get("/api/events", params={"negated": flag, "limit": 500}).json()["items"]
        assert all(e["negated"] is (flag == "true") for e in got)
    precise = client.get("/api/events", params={"precision": "day", "limit": 500}).json()["items"]
    assert precise and all(e["record"]["date_precision"] == "day" for e in precise)
    sure = client.get("/api/events", params={"min_confidence": 0.8, "limit": 500}).json()["items"]
    assert all(e["record"]["confidence"] >= 0.8 for e in sure)
    window = client.get("/api/events", params={"since": "2025-05-01", "until": "2025-05-31", "limit": 500}).json()["items"]
    assert window and all("2025-05-01" <= e["date"] <= "2025-05-31" for e in window)


def test_pages_and_sorting(client):
    first = client.get("/api/events?limit=3").json()
    second = client.get("/api/events?limit=3&offset=3").json()
    assert first["total"] == second["total"] and len(first["items"]) == 3
    assert {e["event_id"] for e in first["items"]}.isdisjoint(e["event_id"] for e in second["items"])
    scores = [e["plover_score"] for e in client.get("/api/events?sort=plover_score&order=desc&limit=500").json()["items"]]
    assert scores == sorted(scores, reverse=True)
    error(client.get(f"/api/events?offset={first['total']}"), 400, "offset")
    error(client.get("/api/events?limit=501"), 400, "limit")
    error(client.get("/api/events?sort=password"), 400, "sort")
    error(client.get("/api/events?order=sideways"), 400, "order")


@pytest.mark.parametrize(
    ("query", "param"),
    [
        ("event=PARTY", "event"), ("quad=5", "quad"), ("modality=sometimes", "modality"), ("precision=week", "precision"),
        ("negated=maybe", "negated"), ("since=2025-13-01", "since"), ("until=yesterday", "until"), ("country=EGYPT", "country"),
        ("min_confidence=2", "min_confidence"), ("min_confidence=high", "min_confidence"), ("source=Nowhere+Times", "source"),
        ("since=2025-06-01&until=2025-01-01", "since"),
    ],
)
def test_unknown_filter_values_get_a_400_that_says_what_to_fix(client, query, param):
    body = error(client.get(f"/api/events?{query}"), 400, param)
    assert "use" in body["fix"].lower() or "give" in body["fix"].lower()


def test_one_event_one_cluster_and_a_comparison(client):
    ev = client.get("/api/events?country=JOR&event=CONSULT&limit=1").json()["items"][0]
    one = client.get(f"/api/events/{ev['event_id']}").json()
    assert one["record"]["id"] == ev["event_id"] and one["sentence"]["text"] == ev["sentence_text"]
    assert one["trigger"]["text"] and one["cluster_id"]
    cluster = client.get(f"/api/clusters/{one['cluster_id']}").json()
    assert {m["event_id"] for m in cluster["members"]} == {ev["event_id"]} | {m["event_id"] for m in one["cluster"]}
    assert cluster["mentions"] == len(cluster["members"]) and cluster["documents"] == sorted({m["doc_id"] for m in cluster["members"]})
    listed = client.get("/api/compare").json()["items"]
    assert any(c["cluster_id"] == one["cluster_id"] for c in listed) and all(c["n_sources"] >= 2 for c in listed)
    comparison = client.get(f"/api/compare/{one['cluster_id']}").json()
    assert len(comparison["by_source"]) >= 2
    assert "the Jordanian foreign ministry" in comparison["by_source"]
    assert sum(len(s["events"]) for s in comparison["by_source"].values()) == cluster["mentions"]
    error(client.get("/api/events/0000000000000000"), 404, "event_id")
    error(client.get("/api/clusters/nope"), 404, "cluster_id")
    error(client.get("/api/compare/nope"), 404, "cluster_id")


def test_aggregates(client):
    dyads = client.get("/api/dyads?by_event=false&limit=500").json()
    assert dyads["items"][0]["events"] >= dyads["items"][-1]["events"]
    weeks = client.get("/api/timeline?by=week&limit=500").json()
    # an event dated only to the month ("will host talks next week") is in no week: left out, counted
    coarse = sum(weeks["left_out"].get(k, 0) for k in ("month", "year"))
    assert sum(p["events"] for p in weeks["items"]) + coarse == client.get("/api/meta").json()["counts"]["events"] - _undated(client)
    error(client.get("/api/timeline?by=fortnight"), 400, "by")
    types = client.get("/api/timeline/types?by=year").json()["items"]
    assert sum(t["events"] for t in types) == sum(p["events"] for p in weeks["items"]) + coarse  # a year holds them
    places = client.get("/api/places").json()["items"]
    assert all(-90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180 for p in places)
    meta = client.get("/api/meta").json()
    assert meta["store"] == "examples.duckdb" and "/" not in meta["store"] and meta["code_enabled"]


def _undated(client) -> int:
    return sum(e["date"] is None for e in client.get("/api/events?limit=500").json()["items"])


def test_code_a_pasted_text(client):
    res = client.post("/api/code", json={"text": ARTICLE, "date": "2025-05-10"})
    assert res.status_code == 200, res.text
    body = res.json()
    agree = next(e for e in body["events"] if e["record"]["event"] == "AGREE")
    assert agree["trigger"]["text"] == "agreed" and agree["record"]["date"] == "2025-05-10"
    assert ARTICLE[agree["sentence"]["start"] : agree["sentence"]["end"]] == agree["sentence"]["text"]
    assert {e["entity_text"] for e in agree["entities"] if e["start"] is not None} >= {"Pakistan", "India"}
    plain = client.post("/api/code?date=2025-05-10", content=ARTICLE.encode(), headers={"content-type": "text/plain; charset=utf-8"})
    assert [e["record"] for e in plain.json()["events"]] == [e["record"] for e in body["events"]]
    before = client.get("/api/meta").json()["counts"]
    assert client.get("/api/meta").json()["counts"] == before  # nothing stored


@pytest.mark.parametrize(
    ("kwargs", "status", "param"),
    [
        ({"content": b'{"text": "' + b"x" * 6000 + b'"}', "headers": {"content-type": "application/json"}}, 413, None),
        ({"content": "Pakistan and India agreed.".encode("latin-1") + b"\xff\xfe", "headers": {"content-type": "text/plain"}}, 400, "text"),
        ({"content": b"{not json", "headers": {"content-type": "application/json"}}, 400, None),
        ({"json": {"text": "   "}}, 400, "text"),
        ({"json": {"date": "2025-05-10"}}, 400, "text"),
        ({"json": {"text": "Egypt called for calm.", "date": "10/05/2025"}}, 400, "date"),
        ({"content": b"<p>hi</p>", "headers": {"content-type": "text/html"}}, 415, None),
    ],
)
def test_code_refuses_bad_bodies(client, kwargs, status, param):
    error(client.post("/api/code", **kwargs), status, param)


def test_a_streamed_body_over_the_limit_is_cut_off(client):
    def chunks():
        for _ in range(100):
            yield b"x" * 1000

    error(client.post("/api/code", content=chunks(), headers={"content-type": "text/plain"}), 413)


class SlowCoder:
    dictionary_version = "test"

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.started = threading.Event()

    def code_text(self, text, date, doc_id):  # noqa: ANN001, ANN201
        self.started.set()
        time.sleep(self.seconds)
        return []


def test_code_is_bounded_in_time_and_one_at_a_time(example_store):
    slow = SlowCoder(1.5)
    app = create_app(Settings(db=example_store, code_timeout=0.3), preload=False, coder=slow)
    with TestClient(app) as c:
        error(c.post("/api/code", json={"text": "Egypt called for calm."}), 504)
        # the worker is still on that text: another one is refused, not queued
        error(c.post("/api/code", json={"text": "Egypt called for calm."}), 503)
        time.sleep(1.5)
        assert c.post("/api/code", json={"text": "Egypt called for calm."}).status_code == 504  # free again


def test_code_can_be_turned_off(example_store):
    with TestClient(create_app(Settings(db=example_store, code=False), preload=False)) as c:
        error(c.post("/api/code", json={"text": "Egypt called for calm."}), 403)
        assert c.get("/api/meta").json()["code_enabled"] is False
        assert "turned off" in c.get("/code").text


def test_the_store_is_read_only_and_no_path_is_read(client, example_store):
    digest = hashlib.sha256(example_store.read_bytes()).hexdigest()
    for path in ENDPOINTS:
        client.get(path)
    assert hashlib.sha256(example_store.read_bytes()).hexdigest() == digest
    con = client.app.state.con
    with pytest.raises(Exception, match="(?i)external|permission|disabled"):
        con.cursor().execute("SELECT * FROM read_csv('/etc/passwd')").fetchall()
    with pytest.raises(Exception, match="(?i)read-only|read only"):
        con.cursor().execute("DELETE FROM events")
    for probe in ["/static/../../pyproject.toml", "/static/%2e%2e/%2e%2e/pyproject.toml", "/static/..%2f..%2fpyproject.toml", "/api/docs-assets/../core.py"]:
        res = client.get(probe)
        assert res.status_code == 404 and "[project]" not in res.text and "FastAPIOffline" not in res.text, probe
    for param in ("db", "path", "file"):
        assert client.get(f"/api/events?{param}=/etc/passwd").json()["total"] >= 0  # unknown parameters are ignored, never opened


def test_docs_and_pages_load_nothing_from_elsewhere(client):
    for path in ("/api/docs", "/api/redoc"):
        html = client.get(path).text
        urls = re.findall(r"""(?:src|href|url)\s*[=:(]\s*['"]?([^'" )>]+)""", html)
        assert urls and all(u.startswith("/") for u in urls), urls
        assert "cdn" not in html.lower() and "fonts.googleapis" not in html
    assert client.get("/api/docs-assets/swagger-ui-bundle.js").status_code == 200
    for path in ("/", "/timeline?by=week", "/dyads?top=10", "/network", "/events?sort=date&order=desc", "/map", "/compare", "/code"):
        res = client.get(path, headers={"accept": "text/html"})
        assert res.status_code == 200, path
        assert "default-src 'self'" in res.headers["content-security-policy"]
        assert not re.search(r"""(src|href)=["']https?://""", res.text), path
    bad = client.get("/events?quad=9", headers={"accept": "text/html"})
    assert bad.status_code == 400 and "quad" in bad.text and bad.headers["content-type"].startswith("text/html")
    vega = client.get("/vendor/vega.js")
    assert vega.status_code == 200 and b"vegaEmbed" in vega.content
    assert client.get("/vendor/vega.js", headers={"if-none-match": vega.headers["etag"]}).status_code == 304


def test_other_origins_and_hosts_are_refused(client, example_store):
    error(client.post("/api/code", json={"text": "Egypt called for calm."}, headers={"origin": "http://evil.example"}), 403)
    assert client.post("/api/code", json={"text": "Egypt called for calm."}, headers={"origin": "http://testserver"}).status_code == 200
    app = create_app(Settings(db=example_store, allowed_hosts=("127.0.0.1", "localhost", "::1")), preload=False)
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        assert c.get("/api/meta").status_code == 200
        assert c.get("/api/meta", headers={"host": "rebound.example:8000"}).status_code == 400
        error(c.get("/api/meta", headers={"host": "rebound.example"}), 400, "host")
        assert c.get("/api/meta", headers={"host": "localhost:8000"}).status_code == 200
        assert c.get("/api/meta", headers={"host": "[::1]:8000"}).status_code == 200
