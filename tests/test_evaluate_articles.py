"""Article evaluation (codebook §8 matching), the eval set's integrity, and the relevance model."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dragoman.evaluate.articles import load_article_gold, load_documents, match, passes, score_articles

ROOT = Path(__file__).resolve().parent.parent


def ent(code, sector=None, text="x"):
    return {"code": code, "sector": sector, "text": text}


def gold(event, actors, recipients, **kw):
    return {"doc_id": "d", "sentence": 0, "trigger": "t", "event": event, "actor": [ent(c) for c in actors],
            "recipient": [ent(c) for c in recipients], **kw}


def pred(event, actors, recipients, **kw):
    return {"event": event, "actor": [{"code": c} for c in actors], "recipient": [{"code": c} for c in recipients],
            "text_info": {"sentence": 0}, "rule": "r", "event_text": ["t"], **kw}


def test_matching_rules_of_the_codebook():
    g = gold("ACCUSE", ["USA"], ["IRN"])
    assert passes(pred("ACCUSE", ["USA", "GBR"], ["IRN"]), g)  # actor codes intersect
    assert not passes(pred("REQUEST", ["USA"], ["IRN"]), g)  # type first
    assert not passes(pred("ACCUSE", ["IRN"], ["USA"]), g)  # a directed event keeps its direction
    assert not passes(pred("ACCUSE", [], ["IRN"]), g)  # gold actors set a condition
    assert passes(pred("ACCUSE", ["USA"], ["IRN"]), gold("ACCUSE", [], ["IRN"]))  # empty gold list: none
    # no gold recipient: a predicted recipient among the gold actors also counts
    assert passes(pred("CONSULT", ["EGY"], ["JOR"]), gold("CONSULT", ["EGY", "JOR"], []))
    # symmetric types: every party as actor and no recipient matches a directed gold line
    assert passes(pred("CONSULT", ["USA", "PAK"], []), gold("CONSULT", ["USA"], ["PAK"]))
    assert not passes(pred("ACCUSE", ["USA", "IRN"], []), gold("ACCUSE", ["USA"], ["IRN"]))
    # first three letters; UN and EU bodies count as IGO
    assert passes(pred("SUPPORT", ["UNO"], ["EUR"]), gold("SUPPORT", ["IGO"], ["IGO"]))


def test_one_to_one_in_gold_order():
    golds = [gold("CONSULT", ["USA"], ["PAK"]), gold("CONSULT", ["USA"], [])]
    preds = [pred("CONSULT", ["USA"], ["PAK"])]
    assert match(golds, preds) == [0, None]


def test_scores_counts_and_accuracies():
    docs = [{"id": "d", "text": "x", "date": "2025-01-02", "genre": "news", "sentences": [[0, 1]]}]
    golds = [gold("ACCUSE", ["USA"], ["IRN"], date="2025-01-01", modality="asserted", negated=False),
             gold("ASSAULT", ["ISR"], [], date=None, modality="asserted", negated=False)]
    preds = {"d": [pred("ACCUSE", ["USA"], ["IRN"], date="2025-01-01", modality="asserted", negated=False),
                   pred("ASSAULT", ["ISR"], ["ISR"], date="2025-01-02", modality="future", negated=False),
                   pred("SANCTION", ["USA"], ["IRN"], date="2025-01-02")]}
    rep = score_articles(docs, golds, preds)
    assert rep["overall"]["matched"] == 2 and rep["overall"]["predicted"] == 3 and rep["overall"]["gold"] == 2
    assert rep["overall"]["precision"] == pytest.approx(2 / 3, abs=1e-3)
    assert rep["date_accuracy"] == 1.0 and rep["date_pairs"] == 1  # only gold-dated pairs count
    assert rep["modality_accuracy"] == 0.5
    assert rep["shape"]["same_country_both_sides"] == pytest.approx(1 / 3, abs=1e-3)
    assert [s["kind"] for s in rep["spurious"]] == ["no such gold event"]
    assert {r["rule"] for r in rep["rules"]} == {"r"}


def test_errors_place_predictions_in_the_gold_sentences_by_offset():
    # the coder told a dateline apart as a sentence of its own (its index 2 is the gold's 1): the
    # error report reads the trigger's offset against the frozen sentences
    text = "ROME, May 2 - Italy met France. Iran condemned Israel."
    docs = [{"id": "d", "text": text, "date": "2025-05-02", "genre": "news", "sentences": [[0, 31], [32, 54]]}]
    golds = [gold("ACCUSE", ["IRN"], ["ISR"], sentence=1)]
    wrong = pred("ACCUSE", ["IRN"], ["USA"], text_info={"sentence": 2, "trigger_start": 37})
    rep = score_articles(docs, golds, {"d": [wrong]})
    assert rep["spurious"][0]["sentence"] == 1 and rep["spurious"][0]["kind"] == "wrong parties"
    assert rep["spurious"][0]["text"] == "Iran condemned Israel."
    assert rep["missed"][0]["predicted_here"] == ["ACCUSE IRN -> USA 't' asserted [r]"]


def test_place_coverage_and_country_of_matched_events():
    docs = [{"id": "d", "text": "x", "date": "2025-01-02", "genre": "news", "sentences": [[0, 1]]}]
    kyiv = {"name": "Kyiv", "country_code": "UKR"}
    golds = [gold("ASSAULT", ["RUS"], ["UKR"], location=kyiv),
             gold("CONSULT", ["USA"], ["PAK"], location={"name": "Doha", "country_code": "QAT"}),
             gold("ACCUSE", ["USA"], ["IRN"], location={"name": "somewhere"}),
             gold("SANCTION", ["USA"], ["IRN"]),  # no gold place: not counted
             gold("AID", ["USA"], ["UKR"], location=kyiv)]  # unmatched: not counted
    preds = {"d": [pred("ASSAULT", ["RUS"], ["UKR"], location={"name": "Kyiv", "country_code": "UKR", "lat": 50.4, "lon": 30.5}),
                   pred("CONSULT", ["USA"], ["PAK"], location={"name": "Pakistan", "country_code": "PAK", "lat": 30.0, "lon": 70.0}),
                   pred("ACCUSE", ["USA"], ["IRN"], location={"name": "x", "country_code": "IRN", "lat": None, "lon": None}),
                   pred("SANCTION", ["USA"], ["IRN"], location=None)]}
    rep = score_articles(docs, golds, preds)
    assert rep["place_pairs"] == 3 and rep["place_coverage"] == pytest.approx(2 / 3, abs=1e-3)
    assert rep["place_country_pairs"] == 2 and rep["place_country_accuracy"] == 0.5
    assert score_articles(docs, golds[3:4], preds)["place_coverage"] is None


def test_evaluate_command_on_article_gold(tmp_path):
    from dragoman.cli import app

    text = "Pakistan and India agreed to a ceasefire on Saturday. Iran condemned Israel."
    (tmp_path / "docs.jsonl").write_text(json.dumps({"id": "a", "text": text, "date": "2025-05-10", "split": "test",
                                                      "genre": "news", "sentences": [[0, 51], [52, 76]]}) + "\n")
    line = gold("ACCUSE", ["IRN"], ["ISR"], doc_id="a", sentence=1)
    (tmp_path / "gold.jsonl").write_text(json.dumps(line) + "\n")
    res = CliRunner().invoke(app, ["evaluate", str(tmp_path / "gold.jsonl"), "--docs", str(tmp_path / "docs.jsonl"),
                                   "--split", "test", "--json", str(tmp_path / "r.json")])
    assert res.exit_code == 0, res.output
    rep = json.loads((tmp_path / "r.json").read_text())
    assert rep["overall"]["gold"] == 1 and rep["overall"]["matched"] == 1
    assert "places with coordinates" in res.output and "place_coverage" in rep
    # article gold needs its documents
    res = CliRunner().invoke(app, ["evaluate", str(tmp_path / "gold.jsonl")])
    assert res.exit_code != 0 and "--docs" in res.output


def test_the_eval_set_is_valid_and_split_by_document():
    res = subprocess.run([sys.executable, "eval/tools/validate.py", *map(str, sorted((ROOT / "eval/gold").glob("*.jsonl")))],
                         cwd=ROOT, capture_output=True, text=True)
    assert res.returncode == 0, res.stdout[-2000:]
    docs = load_documents([ROOT / "eval/docs"])
    assert {d["split"] for d in docs} == {"dev", "test"}
    meetings: dict[str, set[str]] = {}
    for d in docs:
        if d.get("meeting"):
            meetings.setdefault(d["meeting"], set()).add(d["split"])
    assert all(len(splits) == 1 for splits in meetings.values())  # both readouts of a meeting together
    ids = {d["id"] for d in docs}
    assert {g["doc_id"] for g in load_article_gold([ROOT / "eval/gold"])} <= ids


@pytest.mark.slow
def test_relevance_model_training_is_reproducible():
    pytest.importorskip("sklearn")
    res = subprocess.run([sys.executable, "scripts/train_relevance.py", "--check"], cwd=ROOT, capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "reproduced" in res.stdout


def test_relevance_scores_and_threshold(coder, default_coder):
    from dragoman.events.relevance import RelevanceModel

    model = RelevanceModel.load()
    assert 0 < model.threshold < 1 and model.meta["trained_on"]["split"] == "dev"
    text = "Pakistan's army said it killed 30 militants in Balochistan on Tuesday. Analysts often talk about peace."
    every = coder.code_text(text, "2025-03-12")
    kept = default_coder.code_text(text, "2025-03-12")
    assert all(0.0 <= e["confidence"] <= 1.0 for e in every)
    def floor(e):  # events without a coded actor have their own, higher floor
        coded = any(a["code"] for a in e["actor"])
        return model.threshold if coded or model.threshold_no_actor is None else max(model.threshold, model.threshold_no_actor)

    assert [e["id"] for e in kept] == [e["id"] for e in every if e["confidence"] >= floor(e)]
    # an event without a coded actor under its floor is not written, one with an actor at that score is
    if model.threshold_no_actor is not None and model.threshold_no_actor > model.threshold:
        text = "Three soldiers were killed in an attack near Kidal on Tuesday. Mali's army attacked rebels near Kidal."
        every = coder.code_text(text, "2025-03-12")
        kept_ids = {e["id"] for e in default_coder.code_text(text, "2025-03-12")}
        for e in every:
            assert (e["id"] in kept_ids) == (e["confidence"] >= floor(e))


def test_a_host_whose_guests_are_unnamed_is_held_to_the_main_threshold_not_the_no_actor_floor(coder, default_coder):
    from dragoman.events.relevance import RelevanceModel

    model = RelevanceModel.load()
    text = "The two ministers discussed the conflict in Sudan, on which the UK will host an international conference in London in April."
    every = [e for e in coder.code_text(text, "2025-03-12") if e["rule"].startswith("consult.host")]
    assert every and not any(a["code"] for e in every for a in e["actor"]) and [r["code"] for r in every[0]["recipient"]] == ["GBR"]
    kept = {e["id"] for e in default_coder.code_text(text, "2025-03-12")}
    for e in every:
        assert (e["id"] in kept) == (e["confidence"] >= model.threshold)
    assert "host_only" in model.weights


def test_relevance_reads_how_densely_a_document_tells_events(coder):
    from dragoman.events.relevance import RelevanceModel, density

    assert [density(1, 4), density(2, 4), density(4, 4), density(3, 0)] == ["low", "mid", "high", "high"]
    model = RelevanceModel.load()
    assert {k for k in model.weights if k.startswith("density=")}, "the model carries the density feature"
    # one event sentence alone (dense) and the same sentence among event-free ones (sparse) score
    # by the model's density weights
    one = "Japan's foreign minister met his Indian counterpart in Tokyo on Tuesday."
    filler = " The weather in Tokyo was mild. Markets were calm. Traffic was light."
    dense = coder.code_text(one, "2025-03-12")[0]["confidence"]
    sparse = coder.code_text(one + filler, "2025-03-12")[0]["confidence"]
    w = model.weights
    assert (dense > sparse) == (w.get("density=high", 0.0) > w.get("density=low", 0.0))
    assert dense != sparse


def test_bcubed():
    from dragoman.evaluate.fusion import bcubed

    assert bcubed(["a", "a", "b"], ["x", "x", "y"])["f1"] == 1.0
    one = bcubed(["a", "a", "a"], ["x", "x", "y"])  # over-merged
    assert one["recall"] == 1.0 and one["precision"] == pytest.approx(5 / 9, abs=1e-3)


def test_fusion_is_complete_linkage():
    from dragoman.records.fusion import fuse

    def rec(i, parties):
        return {"id": f"e{i}", "doc_id": f"d{i}", "event": "CONSULT", "cameo": "040", "modality": "asserted",
                "negated": False, "actor": [{"code": c} for c in parties], "recipient": [], "date": "2025-03-01",
                "date_precision": "day", "text_info": {"start": 0}}

    # USA+RUS ~ USA+RUS+CHN ~ RUS+CHN: the first and the last are no one happening, so no chain
    recs, clusters = fuse([rec(0, ["USA", "RUS"]), rec(1, ["USA", "RUS", "CHN"]), rec(2, ["RUS", "CHN"])])
    assert recs[0]["cluster_id"] != recs[2]["cluster_id"]


@pytest.mark.slow
def test_fusion_on_the_fusion_set(default_coder):
    from dragoman.evaluate.fusion import evaluate_fusion

    rep = evaluate_fusion([ROOT / "eval/fusion/gold.jsonl"], [ROOT / "eval/fusion/docs.jsonl"], default_coder)
    e = rep["end_to_end"]
    assert e["items"] >= 60 and e["precision"] >= 0.90 and e["recall"] >= 0.80
