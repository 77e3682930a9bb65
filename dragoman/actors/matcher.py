"""The actor part (``dragoman_actors``) of the ``dragoman`` component: find dictionary actor mentions in a Doc.

Surface forms are matched with Aho-Corasick automata (pyahocorasick) on the text, lower-cased for
ordinary forms and as written for acronyms, then kept only where they start and end on token
boundaries. Writes ``doc._.actor_matches``: non-overlapping :class:`ActorMatch` es, longest first,
then in text order. Named-entity places the dictionaries do not know are looked up in the
gazetteer.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import ahocorasick
import numpy
from rapidfuzz import fuzz, process
from spacy.attrs import POS
from spacy.language import Language
from spacy.parts_of_speech import PROPN
from spacy.tokens import Doc, Span

from ..lexicon import Lexicon
from ..sentences import doc_ents, doc_text
from ..words import words
from .forms import Form, is_acronym, iter_forms, place_tables

REGION_NAMES = words("region_names")
PERSON_PATIENT_VERBS = words("person_patient_verbs")
VESSEL_NOUNS = words("vessel_nouns")
TITLE_WORDS_KEY = "dragoman.title_words"  # doc.user_data: capitalised words -> their token indices
KIND_RANK = {"person": 5, "org": 4, "government": 3, "country": 3, "demonym": 2, "region": 2, "agent": 1, "place": 0}


@dataclass(frozen=True)
class ActorMatch:
    start: int  # token offsets in the Doc
    end: int
    forms: tuple[Form, ...]

    @property
    def kind(self) -> str:
        return self.forms[0].kind


def _place_position(span: Span) -> bool:
    """A one-word proper noun where a place stands: after a preposition, or the object of a verb
    or preposition (also as a conjunct: "shelled Kharkiv and Odesa")."""
    if len(span) != 1:
        return False
    tok = span[0]
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    prev = span.doc[span.start - 1] if span.start else None
    if tok.dep_ == "dobj" and tok.ent_type_ == "PERSON" and tok.head.lemma_.lower() in PERSON_PATIENT_VERBS:
        return False  # "authorities arrested Zamora": a person is arrested, not a town
    return tok.dep_ in ("dobj", "pobj") or (prev is not None and prev.pos_ == "ADP")


def _other_name(doc: Doc, i: int, form: Form) -> bool:
    """A one-word name of a dictionary person that is part of another person's name: a given name
    before it that is not the person's ("Tom Wynter" is not Jamaica's Wynter), or a name right after
    it (the word is a given name here: "Wynter Mmolotsi")."""
    names = {_plain_word(w) for w in (form.name or "").replace("-", " ").split()}
    after = doc[i + 1] if i + 1 < len(doc) else None
    if after is not None and len(doc[i].text) > 2 and doc[i].text.isupper() and _plain_word(after.text) in names:
        return False  # "Mr. IWAYA Takeshi": the family name in capitals before the given name (Japanese readouts)
    if after is not None and after.pos_ == "PROPN" and after.is_title and after.ent_type_ == "PERSON":
        return True
    return any(_given_name_conflicts(doc, j, names) for j in _same_word(doc, i))


def _same_word(doc: Doc, i: int) -> list[int]:
    """Every token of the document that is the word at ``i`` (the same surname told again)."""
    index = doc.user_data.get(TITLE_WORDS_KEY)
    if index is None:
        index = {}
        for t in doc:
            if t.is_title:
                index.setdefault(t.lower_, []).append(t.i)
        doc.user_data[TITLE_WORDS_KEY] = index
    return index.get(doc[i].lower_, [i])


def _given_name_conflicts(doc: Doc, i: int, names: set[str]) -> bool:
    """Whether a person's name word at ``i`` follows a given name that is not the dictionary
    person's: "Jose Ruben Zamora" anywhere in the article means its "Zamora" is not Xavier Espot
    Zamora."""
    before = doc[i - 1] if i > 0 else None
    return (
        before is not None
        and before.pos_ == "PROPN"
        and before.is_title
        and before.ent_type_ == "PERSON"
        and _plain_word(before.text) not in names
        and doc[i].ent_type_ == "PERSON"
    )


def _plain_word(word: str) -> str:
    """A name word in lower case without accents ("Inácio" and "Inacio" are one given name)."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


