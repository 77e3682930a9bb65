"""Event types the coder missed (trigger coverage and triggers dropped as governed): one test per case."""

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


def test_expelling_people_is_deportation(coder):
    # CAMEO 174: people driven out of a country are deported (COERCE), not envoys expelled
    evs = summary(code(coder, "Libyan authorities expelled hundreds of Egyptian migrant workers last week."))
    assert any(e[0] == "COERCE" and e[1] == ("LBY",) and e[2] == ("EGY",) for e in evs), evs
    assert not any(e[0] == "SANCTION" for e in evs), evs


def test_expelling_diplomats_stays_sanction(coder):
    evs = summary(code(coder, "Mali expelled three French diplomats on Tuesday."))
    assert ("SANCTION", ("MLI",), ("FRA",)) in evs, evs


def test_past_act_named_by_definite_noun_is_not_the_recent_one(coder):
    # "Nigeria's expulsion of ... in 1983" after this week's deportation: another act, long over
    evs = code(coder, "Ghana deported 45 Nigerian traders on Monday, officials said. The row recalls Nigeria's expulsion of more than a million Ghanaians in 1983.")
    assert ("COERCE", ("NGA",), ("GHA",)) in summary(evs), summary(evs)


def test_sheltering_attackers_is_aid(coder):
    # codebook: giving militants a safe haven is AID; so is sheltering those who carried out an attack
    evs = summary(code(coder, "Niger accused Benin of sheltering the gunmen who attacked its border post."))
    assert any(e[0] == "AID" and e[1] == ("BEN",) for e in evs), evs
