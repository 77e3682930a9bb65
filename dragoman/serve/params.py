"""Request parameters: the CLI's filters (and a few more) as query parameters, checked up front.

Every list filter is repeatable or comma-separated (``?country=ISR,PSE`` = ``?country=ISR&country=PSE``);
an empty value is no filter. A value that is not known gets a 400 that names the parameter.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Query

from ..errors import DragomanError
from ..store.query import Filters
from .errors import ApiError, from_dragoman

# the name of each filter's query parameter (as the CLI option, without --)
FILTER_PARAMS = ("actor", "recipient", "country", "event", "quad", "since", "until", "source", "text", "modality", "negated", "precision", "min_confidence", "attributed")
_PARAM_OF = {
    "event type": "event", "quad class": "quad", "modality": "modality", "date precision": "precision",
    "actor code": "country", "minimum confidence": "min_confidence", "date range": "since",
}

Codes = Annotated[list[str], Query(description="Codes (ISO 3166 alpha-3, IGO, UNO...); repeatable or comma-separated.")]


def _split(values: list[str] | None) -> list[str]:
    return [v.strip() for value in values or [] for v in value.split(",") if v.strip()]


def _day(value: str | None, name: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ApiError(400, f"'{value}' is not a date", "Give the day as YYYY-MM-DD.", name) from None


def _negated(value: str | None) -> bool | None:
    text = (value or "").strip().lower()
    if text in ("", "any"):
        return None
    if text in ("true", "yes", "1"):
        return True
    if text in ("false", "no", "0"):
        return False
    raise ApiError(400, f"'{value}' is not a yes/no value", "Use negated=true (only negated events), negated=false, or leave it out.", "negated")


def _confidence(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        raise ApiError(400, f"'{value}' is not a number", "Give min_confidence as a number from 0 to 1.", "min_confidence") from None


@dataclass
class FilterArgs:
    """The filter parameters of a request, as given (for links that keep them) and as Filters."""

    filters: Filters
    given: dict[str, list[str]]

    def query(self, **extra: Any) -> str:
        """The query string of these filters with ``extra`` parameters set (None removes one)."""
        params: dict[str, Any] = {k: v for k, v in self.given.items() if v}
        for key, value in extra.items():
            if value is None or value == "":
                params.pop(key, None)
            else:
                params[key] = value
        return urlencode(params, doseq=True)


def filter_args(
    actor: Codes = [],  # noqa: B006 - FastAPI reads these defaults, it does not mutate them
    recipient: Codes = [],  # noqa: B006
    country: Annotated[list[str], Query(description="Code on either side (actor or recipient).")] = [],  # noqa: B006
    event: Annotated[list[str], Query(description="PLOVER event type (AGREE, ASSAULT...).")] = [],  # noqa: B006
    quad: Annotated[list[str], Query(description="Quad class 1-4 (1 verbal cooperation ... 4 material conflict).")] = [],  # noqa: B006
    since: Annotated[str | None, Query(description="First event day, YYYY-MM-DD, inclusive.")] = None,
    until: Annotated[str | None, Query(description="Last event day, YYYY-MM-DD, inclusive.")] = None,
    source: Annotated[list[str], Query(description="Article source, as stored (see /api/sources).")] = [],  # noqa: B006
    text: Annotated[str | None, Query(description="Case-insensitive text in the event's sentence or the article title.")] = None,
    modality: Annotated[list[str], Query(description="asserted, future, hypothetical or historical.")] = [],  # noqa: B006
    negated: Annotated[str | None, Query(description="true: only negated events; false: only events not negated.")] = None,
    precision: Annotated[list[str], Query(description="Date precision: day, month, year or publication.")] = [],  # noqa: B006
    min_confidence: Annotated[str | None, Query(description="Lowest event confidence, 0 to 1.")] = None,
    attributed: Annotated[list[str], Query(description="Who the event is attributed to: a code (PAK) or words of the source's text (State Department).")] = [],  # noqa: B006
) -> FilterArgs:
    """The filters of a request; a 400 naming the parameter when a value is not known."""
    quads = []
    for q in _split(quad):
        if q not in ("1", "2", "3", "4"):
            raise ApiError(400, f"'{q}' is not a quad class", "Use quad=1, 2, 3 or 4.", "quad")
        quads.append(int(q))
    filters = Filters(
        actors=_split(actor), recipients=_split(recipient), countries=_split(country), events=_split(event), quads=quads,
        since=_day(since, "since"), until=_day(until, "until"), sources=[s for s in source if s.strip()], text=text or None,
        modalities=_split(modality), negated=_negated(negated), precisions=_split(precision), min_confidence=_confidence(min_confidence),
        attributed=_split(attributed),
    )
    try:
        filters.check()
    except DragomanError as exc:
        raise from_dragoman(exc, _PARAM_OF.get(str(exc.fields.get("what")))) from None
    given = {
        "actor": _split(actor), "recipient": _split(recipient), "country": _split(country), "event": _split(event),
        "quad": [str(q) for q in quads], "since": [since] if since else [], "until": [until] if until else [],
        "source": [s for s in source if s.strip()], "text": [text] if text else [], "modality": _split(modality),
        "negated": [negated] if negated and negated.lower() != "any" else [], "precision": _split(precision),
        "min_confidence": [min_confidence] if min_confidence else [],
        "attributed": _split(attributed),
    }
    return FilterArgs(filters, given)


@dataclass
class PageArgs:
    offset: int
    limit: int
    sort: str | None
    descending: bool


def page_args(
    offset: Annotated[int, Query(ge=0, description="Rows to skip.")] = 0,
    limit: Annotated[int, Query(ge=1, le=500, description="Rows in the page (at most 500).")] = 50,
    sort: Annotated[str | None, Query(description="Column to sort by (one of the columns of the rows).")] = None,
    order: Annotated[str, Query(pattern="^(asc|desc)$", description="asc or desc.")] = "asc",
) -> PageArgs:
    return PageArgs(offset, limit, sort or None, order == "desc")
