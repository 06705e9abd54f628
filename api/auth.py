"""API tokens: created from the command line, shown once, stored as a hash, checked in constant
time. A token belongs to a team; an admin token sees the team's private feedback, a person
token only its own person's."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.errors import AuthenticationError

from .store.tables import ApiToken, Team

__all__ = ["Caller", "authenticate", "create_token"]

_PREFIX = "ma"


@dataclass(frozen=True, slots=True)
class Caller:
    """Who is calling: the token's team and rights."""

    token_id: str
    team_id: int
    admin: bool
    person: str | None


def create_token(session: Session, team: str, *, admin: bool, person: str | None) -> str:
    """A new token for ``team`` (created on first use); the only time the secret is seen."""
    team_row = session.scalar(select(Team).where(Team.name == team))
    if team_row is None:
        team_row = Team(name=team)
        session.add(team_row)
        session.flush()
    token_id = secrets.token_hex(8)
    secret = secrets.token_urlsafe(32)
    session.add(
        ApiToken(
            id=token_id,
            team_id=team_row.id,
            secret_sha256=_digest(secret),
            admin=admin,
            person=person,
        )
    )
    return f"{_PREFIX}_{token_id}_{secret}"


def authenticate(session: Session, authorization: str | None) -> Caller:
    """The caller of an ``Authorization: Bearer <token>`` header, or ``AuthenticationError``."""
    if not authorization:
        raise AuthenticationError("missing 'Authorization: Bearer <token>' header")
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise AuthenticationError("the Authorization header must be 'Bearer <token>'")
    prefix, _, rest = token.strip().partition("_")
    token_id, _, secret = rest.partition("_")
    row = session.get(ApiToken, token_id) if prefix == _PREFIX and token_id else None
    # Compare even when the id is unknown, so timing does not tell known ids apart.
    expected = row.secret_sha256 if row is not None else _digest("")
    if not hmac.compare_digest(expected, _digest(secret)) or row is None:
        raise AuthenticationError("unknown or revoked token")
    return Caller(row.id, row.team_id, row.admin, row.person)


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()
