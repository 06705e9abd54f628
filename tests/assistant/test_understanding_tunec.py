"""Kinds of due-date failure fixed after tuning on the sets a to w (issue 15): which day an item
gets when it is narrowed, answered, handed over or reported later. Every sentence here is new:
none is taken from any labelled set. The meeting is on Tuesday 6 October 2026 (see
`tests.assistant.test_understanding`)."""

from __future__ import annotations

import datetime as dt

from assistant.intelligence.dates import resolve_due_date
from tests.assistant.test_understanding import DAY, rule_items, summary

# ---- a sentence about work done names no day for a promise ---------------------------------


def test_a_report_of_work_done_does_not_date_an_open_promise() -> None:
    for turns, language in (
        (
            [
                ("ana", "When does the price list go out?"),
                ("bo", "I'll send it over."),
                ("ana", "Good, they are waiting for it."),
                ("bo", "No rush then."),
                ("ana", "And the Odense lead?"),
                ("bo", "I showed them the demo on Monday."),
            ],
            "en",
        ),
        (
            [
                ("ana", "Hvornår går prislisten ud?"),
                ("bo", "Den sender jeg over."),
                ("ana", "Godt, de venter på den."),
                ("bo", "Så haster det ikke."),
                ("ana", "Og kunden i Odense?"),
                ("bo", "Jeg viste dem demoen på mandag."),
            ],
            "da",
        ),
    ):
        items = rule_items(turns, language=language)
        assert summary(items) == [("bo", None)], items


# ---- a day named in answer to "when?" ------------------------------------------------------


def test_lets_say_a_day_answers_when_the_work_is_due() -> None:
    for turns, language, due in (
        (
            [
                ("ana", "Jeg sender jer en oversigt over de åbne sager."),
                ("bo", "Tak, det er en god idé."),
                ("cy", "Ana, hvornår kan vi få den?"),
                ("ana", "Lad os sige inden weekenden."),
            ],
            "da",
            "2026-10-09",
        ),
        (
            [
                ("ana", "I'll put together a list of the open cases for you."),
                ("bo", "Thanks, that would help."),
                ("cy", "Ana, when could we have it?"),
                ("ana", "Let's say Thursday."),
            ],
            "en",
            "2026-10-08",
        ),
    ):
        assert summary(rule_items(turns, language=language)) == [("ana", due)], turns


# ---- a day narrowed down in the same breath ------------------------------------------------


def test_a_day_narrowed_down_with_lets_say_is_the_day_said_last() -> None:
    for sentence, due in (
        (
            "Jeg skriver aftalen, og den har I inden månedens udgang, lad os sige den 27.",
            dt.date(2026, 10, 27),
        ),
        (
            "You'll have the draft before the end of the month, let's say the 23rd.",
            dt.date(2026, 10, 23),
        ),
        ("I'll send it next week, or rather Wednesday.", dt.date(2026, 10, 7)),
    ):
        assert resolve_due_date(sentence, DAY, weeks=False)[0] == due, sentence


def test_a_bare_lets_say_after_a_day_keeps_the_day() -> None:
    due, _ = resolve_due_date("I'll send it by Friday, let's say, to be safe.", DAY, weeks=False)
    assert due == dt.date(2026, 10, 9)


# ---- an ordinal day in a transcript without punctuation ------------------------------------


def test_an_ordinal_day_is_read_before_the_next_clause_without_punctuation() -> None:
    for sentence, due in (
        ("EVERYBODY HAS TO FILE THEIR EXPENSES BY THE TWELFTH NO EXCUSES", dt.date(2026, 10, 12)),
        ("get the forms back to us by the ninth because payroll runs then", dt.date(2026, 10, 9)),
    ):
        assert resolve_due_date(sentence, DAY, weeks=False)[0] == due, sentence
    # an ordinal before a noun is no day
    assert resolve_due_date("send it by the third week", DAY, weeks=False)[0] is None


# ---- a call put in the calendar is an event, not a deadline --------------------------------


def test_a_call_put_in_for_a_day_has_no_deadline() -> None:
    for sentence in (
        "I'll put a quick follow-up call in for Thursday afternoon.",
        "Jeg sætter et kort møde i kalenderen til torsdag.",
    ):
        assert resolve_due_date(sentence, DAY, weeks=False)[0] is None, sentence


# ---- the day the work is for, then the day it is done --------------------------------------


