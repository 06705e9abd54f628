"""Replies to a request or an offer: a yes is the request's task, quoted with it; a no is none."""

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


# ---- an offer the other side turns down without saying "no" ----------------------------------


def test_an_offer_turned_down_politely_is_no_task() -> None:
    for turns, language in (
        (
            [
                ("ana", "I can send your team our onboarding videos before the kick-off."),
                ("ben", "I'd rather you didn't, they should hear it from us first."),
            ],
            "en",
        ),
        (
            [
                ("ana", "I can also send you a comparison with your current supplier."),
                ("ben", "Thanks, but we did that ourselves last spring."),
            ],
            "en",
        ),
        (
            [
                ("bo", "Jeg kan også sende jer en oversigt over vores kurser inden opstarten."),
                ("eva", "Tak, men den har vi fået fra Lis."),
            ],
            "da",
        ),
    ):
        assert rule_items(turns, language=language) == [], turns


def test_an_offer_taken_up_with_thanks_is_a_task() -> None:
    items = rule_items(
        [
            ("bo", "Jeg kan sende jer en oversigt over vores kurser inden opstarten."),
            ("eva", "Tak, det vil være en stor hjælp."),
        ],
        language="da",
    )
    assert summary(items) == [("bo", None)], items


# ---- a bare yes in the next turn is quoted with the request it answers ---------------------


def test_a_bare_yes_is_quoted_with_the_request() -> None:
    for need, request, yes, language in (
        (
            "VI SKAL HAVE SAMLET EN OVERSIGT OVER REKLAMATIONERNE",
            "LONE KAN DU TJEKKE DE FIRE FAKTURAER FRA OKTOBER",
            "JA DET KAN JEG GODT",
            "da",
        ),
        (
            "Vi skal have lavet en oversigt over reklamationerne.",
            "Lone, kan du tjekke de fire fakturaer fra oktober?",
            "Ja, det kan jeg godt.",
            "da",
        ),
        (
            "We need a summary of the complaints.",
            "Lone, could you check the four invoices from October?",
            "Yes, I'll do it.",
            "en",
        ),
    ):
        items = rule_items([("per", need), ("per", request), ("lone", yes)], language=language)
        assert [item.owner for item in items] == ["lone"], items
        # the quote shows the work asked for and the yes that took it on
        assert items[0].quote == f"{request} {yes}", items


def test_a_yes_to_a_request_by_pronoun_is_quoted_with_it_unless_dated() -> None:
    need = ("ana", "Vi mangler en tjekliste til opstarten.")
    request = ("ana", "Bo, vil du skrive et første udkast til den?")
    items = rule_items([need, request, ("bo", "Ja, det tager jeg.")], language="da")
    assert items[0].quote == f"{request[1]} Ja, det tager jeg.", items
    # a dated yes is the promise as made: quoted alone
    items = rule_items([need, request, ("bo", "Ja, det skriver jeg på fredag.")], language="da")
    assert summary(items) == [("bo", "2026-10-09")], items
    assert items[0].quote == "Ja, det skriver jeg på fredag.", items


def test_an_answer_that_names_the_work_keeps_its_own_quote() -> None:
    items = rule_items(
        [
            ("ida", "Omar, could you chase the missing purchase order?"),
            ("omar", "Sure, I'll chase the purchase order with their finance team on Friday."),
        ]
    )
    assert [item.owner for item in items] == ["omar"], items
    assert items[0].quote.startswith("Sure, I'll chase"), items
