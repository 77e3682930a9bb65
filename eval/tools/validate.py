"""Validate gold event files against the codebook (../shared/ANNOTATION.md §1, §9).

    python eval/tools/validate.py eval/gold/*.jsonl [--docs eval/docs/*.jsonl]

Checks every line: legal fields, types, codes and labels; the trigger in its sentence; entity and
``attributed_to`` texts in the sentence or in a sentence the note names ("from s3"); dates that fit
their precision; no ``future`` line dated before publication and no ``asserted`` line after it; the
30-day rule for ``asserted`` against ``historical``. Errors fail (exit 1); warnings are printed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import glob
import json
import re
import sys
from pathlib import Path

EVENTS = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
          "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "REB", "PTY", "OPP", "CVL", "BUS", "MED", "JRN", "REL", "REF", "SPY",
           "UAF", "CRM", "EDU", "LAB", "AGR", "ELI", "PRE", "PRM", "SOC", "UNK", "HLH", "ENV", "IGO", "NGO"}
NON_STATE = {"IGO", "UNO", "EUR", "NGO", "MNC", "ISM", "IMG", "KOS", "PSE"}
MODALITIES = {"asserted", "future", "hypothetical", "historical"}
PRECISIONS = {"day", "month", "year", None}
KEYS = {"doc_id", "sentence", "trigger", "event", "mode", "context", "actor", "recipient", "date", "date_precision",
        "modality", "negated", "attributed_to", "note"}
OPTIONAL = {"location", "cameo", "happening"}
FROM_SENT = re.compile(r"\bfrom s(\d+)")


def _iso3() -> set[str]:
    try:
        import pycountry

        return {c.alpha_3 for c in pycountry.countries}
    except ImportError:  # the dictionaries of the package know every state too
        import yaml

        data = yaml.safe_load((Path(__file__).parents[2] / "dragoman/data/actors/countries.yaml").read_text())
        return {r["code"] for r in data}


def _last_day(date: dt.date, precision: str) -> dt.date:
    if precision == "year":
        return dt.date(date.year, 12, 31)
    if precision == "month":
        nxt = dt.date(date.year + (date.month == 12), date.month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return date


def check(rec: dict, doc: dict | None, codes: set[str]) -> tuple[list[str], list[str]]:
    errs: list[str] = []
    warns: list[str] = []
    missing = KEYS - rec.keys()
    if missing:
        errs.append(f"missing keys {sorted(missing)}")
    extra = rec.keys() - KEYS - OPTIONAL
    if extra:
        errs.append(f"unknown keys {sorted(extra)}")
    if rec.get("event") not in EVENTS:
        errs.append(f"event {rec.get('event')!r} is not a PLOVER 0.8 type")
    if rec.get("modality") not in MODALITIES:
        errs.append(f"modality {rec.get('modality')!r}")
    if not isinstance(rec.get("negated"), bool):
        errs.append("negated must be true/false")
    for key in ("mode", "context"):
        if not isinstance(rec.get(key), list):
            errs.append(f"{key} must be a list")
    note = rec.get("note") or ""
    sents = []
    if doc is not None:
        si = rec.get("sentence")
        spans = doc["sentences"]
        if not isinstance(si, int) or not 0 <= si < len(spans):
            errs.append(f"sentence {si!r} out of range (0..{len(spans) - 1})")
        else:
            sents = [doc["text"][slice(*spans[si])]]
            sents += [doc["text"][slice(*spans[int(n)])] for n in FROM_SENT.findall(note) if int(n) < len(spans)]
            if rec.get("trigger") and rec["trigger"] not in sents[0]:
                errs.append(f"trigger {rec['trigger']!r} is not in sentence {si}")
    for role in ("actor", "recipient"):
        ents = rec.get(role)
        if not isinstance(ents, list):
            errs.append(f"{role} must be a list")
            continue
        for ent in ents:
            if not isinstance(ent, dict) or set(ent) - {"code", "sector", "text"} or "code" not in ent:
                errs.append(f"{role} entity {ent!r} needs exactly code, sector, text")
                continue
            code = ent.get("code")
            if code not in codes and code not in NON_STATE:
                errs.append(f"{role} code {code!r} is not ISO 3166 alpha-3 nor one of {sorted(NON_STATE)}")
            if ent.get("sector") not in SECTORS and ent.get("sector") is not None:
                errs.append(f"{role} sector {ent.get('sector')!r}")
            text = ent.get("text")
            if sents and text and not any(text.split(" (")[0] in s for s in sents):
                errs.append(f"{role} text {text!r} is in neither sentence {rec.get('sentence')} nor one the note names")
    att = rec.get("attributed_to")
    if sents and att and not any(att.split(" (")[0] in s for s in sents):
        warns.append(f"attributed_to {att!r} is not in the sentence")
    date, prec = rec.get("date"), rec.get("date_precision")
    if prec not in PRECISIONS:
        errs.append(f"date_precision {prec!r}")
    if (date is None) != (prec is None):
        errs.append("date and date_precision are both null or both set")
    if date is not None and prec is not None and doc is not None:
        try:
            d = dt.date.fromisoformat(date)
        except ValueError:
            errs.append(f"date {date!r} is not YYYY-MM-DD")
        else:
            if prec == "month" and d.day != 1 or prec == "year" and (d.month, d.day) != (1, 1):
                errs.append(f"a {prec}-precision date starts its period: {date}")
            pub = dt.date.fromisoformat(doc["date"])
            mod = rec.get("modality")
            if mod == "future" and _last_day(d, prec) < pub:
                errs.append(f"future event dated {date} before publication {pub}")
            if mod in ("asserted", "historical") and d > pub:
                errs.append(f"{mod} event dated {date} after publication {pub}")
            if mod == "asserted" and _last_day(d, prec) < pub - dt.timedelta(days=30):
                msg = f"asserted event ends {_last_day(d, prec)}, over 30 days before {pub}: historical"
                (warns if "ongoing" in note else errs).append(msg + ("" if "ongoing" not in note else " (ongoing series)"))
            if mod == "historical" and _last_day(d, prec) >= pub - dt.timedelta(days=30):
                errs.append(f"historical event can fall within 30 days of {pub}: asserted")
    return errs, warns


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="+")
    ap.add_argument("--docs", nargs="*", default=None)
    args = ap.parse_args()
    root = Path(__file__).parents[1]
    doc_files = args.docs or sorted(glob.glob(str(root / "docs" / "*.jsonl")))
    docs = {}
    for path in doc_files:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                docs[d["id"]] = d
    codes = _iso3()
    n_err = n_lines = 0
    for path in args.gold:
        for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            n_lines += 1
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                print(f"{path}:{n}: error: not JSON ({exc.msg})")
                n_err += 1
                continue
            doc = docs.get(rec.get("doc_id"))
            if doc is None:
                print(f"{path}:{n}: error: doc_id {rec.get('doc_id')!r} is in no document file")
                n_err += 1
                continue
            errs, warns = check(rec, doc, codes)
            for e in errs:
                print(f"{path}:{n}: error: {e}")
            for w in warns:
                print(f"{path}:{n}: warning: {w}")
            n_err += len(errs)
    print(f"{n_lines} lines, {n_err} errors")
    return 1 if n_err else 0


if __name__ == "__main__":
    sys.exit(main())
