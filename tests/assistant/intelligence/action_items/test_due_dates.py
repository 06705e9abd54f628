"""The deadline of an item: days said, counted from an event, or said before."""

from __future__ import annotations

import datetime as dt

from assistant.intelligence.dates import find_deadline, resolve_due_date
from tests.assistant.test_understanding import DAY, items_of, rule_items, summary

SIDES: dict[str, str | None] = {"ana": "internal", "ben": "internal", "cy": "external"}
FOUR_WITH_SIDES: dict[str, str | None] = {**SIDES, "dan": "external"}

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


def test_a_day_said_after_a_relative_clause_dates_the_promise() -> None:
    items = rule_items(
        [
            ("ana", "Hvad mangler vi?"),
            ("bo", "Jeg får sendt jer listen over de biler, vi skal have synet, i morgen."),
        ],
        language="da",
    )
    assert summary(items) == [("bo", "2026-10-07")]


# DAY is a Tuesday (2026-10-06): Wednesday the 7th, Thursday the 8th, Friday the 9th.

# ---- a deadline counted from another dated event ------------------------------------------


def test_a_day_counted_from_an_event_dated_in_the_same_sentence() -> None:
    for turns, language, due in (
        (
            [("ana", "I'll circulate the agenda two days before the steering group on the 22nd.")],
            "en",
            "2026-10-20",
        ),
        (
            [("ana", "Jeg sender dagsordenen dagen før styregruppemødet den 15.")],
            "da",
            "2026-10-14",
        ),
        ([("ana", "Jeg sender prislisten tre dage før messen den tyvende.")], "da", "2026-10-17"),
    ):
        assert summary(items_of(turns, language=language)) == [("ana", due)], turns


def test_a_day_counted_from_an_event_dated_earlier_in_the_meeting() -> None:
    for turns, language, due in (
        (
            [
                ("ben", "The hackathon is on Thursday the 15th, in the big room."),
                ("cy", "Sounds fun."),
                ("ana", "I'll write up the results the day after the hackathon."),
            ],
            "en",
            "2026-10-16",
        ),
        (
            [
                ("ben", "Hvornår er kurset? Jeg tror, det er fredag den 16."),
                ("ana", "Så bestiller jeg forplejning to dage før kurset."),
            ],
            "da",
            "2026-10-14",
        ),
    ):
        assert summary(items_of(turns, language=language)) == [("ana", due)], turns


def test_an_event_without_a_date_gives_no_deadline() -> None:
    items = items_of([("ana", "I'll send the slides the day after the offsite.")])
    assert summary(items) == [("ana", None)]


def test_an_event_named_as_the_deadline_dates_the_work() -> None:
    for turns, language, due in (
        (
            [("ana", "I'll get the slides approved before the sales kickoff on the 14th.")],
            "en",
            "2026-10-14",
        ),
        ([("ana", "Jeg sender tallene inden workshoppen på torsdag.")], "da", "2026-10-08"),
    ):
        assert summary(items_of(turns, language=language)) == [("ana", due)], turns


# DAY is a Tuesday (2026-10-06): Wednesday the 7th, Thursday the 8th, Friday the 9th.

# ---- dates: tonight, week numbers, the day an event is held -----------------------------------


def test_i_nat_is_the_meeting_day() -> None:
    assert resolve_due_date("jeg kører opdateringen på serverne i nat", DAY) == (
        DAY,
        "jeg kører opdateringen på serverne",
    )


def test_a_week_number_in_words_is_a_week_without_a_day() -> None:
    for phrase in ("i uge tyve", "uge enogfyrre", "i uge 41"):
        said = find_deadline(f"vi ruller det ud {phrase}", DAY, weeks=False)
        assert said is not None and said.week_only and said.date is None, phrase
    items = items_of([("ana", "Jeg flytter de gamle postkasser i uge toogfyrre.")], language="da")
    assert summary(items) == [("ana", None)]


def test_a_day_said_twice_for_an_event_is_no_deadline() -> None:
    # "for Friday the 9th" names the day of the meeting twice; neither half is a deadline.
    assert resolve_due_date("I'll send a calendar invite for Friday the 9th", DAY)[0] is None
    assert resolve_due_date("jeg sender en indkaldelse til fredag den 9. oktober", DAY)[0] is None
    # A deadline after the event's day still counts.
    assert resolve_due_date("send the invite for Friday by Wednesday", DAY)[0] == dt.date(
        2026, 10, 7
    )


