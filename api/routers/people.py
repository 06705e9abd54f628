"""A person's private feedback across the team's meetings: their talk figures, engagement and
coaching, meeting by meeting. Only that person's token or an admin token may read it."""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated, Any

from fastapi import APIRouter, Path
from pydantic import BaseModel

from assistant.outputs.report_models import (
    CoachingItemReport,
    EngagementReport,
)
from models.errors import NotFoundError, PermissionDeniedError

from ..deps import CallerDep, ScopeDep, StateDep
from ..jobs import meeting_folder

router = APIRouter(tags=["people"])


class MeetingFeedback(BaseModel):
    meeting_id: str
    title: str
    date: dt.date | None
    talk_share: float
    """Of everyone's talk time, in [0, 1]."""
    words_per_minute: float
    questions_asked: int
    filler_words_per_100: float
    longest_monologue_s: float
    engagement: EngagementReport | None
    """From video; null when the person was not seen."""
    coaching: list[CoachingItemReport]


class PersonFeedback(BaseModel):
    person: str
    """The name as the latest report spells it."""
    meetings: list[MeetingFeedback]
    """Oldest first."""


@router.get("/people/{person}/feedback")
def person_feedback(
    person: Annotated[str, Path(min_length=1, max_length=200)],
    scope: ScopeDep,
    caller: CallerDep,
    state: StateDep,
) -> PersonFeedback:
    """``person`` is the name as it appears in the reports (case-insensitive)."""
    wanted = person.casefold()
    if not caller.admin and (caller.person is None or caller.person.casefold() != wanted):
        raise PermissionDeniedError("a person token reads only its own person's feedback")
    meetings = []
    name = person
    for meeting in scope.finished_meetings():
        path = meeting_folder(state.settings, meeting.team_id, meeting.id) / "report.json"
        try:
            report: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        entry = _feedback(report, wanted)
        if entry is not None:
            name = entry.pop("name")
            meetings.append(
                MeetingFeedback(
                    meeting_id=meeting.id, title=meeting.title, date=meeting.date, **entry
                )
            )
    if not meetings:
        raise NotFoundError(f"no analysed meeting of the team has {person!r} in it")
    return PersonFeedback(person=name, meetings=meetings)


def _feedback(report: dict[str, Any], wanted: str) -> dict[str, Any] | None:
    participant = next(
        (p for p in report.get("participants", []) if p.get("name", "").casefold() == wanted),
        None,
    )
    if participant is None:
        return None
    coaching: list[dict[str, Any]] = next(
        (c["items"] for c in report.get("coaching", []) if c["participant"] == participant["id"]),
        [],
    )
    keys = (
        "talk_share",
        "words_per_minute",
        "questions_asked",
        "filler_words_per_100",
        "longest_monologue_s",
        "engagement",
    )
    return {
        **{key: participant.get(key) for key in keys},
        "coaching": coaching,
        "name": participant["name"],
    }
