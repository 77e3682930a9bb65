"""Find trigger words in a sentence and choose the pattern that fits each best."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Span, Token

from ..parse import (
    PREDICATE_CALLING_VERBS,
    honorific,
    misparsed_finite,
    object_control_misparse,
    passive_subjects,
    summed_act,
)
from ..sentences import sent_of
from ..words import words
from .patterns import Pattern, PatternIndex

VERB_TAGS = {"VERB"}
NOUN_TAGS = {"NOUN", "PROPN"}
OBJECT_DEPS = {"dobj", "attr", "oprd", "dative"}
DENIALS = words("denial_verbs")
CLAIM_REJECTIONS = words("claim_rejection_verbs")
CLAIM_NOUNS = words("claim_nouns")
PERSON_NOUNS = words("person_nouns")
STATIVE = words("stative_verbs")
QUARREL_WORDS = words("quarrel_words")
SEPARATED_PARTICLES = words("separated_particles")
CARRYING_VERBS = words("carrying_verbs")
CARRIER_NOUNS = words("carrier_nouns")
HABITUAL = words("habitual_adverbs")
ATTAINMENT = words("attainment_verbs")
MEASURES = words("measure_nouns")
FORWARD_PARTICIPLES = words("forward_participles")
CONFRONTING = words("confronting_nouns")
# nouns of bodies and groups that can be a party ("was met by the delegation", "by the committee")
ACTOR_BODIES = words("group_nouns") | words("org_nouns") | words("state_nouns") | words("institution_nouns")
READY_ADJ = words("ready_adjectives")
STOPPED_BY_SOMEONE = words("stopped_by_someone_verbs")
STANCE_ADJ = words("stance_adjectives")
PERSON = "@person"  # an object word of a pattern that any person fills
# head nouns that leave the event to their modifier ("mediation effort", "peace mission")
LIGHT_HEADS = words("light_heads")
OCCASION_NOUNS = words("occasion_nouns")
RESULT_NOUNS = words("result_nouns")
MEETING_PHASES = words("meeting_phase_nouns")
BLAME_NOUNS = words("blame_nouns")
STANCE_NOUNS = words("stance_nouns")
PRAISE_NOUNS = words("praise_nouns")
BACKING = words("backing_verbs")
PUBLISHING = words("publishing_verbs")
CUSTODY = words("custody_verbs")
CUSTODY_EXCEPTIONS = words("custody_exceptions")
DETENTION = words("detention_participles")
PHRASE_DEPS = {"dobj", "prt", "attr", "oprd", "dative", "acomp", "prep", "nsubjpass", "xcomp", "npadvmod"}


def _owner_must_act(verb: Token) -> bool:
    """"Israel's attacks must be stopped": a passive that demands an act of its subject's owner."""
    if verb.lemma_.lower() not in STOPPED_BY_SOMEONE:
        return False
    return any(c.dep_ == "nsubjpass" and any(g.dep_ == "poss" for g in c.children) for c in verb.children)


@dataclass(frozen=True)
class Trigger:
    token: Token
    pattern: Pattern
    tokens: tuple[Token, ...]  # every word of the trigger, in text order

    @property
    def text(self) -> str:
        return " ".join(t.text for t in self.tokens)


def _objects(tok: Token) -> list[Token]:
    if misparsed_finite(tok):
        return [tok.head, *tok.head.conjuncts]
    objs = [c for c in tok.children if c.dep_ in OBJECT_DEPS]
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children):
        objs += passive_subjects(tok)
    elif tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ in NOUN_TAGS and (
        tok.lemma_.lower() in BACKING | PUBLISHING or (tok.lemma_.lower() in CUSTODY and not any(c.dep_ in ("aux", "auxpass") for c in tok.children))
    ):
        # "soldiers, supported by the U.S. military": the noun is who is backed; "the index released
        # last week": what is put out; "an Afghan man held in a U.S. prison": who is held (not "the
        # summit, to be held in Astana"; other participles name their noun's own event: "the
        # sanctions imposed on Iran")
        objs.append(tok.head)
    if tok.dep_ == "relcl" and tok.lemma_.lower() in CUSTODY and tok.head.pos_ in NOUN_TAGS and any(c.dep_ == "nsubj" for c in tok.children) and not any(
        c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in tok.children
    ):
        objs.append(tok.head)  # "18 Cambodian soldiers it has held since July 29": who is held
    if tok.dep_ == "relcl" and tok.lemma_.lower() in REPLY_VERBS and any(c.tag_ in ("WDT", "WP") for c in tok.children):
        # "extended an invitation to Wang Yi to visit Pakistan, which was accepted": the parser
        # hangs the clause on the nearest noun; the reply may answer a noun further up the phrase
        objs += enclosing_nouns(tok.head)
    # "agreed to a ceasefire" style objects behind xcomp are not objects; conjoined objects are
    for o in list(objs):
        objs.extend(o.conjuncts)
    # "sent a navy ship carrying 40 tonnes of relief supplies": what the craft carries is sent too
    objs += [
        g for o in list(objs) if o.lemma_.lower() in CARRIER_NOUNS for c in o.children
        if c.dep_ == "acl" and c.lemma_.lower() in CARRYING_VERBS for g in c.children if g.dep_ == "dobj"
    ]
    return objs


def enclosing_nouns(noun: Token) -> list[Token]:
    """The nouns of the phrase a noun is nested in ("an invitation to visit Pakistan": invitation)."""
    out: list[Token] = []
    cur = noun
    for _ in range(4):
        if cur.dep_ not in ("dobj", "pobj", "prep", "acl", "advcl", "appos", "compound") or cur.head.i == cur.i:
            break
        cur = cur.head
        if cur.pos_ in NOUN_TAGS:
            out.append(cur)
        elif cur.pos_ in VERB_TAGS and cur.dep_ not in ("acl", "advcl"):
            break
    return out


NEGATIVE = words("negative_evaluations")
POLITICALLY_BLAMED = words("politically_blamed")
DENIAL_WORDS = words("denial_evaluations")
VIOLENCE = words("violence_nouns")
VIOLENCE_VERBS = words("violence_verbs")
COERCION_VERBS = words("coercion_verbs")
ALLEGED_ACTS = VIOLENCE_VERBS | COERCION_VERBS
INVOLVEMENT_NOUNS = words("involvement_nouns")
SPEECH_VERBS = words("reporting_verbs")
INSTIGATION_VERBS = words("instigation_verbs")
REPLY_VERBS = words("reply_verbs")
GENERIC_SUBJECTS = words("generic_subjects")
BLAME_VERBS = words("blame_verbs")
FORCE_NOUNS = words("force_nouns")
PERPETRATION_VERBS = words("perpetration_verbs")
TOPIC_NOUNS = words("topic_nouns")
WAY_NOUNS = words("way_nouns")
CHARGE_NOUNS = words("charge_nouns")
FUTURE_MODIFIERS = words("future_modifiers")
PLANNING_PARTICIPLES = words("planning_participles")
STANCE_OBJECTS = words("hope_nouns")
PERSONAL_PRONOUNS = words("personal_pronouns")


