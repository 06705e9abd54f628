"""What a meeting's digest says, read from report.json once: the shared part every reader gets
(the meeting, participation, action items, decisions, open questions, carried-over items) and
each participant's private feedback, kept apart so a message can only hold its reader's own.

Pure functions over the report; the email, chat and webhook renderers format these values.
Figures are formatted as the digest page and the terminal table write them
(``assistant.outputs.digest``), so every channel shows the same numbers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from assistant.intelligence.action_items import owner_name
from assistant.intelligence.dates import iso_date
from assistant.outputs.digest import (
    ENGAGEMENT_HEADERS,
    SUMMARY_HEADERS,
    engagement_rows,
    summary_rows,
)
from assistant.outputs.formatting import (
    MISSING,
    as_list,
    as_mapping,
    as_number,
    as_text,
    format_clock,
    read_balance,
)

__all__ = [
    "CoachingLine",
    "ItemLine",
    "ItemStatus",
    "MeetingDigest",
    "PersonalFeedback",
    "ShareLine",
    "long_date",
    "meeting_digest",
]

ItemStatus = Literal["open", "done", "overdue"]


@dataclass(frozen=True, slots=True)
class ShareLine:
    name: str
    share: float
    """Of everyone's talk time, in [0, 1]."""
    side: Literal["internal", "external", "unknown"]


@dataclass(frozen=True, slots=True)
class ItemLine:
    """An action item as people read it."""

    text: str
    owner: str
    """A participant's name, "our team", or "—"."""
    due: str
    """YYYY-MM-DD, or "—"."""
    status: ItemStatus
    origin: str | None = None
    """For an item carried over: the title (and date) of the meeting it was said in."""


@dataclass(frozen=True, slots=True)
class CoachingLine:
    message: str
    benchmark: str


@dataclass(frozen=True, slots=True)
class PersonalFeedback:
    """One participant's private part: only their own copy of a digest holds it."""

    name: str
    figures: tuple[tuple[str, str], ...]
    """(label, formatted value): talk time, share, pace, questions, fillers, interruptions."""
    engagement: tuple[tuple[str, str], ...]
    """(label, formatted value) from video; empty when the person was not seen."""
    coaching: tuple[CoachingLine, ...]


@dataclass(frozen=True, slots=True)
class MeetingDigest:
    """The shared part of a meeting's digest, plus everyone's feedback keyed by name."""

    title: str
    date: str | None
    """YYYY-MM-DD."""
    facts: tuple[str, ...]
    """Date written out, length, language: for the line under the title."""
    shares: tuple[ShareLine, ...]
    """Biggest talker first."""
    balance: str
    """One or two sentences on how the talk was shared."""
    action_items: tuple[ItemLine, ...]
    decisions: tuple[str, ...]
    open_questions: tuple[str, ...]
    carried_over: tuple[ItemLine, ...]
    """Items of earlier meetings not done before this one (overdue first)."""
    feedback: Mapping[str, PersonalFeedback]
    """By participant name, case-folded."""
    summary: str | None = None

    @property
    def participants(self) -> tuple[str, ...]:
        return tuple(line.name for line in self.shares)

    def feedback_for(self, name: str) -> PersonalFeedback | None:
        return self.feedback.get(name.casefold())


