"""Tenant isolation in one place: every read and write of a team's data goes through a
``TeamScope``, whose queries are filtered by its team. Routes never query tables directly, so a
route cannot forget the filter; another team's meeting is simply not found."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from models.errors import NotFoundError

from .tables import ActionItemRow, MeetingRow

__all__ = ["MeetingFilter", "TeamScope"]


@dataclass(frozen=True, slots=True)
class MeetingFilter:
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    participant: str | None = None
    """A name among the meeting's participants (exact, case-insensitive)."""
    status: str | None = None


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
        row = self.session.scalar(
            select(MeetingRow).where(
                MeetingRow.id == meeting_id, MeetingRow.team_id == self.team_id
            )
        )
        if row is None:
            raise NotFoundError(f"no meeting {meeting_id!r}")
        return row

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

    def action_items(self, meeting_id: str | None = None) -> Sequence[ActionItemRow]:
        query = select(ActionItemRow).where(ActionItemRow.team_id == self.team_id)
        if meeting_id is not None:
            query = query.where(ActionItemRow.meeting_id == meeting_id)
        return self.session.scalars(query.order_by(ActionItemRow.id)).all()

    def _meetings(self, where: MeetingFilter) -> Select[MeetingRow]:
        query = select(MeetingRow).where(MeetingRow.team_id == self.team_id)
        if where.date_from is not None:
            query = query.where(MeetingRow.date >= where.date_from)
        if where.date_to is not None:
            query = query.where(MeetingRow.date <= where.date_to)
        if where.status is not None:
            query = query.where(MeetingRow.status == where.status)
        return query
