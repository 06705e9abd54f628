"""Kinds of action-item failure found on the fourth tuning set (tests/data/intelligence-d,
written from a brief by someone who never saw the rules), fixed as general rules. Every
sentence here is new: none is taken from any labelled set."""

from __future__ import annotations

import datetime as dt

from assistant.intelligence.dates import find_deadline, resolve_due_date
from tests.assistant.test_understanding import DAY, items_of, summary

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


# ---- not items: leaving, taking over, habits, negations, the agenda, showing, offers ----------


def test_leaving_or_handing_over_the_meeting_is_no_task() -> None:
    turns = [
        ("ana", "Jeg må desværre smutte nu, Cy tager resten."),
        ("ben", "Jeg skal videre til et andet møde om fem minutter."),
        ("cy", "I unfortunately have to go now, Dan will take it from here."),
    ]
    people = {"ana": None, "ben": None, "cy": None, "dan": None}
    assert items_of(turns, people=people) == []


def test_a_habit_or_many_of_something_is_no_promise() -> None:
    turns = [
        ("ana", "Jeg skriver nok på engelsk en gang imellem, det er en vane."),
        ("ben", "Jeg ringer mange kunder op, men kun få tager telefonen."),
        ("ana", "ja altså jeg skriver til mange af dem men de svarer ikke"),
        ("cy", "I'll forward some of them from time to time."),
    ]
    assert items_of(turns, language=None) == []


def test_a_negated_fronted_sentence_is_no_promise() -> None:
    assert items_of([("ana", "Det kan jeg altså ikke svare på.")], language="da") == []
    assert items_of([("ana", "Den kan jeg desværre ikke finde.")], language="da") == []


def test_the_agenda_read_out_is_no_task() -> None:
    turns = [
        ("ana", "Welcome. I'll take us through the agenda: usage, renewal, then questions."),
        ("ben", "Sounds good."),
        ("ana", "Jeg tænkte, vi starter med jeres tal, og så kan Cy fortælle om vores nye app."),
    ]
    people = {"ana": None, "ben": None, "cy": None}
    assert items_of(turns, people=people, language=None) == []
    # With a date, the agenda is work after all.
    dated = items_of([("ana", "Hi both. I'll send the agenda to your CFO tomorrow.")])
    assert summary(dated) == [("ana", "2026-10-07")]


def test_what_is_shown_on_screen_is_no_request() -> None:
    turns = [("ana", "Her kan I se antallet af sager per uge."), ("ben", "Ja, flot.")]
    assert items_of(turns, people={"ana": None, "ben": None, "cy": None}, language="da") == []
    # Looking into something is work.
    asked = items_of(
        [("ana", "Kan du se på rabatten inden torsdag?"), ("ben", "Ja, det gør jeg.")],
        people={"ana": None, "ben": None, "cy": None},
        language="da",
    )
    assert summary(asked) == [("ben", "2026-10-08")]


def test_an_offer_on_behalf_of_a_colleague_needs_a_yes() -> None:
    people = {"ana": None, "ben": None, "cy": None}
    declined = [
        ("ana", "Hvis I vil, kan Cy også lave en oversigt over jeres forbrug."),
        ("ben", "Den har vi allerede selv, så det er ikke nødvendigt."),
    ]
    assert items_of(declined, people=people, language="da") == []
    taken = [
        ("ana", "Cy kan lave en oversigt over jeres forbrug."),
        ("ben", "Ja tak, gerne."),
    ]
    assert summary(items_of(taken, people=people, language="da")) == [("cy", None)]


# ---- items found: a promise with a pronoun object, "just that…", "ask X if…", a wish ----------


def test_a_present_tense_with_a_pronoun_object_and_a_date_is_a_promise() -> None:
    items = items_of([("ana", "Den er klar, og jeg sender den ud i nat til alle butikkerne.")])
    assert summary(items) == [("ana", "2026-10-06")]
    assert items_of([("ana", "Jeg håber det.")], language="da") == []


def test_just_that_opens_a_promise_not_a_clause() -> None:
    items = items_of(
        [
            ("ben", "Anything else from you?"),
            ("ana", "Only that I'll share the recording with the team tomorrow."),
        ]
    )
    assert summary(items) == [("ana", "2026-10-07")]


def test_ask_someone_if_is_work_not_a_condition() -> None:
    items = items_of([("ana", "I'll ask our partner in Malmö if they would host the workshop.")])
    assert summary(items) == [("ana", None)]
    assert items[0].text.startswith("Ask our partner in Malmö")


def test_a_wish_that_someone_does_the_work_is_a_request() -> None:
    items = items_of(
        [
            ("ana", "Jeg vil gerne have, at du skriver en kort status til kunden."),
            ("ben", "Ja, det gør jeg."),
        ],
        language="da",
    )
    assert summary(items) == [("ben", None)]


