"""Kinds of action-item failure found on the seventh tuning set (tests/data/intelligence-g:
long rambling turns, mostly informal Danish, written from a brief by someone who never saw the
rules), fixed as general rules. Every sentence here is new: none is taken from any labelled set."""

from __future__ import annotations

import datetime as dt

from assistant.intelligence.dates import resolve_due_date
from tests.assistant.test_understanding import DAY, items_of, summary

# DAY is a Tuesday (2026-10-06): Wednesday the 7th, Thursday the 8th, Friday the 9th.

# ---- what commits a speaker inside a long turn ---------------------------------------------


def test_a_habit_given_as_the_reason_leaves_the_promise_a_promise() -> None:
    for turns, language in (
        (
            [
                ("ana", "Hvad gør vi så med lageret i Kolding?"),
                (
                    "ben",
                    "Så laver jeg en oversigt over hylderne. Det skal jeg lige have godkendt af "
                    "min leder, for vi plejer ikke at dele den slags, men det ordner jeg.",
                ),
            ],
            "da",
        ),
        (
            [
                ("ana", "What about the warehouse in Leeds?"),
                (
                    "ben",
                    "Then I'll put together a list of the shelves. I need to clear it with my "
                    "manager, because we usually don't share that, but I'll sort it.",
                ),
            ],
            "en",
        ),
    ):
        items = items_of(turns, language=language)
        assert items and items[0].owner == "ben", turns
        assert any(w in items[0].text.lower() for w in ("oversigt", "list")), items


def test_a_habit_of_the_promise_itself_is_still_a_routine() -> None:
    items = items_of(
        [("ben", "Lønsedlerne laver jeg i hånden. Det tager mig en hel dag hver måned.")],
        language="da",
    )
    assert items == []


# ---- false alarms in long turns ------------------------------------------------------------


def test_a_preference_weighed_aloud_is_no_promise() -> None:
    for text, language in (
        ("Nej, lad os vente. Jeg vil hellere se tallene fra marts først.", "da"),
        ("Så vi skal nok snarere kigge på de gamle kontrakter og lade resten ligge.", "da"),
        ("Not yet. I would rather see the March figures first.", "en"),
    ):
        turns = [("ana", "Skal vi køre det nu?"), ("ben", text)]
        assert items_of(turns, language=language) == [], text


def test_a_danish_recap_repeats_the_tasks_already_given() -> None:
    items = items_of(
        [
            ("ana", "Jeg sender prislisten på fredag."),
            ("ben", "Og jeg ringer til revisoren i morgen."),
            (
                "ana",
                "Så for at samle op: jeg sender prislisten, og Ben ringer til revisoren.",
            ),
        ],
        language="da",
    )
    assert summary(items) == [("ana", "2026-10-09"), ("ben", "2026-10-07")]


def test_a_promise_that_waits_for_the_other_sides_input_is_still_a_promise() -> None:
    for turns, language, due in (
        (
            [
                ("ana", "Kan du sende kontrakten til vores revisor?"),
                ("ben", "Ja. Jeg sender den til ham i morgen, hvis du giver mig hans mail."),
            ],
            "da",
            "2026-10-07",
        ),
        (
            [
                ("ana", "Could you set up the sandbox for our team?"),
                ("ben", "Yes. I'll set it up on Thursday if you send me the user list."),
            ],
            "en",
            "2026-10-08",
        ),
    ):
        items = items_of(turns, language=language)
        assert summary(items) == [("ben", due)], (turns, items)


def test_an_offer_on_a_condition_of_its_own_stays_an_offer() -> None:
    items = items_of(
        [
            ("ana", "Did the invoice reach you?"),
            ("ben", "I sent it last week. Happy to send it again if it got lost."),
        ]
    )
    assert items == []


# ---- which date in a long turn belongs to the promise --------------------------------------


def test_a_weekday_with_its_day_of_the_month_is_that_day() -> None:
    for said, day in (
        ("senest fredag den 23.", dt.date(2026, 10, 23)),
        ("by Thursday the 15th", dt.date(2026, 10, 15)),
        ("inden mandag d. 2. november", dt.date(2026, 11, 2)),
    ):
        assert resolve_due_date(said, DAY)[0] == day, said
    # An hour after a weekday is no day of the month.
    assert resolve_due_date("on Friday 3 pm", DAY)[0] == dt.date(2026, 10, 9)


