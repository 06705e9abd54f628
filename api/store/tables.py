"""The tables. Media and derived files live on disk under the data directory; a row holds
what is listed, filtered and shown (status, title, date, action items), never the media."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

__all__ = [
    "ActionItemRow",
    "ApiToken",
    "Base",
    "MeetingRow",
    "MeetingStatus",
    "SignInLink",
    "Team",
]

MeetingStatus = Literal["live", "queued", "processing", "done", "failed"]


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
    language: Mapped[str | None] = mapped_column(String(8), nullable=True)
    """Forced language of the recording (ISO 639-1); None detects it."""
    participants: Mapped[list[str]] = mapped_column(JSON, default=list)
    """Names given at upload, in order of first speech; after analysis, everyone in it."""
    status: Mapped[str] = mapped_column(String(16), default="queued", index=True)
    """live (a bot follows it), queued, processing, done or failed: a string column, so a
    new status needs no migration."""
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
