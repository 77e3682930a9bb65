"""Generate news-like text for benchmarks (our own templates; no third-party text).

Deterministic for a given seed: the same seed gives the same articles.
"""

from __future__ import annotations

import datetime as dt
import random

ACTORS = [
    "Pakistan", "India", "the United States", "China", "Russia", "Ukraine", "Iran", "Israel", "Turkey", "Egypt",
    "the European Union", "NATO", "the United Nations", "Japan", "Germany", "France", "Brazil", "Nigeria", "Kenya",
    "Saudi Arabia", "Qatar", "the Taliban", "Hamas", "Hezbollah", "the Houthis", "Sudanese paramilitaries",
    "Afghan police", "Indian troops", "Pakistani officials", "Iranian President Masoud Pezeshkian",
    "Secretary of State Marco Rubio", "German Chancellor Friedrich Merz", "Prime Minister Narendra Modi",
    "protesters in Nairobi", "rebels in eastern Congo", "the Kremlin", "Beijing", "Washington",
]
CLAUSES = [
    "{a} and {b} agreed to expand trade and security cooperation",
    "{a} accused {b} of violating the ceasefire along the border",
    "{a} met {b} in {city} to discuss the crisis",
    "{a} urged {b} to release detained journalists",
    "{a} imposed new sanctions on {b} over its nuclear programme",
    "{a} rejected a proposal by {b} to hold talks",
    "{a} threatened to retaliate if {b} attacked its forces",
    "{a} praised {b} for its role in mediating the dispute",
    "{a} launched air strikes on positions held by {b}",
    "{a} sent humanitarian aid to {b} after the floods",
    "{a} deployed troops near the frontier with {b}",
    "{a} condemned the attack and called on {b} to show restraint",
    "{a} arrested dozens of supporters of {b}",
    "thousands of people protested in {city} against {b}",
    "{a} will host a summit with {b} next month",
    "{a} signed a defence pact with {b}",
    "{a} expelled two diplomats from {b}",
    "{a} said it had withdrawn its forces from areas claimed by {b}",
]
TAILS = ["", ", officials said", ", the foreign ministry said on {day}", ", according to a statement", ", state media reported"]
CITIES = ["Islamabad", "New Delhi", "Geneva", "Doha", "Cairo", "Ankara", "Brussels", "Nairobi", "Kabul", "Riyadh"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def sentence(rng: random.Random) -> str:
    a, b = rng.sample(ACTORS, 2)
    clause = rng.choice(CLAUSES).format(a=a, b=b, city=rng.choice(CITIES))
    tail = rng.choice(TAILS).format(day=rng.choice(DAYS))
    text = clause + tail + "."
    return text[0].upper() + text[1:]


def articles(n: int, sentences_per_article: int = 8, seed: int = 13) -> list[dict[str, str]]:
    rng = random.Random(seed)
    start = dt.date(2025, 1, 1)
    out = []
    for i in range(n):
        body = " ".join(sentence(rng) for _ in range(sentences_per_article))
        day = start + dt.timedelta(days=i % 365)
        out.append({"id": f"bench-{i:06d}", "date": day.isoformat(), "title": f"Report {i}", "text": body})
    return out
