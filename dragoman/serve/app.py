"""The ASGI application: the JSON API under /api, its docs, the dashboard pages and their assets."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from .. import __version__
from . import api, coding, errors, pages
from .settings import Settings
from .state import STATIC, Bundle, open_store

DOCS_ASSETS = "/api/docs-assets"
# pages may run scripts and load data from this server only; Vega compiles its expressions (eval)
CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)
# the docs pages (Swagger UI, ReDoc) start with an inline script
DOCS_CSP = CSP.replace("script-src 'self' 'unsafe-eval'", "script-src 'self' 'unsafe-inline' 'unsafe-eval'")


def _docs_assets() -> Path:
    import fastapi_offline

    return Path(fastapi_offline.__file__).parent / "static"


def create_app(settings: Settings, *, preload: bool = True, coder: Any = None) -> FastAPI:
    """The application serving the store ``settings.db`` (read-only).

    The store is opened when the application starts (``lifespan``); with ``preload`` the Vega
    bundle is built, and with coding on the spaCy pipeline loaded, in the background at start.
    ``coder`` is a :class:`dragoman.coder.Coder` to code with (default: one made on first use).
    """

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.con = open_store(settings.db)
        app.state.worker = coding.CoderWorker(settings, coder)
        if preload:
            threading.Thread(target=app.state.bundle.get, name="dragoman-vega-bundle", daemon=True).start()
            if settings.code:
                app.state.worker.preload()
        try:
            yield
        finally:
            app.state.worker.close()
            app.state.con.close()

    app = FastAPI(
        title="dragoman",
        version=__version__,
        summary="Political events coded into PLOVER 0.8, from a dragoman store (read-only).",
        description=(
            "Every list endpoint takes the filters of `dragoman query` (actor, recipient, country, event, quad, "
            "since, until, source, text) and modality, negated, precision, min_confidence; lists are paged "
            "(`offset`, `limit`). Errors are JSON: `{\"error\": {\"status\", \"message\", \"fix\", \"param\"}}`."
        ),
        docs_url=None, redoc_url=None, openapi_url="/api/openapi.json", lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.bundle = Bundle()
    errors.install(app)
    app.include_router(api.router)
    app.include_router(coding.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.mount(DOCS_ASSETS, StaticFiles(directory=_docs_assets()), name="docs-assets")

    @app.get("/api/docs", include_in_schema=False)
    def swagger() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/api/openapi.json", title="dragoman API", swagger_js_url=f"{DOCS_ASSETS}/swagger-ui-bundle.js",
            swagger_css_url=f"{DOCS_ASSETS}/swagger-ui.css", swagger_favicon_url=f"{DOCS_ASSETS}/favicon.png",
            swagger_ui_parameters={"validatorUrl": None},
        )

    @app.get("/api/redoc", include_in_schema=False)
    def redoc() -> HTMLResponse:
        return get_redoc_html(
            openapi_url="/api/openapi.json", title="dragoman API", redoc_js_url=f"{DOCS_ASSETS}/redoc.standalone.js",
            redoc_favicon_url=f"{DOCS_ASSETS}/favicon.png", with_google_fonts=False,
        )

    @app.get("/vendor/vega.js", include_in_schema=False)
    def vega(request: Request) -> Response:
        bundle = app.state.bundle
        headers = {"ETag": bundle.etag, "Cache-Control": "public, max-age=86400"}
        if request.headers.get("if-none-match") == bundle.etag:
            return Response(status_code=304, headers=headers)
        return Response(bundle.get(), media_type="text/javascript; charset=utf-8", headers=headers)

    @app.middleware("http")
    async def headers(request: Request, call_next: Callable[[Request], Awaitable[Any]]) -> Any:
        host = request.headers.get("host", "")
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        if settings.allowed_hosts is not None and name.strip("[]") not in settings.allowed_hosts:
            fix = "Open the server by its address: " + ", ".join(settings.allowed_hosts)
            return JSONResponse(errors.body(400, f"this server does not answer for host '{host}'", fix, "host"), status_code=400)
        response = await call_next(request)
        docs = request.url.path in ("/api/docs", "/api/redoc")
        response.headers.setdefault("Content-Security-Policy", DOCS_CSP if docs else CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    return app
