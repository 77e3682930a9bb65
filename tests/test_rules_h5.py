"""Rules added by helper h5: actors of noun events, owners of relational nouns, coreference."""

from __future__ import annotations

import datetime as dt

from conftest import summary

from dragoman.read import Article


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
