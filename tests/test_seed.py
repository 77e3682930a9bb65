"""The seed readout (../shared/examples): the required events, each in its own paragraph."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.slow


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) character offsets of the non-empty lines, numbered from 0 as the gold does."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def codes(entities) -> set[str]:
    return {e["code"] for e in entities if e.get("code")}


def matches(ev: dict, gold: dict) -> bool:
    if ev["event"] != gold["event"]:
        return False
    a, r = codes(ev["actor"]), codes(ev["recipient"])
    ga, gr = codes(gold["actor"]), codes(gold["recipient"])
    return (a == ga and r == gr) or (not gr and (a | r) == ga)


def seed_figures(coder, shared) -> tuple[int, int, int]:
    """(required events found, required events, extra events) on the seed readout."""
    text = (shared / "examples" / "seed-readout.txt").read_text(encoding="utf-8")
    gold = [json.loads(line) for line in (shared / "examples" / "seed-readout.gold.jsonl").read_text().splitlines() if line]
    events = coder.code_text(text, "2025-07-26", doc_id="seed-readout")
    paras = paragraphs(text)

    def para_of(ev):
        t = ev["text_info"]["trigger_start"]
        return next(i for i, (s, e) in enumerate(paras) if s <= t <= e)

    found = 0
    used: set[int] = set()
    for g in gold:
        hit = next((i for i, ev in enumerate(events) if i not in used and para_of(ev) == g["paragraph"] and matches(ev, g)), None)
        if hit is not None:
            used.add(hit)
            found += g["required"]
    return found, sum(g["required"] for g in gold), len(events) - len(used)


def test_seed_readout_under_cameo_conventions(shared):
    # the seed's hand-made gold codes every mention of the meeting ("discussed", "briefed",
    # "exchanged views") and the planned dialogue as a future CONSULT: CAMEO practice
    from dragoman.coder import Coder

    found, required, extra = seed_figures(Coder(conventions="cameo"), shared)
    print(f"seed (cameo conventions): {found}/{required} required events found, {extra} extra events")
    assert found == required and extra <= 2


def test_seed_readout_under_the_codebook(coder, default_coder, shared):
    # the codebook (the private sets' conventions) differs from the seed's gold on four lines: a
    # retelling of a coded meeting adds no line (§1: "discussed", "briefed", "exchanged views" by
    # the same source), and planned talks are AGREE (§2: the upcoming dialogue)
    found, required, extra = seed_figures(coder, shared)
    print(f"seed (plover conventions, rules alone): {found}/{required} required events found, {extra} extra events")
    assert found == required - 4 and extra <= 4
    found, required, extra = seed_figures(default_coder, shared)
    print(f"seed (plover conventions): {found}/{required} required events found, {extra} extra events")
    # the relevance model's threshold also drops "expressed Pakistan's readiness" (scored 0.48: a
    # stance more often than an offer on dev) and, since the twelfth session's retraining, the
    # second "discussed" (0.49), a retelling of the coded meeting that the codebook gives no line
    assert found >= required - 6 and extra <= 2
