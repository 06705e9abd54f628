"""Browser sessions of the dashboard: a signed cookie saying whose session it is.

The cookie holds the team, the person, admin or not, when it expires and a random CSRF token,
signed with HMAC-SHA256; nothing is stored server-side. Requests carrying only the cookie are
authenticated as that caller (pages, downloads, and the API calls the pages make); a request
that changes something must also send the CSRF token in ``X-CSRF-Token``, which another site
cannot read, and the cookie is ``SameSite=Strict`` besides."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
from dataclasses import dataclass

from .auth import Caller

__all__ = ["CSRF_HEADER", "SESSION_COOKIE", "BrowserSession", "SessionSigner"]

SESSION_COOKIE = "ma_session"
CSRF_HEADER = "X-CSRF-Token"


@dataclass(frozen=True, slots=True)
class BrowserSession:
    """A signed-in browser."""

    team_id: int
    person: str | None
    """Whose private feedback it sees; None for an admin signed in without a person."""
    admin: bool
    expires_at: float
    """Unix time (s)."""
    csrf: str
    """Sent back in ``X-CSRF-Token`` with every change."""

    def caller(self) -> Caller:
        return Caller("session", self.team_id, self.admin, self.person)


class SessionSigner:
    """Issues and reads session cookies with one key."""

    def __init__(self, key: bytes, lifetime_s: float) -> None:
        if len(key) < 16:
            raise ValueError("the session key must be at least 16 bytes")
        self._key = key
        self.lifetime_s = lifetime_s

    def issue(
        self, team_id: int, person: str | None, admin: bool, now: float | None = None
    ) -> tuple[str, BrowserSession]:
        """A new session and its cookie value."""
        start = time.time() if now is None else now
        session = BrowserSession(
            team_id, person, admin, start + self.lifetime_s, secrets.token_urlsafe(18)
        )
        body = json.dumps(
            [session.team_id, session.person, session.admin, session.expires_at, session.csrf],
            separators=(",", ":"),
        ).encode("utf-8")
        payload = base64.urlsafe_b64encode(body).decode("ascii").rstrip("=")
        return f"{payload}.{self._sign(payload)}", session

    def read(self, value: str | None, now: float | None = None) -> BrowserSession | None:
        """The session of a cookie value; None when absent, tampered with or expired."""
        if not value or value.count(".") != 1 or len(value) > 4096:
            return None
        payload, signature = value.split(".")
        if not hmac.compare_digest(signature, self._sign(payload)):
            return None
        try:
            body = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
            team_id, person, admin, expires_at, csrf = json.loads(body)
        except ValueError:
            return None
        if expires_at <= (time.time() if now is None else now):
            return None
        return BrowserSession(int(team_id), person, bool(admin), float(expires_at), str(csrf))

    def _sign(self, payload: str) -> str:
        return hmac.new(self._key, payload.encode("ascii"), hashlib.sha256).hexdigest()
