"""Response bodies of the API. The report itself is ``assistant.outputs.report_models.Report``."""

from __future__ import annotations

import datetime as dt
from typing import Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr, field_validator

from .accounts import ACCOUNT_MAX_CHARS, clean_account
from .store.tables import MeetingRow

__all__ = [
    "BotCreate",
    "BotPublic",
    "Health",
    "LiveCaption",
    "MeetingCreated",
    "MeetingPage",
    "MeetingPublic",
    "RoomCreate",
    "RoomCreated",
    "RoomPublic",
]

Status = Literal["live", "queued", "processing", "done", "failed", "stopped"]


class Health(BaseModel):
    status: Literal["ok"]


class MeetingCreated(BaseModel):
    id: str
    status: Status


class LiveCaption(BaseModel):
    participant: str
    name: str
    start: float
    """s from when the bot began following."""
    end: float
    text: str
    language: str | None


class MeetingPublic(BaseModel):
    id: str
    title: str
    date: dt.date | None
    account: str | None = None
    """The customer's company the meeting was with, when given."""
    status: Status
    progress: float = Field(ge=0, le=1)
    """0-1 while processing; 1 when done."""
    error: str | None
    """Why the analysis failed (status ``failed``), or who stopped the bot (``stopped``: a
    participant did, and nothing of the meeting was kept)."""
    participants: list[str]
    duration_s: float | None
    created_at: dt.datetime
    finished_at: dt.datetime | None
    media_kept: bool
    """False once the recording was deleted by the retention setting (the report stays)."""
    live_transcript: list[LiveCaption] | None = None
    """While ``live``: the final captions saved so far (at most a few seconds behind)."""

    @classmethod
    def of(cls, row: MeetingRow, live_transcript: list[LiveCaption] | None = None) -> MeetingPublic:
        return cls(
            id=row.id,
            title=row.title,
            date=row.date,
            account=row.account,
            status=row.status,  # type: ignore[arg-type]
            progress=row.progress,
            error=row.error,
            participants=list(row.participants),
            duration_s=row.duration_s,
            created_at=row.created_at,
            finished_at=row.finished_at,
            media_kept=row.media_deleted_at is None,
            live_transcript=live_transcript,
        )


class MeetingPage(BaseModel):
    items: list[MeetingPublic]
    total: int
    """Meetings matching the filters, over all pages."""
    offset: int
    limit: int


class BotCreate(BaseModel):
    """Send a bot into a Janus VideoRoom."""

    model_config = ConfigDict(extra="forbid")

    # No example value: the schema fuzzer would send it, and a bot would try to join there.
    url: str = Field(max_length=2000)
    """The Janus server's HTTP API, e.g. ``http://127.0.0.1:8088/janus``: loopback, or a host
    named in ``bot.allowed_hosts``."""
    room: StrictInt | StrictStr = Field(examples=[1234])
    """The VideoRoom's id (a string only on servers configured with ``string_ids``)."""
    pin: str | None = Field(default=None, min_length=1, max_length=256)
    display: str | None = Field(default=None, min_length=1, max_length=200)
    """The name the bot shows in the room (default: ``bot.display``)."""
    title: str | None = Field(default=None, min_length=1, max_length=500)
    """The meeting's title (default: "Room ID")."""
    account: str | None = Field(default=None, max_length=ACCOUNT_MAX_CHARS)
    """The customer's company the meeting is with (up to 200 characters, trimmed; blank
    is none)."""
    host_key: str | None = Field(default=None, min_length=1, max_length=200)
    """For one of our rooms that requires the host's invite: the host's key (from the room's
    host link)."""

    @field_validator("url")
    @classmethod
    def _http_url(cls, url: str) -> str:
        try:
            parts = urlsplit(url.strip())
            hostname = parts.hostname
            parts.port  # noqa: B018 (raises on a port that is not a number)
        except ValueError as error:
            raise ValueError(f"not a URL ({error})") from None
        if parts.scheme not in ("http", "https") or not hostname:
            raise ValueError("must be an http(s) URL of a Janus server's HTTP API")
        if parts.username is not None or parts.password is not None:
            raise ValueError("must not hold a user name or password")
        return url.strip()

    @field_validator("account")
    @classmethod
    def _account(cls, account: str | None) -> str | None:
        return clean_account(account)

    @field_validator("room")
    @classmethod
    def _room_id(cls, room: int | str) -> int | str:
        if isinstance(room, str):
            room = room.strip()
            if room.isdigit():
                room = int(room)
            elif not room or len(room) > 128:
                raise ValueError("must be a room number or a non-empty id under 128 characters")
        if isinstance(room, int) and not 0 < room < 2**63:
            raise ValueError("must be a positive room number")
        return room


class BotPublic(BaseModel):
    bot_id: str
    meeting_id: str
    status: Literal["live", "stopping"]
    """``live`` while following; ``stopping`` once it left and the meeting is being stored."""
    url: str
    room: int | str
    display: str
    title: str
    started_at: dt.datetime
    participants: list[str]
    """Display names of those in the room now."""


class RoomCreate(BaseModel):
    """A room of our own: a meeting people join from a browser at ``/rooms/{id}``."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field(default="Meeting", min_length=1, max_length=500)
    auto_bot: bool = False
    """The assistant joins by itself when the first person comes in (with
    ``require_host_invite``: when the host comes in)."""
    require_host_invite: bool = False
    """The assistant joins only on the host's invite: ``POST /bots`` needs the host key, and
    in the room only the host's page may invite it."""


class RoomPublic(BaseModel):
    id: str
    title: str
    auto_bot: bool
    require_host_invite: bool
    link: str
    """The room's page (path on this service): whoever has it may join."""
    janus_room: int
    """The VideoRoom's number on the service's Janus (``rooms.janus_url``)."""
    created_at: dt.datetime
    bot_meeting_id: str | None = None
    """The meeting the assistant is following in the room now, if any."""


class RoomCreated(RoomPublic):
    host_key: str
    """Shown once: identifies the host (who may invite the assistant)."""
    host_link: str
    """The room's page for the host: the key rides in the fragment (``#host=``), which
    browsers never send to a server, so it stays out of logs."""