def _generic(subj: Token) -> bool:
    """A subject that names no one: "one", "this", "people", "each company", "every state"."""
    return subj.lower_ in GENERIC_SUBJECTS or any(d.dep_ == "det" and d.lower_ in ("each", "every", "any", "no") for d in subj.children)


def _blames(tok: Token) -> bool:
    """Whether a word is one of blame (words.yaml negative_evaluations), by lemma or form, or one
    that blames with "politically" ("politically motivated": words.yaml politically_blamed)."""
    if tok.lemma_.lower() in POLITICALLY_BLAMED or tok.lower_ in POLITICALLY_BLAMED:
        return any(c.dep_ == "advmod" and c.lower_ == "politically" for c in tok.children)
    return tok.lemma_.lower() in NEGATIVE or tok.lower_ in NEGATIVE


def _blaming(phrase: Token) -> Token | None:
    """A word of blame in a complement phrase (its head and modifiers, not clauses inside it)."""
    for t in (phrase, *(c for c in phrase.children if c.dep_ in ("amod", "advmod", "compound", "conj", "acomp", "attr", "prep"))):
        if _blames(t):
            return t
        if t.dep_ == "prep":  # "one of the most hostile authorities"
            for g in t.children:
                if g.dep_ == "pobj":
                    hit = next((w for w in (g, *g.children) if _blames(w)), None)
                    if hit is not None:
                        return hit
    return None


def negative_complement(verb: Token) -> Token | None:
    """The word of blame a verb's complement says of someone: "called the ruling 'arbitrary'"
    (an object's predicate), "said the ACLU is more interested in open borders than ...", "said
    Putin is the aggressor" (a copular clause's predicate); None when the complement blames no one,
    or only denies a claim ("dismissed the accusation as groundless": codebook, denials)."""
    hit = _negative_complement(verb)
    if hit is not None and hit.lemma_.lower() in DENIAL_WORDS and _judges_a_claim(verb):
        return None
    return hit


def _judges_a_claim(verb: Token) -> bool:
    """Whether a verb's object is a claim: "dismissed the accusation as groundless", "rejected the
    claim, calling it a lie"."""
    for c in verb.children:
        if c.dep_ == "dobj":
            if c.lemma_.lower() in CLAIM_NOUNS:
                return True
            if c.pos_ == "PRON" and verb.dep_ == "advcl" and any(o.dep_ == "dobj" and o.lemma_.lower() in CLAIM_NOUNS for o in verb.head.children):
                return True
    return False


def _as_predicate(prep: Token) -> Token | None:
    """A word of blame in a predicative "as" phrase ("as deplorable", "as a strategic disaster")."""
    for g in prep.children:
        hit = _blaming(g) if g.dep_ in ("pobj", "amod", "acomp") else None
        if hit is not None:
            return hit
    return None


def _predicate_on_object(verb: Token, obj: Token) -> Token | None:
    """The predicate the parser hangs on a calling verb's object instead of on the verb: an "as"
    phrase on the object or on a noun joined to it ("described the proposed plan as a disaster",
    "dismissed the findings and statements by Bennett as propaganda"); a quoted apposition
    ("called the trial "a travesty of justice""); the predicate of an infinitive that belongs to
    the object ("called the EU move to tax spirits "deeply disappointing"")."""
    for noun in (obj, *obj.conjuncts):
        for p in noun.children:
            if p.dep_ == "prep" and p.lower_ == "as":
                hit = _as_predicate(p)
                if hit is not None:
                    return hit
    if verb.lemma_.lower() not in PREDICATE_CALLING_VERBS:
        return None
    for a in obj.children:
        if a.dep_ == "appos" and a.i > obj.i and any(t.is_quote for t in obj.doc[obj.i + 1 : a.i + 1]):
            hit = _blaming(a)
            if hit is not None:
                return hit
    for clause in verb.children:
        if clause.dep_ in ("advcl", "xcomp") and clause.i > obj.i and any(m.dep_ == "aux" and m.lower_ == "to" for m in clause.children):
            for g in clause.children:
                if g.dep_ == "oprd" and g.pos_ in ("ADJ", "NOUN"):
                    hit = _blaming(g)
                    if hit is not None:
                        return hit
    return None


def _negative_complement(verb: Token) -> Token | None:
    if verb.lemma_.lower() in PREDICATE_CALLING_VERBS and summed_act(verb) is not None:
        # "..., a move Guyana has called a violation of its sovereignty": the object is the predicate
        hit = next((_blaming(c) for c in verb.children if c.dep_ == "dobj"), None)
        if hit is not None:
            return hit
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "as":  # "described the jailbreak as deplorable"
            hit = _as_predicate(c)
            if hit is not None:
                return hit
        if c.dep_ == "dobj":
            # "called Ford's comments egregious": the parser takes the predicate for the noun's adjective
            for a in c.children:
                if a.dep_ == "amod" and a.i > c.i and _blames(a):
                    return a
            hit = _predicate_on_object(verb, c)
            if hit is not None:
                return hit
        if c.dep_ in ("oprd", "xcomp") and c.pos_ in ("ADJ", "NOUN", "PROPN", "NUM"):
            hit = _blaming(c)
            if hit is not None:
                return hit
        if c.dep_ == "ccomp":
            subj = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None or _generic(subj):
                continue  # "said this is unacceptable": a situation, not someone
            if subj.lemma_.lower() in TOPIC_NOUNS and not any(g.dep_ in ("poss", "amod", "compound") and g.ent_type_ in ("GPE", "NORP", "ORG") for g in subj.children):
                continue  # "said the situation in Sudan is catastrophic": no one's act ("Russia's war is illegal" is)
            if c.lemma_ == "be":
                preds = [g for g in c.children if g.dep_ in ("attr", "acomp")]
            elif c.pos_ in ("ADJ", "NOUN") and any(g.dep_ == "cop" for g in c.children):
                preds = [c]
            else:
                # the complement's verb, a verb joined to it, what it continues to do, or what it
                # does thereby ("noted that the EU continued to pump weapons into Ukraine, thereby
                # obstructing a settlement", "would cut the West Bank in two and violates international law")
                acts = [c, *c.conjuncts]
                acts += [g for a in acts for g in a.children if g.dep_ == "xcomp" or (g.dep_ == "advcl" and g.tag_ == "VBG")]
                hit = next((h for a in acts for h in [_blamed_act(a)] if h is not None), None)
                if hit is not None:
                    return hit
                preds = []
            for pr in preds:
                hit = _blaming(pr)
                if hit is not None:
                    return hit
    return None


