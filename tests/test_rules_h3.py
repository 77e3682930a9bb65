"""Rules added for recall on event types the coder missed (helper h3): one test per case."""

from __future__ import annotations

from conftest import code, summary


def test_accusation_in_participle_clause_after_another_act(coder):
    # "staged a protest ..., accusing the government of ...": the charge is an act of its own
    evs = summary(code(coder, "Mali's junta expelled the French ambassador on Monday, accusing him of meddling in the country's internal affairs."))
    assert ("ACCUSE", ("MLI",), ("FRA",)) in evs, evs


def test_past_verb_joined_to_infinitive_is_the_speakers_act(coder):
    # "urged X to settle ... and offered to host talks": the parser joins "offered" to "settle"
    evs = summary(code(coder, "Kenya urged Sudan and Chad to resolve their border dispute through dialogue and offered to host talks between their defence ministers."))
    assert any(e[0] == "AGREE" and e[1] == ("KEN",) for e in evs), evs
