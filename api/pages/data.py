"""What the dashboard shows, as pure functions over stored records: a person's figures across
meetings, the team's meeting cadence, who is rarely heard, and action-item follow-through."""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from assistant.intelligence.coaching import (
    CAMERA_ON_MIN,
    FACING_CAMERA_MIN,
    FILLERS_PER_100_MAX,
    GESTURES_PER_MIN_MIN,
    MONOLOGUE_BENCHMARK_S,
    QUESTIONS_BAND,
    QUIET_SHARE,
    TALK_SHARE_BENCHMARK,
    TALK_SHARE_WARNING,
    WORDS_PER_MINUTE_BAND,
)

__all__ = [
    "METRICS",
    "AccountCadence",
    "AccountGap",
    "CadenceEntry",
    "FollowThrough",
    "ItemState",
    "MeetingRecord",
    "Metric",
    "PersonPoint",
    "Voice",
    "account_cadence",
    "cadence",
    "follow_through",
    "item_state",
    "person_points",
    "private_view",
    "rarely_heard",
]

ItemState = Literal["done on time", "done late", "open", "overdue"]


@dataclass(frozen=True, slots=True)
class Metric:
    """One figure of a person's feedback and the benchmark it is held against."""

    key: str
    label: str
    kind: Literal["share", "count", "seconds", "rate", "score"]
    """How it is written: share in [0, 1] as %, seconds as m:ss, the others as numbers."""
    good_low: float | None = None
    """The benchmark's good range (either end may be open)."""
    good_high: float | None = None
    target: float | None = None
    """A single benchmark value drawn as a line (talk share's 43 %)."""
    worse_above: float | None = None
    """Above this it is worse (talk share's 65 %)."""
    benchmark: str = ""
    """The benchmark in words."""
    decimals: int = 0

    def judge(self, value: float | None) -> Literal["good", "off", ""]:
        """Within the benchmark's range or not; "" when there is no range or no value."""
        if value is None or (self.good_low is None and self.good_high is None):
            return ""
        if self.good_low is not None and value < self.good_low:
            return "off"
        if self.good_high is not None and value > self.good_high:
            return "off"
        return "good"


METRICS: tuple[Metric, ...] = (
    Metric(
        "talk_share",
        "Talk share",
        "share",
        good_high=TALK_SHARE_WARNING,
        target=TALK_SHARE_BENCHMARK,
        worse_above=TALK_SHARE_WARNING,
        benchmark="talk 43 %, listen 57 %; above 65 % calls go worse",
    ),
    Metric(
        "questions_asked",
        "Questions asked",
        "count",
        good_low=QUESTIONS_BAND[0],
        good_high=QUESTIONS_BAND[1],
        benchmark=f"{QUESTIONS_BAND[0]}-{QUESTIONS_BAND[1]} in a discovery call",
    ),
    Metric(
        "longest_monologue_s",
        "Longest monologue",
        "seconds",
        good_high=MONOLOGUE_BENCHMARK_S,
        benchmark="under 1:16 (top sellers)",
    ),
    Metric(
        "words_per_minute",
        "Pace (words per minute)",
        "rate",
        good_low=WORDS_PER_MINUTE_BAND[0],
        good_high=WORDS_PER_MINUTE_BAND[1],
        benchmark=f"{WORDS_PER_MINUTE_BAND[0]:.0f}-{WORDS_PER_MINUTE_BAND[1]:.0f} words a minute",
    ),
    Metric(
        "filler_words_per_100",
        "Filler words per 100",
        "rate",
        good_high=FILLERS_PER_100_MAX,
        benchmark=f"under {FILLERS_PER_100_MAX:.0f} per 100 words",
        decimals=1,
    ),
    Metric(
        "camera_on_share",
        "Camera on",
        "share",
        good_low=CAMERA_ON_MIN,
        benchmark=f"at least {CAMERA_ON_MIN:.0%} of the meeting",
    ),
    Metric(
        "facing_camera_share",
        "Facing the camera",
        "share",
        good_low=FACING_CAMERA_MIN,
        benchmark=f"at least {FACING_CAMERA_MIN:.0%} of camera time",
    ),
    Metric(
        "gesture_rate_per_min_speaking",
        "Gestures per minute speaking",
        "rate",
        good_low=GESTURES_PER_MIN_MIN,
        benchmark=f"at least {GESTURES_PER_MIN_MIN:.0f} a minute of speaking",
        decimals=1,
    ),
    Metric("score", "Engagement score", "score", benchmark="0-100 from the video"),
)
"""The figures of *My feedback*, in the order shown."""

