"""The tables. Media and derived files live on disk under the data directory; a row holds
what is listed, filtered and shown (status, title, date, action items), never the media."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

__all__ = [
    "ActionItemRow",
    "ApiToken",
    "Base",
    "ContactRow",
    "DeliveryAttemptRow",
    "DestinationRow",
    "MeetingRow",
    "MeetingStatus",
    "RoomRow",
    "SignInLink",
    "Team",
]

MeetingStatus = Literal["live", "queued", "processing", "done", "failed", "stopped"]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    pass


class Team(Base):
    __tablename__ = "teams"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utc_now)


class ApiToken(Base):
    """A bearer token ``ma_<id>_<secret>``: the id finds the row, the secret is kept only as
    its SHA-256 (a random 256-bit secret needs no slow hash) and compared in constant time."""

    __tablename__ = "api_tokens"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"), index=True)
    secret_sha256: Mapped[str] = mapped_column(String(64))
    admin: Mapped[bool] = mapped_column(Boolean, default=False)
    person: Mapped[str | None] = mapped_column(String(200), nullable=True)
    """The person whose private feedback a person token sees."""
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utc_now)


class MeetingRow(Base):
    __tablename__ = "meetings"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(500))
    date: Mapped[dt.date | None] = mapped_column(Date, nullable=True, index=True)
    account: Mapped[str | None] = mapped_column(String(200), nullable=True)
    """The customer's company the meeting was with (trimmed; None when not given)."""
    language: Mapped[str | None] = mapped_column(String(8), nullable=True)
    """Forced language of the recording (ISO 639-1); None detects it."""
    participants: Mapped[list[str]] = mapped_column(JSON, default=list)
    """Names given at upload, in order of first speech; after analysis, everyone in it."""
    status: Mapped[str] = mapped_column(String(16), default="queued", index=True)
    """live (a bot follows it), queued, processing, done, failed or stopped (a participant
    stopped the bot: nothing of it kept): a string column, so a new status needs no
    migration."""
    progress: Mapped[float] = mapped_column(Float, default=0.0)
    """0-1 while processing."""
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    """One line saying why the analysis failed."""
    upload_name: Mapped[str] = mapped_column(String(32))
    """The stored upload's file name in the meeting's folder: chosen by us, never the client."""
    upload_bytes: Mapped[int] = mapped_column(Integer)
    duration_s: Mapped[float | None] = mapped_column(Float, nullable=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    started_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    """When the latest analysis attempt began."""
    heartbeat_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    """Last sign of life of the analysis running it: a worker that stops beating for the
    lease is taken to be dead, and its job may be taken over."""
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    media_deleted_at: Mapped[dt.datetime | None] = mapped_column(
        DateTime(timezone=True), nullable=True
    )


class ActionItemRow(Base):
    """An action item of a finished meeting, editable (status, owner, due) across meetings."""

    __tablename__ = "action_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"), index=True)
    meeting_id: Mapped[str] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    owner: Mapped[str | None] = mapped_column(String(200), nullable=True, index=True)
    due: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(8), default="open")
    done_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    """When it was last marked done (None while open): on time or late against ``due``."""


class SignInLink(Base):
    """A one-time link into the dashboard for a person (sent by email): ``ml_<id>_<secret>``,
    the secret kept only as its SHA-256 like a token's; spent once used, dead once expired."""

    __tablename__ = "sign_in_links"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"), index=True)
    secret_sha256: Mapped[str] = mapped_column(String(64))
    person: Mapped[str | None] = mapped_column(String(200), nullable=True)
    """Whose feedback the session sees; None only for an admin link."""
    admin: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class ContactRow(Base):
    """A person of the team and where their digests go: after a meeting, each participant
    whose name matches gets the digest with their own feedback; ``weekly`` ones (managers) also
    get the team's weekly digest."""

    __tablename__ = "contacts"
    __table_args__ = (UniqueConstraint("team_id", "name_key", name="uq_contacts_team_name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    """As reports spell it (the name given at upload or the display name in the room)."""
    name_key: Mapped[str] = mapped_column(String(200))
    """``name`` case-folded: matching is case-insensitive and one name is one person."""
    email: Mapped[str] = mapped_column(String(320))
    weekly: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utc_now)


class DestinationRow(Base):
    """Where a team's meeting digests are posted: a Slack or Teams incoming webhook, or a
    generic JSON webhook signed with ``secret``. The URL and the secret are never shown back."""

    __tablename__ = "destinations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    """slack, teams or webhook."""
    name: Mapped[str] = mapped_column(String(200))
    url: Mapped[str] = mapped_column(Text)
    secret: Mapped[str | None] = mapped_column(String(256), nullable=True)
    """The HMAC key of a generic webhook (kept as given: it signs every post)."""
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utc_now)


class DeliveryAttemptRow(Base):
    """One try at delivering a digest to one address or destination, with its outcome."""

    __tablename__ = "delivery_attempts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"), index=True)
    meeting_id: Mapped[str | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), nullable=True, index=True
    )
    """None for a weekly digest."""
    destination_id: Mapped[int | None] = mapped_column(
        ForeignKey("destinations.id", ondelete="SET NULL"), nullable=True, index=True
    )
    channel: Mapped[str] = mapped_column(String(16))
    """email, slack, teams or webhook."""
    purpose: Mapped[str] = mapped_column(String(16))
    """meeting (a meeting's digest) or weekly."""
    target: Mapped[str] = mapped_column(String(320))
    """The email address, or the destination's scheme and host (never its secret path)."""
    attempt: Mapped[int] = mapped_column(Integer)
    """1 for the first try."""
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    status: Mapped[int | None] = mapped_column(Integer, nullable=True)
    """HTTP status or SMTP reply code, when the other side answered."""
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    outcome: Mapped[str] = mapped_column(String(16))
    """delivered, retrying (another try followed) or failed."""


class RoomRow(Base):
    """A room of our own: a Janus VideoRoom people join at ``/rooms/{id}``. The id in the
    link is what lets someone in; the host's key is kept only as its SHA-256."""

    __tablename__ = "rooms"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(500))
    janus_room: Mapped[int] = mapped_column(Integer, unique=True)
    """The VideoRoom's number on the Janus server (created there again when missing)."""
    pin: Mapped[str] = mapped_column(String(64))
    """The VideoRoom's pin: given to whoever opens the room's link, so the Janus room alone
    (without the link) lets nobody in."""
    auto_bot: Mapped[bool] = mapped_column(Boolean, default=False)
    """The assistant joins by itself when the first person (or, with an invite required,
    the host) comes in."""
    require_host_invite: Mapped[bool] = mapped_column(Boolean, default=False)
    """The assistant joins only when the host (the holder of the host key) invites it."""
    host_key_sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
