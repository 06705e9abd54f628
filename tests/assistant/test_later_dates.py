"""Which day belongs to an item (issue 15): dates said in the turns after it (the owner taking
the day back, a day on its own after a take-back or a hand-over, the owner's hand-over by a day,
the other side's deadline that the owner accepts, an event's day said earlier) and not a day in
a clause that reports past work. Every sentence here is new, not taken from labelled data."""

from __future__ import annotations

from tests.assistant.test_understanding import items_of, summary

# The meeting is on Tuesday 6 October 2026: Wednesday the 7th, Thursday the 8th, Friday the 9th,
# Monday the 12th.


def test_the_owner_taking_the_day_back_in_a_later_turn_redates_the_item() -> None:
    for turns, language, due in (
        (
            [
                ("ana", "I'll send the revised budget by Friday."),
                ("ana", "Actually no, finance closes the books on Fridays, so let's say Thursday."),
                ("ben", "Fine by me."),
            ],
            "en",
            "2026-10-08",
        ),
        (
            [
                ("ana", "Jeg sender referatet til bestyrelsen på torsdag."),
                ("ben", "Husk, at Lone skal godkende det først."),
                ("ana", "Nå ja. Så ikke torsdag, lad os sige mandag i stedet."),
            ],
            "da",
            "2026-10-12",
        ),
    ):
        assert summary(items_of(turns, language=language))[:1] == [("ana", due)], turns


def test_a_day_said_alone_after_a_take_back_is_the_deadline() -> None:
    items = items_of(
        [
            ("ben", "Ana, kan du lave en prisliste til forhandlerne?"),
            ("ana", "Ja. Fredag, nej vent, jeg er til messe fredag. Torsdag."),
            ("ben", "Torsdag er fint."),
        ],
        language="da",
    )
    assert summary(items) == [("ana", "2026-10-08")]


def test_a_later_hand_over_by_the_owner_dates_the_item() -> None:
    for turns, language, due in (
        (
            [
                ("ana", "Jeg laver en oversigt over licenserne til jer."),
                ("ben", "Inden generalforsamlingen, tak."),
                ("ana", "Den har du i god tid. Onsdag, faktisk."),
            ],
            "da",
            "2026-10-07",
        ),
        (
            [
                ("ana", "I can clean up the duplicate contacts for you."),
                ("ben", "Great. Could you do it this week?"),
                ("ana", "I'll do it tomorrow, it's a quick job."),
            ],
            "en",
            "2026-10-07",
        ),
    ):
        assert summary(items_of(turns, language=language))[:1] == [("ana", due)], turns


def test_the_other_sides_deadline_taken_by_the_owner_is_the_due_date() -> None:
    for turns, language, due in (
        (
            [
                ("ana", "Jeg undersøger, hvad en ekstra scanner koster."),
                ("ben", "Det skal vi vide inden den 20., for da lukker budgettet."),
                ("ana", "Det når jeg."),
            ],
            "da",
            "2026-10-20",
        ),
        (
            [
                ("ana", "I'll put together a list of the open tickets."),
                ("ben", "By Thursday if you can, we have a steering group."),
                ("ana", "Thursday's fine."),
            ],
            "en",
            "2026-10-08",
        ),
        (
            [
                ("ana", "I'll check which of the sensors need new batteries."),
                ("ben", "Ideally before the 15th, that's when the auditors come."),
                ("ana", "Before the 15th should be doable."),
            ],
            "en",
            "2026-10-15",
        ),
    ):
        assert summary(items_of(turns, language=language))[:1] == [("ana", due)], turns


def test_a_day_of_a_meeting_or_a_no_in_a_later_turn_leaves_the_item_as_it_was() -> None:
    for turns, language, due in (
        (
            [
                ("ana", "I'll brief the warehouse team about the new labels."),
                ("ben", "Let's meet again on the 20th to go through it."),
                ("ana", "Sure."),
            ],
            "en",
            None,
        ),
        (
            [
                ("ana", "Jeg sender tilbuddet på mandag."),
                ("ben", "Skal vi tage prisen nu?"),
                ("ana", "Nej, den tager vi næste gang, vi har ikke tid i dag."),
            ],
            "da",
            "2026-10-12",
        ),
    ):
        assert summary(items_of(turns, language=language))[:1] == [("ana", due)], turns


