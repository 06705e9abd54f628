"""Kinds of action-item failure left on the tuning sets j and k after their first round
(tests/data/intelligence-j, -k), fixed as general rules. Every sentence here is new: none is
taken from any labelled set."""

from __future__ import annotations

from tests.assistant.test_understanding import items_of, summary

# DAY is a Tuesday (2026-10-06): Wednesday the 7th, Thursday the 8th, Friday the 9th.

# ---- a wish is no task --------------------------------------------------------------------


def test_a_danish_wish_for_the_group_is_no_task_as_in_english() -> None:
    for turns, language in (
        ([("ana", "Vi vil gerne give kunderne et ekstra kursus."), ("ben", "Godt.")], "da"),
        ([("ana", "Vi vil rigtig gerne sende jer en opdateret prisliste."), ("ben", "Ja.")], "da"),
        ([("ana", "We'd like to give the customers an extra course."), ("ben", "Good.")], "en"),
    ):
        assert items_of(turns, language=language) == [], turns
    # a plan is still one
    planned = items_of([("ana", "Vi sender dem et ekstra kursus i morgen.")], language="da")
    assert summary(planned) == [("team", "2026-10-07")]
