"""Recipients of events: one test per linguistic case."""

from __future__ import annotations

from conftest import code, summary


def first(events, event=None):
    cands = [e for e in events if event is None or e["event"] == event]
    assert cands, f"no {event or 'event'} in {summary(events)}"
    return cands[0]


def test_violence_with_no_target_named_is_against_the_state_the_article_is_about(coder):
    text = (
        "Kenya wants to close the Dadaab refugee camp, Kenyan officials said on Monday. "
        "Nairobi says the camp threatens Kenya's security. "
        "Officials say al-Shabab attacks in 2013 involved fighters who had lived in the camp."
    )
    ev = first(code(coder, text, "2025-03-14"), "ASSAULT")
    assert [a["code"] for a in ev["actor"]] == ["SOM"] and [r["code"] for r in ev["recipient"]] == ["KEN"]


def test_militants_against_a_state_are_that_states_armed_group(coder):
    ev = first(code(coder, "Kabul accused Islamabad of sheltering anti-Afghan rebels in its border areas."), "AID")
    assert [a["code"] for a in ev["actor"]] == ["PAK"]
    assert [(r["code"], r["sector"]) for r in ev["recipient"]] == [("AFG", "REB")]


def test_people_counted_in_a_quantity_are_the_target_of_force(coder):
    text = (
        "Tanzania's electoral commission declared the ruling party the winner on Monday. "
        "Tanzanian opposition leaders rejected the result. "
        "On Wednesday, police fired tear gas at hundreds of Lissu supporters in Dar es Salaam."
    )
    ev = first(code(coder, text, "2025-03-14"), "ASSAULT")
    assert [a["code"] for a in ev["actor"]] == ["TZA"] and [r["code"] for r in ev["recipient"]] == ["TZA"]


def test_a_warning_about_people_at_home_threatens_them(coder):
    text = (
        "Protests have spread across Tanzania since the vote, Tanzanian officials said. "
        "Tanzania's opposition has called a general strike. "
        "Interior Minister George Simbachawene warned on Friday that the organisers of the strike would be arrested."
    )
    ev = first(code(coder, text, "2025-03-14"), "THREATEN")
    assert [a["code"] for a in ev["actor"]] == ["TZA"] and [r["code"] for r in ev["recipient"]] == ["TZA"]


def test_a_participle_naming_the_broker_of_talks_puts_it_in_recipient(coder):
    evs = code(coder, "Armenian and Azerbaijani negotiators held talks in Abu Dhabi on Monday, brokered by the United Arab Emirates.")
    ev = first(evs, "CONSULT")
    assert sorted(a["code"] for a in ev["actor"]) == ["ARM", "AZE"] and [r["code"] for r in ev["recipient"]] == ["ARE"]


def test_a_protest_outside_a_foreign_embassy_is_aimed_at_that_state(coder):
    ev = first(code(coder, "Hundreds of Iraqi students rallied outside the Turkish embassy in Baghdad on Sunday."), "PROTEST")
    assert [a["code"] for a in ev["actor"]] == ["IRQ"] and [r["code"] for r in ev["recipient"]] == ["TUR"]