def test_the_day_of_their_meeting_does_not_date_the_promise_before_it() -> None:
    for turns, language, due in (
        (
            [
                ("ana", "Jeg laver en oversigt over priserne. Hvornår mødes de?"),
                ("ben", "Den 27. Gerne lidt før."),
                ("ana", "Så har du den senest fredag den 23."),
            ],
            "da",
            "2026-10-23",
        ),
        (
            [
                ("ana", "I'll put together the price overview. When does the board meet?"),
                ("ben", "On the 27th."),
            ],
            "en",
            None,
        ),
    ):
        assert summary(items_of(turns, language=language)) == [("ana", due)], turns


def test_a_date_asked_for_the_promise_still_dates_it() -> None:
    items = items_of(
        [
            ("ana", "I can rework the slides. Does Wednesday work?"),
            ("ben", "Thursday would be better."),
        ]
    )
    assert summary(items) == [("ana", "2026-10-08")]


def test_a_date_that_says_when_a_meeting_is_held_is_not_a_deadline() -> None:
    for said in (
        "Ledermødet er på torsdag, så jeg giver dig besked bagefter.",
        "The steering meeting is on Thursday, and I'll write to you afterwards.",
    ):
        assert resolve_due_date(said, DAY)[0] is None, said
    # The meeting as the deadline: "before they meet on the 27th".
    assert resolve_due_date("Jeg sender den, før de mødes den 27.", DAY)[0] == dt.date(2026, 10, 27)


def test_reporting_back_in_the_same_sentence_is_one_task_due_when_the_answer_is() -> None:
    for text, language, due in (
        (
            "Jeg tjekker, om lageret kan klare det, og så giver jeg dig besked senest torsdag.",
            "da",
            "2026-10-08",
        ),
        (
            "Let me ask the finance team after the call and I'll confirm the figure by Friday.",
            "en",
            "2026-10-09",
        ),
    ):
        items = items_of([("ana", "Lageret er næsten fuldt."), ("ben", text)], language=language)
        assert summary(items) == [("ben", due)], (text, items)


def test_a_report_back_said_later_about_other_work_stays_its_own_task() -> None:
    items = items_of(
        [
            ("ana", "Can you send me the price list?"),
            ("ben", "Yes, I'll get it to you this afternoon."),
            ("ana", "And the login problem?"),
            ("ben", "I'll follow up on that with support on Thursday."),
        ]
    )
    assert summary(items) == [("ben", "2026-10-06"), ("ben", "2026-10-08")]


def test_an_ordinal_day_said_with_on_is_that_day() -> None:
    assert resolve_due_date("I'll have it ready on the twelfth", DAY)[0] == dt.date(2026, 10, 12)
    # "the third option" names no day.
    assert resolve_due_date("I'll go with the third option", DAY)[0] is None


def test_not_before_a_date_is_when_the_work_can_be_expected() -> None:
    for said in (
        "Den kan jeg godt lave, men det bliver ikke før slutningen af måneden.",
        "I can do it, but it won't be before the end of the month.",
    ):
        assert resolve_due_date(said, DAY)[0] == dt.date(2026, 10, 31), said
    # A day ruled out is no deadline.
    assert resolve_due_date("Bare ikke på torsdag.", DAY)[0] is None
    assert resolve_due_date("Ja, men ikke før mandag.", DAY)[0] is None


# ---- recaps and things done in the meeting itself --------------------------------------------


def test_a_sentence_handing_out_tasks_everyone_already_has_is_a_recap() -> None:
    items = items_of(
        [
            ("ana", "Jeg laver budgettet færdigt på torsdag."),
            ("ben", "Og jeg ringer til banken i morgen."),
            ("ana", "Godt. Ben ringer til banken, jeg laver budgettet, og så ses vi igen."),
        ],
        language="da",
    )
    assert summary(items) == [("ana", "2026-10-08"), ("ben", "2026-10-07")]


