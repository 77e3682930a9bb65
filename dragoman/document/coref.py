"""Rule-based coreference for actors: pronouns, titles and plural descriptions.

Pronouns agree in number (and persons for he/she); descriptions ("the Secretary", "the DPM/FM")
match the office of a person named earlier; plural descriptions ("the two leaders", "both sides")
take the two most recent distinct actors. Recency decides among candidates.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import unicodedata
from collections.abc import Iterator

from spacy.tokens import Doc, Token

from ..actors.entity import describe_head, match_at, match_entities, np_head, split_conjoined
from ..dictionaries import NONSTATE_CODES as NONSTATE
from ..mentions import Entity
from ..parse import conj_out_of_clause
from ..parse import plural as is_plural
from ..sentences import sent_index, sent_of
from ..words import words
from .places import dateline_end
from .quotes import quote_of, speaker_of

PERSONAL = words("personal_pronouns")
PLURAL = {"they", "them", "their", "theirs"}
NEUTER = {"it", "its"}
TELLING_VERBS = words("telling_verbs")
FIRST_PERSON = {"i", "me", "my", "mine", "we", "us", "our", "ours"}
GROUP_NOUNS = words("group_nouns")
PATRONYMIC = words("patronymic_particles")
SINGULAR_BODIES = words("singular_bodies")
NAME_ARTICLES = words("name_articles")
SURNAME_FIRST = words("surname_first_countries")
ORG_NOUNS = words("org_nouns")
GOVERNMENT_NOUNS = words("government_nouns")
OWNED_ORG_NOUNS = words("owned_org_nouns")
STATE_NOUNS = words("state_nouns")
LEADER_NOUNS = words("leader_nouns")
INSTITUTION_NOUNS = words("institution_nouns")
PERSON_NOUNS = words("person_nouns")
SPEECH_NOUNS = words("speech_nouns")
# sectors of people and bodies that, named without a country, are of the article's country
ABROAD = words("abroad_modifiers")
VENUE_PREPS = ("in", "at", "near", "inside", "across", "throughout")
VENUE_KINDS = ("place", "government", "region")
COUNT_WORDS = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5, "six": 6}
FOCUS_SECTORS = frozenset(
    {"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "OPP", "PTY", "REB", "CVL", "EDU", "LAB", "AGR", "REL", "BUS", "JRN", "CRM", "UAF", "ELI", "MED", "REF"}
)
# roles of a phrase that a pronoun may refer back to
TITLED_STATES = {"kingdom": words("kingdom_states"), "emirate": words("emirate_states")}
ANTECEDENT_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "dative", "attr", "appos", "conj", "poss", "ROOT", "npadvmod"}


def _office_words(office: str) -> frozenset[str]:
    return frozenset(w for w in office.lower().replace("/", " ").replace("-", " ").split() if w not in ("of", "and", "the", "for", "cum"))


OFFICE_RANKS = words("office_rank_words")


def _holds_title(title: frozenset[str], office: str) -> bool:
    """Whether every word of a title is in the office, or in one of the offices it joins, that the
    title's rank words do not make another office: "the minister" is the "Deputy Prime Minister
    and Foreign Minister" (a foreign minister too), not the "Prime Minister"."""
    parts = [office, *office.replace("/", " and ").split(" and ")]
    return any(title <= (own := _office_words(part)) and not (own & OFFICE_RANKS) - title for part in parts)


def _rule_ids(rule: str | None) -> list[str]:
    """The dictionary ids in an entity's rule path ("coref.name>country.AFG+agent.ministry")."""
    return (rule or "").replace("<", "+").replace(">", "+").split("+")


PRESS_NOUNS = words("press_nouns")


def names_press(head: Token, ent: Entity | None) -> bool:
    """Whether a phrase (its head and what the dictionaries make of it) names the press: a
    newsroom the dictionaries know ("VOA", "Reuters") or a press noun ("reporters"); not a body
    that speaks for the press ("press-freedom groups")."""
    return head.lemma_.lower() in PRESS_NOUNS or (ent is not None and ent.sector == "JRN" and ent.kind == "org")


def _speaker_body(cand: Token) -> bool:
    """Whether a noun is the body a subject speaks for: "a spokesperson for the State Department",
    "an official of the ministry"."""
    prep = cand.head
    person = prep.head
    return (
        cand.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ in ("for", "of", "at")
        and person.dep_ in ("nsubj", "nsubjpass") and person.lemma_.lower() in PERSON_NOUNS
    )


def _main_verb(verb: Token) -> bool:
    """Whether a verb heads its sentence (or is conjoined to the verb that does)."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT"


def _fold(word: str) -> str:
    """A name without its diacritics: "Traore" told again after "Traoré", "Vucic" after "Vučić"."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))


def _head(e: Entity) -> int:
    return e.head


