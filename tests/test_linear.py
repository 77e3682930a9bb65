"""Issue 11, case 7: coding time is linear in the number of sentences (it was quadratic:
``sent.ents`` scanned the whole document for every sentence, coreference every earlier mention)."""

from __future__ import annotations

import datetime as dt
import time

from dragoman.read import Article

UNIT = "Israel struck Gaza. Dodik met Karlsson in Cairo. Karlsson said he would visit it. "


def _seconds_per_sentence(coder, n_units: int) -> float:
    art = Article("linear", UNIT * n_units, dt.date(2025, 6, 1), origin="linear")
    best = float("inf")
    for _ in range(2):
        t0 = time.perf_counter()
        (result,) = list(coder.code([art]))
        best = min(best, time.perf_counter() - t0)
    assert result.ok and len(result.events) >= n_units
    return best / (3 * n_units)


def test_time_per_sentence_stays_flat(coder):
    _seconds_per_sentence(coder, 10)  # warm up
    small = _seconds_per_sentence(coder, 60)  # 180 sentences
    large = _seconds_per_sentence(coder, 600)  # 1,800 sentences: 10x
    # quadratic code took ~6x longer per sentence here; linear code stays within noise
    assert large < 2.5 * small, (small, large)


def test_sentence_entities_are_those_spacy_gives(coder):
    from dragoman.sentences import sent_ents

    doc = coder.nlp("Egypt and Qatar met on Monday in Cairo. Iran condemned Israel on May 3. Nothing here. " * 3)
    for sent in doc.sents:
        assert [(e.start, e.end, e.label_) for e in sent_ents(sent)] == [(e.start, e.end, e.label_) for e in sent.ents]
