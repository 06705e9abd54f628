"""Kinds of action-item failure found on the second tuning set (tests/data/intelligence-b),
fixed as general rules. Every sentence here is new: none is taken from either labelled set."""

from __future__ import annotations

import datetime as dt

from assistant.intelligence.action_items import similar_tasks
from assistant.intelligence.dates import resolve_due_date
from tests.assistant.test_understanding import DAY, items_of, summary

# DAY is a Tuesday (2026-10-06): Wednesday the 7th, Thursday the 8th, Friday the 9th.

# ---- requests turned down ------------------------------------------------------------------


def test_a_request_turned_down_is_no_task() -> None:
    assert (
        items_of(
            [
                ("ana", "Could you waive the setup fee for the second site?"),
                ("ben", "No, I'm afraid that isn't something I can offer."),
                ("ana", "Understood."),
            ]
        )
        == []
    )
    assert (
        items_of(
            [
                ("ana", "Kan du give os et års gratis support oveni?"),
                ("ben", "Det kan jeg desværre ikke."),
            ],
            language="da",
        )
        == []
    )


def test_a_request_answered_with_yes_is_still_a_task() -> None:
    items = items_of(
        [("ana", "Could you waive the setup fee?"), ("ben", "Yes, I'll waive it by Friday.")]
    )
    assert summary(items) == [("ben", "2026-10-09")]


# ---- not tasks ---------------------------------------------------------------------------------


def test_leaving_with_a_reason_is_no_task() -> None:
    assert items_of([("ana", "I need to hop off, the auditors are waiting.")]) == []


def test_sharing_the_screen_and_showing_on_the_spot_are_no_tasks() -> None:
    assert items_of([("ana", "Jeg deler lige skærmen.")], language="da") == []
    assert items_of([("ana", "I'll open the budget sheet. Can you all see it?")]) == []
    # With another kind of follow-up it is a promise.
    assert len(items_of([("ana", "I'll open a ticket with the vendor tomorrow.")])) == 1


def test_deferring_appreciating_and_asking_about_the_future_are_no_tasks() -> None:
    assert items_of([("ana", "Let's park the rebrand until spring.")]) == []
    assert items_of([("ana", "Det vil jeg sætte pris på.")], language="da") == []
    assert items_of([("ana", "Do you think you'll attend the summit in Oslo?")]) == []
    assert items_of([("ana", "Vi skal altså have flere kunder i Norge i år.")], language="da") == []


def test_a_routine_said_with_every_is_no_task() -> None:
    assert items_of([("ana", "Every week I have to merge the two exports by hand.")]) == []


def test_a_recap_repeats_tasks_already_given() -> None:
    items = items_of(
        [
            ("ana", "I'll send the price list on Thursday."),
            ("ben", "And I'll book the demo room tomorrow."),
            ("ana", "So to sum up: I send the price list and Ben books the demo room."),
        ]
    )
    assert summary(items) == [("ana", "2026-10-08"), ("ben", "2026-10-07")]


# ---- task phrasings ----------------------------------------------------------------------------


def test_danish_loan_verbs_in_ere_are_work_verbs() -> None:
    items = items_of([("ana", "Jeg installerer agenten på deres server i morgen.")], language="da")
    assert summary(items) == [("ana", "2026-10-07")]
    assert items[0].text.startswith("Installer")


def test_danish_verb_first_request_after_saa() -> None:
    items = items_of(
        [
            ("ana", "Så ringer du til leverandøren på torsdag, ikke?"),
            ("ben", "Jo, det gør jeg."),
        ],
        language="da",
    )
    assert summary(items) == [("ben", "2026-10-08")]


def test_an_order_followed_by_and_ill_is_the_condition_of_a_promise() -> None:
    items = items_of(
        [
            ("ana", "We found the crash in the export."),
            ("ben", "Mail me the log files and I'll look into the crash by Friday."),
        ]
    )
    assert summary(items) == [("ben", "2026-10-09")]


def test_youll_have_it_is_the_speakers_promise() -> None:
    items = items_of(
        [
            ("ana", "I still need the signed order form."),
            ("ben", "You'll have it on Thursday."),
        ]
    )
    assert summary(items) == [("ben", "2026-10-08")]


def test_group_tasks_said_as_everyone_verb_first_or_a_dated_we_can() -> None:
    people = {"ana": "internal", "ben": "internal", "cy": "external"}
    items = items_of(
        [("ana", "Everyone has to update their forecast before Thursday.")],
        people=people,  # type: ignore[arg-type]
    )
    assert summary(items) == [("team:internal", "2026-10-08")]
    items = items_of(
        [("ana", "Okay, så bestiller vi hardwaren i morgen.")],
        people=people,  # type: ignore[arg-type]
        language="da",
    )
    assert summary(items) == [("team:internal", "2026-10-07")]
    dated = items_of([("ana", "Vi kan have testmiljøet klar den 20.")], language="da")
    assert summary(dated) == [("team", "2026-10-20")]
    assert items_of([("ana", "We can run a workshop for your engineers.")]) == []


def test_danish_yes_please_takes_an_offer() -> None:
    items = items_of(
        [
            ("ana", "Jeg kan sende jer en skabelon til importen."),
            ("ben", "Ja tak, det vil jeg meget gerne."),
        ],
        language="da",
    )
    assert summary(items) == [("ana", None)]


# ---- one task said twice -----------------------------------------------------------------------


def test_a_promise_restated_after_the_offer_was_taken_is_one_item_quoting_the_later() -> None:
    items = items_of(
        [
            ("ana", "I can send you a sample report."),
            ("ben", "Yes please."),
            ("ana", "Great, I'll email it to you tomorrow."),
        ]
    )
    assert summary(items) == [("ana", "2026-10-07")]
    assert items[0].quote == "Great, I'll email it to you tomorrow."


