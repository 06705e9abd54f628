"""Kinds of action-item failure found on the tenth and eleventh tuning sets
(tests/data/intelligence-j, -k), fixed as general rules. Every sentence here is new: none is
taken from any labelled set."""

from __future__ import annotations

from assistant.transcript import Side
from tests.assistant.test_understanding import items_of, summary

# DAY is a Tuesday (2026-10-06): Wednesday the 7th, Thursday the 8th, Friday the 9th.

# ---- a request turned down, or only noted, is no task --------------------------------------


def test_a_request_the_addressee_cannot_fit_in_is_no_task_in_both_languages() -> None:
    for turns, language in (
        (
            [
                ("ana", "Ben, kan du rydde op i de gamle leads?"),
                ("ben", "Det kan jeg ikke nå i denne uge, jeg sidder med budgettet."),
            ],
            "da",
        ),
        (
            [
                ("ana", "Ben, could you tidy up the old leads?"),
                ("ben", "I can't fit that in this week, I'm on the budget."),
            ],
            "en",
        ),
        (
            [
                ("ana", "Would you think about a discount for the second site?"),
                ("ben", "I'd rather not promise that on this call."),
            ],
            "en",
        ),
        (
            [
                ("ana", "The bulk import is planned, but not dated yet."),
                ("ben", "Could you tell us when it is dated?"),
                ("ana", "I'll keep it in mind."),
            ],
            "en",
        ),
    ):
        assert items_of(turns, language=language) == [], turns


def test_a_no_to_the_day_still_leaves_the_task() -> None:
    items = items_of(
        [("ana", "Kan du sende lønfilen?"), ("ben", "Nej, ikke før fredag.")], language="da"
    )
    assert [item.owner for item in items] == ["ben"]


# ---- an offer turned down is no task, even when it answers a question ------------------------


def test_an_offer_to_redo_past_work_that_is_turned_down_is_no_task() -> None:
    for turns, language in (
        (
            [
                ("ana", "Bo lavede vist også en opgørelse over forbruget sidste år, ikke?"),
                ("bo", "Jo. Jeg kan godt lave den igen, hvis I vil."),
                ("ana", "Nej, det behøver du ikke."),
            ],
            "da",
        ),
        (
            [
                ("ana", "Bo put together a usage summary last spring, didn't he?"),
                ("bo", "Yes. I can put one together again if you like."),
                ("ana", "No, there's no need."),
            ],
            "en",
        ),
    ):
        assert items_of(turns, language=language) == [], turns


# ---- a suggestion is made as it is said ------------------------------------------------------


def test_a_suggestion_is_no_task_for_the_one_who_makes_it() -> None:
    for turns, language in (
        (
            [("ana", "Så vil jeg foreslå, at I lukker de gamle konti, før vi flytter data.")],
            "da",
        ),
        ([("ana", "Skal vi mødes igen?"), ("ben", "Jeg foreslår mandag klokken elleve.")], "da"),
        ([("ana", "Shall we meet again?"), ("ben", "I'd suggest Monday at eleven.")], "en"),
    ):
        assert items_of(turns, language=language) == [], turns
    items = items_of(
        [("ana", "Shall we meet again?"), ("ben", "I'd suggest Monday. I'll send the invite.")]
    )
    assert summary(items) == [("ben", None)]


# ---- a day taken back: the one said instead stands ------------------------------------------


def test_a_day_taken_back_in_the_next_sentence_gives_way_to_the_new_one() -> None:
    for turns, language, due in (
        (
            [
                ("ben", "Og så laver jeg en tidsplan til jer."),
                ("ana", "Hvornår?"),
                ("ben", "Øh, på onsdag. Nej, fredag. Jeg skal lige have styr på ressourcerne."),
            ],
            "da",
            "2026-10-09",
        ),
        (
            [
                ("ben", "I'll put together a load-time report."),
                ("ana", "When?"),
                ("ben", "Thursday. Sorry, Friday, I'm out Thursday."),
            ],
            "en",
            "2026-10-09",
        ),
        (
            [
                (
                    "ben",
                    "Jeg sender dig opgørelsen på torsdag. Nej, vent, jeg er på kursus torsdag,"
                    " så det bliver fredag.",
                ),
            ],
            "da",
            "2026-10-09",
        ),
        (
            [
                (
                    "ben",
                    "I'll send you the timeline on Wednesday. No, wait, I'm at a conference"
                    " Wednesday, so it'll be Thursday.",
                ),
            ],
            "en",
            "2026-10-08",
        ),
    ):
        items = items_of(turns, language=language)
        assert [(i.owner, i.due.isoformat() if i.due else None) for i in items][:1] == [
            ("ben", due)
        ], (turns, items)


