"""Issue 8 on the store side: date precision in queries, time series and plots (events a period
cannot hold are left out and counted), and every filter in the library, the CLI and the API.

The store is built from hand-made records (tests/store_records.py): exact dates, precisions,
modalities, attributions and confidences, without coding.
"""

from __future__ import annotations

import json

import pytest
from store_records import build, entity, record
from typer.testing import CliRunner

from dragoman.cli import app
from dragoman.store import Filters, Store, StoreError, query

runner = CliRunner()

ARTICLES = [
    (
        {"id": "a1", "text": "Lead paragraph.\nSecond paragraph.", "date": "2025-03-12", "source": "Wire", "url": "https://wire.example/a1"},
        [
            record("e-day", "a1", date="2025-03-10", precision="day"),
            record("e-pub", "a1", date="2025-03-12", precision="publication", event="ASSAULT", cameo="190", quad=4, score=-10.0,
                   actor=[entity("RUS", "Russian forces", "MIL")], recipient=[entity("UKR", "Ukraine")], start=16, sentence=1),
            record("e-month", "a1", date="2025-02-01", precision="month", modality="historical",
                   attributed=entity("PAK", "the foreign office of Pakistan")),
        ],
    ),
    (
        {"id": "a2", "text": "Another story.", "date": "2025-03-14", "source": "Courier", "url": "https://courier.example/a2"},
        [
            record("e-year", "a2", date="2024-01-01", precision="year", event="ACCUSE", cameo="112", quad=3, score=-2.0, confidence=0.4),
            record("e-neg", "a2", date="2025-03-13", precision="day", negated=True, modality="future",
                   attributed=entity("USA", "the State Department")),
        ],
    ),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build(tmp_path_factory.mktemp("data") / "s.duckdb", ARTICLES)


@pytest.fixture(scope="module")
def store(db):
    with Store.open(db, read_only=True) as st:
        yield st


def ids(df) -> set[str]:
    return set(df["event_id"])


# ------------------------------------------------------------------ date precision


def test_events_carry_their_date_precision(store):
    df = query.events(store).set_index("event_id")
    assert df.loc["e-year", "date_precision"] == "year" and str(df.loc["e-year", "date"])[:10] == "2024-01-01"
    assert df.loc["e-month", "date_precision"] == "month"
    assert df.loc["e-pub", "date_precision"] == "publication"


def test_timeline_counts_an_event_only_in_periods_its_precision_fits(store):
    by_month = query.timeline(store, freq="month")
    assert by_month["events"].sum() == 4  # the year-only event is in no month
    assert by_month.attrs["left_out"] == {"year": 1}
    assert "2024-01" not in {str(p)[:7] for p in by_month["period"]}  # no January spike
    by_day = query.timeline(store, freq="day")
    assert by_day["events"].sum() == 3 and by_day.attrs["left_out"] == {"month": 1, "year": 1}
    week = query.timeline(store, freq="week")
    assert week["events"].sum() == 3
    quarter = query.timeline(store, freq="quarter")
    assert quarter["events"].sum() == 4 and quarter.attrs["left_out"] == {"year": 1}
    year = query.timeline(store, freq="year")
    assert year["events"].sum() == 5 and year.attrs["left_out"] == {}
    # publication-precision events count on their article's date, in every period
    assert "2025-03-12" in {str(p)[:10] for p in by_day.loc[by_day["events"] > 0, "period"]}
    types = query.event_types(store, freq="month")
    assert "ACCUSE" not in set(types["event"]) and types.attrs["left_out"] == {"year": 1}
    note = query.left_out_note(by_day.attrs["left_out"], "day")
    assert note and "1 dated to a month only" in note and "1 dated to a year only" in note and "--by month" in note


def test_cli_timeline_says_what_it_left_out(db):
    res = runner.invoke(app, ["query", "timeline", "--db", str(db), "--by", "month", "-f", "csv"])
    assert res.exit_code == 0, res.output
    assert "note: 1 events are not in this month timeline: 1 dated to a year only" in res.stderr
    assert res.stdout.splitlines()[0].startswith("period,events")
    res = runner.invoke(app, ["query", "timeline", "--db", str(db), "--by", "year", "-f", "csv"])
    assert res.exit_code == 0 and "note:" not in res.stderr


def test_cli_events_show_the_precision(db):
    res = runner.invoke(app, ["query", "events", "--db", str(db), "-f", "json"])
    rows = {r["event_id"]: r for r in json.loads(res.stdout)}
    assert rows["e-year"]["date_precision"] == "year" and rows["e-year"]["date"] == "2024-01-01"
    res = runner.invoke(app, ["query", "events", "--db", str(db)])
    assert res.exit_code == 0 and "date_precision" in res.stdout


def test_plot_timeline_notes_the_events_left_out(db, tmp_path):
    from dragoman.store.plot import chart

    with Store.open(db, read_only=True) as st:
        spec = chart(st, "timeline", freq="month").to_dict()
    assert "1 dated to a year only" in json.dumps(spec)
    out = tmp_path / "t.png"
    res = runner.invoke(app, ["plot", "timeline", "--db", str(db), "--by", "day", "-o", str(out)])
    assert res.exit_code == 0 and out.stat().st_size > 1000
    assert "note: 2 events are not in this day timeline" in res.stderr
    # nothing fits: an error that says why
    res = runner.invoke(app, ["plot", "timeline", "--db", str(db), "--precision", "year", "--by", "month", "-o", str(tmp_path / "n.png")])
    assert res.exit_code == 2 and "1 dated to a year only" in res.output


# ------------------------------------------------------------------ filters


FILTER_CASES = [
    (Filters(modalities=["future"]), ["--modality", "future"], {"modality": "future"}, {"e-neg"}),
    (Filters(modalities=["historical", "future"]), ["--modality", "historical,future"], {"modality": "historical,future"}, {"e-neg", "e-month"}),
    (Filters(negated=True), ["--negated"], {"negated": "true"}, {"e-neg"}),
    (Filters(negated=False), ["--not-negated"], {"negated": "false"}, {"e-day", "e-pub", "e-month", "e-year"}),
    (Filters(precisions=["month", "year"]), ["--precision", "month", "--precision", "year"], {"precision": "month,year"}, {"e-month", "e-year"}),
    (Filters(min_confidence=0.5), ["--min-confidence", "0.5"], {"min_confidence": "0.5"}, {"e-day", "e-pub", "e-month", "e-neg"}),
    (Filters(attributed=["PAK"]), ["--attributed", "PAK"], {"attributed": "PAK"}, {"e-month"}),
    (Filters(attributed=["state department"]), ["--attributed", "State Department"], {"attributed": "State Department"}, {"e-neg"}),
    (Filters(events=["ASSAULT"]), ["-e", "ASSAULT"], {"event": "ASSAULT"}, {"e-pub"}),
    (Filters(actors=["RUS"]), ["-a", "RUS"], {"actor": "RUS"}, {"e-pub"}),
    (Filters(sources=["Courier"]), ["--source", "Courier"], {"source": "Courier"}, {"e-year", "e-neg"}),
]


@pytest.mark.parametrize(("filters", "args", "params", "expected"), FILTER_CASES)
def test_every_filter_in_the_library_the_cli_and_the_api(db, store, api, filters, args, params, expected):
    assert ids(query.events(store, filters)) == expected
    res = runner.invoke(app, ["query", "events", "--db", str(db), "-f", "json", *args])
    assert res.exit_code == 0, res.output
    assert {r["event_id"] for r in json.loads(res.stdout)} == expected
    res = runner.invoke(app, ["export", "--db", str(db), "-f", "jsonl", "-o", "-", *args])
    assert res.exit_code == 0 and {json.loads(line)["id"] for line in res.stdout.splitlines() if line.startswith("{")} == expected
    answer = api.get("/api/events", params={**params, "limit": 50})
    assert answer.status_code == 200, answer.text
    assert {r["event_id"] for r in answer.json()["items"]} == expected


@pytest.fixture(scope="module")
def api(db):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from dragoman.serve import Settings, create_app

    with TestClient(create_app(Settings(db=db), preload=False)) as client:
        yield client


BAD = [
    (["-e", "ATTACK"], {"event": "ATTACK"}, "event type 'ATTACK'", "AGREE, CONSULT"),
    (["-a", "XXX"], {"actor": "XXX"}, "actor code 'XXX'", "AFG, AGO"),
    (["-r", "ZZZ"], {"recipient": "ZZZ"}, "actor code 'ZZZ'", "USA"),
    (["--modality", "maybe"], {"modality": "maybe"}, "modality 'maybe'", "asserted, future, hypothetical, historical"),
    (["--precision", "hour"], {"precision": "hour"}, "date precision 'hour'", "day, month, year, publication"),
    (["--min-confidence", "1.5"], {"min_confidence": "1.5"}, "minimum confidence '1.5'", "a number from 0 to 1"),
    (["--source", "Nowhere"], {"source": "Nowhere"}, "source 'Nowhere'", "Courier, Wire"),
]


@pytest.mark.parametrize(("args", "params", "message", "valid"), BAD)
def test_a_bad_filter_value_is_an_error_that_lists_the_valid_ones(db, api, args, params, message, valid):
    for command in (["query", "events"], ["query", "dyads"], ["query", "timeline"], ["export", "-f", "tsv", "-o", "-"], ["plot", "timeline", "-o", "x.png"]):
        res = runner.invoke(app, [*command, "--db", str(db), *args])
        assert res.exit_code == 2, (command, res.output)
        assert message in res.output and valid in res.output, res.output
        assert res.stdout.strip() == "" or command[0] == "export"
    answer = api.get("/api/events", params=params)
    assert answer.status_code == 400, answer.text
    assert valid in answer.json()["error"]["fix"]
    assert api.get("/api/timeline", params=params).status_code == 400


def test_library_queries_check_codes_against_the_store(store):
    with pytest.raises(StoreError, match="XXX"):
        query.events(store, Filters(actors=["XXX"]))
    with pytest.raises(StoreError, match="ATTACK"):
        query.timeline(store, Filters(events=["ATTACK"]))
    with pytest.raises(StoreError, match="hour"):
        query.page(store, "events", Filters(precisions=["hour"]))


def test_api_timeline_counts_what_it_left_out(api):
    body = api.get("/api/timeline", params={"by": "month"}).json()
    assert body["left_out"] == {"year": 1} and "dated to a year only" in body["note"]
    assert sum(p["events"] for p in body["items"]) == 4
    body = api.get("/api/timeline", params={"by": "year"}).json()
    assert body["left_out"] == {} and body["note"] is None and sum(p["events"] for p in body["items"]) == 5
    body = api.get("/api/timeline/types", params={"by": "day"}).json()
    assert body["left_out"] == {"month": 1, "year": 1}
    assert api.get("/api/timeline", params={"by": "quarter"}).status_code == 200
    rows = {r["event_id"]: r for r in api.get("/api/events").json()["items"]}
    assert rows["e-year"]["date_precision"] == "year"


def test_dashboard_timeline_notes_and_links_fitting_precisions(api):
    page = api.get("/timeline?by=month", headers={"accept": "text/html"}).text
    assert 'id="left-out"' in page and "dated to a year only" in page
    assert "precision=day%2Cpublication%2Cmonth" in page  # a month bar opens only the events the month holds
