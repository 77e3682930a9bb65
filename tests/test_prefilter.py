"""The prefilter: the written forms of trigger lemmas, documents skipped, and no event lost."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from dragoman.prefilter import Prefilter, trigger_forms
from dragoman.read import Article, read_inputs

ROOT = Path(__file__).resolve().parent.parent

# texts with no word that can carry a trigger lemma: never parsed, no events
NO_TRIGGER = [
    "The weather was mild across the region on Sunday, with light rain in the north.",
    "The film opens in cinemas next week, and temperatures stayed low overnight.",
    "The home side won 2-1 after a late goal in the second half.",
]


@pytest.fixture(scope="module")
def nlp(coder):
    return coder.nlp


@pytest.mark.slow
def test_inflected_forms_of_heads_are_found(nlp) -> None:
    forms = trigger_forms(nlp, ["meet", "sanction", "talk", "go", "get", "accuse", "attack"])
    assert forms is not None
    for word in ["met", "meets", "meeting", "sanctioned", "sanctions", "talks", "went", "gone", "got", "gets",
                 "accused", "accusing", "attacks", "attacked", "goin'"]:
        assert word in forms, word


@pytest.mark.slow
def test_every_trigger_lemma_in_real_text_has_a_listed_form(coder, nlp, shared) -> None:
    heads = coder.nlp.get_pipe("dragoman").events.index.heads
    forms = trigger_forms(nlp, heads)
    assert forms is not None
    texts = [json.loads(line)["text"] for line in (shared / "data" / "plover_gsr.jsonl").read_text().splitlines() if line]
    texts += [json.loads(line)["text"] for line in (ROOT / "eval" / "docs" / "voa-dev.jsonl").read_text().splitlines() if line]
    for doc in nlp.pipe(texts, disable=["dragoman"]):
        for tok in doc:
            if tok.lemma_.lower() in heads or tok.lower_ in heads:
                assert tok.lower_ in forms, (tok.text, tok.lemma_)


@pytest.mark.slow
def test_unknown_lemma_sources_switch_the_filter_off(nlp) -> None:
    import spacy

    blank = spacy.blank("en")
    blank.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert trigger_forms(blank, ["meet"]) is None  # a lookup lemmatizer: not inverted
    ruler = spacy.blank("en")
    ruler.add_pipe("attribute_ruler").add([[{"LOWER": {"REGEX": "^m.t$"}}]], {"LEMMA": "meet"})
    assert trigger_forms(ruler, ["meet"]) is None  # a lemma given by a pattern that cannot be listed
    assert trigger_forms(ruler, ["talk"]) == {"talk"}  # ... for another lemma, no matter


class Pat:
    def __init__(self, head: str, event: str = "ASSAULT", **need: object) -> None:
        self.head, self.event, self.extra = head, event, tuple(need.get("extra", ()))  # type: ignore[arg-type]
        self.object = frozenset(need.get("object", ()))  # type: ignore[arg-type]
        self.prep_object = frozenset(need.get("prep_object", ()))  # type: ignore[arg-type]
        self.prep, self.particle = need.get("prep"), need.get("particle")
        self.complement_aux = frozenset()


@pytest.mark.slow
def test_a_head_counts_only_with_the_words_its_patterns_need(nlp) -> None:
    by_head = {
        ("VERB", "take"): [Pat("take", object=["hostage"]), Pat("take", particle="over")],
        ("VERB", "meet"): [Pat("meet", event="NONE")],  # a non-event pattern codes nothing
        ("VERB", "host"): [Pat("host", object=["@person"])],  # any person will do
    }
    pf = Prefilter(nlp, by_head)
    assert pf.active

    def holds(text: str) -> bool:
        return pf.may_hold_events(nlp.make_doc(text))

    assert not holds("She took the train and met her friends.")
    assert holds("Gunmen took three hostages.") and holds("The army took over the city.")
    assert holds("Egypt hosted the talks.")


@pytest.mark.slow
def test_documents_without_trigger_forms_are_not_parsed_and_give_no_events(coder) -> None:
    arts = [Article(f"n{i}", t, None, origin=f"n{i}") for i, t in enumerate(NO_TRIGGER)]
    assert coder.prefilter is not None
    for art in arts:
        assert not coder.prefilter.may_hold_events(coder._doc(art))
    skipped = list(coder.parse(arts, skip=True))
    assert all(not doc.has_annotation("DEP") and doc._.events == [] for _, doc in skipped)
    parsed = [coder.nlp(coder._doc(a)) for a in arts]
    assert all(doc._.events == [] for doc in parsed)


def _stream(shared: Path) -> list:
    """The GSR sentences, the seed readout and the annotated articles, with trigger-free texts
    between them (so that skipping changes how documents are batched)."""
    gsr = [json.loads(line) for line in (shared / "data" / "plover_gsr.jsonl").read_text().splitlines() if line.strip()]
    items: list = [
        Article(g["id"], g["text"], dt.date.fromisoformat(g.get("date") or "2000-01-01"), origin=f"plover_gsr:{n}")
        for n, g in enumerate(gsr)
    ]
    items += list(read_inputs(sorted(str(p) for p in (ROOT / "eval" / "docs").glob("*.jsonl")), None, 1_000_000))
    seed = (shared / "examples" / "seed-readout.txt").read_text(encoding="utf-8")
    day = dt.date(2025, 7, 26)
    items.insert(5, Article("seed-readout", seed, day, origin="seed"))
    out = []
    for i, item in enumerate(items):
        out.append(item)  # (unreadable records too: a GSR id used twice)
        if i % 7 == 3:
            out.append(Article(f"filler-{i}", NO_TRIGGER[i % len(NO_TRIGGER)], day, origin=f"filler-{i}"))
    return out


def _same_with_and_without(coder, stream: list) -> list:
    kept = coder.prefilter
    assert kept is not None
    try:
        a = [(r.doc_id, r.events, r.error) for r in coder.code(stream)]
        coder.prefilter = None
        b = [(r.doc_id, r.events, r.error) for r in coder.code(stream)]
    finally:
        coder.prefilter = kept
    assert a == b
    return a


@pytest.mark.slow
def test_no_event_lost_on_gold_seed_and_annotated_articles(coder, shared) -> None:
    coded = _same_with_and_without(coder, _stream(shared))
    assert sum(len(ev) for _, ev, _ in coded) > 1000


@pytest.mark.slow
def test_no_event_lost_on_gold_and_seed_under_cameo_conventions(cameo_coder, shared) -> None:
    stream = [a for a in _stream(shared) if "plover_gsr" in a.origin or a.origin.startswith(("filler", "seed"))]
    coded = _same_with_and_without(cameo_coder, stream)
    assert sum(len(ev) for _, ev, _ in coded) > 300