def test_new_work_after_a_taken_offer_stays_its_own_item() -> None:
    items = items_of(
        [
            ("ana", "I can run a short training for your team."),
            ("ben", "Yes, let's do that."),
            ("ana", "I'll send you a few possible dates."),
        ]
    )
    assert len(items) == 2


def test_a_corrected_promise_replaces_the_first_wording() -> None:
    items = items_of(
        [
            ("ana", "Så skriver jeg referatet."),
            ("ana", "Sorry, I said I'll write up the minutes by Friday."),
        ]
    )
    assert summary(items) == [("ana", "2026-10-09")]


def test_the_answer_to_a_vague_request_is_quoted() -> None:
    items = items_of(
        [
            ("ana", "The draft contract is ready. Could you check it?"),
            ("ben", "Forward it to me and I'll check it by Wednesday."),
        ]
    )
    assert summary(items) == [("ben", "2026-10-07")]
    assert items[0].quote == "Forward it to me and I'll check it by Wednesday."


def test_a_one_word_task_merges_only_with_the_same_verb() -> None:
    assert similar_tasks("Draw", "Draw one")
    assert not similar_tasks("Register it", "Send the ID once it's registered")


# ---- due dates ---------------------------------------------------------------------------------


def test_a_date_that_says_when_is_no_deadline() -> None:
    assert resolve_due_date("close the tickets from this week", DAY)[0] is None
    assert resolve_due_date("send en invitation til torsdag", DAY)[0] is None
    # Passed over, a later deadline is still found.
    assert resolve_due_date("send the invite for Thursday by Wednesday", DAY)[0] == dt.date(
        2026, 10, 7
    )


def test_the_same_day_is_the_date_said_before() -> None:
    items = items_of([("ana", "Send me the contract on Thursday and I'll sign it the same day.")])
    assert summary(items) == [("ana", "2026-10-08")]


def test_days_said_as_ordinal_words() -> None:
    assert resolve_due_date("til den anden december", DAY)[0] == dt.date(2026, 12, 2)
    assert resolve_due_date("by the third of November", DAY)[0] == dt.date(2026, 11, 3)
    assert resolve_due_date("on October twenty-first", DAY)[0] == dt.date(2026, 10, 21)
    # "den første" without a month is not a date.
    assert resolve_due_date("den første løn", DAY)[0] is None


def test_two_dated_tasks_in_one_promise_are_two_items() -> None:
    items = items_of(
        [("ana", "I'll call the carrier today and send you the claim form by Friday.")]
    )
    assert summary(items) == [("ana", "2026-10-06"), ("ana", "2026-10-09")]
    danish = items_of(
        [("ana", "Jeg ringer til revisoren i morgen og sender papirerne på fredag.")],
        language="da",
    )
    assert summary(danish) == [("ana", "2026-10-07"), ("ana", "2026-10-09")]
    # Reporting back on the first task is the same task, with the later date.
    one = items_of([("ana", "I'll ask finance today and get back to you by Thursday.")])
    assert summary(one) == [("ana", "2026-10-08")]


def test_the_speakers_own_start_is_a_plan_not_a_condition() -> None:
    items = items_of([("ana", "If I start now, I can have the mapping done by Thursday.")])
    assert summary(items) == [("ana", "2026-10-08")]
    assert (
        items_of([("ana", "If we get the budget, I can have the mapping done by Thursday.")]) == []
    )


def test_a_present_tense_followed_by_how_often_is_a_routine() -> None:
    said = [
        ("ana", "Lønsedlerne tjekker jeg i hånden. Det tager mig en halv dag hver uge."),
    ]
    assert items_of(said, language="da") == []
    # Without the routine it is a promise.
    assert len(items_of([("ana", "Lønsedlerne tjekker jeg i morgen.")], language="da")) == 1


def test_danish_have_a_thing_is_a_need_have_it_done_is_work() -> None:
    assert items_of([("ana", "Jeg skal bare have jeres underskrift.")], language="da") == []
    items = items_of([("ana", "Jeg skal have licenserne installeret inden fredag.")], language="da")
    assert summary(items) == [("ana", "2026-10-09")]
    assert items[0].text.startswith("Få licenserne installeret")


def test_showing_on_the_screen_is_no_danish_request() -> None:
    assert items_of([("ana", "Her kan du se, at rapporten er tom.")], language="da") == []


def test_following_up_when_nothing_was_heard_is_still_a_promise() -> None:
    items = items_of([("ana", "I'll chase them on Friday if we haven't heard back by then.")])
    assert summary(items) == [("ana", "2026-10-09")]
    danish = items_of(
        [("ana", "Jeg rykker dem på fredag, hvis jeg ikke har hørt fra dem.")], language="da"
    )
    assert summary(danish) == [("ana", "2026-10-09")]
    # A condition of another kind still makes it no promise.
    assert items_of([("ana", "I'll chase them on Friday if the budget is approved.")]) == []


def test_a_request_done_on_the_spot_leaves_no_task() -> None:
    said = [
        ("ana", "Ben, kan du rette datoen i regnearket?"),
        ("ben", "Det gør jeg lige nu. Sådan, nu står der fjortende."),
    ]
    assert items_of(said, language="da") == []
    later = [("ana", "Ben, kan du rette datoen i regnearket?"), ("ben", "Det gør jeg i morgen.")]
    assert summary(items_of(later, language="da")) == [("ben", "2026-10-07")]
