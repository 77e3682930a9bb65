"""Find the actor and recipient words of a trigger on the dependency tree."""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from spacy.tokens import Token

from ..parse import (
    conj_out_of_clause,
    honorific,
    misparsed_controller,
    misparsed_finite,
    passive_subjects,
    relative_clause,
    summed_act,
    summed_act_doers,
)
from ..sentences import sent_of
from ..words import words
from .modality import intended_infinitive, weighed
from .triggers import (
    ACTOR_BODIES,
    PERSON,
    PERSON_NOUNS,
    Trigger,
    claim_owners,
    framed_event,
    light_frame,
    owned_claim,
    participle_agents,
    reduced_participle,
    reported_clauses,
)
from .triggers import VIOLENCE as VIOLENCE_NOUNS

SUBJ_DEPS = {"nsubj", "csubj"}
# clauses whose missing subject is the governing clause's subject ("agreed to meet", "met and agreed")
CONTROL_DEPS = {"xcomp", "advcl", "conj", "acl", "pcomp", "relcl"}
RECIPIENT_PREPS = {"with", "against", "on", "to", "toward", "towards", "at", "into", "upon", "between", "from", "over"}
NOUN_RECIPIENT_PREPS = {"with", "against", "on", "to", "toward", "towards", "at", "into", "upon", "between", "for", "from", "over", "of", "off"}
# what a blamed act is aimed at names its victim, not the one blamed ("condemned the attack on the
# Turkish embassy")
BLAME_TARGET_PREPS = frozenset({"on", "against", "toward", "towards"})
# events whose noun names its doer with "from" ("criticism from rights groups", "aid from Japan");
# for others "from" is a place left ("withdrawal from Syria", "deportation from the US")
SOURCE_FROM_EVENTS = {"ACCUSE", "SUPPORT", "REQUEST", "AID", "THREATEN", "REJECT", "AGREE", "PROTEST"}
# prepositions after an object whose verb the object does ("accused X of attacking", "blamed X for",
# "charged X with", "prevented X from"); "by" stays with the subject ("retaliated by striking")
OBJECT_CONTROL_PREPS = {"of", "for", "with", "from", "into", "against"}
# verbs with an object whose infinitive the subject still does ("promised Iran to lift")
SUBJECT_CONTROL = {"promise", "vow", "pledge", "threaten"}
OBJECT_ROLES = {"to", "for", "with", "against", "on", "toward", "towards"}
SPEECH_NOUNS = words("speech_nouns")
LIGHT_VERBS = words("light_verbs")
INVOLVEMENT_NOUNS = words("involvement_nouns")
RECEIVING_VERBS = words("receiving_verbs")
ACQUIRING_VERBS = words("acquiring_verbs")
TO_TAKING_VERBS = words("to_taking_verbs")
STANCE_ADJ = words("stance_adjectives")
PATIENT_NOUNS = words("patient_nouns")
EXPULSION_NOUNS = words("expulsion_nouns")
DECISION_NOUNS = words("decision_nouns")
BEING_VERBS = words("being_verbs")
CHARGE_NOUNS = words("charge_nouns")
FACING_VERBS = words("facing_verbs")
# prepositions of a time adjunct whose event noun the clause's subject does ("during a visit to X")
ADJUNCT_PREPS = {"during", "on", "after", "before", "following", "amid", "ahead", "since", "throughout"}
ENACTING = words("enacting_verb_phrases")
CLAIM_WORDS = words("claim_nouns")
HOSTING_VERBS = words("hosting_verbs")
WEAPON_WORDS = words("weapon_words")
ADVERSATIVE_PURPOSE = words("adversative_purpose_verbs")
LEADING_PARTICIPLES = words("leading_participles")
STATE_VERBS = {"be", "remain", "stay", "keep", "die", "live", "end", "result", "lie", "sit", "languish"}


@dataclass
class Arguments:
    actors: list[Token]
    recipients: list[Token]
    passive: bool = False


def pobjects(prep: Token) -> list[Token]:
    """The objects of a preposition; when the parse left it without one ("granted asylum to five
    officers holed up in ...", the noun made the subject of the next verb), the noun after it."""
    objs = [g for g in prep.children if g.dep_ == "pobj"]
    # "talks with Lavrov and with Kallas": a preposition joined to it adds its objects
    objs += [g for c in prep.conjuncts if c.dep_ == "conj" and c.lower_ == prep.lower_ for g in c.children if g.dep_ == "pobj"]
    if objs:
        return objs
    doc = prep.doc
    for i in range(prep.i + 1, min(prep.i + 6, len(doc))):
        tok = doc[i]
        if tok.pos_ in ("NOUN", "PROPN"):
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.i > tok.i:
                return [tok]
            if tok.dep_ not in ("compound", "amod", "nmod"):
                return []
        elif tok.pos_ in ("VERB", "AUX", "PUNCT", "ADP"):
            return []
    return []


def _with_conjuncts(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for t in tokens:
        for c in coordinated_parties(t):
            if c not in out and c.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "ADJ", "X"):
                out.append(c)
    return out


def _bare_title(tok: Token) -> bool:
    """A capitalised title with no determiner or owner of its own ("Minister of Foreign Affairs")."""
    return tok.pos_ == "PROPN" and tok.is_title and not any(c.dep_ in ("det", "poss") for c in tok.children)


def coordinated_parties(tok: Token) -> list[Token]:
    """The members of a coordination that stand for parties. Titles joined before the one name they
    describe are one person: the first title when the name stands in apposition ("Qatar's Prime
    Minister and Minister of Foreign Affairs, Sheikh Mohammed ..."), the name when it is joined
    last ("Deputy Prime Minister and Minister of Foreign Affairs Antonio Tajani")."""
    *titles, last = (tok, *tok.conjuncts)
    if titles and last.ent_type_ == "PERSON" and any(c.dep_ == "compound" and c.ent_type_ == "PERSON" for c in last.children) and all(
        _bare_title(m) and m.lemma_.lower() in PERSON_NOUNS and m.ent_type_ != "PERSON" for m in titles
    ):
        return [last]
    return [m for m in (*titles, last) if not joint_title(m)]


def joint_title(tok: Token) -> bool:
    """A title joined to another that a name in apposition describes with it (the title dropped)."""
    if tok.dep_ != "conj" or not _bare_title(tok):
        return False
    first = tok.head
    return first.pos_ == "PROPN" and first.is_title and any(
        c.dep_ == "appos" and c.i > tok.i and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN") for c in first.children
    )


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _agent(verb: Token) -> list[Token]:
    for c in verb.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
            return [g for g in c.children if g.dep_ == "pobj"]
    # "is designated as a terrorist organization by the United States": the parser hangs the
    # by-phrase on the noun of the verb's "as" phrase
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "as":
            for noun in c.children:
                if noun.dep_ == "pobj":
                    for p in noun.children:
                        if p.dep_ == "prep" and p.lower_ == "by":
                            return [g for g in p.children if g.dep_ == "pobj"]
    return []


