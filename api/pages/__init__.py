"""The speaker-feedback dashboard under ``/dashboard``: server-rendered pages (Jinja2
templates and static files inside this package, charts drawn as SVG on the server), signed in
with an API token or a one-time link. ``install`` adds it to the app."""

from __future__ import annotations

import secrets
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from assistant.config import Settings

from ..sessions import SessionSigner
from . import feedback, links, meeting, signin, team
from .render import ReportCache

__all__ = ["install"]


def install(app: FastAPI, settings: Settings, api_prefix: str) -> None:
    """The dashboard's pages, static files, session signer and report cache on ``app``, and
    the API route that makes sign-in links under ``api_prefix``."""
    options = settings.dashboard
    key = (
        options.session_secret.get_secret_value().encode("utf-8")
        if options.session_secret is not None
        else secrets.token_bytes(32)
    )
    app.state.dashboard_sessions = SessionSigner(key, options.session_hours * 3600)
    app.state.dashboard_reports = ReportCache()
    static = Path(__file__).with_name("static")
    app.mount("/dashboard/static", StaticFiles(directory=static), name="dashboard-static")
    for pages in (signin.router, feedback.router, team.router, meeting.router):
        app.include_router(pages)
    app.include_router(links.router, prefix=api_prefix)
