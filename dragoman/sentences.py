"""The sentence of a token, and the entities of a sentence, in constant time.

spaCy's ``Token.sent`` walks the document to find the sentence each time it is asked, and
``Span.ents`` builds every entity of the document to keep those of the span: asked once per
sentence, both make coding quadratic in the number of sentences. The sentences and entities of a
Doc are indexed once instead (kept in ``doc.user_data``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

KEY = "dragoman.sent_of"
ENTS_KEY = "dragoman.sent_ents"


def sent_of(tok: Token) -> Span:
    doc = tok.doc
    table = doc.user_data.get(KEY)
    if table is None:
        table = []
        for sent in doc.sents:
            table.extend([sent] * (sent.end - sent.start))
        doc.user_data[KEY] = table
    return table[tok.i]


def sent_index(tok: Token) -> int:
    """The 0-based index of the sentence a token is in (constant time after the first call)."""
    doc = tok.doc
    table = doc.user_data.get(KEY + ".index")
    if table is None:
        table = []
        for n, sent in enumerate(doc.sents):
            table.extend([n] * (sent.end - sent.start))
        doc.user_data[KEY + ".index"] = table
    return int(table[tok.i])


def sent_ents(sent: Span) -> list[Span]:
    """``sent.ents`` (the entities wholly inside the sentence, in order) without a scan of the document."""
    doc = sent.doc
    table: dict[int, list[Span]] | None = doc.user_data.get(ENTS_KEY)
    if table is None:
        table = {}
        for ent in doc_ents(doc):
            home = sent_of(doc[ent.start])
            if ent.end <= home.end:
                table.setdefault(home.start, []).append(ent)
        doc.user_data[ENTS_KEY] = table
    return list(table.get(sent.start, ()))


TEXT_KEY = "dragoman.text"
DOC_ENTS_KEY = "dragoman.ents"


def doc_text(doc: Doc) -> str:
    """The document's text, joined once (``Doc.text`` joins every token's text at each call)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return str(text)


def keep_text(doc: Doc, text: str) -> None:
    """Remember the text a Doc was made from as its :func:`doc_text` (the tokenizer keeps every
    character: the Doc's text is that text)."""
    doc.user_data[TEXT_KEY] = text


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, made once (``Doc.ents`` builds a new Span for every entity at each call)."""
    ents = doc.user_data.get(DOC_ENTS_KEY)
    if ents is None:
        ents = doc.user_data[DOC_ENTS_KEY] = tuple(doc.ents)
    return tuple(ents)
