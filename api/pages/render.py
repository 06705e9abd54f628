"""Rendering the dashboard: Jinja2 templates inside the package, security headers, the signed-in
browser as a dependency, and errors shown as pages instead of JSON."""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Callable, Coroutine
from functools import cache
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlsplit

import jinja2
from fastapi import Depends, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.routing import APIRoute

from models.errors import MeetingAssistantError, PermissionDeniedError

from ..deps import browser_session
from ..errors import status_of
from ..sessions import BrowserSession

__all__ = [
    "BrowserDep",
    "PageRoute",
    "ReportCache",
    "SignInRequiredError",
    "render",
    "safe_next",
]

SECURITY_HEADERS = {
    # Everything the pages use comes from this server; nothing inline runs.
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; "
        "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    # A sign-in link's code is in the URL: never sent to another site. (Not "no-referrer":
    # that makes the browser send "Origin: null" with our own forms, which are then refused.)
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}


class SignInRequiredError(Exception):
    """The page needs a signed-in browser; the visitor is sent to sign in and back."""

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.path = path


def _browser(request: Request) -> BrowserSession:
    browser = browser_session(request)
    if browser is None:
        raise SignInRequiredError(request.url.path)
    return browser


BrowserDep = Annotated[BrowserSession, Depends(_browser)]


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).with_name("templates")),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(
    template: str,
    *,
    title: str,
    browser: BrowserSession | None,
    status_code: int = 200,
    **context: Any,
) -> HTMLResponse:
    html = (
        _environment()
        .get_template(template)
        .render(title=title, browser=browser, csrf=browser.csrf if browser else "", **context)
    )
    return HTMLResponse(html, status_code=status_code, headers=SECURITY_HEADERS)


def safe_next(target: str | None) -> str:
    """Where to go after signing in: a dashboard path of ours, never another site."""
    if target and target.startswith("/dashboard") and "//" not in target and "\\" not in target:
        return target
    return "/dashboard/"


class PageRoute(APIRoute):
    """A page route: our typed errors become an error page with the same status, and a visitor
    who is not signed in is sent to the sign-in page."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def route(request: Request) -> Response:
            try:
                if request.method == "POST" and not _same_origin(request):
                    raise PermissionDeniedError("a form of another site cannot post here")
                return await handler(request)
            except SignInRequiredError as needed:
                return RedirectResponse(
                    f"/dashboard/sign-in?next={quote(needed.path)}",
                    status_code=303,
                    headers=SECURITY_HEADERS,
                )
            except MeetingAssistantError as error:
                return render(
                    "error.html",
                    title="Not available",
                    browser=browser_session(request),
                    status_code=status_of(error),
                    problem=error.problem,
                )

        return route


def _same_origin(request: Request) -> bool:
    """A browser names the page a form came from (``Origin``); it must be one of ours. (A
    request without the header is not from a browser's cross-site form.)"""
    origin = request.headers.get("origin")
    if origin is None:
        return True
    return urlsplit(origin).netloc == request.headers.get("host", "")


class ReportCache:
    """Reports as the dashboard's lists need them (everything but the transcript), parsed once
    per file version: a report does not change after its analysis, so the Team page over
    hundreds of meetings reads each file once per process."""

    def __init__(self, size: int = 2048) -> None:
        self._size = size
        self._entries: OrderedDict[tuple[str, int, int], dict[str, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def summary(self, path: Path) -> dict[str, Any] | None:
        """The report at ``path`` without its segments; None when it cannot be read."""
        try:
            stat = path.stat()
        except OSError:
            return None
        key = (str(path), stat.st_mtime_ns, stat.st_size)
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                return self._entries[key]
        report = read_report(path)
        if report is None:
            return None
        report.pop("segments", None)
        with self._lock:
            self._entries[key] = report
            while len(self._entries) > self._size:
                self._entries.popitem(last=False)
        return report


def read_report(path: Path) -> dict[str, Any] | None:
    """A report.json as a dict; None when missing or not a JSON object."""
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return report if isinstance(report, dict) else None
