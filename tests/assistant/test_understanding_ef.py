"""Kinds of action-item failure found on the fifth and sixth tuning sets
(tests/data/intelligence-e and -f, written from a brief by someone who never saw the rules),
fixed as general rules. Every sentence here is new: none is taken from any labelled set."""

from __future__ import annotations

from tests.assistant.test_understanding import items_of, summary

# DAY is a Tuesday (2026-10-06): Wednesday the 7th, Thursday the 8th, Friday the 9th.

# ---- the quote: the words of one turn that make the promise --------------------------------


def test_the_sentence_that_takes_the_work_on_is_quoted_with_the_promise() -> None:
    for turns, quote in (
        (
            [
                ("ana", "The invoices from March still show the old VAT number."),
                ("ben", "Leave that with me. I'll get finance to reissue them."),
            ],
            "Leave that with me. I'll get finance to reissue them.",
        ),
        (
            [
                ("ana", "Kan I regne på en pris for to lagre?"),
                ("ben", "Ja, det kigger jeg på. Jeg sender et nyt tilbud på fredag."),
            ],
            "Ja, det kigger jeg på. Jeg sender et nyt tilbud på fredag.",
        ),
    ):
        items = items_of(turns, language="da" if "Kan" in turns[0][1] else "en")
        assert [item.quote for item in items] == [quote], turns
        assert items[0].owner == "ben"


def test_a_yes_about_someone_else_is_not_quoted_with_a_promise() -> None:
    items = items_of(
        [
            ("ana", "Can the drivers see the route before they leave?"),
            ("ben", "Yes, they can. I'll add the route preview to the app by Friday."),
        ]
    )
    assert [item.quote for item in items] == ["I'll add the route preview to the app by Friday."]
    assert summary(items) == [("ben", "2026-10-09")]


def test_a_sentence_that_only_dates_the_promise_is_quoted_and_dates_it() -> None:
    items = items_of(
        [
            ("ana", "The onboarding deck is missing the pricing slide."),
            ("ben", "Then I'll redo the deck with the new prices. You'll have it on Thursday."),
        ]
    )
    assert summary(items) == [("ben", "2026-10-08")]
    assert items[0].quote == (
        "Then I'll redo the deck with the new prices. You'll have it on Thursday."
    )
    assert items[0].text.startswith("Redo the deck")


def test_a_date_of_something_else_in_the_next_sentence_is_not_taken() -> None:
    items = items_of(
        [("ben", "Jeg ringer til revisoren. Den nye lov træder i kraft den 1. januar.")],
        language="da",
    )
    assert summary(items) == [("ben", None)]
    assert items[0].quote == "Jeg ringer til revisoren."
