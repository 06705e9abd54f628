"""*Team*: the meetings over time with their cadence, the cadence per account, balance per
meeting, who is rarely heard, and action items by owner with follow-through. No private
feedback is on this page."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Response
from markupsafe import Markup

from assistant.outputs.formatting import format_number, format_percent

from ..deps import ScopeDep, StateDep
from ..store.scope import ActionItemFilter
from .charts import STATES, cadence_chart, meter, stacked_bar
from .data import account_cadence, cadence, follow_through, rarely_heard
from .records import CacheDep, team_records
from .render import BrowserDep, PageRoute, render

__all__ = ["router"]

router = APIRouter(prefix="/dashboard", route_class=PageRoute, include_in_schema=False)


@router.get("/team")
def team(browser: BrowserDep, scope: ScopeDep, state: StateDep, cache: CacheDep) -> Response:
    gap_days = state.settings.dashboard.cadence_gap_days
    records = team_records(state, scope, browser, cache)
    entries = cadence(records, gap_days)
    items, _ = scope.action_items(ActionItemFilter(), limit=1_000_000)
    today = dt.datetime.now(dt.UTC).date()
    owners = follow_through(((i.owner, i.status, i.due, i.done_at) for i in items), today)
    accounts = account_cadence(records, gap_days, today)
    voices = rarely_heard(records)
    return render(
        "team.html",
        title="Team",
        browser=browser,
        gap_days=gap_days,
        chart=Markup(cadence_chart(entries, gap_days)),
        meetings=[
            {
                "entry": entry,
                "balance": format_number(entry.balance, 2),
                "meter": Markup(meter(entry.balance)),
            }
            for entry in reversed(entries)
        ],
        flagged=sum(1 for entry in entries if entry.flagged),
        accounts=accounts,
        accounts_flagged=sum(1 for account in accounts if account.flagged),
        quiet=[
            {
                "voice": voice,
                "share": format_percent(voice.mean_share),
                "fair": format_percent(voice.mean_fair_share),
            }
            for voice in voices
            if voice.rarely_heard
        ],
        voices=len(voices),
        states=STATES,
        owners=[{"owner": owner, "bar": Markup(stacked_bar(owner.counts))} for owner in owners],
    )