def test_work_for_a_later_day_done_tonight_is_due_today() -> None:
    items = rule_items(
        [
            ("ana", "The Friday shifts are too long. Can you look at them?"),
            ("bo", "Yes. I will redo the rota for Friday tonight."),
        ],
        language="en",
    )
    assert summary(items) == [("bo", "2026-10-06")]
    assert "Friday" in items[0].text


# ---- a hand-over in a later turn, Danish verb first ----------------------------------------


def test_danish_hand_over_with_the_verb_first_dates_the_promise() -> None:
    for last, due in (
        ("Så har I beregningen senest onsdag i næste uge.", "2026-10-14"),
        ("Så er beregningen klar til fredag.", "2026-10-09"),
    ):
        turns = [
            ("ana", "Vi vil gerne have en fast pris på flytningen."),
            ("bo", "Det er fair. Jeg laver en beregning, men jeg skal se jeres data først."),
            ("cy", "Dem sender jeg på mandag."),
            ("bo", last),
        ]
        items = rule_items(turns, language="da")
        assert ("bo", due) in summary(items), (last, items)


def test_ready_by_a_day_in_a_later_turn_dates_the_promise_in_english() -> None:
    turns = [
        ("ana", "Could we see it with our own numbers?"),
        ("bo", "Sure. If you send me last month's orders, I'll build an example with them."),
        ("ana", "I'll send them today."),
        ("bo", "Then it'll be ready by Friday."),
    ]
    assert ("bo", "2026-10-09") in summary(rule_items(turns, language="en"))


# ---- a day taken back in a sentence of its own ---------------------------------------------


def test_make_that_a_day_after_a_take_back_is_the_deadline() -> None:
    items = rule_items(
        [
            ("ana", "The Vejle lead asked for a quote. I'll send it to them on Thursday."),
            (
                "ana",
                "Actually no, their buyer is away until Monday, so there's no point."
                " Make that Monday.",
            ),
            ("bo", "Okay."),
        ],
        language="en",
    )
    assert summary(items) == [("ana", "2026-10-12")]


# ---- the asker's day said in the last sentence of their turn -------------------------------


def test_the_askers_day_said_after_the_asking_is_taken() -> None:
    for turns, language, due in (
        (
            [
                ("ana", "Once I have the export, I'll rebuild the report for you."),
                ("bo", "Ideally before our budget review. That is on the 9th."),
                ("ana", "That should be fine."),
            ],
            "en",
            "2026-10-09",
        ),
        (
            [
                ("ana", "Når jeg har udtrækket, laver jeg rapporten om for jer."),
                ("bo", "Helst inden vores budgetmøde. Det er den 20."),
                ("ana", "Det når jeg."),
            ],
            "da",
            "2026-10-20",
        ),
    ):
        assert summary(rule_items(turns, language=language)) == [("ana", due)], turns


# ---- a recap gives a day to tasks agreed without one ---------------------------------------


def test_a_recap_with_days_dates_each_owners_undated_task() -> None:
    for turns, language in (
        (
            [
                ("ana", "Ben, could you tidy up the supplier list?"),
                ("ben", "Sure."),
                ("cy", "Next point, the FAQ on the website is out of date."),
                ("ana", "I'll rewrite it."),
                (
                    "cy",
                    "Good. To recap: Ben tidies up the supplier list by Thursday, and Ana"
                    " rewrites the FAQ by Friday.",
                ),
            ],
            "en",
        ),
        (
            [
                ("ana", "Ben, kan du rydde op i leverandørlisten?"),
                ("ben", "Ja."),
                ("cy", "Næste punkt, FAQ'en på hjemmesiden er forældet."),
                ("ana", "Den skriver jeg om."),
                (
                    "cy",
                    "Godt. Så for at opsummere: Ben rydder op i leverandørlisten inden"
                    " torsdag, og Ana skriver FAQ'en om til fredag.",
                ),
            ],
            "da",
        ),
    ):
        items = rule_items(turns, language=language)
        assert sorted(summary(items)) == [("ana", "2026-10-09"), ("ben", "2026-10-08")], items


def test_a_recap_day_for_other_work_leaves_a_task_undated() -> None:
    items = rule_items(
        [
            ("ana", "Ben, could you tidy up the supplier list?"),
            ("ben", "Sure."),
            ("cy", "To recap: Ben books the venue by Thursday."),
        ],
        language="en",
    )
    assert ("ben", None) in summary(items), items


# ---- the asker takes the day back in a later turn ------------------------------------------


