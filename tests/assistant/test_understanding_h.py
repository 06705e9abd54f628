"""Kinds of action-item failure fixed after the seventh tuning set and found on the eighth and
ninth (tests/data/intelligence-h, -i), as general rules. Every sentence here is new: none is
taken from any labelled set."""

from __future__ import annotations

import datetime as dt

from assistant.intelligence.dates import find_deadline, resolve_due_date
from tests.assistant.test_understanding import DAY, items_of, summary

# DAY is a Tuesday (2026-10-06): Wednesday the 7th, Thursday the 8th, Friday the 9th.

# ---- a date said again does not move the item or make a second one -------------------------


def test_a_dated_hand_over_of_a_dated_promise_is_the_same_item() -> None:
    for turns, language in (
        (
            [
                ("ana", "jeg kan godt skrive referatet fra generalforsamlingen"),
                ("ben", "fint så skriver du det ana og sender det ud inden fredag"),
                ("ana", "det har i inden fredag"),
            ],
            "da",
        ),
        (
            [
                ("ana", "I can write up the minutes of the general assembly."),
                ("ben", "Good, then you do it, Ana, and send it round by Friday."),
                ("ana", "You'll have it by Friday."),
            ],
            "en",
        ),
    ):
        items = items_of(turns, language=language)
        assert summary(items) == [("ana", "2026-10-09")], (turns, items)


def test_an_answer_that_only_says_the_requests_date_again_keeps_the_requests_quote() -> None:
    items = items_of(
        [
            ("ana", "Kan du sende lagerlisten inden torsdag, Ben?"),
            ("ben", "Ja, den har du torsdag."),
        ],
        language="da",
    )
    assert summary(items) == [("ben", "2026-10-08")]
    assert "lagerlisten" in items[0].quote


def test_the_addressees_name_after_a_pronoun_is_not_part_of_the_task() -> None:
    items = items_of(
        [
            ("ana", "Jeg kan godt lave budgettet for kantinen."),
            ("ben", "Så laver du det Ana og sender det til mig."),
        ],
        language="da",
    )
    assert all("ana" not in item.text.lower() for item in items), items


# ---- two days offered as a choice: the later is the deadline -------------------------------


def test_of_two_days_offered_the_later_is_the_deadline_in_both_languages() -> None:
    for text, due in (
        ("I'll send the floor plan Wednesday or Thursday.", "2026-10-08"),
        ("I'll ring the landlord today or tomorrow.", "2026-10-07"),
        ("Jeg sender plantegningen onsdag eller torsdag.", "2026-10-08"),
        ("Jeg ringer til udlejeren i dag eller i morgen.", "2026-10-07"),
        ("Jeg har den klar i morgen eller i overmorgen.", "2026-10-08"),
        ("You'll get it Friday or Monday at the latest.", "2026-10-12"),
    ):
        assert resolve_due_date(text, DAY, weeks=False)[0] == dt.date.fromisoformat(due), text


def test_a_day_or_a_week_without_a_day_has_no_deadline() -> None:
    for text in ("I'll send it Friday or next week.", "Jeg sender den fredag eller i næste uge."):
        said = find_deadline(text, DAY, weeks=False)
        assert said is not None and said.date is None, text


def test_an_item_promised_for_one_of_two_days_is_due_on_the_later() -> None:
    for turns, language in (
        ([("ana", "Jeg ringer til udlejeren i morgen eller i overmorgen.")], "da"),
        ([("ana", "I'll call the landlord tomorrow or the day after tomorrow.")], "en"),
    ):
        assert summary(items_of(turns, language=language)) == [("ana", "2026-10-08")], turns
