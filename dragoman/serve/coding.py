"""``POST /api/code``: code a pasted text without storing it, bounded in size and time.

The body is read up to ``code_max_bytes`` (a longer one gets 413 before the rest is read), must
be UTF-8, and is coded by one worker thread: a second request while a text is being coded gets
503, and a text that takes longer than ``code_timeout`` seconds gets 504 (the worker finishes it
and is then free again). ``dragoman serve --no-code`` turns the endpoint off (403).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Request
from pydantic import ValidationError

from ..errors import DragomanError
from ..store.detail import trace
from . import models
from .errors import ApiError
from .settings import Settings

router = APIRouter(prefix="/api", tags=["coding"])

_BODY_DOC = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": models.CodeRequest.model_json_schema()},
            "text/plain": {"schema": {"type": "string", "description": "The text; the date as ?date=YYYY-MM-DD."}},
        },
    }
}


class CoderWorker:
    """One coder, loaded on first use (or by ``preload``), coding one text at a time in its own thread."""

    def __init__(self, settings: Settings, coder: Any = None) -> None:
        self.settings = settings
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="dragoman-code")
        self._busy = threading.Semaphore(1)
        self._coder: Any = coder
        self._load_lock = threading.Lock()

    def coder(self) -> Any:
        with self._load_lock:
            if self._coder is None:
                from ..coder import Coder
                from ..nlp import DEFAULT_MODEL

                self._coder = Coder(model=self.settings.model or DEFAULT_MODEL, dictionaries=self.settings.dictionaries)
            return self._coder

    def preload(self) -> None:
        """Load the pipeline in the worker thread (the first request then need not wait as long)."""
        self._pool.submit(self.coder)

    def _run(self, text: str, date: dt.date, doc_id: str) -> list[dict[str, Any]]:
        try:
            return list(self.coder().code_text(text, date, doc_id))
        finally:
            self._busy.release()

    async def code(self, text: str, date: dt.date, doc_id: str) -> list[dict[str, Any]]:
        if not self._busy.acquire(blocking=False):
            raise ApiError(503, "another text is being coded", "Retry in a few seconds; this server codes one text at a time.")
        future = self._pool.submit(self._run, text, date, doc_id)
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), timeout=self.settings.code_timeout)
        except TimeoutError:
            raise ApiError(504, f"coding took longer than {self.settings.code_timeout:g} s", "Send a shorter text.") from None

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


async def _read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise ApiError(413, f"the body has {int(declared)} bytes, more than the limit of {limit}", "Send a shorter text (split the article).")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError(413, f"the body is longer than the limit of {limit} bytes", "Send a shorter text (split the article).")
        chunks.append(chunk)
    return b"".join(chunks)


def _parse(raw: bytes, content_type: str, date_param: str | None) -> models.CodeRequest:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ApiError(400, f"the body is not valid UTF-8 (byte {exc.start})", "Send the text encoded as UTF-8.", "text") from None
    if content_type.startswith("application/json"):
        try:
            req = models.CodeRequest.model_validate(json.loads(text))
        except json.JSONDecodeError as exc:
            raise ApiError(400, f"the body is not valid JSON: {exc.msg} at character {exc.pos}", 'Send {"text": "...", "date": "YYYY-MM-DD"}.') from None
        except ValidationError as exc:
            first = exc.errors()[0]
            field = ".".join(str(p) for p in first.get("loc", ())) or None
            raise ApiError(400, f"bad value for '{field}': {first.get('msg')}", 'Send {"text": "...", "date": "YYYY-MM-DD"}.', field) from None
    elif content_type.startswith("text/plain") or not content_type:
        req = models.CodeRequest(text=text, date=date_param, id="pasted")
    else:
        raise ApiError(415, f"content type '{content_type}' is not accepted", "Send application/json or text/plain (UTF-8).")
    if not req.text.strip():
        raise ApiError(400, "the text is empty", "Paste the article's text.", "text")
    return req


def _day(value: str | None) -> dt.date:
    if not value:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ApiError(400, f"'{value}' is not a date", "Give the publication date as YYYY-MM-DD.", "date") from None


@router.post("/code", response_model=models.CodeResult, summary="Code a pasted text (not stored)", openapi_extra=_BODY_DOC)
async def code(request: Request) -> Any:
    """Code a text: JSON ``{"text", "date"?, "id"?}`` or plain text (``?date=``). Nothing is stored.

    Errors: 403 when the server was started with ``--no-code``, or for a request a web page of
    another origin sends; 413 for a body over the limit
    (see /api/meta); 400 for a body that is not UTF-8, bad JSON, an empty text or a bad date;
    503 while another text is being coded; 504 when coding takes too long.
    """
    settings: Settings = request.app.state.settings
    if not settings.code:
        raise ApiError(403, "coding is turned off on this server", "Start it without --no-code, or run 'dragoman code' on the text.")
    origin = request.headers.get("origin")
    if origin is not None and urlsplit(origin).netloc != request.headers.get("host"):
        raise ApiError(403, f"requests from {origin} are refused", "Use the dashboard of this server, or call the API without an Origin header.")
    raw = await _read_body(request, settings.code_max_bytes)
    req = _parse(raw, request.headers.get("content-type", "").lower(), request.query_params.get("date"))
    day = _day(req.date)
    started = time.perf_counter()
    try:
        records = await request.app.state.worker.code(req.text, day, req.id)
    except DragomanError as exc:
        raise ApiError(400, exc.message, exc.remedy, "text") from None
    events = []
    for rec in records:
        info = rec.get("text_info") or {}
        start, end = int(info.get("start") or 0), int(info.get("end") or 0)
        sentence = req.text[start:end]
        events.append({"record": rec, "sentence": {"index": info.get("sentence"), "start": start, "end": end, "text": sentence}, **trace(rec, sentence, start)})
    return {"doc_id": req.id, "date": day.isoformat(), "characters": len(req.text), "seconds": round(time.perf_counter() - started, 3), "events": events}