def test_a_meeting_or_a_slot_named_with_its_day_is_no_deadline() -> None:
    for sentence in (
        "Jeg tager spørgsmålet op på ledermødet på torsdag.",
        "I'll reserve twenty minutes for Thursday afternoon.",
        "Vi tager den på styregruppemødet den 20. oktober.",
    ):
        assert resolve_due_date(sentence, DAY)[0] is None, sentence
    # Before the meeting, the meeting is the deadline.
    assert resolve_due_date("send it to me before the board meeting on Thursday", DAY)[
        0
    ] == dt.date(2026, 10, 8)


def test_the_day_of_an_event_the_work_is_done_at_is_no_deadline() -> None:
    for sentence in (
        "I'll remind the drivers at our Thursday huddle.",
        "She'll walk the planners through it at the Friday meeting.",
        "I'll raise the invoice question at tomorrow's finance call and send a summary.",
    ):
        assert resolve_due_date(sentence, DAY)[0] is None, sentence
    # Before the event, or with the event's day said as the deadline, it still dates the work.
    assert resolve_due_date("I'll send the slides before the Thursday meeting.", DAY)[0] == dt.date(
        2026, 10, 8
    )
    assert resolve_due_date("I'll have the draft ready by Thursday for the call.", DAY)[
        0
    ] == dt.date(2026, 10, 8)


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


# ---- dates: the event named as a deadline, Christmas, the end of the week --------------------


def test_before_they_meet_on_a_day_is_that_day() -> None:
    for sentence in ("send oplægget før de mødes den 20.", "send it before we meet on the 20th"):
        assert resolve_due_date(sentence, DAY)[0] == dt.date(2026, 10, 20), sentence


def test_christmas_and_the_end_of_the_week_are_dates() -> None:
    assert resolve_due_date("jeg får det ryddet op inden jul", DAY) == (
        DAY.replace(month=12, day=24),
        "jeg får det ryddet op",
    )
    assert resolve_due_date("the labels will be printed before Christmas", DAY)[0] == DAY.replace(
        month=12, day=24
    )
    assert resolve_due_date("vi ringer tilbage før ugen er omme", DAY)[0] == DAY.replace(day=9)
    assert resolve_due_date("vi fejrer jul på kontoret", DAY)[0] is None


def test_a_date_in_a_clause_before_but_does_not_date_the_promise() -> None:
    items = items_of(
        [("ana", "Jeg kan ikke love et svar i dag, men det kigger jeg på."), ("ben", "Tak.")],
        language="da",
    )
    assert all(item.due is None for item in items)


# ---- an invitation's day, this meeting's topic, a bare yes before the date -------------------


def test_the_day_of_the_event_an_invitation_is_for_is_no_deadline() -> None:
    assert (
        resolve_due_date("Jeg sender en invitation til et besøg på lageret fredag", DAY)[0] is None
    )
    assert resolve_due_date("I'll send an invite to the site visit next Friday", DAY)[0] is None
    # By when the invitation goes out still counts.
    assert resolve_due_date("jeg sender indkaldelsen til workshoppen senest fredag", DAY)[
        0
    ] == dt.date(2026, 10, 9)


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


def test_a_date_that_says_when_a_meeting_is_held_is_not_a_deadline() -> None:
    for said in (
        "Ledermødet er på torsdag, så jeg giver dig besked bagefter.",
        "The steering meeting is on Thursday, and I'll write to you afterwards.",
    ):
        assert resolve_due_date(said, DAY)[0] is None, said
    # The meeting as the deadline: "before they meet on the 27th".
    assert resolve_due_date("Jeg sender den, før de mødes den 27.", DAY)[0] == dt.date(2026, 10, 27)


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


def test_sending_a_date_by_a_deadline_is_dated_but_a_date_to_meet_is_not() -> None:
    assert resolve_due_date("Jeg sender dig en dato før jul.", DAY)[0] == dt.date(2026, 12, 24)
    assert resolve_due_date("I'll send you a date by Friday.", DAY)[0] == dt.date(2026, 10, 9)
    # "find a time next Thursday": when the meeting is, not by when.
    assert resolve_due_date("Let's find a time on Thursday.", DAY)[0] is None


# ---- two days offered as a choice: the later is the deadline -------------------------------


