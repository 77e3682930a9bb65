"""Material conflict events: economic measures that 'hit' a party, 'whose country', leaving a bloc, violence with a 'by' doer, orders to forces."""

from __future__ import annotations

from conftest import code, summary


def test_hit_with_tariffs_is_a_sanction(coder):
    # an economic measure, not force: the measure's author acts, the one hit undergoes it
    evs = summary(code(coder, "Washington hit Beijing with a fresh 20% levy on steel last week."))
    assert ("SANCTION", ("USA",), ("CHN",)) in evs
    assert not [e for e in evs if e[0] == "ASSAULT"]


def test_agentless_passive_hit_with_foreign_tariffs(coder):
    # 'was hit with U.S. tariffs': the tariffs' author acts
    evs = summary(code(coder, "Brazil was hit with steep U.S. tariffs in March."))
    assert ("SANCTION", ("USA",), ("BRA",)) in evs


def test_slapped_with_sanctions(coder):
    evs = summary(code(coder, "Iran was slapped with fresh EU sanctions on Monday."))
    assert ("SANCTION", ("EUR",), ("IRN",)) in evs


def test_whose_country_is_the_state_of_the_antecedent(coder):
    # 'X, whose country ...': X's state, not the state the article is mostly about
    text = (
        "Colombia's president Gustavo Petro spoke on Thursday. Colombia has criticised Washington. "
        "Brazilian President Luiz Inacio Lula da Silva, whose country was hit with 50% U.S. tariffs in "
        "August, spoke with Petro by phone."
    )
    evs = summary(code(coder, text))
    assert ("SANCTION", ("USA",), ("BRA",)) in evs


def test_leaving_a_bloc_is_a_sanction(coder):
    evs = summary(code(coder, "Niger quit the Economic Community of West African States in January."))
    assert ("SANCTION", ("NER",), ("IGO",)) in evs


def test_pulling_out_of_a_bloc_names_the_bloc(coder):
    # "pulled out of": the parser hangs "of" on "out"; the bloc is the recipient
    evs = summary(code(coder, "The junta pulled out of the Economic Community of West African States last year."))
    assert any(e[0] == "SANCTION" and e[2] == ("IGO",) for e in evs)


def test_withdrawal_from_a_bloc(coder):
    evs = summary(code(coder, "Britain's withdrawal from the European Union took effect in 2020."))
    assert ("SANCTION", ("GBR",), ("EUR",)) in evs


def test_relative_clause_on_a_state_tells_its_own_act(coder):
    # "urged X, which left ECOWAS, to ...": the leaving is not what is urged; it is told as done
    evs = summary(code(coder, "Ghana urged Guinea, which quit the Economic Community of West African States last year, to reopen its border."))
    assert ("SANCTION", ("GIN",), ("IGO",)) in evs
    assert any(e[0] == "REQUEST" for e in evs)


def test_violence_with_doer_in_by_phrase_is_an_act(coder):
    # a noun of violence whose doer a "by" phrase names is told as done, whatever is said of it
    evs = summary(code(coder, "The ministers discussed recent incidents, including the use of water cannon by Chinese Coast Guard vessels against a Vietnamese fishing boat."))
    assert ("ASSAULT", ("CHN",), ("VNM",)) in evs


def test_forces_ordered_to_act_give_the_act(coder):
    # codebook §2: an order to shell a town is ASSAULT (what the forces are to do)
    evs = summary(code(coder, "Sudan's army chief ordered his troops to shell the rebel-held city of El Fasher."))
    assert any(e[0] == "ASSAULT" and e[1] == ("SDN",) for e in evs)


def test_an_act_forces_are_ordered_to_carry_out_is_future(coder):
    # codebook §2: conflictual events ahead keep their type, future ("an order to shell a town")
    evs = code(coder, "Sudan's army chief ordered his troops to shell the rebel-held city of El Fasher.")
    assert [e["modality"] for e in evs if e["event"] == "ASSAULT"] == ["future"]