def test_a_new_task_in_a_sentence_with_two_owners_is_kept() -> None:
    items = items_of(
        [
            ("ana", "Jeg laver budgettet færdigt på torsdag."),
            ("ana", "Ben ringer til banken i morgen, og jeg sender referatet i dag."),
        ],
        people={"ana": None, "ben": None},
        language="da",
    )
    assert ("ben", "2026-10-07") in summary(items)


def test_closing_what_was_just_shown_is_no_task() -> None:
    for text, language in (
        ("Her kan I se kalenderen. Jeg lukker den lige ned igen.", "da"),
        ("That's the dashboard. I'll close it again.", "en"),
    ):
        assert items_of([("ana", text)], language=language) == [], text


def test_thinking_aloud_is_no_promise() -> None:
    for text in (
        "Jeg ved ikke, om vi skal flytte lageret nu eller vente til næste år.",
        "Så det er vel lige der, vi skal sætte kræfterne ind.",
        "Jeg skal først have et overblik over, hvad der er på markedet.",
        "Og jeg skal jo have det forbi direktionen, før vi kan skrive under.",
    ):
        assert items_of([("ana", "Hvad tænker du?"), ("ben", text)], language="da") == [], text
    # "Not sure whether we should…" in English too.
    turns = [("ana", "Thoughts?"), ("ben", "I'm not sure whether we should move it now.")]
    assert items_of(turns) == []


def test_a_promise_said_with_first_is_still_a_promise() -> None:
    items = items_of([("ben", "Jeg skal først ringe til banken i morgen.")], language="da")
    assert summary(items) == [("ben", "2026-10-07")]


def test_during_the_weekend_says_when_not_by_when() -> None:
    assert resolve_due_date("Jeg kigger på det i weekenden.", DAY)[0] is None
    for said in ("Jeg gør det inden weekenden.", "Du har det til weekenden."):
        assert resolve_due_date(said, DAY)[0] == dt.date(2026, 10, 9), said


def test_a_date_in_a_purpose_clause_is_the_goal_not_the_deadline() -> None:
    for text, language in (
        ("Jeg lægger reglen ind på torsdag, så det hele kører til mandag.", "da"),
        ("I'll set up the rule on Thursday, so it's live for the Monday rush.", "en"),
    ):
        items = items_of([("ben", text)], language=language)
        assert summary(items) == [("ben", "2026-10-08")], (text, items)
    # Two dates for two steps of one task: the later one is the deadline.
    items = items_of([("ben", "I'll talk to finance today and get back to you by Friday.")])
    assert summary(items) == [("ben", "2026-10-09")]


def test_the_owners_hand_over_a_few_turns_on_dates_the_open_promise() -> None:
    items = items_of(
        [
            ("ben", "Jeg kan godt få vores revisor til at skrive et notat om det."),
            ("ana", "Ja tak, det vil hjælpe."),
            ("ben", "Så gør jeg det. Du får det inden generalforsamlingen. Hvornår er den?"),
            ("ana", "Den 22."),
            ("ben", "Så har du det inden den 22."),
        ],
        language="da",
    )
    assert summary(items) == [("ben", "2026-10-22")]


def test_a_date_said_turns_later_about_something_else_does_not_date_the_promise() -> None:
    items = items_of(
        [
            ("ben", "Jeg kan godt få vores revisor til at skrive et notat om det."),
            ("ana", "Ja tak, det vil hjælpe."),
            ("ben", "Så gør jeg det."),
            ("ana", "Hvornår holder I lukket i efterårsferien?"),
            ("ben", "Vi holder lukket på fredag."),
        ],
        language="da",
    )
    assert summary(items) == [("ben", None)]


def test_an_offer_taken_with_a_reason_becomes_the_firm_promise_quoted() -> None:
    items = items_of(
        [
            ("ben", "Jeg kunne også godt regne på både et og to lagre, hvis det hjælper."),
            ("ana", "Ja, gør det, så slipper vi for et møde mere."),
            ("ben", "Så gør jeg det. Begge dele i samme ark, og det har du inden torsdag."),
        ],
        language="da",
    )
    assert summary(items) == [("ben", "2026-10-08")]
    # The firm promise is quoted, not the offer.
    assert "Begge dele i samme ark, og det har du inden torsdag." in items[0].quote


