"""Pipeline component ``dragoman_actors``: find dictionary actor mentions in a Doc.

Writes ``doc._.actor_matches``: a list of :class:`ActorMatch`, non-overlapping, longest first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from ..lexicon import Lexicon
from .forms import Form, is_acronym, iter_forms

KIND_RANK = {"person": 5, "org": 4, "government": 3, "country": 3, "demonym": 2, "agent": 1}


@dataclass(frozen=True)
class ActorMatch:
    start: int  # token offsets in the Doc
    end: int
    forms: tuple[Form, ...]

    @property
    def kind(self) -> str:
        return self.forms[0].kind


class ActorMatcher:
    """Matches every surface form of the lexicon's actors, agents and officials."""

    def __init__(self, nlp: Language, name: str = "dragoman_actors") -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.matcher_lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.matcher_orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.forms: dict[int, tuple[Form, ...]] = {}
        self.capitalized: set[int] = set()
        self.initialized = False

    def initialize(
        self, get_examples: Callable[[], Iterable[Any]] | None = None, *, nlp: Language, lexicon: Lexicon
    ) -> None:
        by_key: dict[tuple[bool, str], list[Form]] = {}
        lower_case_seen: set[tuple[bool, str]] = set()
        for surface, form in iter_forms(lexicon):
            surface = " ".join(surface.split())
            acro = is_acronym(surface)
            key = (acro, surface if acro else surface.lower())
            forms = by_key.setdefault(key, [])
            if form not in forms:
                forms.append(form)
            if not surface[:1].isupper():
                lower_case_seen.add(key)
        make_doc = nlp.make_doc
        lower_pats: dict[str, list[Doc]] = {}
        orth_pats: dict[str, list[Doc]] = {}
        for (acro, text), forms in by_key.items():
            forms.sort(key=lambda f: -KIND_RANK[f.kind])
            label = f"{'O' if acro else 'L'}|{text}"
            mid = self.vocab.strings.add(label)
            self.forms[mid] = tuple(forms)
            if not acro and (acro, text) not in lower_case_seen:
                # written capitalised in every dictionary: a lower-case word in text is not it ("polish")
                self.capitalized.add(mid)
            (orth_pats if acro else lower_pats)[label] = [make_doc(text)]
        for label, docs in lower_pats.items():
            self.matcher_lower.add(label, docs)
        for label, docs in orth_pats.items():
            self.matcher_orth.add(label, docs)
        self.initialized = True

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        for match_id, start, end in [*self.matcher_lower(doc), *self.matcher_orth(doc)]:
            if match_id in self.capitalized and not doc[start].text[:1].isupper():
                continue
            spans.append(Span(doc, start, end, label=match_id))
        # longest first; at equal length prefer the stronger kind
        spans.sort(key=lambda s: (-(s.end - s.start), -KIND_RANK[self.forms[s.label][0].kind], s.start))
        taken: set[int] = set()
        kept: list[Span] = []
        for s in spans:
            if not taken.intersection(range(s.start, s.end)):
                kept.append(s)
                taken.update(range(s.start, s.end))
        kept.sort(key=lambda s: s.start)
        doc._.actor_matches = [ActorMatch(s.start, s.end, self.forms[s.label]) for s in kept]
        return doc
