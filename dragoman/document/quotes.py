"""Quotations and their speakers.

A quotation runs from an opening to a closing quotation mark, over as many sentences as it takes;
its speaker is the subject of the reporting verb next to it ('"...," Trump wrote', 'X said: "..."').
The speaker is the source of every event told inside the quotation and the referent of its
first-person pronouns ("We called for ...").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..sentences import doc_text, sent_of
from ..words import words

REPORTING = words("reporting_verbs")
KEY = "dragoman.quotes"
OPEN = {"\u201c": True, "\u201d": False, "\u00ab": True, "\u00bb": False}


@dataclass(frozen=True)
class Quote:
    start: int  # character offset of the opening mark
    end: int  # character offset just after the closing mark
    speaker: int | None  # token index of the speaker phrase's head


def _marks(text: str) -> list[tuple[int, bool]]:
    """(offset, is_opening) of every quotation mark; a straight quote opens after a space or at
    the start of a line and closes after a word or punctuation."""
    out = []
    for i, ch in enumerate(text):
        if ch in OPEN:
            out.append((i, OPEN[ch]))
        elif ch == '"':
            before = text[i - 1] if i else " "
            after = text[i + 1] if i + 1 < len(text) else " "
            opening = before.isspace() or before in "([{\u2014-" or (not after.isspace() and before in ":,")
            out.append((i, opening and not after.isspace()))
    return out


def _pairs(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for i, opening in _marks(text):
        if opening:
            if start is not None and "\n" in text[start:i]:
                start = None  # an unclosed quotation ends with its paragraph
            start = i if start is None else start
        elif start is not None:
            spans.append((start, i + 1))
            start = None
    return spans


def _reporting_subject(verb: Token, lo: int, hi: int) -> Token | None:
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and not lo <= c.idx < hi]
    return subj[-1] if subj else None


def _speaker(doc: Doc, start: int, end: int) -> int | None:
    """The speaker of the quotation [start, end): a reporting verb outside it in the sentence of the
    closing mark (after it first), else in the sentence of the opening mark (before it)."""
    offsets = doc.to_array("IDX")  # (token offsets rise: the last token before end, the first from start)
    k = int(offsets.searchsorted(end, side="left")) - 1
    j = int(offsets.searchsorted(start, side="left"))
    last = doc[k] if k >= 0 else None
    first = doc[j] if j < len(doc) else None
    for anchor, after in ((last, True), (first, False)):
        if anchor is None:
            continue
        sent = sent_of(anchor)
        verbs = [t for t in sent if t.lemma_.lower() in REPORTING and t.pos_ in ("VERB", "AUX") and not start <= t.idx < end]
        verbs = [t for t in verbs if (t.idx >= end) == after]
        verbs.sort(key=lambda t: abs(t.idx - (end if after else start)))
        for verb in verbs:
            subj = _reporting_subject(verb, start, end)
            if subj is not None:
                return subj.i
    return None


def quotes(doc: Doc) -> list[Quote]:
    """Every quotation of a Doc with its speaker (computed once per Doc)."""
    cached = doc.user_data.get(KEY)
    if cached is None:
        cached = []
        text = doc_text(doc)  # (spaCy joins every token's text for each call)
        for s, e in _pairs(text):
            speaker = _speaker(doc, s, e)
            if speaker is None and cached and cached[-1].speaker is not None and "\n" not in text[cached[-1].end : s]:
                # '"We will not attack," Putin said. "Our troops will withdraw."': the same speaker goes on
                if len(text[cached[-1].end : s]) < 200:
                    speaker = cached[-1].speaker
            cached.append(Quote(s, e, speaker))
        doc.user_data[KEY] = cached
    return list(cached)


def quote_of(tok: Token) -> Quote | None:
    """The quotation a token stands in, or None."""
    for q in quotes(tok.doc):
        if q.start < tok.idx < q.end:
            return q
    return None


def speaker_of(tok: Token) -> Token | None:
    """Who says the words a token stands in: the speaker of its quotation, or the subject of the
    reporting verb whose clause it is in ("We called for ..., the foreign secretary said")."""
    q = quote_of(tok)
    if q is not None:
        return tok.doc[q.speaker] if q.speaker is not None else None
    cur = tok
    for _ in range(8):
        head = cur.head
        if head.i == cur.i:
            break
        if head.lemma_.lower() in REPORTING and cur.dep_ in ("ccomp", "parataxis") and head.pos_ in ("VERB", "AUX"):
            return _reporting_subject(head, -1, -1)
        cur = head
    # a reporting verb at the root, the clause beside it ("We called for ..., the secretary said")
    root = sent_of(tok).root
    if root.lemma_.lower() in REPORTING and root.i != tok.i and not (root.i in {a.i for a in tok.ancestors} and tok.dep_ == "nsubj"):
        return _reporting_subject(root, -1, -1)
    return None