def test_a_day_kept_after_no_is_not_a_correction() -> None:
    items = items_of([("ben", "I'll send you the timeline on Thursday, no problem.")])
    assert summary(items) == [("ben", "2026-10-08")]


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


# ---- done in the meeting, or done already: no task -------------------------------------------


def test_work_shown_or_handed_over_in_the_meeting_is_no_task() -> None:
    for turns, language in (
        (
            [
                ("ana", "Må jeg se, hvordan man deler en vagt?"),
                ("ben", "Ja, se her. Jeg trækker den over på den anden medarbejder."),
            ],
            "da",
        ),
        (
            [
                ("ana", "Can I see how a shift is split?"),
                ("ben", "Sure, look here. I'll drag it across to the other technician."),
            ],
            "en",
        ),
        ([("ana", "Jeg skal i øvrigt løbe nu, der kommer en vareleverance.")], "da"),
        ([("ana", "I also have to run now, a courier is at the door.")], "en"),
    ):
        assert items_of(turns, language=language) == [], turns


def test_a_file_asked_for_and_put_in_the_chat_at_once_is_no_task() -> None:
    for turns, language in (
        (
            [
                ("ana", "Ben, can you correct the addresses?"),
                ("ben", "Yes. Send me the spreadsheet."),
                ("ana", "Putting it in the chat now."),
            ],
            "en",
        ),
        (
            [
                ("ana", "Ben, kan du rette adresserne?"),
                ("ben", "Ja. Send mig regnearket."),
                ("ana", "Jeg lægger det i chatten nu."),
            ],
            "da",
        ),
    ):
        assert [item.owner for item in items_of(turns, language=language)] == ["ben"], turns


def test_a_reminder_answered_with_already_done_is_no_task() -> None:
    for turns, language in (
        (
            [
                ("ana", "OG BO HUSK AT ARKIVERE DEN I SYSTEMET"),
                ("bo", "DET HAR JEG ALLEREDE GJORT"),
            ],
            "da",
        ),
        (
            [("ana", "Og Bo, husk at arkivere sagen."), ("bo", "Den er allerede arkiveret.")],
            "da",
        ),
        (
            [("ana", "And Bo, remember to archive the case."), ("bo", "I've already done that.")],
            "en",
        ),
    ):
        assert items_of(turns, language=language) == [], turns


# ---- a chair hands on what someone else turned down -------------------------------------------


def test_a_request_turned_down_and_handed_to_someone_else_is_theirs() -> None:
    for turns, language in (
        (
            [
                ("eva", "Daniel, kan du tage dig af bageriet?"),
                ("daniel", "Nej, jeg er booket op."),
                ("eva", "Amira, så er den din."),
                ("amira", "Fint, jeg tager den."),
            ],
            "da",
        ),
        (
            [
                ("eva", "Daniel, can you take the bakery lead?"),
                ("daniel", "Sorry, I'm full until January."),
                ("eva", "Amira, then it's yours."),
                ("amira", "Fine, I'll take it."),
            ],
            "en",
        ),
    ):
        items = items_of(turns, language=language)
        assert summary(items) == [("amira", None)], (turns, items)
        assert "Amira" in items[0].quote


def test_a_pronoun_that_is_yours_to_decide_hands_nothing_on() -> None:
    turns = [
        ("eva", "Which layout do you prefer, Amira?"),
        ("amira", "The second one."),
        ("eva", "Amira, it's yours to decide."),
    ]
    assert items_of(turns) == []


# ---- a reply that carries the commitment by a pronoun ----------------------------------------


def test_a_yes_by_pronoun_takes_the_request_on() -> None:
    items = items_of(
        [
            ("ana", "Kan du sende mig en oversigt over licenserne?"),
            ("bo", "Den kan jeg godt finde. Du får den på torsdag."),
        ],
        language="da",
    )
    assert summary(items) == [("bo", "2026-10-08")]
    refused = items_of(
        [
            ("ana", "Kan du sende mig en oversigt over licenserne?"),
            ("bo", "Den kan jeg desværre ikke dele."),
        ],
        language="da",
    )
    assert refused == []


def test_you_get_it_on_a_day_hands_over_what_the_other_side_needs() -> None:
    items = items_of(
        [
            ("ana", "Hvis du sender mig et udtræk af lagerlisten, så ser jeg på den bagefter."),
            ("bo", "Det kan jeg godt lave. Du får det i morgen."),
        ],
        language="da",
    )
    assert ("bo", "2026-10-07") in summary(items), items


