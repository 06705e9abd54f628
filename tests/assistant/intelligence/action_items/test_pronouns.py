"""Promises made with a pronoun: what \"it\" or \"them\" points at, and the quote of a short one."""

from __future__ import annotations

from tests.assistant.test_understanding import items_of, rule_items, summary


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
