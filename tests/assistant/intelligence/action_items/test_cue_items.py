"""Promises and requests found by their cue words, wherever they sit in a turn."""

from __future__ import annotations

from tests.assistant.test_understanding import items_of, summary

# ---- a commitment in the middle of a long turn ---------------------------------------------


def test_a_promise_in_the_middle_of_a_long_turn_is_found() -> None:
    for turns, language, due in (
        (
            [
                (
                    "ana",
                    "So the pilot went fine, the warehouse people liked it, I think the night "
                    "shift found it slow maybe, and I'll ask our developers to profile the scanner "
                    "screen before the 20th, but overall it was a good week.",
                )
            ],
            "en",
            "2026-10-20",
        ),
        (
            [
                (
                    "ana",
                    "Altså, Hedensted er i hus, de skrev under i går efter meget frem og tilbage "
                    "om opsigelsen, og så skal jeg huske at sende velkomstpakken i morgen, ellers "
                    "går det i glemmebogen, og så er der Juelsminde, som stadig tøver.",
                )
            ],
            "da",
            "2026-10-07",
        ),
    ):
        assert summary(items_of(turns, language=language)) == [("ana", due)], turns


# ---- recogniser text: hesitations, repeats, contractions without apostrophes -----------------


def test_hesitations_and_repeats_do_not_hide_a_promise() -> None:
    items = items_of([("ana", "I'LL UM I'LL CALL THE PRINTER PEOPLE UH TOMORROW")])
    assert summary(items) == [("ana", "2026-10-07")]
    assert items[0].text == "CALL THE PRINTER PEOPLE"
    assert items[0].quote == "I'LL UM I'LL CALL THE PRINTER PEOPLE UH TOMORROW"


def test_contractions_without_apostrophes_are_read() -> None:
    items = items_of([("ana", "no worries ill book the meeting room for thursday")])
    assert summary(items) == [("ana", "2026-10-08")]
    assert items_of([("ana", "its fine i dont think so")]) == []
