"""Promises amended later in the meeting: finished after an interruption, or added to."""

from __future__ import annotations

from tests.assistant.test_understanding import items_of, rule_items, summary

PEOPLE: dict[str, str | None] = {"ana": None, "ben": None, "cy": None}


def test_a_promise_cut_off_and_finished_in_the_next_turn_is_one_item_from_the_finish() -> None:
    for turns, language, due in (
        (
            [
                ("ana", "Okay, then I'll order the replacement sensors and"),
                ("ben", "How many?"),
                ("ana", "Six sensors, to be safe. You'll have them by Thursday."),
            ],
            "en",
            "2026-10-08",
        ),
        (
            [
                ("ana", "Så sender jeg dig en oversigt over vores"),
                ("ben", "Lagre?"),
                ("ana", "Ja, lagrene i Odense. Oversigten har du på torsdag."),
            ],
            "da",
            "2026-10-08",
        ),
    ):
        for extract in (items_of, rule_items):
            items = extract(turns, language=language, people=PEOPLE)
            assert summary(items) == [("ana", due)], turns
            assert items[0].quote == turns[2][1]


def test_only_a_turn_that_goes_on_with_the_promise_finishes_it() -> None:
    # "med" may end a Danish sentence ("de er med"); "Tak." finishes nothing
    for turns in (
        [
            ("ben", "Jeg ringer til dem i morgen og hører, om de stadig er med"),
            ("ana", "Godt."),
            ("ben", "Og så er der mødet i næste måned."),
        ],
        [
            ("ben", "Jeg skriver referatet i morgen og"),
            ("ana", "Og kunden?"),
            ("ben", "Tak."),
        ],
    ):
        items = rule_items(turns, language="da", people=PEOPLE)
        assert [item.quote for item in items] == [turns[0][1]], turns


def test_something_put_into_work_just_promised_is_part_of_that_item() -> None:
    for turns, language in (
        (
            [
                ("ana", "I'll send you the installation guide by Friday."),
                ("ben", "Could it cover the wall brackets?"),
                ("ana", "Yes, I'll put the wall brackets in the guide as well."),
            ],
            "en",
        ),
        (
            [
                ("ana", "Jeg sender dig en tidsplan for udrulningen på fredag."),
                ("ben", "Gerne også med træningsdagene."),
                ("ana", "Ja, dem skriver jeg med i tidsplanen."),
            ],
            "da",
        ),
    ):
        for extract in (items_of, rule_items):
            items = extract(turns, language=language, people=PEOPLE)
            assert summary(items) == [("ana", "2026-10-09")], turns
            assert turns[2][1] in items[0].quote


def test_other_work_said_after_a_promise_stays_an_item_of_its_own() -> None:
    for turns, language in (
        (
            [
                ("ana", "I'll send you the installation guide by Friday."),
                ("ana", "I'll also send you the invoice for the brackets."),
            ],
            "en",
        ),
        (
            [
                ("ana", "Jeg skriver referatet i dag."),
                ("ben", "Og kunden?"),
                ("ana", "Så tager jeg fat i dem i morgen."),
            ],
            "da",
        ),
    ):
        assert len(rule_items(turns, language=language, people=PEOPLE)) == 2, turns


def test_a_day_corrected_a_turn_or_two_later_is_the_days_of_the_one_item() -> None:
    for turns, language, due in (
        (
            [
                ("ana", "I'll have the dashboard ready for you by Thursday."),
                ("ben", "Our board meets on Thursday morning, though."),
                ("ana", "Wednesday then, not Thursday. The dashboard will be ready on Wednesday."),
            ],
            "en",
            "2026-10-07",
        ),
        (
            [
                ("ana", "Jeg bestiller skiltene hos trykkeriet på fredag."),
                ("ana", "Nej vent, fredag kan jeg ikke, jeg bestiller dem på mandag i stedet."),
                ("ben", "Mandag er fint."),
            ],
            "da",
            "2026-10-12",
        ),
        (
            [
                (
                    "ana",
                    "Jeg sender dig tegningerne inden onsdag. Nej vent, onsdag er jeg på messe.",
                ),
                ("ana", "Det bliver torsdag, så får du tegningerne på torsdag."),
                ("ben", "Det er fint."),
            ],
            "da",
            "2026-10-08",
        ),
    ):
        for extract in (items_of, rule_items):
            assert summary(extract(turns, language=language, people=PEOPLE)) == [("ana", due)], (
                turns
            )