def relative_object(verb: Token) -> Token | None:
    """The noun an object relative clause modifies, the verb's object: "diplomats [that] it
    accused" (the clause has a subject of its own and no object but a relative pronoun); else None."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN") or verb.head.i > verb.i or is_passive(verb):
        return None
    if not any(c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") for c in verb.children):
        return None
    if any(c.dep_ == "dobj" and c.tag_ not in ("WDT", "WP") for c in verb.children):
        return None
    if any((c.dep_ == "prep" and c.i < verb.i) or c.tag_ == "WRB" for c in verb.children):
        return None  # "the city in which it fought", "the hospital where she had gone"
    return verb.head


def _in_presence_of(verb: Token) -> list[Token]:
    """'In the presence of the two ministers, agreements were signed': those present do it."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "under"):
            for g in c.children:
                if g.dep_ == "pobj" and g.lemma_.lower() in ("presence", "auspices"):
                    return [o for p in g.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    return []


def subject_of(verb: Token, depth: int = 0) -> list[Token]:
    """The acting subject of a verb: its subject, passive agent, or a controlling clause's subject."""
    if verb.lemma_.lower() in STANCE_ADJ:
        # "Britain was concerned by ...", "Japan is deeply concerned about ...": who feels it acts
        own = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if own:
            return own
        if verb.dep_ == "acomp" and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
            return subject_of(verb.head, depth + 1)
    if is_passive(verb):
        agent = _agent(verb) or _in_presence_of(verb)
        if agent or not _stative(verb):
            # "three civilians were killed": the doer is unknown unless a by-phrase names it
            return agent
        # "Vietnam is committed to opening up": a state of the subject, who is the actor
        return [c for c in verb.children if c.dep_ == "nsubjpass"]
    subj = [c for c in verb.children if c.dep_ in SUBJ_DEPS]
    # "HE the Minister of State called on": the title the honorific is parsed to govern or stand beside
    subj = [next((a for a in c.children if a.dep_ == "appos"), c) if honorific(c) else c for c in subj]
    subj = [c for c in subj if not honorific(c)] or subj
    # a participle parsed as the subject ("The Red Cross operating in Iraq said"): its own subject
    subj = [next((g for g in s.children if g.dep_ == "nsubj"), s) if s.pos_ == "VERB" else s for s in subj]
    if subj:
        # relative pronoun subject: "the group, which attacked": the noun modified
        if subj[0].tag_ in ("WDT", "WP") and (rel := relative_clause(verb)) is not None:
            noun = rel.head
            if noun.dep_ == "attr" and noun.head.lemma_ == "be" and noun.lemma_.lower() in COPULA_REFERENTS:
                # "Putin is the one who started this war": the copula's subject
                own = [c for c in noun.head.children if c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN", "PRON")]
                if own:
                    return own
            return [_violent_antecedent(noun)]
        return subj
    if depth > 4:
        return []
    head = verb.head
    if head.i == verb.i:
        return []
    if verb.dep_ == "relcl":
        return [head]
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and head.pos_ in ("NOUN", "PROPN") and _agent(verb):
        return _agent(verb)  # "soldiers, supported by the U.S. military": the agent does it
    if intended_infinitive(verb):
        # "Japan's intention to extend aid": its owner; "expressed the readiness to host talks":
        # whoever voices it
        owner = [c for c in head.children if c.dep_ == "poss"]
        if owner:
            return owner
        if head.head.i != head.i and head.head.pos_ in ("VERB", "AUX") and head.dep_ in ("dobj", "nsubjpass"):
            return subject_of(head.head, depth + 1)
        return []
    if verb.dep_ == "acl" and head.pos_ == "NOUN" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and not any(
        c.dep_ == "prep" and c.lower_ in ("to", "for", "on") for c in head.children if c.i < verb.i
    ):
        # "the EU's decision to lift sanctions", "Russia's refusal to withdraw": the owner of the
        # noun does its infinitive (not so when the noun is addressed: "the UN's call on Israel to");
        # "the US decision to lift": a name before the noun owns it too
        owner = [c for c in head.children if c.dep_ == "poss"] or [
            c for c in head.children if c.dep_ in ("compound", "amod") and c.i < head.i and c.ent_type_ in ("GPE", "NORP", "ORG")
        ] or (_decision_maker(head) if head.lemma_.lower() in DECISION_NOUNS else [])
        if owner:
            return owner
    if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
        if head.lemma_.lower() in SPEECH_NOUNS and head.head.i != head.i and head.head.pos_ in ("VERB", "AUX"):
            # "issued a declaration demanding ...": whoever issued it
            return subject_of(head.head, depth + 1)
        # "forces loyal to X attacking Y": the noun is the doer of a participle; a past-tense verb
        # parsed as the noun's clause ("Israeli airstrikes killed 12 people, officials said")
        if verb.tag_ in ("VBG", "VBD") or (verb.tag_ == "VBN" and any(c.dep_ == "dobj" for c in verb.children)):
            return [head]
        return []
    if verb.dep_ == "pcomp":
        # "by attacking": climb over the preposition; "accused Israel of attacking", "blamed Kyiv
        # for shelling": with an object before the preposition, the object does it (object control)
        prep = _first_of_parallel(head)
        controller = misparsed_controller(verb)
        if controller is not None:
            return [controller]  # "accused Armenian forces of firing": the parser hung "of" on the object
        if prep.head.i != prep.i:
            obj = [c for c in prep.head.children if c.dep_ == "dobj" and c.i < prep.i]
            if obj and head.lower_ in OBJECT_CONTROL_PREPS and prep.head.pos_ in ("VERB", "AUX"):
                return obj
            return subject_of(prep.head, depth + 1)
        return []
    if verb.dep_ == "xcomp" and head.pos_ in ("VERB", "AUX") and head.lemma_.lower() not in SUBJECT_CONTROL:
        # "urged Iran to release", "asked Israel to allow": the object does what is asked
        obj = [c for c in head.children if c.dep_ in ("dobj", "dative") and c.i < verb.i]
        if obj:
            return obj
    if verb.dep_ == "conj" and _misattached_conj(verb):
        # "affirmed that Viet Nam is a partner and announced a package": the past-tense verb goes
        # with the past-tense verb above the present-tense clause, not inside that clause
        return subject_of(head.head, depth + 1)
    if verb.dep_ == "conj" and (main := _conj_out_of_relative(verb)) is not None:
        return subject_of(main, depth + 1)
    if verb.dep_ == "conj" and (main := conj_out_of_clause(verb)) is not None:
        return subject_of(main, depth + 1)
    if verb.dep_ == "conj" and verb.i >= 2 and (prev := verb.doc[verb.i - 1]).dep_ == "conj" and prev.head.i != head.i and (
        prev.pos_ == "PROPN" and prev.ent_type_ in ("GPE", "ORG", "NORP", "PERSON") and verb.doc[verb.i - 2].lower_ == "and"
    ):
        # "Hamas freed three hostages on Saturday and Israel released 369 prisoners": the name the
        # parser joined to "Saturday" is the second verb's subject
        return [prev]
    if (verb.dep_ == "conj" or (verb.dep_ == "advcl" and verb.tag_ == "VBD")) and (stolen := _stolen_subject(verb)) is not None:
        # "air strikes hit targets in Kabul and Kandahar and Taliban forces attacked border posts":
        # the noun phrase the parser joined to "Kandahar" is the second verb's subject
        return [stolen]
    if verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBZ") and head.pos_ in ("PROPN", "NOUN") and head.dep_ in ("nsubj", "nsubjpass"):
        # "Macron, for his part, briefed Lula on ... and thanked him": a finite verb the parser
        # joined to the subject noun has that noun as its subject
        return [head]
    if verb.dep_ in CONTROL_DEPS:
        if verb.dep_ == "xcomp" and head.pos_ == "VERB" and is_passive(head) and not _agent(head):
            # "the EU is set to vote", "Iran was asked to leave", "he was invited to attend": the
            # passive's subject does what follows (its unnamed doer is no party of it)
            own = [c for c in head.children if c.dep_ == "nsubjpass"]
            if own:
                return own
        if head.pos_ in ("VERB", "AUX"):
            return subject_of(head, depth + 1)
        if head.pos_ == "ADJ" and head.dep_ in ("acomp", "xcomp", "ROOT"):
            # "Norway is willing to send", "France is ready to contribute"
            grand = head.head
            subj = [c for c in head.children if c.dep_ in SUBJ_DEPS]
            if subj:
                return subj
            if grand.i != head.i and grand.pos_ in ("VERB", "AUX"):
                return subject_of(grand, depth + 1)
    return []


def _decision_maker(noun: Token) -> list[Token]:
    """Who takes a decision a noun names by a "by" phrase: its own ("the decision by the United
    States to lift"), or that of the noun whose "of" phrase it is ("the announcement by President
    Trump of the decision to lift", also with the "of" phrase hung on the verb after the noun or on
    a date)."""
    own = by_objects(noun)
    if own or noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return own
    holder = noun.head.head
    if holder.ent_type_ in ("DATE", "TIME") and holder.dep_ == "pobj":
        holder = holder.head.head  # ("... in Paris on Monday of the decision": hung on the date)
    if holder.pos_ in ("VERB", "AUX"):
        holder = next((c for c in holder.children if c.dep_ == "dobj" and c.i < noun.head.i), holder)
    return by_objects(holder) if holder.pos_ == "NOUN" else []


def _first_of_parallel(prep: Token) -> Token:
    """The first of parallel prepositions with a clause each ("accused Georgetown of letting
    ExxonMobil drill in waters that belong to Venezuela and of inviting U.S. troops"): the second
    takes the first's place under the verb, also when the parser joined it to a word inside the
    first's phrase; the preposition itself otherwise."""
    first = prep
    for _ in range(3):
        if first.dep_ != "conj" or first.head.i == first.i:
            break
        if first.head.dep_ == "prep" and first.head.lower_ == first.lower_:
            first = first.head
            continue
        # (joined to a word inside the first's phrase: the same preposition before that holds it)
        twin = next(
            (t for t in reversed(first.doc[sent_of(first).start : first.i])
             if t.lower_ == first.lower_ and t.dep_ == "prep" and t.is_ancestor(first) and any(c.dep_ == "pcomp" for c in t.children)),
            None,
        )
        if twin is None and first.head.dep_ == "prep" and first.head.head.pos_ in ("VERB", "AUX"):
            twin = first.head  # "banned him over his rhetoric and for defying": another of the verb's
        first = twin or first
        break
    return first


def _stolen_subject(verb: Token) -> Token | None:
    """A conjoined verb with no subject right after a noun phrase that the parser joined to a noun
    of the clause before ("... in Kabul and Kandahar and Taliban forces attacked ..."): that noun
    phrase, its subject, when "and" opens it; else None."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) or verb.i < 3:
        return None
    doc = verb.doc
    prev = doc[verb.i - 1]
    if prev.dep_ != "conj" or prev.head.i == verb.head.i or prev.pos_ != "NOUN" or prev.tag_ != "NNS":
        return None
    j = prev.i - 1
    while j > prev.i - 4 and doc[j].pos_ in ("PROPN", "ADJ", "NOUN") and doc[j].dep_ in ("compound", "amod", "nmod", "conj"):
        j -= 1
    if j == prev.i - 1 or doc[j].lower_ != "and" or not any(doc[k].ent_type_ in ("NORP", "GPE", "ORG") for k in range(j + 1, prev.i)):
        return None
    return prev


def _violent_antecedent(noun: Token) -> Token:
    """The noun a "which" clause is on: the parser hangs it on the nearest noun, but a place does
    nothing ("airstrikes against a power station north of Sanaa, which killed nine civilians"):
    the act of violence whose phrase holds the place, if there is one."""
    placed = noun.dep_ == "pobj" and (noun.head.head.lower_ in DIRECTION_WORDS or noun.head.lower_ in ("on", "against", "in"))  # "north of Sanaa", "the attack on Kyiv, which"
    if noun.ent_type_ not in ("GPE", "LOC", "FAC") and not placed:
        return noun
    cur = noun
    for _ in range(10):
        if cur.head.i == cur.i:
            break
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ != "acl":
            break
        cur = cur.head
        if cur.pos_ == "NOUN" and cur.lemma_.lower() in VIOLENCE_NOUNS:
            return cur
        # ("the Russian missile and drone attack on Kyiv, which killed": the phrase hangs on the
        # first of two joined nouns)
        joined = next((c for c in cur.conjuncts if c.pos_ == "NOUN" and c.lemma_.lower() in VIOLENCE_NOUNS), None)
        if cur.pos_ == "NOUN" and joined is not None:
            return joined
    return noun


DIRECTION_WORDS = words("direction_words")
VISIT_NOUNS = words("visit_nouns")


def _misattached_conj(verb: Token) -> bool:
    """A past-tense verb parsed as conjoined to a present-tense verb of a reported clause whose
    governing verb is past tense ("affirmed that X is Y and announced Z"), or to the infinitive of a
    past-tense verb ("urged X to settle and offered Z"): it is that verb's."""
    head = verb.head
    other_tense = head.tag_ in ("VBZ", "VBP") or (
        head.tag_ in ("VBN", "VB") and any(c.dep_ == "aux" and c.lower_ in ("had", "would", "will", "has", "have") for c in head.children)
    )  # "said the delegation had given assurances ... and thanked Qatar"
    governor = head.head
    # ("has determined that the detention is arbitrary and called for his release": a perfect too)
    past = governor.tag_ == "VBD" or (governor.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in governor.children))
    if verb.tag_ == "VBD" and head.dep_ == "xcomp" and head.tag_ == "VB" and governor.tag_ == "VBD" and governor.i < head.i and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in head.children
    ) and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return True  # "urged both governments to settle the dispute and offered to host talks"
    return (
        verb.tag_ == "VBD" and other_tense and head.dep_ == "ccomp"
        and past and governor.i < head.i
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )


