"""Kinds of action-item failure fixed by the tuning helper "tuned" (issue 15): plans said in
the present by speakers of English as a second language, a summary asked for that repeats the
tasks, and Danish "få" with a participle. Every sentence here is new: none is taken from any
labelled set."""

from __future__ import annotations

from tests.assistant.test_understanding import rule_items, summary

# ---- an English present for a plan, anchored in time or answering a request ---------------


def test_a_present_tense_plan_with_a_date_is_a_promise() -> None:
    items = rule_items(
        [
            ("ana", "What about the warehouse slots?"),
            ("bo", "Then I call the warehouse manager tomorrow and ask about the slots."),
        ],
        language="en",
    )
    assert summary(items) == [("bo", "2026-10-07")]
    assert items[0].text.startswith("Call the warehouse manager"), items


def test_a_present_tense_answer_to_a_request_is_a_promise() -> None:
    items = rule_items(
        [
            ("ana", "Can somebody send us the updated pricing sheet?"),
            ("bo", "Who has it?"),
            ("cy", "I have it. I send it to you right after the meeting."),
        ],
        language="en",
    )
    assert [item.owner for item in items] == ["cy"], items
    assert items[0].text.lower().startswith("send the updated pricing sheet"), items


def test_then_we_with_a_present_is_a_task_of_the_team() -> None:
    items = rule_items(
        [("ana", "The nurses did not like the wording."), ("bo", "Then we adjust the texts.")],
        language="en",
    )
    assert summary(items) == [("team", None)]


def test_a_present_tense_that_says_how_things_are_done_is_no_task() -> None:
    for turns in (
        [("ana", "How do you handle returns?"), ("bo", "I call the customer when it arrives.")],
        [("ana", "What is that list?"), ("bo", "I call it the green list.")],
        [("ana", "Okay."), ("bo", "I check the shared mailbox every morning.")],
        [("ana", "Nice screen."), ("bo", "I send the report to the board.")],
    ):
        assert rule_items(turns, language="en") == [], turns


# ---- a summary or a translation asked for repeats the tasks ---------------------------------


def test_a_summary_asked_for_repeats_the_tasks_already_given() -> None:
    items = rule_items(
        [
            ("ana", "Okay, så installerer vi de sidste målere på fredag."),
            ("bo", "Sorry, could you sum that up in English for me?"),
            ("ana", "Sure. We install the last meters on Friday."),
        ],
        people={"ana": "internal", "bo": "external"},
    )
    assert summary(items) == [("team:internal", "2026-10-09")], items
