"""Event types the codebook fixes for words that carry more than one reading (helper h6)."""

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