def test_of_two_days_offered_the_later_is_the_deadline_in_both_languages() -> None:
    for text, due in (
        ("I'll send the floor plan Wednesday or Thursday.", "2026-10-08"),
        ("I'll ring the landlord today or tomorrow.", "2026-10-07"),
        ("Jeg sender plantegningen onsdag eller torsdag.", "2026-10-08"),
        ("Jeg ringer til udlejeren i dag eller i morgen.", "2026-10-07"),
        ("Jeg har den klar i morgen eller i overmorgen.", "2026-10-08"),
        ("You'll get it Friday or Monday at the latest.", "2026-10-12"),
    ):
        assert resolve_due_date(text, DAY, weeks=False)[0] == dt.date.fromisoformat(due), text


def test_a_day_or_a_week_without_a_day_has_no_deadline() -> None:
    for text in ("I'll send it Friday or next week.", "Jeg sender den fredag eller i næste uge."):
        said = find_deadline(text, DAY, weeks=False)
        assert said is not None and said.date is None, text


def test_an_item_promised_for_one_of_two_days_is_due_on_the_later() -> None:
    for turns, language in (
        ([("ana", "Jeg ringer til udlejeren i morgen eller i overmorgen.")], "da"),
        ([("ana", "I'll call the landlord tomorrow or the day after tomorrow.")], "en"),
    ):
        assert summary(items_of(turns, language=language)) == [("ana", "2026-10-08")], turns


def test_a_day_taken_back_for_a_reason_gives_the_last_day_said() -> None:
    for text, due in (
        (
            "Du får den på fredag, nej vent, jeg er på ferie fredag, du får den torsdag.",
            "2026-10-08",
        ),
        ("You'll get it Friday, no wait, I'm away Friday, you'll get it Thursday.", "2026-10-08"),
    ):
        assert resolve_due_date(text, DAY, weeks=False)[0] == dt.date.fromisoformat(due), text


def test_a_date_in_a_clause_of_result_is_not_the_deadline() -> None:
    for text in (
        "Så opdaterer jeg priserne i aften, så kataloget virker i morgen.",
        "I'll update the prices tonight so the catalogue works tomorrow.",
    ):
        items = items_of([("ana", text)], language="da" if "Så" in text else "en")
        assert summary(items) == [("ana", "2026-10-06")], text


def test_right_afterwards_is_today() -> None:
    items = items_of([("ana", "Det undersøger jeg lige bagefter.")], language="da")
    assert summary(items) == [("ana", "2026-10-06")]


# ---- of two dates in one promise: the deadline, not a reason or a period ---------------------


def test_a_deadline_beats_a_period_and_a_reason_in_the_same_promise() -> None:
    for text, language, due in (
        ("I'll ring the supplier this week and get back to Eva by Thursday.", "en", "2026-10-08"),
        (
            "Jeg ringer til leverandøren i denne uge og vender tilbage senest torsdag.",
            "da",
            "2026-10-08",
        ),
        (
            "Vi skal alle have lukket de gamle sager inden torsdag, fordi revisor kommer mandag.",
            "da",
            "2026-10-08",
        ),
        (
            "We all need to close our old tickets by Thursday, because the audit starts Monday.",
            "en",
            "2026-10-08",
        ),
        (
            "Jeg tager det op med bestyrelsen i dag og giver dig svar inden den 20. oktober.",
            "da",
            "2026-10-20",
        ),
        (
            "I'll raise it with the board today and give you an answer by the 20th.",
            "en",
            "2026-10-20",
        ),
    ):
        items = items_of([("ben", text)], language=language)
        assert [i.due.isoformat() if i.due else None for i in items] == [due], (text, items)


# ---- the day a meeting is booked for is when it is held, not a deadline -----------------------


def test_a_meeting_booked_on_a_day_has_no_due_date() -> None:
    for text, language in (
        ("Jeg booker et opfølgende møde torsdag eftermiddag.", "da"),
        ("I'll book a follow-up call Thursday afternoon.", "en"),
    ):
        assert summary(items_of([("bo", text)], language=language)) == [("bo", None)], text
    assert summary(items_of([("bo", "I'll book the hotel rooms Thursday.")])) == [
        ("bo", "2026-10-08")
    ]


# ---- a thank-you at the close names the meeting, not a deadline ----------------------------


def test_thanks_for_today_is_no_date() -> None:
    for text in ("det var alt tak for i dag", "Thanks for today, all.", "Tak for i dag."):
        assert find_deadline(text, DAY, weeks=False) is None, text
    assert find_deadline("Thanks, I'll send it today.", DAY, weeks=False) is not None


def test_a_promise_before_the_goodbye_stays_undated() -> None:
    items = items_of(
        [
            ("ana", "Hvem tager sig af faktureringen?"),
            ("ben", "jeg tager en snak med bogholderiet om hvordan de vil have den"),
            ("ana", "godt det var alt tak for i dag"),
        ],
        people={"ana": None, "ben": None},
        language="da",
    )
    assert summary(items) == [("ben", None)], items


