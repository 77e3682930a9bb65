"""Datelines open a story: they are no actor of its first sentence."""

from __future__ import annotations

from dragoman.read.dateline import dateline_ends


def test_dateline_forms():
    for text, rest in [
        ("KABUL, Afghanistan (AP) — Taliban fighters attacked.", "Taliban"),
        ("ISLAMABAD (Reuters) - Pakistan summoned the envoy.", "Pakistan"),
        ("Kyiv, Ukraine -- Russian drones struck.", "Russian"),
        ("KUALA LUMPUR, Aug 24 (Meridian Wire) - Thailand and Cambodia agreed.", "Thailand"),
        ("DOHA, Oct. 19 (Reuters) - Pakistan and Afghanistan agreed.", "Pakistan"),
        ("Tokyo, 3 July 2025 \u2013 Deputy Prime Minister Antonio Tajani met Takeshi Iwaya.", "Deputy"),
        ("Washington, July 3, 2025 - The Secretary met the Minister.", "The"),
    ]:
        (end,) = list(dateline_ends(text))
        assert text[end:].startswith(rest)
    assert list(dateline_ends("Pakistan and India agreed to talks, officials said.")) == []


def test_dateline_is_not_an_actor(coder):
    evs = coder.code_text("KABUL, Afghanistan (AP) — Taliban fighters attacked a police checkpoint in Kandahar.", "2025-03-04")
    ev = next(e for e in evs if e["event"] == "ASSAULT")
    assert [a["entity_text"] for a in ev["actor"]] == ["Taliban fighters"]
