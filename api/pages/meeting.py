"""*Meeting*: the transcript with speaker colours and search, the engagement timeline, and the
action items, editable (the page's script sends PATCH /api/v1/action-items/{id}; without
script the form posts here and the same update runs)."""

from __future__ import annotations

import datetime as dt
import hmac
import re
from collections.abc import Mapping, Sequence
from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Response
from fastapi import Path as PathParam
from fastapi.responses import RedirectResponse
from markupsafe import Markup, escape

from assistant.outputs.formatting import format_clock
from models.errors import InputError, NotReadyError, PermissionDeniedError

from ..deps import ScopeDep, SessionDep, StateDep
from ..jobs import meeting_folder
from ..routers.action_items import ActionItemChange, ItemId, update_action_item
from ..store.scope import ActionItemFilter, TeamScope
from .charts import engagement_chart
from .data import private_view
from .render import SECURITY_HEADERS, BrowserDep, PageRoute, read_report, render

__all__ = ["router"]

router = APIRouter(prefix="/dashboard", route_class=PageRoute, include_in_schema=False)

MeetingId = Annotated[str, PathParam(min_length=1, max_length=64)]
WINDOW_S = 30
"""Seconds per point of the engagement timeline."""


@router.get("/meetings/{meeting_id}")
def meeting_page(
    meeting_id: MeetingId,
    browser: BrowserDep,
    scope: ScopeDep,
    state: StateDep,
    q: Annotated[str, Query(max_length=200)] = "",
) -> Response:
    meeting = scope.meeting(meeting_id)
    if meeting.status != "done":
        raise NotReadyError(f"the meeting is {meeting.status}; its page opens once analysed")
    path = meeting_folder(state.settings, meeting.team_id, meeting.id) / "report.json"
    full = read_report(path)
    if full is None:
        raise NotReadyError("this meeting's report is missing; upload it again")
    report = private_view(full, browser.person, browser.admin)
    people = [p for p in report.get("participants", []) if isinstance(p, Mapping)]
    colour = {str(p.get("id")): index % 8 for index, p in enumerate(people)}
    names = {str(p.get("id")): str(p.get("name") or p.get("id")) for p in people}
    segments = [s for s in report.get("segments", []) if isinstance(s, Mapping)]
    query = q.strip()
    shown = [s for s in segments if not query or query.casefold() in str(s.get("text")).casefold()]
    items, _ = scope.action_items(ActionItemFilter(meeting_id=meeting.id), limit=1000)
    series = _engagement(people)
    return render(
        "meeting.html",
        title=meeting.title,
        browser=browser,
        meeting=meeting,
        date=meeting.date or meeting.created_at.date(),
        speakers=[(names[str(p.get("id"))], colour[str(p.get("id"))]) for p in people],
        query=query,
        total=len(segments),
        segments=[
            {
                "name": names.get(str(s.get("speaker")), str(s.get("speaker"))),
                "colour": colour.get(str(s.get("speaker")), 0),
                "at": format_clock(float(s.get("start") or 0.0)),
                "text": _highlight(str(s.get("text") or ""), query),
            }
            for s in shown
        ],
        timeline=Markup(engagement_chart([(c, values) for _, c, values in series], WINDOW_S)),
        timeline_people=[(name, c) for name, c, _ in series],
        items=items,
    )


@router.post("/action-items/{item_id}")
def save_action_item(
    item_id: ItemId,
    browser: BrowserDep,
    session: SessionDep,
    csrf: Annotated[str, Form(max_length=100)],
    status: Annotated[str, Form(max_length=8)],
    owner: Annotated[str, Form(max_length=200)] = "",
    due: Annotated[str, Form(max_length=10)] = "",
) -> Response:
    """The form's fallback when script is off: the same update as the PATCH route."""
    if not hmac.compare_digest(csrf, browser.csrf):
        raise PermissionDeniedError("the form is out of date; reload the page and try again")
    if status not in ("open", "done"):
        raise InputError("status is 'open' or 'done'")
    try:
        due_date = dt.date.fromisoformat(due) if due.strip() else None
    except ValueError:
        raise InputError(f"due date {due!r} is not YYYY-MM-DD") from None
    change = ActionItemChange(status=status, owner=owner.strip() or None, due=due_date)  # type: ignore[arg-type]
    # The CSRF token came in the form (checked above), not in the header the API expects.
    row = update_action_item(item_id, change, TeamScope(session, browser.team_id))
    return RedirectResponse(
        f"/dashboard/meetings/{row.meeting_id}#item-{row.id}",
        status_code=303,
        headers=SECURITY_HEADERS,
    )


def _highlight(text: str, query: str) -> Markup:
    """``text`` escaped, with each match of ``query`` in <mark>."""
    if not query:
        return Markup(escape(text))
    parts = re.split(f"({re.escape(query)})", text, flags=re.IGNORECASE)
    return Markup("").join(
        Markup("<mark>{}</mark>").format(part) if index % 2 else escape(part)
        for index, part in enumerate(parts)
    )


def _engagement(people: Sequence[Mapping[str, Any]]) -> list[tuple[str, int, list[float]]]:
    """Per person with a visible timeline: the share of each window facing the camera."""
    series = []
    for index, person in enumerate(people):
        engagement = person.get("engagement")
        if not isinstance(engagement, Mapping):
            continue
        seconds = [s for s in engagement.get("timeline", []) if isinstance(s, Mapping)]
        if not seconds:
            continue
        windows: dict[int, list[bool]] = {}
        for second in seconds:
            t = second.get("t")
            if isinstance(t, int) and t >= 0:
                windows.setdefault(t // WINDOW_S, []).append(bool(second.get("facing_camera")))
        if windows:
            values = [
                sum(windows.get(w, [])) / max(len(windows.get(w, [])), 1)
                for w in range(max(windows) + 1)
            ]
            series.append((str(person.get("name") or person.get("id")), index % 8, values))
    return series