# ---- the day of an invitation put in the calendar is the event's ----------------------------


def test_an_invitation_put_in_the_calendar_for_a_day_has_no_due_date() -> None:
    for turns, language in (
        (
            [
                ("cy", "Vi vil gerne se det igen."),
                ("ana", "Godt. Jeg sender en invitation i kalenderen til torsdag i næste uge."),
            ],
            "da",
        ),
        ([("ana", "I will put an invite in the calendar for Thursday.")], "en"),
    ):
        assert summary(items_of(turns, people=SIDES, language=language)) == [("ana", None)]
    # sent by a day: that day is the deadline
    items = items_of([("ana", "I will send the invite out by Thursday.")], people=SIDES)
    assert summary(items) == [("ana", "2026-10-08")]


# DAY is a Tuesday (2026-10-06): Wednesday the 7th, Thursday the 8th, Friday the 9th.

# ---- hours of the day, ordinal days, negated dates -------------------------------------------


def test_hours_of_the_meeting_day_are_deadlines_today() -> None:
    for phrase in (
        "I'll ping the vendor after lunch",
        "Jeg ringer til revisoren efter frokost",
        "Jeg lægger filen op inden klokken fire",
        "Jeg lægger filen op inden kl. 15",
        "I'll have the numbers in by 4 pm",
        "We'll sign it before lunch",
    ):
        due, rest = resolve_due_date(phrase, DAY)
        assert due == DAY, phrase
        assert "lunch" not in rest and "frokost" not in rest and "klokken" not in rest


def test_an_ordinal_day_after_a_preposition_is_that_day_of_the_month() -> None:
    assert resolve_due_date("could you get us the logs by the ninth", DAY)[0] == dt.date(
        2026, 10, 9
    )
    assert resolve_due_date("BEFORE THE THIRD", DAY)[0] == dt.date(2026, 11, 3)
    # Without a preposition an ordinal is not a date: "the fifth clinic".
    assert resolve_due_date("the fifth clinic opens soon", DAY)[0] is None


def test_a_negated_date_is_no_deadline() -> None:
    assert find_deadline("Gerne, men ikke på fredag, der er jeg på kursus.", DAY) is None
    assert find_deadline("Fine, just not on Thursday.", DAY) is None
    assert resolve_due_date("men ikke før mandag", DAY)[0] is None
    items = items_of(
        [
            ("ana", "Ben, kan du rette fakturaerne fra september?"),
            ("ben", "Ja, det kan jeg godt. Bare ikke på torsdag, der holder jeg fri."),
        ],
        people={"ana": None, "ben": None, "cy": None},
        language="da",
    )
    assert summary(items) == [("ben", None)]


# ---- a date that says when a meeting is held ----------------------------------------------


def test_the_time_found_for_a_meeting_is_no_deadline() -> None:
    items = items_of(
        [("ana", "Jeg finder en tid med revisoren i næste uge og sender en indkaldelse.")],
        language="da",
    )
    assert summary(items) == [("ana", None)]
    items = items_of([("ana", "I'll find a slot on Thursday and send the invite round.")])
    assert summary(items) == [("ana", None)]
    items = items_of(
        [("ana", "Jeg booker et lokale til workshoppen, skal vi sige fredag formiddag?")],
        language="da",
    )
    assert summary(items) == [("ana", None)]
    # By when the invitation goes out is still a deadline.
    items = items_of([("ana", "I'll send the invitation for the workshop tomorrow.")])
    assert summary(items) == [("ana", "2026-10-07")]


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
        items = items_of(turns, people=FOUR_WITH_SIDES, language=language)
        assert summary(items) == [("ana", due), ("ana", due)], turns


def test_work_sent_together_with_an_undated_thing_stays_undated() -> None:
    items = items_of(
        [("ana", "I'll send the agreement together with the invoice."), ("cy", "Thanks.")],
        people=FOUR_WITH_SIDES,
    )
    assert summary(items) == [("ana", None)]


# ---- the other side's deadline for work just taken on ---------------------------------------


def test_the_deadline_the_other_side_sets_after_the_work_is_taken_on() -> None:
    for turns, language in (
        (
            [
                ("ana", "I'll take the customer list, that's no problem."),
                ("bo", "Thanks. It has to be with the auditor by the 15th."),
            ],
            "en",
        ),
        (
            [
                ("ana", "Jeg tager kundelisten, det er ikke noget problem."),
                ("bo", "Tak. Den skal være hos revisoren inden den 15."),
            ],
            "da",
        ),
    ):
        assert summary(rule_items(turns, language=language)) == [("ana", "2026-10-15")], turns


