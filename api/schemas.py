"""Response bodies of the API. The report itself is ``assistant.outputs.report_models.Report``."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

from .store.tables import MeetingRow

__all__ = ["Health", "MeetingCreated", "MeetingPage", "MeetingPublic"]

Status = Literal["queued", "processing", "done", "failed"]


class Health(BaseModel):
    status: Literal["ok"]


class MeetingCreated(BaseModel):
    id: str
    status: Status


class MeetingPublic(BaseModel):
    id: str
    title: str
    date: dt.date | None
    status: Status
    progress: float = Field(ge=0, le=1)
    """0-1 while processing; 1 when done."""
    error: str | None
    """Why the analysis failed (status ``failed``)."""
    participants: list[str]
    duration_s: float | None
    created_at: dt.datetime
    finished_at: dt.datetime | None
    media_kept: bool
    """False once the recording was deleted by the retention setting (the report stays)."""

    @classmethod
    def of(cls, row: MeetingRow) -> MeetingPublic:
        return cls(
            id=row.id,
            title=row.title,
            date=row.date,
            status=row.status,  # type: ignore[arg-type]
            progress=row.progress,
            error=row.error,
            participants=list(row.participants),
            duration_s=row.duration_s,
            created_at=row.created_at,
            finished_at=row.finished_at,
            media_kept=row.media_deleted_at is None,
        )


class MeetingPage(BaseModel):
    items: list[MeetingPublic]
    total: int
    """Meetings matching the filters, over all pages."""
    offset: int
    limit: int
