"""Real news: deployments, deliveries and other cases found on VOA stories; one test per linguistic case."""

from __future__ import annotations

from conftest import code, summary


def _types(events):
    return [e["event"] for e in events]


def test_forces_deployed_are_troops_moved_not_force_used(coder):
    evs = code(coder, "Rwanda deployed forces to Mozambique to fight insurgents.")
    assert "ASSAULT" not in _types(evs), summary(evs)
    assert "MOBILIZE" in _types(evs), summary(evs)


def test_force_used_against_protesters_is_still_assault(coder):
    evs = code(coder, "Kenyan police used force against the protesters.")
    assert "ASSAULT" in _types(evs), summary(evs)


def test_troops_sent_abroad_to_protect_civilians_is_aid(coder):
    evs = code(coder, "France deployed troops to protect Malian civilians.")
    aid = [e for e in evs if e["event"] == "AID"]
    assert aid, summary(evs)
    assert [a["code"] for a in aid[0]["actor"]] == ["FRA"]
    assert [r["code"] for r in aid[0]["recipient"]] == ["MLI"]


def test_peacekeepers_arriving_is_aid_not_a_visit(coder):
    evs = code(coder, "Additional NATO peacekeepers arrived in Kosovo on Wednesday.")
    assert "AID" in _types(evs) and "CONSULT" not in _types(evs), summary(evs)


def test_troops_defending_own_capital_stay_mobilize(coder):
    evs = code(coder, "Ukraine deployed troops to defend Kyiv.")
    assert "AID" not in _types(evs), summary(evs)


def test_goods_arriving_are_no_visit(coder):
    evs = code(coder, "The first batch of China's Sinovac vaccine arrived in Manila on Monday.")
    assert "CONSULT" not in _types(evs), summary(evs)


def test_minister_arriving_is_still_a_visit(coder):
    evs = code(coder, "The Chinese foreign minister arrived in Manila on Monday.")
    assert "CONSULT" in _types(evs), summary(evs)
