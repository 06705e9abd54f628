"""Promises made with a pronoun: what \"it\" or \"them\" points at, and the quote of a short one."""

from __future__ import annotations

from assistant.intelligence.action_items.extraction import rule_action_items
from assistant.transcript import Side
from tests.assistant.test_understanding import items_of, meeting, rule_items, summary


def test_people_asked_or_called_are_not_the_thing_named_before() -> None:
    for turns, language, text in (
        (
            [
                ("ana", "Finance is still waiting for the signed agreement."),
                ("ben", "I'll call them tomorrow."),
            ],
            "en",
            "Call them",
        ),
        (
            [
                ("ana", "Økonomi venter stadig på den underskrevne aftale."),
                ("ben", "Jeg ringer til dem i morgen."),
            ],
            "da",
            "Ring til dem",
        ),
    ):
        assert [item.text for item in items_of(turns, language=language)] == [text], turns
    # a thing handed over is still resolved
    sent = items_of(
        [
            ("ana", "Finance is still waiting for the signed agreement."),
            ("ben", "I'll send it to them tomorrow."),
        ]
    )
    assert [item.text for item in sent] == ["Send the signed agreement to them"]


# ---- a short promise by a pronoun is quoted with what it points at --------------------------


def test_a_short_pronoun_promise_is_quoted_with_the_sentence_before_it() -> None:
    for turns, language, before in (
        (
            [
                ("ana", "Jeres rykkere går stadig til den gamle adresse."),
                ("bo", "Det er en fejl hos os. Det ordner jeg i morgen."),
            ],
            "da",
            "Det er en fejl hos os.",
        ),
        (
            [
                ("ana", "Is the discount still valid after January?"),
                ("bo", "I'm not sure whether finance extended it. I'll ask them."),
            ],
            "en",
            "I'm not sure whether finance extended it.",
        ),
    ):
        items = rule_items(turns, language=language)
        assert [item.owner for item in items] == ["bo"], items
        assert items[0].quote.startswith(before), items


def test_a_pronoun_promise_that_says_enough_keeps_its_own_quote() -> None:
    items = rule_items(
        [
            ("ana", "Jeres rykkere går stadig til den gamle adresse."),
            (
                "bo",
                "Det er en fejl hos os. Jeg retter den i systemet og giver dig besked i morgen.",
            ),
        ],
        language="da",
    )
    assert summary(items) == [("bo", "2026-10-07")], items
    assert items[0].quote.startswith("Jeg retter den"), items


# ---- a pronoun resolved to what was named, in the task's own language -----------------------


def test_a_pronoun_is_not_resolved_to_a_time_or_a_verb() -> None:
    items = rule_items(
        [
            ("ana", "We showed them the demo last week."),
            ("bo", "Did they get the price list?"),
            ("ana", "Not yet. I'll send it to them on Friday."),
        ]
    )
    assert [item.text for item in items] == ["Send the price list to them"]
    items = rule_items(
        [
            ("ana", "Where should the weekly reports go?"),
            ("bo", "Send them to Emil and me when they're ready, Cy."),
        ],
        people={"ana": None, "bo": None, "cy": None},
    )
    assert all(" go " not in item.text for item in items), items


def test_a_pronoun_in_english_is_resolved_to_what_was_named_in_english() -> None:
    items = rule_items(
        [
            ("bo", "Did you get the updated price list?"),
            ("ana", "Ja, jeg har lagt den nye prisliste på drevet."),
            ("bo", "Great, thanks. I'll forward it to our buyers tomorrow."),
        ]
    )
    assert summary(items) == [("bo", "2026-10-07")]
    assert items[0].text == "Forward the updated price list to our buyers", items


def test_the_addressees_name_after_a_pronoun_is_not_part_of_the_task() -> None:
    items = items_of(
        [
            ("ana", "Jeg kan godt lave budgettet for kantinen."),
            ("ben", "Så laver du det Ana og sender det til mig."),
        ],
        language="da",
    )
    assert all("ana" not in item.text.lower() for item in items), items


def test_an_acronym_in_a_compound_is_no_pronoun() -> None:
    items = items_of(
        [("ana", "Jeg sender filen til dig i dag, og jeg ringer til deres IT-afdeling i morgen.")],
        language="da",
    )
    assert summary(items) == [("ana", "2026-10-06"), ("ana", "2026-10-07")]


def test_a_pronoun_that_is_yours_to_decide_hands_nothing_on() -> None:
    turns = [
        ("eva", "Which layout do you prefer, Amira?"),
        ("amira", "The second one."),
        ("eva", "Amira, it's yours to decide."),
    ]
    assert items_of(turns) == []


# ---- "our IT" is a department, not a pronoun ------------------------------------------------


def test_it_after_a_possessive_is_a_noun() -> None:
    from assistant.intelligence.action_items.pronouns import has_object_pronoun

    assert not has_object_pronoun("Ask our IT for the export")
    assert not has_object_pronoun("Tjek med jeres IT om porten")
    assert has_object_pronoun("Send it over")
    assert has_object_pronoun("SEND IT OVER")
    people: dict[str, Side | None] = {"ana": None, "ben": None}
    turns = [
        ("ana", "We still need the shipping files from last year."),
        ("ben", "Then I'll ask our IT for an export on Friday."),
    ]
    items = list(rule_action_items(meeting(turns, people=people, language="en")))
    assert [item.text for item in items] == ["Ask our IT for an export"], items


# ---- one list of the pronouns that point back at work ----------------------------------------


def test_a_pronoun_pointing_back_is_neither_a_day_nor_a_compound() -> None:
    from assistant.intelligence.action_items.rules import _POINTS_BACK, _PRONOUN_OBJECT

    for text in ("I'll have those ready", "Dét ordner vi", "Jeg printer den i morgen"):
        assert _POINTS_BACK.search(text), text
    for text in ("Jeg printer kontrakten den 4. maj", "Vi spørger deres IT-folk"):
        assert not _POINTS_BACK.search(text), text
    # the one the work is for, too: "ring til hende", "remind him"
    assert _PRONOUN_OBJECT.search("Jeg minder hende om fakturaen")
    assert not _POINTS_BACK.search("Jeg minder hende om fakturaen")
