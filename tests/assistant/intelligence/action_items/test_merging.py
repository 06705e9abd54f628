"""Which items are one task and merge, and which stay apart (`action_items.merging`)."""

from __future__ import annotations

from assistant.intelligence.action_items import similar_tasks
from tests.assistant.test_understanding import items_of, rule_items, summary


def test_a_one_word_task_merges_only_with_the_same_verb() -> None:
    assert similar_tasks("Draw", "Draw one")
    assert not similar_tasks("Register it", "Send the ID once it's registered")


def test_two_dated_tasks_in_one_promise_are_two_items() -> None:
    items = items_of(
        [("ana", "I'll call the carrier today and send you the claim form by Friday.")]
    )
    assert summary(items) == [("ana", "2026-10-06"), ("ana", "2026-10-09")]
    danish = items_of(
        [("ana", "Jeg ringer til revisoren i morgen og sender papirerne på fredag.")],
        language="da",
    )
    assert summary(danish) == [("ana", "2026-10-07"), ("ana", "2026-10-09")]
    # Reporting back on the first task is the same task, with the later date.
    one = items_of([("ana", "I'll ask finance today and get back to you by Thursday.")])
    assert summary(one) == [("ana", "2026-10-08")]
    # Asking someone, then handing their answer on, likewise ("him": the one just named).
    asked = items_of(
        [
            ("bo", "The landlord decides on the parking spaces."),
            ("ana", "I'll ask him tomorrow and send you the terms by Thursday."),
        ]
    )
    assert summary(asked) == [("ana", "2026-10-08")], asked
    spurgt = items_of(
        [
            ("bo", "Det er udlejeren, der bestemmer over pladserne."),
            ("ana", "Jeg ringer til ham i morgen og sender dig vilkårene på torsdag."),
        ],
        language="da",
    )
    assert summary(spurgt) == [("ana", "2026-10-08")], spurgt


def test_something_else_done_now_leaves_the_promise() -> None:
    items = items_of(
        [
            ("ana", "I'll correct the invoice address in the next draft."),
            ("ana", "I'm opening the supplier list now so you can see it."),
        ]
    )
    assert summary(items) == [("ana", None)]


def test_taking_it_from_there_is_no_second_task() -> None:
    items = items_of(
        [("ana", "Jeg sender oversigten i morgen, og så tager vi den derfra.")], language="da"
    )
    assert [(i.text, i.owner) for i in items] == [("Send oversigten", "ana")]


def test_the_same_verb_said_again_with_another_day_in_another_sentence_is_other_work() -> None:
    items = rule_items(
        [
            ("ana", "Jeg ringer til deres indkøber på onsdag."),
            ("ben", "Og de nye leads fra messen?"),
            ("ana", "Jeg ringer dem op inden fredag."),
        ],
        language="da",
    )
    assert summary(items) == [("ana", "2026-10-07"), ("ana", "2026-10-09")], items