LATER_ADVERBS = words("later_adverbs")
COPULA_REFERENTS = words("copula_referent_nouns")


def _conj_out_of_relative(verb: Token) -> Token | None:
    """An active past-tense verb with no subject, parsed as conjoined to a passive verb of a
    relative clause ("condemned the attack, in which a man was killed and homes were set on fire,
    and called on the authorities to ..."): it continues the clause above the relative clause;
    that clause's verb, or None."""
    if verb.tag_ != "VBD" or any(c.dep_ in ("nsubj", "nsubjpass", "auxpass") for c in verb.children):
        return None
    cur = verb.head
    passive = is_passive(cur)
    while cur.dep_ == "conj" and cur.head.i != cur.i:
        cur = cur.head
    if cur.dep_ != "relcl":
        return None
    up = cur.head
    for _ in range(4):
        if up.pos_ in ("VERB", "AUX") or up.head.i == up.i:
            break
        up = up.head
    if up.pos_ not in ("VERB", "AUX") or up.tag_ != "VBD" or up.i > verb.i:
        return None
    # an active relative clause too, when the verb repeats the one above or follows it in time
    # ("they killed all six attackers who laid siege to a hotel and later killed 50 militants")
    later = any(c.dep_ == "advmod" and c.lower_ in LATER_ADVERBS for c in verb.children)
    # ("thanked Germany for its contribution to the UN trust fund that finances the Mission and
    # appealed to European partners": a past tense joined to a present-tense relative clause goes
    # with the past tense above it)
    tense = verb.head.tag_ in ("VBZ", "VBP")
    return up if passive or later or tense or up.lemma_ == verb.lemma_ else None


# events a party does by saying so (verbal events): their doer is someone, never a thing
SPEECH_EVENTS = frozenset({"ACCUSE", "THREATEN", "REQUEST", "SUPPORT", "REJECT", "AGREE"})
SPEECH_ACTS = SPEECH_EVENTS | {"CONSULT"}
ACTOR_NOUNS = PERSON_NOUNS | ACTOR_BODIES


def _thing(tok: Token | None) -> bool:
    """A common noun that names no one: no pronoun, name, person, body or state ("the release",
    "the move", "such statements")."""
    if tok is None:
        return True
    return tok.pos_ == "NOUN" and not tok.ent_type_ and tok.lemma_.lower() not in ACTOR_NOUNS


def _conj_of_reported_thing(verb: Token) -> Token | None:
    """A past-tense verb with no subject, parsed as conjoined to the verb of a clause that another
    past-tense verb governs, where that clause is about a thing: "said the release showed good
    faith but accused the rebels", "stressed that such statements amount to complicity and called
    on Berlin". A thing accuses no one: the governing verb goes on, its subject speaks; that verb,
    or None."""
    if verb.dep_ != "conj" or verb.tag_ != "VBD" or any(c.dep_ in ("nsubj", "nsubjpass", "auxpass") for c in verb.children):
        return None
    clause = verb.head
    if clause.dep_ != "ccomp" or clause.i > verb.i:
        return None
    governor = clause.head
    if governor.tag_ != "VBD" or governor.i > clause.i or not any(c.dep_ == "nsubj" for c in governor.children):
        return None
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return governor if _thing(subj) else None


def _stative(verb: Token) -> bool:
    """'is committed to', 'are opposed to': a present-tense passive with no agent is a state."""
    aux = [c.lower_ for c in verb.children if c.dep_ == "auxpass"]
    return bool(aux) and aux[0] in ("is", "are", "am", "'s", "'re") and any(
        c.dep_ == "prep" and c.lower_ in ("to", "in", "with", "about") for c in verb.children
    )


def nearest_actor_left(verb: Token, is_actor: Callable[[Token], bool]) -> list[Token]:
    """When the parse gives an active verb no subject: the nearest actor before it in the sentence
    that is not inside a prepositional phrase ('With the signing of X, the Sudanese government and
    the SPLM agreed')."""
    sent = sent_of(verb)
    for i in range(verb.i - 1, sent.start - 1, -1):
        tok = verb.doc[i]
        if tok.pos_ not in ("NOUN", "PROPN") or not is_actor(tok):
            continue
        if any(a.dep_ == "pobj" for a in [tok, *tok.ancestors] if a.i < verb.i and a.i >= sent.start and a.dep_ == "pobj" and a.head.i != verb.i):
            continue
        head = tok
        while head.dep_ in ("compound", "amod", "nmod", "flat") and head.head.i > head.i:
            head = head.head
        return [head]
    return []


