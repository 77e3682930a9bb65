"""Trigger patterns, indexed by the lemma of their head word."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import Any

from ..lexicon import Lexicon

DEFAULT_RECIPIENT = ("dobj",)


@dataclass(frozen=True)
class Pattern:
    id: str
    pos: str  # VERB or NOUN
    head: str  # lemma of the trigger's head word
    extra: tuple[str, ...]  # other lemmas of a phrase (VERB: found among dependents; NOUN: words before the head)
    cameo: str
    event: str
    mode: tuple[str, ...]
    context: tuple[str, ...]
    particle: str | None
    object: frozenset[str]
    prep: str | None
    prep_object: frozenset[str]
    recipient: tuple[str, ...]
    reciprocal: bool
    priority: int
    quad: int
    score: float
    complement_aux: frozenset[str] = frozenset()
    host: bool = False  # the subject hosts: its object is the visitor (actor), it the recipient
    counterpart: bool = False  # an event only with another party ("signed" alone is a domestic act)
    transitive: bool = False  # an event only with an object or as a passive ("fires burn" is none)
    control: bool = False  # only with an object and a clause of what it is to do ("ordered the school to admit her")
    evaluation: str | None = None  # "negative": only when the complement blames ("called the ruling arbitrary")
    content: bool = False  # only when the object noun has a clause of what it says ("reiterated the claim that ...")

    def __reduce__(self) -> tuple[Any, ...]:
        # its field values only: in the compiled cache each pattern is pickled on its own
        return (Pattern, tuple(getattr(self, f.name) for f in fields(self)))

    @property
    def weak(self) -> bool:
        """A bare-lemma pattern converted from CAMEO: used only when nothing stronger fires."""
        return self.id.startswith("cv.") and self.specificity == 0

    @property
    def specificity(self) -> int:
        return (
            self.priority * 100
            + 10 * len(self.extra)
            + (10 if self.object else 0)
            + (8 if self.prep else 0)
            + (5 if self.prep_object else 0)
            + (4 if self.particle else 0)
            + (10 if self.complement_aux else 0)
            + (10 if self.evaluation else 0)
        )


def _patterns(rec: dict[str, Any], cameo: dict[str, dict[str, Any]]) -> list[Pattern]:
    """One pattern per lemma of a record (a record may list several with ``lemmas``)."""
    heads = rec.get("lemmas") or [rec.get("phrase") or rec.get("lemma") or ""]
    out = []
    for head in heads:
        pat = _pattern(rec, head, cameo)
        if pat is not None:
            out.append(pat)
    return out


# prepositions that introduce the other party of a phrasal verb ("meet with", "talk to", "side with")
PARTY_PREPS = {"with", "to", "against", "on", "at", "toward", "towards", "into", "upon", "between", "from"}


def _recipient_roles(rec: dict[str, Any], extra: tuple[str, ...]) -> tuple[str, ...]:
    """A pattern's recipient roles; a phrase ending in a preposition ("meet with") also takes the
    object of that preposition."""
    roles = tuple(rec.get("recipient") or DEFAULT_RECIPIENT)
    if rec["pos"] == "VERB":
        roles += tuple(w for w in extra if w in PARTY_PREPS and w not in roles)
    return roles


def _pattern(rec: dict[str, Any], text: str, cameo: dict[str, dict[str, Any]]) -> Pattern | None:
    code = rec["cameo"]
    entry = cameo.get(code)
    event = rec.get("event") or (entry["event"] if entry else None)
    if event is None:
        return None  # CAMEO codes PLOVER does not code (public statements)
    words = text.lower().split()
    if rec["pos"] == "VERB":
        head, extra = words[0], tuple(words[1:])
    else:
        head, extra = words[-1], tuple(words[:-1])
    # a pattern that codes another type than its CAMEO code's keeps only its own modes
    inherited = entry if entry and entry["event"] == event else None
    mode = tuple(dict.fromkeys([*(inherited.get("mode", []) if inherited else []), *rec.get("mode", [])]))
    context = tuple(dict.fromkeys([*(entry.get("context", []) if entry else []), *rec.get("context", [])]))
    return Pattern(
        id=rec["id"],
        pos=rec["pos"],
        head=head,
        extra=extra,
        cameo=code,
        event=event,
        mode=mode,
        context=context,
        particle=(rec.get("particle") or None),
        object=frozenset(o.lower() for o in rec.get("object", [])),
        prep=(rec.get("prep") or None),
        prep_object=frozenset(o.lower() for o in rec.get("prep_object", [])),
        recipient=_recipient_roles(rec, extra),
        reciprocal=bool(rec.get("reciprocal", False)),
        priority=int(rec.get("priority", 0)),
        quad=int(entry["quad"]) if entry else 0,
        score=float(entry["score"]) if entry else 0.0,
        complement_aux=frozenset(a.lower() for a in rec.get("complement_aux", [])),
        transitive=bool(rec.get("transitive", False)),
        control=bool(rec.get("control", False)),
        content=bool(rec.get("content", False)),
        evaluation=rec.get("evaluation") or None,
        host=bool(rec.get("host", False)),
        counterpart=bool(rec.get("counterpart", False)),
    )


class PatternIndex:
    """All patterns, by (pos, head lemma), most specific first.

    Within a head, patterns are also indexed by the object lemma, preposition or particle they
    require, so a verb with hundreds of patterns ("say", "take") is only tested against those its
    dependents can satisfy. The indexes hold pattern numbers (``patterns``: number -> pattern): in
    the compiled cache (:mod:`dragoman.compiled`) each pattern is kept pickled on its own, so a word
    unpickles only the patterns its dependents select, not every pattern of its head.
    """

    def __init__(self, lexicon: Lexicon) -> None:
        by_head: dict[tuple[str, str], list[Pattern]] = {}
        for rec in lexicon.triggers:
            for pat in _patterns(rec, lexicon.cameo):
                by_head.setdefault((pat.pos, pat.head), []).append(pat)
        self.patterns: dict[int, Pattern] = {}
        # (pos, head) -> the numbers of its patterns, most specific first
        self.order: dict[tuple[str, str], tuple[int, ...]] = {}
        # (pos, head) -> key ("o:lemma", "p:prep", "t:particle", "*" for the rest) -> pattern numbers
        self.keyed: dict[tuple[str, str], dict[str, tuple[int, ...]]] = {}
        for key, pats in by_head.items():
            pats.sort(key=lambda p: (-p.specificity, p.id))
            table: dict[str, list[int]] = {}
            numbers = []
            for pat in pats:
                number = len(self.patterns)
                self.patterns[number] = pat
                numbers.append(number)
                if pat.object:
                    keys = [f"o:{o}" for o in pat.object]
                elif pat.prep:
                    keys = [f"p:{pat.prep}"]
                elif pat.particle:
                    keys = [f"t:{pat.particle}"]
                else:
                    keys = ["*"]
                for k in keys:
                    table.setdefault(k, []).append(number)
            self.order[key] = tuple(numbers)
            self.keyed[key] = {k: tuple(v) for k, v in table.items()}
        self.heads = {head for _, head in self.order}

    @property
    def by_head(self) -> dict[tuple[str, str], list[Pattern]]:
        """Every head's patterns, most specific first (all of them: each is loaded)."""
        return {key: self.candidates(*key) for key in self.order}

    def has(self, pos: str, lemma: str) -> bool:
        """Whether some pattern has this head (its patterns are not loaded)."""
        return (pos, lemma) in self.order

    def meeting_noun(self, lemma: str) -> bool:
        """Whether a noun heads a meeting pattern (CONSULT: "summit", "talks", "contacts")."""
        return any(p.event == "CONSULT" for p in self.candidates("NOUN", lemma))

    def candidates(self, pos: str, lemma: str) -> list[Pattern]:
        return [self.patterns[n] for n in self.order.get((pos, lemma), ())]

    def candidates_for(self, pos: str, lemma: str, keys: Iterable[str]) -> list[Pattern]:
        """The patterns of a head that a word with these dependents (object lemmas, prepositions,
        particles) could satisfy, most specific first."""
        table = self.keyed.get((pos, lemma))
        if table is None:
            return []
        # (by number: one record may give a head several patterns, "decline comment", "decline respond";
        # numbers run in each head's order, most specific first)
        seen: set[int] = set()
        for k in ("*", *keys):
            seen.update(table.get(k, ()))
        return [self.patterns[n] for n in sorted(seen)]
