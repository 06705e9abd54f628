"""POST /sign-in-links: an admin makes a one-time dashboard link for a person (the email
digests call ``api.sign_in.create_sign_in_link`` directly)."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, Field

from models.errors import PermissionDeniedError

from ..deps import CallerDep, SessionDep, StateDep
from ..sign_in import create_sign_in_link

__all__ = ["router"]

router = APIRouter(tags=["dashboard"])


class SignInLinkCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    person: str | None = Field(default=None, min_length=1, max_length=200)
    """The person as named in the reports; leave out only for an admin link."""
    admin: bool = False
    """The link signs in as an admin of the team (sees everyone's feedback)."""
    minutes: int | None = Field(default=None, ge=1, le=7 * 24 * 60)
    """How long the link works (default: ``dashboard.link_minutes``)."""


class SignInLinkPublic(BaseModel):
    url: str
    """Works once; send it to the person (it is not stored in the clear)."""
    expires_at: dt.datetime


@router.post("/sign-in-links", status_code=201)
def make_sign_in_link(
    body: SignInLinkCreate,
    request: Request,
    caller: CallerDep,
    session: SessionDep,
    state: StateDep,
) -> SignInLinkPublic:
    """A one-time, expiring sign-in link into the dashboard. Admin tokens only."""
    if not caller.admin:
        raise PermissionDeniedError("making sign-in links needs an admin token")
    options = state.settings.dashboard
    link = create_sign_in_link(
        session,
        caller.team_id,
        body.person,
        base_url=options.public_url or str(request.base_url),
        minutes=body.minutes or options.link_minutes,
        admin=body.admin,
    )
    session.commit()
    return SignInLinkPublic(url=link.url, expires_at=link.expires_at)
