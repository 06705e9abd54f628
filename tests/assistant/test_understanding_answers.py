"""Kinds of action-item failure fixed after tuning on the sets a to u by kind (issue 15): answers
and promises that name their work by a pronoun, recaps, tasks agreed across turns. Every
sentence here is new: none is taken from any labelled set."""

from __future__ import annotations

from assistant.intelligence.action_items import similar_tasks
from tests.assistant.test_understanding import rule_items, summary

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


# ---- reporting back on a promise is part of it, not a second item ---------------------------


def test_reporting_back_in_the_same_turn_is_part_of_the_promise() -> None:
    for said, language in (
        (
            "Lad mig lige spørge vores jurist, om klausulen holder. Så vender jeg tilbage.",
            "da",
        ),
        (
            "Let me check with our legal team whether the clause holds. I'll get back to you.",
            "en",
        ),
        ("I'll take it to our CFO this week and revert by Thursday.", "en"),
    ):
        items = rule_items(
            [("bo", "Is the liability clause acceptable to you?"), ("ana", said)],
            language=language,
        )
        assert [item.owner for item in items] == ["ana"], (said, items)
        assert items[0].quote == said, items


def test_asked_to_report_back_on_a_promise_dates_the_promise() -> None:
    items = rule_items(
        [
            ("ana", "Jeg skal lige have tjekket lagerbeholdningen med indkøb."),
            ("bo", "Kan du give mig besked, når du ved det?"),
            ("ana", "Ja, jeg vender tilbage på torsdag."),
        ],
        language="da",
    )
    assert summary(items) == [("ana", "2026-10-08")], items
    assert "lagerbeholdningen" in items[0].text, items
    items = rule_items(
        [
            ("ana", "I'll also check the stock levels with purchasing."),
            ("bo", "Great. Let me know what you find."),
            ("ana", "I will. I'll have an answer by Thursday."),
        ]
    )
    assert summary(items) == [("ana", "2026-10-08")], items
    assert "stock levels" in items[0].text, items


def test_an_answer_promised_in_the_next_turn_dates_the_promise() -> None:
    items = rule_items(
        [
            ("ana", "Det må jeg lige undersøge med vores driftsfolk."),
            ("bo", "Det ville være godt at vide."),
            ("ana", "Det får du svar på. Jeg skriver til dig senest torsdag."),
        ],
        language="da",
    )
    assert summary(items) == [("ana", "2026-10-08")], items


def test_someone_elses_report_back_is_not_merged_into_a_promise() -> None:
    items = rule_items(
        [
            ("ana", "Jeg sender kontrakten til jeres jurist i morgen."),
            ("bo", "Godt. Jeg vender tilbage med vores kommentarer på fredag."),
        ],
        language="da",
    )
    assert ("ana", "2026-10-07") in summary(items), items
    assert all(item.owner == "bo" for item in items if "Godt." in item.quote), items


# ---- a request agreed across turns: the one named in it, dated by the answer ----------------


def test_a_name_before_kan_du_late_in_an_unpunctuated_turn_is_the_one_asked() -> None:
    items = rule_items(
        [
            (
                "per",
                "så messen i fredericia den gik fint og de vil gerne høre mere"
                " lone kan du ringe til dem",
            ),
            ("bo", "mm"),
            ("lone", "ja det kan jeg godt inden fredag"),
        ],
        language="da",
    )
    assert summary(items) == [("lone", "2026-10-09")], items


# ---- a Danish compound names the same work as its head noun ---------------------------------


def test_a_compound_and_its_head_noun_name_the_same_work() -> None:
    assert similar_tasks("Send en oversigt over priserne", "Send prisoversigten til dig")
    assert similar_tasks("Lav en plan for udrulningen", "Lav udrulningsplanen færdig")
    # another verb is other work, and a short word inside a long one is no head noun
    assert not similar_tasks("Send en oversigt over priserne", "Ret prisoversigten")
    assert not similar_tasks("Send en liste", "Send kontrakten til Bo")


def test_an_offer_restated_with_a_compound_is_one_item() -> None:
    items = rule_items(
        [
            ("bo", "Hvordan spiller det sammen med vores lønsystem?"),
            ("ana", "Jeg kan sende dig en oversigt over, hvilke felter vi overfører."),
            ("bo", "Ja tak."),
            ("ana", "Det får du. Så sender jeg feltoversigten til dig inden fredag."),
        ],
        language="da",
    )
    assert summary(items) == [("ana", "2026-10-09")], items
