"""Denials, backing of armed groups and custody told as a state: one test per linguistic case,
on our own news-style sentences."""

from __future__ import annotations

from conftest import code, summary


def test_holding_a_person_is_detention(coder):
    evs = summary(code(coder, "Iran has held two French teachers since May 2022, their families said."))
    assert ("COERCE", ("IRN",), ("FRA",)) in evs


def test_people_held_in_a_relative_clause(coder):
    evs = summary(code(coder, "Thailand agreed to free the 18 Cambodian soldiers it has held since July."))
    assert ("COERCE", ("THA",), ("KHM",)) in evs


def test_person_held_in_a_states_prison_names_the_holder(coder):
    evs = summary(code(coder, "Washington agreed to release an Afghan man held in a U.S. prison."))
    assert ("COERCE", ("USA",), ("AFG",)) in evs


def test_holding_hostages_or_holding_responsible_is_no_detention(coder):
    evs = code(coder, "The rebels said they were holding 40 hostages. Kyiv held Moscow responsible for the strike.")
    assert not [e for e in evs if e["rule"] == "coerce.hold_person"]


def test_holding_an_in_person_summit_holds_no_one(coder):
    evs = code(coder, "Japan and India will hold an in-person summit in Tokyo in June.")
    assert not [e for e in evs if e["event"] == "COERCE"]


def test_a_denied_claim_is_told_as_made_and_as_denied(coder):
    evs = code(coder, "Accra denied reports in the Lagos press that Ghana had expelled 45 Nigerian traders.")
    lines = [(e["event"], e["negated"]) for e in evs if e["event"] == "COERCE"]
    assert sorted(lines) == [("COERCE", False), ("COERCE", True)]


def test_a_denied_act_with_no_claim_noun_is_told_once(coder):
    evs = code(coder, "Moscow denied attacking the convoy near Kherson.")
    assert [(e["event"], e["negated"]) for e in evs] == [("ASSAULT", True)]