_ENGAGEMENT_KEYS = {
    "camera_on_share",
    "facing_camera_share",
    "gesture_rate_per_min_speaking",
    "score",
}


@dataclass(frozen=True, slots=True)
class MeetingRecord:
    """A finished meeting with its report (already cut to what the viewer may see)."""

    meeting_id: str
    title: str
    date: dt.date
    """The meeting's date, or the day it was stored when it has none."""
    report: Mapping[str, Any]
    account: str | None = None
    """The customer's company the meeting was with, when given."""


@dataclass(frozen=True, slots=True)
class PersonPoint:
    """One person's figures in one meeting."""

    meeting_id: str
    title: str
    date: dt.date
    values: Mapping[str, float | None]
    """By ``Metric.key``; None when not measured (no video, say)."""
    coaching: Sequence[Mapping[str, Any]]


def person_points(records: Iterable[MeetingRecord], person: str) -> list[PersonPoint]:
    """``person``'s figures in each meeting they were in (name matched case-insensitively),
    in the order of ``records``."""
    wanted = person.casefold()
    points = []
    for record in records:
        participant = next(
            (
                p
                for p in _maps(record.report.get("participants"))
                if str(p.get("name", "")).casefold() == wanted
            ),
            None,
        )
        if participant is None:
            continue
        engagement = participant.get("engagement")
        engagement = engagement if isinstance(engagement, Mapping) else {}
        values = {
            metric.key: _num(
                engagement.get(metric.key)
                if metric.key in _ENGAGEMENT_KEYS
                else participant.get(metric.key)
            )
            for metric in METRICS
        }
        coaching = next(
            (
                _list(c.get("items"))
                for c in _maps(record.report.get("coaching"))
                if c.get("participant") == participant.get("id")
            ),
            [],
        )
        points.append(
            PersonPoint(record.meeting_id, record.title, record.date, values, list(coaching))
        )
    return points


def private_view(report: dict[str, Any], person: str | None, admin: bool) -> dict[str, Any]:
    """The report as the viewer may see it: an admin all of it; anyone else the coaching and
    engagement of ``person`` alone (the same rule as the report route)."""
    if admin:
        return report
    wanted = person.casefold() if person else None
    own = {
        p.get("id")
        for p in _maps(report.get("participants"))
        if wanted is not None and str(p.get("name", "")).casefold() == wanted
    }
    view = dict(report)
    view["coaching"] = [c for c in _maps(report.get("coaching")) if c.get("participant") in own]
    view["participants"] = [
        p if p.get("id") in own else {**p, "engagement": None}
        for p in _maps(report.get("participants"))
    ]
    return view


@dataclass(frozen=True, slots=True)
class CadenceEntry:
    meeting_id: str
    title: str
    date: dt.date
    gap_days: int | None
    """Days since the team's previous meeting; None for the first."""
    flagged: bool
    """The gap is longer than the cadence allows."""
    balance: float | None
    """The meeting's balance score, 0-1 (1 = everyone spoke equally)."""


def cadence(records: Sequence[MeetingRecord], gap_days: int) -> list[CadenceEntry]:
    """The meetings by date with the gap since the one before, flagged past ``gap_days``."""
    entries = []
    previous: dt.date | None = None
    for record in sorted(records, key=lambda r: r.date):
        gap = (record.date - previous).days if previous is not None else None
        balance = record.report.get("balance")
        score = _num(balance.get("score")) if isinstance(balance, Mapping) else None
        entries.append(
            CadenceEntry(
                record.meeting_id,
                record.title,
                record.date,
                gap,
                gap is not None and gap > gap_days,
                score,
            )
        )
        previous = record.date
    return entries


@dataclass(frozen=True, slots=True)
class AccountGap:
    """Too long between two meetings with an account."""

    since: dt.date
    """The earlier meeting's date."""
    until: dt.date
    """The later meeting's date."""
    days: int


@dataclass(frozen=True, slots=True)
class AccountCadence:
    """How often the team meets one account."""

    name: str
    """As the latest meeting spells it (accounts match case-insensitively)."""
    meetings: int
    last_date: dt.date
    days_since: int
    """Days from the last meeting to today."""
    overdue: bool
    """Not met for longer than the cadence allows, up to today."""
    gaps: tuple[AccountGap, ...]
    """Gaps between its meetings longer than the cadence allows, oldest first."""

    @property
    def flagged(self) -> bool:
        return self.overdue or bool(self.gaps)


