"""Known errors of the parser, recognised so that the coder can read past them."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .sentences import sent_of
from .words import words


def plural(tok: Token) -> bool:
    """A plural noun: tagged so, but not an acronym the tagger reads as a plural for its last
    letter ("KFOR", "UNMISS", "ECOWAS" are one body)."""
    return tok.tag_ in ("NNS", "NNPS") and not (len(tok.text) > 1 and tok.text.isupper())


def misparsed_finite(tok: Token) -> bool:
    """A past-tense verb the parser took for an adjective of the noun after it: "Trump imposed
    tariffs on Canada" parsed as the noun phrase "imposed tariffs" with "Trump" as its root. The
    noun it modifies is its object, the noun before it its subject. A participle after a hyphen
    ("UN-brokered deal") or after a determiner or adverb ("the newly elected president") is a true
    adjective."""
    if tok.dep_ != "amod" or tok.head.i <= tok.i or tok.i <= sent_of(tok).start:
        return False
    prev = tok.doc[tok.i - 1]
    if tok.tag_ == "VBD":
        return prev.text not in ("-", "\u2013")
    return tok.tag_ == "VBN" and prev.pos_ in ("NOUN", "PROPN") and prev.dep_ in ("nmod", "compound", "npadvmod", "nsubj", "ROOT")


def relative_clause(verb: Token) -> Token | None:
    """The relative clause whose relative pronoun a verb's subject is: the verb itself ("the
    group, which attacked"), or the clause it completes ("the M23, which experts say is backed by
    Rwanda": the pronoun sits in the reported clause); else None."""
    if verb.dep_ == "relcl":
        return verb
    if verb.dep_ == "ccomp" and verb.head.dep_ == "relcl" and not any(c.tag_ in ("WDT", "WP") for c in verb.head.children):
        return verb.head
    return None