STATEHOOD_NOUNS = words("statehood_nouns")


def _unrealised(verb: Token) -> bool:
    """A verb told as still to come: an infinitive ("vowed to retaliate") or under a modal ("would
    retaliate", "will retaliate if attacked")."""
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ in UNREALISING_AUX for c in verb.children)


UNREALISING_AUX = words("future_aux") | words("hypothetical_aux") | {"would", "to"}


PRICE_WORDS = words("price_words")


def price_complement(verb: Token) -> Token | None:
    """The verb of a complement that says someone will pay for what they did ("said the Houthis
    would pay a heavy price", "warned that the attackers will pay dearly"): a threat from who says
    it; None otherwise (denied, or told of no one)."""
    for c in verb.children:
        if c.dep_ != "ccomp":
            continue
        for v in (c, *c.conjuncts):
            if v.lemma_.lower() != "pay" or any(g.dep_ == "neg" for g in v.children):
                continue
            subj = next((g for g in v.children if g.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None or _generic(subj):
                continue
            if any((g.dep_ == "dobj" and g.lemma_.lower() in PRICE_WORDS) or (g.dep_ == "advmod" and g.lower_ == "dearly") for g in v.children):
                return v
    return None


def _statehood_complement(verb: Token) -> Token | None:
    """The subject of a verb's complement clause when it names a state's sovereignty, territorial
    integrity, unity or independence, not denied ("underscored that the territorial integrity and
    unity of Syria must be preserved"); else None."""
    for c in verb.children:
        if c.dep_ != "ccomp" or any(g.dep_ == "neg" for g in c.children):
            continue
        subj = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.lemma_.lower() in STATEHOOD_NOUNS:
            return subj
    return None


def _blamed_act(verb: Token) -> Token | None:
    """An act of blame told of a complement's subject: "said Kabul was failing to rein in the
    militants", "says both sides have committed grave abuses", "said Canada has been ripping off
    the United States" (words.yaml blame_verbs; an object of blame); None when it is denied."""
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    lemma = verb.lemma_.lower()
    if lemma in BLAME_VERBS:
        return verb
    if lemma in ALLEGED_ACTS and not any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) and any(
        c.dep_ == "nsubj" and _named_party(c) for c in verb.children
    ):
        return verb  # "told reporters that Cambodian troops had planted new landmines": an accusation
    if lemma == "fail" and any(c.dep_ == "xcomp" for c in verb.children):
        return verb
    if lemma == "rip" and any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children):
        return verb
    if lemma in PERPETRATION_VERBS | INSTIGATION_VERBS and any(c.dep_ == "agent" for c in verb.children) and any(
        c.dep_ == "nsubjpass" and c.lemma_.lower() in VIOLENCE for c in verb.children
    ):
        return verb  # "the attack had been planned by militants": who did it is named
    if lemma not in PERPETRATION_VERBS:
        return None  # "media have faced persecution": the subject suffers it
    return next((c for c in verb.children if c.dep_ == "dobj" and _blames(c)), None)


def _named_party(subj: Token) -> bool:
    """Whether a subject names a party: a state, people or organisation ("Cambodian troops",
    "Hamas"), or a state's forces or government ("government troops", "security forces")."""
    if subj.ent_type_ in ("GPE", "NORP", "ORG") or any(m.ent_type_ in ("GPE", "NORP", "ORG") for m in subj.children):
        return True
    return subj.lemma_.lower() in FORCE_NOUNS | STATE_BODY_HEADS and any(
        m.dep_ in ("compound", "amod") and m.lemma_.lower() in STATE_MODIFIERS for m in subj.children
    )


STATE_BODY_HEADS = words("state_body_heads")
STATE_MODIFIERS = words("state_modifiers")


def _known_person(tok: Token) -> bool:
    """A word of a dictionary person's name ("FM Iwaya"), or the family name of one named in the
    document ("PM Albanese" after "Prime Minister Anthony Albanese")."""
    people = tok.doc.user_data.get("dragoman.person_tokens")
    if people is None:
        matches = [m for m in tok.doc._.actor_matches or () if m.kind == "person"]
        people = {i for m in matches for i in range(m.start, m.end)}
        tok.doc.user_data["dragoman.person_tokens"] = people
        tok.doc.user_data["dragoman.person_surnames"] = {tok.doc[m.end - 1].text for m in matches if m.end - m.start > 1}
    return tok.i in people or (tok.pos_ == "PROPN" and tok.text in tok.doc.user_data["dragoman.person_surnames"])


def _np_lemmas(tok: Token) -> list[Token]:
    """The head, its compound/amod words, an of-object ('humanitarian aid', 'state of emergency')
    and an on-object ('restrictions on exports')."""
    out = [tok] + [c for c in tok.children if c.dep_ in ("compound", "amod")]
    # ("UN Secretary-General Guterres": a title the parser splits hangs its first word on its last)
    out += [g for c in out[1:] if c.dep_ == "compound" for g in c.children if g.dep_ == "compound"]
    if tok.lemma_.lower() in BLAME_NOUNS | STANCE_NOUNS:
        return out  # "conveyed condemnation of the attack": the attack is what is condemned, not conveyed
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "on"):
            out += [g for g in c.children if g.dep_ == "pobj"]
    return out


def reported_clauses(verb: Token) -> list[Token]:
    """The clauses a verb reports: its own complement, or one its stance object opens ("expressed
    the hope that India would present", "conveyed the expectation that the EU will")."""
    out = [c for c in verb.children if c.dep_ == "ccomp"]
    out += [cl for o in verb.children if o.dep_ == "dobj" and o.lemma_.lower() in STANCE_OBJECTS
            for cl in o.children if cl.dep_ in ("ccomp", "acl") and cl.pos_ in ("VERB", "AUX")]
    if not out and verb.dep_ in ("ccomp", "parataxis") and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in SPEECH_VERBS:
        # "Witkoff told reporters ...: Iran must end all enrichment", "'We will respond,' he said":
        # the parser makes the speech verb hang on what it reports
        out = [verb.head]
    return out


