"""The deadline of an item: days said, counted from an event, or said before."""

from __future__ import annotations

import datetime as dt

from assistant.intelligence.dates import resolve_due_date
from tests.assistant.test_understanding import DAY, items_of, rule_items, summary

# ---- due dates ---------------------------------------------------------------------------------


def test_a_date_that_says_when_is_no_deadline() -> None:
    assert resolve_due_date("close the tickets from this week", DAY)[0] is None
    assert resolve_due_date("send en invitation til torsdag", DAY)[0] is None
    # Passed over, a later deadline is still found.
    assert resolve_due_date("send the invite for Thursday by Wednesday", DAY)[0] == dt.date(
        2026, 10, 7
    )


def test_the_same_day_is_the_date_said_before() -> None:
    items = items_of([("ana", "Send me the contract on Thursday and I'll sign it the same day.")])
    assert summary(items) == [("ana", "2026-10-08")]


def test_days_said_as_ordinal_words() -> None:
    assert resolve_due_date("til den anden december", DAY)[0] == dt.date(2026, 12, 2)
    assert resolve_due_date("by the third of November", DAY)[0] == dt.date(2026, 11, 3)
    assert resolve_due_date("on October twenty-first", DAY)[0] == dt.date(2026, 10, 21)
    # "den første" without a month is not a date.
    assert resolve_due_date("den første løn", DAY)[0] is None


def test_a_day_said_after_a_relative_clause_dates_the_promise() -> None:
    items = rule_items(
        [
            ("ana", "Hvad mangler vi?"),
            ("bo", "Jeg får sendt jer listen over de biler, vi skal have synet, i morgen."),
        ],
        language="da",
    )
    assert summary(items) == [("bo", "2026-10-07")]


# DAY is a Tuesday (2026-10-06): Wednesday the 7th, Thursday the 8th, Friday the 9th.

# ---- a deadline counted from another dated event ------------------------------------------


def test_a_day_counted_from_an_event_dated_in_the_same_sentence() -> None:
    for turns, language, due in (
        (
            [("ana", "I'll circulate the agenda two days before the steering group on the 22nd.")],
            "en",
            "2026-10-20",
        ),
        (
            [("ana", "Jeg sender dagsordenen dagen før styregruppemødet den 15.")],
            "da",
            "2026-10-14",
        ),
        ([("ana", "Jeg sender prislisten tre dage før messen den tyvende.")], "da", "2026-10-17"),
    ):
        assert summary(items_of(turns, language=language)) == [("ana", due)], turns


def test_a_day_counted_from_an_event_dated_earlier_in_the_meeting() -> None:
    for turns, language, due in (
        (
            [
                ("ben", "The hackathon is on Thursday the 15th, in the big room."),
                ("cy", "Sounds fun."),
                ("ana", "I'll write up the results the day after the hackathon."),
            ],
            "en",
            "2026-10-16",
        ),
        (
            [
                ("ben", "Hvornår er kurset? Jeg tror, det er fredag den 16."),
                ("ana", "Så bestiller jeg forplejning to dage før kurset."),
            ],
            "da",
            "2026-10-14",
        ),
    ):
        assert summary(items_of(turns, language=language)) == [("ana", due)], turns


def test_an_event_without_a_date_gives_no_deadline() -> None:
    items = items_of([("ana", "I'll send the slides the day after the offsite.")])
    assert summary(items) == [("ana", None)]


def test_an_event_named_as_the_deadline_dates_the_work() -> None:
    for turns, language, due in (
        (
            [("ana", "I'll get the slides approved before the sales kickoff on the 14th.")],
            "en",
            "2026-10-14",
        ),
        ([("ana", "Jeg sender tallene inden workshoppen på torsdag.")], "da", "2026-10-08"),
    ):
        assert summary(items_of(turns, language=language)) == [("ana", due)], turns
