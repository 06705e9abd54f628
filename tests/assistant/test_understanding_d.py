"""Kinds of action-item failure found on the fourth tuning set (tests/data/intelligence-d,
written from a brief by someone who never saw the rules), fixed as general rules. Every
sentence here is new: none is taken from any labelled set."""

from __future__ import annotations

import datetime as dt

from assistant.intelligence.dates import find_deadline, resolve_due_date
from tests.assistant.test_understanding import DAY, items_of, summary

# DAY is a Tuesday (2026-10-06): Wednesday the 7th, Thursday the 8th, Friday the 9th.

# ---- dates: tonight, week numbers, the day an event is held -----------------------------------


def test_i_nat_is_the_meeting_day() -> None:
    assert resolve_due_date("jeg kører opdateringen på serverne i nat", DAY) == (
        DAY,
        "jeg kører opdateringen på serverne",
    )


def test_a_week_number_in_words_is_a_week_without_a_day() -> None:
    for phrase in ("i uge tyve", "uge enogfyrre", "i uge 41"):
        said = find_deadline(f"vi ruller det ud {phrase}", DAY, weeks=False)
        assert said is not None and said.week_only and said.date is None, phrase
    items = items_of([("ana", "Jeg flytter de gamle postkasser i uge toogfyrre.")], language="da")
    assert summary(items) == [("ana", None)]


def test_a_day_said_twice_for_an_event_is_no_deadline() -> None:
    # "for Friday the 9th" names the day of the meeting twice; neither half is a deadline.
    assert resolve_due_date("I'll send a calendar invite for Friday the 9th", DAY)[0] is None
    assert resolve_due_date("jeg sender en indkaldelse til fredag den 9. oktober", DAY)[0] is None
    # A deadline after the event's day still counts.
    assert resolve_due_date("send the invite for Friday by Wednesday", DAY)[0] == dt.date(
        2026, 10, 7
    )


def test_a_meeting_or_a_slot_named_with_its_day_is_no_deadline() -> None:
    for sentence in (
        "Jeg tager spørgsmålet op på ledermødet på torsdag.",
        "I'll reserve twenty minutes for Thursday afternoon.",
        "Vi tager den på styregruppemødet den 20. oktober.",
    ):
        assert resolve_due_date(sentence, DAY)[0] is None, sentence
    # Before the meeting, the meeting is the deadline.
    assert resolve_due_date("send it to me before the board meeting on Thursday", DAY)[
        0
    ] == dt.date(2026, 10, 8)