def test_a_yes_that_says_no_problem_or_we_takes_the_day_asked() -> None:
    for turns, language, owner in (
        (
            [
                ("ana", "Bo, du laver en oversigt over de åbne sager, og hvad vi har gjort siden."),
                ("ana", "Jeg vil have den før fredag, så jeg kan tage den med til styregruppen."),
                ("bo", "Det klarer jeg, det er ikke noget problem."),
            ],
            "da",
            "bo",
        ),
        (
            [
                ("ana", "Jeg sender jer den nye prisliste."),
                ("bo", "Vi skal have den inden fredag, for så holder vi budgetmøde."),
                ("ana", "Det når vi fint."),
            ],
            "da",
            "ana",
        ),
        (
            [
                ("ana", "We sent you the insurance papers last month."),
                ("bo", "We need the signed forms as well. By Friday, if possible."),
                ("ana", "Sure, that's fine. I'll get that sorted."),
            ],
            "en",
            "ana",
        ),
    ):
        assert summary(rule_items(turns, language=language)) == [(owner, "2026-10-09")], turns


# ---- the owner's day said as the work handed over ------------------------------------------


def test_the_owners_day_said_as_the_work_handed_over_dates_it() -> None:
    for turns, language, expected in (
        (
            [
                ("ana", "Skal jeg lave et tilbud med to modeller?"),
                ("bo", "Ja tak, gør det."),
                ("ana", "Så er den på mig, tilbuddet ligger i din indbakke i morgen."),
            ],
            "da",
            [("ana", "2026-10-07")],
        ),
        (
            [
                ("ana", "Bo, du hjælper mig med budgettet, ikke?"),
                ("bo", "Jo, selvfølgelig. Det kigger vi på sammen på torsdag."),
            ],
            "da",
            [("bo", "2026-10-08")],
        ),
        (
            [
                ("ana", "Bo, kan du lave en testopsætning med vores egne data?"),
                ("bo", "Ja. Hvis Ana sender filen, så har jeg den klar til jer på torsdag."),
            ],
            "da",
            [("bo", "2026-10-08")],
        ),
        (
            [
                ("ana", "Bo, could you brief the night shift on the new scanners?"),
                ("bo", "I will brief them. I'm in all week, it will be done by Thursday."),
            ],
            "en",
            [("bo", "2026-10-08")],
        ),
        (
            [
                ("ana", "De mangler en reference fra en anden kunde. Det kigger jeg på."),
                ("bo", "Kan du skaffe dem en i denne uge?"),
                ("ana", "Ja, det klarer jeg. Den har de inden weekenden."),
            ],
            "da",
            [("ana", "2026-10-09")],
        ),
    ):
        assert summary(rule_items(turns, language=language)) == expected, turns


def test_a_pronoun_answer_to_a_new_question_does_not_date_the_promise_before() -> None:
    turns = [
        ("ana", "Jeg orienterer selv bestyrelsen om status."),
        ("bo", "Skal vi lægge et ekstra møde ind i januar?"),
        ("ana", "Det tager vi stilling til den 15., når vi ved mere."),
    ]
    assert summary(rule_items(turns, language="da")) == [("ana", None)], turns


# ---- another day asked for the work, taken "then" ------------------------------------------


def test_another_day_asked_for_the_work_and_taken_then_is_the_deadline() -> None:
    for turns, language in (
        (
            [
                ("ana", "Jeg sender kontrakten på torsdag."),
                ("bo", "Torsdag er ikke godt for os. Kan det ikke blive onsdag?"),
                ("ana", "Jo. Så bliver det onsdag."),
            ],
            "da",
        ),
        (
            [
                ("ana", "I'll send the contract on Friday."),
                ("bo", "Could you send it tomorrow instead? They decide on Friday morning."),
                ("ana", "Sure, tomorrow then."),
            ],
            "en",
        ),
    ):
        assert summary(rule_items(turns, language=language)) == [("ana", "2026-10-07")], turns


def test_a_meetings_day_asked_and_taken_does_not_date_the_work() -> None:
    turns = [
        ("ana", "Jeg sender kontrakten på fredag."),
        ("bo", "Skal vi aftale et nyt møde den 19.?"),
        ("ana", "Ja, så den 19."),
    ]
    assert summary(rule_items(turns, language="da")) == [("ana", "2026-10-09")], turns
