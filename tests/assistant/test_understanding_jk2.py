"""Kinds of action-item failure left on the tuning sets j and k after their first round
(tests/data/intelligence-j, -k), fixed as general rules. Every sentence here is new: none is
taken from any labelled set."""

from __future__ import annotations

from tests.assistant.test_understanding import items_of, summary

# DAY is a Tuesday (2026-10-06): Wednesday the 7th, Thursday the 8th, Friday the 9th.

# ---- a wish is no task --------------------------------------------------------------------


def test_a_danish_wish_for_the_group_is_no_task_as_in_english() -> None:
    for turns, language in (
        ([("ana", "Vi vil gerne give kunderne et ekstra kursus."), ("ben", "Godt.")], "da"),
        ([("ana", "Vi vil rigtig gerne sende jer en opdateret prisliste."), ("ben", "Ja.")], "da"),
        ([("ana", "We'd like to give the customers an extra course."), ("ben", "Good.")], "en"),
    ):
        assert items_of(turns, language=language) == [], turns
    # a plan is still one
    planned = items_of([("ana", "Vi sender dem et ekstra kursus i morgen.")], language="da")
    assert summary(planned) == [("team", "2026-10-07")]


# ---- the next meeting, booked by all, is agreed on the spot --------------------------------


def test_booking_the_next_meeting_together_is_no_task_but_the_invite_is() -> None:
    items = items_of(
        [
            ("ana", "Let's schedule the next meeting for the same time on Thursday."),
            ("ben", "Fine by me."),
            ("cy", "I'll send the invite."),
        ]
    )
    assert [(item.owner, item.text) for item in items] == [("cy", "Send the invite")]
    for turns, language in (
        ([("ana", "lets book our next catch up for friday"), ("ben", "ok")], "en"),
        ([("ana", "Lad os booke næste møde til torsdag."), ("ben", "Fint.")], "da"),
    ):
        assert items_of(turns, language=language) == [], turns
    # one person booking it, or asked to, still has a task
    asked = items_of([("ana", "Can you book the next meeting with their CFO?"), ("ben", "Sure.")])
    assert summary(asked) == [("ben", None)]
    assert summary(items_of([("ana", "I'll book the next session with the trainers.")])) == [
        ("ana", None)
    ]


# ---- a later "when?" about something else does not date a promise --------------------------


def test_a_question_about_when_something_else_is_due_does_not_date_the_promise() -> None:
    for turns, language in (
        (
            [
                ("ana", "I'll check with our lawyers."),
                ("ben", "When must the lease be renewed?"),
                ("ana", "By the 20th of November, ideally before that."),
            ],
            "en",
        ),
        (
            [
                ("ana", "Jeg spørger vores advokat."),
                ("ben", "Hvornår skal lejekontrakten være fornyet?"),
                ("ana", "Inden den 20. november, helst før."),
            ],
            "da",
        ),
    ):
        assert summary(items_of(turns, language=language)) == [("ana", None)], turns
    # asked of the promise itself, the answer still dates it
    for question in ("When?", "When will the rollout plan be ready?", "When can I see it?"):
        items = items_of(
            [("ana", "I'll draft the rollout plan."), ("ben", question), ("ana", "Thursday.")]
        )
        assert summary(items) == [("ana", "2026-10-08")], question


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


# ---- how things are done today is no task ----------------------------------------------------


def test_an_answer_to_how_it_is_done_today_is_no_task() -> None:
    for turns, language in (
        (
            [
                ("ana", "Hvordan håndterer I reklamationer i dag?"),
                ("ben", "Dem tager kundeservice."),
                ("cy", "Og så sender jeg en kopi til lageret."),
            ],
            "da",
        ),
        (
            [
                ("ana", "How do you handle returns today?"),
                ("ben", "Support logs them, and then I send a copy to the warehouse."),
            ],
            "en",
        ),
    ):
        assert items_of(turns, language=language) == [], turns
    # work for the one asking, or with a date, is still a promise
    for answer in (
        "Det sender jeg dig en beskrivelse af.",
        "Det ved jeg ikke, men jeg sender dig vores procedure i morgen.",
    ):
        turns = [("ana", "Hvordan håndterer I reklamationer i dag?"), ("ben", answer)]
        assert [item.owner for item in items_of(turns, language="da")] == ["ben"], answer


# ---- a yes, then the work in the speaker's own words, is one task ----------------------------


def test_a_yes_to_what_we_must_do_then_the_work_said_out_is_one_task() -> None:
    items = items_of(
        [
            ("ana", "Good. And we have to tell the members ourselves."),
            ("ben", "I'll do that. I'll send a newsletter to all members on Friday."),
        ]
    )
    assert summary(items) == [("ben", "2026-10-09")]
    assert items[0].text == "Send a newsletter to all members"
