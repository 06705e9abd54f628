"""Action items as an iCalendar file (RFC 5545): one VTODO per item, its due date as an
all-day DUE, done items COMPLETED, so a calendar or task app shows them on their day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from icalendar import Calendar, Todo

__all__ = ["CalendarItem", "action_items_ical"]

_PRODID = "-//meeting-assistant//action items//EN"


@dataclass(frozen=True, slots=True)
class CalendarItem:
    """One action item as a calendar to-do."""

    id: int
    text: str
    owner: str | None
    due: dt.date | None
    """An all-day due date; None gives a to-do without one."""
    done: bool
    done_at: dt.datetime | None
    """When it was marked done (UTC), if known."""
    meeting_title: str
    meeting_date: dt.date | None


def action_items_ical(items: Iterable[CalendarItem], now: dt.datetime | None = None) -> bytes:
    """The calendar as bytes (CRLF lines, folded at 75 octets, text escaped by icalendar)."""
    stamp = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", _PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Action items")
    for item in items:
        todo = Todo()
        # Stable across exports, so a re-import updates the to-do instead of adding another.
        todo.add("uid", f"action-item-{item.id}@meeting-assistant")
        todo.add("dtstamp", stamp)
        todo.add("summary", item.text)
        if item.due is not None:
            todo.add("due", item.due)
        todo.add("status", "COMPLETED" if item.done else "NEEDS-ACTION")
        if item.done and item.done_at is not None:
            todo.add("completed", item.done_at.astimezone(dt.UTC).replace(microsecond=0))
        lines = [f"From the meeting: {item.meeting_title}"]
        if item.meeting_date is not None:
            lines[0] += f" ({item.meeting_date.isoformat()})"
        if item.owner:
            lines.append(f"Owner: {item.owner}")
        todo.add("description", "\n".join(lines))
        calendar.add_component(todo)
    data: bytes = calendar.to_ical()
    return data
