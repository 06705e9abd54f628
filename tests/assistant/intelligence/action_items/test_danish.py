"""Action items in Danish and in meetings that mix Danish and English."""

from __future__ import annotations

from tests.assistant.test_understanding import rule_items


def test_a_need_taken_on_in_the_other_language_is_worded_in_the_needs_language() -> None:
    people = {"ana": "external", "ben": "internal"}
    for need, answer, text in (
        ("We'll need the wiring diagrams for both boilers.", "Den tager jeg.", "Provide the"),
        ("Vi skal bruge el-tegningerne til begge kedler.", "I'll take that.", "Skaf el-"),
    ):
        items = rule_items([("ana", need), ("ben", answer)], people=people)
        assert [i.owner for i in items] == ["ben"]
        assert items[0].text.startswith(text), items[0].text
