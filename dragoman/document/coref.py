"""Rule-based coreference for actors: pronouns, titles and plural descriptions.

Pronouns agree in number (and persons for he/she); descriptions ("the Secretary", "the DPM/FM")
match the office of a person named earlier; plural descriptions ("the two leaders", "both sides")
take the two most recent distinct actors. Recency decides among candidates.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
from collections.abc import Iterator

from spacy.tokens import Doc, Token

from ..actors.entity import Entity, describe_head, match_at, np_head
from ..sentences import sent_of

PERSONAL = {"he", "she", "him", "her", "his", "hers"}
PLURAL = {"they", "them", "their", "theirs"}
NEUTER = {"it", "its"}
GROUP_NOUNS = {"leader", "side", "country", "minister", "nation", "government", "two", "official", "party", "delegation", "state"}
ORG_NOUNS = {"group", "movement", "organization", "organisation", "militia", "faction", "alliance", "bloc", "coalition", "outfit", "network"}
STATE_NOUNS = {"country", "nation", "kingdom", "republic", "emirate", "state"}
LEADER_NOUNS = {"leader", "minister", "official", "two", "delegation"}
# heads of a singular body that "it" may refer to ("the Colombian government ... it")
INSTITUTION_NOUNS = {
    "government", "administration", "army", "military", "navy", "ministry", "police", "parliament", "court", "party",
    "company", "council", "agency", "commission", "embassy", "cabinet", "regime", "union", "committee", "office",
    "department", "junta", "group", "authority", "legislature", "senate", "assembly", "tribunal", "bank", "firm",
}


def _head(e: Entity) -> int:
    return e.head


class Coreference:
    """Actor mentions of one document, in order, and the rules that refer back to them."""

    def __init__(self, doc: Doc, day: dt.date | None) -> None:
        self.doc = doc
        self.covered = match_at(doc)
        self.day = day
        self.mentions: list[Entity] = []
        self.participants: list[Entity] = []  # actors and recipients of the events coded so far
        self.conflict_heads: set[int] = set()  # ... of the conflict events among them
        heads: set[int] = set()
        for m in doc._.actor_matches or ():
            head = np_head(doc[m.end - 1])
            if head.i in heads:
                continue
            heads.add(head.i)
            ent = describe_head(head, self.covered, day)
            if ent is not None and ent.code:
                self.mentions.append(ent)
        self.mentions.sort(key=lambda e: e.head)
        self.by_last_word: dict[str, list[Entity]] = {}  # the mentions a surname may refer to, by head
        for ent in self.mentions:
            self._index(ent)
        # a surname alone after the full name ("Dar" after "Ishaq Dar") is the same person
        for tok in doc:
            if tok.pos_ != "PROPN" or not tok.is_title or tok.i in self.covered or tok.dep_ in ("compound", "flat"):
                continue
            bare = Entity(tok.text, None, None, None, None, None, tok.idx, tok.idx + len(tok.text), tok.i, "ner")
            ref = self.surname(bare, tok)
            if ref is not None:
                self.note(ref)

    def participate(self, ents: list[Entity], conflict: bool = False) -> None:
        """Remember the parties of a coded event: the most salient referents of later plurals."""
        self.participants.extend(e for e in ents if e.code)
        if conflict:
            self.conflict_heads.update(e.head for e in ents if e.code)

    def note(self, ent: Entity) -> None:
        """Remember an entity resolved at a position (a title or pronoun now known) for later references."""
        if not ent.code:
            return
        at = bisect.bisect_left(self.mentions, ent.head, key=_head)  # mentions are sorted by head
        if at == len(self.mentions) or self.mentions[at].head != ent.head:
            self.mentions.insert(at, ent)
            self._index(ent)

    def _index(self, ent: Entity) -> None:
        """File a mention under the word a later surname would match ("Dar" for "Ishaq Dar")."""
        name = ent.identifier_text if ent.kind == "person" else ent.entity_text if ent.code else None
        words = name.lower().split() if name else []
        if words:
            word = words[-1] if ent.kind == "person" else words[-1].removesuffix("'s")
            bisect.insort(self.by_last_word.setdefault(word, []), ent, key=_head)

    def _before(self, tok: Token) -> Iterator[Entity]:
        # a pronoun does not refer to a co-argument of its own verb ("He briefed Secretary Rubio" is
        # not Rubio), but may refer to the subject of the clause above ("NATO said it would ...")
        sent = sent_of(tok)
        doc = tok.doc
        mentions = self.mentions  # sorted by head: the sentence's and the earlier ones are found by bisection
        lo, hi = bisect.bisect_left(mentions, sent.start, key=_head), bisect.bisect_left(mentions, sent.end, key=_head)
        named_here = {
            e.identifier_text
            for e in mentions[lo:hi]
            if e.identifier_text and e.resolved is None and e.head != tok.i and doc[e.head].head.i == tok.head.i
        }
        # most recent first, lazily: callers stop at the first that fits
        for n in range(bisect.bisect_left(mentions, tok.i, key=_head) - 1, -1, -1):
            e = mentions[n]
            if not (e.start <= tok.idx < e.end) and not (e.identifier_text in named_here and tok.pos_ == "PRON"):
                yield e

    def surname(self, ent: Entity, head: Token) -> Entity | None:
        """'Dar' after 'Ishaq Dar': a name that ends an earlier known person's name."""
        words = ent.entity_text.split()
        if not words or head.ent_type_ not in ("PERSON", "") or head.pos_ != "PROPN":
            return None
        last = words[-1].lower().removesuffix("'s").removesuffix("\u2019s")
        # the most recent earlier mention filed under that word: a known person of that surname, or
        # a person the dictionaries do not know, named earlier with a title ("Bosnian Serb leader
        # Milorad Dodik ... Dodik said")
        named = self.by_last_word.get(last, [])
        for n in range(bisect.bisect_left(named, head.i, key=_head) - 1, -1, -1):
            e = named[n]
            if not (e.start <= head.idx < e.end):
                return self._as(ent, e, "coref.name")
        return None

    def focus(self, tok: Token) -> str | None:
        """The country an article is about: the state most named in its other sentences (not
        counting IGOs). None for a one-sentence text: there, the state named is the other party."""
        sent = sent_of(tok)
        cache = self.__dict__.setdefault("_focus_by_sentence", {})
        if sent.start in cache:
            return cache[sent.start]
        total, per_sentence = self._state_counts()
        here = per_sentence.get(sent.start, {})
        count = {code: n - here.get(code, 0) for code, n in total.items() if n > here.get(code, 0)}
        best = max(sorted(count), key=lambda c: count[c]) if count else None
        cache[sent.start] = best if best is not None and count[best] >= 2 else None
        return cache[sent.start]

    def _state_counts(self) -> tuple[dict[str, int], dict[int, dict[str, int]]]:
        """How often each state is named in the document, and in each sentence (by its first token)."""
        cached = self.__dict__.get("_state_count_cache")
        if cached is None:
            total: dict[str, int] = {}
            per_sentence: dict[int, dict[str, int]] = {}
            for m in self.doc._.actor_matches or ():
                role = m.forms[0].roles[0] if m.forms[0].roles else None
                if m.kind in ("country", "demonym", "government", "place", "region") and role and len(role.code) == 3:
                    total[role.code] = total.get(role.code, 0) + 1
                    here = per_sentence.setdefault(sent_of(self.doc[m.start]).start, {})
                    here[role.code] = here.get(role.code, 0) + 1
            cached = self.__dict__["_state_count_cache"] = (total, per_sentence)
        return cached

    def _as(self, surface: Entity | Token, ref: Entity, rule: str) -> Entity:
        if isinstance(surface, Token):
            first = min([surface, *(c for c in surface.children if c.dep_ == "det")], key=lambda t: t.i)
            text = self.doc[first.i : surface.i + 1].text
            start, end, head = first.idx, surface.idx + len(surface.text), surface.i
        else:
            text, start, end, head = surface.entity_text, surface.start, surface.end, surface.head
        return dataclasses.replace(
            ref,
            entity_text=text,
            start=start,
            end=end,
            head=head,
            rule=f"{rule}>{ref.rule}",
            resolved={"entity_text": ref.entity_text, "identifier_text": ref.identifier_text, "code": ref.code},
        )

    def pronoun(self, tok: Token) -> list[Entity]:
        low = tok.lower_
        cands = self._before(tok)
        if low in PERSONAL:
            for e in cands:
                if e.kind == "person" or (e.office and not e.plural):
                    return [self._as(tok, e, "coref.pronoun")]
            return []
        if low in PLURAL:
            for e in cands:
                if e.plural or e.kind in ("org", "country", "government"):
                    return [self._as(tok, e, "coref.pronoun")]
            return []
        if low in NEUTER:
            for e in cands:
                body = e.kind in ("org", "country", "government") or self.doc[e.head].lemma_.lower() in INSTITUTION_NOUNS
                if body and not e.plural:
                    return [self._as(tok, e, "coref.pronoun")]
        return []

    def description(self, head: Token, ent: Entity | None, exclude: frozenset[str] = frozenset()) -> list[Entity] | None:
        """Resolve 'the two leaders', 'both sides', 'the Secretary'; None when not a description."""
        lemma = head.lemma_.lower()
        mods = {c.lower_ for c in head.children}
        plural_ref = lemma in GROUP_NOUNS and ("two" in mods or "both" in mods or (lemma == "leader" and head.tag_ == "NNS"))
        if head.lower_ == "two" and any(c.lower_ == "the" for c in head.children):
            plural_ref, lemma = True, "two"
        if plural_ref:
            # parties of earlier events first ("the two countries" are the two that met), then mentions
            seen_heads = {e.head for e in self.participants}
            parts = [e for e in reversed(self.participants) if e.head < head.i]
            if lemma in ("side", "party"):
                # "both sides" of a conflict: the parties of the conflict events before
                parts = [e for e in parts if e.head in self.conflict_heads] + [e for e in parts if e.head not in self.conflict_heads]
            cands = parts
            cands += [e for e in self._before(head) if e.head not in seen_heads]
            if lemma in LEADER_NOUNS:
                cands = [e for e in cands if e.kind == "person" or e.office] or cands
            elif lemma in ("country", "nation", "state", "government"):
                cands = [e for e in cands if e.kind in ("country", "government")] or cands
            cands = [e for e in cands if e.code and e.code not in exclude]
            # the two most salient: parties of most earlier events, then the most recent
            count: dict[str, int] = {}
            for e in self.participants:
                if e.head < head.i and e.code:
                    count[e.code] = count.get(e.code, 0) + 1
            order: dict[str, int] = {e.code: n for n, e in reversed(list(enumerate(cands))) if e.code}
            best = sorted(order, key=lambda c: (-count.get(c, 0), order[c]))[:2]
            picked = [next(e for e in cands if e.code == c) for c in best]
            if len(picked) < 2:
                return None
            surface = ent or Entity(head.text, None, None, None, None, None, head.idx, head.idx + len(head.text), head.i)
            if ent is None or not ent.entity_text.lower().startswith(("the ", "both ")):
                toks = [t for t in head.subtree if t.i <= head.i]
                text = self.doc[toks[0].i : head.i + 1].text
                surface = dataclasses.replace(surface, entity_text=text, start=toks[0].idx)
            return [self._as(surface, e, "coref.plural") for e in sorted(picked, key=lambda e: e.head)]
        definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children)
        if definite and (ent is None or ent.code is None) and head.tag_ in ("NN", "NNP"):
            # "the group" / "the movement" is the organisation named before; "the country" the state
            if lemma in ORG_NOUNS:
                ref = next((e for e in self._before(head) if e.kind == "org"), None)
                if ref is not None:
                    return [self._as(ent or head, ref, "coref.description")]
            if lemma in STATE_NOUNS:
                ref = next((e for e in self._before(head) if e.kind in ("country", "government")), None)
                if ref is not None:
                    return [self._as(ent or head, ref, "coref.description")]
        if ent is not None and ent.code is None and ent.kind == "agent" and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            words = {w.lower() for w in (ent.office or "").replace("/", " ").split()} | {head.lower_}
            words -= {"of", "and", "the", "minister", "deputy"} if len(words) > 2 else set()
            for e in self._before(head):
                if e.office and words & {w.lower() for w in e.office.replace("/", " ").split()} and e.kind == "person":
                    return [self._as(ent, e, "coref.title")]
        return None