# ---- a question for the date, and its answer ---------------------------------------------------


def test_the_answer_to_when_dates_the_promise() -> None:
    people = {"ana": None, "ben": None, "cy": None}
    items = items_of(
        [
            ("ana", "Jeg beder vores tekniker om at sende jer loggen."),
            ("ben", "Godt. Hvornår tror du, vi har den?"),
            ("ana", "Senest på onsdag, det lover jeg."),
        ],
        people=people,
        language="da",
    )
    assert summary(items) == [("ana", "2026-10-07")]


def test_an_if_clause_in_the_answer_to_when_is_not_the_deadline() -> None:
    people = {"ana": None, "ben": None, "cy": None}
    items = items_of(
        [
            ("ana", "Når jeg har adgangen, sætter jeg lageret op og tester det."),
            ("ben", "Hvornår tror du, det kører?"),
            ("ana", "Hvis jeg får login i morgen, så kører det på fredag."),
        ],
        people=people,
        language="da",
    )
    assert summary(items) == [("ana", "2026-10-09")]


def test_asking_when_is_no_task_and_the_askers_answer_dates_the_request() -> None:
    people = {"ana": None, "ben": None, "cy": None}
    items = items_of(
        [
            ("ana", "Jeg vil gerne have, at du laver en plan for udrulningen."),
            ("ben", "Ja, det kan jeg godt. Hvornår skal du bruge den?"),
            ("ana", "Inden fredag, hvis det kan nås."),
        ],
        people=people,
        language="da",
    )
    assert summary(items) == [("ben", "2026-10-09")]
    ami = items_of([("ana", "OKAY MM WHEN CAN I HAVE IT")], people=people, language="en")
    assert ami == []


# ---- Danish: asking someone, getting someone to, a wish taken on, a recap ----------------------


def test_hoere_someone_is_asking_them() -> None:
    items = items_of(
        [("ana", "Det er muligt, men jeg skal lige høre vores indkøbschef.")], language="da"
    )
    assert summary(items) == [("ana", None)]
    assert items[0].text == "Spørg vores indkøbschef"


def test_have_someone_til_at_is_getting_them_to_do_it() -> None:
    items = items_of(
        [("ana", "Jeg skal lige have revisoren til at godkende tallene.")], language="da"
    )
    assert [item.text for item in items] == ["Få revisoren til at godkende tallene"]
    # A need is still no work.
    assert items_of([("ana", "Jeg skal bare have jeres underskrift.")], language="da") == []


def test_a_wish_taken_on_with_its_verb_is_a_task() -> None:
    items = items_of(
        [
            ("ben", "Jeg vil gerne se en oversigt over besparelsen, før vi beslutter os."),
            ("ana", "Det er rimeligt. Den laver jeg. Du får den inden den 14. oktober."),
        ],
        language="da",
    )
    assert summary(items) == [("ana", "2026-10-14")]
    assert items[0].text == "Lav en oversigt over besparelsen"
    assert items[0].quote.endswith("Du får den inden den 14. oktober.")
    upper = items_of(
        [
            ("ben", "OG SÅ VIL JEG HAVE EN SKRIFTLIG FORKLARING PÅ FEJLEN"),
            ("ana", "JA DEN SKRIVER JEG"),
            ("ben", "HVORNÅR KAN JEG FÅ DEN"),
            ("ana", "ØH DEN HAR DU SENEST FREDAG"),
        ],
        language="da",
    )
    assert summary(upper) == [("ana", "2026-10-09")]


def test_tasks_repeated_after_a_wrap_up_sentence_are_not_new() -> None:
    people = {"ana": None, "ben": None, "cy": None}
    items = items_of(
        [
            ("ana", "Kan du ringe til leverandøren i morgen?"),
            ("ben", "Ja, det gør jeg."),
            ("ana", "Og jeg sender referatet på fredag."),
            (
                "ana",
                "Så lad os lige runde af. Du ringer til leverandøren, og jeg skriver referatet.",
            ),
        ],
        people=people,
        language="da",
    )
    assert summary(items) == [("ben", "2026-10-07"), ("ana", "2026-10-09")]


def test_the_answer_to_what_happens_if_is_no_task() -> None:
    items = items_of(
        [
            ("ben", "Hvad sker der, hvis vi åbner en butik mere?"),
            ("ana", "Så tilføjer vi bare en licens, det koster det samme."),
        ],
        language="da",
    )
    assert items == []


