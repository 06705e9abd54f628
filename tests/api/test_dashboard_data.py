"""The dashboard's figures as pure functions: follow-through states, cadence gaps, quiet voices,
a person's points and the private view."""

from __future__ import annotations

import datetime as dt
from typing import Any

from api.pages.data import (
    METRICS,
    MeetingRecord,
    account_cadence,
    cadence,
    follow_through,
    item_state,
    person_points,
    private_view,
    rarely_heard,
)

TODAY = dt.date(2026, 3, 10)


def _at(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(23, 30), dt.UTC)


def test_item_states() -> None:
    due = dt.date(2026, 3, 5)
    assert item_state("done", due, _at(due), TODAY) == "done on time"  # on the day itself
    assert item_state("done", due, _at(dt.date(2026, 3, 6)), TODAY) == "done late"
    assert item_state("done", None, _at(TODAY), TODAY) == "done on time"
    assert item_state("done", due, None, TODAY) == "done on time"  # marked before it was timed
    assert item_state("open", due, None, TODAY) == "overdue"
    assert item_state("open", TODAY, None, TODAY) == "open"  # due today is not overdue yet
    assert item_state("open", None, None, TODAY) == "open"


def test_follow_through_by_owner() -> None:
    due = dt.date(2026, 3, 1)
    owners = follow_through(
        [
            ("Ana", "done", due, _at(due)),
            ("ana", "open", due, None),
            ("Ben", "open", None, None),
            (None, "open", None, None),
        ],
        TODAY,
    )
    assert [(o.owner, o.counts, o.total) for o in owners] == [
        ("Ana", {"done on time": 1, "overdue": 1}, 2),
        ("Ben", {"open": 1}, 1),
        ("Nobody", {"open": 1}, 1),
    ]


def _record(day: int, people: list[tuple[str, float]], **extra: Any) -> MeetingRecord:
    report = {
        "participants": [
            {"id": f"p{i}", "name": name, "talk_share": share}
            for i, (name, share) in enumerate(people)
        ],
        "balance": {"score": 0.5, "silent": []},
        **extra,
    }
    return MeetingRecord(f"m{day}", f"Day {day}", dt.date(2026, 1, 1) + dt.timedelta(day), report)


def test_cadence_flags_only_gaps_past_the_limit() -> None:
    records = [_record(day, [("Ana", 1.0)]) for day in (30, 0, 14, 15)]
    entries = cadence(records, gap_days=14)
    assert [(e.meeting_id, e.gap_days, e.flagged) for e in entries] == [
        ("m0", None, False),
        ("m14", 14, False),  # exactly 14 days is within the cadence
        ("m15", 1, False),
        ("m30", 15, True),
    ]
    assert cadence([], 14) == []


def test_account_cadence_flags_gaps_and_accounts_not_met_since() -> None:
    def met(day: int, account: str | None) -> MeetingRecord:
        return MeetingRecord(
            f"m{day}", f"Day {day}", dt.date(2026, 1, 1) + dt.timedelta(day), {}, account
        )

    # TODAY is 10 March 2026, day 68 of the year (counting 1 January as day 0).
    records = [
        met(0, "Contoso"),
        met(14, "contoso"),  # the same account, however it is spelled
        met(40, "Contoso Ltd"),
        met(60, "Contoso"),
        met(5, "Fabrikam"),
        met(50, None),  # no account: in the team's cadence only
    ]
    accounts = account_cadence(records, gap_days=14, today=TODAY)
    assert [(a.name, a.meetings, a.last_date, a.days_since, a.overdue) for a in accounts] == [
        ("Fabrikam", 1, dt.date(2026, 1, 6), 63, True),
        ("Contoso Ltd", 1, dt.date(2026, 2, 10), 28, True),
        ("Contoso", 3, dt.date(2026, 3, 2), 8, False),
    ]
    contoso = accounts[2]
    # 14 days is within the cadence; 0 -> 14 is not flagged, 14 -> 60 (46 days) is.
    assert [(g.since, g.until, g.days) for g in contoso.gaps] == [
        (dt.date(2026, 1, 15), dt.date(2026, 3, 2), 46)
    ]
    assert contoso.flagged and accounts[0].flagged and accounts[0].gaps == ()
    assert account_cadence([met(60, "Contoso")], 14, TODAY)[0].flagged is False
    assert account_cadence([met(0, None)], 14, TODAY) == []


def test_rarely_heard_relative_to_a_fair_share() -> None:
    records = [
        _record(0, [("Ana", 0.6), ("Ben", 0.37), ("Cy", 0.03)]),
        _record(1, [("Ana", 0.5), ("Ben", 0.2), ("Cy", 0.3)]),
        _record(2, [("ana", 0.5), ("Ben", 0.5)]),
    ]
    voices = {v.name: v for v in rarely_heard(records)}
    assert voices["Ana"].meetings == 3 and voices["Cy"].meetings == 2
    assert voices["Cy"].quiet_meetings == 1 and voices["Cy"].rarely_heard  # quiet in half
    assert not voices["Ana"].rarely_heard and not voices["Ben"].rarely_heard


def test_person_points_and_private_view() -> None:
    coaching = [
        {"participant": "p0", "items": [{"message": "Ana's"}]},
        {"participant": "p1", "items": [{"message": "Ben's"}]},
    ]
    record = _record(0, [("Ana", 0.6), ("Ben", 0.4)], coaching=coaching)
    record.report["participants"][0]["engagement"] = {"score": 70.0, "camera_on_share": 1.0}
    record.report["participants"][1]["engagement"] = {"score": 50.0}
    view = private_view(dict(record.report), "ANA", admin=False)
    assert [c["participant"] for c in view["coaching"]] == ["p0"]
    assert view["participants"][1]["engagement"] is None
    assert record.report["participants"][1]["engagement"] == {"score": 50.0}  # not mutated
    assert private_view(dict(record.report), None, admin=True)["coaching"] == coaching
    nobody = private_view(dict(record.report), None, admin=False)
    assert nobody["coaching"] == [] and all(p["engagement"] is None for p in nobody["participants"])

    [point] = person_points([record], "ana")
    assert point.values["talk_share"] == 0.6 and point.values["score"] == 70.0
    assert point.values["facing_camera_share"] is None
    assert [c["message"] for c in point.coaching] == ["Ana's"]
    assert person_points([record], "Cy") == []
    talk = next(m for m in METRICS if m.key == "talk_share")
    assert (talk.judge(0.66), talk.judge(0.43), talk.judge(None)) == ("off", "good", "")
