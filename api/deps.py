"""Dependencies as ``Annotated`` aliases: the service's state, a session, the caller (a bearer
token, or the dashboard's session cookie), and the caller's team scope (the only way routes
reach the store)."""

from __future__ import annotations

import hmac
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Header, Request
from sqlalchemy.orm import Session

from assistant.config import Settings
from models.errors import PermissionDeniedError

from .auth import Caller, authenticate
from .bots import BotManager
from .jobs import JobQueue
from .sessions import CSRF_HEADER, SESSION_COOKIE, BrowserSession, SessionSigner
from .store.database import Database
from .store.scope import TeamScope

__all__ = [
    "CallerDep",
    "ScopeDep",
    "ServiceState",
    "SessionDep",
    "StateDep",
    "browser_session",
]


@dataclass(frozen=True, slots=True)
class ServiceState:
    """What the lifespan set up, shared by every request."""

    settings: Settings
    database: Database
    jobs: JobQueue
    bots: BotManager


def _state(request: Request) -> ServiceState:
    state: ServiceState = request.app.state.service
    return state


StateDep = Annotated[ServiceState, Depends(_state)]


def _session(state: StateDep) -> Iterator[Session]:
    with state.database.new_session() as session:
        yield session


SessionDep = Annotated[Session, Depends(_session)]


def _caller(
    request: Request,
    session: SessionDep,
    authorization: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> Caller:
    if authorization is None:
        browser = browser_session(request)
        if browser is not None:
            sent = request.headers.get(CSRF_HEADER, "")
            if request.method not in _SAFE and not hmac.compare_digest(sent, browser.csrf):
                raise PermissionDeniedError(
                    f"a change from a signed-in browser needs its {CSRF_HEADER} header"
                )
            return browser.caller()
    return authenticate(session, authorization)


_SAFE = frozenset({"GET", "HEAD", "OPTIONS"})


def browser_session(request: Request) -> BrowserSession | None:
    """The dashboard session of the request's cookie, if it carries a valid one."""
    signer: SessionSigner | None = getattr(request.app.state, "dashboard_sessions", None)
    if signer is None:
        return None
    return signer.read(request.cookies.get(SESSION_COOKIE))


CallerDep = Annotated[Caller, Depends(_caller)]


def _scope(session: SessionDep, caller: CallerDep) -> TeamScope:
    return TeamScope(session, caller.team_id)


ScopeDep = Annotated[TeamScope, Depends(_scope)]
