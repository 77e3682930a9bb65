"""Event types the codebook fixes for words that carry more than one reading."""

from __future__ import annotations

from conftest import code, summary


def test_denying_an_act_is_no_reject(coder):
    # codebook: denials are not REJECT ("the army denied any mistreatment")
    evs = code(coder, "The Ecuadorian navy denied any mistreatment of the fishermen.")
    assert not [e for e in evs if e["event"] == "REJECT"], summary(evs)


def test_denying_a_request_is_reject(coder):
    # turning down what was asked is REJECT
    evs = code(coder, "Hungary denied the Ukrainian request for transit of weapons.")
    assert any(e["event"] == "REJECT" for e in evs), summary(evs)


def test_people_expelled_in_a_relative_clause_are_deported(coder):
    # CAMEO 174: expelling people who are no state's envoys is COERCE, also told in a relative clause
    evs = code(coder, "Thousands of Ugandan farmers who were expelled by the Kenyan army in 1990 are demanding compensation.")
    assert ("COERCE", ("KEN",), ("UGA",)) in summary(evs), summary(evs)


def test_diplomats_expelled_in_a_relative_clause_stay_sanction(coder):
    evs = code(coder, "Two Russian diplomats, who were expelled by Poland last week, left Warsaw on Monday.")
    assert ("SANCTION", ("POL",), ("RUS",)) in summary(evs), summary(evs)