class VerbFeatures:
    """The dependents of one verb that patterns test, gathered once (lemma -> token)."""

    def __init__(self, tok: Token) -> None:
        children = list(tok.children)
        # (a particle after the object is often parsed as an adverb: "pushing the boat back")
        self.particles = {c.lower_: c for c in children if c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ in SEPARATED_PARTICLES and c.i > tok.i)}
        self.objects: dict[str, Token] = {}
        for o in _objects(tok):
            for w in _np_lemmas(o):
                self.objects.setdefault(w.lemma_.lower(), w)
            if o.i > 0 and o.doc[o.i - 1].text == "-" and o.ent_type_ != "PERSON":
                continue  # "holding an in-person summit": the word of a modifier the parser took for the object
            # (a plural demonym names people: "Armenians held in Baku")
            if o.ent_type_ == "PERSON" or o.lemma_.lower() in PERSON_NOUNS or _known_person(o) or o.lower_ in PERSONAL_PRONOUNS or (o.ent_type_ == "NORP" and o.tag_ == "NNPS"):
                self.objects.setdefault(PERSON, o)  # "@person": any person ("hosted Erdogan", "he was received")
        # preposition word -> (prep token, {object lemma -> token})
        self.preps: dict[str, tuple[Token, dict[str, Token]]] = {}
        for c in children:
            if c.dep_ == "prep" and _time_phrase(c):
                continue  # "On Wednesday, Macron called ...": a time, no preposition of the pattern
            if c.dep_ in ("prep", "agent", "dative") and c.lower_ not in self.preps:
                objs: dict[str, Token] = {}
                for g in c.children:
                    if g.dep_ in ("pobj", "pcomp"):
                        if g.tag_ in ("WDT", "WP") and tok.dep_ == "relcl" and tok.head.pos_ in NOUN_TAGS:
                            g = tok.head  # "the deal, from which the United States withdrew": the deal
                        for w in _np_lemmas(g):
                            objs.setdefault(w.lemma_.lower(), w)
                self.preps[c.lower_] = (c, objs)
        for c in children:
            # "pulled out of the deal", "walked away from the talks": a two-word preposition (the
            # parser hangs the second on the first, a preposition or an adverb)
            if c.dep_ in ("prep", "advmod", "prt") and not any(g.dep_ in ("pobj", "pcomp") for g in c.children):
                for inner in c.children:
                    if inner.dep_ == "prep":
                        objs = {w.lemma_.lower(): w for g in inner.children if g.dep_ in ("pobj", "pcomp") for w in _np_lemmas(g)}
                        self.preps.setdefault(f"{c.lower_} {inner.lower_}", (inner, objs))
        for c in children:
            # "called for Russia to agree": the subordinator of an infinitive clause works as a preposition
            if c.dep_ == "advcl":
                for m in c.children:
                    if m.dep_ == "mark" and m.lower_ == "for" and "for" not in self.preps:
                        subj = {g.lemma_.lower(): g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")}
                        self.preps["for"] = (m, subj)
        for c in children:
            # "proposed that Australia open its market": a that-clause works as a preposition
            # whose object is the clause's subject
            if c.dep_ == "ccomp" and "that" not in self.preps:
                mark = next((m for m in c.children if m.dep_ == "mark" and m.lower_ == "that"), None)
                if mark is not None:
                    self.preps["that"] = (mark, {g.lemma_.lower(): g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")})
        if "as" not in self.preps:
            # "dismissed the findings as controlled by the West", "dismissed X's response as
            # setting conditions": a predicative "as" the parser hangs on the object or makes a clause
            for c in children:
                hold = [p for n in (c, *c.conjuncts) for p in n.children if p.dep_ == "prep" and p.lower_ == "as"] if c.dep_ == "dobj" else []
                hold += [m for m in c.children if m.dep_ == "mark" and m.lower_ == "as"] if c.dep_ == "advcl" else []
                if hold:
                    self.preps["as"] = (hold[0], {g.lemma_.lower(): g for g in hold[0].children if g.dep_ in ("pobj", "pcomp")})
                    break
        self.ccomp_aux = {
            a.lower_: a for c in reported_clauses(tok) for a in c.children if a.dep_ in ("aux", "auxpass")
        }
        for c in reported_clauses(tok):
            # "says Washington needs to act", "said Kyiv has to withdraw": a need told of a named
            # subject is a "must"
            if c.lemma_.lower() in ("need", "have") and any(x.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in x.children) for x in c.children) and any(
                n.dep_ == "nsubj" and n.pos_ == "PROPN" for n in c.children
            ):
                self.ccomp_aux.setdefault("must", c)
        self.near_strict: dict[str, Token] = {}
        for c in children:
            # (a particle parsed as an adverb is a word of the phrase: "hit back with tariffs")
            if c.dep_ in PHRASE_DEPS or (c.dep_ == "advmod" and c.lower_ in SEPARATED_PARTICLES and c.i > tok.i):
                self.near_strict.setdefault(c.lemma_.lower(), c)
                self.near_strict.setdefault(c.lower_, c)
        self.near = dict(self.near_strict)
        for c in children:
            if c.dep_ in ("prep", "agent"):
                for g in c.children:
                    if g.dep_ == "pobj":
                        self.near.setdefault(g.lemma_.lower(), g)
                        self.near.setdefault(g.lower_, g)


def noun_as_verb(tok: Token) -> bool:
    """A present-tense verb in "-s" the tagger took for a plural noun: "Pakistan adheres to the
    principle and thanks China for its assistance" (a conjunct of a verb, with an object of its own)."""
    return (
        tok.tag_ == "NNS" and tok.dep_ == "conj" and tok.head.pos_ == "VERB" and tok.head.tag_ == "VBZ"
        and any(c.dep_ == "dobj" for c in tok.children) and not any(c.dep_ in ("det", "poss", "amod", "nummod") for c in tok.children)
    )


def said_content(noun: Token) -> bool:
    """Whether a noun has a clause of what it says: "the claim that the attack was orchestrated
    from Afghanistan" (not "the claim that he made", a relative clause on it)."""
    for c in noun.children:
        if c.dep_ == "acl" and c.tag_ == "VBN" and any(g.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in g.children) for g in c.children):
            return True  # "the claim made by the Chinese Embassy that ...": the clause hangs on the participle
        if c.dep_ in ("acl", "ccomp", "relcl") and c.pos_ in ("VERB", "AUX"):
            if any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
                return True
            if c.dep_ != "relcl" and not any(g.tag_ in ("WDT", "WP") for g in c.children):
                return any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
    return False


def _first(words: frozenset[str], found: dict[str, Token]) -> Token | None:
    hits = [found[w] for w in words if w in found]
    return min(hits, key=lambda t: t.i) if hits else None


def _match_verb(tok: Token, pat: Pattern, feats: VerbFeatures, strict: bool = False) -> tuple[Token, ...] | None:
    used: list[Token] = [tok]
    if pat.id.startswith("cv.") and pat.cameo.startswith("13") and any(c.dep_ == "auxpass" for c in tok.children) and any(c.dep_ == "agent" for c in tok.children):
        return None  # "the attack had been planned by militants": an act told as done, no threat
    if pat.transitive and not any(c.dep_ in ("dobj", "nsubjpass", "auxpass", "xcomp") for c in tok.children):
        return None  # "bushfires continue to burn", "the number of refugees declined": no one acts on anything
    if pat.control and not (
        any(c.dep_ == "dobj" and c.lemma_.lower() not in FORCE_NOUNS for c in tok.children)
        and any(c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") for c in tok.children)
    ):
        # "ordered the arrest of X" is no order to anyone; "ordered troops to withdraw" is a
        # command of one's own forces, coded by what they are to do
        return None
    if pat.evaluation == "statehood" and _statehood_complement(tok) is None:
        return None
    if pat.evaluation == "unrealised" and not _unrealised(tok):
        return None  # "Canada retaliated by announcing tariffs": the act, told by what was done
    if pat.evaluation == "price":
        paid = price_complement(tok)
        if paid is None:
            return None
        used.append(paid)
    if pat.evaluation == "negative":
        blame = negative_complement(tok)
        if blame is None:
            return None
        if blame.lemma_.lower() not in ALLEGED_ACTS:
            used.append(blame)  # (an act of violence stays an event of its own: the alleged act)
    if pat.particle:
        prt = feats.particles.get(pat.particle)
        if prt is None:
            return None
        used.append(prt)
    if pat.object:
        hit = _first(pat.object, feats.objects)
        if hit is None:
            return None
        if pat.content and not said_content(hit):
            return None  # "reiterated its claim to the islands": a standing claim, no allegation
        if _fixed_phrase(hit, head_ok=True):
            return None  # "ignored VOA requests for comment": a press inquiry, no demand
        used.append(hit)
    if pat.prep:
        entry = feats.preps.get(pat.prep)
        if entry is None and pat.object and not pat.prep_object and not pat.id.startswith("cv."):
            # ("held joint exercises with Japan": the parser may hang the phrase on the object)
            obj = next((w for w in used if w.lemma_.lower() in pat.object), None)
            prep_on_obj = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == pat.prep), None) if obj is not None else None
            entry = (prep_on_obj, {}) if prep_on_obj is not None else None
        if entry is None:
            return None
        prep_tok, objs = entry
        used.append(prep_tok)
        if pat.prep_object:
            hit = _first(pat.prep_object, objs)
            if hit is None:
                return None
            used.append(hit)
    if pat.complement_aux:
        aux = _first(pat.complement_aux, feats.ccomp_aux)
        if aux is None:
            return None
        # (a need told as a verb, "says every Rasta has to keep", is the clause's verb itself)
        verb = aux.head if aux.dep_ in ("aux", "auxpass") else aux
        ready = any(c.dep_ == "acomp" and c.lemma_.lower() in READY_ADJ for c in verb.children)  # "must be ready to mediate"
        if any(c.dep_ in ("nsubj", "nsubjpass") and _generic(c) for c in verb.children):
            return None  # "said one should not read too much into it": asked of no one
        if (verb.lemma_.lower() in STATIVE and not ready) or (
            any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) and not _owner_must_act(verb)
        ):
            return None  # "must understand", "should be revitalised": no act demanded of anyone
        used.append(aux)
    if pat.extra:
        near = feats.near_strict if strict else feats.near
        for word in pat.extra:
            hit = near.get(word)
            if hit is None:
                return None
            used.append(hit)
    return tuple(sorted(set(used), key=lambda t: t.i))


