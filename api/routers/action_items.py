"""Action items across the team's meetings: list, update (done, owner, due), export as CSV and
iCalendar."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response
from fastapi import Path as PathParam
from pydantic import BaseModel, ConfigDict, Field, model_validator

from assistant.outputs.ical import CalendarItem, action_items_ical

from ..deps import ScopeDep
from ..store.scope import ActionItemFilter

router = APIRouter(tags=["action items"])


class ActionItemPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    meeting_id: str
    text: str
    owner: str | None
    """The owner's name; null when nobody could be told."""
    due: dt.date | None
    status: Literal["open", "done"]


class ActionItemPage(BaseModel):
    items: list[ActionItemPublic]
    total: int
    offset: int
    limit: int


class ActionItemChange(BaseModel):
    """Only the fields sent change; ``null`` clears owner or due."""

    model_config = ConfigDict(extra="forbid")

    status: Literal["open", "done"] | None = None
    owner: str | None = Field(default=None, min_length=1, max_length=200)
    due: dt.date | None = None

    @model_validator(mode="after")
    def _status_is_never_cleared(self) -> ActionItemChange:
        if "status" in self.model_fields_set and self.status is None:
            raise ValueError("status is 'open' or 'done', never null")
        if not self.model_fields_set:
            raise ValueError("send at least one of status, owner, due")
        return self


Offset = Annotated[int, Query(ge=0)]
Limit = Annotated[int, Query(ge=1, le=1000)]
Status = Annotated[Literal["open", "done"] | None, Query()]


@router.get("/action-items")
def list_action_items(
    scope: ScopeDep,
    owner: Annotated[str | None, Query(max_length=200)] = None,
    status: Status = None,
    due_before: dt.date | None = None,
    due_after: dt.date | None = None,
    meeting_id: Annotated[str | None, Query(max_length=32)] = None,
    offset: Offset = 0,
    limit: Limit = 200,
) -> ActionItemPage:
    """The team's action items by due date (undated last)."""
    where = ActionItemFilter(meeting_id, owner, status, due_before, due_after)
    rows, total = scope.action_items(where, offset=offset, limit=limit)
    return ActionItemPage(
        items=[ActionItemPublic.model_validate(row) for row in rows],
        total=total,
        offset=offset,
        limit=limit,
    )


@router.get("/action-items.csv", response_class=Response)
def export_action_items(
    scope: ScopeDep,
    owner: Annotated[str | None, Query(max_length=200)] = None,
    status: Status = None,
    due_before: dt.date | None = None,
    due_after: dt.date | None = None,
) -> Response:
    """The same list as CSV (every page), for a spreadsheet or a CRM import."""
    where = ActionItemFilter(None, owner, status, due_before, due_after)
    rows, _ = scope.action_items(where, limit=1_000_000)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "meeting_id", "text", "owner", "due", "status"])
    for row in rows:
        due = row.due.isoformat() if row.due else ""
        cells = [row.id, row.meeting_id, row.text, row.owner or "", due, row.status]
        writer.writerow([_no_formula(cell) for cell in cells])
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="action-items.csv"'},
    )


@router.get("/action-items.ics", response_class=Response)
def export_action_items_ical(
    scope: ScopeDep,
    owner: Annotated[str | None, Query(max_length=200)] = None,
    status: Status = None,
    due_before: dt.date | None = None,
    due_after: dt.date | None = None,
) -> Response:
    """The same list as iCalendar: a VTODO per item with its due date, for a calendar or a
    task app (subscribe to the URL, or import the file)."""
    where = ActionItemFilter(None, owner, status, due_before, due_after)
    rows, _ = scope.action_items(where, limit=1_000_000)
    meetings = {meeting.id: meeting for meeting in scope.finished_meetings()}
    items = [
        CalendarItem(
            id=row.id,
            text=row.text,
            owner=row.owner,
            due=row.due,
            done=row.status == "done",
            done_at=row.done_at,
            meeting_title=meetings[row.meeting_id].title if row.meeting_id in meetings else "",
            meeting_date=meetings[row.meeting_id].date if row.meeting_id in meetings else None,
        )
        for row in rows
    ]
    return Response(
        action_items_ical(items),
        media_type="text/calendar; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="action-items.ics"'},
    )


ItemId = Annotated[int, PathParam(ge=1, le=2**63 - 1)]
"""A database integer: larger ids are refused before they reach the store."""


@router.patch("/action-items/{item_id}")
def update_action_item(
    item_id: ItemId, change: ActionItemChange, scope: ScopeDep
) -> ActionItemPublic:
    """Mark done or open again, hand over, move the due date."""
    row = scope.action_item(item_id)
    if "status" in change.model_fields_set and change.status != row.status:
        # Kept for follow-through: done on time or late against the due date.
        row.done_at = dt.datetime.now(dt.UTC) if change.status == "done" else None
    for name in change.model_fields_set:
        setattr(row, name, getattr(change, name))
    scope.session.commit()
    return ActionItemPublic.model_validate(row)


def _no_formula(cell: object) -> object:
    """A spreadsheet runs a cell starting with = + - @ as a formula; said words never are."""
    if isinstance(cell, str) and cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + cell
    return cell
