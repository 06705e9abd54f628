"""Kinds of action-item failure fixed by the tuning helper "recall" (issue 15), seen first on
the repeated-task set ab: a request answered by a yes that names its own day is quoted with
that yes, where the work is accepted and dated. Every sentence here is new: none is taken from
any labelled set."""

from __future__ import annotations

from tests.assistant.test_understanding import rule_items

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