def governing_verb(tok: Token, steps: int = 3) -> Token | None:
    """The verb a noun trigger depends on (through objects and prepositions, at most ``steps``
    heads up)."""
    cur = tok
    for _ in range(steps):
        head = cur.head
        if head.i == cur.i:
            return None
        if head.pos_ in ("VERB", "AUX"):
            return head
        if cur.dep_ in ("pobj", "prep", "dobj", "attr", "conj", "compound") or (cur.i == tok.i and cur.dep_ in ("nsubj", "nsubjpass")):
            cur = head
            continue
        return None
    return None


def _repaired(trig: Trigger) -> Arguments:
    """Arguments of a finite verb parsed as a noun's adjective (see triggers.misparsed_finite): the
    nouns before it are its subject, the noun it modifies its object, and that noun's prepositions
    its prepositions."""
    verb = trig.token
    obj = verb.head
    sent = sent_of(verb)
    left = [t for t in verb.doc[sent.start : verb.i] if t.pos_ in ("NOUN", "PROPN", "PRON")]
    actors = left[-1:] if left else []
    used = {t.i for t in trig.tokens}
    recipients: list[Token] = []
    for role in trig.pattern.recipient:
        if recipients:
            break
        if role in ("dobj", "iobj") and obj.i not in used:
            recipients = [obj]
        elif role not in ("dobj", "iobj", "dative", "ccomp"):
            recipients = [g for c in obj.children if c.dep_ == "prep" and c.lower_ == role for g in pobjects(c)]
    return Arguments(_with_conjuncts(actors), _with_conjuncts(recipients), False)


