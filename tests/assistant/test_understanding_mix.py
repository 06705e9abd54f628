"""Kinds of action-item failure in mixed Danish/English meetings (a request in one language
answered in the other, group owners), as general rules. Every sentence here is new: none is
taken from any labelled set."""

from __future__ import annotations

from tests.assistant.test_understanding import rule_items

# ---- a question or suggestion answered in the other language --------------------------------


def test_who_asks_and_suggestions_answered_in_the_other_language_are_the_answerers() -> None:
    people = {"ana": "external", "ben": "internal"}
    for asked, answer, task in (
        ("Who can move the webinar to the new platform?", "Det gør jeg.", "Move the webinar"),
        ("Hvem kan flytte webinaret til den nye platform?", "I'll do that.", "Flyt webinaret"),
        ("Someone ought to reorder the spare scanners.", "Det klarer jeg.", "Reorder the spare"),
        ("Nogen bør bestille nye reservescannere.", "I'll do it.", "Bestil nye reservescannere"),
    ):
        items = rule_items([("ana", asked), ("ben", answer)], people=people)
        assert [i.owner for i in items] == ["ben"], (asked, answer)
        assert items[0].text.startswith(task), items[0].text


def test_a_need_taken_on_in_the_other_language_is_worded_in_the_needs_language() -> None:
    people = {"ana": "external", "ben": "internal"}
    for need, answer, text in (
        ("We'll need the wiring diagrams for both boilers.", "Den tager jeg.", "Provide the"),
        ("Vi skal bruge el-tegningerne til begge kedler.", "I'll take that.", "Skaf el-"),
    ):
        items = rule_items([("ana", need), ("ben", answer)], people=people)
        assert [i.owner for i in items] == ["ben"]
        assert items[0].text.startswith(text), items[0].text
