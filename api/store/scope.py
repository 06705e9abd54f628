"""Tenant isolation in one place: every read and write of a team's data goes through a
``TeamScope``, whose queries are filtered by its team. Routes never query tables directly, so a
route cannot forget the filter; another team's meeting is simply not found."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from models.errors import NotFoundError

from .tables import ActionItemRow, MeetingRow

__all__ = ["ActionItemFilter", "MeetingFilter", "TeamScope"]

_Owned = TypeVar("_Owned", MeetingRow, ActionItemRow)


@dataclass(frozen=True, slots=True)
class MeetingFilter:
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    participant: str | None = None
    """A name among the meeting's participants (exact, case-insensitive)."""
    status: str | None = None


@dataclass(frozen=True, slots=True)
class ActionItemFilter:
    meeting_id: str | None = None
    owner: str | None = None
    """Owner's name (case-insensitive)."""
    status: str | None = None
    due_before: dt.date | None = None
    """Due on or before."""
    due_after: dt.date | None = None
    """Due on or after."""


class TeamScope:
    def __init__(self, session: Session, team_id: int) -> None:
        self.session = session
        self.team_id = team_id

    def add_meeting(self, meeting: MeetingRow) -> MeetingRow:
        meeting.team_id = self.team_id
        self.session.add(meeting)
        self.session.flush()
        return meeting

    def meeting(self, meeting_id: str) -> MeetingRow:
        return self._one(MeetingRow, meeting_id, f"no meeting {meeting_id!r}")

    def meetings(
        self, where: MeetingFilter = MeetingFilter(), *, offset: int = 0, limit: int = 50
    ) -> tuple[Sequence[MeetingRow], int]:
        """One page of the team's meetings, newest first, and how many match in all."""
        query = self._meetings(where).order_by(MeetingRow.created_at.desc(), MeetingRow.id)
        if where.participant is not None:
            # Participants are a JSON list, which engines query differently: filtered here.
            wanted = where.participant.casefold()
            rows = [
                row
                for row in self.session.scalars(query).all()
                if wanted in {name.casefold() for name in row.participants}
            ]
            return rows[offset : offset + limit], len(rows)
        total = self.session.scalar(select(func.count()).select_from(query.subquery())) or 0
        return self.session.scalars(query.offset(offset).limit(limit)).all(), total

    def earlier_meetings(self, before: MeetingRow) -> Sequence[MeetingRow]:
        """The team's finished meetings before ``before``, oldest first (for follow-through)."""
        return self.session.scalars(
            select(MeetingRow)
            .where(
                MeetingRow.team_id == self.team_id,
                MeetingRow.status == "done",
                MeetingRow.created_at < before.created_at,
                MeetingRow.id != before.id,
            )
            .order_by(MeetingRow.created_at)
        ).all()

    def delete_meeting(self, meeting: MeetingRow) -> None:
        self.session.delete(meeting)

    def action_items(
        self, where: ActionItemFilter = ActionItemFilter(), *, offset: int = 0, limit: int = 500
    ) -> tuple[Sequence[ActionItemRow], int]:
        """One page of the team's action items, by due date (undated last), and the total."""
        query = select(ActionItemRow).where(ActionItemRow.team_id == self.team_id)
        if where.meeting_id is not None:
            query = query.where(ActionItemRow.meeting_id == where.meeting_id)
        if where.owner is not None:
            query = query.where(func.lower(ActionItemRow.owner) == where.owner.casefold())
        if where.status is not None:
            query = query.where(ActionItemRow.status == where.status)
        if where.due_before is not None:
            query = query.where(ActionItemRow.due <= where.due_before)
        if where.due_after is not None:
            query = query.where(ActionItemRow.due >= where.due_after)
        total = self.session.scalar(select(func.count()).select_from(query.subquery())) or 0
        ordered = query.order_by(
            ActionItemRow.due.is_(None), ActionItemRow.due, ActionItemRow.id
        ).offset(offset)
        return self.session.scalars(ordered.limit(limit)).all(), total

    def action_item(self, item_id: int) -> ActionItemRow:
        return self._one(ActionItemRow, item_id, f"no action item {item_id}")

    def finished_meetings(self) -> Sequence[MeetingRow]:
        """The team's analysed meetings, oldest first."""
        return self.session.scalars(
            select(MeetingRow)
            .where(MeetingRow.team_id == self.team_id, MeetingRow.status == "done")
            .order_by(MeetingRow.date.is_(None), MeetingRow.date, MeetingRow.created_at)
        ).all()

    def status_counts(self) -> dict[str, int]:
        """How many of the team's meetings are in each status."""
        rows = self.session.execute(
            select(MeetingRow.status, func.count())
            .where(MeetingRow.team_id == self.team_id)
            .group_by(MeetingRow.status)
        ).all()
        return {status: count for status, count in rows}

    def job_times(self) -> list[tuple[float, float]]:
        """(analysis time, recording length) in seconds of each finished meeting."""
        rows = self.session.execute(
            select(MeetingRow.started_at, MeetingRow.finished_at, MeetingRow.duration_s).where(
                MeetingRow.team_id == self.team_id,
                MeetingRow.status == "done",
                MeetingRow.started_at.is_not(None),
                MeetingRow.finished_at.is_not(None),
            )
        ).all()
        return [
            ((finished - started).total_seconds(), duration or 0.0)
            for started, finished, duration in rows
            if started is not None and finished is not None
        ]

    def _one(self, table: type[_Owned], key: object, missing: str) -> _Owned:
        """The row of ``table`` with primary key ``key`` if it is the team's; another team's
        is not found, exactly like one that does not exist."""
        row = self.session.get(table, key)
        if row is None or row.team_id != self.team_id:
            raise NotFoundError(missing)
        return row

    def _meetings(self, where: MeetingFilter) -> Select[MeetingRow]:
        query = select(MeetingRow).where(MeetingRow.team_id == self.team_id)
        if where.date_from is not None:
            query = query.where(MeetingRow.date >= where.date_from)
        if where.date_to is not None:
            query = query.where(MeetingRow.date <= where.date_to)
        if where.status is not None:
            query = query.where(MeetingRow.status == where.status)
        return query