def test_the_day_agreed_is_the_deadline_not_when_the_work_is_done() -> None:
    items = items_of(
        [
            ("ben", "Ana, could we have the export by Monday?"),
            ("ana", "Yes, Monday's fine, I'll run it over the weekend."),
        ],
        language="en",
    )
    assert summary(items) == [("ana", "2026-10-12")]


def test_a_deadline_named_by_an_event_takes_the_day_said_for_it_earlier() -> None:
    for turns, language, due in (
        (
            [
                ("ben", "The steering group meets on the 22nd, by the way."),
                ("ana", "Then I'll send you the risk log before the steering group."),
            ],
            "en",
            "2026-10-22",
        ),
        (
            [
                ("ben", "Lejekontrakten udløber den 30. november, så vi skal i gang."),
                ("ana", "Jeg sender jer et tilbud på flytningen inden lejekontrakten udløber."),
            ],
            "da",
            "2026-11-30",
        ),
    ):
        assert summary(items_of(turns, language=language))[:1] == [("ana", due)], turns


def test_a_dated_hand_over_in_the_same_turn_is_the_promise_s_day_not_a_task() -> None:
    items = items_of(
        [
            ("ben", "We still need the floor plans before the installers can start."),
            (
                "ana",
                "Right. I'll ask our architect to mark up the floor plans."
                " We can have it done by Thursday.",
            ),
        ],
        language="en",
    )
    assert summary(items) == [("ana", "2026-10-08")]


def test_a_day_in_a_clause_that_reports_past_work_does_not_date_the_promise() -> None:
    for turns, language in (
        (
            [("ana", "I called the supplier this morning, and I'll write up the findings.")],
            "en",
        ),
        (
            [("ana", "Okay. We fixed the import yesterday, so I'll tell the warehouse team.")],
            "en",
        ),
    ):
        assert summary(items_of(turns, language=language)) == [("ana", None)], turns
    # the promise's own day still counts
    items = items_of(
        [("ana", "I called the supplier this morning, and I'll write up the findings tomorrow.")],
        language="en",
    )
    assert summary(items) == [("ana", "2026-10-07")]


def test_the_day_the_work_arrives_in_a_clause_of_the_promise_dates_it() -> None:
    for turns, language, due in (
        (
            [("ana", "I'll post the spare batteries today, they should reach you by Friday.")],
            "en",
            "2026-10-06",
        ),
        (
            [("ana", "Jeg bestiller de nye kort hos trykkeriet, de er hos jer på torsdag.")],
            "da",
            "2026-10-08",
        ),
    ):
        assert summary(items_of(turns, language=language))[:1] == [("ana", due)], turns


def test_a_reply_date_or_an_inverted_danish_hand_over_dates_the_promise() -> None:
    for turns, language, due in (
        (
            [
                ("ana", "Jeg skal lige have tallene bekræftet af vores controller."),
                ("ben", "Hvornår hører vi fra dig?"),
                ("ana", "Jeg vender tilbage på torsdag."),
            ],
            "da",
            "2026-10-08",
        ),
        (
            [
                ("ana", "Jeg rydder op i de gamle brugere."),
                ("ben", "Hvornår kan det ske?"),
                ("ana", "Fint, så gør jeg det på fredag."),
            ],
            "da",
            "2026-10-09",
        ),
        (
            [
                ("ana", "I can reset the sync job for you."),
                ("ben", "Great, when?"),
                ("ana", "I'll do it right after stand-up."),
            ],
            "en",
            "2026-10-06",
        ),
    ):
        assert summary(items_of(turns, language=language))[:1] == [("ana", due)], turns