def test_a_promise_on_the_other_sides_condition_counts_once_they_agree() -> None:
    agreed = items_of(
        [
            ("ana", "Hvis du sender skabelonerne, lægger jeg dem ind i systemet for jer."),
            ("ben", "Ja, så gør vi det."),
        ],
        language="da",
    )
    assert summary(agreed) == [("ana", None)]
    assert agreed[0].text == "Læg dem ind i systemet for jer"
    refused = items_of(
        [
            ("ana", "If you send me the logo, I'll put it on the landing page."),
            ("ben", "No, we'd rather keep the old page for now."),
        ]
    )
    assert refused == []


# ---- groups, chairs and obligations ------------------------------------------------------------


def test_a_request_to_two_named_colleagues_stays_theirs_together() -> None:
    people = {"ana": "external", "ben": "external", "cy": "external", "dan": "internal"}
    items = items_of(
        [
            ("ana", "Ben og Cy, kan I to tjekke fakturaerne inden den 15.?"),
            ("ben", "Ja."),
            ("cy", "Ja, det kan jeg godt nå."),
        ],
        people=people,
        language="da",
    )
    assert summary(items) == [("team:external", "2026-10-15")]
    assert items[0].text == "Tjek fakturaerne"


def test_a_chair_hands_over_work_just_said_by_pronoun() -> None:
    people = {"ana": "internal", "ben": "internal", "cy": "internal"}
    items = items_of(
        [
            ("ana", "de sidste to kontrakter skal være fornyet inden fredag ben den tager du"),
            ("ben", "ja det når jeg"),
        ],
        people=people,
        language="da",
    )
    assert summary(items) == [("ben", "2026-10-09")]


def test_a_state_to_reach_by_a_date_is_the_teams_task() -> None:
    people = {"ana": "internal", "ben": "internal"}
    danish = items_of(
        [("ana", "Og alle sammen, tilbuddene skal være sendt inden fredag, ellers mister vi dem.")],
        people=people,
        language="da",
    )
    assert summary(danish) == [("team:internal", "2026-10-09")]
    english = items_of(
        [("ana", "Everyone, the forecast needs to be updated by Monday.")], people=people
    )
    assert summary(english) == [("team:internal", "2026-10-12")]
    # Without a date it says how things must be.
    assert items_of([("ana", "Prisen skal være låst i tre år.")], language="da") == []


def test_plural_i_skal_in_an_upper_case_transcript_is_a_request() -> None:
    people = {"ana": "external", "ben": "internal", "cy": "external"}
    items = items_of(
        [
            ("ana", "SKAL VI GØRE NOGET PÅ VORES SIDE"),
            ("ben", "ØHM I SKAL SLUKKE ROUTEREN I AFTEN FØR I GÅR HJEM"),
            ("ana", "OKAY DET SØRGER JEG FOR"),
        ],
        people=people,
        language="da",
    )
    assert summary(items) == [("ana", "2026-10-06")]
    assert items[0].text.startswith("SLUK ROUTEREN")


def test_den_kan_i_faa_dates_the_speakers_promise() -> None:
    items = items_of(
        [("ana", "Så laver jeg en testplan. Den kan I få på torsdag."), ("ben", "Fint.")],
        people={"ana": None, "ben": None, "cy": None},
        language="da",
    )
    assert summary(items) == [("ana", "2026-10-08")]


def test_each_of_them_is_no_habit() -> None:
    items = items_of(
        [
            ("ana", "Og så vil jeg gerne have, at du skriver en status for hver af kunderne."),
            ("ben", "Ja, det gør jeg inden fredag."),
        ],
        language="da",
    )
    assert summary(items) == [("ben", "2026-10-09")]
    assert items_of([("ana", "Jeg sender rapporten hver måned.")], language="da") == []


def test_a_later_promise_does_not_replace_an_offer_taken_turns_ago() -> None:
    people = {"ana": None, "ben": None, "cy": None}
    items = items_of(
        [
            ("ana", "Jeg kan godt få Cy oprettet som bruger."),
            ("ben", "Ja, gør det. Hun skal helst have adgang inden den 20."),
            ("cy", "Tak for det."),
            ("ben", "Og så var der de to åbne sager."),
            ("ana", "Jeg ringer til dem begge på torsdag."),
        ],
        people=people,
        language="da",
    )
    assert summary(items) == [("ana", "2026-10-20"), ("ana", "2026-10-08")]


def test_a_request_for_the_same_work_by_a_date_dates_the_promise() -> None:
    people = {"ana": "external", "ben": "external", "cy": "internal"}
    items = items_of(
        [
            ("ana", "Fint. Så spørger vi vores direktør og melder tilbage."),
            ("cy", "Could you let us know by Thursday?"),
            ("ana", "Ja, det kan vi godt nå."),
        ],
        people=people,
        language=None,
    )
    assert summary(items) == [("team:external", "2026-10-08")]


