"""Recaps near a meeting's end repeat tasks already found (`action_items.recaps`)."""

from __future__ import annotations

from tests.assistant.test_understanding import items_of, rule_items, summary

# ---- a recap hands out no new work to others -------------------------------------------------


def test_a_recap_gives_no_new_task_to_someone_else() -> None:
    # A task named first in a recap was not agreed in the meeting: the recap only repeats.
    for turns, language in (
        (
            [
                ("ana", "I'll send the revised contract on Thursday."),
                ("ben", "Good."),
                (
                    "ana",
                    "So to sum up: the contract from me on Thursday, Cy does the training, and"
                    " Ben checks the invoices.",
                ),
            ],
            "en",
        ),
        (
            [
                ("bo", "Jeg sender kontrakten på torsdag."),
                ("eva", "Fint."),
                (
                    "bo",
                    "Så for at samle op: kontrakten fra mig på torsdag, Lis tager kurset, og Eva"
                    " sender listen.",
                ),
            ],
            "da",
        ),
    ):
        items = rule_items(turns, language=language)
        assert [item.owner for item in items] == [turns[0][0]], items


def test_the_recappers_own_new_work_in_a_recap_is_a_task() -> None:
    items = rule_items(
        [
            ("ana", "Could you check the invoice numbers, Ben?"),
            ("ben", "Sure, I'll do it on Thursday."),
            ("ana", "To sum up: Ben checks the invoices, and I'll send the minutes tomorrow."),
        ],
        language="en",
    )
    assert sorted(summary(items)) == [("ana", "2026-10-07"), ("ben", "2026-10-08")], items


# ---- a recap announced in the first person repeats the tasks already given ------------------


def test_a_first_person_recap_gives_no_new_item_to_an_owner_with_work() -> None:
    for turns in (
        [
            ("ana", "Jeg sender prislisten til Bo i morgen."),
            ("bo", "Og jeg ringer til lageret på torsdag."),
            ("ana", "Så samler jeg lige op: Bo ringer til lageret, og jeg mailer prisarket."),
        ],
        [
            ("ana", "Jeg sender prislisten til Bo i morgen."),
            ("bo", "Og jeg ringer til lageret på torsdag."),
            ("ana", "Lad mig lige samle op: Bo kontakter lageret, og jeg mailer prisarket."),
        ],
    ):
        items = rule_items(turns, language="da")
        assert sorted(summary(items)) == [("ana", "2026-10-07"), ("bo", "2026-10-08")], items
        assert all(item.text.lower().split()[-1] != "op" for item in items), items


def test_a_spoken_recap_without_punctuation_repeats_the_tasks() -> None:
    items = rule_items(
        [
            ("ana", "jeg sender fakturaen til revisoren i morgen"),
            ("bo", "og jeg ringer til kunden på torsdag"),
            ("ana", "okay så vi siger bo ringer til kunden og jeg mailer regningen til revisor"),
        ],
        language="da",
    )
    assert sorted(summary(items)) == [("ana", "2026-10-07"), ("bo", "2026-10-08")], items


def test_a_recap_repeats_tasks_already_given() -> None:
    items = items_of(
        [
            ("ana", "I'll send the price list on Thursday."),
            ("ben", "And I'll book the demo room tomorrow."),
            ("ana", "So to sum up: I send the price list and Ben books the demo room."),
        ]
    )
    assert summary(items) == [("ana", "2026-10-08"), ("ben", "2026-10-07")]


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
