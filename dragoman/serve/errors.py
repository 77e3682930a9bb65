"""Errors as JSON that says what to fix: ``{"error": {"status", "message", "fix", "param"}}``."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import DragomanError


class ApiError(Exception):
    """A request the server cannot answer as asked: an HTTP status, what is wrong, what to do."""

    def __init__(self, status: int, message: str, fix: str, param: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.fix = fix
        self.param = param


def body(status: int, message: str, fix: str, param: str | None = None) -> dict[str, Any]:
    return {"error": {"status": status, "message": message, "fix": fix, "param": param}}


def from_dragoman(exc: DragomanError, param: str | None = None) -> ApiError:
    """A library error on request values (unknown filter value, nothing to plot) as a 400."""
    return ApiError(400, exc.message, exc.remedy, param)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api") or "text/html" not in request.headers.get("accept", "")


def install(app: FastAPI) -> None:
    """Error handlers: ApiError, bad parameters (400 naming each), unknown paths (404), HTTP errors."""

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> Any:
        if not _wants_json(request):
            return HTMLResponse(_page(exc.status, exc.message, exc.fix), status_code=exc.status)
        return JSONResponse(body(exc.status, exc.message, exc.fix, exc.param), status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def bad_params(request: Request, exc: RequestValidationError) -> Any:
        problems = []
        for err in exc.errors():
            loc = [str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body")]
            problems.append({"param": ".".join(loc) or None, "message": err.get("msg", "invalid"), "input": _short(err.get("input"))})
        first = problems[0] if problems else {"param": None, "message": "invalid request"}
        message = f"bad value for '{first['param']}': {first['message']}" if first["param"] else str(first["message"])
        payload = body(400, message, "Fix the parameter as described; /api/docs documents every parameter.", first["param"])
        payload["error"]["problems"] = problems
        if not _wants_json(request):
            return HTMLResponse(_page(400, message, "Fix the parameter in the address or the form."), status_code=400)
        return JSONResponse(payload, status_code=400)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Any:
        if exc.status_code == 404:
            message, fix = f"no such page or endpoint: {request.url.path}", "See /api/docs for the API, / for the dashboard."
        elif exc.status_code == 405:
            message, fix = f"{request.method} is not allowed on {request.url.path}", "See /api/docs for the methods each endpoint takes."
        else:
            message, fix = str(exc.detail), "See /api/docs."
        if not _wants_json(request):
            return HTMLResponse(_page(exc.status_code, message, fix), status_code=exc.status_code)
        return JSONResponse(body(exc.status_code, message, fix), status_code=exc.status_code, headers=getattr(exc, "headers", None))


def _short(value: Any) -> Any:
    text = value if isinstance(value, (str, int, float, bool)) or value is None else str(value)
    return text[:200] if isinstance(text, str) else text


def _page(status: int, message: str, fix: str) -> str:
    from html import escape

    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{status}</title>'
        f'<link rel="stylesheet" href="/static/app.css"></head><body><main class="error"><h1>{status}</h1>'
        f"<p>{escape(message)}</p><p>{escape(fix)}</p><p><a href=\"/\">dashboard</a></p></main></body></html>"
    )
