"""Actors of noun events, owners of relational nouns, coreference of titles and first person."""

from __future__ import annotations

import datetime as dt

from conftest import code, summary

from dragoman.read import Article


def test_offer_made_by_participle_agent_is_an_act_of_its_own(coder):
    # an answered proposal whose maker is the agent of its participle: AGREE, made to who answers it
    evs = summary(code(coder, "Israel said it had accepted the truce proposal put forward by Egyptian and Qatari mediators on Monday."))
    offers = [e for e in evs if e[0] == "AGREE" and set(e[1]) == {"EGY", "QAT"}]
    assert offers and offers[0][2] == ("ISR",), evs


def test_invitation_extended_by_honorific_name(coder):
    # "HE" (His Excellency) before the name is no pronoun; the inviter's own capital, where the
    # invited goes, is not to whom the invitation is made
    text = (
        "Qatari Minister of State Mohammed Al-Khulaifi met Afghan Foreign Minister Amir Khan Muttaqi in Kabul on Monday. "
        "Muttaqi accepted an invitation extended by HE Dr. Al-Khulaifi to visit Doha early next year."
    )
    evs = summary(code(coder, text))
    assert ("AGREE", ("QAT",), ("AFG",)) in evs, evs


def test_invitation_told_after_an_earlier_agreement_is_new(coder):
    text = (
        "Kenya and Tanzania agreed on Monday to reopen their border crossings. "
        "Tanzanian Foreign Minister Mahmoud Kombo accepted an invitation extended by Kenyan Foreign Minister Musalia Mudavadi to visit Nairobi in May."
    )
    evs = summary(code(coder, text))
    assert ("AGREE", ("KEN",), ("TZA",)) in evs, evs


def test_name_apposed_to_title_known_from_issuer_is_told_again(coder):
    # (the issuer, from the article's source, codes the title; the name beside it is told again)
    text = (
        "HE Minister of State at the Ministry of Foreign Affairs Dr. Mohammed bin Abdulaziz Al-Khulaifi met today with "
        "the Minister of Foreign Affairs of Afghanistan Amir Khan Muttaqi in Kabul. "
        "Dr. Al-Khulaifi later condemned the bombing of a mosque in Kunduz by the Islamic State."
    )
    art = Article("t", text, dt.date(2025, 6, 1), source="Ministry of Foreign Affairs of the State of Qatar", origin="t")
    evs = summary(next(iter(coder.code([art]))).events)
    assert any(e[0] == "ACCUSE" and e[1] == ("QAT",) for e in evs), evs


def test_owner_of_release_with_of_phrase_after_a_date(coder):
    # the parser hangs "of a US citizen" on "Saturday": the release of the citizen is the owner's act
    evs = summary(code(coder, "Qatar welcomed the Afghan government's release on Saturday of a US citizen who had been held since February."))
    assert ("RETREAT", ("AFG",), ("USA",)) in evs, evs


def test_concession_with_no_target_named_is_to_the_article_state(coder):
    text = (
        "Turkey's defence minister said on Monday that Ankara had met every condition for the return of its F-35 jets. "
        "Turkish officials have long pressed for an end to the embargo on Turkey. "
        "A U.S. official said Washington would lift the freeze soon."
    )
    evs = summary(code(coder, text))
    assert ("CONCEDE", ("USA",), ("TUR",)) in evs, evs


def test_bare_title_in_quote_is_of_the_speakers_state(coder):
    text = (
        "Ukrainian officials welcomed the ceasefire talks in Jeddah on Tuesday, and Kyiv thanked its partners. "
        "\u201cI think the president has now decided to lift the freeze on weapons,\u201d Republican Senator Lindsey Graham of the U.S. Senate told reporters."
    )
    evs = summary(code(coder, text))
    assert any(e[0] == "CONCEDE" and e[1] == ("USA",) for e in evs), evs


def test_members_of_a_body_named_by_its_pronoun(coder):
    text = (
        "The Economic Community of West African States condemned the coup attempt in Guinea-Bissau "
        "and said its members stood ready to support Bissau."
    )
    evs = summary(code(coder, text))
    assert any(e[1] == ("IGO",) and e[2] == ("GNB",) for e in evs if e[0] in ("AGREE", "SUPPORT")), evs


def test_opponents_of_a_person_named_before_are_of_his_country(coder):
    text = (
        "Under the sanctions, former Albanian prime minister Sali Berisha, his wife, Liri Berisha, and his son, Shkelzen Berisha, "
        "are barred from travel to the United States. "
        "Berisha's opponents have accused him of undermining democracy."
    )
    evs = summary(code(coder, text, date="2021-05-20"))
    assert ("ACCUSE", ("ALB",), ("ALB",)) in evs, evs


def test_deportations_from_a_state_are_that_states(coder):
    evs = summary(code(coder, "Mexico protested on Monday against the mass deportations of Mexican migrants from the United States."))
    assert any(e[0] == "ACCUSE" and e[1] == ("MEX",) and e[2] == ("USA",) for e in evs), evs


def test_deportation_noun_event_with_from_phrase(coder):
    text = "Guatemala's president said the deportation of thousands of Guatemalans from the United States had strained shelters."
    evs = summary(code(coder, text))
    assert any(e[0] == "COERCE" and e[1] == ("USA",) for e in evs), evs


def test_decision_by_a_state_to_lift_sanctions(coder):
    evs = summary(code(coder, "Qatar welcomed the decision by the European Union to lift the sanctions imposed on Syria."))
    assert any(e[0] == "CONCEDE" and e[1] in (("IGO",), ("EUR",)) for e in evs), evs


def test_announcement_by_a_leader_of_the_decision(coder):
    text = "Jordan welcomed the announcement by the President of France, Emmanuel Macron, in Paris on Monday of the decision to lift the sanctions on Syria."
    evs = summary(code(coder, text))
    assert any(e[0] == "CONCEDE" and e[1] == ("FRA",) and set(e[2]) == {"SYR"} for e in evs), evs


def test_support_to_a_named_state_thanked_for(coder):
    evs = summary(code(coder, "Kenya's foreign minister thanked Turkey for its steady support to Somalia during the drought."))
    assert ("SUPPORT", ("TUR",), ("SOM",)) in evs, evs


def test_possessive_in_a_parallel_phrase_is_the_first_phrases_owner(coder):
    text = (
        "The minister conveyed Kenya's gratitude for Ethiopia's swift condemnation of the bombing in Garissa "
        "and for its steadfast solidarity with the people of Kenya."
    )
    evs = summary(code(coder, text))
    assert any(e[0] == "SUPPORT" and e[1] == ("ETH",) and e[2] == ("KEN",) for e in evs), evs


def test_first_person_in_an_interview_transcript_is_the_turns_speaker(coder):
    text = (
        "VOA spoke with a former diplomat about his trip to Seoul. "
        "VOA: During your visit, you met the new president. What did you discuss? "
        "Kurt Campbell, former U.S. deputy secretary of state: We talked about the alliance. "
        "I met President Lee Jae-myung on Tuesday. "
        "VOA: What comes next?"
    )
    evs = summary(code(coder, text))
    assert any(e[0] == "CONSULT" and e[1] == ("USA",) and e[2] == ("KOR",) for e in evs), evs


def test_past_verb_joined_to_present_relative_clause_continues_the_main_clause(coder):
    text = "Ghana's foreign minister thanked Norway for its grant to the UN fund that pays the peacekeepers and appealed to Canada to increase its support."
    evs = summary(code(coder, text))
    assert any(e[0] == "REQUEST" and e[1] == ("GHA",) for e in evs), evs
