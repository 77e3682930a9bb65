"""Datelines: "KABUL, Afghanistan (AP) — ", "ISLAMABAD (Reuters) - ", "Kyiv, Ukraine —", "Tokyo, 3 July 2025 –".

A dateline opens a news paragraph with the place a story was filed from. It is no actor of the
first sentence: the coder makes it a sentence of its own, so "KABUL ... — Taliban fighters
attacked" has the Taliban as the only actor.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

DATELINE = re.compile(
    r"(?m)^[ \t]*"
    r"(?:[A-Z][A-Za-z.'\-]*(?:[ ][A-Z][A-Za-z.'\-]*){0,3})"  # city, any case style
    r"(?:,[ ]*[A-Z][A-Za-z.'\-]*(?:[ ][A-Z][A-Za-z.'\-]*){0,3})?"  # , country or state
    r"(?:,[ ]*(?:"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[ ]+\d{1,2}(?:,[ ]*\d{4})?"  # , Aug 24 / , July 3, 2025
    r"|\d{1,2}[ ]+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?(?:[ ]+\d{4})?"  # , 3 July 2025
    r"))?"
    r"(?:[ ]*\([A-Za-z.&' ]{1,30}\))?"  # (AP), (Reuters)
    r"[ ]*(?:--|[-\u2013\u2014])[ ]+"
)


def dateline_ends(text: str) -> Iterator[int]:
    """Character offsets where the text after a dateline starts."""
    for m in DATELINE.finditer(text):
        if m.end() < len(text) and m.end() - m.start() <= 80:
            yield m.end()
