"""Delivering a finished meeting: its digest by email to the participants the team has
contacts for (each with their own feedback), and posts to the team's enabled destinations;
every attempt recorded. Also the weekly team digest for the team's managers.

Blocking (SMTP, HTTP, the store): runs in the embedded pool's delivery thread, a Celery
worker, or the CLI; never on the event loop. A delivery that fails is recorded and logged; the
meeting itself is already stored and stays ``done``. What already reached an address or a
destination is not sent again when a delivery is run twice.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from assistant.config import Settings
from assistant.delivery import (
    Attempt,
    MeetingDigest,
    Recipient,
    RetryPolicy,
    SmtpOptions,
    StoredItem,
    WebhookPost,
    encode_body,
    meeting_digest,
    payload_for,
    post_json,
    render_weekly_email,
    send_digest_emails,
    send_email,
    shown_url,
    weekly_digest,
    with_retries,
)
from assistant.intelligence.dates import iso_date
from models.errors import NotFoundError, NotReadyError

from .jobs import meeting_folder
from .sign_in import create_sign_in_link
from .store.database import Database
from .store.delivery_scope import DeliveryScope
from .store.tables import ActionItemRow, DeliveryAttemptRow, MeetingRow, Team

__all__ = ["Delivered", "Delivery", "week_start"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Delivered:
    """How one address or destination ended."""

    channel: str
    target: str
    outcome: str
    """delivered, failed, or skipped (reached before)."""
    error: str | None = None


@dataclass(frozen=True, slots=True)
class _Destination:
    id: int
    kind: str
    url: str
    secret: str | None


class Delivery:
    def __init__(
        self,
        database: Database,
        settings: Settings,
        *,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._database = database
        self._settings = settings
        self._options = settings.delivery
        self._policy = RetryPolicy(self._options.attempts, self._options.backoff_s)
        self._sleep = sleep

    def after_meeting(self, meeting_id: str) -> None:
        """Deliver a finished meeting in the background: never raises, so the caller's
        meeting is never put at risk by it (failures are recorded and logged)."""
        try:
            results = self.deliver_meeting(meeting_id)
        except Exception:  # logged in full; the meeting is stored already
            log.exception("delivery of meeting %s failed", meeting_id)
            return
        failed = [r for r in results if r.outcome == "failed"]
        if failed:
            log.warning(
                "meeting %s: %d of %d deliveries failed (see delivery_attempts)",
                meeting_id,
                len(failed),
                len(results),
            )

    def deliver_meeting(
        self,
        meeting_id: str,
        *,
        to: Sequence[Recipient] | None = None,
        chat: bool = True,
    ) -> list[Delivered]:
        """Email the digest (to ``to``, or else to every participant the team has a contact
        for) and, with ``chat``, post it to the team's enabled destinations."""
        digest, team_id, recipients, destinations, done = self._load(meeting_id)
        if to is not None:
            recipients, done = list(to), set()  # asked for by name: sent again
        results: list[Delivered] = []
        smtp = SmtpOptions.from_settings(self._options)
        pending = [r for r in recipients if f"email:{r.address.casefold()}" not in done]
        results += [
            Delivered("email", r.address, "skipped") for r in recipients if r not in pending
        ]

        def record(recipient: Recipient, attempt: Attempt) -> None:
            self._record(team_id, meeting_id, None, "email", recipient.address, attempt)

        if pending and smtp is None:
            problem = "no mail server is set (delivery.smtp_host)"
            for recipient in pending:
                record(recipient, Attempt(1, dt.datetime.now(dt.UTC), None, problem, "failed"))
                results.append(Delivered("email", recipient.address, "failed", problem))
        elif pending and smtp is not None:
            sent = send_digest_emails(
                digest,
                pending,
                smtp=smtp,
                sender=self._options.sender,
                policy=self._policy,
                record=record,
                sleep=self._sleep,
            )
            results += [Delivered("email", r.address, last.outcome, last.error) for r, last in sent]
        if chat:
            for destination in destinations:
                if f"destination:{destination.id}" in done:
                    results.append(
                        Delivered(destination.kind, shown_url(destination.url), "skipped")
                    )
                    continue
                results.append(self._post(team_id, meeting_id, destination, digest))
        return results

    def send_weekly(
        self,
        team: str,
        start: dt.date,
        *,
        to: Sequence[str] | None = None,
        today: dt.date | None = None,
    ) -> list[Delivered]:
        """The weekly digest of ``team`` for the week from ``start`` (7 days), to ``to`` or
        else to the team's contacts marked ``weekly``."""
        today = today or dt.datetime.now(dt.UTC).date()
        end = start + dt.timedelta(days=6)
        with self._database.session() as session:
            team_row = session.scalar(select(Team).where(Team.name == team))
            if team_row is None:
                raise NotFoundError(f"no team {team!r}")
            scope = DeliveryScope(session, team_row.id)
            reports = []
            for row in scope.finished_meetings():
                if row.date is not None and not start <= row.date <= end:
                    continue
                report = self._report(row)
                if report is None:
                    continue
                # Undated at upload: the report's own date (a transcript's), else the day it
                # was stored.
                date = row.date or iso_date(report.get("meeting", {}).get("date"))
                if start <= (date or row.created_at.date()) <= end:
                    reports.append(report)
            titles = {row.id: row.title for row in scope.finished_meetings()}
            items = [
                StoredItem(i.text, i.owner, i.due, i.status, titles.get(i.meeting_id, "—"))
                for i in scope.action_items(limit=1_000_000)[0]
            ]
            addresses = (
                list(to) if to is not None else [c.email for c in scope.contacts() if c.weekly]
            )
            team_id = team_row.id
        smtp = SmtpOptions.from_settings(self._options)
        if smtp is None:
            return [
                Delivered("email", a, "failed", "no mail server (delivery.smtp_host)")
                for a in addresses
            ]
        body = render_weekly_email(weekly_digest(team, start, end, reports, items, today=today))
        results = []

        def record(recipient: Recipient, attempt: Attempt) -> None:
            self._record(team_id, None, None, "email", recipient.address, attempt, "weekly")

        for address in addresses:
            last = send_email(
                body,
                Recipient(address),
                smtp=smtp,
                sender=self._options.sender,
                policy=self._policy,
                record=record,
                sleep=self._sleep,
            )
            results.append(Delivered("email", address, last.outcome, last.error))
        return results

    # Reading and recording, each in a short session of its own.

    def _load(
        self, meeting_id: str
    ) -> tuple[MeetingDigest, int, list[Recipient], list[_Destination], set[str]]:
        with self._database.session() as session:
            meeting = session.get(MeetingRow, meeting_id)
            if meeting is None:
                raise NotFoundError(f"no meeting {meeting_id!r}")
            if meeting.status != "done":
                raise NotReadyError(f"meeting {meeting_id!r} is {meeting.status}, not done")
            report = self._report(meeting)
            if report is None:
                raise NotReadyError(f"meeting {meeting_id!r} has no readable report")
            statuses = session.scalars(
                select(ActionItemRow.status)
                .where(ActionItemRow.meeting_id == meeting_id)
                .order_by(ActionItemRow.id)
            ).all()
            scope = DeliveryScope(session, meeting.team_id)
            # Earlier items marked done in the store since this report was written.
            settled = {
                text.casefold()
                for text in session.scalars(
                    select(ActionItemRow.text).where(
                        ActionItemRow.team_id == meeting.team_id,
                        ActionItemRow.meeting_id != meeting_id,
                        ActionItemRow.status == "done",
                    )
                )
            }
            digest = meeting_digest(
                report,
                today=dt.datetime.now(dt.UTC).date(),
                statuses=list(statuses),
                settled=settled,
            )
            recipients = []
            public_url = self._settings.dashboard.public_url
            for name in digest.participants:
                contact = scope.contact_named(name)
                if contact is None:
                    continue
                link = None
                if public_url:
                    # Each copy signs its reader in to their own feedback: one-time, expiring.
                    link = create_sign_in_link(
                        session,
                        meeting.team_id,
                        name,
                        base_url=public_url,
                        minutes=self._options.sign_in_link_hours * 60,
                    ).url
                recipients.append(Recipient(contact.email, name, link))
            destinations = [
                _Destination(d.id, d.kind, d.url, d.secret)
                for d in scope.destinations(enabled_only=True)
            ]
            return digest, meeting.team_id, recipients, destinations, scope.delivered(meeting_id)

    def _report(self, meeting: MeetingRow) -> dict[str, Any] | None:
        path = meeting_folder(self._settings, meeting.team_id, meeting.id) / "report.json"
        try:
            report: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return report

    def _post(
        self, team_id: int, meeting_id: str, destination: _Destination, digest: MeetingDigest
    ) -> Delivered:
        kind = destination.kind
        payload = payload_for(kind, digest, meeting_id)  # type: ignore[arg-type]
        post = WebhookPost(
            destination.url,
            encode_body(payload),
            secret=destination.secret if kind == "webhook" else None,
        )
        shown = shown_url(destination.url)

        def record(attempt: Attempt) -> None:
            self._record(team_id, meeting_id, destination.id, kind, shown, attempt)

        last = with_retries(
            lambda: post_json(
                post,
                allowed_hosts=self._options.allowed_hosts,
                timeout_s=self._options.timeout_s,
            ),
            self._policy,
            record,
            sleep=self._sleep,
        )
        return Delivered(kind, shown, last.outcome, last.error)

    def _record(
        self,
        team_id: int,
        meeting_id: str | None,
        destination_id: int | None,
        channel: str,
        target: str,
        attempt: Attempt,
        purpose: str = "meeting",
    ) -> None:
        try:
            with self._database.session() as session:
                session.add(
                    DeliveryAttemptRow(
                        team_id=team_id,
                        meeting_id=meeting_id,
                        destination_id=destination_id,
                        channel=channel,
                        purpose=purpose,
                        target=target[:320],
                        attempt=attempt.number,
                        at=attempt.at,
                        status=attempt.status,
                        error=attempt.error,
                        outcome=attempt.outcome,
                    )
                )
        except Exception:  # the store away must not stop the delivery itself
            log.exception("could not record a delivery attempt to %s", target)


def week_start(day: dt.date) -> dt.date:
    """The Monday of ``day``'s week."""
    return day - dt.timedelta(days=day.weekday())
