"""The sentence of a token, in constant time.

spaCy's ``Token.sent`` walks the document to find the sentence each time it is asked; the
coder asks often, so the sentences of a Doc are indexed once (kept in ``doc.user_data``).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

KEY = "dragoman.sent_of"


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
