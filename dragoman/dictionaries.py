"""Load and validate dictionary files (YAML lists of records with strict keys).

A schema names, for every key of a record kind, the accepted Python types and whether it is
required. Unknown keys, missing required keys and wrong types are errors naming file and record.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .errors import DictionaryError, Errors

SECTORS = frozenset(
    ["GOV", "MIL", "COP", "JUD", "LEG", "REB", "PTY", "OPP", "CVL", "BUS", "MED", "JRN", "REL", "REF", "SPY", "UAF", "CRM", "EDU", "LAB", "AGR", "ELI", "PRE", "PRM", "SOC", "UNK"]
)
# coding conventions: the project's codebook (PLOVER, default) or CAMEO coding practice
CONVENTIONS = ("plover", "cameo")
NONSTATE_CODES = frozenset(["IGO", "UNO", "EUR", "NGO", "IMG", "MNC", "ISM"])
PLOVER_EVENTS = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]

_STR = (str,)
_LIST = (list,)
_OPT_STR = (str, type(None))
_DATE = (str, dt.date, type(None))
_BOOL = (bool,)
_NUM = (int, float)
_INT = (int,)

# key -> (types, required)
Schema = Mapping[str, tuple[tuple[type, ...], bool]]

SCHEMAS: dict[str, Schema] = {
    "country": {
        "id": (_STR, True),
        "code": (_STR, True),
        "name": (_STR, True),
        "aliases": (_LIST, False),
        "demonyms": (_LIST, False),
        "government": (_LIST, False),
    },
    "organization": {
        "id": (_STR, True),
        "name": (_STR, True),
        "aliases": (_LIST, False),
        "code": (_STR, True),
        "sector": (_OPT_STR, False),
        "country": (_OPT_STR, False),
        "members": (_LIST, False),
        "start": (_DATE, False),
        "end": (_DATE, False),
        "note": (_OPT_STR, False),
    },
    "agent": {
        "id": (_STR, True),
        "sector": (_STR, True),
        "code": (_OPT_STR, False),
        "terms": (_LIST, True),
        "office": (_OPT_STR, False),
    },
    "person": {
        "id": (_STR, True),
        "name": (_STR, True),
        "aliases": (_LIST, False),
        "roles": (_LIST, True),
    },
    "role": {
        "code": (_STR, True),
        "sector": (_OPT_STR, False),
        "office": (_OPT_STR, False),
        "start": (_DATE, False),
        "end": (_DATE, False),
    },
    "cameo": {
        "id": (_STR, True),
        "code": (_STR, True),
        "name": (_STR, True),
        "event": (_OPT_STR, True),
        "mode": (_LIST, False),
        "context": (_LIST, False),
        "quad": (_INT, True),
        "score": (_NUM, True),
    },
    "trigger": {
        "id": (_STR, True),
        "lemma": (_OPT_STR, False),
        "lemmas": (_LIST, False),
        "phrase": (_OPT_STR, False),
        "pos": (_STR, True),
        "cameo": (_STR, True),
        "event": (_OPT_STR, False),
        "mode": (_LIST, False),
        "context": (_LIST, False),
        "particle": (_OPT_STR, False),
        "object": (_LIST, False),
        "prep": (_OPT_STR, False),
        "prep_object": (_LIST, False),
        "recipient": (_LIST, False),
        "reciprocal": (_BOOL, False),
        "priority": (_INT, False),
        "complement_aux": (_LIST, False),
        "host": (_BOOL, False),
        "counterpart": (_BOOL, False),
        "transitive": (_BOOL, False),
        "control": (_BOOL, False),
        "content": (_BOOL, False),
        "evaluation": (_OPT_STR, False),
        "note": (_OPT_STR, False),
    },
    "region": {
        "id": (_STR, True),
        "name": (_STR, True),
        "aliases": (_LIST, False),
        "country": (_STR, True),
        "lat": (_NUM, True),
        "lon": (_NUM, True),
        "population": ((int, type(None)), False),
        "kind": (_STR, True),
    },
    "words": {
        "id": (_STR, True),
        "description": (_STR, True),
        "words": (_LIST, True),
    },
    "intent": {
        "id": (_STR, True),
        "when": (_STR, True),
        "from": (_STR, True),
        "cameo": (_STR, True),
        "pos": (_OPT_STR, False),
        "convention": (_LIST, False),
        "lemmas": (_LIST, False),
    },
}

BUNDLED = {
    "country": ["actors/countries.yaml"],
    "organization": ["actors/organizations.yaml"],
    "agent": ["actors/agents.yaml"],
    "person": ["actors/officials.yaml", "actors/officials_phoenix.jsonl"],
    "cameo": ["events/cameo.yaml"],
    "trigger": ["events/triggers.yaml", "events/cameo_verbs.jsonl", "events/non_events.yaml"],
    "intent": ["events/intent.yaml"],
    "region": ["places/regions.yaml"],
    "words": ["rules/words.yaml"],
}


def _date(value: object, path: str, index: int, rid: str, key: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise DictionaryError(
            Errors.E003, path=path, index=index, rid=rid, detail=f"'{key}' is not an ISO date: {value!r}"
        ) from None


def validate(record: object, kind: str, path: str, index: int) -> dict[str, Any]:
    """Check one record against the schema of ``kind``; return it with dates parsed."""
    if not isinstance(record, dict):
        raise DictionaryError(Errors.E003, path=path, index=index, rid="?", detail="not a mapping")
    schema = SCHEMAS[kind]
    rid = str(record.get("id", "?"))
    for key in record:
        if key not in schema:
            raise DictionaryError(
                Errors.E003, path=path, index=index, rid=rid, detail=f"unknown key '{key}' (allowed: {', '.join(schema)})"
            )
    out: dict[str, Any] = {}
    for key, (types, required) in schema.items():
        if key not in record:
            if required:
                raise DictionaryError(Errors.E003, path=path, index=index, rid=rid, detail=f"missing key '{key}'")
            continue
        value = record[key]
        if not isinstance(value, types):
            raise DictionaryError(
                Errors.E003, path=path, index=index, rid=rid,
                detail=f"'{key}' must be {' or '.join(t.__name__ for t in types)}, not {type(value).__name__}",
            )
        if key in ("start", "end"):
            value = _date(value, path, index, rid, key)
        if isinstance(value, list) and key != "roles":
            if not all(isinstance(v, str) and v.strip() for v in value):
                raise DictionaryError(Errors.E003, path=path, index=index, rid=rid, detail=f"'{key}' must list non-empty strings")
        out[key] = value
    _check_values(out, kind, path, index, rid)
    return out


def _check_values(rec: dict[str, Any], kind: str, path: str, index: int, rid: str) -> None:
    def fail(detail: str) -> None:
        raise DictionaryError(Errors.E003, path=path, index=index, rid=rid, detail=detail)

    sector = rec.get("sector")
    if sector is not None and sector not in SECTORS:
        fail(f"unknown sector '{sector}'")
    code = rec.get("code")
    if kind in ("country", "organization") and code is not None:
        if not (len(code) == 3 and code.isalpha() and code.isupper()):
            fail(f"code '{code}' is not a 3-letter upper-case code")
    if kind == "person":
        rec["roles"] = [validate(r, "role", path, index) for r in rec["roles"]]
        if not rec["roles"]:
            fail("a person needs at least one role")
    if kind == "role":
        start, end = rec.get("start"), rec.get("end")
        if start and end and start > end:
            fail(f"role starts ({start}) after it ends ({end})")
    if kind == "trigger":
        if sum(bool(rec.get(k)) for k in ("lemma", "lemmas", "phrase")) != 1:
            fail("give exactly one of 'lemma', 'lemmas' and 'phrase'")
        if rec["pos"] not in ("VERB", "NOUN"):
            fail(f"pos must be VERB or NOUN, not {rec['pos']}")
        if rec.get("event") is not None and rec["event"] not in (*PLOVER_EVENTS, "NONE"):
            fail(f"unknown PLOVER event '{rec['event']}' (or NONE for a construction that is no event)")
    if kind == "intent" and rec["when"] not in ("future", "refusal", "ultimatum", "always"):
        fail("'when' must be future, refusal, ultimatum or always")
    if kind == "intent" and not set(rec.get("convention", [])) <= set(CONVENTIONS):
        fail(f"'convention' lists one of {', '.join(CONVENTIONS)}")
    if kind == "cameo":
        if rec["event"] is not None and rec["event"] not in PLOVER_EVENTS:
            fail(f"unknown PLOVER event '{rec['event']}'")
        if rec["quad"] not in (1, 2, 3, 4):
            fail("quad must be 1, 2, 3 or 4")


def read_yaml(path: Path | str, text: str | None = None) -> list[Any]:
    """Read a YAML list (libyaml's C loader when available), or JSON Lines for ``.jsonl`` files."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        if text is None:
            text = Path(path).read_text(encoding="utf-8")
        if str(path).endswith(".jsonl"):
            return [json.loads(line) for line in text.splitlines() if line.strip() and not line.startswith("#")]
        data = yaml.load(text, Loader=loader)  # noqa: S506 - safe loader
    except json.JSONDecodeError as exc:
        raise DictionaryError(Errors.E002, path=str(path), detail=f"invalid JSON line: {exc.msg}") from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise DictionaryError(Errors.E002, path=str(path), detail=str(exc).splitlines()[0]) from None
    if data is None:
        return []
    if not isinstance(data, list):
        raise DictionaryError(Errors.E002, path=str(path), detail="the top level is not a list of records")
    return data


@dataclass(frozen=True)
class Source:
    """A dictionary file: its display path and text."""

    path: str
    text: str


def bundled_sources(kind: str) -> list[Source]:
    root = resources.files("dragoman") / "data"
    out = []
    for rel in BUNDLED[kind]:
        res = root.joinpath(*rel.split("/"))
        out.append(Source(f"dragoman/data/{rel}", res.read_text(encoding="utf-8")))
    return out


def user_sources(paths: Iterable[Path | str]) -> list[Source]:
    out = []
    for p in paths:
        try:
            out.append(Source(str(p), Path(p).read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError) as exc:
            raise DictionaryError(Errors.E002, path=str(p), detail=str(exc)) from None
    return out


def load_kind(kind: str, sources: Iterable[Source]) -> list[dict[str, Any]]:
    """Load and validate every record of ``kind``; later sources replace records by id."""
    by_id: dict[str, dict[str, Any]] = {}
    where: dict[str, tuple[str, int]] = {}
    for src in sources:
        seen_here: dict[str, int] = {}
        for index, raw in enumerate(read_yaml(src.path, src.text)):
            rec = validate(raw, kind, src.path, index)
            rid = rec["id"]
            if rid in seen_here:
                raise DictionaryError(Errors.E004, path=src.path, rid=rid, first=seen_here[rid], second=index)
            seen_here[rid] = index
            by_id[rid] = rec
            where[rid] = (src.path, index)
    return list(by_id.values())


def split_user_records(paths: Iterable[Path | str]) -> dict[str, list[Source]]:
    """Sort user dictionary files by kind, guessing from their records' keys.

    A user file holds records of one kind; the kind is told by its keys: ``demonyms``/``government``
    (country), ``roles`` (person), ``terms`` (agent), ``pos`` (trigger), ``quad`` (cameo), otherwise
    organization.
    """
    out: dict[str, list[Source]] = {k: [] for k in BUNDLED}
    for src in user_sources(paths):
        records = read_yaml(src.path, src.text)
        kind = "organization"
        if records:
            first = records[0] if isinstance(records[0], dict) else {}
            if "roles" in first:
                kind = "person"
            elif "terms" in first:
                kind = "agent"
            elif "pos" in first:
                kind = "trigger"
            elif "quad" in first:
                kind = "cameo"
            elif "when" in first:
                kind = "intent"
            elif "lat" in first and "country" in first:
                kind = "region"
            elif "demonyms" in first or "government" in first or str(first.get("id", "")).startswith("country."):
                kind = "country"
        out[kind].append(src)
    return out


def version_of(sources: Iterable[Source], package_version: str) -> str:
    """Dictionary version: package version plus a short hash of every dictionary text."""
    h = hashlib.sha256()
    for src in sources:
        h.update(src.path.encode())
        h.update(src.text.encode())
    return f"{package_version}+{h.hexdigest()[:10]}"


@lru_cache(maxsize=1)
def dictionary_codes() -> frozenset[str]:
    """Every code of the bundled country and organisation dictionaries, and the non-state codes."""
    codes = set(NONSTATE_CODES)
    for kind in ("country", "organization"):
        codes.update(str(r["code"]) for r in load_kind(kind, bundled_sources(kind)) if r.get("code"))
    return frozenset(codes)


@lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    """The ISO 3166 alpha-3 codes of the country dictionary (KOS for Kosovo)."""
    return frozenset(str(r["code"]) for r in load_kind("country", bundled_sources("country")) if r.get("code"))
