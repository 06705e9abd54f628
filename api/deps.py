"""Dependencies as ``Annotated`` aliases: the service's state, a session, the caller, and the
caller's team scope (the only way routes reach the store)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Header, Request
from sqlalchemy.orm import Session

from assistant.config import Settings

from .auth import Caller, authenticate
from .bots import BotManager
from .jobs import JobQueue
from .rooms import RoomManager
from .store.database import Database
from .store.scope import TeamScope

__all__ = ["CallerDep", "ScopeDep", "ServiceState", "SessionDep", "StateDep"]


@dataclass(frozen=True, slots=True)
class ServiceState:
    """What the lifespan set up, shared by every request."""

    settings: Settings
    database: Database
    jobs: JobQueue
    bots: BotManager
    rooms: RoomManager


def _state(request: Request) -> ServiceState:
    state: ServiceState = request.app.state.service
    return state


StateDep = Annotated[ServiceState, Depends(_state)]


def _session(state: StateDep) -> Iterator[Session]:
    with state.database.new_session() as session:
        yield session


SessionDep = Annotated[Session, Depends(_session)]


def _caller(
    session: SessionDep,
    authorization: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> Caller:
    return authenticate(session, authorization)


CallerDep = Annotated[Caller, Depends(_caller)]


def _scope(session: SessionDep, caller: CallerDep) -> TeamScope:
    return TeamScope(session, caller.team_id)


ScopeDep = Annotated[TeamScope, Depends(_scope)]