def light_frame(noun: Token) -> Token:
    """The head an event noun leaves its act to ("a new package of sanctions", "any act of
    aggression", "a wave of arrests"): it stands where the event's parties and modifiers are found;
    else the noun itself."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lemma_.lower() in LIGHT_HEADS and prep.head.i != prep.i:
        return prep.head
    return noun


def framed_event(head: Token) -> Token | None:
    """The event noun a light head leaves its act to ("any act of aggression": aggression), or None."""
    if head.lemma_.lower() not in LIGHT_HEADS:
        return None
    return next((o for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"), None)


def _match_noun(tok: Token, pat: Pattern) -> tuple[Token, ...] | None:
    # ("any act of aggression against Iran": the preposition may sit on the head the noun leaves its act to)
    frame = light_frame(tok)
    holders = [tok] if frame is tok else [tok, frame]
    if pat.prep and not any(c.dep_ == "prep" and c.lower_ == pat.prep for h in holders for c in h.children):
        return None
    if pat.prep and pat.prep_object and not any(
        g.lemma_.lower() in pat.prep_object for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == pat.prep
        for o in c.children if o.dep_ == "pobj" for g in (o, *(p2 for p2 in o.children if p2.dep_ == "compound"))
    ):
        return None  # "restrictions on exports" (a sanction), not "restrictions on women"
    if pat.content and not (said_content(tok) and owned_claim(tok)):
        return None  # "Pakistan's claim that Kabul shelters militants", not "its claim to the islands"
    if not pat.extra:
        return (tok,)
    n = len(pat.extra)
    start = tok.i - n
    if start < sent_of(tok).start:
        return None
    doc = tok.doc
    words = [doc[i] for i in range(start, tok.i)]
    if [w.lemma_.lower() for w in words] != list(pat.extra) and [w.lower_ for w in words] != list(pat.extra):
        return None
    return (*words, tok)


FIXED_PHRASES = [tuple(p.split()) for p in words("fixed_phrases")]


def _detained_person(tok: Token) -> bool:
    """"jailed publisher Jimmy Lai", "imprisoned former Prime Minister Imran Khan": a participle of
    detention before a person names the detention."""
    head = tok.head
    return (
        tok.dep_ == "amod" and tok.tag_ == "VBN" and tok.lemma_.lower() in DETENTION and head.i > tok.i
        and any(t.ent_type_ == "PERSON" or t.lemma_.lower() in PERSON_NOUNS for t in (head, head.head) if t.i >= head.i)
    )


def _time_phrase(prep: Token) -> bool:
    """A preposition whose objects are all dates or times ("on Wednesday", "in March")."""
    objs = [g for g in prep.children if g.dep_ == "pobj"]
    # ("for a week of nationwide protests": a span that names what fills it is no bare time)
    return bool(objs) and all(g.ent_type_ in ("DATE", "TIME") and not any(c.dep_ == "prep" and c.lower_ == "of" for c in g.children) for g in objs)


def _fixed_phrase(tok: Token, head_ok: bool = False) -> bool:
    """A word inside a fixed phrase ("as opposed to", "when it comes to") names no event; with
    ``head_ok``, a word that ends its phrase ("charge d'affaires") is the phrase's own head (an
    object a pattern may name)."""
    doc = tok.doc
    for phrase in FIXED_PHRASES:
        for k, w in enumerate(phrase):
            if w != tok.lower_ or (head_ok and k == len(phrase) - 1):
                continue
            start = tok.i - k
            if start >= 0 and start + len(phrase) <= len(doc) and all(doc[start + j].lower_ == phrase[j] for j in range(len(phrase))):
                return True
    return False


def _idiom(tok: Token) -> bool:
    """Event nouns inside idioms: 'a great deal of', 'a good deal of', 'in protest' is no event
    noun of its own (the verb it modifies is); a protest received ("summoned to receive a formal
    protest") is the summoner's, told by the summons."""
    if tok.lemma_.lower() == "protest" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in ("receive", "accept"):
        return True
    if tok.lower_ in ("deal", "deals"):
        mods = {c.lower_ for c in tok.children}
        return bool(mods & {"great", "good"}) and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
    return False


def habitual(tok: Token) -> bool:
    """A habit or generic statement ("routinely denies backing the Taliban", "usually mediates",
    "frequently conducts bombings"): an adverb of habit on the word or on the verb it depends on
    (codebook: habitual or generic claims get no line)."""
    heads = [tok] if tok.head.i == tok.i or tok.head.pos_ not in ("VERB", "AUX") else [tok, tok.head]
    return any(c.dep_ == "advmod" and c.lower_ in HABITUAL for t in heads for c in t.children)


def sought(tok: Token) -> bool:
    """An event noun an infinitive of attainment seeks ("the campaign to secure his father's
    release", "help push for Lai's release", "would be able to secure Lai's release"): a goal, not
    an event (words.yaml attainment_verbs; "China secured the release" is finite: it happened)."""
    if tok.pos_ != "NOUN":
        return False
    if tok.dep_ == "dobj":
        verb = tok.head
    elif tok.dep_ == "pobj" and tok.head.lower_ in ("for", "toward", "towards") and tok.head.dep_ == "prep":
        verb = tok.head.head
    else:
        return False
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in ATTAINMENT:
        return False
    return verb.dep_ == "xcomp" or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _no_custody(verb: Token) -> bool:
    """Whether holding a person tells no detention (words.yaml custody_exceptions): a hostage held
    (the hostage-taking is its own event), someone held responsible (blame), or a place that can
    hold people (its capacity). A simple present tells a standing practice, no detention told
    ("the United States holds migrants at Guantanamo Bay"; codebook: habitual claims get no line)."""
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    words_ = [o.lemma_.lower() for o in _objects(verb)]
    words_ += [c.lemma_.lower() for c in verb.children if c.dep_ in ("nsubj", "oprd", "acomp", "ccomp", "xcomp", "attr")]
    words_ += [g.lemma_.lower() for c in verb.children if c.dep_ in ("oprd", "ccomp", "xcomp") for g in c.children if g.dep_ in ("acomp", "attr", "oprd")]
    return any(w in CUSTODY_EXCEPTIONS for w in words_)


def _measure_doer(verb: Token) -> bool:
    """A verb whose doer is a measure (words.yaml measure_nouns): its subject, or the noun its
    participle modifies ("legislation targeting Turkey")."""
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBG":
        doers.append(verb.head)
    if verb.dep_ == "relcl" and any(c.tag_ in ("WDT", "WP") and c.dep_ == "nsubj" for c in verb.children):
        doers.append(verb.head)  # "its tariffs, which ... are targeting products"
    return any(d.lemma_.lower() in MEASURES for d in doers)


def _quarrel(tok: Token) -> bool:
    """A fight "between" named persons alone is a quarrel, not violence ("the Oval Office clash
    between Trump and Zelenskyy"); the parser may take the noun for a verb."""
    if tok.lemma_.lower() not in QUARREL_WORDS:
        return False
    between = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "between" for g in c.children if g.dep_ == "pobj"]
    people = [t for g in between for t in (g, *g.conjuncts)]
    return len(people) >= 2 and all(t.ent_type_ == "PERSON" or _known_person(t) for t in people)


