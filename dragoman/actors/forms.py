"""Surface forms: what each dictionary string means once matched in text."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from ..lexicon import Lexicon
from ..words import words


@dataclass(frozen=True)
class Role:
    code: str
    sector: str | None
    office: str | None
    start: dt.date | None
    end: dt.date | None

    def holds(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Form:
    """One meaning of a surface form.

    kind: ``country`` (a state's name), ``demonym``, ``government`` (capital or seat standing for
    the government), ``org``, ``person`` or ``agent``.
    """

    kind: str
    rid: str
    name: str | None
    roles: tuple[Role, ...]
    geo: tuple[float, float, int] | None = None  # lat, lon, geonameid of a place
    members: tuple[str, ...] = ()  # an informal grouping's member states (organizations.yaml ``members``)
    town: bool = False  # a place of under 15,000 people: no evidence of what an article is about
    population: int = 0  # a place's

    def role_on(self, day: dt.date | None) -> Role | None:
        """The role that holds on ``day`` (the nearest one when none does)."""
        if not self.roles:
            return None
        if day is None:
            return self.roles[0]
        for role in self.roles:
            if role.holds(day):
                return role
        if self.kind != "person":
            return None

        def distance(r: Role) -> int:
            if r.end is not None and r.end < day:
                return (day - r.end).days
            if r.start is not None and r.start > day:
                return (r.start - day).days
            return 0

        near = min(self.roles, key=distance)
        return Role(near.code, "ELI", f"former {near.office}" if near.office else None, None, None)


def _plurals(term: str) -> list[str]:
    """Regular English plurals of the last word of ``term``."""
    words = term.split(" ")
    last = words[-1]
    low = last.lower()
    if not last.isalpha() or last.isupper() or low.endswith(("s", "ese")):
        return []
    if low.endswith("man"):
        forms = [last[:-3] + "men"]
    elif low.endswith("y") and len(low) > 2 and low[-2] not in "aeiou":
        forms = [last[:-1] + "ies"]
    elif low.endswith(("sh", "ch", "x", "z")):
        forms = [last + "es"]
    elif low.endswith("f") and low not in ("chief",):
        forms = [last + "s"]
    else:
        forms = [last + "s"]
    return [" ".join(words[:-1] + [f]) for f in forms]


def iter_forms(lex: Lexicon) -> Iterator[tuple[str, Form]]:
    """Every (surface string, meaning) pair of the lexicon."""
    for c in lex.countries:
        code = c["code"]
        state = Form("country", c["id"], c["name"], (Role(code, None, None, None, None),))
        for s in [c["name"], *c.get("aliases", [])]:
            yield s, state
        dem = Form("demonym", c["id"], c["name"], (Role(code, None, None, None, None),))
        for s in c.get("demonyms", []):
            yield s, dem
        gov = Form("government", c["id"], c["name"], (Role(code, "GOV", None, None, None),))
        for s in c.get("government", []):
            yield s, gov
    for o in lex.organizations:
        org = Form("org", o["id"], o["name"], (Role(o["code"], o.get("sector"), None, o.get("start"), o.get("end")),),
                   members=tuple(o.get("members") or ()))
        for s in [o["name"], *o.get("aliases", [])]:
            yield s, org
    for p in lex.persons:
        roles = tuple(
            Role(r["code"], r.get("sector"), r.get("office"), r.get("start"), r.get("end")) for r in p["roles"]
        )
        person = Form("person", p["id"], p["name"], roles)
        for s in [p["name"], *p.get("aliases", [])]:
            yield s, person
    # regions (provinces, states, named conflict regions): the most populous first for shared names
    for r in sorted(lex.regions, key=lambda r: -(r.get("population") or 0)):
        region = Form("region", r["id"], r["name"], (Role(r["country"], None, None, None, None),), (float(r["lat"]), float(r["lon"]), 0))
        for s in [r["name"], *r.get("aliases", [])]:
            yield s, region
    for a in lex.agents:
        # an agent's code (NGO for rights groups, aid agencies) is what it is when no country is named
        agent = Form("agent", a["id"], a.get("office"), (Role(a.get("code") or "", a["sector"], a.get("office"), None, None),))
        for s in a["terms"]:
            yield s, agent
            for plural in _plurals(s):
                yield plural, agent


def is_acronym(s: str) -> bool:
    """All-caps forms of up to 5 letters are matched case-sensitively."""
    letters = [ch for ch in s if ch.isalpha()]
    return bool(letters) and len(letters) <= 5 and all(ch.isupper() for ch in letters)


TOWN_MIN_POPULATION = 5000  # towns under the cities' 15,000: named only where NER marks a place


@dataclass(frozen=True)
class PlaceTables:
    """The gazetteer's names as the matcher reads them, built in one pass per population cut."""

    cities: dict[str, Form]  # lower-case name -> city of 15,000+ people
    towns: dict[str, Form]  # names of towns of 5,000-15,000 that no city has (NER places only)
    alternates: dict[str, tuple[Form, ...]]  # name -> towns of other countries bearing it too


def place_tables() -> PlaceTables:
    """The cities (kind ``place``, their country's code), the towns whose names no city has
    ("Pahalgam": read as places only where the named entities mark one), and for names borne in
    several countries the other countries' towns, most likely first ("hanover": Hannover in
    Germany, after Hanover in the United States)."""
    cities = {key: forms[0] for key, forms in sorted(_places(15000).items())}
    everything = _places(TOWN_MIN_POPULATION)
    towns = {key: dataclasses.replace(forms[0], town=True) for key, forms in sorted(everything.items()) if key not in cities}
    alternates = {key: forms[1:] for key, forms in everything.items() if len(forms) > 1}
    return PlaceTables(cities, towns, alternates)


def _places(min_population: int) -> dict[str, tuple[Form, ...]]:
    """Lower-case name -> the gazetteer's cities of that name, one per country, the default first:
    a city's own name beats another city's alternate name, then population."""
    from ..gazetteer import iter_cities

    ranked: dict[str, dict[str, tuple[tuple[bool, int], Form]]] = {}
    regions = words("world_region_names")
    common = words("common_word_place_names")
    for name, place in iter_cities(min_population):
        key = name.lower()
        if key in regions:
            continue  # "Asia" is the continent, not the Philippine town
        if key in common:
            continue  # "the Summit" is a meeting, not the town in New Jersey
        r = (name == place.name, place.population)
        per_country = ranked.setdefault(key, {})
        if place.country_code in per_country and per_country[place.country_code][0] >= r:
            continue
        per_country[place.country_code] = (r, Form(
            "place", f"geonames.{place.geonameid}", place.name,
            (Role(place.country_code, None, None, None, None),), (place.lat, place.lon, place.geonameid),
            population=place.population,
        ))
    return {
        key: tuple(f for _, f in sorted(per_country.values(), key=lambda rf: (rf[0], rf[1].rid), reverse=True))
        for key, per_country in ranked.items()
    }
