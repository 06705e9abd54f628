"""Kinds of action-item failure left after the thirteen tuning sets (tests/data/intelligence,
-b to -m), fixed as general rules. Every sentence here is new: none is taken from any labelled
set."""

from __future__ import annotations

from tests.assistant.test_understanding import items_of, rule_items, summary

# DAY is a Tuesday (2026-10-06): Wednesday the 7th, Thursday the 8th, Friday the 9th.

SIDES: dict[str, str | None] = {"ana": "internal", "ben": "internal", "cy": "external"}


# ---- the one asked answers in other words, in the very next turn --------------------------


def test_a_promise_in_the_next_turn_of_the_one_asked_answers_the_request() -> None:
    for turns, language, due in (
        (
            [
                ("cy", "Could we get a spare login for our auditor? She starts next week."),
                ("ana", "I'll set up a read-only account for her on Thursday."),
                ("ben", "Good."),
            ],
            "en",
            "2026-10-08",
        ),
        (
            [
                ("cy", "Kan I lave en oversigt over fejlene fra september?"),
                ("ana", "Jeg trækker loggen ud til dig i morgen."),
            ],
            "da",
            "2026-10-07",
        ),
    ):
        items = items_of(turns, people=SIDES, language=language)
        assert summary(items) == [("ana", due)], turns
        assert items[0].quote == turns[1][1]


def test_a_promise_by_someone_not_asked_is_not_the_answer() -> None:
    items = items_of(
        [
            ("cy", "Ben, could you fix the invoice layout by Thursday?"),
            ("ana", "I'll send the new price list on Friday."),
        ],
        people=SIDES,
    )
    assert {(item.owner, item.quote) for item in items} == {
        ("ben", "Ben, could you fix the invoice layout by Thursday?"),
        ("ana", "I'll send the new price list on Friday."),
    }


# ---- a yes on a condition, and the promise once it is met --------------------------------


def test_a_yes_on_a_condition_and_the_later_promise_are_one_task() -> None:
    for turns, language in (
        (
            [
                ("cy", "Could you add our two new depots to the route planner?"),
                ("ana", "Yes, but I need the depot addresses first."),
                ("cy", "I'll mail them to you tomorrow."),
                ("ana", "Then I'll add both depots as soon as they're in."),
            ],
            "en",
        ),
        (
            [
                ("cy", "Kan du oprette vores nye vikarer i systemet?"),
                ("ana", "Det kan jeg godt, men jeg skal have deres telefonnumre først."),
                ("cy", "Dem sender jeg i morgen."),
                ("ana", "Så opretter jeg dem, så snart jeg har numrene."),
            ],
            "da",
        ),
    ):
        items = items_of(turns, people=SIDES, language=language)
        assert summary(items) == [("cy", "2026-10-07"), ("ana", None)], turns
        assert items[1].quote == turns[3][1], turns


# ---- a group's work taken on by one of the group --------------------------------------------

FOUR: dict[str, str | None] = {**SIDES, "dan": "external"}


def test_the_group_item_gives_way_when_one_of_the_group_takes_it_on() -> None:
    for turns, language, due in (
        (
            [
                ("cy", "Fint. Og vi skal også selv skrive til forældrene."),
                ("dan", "Det gør jeg. Jeg sender en mail til dem i aften."),
            ],
            "da",
            "2026-10-06",
        ),
        (
            [
                ("cy", "Good. And we need to tell the warehouse staff by Friday."),
                ("dan", "I'll do that."),
            ],
            "en",
            "2026-10-09",
        ),
    ):
        items = items_of(turns, people=FOUR, language=language)
        assert summary(items) == [("dan", due)], turns
        assert items[0].quote == turns[1][1], turns


def test_work_for_each_of_the_group_stays_the_groups() -> None:
    items = items_of(
        [
            ("cy", "Vi skal alle sammen have læst manualen inden fredag."),
            ("dan", "Ja. Jeg sørger for, at lageret også får manualen i morgen."),
        ],
        people=FOUR,
        language="da",
    )
    assert summary(items) == [("team:all", "2026-10-09"), ("dan", "2026-10-07")]


# ---- the reason given with a request ------------------------------------------------------


def test_what_the_group_must_do_said_as_the_reason_for_a_request_is_no_item() -> None:
    for turns, language in (
        (
            [
                (
                    "cy",
                    "Ana, kan du trække en liste over de fejlede betalinger? Vi skal skrive til"
                    " medlemmerne.",
                ),
                ("ana", "Ja, den får du i morgen."),
            ],
            "da",
        ),
        (
            [
                ("cy", "Ana, could you pull the failed payments? We need to call those members."),
                ("ana", "Sure, you'll have it tomorrow."),
            ],
            "en",
        ),
    ):
        assert summary(items_of(turns, people=FOUR, language=language)) == [("ana", "2026-10-07")]


