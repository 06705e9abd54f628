"""Kinds of action-item failure found on the third tuning set (tests/data/intelligence-c,
written from a brief by someone who never saw the rules), fixed as general rules. Every
sentence here is new: none is taken from any labelled set."""

from __future__ import annotations

import datetime as dt

from assistant.intelligence.dates import find_deadline, resolve_due_date
from tests.assistant.test_understanding import DAY, items_of, summary

# DAY is a Tuesday (2026-10-06): Wednesday the 7th, Thursday the 8th, Friday the 9th.

# ---- hours of the day, ordinal days, negated dates -------------------------------------------


def test_hours_of_the_meeting_day_are_deadlines_today() -> None:
    for phrase in (
        "I'll ping the vendor after lunch",
        "Jeg ringer til revisoren efter frokost",
        "Jeg lægger filen op inden klokken fire",
        "Jeg lægger filen op inden kl. 15",
        "I'll have the numbers in by 4 pm",
        "We'll sign it before lunch",
    ):
        due, rest = resolve_due_date(phrase, DAY)
        assert due == DAY, phrase
        assert "lunch" not in rest and "frokost" not in rest and "klokken" not in rest


def test_an_ordinal_day_after_a_preposition_is_that_day_of_the_month() -> None:
    assert resolve_due_date("could you get us the logs by the ninth", DAY)[0] == dt.date(
        2026, 10, 9
    )
    assert resolve_due_date("BEFORE THE THIRD", DAY)[0] == dt.date(2026, 11, 3)
    # Without a preposition an ordinal is not a date: "the fifth clinic".
    assert resolve_due_date("the fifth clinic opens soon", DAY)[0] is None


def test_a_negated_date_is_no_deadline() -> None:
    assert find_deadline("Gerne, men ikke på fredag, der er jeg på kursus.", DAY) is None
    assert find_deadline("Fine, just not on Thursday.", DAY) is None
    assert resolve_due_date("men ikke før mandag", DAY)[0] is None
    items = items_of(
        [
            ("ana", "Ben, kan du rette fakturaerne fra september?"),
            ("ben", "Ja, det kan jeg godt. Bare ikke på torsdag, der holder jeg fri."),
        ],
        people={"ana": None, "ben": None, "cy": None},
        language="da",
    )
    assert summary(items) == [("ben", None)]


# ---- recogniser text: hesitations, repeats, contractions without apostrophes -----------------


def test_hesitations_and_repeats_do_not_hide_a_promise() -> None:
    items = items_of([("ana", "I'LL UM I'LL CALL THE PRINTER PEOPLE UH TOMORROW")])
    assert summary(items) == [("ana", "2026-10-07")]
    assert items[0].text == "CALL THE PRINTER PEOPLE"
    assert items[0].quote == "I'LL UM I'LL CALL THE PRINTER PEOPLE UH TOMORROW"


def test_contractions_without_apostrophes_are_read() -> None:
    items = items_of([("ana", "no worries ill book the meeting room for thursday")])
    assert summary(items) == [("ana", "2026-10-08")]
    assert items_of([("ana", "its fine i dont think so")]) == []
