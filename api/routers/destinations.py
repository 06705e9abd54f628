"""The team's chat and webhook destinations (admin only), the record of every delivery
attempt, and delivering a meeting again.

A destination's URL is checked when it is saved (scheme, and a host written as an address) and
before every post (its name resolved): it must not be, or resolve to, an internal address
unless ``delivery.allowed_hosts`` names it. Its URL (Slack
and Teams keep their secret in the path) and a webhook's signing secret are write-only: they
are shown back as the scheme and host, and ``has_secret``.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query, Response
from fastapi import Path as PathParam
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from assistant.delivery import shown_url
from assistant.outbound import check_public_or_allowed
from models.errors import NotReadyError

from ..deps import StateDep
from ..store.tables import DeliveryAttemptRow, DestinationRow
from .delivery_access import AdminScopeDep

router = APIRouter(tags=["delivery"])

Kind = Literal["slack", "teams", "webhook"]
DestinationId = Annotated[int, PathParam(ge=1, le=2**63 - 1)]
_SETTING = "delivery.allowed_hosts (MA_DELIVERY__ALLOWED_HOSTS)"


def _url(value: str) -> str:
    value = value.strip()
    if any(ord(c) < 33 for c in value):
        raise ValueError("must not contain spaces or control characters")
    if "@" in value.split("//", 1)[-1].split("/", 1)[0]:
        raise ValueError("must not hold a user name or password")
    return value


def _secret(value: str) -> str:
    if len(value) < 16:
        raise ValueError(
            "must be at least 16 characters (a random string, shared with the receiver)"
        )
    return value


class DestinationCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: Kind
    """slack (incoming webhook), teams (Teams webhook) or webhook (our signed JSON)."""
    name: str = Field(min_length=1, max_length=200, examples=["#sales channel"])
    # No example URL: the schema fuzzer would send it.
    url: str = Field(max_length=2000)
    """http(s); not an internal address unless delivery.allowed_hosts names it."""
    secret: str | None = Field(default=None, max_length=256)
    """The HMAC-SHA256 key of a generic webhook (required for ``webhook``, at least 16
    characters); never shown back."""
    enabled: bool = True

    @field_validator("url")
    @classmethod
    def _check_url(cls, value: str) -> str:
        return _url(value)

    @field_validator("secret")
    @classmethod
    def _check_secret(cls, value: str | None) -> str | None:
        return None if value is None else _secret(value)

    @model_validator(mode="after")
    def _secret_fits_kind(self) -> DestinationCreate:
        if self.kind == "webhook" and self.secret is None:
            raise ValueError("a webhook destination needs a secret to sign its posts")
        if self.kind != "webhook" and self.secret is not None:
            raise ValueError(f"a {self.kind} destination takes no secret (its URL holds one)")
        return self


class DestinationChange(BaseModel):
    """Only the fields sent change."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, min_length=1, max_length=200)
    url: str | None = Field(default=None, max_length=2000)
    secret: str | None = Field(default=None, max_length=256)
    enabled: bool | None = None

    @field_validator("url")
    @classmethod
    def _check_url(cls, value: str | None) -> str | None:
        return None if value is None else _url(value)

    @field_validator("secret")
    @classmethod
    def _check_secret(cls, value: str | None) -> str | None:
        return None if value is None else _secret(value)

    @model_validator(mode="after")
    def _something(self) -> DestinationChange:
        if not self.model_fields_set:
            raise ValueError("send at least one of name, url, secret, enabled")
        for field in self.model_fields_set:
            if getattr(self, field) is None:
                raise ValueError(f"{field} cannot be null")
        return self


class DestinationPublic(BaseModel):
    id: int
    kind: Kind
    name: str
    url: str
    """Scheme and host only: the rest may hold a secret."""
    has_secret: bool
    enabled: bool
    created_at: dt.datetime

    @classmethod
    def of(cls, row: DestinationRow) -> DestinationPublic:
        return cls(
            id=row.id,
            kind=row.kind,  # type: ignore[arg-type]
            name=row.name,
            url=shown_url(row.url),
            has_secret=row.secret is not None,
            enabled=row.enabled,
            created_at=row.created_at,
        )


class DeliveryAttemptPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    meeting_id: str | None
    destination_id: int | None
    channel: str
    """email, slack, teams or webhook."""
    purpose: str
    """meeting or weekly."""
    target: str
    """The email address, or the destination's scheme and host."""
    attempt: int
    at: dt.datetime
    status: int | None
    """HTTP status or SMTP reply code, when the other side answered."""
    error: str | None
    outcome: Literal["delivered", "retrying", "failed"]


class DeliveryQueued(BaseModel):
    meeting_id: str
    status: Literal["queued"]


def _check(url: str, state: StateDep) -> None:
    # Addresses and schemes here; a name is resolved and checked before every post instead
    # (no lookup on request, and what it resolves to then is what counts).
    check_public_or_allowed(
        url, state.settings.delivery.allowed_hosts, _SETTING, resolve_names=False
    )


@router.get("/destinations")
def list_destinations(scope: AdminScopeDep) -> list[DestinationPublic]:
    return [DestinationPublic.of(row) for row in scope.destinations()]


@router.post("/destinations", status_code=201)
def create_destination(
    body: DestinationCreate, scope: AdminScopeDep, state: StateDep
) -> DestinationPublic:
    _check(body.url, state)
    row = DestinationRow(
        kind=body.kind, name=body.name, url=body.url, secret=body.secret, enabled=body.enabled
    )
    scope.add(row)
    scope.session.commit()
    return DestinationPublic.of(row)


@router.get("/destinations/{destination_id}")
def get_destination(destination_id: DestinationId, scope: AdminScopeDep) -> DestinationPublic:
    return DestinationPublic.of(scope.destination(destination_id))


@router.patch("/destinations/{destination_id}")
def update_destination(
    destination_id: DestinationId,
    change: DestinationChange,
    scope: AdminScopeDep,
    state: StateDep,
) -> DestinationPublic:
    row = scope.destination(destination_id)
    if change.url is not None:
        _check(change.url, state)
    if change.secret is not None and row.kind != "webhook":
        raise HTTPException(422, f"a {row.kind} destination takes no secret (its URL holds one)")
    for field in change.model_fields_set:
        setattr(row, field, getattr(change, field))
    scope.session.commit()
    return DestinationPublic.of(row)


@router.delete("/destinations/{destination_id}", status_code=204, response_class=Response)
def delete_destination(destination_id: DestinationId, scope: AdminScopeDep) -> Response:
    scope.session.delete(scope.destination(destination_id))
    scope.session.commit()
    return Response(status_code=204)


@router.get("/deliveries")
def list_deliveries(
    scope: AdminScopeDep,
    meeting_id: Annotated[str | None, Query(max_length=32)] = None,
    destination_id: Annotated[int | None, Query(ge=1, le=2**63 - 1)] = None,
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
) -> list[DeliveryAttemptPublic]:
    """Every delivery attempt of the team, newest first."""
    rows: list[DeliveryAttemptRow] = list(
        scope.attempts(
            meeting_id=meeting_id, destination_id=destination_id, offset=offset, limit=limit
        )
    )
    return [DeliveryAttemptPublic.model_validate(row) for row in rows]


@router.post("/meetings/{meeting_id}/deliveries", status_code=202)
def deliver_again(
    meeting_id: Annotated[str, PathParam(max_length=32)], scope: AdminScopeDep, state: StateDep
) -> DeliveryQueued:
    """Deliver a finished meeting again: addresses and destinations it already reached are
    skipped, the others (new ones, failed ones) are tried."""
    meeting = scope.meeting(meeting_id)
    if meeting.status != "done":
        raise NotReadyError(f"meeting {meeting_id!r} is {meeting.status}, not done")
    state.jobs.deliver(meeting_id)
    return DeliveryQueued(meeting_id=meeting_id, status="queued")