def _abbreviation_of_name_before(doc: Doc, i: int) -> bool:
    """Whether the word at ``i`` is an acronym in parentheses right after a capitalised name:
    that name's abbreviation."""
    return (
        is_acronym(doc[i].text) and i > 1 and i + 1 < len(doc) and doc[i - 1].text == "(" and doc[i + 1].text == ")"
        and doc[i - 2].is_title
    )


def _in_longer_name(doc: Doc, i: int) -> bool:
    """Whether the capitalised word at ``i`` runs on into a name: a capitalised proper noun right
    after it ("Novi Sad"), or a lower-case particle and a capitalised word ("Croix des Bouquets")."""
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if nxt is None or nxt.is_punct:
        return False
    if nxt.pos_ == "PROPN" and nxt.is_title and nxt.ent_type_ not in ("DATE", "TIME"):
        return True  # (not "in Kyiv Monday")
    after = doc[i + 2] if i + 2 < len(doc) else None
    return nxt.lower_ in NAME_PARTICLES and after is not None and after.is_title and after.pos_ == "PROPN"


PERSON_TITLES = words("person_nouns") | words("honorific_titles")
ALTERNATE_SHARE = 0.1  # an alternate town at least this share of the default's population
LOOSE_LABELS = {"WORK_OF_ART", "EVENT", "PRODUCT", "LAW"}
NAME_PARTICLES = words("name_particles")


def _proper_nouns(doc: Doc) -> list[int]:
    """The indices of the proper nouns (from the Doc's array: no Token made for the other words)."""
    return numpy.flatnonzero(doc.to_array(POS) == PROPN).tolist()


