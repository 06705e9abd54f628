"""The weekly team digest for managers: the week's meetings with their balance, who was rarely
heard, action items by owner with follow-through, and what is overdue or due soon. Pure: built
from reports and stored action items, rendered as an email like the meeting digest."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from assistant.outputs.formatting import MISSING, format_clock, format_number

from .content import ItemLine, long_date
from .email_digest import (
    EmailBody,
    figure_table,
    html_items,
    page,
    section,
    text_items,
    text_section,
)

__all__ = [
    "OwnerTally",
    "StoredItem",
    "WeekMeeting",
    "WeeklyDigest",
    "render_weekly_email",
    "weekly_digest",
]

RARELY_HEARD_SHARE = 0.10
"""Someone whose average share of the talk in the week's meetings is under this is listed as
rarely heard (with four people, an equal share is 25 %)."""


@dataclass(frozen=True, slots=True)
class StoredItem:
    """An action item as the service stores it."""

    text: str
    owner: str | None
    due: dt.date | None
    status: str
    """open or done."""
    meeting_title: str


@dataclass(frozen=True, slots=True)
class WeekMeeting:
    title: str
    date: str
    length: str
    balance: str
    """The balance score (0-1) as text."""
    people: int


@dataclass(frozen=True, slots=True)
class OwnerTally:
    owner: str
    open: int
    overdue: int
    done: int


@dataclass(frozen=True, slots=True)
class WeeklyDigest:
    team: str
    start: dt.date
    end: dt.date
    """Inclusive."""
    meetings: tuple[WeekMeeting, ...]
    rarely_heard: tuple[tuple[str, float], ...]
    """(name, average share) under ``RARELY_HEARD_SHARE``."""
    owners: tuple[OwnerTally, ...]
    overdue: tuple[ItemLine, ...]
    due_soon: tuple[ItemLine, ...]
    """Open items due in the 7 days after ``end``."""


def weekly_digest(
    team: str,
    start: dt.date,
    end: dt.date,
    reports: Sequence[Mapping[str, Any]],
    items: Sequence[StoredItem],
    *,
    today: dt.date,
) -> WeeklyDigest:
    """``reports``: the team's meetings of the week (report.json dicts); ``items``: the team's
    stored action items (every meeting, so older overdue items show too)."""
    meetings = []
    shares: dict[str, list[float]] = defaultdict(list)
    for report in reports:
        meeting = report.get("meeting") or {}
        people = report.get("participants") or []
        duration = meeting.get("duration_s")
        score = (report.get("balance") or {}).get("score")
        meetings.append(
            WeekMeeting(
                title=str(meeting.get("title") or "Meeting"),
                date=str(meeting.get("date") or MISSING),
                length=format_clock(duration) if isinstance(duration, int | float) else MISSING,
                balance=format_number(score, 2) if isinstance(score, int | float) else MISSING,
                people=len(people),
            )
        )
        for person in people:
            share = person.get("talk_share")
            if isinstance(share, int | float) and len(people) > 1:
                shares[str(person.get("name") or person.get("id"))].append(float(share))
    rarely = sorted(
        (name, sum(values) / len(values))
        for name, values in shares.items()
        if sum(values) / len(values) < RARELY_HEARD_SHARE
    )
    tallies: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    overdue, due_soon = [], []
    for item in items:
        owner = item.owner or MISSING
        late = item.status != "done" and item.due is not None and item.due < today
        tallies[owner][1 if late else 2 if item.status == "done" else 0] += 1
        line = ItemLine(
            text=item.text,
            owner=owner,
            due=item.due.isoformat() if item.due else MISSING,
            status="overdue" if late else "done" if item.status == "done" else "open",
            origin=item.meeting_title,
        )
        if late:
            overdue.append(line)
        elif (
            item.status != "done"
            and item.due is not None
            and end < item.due <= end + dt.timedelta(days=7)
        ):
            due_soon.append(line)
    owners = tuple(
        OwnerTally(owner, *counts)
        for owner, counts in sorted(tallies.items(), key=lambda kv: (-kv[1][1], -kv[1][0], kv[0]))
    )
    meetings.sort(key=lambda m: m.date)
    return WeeklyDigest(
        team, start, end, tuple(meetings), tuple(rarely), owners, tuple(overdue), tuple(due_soon)
    )


def render_weekly_email(weekly: WeeklyDigest) -> EmailBody:
    span = f"{long_date(weekly.start.isoformat())} to {long_date(weekly.end.isoformat())}"
    subject = f"Weekly digest: {weekly.team}, week of {weekly.start.isoformat()}"
    html = [
        f'<h1 style="font-size:22px;line-height:1.25;margin:0 0 4px;">Weekly digest: '
        f"{escape(weekly.team)}</h1>",
        f'<p style="margin:0;color:#5b6472;">{escape(span)}</p>',
    ]
    text = [f"Weekly digest: {weekly.team}", span]
    meeting_rows = [
        (f"{m.date} · {m.title}", f"{m.length} · {m.people} people · balance {m.balance}")
        for m in weekly.meetings
    ]
    html.append(
        section(
            f"Meetings ({len(weekly.meetings)})",
            figure_table(meeting_rows) or "<p>No meetings were analysed this week.</p>",
        )
    )
    text.append(
        text_section(f"Meetings ({len(weekly.meetings)})", [f"- {a}: {b}" for a, b in meeting_rows])
    )
    heard = [
        (name, f"{round(share * 100)}% of the talk on average")
        for name, share in weekly.rarely_heard
    ]
    html.append(
        section(
            "Rarely heard",
            figure_table(heard) or "<p>Everyone had a voice in this week's meetings.</p>",
        )
    )
    text.append(text_section("Rarely heard", [f"- {a}: {b}" for a, b in heard]))
    owner_rows = [
        (t.owner, f"{t.open} open · {t.overdue} overdue · {t.done} done") for t in weekly.owners
    ]
    html.append(section("Action items by owner", figure_table(owner_rows) or "<p>None.</p>"))
    text.append(text_section("Action items by owner", [f"- {a}: {b}" for a, b in owner_rows]))
    html.append(
        section(f"Overdue ({len(weekly.overdue)})", html_items(weekly.overdue, "nothing overdue"))
    )
    text.append(text_section(f"Overdue ({len(weekly.overdue)})", text_items(weekly.overdue)))
    html.append(section("Due next week", html_items(weekly.due_soon, "nothing due")))
    text.append(text_section("Due next week", text_items(weekly.due_soon)))
    return EmailBody(
        subject=subject,
        html=page(subject, "\n".join(html)),
        text="\n\n".join(text) + "\n",
    )
