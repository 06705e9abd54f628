"""The team's analysed meetings as the signed-in viewer may see them."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from ..deps import ServiceState
from ..jobs import meeting_folder
from ..sessions import BrowserSession
from ..store.scope import TeamScope
from .data import MeetingRecord, private_view
from .render import ReportCache

__all__ = ["CacheDep", "team_records"]


def _cache(request: Request) -> ReportCache:
    cache: ReportCache = request.app.state.dashboard_reports
    return cache


CacheDep = Annotated[ReportCache, Depends(_cache)]


def team_records(
    state: ServiceState, scope: TeamScope, browser: BrowserSession, cache: ReportCache
) -> list[MeetingRecord]:
    """Finished meetings, oldest first, each report cut to what ``browser`` may see."""
    records = []
    for meeting in scope.finished_meetings():
        path = meeting_folder(state.settings, meeting.team_id, meeting.id) / "report.json"
        report = cache.summary(path)
        if report is None:
            continue
        records.append(
            MeetingRecord(
                meeting.id,
                meeting.title,
                meeting.date or meeting.created_at.date(),
                private_view(report, browser.person, browser.admin),
                meeting.account,
            )
        )
    return records