def _lower(text: str) -> str:
    """Lower case (keeping the length) with typographic apostrophes and dashes made plain."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low.translate(PLAIN)


PLAIN = str.maketrans({"\u2019": "'", "\u2018": "'", "\u2013": "-", "\u2014": "-"})


class ActorMatcher:
    """Matches every surface form of the lexicon's actors, agents and officials."""

    def __init__(self, nlp: Language, name: str = "dragoman_actors", places: bool = True) -> None:
        self.name = name
        self.places = places
        self.lower_auto: Any = None
        self.orth_auto: Any = None
        self.place_forms: dict[str, Form] = {}
        self.town_forms: dict[str, Form] = {}  # small towns: only for spans NER marks as places
        self.place_alternates: dict[str, tuple[Form, ...]] = {}  # the same name in other countries
        self.fuzzy: dict[str, tuple[Form, ...]] = {}
        self.fuzzy_keys: list[str] = []
        self._fuzzy_cache: dict[tuple[str, int], str | None] = {}  # words seen, per process

    def initialize(
        self, get_examples: Callable[[], Iterable[Any]] | None = None, *, nlp: Language, lexicon: Lexicon
    ) -> None:
        by_key: dict[tuple[bool, str], list[Form]] = {}
        lower_case_seen: set[tuple[bool, str]] = set()
        last_lower_seen: set[tuple[bool, str]] = set()  # ... and those whose last word is lower case somewhere
        for surface, form in iter_forms(lexicon):
            surface = " ".join(surface.split())
            acro = is_acronym(surface)
            key = (acro, surface.translate(PLAIN) if acro else _lower(surface))
            forms = by_key.setdefault(key, [])
            if form not in forms:
                forms.append(form)
            if not surface[:1].isupper():
                lower_case_seen.add(key)
            if not surface.split()[-1][:1].isupper():
                last_lower_seen.add(key)
        self.lower_auto = ahocorasick.Automaton()
        self.orth_auto = ahocorasick.Automaton()
        for (acro, text), forms in by_key.items():
            forms.sort(key=lambda f: -KIND_RANK[f.kind])
            # written capitalised in every dictionary: a lower-case word in text is not it ("polish")
            needs_cap = not acro and (acro, text) not in lower_case_seen
            # a name of several words capitalised to its end: "Russia today" is not "Russia Today"
            last_cap = needs_cap and " " in text and (acro, text) not in last_lower_seen
            auto = self.orth_auto if acro else self.lower_auto
            auto.add_word(text, (len(text), tuple(forms), needs_cap, text.rfind(" ") + 1 if last_cap else -1))
        self.lower_auto.make_automaton()
        self.orth_auto.make_automaton()
        if self.places:
            tables = place_tables()
            self.place_forms, self.town_forms, self.place_alternates = tables.cities, tables.towns, tables.alternates
        # state names and demonyms for misspelt names ("Afganistan", "Ethopia", "Phillippines")
        self.fuzzy = {
            text: tuple(forms)
            for (acro, text), forms in by_key.items()
            if not acro and len(text) >= 5 and forms[0].kind in ("country", "demonym") and " " not in text
        }
        self.fuzzy_keys = sorted(self.fuzzy)

    def _places_of_named_states(self, doc: Doc, matches: list[ActorMatch]) -> list[ActorMatch]:
        """A town whose name other countries' towns bear too is the one in a state the article
        names, when the article does not name the default's state ("arrested in Hanover" in a story
        about Germany is Hannover; "near Bara, in North Kordofan" is Bara in Sudan), and when that
        town is not tiny beside the default (ALTERNATE_SHARE: "Paris" stays the French capital)."""
        named: dict[str, int] = {}
        for m in matches:
            if m.kind != "place" and m.forms[0].roles and len(m.forms[0].roles[0].code) == 3:
                code = m.forms[0].roles[0].code
                named[code] = named.get(code, 0) + 1
        if not named:
            return matches
        out = []
        for m in matches:
            alts = self.place_alternates.get(_lower(doc[m.start : m.end].text)) if m.kind == "place" else None
            form = m.forms[0]
            if alts and form.roles and form.roles[0].code not in named:
                fits = [a for a in alts if a.roles and a.roles[0].code in named and a.population >= ALTERNATE_SHARE * form.population]
                if fits:
                    best = max(fits, key=lambda a: (named[a.roles[0].code], a.population))
                    m = ActorMatch(m.start, m.end, (dataclasses.replace(best, town=form.town),))
            out.append(m)
        return out

    def _candidates(self, doc: Doc) -> list[tuple[int, int, tuple[Form, ...]]]:
        # token boundaries from the Doc's arrays (no Python loop over Token objects)
        arr = doc.to_array(["IDX", "LENGTH"])
        idx = arr[:, 0].tolist()
        ends_at = (arr[:, 0] + arr[:, 1]).tolist()
        starts = dict(zip(idx, range(len(idx)), strict=True))
        ends = dict(zip(ends_at, range(1, len(idx) + 1), strict=True))
        text = doc_text(doc)
        out = []
        for auto, hay in ((self.lower_auto, _lower(text)), (self.orth_auto, text.translate(PLAIN))):
            if auto is None or not len(auto):
                continue
            for end_char, (length, forms, needs_cap, last_word) in auto.iter(hay):
                start_char = end_char - length + 1
                s, e = starts.get(start_char), ends.get(end_char + 1)
                if s is None or e is None or e <= s:
                    continue
                if needs_cap and not text[start_char].isupper():
                    continue
                if last_word > 0 and text[start_char + last_word].islower():
                    continue
                out.append((s, e, forms))
        return out

    def _fuzzy(self, tok: Any, matches: list[ActorMatch], taken: set[int], cutoff: int) -> None:
        """Match one word to a state name or demonym by edit similarity."""
        if len(tok.text) < 6 or not self.fuzzy_keys or not tok.text[:1].isupper():
            return
        key = (_lower(tok.text), cutoff)
        if key not in self._fuzzy_cache:
            if len(self._fuzzy_cache) > 50_000:
                self._fuzzy_cache.clear()
            hit = process.extractOne(key[0], self.fuzzy_keys, scorer=fuzz.ratio, score_cutoff=cutoff)
            self._fuzzy_cache[key] = hit[0] if hit is not None else None
        found = self._fuzzy_cache[key]
        if found is not None:
            matches.append(ActorMatch(tok.i, tok.i + 1, self.fuzzy[found]))
            taken.add(tok.i)

    def __call__(self, doc: Doc) -> Doc:
        cands = self._candidates(doc)
        # longest first; at equal length prefer the stronger kind
        cands.sort(key=lambda c: (-(c[1] - c[0]), -KIND_RANK[c[2][0].kind], c[0]))
        taken: set[int] = set()
        matches: list[ActorMatch] = []
        for s, e, forms in cands:
            if s and forms[0].kind in ("country", "demonym") and f"{doc[s - 1].lower_} {doc[s:e].text.lower()}" in REGION_NAMES:
                continue  # "Latin Americans", "Central American migrants": a region, no country
            if e - s == 1 and forms[0].kind == "person":
                forms = tuple(f for f in forms if not _other_name(doc, s, f))
                if not forms:
                    continue
                if _abbreviation_of_name_before(doc, s):
                    continue  # "Montenegro Municipality Association (AKK)": the name's abbreviation, not a person's
            if not taken.intersection(range(s, e)):
                matches.append(ActorMatch(s, e, forms))
                taken.update(range(s, e))
        # places: named-entity spans the dictionaries do not know, looked up in the gazetteer
        spans = [(ent.start, ent.end, ent.label_) for ent in doc_ents(doc)]
        # proper nouns the tagger missed or took for a person ("shelled Kharkiv", "in Zaporizhzhia"),
        # in a place's position: after a preposition, or an object
        # (a coordination the tagger took for a title, "shelled Kharkiv and Odesa" as a work of
        # art, leaves its proper nouns to be read one by one)
        inside = {i for s, e, label in spans if label not in LOOSE_LABELS for i in range(s, e)}
        proper = _proper_nouns(doc)
        spans += [(i, i + 1, "") for i in proper if i not in inside]
        # the first and last words of people's full names: "Zamora" after "Jose Ruben Zamora" is that
        # person again, not the Spanish town; "Kim" after "Kim Jong Un" (family name first) is not a town in India
        surnames = {doc[i].lower_ for s, e, label in spans if label == "PERSON" and e - s > 1 for i in (s, e - 1)}
        surnames |= {doc[i].lower_ for m in matches if m.kind == "person" and m.end - m.start > 1 for i in (m.start, m.end - 1)}
        for start, end, label in spans:
            if taken.intersection(range(start, end)):
                continue
            if doc[start].is_lower:
                continue  # place names are written capitalised: "the kora" is an instrument, "the bush" no town
            if end - start == 1 and label in ("", "PERSON") and _in_longer_name(doc, start):
                continue  # "Novi" of "Novi Sad", "Croix" of "Croix des Bouquets": a word of a longer name
            if label not in ("GPE", "LOC", "FAC", "NORP", "ORG") and not _place_position(doc[start:end]):
                continue
            if end - start == 1 and label in ("", "PERSON") and doc[start].lower_ in surnames:
                continue
            if end - start == 1 and start and doc[start - 1].is_title and doc[start - 1].lower_ in PERSON_TITLES:
                continue  # "Minister Anand", "President Zamora": a titled person, not the town
            if label == "PERSON" and end < len(doc) and doc[end].tag_ == "POS":
                continue  # "calls for Lai's immediate release": a person's, not the town in Chad
            if start and doc[start - 1].lemma_.lower() in VESSEL_NOUNS:
                continue  # "the chartered supply boat Unaizah May 2": a ship's name, not the Saudi town
            form = self.place_forms.get(_lower(doc[start:end].text))
            if form is None and label in ("GPE", "LOC") and not (end - start == 1 and doc[start].lower_ in surnames):
                # ("the attack in Pahalgam"; not "Sánchez" tagged a place, a person named before)
                form = self.town_forms.get(_lower(doc[start:end].text))
            if form is not None and label == "ORG" and is_acronym(doc[start:end].text) and not is_acronym(form.name or ""):
                form = None  # "NISA" (an agency's acronym) is not the town of Nisa
            if form is not None:
                matches.append(ActorMatch(start, end, (form,)))
                taken.update(range(start, end))
                continue
            if label in ("GPE", "NORP") and end - start == 1:
                self._fuzzy(doc[start], matches, taken, 88)
        # other capitalised words that are a misspelt state name ("Ethopia", "Quatar"): stricter
        for i in proper:
            tok = doc[i]
            if i not in taken and tok.ent_type_ not in ("GPE", "NORP"):
                self._fuzzy(tok, matches, taken, 92)
        matches.sort(key=lambda m: m.start)
        matches = self._places_of_named_states(doc, matches)
        doc._.actor_matches = matches
        return doc