def _met_by_force(tok: Token) -> bool:
    """A passive "met" whose other side is a thing or unnamed force ("were met with tear gas",
    "was met by armed men", "the plan was met with criticism"): a confrontation or a reception of
    an idea, no meeting for talks."""
    if tok.lemma_.lower() != "meet" or not any(c.dep_ == "auxpass" for c in tok.children):
        return False
    others = [g for c in tok.children if c.dep_ in ("agent", "prep") and c.lower_ in ("by", "with") for g in c.children if g.dep_ == "pobj"]
    return bool(others) and all(
        g.pos_ == "NOUN" and not g.ent_type_ and (g.lemma_.lower() in FORCE_NOUNS | CONFRONTING or g.lemma_.lower() not in PERSON_NOUNS | ACTOR_BODIES)
        for g in others
    )


def _topic_noun(tok: Token, index: PatternIndex | None = None) -> bool:
    """An event noun that only names a topic of another noun: 'the importance of cooperation',
    'potential for collaboration', 'prospects for peace talks'."""
    if tok.dep_ == "dobj" and tok.head.dep_ in ("acl", "relcl") and tok.head.head.lemma_.lower() in WAY_NOUNS:
        return True  # 'discussed ways to advance cooperation'
    if tok.dep_ == "dobj" and tok.head.dep_ == "pcomp":
        tok = tok.head  # 'prospects for enhancing collaboration'
    elif tok.dep_ != "pobj":
        return False
    prep = tok.head
    owner = prep.head
    if owner.lemma_.lower() in BLAME_NOUNS | PRAISE_NOUNS:
        return False  # "concern about the detention of X", "gratitude for its assistance": told, not a topic
    if owner.lemma_.lower() in INVOLVEMENT_NOUNS and prep.lower_ in ("for", "in"):
        return False  # "claimed responsibility for the attack", "denied any role in the coup": the act itself
    if tok.lemma_.lower() in CHARGE_NOUNS:
        return False  # "on trial on charges of fraud": the charges are brought, not a topic
    if planned_noun(tok):
        return False  # "arrangements for an upcoming visit by the Crown Prince": a planned event
    if owner.lemma_.lower() in OCCASION_NOUNS:
        return False  # "on the sidelines of the G20 summit": the summit took place
    if owner.lemma_.lower() in RESULT_NOUNS and prep.lower_ == "of":
        return False  # "the outcomes of the state visit of President Tinubu": the visit took place
    if owner.lemma_.lower() in MEETING_PHASES and prep.lower_ == "of" and index is not None and index.meeting_noun(tok.lemma_.lower()):
        return False  # "at the end of talks in Doha": the talks (a meeting noun of the lexicon) took place
    return prep.lower_ in ("of", "for", "about", "on", "to") and owner.pos_ in NOUN_TAGS and owner.lemma_ not in LIGHT_HEADS and owner.i != prep.i


def occasion(noun: Token) -> bool:
    """A meeting noun naming the occasion of another event: "on the sidelines of the G20 summit",
    "agreed at talks hosted by Malaysia", "during the ASEAN ministers' meeting"."""
    if noun.dep_ != "pobj":
        return False
    prep = noun.head
    return prep.lower_ in ("at", "during") or (prep.lower_ == "of" and prep.head.lemma_.lower() in OCCASION_NOUNS | MEETING_PHASES)