def account_cadence(
    records: Iterable[MeetingRecord], gap_days: int, today: dt.date
) -> list[AccountCadence]:
    """Per account (meetings without one are left out), the gaps between its meetings longer
    than ``gap_days`` and whether it has gone unmet longer than that up to ``today``; the
    longest unmet first."""
    dates: dict[str, list[tuple[dt.date, str]]] = {}
    for record in records:
        if record.account:
            dates.setdefault(record.account.casefold(), []).append((record.date, record.account))
    accounts = []
    for seen in dates.values():
        seen.sort(key=lambda pair: pair[0])
        gaps = tuple(
            AccountGap(before, after, (after - before).days)
            for (before, _), (after, _) in itertools.pairwise(seen)
            if (after - before).days > gap_days
        )
        last, name = seen[-1]
        days_since = max((today - last).days, 0)
        accounts.append(
            AccountCadence(name, len(seen), last, days_since, days_since > gap_days, gaps)
        )
    return sorted(accounts, key=lambda a: (-a.days_since, a.name.casefold()))


@dataclass(frozen=True, slots=True)
class Voice:
    """How much one person is heard across the team's meetings."""

    name: str
    meetings: int
    mean_share: float
    """Mean talk share over their meetings, in [0, 1]."""
    mean_fair_share: float
    """Mean of 1/n over the same meetings: what an equal share would have been."""
    quiet_meetings: int
    """Meetings where they had under 5 % of the talk or were named silent."""

    @property
    def rarely_heard(self) -> bool:
        """Under half a fair share on average, or quiet in at least half their meetings."""
        return self.mean_share < self.mean_fair_share / 2 or self.quiet_meetings * 2 >= (
            self.meetings
        )


def rarely_heard(records: Iterable[MeetingRecord]) -> list[Voice]:
    """Everyone seen in the meetings, least heard first (relative to a fair share)."""
    shares: dict[str, list[tuple[float, float, bool]]] = {}
    names: dict[str, str] = {}
    for record in records:
        people = [p for p in _maps(record.report.get("participants")) if p.get("name")]
        if not people:
            continue
        balance = record.report.get("balance")
        silent = (
            {str(s) for s in _list(balance.get("silent"))}
            if isinstance(balance, Mapping)
            else set()
        )
        for person in people:
            name = str(person["name"])
            key = name.casefold()
            names.setdefault(key, name)
            share = _num(person.get("talk_share")) or 0.0
            quiet = share < QUIET_SHARE or person.get("id") in silent
            shares.setdefault(key, []).append((share, 1 / len(people), quiet))
    voices = [
        Voice(
            names[key],
            len(seen),
            sum(s for s, _, _ in seen) / len(seen),
            sum(f for _, f, _ in seen) / len(seen),
            sum(1 for _, _, q in seen if q),
        )
        for key, seen in shares.items()
    ]
    return sorted(voices, key=lambda v: (v.mean_share / v.mean_fair_share, v.name))


def item_state(
    status: str, due: dt.date | None, done_at: dt.datetime | None, today: dt.date
) -> ItemState:
    """Where an action item stands: done on time or late (against its due date; an undated or
    untimed done item counts as on time), open, or overdue (open past its due date)."""
    if status == "done":
        if due is not None and done_at is not None and done_at.date() > due:
            return "done late"
        return "done on time"
    if due is not None and due < today:
        return "overdue"
    return "open"


@dataclass(frozen=True, slots=True)
class FollowThrough:
    """One owner's action items by state."""

    owner: str
    counts: dict[ItemState, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def follow_through(
    items: Iterable[tuple[str | None, str, dt.date | None, dt.datetime | None]], today: dt.date
) -> list[FollowThrough]:
    """Per owner (``(owner, status, due, done_at)`` rows), most items first; items without an
    owner are under "Nobody"."""
    owners: dict[str, FollowThrough] = {}
    for owner, status, due, done_at in items:
        name = owner or "Nobody"
        entry = owners.setdefault(name.casefold(), FollowThrough(name))
        state = item_state(status, due, done_at, today)
        entry.counts[state] = entry.counts.get(state, 0) + 1
    return sorted(owners.values(), key=lambda f: (-f.total, f.owner.casefold()))


def _num(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


def _list(value: object) -> list[Any]:
    return list(value) if isinstance(value, list) else []


def _maps(value: object) -> list[Mapping[str, Any]]:
    """The mappings in a list (a report read from disk is not trusted to be well-formed)."""
    return [v for v in _list(value) if isinstance(v, Mapping)]
