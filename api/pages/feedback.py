"""*My feedback*: a person's figures per meeting and as trends against the benchmarks. A person
sees only their own; an admin anyone's of the team (checked here, on the server)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response
from fastapi.responses import RedirectResponse
from markupsafe import Markup

from models.errors import NotFoundError, PermissionDeniedError

from ..deps import ScopeDep, StateDep
from ..sessions import BrowserSession
from .charts import format_value, trend_chart
from .data import METRICS, MeetingRecord, person_points
from .records import CacheDep, team_records
from .render import SECURITY_HEADERS, BrowserDep, PageRoute, render

__all__ = ["router"]

router = APIRouter(prefix="/dashboard", route_class=PageRoute, include_in_schema=False)

Person = Annotated[str, Path(min_length=1, max_length=200)]


@router.get("/")
def home(browser: BrowserDep) -> Response:
    target = "/dashboard/me" if browser.person else "/dashboard/team"
    return RedirectResponse(target, status_code=303, headers=SECURITY_HEADERS)


Every = Annotated[bool, Query()]
"""List every meeting, not only the latest ``RECENT``."""
RECENT = 20
"""Meetings listed one by one unless all are asked for (the trends always show all)."""


@router.get("/me")
def my_feedback(
    browser: BrowserDep, scope: ScopeDep, state: StateDep, cache: CacheDep, every: Every = False
) -> Response:
    records = team_records(state, scope, browser, cache)
    if browser.person is None:
        return _people_page(browser, records)
    return _feedback_page(browser, records, browser.person, own=True, every=every)


@router.get("/people")
def people(browser: BrowserDep, scope: ScopeDep, state: StateDep, cache: CacheDep) -> Response:
    if not browser.admin:
        raise PermissionDeniedError("the list of people is for admins")
    return _people_page(browser, team_records(state, scope, browser, cache))


@router.get("/people/{person}")
def person_feedback(
    person: Person,
    browser: BrowserDep,
    scope: ScopeDep,
    state: StateDep,
    cache: CacheDep,
    every: Every = False,
) -> Response:
    own = browser.person is not None and browser.person.casefold() == person.casefold()
    if not browser.admin and not own:
        raise PermissionDeniedError("a person sees only their own feedback")
    records = team_records(state, scope, browser, cache)
    return _feedback_page(browser, records, person, own=own, every=every)


def _feedback_page(
    browser: BrowserSession, records: list[MeetingRecord], person: str, *, own: bool, every: bool
) -> Response:
    points = person_points(records, person)
    if not points and not own:
        raise NotFoundError(f"no analysed meeting of the team has {person!r} in it")
    name = _spelling(records, person)
    metrics = []
    for metric in METRICS:
        series = [(point.date, point.values.get(metric.key)) for point in points]
        known = [value for _, value in series if value is not None]
        latest = known[-1] if known else None
        metrics.append(
            {
                "metric": metric,
                "latest": format_value(metric, latest),
                "judgement": metric.judge(latest),
                "chart": Markup(trend_chart(metric, series)) if known else "",
                "measured": len(known),
            }
        )
    rows = [
        {
            "point": point,
            "cells": [
                (
                    m.label,
                    format_value(m, point.values.get(m.key)),
                    m.judge(point.values.get(m.key)),
                )
                for m in METRICS
            ],
        }
        for point in list(reversed(points))[: None if every else RECENT]
    ]
    return render(
        "feedback.html",
        title=f"Feedback: {name}",
        browser=browser,
        person=name,
        own=own,
        metrics=metrics,
        rows=rows,
        meetings=len(points),
        hidden=len(points) - len(rows),
    )


def _people_page(browser: BrowserSession, records: list[MeetingRecord]) -> Response:
    names: dict[str, tuple[str, int]] = {}
    for record in records:
        for participant in record.report.get("participants", []):
            if isinstance(participant, dict) and participant.get("name"):
                name = str(participant["name"])
                spelled, count = names.get(name.casefold(), (name, 0))
                names[name.casefold()] = (spelled, count + 1)
    people = sorted(names.values(), key=lambda entry: entry[0].casefold())
    return render("people.html", title="People", browser=browser, people=people)


def _spelling(records: list[MeetingRecord], person: str) -> str:
    """The name as the latest report spells it."""
    for record in reversed(records):
        for participant in record.report.get("participants", []):
            if isinstance(participant, dict):
                name = str(participant.get("name", ""))
                if name.casefold() == person.casefold():
                    return name
    return person