def passive_subjects(verb: Token) -> list[Token]:
    """The subject of a passive verb; for a passive infinitive with none of its own, its
    controller's ("Albanese is scheduled to be received by ...": Albanese is received)."""
    own = [c for c in verb.children if c.dep_ == "nsubjpass"] or [
        # (the parser may label a relative pronoun of a passive clause its active subject)
        c for c in verb.children if c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") and any(a.dep_ == "auxpass" for a in verb.children)
    ]
    rel = relative_clause(verb) if own and own[0].tag_ in ("WDT", "WP") else None
    if rel is not None and rel.head.pos_ in ("NOUN", "PROPN"):
        # "Porras, who was sanctioned by the EU": the noun the relative clause modifies; a
        # predicate noun is its subject ("HTS is a group that is designated ...": HTS)
        noun = rel.head
        if noun.dep_ == "attr" and noun.head.lemma_ == "be":
            subj = [c for c in noun.head.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subj and subj[0].pos_ in ("NOUN", "PROPN"):
                return subj
        return [noun]
    if own or verb.dep_ != "xcomp" or not any(c.dep_ == "auxpass" for c in verb.children):
        return own
    return [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]


ACT_SUMMARY_NOUNS = words("act_summary_nouns")
PREDICATE_CALLING_VERBS = words("predicate_calling_verbs")


def summed_act(verb: Token) -> Token | None:
    """The noun that sums up a clause's act, whose relative clause a verb heads with that noun as
    its object: "Venezuela plans to elect a governor, a move Guyana has called a violation" (move),
    "an Algerian court sentenced him, a verdict the ministry described as unjust" (verdict);
    None otherwise (the verb has an object of its own, or the noun is no summary after a comma)."""
    if verb.dep_ != "relcl" or verb.head.i == verb.i:
        return None
    noun = verb.head
    if noun.lemma_.lower() not in ACT_SUMMARY_NOUNS or not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children):
        return None
    start = noun.left_edge.i
    if start == 0 or verb.doc[start - 1].text not in (",", "\u2014", "\u2013", "-") or noun.dep_ not in ("dobj", "appos", "npadvmod", "attr"):
        return None
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if objects and not (verb.lemma_.lower() in PREDICATE_CALLING_VERBS and len(objects) == 1 and objects[0].dep_ == "dobj"):
        return None
    if any(c.tag_ in ("WDT", "WP") and c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None  # "a move which angered Guyana": the noun is the subject, no object
    return noun


def summed_act_doers(noun: Token) -> list[Token]:
    """Who did the act a summary noun sums up: the phrase it stands beside ("an Algerian court ...,
    a verdict"), else the subject of the clause it closes ("Venezuela plans ..., a move")."""
    head = noun.head
    if noun.dep_ == "appos":
        if head.dep_ != "nsubjpass":
            return [head]
        head = head.head  # (hung on the subject of a passive: "Gleizes was sentenced by a court ..., a verdict")
    if head.pos_ not in ("VERB", "AUX"):
        return []
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in head.children):
        # "Gleizes was sentenced by an Algerian court ..., a verdict": the agent did it
        return [g for c in head.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return [c for c in head.children if c.dep_ == "nsubj" and c.i < noun.i]


OBJECT_CONTROL_VERBS = words("object_control_verbs")


def object_control_misparse(verb: Token) -> bool:
    """"accused Armenian forces of firing on ...", "blamed the rebels for shelling ...": a gerund
    whose preposition the parser hung on the object of a verb of blame or praise
    (words.yaml object_control_verbs), or on a noun of a phrase after that object ("accused
    Dominican soldiers at the crossing of beating ..."), not on the verb: the object does it."""
    return misparsed_controller(verb) is not None


def misparsed_controller(verb: Token) -> Token | None:
    """The object that does a gerund the parser hung away from its verb of blame or praise (see
    :func:`object_control_misparse`); None when the gerund hangs where it belongs."""
    prep = verb.head
    noun = prep.head
    if not (verb.dep_ == "pcomp" and verb.tag_ == "VBG" and prep.lower_ in ("of", "for") and noun.pos_ in ("NOUN", "PROPN")):
        return None
    while noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head  # "accused the army and the militias of killing": hung on the second object
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in OBJECT_CONTROL_VERBS:
        return noun
    if noun.dep_ == "dobj" and _participle_misparse(noun.head):
        # "accused the army and allied militias of killing": the participle before the second
        # object parsed as a verb joined to the verb of blame
        return next((c for c in noun.head.head.children if c.dep_ == "dobj" and c.i < noun.head.i), noun)
    outer = noun.head  # "at the crossing": the phrase's preposition, on the verb
    if noun.dep_ == "pobj" and outer.dep_ == "prep" and outer.lower_ not in ("of", "for") and outer.head.lemma_.lower() in OBJECT_CONTROL_VERBS:
        return next((c for c in outer.head.children if c.dep_ == "dobj" and c.i < outer.i), None)
    return None


def _participle_misparse(verb: Token) -> bool:
    """A participle right before its "object", with no subject, parsed as a verb joined to a verb
    of blame or praise ("accused the army and allied militias of ...")."""
    return (
        verb.dep_ == "conj" and verb.tag_ in ("VBN", "VBD") and verb.head.lemma_.lower() in OBJECT_CONTROL_VERBS
        and verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].dep_ == "dobj" and verb.doc[verb.i + 1].head.i == verb.i
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )


HONORIFIC_ABBREVIATIONS = words("honorific_abbreviations")  # (lower-cased: compared with the text as written)