def meeting_digest(
    report: Mapping[str, Any],
    *,
    today: dt.date,
    statuses: Sequence[str] | None = None,
    settled: Collection[str] = (),
) -> MeetingDigest:
    """The digest of a report.json dict. ``statuses`` gives each action item's status in
    report order ("open" or "done", as stored by the service); without it every item is open.
    Open items due before ``today`` are overdue. ``settled``: texts (case-folded) of earlier
    items marked done since the report was written; they are not carried over."""
    meeting = as_mapping(report.get("meeting"))
    people = [as_mapping(p) for p in as_list(report.get("participants"))]
    names = {str(p.get("id")): _name(p) for p in people}
    language = as_text(meeting.get("language"))
    items = []
    for index, raw in enumerate(as_list(report.get("action_items"))):
        item = as_mapping(raw)
        stored = statuses[index] if statuses is not None and index < len(statuses) else "open"
        due = iso_date(as_text(item.get("due")))
        status: ItemStatus = "done" if stored == "done" else "open"
        if status == "open" and due is not None and due < today:
            status = "overdue"
        items.append(
            ItemLine(
                text=as_text(item.get("text")) or MISSING,
                owner=owner_name(as_text(item.get("owner")), names, language),
                due=due.isoformat() if due else MISSING,
                status=status,
            )
        )
    carried = []
    for raw in as_list(report.get("follow_up")):
        item = as_mapping(raw)
        raw_status = as_text(item.get("status"))
        text = as_text(item.get("text")) or MISSING
        if raw_status == "done" or text.casefold() in settled:
            continue  # reported or marked done: nothing left to chase
        due = iso_date(as_text(item.get("due")))
        status = "overdue" if raw_status == "overdue" or (due and due < today) else "open"
        origin = as_text(item.get("origin_title")) or MISSING
        origin_date = as_text(item.get("origin_date"))
        carried.append(
            ItemLine(
                text=text,
                owner=owner_name(as_text(item.get("owner")), names, language),
                due=due.isoformat() if due else MISSING,
                status=status,
                origin=f"{origin} ({origin_date})" if origin_date else origin,
            )
        )
    carried.sort(key=lambda line: line.status != "overdue")
    shares = tuple(
        ShareLine(_name(p), as_number(p.get("talk_share")) or 0.0, _side(p))
        for p in sorted(people, key=lambda p: -(as_number(p.get("talk_share")) or 0.0))
    )
    questions = []
    for raw in as_list(report.get("questions")):
        question = as_mapping(raw)
        who = names.get(str(question.get("speaker")), as_text(question.get("speaker")) or MISSING)
        reason = "put off" if question.get("reason") == "deferred" else "not answered"
        questions.append(f"{as_text(question.get('text')) or MISSING} ({who}; {reason})")
    date = as_text(meeting.get("date"))
    return MeetingDigest(
        title=as_text(meeting.get("title")) or "Meeting",
        date=date,
        facts=_facts(meeting),
        shares=shares,
        balance=" ".join(
            read_balance(as_mapping(report.get("balance")), people, names).sentences()
        ),
        action_items=tuple(items),
        decisions=tuple(
            as_text(as_mapping(d).get("text")) or MISSING for d in as_list(report.get("decisions"))
        ),
        open_questions=tuple(questions),
        carried_over=tuple(carried),
        feedback=_feedback(report, people),
        summary=as_text(report.get("summary")),
    )


def long_date(value: str) -> str:
    """YYYY-MM-DD as "Tuesday 3 March 2026"; anything else as it is."""
    date = iso_date(value)
    if date is None:
        return value
    return f"{date.strftime('%A')} {date.day} {date.strftime('%B %Y')}"


def _facts(meeting: Mapping[str, Any]) -> tuple[str, ...]:
    facts = []
    date = as_text(meeting.get("date"))
    if date:
        facts.append(long_date(date))
    duration = as_number(meeting.get("duration_s"))
    if duration is not None:
        facts.append(f"{format_clock(duration)} long")
    language = as_text(meeting.get("language"))
    if language:
        facts.append(f"language: {language}")
    return tuple(facts)


def _feedback(
    report: Mapping[str, Any], people: list[Mapping[str, Any]]
) -> dict[str, PersonalFeedback]:
    figures = {row[0]: row[1:] for row in summary_rows(report)}
    engagement = {row[0]: row[1:] for row in engagement_rows(report)}
    coaching = {
        str(as_mapping(c).get("participant")): as_list(as_mapping(c).get("items"))
        for c in as_list(report.get("coaching"))
    }
    out: dict[str, PersonalFeedback] = {}
    for person in people:
        name = _name(person)
        own_figures = list(zip(SUMMARY_HEADERS[1:], figures.get(name, ()), strict=False))
        monologue = as_number(person.get("longest_monologue_s"))
        if monologue is not None:
            own_figures.append(("Longest monologue", format_clock(monologue)))
        seen = engagement.get(name, ())
        own_engagement = tuple(
            (label, value)
            for label, value in zip(ENGAGEMENT_HEADERS[1:], seen, strict=False)
            if value != MISSING
        )
        lines = tuple(
            CoachingLine(
                as_text(as_mapping(i).get("message")) or MISSING,
                as_text(as_mapping(i).get("benchmark")) or MISSING,
            )
            for i in coaching.get(str(person.get("id")), ())
        )
        out[name.casefold()] = PersonalFeedback(name, tuple(own_figures), own_engagement, lines)
    return out


# Reading the report defensively: a missing or odd value shows as a dash.


def _name(person: Mapping[str, Any]) -> str:
    return as_text(person.get("name")) or as_text(person.get("id")) or "Unknown"


def _side(person: Mapping[str, Any]) -> Literal["internal", "external", "unknown"]:
    side = person.get("side")
    if side == "internal":
        return "internal"
    if side == "external":
        return "external"
    return "unknown"
