"""Kinds of action-item failure fixed by the tuning helper "recall" (issue 15), seen first on
the repeated-task set ab and the spoken-Danish set ac: a request answered by a yes that names
its own day is quoted with that yes, where the work is accepted and dated; and an answer to a
new ask made in between is new work, not the speaker's own earlier promise said again. Every
sentence here is new: none is taken from any labelled set."""

from __future__ import annotations

from tests.assistant.test_understanding import rule_items, summary

# ---- a yes that dates a request is quoted with it --------------------------------------------


def test_a_yes_with_its_own_day_is_quoted_with_the_request_it_answers() -> None:
    for turns, language in (
        (
            [("ana", "Bo, kan du rette prislisten?"), ("bo", "Ja, det gør jeg inden fredag.")],
            "da",
        ),
        (
            [("ana", "Send mig prislisten i morgen."), ("bo", "Det gør jeg, den kommer i morgen.")],
            "da",
        ),
        (
            [("ana", "bo kan du rette prislisten"), ("bo", "jo det klarer jeg på fredag")],
            "da",
        ),
        (
            [("ana", "Bo, could you fix the price list?"), ("bo", "Yes, will do, by Friday.")],
            "en",
        ),
        (
            [("ana", "Bo, could you fix the price list?"), ("bo", "Sure, I'll do that by Friday.")],
            "en",
        ),
    ):
        (item,) = rule_items(turns, language=language)
        assert item.owner == "bo", (turns, item)
        assert item.due is not None, (turns, item)
        assert turns[0][1] in item.quote and turns[1][1] in item.quote, (turns, item)


def test_a_bare_yes_dated_only_later_in_the_turn_leaves_the_turn_to_the_task() -> None:
    # "Ja, den laver jeg. Du har den inden fredag. Jeg tager…": the yes names no day; what the
    # rest of the turn says is still part of the same task, not a second one.
    for turns, language in (
        (
            [
                ("ana", "Bo, kan du samle en liste over de ti største kunder?"),
                ("bo", "Ja, den laver jeg. Du har den inden torsdag. Jeg tager dem fra Fyn først."),
            ],
            "da",
        ),
        (
            [
                ("ana", "Bo, could you put together a list of the ten biggest customers?"),
                ("bo", "Sure. You'll have it by Thursday. I'll start with the ones on Funen."),
            ],
            "en",
        ),
    ):
        items = rule_items(turns, language=language)
        assert [(i.owner, i.due.isoformat() if i.due else None) for i in items] == [
            ("bo", "2026-10-08")
        ], (turns, items)


# ---- an answer to a new ask in between is new work, not the own promise again ---------------


def test_checking_a_new_question_does_not_date_the_promise_made_before() -> None:
    items = rule_items(
        [
            ("ana", "I'll send an invitation for the review."),
            ("bo", "One more thing, can we pay yearly?"),
            ("ana", "Let me check that and I'll get back to you tomorrow."),
        ],
        language="en",
    )
    assert summary(items) == [("ana", None), ("ana", "2026-10-07")], items
    items = rule_items(
        [
            ("ana", "så sender jeg en invitation til mødet"),
            ("bo", "og en ting mere kan vi betale årligt"),
            ("ana", "det må jeg lige undersøge og så vender jeg tilbage i morgen"),
        ],
        language="da",
    )
    assert summary(items) == [("ana", None), ("ana", "2026-10-07")], items


def test_a_dated_promise_after_a_plain_reply_still_dates_the_own_offer() -> None:
    items = rule_items(
        [
            ("ana", "I can pull the figures for you."),
            ("bo", "That would help."),
            ("ana", "Sure, I'll get them to you by Thursday."),
        ],
        language="en",
    )
    assert summary(items) == [("ana", "2026-10-08")], items


def test_a_pronoun_yes_to_a_request_for_more_work_is_a_task_of_its_own() -> None:
    items = rule_items(
        [
            ("ana", "jeg ringer til leverandøren i morgen med et par datoer"),
            ("bo", "godt kan du også kigge på om vi har en reference fra en anden kæde"),
            ("ana", "ja det kigger jeg på i morgen"),
        ],
        language="da",
    )
    assert summary(items) == [("ana", "2026-10-07"), ("ana", "2026-10-07")], items
    assert "ja det kigger jeg på i morgen" in items[1].quote, items


def test_a_pronoun_promise_that_repeats_the_own_date_is_still_one_task() -> None:
    items = rule_items(
        [
            ("ana", "Jeg kan lave mødeplanen."),
            ("bo", "Så laver du den inden fredag."),
            ("ana", "Den har I inden fredag."),
        ],
        language="da",
    )
    assert summary(items) == [("ana", "2026-10-09")], items
