"""h8: the event an accusation or condemnation alleges, with its doer and its victim."""

from __future__ import annotations

from conftest import code, summary


def _events(coder, text: str, event: str) -> list[tuple]:
    return [s for s in summary(code(coder, text)) if s[0] == event]


def test_gerund_hung_on_a_participle_before_the_second_object(coder):
    # the parser takes "allied" for a verb joined to "accused", with "militias" its object
    text = "Amnesty International accused the army and allied militias of killing dozens of civilians in northern Burkina Faso."
    assert ("ASSAULT", ("BFA",), ("BFA",)) in _events(coder, text, "ASSAULT")