def verb_arguments(trig: Trigger) -> Arguments:
    verb = trig.token
    if misparsed_finite(verb):
        return _repaired(trig)
    pat = trig.pattern
    passive = is_passive(verb)
    actors = subject_of(verb)
    if pat.event in SPEECH_ACTS and (reporter := _conj_of_reported_thing(verb)) is not None:
        actors = subject_of(reporter)
    if _predicative_participle(verb):
        # "Lai stands accused of collusion", "he remains charged with": the subject undergoes it,
        # done by the agent if one is named
        return Arguments(_with_conjuncts(_agent(verb)), _with_conjuncts([c for c in verb.head.children if c.dep_ == "nsubj"]), True)
    recipients: list[Token] = []
    pattern_objects: list[Token] = []
    used = set(t.i for t in trig.tokens)
    act = summed_act(verb) if pat.event in ("ACCUSE", "REJECT") else None
    if act is not None:
        # "..., a move Guyana has called a violation", "..., an offer Yerevan has turned down":
        # what is judged or turned down is the act just told, aimed at who did it
        recipients = summed_act_doers(act)
    for role in pat.recipient if act is None else ():
        if recipients:
            break  # the roles are alternatives, in order ("complained about X" before "to Y")
        if role == "ccomp":
            recipients += complement_subjects(trig)
        elif role in ("dobj", "iobj"):
            if verb.dep_ in ("acl", "amod") and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN"):
                # "soldiers, supported by the U.S. military": the soldiers (the noun, when it is a
                # word of the pattern, last: "the sanctions imposed on Iran" look at "on" first)
                # (a person the pattern names stays the recipient: "an Afghan man held in a U.S. prison")
                held = verb.head.i not in used or PERSON in pat.object
                cands = [verb.head] if held else []
                pattern_objects += [verb.head] if not held else []
            elif passive:
                # (a stative passive's subject is its actor: "Israel is opposed to ...")
                cands = [] if _stative(verb) and not _agent(verb) else passive_subjects(verb)
            else:
                # the object stays a candidate even when it is a word of the pattern ("summoned the
                # Afghan envoy"); objects that are no actor ("imposed sanctions") describe to nothing
                cands = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i not in used]
                if (noun := relative_object(verb)) is not None:
                    # "three French diplomats it accused of ...", "the ministers that Moscow
                    # sanctioned": the noun the clause modifies is the object
                    # ("18 soldiers it has held": a person the pattern names stays the recipient)
                    cands = [c for c in cands if c.tag_ not in ("WDT", "WP")] + ([noun] if noun.i not in used or PERSON in pat.object else [])
                pattern_objects += [c for c in verb.children if c.dep_ == "dobj" and c.i in used]
                # an object that is a trigger word ("imposed sanctions on Iran"): look at its prepositions
                # (not for a measure turned down: "blocked the EU's sanctions package against
                # Russia" is aimed at the EU, whose package it is)
                for c in verb.children:
                    if c.dep_ == "dobj" and c.i in used and pat.event != "REJECT":
                        for p in c.children:
                            if p.dep_ == "prep" and p.lower_ in RECIPIENT_PREPS:
                                cands += [g for g in p.children if g.dep_ == "pobj"]
            recipients += cands
        elif role == "dative":
            recipients += [c for c in verb.children if c.dep_ == "dative" and c.pos_ in ("PROPN", "NOUN", "PRON")]
            recipients += [g for c in verb.children if c.dep_ == "dative" for g in c.children if g.dep_ == "pobj"]
        else:
            # the preposition on the verb, or on its object ("granted asylum to five officers")
            # ("from" on the object belongs to it: "demanded the withdrawal of forces from Bosnia")
            # (and any preposition on an object that is a word of the pattern: "raised concerns about X")
            # (the object phrase holding the pattern's word: "launched a massive drone attack on Kyiv")
            objs = [c for c in verb.children if c.dep_ == "dobj" and (role in OBJECT_ROLES or c.i in used or any(t.i in used for t in c.subtree))]
            # ("retaliated with tariffs on U.S. exports": the pattern's own prepositional object too)
            objs += [
                g for c in verb.children if c.dep_ == "prep" and c.lower_ == pat.prep for g in c.children
                if g.dep_ == "pobj" and (g.i in used or any(t.i in used for t in g.subtree))
            ]  # ("agreed on a package of sanctions against Russia": the phrase holding the pattern's word)
            objs += [t for t in trig.tokens if t.i != verb.i and t.pos_ == "NOUN" and t not in objs]
            # ("pulled out of ECOWAS": the parser hangs a two-word preposition's second word on the first)
            firsts = [c for c in verb.children if c.dep_ in ("prep", "advmod", "prt") and not any(g.dep_ in ("pobj", "pcomp") for g in c.children)]
            for holder in [verb, *objs, *firsts]:
                for c in holder.children:
                    if c.dep_ in ("prep", "dative") and c.lower_ == role:
                        recipients += pobjects(c)
                    elif c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == role for m in c.children):
                        # "called for Russia to agree": the subject of the clause is asked
                        recipients += [g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
    if not recipients:
        for c in verb.children:
            if c.lower_ in ("to", "into") and verb.lemma_.lower() not in TO_TAKING_VERBS and any(
                o.dep_ == "dobj" and o.right_edge.i == c.i - 1 and o.right_edge.i != o.i for o in verb.children
            ):
                continue  # "imposed sanctions over Tehran's supply of drones to Russia": the object phrase's "to"
            if c.dep_ == "prep" and c.lower_ in RECIPIENT_PREPS and c.i not in used:
                # ("on Wednesday" is a time, no party)
                recipients += [g for g in c.children if g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME", "MONEY", "PERCENT")]
                if recipients:
                    break
    # last: a pattern's own object word that names an actor ("summoned the Afghan envoy")
    recipients += pattern_objects
    # (a subject the parser joined to a noun before it is no coordination with that noun)
    stolen = len(actors) == 1 and verb.dep_ in ("conj", "advcl") and _stolen_subject(verb) is actors[0]
    return Arguments(actors if stolen else _with_conjuncts(actors), _with_conjuncts(recipients), passive)


def owner_undergoes(noun: Token) -> bool:
    """"Zamora's arrest", "his release": the owner of such a noun undergoes it, unless an "of"
    phrase names who does ("China's detention of X" is China's act)."""
    return noun.lemma_.lower() in PATIENT_NOUNS and not any(c.dep_ == "prep" and c.lower_ == "of" for c in noun_phrases(noun))


def expelled_from(noun: Token) -> list[Token]:
    """Whom a noun of sending people out names as sending them: the object of a "from" phrase on
    the noun or on the people it names ("the deportation of thousands of Guatemalans from the
    United States")."""
    if noun.lemma_.lower() not in EXPULSION_NOUNS:
        return []
    people = [g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
    return [g for h in (noun, *people) for p in h.children if p.dep_ == "prep" and p.lower_ == "from" for g in p.children if g.dep_ == "pobj"]


def noun_phrases(noun: Token) -> list[Token]:
    """A noun's dependents, with an "of" phrase the parser hung on a date right after the noun
    standing for that date's phrase ("the caretaker government's release on Saturday of a US
    citizen": the release of the citizen, on Saturday)."""
    out = []
    for c in noun.children:
        dates = [g for g in c.children if g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME")] if c.dep_ == "prep" and c.i > noun.i else []
        moved = [p for g in dates for p in g.children if p.dep_ == "prep" and p.lower_ == "of" and p.i > g.i]
        out += moved or [c]
    return out


def _predicative_participle(verb: Token) -> bool:
    """A past participle told of a subject through a verb of being ("stands accused", "remains
    detained", "was left wounded"): a passive without its auxiliary."""
    # ("Japan was seriously concerned about ...": a participle of feeling is told of who feels it)
    return (
        verb.tag_ == "VBN" and verb.dep_ in ("acomp", "oprd", "xcomp") and verb.head.i != verb.i
        and verb.head.lemma_.lower() in BEING_VERBS and not any(c.dep_ == "nsubj" for c in verb.children)
        and verb.lemma_.lower() not in STANCE_ADJ and verb.lower_ not in STANCE_ADJ
    )


def _charged(noun: Token) -> list[Token]:
    """Who faces charges named by a noun with no target of its own ("facing trial on charges of
    corruption", "Topuz is on trial on espionage charges", "was arrested on charges of fraud")."""
    cur = noun
    for _ in range(5):  # charges <- on <- trial <- on <- is
        if cur.head.i == cur.i or cur.dep_ not in ("pobj", "prep", "dobj", "compound", "conj"):
            return []
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            break
    if cur.pos_ not in ("VERB", "AUX") or cur.lemma_.lower() not in FACING_VERBS:
        return []
    own = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not own and cur.dep_ == "advcl" and cur.head.pos_ in ("VERB", "AUX"):
        own = [c for c in cur.head.children if c.dep_ in ("nsubj", "nsubjpass")]  # "are in jail, facing trial on charges"
    return own


def _modifies(tok: Token, noun: Token) -> bool:
    cur = tok
    for _ in range(4):
        if cur.i == noun.i:
            return True
        if cur.dep_ not in ("compound", "amod", "nmod", "dep", "punct", "poss", "conj", "cc") or cur.head.i == cur.i:
            return False
        cur = cur.head
    return cur.i == noun.i


def by_objects(noun: Token) -> list[Token]:
    """Who a noun says does it with "by" ("airstrikes by the Somali army", "the detention of X by
    Chinese authorities")."""
    return [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for g in c.children if g.dep_ == "pobj"]


def noun_arguments(trig: Trigger) -> Arguments:
    noun = trig.token
    actors: list[Token] = []
    recipients: list[Token] = []
    between: list[Token] = []
    by_agent: list[Token] = []
    givers: list[Token] = []
    hosts: list[Token] = []
    frame = light_frame(noun)
    # "any act of aggression by the regime against Iran": the head's phrases are the act's
    framing = [c for c in frame.children if c.dep_ == "prep" and c.lower_ != "of"] if frame is not noun else []
    # "Russian missile and drone attack on Kyiv": the noun joined to the one before shares its
    # modifiers and phrases
    shared = [c for c in noun.head.children if c.dep_ in ("amod", "poss", "prep", "compound") and c.i != noun.i] if (
        noun.dep_ == "conj" and noun.head.lemma_.lower() in WEAPON_WORDS and noun.head.i < noun.i
    ) else []
    owned = any(c.dep_ == "poss" for c in noun.children)
    for c in [*noun_phrases(noun), *framing, *shared]:
        if c.dep_ == "amod" and c.i < noun.i and c.lemma_.lower() in LEADING_PARTICIPLES:
            # "the Hamas-led attack", "a Saudi-led offensive": who leads it does it ("Russian-backed
            # forces" are backed, not led: no doer)
            actors += [g for g in c.children if g.dep_ in ("npadvmod", "compound", "nmod", "amod") and (g.ent_type_ or g.pos_ == "PROPN")]
        elif c.dep_ == "poss" or c.dep_ in ("compound", "amod", "nmod", "dep") and c not in trig.tokens and c.i < noun.i and (c.ent_type_ or c.pos_ == "PROPN") and not owned:
            # (an owner named, a name before the noun says where or in which body: "Russia used its
            # Security Council veto", "Israel's Gaza offensive")
            actors.append(c)
        elif c.dep_ in ("appos", "dobj") and c.pos_ == "PROPN" and not recipients:
            recipients.append(c)
        elif c.dep_ == "prep" and c.lower_ == "by":
            actors += [g for g in c.children if g.dep_ == "pobj"]
        elif c.dep_ == "prep" and c.lower_ == "of" and noun.lemma_.lower() in VISIT_NOUNS and trig.pattern.event == "CONSULT":
            # "the state visit of President Tinubu to China": the visitor
            actors += [g for g in c.children if g.dep_ == "pobj"]
        elif c.dep_ == "prep" and c.lower_ == "of" and trig.pattern.event == "MOBILIZE" and not trig.pattern.prep:
            # "the deployment of US warships", "a buildup of Russian troops": the forces moved
            # are the ones who move
            actors += [g for g in c.children if g.dep_ == "pobj"]
        elif c.dep_ == "prep" and c.lower_ == "between":
            between += [g for g in c.children if g.dep_ == "pobj"]
        elif c.dep_ == "prep" and c.lower_ == "from" and trig.pattern.event in SOURCE_FROM_EVENTS:
            # "criticism from rights groups", "support from Japan": who voices or gives it
            givers += [g for g in c.children if g.dep_ == "pobj"]
        elif c.dep_ == "prep" and c.lower_ == trig.pattern.prep and trig.pattern.prep_object:
            # the pattern's own phrase ("the supply of drones") names what is given, no party; a
            # party may be named inside it ("the imposition of sanctions on Turkey"); when the
            # pattern names its phrase as the recipient role, it is the party ("a contribution to
            # the UN trust fund")
            if not recipients and trig.pattern.prep in trig.pattern.recipient:
                recipients += [g for g in c.children if g.dep_ == "pobj"]
            if not recipients:
                recipients += [
                    g for o in c.children if o.dep_ == "pobj" for p in o.children
                    if p.dep_ == "prep" and p.lower_ in RECIPIENT_PREPS for g in p.children if g.dep_ == "pobj"
                ]
        elif c.dep_ == "prep" and c.lower_ in NOUN_RECIPIENT_PREPS and not recipients:
            recipients += [g for g in c.children if g.dep_ == "pobj"]
        elif c.dep_ == "acl" and c.tag_ == "VBN" and trig.pattern.event == "CONSULT" and c.lemma_.lower() in HOSTING_VERBS:
            # "talks in Kuala Lumpur hosted by Malaysia": the host is the other party (codebook:
            # hosted talks), the parties are those who meet
            hosts += participle_agents(c)
        elif c.dep_ == "relcl" and c.lemma_.lower() in LIGHT_VERBS and c.i > noun.i and any(g.dep_ == "nsubj" for g in c.children) and (
            any(o.dep_ == "dobj" and o.lower_ in ("that", "which") for o in c.children) or not any(o.dep_ in ("dobj", "ccomp", "xcomp") for o in c.children)
        ):
            # ("the sanctions Washington imposed": a relative clause with no relative word, the
            # noun its object)
            # "the tariffs that Washington imposed on Canadian steel": the relative clause's subject
            # does the noun's act, its preposition names the target
            by_agent += [g for g in c.children if g.dep_ == "nsubj"]
            if not recipients:
                recipients += _target_objects(c)
        elif reduced_participle(c):
            # "the tariffs imposed by the United States on Canadian goods": the participle's agent
            # does the noun's act, its preposition names the target
            by_agent += participle_agents(c)
            if not recipients:
                # ("the exercises held by the United States near the DPRK's borders": a target
                # preposition of the noun's own pattern counts too)
                recipients += _target_objects(c, set(trig.pattern.recipient or ()) - {"dobj", "of", "in"})
    if not owned:
        # "the mass deportations of Latin American migrants from the United States": the state
        # they are sent out of sends them
        givers += expelled_from(noun)
    first = noun.head if noun.dep_ == "conj" else noun  # ("by Russian missile and drone attacks")
    if not recipients and noun.lemma_.lower() in VIOLENCE_NOUNS and first.dep_ == "pobj" and first.head.dep_ == "agent" and (
        first.head.head.dep_ == "acl" and first.head.head.tag_ == "VBN" and first.head.head.head.pos_ in ("NOUN", "PROPN")
    ):
        # "energy facilities in Ukraine damaged by Russian missile and drone attacks": what the
        # attacks damaged is their target
        recipients = [first.head.head.head]
    if not recipients and noun.dep_ == "pobj" and noun.head.lower_ == "under" and noun.head.head.lemma_.lower() in BEING_VERBS:
        # "Iran has been under U.S. sanctions since 2018", "remains under an embargo": the one
        # who is under it undergoes it
        recipients = [c for c in noun.head.head.children if c.dep_ == "nsubj"]
    if trig.pattern.event == "ACCUSE" and noun.lemma_.lower() in CLAIM_WORDS and owned_claim(noun):
        # "the claim of Israeli officials", "the claim made by the Chinese Embassy": whose claim it is
        actors = [a for a in claim_owners(noun) if a not in actors] + actors
        by_agent = [a for a in by_agent if a not in actors]
        recipients = [r for r in recipients if r not in actors]
        if not recipients:
            # what its clause says of whom: "that Kabul shelters militants", "had been supplied by Iran"
            clauses = [c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX")]
            clauses = [g for c in clauses for g in ([c] + [x for x in c.children if x.dep_ == "ccomp"])]
            recipients = [g for c in clauses if any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children)
                          for g in (_agent(c) or [x for x in c.children if x.dep_ == "nsubj"]) if g.pos_ in ("PROPN", "NOUN")][:1]
    if trig.pattern.event == "ACCUSE" and not recipients and noun.dep_ == "dobj" and owned_claim(noun):
        # "Afghanistan rejected Pakistan's allegation": the one who rejects it is accused
        recipients = [c for c in noun.head.children if c.dep_ == "nsubj"]
    owners: list[Token] = []
    if owner_undergoes(noun):
        owners = [a for a in actors if a.dep_ == "poss"]
        actors = [a for a in actors if a.dep_ != "poss"]
        recipients = owners + [r for r in recipients if r not in owners]
    if noun.lemma_.lower() in CHARGE_NOUNS and not owners:
        # "charges of corruption": the crime, no party; who faces them is charged
        recipients = [r for r in recipients if r.head.lower_ != "of"] or _charged(noun)
    if hosts:
        # "agreed to a ceasefire at talks hosted by Malaysia": who agreed met there
        clause = noun
        for _ in range(6):
            if clause.pos_ in ("VERB", "AUX") or clause.head.i == clause.i:
                break
            clause = clause.head
        met = between or (subject_of(clause) if clause.pos_ in ("VERB", "AUX") else [])
        return Arguments(_with_conjuncts(met), _with_conjuncts(hosts), False)
    if between and by_agent:
        # "talks between the United States and Iran facilitated by Oman": the parties meet, the
        # broker is the other party (codebook: brokered talks)
        return Arguments(_with_conjuncts(between), _with_conjuncts(by_agent), False)
    actors += by_agent
    verb = governing_verb(noun)
    if not actors and verb is not None and noun.dep_ == "dobj" and noun.head.i == verb.i and trig.pattern.event in SOURCE_FROM_EVENTS and verb.lemma_.lower() in RECEIVING_VERBS:
        # "Ukraine received aid from Japan", "the move drew criticism from rights groups": the
        # "from" phrase gives, the subject receives
        givers += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "from" for g in c.children if g.dep_ == "pobj"]
        if givers:
            return Arguments(_with_conjuncts(givers), _with_conjuncts(subject_of(verb)), False)
    actors += givers
    if actors and not any(r.ent_type_ or r.pos_ == "PROPN" for r in recipients) and verb is not None and noun.dep_ == "dobj" and noun.head.i == verb.i and trig.pattern.event == "AID" and verb.lemma_.lower() in RECEIVING_VERBS | ACQUIRING_VERBS:
        # "Malaysia received Chinese loans", "accepted Chinese funding": the giver named on the
        # noun, the subject receives
        recipients = subject_of(verb)
    if not any(a.dep_ == "poss" for a in actors) and not owners:
        # every proper-noun modifier before the noun: "U.S.-Pakistan counterterrorism dialogue"
        left = [t for t in noun.doc[noun.left_edge.i : noun.i] if t.pos_ == "PROPN" and t not in trig.tokens]
        mods = [t for t in left if _modifies(t, noun)]
        # one name is one party: "a United Nations Security Council meeting" is the Council's, not
        # "United"'s and "Security"'s (a name's inner words lean on the next word with no mark
        # between; "U.S.-Pakistan dialogue" keeps both)
        mods = [t for t in mods if not (t.dep_ == "compound" and t.head in mods and t.head.i == t.i + 1)]
        if mods:
            actors = mods
    if not actors and between:
        return Arguments(_with_conjuncts(between), [], False)
    gerund = _gerund_misparse(noun)
    if gerund is not None and not actors and gerund.head.lemma_.lower() in LIGHT_VERBS:
        # "China conducted military drills encircling Taiwan", parsed as "drills" being the subject
        # of "encircling": the object of "conducted", whose subject does it; the gerund's object is the target
        return Arguments(_with_conjuncts(subject_of(gerund.head)), recipients or _with_conjuncts([c for c in gerund.children if c.dep_ == "dobj"]), False)
    if not actors and frame is not noun:
        # "the EU's new package of sanctions": the head's owner does its modifier's act
        actors = [c for c in frame.children if c.dep_ == "poss"]
    if not actors and noun.dep_ == "pobj" and noun.head.lower_ in ("in", "for") and noun.head.head.lemma_.lower() in INVOLVEMENT_NOUNS:
        # "Moscow denied involvement in the cyberattack", "claimed responsibility for the attack":
        # who is (not) involved is the doer
        holder = noun.head.head
        if holder.dep_ in ("dobj", "nsubjpass") and holder.head.pos_ in ("VERB", "AUX"):
            actors = subject_of(holder.head)
    if not actors and verb is not None:
        prep = frame.head if frame.dep_ == "pobj" else None
        controller = [c for c in verb.children if c.dep_ == "dobj" and prep is not None and c.i < prep.i]
        if frame.dep_ in ("nsubj", "nsubjpass"):
            actors = []
        elif prep is not None and prep.head.i == verb.i and prep.lower_ in OBJECT_CONTROL_PREPS and controller:
            actors = controller  # "accused Ukraine of the drone attack": the accused did it
        elif ((verb.lemma_.lower() in LIGHT_VERBS or weighed(verb)) and _object_of(frame, verb)) or (prep is not None and prep.head.i == verb.i and (
            prep.lower_ in ADJUNCT_PREPS or (prep.lower_ == "for" and not controller and not any(c.dep_ == "dobj" for c in verb.children))
            or (prep.lower_ == "in" and (_purpose(noun, verb) or trig.pattern.event == "CONSULT")) or _enacting(verb, prep)
        )):
            # "launched an attack", "held talks", "said during a visit to Beijing", "returned to
            # Geneva for talks", "massed in protest of", "is set to vote on a tariff increase": the
            # subject does it
            actors = subject_of(verb)
        else:
            actors = []  # "condemned the attack", "welcomed the talks": someone else's event
        if not recipients:
            for c in verb.children:
                # ("sent a congratulatory message to President Lula": the parser's dative "to")
                if c.dep_ in ("prep", "dative") and c.lower_ in RECIPIENT_PREPS and c.i > noun.i:
                    recipients += [g for g in c.children if g.dep_ == "pobj" and g.i != noun.i]
                    if recipients:
                        break
    if not recipients:
        recipients = _trailing_target(noun, verb)
    return Arguments(_with_conjuncts(actors), _with_conjuncts(recipients), False)


def _target_objects(clause: Token, more: AbstractSet[str] = frozenset()) -> list[Token]:
    """The objects of a clause's prepositions that name a target ("imposed on Canadian steel");
    ``more``: other prepositions that do here."""
    return [g for p in clause.children if p.dep_ == "prep" and (p.lower_ in RECIPIENT_PREPS or p.lower_ in more) for g in p.children if g.dep_ == "pobj"]


def _trailing_target(noun: Token, verb: Token | None) -> list[Token]:
    """"Tehran's supply of drones to Russia", "the state visit of President Tinubu to China": a
    "to" phrase right after the noun's phrase that the parser hung on the clause's verb is the
    noun's (when the verb itself takes no "to")."""
    nxt = noun.doc[noun.right_edge.i + 1] if noun.right_edge.i + 1 < len(noun.doc) else None
    if nxt is None or nxt.dep_ != "prep" or nxt.lower_ not in ("to", "into") or verb is None or nxt.head.i != verb.i:
        return []
    if verb.lemma_.lower() in TO_TAKING_VERBS:
        return []
    return [g for g in nxt.children if g.dep_ == "pobj"]


def _gerund_misparse(noun: Token) -> Token | None:
    """The bare gerund a noun was parsed as the subject of, when the noun is really the object of
    the verb before it ("conducted drills encircling Taiwan"): the gerund, else None."""
    head = noun.head
    if noun.dep_ != "nsubj" or head.tag_ != "VBG" or head.dep_ != "ccomp" or head.i < noun.i or head.head.i > noun.i:
        return None
    if any(c.dep_ in ("aux", "auxpass", "mark") for c in head.children) or any(c.dep_ == "dobj" for c in head.head.children):
        return None
    return head


def _purpose(noun: Token, verb: Token) -> bool:
    """"In protest of", "in support of", "in retaliation for", "in solidarity with": a bare noun with
    its own preposition says why the clause's subject acts (not "in the attack", "in Israel's
    offensive", nor a state one is in: "were in detention", "remains in custody of")."""
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    return (
        noun.tag_ == "NN"
        and verb.lemma_.lower() not in STATE_VERBS
        and not any(c.dep_ in ("det", "poss", "nummod") for c in noun.children)
        and (
            any(c.dep_ == "prep" and c.lower_ in ("of", "for", "to", "with", "against") for c in noun.children)
            # ("stands in solidarity with Benin": the parser hangs the noun's preposition on the verb)
            or (after is not None and after.dep_ == "prep" and after.head.i == verb.i and after.lower_ in ("of", "for", "to", "with", "against"))
        )
    )


def _enacting(verb: Token, prep: Token) -> bool:
    """Whether the verb with its particles and the preposition is one whose subject does the
    event its object names ("vote on", "go ahead with")."""
    mids = [t.lower_ for t in verb.doc[verb.i + 1 : prep.i] if t.dep_ in ("advmod", "prt") and t.head.i == verb.i]
    return " ".join([verb.lemma_.lower(), *mids, prep.lower_]) in ENACTING


def _object_of(noun: Token, verb: Token) -> bool:
    """Whether an event noun is what the verb itself takes ("launched an attack", "held talks and
    a meeting"), not a phrase of reason or topic ("lodged a protest over the incursion")."""
    if verb.head.i == noun.i and verb.dep_ == "acl":
        return True  # "a lawsuit filed in February", "the sanctions imposed on Iran"
    tok = noun
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.head.i == verb.i and tok.dep_ in ("dobj", "attr", "oprd", "nsubjpass", "obj")


def find_arguments(trig: Trigger) -> Arguments:
    args = _find_arguments(trig)
    members = _named_members(args.recipients)
    if members:
        args = Arguments(args.actors, args.recipients + members, args.passive)
    if trig.pattern.event == "CONSULT" and (brokers := mediators(trig)):
        # the parties meet, the broker is the other side ("held talks with Hamas under Egyptian
        # mediation": Hamas joins the actors)
        parties = [r for r in args.recipients if r.pos_ == "PROPN" or r.ent_type_ in ("GPE", "NORP", "ORG", "PERSON")]
        args = Arguments(args.actors + parties, brokers, args.passive)
    return args


MEDIATION_NOUNS = words("mediation_nouns")


def mediators(trig: Trigger) -> list[Token]:
    """Who mediates talks "under Egyptian and Qatari mediation", "under the auspices of Qatar"
    (codebook: brokered talks have the broker in recipient): the modifiers naming parties, or the
    "of" phrase, of an "under" phrase on the trigger's words or on the verb that governs it."""
    tok = trig.token
    holders = list(trig.tokens)
    verb = governing_verb(tok) if tok.pos_ != "VERB" else None
    if verb is not None:
        holders.append(verb)
    for holder in holders:
        # "held talks in Paris, mediated by Barrack", "held talks in Abu Dhabi brokered by the UAE"
        # (an event noun's own participle is told by noun_arguments: "talks hosted by Malaysia")
        agents = [] if trig.pattern.pos != "VERB" else [
            g for c in holder.children if c.dep_ in ("acl", "advcl") and c.tag_ == "VBN" and c.lemma_.lower() in HOSTING_VERBS
            for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"
        ]
        if agents:
            return _with_conjuncts(agents)
        for prep in holder.children:
            if prep.dep_ != "prep" or prep.lower_ != "under":
                continue
            for noun in prep.children:
                if noun.dep_ != "pobj" or (noun.lemma_.lower() not in MEDIATION_NOUNS and noun.lower_ not in MEDIATION_NOUNS):
                    continue
                named = [c for c in noun.children if c.dep_ in ("amod", "compound", "poss", "nmod") and (c.ent_type_ in ("NORP", "GPE", "ORG") or c.pos_ == "PROPN")]
                named += [g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
                if named:
                    return _with_conjuncts(named)
    return []


def _named_members(tokens: list[Token]) -> list[Token]:
    """"from 35 countries, including the EU bloc", "on several states such as Iran": the parties a
    plural noun names as its members."""
    out: list[Token] = []
    for t in tokens:
        if t.tag_ not in ("NNS", "NN") or t.ent_type_:
            continue
        for c in t.children:
            such_as = c.lower_ == "as" and any(a.lower_ == "such" for a in c.children)
            if c.dep_ == "prep" and (c.lower_ in ("including", "like") or such_as):
                out += [g for g in c.children if g.dep_ == "pobj"]
    return _with_conjuncts(out)


def _find_arguments(trig: Trigger) -> Arguments:
    if trig.pattern.pos != "VERB":
        return noun_arguments(trig)
    verb = trig.token
    if is_passive(verb) and not _agent(verb):
        # "talks between Russia and Ukraine will be held": a phrase's own noun, made the subject of
        # a passive with no agent, names the parties itself
        # ("South Korean Ambassador Lee was summoned": the name whose title is the pattern's word)
        person = next((c for c in verb.children if c.dep_ == "nsubjpass" and any(
            t in trig.tokens and t.lemma_.lower() in PERSON_NOUNS for t in (c, *(g for g in c.children if g.dep_ == "compound"))
        )), None)
        if person is not None:
            # "the German ambassador was summoned to the Foreign Ministry": the person undergoes it;
            # the body they are called to does it
            to = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
            return Arguments(_with_conjuncts(to), _with_conjuncts([person]), True)
        noun = next((c for c in verb.children if c.dep_ == "nsubjpass" and c in trig.tokens and c.pos_ == "NOUN"), None)
        if noun is None:
            # ("the next round of talks between Russia and Ukraine will be held": the noun a light
            # head leaves its act to)
            noun = next((f for c in verb.children if c.dep_ == "nsubjpass" for f in [framed_event(c)] if f is not None and f in trig.tokens), None)
        if noun is not None:
            own = noun_arguments(Trigger(noun, trig.pattern, (noun,)))
            if own.actors and trig.pattern.event == "REJECT":
                # "the UN's call on Israel was ignored": whose call it is was turned down; who turned
                # it down is not said
                return Arguments([], own.actors, True)
            if own.actors:
                return own
        if (borne := _measure_borne(trig)) is not None:
            return borne
    return verb_arguments(trig)


def _measure_borne(trig: Trigger) -> Arguments | None:
    """'Brazil was hit with 50% U.S. tariffs': an agentless passive whose measure (the pattern's
    noun after 'with') names its author; that author acts, the subject undergoes it."""
    verb = trig.token
    measure = next((g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
                    for g in c.children if g.dep_ == "pobj" and g in trig.tokens and g.pos_ == "NOUN"), None)
    if measure is None:
        return None
    own = noun_arguments(Trigger(measure, trig.pattern, (measure,)))
    if not own.actors:
        return None
    return Arguments(own.actors, verb_arguments(trig).recipients, True)


def object_phrase_recipients(trig: Trigger) -> list[Token]:
    """Actors named inside the object phrase: 'rejected a call by Belarus', 'an offer from Kabul'."""
    out: list[Token] = []
    verb = trig.token
    objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
    targets = BLAME_TARGET_PREPS if trig.pattern.event == "ACCUSE" else frozenset()
    for o in objs:
        for p in o.children:
            if p.dep_ == "prep" and p.lower_ in {"by", "from", "of", "to", "for", "with", "against", "on", "toward", "towards"} - targets:
                out += [g for g in p.children if g.dep_ == "pobj"]
        out += [c for c in o.children if c.dep_ == "poss"]
        # "confiscated Russian assets", "seized an Iranian tanker": whose the thing acted on is
        out += [c for c in o.children if c.dep_ in ("amod", "compound") and c.i < o.i and c.ent_type_ in ("NORP", "GPE")]
        # "the role played by President Trump"
        for acl in o.children:
            if acl.dep_ == "acl":
                out += [g for a in acl.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
        if o.dep_ == "dobj":
            # "welcomed the adoption by the European Union of new sanctions": the parser hangs the
            # object's "by" on an active verb; a party named right after the object is its doer
            out += [
                g for p in verb.children if p.dep_ == "prep" and p.lower_ == "by" and p.i == o.right_edge.i + 1
                for g in p.children if g.dep_ == "pobj" and (g.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or g.pos_ == "PROPN")
            ]
    return _with_conjuncts(out)


def complement_subjects(trig: Trigger) -> list[Token]:
    """'demanded that the US cancel plans': the subject of the complement clause."""
    out: list[Token] = []
    for c in reported_clauses(trig.token):
        if is_passive(c) and _agent(c):
            out += _agent(c)  # "informed him that the attack had been planned by militants": the agent
            continue
        for g in c.children:
            if g.dep_ in ("nsubj", "nsubjpass"):
                # "warned that any act of aggression by X would ...": the act the head leaves to its "of"
                out.append(framed_event(g) or g)
            elif g.dep_ == "csubj":
                # "warned that expanding military cooperation between Russia and North Korea is
                # dangerous": the names the subject clause is about
                out += [t for t in g.subtree if t.pos_ == "PROPN" and t.dep_ in ("pobj", "poss", "dobj", "nsubj") and t.i != g.i]
    return _with_conjuncts(out)


def condition_subjects(trig: Trigger) -> list[Token]:
    """'threatened to ban voting if Hamas ran': who the condition is on is the target."""
    out: list[Token] = []
    cur = trig.token
    for tok in [cur, *[c for c in cur.children if c.dep_ in ("xcomp", "ccomp")]]:
        for adv in tok.children:
            if adv.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in adv.children):
                out += [g for g in adv.children if g.dep_ in ("nsubj", "nsubjpass")]
    return _with_conjuncts(out)


PLACE_PREPS = ("in", "inside", "across", "throughout")


def place_recipients(trig: Trigger) -> list[Token]:
    """'lifted a curfew in Montenegro': the place an action is done in, when nothing else is named."""
    out: list[Token] = []
    tok = trig.token
    heads = [tok, *[c for c in tok.children if c.dep_ in ("dobj", "xcomp")]]
    # "called for an immediate ceasefire in Sudan": the object of the trigger's own preposition
    heads += [g for c in tok.children if c.dep_ == "prep" and c in trig.tokens for g in c.children if g.dep_ == "pobj"]
    for h in heads:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "inside", "across", "throughout"):
                out += [g for g in c.children if g.dep_ == "pobj"]
    if not out and trig.pattern.pos == "VERB" and trig.pattern.event in ("COERCE", "ASSAULT"):
        # "were shot dead in their car in Maputo": a named place deeper in the phrase the force
        # was used in
        frontier = [p for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ in PLACE_PREPS]
        for _ in range(2):
            objs = [g for p in frontier for g in p.children if g.dep_ == "pobj"]
            out = [g for g in objs if g.ent_type_ in ("GPE", "LOC")][:1]
            if out:
                break
            frontier = [p for g in objs for p in g.children if p.dep_ == "prep" and p.lower_ in PLACE_PREPS]
    if not out and trig.pattern.event == "ACCUSE":
        # "condemned the attack on the Turkish embassy in Damascus": an act whose doers are not
        # named is blamed on the country it took place in (codebook §3: unidentified perpetrators)
        out = [
            g for h in heads if h.dep_ == "dobj" and h.lemma_.lower() in VIOLENCE_NOUNS
            for t in h.subtree if t.dep_ == "prep" and t.lower_ == "in"
            for g in t.children if g.dep_ == "pobj" and g.ent_type_ in ("GPE", "LOC")
        ][:1]
    if not out and trig.pattern.event == "AID":
        # "extend grant aid for the restoration of energy facilities in Ukraine": where what it pays
        # for is, named in the phrase of its purpose
        out = [
            g for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ == "for"
            for t in p.subtree if t.dep_ == "prep" and t.lower_ == "in"
            for g in t.children if g.dep_ == "pobj" and g.ent_type_ in ("GPE", "LOC")
        ][:1]
    if not out and trig.pattern.pos == "NOUN" and trig.pattern.event in ("COERCE", "ASSAULT"):
        # "a blockade of aid to Gaza", "the blockade preventing aid into the Gaza Strip": the
        # place the force is aimed at, named anywhere in the noun's phrase
        out = [
            g for t in tok.subtree if t.dep_ == "prep" and t.lower_ in ("to", "into", "on", "in", "inside") and t.i > tok.i
            for g in t.children if g.dep_ == "pobj" and g.ent_type_ in ("GPE", "LOC")
        ][:1]
    return _with_conjuncts(out)


DIPLOMATIC_POSTS = words("diplomatic_post_nouns")
SITE_PREPS = {"outside", "at", "before", "near", "in"}


def protest_site_recipients(trig: Trigger) -> list[Token]:
    """'rallied outside the Belgian embassy', 'protested in front of the French consulate': a
    protest held at a state's diplomatic post is aimed at that state."""
    out: list[Token] = []
    for prep in trig.token.children:
        if prep.dep_ != "prep" or prep.lower_ not in SITE_PREPS:
            continue
        for g in pobjects(prep):
            if g.lower_ == "front":  # "in front of the consulate"
                g = next((o for p in g.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"), g)
            if g.lemma_.lower() in DIPLOMATIC_POSTS:
                out.append(g)
    return out


LOCATIVE_PREPS = words("locative_prepositions")
REASON_PREPS = words("reason_prepositions")


def complement_recipients(trig: Trigger) -> list[Token]:
    """Candidate recipients inside the clause a trigger governs.

    "offered to hand over two suspects to Britain", "agreed to lift embargoes on Iran": the target
    of the complement's action is the target of the event.
    """
    out: list[Token] = []
    frontier = [c for c in trig.token.children if c.dep_ in ("xcomp", "ccomp", "dobj")]
    if trig.pattern.pos == "NOUN":
        # "readiness to continue facilitating the negotiations between Russia and Ukraine"
        frontier += [c for c in trig.token.children if c.dep_ == "acl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
    if trig.pattern.event in ("AID", "AGREE", "SUPPORT", "COOPERATE"):
        # "announced a package to support Viet Nam's energy transition": whom the help is for
        # (a purpose against someone names no beneficiary: "to counter Beijing's clout")
        frontier += [
            c for c in trig.token.children
            if c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) and c.lemma_.lower() not in ADVERSATIVE_PURPOSE
        ]
    blamed_targets = BLAME_TARGET_PREPS if trig.pattern.event == "ACCUSE" else frozenset()
    for _ in range(3):
        nxt: list[Token] = []
        for tok in frontier:
            for c in tok.children:
                if c.dep_ in ("dobj", "dative", "nsubjpass") and c.pos_ in ("PROPN", "NOUN"):
                    out.append(c)
                    # "a package to support Viet Nam's energy transition": whose the object is
                    out += [g for g in c.children if g.dep_ == "poss" and g.pos_ == "PROPN"]
                elif c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN") and (
                    tok.dep_ in ("ccomp", "xcomp") or (tok.dep_ == "acl" and any(m.dep_ == "mark" and m.lower_ == "that" for m in tok.children))
                ):
                    out.append(c)  # "refused to allow UN planes to land", "its accusation that Pakistan supports ..."
                elif c.dep_ in ("prep", "dative") and c.lower_ in (NOUN_RECIPIENT_PREPS | {"for"}) - blamed_targets:
                    out += [g for g in c.children if g.dep_ == "pobj"]
                elif c.dep_ == "prep" and c.lower_ == "by" and tok.pos_ == "NOUN":
                    out += [g for g in c.children if g.dep_ == "pobj"]  # "refused to attend a hearing by the court"
                if c.dep_ == "prep" and c.lower_ in LOCATIVE_PREPS:
                    continue  # "shelled positions near the border with Eritrea": where, not whom
                if c.dep_ == "prep" and c.lower_ in REASON_PREPS and tok.pos_ in ("VERB", "AUX"):
                    continue  # "to break off relations with Congo over their ties with Israel": why, not whom
                if c.dep_ in ("xcomp", "ccomp", "dobj", "prep", "pobj", "pcomp", "conj", "advcl") or (
                    c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" and (c.dep_ == "acl" or any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))
                ):
                    # ("accepted an invitation to visit Cairo": the clause of the object too)
                    nxt.append(c)
        frontier = nxt
    return _with_conjuncts(out)
