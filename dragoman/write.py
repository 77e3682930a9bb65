"""Write event records as JSON Lines, a flat CSV table or the GDELT 2.0 event table (TSV).

Text cells of CSV and TSV are quoted (``"030"``), numbers are not, so that a CSV reader that
guesses types (DuckDB's) keeps codes such as CAMEO ``030`` as text; see docs/codebook.md for
loading them into pandas. In TSV a tab or a line break inside a cell becomes a space.

CSV and TSV cells that begin with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return get a
``'`` in front (OWASP's advice against CSV injection), so that a spreadsheet shows the text of an
id, title or source such as ``=HYPERLINK(...)`` instead of running it; a plain number such as
``-3.5`` is no formula and is kept. ``escape=False`` (``--no-escape-formulas``) writes cells as
they are.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from typing import IO, Any

from . import gdelt
from .errors import Errors, OutputError

FORMATS = ("jsonl", "csv", "tsv")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")

# the flat CSV table: (header, path in the record)
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
NUMERIC_PATHS = frozenset({
    "quad_code", "plover_score", "location.lat", "location.lon", "text_info.sentence", "text_info.trigger_start",
    "text_info.trigger_end", "confidence",
})
Contexts = Callable[[dict[str, Any]], gdelt.Context]


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


def quoted(value: str, escape: bool = True, tsv: bool = False) -> str:
    """A text cell: formula-escaped, tabs and line breaks as spaces in TSV, in double quotes."""
    if tsv:
        value = value.replace("\t", " ").replace("\r", " ").replace("\n", " ")
    value = cell(value, escape)
    return '"' + value.replace('"', '""') + '"'


def line(values: Iterable[tuple[Any, bool]], delimiter: str, escape: bool = True) -> str:
    """One CSV/TSV line of (value, numeric) cells: text quoted, numbers bare, None empty."""
    tsv = delimiter == "\t"
    cells = []
    for value, numeric in values:
        if value is None or value == "":
            cells.append("")
        elif numeric and isinstance(value, (int, float)) and not isinstance(value, bool) or numeric and NUMBER.fullmatch(str(value)):
            cells.append(str(value))
        else:
            cells.append(quoted(str(value), escape, tsv))
    return delimiter.join(cells) + "\n"


def no_context(rec: dict[str, Any]) -> gdelt.Context:
    return gdelt.Context()


class EventWriter:
    """Streams records to ``out`` in one format; writes the header first.

    ``tsv`` is the GDELT 2.0 event table (``extras`` adds dragoman's columns after SOURCEURL);
    ``contexts`` gives each record what the table needs beyond it (URL, publication date,
    cluster counts; :class:`dragoman.gdelt.Context`).
    """

    def __init__(self, out: IO[str], fmt: str = "jsonl", escape: bool = True, *, extras: bool = False) -> None:
        if fmt not in FORMATS:
            raise OutputError(Errors.E020, fmt=fmt)
        self.out = out
        self.fmt = fmt
        self.escape = escape
        self.extras = extras
        self.rows = 0  # table rows written (TSV: one per actor-recipient pair)
        if fmt == "tsv":
            header = [*gdelt.COLUMNS, *(gdelt.EXTRA_COLUMNS if extras else ())]
            out.write(line(((h, False) for h in header), "\t", escape))
        elif fmt == "csv":
            out.write(line(((path.replace(".", "_"), False) for _, path in TABLE_COLUMNS), ",", escape))

    def write(self, records: Iterable[dict[str, Any]], contexts: Contexts | None = None) -> int:
        """Write ``records``; the number of records (events) written."""
        n = 0
        numeric = [c in gdelt.NUMERIC for c in (*gdelt.COLUMNS, *gdelt.EXTRA_COLUMNS)]
        for rec in records:
            if self.fmt == "jsonl":
                self.out.write(json.dumps(rec, ensure_ascii=False, sort_keys=False) + "\n")
            elif self.fmt == "csv":
                self.out.write(line(((_cell(rec, path), path in NUMERIC_PATHS) for _, path in TABLE_COLUMNS), ",", self.escape))
                self.rows += 1
            else:
                for values in gdelt.rows(rec, (contexts or no_context)(rec), self.extras):
                    self.out.write(line(zip(values, numeric, strict=False), "\t", self.escape))
                    self.rows += 1
            n += 1
        return n