def planned_noun(noun: Token) -> bool:
    """An event noun told as planned by a modifier ("an upcoming visit", "the next round") or by a
    clause of planning ("the Annual Summit to be held in Japan", "the review scheduled for 2026")."""
    frame = light_frame(noun)  # ("the next round of the dialogue": the round's modifiers)
    if any(c.dep_ in ("amod", "compound") and c.lower_ in FUTURE_MODIFIERS for t in {noun, frame} for c in t.children):
        return True
    # the clause on the noun; the parser may hang it on a verb higher up, but it starts right
    # after the noun ("work for the Summit to be held in Japan")
    after = noun.right_edge.i + 1
    clauses = [c for c in noun.children if c.dep_ in ("acl", "relcl")]
    if after < len(noun.doc):
        clauses += [v for v in noun.doc[after].ancestors if v.dep_ in ("advcl", "xcomp", "acl") and v.left_edge.i == after][:1]
    return any(
        # (a clause with a subject of its own tells content: "the allegation that the attack was planned")
        c.lemma_.lower() in PLANNING_PARTICIPLES and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) and (
            (c.tag_ == "VBN" and c.lemma_.lower() in FORWARD_PARTICIPLES) or any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
        )
        for c in clauses
    )


def _asks_a_question(verb: Token) -> bool:
    """"ask" reporting a question, not making a request: no one asked to act or for anything, and
    the clause it reports opens with a question word or "whether"/"if"."""
    # ("asked the elder Lai if he agreed": a person asked a question is asked no act)
    if any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "for") for c in verb.children):
        return False
    # (the parser may hang "if he agreed" as an adverbial clause)
    clauses = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis") or (c.dep_ == "advcl" and c.i > verb.i)]
    if verb.dep_ in ("parataxis", "ccomp") and verb.head.i < verb.i:
        clauses.append(verb.head)  # "What ... ?" she asked: the question is the head clause
    for cl in clauses:
        first = cl.doc[cl.left_edge.i]
        if first.tag_ in ("WP", "WDT", "WRB", "WP$") or any(m.dep_ == "mark" and m.lower_ in ("whether", "if") for m in cl.children):
            return True
    return False


def participle_agents(participle: Token) -> list[Token]:
    """The agent of a noun's past participle ("the tariffs imposed by the United States"); an
    honorific parsed as the pronoun "he" stands for the name beside it ("an invitation extended
    by HE Dr. Al-Khulaifi")."""
    agents = [g for a in participle.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
    return [next((c for c in g.children if c.dep_ == "appos"), g) if honorific(g) else g for g in agents]


def reduced_participle(tok: Token) -> bool:
    """A past participle that modifies a noun with no clause of its own ("the tariffs imposed by the
    United States"), not a clause the parser hung on the noun ("the claim that the missile had been
    supplied by Iran")."""
    return tok.dep_ == "acl" and tok.tag_ == "VBN" and not any(g.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for g in tok.children)


def participle_doers(noun: Token) -> list[Token]:
    """Who does what a noun names, by the agent of its participle ("the airstrikes carried out by the
    Zionist regime", "the claim made by the Chinese Embassy", "hostages held by Hamas")."""
    return [g for c in noun.children if reduced_participle(c) for g in participle_agents(c)]


def owned_claim(noun: Token) -> bool:
    """A claim noun whose owner is named ("rejected Pakistan's allegation", "denied the accusations
    by Kabul"): a nominal mention of that owner's accusation (codebook: nominal mentions are coded)."""
    return bool(claim_owners(noun))


def claim_owners(noun: Token) -> list[Token]:
    """Who a claim noun is told of: its named owner ("Pakistan's claim"), a "by", "from" or "of"
    phrase ("the accusations by Kabul", "the claim of Israeli officials") or the agent of its
    participle ("the claim made by the Chinese Embassy")."""
    named = ("GPE", "NORP", "ORG", "PERSON")

    def is_named(t: Token) -> bool:
        return t.ent_type_ in named or t.pos_ == "PROPN" or any(m.dep_ in ("amod", "compound") and m.ent_type_ in named for m in t.children)

    owners = [c for c in noun.children if c.dep_ == "poss" and (c.ent_type_ in named or c.pos_ == "PROPN")]
    owners += [g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from", "of") for g in c.children if g.dep_ == "pobj" and is_named(g)]
    owners += [g for g in participle_doers(noun) if is_named(g)]
    return owners


def _denial(tok: Token, lemma: str) -> bool:
    as_words = [w for c in tok.children if c.dep_ == "prep" and c.lower_ == "as" for w in c.subtree]
    if as_words and not any(w.lemma_.lower() in DENIAL_WORDS for w in as_words):
        return False  # "dismissed the findings as propaganda": a criticism of who made them ("as groundless" denies)
    if lemma in DENIALS and any(c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "dobj" and c.tag_ == "VBG") for c in tok.children):
        return True
    if lemma not in CLAIM_REJECTIONS:
        return False
    if any(c.dep_ == "dobj" and _antecedent(c).lemma_.lower() in CLAIM_NOUNS for c in tok.children):
        return True
    if lemma in DENIALS and any(c.dep_ == "dobj" and c.lemma_.lower() in INVOLVEMENT_NOUNS for c in tok.children):
        return True  # "denied any Iranian involvement": the act denied, no refusal
    if lemma in DENIALS and any(c.dep_ == "dobj" and _antecedent(c).lemma_.lower() in VIOLENCE for c in tok.children):
        return True  # "the killings, which the police have denied": an act denied, no refusal
    # "a charge New Delhi quickly rejected": a clause on a claim with its object left unsaid
    return tok.dep_ == "relcl" and tok.head.lemma_.lower() in CLAIM_NOUNS and not any(c.dep_ == "dobj" for c in tok.children)


def denied_claim(tok: Token) -> Token | None:
    """The noun of a claim a verb denies with no clause of what the claim says ("rejected the
    accusations", "dismissed the allegations", "denied any Iranian involvement", "a charge New
    Delhi rejected"): the claim was told before; None when ``tok`` denies no such noun."""
    if tok.pos_ not in VERB_TAGS or not _denial(tok, tok.lemma_.lower()):
        return None
    if any(c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "dobj" and c.tag_ == "VBG") for c in tok.children):
        return None  # "denied attacking the convoy": the denied act is in the clause
    nouns = [_antecedent(c) for c in tok.children if c.dep_ == "dobj"]
    if not nouns and tok.dep_ == "relcl":
        nouns = [tok.head]
    for noun in nouns:
        lemma = noun.lemma_.lower()
        if lemma not in CLAIM_NOUNS | INVOLVEMENT_NOUNS:
            continue
        if any(
            c.dep_ in ("acl", "relcl", "ccomp") and c.i != tok.i and c.pos_ in VERB_TAGS
            and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
            for c in noun.children
        ):
            # "rejected claims that it attacked": the claim's own clause is coded, negated ("the
            # allegations repeated by the army" say nothing of their own)
            continue
        return noun
    return None