def test_a_refusal_with_a_date_does_not_date_the_open_promise() -> None:
    items = items_of(
        [
            ("ben", "Jeg skal have rabatten godkendt af ledelsen, så vender jeg tilbage."),
            ("ana", "Og fragten? Den burde være gratis."),
            ("ben", "Den kan jeg ikke give væk i dag."),
        ],
        language="da",
    )
    assert summary(items) == [("ben", None)]


def test_a_recap_naming_others_tasks_without_verbs_repeats_the_speakers_task() -> None:
    items = items_of(
        [
            ("lars", "JEG VENDER TILBAGE OM PRISEN PÅ FREDAG"),
            ("bo", "JEG SENDER LOGGEN I MORGEN"),
            ("maja", "OG JEG RINGER TIL KUNDEN I DAG"),
            ("lars", "SÅ BO LOGGEN I MORGEN MAJA KUNDEN I DAG OG JEG SVARER PÅ PRISEN"),
        ],
        language="da",
    )
    assert summary(items) == [("lars", "2026-10-09"), ("bo", "2026-10-07"), ("maja", "2026-10-06")]


# ---- self-corrections and the quote of a granted request -------------------------------------


def test_a_date_taken_back_later_in_the_turn_is_replaced_by_the_day_named() -> None:
    for turn, language, due in (
        (
            "I'll ask our CFO and come back to you by Thursday. Actually, no, she's away "
            "Thursday. Let's say Wednesday.",
            "en",
            "2026-10-07",
        ),
        (
            "Jeg sender udkastet på fredag. Nej vent, der er jeg på kursus. Så bliver det torsdag.",
            "da",
            "2026-10-08",
        ),
    ):
        assert summary(items_of([("ana", turn)], language=language)) == [("ana", due)], turn


def test_a_day_mentioned_later_without_taking_the_date_back_changes_nothing() -> None:
    turn = "I'll send the draft by Thursday. Let's say the call is on Friday then."
    assert summary(items_of([("ana", turn)])) == [("ana", "2026-10-08")]


def test_granting_a_request_is_quoted_with_the_promise() -> None:
    items = items_of(
        [
            ("ana", "I'd like the retention period written into the contract itself."),
            ("ben", "That's reasonable. I'll add it by Monday."),
        ]
    )
    assert items[0].quote == "That's reasonable. I'll add it by Monday."
    assert summary(items) == [("ben", "2026-10-12")]


def test_sending_a_date_by_a_deadline_is_dated_but_a_date_to_meet_is_not() -> None:
    assert resolve_due_date("Jeg sender dig en dato før jul.", DAY)[0] == dt.date(2026, 12, 24)
    assert resolve_due_date("I'll send you a date by Friday.", DAY)[0] == dt.date(2026, 10, 9)
    # "find a time next Thursday": when the meeting is, not by when.
    assert resolve_due_date("Let's find a time on Thursday.", DAY)[0] is None


def test_looking_something_up_with_the_answer_next_is_done_in_the_meeting() -> None:
    for turn, language in (
        ("Det hedder Kontor-noget. Jeg kan lige slå det op. Ja, KontorPlus version tre.", "da"),
        ("It's some Oracle thing. Let me look it up. Yes, it's Oracle Fusion.", "en"),
    ):
        assert items_of([("ana", turn)], language=language) == [], turn
    # Without the answer said, looking it up is a promise.
    items = items_of([("ana", "Jeg slår det op i morgen og sender dig navnet.")], language="da")
    assert summary(items) == [("ana", "2026-10-07")]


def test_the_turn_that_takes_a_request_on_is_quoted_with_it() -> None:
    items = items_of(
        [
            ("ana", "Our admin is away. Could you create the accounts?"),
            ("ben", "Sure. Send me the names, and consider it done."),
        ]
    )
    # Ben creates the accounts; Ana, asked back, sends the names.
    assert summary(items) == [("ben", None), ("ana", None)]
    assert items[0].quote.endswith("Send me the names, and consider it done.")
    # A bare yes adds nothing to the quote.
    items = items_of(
        [("ana", "Could you create the accounts?"), ("ben", "Sure. The weather is awful.")]
    )
    assert items[0].quote == "Could you create the accounts?"