def test_an_order_by_name_with_any_verb_of_work_is_a_request() -> None:
    items = items_of(
        [
            ("eva", "Jonas, saml tallene fra de tre afdelinger."),
            ("jonas", "Det gør jeg. Inden fredag."),
        ],
        language="da",
    )
    assert summary(items) == [("jonas", "2026-10-09")]
    items = items_of(
        [
            ("eva", "Jonas, pull together the figures from the three branches."),
            ("jonas", "Will do. Before Friday."),
        ]
    )
    assert summary(items) == [("jonas", "2026-10-09")]


# ---- the dated promise after a yes is the request's date, not a second task -----------------


def test_a_dated_promise_right_after_a_yes_dates_the_request() -> None:
    items = items_of(
        [
            ("ana", "Ben, could you set up a call between Mia and their fleet manager?"),
            (
                "ben",
                "Yes, I'll arrange that. I'll email their fleet manager today with some dates.",
            ),
            ("mia", "That would help."),
        ]
    )
    assert summary(items) == [("ben", "2026-10-06")]


def test_a_later_dated_promise_by_pronoun_dates_the_request_it_takes_on() -> None:
    items = items_of(
        [
            ("ana", "Ben, can you merge the duplicate customers?"),
            ("ben", "Yeah. Send me the export."),
            ("ana", "Putting it in the chat now."),
            ("ben", "Got it. I'll have them merged by Thursday."),
        ]
    )
    assert summary(items) == [("ben", "2026-10-08")]


def test_a_day_promised_against_the_others_deadline_dates_the_own_promise() -> None:
    for turns, language in (
        (
            [
                ("ben", "Jeg laver et tilbud på alle tre værksteder."),
                ("ana", "Gerne, men jeg skal bruge det inden den 20. oktober."),
                ("ben", "Det kan jeg godt nå. Du har det på fredag."),
            ],
            "da",
        ),
        (
            [
                ("ben", "I'll put together a quote for all three workshops."),
                ("ana", "Great, but I need it by the 20th."),
                ("ben", "I can make that. You'll have it on Friday."),
            ],
            "en",
        ),
    ):
        items = items_of(turns, language=language)
        assert summary(items) == [("ben", "2026-10-09")], (turns, items)


# ---- obligations in Danish: "jeg skal orientere …", "vi skal træffe …" ------------------------


def test_a_danish_obligation_about_this_matter_is_a_task() -> None:
    people: dict[str, Side | None] = {"ana": "internal", "bo": "external"}
    items = items_of(
        [("bo", "Jeg skal orientere vores ejerkreds om det her."), ("ana", "Fint.")],
        language="da",
        people=people,
    )
    assert summary(items) == [("bo", None)]
    items = items_of(
        [("bo", "Vi skal træffe et valg inden den 23. oktober."), ("ana", "Forstået.")],
        language="da",
        people=people,
    )
    assert summary(items) == [("team:external", "2026-10-23")]


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


def test_a_promise_only_once_something_open_is_settled_is_no_task() -> None:
    for turns, language in (
        (
            [
                ("bo", "Den skriver jeg, men først når vi ved, om I skifter leverandør."),
                ("ana", "Det finder vi ud af."),
            ],
            "da",
        ),
        (
            [
                ("bo", "I'll write it, but only once we know whether you switch suppliers."),
                ("ana", "We'll see."),
            ],
            "en",
        ),
    ):
        assert items_of(turns, language=language) == [], turns


# ---- a plain present progressive with a near day is a promise --------------------------------


def test_a_present_progressive_with_a_near_day_is_a_promise() -> None:
    items = items_of(
        [
            ("ana", "So the bug is on your side?"),
            ("bo", "Yes. I'm rolling out a patch tonight, once the shops have closed."),
        ]
    )
    assert summary(items) == [("bo", "2026-10-06")]
    assert items[0].text.startswith("Roll out a patch")
    assert summary(items_of([("bo", "I'm calling the landlord tomorrow.")])) == [
        ("bo", "2026-10-07")
    ]
    for text in ("I'm flying to Oslo tomorrow.", "I'm feeling much better today."):
        assert items_of([("bo", text)]) == [], text


def test_an_offer_made_if_wanted_and_taken_up_is_a_promise() -> None:
    items = items_of(
        [
            ("ben", "Jeg kan godt trække tallene fra sidste sæson, hvis det er."),
            ("ana", "Ja tak, gør det. Helst inden torsdag."),
            ("ben", "Det gør jeg."),
        ],
        language="da",
    )
    assert summary(items) == [("ben", "2026-10-08")]
    declined = items_of(
        [("ben", "Jeg kan godt sende den igen, hvis det er nødvendigt."), ("ana", "Nej tak.")],
        language="da",
    )
    assert declined == []