def test_what_the_group_must_do_after_a_question_for_information_stays() -> None:
    # The rules' behaviour: the scorer retrained on sets a-w vetoes this lone group need with
    # no date (a known cost of the veto; its thresholds are chosen by cross-validation).
    items = rule_items(
        [
            ("cy", "Hvor langt er I med flytningen? Vi skal skrive til medlemmerne."),
            ("ana", "Det er næsten klar."),
        ],
        people=FOUR,
        language="da",
    )
    assert summary(items) == [("team:external", None)]


# ---- the future in progress: what someone will be busy with ------------------------------


def test_the_future_in_progress_without_a_date_is_no_promise() -> None:
    for text in (
        "I'll be carrying boxes up to the attic all afternoon.",
        "I'LL BE LOOKING AT THE BUTTON LAYOUT",
        "i'm going to be testing the new scanners",
    ):
        assert items_of([("ana", text), ("ben", "Okay.")]) == [], text


def test_the_future_in_progress_with_a_date_is_a_promise() -> None:
    items = items_of([("ana", "I'll be sending the signed lease on Monday."), ("ben", "Good.")])
    assert summary(items) == [("ana", "2026-10-12")]


# ---- an offer taken with a reservation, then promised ------------------------------------


def test_an_offer_taken_with_a_reservation_is_one_task_in_the_promise_s_words() -> None:
    for turns, language in (
        (
            [
                ("cy", "Jeg kan bede vores revisor om at kigge på tallene."),
                ("ana", "Det ville være rart, hvis hun har tid."),
                ("cy", "Jeg spørger hende i morgen, men jeg lover ikke noget."),
            ],
            "da",
        ),
        (
            [
                ("cy", "I could ask our auditor to look over the figures."),
                ("ana", "That would be really helpful, if she has the time."),
                ("cy", "Okay, I will ask her about it tomorrow."),
            ],
            "en",
        ),
    ):
        items = items_of(turns, people=FOUR, language=language)
        assert [(i.owner, i.quote) for i in items] == [("cy", turns[2][1])], turns
        assert summary(items) == [("cy", "2026-10-07")]


# ---- a task done together with another takes its date -------------------------------------


def test_work_sent_together_with_a_dated_task_is_due_with_it() -> None:
    for turns, language, due in (
        (
            [
                ("ana", "Jeg laver et nyt tilbud på de to lagre, og det har I på fredag."),
                ("cy", "Og så skal vi have en ny databehandleraftale."),
                ("ana", "Fint. Jeg sender den sammen med tilbuddet."),
            ],
            "da",
            "2026-10-09",
        ),
        (
            [
                ("ana", "I'll put together the revised quote by Thursday."),
                ("cy", "We'll also need the updated data processing agreement."),
                ("ana", "Sure, I'll send that along with the quote."),
            ],
            "en",
            "2026-10-08",
        ),
    ):
        items = items_of(turns, people=FOUR, language=language)
        assert summary(items) == [("ana", due), ("ana", due)], turns


def test_work_sent_together_with_an_undated_thing_stays_undated() -> None:
    items = items_of(
        [("ana", "I'll send the agreement together with the invoice."), ("cy", "Thanks.")],
        people=FOUR,
    )
    assert summary(items) == [("ana", None)]


# ---- someone away, named in a transcript in one case ---------------------------------------


def test_work_of_someone_away_in_an_upper_or_lower_case_transcript_has_no_owner() -> None:
    for text in (
        "DET ER MIN KOLLEGA MORTEN DER SKAL REGNE PÅ DET HAN ER PÅ FERIE I DAG MEN MORTEN SENDER"
        " JER TALLENE PÅ FREDAG",
        "our finance guy peter hes not on this call but peter will send you the invoice on friday",
        "our finance guy peter isnt on this call but peter is sending you the invoice by friday",
    ):
        items = items_of([("ana", text), ("cy", "ok")], people=FOUR)
        assert summary(items) == [(None, "2026-10-09")], text


# ---- the work of someone away, dated by a clause about them --------------------------------