def test_proving_a_point_or_choosing_some_of_a_group_is_no_task() -> None:
    assert items_of([("ana", "I need to show our board that we've negotiated hard.")]) == []
    items = items_of(
        [
            ("ana", "Skal jeg oprette to brugere til jer?"),
            ("ben", "Ja, gerne. Så tager vi to af sælgerne fra Aarhus."),
        ],
        people={"ana": "internal", "ben": "external", "cy": "external"},
        language="da",
    )
    assert summary(items) == [("ana", None)]


# ---- the speaker's calendar is not a task -------------------------------------------------------


def test_going_somewhere_or_being_off_is_no_promise() -> None:
    for sentence in (
        "Jeg flyver til Stockholm på torsdag.",
        "Jeg holder fri i morgen.",
        "Jeg sidder til eksamen hele dagen i morgen.",
        "Jeg tager toget hjem i dag.",
        "Jeg kigger lige i kalenderen.",
        "jeg holder ferie i uge otte",
    ):
        turns = [("ana", sentence), ("ben", "Okay.")]
        assert items_of(turns, people={"ana": None, "ben": None}, language="da") == [], sentence


def test_a_visit_to_the_other_side_or_work_there_is_still_a_promise() -> None:
    for sentence in (
        "Jeg kører ud til jer på torsdag.",
        "Jeg kører til lageret i morgen og opdaterer scannerne.",
        "Jeg indhenter priser fra vores leverandør inden fredag.",
    ):
        turns = [("ana", sentence), ("ben", "Okay.")]
        assert len(items_of(turns, people={"ana": None, "ben": None}, language="da")) == 1, sentence


def test_managing_understanding_and_talking_again_are_no_work() -> None:
    people = {"ana": None, "ben": None, "cy": None}
    for turns, language in (
        ([("ana", "Vi skal nok klare os."), ("ben", "Ja.")], "da"),
        (
            [("ana", "Vi tager en runde mere på torsdag, når du er tilbage."), ("ben", "Fint.")],
            "da",
        ),
        (
            [("ana", "Let me just make sure I understand: you run two shifts?"), ("ben", "Yes.")],
            "en",
        ),
    ):
        assert items_of(turns, people=people, language=language) == [], turns[0][1]


def test_a_dated_yes_to_a_question_about_the_promise_dates_it() -> None:
    people = {"ana": None, "ben": None, "cy": None}
    items = items_of(
        [
            ("ana", "I'll put together a quote for the extra storage."),
            ("ben", "Can it go into the renewal offer? Then it's one signature."),
            ("ana", "Ja, så sender jeg tallene til Cy på torsdag, så de kommer med."),
        ],
        people=people,
        language=None,
    )
    assert summary(items) == [("ana", "2026-10-08")]
    # A new piece of work ("also") stays a task of its own.
    more = items_of(
        [
            ("ana", "I'll put together a quote for the extra storage."),
            ("ben", "Can you send the SLA too?"),
            ("ana", "Yes, I'll also send the SLA on Thursday."),
        ],
        people=people,
    )
    assert len(more) == 2


def test_conceding_a_point_or_taking_over_the_floor_is_no_work() -> None:
    people = {"ana": None, "ben": None, "cy": None}
    for turns, language in (
        ([("ana", "Jeg giver dig ret i det med prisen."), ("ben", "Tak.")], "da"),
        ([("ana", "I'll give you that, the setup is slow."), ("ben", "Thanks.")], "en"),
        ([("ana", "Jeg tager den lige herfra, Ben."), ("cy", "Super.")], "da"),
    ):
        assert items_of(turns, people=people, language=language) == [], turns[0][1]


def test_happy_to_is_an_offer_that_counts_once_taken_up() -> None:
    people = {"ana": None, "ben": None, "cy": None}
    taken = items_of(
        [("ana", "Happy to run a pilot with your Aarhus team."), ("ben", "That would be great.")],
        people=people,
    )
    assert summary(taken) == [("ana", None)]
    for reply in ("Not for now, thanks.", "Let's see after the budget."):
        turns = [("ana", "Happy to run a pilot with your Aarhus team."), ("ben", reply)]
        assert items_of(turns, people=people) == [], reply
    # An offer about past work, on a condition, is none either.
    past = [("ana", "I sent it Monday, glad to resend it if it got lost."), ("ben", "Thanks.")]
    assert items_of(past, people=people) == []


def test_turns_and_recaps_in_the_meeting_are_no_work() -> None:
    for sentence in ("UM I'LL GO FIRST", "Okay, I'll try to sum up what we agreed."):
        assert items_of([("ana", sentence), ("ben", "Okay.")], language="en") == [], sentence
    # A summary sent afterwards is work.
    sent = items_of([("ana", "I'll send a summary of what we agreed tomorrow.")])
    assert summary(sent) == [("ana", "2026-10-07")]
