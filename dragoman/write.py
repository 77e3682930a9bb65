"""Write event records as JSON Lines, CSV or a GDELT-style TSV table.

CSV and TSV cells that begin with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return get a
``'`` in front (OWASP's advice against CSV injection), so that a spreadsheet shows the text of an
id, title or source such as ``=HYPERLINK(...)`` instead of running it; a plain number such as
``-3.5`` is no formula and is kept. ``escape=False`` (``--no-escape-formulas``) writes cells as
they are.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable
from typing import IO, Any

from .errors import Errors, OutputError

FORMATS = ("jsonl", "csv", "tsv")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")

# flat columns for the tabular formats (GDELT-style naming for the TSV)
TABLE_COLUMNS = (
    ("GlobalEventID", "id"),
    ("DocID", "doc_id"),
    ("Date", "date"),
    ("DatePrecision", "date_precision"),
    ("Actor1Text", "actor.entity_text"),
    ("Actor1Code", "actor.code"),
    ("Actor1Sector", "actor.sector"),
    ("Actor2Text", "recipient.entity_text"),
    ("Actor2Code", "recipient.code"),
    ("Actor2Sector", "recipient.sector"),
    ("EventType", "event"),
    ("Mode", "mode"),
    ("Context", "context"),
    ("EventCode", "cameo"),
    ("QuadClass", "quad_code"),
    ("PloverScore", "plover_score"),
    ("EventText", "event_text"),
    ("Modality", "modality"),
    ("Negated", "negated"),
    ("AttributedTo", "attributed_to.entity_text"),
    ("Location", "location.name"),
    ("LocationCountry", "location.country_code"),
    ("Lat", "location.lat"),
    ("Lon", "location.lon"),
    ("SentenceIndex", "text_info.sentence"),
    ("TriggerStart", "text_info.trigger_start"),
    ("TriggerEnd", "text_info.trigger_end"),
    ("Rule", "rule"),
    ("DictionaryVersion", "dictionary_version"),
    ("Confidence", "confidence"),
)


def _cell(rec: dict[str, Any], path: str) -> str:
    head, _, rest = path.partition(".")
    value: Any = rec.get(head)
    if rest:
        if isinstance(value, list):
            parts = [str(v.get(rest) or "") for v in value if isinstance(v, dict)]
            return ";".join(parts)
        if isinstance(value, dict):
            value = value.get(rest)
        else:
            value = None
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def cell(value: str, escape: bool = True) -> str:
    """A cell as a spreadsheet may open it safely: a leading ' when it would start a formula."""
    if escape and value.startswith(FORMULA_START) and not NUMBER.fullmatch(value):
        return "'" + value
    return value


def row(rec: dict[str, Any], escape: bool = False) -> list[str]:
    return [cell(_cell(rec, path), escape) for _, path in TABLE_COLUMNS]


class EventWriter:
    """Streams records to ``out`` in one format; write the header once."""

    def __init__(self, out: IO[str], fmt: str = "jsonl", escape: bool = True) -> None:
        if fmt not in FORMATS:
            raise OutputError(Errors.E020, fmt=fmt)
        self.out = out
        self.fmt = fmt
        self.escape = escape
        self._csv: Any = None
        if fmt in ("csv", "tsv"):
            self._csv = csv.writer(out, delimiter="\t" if fmt == "tsv" else ",", lineterminator="\n")
            header = [name for name, _ in TABLE_COLUMNS]
            if fmt == "csv":
                header = [path.replace(".", "_") for _, path in TABLE_COLUMNS]
            self._csv.writerow(header)

    def write(self, records: Iterable[dict[str, Any]]) -> int:
        n = 0
        for rec in records:
            if self.fmt == "jsonl":
                self.out.write(json.dumps(rec, ensure_ascii=False, sort_keys=False) + "\n")
            else:
                cells = row(rec)
                if self.fmt == "tsv":
                    cells = [c.replace("\t", " ").replace("\n", " ") for c in cells]
                cells = [cell(c, self.escape) for c in cells]
                self._csv.writerow(cells)
            n += 1
        return n