def test_the_work_of_someone_away_is_dated_by_the_clause_that_follows() -> None:
    for turns, language in (
        (
            [
                (
                    "ana",
                    "Our designer Lotte couldn't join today. But Lotte is redrawing the floor"
                    " plan, and she'll have it ready by Friday.",
                ),
                ("cy", "Great."),
            ],
            "en",
        ),
        (
            [
                (
                    "ana",
                    "Vores designer Lotte er her ikke i dag. Men Lotte tegner plantegningen om,"
                    " og hun har den klar på fredag.",
                ),
                ("cy", "Godt."),
            ],
            "da",
        ),
    ):
        assert summary(items_of(turns, people=FOUR, language=language)) == [(None, "2026-10-09")]


# ---- work on the spot that mentions a day it is not due --------------------------------------


def test_work_on_the_spot_naming_a_day_that_is_no_deadline_is_no_item() -> None:
    for text, language in (
        ("JEG DELER LIGE SKÆRMEN SÅ I KAN SE ORDRERNE FRA MANDAG", "da"),
        ("Let me share my screen so you can see the error log from Monday.", "en"),
    ):
        assert items_of([("ana", text), ("cy", "Okay.")], language=language) == [], text


def test_work_on_the_spot_with_a_deadline_is_a_promise() -> None:
    items = items_of(
        [("ana", "I'll switch the invoices to the new template by Friday."), ("cy", "Okay.")]
    )
    assert summary(items) == [("ana", "2026-10-09")]


# ---- the agenda read out: "vi skal i dag…", "today we need to…" ----------------------------


def test_the_agenda_read_out_with_today_first_is_no_item() -> None:
    for text, language in (
        ("Velkommen. Vi skal i dag have afklaret leveringen og prisen på skabene.", "da"),
        ("Morning all. Today we need to settle the delivery schedule and the unit price.", "en"),
    ):
        assert items_of([("ana", text), ("cy", "Fint.")], language=language) == [], text


def test_a_task_due_today_later_in_the_meeting_stays() -> None:
    turns = [("cy", "Hello.")] * 30 + [("ana", "We need to send the signed order today.")]
    items = items_of(turns)
    assert summary(items) == [("team", "2026-10-06")]


# ---- how this meeting is run ----------------------------------------------------------------


def test_keeping_the_meeting_short_is_no_item_whatever_day_is_named() -> None:
    for text, language in (
        ("I know you're flying out this week, so I'll try to keep this short.", "en"),
        ("Jeg ved, I har travlt i denne uge, så jeg prøver at holde det kort.", "da"),
    ):
        assert items_of([("ana", text), ("cy", "Thanks.")], language=language) == [], text


def test_keeping_someone_updated_stays_a_promise() -> None:
    items = items_of([("ana", "I'll keep the customer updated by Friday."), ("cy", "Thanks.")])
    assert summary(items) == [("ana", "2026-10-09")]


# ---- an offer asked as a question, taken, then said again ------------------------------------


def test_an_offer_by_question_taken_and_restated_is_one_task() -> None:
    for turns, language in (
        (
            [
                (
                    "ana",
                    "Vi har en beregning fra et andet bageri i Odense, hvor de havde samme"
                    " problem. Skal jeg sende den?",
                ),
                ("cy", "Ja tak, den vil jeg gerne se."),
                ("ana", "Så sender jeg beregningen fra Odense til dig."),
            ],
            "da",
        ),
        (
            [
                ("ana", "We did a similar rollout for a bakery in Leeds. Shall I send it?"),
                ("cy", "Yes please, that would help."),
                ("ana", "Okay, I'll email you the Leeds write-up."),
            ],
            "en",
        ),
    ):
        items = items_of(turns, people=FOUR, language=language)
        assert [(i.owner, i.quote) for i in items] == [("ana", turns[2][1])], turns


# ---- a promise taken back into the meeting: "Actually, I'm doing it now" --------------------


def test_a_promise_done_at_once_after_actually_is_no_item() -> None:
    for turns, language in (
        (
            [
                ("ben", "I'll need the floor plan of the warehouse before the visit."),
                (
                    "cy",
                    "I'll send you the Aarhus one. Actually, I'm doing it now, what's your email?",
                ),
                ("ben", "ben at nordlys dot dk."),
            ],
            "en",
        ),
        (
            [
                ("ben", "Jeg skal bruge plantegningen af lageret før besøget."),
                ("cy", "Jeg sender dig den fra Aarhus. Faktisk gør jeg det nu, hvad er din mail?"),
                ("ben", "ben at nordlys dot dk."),
            ],
            "da",
        ),
    ):
        items = items_of(turns, people=FOUR, language=language)
        assert all(item.owner != "cy" for item in items), turns