def honorific(tok: Token) -> bool:
    """"HE the Minister of State called on ...": an abbreviated honorific ("His Excellency")
    before a title, which the parser takes for the pronoun "he" and a subject of its own."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.text.isupper() and tok.lower_ in HONORIFIC_ABBREVIATIONS and nxt is not None and (nxt.lower_ == "the" or nxt.pos_ == "PROPN")


TIME_WORDS = words("time_nouns")


def relabel_displaced_objects(doc: Doc) -> None:
    """"received in Riyadh today the Minister of External Affairs of India": an object placed after
    an adverbial of time is parsed as the verb's bare-noun adverbial (npadvmod). A determined noun
    or a name after the verb, naming no time, on a verb with no object of its own, is its object:
    relabelled ``dobj`` in place (with :func:`repair_possessive_in_names` and
    :func:`repair_titled_pair`, the only changes the coder makes to the parse)."""
    for tok in doc:
        verb = tok.head
        if tok.dep_ != "npadvmod" or verb.pos_ != "VERB" or tok.i <= verb.i or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if tok.ent_type_ in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL") or tok.lemma_.lower() in TIME_WORDS:
            continue
        if any(c.dep_ == "dobj" for c in verb.children):
            continue
        if tok.left_edge.i > 0 and doc[tok.left_edge.i - 1].is_punct:
            continue  # ", an issue likely to dominate relations": an apposition to the clause
        if any(c.dep_ == "det" and c.lower_ in ("the", "a", "an", "his", "her", "its", "their") for c in tok.children) or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
            tok.dep_ = "dobj"


def repair_possessive_in_names(doc: Doc) -> None:
    """"The Ambassador of the People's Republic of China was summoned": the parser reads the
    possessive inside the name as ending the phrase before it ("[the Ambassador of the People]'s
    Republic"), so the name's head becomes the clause's subject and the ambassador its possessor.
    When a named entity spans the possessive and the noun after it, that noun is put back as the
    object of the "of", and the phrase it was the possessor of takes its place in the clause."""
    for case in doc:
        if case.dep_ != "case" or case.lower_ not in ("'s", "\u2019s"):
            continue
        owner = doc[case.i - 1] if case.i else case  # "People" (the parser may hang the "'s" on the phrase)
        if owner.dep_ != "pobj" or owner.head.dep_ != "prep":
            continue
        prep = owner.head  # "of"
        outer = prep.head  # "Ambassador"
        name = outer.head  # "Republic"
        if outer.dep_ != "poss" or name.i <= case.i or not (owner.ent_type_ and owner.ent_type_ == name.ent_type_):
            continue
        if owner.ent_iob_ == "B" and doc[owner.i - 1].ent_type_ == owner.ent_type_:
            continue
        if any(doc[i].ent_iob_ == "B" for i in range(owner.i + 1, name.i + 1)):
            continue  # the possessive ends one name and the noun begins another
        if name.head.i == name.i:
            continue  # (the name heads the sentence: nothing to put back)
        clause, role = name.head, name.dep_
        name.head, name.dep_ = prep, "pobj"
        owner.head, owner.dep_ = name, "poss"
        case.head = owner
        outer.head, outer.dep_ = clause, role


def repair_titled_pair(doc: Doc) -> None:
    """"Turkish Foreign Minister Hakan Fidan and Iraqi Foreign Minister Fuad Hussein agreed": the
    parser hangs the first title on the second name ("[Turkish Foreign Minister [Hakan Fidan and
    Iraqi Foreign Minister]] Fuad Hussein"), so the first person is lost from the clause. When a
    name's title (a compound before it) has a name in apposition, itself joined by "and" to a
    second title before the name, the first name takes the clause role and the second joins it."""
    for name in doc:
        if name.pos_ != "PROPN" or name.head.i == name.i or name.dep_ in ("compound", "appos", "conj", "flat"):
            continue
        for title in name.children:
            if title.dep_ != "compound" or title.i >= name.i or title.pos_ != "PROPN":
                continue
            first = next((a for a in title.children if a.dep_ == "appos" and a.pos_ == "PROPN" and title.i < a.i < name.i), None)
            if first is None:
                continue
            second = next((c for c in first.children if c.dep_ == "conj" and first.i < c.i < name.i), None)
            if second is None or not any(c.dep_ == "cc" for c in first.children):
                continue
            clause, role = name.head, name.dep_
            first.head, first.dep_ = clause, role
            title.head = first
            name.head, name.dep_ = first, "conj"
            second.head, second.dep_ = name, "compound"
            break


# the object pronoun that cannot stand for the subject pronoun of its own verb ("he released him")
DISJOINT_OBJECTS = {"he": "him", "she": "her", "they": "them", "we": "us", "i": "me"}


def conj_out_of_clause(verb: Token) -> Token | None:
    """A verb with no subject of its own, parsed as conjoined to the verb of a clause inside another
    ("police detained Galindo while he was interviewing a politician and released him"), whose
    object pronoun is the form of that clause's subject pronoun: "he ... released him" are two
    people, so the verb continues the clause above; that clause's verb, or None."""
    head = verb.head
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) or head.dep_ not in ("advcl", "ccomp") or head.head.pos_ not in ("VERB", "AUX"):
        return None
    subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "PRON"), None)
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "PRON"), None)
    if subj is None or obj is None or DISJOINT_OBJECTS.get(subj.lower_) != obj.lower_:
        return None
    return head.head
