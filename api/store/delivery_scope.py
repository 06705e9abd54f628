"""The team's delivery records through its scope, like everything else of a team's: contacts,
destinations and delivery attempts. Another team's row is not found."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from sqlalchemy import select

from models.errors import NotFoundError

from .scope import TeamScope
from .tables import ContactRow, DeliveryAttemptRow, DestinationRow

__all__ = ["DeliveryScope"]

_Row = TypeVar("_Row", ContactRow, DestinationRow)


class DeliveryScope(TeamScope):
    def contacts(self) -> Sequence[ContactRow]:
        return self.session.scalars(
            select(ContactRow)
            .where(ContactRow.team_id == self.team_id)
            .order_by(ContactRow.name_key, ContactRow.id)
        ).all()

    def contact(self, contact_id: int) -> ContactRow:
        return self._own(ContactRow, contact_id, f"no contact {contact_id}")

    def contact_named(self, name: str) -> ContactRow | None:
        return self.session.scalar(
            select(ContactRow).where(
                ContactRow.team_id == self.team_id, ContactRow.name_key == name.casefold()
            )
        )

    def add(self, row: ContactRow | DestinationRow) -> None:
        row.team_id = self.team_id
        self.session.add(row)
        self.session.flush()

    def destinations(self, *, enabled_only: bool = False) -> Sequence[DestinationRow]:
        query = select(DestinationRow).where(DestinationRow.team_id == self.team_id)
        if enabled_only:
            query = query.where(DestinationRow.enabled.is_(True))
        return self.session.scalars(query.order_by(DestinationRow.id)).all()

    def destination(self, destination_id: int) -> DestinationRow:
        return self._own(DestinationRow, destination_id, f"no destination {destination_id}")

    def attempts(
        self,
        *,
        meeting_id: str | None = None,
        destination_id: int | None = None,
        offset: int = 0,
        limit: int = 200,
    ) -> Sequence[DeliveryAttemptRow]:
        """The team's delivery attempts, newest first."""
        query = select(DeliveryAttemptRow).where(DeliveryAttemptRow.team_id == self.team_id)
        if meeting_id is not None:
            query = query.where(DeliveryAttemptRow.meeting_id == meeting_id)
        if destination_id is not None:
            query = query.where(DeliveryAttemptRow.destination_id == destination_id)
        ordered = query.order_by(DeliveryAttemptRow.at.desc(), DeliveryAttemptRow.id.desc())
        return self.session.scalars(ordered.offset(offset).limit(limit)).all()

    def delivered(self, meeting_id: str) -> set[str]:
        """What this meeting's digest already reached, as ``email:<address>`` and
        ``destination:<id>``: a delivery run again (a job delivered twice) skips them."""
        rows = self.session.execute(
            select(
                DeliveryAttemptRow.channel,
                DeliveryAttemptRow.target,
                DeliveryAttemptRow.destination_id,
            ).where(
                DeliveryAttemptRow.team_id == self.team_id,
                DeliveryAttemptRow.meeting_id == meeting_id,
                DeliveryAttemptRow.outcome == "delivered",
            )
        ).all()
        return {
            f"email:{target.casefold()}" if channel == "email" else f"destination:{destination}"
            for channel, target, destination in rows
        }

    def _own(self, table: type[_Row], key: int, missing: str) -> _Row:
        row = self.session.get(table, key)
        if row is None or row.team_id != self.team_id:
            raise NotFoundError(missing)
        return row
