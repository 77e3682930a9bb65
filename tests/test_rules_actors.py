"""Actors of events: linguistic cases of who does an event."""

from __future__ import annotations

from conftest import code, summary


def events_of(events, event):
    return [s for s in summary(events) if s[0] == event]


def test_second_parallel_preposition_of_accusation_is_done_by_the_accused(coder):
    # the second "of" phrase, joined by the parser to the verb of a relative clause inside the first
    evs = code(coder, "The minister accused Caracas of letting oil firms drill in waters that belong to Guyana and of inviting Russian warships into the region.")
    assert ("AGREE", ("VEN",), ("RUS",)) in events_of(evs, "AGREE")


def test_conjoined_preposition_after_object_is_done_by_the_object(coder):
    evs = code(coder, "A court sentenced the former Bosnian Serb leader Dodik to one year in prison and banned him from politics over his rhetoric and for defying rulings by the Constitutional Court of Bosnia.")
    assert any(e[1] == ("BIH",) for e in events_of(evs, "REJECT")), summary(evs)


def test_verb_joined_to_inner_clause_with_disjoint_pronouns_continues_the_main_clause(coder):
    # "he ... released him" cannot be one person releasing himself: the police released him
    evs = code(coder, "Last year, police arrested British reporter John Miller in Nairobi while he was filming a protest and freed him two days later.")
    assert ("RETREAT", ("KEN",), ("GBR",)) in events_of(evs, "RETREAT"), summary(evs)


def test_the_minister_told_again_is_no_prime_minister(coder):
    text = (
        "Spanish Foreign Minister Jose Manuel Albares met his Indian counterpart in New Delhi on Monday. "
        "On Tuesday, Albares was received by Prime Minister Narendra Modi. "
        "On Wednesday the minister will travel to Mumbai, where he will meet business leaders."
    )
    evs = [e for e in code(coder, text) if e["event_text"] == ["travel", "to"] or "travel" in e["event_text"]]
    assert evs and evs[0]["actor"][0]["code"] == "ESP", summary(evs)


def test_unnamed_militants_are_of_the_country_their_attack_is_placed_in(coder):
    # codebook: armed groups take the code of the country they fight in, not the article's
    text = (
        "Senegal condemns the jihadist attack in western Mali\n\n"
        "Senegal's foreign ministry issued a statement on Sunday. "
        "Senegal's president sent his condolences, and Senegal offered its help to Bamako."
    )
    evs = events_of(code(coder, text), "ASSAULT")
    assert evs and all(e[1] == ("MLI",) for e in evs), evs
