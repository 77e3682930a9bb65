"""Rules added for recall on event types the coder missed (helper h3): one test per case."""

from __future__ import annotations

from conftest import code, summary


def test_accusation_in_participle_clause_after_another_act(coder):
    # "staged a protest ..., accusing the government of ...": the charge is an act of its own
    evs = summary(code(coder, "Mali's junta expelled the French ambassador on Monday, accusing him of meddling in the country's internal affairs."))
    assert ("ACCUSE", ("MLI",), ("FRA",)) in evs, evs
