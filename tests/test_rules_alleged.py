"""The event an accusation or condemnation alleges, with its doer and its victim."""

from __future__ import annotations

from conftest import code, summary


def _events(coder, text: str, event: str) -> list[tuple]:
    return [s for s in summary(code(coder, text)) if s[0] == event]


def test_gerund_hung_on_a_participle_before_the_second_object(coder):
    # the parser takes "allied" for a verb joined to "accused", with "militias" its object
    text = "Amnesty International accused the army and allied militias of killing dozens of civilians in northern Burkina Faso."
    assert ("ASSAULT", ("BFA",), ("BFA",)) in _events(coder, text, "ASSAULT")


def test_means_gerund_tells_the_act_named_by_the_verb_above(coder):
    # "by killing": the act done is coded with its victim; the name put on it ("breaching the
    # ceasefire", with no victim) gives no second line
    text = "Hamas accused Israel of breaching the ceasefire by killing four Palestinians in Khan Younis on Monday."
    assert _events(coder, text, "ASSAULT") == [("ASSAULT", ("ISR",), ("PSE",))]


def test_condemned_noun_whose_participle_names_it_as_object(coder):
    # "exercises held by ...": the participle's pattern holds the noun, the noun's event is
    # condemned; the participle's agent does it, its "near" phrase names the target
    text = "Pyongyang condemned the naval exercises held by the United States and Japan near North Korea's waters last week."
    assert [(set(a), r) for _, a, r in _events(coder, text, "MOBILIZE")] == [({"USA", "JPN"}, ("PRK",))]


def test_a_by_gerund_hung_on_a_verb_of_praise_is_no_means_of_it():
    # the parser hangs "by facilitating" on "appreciated": the one who praises did not facilitate
    from dragoman.coder import Coder

    text = ("US Secretary of State Marco Rubio met the Pakistani Deputy Prime Minister/Foreign Minister Ishaq Dar in Washington.\n\n"
            "The DPM/FM appreciated the pivotal role played by President Trump and Secretary Rubio in de-escalating "
            "tensions between Pakistan and India by facilitating a ceasefire.")
    evs = Coder(min_confidence=0).code_text(text, "2025-07-26")
    wrong = [e for e in evs if "facilitating" in e["event_text"] and any(x["entity_text"] == "The DPM/FM" for x in e["actor"] + e["recipient"])]
    assert not wrong, summary(wrong)