def test_the_askers_later_take_back_is_the_deadline() -> None:
    for turns, language in (
        (
            [
                ("ana", "Ben, can you send the figures to the auditor on Friday?"),
                ("ben", "Sure."),
                ("ana", "Actually, make it Thursday, the auditor is off on Friday."),
                ("ben", "Okay."),
            ],
            "en",
        ),
        (
            [
                ("ana", "Ben, kan du sende tallene til revisoren på fredag?"),
                ("ben", "Ja."),
                ("ana", "Nej, lad os sige torsdag, revisoren har fri fredag."),
                ("ben", "Okay."),
            ],
            "da",
        ),
    ):
        assert summary(rule_items(turns, language=language)) == [("ben", "2026-10-08")], turns


# ---- the owner offers another day than the one asked ---------------------------------------


def test_the_owners_counter_offer_is_the_deadline() -> None:
    for turns, language in (
        (
            [
                ("ana", "Ben, can you finish the test plan by Friday?"),
                ("ben", "Friday is tight. Monday is more realistic."),
                ("ana", "Monday then."),
            ],
            "en",
        ),
        (
            [
                ("ana", "Ben, kan du gøre testplanen færdig inden fredag?"),
                ("ben", "Fredag bliver svært. Mandag er mere realistisk."),
                ("ana", "Så mandag."),
            ],
            "da",
        ),
    ):
        assert summary(rule_items(turns, language=language)) == [("ben", "2026-10-12")], turns


# ---- the day asked for another person's task in the same turn ------------------------------


def test_a_day_asked_of_someone_else_in_the_same_turn_is_not_taken_by_a_bare_yes() -> None:
    for turns, language in (
        (
            [
                (
                    "ana",
                    "Ben, can you check the invoice? And Cy, could you order the badges"
                    " by tomorrow?",
                ),
                ("ben", "Yes."),
                ("cy", "Sure."),
            ],
            "en",
        ),
        (
            [
                (
                    "ana",
                    "Ben, kan du tjekke fakturaen? Og Cy, kan du bestille navneskiltene"
                    " inden i morgen?",
                ),
                ("ben", "Ja."),
                ("cy", "Ja."),
            ],
            "da",
        ),
    ):
        assert sorted(summary(rule_items(turns, language=language))) == [
            ("ben", None),
            ("cy", "2026-10-07"),
        ], turns


# ---- relative days counted from a weekday, a week number, a fortnight ----------------------


def test_relative_days_counted_from_a_day_a_week_or_a_fortnight() -> None:
    for sentence, due in (
        ("Vi leverer skabelonen senest fredag i uge 43.", "2026-10-23"),
        ("We'll ship the kits on Tuesday of week 43.", "2026-10-20"),
        ("I'll have the mock-ups to you the Thursday after next.", "2026-10-15"),
        ("You'll get the audit a fortnight today.", "2026-10-20"),
        ("I'll send the figures two days from now.", "2026-10-08"),
        ("Vi har svaret klar ti dage fra i dag.", "2026-10-16"),
        ("I'll finish the review two weeks from Monday.", "2026-10-26"),
        ("I'll have it done Monday fortnight.", "2026-10-26"),
        ("I'll send the summary by EOW.", "2026-10-09"),
        ("I'll close the tickets by EOM.", "2026-10-31"),
        ("I'll deliver it by the end of the week after next.", "2026-10-23"),
        ("I'll forward it right after this.", "2026-10-06"),
    ):
        assert resolve_due_date(sentence, DAY, weeks=False)[0] == dt.date.fromisoformat(due), (
            sentence
        )


# ---- a day ruled out as hard, then another offered -----------------------------------------


def test_a_day_called_tricky_gives_way_to_the_one_after_but() -> None:
    for turns, language in (
        (
            [
                ("ana", "Bo, could you send us the price sheet by Wednesday?"),
                ("bo", "Wednesday will be a bit tight, but Thursday for sure."),
            ],
            "en",
        ),
        (
            [
                ("ana", "Bo, kan du sende prisarket inden onsdag?"),
                ("bo", "Onsdag bliver lidt stramt, men torsdag kan jeg godt."),
            ],
            "da",
        ),
    ):
        assert summary(rule_items(turns, language=language)) == [("bo", "2026-10-08")], turns


# ---- time asked for in answer to "when?" ---------------------------------------------------