class Coreference:
    """Actor mentions of one document, in order, and the rules that refer back to them."""

    def __init__(self, doc: Doc, day: dt.date | None) -> None:
        self.doc = doc
        self.covered = match_at(doc)
        self.day = day
        self.participants: list[Entity] = []  # actors and recipients of the events coded so far
        self.groups: dict[int, list[Entity]] = {}  # head -> the parties a plural phrase stands for
        self.conflict_heads: set[int] = set()  # ... of the conflict events among them
        self.event_parties: list[tuple[list[Entity], bool]] = []  # each coded event's parties, in order
        self.meeting_parties: list[list[Entity]] = []  # ... of the meetings among them
        self.mentions: list[Entity] = sorted((ent for ent in match_entities(doc, self.covered, day) if ent.code), key=lambda e: e.head)
        self.by_last_word: dict[str, list[Entity]] = {}  # the mentions a surname may refer to, by head
        for ent in self.mentions:
            self._index(ent)
            if ent.kind != "person":
                # "Doug Ford, Ontario's provincial leader, ... Ford said": a name in apposition to a
                # coded description is told again by its last word
                self._index_apposed(ent)
        # a surname alone after the full name ("Dar" after "Ishaq Dar") is the same person
        for tok in doc:
            if tok.pos_ != "PROPN" or not tok.is_title or tok.i in self.covered or tok.dep_ in ("compound", "flat"):
                continue
            bare = Entity(tok.text, None, None, None, None, None, tok.idx, tok.idx + len(tok.text), tok.i, "ner")
            ref = self.surname(bare, tok)
            if ref is not None:
                self.note(ref)

    def participate(self, ents: list[Entity], conflict: bool = False, meeting: bool = False) -> None:
        """Remember the parties of a coded event: the most salient referents of later plurals."""
        coded = [e for e in ents if e.code]
        self.participants.extend(coded)
        if coded:
            self.event_parties.append((coded, conflict))
            if meeting:
                self.meeting_parties.append(coded)
        if conflict:
            self.conflict_heads.update(e.head for e in ents if e.code)

    def _recent_pair(self, head: Token, lemma: str, exclude: frozenset[str], size: int = 2) -> list[Entity] | None:
        """The parties of the latest event before ``head`` that has ``size`` of them (two unless the
        phrase counts more: "the three nations"), within the three sentences before: "Wang held
        talks with Vieira ... The two sides signed" are China and Brazil, whoever met earlier in the
        article. For "both sides" a conflict's parties first."""
        here = sent_index(head)
        found: list[list[Entity]] = []
        meeting = self._pair_of_latest(self.meeting_parties, head, lemma, exclude, size)
        if meeting is not None and lemma not in ("side", "party"):
            # "the two ministers", "the leaders": the parties of the meeting told last
            return meeting
        for ents, conflict in reversed(self.event_parties):
            before = [e for e in ents if e.head < head.i and e.code not in exclude]
            if not before:
                continue
            if here - sent_index(self.doc[before[0].head]) > 3:
                break
            pair = self._pair(ents, head, lemma, exclude, size)
            if pair is not None:
                if lemma in ("side", "party") and not conflict:
                    found.append(pair)
                    continue
                return pair
        # "both sides" with no conflict just before: the meeting's parties, else the latest pair
        return meeting or (found[0] if found else None)

    def _pair_of_latest(self, groups: list[list[Entity]], head: Token, lemma: str, exclude: frozenset[str], size: int = 2) -> list[Entity] | None:
        """The ``size`` parties of the latest group before ``head`` that has that many."""
        return next((pair for ents in reversed(groups) for pair in [self._pair(ents, head, lemma, exclude, size)] if pair), None)

    @staticmethod
    def _pair(ents: list[Entity], head: Token, lemma: str, exclude: frozenset[str], size: int = 2) -> list[Entity] | None:
        """The first ``size`` parties of distinct codes among an event's parties named before ``head``
        (people only for "the two ministers"); None when there are not that many."""
        ents = [e for e in ents if e.head < head.i and e.code not in exclude]
        if lemma in LEADER_NOUNS:
            ents = [e for e in ents if e.kind == "person" or e.office]
        codes: dict[str, Entity] = {}
        for e in sorted(ents, key=lambda e: e.head):
            codes.setdefault(str(e.code), e)
        return list(codes.values())[:size] if len(codes) >= size else None

    def note_group(self, head: int, ents: list[Entity]) -> None:
        """Remember the parties a plural phrase was resolved to ("the two ministers"), for "they"."""
        if len(ents) > 1 and all(e.code for e in ents):
            self.groups[head] = ents

    def note(self, ent: Entity) -> None:
        """Remember an entity resolved at a position (a title or pronoun now known) for later references."""
        if not ent.code:
            return
        at = bisect.bisect_left(self.mentions, ent.head, key=_head)  # mentions are sorted by head
        if at == len(self.mentions) or self.mentions[at].head != ent.head:
            self.mentions.insert(at, ent)
            self._index(ent)
            if ent.kind != "person":
                self._index_apposed(ent)

    def _index_apposed(self, ent: Entity) -> None:
        """"Doug Ford, Ontario's provincial leader, ... Ford said", "HE Minister of State Dr.
        Mohammed Al-Khulaifi (known from the readout's issuer) ... Dr. Al-Khulaifi": a name in
        apposition to a coded description is told again by its last word (the whole name, with its
        article: "Al-Khulaifi")."""
        for name in self._apposed_names(self.doc[ent.head]):
            first = name
            while first.i > 0 and self.doc[first.i - 1].head.i == name.i and self.doc[first.i - 1].dep_ in ("compound", "flat", "punct") and self.doc[first.i - 1].text not in ",;:()":
                first = self.doc[first.i - 1]
            span = self.doc[first.i : name.i + 1]
            surface = Entity(span.text, None, None, None, None, None, first.idx, name.idx + len(name.text), name.i, "ner")
            self._index(self._as(surface, ent, "coref.appos"))

    def _mention_at(self, head: int) -> Entity | None:
        """The mention whose phrase head is token ``head`` (mentions are sorted by head)."""
        at = bisect.bisect_left(self.mentions, head, key=_head)
        return self.mentions[at] if at < len(self.mentions) and self.mentions[at].head == head else None

    def _index(self, ent: Entity) -> None:
        """File a mention under the word a later surname would match ("Dar" for "Ishaq Dar")."""
        name = ent.identifier_text if ent.kind == "person" else ent.entity_text if ent.code else None
        words = name.lower().split() if name else []
        if words:
            word = words[-1] if ent.kind == "person" else words[-1].removesuffix("'s")
            bisect.insort(self.by_last_word.setdefault(_fold(word), []), ent, key=_head)
            if ent.kind == "person" and len(words) > 2 and words[1] in PATRONYMIC:
                # "Faisal bin Farhan ... Faisal said": such names are told again by the first
                bisect.insort(self.by_last_word.setdefault(_fold(words[0]), []), ent, key=_head)
            article, _, bare = word.partition("-")
            if bare and article in NAME_ARTICLES and (ent.kind == "person" or self.doc[ent.head].ent_type_ == "PERSON"):
                # "Omar al-Bashir ... Bashir said": the family name is told again without its article
                bisect.insort(self.by_last_word.setdefault(_fold(bare), []), ent, key=_head)
            family = self._family_name(ent)
            if family and family != word:
                bisect.insort(self.by_last_word.setdefault(_fold(family), []), ent, key=_head)

    def _apposed_names(self, head: Token) -> list[Token]:
        """The heads of person names in apposition to a description ("Doug Ford" of "Doug Ford,
        Ontario's leader" and of "Ontario's leader, Doug Ford") that no dictionary covers."""
        near = [head.head] if head.dep_ == "appos" else []
        near += [c for c in head.children if c.dep_ == "appos"]
        return [t for t in near if t.ent_type_ == "PERSON" and t.pos_ == "PROPN" and t.i not in self.covered]

    def _family_name(self, ent: Entity) -> str | None:
        """The family name of a person whose name is told family name first ("Wang" of "Chinese
        Foreign Minister Wang Yi"), or written in capitals ("IWAYA Takeshi"); None otherwise."""
        if ent.kind == "person" and ent.identifier_text:
            name = ent.identifier_text.split()
        else:
            head = self.doc[ent.head]
            if head.ent_type_ != "PERSON":
                return None
            start = head.i
            while start > 0 and self.doc[start - 1].ent_type_ == "PERSON" and self.doc[start - 1].pos_ == "PROPN":
                start -= 1
            name = [t.text for t in self.doc[start : head.i + 1]]
        capitals = [w for w in name if len(w) > 2 and w.isalpha() and w.isupper()]
        if len(name) >= 2 and len(capitals) == 1:
            return capitals[0].lower()
        if 2 <= len(name) <= 3 and str(ent.code or "")[:3].lower() in SURNAME_FIRST and name[0][:1].isupper():
            return name[0].lower()
        return None

    def mentions_before(self, tok: Token) -> Iterator[Entity]:
        """The coded mentions before ``tok``, most recent first."""
        for n in range(bisect.bisect_left(self.mentions, tok.i, key=_head) - 1, -1, -1):
            yield self.mentions[n]

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
        for e in self.mentions_before(tok):
            if not (e.start <= tok.idx < e.end) and not (e.identifier_text in named_here and tok.pos_ == "PRON"):
                yield e

    def surname(self, ent: Entity, head: Token) -> Entity | None:
        """'Dar' after 'Ishaq Dar': a name that ends an earlier known person's name."""
        words = ent.entity_text.split()
        if not words or head.ent_type_ not in ("PERSON", "", "ORG", "GPE", "NORP") or head.pos_ != "PROPN":
            return None
        # the tagger takes a surname told again for an organisation, a place or a nationality at
        # times ("Pranowo urged", "PM Chính thanked", "PM Albanese"): it is a person's only when it
        # ends a person's name told before
        person_only = head.ent_type_ in ("ORG", "GPE", "NORP")
        last = words[-1].lower().removesuffix("'s").removesuffix("\u2019s")
        lead = " ".join(w.lower() for w in words)
        if len(words) >= 2 and not person_only:
            for e in self._before(head):
                if e.code and e.head != head.i and (e.entity_text.lower() == lead or e.entity_text.lower().startswith(lead + " ")):
                    # "His Highness" after "His Highness Prince Faisal bin Farhan": the same person
                    return self._as(ent, e, "coref.name")
        # the most recent earlier mention filed under that word: a known person of that surname, or
        # a person the dictionaries do not know, named earlier with a title ("Bosnian Serb leader
        # Milorad Dodik ... Dodik said")
        named = self.by_last_word.get(_fold(last), [])
        for n in range(bisect.bisect_left(named, head.i, key=_head) - 1, -1, -1):
            e = named[n]
            if not (e.start <= head.idx < e.end):
                if person_only and self.doc[e.head].ent_type_ != "PERSON" and e.kind != "person" and not (e.rule or "").startswith("coref.name"):
                    # (a surname told again before, already resolved to its person, is that person)
                    return None
                return self._as(ent, e, "coref.name")
        return self._titled_before(ent, head, last)

    def _titled_before(self, ent: Entity, head: Token, last: str) -> Entity | None:
        """A surname told again after a full name whose title gives no country itself, but whose
        body does ("foreign ministry spokesperson Abdul Qahar Balkhi" after "Afghanistan's
        foreign ministry ... Balkhi said")."""
        index = self.__dict__.setdefault("_person_ends", {})
        if not index:
            for t in self.doc:
                if t.ent_type_ == "PERSON" and t.pos_ == "PROPN" and t.dep_ not in ("compound", "flat") and t.i > 0 and self.doc[t.i - 1].ent_type_ == "PERSON":
                    index.setdefault(t.lower_, []).append(t.i)
            index.setdefault("", [])
        for j in reversed(index.get(last, [])):
            if j >= head.i:
                continue
            earlier = self._entity_at(self.doc[j])
            if earlier is not None and earlier.code and earlier.kind == "agent":
                return self._as(ent, earlier, "coref.name")
            return None
        return None

    def with_focus(self, ent: Entity, head: Token) -> None:
        """"The government", "security forces", "protesters", "President Moise" (a titled person
        the dictionaries do not know): people and bodies named without a country are of the
        country the article is about, when one dominates it."""
        if ent.code is None and ent.kind == "agent" and ent.sector in FOCUS_SECTORS and not any(
            c.dep_ in ("amod", "compound") and c.lower_ in ABROAD for c in head.children
        ):  # ("European consumers", "foreign diplomats": of no one state)
            owner = next((c for c in head.children if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")), None)
            if owner is not None and owner.lemma_.lower() in STATE_NOUNS:
                # "the Kingdom's Ambassador": the state the description names
                state = self.description(owner, None)
                if state and len(state) == 1 and state[0].code:
                    ent.code = state[0].code
                    ent.rule = f"{ent.rule}<coref.owner"
                    return
            if owner is not None and owner.pos_ == "PROPN" and owner.ent_type_ in ("PERSON", "ORG", ""):
                # "Traore's government" after "President Ibrahim Traore": the body of the person named before
                name = Entity(owner.text, None, None, None, None, "ner.person", owner.idx, owner.idx + len(owner.text), owner.i, "ner")
                person = self.surname(name, owner)
                if person is not None and person.code:
                    ent.code = person.code
                    ent.rule = f"{ent.rule}<coref.owner"
                    return
            same = self._same_noun_before(head)
            if same is not None:
                ent.code = same
                ent.rule = f"{ent.rule}<coref.same_noun"
                return
            same = self._same_body_before(head, ent)
            if same is not None:
                ent.code = same
                ent.rule = f"{ent.rule}<coref.same_body"
                return
            if _official_of_private_body(head):
                return  # "Mark Clifford, president of the Committee for Freedom in Hong Kong"
            issuer = self.doc._.issuer
            if (
                issuer is not None and issuer.code and len(issuer.code) == 3 and ent.sector == "GOV" and not ent.plural
                and head.lemma_.lower() in PERSON_NOUNS and quote_of(head) is None
            ):
                # "the Director-General for Western Europe conveyed ..." in a statement of Iran's
                # foreign ministry: an official of no named state is the issuing government's
                # (an official, not a body or a building: "the main Government building in Kyiv")
                ent.code = issuer.code
                ent.rule = f"{ent.rule}<document.issuer"
                return
            own = self._speakers_state(ent, head)
            if own is not None:
                ent.code = own
                ent.rule = f"{ent.rule}<coref.speaker_state"
                return
            venue = self.venue_country(head)
            if venue:
                # "In Yerevan, opposition lawmakers staged a protest": people of no named state
                # acting where the sentence places them are of that country
                ent.code = venue
                ent.rule = f"{ent.rule}<sentence.venue"
                return
            focus = self.focus(head)
            if focus:
                ent.code = focus
                ent.rule = f"{ent.rule}<document.focus"
                return
            government = self._government_before(head)
            if government:
                ent.code = government
                ent.rule = f"{ent.rule}<coref.government"

    def _speakers_state(self, ent: Entity, head: Token) -> str | None:
        """"I think the president now has decided to lift the freeze," Representative McCaul told
        VOA: an office told by its bare title ("the president", "the prime minister") in someone's
        words, with no holder named before, is the office of the speaker's own state."""
        if ent.sector != "GOV" or ent.plural or head.lemma_.lower() not in PERSON_NOUNS or not any(
            c.dep_ == "det" and c.lower_ == "the" for c in head.children
        ) or any(c.dep_ in ("poss", "amod", "compound", "nmod", "prep", "appos") for c in head.children):
            return None
        said = self.speaker(head)
        codes = {e.code for e in said if e.code and len(e.code) == 3 and e.code not in NONSTATE}
        return next(iter(codes)) if len(codes) == 1 and len(said) == 1 else None

    def _government_before(self, head: Token) -> str | None:
        """"Kenya's interior ministry announced ... The government accused ...": "the government"
        (or "the authorities", "the administration") named without a state, where the article has
        no dominant country, is the state whose government bodies or officials the sentence and the
        two before name, when they name those of one state only."""
        if head.lemma_.lower() not in GOVERNMENT_NOUNS or any(
            c.dep_ in ("poss", "amod", "compound", "nmod") for c in head.children if c.lower_ not in ("the", "federal", "central", "national")
        ):
            return None
        here = sent_index(head)
        found: set[str] = set()
        for e in self._before(head):
            if here - sent_index(self.doc[e.head]) > 2:
                break
            if e.head == head.i or not e.code or len(e.code) != 3 or e.code in NONSTATE:
                continue
            if e.sector == "GOV" or e.kind == "government":
                found.add(e.code)
        # (the parties of events told there too: "Kenyan and Ugandan ministers met" names two)
        for e in self.participants:
            if e.head < head.i and here - sent_index(self.doc[e.head]) <= 2 and e.code and len(e.code) == 3 and e.code not in NONSTATE and (
                e.sector == "GOV" or e.kind == "government"
            ):
                found.add(e.code)
        return next(iter(found)) if len(found) == 1 else None

    def venue_country(self, head: Token, states: bool = False) -> str | None:
        """The one country of the places a verb names as where its subject acts or its object
        undergoes ("In Yerevan, opposition lawmakers staged a protest", "police fired tear gas in
        central Tunis", "killed three ethnic Albanians in a gunbattle in southeastern Serbia"),
        directly or one phrase down; with ``states``, a state named as the place counts too ("in
        Serbia": for people whose own phrase names another nation, "ethnic Albanians"; an armed
        group "in Kenya" is no Kenyan body); None when the phrase is no subject or object, names no
        place, or places of two countries."""
        if head.dep_ in ("nsubj", "nsubjpass", "dobj"):
            verb = head.head
        elif head.dep_ == "pobj" and head.head.dep_ == "agent":
            verb = head.head.head
        else:
            return None
        preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in VENUE_PREPS]
        preps += [j for p in preps for j in p.conjuncts if j.lower_ in VENUE_PREPS]  # ("in Yerevan and in Baku")
        found: set[str] = set()
        for p in preps:
            for pobj in (g for g in p.children if g.dep_ == "pobj"):
                # ("in a gunbattle in southeastern Serbia": the place of the phrase)
                inner = [g for c in pobj.children if c.dep_ == "prep" and c.lower_ == "in" for g in c.children if g.dep_ == "pobj"]
                for place in (pobj, *inner):
                    # (the place's name, or a name before its head: "in central Tunis", "at the Jarinje crossing")
                    m = next((self.covered[t.i] for t in (place, *place.children) if t.i in self.covered and (t is place or t.dep_ == "compound")), None)
                    kinds = VENUE_KINDS + ("country",) if states else VENUE_KINDS
                    role = m.forms[0].roles[0] if m is not None and m.kind in kinds and m.forms[0].roles else None
                    if role is not None and len(role.code) == 3 and role.code not in NONSTATE:
                        found.add(role.code)
        return next(iter(found)) if len(found) == 1 else None

    def _same_noun_before(self, head: Token) -> str | None:
        """"The Philippine government reported ... The government demanded": a definite noun told
        again is the body named with it just before (within the three sentences before), whatever
        state the article names most."""
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children) or head.tag_ != "NN":
            return None
        lemma, here = head.lemma_.lower(), sent_index(head)
        for e in self._before(head):
            if here - sent_index(self.doc[e.head]) > 3:
                return None
            if e.head != head.i and e.code and self.doc[e.head].lemma_.lower() == lemma:
                return e.code
        return None

    def _same_body_before(self, head: Token, ent: Entity) -> str | None:
        """"Afghanistan's foreign ministry called the claims baseless ... foreign ministry
        spokesperson Abdul Qahar Balkhi said": an office or officer of a kind of body named without
        a country is of the body of that kind named in its sentence or the two before ("police
        chief" after "Kenyan police", "ministry spokesperson" after "Afghanistan's ministry")."""
        own = [r for r in _rule_ids(ent.rule) if r.startswith("agent.")]
        if not own:
            return None
        singular = any(r in SINGULAR_BODIES for r in own)
        here = sent_index(head)
        doc = self.doc
        for m in reversed(doc._.actor_matches or ()):
            if m.start >= head.i or m.kind != "agent" or head.left_edge.i <= m.start <= head.i:
                continue
            rid = m.forms[0].rid
            if here - sent_index(doc[m.start]) > 2:
                if not singular:
                    return None  # (the two sentences before are looked at, beyond them only for "the junta")
                if rid not in SINGULAR_BODIES:
                    continue
            # (the same body named again, bare: "Kenyan police fired tear gas ... Police arrested 40")
            if not any(o.startswith(rid + "_") or (o == rid and ent.sector in STATE_BODY_SECTORS and (_bare(head) or rid in SINGULAR_BODIES)) for o in own):
                continue
            # the phrase the body's name heads ("Afghanistan's Ministry of Foreign Affairs", "Kenyan police")
            for tok in (doc[m.end - 1], doc[m.start]):
                body = describe_head(np_head(tok), self.covered, self.day)
                if body is not None and body.code:
                    return body.code
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
        ranked = sorted(count, key=lambda c: (-count[c], c))
        best = ranked[0] if ranked else None
        runner_up = count[ranked[1]] if len(ranked) > 1 else 0
        # the article's country only when it dominates (a bilateral readout names two alike), or
        # when it is the country the story is filed from and named at least as often as any other
        # ("OUAGADOUGOU, Burkina Faso — ... Belgium ...": the government is Burkina Faso's)
        dominant = best is not None and count[best] >= 2 and count[best] >= 1.5 * runner_up
        filed = self.dateline_country()
        if not dominant and best is not None and filed is not None and count.get(filed, 0) >= 2 and count[filed] == count[best]:
            best, dominant = filed, True
        cache[sent.start] = best if dominant else None
        return cache[sent.start]

    def dateline_country(self) -> str | None:
        """The one state of the places the dateline that opens the article names ("KYIV, Ukraine
        (AP) —"), or None."""
        if "_dateline_country" not in self.__dict__:
            end = dateline_end(self.doc)
            found: set[str] = set()
            if end is not None:
                for tok in self.doc:
                    if tok.idx >= end:
                        break
                    m = self.covered.get(tok.i)
                    role = m.forms[0].roles[0] if m is not None and m.forms[0].roles else None
                    if m is not None and m.kind in ("country", "place", "region") and role and len(role.code) == 3 and role.code not in NONSTATE:
                        found.add(role.code)
            self.__dict__["_dateline_country"] = next(iter(found)) if len(found) == 1 else None
        return self.__dict__["_dateline_country"]

    def _state_counts(self) -> tuple[dict[str, int], dict[int, dict[str, int]]]:
        """How often each state is named in the document, and in each sentence (by its first token)."""
        cached = self.__dict__.get("_state_count_cache")
        if cached is None:
            total: dict[str, int] = {}
            per_sentence: dict[int, dict[str, int]] = {}
            for m in self.doc._.actor_matches or ():
                role = m.forms[0].roles[0] if m.forms[0].roles else None
                # (a small town names where something happened, not what the article is about)
                if m.kind in ("country", "demonym", "government", "place", "region") and role and len(role.code) == 3 and not m.forms[0].town:
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

    def speaker(self, tok: Token) -> list[Entity]:
        """The entity who says the words ``tok`` stands in (a quotation's speaker, the subject of a
        reporting verb), resolved like any other phrase; [] when unknown."""
        spk = speaker_of(tok)
        if spk is None or spk.i == tok.i:
            return []
        return self._speaker_entities(spk)

    def _speaker_entities(self, spk: Token) -> list[Entity]:
        """The entity a speaker phrase stands for, resolved like any other phrase; [] when unknown."""
        if spk.pos_ == "PRON":
            return [] if spk.lower_ in FIRST_PERSON else self.pronoun(spk)
        ent = describe_head(spk, self.covered, self.day)
        if ent is None:
            return []
        if ent.code is None and ent.kind == "ner":
            ent = self.surname(ent, spk) or ent
        described = self.description(spk, ent)
        if described:
            return described
        return [ent] if ent.code else []

    def _turn_labels(self) -> list[tuple[int, Token]]:
        """The speaker labels of an interview transcript ("VOA: ...", "Richard Armitage, former U.S.
        deputy secretary of state: The obvious message we brought ..."): (the colon's index, the
        head of the name before it) for each sentence that opens with a verbless phrase naming
        someone and a colon; none unless the document has at least two (a transcript)."""
        cached = self.__dict__.get("_turn_label_cache")
        if cached is None:
            cached = []
            for colon in self.doc:
                if colon.text != ":" or colon.i + 1 >= len(self.doc) or not self.doc[colon.i + 1].text[:1].isupper():
                    continue
                start = sent_of(colon).start
                span = self.doc[start : colon.i]
                if not 1 <= len(span) <= 15 or any(t.pos_ in ("VERB", "AUX") for t in span) or not any(t.pos_ == "PROPN" for t in span):
                    continue
                head = next((t for t in span if not start <= t.head.i < colon.i or t.head.i == t.i), None)
                if head is not None and head.pos_ in ("PROPN", "NOUN"):
                    cached.append((colon.i, head))
            if len(cached) < 2:
                cached = []
            self.__dict__["_turn_label_cache"] = cached
        return cached

    def _turn_speaker(self, tok: Token) -> Token | None:
        """Whose turn a token is in, in an interview transcript (the latest label before it), unless
        the interviewer's (a newsroom: "VOA: During your visit ...")."""
        label = next((head for at, head in reversed(self._turn_labels()) if at < tok.i), None)
        if label is None or self._press(label):
            return None
        return label

    def pronoun(self, tok: Token) -> list[Entity]:
        """The entity a pronoun refers to, or [] when its antecedent is no known actor.

        Every noun phrase before the pronoun is a candidate, coded or not ("Militants said they
        released ...": the militants, whom no dictionary codes, not an actor named further back).
        Candidates agree in person and number, are no co-argument of the pronoun's own verb, and are
        ranked by sentence distance, then subjects before other roles, then nearness.
        """
        low = tok.lower_
        if low in FIRST_PERSON:
            # "We called for ...," the minister said: the speaker (a person for I, their side for we);
            # in narration with no speaker ("Today I met ..." in a media release), the issuer
            said = [self._as(tok, e, "coref.speaker") for e in self.speaker(tok)[:1]]
            turn = self._turn_speaker(tok) if not said and speaker_of(tok) is None and quote_of(tok) is None else None
            if turn is not None:
                # an interview transcript: "I" and "we" are the speaker whose turn it is (named in
                # the label or by its apposition: "Richard Armitage, former U.S. deputy secretary")
                named = self._speaker_entities(turn) or [
                    e for a in turn.children if a.dep_ == "appos" for e in [describe_head(a, self.covered, self.day)] if e is not None and e.code
                ]
                said = [self._as(tok, e, "coref.turn") for e in named[:1]]
            issuer = self.doc._.issuer
            if not said and issuer is not None and speaker_of(tok) is None and quote_of(tok) is None:
                return [self._as(tok, issuer, "coref.issuer")]
            return said
        if low not in PERSONAL | PLURAL | NEUTER:
            return []
        ante = self._antecedent(tok)
        if ante is None:
            return []
        if ante.i in self.groups and low in PLURAL:
            return [self._as(tok, e, "coref.pronoun") for e in self.groups[ante.i]]
        if low in PLURAL and ante.conjuncts and ante.tag_ not in ("NNS", "NNPS"):
            # "The Foreign Secretary and Minister Lamola discussed ... They also discussed ..."
            ents = [e for t in (ante, *ante.conjuncts) for e in [self._entity_at(t)] if e is not None and e.code]
            if len(ents) > 1:
                return [self._as(tok, e, "coref.pronoun") for e in ents]
        if low in PLURAL and is_plural(ante) and self._mention_at(ante.i) is None:
            # "The ministers pointed out ... They condemned ...": the parties the plural phrase
            # describes, though no event has named them yet
            described = self.description(ante, describe_head(ante, self.covered, self.day))
            if described and len(described) > 1:
                return [self._as(tok, e, "coref.pronoun") for e in described]
        ent = self._entity_at(ante)
        return [self._as(tok, ent, "coref.pronoun")] if ent is not None and ent.code else []

    def owner(self, tok: Token) -> Entity | None:
        """The coded party a possessor stands for ("its" of "its members", "Berisha's" of
        "Berisha's opponents"): a pronoun's referent, else the phrase or name told before."""
        if tok.pos_ == "PRON":
            return next((e for e in self.pronoun(tok) if e.code), None)
        ent = self._entity_at(tok)
        return ent if ent is not None and ent.code else None

    def _entity_at(self, head: Token) -> Entity | None:
        """The entity a phrase head stands for: a mention resolved before (a pronoun, a title, a
        surname), else what the dictionaries make of the phrase."""
        known = self._mention_at(head.i)
        if known is not None:
            return known
        if head.pos_ == "PRON":
            return None
        ent = describe_head(head, self.covered, self.day)
        if ent is not None and ent.code is None and ent.kind == "ner":
            ent = self.surname(ent, head) or ent
        if ent is None or ent.code is None:
            # "the group said it ...": the description's referent
            described = self.description(head, ent)
            if described and len(described) == 1:
                return described[0]
        if ent is not None:
            self.with_focus(ent, head)
        return ent

    def _whose_state(self, head: Token, exclude: frozenset[str]) -> Entity | None:
        """'Lula, whose country was hit with U.S. tariffs': the state of the party the relative
        clause is attached to."""
        if not any(c.dep_ == "poss" and c.lower_ == "whose" for c in head.children):
            return None
        clause = next((a for a in head.ancestors if a.dep_ == "relcl"), None)
        if clause is None or clause.head.pos_ not in ("PROPN", "NOUN"):
            return None
        ref = self._entity_at(clause.head)
        if ref is None or not ref.code or len(ref.code) != 3 or ref.code in NONSTATE or ref.code in exclude:
            return None
        return dataclasses.replace(ref, sector=None, office=None, kind="country")

    def _agrees(self, low: str, cand: Token) -> bool:
        if cand.i in self.groups or (cand.conjuncts and cand.dep_ != "conj"):
            return low in PLURAL  # a group or a coordination ("X and Y") is "they"
        known = self._mention_at(cand.i)
        kind = known.kind if known is not None else None
        lemma = cand.lemma_.lower()
        title = self.covered.get(cand.i)
        person = (
            kind == "person"
            or cand.ent_type_ == "PERSON"
            or lemma in PERSON_NOUNS
            or bool(known and known.office and not known.plural)
            or bool(title is not None and title.kind in ("person", "agent") and title.forms[0].name and title.forms[0].kind != "org")
        )
        plural = is_plural(cand) or bool(known and known.plural)
        body = kind in ("org", "country", "government") or cand.ent_type_ in ("GPE", "ORG", "NORP") or lemma in INSTITUTION_NOUNS
        if title is not None and title.kind in ("org", "country", "government") and kind in (None, "org", "country", "government"):
            # ("The Houthis said they ...": a body the dictionaries know, whatever NER calls it)
            person, body = False, True
        if low in PERSONAL:
            return person and not plural
        if low in PLURAL:
            return plural or (body and not person)
        return not person and not plural  # it, its

    def _object_owner(self, tok: Token) -> Token | None:
        """'thanked Australia for its assistance', 'accused Kenya of its meddling': a possessive
        in the verb's "for"/"of" phrase belongs to the verb's object, when they agree."""
        if tok.dep_ != "poss" or tok.head.dep_ != "pobj":
            return None
        prep = tok.head.head
        # (a noun with an object is a verb misparsed: "... and thanks China for its assistance")
        verbal = prep.head.pos_ in ("VERB", "AUX") or any(c.dep_ == "dobj" for c in prep.head.children)
        if prep.dep_ != "prep" or prep.lower_ not in ("for", "of") or not verbal:
            return None
        obj = next((c for c in prep.head.children if c.dep_ == "dobj" and c.i < prep.i), None)
        return obj if obj is not None and obj.pos_ in ("NOUN", "PROPN") and self._agrees(tok.lower_, obj) else None

    def _parallel_owner(self, tok: Token) -> Token | None:
        """"appreciation for the Kingdom's condemnation of the attack in Pahalgam and for its
        solidarity": a possessive in a phrase joined to an earlier phrase of the same preposition
        is that phrase's owner, when they agree (not a place named in between)."""
        if tok.dep_ != "poss" or tok.head.dep_ != "pobj":
            return None
        prep = tok.head.head
        if prep.dep_ not in ("prep", "conj") or prep.pos_ != "ADP" or prep.i < 2 or prep.doc[prep.i - 1].lower_ != "and":
            return None
        for earlier in reversed(prep.doc[sent_of(tok).start : prep.i - 1]):
            if earlier.lower_ == prep.lower_ and earlier.pos_ == "ADP":
                obj = next((g for g in earlier.children if g.dep_ == "pobj"), None)
                own = next((c for c in obj.children if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")), None) if obj is not None else None
                return own if own is not None and self._agrees(tok.lower_, own) else None
        return None

    def _antecedent(self, tok: Token) -> Token | None:
        sent = sent_of(tok)
        doc = tok.doc
        reach = 3 if tok.lower_ in PERSONAL else 2
        first = sent
        for _ in range(reach):
            if first.start == 0:
                break
            first = sent_of(doc[first.start - 1])
        verb = tok.head
        owner = self._object_owner(tok) or _nominal_agent(tok) or self._parallel_owner(tok)
        if owner is not None:
            return owner
        answered = _offer_answered_by(tok)
        if tok.dep_ == "dobj" and verb.dep_ == "conj" and conj_out_of_clause(verb) is not None:
            # "police detained Galindo while he was interviewing a politician and released him":
            # the one the clause the parser joined the verb to is about
            inner = next(c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass"))
            return self._antecedent(inner)
        # "she thanked Lula": she is not Lula, however Lula was named before
        co_ids = set()
        if tok.dep_ in ("nsubj", "nsubjpass"):
            for c in verb.children:
                if c.dep_ in ("dobj", "dative") and c.pos_ == "PROPN":
                    known = self._mention_at(c.i) or describe_head(c, self.covered, self.day)
                    if known is not None and known.identifier_text:
                        co_ids.add(known.identifier_text)
        best: tuple[float, int] | None = None
        pick: Token | None = None
        for cand in doc[first.start : tok.i]:
            if co_ids and cand.pos_ == "PROPN":
                known = self._mention_at(cand.i)
                if known is not None and known.identifier_text in co_ids:
                    continue
            if cand.pos_ not in ("NOUN", "PROPN", "PRON") or cand.dep_ not in ANTECEDENT_DEPS:
                continue
            if cand.pos_ == "PRON" and self._mention_at(cand.i) is None and cand.i not in self.groups:
                continue  # an earlier pronoun counts only once resolved
            if answered is not None and cand.head.i == answered.i and cand.dep_ in ("nsubj", "nsubjpass"):
                continue  # "Tehran rejected its offer": one answers another's offer, not one's own
            if cand.head.i == verb.i and tok.dep_ in ("nsubj", "dobj", "dative", "nsubjpass") and cand.dep_ in ("nsubj", "dobj", "dative", "nsubjpass"):
                continue  # "He briefed Rubio": not a co-argument of its own verb
            if verb.dep_ == "conj" and cand.head.i == verb.head.i and cand.dep_ in ("nsubj", "nsubjpass") and tok.dep_ in ("dobj", "dative"):
                continue  # "Macron thanked Tebboune ... and pressed him": the shared subject is not its object
            if not self._agrees(tok.lower_, cand):
                continue
            distance = sent_index(tok) - sent_index(cand)  # sentences back: 0 in the pronoun's own sentence
            # subjects are the likeliest referents, across a sentence more than a nearer object
            role = 0.0 if cand.dep_ in ("nsubj", "nsubjpass") else 1.5 if cand.dep_ in ("dobj", "dative", "attr", "ROOT") else 2.0
            if role == 0.0 and distance > 0 and not _main_verb(cand.head):
                role = 0.5  # the main clause's subject before one inside it ("X invited Y to visit ... He")
            if cand.dep_ == "poss" and cand.head.dep_ in ("nsubj", "nsubjpass") and cand.head.head.is_ancestor(tok):
                role = 0.0  # "Sheinbaum's office said she ...": the subject's owner speaks of herself
            if tok.lower_ in NEUTER and _speaker_body(cand) and cand.head.head.head.is_ancestor(tok):
                role = 0.0  # "a spokesperson for the State Department told VOA it had ...": the body speaks of itself
            if tok.lower_ in NEUTER and cand.dep_ in ("dative", "dobj") and cand.head.lemma_.lower() in TELLING_VERBS and cand.head.is_ancestor(tok) and self._press(cand):
                continue  # "... told VOA it had ...": the newsroom told is not who acts
            if tok.dep_ == "dobj" and cand.dep_ == "dobj" and distance == 0:
                role = 0.0  # "forces detained three officers; a court freed them": an object takes up an object
            rank = (distance + role, -cand.i)
            if best is None or rank < best:
                best, pick = rank, cand
        return pick

    def _press(self, cand: Token) -> bool:
        """Whether a phrase names a newsroom or the press ("VOA", "reporters")."""
        return names_press(cand, self._mention_at(cand.i) or describe_head(cand, self.covered, self.day))

    def _issuer_before(self, head: Token, lemma: str) -> Entity | None:
        """Who issued the statement (letter, report ...) told in the two sentences before: the
        subject of the verb whose object it is ("X issued a statement"), its owner ("X's
        statement") or its source ("a statement from X")."""
        here = sent_index(head)
        first = sent_of(head)
        for _ in range(3):
            if first.start == 0:
                break
            first = sent_of(self.doc[first.start - 1])
        for tok in reversed(self.doc[first.start : head.i]):
            if tok.lemma_.lower() != lemma or tok.pos_ != "NOUN":
                continue
            if here - sent_index(tok) > 3:
                return None
            cands = [c for c in tok.children if c.dep_ == "poss"]
            cands += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "by") for g in c.children if g.dep_ == "pobj"]
            if tok.dep_ == "dobj":
                cands += [c for c in tok.head.children if c.dep_ == "nsubj"]
            # "a resolution in the U.S. Congress": the body it is before
            bodies = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "in" for g in c.children if g.dep_ == "pobj"]
            for c in cands + bodies:
                found = self.pronoun(c) if c.pos_ == "PRON" else None
                ent = (found[0] if found else None) if c.pos_ == "PRON" else self._entity_at(c)
                if ent is not None and ent.code and (c not in bodies or ent.kind == "org"):
                    return ent
            return None
        return None

    def _names_its_own(self, head: Token) -> bool:
        """Whether a title phrase says itself whose it is: a name in apposition ("the Minister,
        Takeshi Iwaya") or a state or person inside it ("the Minister for Foreign Affairs of Japan")."""
        if any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in head.children):
            return True
        return any(
            t.i in self.covered and self.covered[t.i].kind in ("country", "demonym", "government", "person", "org")
            for t in head.subtree
            if t.i != head.i
        )

    def description(self, head: Token, ent: Entity | None, exclude: frozenset[str] = frozenset()) -> list[Entity] | None:
        """Resolve 'the two leaders', 'both sides', 'the Secretary'; None when not a description."""
        lemma = head.lemma_.lower()
        plural = is_plural(head)
        if (
            lemma.endswith("s") and lemma not in GROUP_NOUNS and lemma[:-1] in GROUP_NOUNS and head.tag_ in ("NNPS", "NNP")
            # "the United States", "the United Nations" are one body (an ORG tag on a lone
            # "Ministers" is the tagger's noise)
            and head.ent_type_ not in ("GPE", "NORP", "LOC") and not (head.ent_type_ == "ORG" and head.ent_iob_ == "I")
        ):
            # "The Ministers", "the two Foreign Ministers" tagged as proper nouns keep the plural as lemma
            lemma, plural = lemma[:-1], True
        if lemma in ("head", "heads") and plural and any(
            c.dep_ == "prep" and c.lower_ == "of" and any(g.lemma_.lower() in ("state", "government") for g in c.children) for c in head.children
        ):
            lemma = "leader"  # "the two Heads of State": leaders
        mods = {c.lower_ for c in head.children}
        plural_ref = lemma in GROUP_NOUNS and ("two" in mods or "both" in mods or (plural and ("the" in mods or lemma == "leader" or (
            "all" in mods and lemma in ("side", "party")))))  # "called on all parties to exercise restraint": the parties of the conflict
        if head.lower_ == "two" and any(c.lower_ == "the" for c in head.children):
            plural_ref, lemma = True, "two"
        if plural and ent is not None and len(split_conjoined(head, ent, self.covered)) > 1:
            return None  # "the Russian and Ukrainian delegations": the phrase names them (split_conjoined)
        if plural_ref and ent is not None and ent.kind == "org" and ent.code:
            plural_ref = False  # "the G7 countries", "the ASEAN members": the body named, not parties told before
        if plural_ref and "two" not in mods and "both" not in mods and any(
            c.dep_ == "relcl" and c.left_edge.i > 0 and self.doc[c.left_edge.i - 1].text != "," for c in head.children
        ):
            plural_ref = False  # "the countries that initially agreed to contribute": a clause says which, no parties told before
        if plural_ref and any(
            c.dep_ == "prep" and c.lower_ in ("from", "of") and any(
                g.dep_ == "pobj" and g.pos_ == "PROPN" and g.ent_type_ in ("GPE", "NORP", "ORG", "LOC") and g.lemma_.lower() not in ("state", "government")
                for g in c.children
            )
            for c in head.children
        ):
            plural_ref = False  # "leaders from the U.S. and China": the phrase names them
        # how many it names: "the two leaders", "the three military-led nations"
        size = COUNT_WORDS.get(next((m for m in mods if m in COUNT_WORDS), ""), 2)
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
                cands = [e for e in cands if e.kind == "person"] or [e for e in cands if e.office] or cands
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
            # (more than two only from an event that had them all, never from salience)
            picked = self._recent_pair(head, lemma, exclude, size) or ([next(e for e in cands if e.code == c) for c in best] if size == 2 else [])
            if len(picked) < size:
                return None
            surface = ent or Entity(head.text, None, None, None, None, None, head.idx, head.idx + len(head.text), head.i)
            if ent is None or not ent.entity_text.lower().startswith(("the ", "both ")):
                toks = [t for t in head.subtree if t.i <= head.i]
                text = self.doc[toks[0].i : head.i + 1].text
                surface = dataclasses.replace(surface, entity_text=text, start=toks[0].idx)
            return [self._as(surface, e, "coref.plural") for e in sorted(picked, key=lambda e: e.head)]
        if lemma in STATE_NOUNS and (ent is None or ent.code is None) and (whose := self._whose_state(head, exclude)) is not None:
            return [self._as(ent or head, whose, "coref.whose")]
        definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children)
        if definite and (ent is None or ent.code is None) and head.tag_ in ("NN", "NNP"):
            # "the group" / "the movement" is the organisation named before; "the country" the state
            # (a recipient is not the actor: "Ishiba thanked the Kingdom" is not Japan)
            if lemma in ORG_NOUNS and not (lemma in OWNED_ORG_NOUNS and any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)):
                ref = next((e for e in self._before(head) if e.kind == "org" and e.code not in exclude), None)
                if ref is not None:
                    return [self._as(ent or head, ref, "coref.description")]
            if lemma in STATE_NOUNS:
                kinds = TITLED_STATES.get(lemma)  # "the Kingdom" names a kingdom
                states = [
                    e for e in self._before(head)
                    if e.kind in ("country", "government", "demonym") and e.code not in exclude and (kinds is None or str(e.code).lower() in kinds)
                ]
                ref = next((e for e in states if sent_index(self.doc[e.head]) == sent_index(head)), None)
                focus = self.focus(head)
                if focus is not None and kinds is not None and focus.lower() not in kinds:
                    focus = None
                if ref is None and focus is not None and focus not in exclude:
                    # "the Kingdom" in a Saudi readout: the state the article is about
                    ref = next((e for e in self._before(head) if e.code == focus), None)
                ref = ref or (states[0] if states else None)
                if ref is None:
                    # "Saudi Foreign Minister ... the Kingdom": the state of a person named before
                    ref = next(
                        (e for e in self._before(head)
                         if e.code and len(e.code) == 3 and e.code not in NONSTATE and e.code not in exclude and (kinds is None or e.code.lower() in kinds)),
                        None,
                    )
                if ref is not None:
                    return [self._as(ent or head, ref, "coref.description")]
        if definite and (ent is None or ent.code is None) and lemma in SPEECH_NOUNS and head.tag_ == "NN":
            # "Blinken issued a statement ... The statement threatened sanctions": its issuer
            issuer = self._issuer_before(head, lemma)
            if issuer is not None:
                return [self._as(ent or head, issuer, "coref.issuer")]
        titled = any(c.dep_ == "det" and c.lower_ == "the" for c in head.children) or (ent is not None and ent.office and head.pos_ == "PROPN")
        if ent is not None and ent.code is None and ent.kind == "agent" and titled and head.pos_ == "PROPN" and head.ent_type_ == "PERSON":
            # "Minister Vieira": the person of that name named before, never another minister
            bare = Entity(head.text, None, None, None, None, None, head.idx, head.idx + len(head.text), head.i, "ner")
            named = self.surname(bare, head)
            return [dataclasses.replace(named, entity_text=ent.entity_text, start=ent.start)] if named is not None else None
        if ent is not None and ent.code is None and ent.kind == "agent" and titled and not self._names_its_own(head):
            # "the Secretary", "the Foreign Secretary", "EAM": the person of that office named before
            title = _office_words(ent.office or head.text)
            for e in self._before(head):
                # every word of the title in the person's office: "the Secretary" is the Secretary
                # of State, "the Foreign Secretary" is not a Foreign Minister
                # ("Canadian trade minister Maninder Sidhu": a titled name coded by its demonym)
                if e.kind in ("person", "demonym") and e.office and (e.office == ent.office or (title and _holds_title(title, e.office))):
                    return [self._as(ent, e, "coref.title")]
            # no person of that office: an official named before by title and body alone ("the
            # Director-General for Western Europe at Iran's Foreign Ministry ... The Director-General")
            for e in self._before(head):
                # (an office, not a body: "the military" is no earlier "protest movement against
                # military rule")
                if e.kind == "agent" and e.code and title and title <= _office_words(e.entity_text) and e.head != head.i and (
                    ent.office or head.lemma_.lower() in PERSON_NOUNS
                ):
                    return [self._as(ent, e, "coref.title")]
            # none told before: the office that issued the document ("The Secretary-General
            # condemns ..." in a statement whose source is the UN Secretary-General)
            issuer = self.doc._.issuer
            if issuer is not None and title and title <= _office_words(self.doc._.source or ""):
                return [self._as(ent, issuer, "coref.issuer")]
        return None


