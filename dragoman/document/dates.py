"""Event dates: resolve the date expressions of an event's clause against the publication date.

Handles what news uses and dateparser alone gets wrong or misses: weekdays ("on Friday" is the
latest Friday not after publication, the next one for future events), "this August", "earlier this
month", "last year", "in May", "two days ago", month-day dates with or without a year, bare years;
a week ("last week") is a vague period dated at the month it begins in, a span of days ("October
22-24") at its first day, a series "since 3 March" at the month it began (codebook section 6).
Precision is ``day``, ``month`` or ``year``, and the date is always a full ``YYYY-MM-DD``: a month
or a year is written as its first day, as the codebook's gold does (``2025-08-01`` with precision
``month``). Events with no date of their own keep the publication date with precision
``publication``. A year inside a name ("Vision 2030") is no date; an event told as having
happened is never dated after publication; a date said of a reporting verb ("said Tuesday that it
would ...") dates the saying, not what is reported.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any

from spacy.tokens import Span, Token

from ..mentions import EventDate
from ..words import words as word_list

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
REACTIONS = word_list("reaction_verbs")
LEAD = re.compile(r"^(on|in|since|by|during|from|until|till|at|of|as of|this past|the|late on|early on)\s+")


def _month_shift(year: int, month: int, delta: int) -> tuple[int, int]:
    m = year * 12 + (month - 1) + delta
    return m // 12, m % 12 + 1


def _day(d: dt.date) -> tuple[str, str]:
    return d.isoformat(), "day"


def _month(y: int, m: int) -> tuple[str, str]:
    return f"{y:04d}-{m:02d}-01", "month"


def _year(y: int) -> tuple[str, str]:
    return f"{y:04d}-01-01", "year"


def resolve(expr: str, pub: dt.date, future: bool = False) -> tuple[str, str] | None:
    """(value, precision) for a date expression relative to the publication date, or None."""
    s = " ".join(expr.lower().replace(",", " ").replace(".", " ").split())
    s = re.sub(r"'s$", "", s)
    series = s.startswith("since ")
    prev = None
    while prev != s:
        prev, s = s, LEAD.sub("", s)
    if not s:
        return None
    got = _resolve(s, pub, future)
    if series and got is not None and got[1] == "day":
        # a series "since 3 March" is dated at the month it began (codebook: vague periods)
        return _month(int(got[0][:4]), int(got[0][5:7]))
    return got


def _resolve(s: str, pub: dt.date, future: bool) -> tuple[str, str] | None:
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", s)
    if m:
        try:
            return _day(dt.date(int(m[1]), int(m[2]), int(m[3])))
        except ValueError:
            return None
    if s in ("today", "this morning", "this afternoon", "this evening", "tonight", "earlier today", "later today"):
        return _day(pub)
    if s in ("yesterday", "last night", "yesterday morning", "yesterday afternoon", "yesterday evening"):
        return _day(pub - dt.timedelta(days=1))
    if s == "tomorrow":
        return _day(pub + dt.timedelta(days=1))
    m = re.fullmatch(r"(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten) (day|week|month|year)s? ago", s)
    if m:
        n = int(m[1]) if m[1].isdigit() else NUMBERS[m[1]]
        if m[2] == "day":
            return _day(pub - dt.timedelta(days=n))
        if m[2] == "week":
            return _day(pub - dt.timedelta(days=7 * n))
        if m[2] == "month":
            return _month(*_month_shift(pub.year, pub.month, -n))
        return _year(pub.year - n)
    m = re.fullmatch(r"(?:(last|this|next|early|late) )?(" + "|".join(WEEKDAYS) + r")(?: (?:morning|afternoon|evening|night))?", s)
    if m:
        wd = WEEKDAYS[m[2]]
        if m[1] == "next" or (future and m[1] != "last"):
            ahead = (wd - pub.weekday()) % 7 or (7 if m[1] == "next" else 0)
            return _day(pub + dt.timedelta(days=ahead))
        back = (pub.weekday() - wd) % 7
        if m[1] == "last" and back == 0:
            back = 7
        return _day(pub - dt.timedelta(days=back))
    m = re.fullmatch(r"(?:last|past) (\d+|two|three|four|five|six|seven|eight|nine|ten|few|several|couple of) (week|month)s", s)
    if m:
        # "in the last two weeks", "over the past three months": a period, dated at the month it begins in
        n = int(m[1]) if m[1].isdigit() else NUMBERS.get(m[1], 2 if m[1] == "couple of" else 3)
        if m[2] == "week":
            start = pub - dt.timedelta(days=7 * n)
            return _month(start.year, start.month)
        return _month(*_month_shift(pub.year, pub.month, -n))
    m = re.fullmatch(r"(?:earlier|later|late|early)? ?(this|last|next|previous|following) (week|weekend)", s)
    if m:
        # a week is a vague period: the month it begins in (codebook); weeks run Monday to Sunday
        monday = pub - dt.timedelta(days=pub.weekday())
        monday += dt.timedelta(days=7 * {"this": 0, "last": -1, "previous": -1, "next": 1, "following": 1}[m[1]])
        start = monday + dt.timedelta(days=5) if m[2] == "weekend" else monday
        return _month(start.year, start.month)
    m = re.fullmatch(r"(earlier|later|late|early)? ?(this|last|next) (month|year)", s)
    if m:
        delta = {"this": 0, "last": -1, "next": 1}[m[2]]
        if m[3] == "month":
            return _month(*_month_shift(pub.year, pub.month, delta))
        return _year(pub.year + delta)
    month_names = "|".join(sorted(MONTHS, key=len, reverse=True))
    m = re.fullmatch(r"(?:early|late|mid|mid-)? ?(" + month_names + r") (last|this|next) year", s)
    if m:
        # "in February last year", "in March next year"
        return _month(pub.year + {"last": -1, "this": 0, "next": 1}[m[2]], MONTHS[m[1]])
    m = re.fullmatch(r"(?:(this|last|next|early|late|mid|mid-) ?)?(" + month_names + r")(?: (\d{4}))?", s)
    if m:
        month = MONTHS[m[2]]
        if m[3]:
            return _month(int(m[3]), month)
        year = pub.year
        if m[1] == "last":
            year = pub.year if month < pub.month else pub.year - 1
        elif m[1] == "next":
            year = pub.year if month > pub.month else pub.year + 1
        elif m[1] == "this":
            year = pub.year
        elif future:
            year = pub.year if month >= pub.month else pub.year + 1
        else:
            year = pub.year if month <= pub.month else pub.year - 1
        return _month(year, month)
    # a span of days ("October 22-24", "12-14 March 2025") is dated at its first day
    to = r"(?: ?(?:-|–|to|and) ?\d{1,2}(?:st|nd|rd|th)?)?"
    m = re.fullmatch(r"(" + month_names + r") (\d{1,2})(?:st|nd|rd|th)?" + to + r"(?: (\d{4}))?", s) or re.fullmatch(
        r"(\d{1,2})(?:st|nd|rd|th)?" + to + r" (?:of )?(" + month_names + r")(?: (\d{4}))?", s
    )
    if m:
        a, b, y = m[1], m[2], m[3]
        month, day = (MONTHS[a], int(b)) if a in MONTHS else (MONTHS[b], int(a))
        try:
            if y:
                return _day(dt.date(int(y), month, day))
            cand = dt.date(pub.year, month, day)
            if future and cand < pub:
                cand = dt.date(pub.year + 1, month, day)
            elif not future and cand > pub + dt.timedelta(days=1):
                cand = dt.date(pub.year - 1, month, day)
            return _day(cand)
        except ValueError:
            return None
    m = re.fullmatch(r"(?:the )?(?:year )?(?:(?:early|late|mid|mid-|end of|start of|beginning of) ?)?((?:19|20)\d\d)", s)
    if m:
        return _year(int(m[1]))
    return None


_MONTH_NAMES = "|".join(sorted((m for m in MONTHS if len(m) > 3 or m == "may"), key=len, reverse=True))
CALENDAR_DAY = re.compile(
    r"(?:\d{1,2}(?:st|nd|rd|th)? (?:" + _MONTH_NAMES + r")|(?:" + _MONTH_NAMES + r")\.? \d{1,2}(?:st|nd|rd|th)?)(?:,? \d{4})?",
    re.IGNORECASE,
)
MISLABELLED = {"EVENT", "CARDINAL", "ORDINAL", "QUANTITY", "PRODUCT", "WORK_OF_ART", "LAW"}


def is_date(ent: Span) -> bool:
    """A DATE or TIME entity, or a calendar day the recogniser gave another label ("on 9
    September" read as an EVENT)."""
    return ent.label_ in ("DATE", "TIME") or (ent.label_ in MISLABELLED and CALENDAR_DAY.fullmatch(ent.text.strip()) is not None)


DATE_PATH = {"pobj", "prep", "npadvmod", "nummod", "compound", "amod", "det", "advmod", "quantmod", "appos", "nmod", "poss"}


def _attached(ent: Span, clause_heads: set[int]) -> int:
    """0 when a date phrase hangs on the event's clause, 99 when it hangs on something else.

    The phrase is followed up the tree through prepositions and modifiers only, so "this August"
    in "... the Dialogue in Islamabad this August" dates the dialogue, not the verb above it;
    a chain of them up to six steps long still reaches the verb ("At the conclusion of the round
    on Wednesday, the two parties signed ...").
    """
    cur: Token = ent.root
    head = cur.head
    if (
        cur.dep_ in ("compound", "amod", "nummod", "nmod") and head.i > cur.i and head.i not in clause_heads
        and head.pos_ in ("NOUN", "PROPN") and head.ent_type_ not in ("DATE", "TIME")
    ):
        return 99  # "within the 1967 borders", "the 2015 nuclear deal": a year naming a thing, not this event's
    for _ in range(6):
        if cur.i in clause_heads:
            return 0
        if cur.dep_ not in DATE_PATH or cur.head.i == cur.i:
            break
        cur = cur.head
    return 0 if cur.i in clause_heads else 99


def _ongoing(verb: Token) -> bool:
    """A reported clause in the present or progressive ("announced in December it was cutting
    ties"): it happens when it is said, so the saying's date is its date."""
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return verb.tag_ == "VBG" and bool(aux & {"is", "was", "are", "were", "'s", "'re", "am"}) or (verb.tag_ in ("VBZ", "VBP") and not aux)


def _in_name(ent: Span) -> bool:
    """A number in a name or title ("Vision 2030", "Equal Measures 2030", "Expo 2025"): a bare
    year right after a capitalised word that is not a month."""
    if len(ent) != 1 or not ent[0].like_num:
        return False
    prev = ent.doc[ent.start - 1] if ent.start else None
    return prev is not None and prev.is_title and prev.lower_ not in MONTHS and prev.pos_ == "PROPN"


OBJECT_PREPS = {"for", "about", "over", "at", "of", "on"}


def _reacted_to(trigger: Token, words: tuple[Token, ...]) -> int | None:
    """The position of the noun a reaction is about: the verb's object ("condemned the attack"),
    or the object of its preposition ("thanked X for its condemnation", "concern over the
    detention"), when that noun is no word of the trigger's own."""
    own = {trigger.i, *(w.i for w in words)}
    for head in (trigger, *words):
        for c in head.children:
            if c.i in own:
                continue
            if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") and trigger.pos_ == "VERB" and head.i == trigger.i \
                    and c.ent_type_ not in ("DATE", "TIME"):
                return c.i
            if c.dep_ == "prep" and c.lower_ in OBJECT_PREPS:
                for g in c.children:
                    if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN") and g.i not in own and g.ent_type_ not in ("DATE", "TIME"):
                        return g.i
    return None


def event_date(
    trigger: Token,
    sent: Span,
    pub: dt.date | None,
    future: bool,
    words: tuple[Token, ...] = (),
    ents: list[Span] | None = None,
) -> EventDate | None:
    """The date of the event a trigger names, from the DATE phrases of its sentence."""
    if pub is None:
        return None
    # the trigger, its other words and its object ("host talks ... next month")
    heads = {trigger.i, *(w.i for w in words), *(c.i for c in trigger.children if c.dep_ == "dobj")}
    # a reaction's object is what it reacts to: a date told after it is that event's ("condemned
    # the attack in Pahalgam in April", however the parser hangs "in April"), unless the reaction
    # is still ahead
    reacted = _reacted_to(trigger, words) if trigger.lemma_.lower() in REACTIONS and not future else None
    cur = trigger
    # the clause a temporal clause hangs on: its period is the latest the text allows ("soured in
    # 2010 after commandos stormed ..."); "when", "as", "while" tell the same time, any precision
    linked: set[int] = set()
    for _ in range(4):
        if cur.dep_ == "advcl" and cur.head.i != cur.i:
            mark = {c.lower_ for c in cur.children if c.dep_ in ("mark", "advmod")}
            if mark & {"when", "as", "while", "after"}:
                linked = {cur.head.i}
                if mark & {"after"}:
                    linked.add(-1)  # after: only a month or a year covers both
        # a participle adjunct tells what went on at the same time ("issued a statement Tuesday
        # saying ...", "telling journalists on Wednesday that ...")
        participle = cur.dep_ == "advcl" and cur.tag_ == "VBG" and not any(c.dep_ in ("mark", "nsubj") for c in cur.children)
        # a relative clause in the present ("the minister, who is visiting Washington, held ...")
        # goes on while its noun's clause happens
        present = cur.dep_ == "relcl" and _ongoing(cur)
        if cur.head.i == cur.i or (cur.dep_ in ("advcl", "relcl", "parataxis") and not participle and not present):
            break
        # a verb conjoined to another shares its time ("Last week, they met in Bangui and signed ...")
        if cur.dep_ == "conj" and not (cur.pos_ == "VERB" and cur.head.pos_ == "VERB"):
            break
        if cur.dep_ == "ccomp" and not _ongoing(cur):
            break  # a reporting verb's date is the saying's ("said Tuesday that it would ...")
        cur = cur.head
        heads.add(cur.i)
    # a verb conjoined after it, when it has no date of its own: "had been arrested and sentenced
    # ... in 2011"
    partners = {c.i for c in trigger.children if c.dep_ == "conj" and c.pos_ == "VERB"} if trigger.pos_ == "VERB" else set()
    cands = []
    for ent in sent.ents if ents is None else ents:
        if not is_date(ent) or _in_name(ent):
            continue
        try:
            got = resolve(ent.text, pub, future)
        except OverflowError:  # "99999999 days ago": no date a calendar holds
            got = None
        if got is None:
            got = anaphoric(ent, pub)
        if got is None:
            continue
        if not future and got[0] > pub.isoformat():
            continue  # what has happened is not dated after publication
        if reacted is not None and (ent.start > reacted or any(a.i == reacted for a in ent.root.ancestors)):
            continue  # "condemned the attack in April", "condemned Tuesday's attack"
        step = _attached(ent, heads)
        if step == 99 and linked and (-1 not in linked or got[1] != "day") and _attached(ent, linked) == 0:
            step = 1
        if step == 99 and partners and _attached(ent, partners) == 0:
            step = 2
        cands.append((step, abs(ent.start - trigger.i), got, ent.text))
    if not cands:
        return None
    cands.sort(key=lambda c: (c[0], c[1]))
    step, _, (value, precision), text = cands[0]
    if step == 99:
        return None  # the date belongs to another clause or phrase
    return EventDate(value, precision, text)


ANAPHORIC = re.compile(
    r"(?:(?:earlier|later|late|early) )?(?:that|same) (?P<same>day|week|month|year)"
    r"|(?:following|next) (?P<next>day|week|month|year)"
    r"|(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten) (?P<later>day|week|month|year)s? later"
)


def anaphoric(ent: Span, pub: dt.date) -> tuple[str, str] | None:
    """A date told from the one named before it ("In June 2023, forces detained three officers; a
    court freed them later that month", "the following day", "two years later"): resolved against
    the nearest date before it in its sentence or the three before; None when it is no such phrase
    or nothing before anchors it."""
    s = " ".join(ent.text.lower().replace(",", " ").split())
    prev = None
    while prev != s:
        prev, s = s, LEAD.sub("", s)
    m = ANAPHORIC.fullmatch(s)
    if m is None or m["same"] == "day":
        return None  # "on the same day": the day the story is telling, carried from the event before
    doc = ent.doc
    first_sent = ent.sent.start
    for _ in range(3):
        if first_sent == 0:
            break
        first_sent = doc[first_sent - 1].sent.start
    anchor: tuple[str, str] | None = None
    for other in reversed([e for e in doc.ents if first_sent <= e.start and e.end <= ent.start]):
        if is_date(other) and not _in_name(other) and ANAPHORIC.search(other.text.lower()) is None:
            try:
                anchor = resolve(other.text, pub)
            except OverflowError:
                anchor = None
            if anchor is not None and anchor[0] <= pub.isoformat():
                break
            anchor = None
    if anchor is None:
        return None
    value, precision = anchor
    day = dt.date.fromisoformat(value)
    unit = m["same"] or m["next"] or m["later"]
    n = 0 if m["same"] else 1 if m["next"] else (int(m["n"]) if m["n"].isdigit() else NUMBERS[m["n"]])
    if unit == "year":
        return _year(day.year + n)
    if unit == "month":
        if precision == "year":
            return None  # "later that month" after "in 2023": which month is not told
        return _month(*_month_shift(day.year, day.month, n))
    if precision != "day":
        return anchor  # "a week later" after "in February": that month is as near as the text tells
    if unit == "week":
        start = day + dt.timedelta(days=7 * n)
        return _month(start.year, start.month)
    return _day(day + dt.timedelta(days=n))


def _aside(tok: Token) -> bool:
    """Whether a word stands in a relative clause or a participle phrase of a noun ("the plan,
    which was adopted in Cairo on March 4", "the contacts held in Riyadh on February 18"): told
    aside, its day is not the day the article goes on telling."""
    for _ in range(8):
        if tok.dep_ in ("relcl", "acl"):
            return True
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return False


def carry_dates(events: list[Any]) -> None:
    """An asserted event without a date of its own takes the date of the asserted event told
    before it ("met on Tuesday ... The two ministers discussed ..."): news tells one day's
    happenings until it names another day. A month or a year ("last week the two signed a
    treaty") names no other day: it is background, and the day told before goes on."""
    last: EventDate | None = None
    for ev in events:
        if ev.modality != "asserted":
            continue
        if ev.date is not None:
            if ev.date.precision == "day" and not _aside(ev.trigger.token) and ev.trigger.pattern.pos != "NOUN" and not (
                ev.date.text and ANAPHORIC.search(ev.date.text.lower())
            ):
                # (nor a day told from another, "the next day": the story goes back to its own day)
                # (an act named by a noun, "the attack on June 21", is mentioned, not told: the
                # story's day goes on)
                last = ev.date
        elif last is not None:
            ev.date = EventDate(last.value, last.precision, None)
