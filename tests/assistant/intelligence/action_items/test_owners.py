"""Who owns an action item: the one asked, the one who answers, or the group."""

from __future__ import annotations

from tests.assistant.test_understanding import rule_items, summary

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


# ---- a task for everyone stays the group's --------------------------------------------------


def test_a_request_to_everyone_acknowledged_by_one_stays_the_teams() -> None:
    people = {"ana": "internal", "ben": "internal", "cy": "external"}
    for request, reply in (
        ("Everyone, please log your overtime in the new tool by Friday.", "Got it."),
        ("Alle sammen, I skal registrere jeres overtid i det nye værktøj inden fredag.", "Ja."),
    ):
        items = rule_items([("ana", request), ("ben", reply)], people=people)
        assert summary(items) == [("team:internal", "2026-10-09")], request
    # One person asked by name is still the one who answers.
    named = rule_items(
        [("ana", "Ben, please log the overtime in the new tool by Friday."), ("ben", "Got it.")],
        people=people,
    )
    assert summary(named) == [("ben", "2026-10-09")]


def test_all_of_us_or_everyone_should_with_a_date_is_a_group_task() -> None:
    people = {"ana": "internal", "ben": "internal", "cy": "external"}
    both = rule_items(
        [("ana", "All of us need to try the new ordering app by Wednesday."), ("cy", "Fine.")],
        people=people,
    )
    assert summary(both) == [("team:all", "2026-10-07")]
    ours = rule_items(
        [("ana", "Everyone should clean up their open quotes by Wednesday."), ("ben", "Okay.")],
        people=people,
    )
    assert summary(ours) == [("team:internal", "2026-10-07")]
    # Without a date an obligation of us all is talk, not a task.
    assert rule_items([("ana", "All of us need to be more careful with quotes.")]) == []


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
