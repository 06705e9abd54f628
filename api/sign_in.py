"""One-time sign-in links into the dashboard, for people without a token (sent by email).

``create_sign_in_link`` is the one entry point for whoever sends them (the email digests): it
stores the link and returns its URL, valid once and for ``dashboard.link_minutes``. Opening the
URL shows a "Sign in" button; pressing it spends the link (mail scanners that fetch links
therefore cannot spend it) and starts a browser session for that person."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from models.errors import AuthenticationError, InputError

from .store.tables import SignInLink, Team

__all__ = [
    "LINK_PATH",
    "CreatedLink",
    "SignInGrant",
    "check_sign_in_link",
    "create_sign_in_link",
    "redeem_sign_in_link",
]

LINK_PATH = "/dashboard/link/"
"""Where a link's code is appended."""
_PREFIX = "ml"


@dataclass(frozen=True, slots=True)
class CreatedLink:
    url: str
    """The whole link: ``<base>/dashboard/link/ml_<id>_<secret>``; shown or sent once."""
    expires_at: dt.datetime
    """UTC."""


@dataclass(frozen=True, slots=True)
class SignInGrant:
    """Who a spent link signs in."""

    team_id: int
    person: str | None
    admin: bool


def create_sign_in_link(
    session: Session,
    team_id: int,
    person: str | None,
    *,
    base_url: str,
    minutes: int,
    admin: bool = False,
    now: dt.datetime | None = None,
) -> CreatedLink:
    """A new one-time link for ``person`` of team ``team_id``, valid ``minutes`` from ``now``.
    ``base_url`` is the service's public address (``dashboard.public_url``). The caller
    commits ``session``. A person link needs a person; an admin link may have none."""
    if person is not None:
        person = person.strip()
    if not person and not admin:
        raise InputError("a sign-in link is for a person: give the person's name")
    if person is not None and len(person) > 200:
        raise InputError("the person's name is longer than 200 characters")
    if not 1 <= minutes <= 7 * 24 * 60:
        raise InputError(f"a link lives 1 minute to 7 days, not {minutes} minutes")
    if session.get(Team, team_id) is None:
        raise InputError(f"no team {team_id}")
    created = now or dt.datetime.now(dt.UTC)
    link_id = secrets.token_hex(8)
    secret = secrets.token_urlsafe(32)
    expires_at = created + dt.timedelta(minutes=minutes)
    session.add(
        SignInLink(
            id=link_id,
            team_id=team_id,
            secret_sha256=_digest(secret),
            person=person or None,
            admin=admin,
            created_at=created,
            expires_at=expires_at,
        )
    )
    session.flush()
    url = f"{base_url.rstrip('/')}{LINK_PATH}{_PREFIX}_{link_id}_{secret}"
    return CreatedLink(url, expires_at)


def redeem_sign_in_link(session: Session, code: str, now: dt.datetime | None = None) -> SignInGrant:
    """Spend the link ``code`` (the URL's last part): who it signs in, or
    ``AuthenticationError`` when it is unknown, used or expired. The caller commits."""
    link = _find(session, code)
    moment = now or dt.datetime.now(dt.UTC)
    if link.used_at is not None:
        raise AuthenticationError("this sign-in link was used already; ask for a new one")
    if _aware(link.expires_at) <= moment:
        raise AuthenticationError("this sign-in link has expired; ask for a new one")
    # Spent in the same transaction that reads it: a second use in parallel finds no row.
    spent = session.execute(
        update(SignInLink)
        .where(SignInLink.id == link.id, SignInLink.used_at.is_(None))
        .values(used_at=moment)
    )
    if spent.rowcount != 1:  # type: ignore[attr-defined]
        raise AuthenticationError("this sign-in link was used already; ask for a new one")
    return SignInGrant(link.team_id, link.person, link.admin)


def check_sign_in_link(session: Session, code: str, now: dt.datetime | None = None) -> SignInGrant:
    """Who an unspent, unexpired link would sign in, without spending it."""
    link = _find(session, code)
    moment = now or dt.datetime.now(dt.UTC)
    if link.used_at is not None:
        raise AuthenticationError("this sign-in link was used already; ask for a new one")
    if _aware(link.expires_at) <= moment:
        raise AuthenticationError("this sign-in link has expired; ask for a new one")
    return SignInGrant(link.team_id, link.person, link.admin)


def _find(session: Session, code: str) -> SignInLink:
    prefix, _, rest = code.strip().partition("_")
    link_id, _, secret = rest.partition("_")
    row = None
    if prefix == _PREFIX and link_id and len(link_id) <= 32:
        row = session.scalar(select(SignInLink).where(SignInLink.id == link_id))
    # Compare even when the id is unknown, so timing does not tell known ids apart.
    expected = row.secret_sha256 if row is not None else _digest("")
    if not hmac.compare_digest(expected, _digest(secret)) or row is None:
        raise AuthenticationError("unknown sign-in link")
    return row


def _aware(moment: dt.datetime) -> dt.datetime:
    """SQLite hands back naive datetimes; they were stored as UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()