def test_give_me_some_days_answers_when_and_is_no_request() -> None:
    for turns, language, due in (
        (
            [
                ("bo", "I'll check the shipping costs with our carrier."),
                ("ana", "When?"),
                ("bo", "Give me three days."),
            ],
            "en",
            "2026-10-09",
        ),
        (
            [
                ("bo", "Jeg tjekker fragtprisen med vores vognmand."),
                ("ana", "Hvornår?"),
                ("bo", "Giv mig tre dage."),
            ],
            "da",
            "2026-10-09",
        ),
        (
            [
                ("bo", "Jeg tjekker fragtprisen med vores vognmand."),
                ("ana", "Hvornår?"),
                ("bo", "Giv mig til fredag."),
            ],
            "da",
            "2026-10-09",
        ),
    ):
        assert summary(rule_items(turns, language=language)) == [("bo", due)], turns


def test_an_unpunctuated_recap_dates_the_task_it_names() -> None:
    for turns, language in (
        (
            [
                ("ana", "bo can you renew the domain"),
                ("bo", "sure"),
                ("ana", "so to recap bo renews the domain by friday and i ring the bank tomorrow"),
            ],
            "en",
        ),
        (
            [
                ("ana", "bo kan du forny domænet"),
                ("bo", "ja"),
                (
                    "ana",
                    "så vi siger bo fornyer domænet på fredag og jeg ringer til banken i morgen",
                ),
            ],
            "da",
        ),
    ):
        assert ("bo", "2026-10-09") in summary(rule_items(turns, language=language)), turns


# ---- the result for the other side after the deadline --------------------------------------


def test_then_you_have_it_after_a_deadline_keeps_the_deadline() -> None:
    for turns, language in (
        (
            [
                (
                    "bo",
                    "I will send you the seating plan by Thursday, then you have it before the"
                    " weekend.",
                )
            ],
            "en",
        ),
        ([("bo", "Jeg sender bordplanen på torsdag, så har I den inden weekenden.")], "da"),
    ):
        assert summary(rule_items(turns, language=language)) == [("bo", "2026-10-08")], turns


# ---- a day proposed as a question for a meeting ---------------------------------------------


def test_a_meeting_day_proposed_after_no_good_does_not_redate_a_promise() -> None:
    items = rule_items(
        [
            ("bo", "I'll send you two sample invoices this afternoon."),
            ("ana", "Great. Then I'll set up a walkthrough with your own invoices."),
            ("cy", "When would suit for that? Monday?"),
            ("bo", "Monday's no good, we have the board. Wednesday next week?"),
        ],
        language="en",
    )
    assert ("bo", "2026-10-06") in summary(items), items


# ---- an event moved to a day, a day in a condition -----------------------------------------


def test_the_day_an_event_is_moved_to_is_no_deadline() -> None:
    for sentence, due in (
        ("Så rykker jeg lanceringen til den 28. og sender en ny plan på mandag.", "2026-10-12"),
        ("We'll push the webinar to Friday and I'll update the invite tomorrow.", "2026-10-07"),
    ):
        assert resolve_due_date(sentence, DAY, weeks=False)[0] == dt.date.fromisoformat(due), (
            sentence
        )


def test_a_day_taken_back_after_an_event_moved_is_the_day_said_instead() -> None:
    items = rule_items(
        [
            ("ana", "Kan vi nå det til den 21.?"),
            (
                "bo",
                "Så rykker jeg lanceringen til den 28. og sender en ny plan på mandag. Nej, lad"
                " os sige fredag, så har I den inden weekenden.",
            ),
        ],
        language="da",
    )
    assert ("bo", "2026-10-09") in summary(items), items


def test_a_day_in_a_condition_gives_way_to_the_deadline_after_it() -> None:
    for sentence in (
        "if i get the serial numbers today i can flash them by thursday",
        "Hvis jeg får serienumrene i dag, kan jeg have dem opdateret torsdag.",
    ):
        assert resolve_due_date(sentence, DAY, weeks=False)[0] == dt.date(2026, 10, 8), sentence
    # a condition with no other day keeps its own
    due, _ = resolve_due_date("If it's urgent I'll call them today.", DAY, weeks=False)
    assert due == DAY


# ---- a day taken back in speech without punctuation, with a reason after it ----------------


def test_a_day_taken_back_unpunctuated_stands_against_the_reason_after_it() -> None:
    for turns, language in (
        (
            [
                (
                    "bo",
                    "jeg sender det nye tilbud til kæden på fredag nej torsdag for de har"
                    " bestyrelsesmøde fredag",
                )
            ],
            "da",
        ),
        (
            [
                (
                    "bo",
                    "I'LL GET THE TEAM TO DO A RECOUNT BY FRIDAY UH NO BY THURSDAY THE AUDIT IS"
                    " FRIDAY",
                )
            ],
            "en",
        ),
    ):
        assert summary(rule_items(turns, language=language)) == [("bo", "2026-10-08")], turns
