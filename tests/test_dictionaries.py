from __future__ import annotations

import pytest

from dragoman.dictionaries import load_kind, user_sources
from dragoman.errors import DictionaryError
from dragoman.lexicon import load_lexicon


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_bundled_dictionaries_load_and_have_ids():
    lex = load_lexicon()
    assert len(lex.countries) >= 195
    codes = {c["code"] for c in lex.countries}
    assert {"PAK", "USA", "GBR", "KOS", "PSE"} <= codes
    assert lex.cameo["051"]["event"] == "SUPPORT"
    assert all(t["id"] for t in lex.triggers)
    assert lex.version.startswith("0.")


def test_unknown_key_names_file_record_and_key(tmp_path):
    p = write(tmp_path, "bad.yaml", "- {id: agent.x, sector: GOV, terms: [foo], colour: red}\n")
    with pytest.raises(DictionaryError) as exc:
        load_kind("agent", user_sources([p]))
    msg = str(exc.value)
    assert "bad.yaml" in msg and "record 0" in msg and "colour" in msg


def test_missing_key_and_bad_sector(tmp_path):
    p = write(tmp_path, "a.yaml", "- {id: agent.x, terms: [foo]}\n")
    with pytest.raises(DictionaryError, match="missing key 'sector'"):
        load_kind("agent", user_sources([p]))
    p = write(tmp_path, "b.yaml", "- {id: agent.x, sector: XYZ, terms: [foo]}\n")
    with pytest.raises(DictionaryError, match="unknown sector"):
        load_kind("agent", user_sources([p]))


def test_duplicate_id_in_one_file(tmp_path):
    p = write(tmp_path, "d.yaml", "- {id: agent.x, sector: GOV, terms: [a]}\n- {id: agent.x, sector: MIL, terms: [b]}\n")
    with pytest.raises(DictionaryError, match="used twice"):
        load_kind("agent", user_sources([p]))


def test_role_dates_are_checked(tmp_path):
    p = write(
        tmp_path,
        "p.yaml",
        "- id: person.x\n  name: X Y\n  roles: [{code: USA, sector: GOV, office: Z, start: 2020-01-02, end: 2019-01-01}]\n",
    )
    with pytest.raises(DictionaryError, match="starts"):
        load_kind("person", user_sources([p]))


def test_yaml_boolean_trap_is_reported(tmp_path):
    # YAML 1.1 reads a bare `on` as true: the loader must say so instead of matching nothing
    p = write(tmp_path, "t.yaml", "- {id: t.x, pos: VERB, lemma: call, cameo: '020', recipient: [on]}\n")
    with pytest.raises(DictionaryError, match="recipient"):
        load_kind("trigger", user_sources([p]))


def test_user_files_add_and_replace_records(tmp_path):
    p = write(tmp_path, "mine.yaml", "- {id: org.zeta, name: Zeta Front, aliases: [ZF], code: ZAF, sector: REB}\n")
    lex = load_lexicon([p])
    assert any(o["id"] == "org.zeta" for o in lex.organizations)
    base = load_lexicon()
    assert lex.version != base.version


def test_a_noun_whose_patterns_code_none_is_no_event_noun(coder):
    # the events component tests event nouns by head alone (EventCoder._event_noun); non_events.yaml
    # may hold nouns ("the takeover of the company", "a clash over the deal"), which are none
    events = coder.nlp.get_pipe("dragoman").events
    assert events._event_noun("attack") and events._event_noun("clash")
    assert not events._event_noun("takeover")