def _antecedent(tok: Token) -> Token:
    """The noun a relative pronoun stands for ("a report ... which Moscow denied": the report)."""
    verb = tok.head
    if tok.tag_ in ("WDT", "WP") and verb.dep_ == "relcl" and verb.head.pos_ in NOUN_TAGS:
        noun = verb.head
        if noun.ent_type_ in ("DATE", "TIME") and noun.dep_ == "pobj" and noun.head.head.pos_ in NOUN_TAGS:
            noun = noun.head.head  # "a report in February, which Moscow denied": the report
        return noun
    return tok


def head_words(doc: Doc, heads: AbstractSet[str]) -> list[int]:
    """The indices of the words whose lemma (lower-cased) or lower-case form is in ``heads``, in
    order: read from the Doc's arrays, with no Token made for the other words."""
    strings = doc.vocab.strings
    known: dict[tuple[int, int], bool] = {}
    out = []
    for i, key in enumerate(map(tuple, doc.to_array([LEMMA, LOWER]).tolist())):
        hit = known.get(key)
        if hit is None:
            hit = known[key] = strings[key[0]].lower() in heads or strings[key[1]] in heads
        if hit:
            out.append(i)
    return out


def find_triggers(sent: Span, index: PatternIndex, words: Sequence[int] | None = None) -> list[Trigger]:
    """Every token of ``sent`` that heads a trigger, with its best pattern. ``words``: the
    :func:`head_words` of the sentence's Doc, when known (only those words are looked at)."""
    out: list[Trigger] = []
    doc = sent.doc
    toks = sent if words is None else (doc[i] for i in words[bisect_left(words, sent.start) : bisect_left(words, sent.end)])
    for tok in toks:
        lemma = tok.lemma_.lower()
        if lemma not in index.heads and tok.lower_ not in index.heads:
            continue
        if (tok.pos_ in VERB_TAGS and (tok.dep_ != "amod" or misparsed_finite(tok) or _detained_person(tok)) and not (tok.dep_ == "pcomp" and tok.head.head.pos_ in NOUN_TAGS and not object_control_misparse(tok))) or noun_as_verb(tok):
            # a participle used as an adjective names no event ("UN-brokered deal", "US-backed forces"),
            # nor does a gerund inside a noun's phrase ("the importance of strengthening ties")
            pos = "VERB"
        elif tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "ROOT", "conj", "ccomp") and lemma in STANCE_ADJ:
            # "is deeply concerned about", "was critical of": the adjective triggers like a verb
            pos = "VERB"
        elif tok.pos_ in NOUN_TAGS and (tok.dep_ not in ("compound", "amod", "nmod") or tok.head.lemma_ in LIGHT_HEADS) and not _topic_noun(tok, index) and not _idiom(tok):
            # a noun modifying another noun names no event ("war crimes court", "ceasefire committee")
            pos = "NOUN"
        else:
            continue
        if pos == "NOUN" and tok.dep_ == "dobj" and tok.lemma_.lower() in CLAIM_NOUNS and _denial(tok.head, tok.head.lemma_.lower()) and not owned_claim(tok):
            continue  # "rejected the accusations": whose accusations is not said here
        if pos == "VERB" and _denial(tok, lemma):
            # "denied attacking the convoy", "rejected the accusations": the denied event is coded,
            # negated; the denial is no event (not a REJECT)
            continue
        if _fixed_phrase(tok) or _quarrel(tok) or _met_by_force(tok):
            continue
        if pos == "VERB" and lemma == "ask" and _asks_a_question(tok):
            continue  # "What has a child done, she asked", "asked whether talks would resume"
        if tok.dep_ in ("ccomp", "advcl") and tok.head.lemma_.lower() == "ask" and any(
            m.dep_ == "mark" and m.lower_ in ("whether", "if") for m in tok.children
        ) and _asks_a_question(tok.head):
            continue  # what a question asks about is not told ("asked Lai if he agreed with the charges")
        if not index.has(pos, lemma):
            lemma = tok.lower_
        feats = VerbFeatures(tok) if pos == "VERB" else None
        if feats is not None:
            keys = [f"o:{o}" for o in feats.objects] + [f"p:{p}" for p in feats.preps] + [f"t:{t}" for t in feats.particles]
            cands = index.candidates_for(pos, lemma, keys)
        else:
            cands = index.candidates(pos, lemma)
        found = None
        if feats is not None:
            # phrase words as direct dependents first ("expressed appreciation for ... willingness")
            strict = [(p, u) for p in cands if p.extra for u in [_match_verb(tok, p, feats, strict=True)] if u]
            if strict:
                # the most specific pattern, then the one whose words are nearest the verb
                found = min(strict, key=lambda pu: (-pu[0].specificity, sum(abs(t.i - tok.i) for t in pu[1])))
        if found is None:
            for pat in cands:
                used = _match_verb(tok, pat, feats) if feats is not None else _match_noun(tok, pat)
                if used is not None:
                    found = (pat, used)
                    break
        if found is not None and found[0].id.startswith("cv.") and found[0].event != "NONE":
            # a pattern of the project's own of the same event type goes first: PETRARCH's
            # patterns code only between two named parties (EventCoder), the project's also
            # one-sided acts ("Bangladesh declined the offer")
            for pat in cands:
                if not pat.id.startswith("cv.") and pat.event == found[0].event:
                    used = _match_verb(tok, pat, feats) if feats is not None else _match_noun(tok, pat)
                    if used is not None:
                        found = (pat, used)
                        break
        if found is not None and found[0].id.startswith("cv.") and found[0].object and feats is not None:
            # "deepen defence cooperation": PETRARCH's "deepen defence" (military aid) names the
            # modifier of an object another pattern names by its head ("deepen cooperation")
            mods = [t for t in found[1] if t.dep_ in ("compound", "amod") and t.head.dep_ == "dobj" and t.head.head.i == tok.i]
            for pat in cands if mods else ():
                if pat is not found[0] and pat.object:
                    used = _match_verb(tok, pat, feats)
                    if used is not None and mods[0].head in used:
                        found = (pat, used)
                        break
        if found is not None and found[0].id == "coerce.hold_person" and _no_custody(tok):
            continue  # "holding 200 hostages", "held Moscow responsible", "the prison can hold 130 detainees"
        if found is not None and found[0].event == "ASSAULT" and pos == "VERB" and _measure_doer(tok):
            continue  # "these sanctions target those who ...", "legislation targeting Turkey"
        if found is not None and found[0].event != "NONE":  # (data/events/non_events.yaml)
            out.append(Trigger(tok, found[0], found[1]))
    return out
