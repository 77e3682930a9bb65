"""The Python API: dragoman.code, code_many, typed events and their tables, dragoman.Store."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import dragoman
from dragoman.errors import InputError

TEXT = "Pakistan and India agreed to a ceasefire on Saturday. Iran accused Israel of attacking its nuclear sites."


@pytest.fixture(scope="module")
def events(coder):
    return dragoman.code(TEXT, date="2025-05-10", min_confidence=0.0)


def test_import_is_cheap_and_lists_the_api():
    code = "import sys, dragoman; print(json.dumps(sorted(m for m in ('spacy', 'pandas', 'duckdb', 'pyarrow') if m in sys.modules)))"
    out = subprocess.run([sys.executable, "-c", "import json; " + code], capture_output=True, text=True, check=True).stdout
    assert json.loads(out) == []
    assert {"code", "code_many", "Store", "Event", "Events", "Coder", "__version__"} <= set(dir(dragoman))
    with pytest.raises(AttributeError):
        dragoman.nothing_here  # noqa: B018


def test_code_returns_typed_events(events, coder):
    first = events[0]
    assert isinstance(events, dragoman.Events) and isinstance(first, dragoman.Event)
    assert first.event == "AGREE" and first.actor_codes == ["PAK", "IND"] and first.date == "2025-05-10"
    assert isinstance(first.actor[0], dragoman.Entity) and isinstance(first.text_info, dragoman.TextInfo)
    assert TEXT[first.text_info.trigger_start : first.text_info.trigger_end] == first.trigger == "agreed"
    assert {"AGREE", "ACCUSE"} <= {e.event for e in events}
    # to_dict gives back exactly the record the coder writes (keys and their order)
    records = coder.code_text(TEXT, "2025-05-10")
    assert [e.to_dict() for e in events] == records
    assert [list(e.to_dict()) for e in events] == [list(r) for r in records]
    assert json.dumps(events.to_dicts()) == json.dumps(records)


def test_tables(events):
    df = events.to_pandas()
    assert list(df["event"]) == [e.event for e in events] and df.loc[0, "actor_codes"] == "PAK+IND"
    table = events.to_arrow()
    assert table.num_rows == len(events) and table.column("trigger").to_pylist() == [e.trigger for e in events]
    assert dragoman.Events().to_pandas().empty and dragoman.Events().to_arrow().num_rows == 0


def test_code_many(coder):
    many = dragoman.code_many(
        [{"id": "a", "text": TEXT, "date": "2025-05-10"}, "Egypt called for calm in Gaza."], date="2025-05-11", fuse=True, min_confidence=0.0,
    )
    assert [e.doc_id for e in many][-1] == "text-1" and {e.doc_id for e in many} == {"a", "text-1"}
    assert all("cluster_id" in e.extra and e.to_dict()["cluster_id"] for e in many)
    assert many[-1].date == "2025-05-11"
    with pytest.raises(InputError):
        dragoman.code_many([{"id": "x", "text": ""}], min_confidence=0.0)
    skipped = dragoman.code_many([{"id": "x", "text": "Egypt called for calm.", "date": "someday"}, TEXT], date="2025-05-10", errors="skip", min_confidence=0.0)
    assert len(skipped.errors) == 1 and "someday" in str(skipped.errors[0]) and {e.doc_id for e in skipped} == {"text-1"}
    with pytest.raises(InputError, match="could be day/month or month/day"):
        dragoman.code(TEXT, date="10/05/2025")
    with pytest.raises(InputError, match="is not a date dragoman can read"):
        dragoman.code(TEXT, date="someday")
    assert dragoman.code(TEXT, date="Sat, 10 May 2025 10:00:00 GMT", min_confidence=0.0)[0].date == "2025-05-10"


def test_store(example_store):
    with dragoman.Store(example_store) as store:
        events = store.events()
        assert len(events) == store.db.counts()["events"]
        egy = store.events(country="EGY")
        assert 0 < len(egy) < len(events)
        assert len(store.events(country=["EGY", "JOR"])) >= len(egy)
        assert set(store.events(modality="future")["modality"]) <= {"future"}
        assert not store.dyads(by_event=False).empty and not store.timeline(freq="week").empty
        assert not store.actors().empty and not store.sources().empty
        told = store.clusters(min_sources=2)
        assert len(told) >= 1
        comparison = store.compare(told["cluster_id"].iloc[0])
        assert len(comparison["by_source"]) >= 2
        one = store.event(events["event_id"].iloc[0])
        assert one["trigger"]["text"]
        assert store.sql("SELECT count(*) FROM events").fetchall()[0][0] == len(events)
        with pytest.raises(dragoman.DragomanError):
            store.events(quad=7)
        with pytest.raises(TypeError, match="unknown filter"):
            store.events(colour="red")
