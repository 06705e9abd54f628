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


def test_a_group_promise_its_speaker_then_takes_on_is_the_speakers_task() -> None:
    people = {"ana": "internal", "ben": "internal", "cy": "external"}
    for turns, due in (
        (
            [
                ("ana", "And to be safe, we'll replace the two faulty scanners."),
                ("cy", "We need them before the stock count."),
                ("ana", "I'll courier two replacement scanners to you. They'll be there tomorrow."),
            ],
            "2026-10-07",
        ),
        (
            [
                (
                    "ana",
                    "We can roll out the fix in two days. Let's say Monday, I'll roll it out then.",
                )
            ],
            "2026-10-12",
        ),
    ):
        items = rule_items(turns, people=people)
        assert summary(items) == [("ana", due)], (turns, items)
    # Other work of the speaker's own stays apart from the group's.
    items = rule_items(
        [
            ("ana", "We'll give you a named contact by the 15th."),
            ("ana", "I'll set up a weekly report on your account."),
        ],
        people=people,
    )
    assert summary(items) == [("team:internal", "2026-10-15"), ("ana", None)]


def test_a_step_said_next_to_a_dated_promise_is_part_of_it() -> None:
    for text in (
        "Let me work out what the new depots need. I'll send you the numbers by Friday.",
        "I'll send you the numbers by Friday. I must ask our planners for the depot list.",
    ):
        items = rule_items([("cy", "How many licences will you need?"), ("ana", text)])
        assert summary(items) == [("ana", "2026-10-09")], (text, items)
        assert items[0].quote == text, items


def test_an_event_set_up_and_its_invitation_are_one_task_due_when_it_goes_out() -> None:
    for text, language, due in (
        (
            "I'll run a short training for the night shift. I'll send the invite this afternoon.",
            "en",
            "2026-10-06",
        ),
        (
            "Så booker jeg et kursus for de nye. Jeg sender en indkaldelse i morgen.",
            "da",
            "2026-10-07",
        ),
    ):
        items = rule_items([("cy", "The new people missed it."), ("ana", text)], language=language)
        assert summary(items) == [("ana", due)], (text, items)
    # Other work said next to an event stays a task of its own.
    items = rule_items(
        [
            ("cy", "Can we meet on site?"),
            ("ana", "I'll book the workshop room. I'll send you the slides today."),
        ]
    )
    assert summary(items) == [("ana", None), ("ana", "2026-10-06")]


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
