"""Document ids are unique per input path: the ids of one read, and the collisions that are errors.

- An id given by the record (JSONL or CSV ``id``, a feed item's guid, a page's canonical URL, a
  URL) names one document wherever it is read: the same id in another input is the same document
  (a later version replaces the stored one).
- Within one input, an id names one record: the same id again with other content is an error on
  the later record (E027); the same record twice is read twice (and stored once).
- An id made from the file name when the record has none (a text or HTML file's name, a JSONL or
  CSV file's stem and line) belongs to its file: the same id read from another input is an error
  on the later record (E028), in one run and, in the store, against the input the stored article
  came from.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import Errors, InputError
from .article import Article, content_hash


def same_input(origin: str, path: str) -> bool:
    """Whether an article's ``origin`` ("path", "path:line" or "path:item n") lies in input ``path``."""
    if origin == path:
        return True
    head, sep, tail = origin.rpartition(":")
    return bool(sep) and head == path and (tail.isdigit() or tail.startswith("item "))


@dataclass
class _Seen:
    input: str
    origin: str
    digest: str
    from_path: bool


class DocIds:
    """The ids read so far, with the input, origin and content of their first record."""

    def __init__(self) -> None:
        self.seen: dict[str, _Seen] = {}

    def check(self, art: Article) -> None:
        """Note ``art``'s id; raise InputError when it collides with an earlier record's."""
        digest = content_hash(art)
        first = self.seen.get(art.id)
        if first is None:
            self.seen[art.id] = _Seen(art.input, art.origin, digest, art.id_from_path)
            return
        if first.input == art.input:
            if first.digest != digest:
                raise InputError(Errors.E027, where=art.origin, rid=repr(art.id), other=first.origin)
            return
        if art.id_from_path or first.from_path:
            raise InputError(Errors.E028, where=art.origin, rid=repr(art.id), other=first.origin)