def _nominal_agent(tok: Token) -> Token | None:
    """'the adoption by the European Union of its 18th package': a possessive in the "of" phrase
    of a noun whose "by" phrase names the doer is that doer's."""
    if tok.dep_ != "poss" or tok.lower_ not in ("its", "their", "his", "her") or tok.head.dep_ != "pobj":
        return None
    prep = tok.head.head
    if prep.dep_ != "prep" or prep.lower_ != "of":
        return None
    if prep.head.dep_ == "pobj" and prep.head.head.lower_ == "by":
        return prep.head  # (the parser may hang the "of" phrase on the agent: "by [the EU of its package]")
    if prep.head.pos_ != "NOUN":
        return None
    return next((g for c in prep.head.children if c.dep_ == "prep" and c.lower_ == "by" and c.i < prep.i for g in c.children if g.dep_ == "pobj"), None)


REPLY_VERBS = words("reply_verbs")
OFFER_NOUNS = words("offer_nouns")


def _offer_answered_by(tok: Token) -> Token | None:
    """The verb that answers the offer a possessive pronoun owns ("Tehran rejected its offer":
    rejected), or None: an offer's owner is not who answers it."""
    noun = tok.head
    if tok.dep_ != "poss" or noun.lemma_.lower() not in OFFER_NOUNS or noun.dep_ != "dobj":
        return None
    verb = noun.head
    return verb if verb.lemma_.lower() in REPLY_VERBS else None


PRIVATE_BODIES = words("private_body_nouns")


def _official_of_private_body(head: Token) -> bool:
    """A title (or a name with its title in apposition) whose "of" phrase names a body that is no
    state's government and that no dictionary knows: "president of the Committee for Freedom in Hong
    Kong", "director of the Distilled Spirits Council"."""
    titles = [head, *(c for c in head.children if c.dep_ == "appos")]
    for t in titles:
        for p in t.children:
            if p.dep_ == "prep" and p.lower_ == "of":
                for g in p.children:
                    if g.dep_ == "pobj" and g.pos_ == "PROPN" and g.ent_type_ not in ("GPE", "NORP", "LOC") and any(
                        w.lemma_.lower() in PRIVATE_BODIES for w in g.subtree if w.pos_ in ("PROPN", "NOUN") and w.i <= g.i
                    ):
                        return True
    return False


STATE_BODY_SECTORS = frozenset({"COP", "MIL", "GOV", "JUD", "LEG", "SPY"})


def _bare(head: Token) -> bool:
    """A noun with no determiner, possessor or modifier of its own ("Police arrested ...")."""
    return not any(c.dep_ in ("det", "poss", "amod", "compound", "nmod") for c in head.children)
