"""Sentences that sound like work but are no task: wishes, sayings, what is done in the meeting or
already."""

from __future__ import annotations

from assistant.transcript import Side
from tests.assistant.test_understanding import items_of, rule_items, summary

SIDES: dict[str, str | None] = {"ana": "internal", "ben": "internal", "cy": "external"}

FOUR = {"ana": None, "bo": None, "cai": None, "dea": None}
FOUR_WITH_SIDES: dict[str, str | None] = {**SIDES, "dan": "external"}

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


def test_an_answer_to_how_it_is_done_today_read_out_in_the_agenda_is_no_task() -> None:
    people: dict[str, str | None] = {"ana": "internal", "ben": "external"}
    for agenda, answer, language in (
        (
            "Jeg tænkte, vi starter med, hvordan I fakturerer i dag.",
            "Jeg samler timesedlerne fredag eftermiddag, og så sender jeg dem til bogholderen"
            " mandag morgen.",
            "da",
        ),
        (
            "Planen er, at I fortæller lidt om, hvordan I bestiller varer i dag.",
            "I dag bestiller jeg alt materiale over telefonen.",
            "da",
        ),
        (
            "So the plan is that you tell us how you book the rooms today.",
            "I book them in a spreadsheet, and then I send the list to reception.",
            "en",
        ),
    ):
        turns = [("ana", agenda), ("ben", answer)]
        assert items_of(turns, language=language, people=people) == [], answer
    # a day the work is due by is still a promise
    for answer, due in (
        ("Jeg ringer til leverandøren på fredag.", "2026-10-09"),
        ("Jeg ringer til leverandøren i morgen.", "2026-10-07"),
    ):
        turns = [
            ("ana", "Planen er, at I fortæller, hvordan I bestiller varer i dag."),
            ("ben", answer),
        ]
        assert summary(items_of(turns, language="da", people=people)) == [("ben", due)], answer


# ---- a statement that the other side can do it themselves ----------------------------------


def test_you_can_do_it_yourself_is_no_task() -> None:
    for said in (
        "Det kan I faktisk selv rette i portalen.",
        "Det kan du jo selv slette i appen, Bo.",
        "Dem kan I sagtens selv oprette.",
    ):
        turns = [("ana", "Hvordan gør vi med brugerne?"), ("bo", said)]
        assert rule_items(turns, language="da") == [], said


def test_sayings_that_sound_like_work_are_no_tasks() -> None:
    for turns, language in (
        (
            [("ana", "Vi kunne også åbne i Malmø."), ("bo", "Det skriver jeg mig lige bag øret.")],
            "da",
        ),
        (
            [
                ("ana", "Could we add Sweden?"),
                ("bo", "Maybe, but let's take it one step at a time."),
            ],
            "en",
        ),
    ):
        assert rule_items(turns, language=language) == [], turns


def test_a_remark_announced_as_something_to_say_is_no_task() -> None:
    for turns, language in (
        ([("ana", "Jeg skal forresten sige, at vores lager flytter i marts.")], "da"),
        ([("ana", "I should also mention that our office moves in March.")], "en"),
    ):
        assert rule_items(turns, language=language) == [], turns
    # telling someone else is still work
    items = rule_items([("ana", "Jeg skal nok fortælle Peter det i morgen.")], language="da")
    assert summary(items) == [("ana", "2026-10-07")]


# ---- "let me" + telling those in the meeting; a guess with "nok"; a demand with "vil have" ----


def test_let_me_give_you_an_overview_is_said_in_the_meeting() -> None:
    for said, language in (
        ("Let me give you a short rundown of where we are.", "en"),
        ("Lad mig lige give jer et kort overblik over status.", "da"),
    ):
        assert rule_items([("ana", "Okay."), ("bo", said)], language=language) == [], said
    # with a date it is a promise after all
    items = rule_items(
        [("ana", "Okay."), ("bo", "Let me give you an update on Thursday.")], language="en"
    )
    assert summary(items) == [("bo", "2026-10-08")]


# ---- a verb alone, with no object, no pronoun and no date, names no work -------------------


def test_an_undated_bare_verb_is_no_task() -> None:
    for said in (
        "Men I har et par punkter fra jeres mail, og dem vil jeg gerne svare.",
        "I sendte tre spørgsmål i går, og dem vil jeg gerne tage.",
    ):
        assert rule_items([("ana", "Okay."), ("bo", said)], language="da") == [], said
    # with a date the verb is still a promise
    items = rule_items(
        [("ana", "Okay."), ("bo", "I sendte tre spørgsmål, og dem svarer jeg på i morgen.")],
        language="da",
    )
    assert summary(items) == [("bo", "2026-10-07")]


# ---- shown in the meeting; a topic brought to one's own meeting ------------------------------


def test_an_undated_request_to_show_how_is_done_in_the_meeting() -> None:
    items = rule_items(
        [("ana", "Bo, vil du lige vise, hvordan rapporten ser ud?"), ("bo", "Ja.")], language="da"
    )
    assert items == []
    # dated, it is work for later
    items = rule_items(
        [
            ("ana", "Bo, kan du vise holdet, hvordan man opretter en bruger, på fredag?"),
            ("bo", "Ja."),
        ],
        language="da",
    )
    assert summary(items) == [("bo", "2026-10-09")]


def test_an_undated_offer_to_show_how_taken_up_is_shown_in_the_meeting() -> None:
    items = rule_items(
        [
            ("bo", "Skal jeg vise jer, hvordan lagerlisten ser ud, når den er fyldt ud?"),
            ("ana", "Ja, gerne."),
        ],
        language="da",
    )
    assert items == []
    items = rule_items(
        [("bo", "Shall I show you what the invoice screen looks like?"), ("ana", "Yes, please.")],
        language="en",
    )
    assert items == []
    # dated, it is work for later
    items = rule_items(
        [
            ("bo", "Skal jeg vise jer, hvordan lagerlisten virker, på fredag?"),
            ("ana", "Ja, gerne."),
        ],
        language="da",
    )
    assert summary(items) == [("bo", "2026-10-09")]


def test_being_asked_to_take_the_meeting_through_something_is_told_there_and_then() -> None:
    for asked in (
        "Cy, can you take us through what happened with the backup?",
        "Cy, could you talk us through the numbers from last quarter?",
        "Cy, can you fill us in on the outage?",
    ):
        answer = "Sure. So the job failed at two."
        items = rule_items([("ana", asked), ("cy", answer)], language="en")
        assert items == [], asked
    items = rule_items(
        [("ana", "Cy, can you send us what happened with the backup by Friday?"), ("cy", "Sure.")],
        language="en",
    )
    assert summary(items) == [("cy", "2026-10-09")]


def test_a_topic_taken_along_to_a_meeting_is_no_task() -> None:
    items = rule_items(
        [("ana", "Jeg skal alligevel have det med på et bestyrelsesmøde."), ("bo", "Fint.")],
        language="da",
    )
    assert items == []


# ---- help turned down with "ourselves"; pushing for something ------------------------------


def test_undated_work_done_ourselves_or_pushed_for_is_no_task() -> None:
    for said in (
        "No need, we'll print them ourselves.",
        "I can't promise extra staff, but I'll push for that.",
    ):
        assert rule_items([("ana", "Okay."), ("bo", said)], language="en") == [], said
    # a dated promise, or work the speaker does alone, stays a promise
    items = rule_items(
        [("ana", "Okay."), ("bo", "I'll write the summary myself by Friday.")], language="en"
    )
    assert summary(items) == [("bo", "2026-10-09")]


def test_a_request_done_there_and_then_by_the_team_asked_is_no_task() -> None:
    items = rule_items(
        [
            ("ana", "Kan I ikke bare nulstille kontoen?"),
            ("bo", "Jo, det gør jeg nu, mens vi snakker."),
        ],
        language="da",
        people={"ana": "external", "bo": "internal"},
    )
    assert items == []


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


def test_a_routine_said_with_how_often_in_the_year_or_month_is_no_task() -> None:
    for said, language in (
        ("Jeg sender nyhedsbrevet ud fire gange om året.", "da"),
        ("Jeg sender jer en opgørelse hver januar og juli.", "da"),
        ("Vi tømmer arkivet hver anden måned.", "da"),
        ("I'll update the price list twice a year.", "en"),
        ("We'll review the accounts every other month.", "en"),
        ("I send the board a summary every March.", "en"),
    ):
        turns = [("ana", "Hvad med opgørelsen?" if language == "da" else "And the report?")]
        turns.append(("ben", said))
        assert items_of(turns, language=language) == [], said
    # with a day it is due by, a promise
    dated = items_of(
        [("ana", "Hvad med opgørelsen?"), ("ben", "Jeg sender en opgørelse på fredag.")]
    )
    assert summary(dated) == [("ben", "2026-10-09")]


def test_a_present_tense_followed_by_how_often_is_a_routine() -> None:
    said = [
        ("ana", "Lønsedlerne tjekker jeg i hånden. Det tager mig en halv dag hver uge."),
    ]
    assert items_of(said, language="da") == []
    # Without the routine it is a promise.
    assert len(items_of([("ana", "Lønsedlerne tjekker jeg i morgen.")], language="da")) == 1


def test_showing_on_the_screen_is_no_danish_request() -> None:
    assert items_of([("ana", "Her kan du se, at rapporten er tom.")], language="da") == []


def test_a_request_done_on_the_spot_leaves_no_task() -> None:
    said = [
        ("ana", "Ben, kan du rette datoen i regnearket?"),
        ("ben", "Det gør jeg lige nu. Sådan, nu står der fjortende."),
    ]
    assert items_of(said, language="da") == []
    later = [("ana", "Ben, kan du rette datoen i regnearket?"), ("ben", "Det gør jeg i morgen.")]
    assert summary(items_of(later, language="da")) == [("ben", "2026-10-07")]


def test_a_present_tense_that_says_how_things_are_done_is_no_task() -> None:
    for turns in (
        [("ana", "How do you handle returns?"), ("bo", "I call the customer when it arrives.")],
        [("ana", "What is that list?"), ("bo", "I call it the green list.")],
        [("ana", "Okay."), ("bo", "I check the shared mailbox every morning.")],
        [("ana", "Nice screen."), ("bo", "I send the report to the board.")],
    ):
        assert rule_items(turns, language="en") == [], turns


def test_a_promise_kept_every_evening_is_a_habit() -> None:
    turns = [
        ("ana", "Please log the faults in the sheet."),
        ("bo", "I will add mine every evening."),
    ]
    assert [item.owner for item in rule_items(turns, language="en")] == ["bo"]


# ---- not tasks: habits, promises already kept, the meeting's own language, notes made
# ---- as they are said, polite closings -----------------------------------------------------


def test_a_yes_that_describes_a_habit_is_no_task() -> None:
    turns = [
        ("ana", "Har alle ryddet op i deres gamle tilbud?"),
        ("ben", "Det gør jeg altid hver mandag, så mine er ryddet."),
    ]
    assert items_of(turns, language="da") == []


def test_a_promise_told_as_kept_is_no_task() -> None:
    for turns, language in (
        ([("ana", "Sidste år lovede jeg jer et nyt modul inden sommer, og det kom.")], "da"),
        (
            [("ana", "In spring I promised you the export fix within a week, and it arrived.")],
            "en",
        ),
    ):
        assert items_of(turns, language=language) == [], turns
    # A past promise not said to be kept leaves a promise made now a promise.
    items = items_of(
        [
            (
                "ana",
                "Last year I promised you a new module, and this time I'll ship the fix by Friday.",
            )
        ]
    )
    assert summary(items) == [("ana", "2026-10-09")]


def test_the_meeting_language_and_notes_made_on_the_spot_are_no_tasks() -> None:
    for turns, language in (
        ([("ana", "My Swedish is rusty, so I'll stick to English if that's okay.")], "en"),
        ([("ana", "Jeg snakker bare dansk, og Tom siger til, hvis han falder af.")], "da"),
        ([("ana", "Godt, jeg skriver lige ned, at prisen er foreløbig.")], "da"),
        ([("ana", "Good point, I'll just note that down.")], "en"),
    ):
        assert items_of(turns, language=language) == [], turns


def test_a_polite_closing_is_no_task() -> None:
    turns = [
        ("ana", "I'll send the summary tomorrow."),
        ("ben", "Great, thanks."),
        ("ana", "Thanks both, I'll let you get back to your afternoon."),
    ]
    assert summary(items_of(turns)) == [("ana", "2026-10-07")]


# ---- a wish is no task ----------------------------------------------------------------------


def test_a_wish_said_with_vil_gerne_is_no_task() -> None:
    for text in (
        "Vi vil gerne betale månedsvis i stedet for forud.",
        "Jeg vil gerne se et regneeksempel, før vi går videre.",
    ):
        assert items_of([("cy", text)], language="da") == [], text
    # work the group says it will do is still work ("vil gerne sende" is a wish too, as "we'd
    # like to send" is: test_a_danish_wish_for_the_group_is_no_task_as_in_english)
    items = items_of([("cy", "Vi vil sende jer brugerlisten i morgen.")], language="da")
    assert summary(items) == [("team", "2026-10-07")]


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


def test_the_answer_to_what_happens_if_is_no_task() -> None:
    items = items_of(
        [
            ("ben", "Hvad sker der, hvis vi åbner en butik mere?"),
            ("ana", "Så tilføjer vi bare en licens, det koster det samme."),
        ],
        language="da",
    )
    assert items == []


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


def test_conceding_a_point_or_taking_over_the_floor_is_no_work() -> None:
    people = {"ana": None, "ben": None, "cy": None}
    for turns, language in (
        ([("ana", "Jeg giver dig ret i det med prisen."), ("ben", "Tak.")], "da"),
        ([("ana", "I'll give you that, the setup is slow."), ("ben", "Thanks.")], "en"),
        ([("ana", "Jeg tager den lige herfra, Ben."), ("cy", "Super.")], "da"),
    ):
        assert items_of(turns, people=people, language=language) == [], turns[0][1]


def test_turns_and_recaps_in_the_meeting_are_no_work() -> None:
    for sentence in ("UM I'LL GO FIRST", "Okay, I'll try to sum up what we agreed."):
        assert items_of([("ana", sentence), ("ben", "Okay.")], language="en") == [], sentence
    # A summary sent afterwards is work.
    sent = items_of([("ana", "I'll send a summary of what we agreed tomorrow.")])
    assert summary(sent) == [("ana", "2026-10-07")]


def test_a_goal_to_have_without_people_or_deadline_is_no_task() -> None:
    for sentence in (
        "Vi skal jo have flere kunder i butikken til foråret.",
        "Så skal vi have snakket om priserne en anden gang.",
    ):
        assert items_of([("ana", sentence), ("ben", "Ja.")], language="da") == [], sentence


# ---- not items: telling, holding someone to it, showing, fallbacks, indirect questions -------


def test_things_said_or_shown_in_the_meeting_are_no_tasks() -> None:
    for turns, language in (
        ([("ana", "Jeg kan fortælle, at Aalborg Havn valgte den samme løsning i fjor.")], "da"),
        ([("ana", "Det vil jeg holde jer op på."), ("ben", "Helt fair.")], "da"),
        ([("ana", "Det skal jeg hilse og sige til vores indkøber.")], "da"),
        ([("ana", "Ben, kan du vise mig rapporten for august?"), ("ben", "Ja.")], "da"),
        ([("ana", "Could you show us the admin screen?"), ("ben", "Sure.")], "en"),
        ([("ben", "The fix is part of the May release."), ("ana", "I'll hold you to that.")], "en"),
    ):
        assert items_of(turns, language=language) == [], turns


def test_work_done_on_the_spot_before_a_so_clause_is_no_task() -> None:
    items = items_of(
        [("ana", "Jeg opretter lige en ny kunde nu, så kan du se, hvordan den ser ud.")],
        language="da",
    )
    assert items == []


# ---- a habit or a condition in a clause of its own ------------------------------------------


def test_a_habit_said_of_others_after_the_promise_leaves_it_a_promise() -> None:
    items = items_of(
        [("ana", "Jeg orienterer selv direktionen om sagen, de spørger altid til prisen.")],
        language="da",
    )
    assert [(item.owner, item.text) for item in items] == [
        ("ana", "Orienter selv direktionen om sagen")
    ]


def test_a_habit_that_frames_the_clause_after_it_is_still_a_habit() -> None:
    items = items_of(
        [("ana", "Vi plejer at mødes hver mandag, så vi tager spørgsmålene der.")],
        language="da",
    )
    assert items == []


# ---- not items: feelings, thanks, topics put off, the meeting's language, moving on ------------


def test_feelings_thanks_and_topics_put_off_are_no_tasks() -> None:
    for turns, language in (
        ([("ana", "Det kan jeg godt forestille mig.")], "da"),
        ([("ana", "Det sætter jeg stor pris på.")], "da"),
        ([("ana", "Integrationen til lønsystemet?"), ("ben", "Så tager vi den i fase tre.")], "da"),
        ([("ana", "Vi tager den på dansk i dag, hvis det er i orden.")], "da"),
        ([("ana", "Det tager vi stilling til i januar.")], "da"),
        ([("ana", "Jeg skal desværre videre til et andet møde klokken elleve.")], "da"),
        ([("ana", "Let me ask it another way: what would success look like?")], "en"),
    ):
        assert items_of(turns, language=language) == [], turns
    offered = items_of(
        [("ana", "Skal jeg sende et eksempel?"), ("ben", "Ja tak, det vil jeg rigtig gerne have.")],
        language="da",
    )
    assert summary(offered) == [("ana", None)]


def test_this_meetings_topic_read_out_at_the_start_is_no_task() -> None:
    people = {"ana": "internal", "ben": "external"}
    items = items_of(
        [("ana", "Velkommen. Vi skal tale budget i dag."), ("ben", "Ja, godt.")],
        people=people,
        language="da",
    )
    assert items == []
    assert items_of([("ana", "We'll go over the renewal terms today.")], people=people) == []


def test_an_offer_to_take_a_turn_in_the_meeting_is_no_task() -> None:
    for turns, language in (
        ([("ana", "Skal jeg starte med status på flytningen?"), ("ben", "Ja tak.")], "da"),
        ([("ana", "Shall I go first with the budget?"), ("ben", "Yes please.")], "en"),
    ):
        assert items_of(turns, language=language) == [], turns
    # An offer of work taken up stays a task.
    items = items_of([("ana", "Skal jeg sende dig referatet?"), ("ben", "Ja tak.")], language="da")
    assert summary(items) == [("ana", None)]


def test_going_through_something_by_a_deadline_is_a_review_task() -> None:
    items = items_of(
        [("ana", "I have your pen test report. I'll go through it and send questions by Friday.")]
    )
    assert summary(items) == [("ana", "2026-10-09")]
    # In the meeting itself it is a walk-through.
    assert items_of([("ana", "Let me go through the numbers quickly.")]) == []


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


def test_closing_what_was_just_shown_is_no_task() -> None:
    for text, language in (
        ("Her kan I se kalenderen. Jeg lukker den lige ned igen.", "da"),
        ("That's the dashboard. I'll close it again.", "en"),
    ):
        assert items_of([("ana", text)], language=language) == [], text


def test_looking_something_up_with_the_answer_next_is_done_in_the_meeting() -> None:
    for turn, language in (
        ("Det hedder Kontor-noget. Jeg kan lige slå det op. Ja, KontorPlus version tre.", "da"),
        ("It's some Oracle thing. Let me look it up. Yes, it's Oracle Fusion.", "en"),
    ):
        assert items_of([("ana", turn)], language=language) == [], turn
    # Without the answer said, looking it up is a promise.
    items = items_of([("ana", "Jeg slår det op i morgen og sender dig navnet.")], language="da")
    assert summary(items) == [("ana", "2026-10-07")]


def test_a_topic_taken_up_again_at_a_later_meeting_is_no_task() -> None:
    for text, language in (
        ("Fint, vi tager Vejle-sagen op igen på fredag.", "da"),
        ("Det tror jeg, vi skal tage på næste møde.", "da"),
        ("Fine, we'll bring the Leeds account up again on Friday.", "en"),
    ):
        assert items_of([("ana", "Hvad med Vejle?"), ("ben", text)], language=language) == []


def test_going_through_something_with_someone_is_work() -> None:
    items = items_of([("ana", "Jeg går tallene igennem med bogholderen i morgen.")], language="da")
    assert summary(items) == [("ana", "2026-10-07")]
    assert items[0].text.lower().startswith("gennemgå tallene"), items


def test_a_negated_habit_and_a_question_about_the_process_are_no_tasks() -> None:
    for text in (
        "Nej tak, jeg åbner alligevel ikke den slags vedhæftninger.",
        "Altså, kan systemet selv bogføre det, eller skal jeg stadig gøre det i hånden?",
    ):
        assert items_of([("ana", "Skal vi tage et kig?"), ("ben", text)], language="da") == []


def test_saying_who_will_attend_is_no_task() -> None:
    for question, answer, language in (
        ("Hvem fra jer deltager i opstarten?", "Det gør jeg.", "da"),
        ("Who from your side is coming to the kick-off?", "I will.", "en"),
    ):
        assert items_of([("ana", question), ("ben", answer)], language=language) == []


def test_the_plan_for_the_meeting_itself_is_no_task() -> None:
    items = items_of(
        [("ana", "Velkommen. Jeg tænkte, vi kigger på budget, bemanding og kurser i dag.")],
        language="da",
    )
    assert items == []


def test_the_language_the_meeting_is_held_in_is_no_task() -> None:
    items = items_of(
        [("ana", "Ben, I'll run this one in English for your sake, the rest can switch.")]
    )
    assert items == []


def test_work_done_there_and_then_is_no_item() -> None:
    offered = items_of(
        [
            ("ana", "Jeg kan godt nulstille hans adgangskode."),
            ("ben", "Gør det."),
            ("ana", "Jeg gør det nu."),
        ],
        language="da",
    )
    assert offered == []
    asked = items_of(
        [
            ("ana", "Ben, can you keep an eye on the import queue?"),
            ("ben", "Yes, I'm keeping an eye on it now, it's moving."),
        ]
    )
    assert asked == []


def test_how_the_speaker_will_talk_and_a_vague_we_will_call_if_are_no_tasks() -> None:
    for text in (
        "Then I'll keep it short.",
        "Though I'll warn you now, the list is long.",
        "We'll reach out if it becomes relevant.",
    ):
        assert items_of([("ana", "Shall we start?"), ("ben", text)]) == [], text


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


# ---- a routine: what the speaker says they have done for years --------------------------------


def test_what_has_been_done_for_years_is_a_routine_not_a_promise() -> None:
    asked = {
        "en": ("ana", "Who sends the weekly plan out to the crews?"),
        "da": ("ana", "Hvem sender ugeplanen ud til holdene?"),
    }
    for language, said in (
        ("en", "And then I call round the crews on Monday morning. We've done it for ten years."),
        ("en", "Yes, I print it out at about ten in the evening. I've done that for twelve years."),
        ("da", "Og så ringer jeg rundt til holdene mandag morgen. Det har vi gjort i tyve år."),
        ("da", "Ja, jeg printer den ud ved ti-tiden om aftenen. Det har jeg gjort i tolv år."),
        ("da", "Det gør jeg. Det har jeg gjort i otte år."),
    ):
        assert rule_items([asked[language], ("bo", said)], language=language) == [], said


def test_a_promise_with_no_years_after_it_stays() -> None:
    for language, asked, said in (
        ("en", "Who sends the weekly plan out to the crews?", "I'll send it out tonight."),
        ("da", "Hvem sender ugeplanen ud til holdene?", "Det gør jeg. Du har den i morgen."),
        ("da", "Hvem sender ugeplanen ud til holdene?", "Ja, jeg printer den ud i aften."),
    ):
        items = rule_items([("ana", asked), ("bo", said)], language=language)
        assert [item.owner for item in items] == ["bo"], said


# ---- stepping out of the meeting, for good or for a moment, and what is done there and then ----


def test_stepping_out_and_work_done_there_and_then_are_no_tasks() -> None:
    for language, said in (
        ("en", "Right, I need to go and check on a delivery. Thanks both, that was useful."),
        ("da", "Nå, jeg skal lige gå ud og hente en levering. Tak for i dag."),
        ("en", "Sorry, I need to answer a message from another customer. One second."),
        ("da", "Undskyld, jeg skal lige svare på en mail fra en anden kunde. Et øjeblik."),
        ("en", "I'll add a note in the CRM about the pallets while I remember."),
        ("da", "Jeg skriver lige en note i CRM om pallerne, mens jeg husker det."),
        ("en", "Let me correct myself. We keep the price until June."),
        ("da", "Lad mig rette mig selv. Vi holder prisen til juni."),
    ):
        turns = [("bo", "That was the last point on my list."), ("ana", said)]
        assert rule_items(turns, language=language) == [], said


def test_work_for_later_said_the_same_way_stays() -> None:
    for language, said in (
        ("en", "I need to go and check the server room tomorrow. Thanks both."),
        ("da", "Jeg tjekker serverrummet i morgen. Tak for i dag."),
        ("en", "I'll have the fix on your test site on Friday. Hang on. No, Thursday."),
    ):
        turns = [("bo", "That was the last point on my list."), ("ana", said)]
        assert [item.owner for item in rule_items(turns, language=language)] == ["ana"], said


# ---- holding back is no work ----------------------------------------------------------------


def test_holding_back_is_no_task() -> None:
    asked = {
        "en": ("bo", "Don't send it round yet, it'll just end up in a drawer."),
        "da": ("bo", "Send den ikke rundt endnu, den ender bare i en skuffe."),
    }
    for language, said in (
        ("en", "Understood, I'll hold off."),
        ("en", "Noted, I'll pretend I didn't hear that."),
        ("en", "Okay, I'll wait for your numbers."),
        ("da", "Forstået, så skal jeg nok holde igen med mailen."),
        ("da", "Okay, så skal jeg nok lade som om, jeg ikke hørte det."),
        ("da", "Fint, jeg vil afvente jeres svar."),
    ):
        assert rule_items([asked[language], ("ana", said)], language=language) == [], said


def test_work_said_after_being_asked_to_wait_stays() -> None:
    for language, asked, said in (
        ("en", "Don't send it round yet.", "Understood, I'll send it round on Friday then."),
        ("da", "Send den ikke rundt endnu.", "Forstået, så sender jeg den rundt på fredag."),
    ):
        items = rule_items([("bo", asked), ("ana", said)], language=language)
        assert summary(items) == [("ana", "2026-10-09")], said


def test_what_someone_does_in_an_introduction_is_a_role() -> None:
    for language, said in (
        ("en", "I'm the site manager, Bo runs finance, and Cai does dispatch."),
        ("en", "Hi, I'm Ana, I look after operations, and Cai does our IT on a contract basis."),
        ("da", "Jeg er indehaver, og Cai laver vores regnskab."),
        ("da", "Jeg står for driften, og Cai laver lønnen hos os."),
    ):
        turns = [("dea", "Welcome, could you introduce yourselves?"), ("ana", said)]
        assert rule_items(turns, people=FOUR, language=language) == [], said


def test_a_task_handed_to_someone_stays_an_item() -> None:
    for language, said in (
        ("en", "So Cai does the demo, and Bo sends the deck."),
        ("da", "Cai laver demoen, og Bo sender præsentationen."),
    ):
        turns = [("dea", "Who takes what?"), ("ana", said)]
        items = rule_items(turns, people=FOUR, language=language)
        owners = sorted(item.owner or "" for item in items)
        assert owners == ["bo", "cai"], said


# ---- the language of the meeting, and the order of its points -------------------------------


def test_the_language_people_speak_in_the_meeting_is_no_task() -> None:
    for turns, language in (
        (
            [("lis", "Hej alle. Ole er ny hos os, så vi tager mødet på engelsk i dag.")],
            "da",
        ),
        (
            [
                ("lis", "Du må gerne tale dansk."),
                ("bo", "Det går fint. Jeg svarer bare på dansk, når det bliver svært."),
            ],
            "da",
        ),
        (
            [
                ("mia", "Skal vi komme i gang? Ole taler engelsk, men I må gerne svare på dansk."),
                ("ole", "Yes."),
                ("bo", "Ja."),
            ],
            "da",
        ),
        (
            [("ann", "Okay, I will just answer in English then, my Danish is rusty.")],
            "en",
        ),
        (
            [("lis", "Marc er med fra Lyon, så vi snakker mest engelsk i dag.")],
            "da",
        ),
        (
            [("lis", "Marc er med fra Lyon, så vi tager resten af det på engelsk.")],
            "da",
        ),
    ):
        assert rule_items(turns, language=language) == [], turns


def test_how_much_of_each_language_is_spoken_is_no_task() -> None:
    for turns, language in (
        ([("lis", "Welcome, Ole. We'll keep it mainly in English today so you can follow.")], "en"),
        ([("lis", "Vi har Ole med fra Oslo, så vi snakker lidt engelsk undervejs.")], "da"),
        ([("ole", "Thanks. And please go easy on the slang, my Danish is new.")], "en"),
        ([("lis", "Ole er med i dag, så vi tager resten af det på engelsk.")], "da"),
    ):
        assert rule_items(turns, language=language) == [], turns


def test_the_order_this_meeting_takes_its_points_in_is_no_task() -> None:
    for said in (
        "Godmorgen. Vi tager den korte runde i dag, for Lis skal videre.",
        "Okay, jeg har delt listen, så tager vi dem oppefra.",
        "Vent lidt, Lis deler skærmen nu, så I kan følge med.",
        "Skal jeg dele salgsvisningen, så vi alle kan se tallene?",
        "Godt, så tager vi lige status på lanceringen.",
        "Jeg skriver lige ned i referatet, hvad vi har aftalt indtil nu.",
    ):
        turns = [("ana", said), ("bo", "Ja.")]
        assert rule_items(turns, language="da") == [], said


def test_a_task_done_in_a_language_is_still_a_task() -> None:
    items = rule_items(
        [
            ("ann", "Can you write the minutes?"),
            ("bo", "Ja, jeg skriver referatet på dansk i morgen."),
        ],
        language="da",
    )
    assert summary(items) == [("bo", "2026-10-07")], items
    items = rule_items(
        [
            ("ann", "Could you answer the Swedish customer?"),
            ("bob", "Sure, I will reply to them in English tomorrow."),
        ],
        language="en",
    )
    assert summary(items) == [("bob", "2026-10-07")], items


def test_the_order_of_the_meetings_points_is_no_task() -> None:
    for turns, language in (
        (
            [
                (
                    "lis",
                    "Godmorgen. Vi begynder med punkterne fra sidst. Bo, vil du tage den første?",
                ),
                ("bo", "Ja, den første var rapporten, og den er sendt."),
            ],
            "da",
        ),
        (
            [
                ("lis", "Skal vi starte med listen?"),
                ("bo", "Jeg kan tage mine først, fordi de er korte."),
                ("lis", "Ja, gå bare i gang."),
            ],
            "da",
        ),
        ([("lis", "Hej alle. Vi har kun tyve minutter, så vi tager det hurtigt.")], "da"),
        (
            [
                ("ann", "Hi all."),
                ("bob", "Hi. The invoices were late again, but we will get to that."),
                ("ann", "Sure."),
            ],
            "en",
        ),
        (
            [
                (
                    "ann",
                    "Hi all. First the renewal. Before that, Bob will run through what we agreed.",
                ),
                ("bob", "Sure."),
            ],
            "en",
        ),
    ):
        assert rule_items(turns, language=language) == [], turns


def test_taking_on_the_first_of_several_tasks_is_still_a_task() -> None:
    items = rule_items(
        [
            ("lis", "Bo, kan du tage den første kunde på listen i morgen?"),
            ("bo", "Ja, det gør jeg."),
        ],
        language="da",
    )
    assert summary(items) == [("bo", "2026-10-07")], items
    items = rule_items(
        [("ann", "Who calls the two new leads?"), ("bob", "I will take the first one tomorrow.")],
        language="en",
    )
    assert summary(items) == [("bob", "2026-10-07")], items


# ---- shown on the shared screen ------------------------------------------------------------


def test_a_step_shown_on_the_shared_screen_is_no_task() -> None:
    items = rule_items(
        [
            ("ann", "Hvordan flytter jeg en booking?"),
            (
                "bo",
                "Jeg viser dig det nu, jeg deler skærmen. Se, her tager jeg bookingen og "
                "flytter den en dag frem.",
            ),
            ("ann", "Nå, det er nemt."),
        ],
        language="da",
    )
    assert items == [], items


# ---- speaking again some day ---------------------------------------------------------------


def test_speaking_again_some_day_is_no_task() -> None:
    for turns, language in (
        ([("ann", "Thanks everyone. We will speak again once the fix is live.")], "en"),
        ([("ann", "Tak for i dag. Vi tales ved, når rettelsen er ude.")], "da"),
    ):
        assert rule_items(turns, language=language) == [], turns


def test_getting_in_touch_when_ready_is_no_task() -> None:
    for said in (
        "Thanks for the demo. We'll reach out when we're ready.",
        "It looks good, but the budget isn't there. We will get in touch when we are ready.",
    ):
        assert rule_items([("cy", said), ("ana", "Sounds good.")], language="en") == [], said
    # with the work named and a day, it is one
    items = rule_items([("cy", "We'll get in touch with the installer by Friday.")], language="en")
    assert [item.due.isoformat() if item.due else None for item in items] == ["2026-10-09"]


def test_a_call_on_a_day_with_a_promise_is_still_work() -> None:
    items = rule_items(
        [
            ("ann", "We will talk again on Friday, and I will send the numbers before then."),
            ("bo", "Fine."),
        ],
        language="en",
    )
    assert "ann" in [item.owner for item in items], items


def test_a_request_answered_right_now_actually_is_done_in_the_meeting() -> None:
    items = rule_items(
        [
            ("ann", "Could you check whether the two orders went through?"),
            ("bob", "Let me look right now, actually. Yes, both are there."),
        ],
        language="en",
    )
    assert items == [], items


# ---- a call run alone after the one asked cannot join ---------------------------------------


def test_running_the_call_alone_is_no_task() -> None:
    for turns in (
        [
            ("ann", "UM TOM COULD YOU JOIN MY CALL WITH HALDEN ON FRIDAY"),
            ("tom", "UH NOT FRIDAY SORRY I AM AT THE FAIR"),
            ("ann", "OKAY I'LL TAKE IT ON MY OWN THEN"),
        ],
        [
            ("ann", "Could you join the call with Halden?"),
            ("tom", "No, sorry, I am away."),
            ("ann", "Okay, I will run it alone then."),
        ],
    ):
        assert rule_items(turns, language="en") == [], turns


def test_taking_a_call_on_a_day_is_still_a_task() -> None:
    items = rule_items(
        [("ann", "Who takes the Halden call?"), ("tom", "I will take it on Friday.")],
        language="en",
    )
    assert summary(items) == [("tom", "2026-10-09")], items


# ---- work put before the meeting there and then ------------------------------------------


def test_sharing_or_doing_it_for_all_to_see_is_no_item() -> None:
    for text, language in (
        ("Jeg deler lige budgettet, så vi har det foran os.", "da"),
        ("Jeg åbner lige kontrakten, så kan I se den alle sammen.", "da"),
        ("Jeg deler lige kundelisten med jer.", "da"),
        ("jeg retter lige beløbet i systemet nu mens jeg kan huske det", "da"),
        ("I'll pull up the roadmap so we have it in front of us.", "en"),
        ("I'll close the ticket now while I think of it.", "en"),
    ):
        turns = [("ana", "Hvor står vi med leverancen?"), ("ben", text)]
        items = items_of(turns, people={"ana": None, "ben": None}, language=language)
        assert items == [], (text, items)


def test_a_promise_so_that_the_other_side_will_see_it_stays() -> None:
    for text, language, due in (
        ("Jeg laver en oversigt, så I kan se det.", "da", None),
        ("Jeg deler tidsplanen med jer på fredag.", "da", "2026-10-09"),
        ("I'll draw up a timeline by Friday so you can all see it.", "en", "2026-10-09"),
    ):
        turns = [("ana", "Hvor står vi med leverancen?"), ("ben", text)]
        items = items_of(turns, people={"ana": None, "ben": None}, language=language)
        assert summary(items) == [("ben", due)], (text, items)


# ---- asked to present in the meeting, and doing it at once --------------------------------


def test_a_request_to_present_done_at_once_is_no_item() -> None:
    people: dict[str, Side | None] = {"ana": None, "ben": None}
    for turns, language in (
        (
            [
                ("ana", "Ben, vil du vise rapportmodulet?"),
                ("ben", "Ja. Her kan I se ugens ordrer, og her er lageret."),
            ],
            "da",
        ),
        (
            [
                ("ana", "Ben, can you walk us through the rollout plan?"),
                ("ben", "Sure. Phase one is the pilot stores, phase two the rest."),
            ],
            "en",
        ),
    ):
        assert items_of(turns, people=people, language=language) == [], turns


def test_a_request_to_present_later_stays() -> None:
    people: dict[str, Side | None] = {"ana": None, "ben": None}
    for turns, language in (
        (
            [
                ("ana", "Ben, vil du vise rapportmodulet for vores controller?"),
                ("ben", "Ja. Jeg tager det med på næste møde med hende."),
            ],
            "da",
        ),
        (
            [
                ("ana", "Ben, can you walk the board through the rollout plan?"),
                ("ben", "Sure. I will set up a call with them."),
            ],
            "en",
        ),
    ):
        items = items_of(turns, people=people, language=language)
        assert [item.owner for item in items] == ["ben"], (turns, items)


# ---- talk about the meeting itself: the question asked now, the opening, a thing left open --


def test_asking_now_opening_and_leaving_for_later_are_no_items() -> None:
    people: dict[str, Side | None] = {"ana": None, "ben": None}
    for text, language in (
        ("Jeg spørger om leveringstiden, ikke om prisen.", "da"),
        ("Jeg vil gerne indlede med at byde velkommen til de nye.", "da"),
        ("Det finder vi ud af senere, det haster ikke.", "da"),
        ("We'll figure that out later, it's not urgent.", "en"),
    ):
        turns = [("ana", "Hvad med standen på messen i marts?"), ("ben", text)]
        assert items_of(turns, people=people, language=language) == [], text


def test_the_meetings_own_talk_and_a_point_left_for_the_next_meeting_are_no_items() -> None:
    for turns in (
        [
            ("ana", "We could set up a nightly export too."),
            ("cy", "I'll keep that in my back pocket."),
        ],
        [("ana", "Before we close, let me run through the next steps.")],
        [
            ("ana", "Let's not settle the term today."),
            ("cy", "Fine, we'll do that in the next meeting."),
        ],
    ):
        assert rule_items(turns, language="en") == [], turns
    # the steps themselves, said with a day, stay work
    items = rule_items([("ana", "I'll run through the test steps with your team on Friday.")])
    assert [item.owner for item in items] == ["ana"], items


def test_asking_someone_and_finding_out_by_a_day_stay_items() -> None:
    people: dict[str, Side | None] = {"ana": None, "ben": None}
    for text, language in (
        ("Jeg spørger vores jurist om leveringstiden i morgen.", "da"),
        ("Jeg finder ud af det inden fredag.", "da"),
    ):
        turns = [("ana", "Hvad med standen på messen i marts?"), ("ben", text)]
        items = items_of(turns, people=people, language=language)
        assert [item.owner for item in items] == ["ben"], (text, items)


# ---- assurances and the meeting's own manner ----------------------------------------------


def test_assurances_and_the_meetings_manner_are_no_items() -> None:
    people: dict[str, Side | None] = {"ana": None, "ben": None}
    for text in (
        "Don't worry, I'll make it work.",
        "Sorry about the noise, I'll go on mute.",
        "Then we'll keep it casual today.",
        "Noted, we'll keep you in mind for the spring.",
    ):
        turns = [("ana", "The rollout slipped a week, by the way."), ("ben", text)]
        assert items_of(turns, people=people, language="en") == [], text


# ---- sharing there and then is no task --------------------------------------------------


def test_an_accepted_offer_to_share_the_screen_is_no_task() -> None:
    for turns, language in (
        (
            [
                ("ana", "Skal jeg lige dele min skærm og vise jer rapporten?"),
                ("cy", "Ja tak."),
            ],
            "da",
        ),
        ([("ana", "Shall I share my screen and show you the dashboard?"), ("cy", "Yes.")], "en"),
        ([("ana", "Jeg har budgettet her, jeg deler det lige.")], "da"),
    ):
        assert items_of(turns, people=SIDES, language=language) == [], turns


def test_an_accepted_offer_to_send_something_is_still_a_task() -> None:
    items = items_of(
        [("ana", "Skal jeg sende jer rapporten?"), ("cy", "Ja tak.")], people=SIDES, language="da"
    )
    assert summary(items) == [("ana", None)]


# ---- putting up with terms is no task ----------------------------------------------------


def test_living_with_terms_is_no_task() -> None:
    for turns, language in (
        ([("ana", "We can do net 45, not 60."), ("cy", "Fine, I'll live with that.")], "en"),
        ([("ana", "Opstarten bliver en uge senere."), ("cy", "Det kan jeg godt leve med.")], "da"),
    ):
        assert items_of(turns, people=SIDES, language=language) == [], turns


# ---- a look at one's own calendar before saying yes to a time ------------------------------


def test_checking_ones_own_calendar_is_no_task() -> None:
    for turns, language in (
        (
            [
                ("cy", "Kan vi ses torsdag formiddag?"),
                ("ana", "Jeg skal lige tjekke min kalender, men det ser fint ud."),
            ],
            "da",
        ),
        ([("cy", "Does Thursday suit you?"), ("ana", "I'll check my diary, but it should.")], "en"),
    ):
        assert items_of(turns, people=SIDES, language=language) == [], turns


# ---- on the spot: done in the meeting itself -------------------------------------------------


def test_work_done_during_the_meeting_is_no_task() -> None:
    for sentence, language in (
        ("Fint, så noterer jeg bare undervejs.", "da"),
        ("Let me check the settings now while we're on the call.", "en"),
        ("OKAY SO WE'RE GONNA TRY OUT THE FLIP CHART", "en"),
        ("I'LL USE THE OTHER MARKER", "en"),
        ("Jeg bruger lige den anden mikrofon.", "da"),
    ):
        assert items_of([("ana", sentence)], language=language) == [], sentence
    # A thing to use later, with a date, is a promise.
    assert len(items_of([("ana", "I'll try out the new export tool tomorrow.")])) == 1


# ---- near misses: not work, hypotheticals, declined help, others' habits ---------------------


def test_near_misses_are_no_tasks() -> None:
    for turns, language in (
        ([("ana", "Vi vil meget gerne have en rapport over fravær.")], "da"),
        ([("ana", "Good, then we'll take it up at the board meeting.")], "en"),
        ([("ana", "Og hvis leverandøren ikke svarer?"), ("ben", "Så ringer jeg til dem.")], "da"),
        ([("ana", "I can walk you through it now."), ("ben", "No, I'll figure it out.")], "en"),
        ([("ana", "Not yet, but I'll bear it in mind.")], "en"),
    ):
        items = items_of(turns, people={"ana": None, "ben": None, "cy": None}, language=language)
        assert [i for i in items if i.owner != "ben" or turns[0][0] == "ben"] == [], turns


def test_a_promise_followed_by_how_others_usually_answer_is_kept() -> None:
    items = items_of(
        [
            (
                "ana",
                "Jeg spørger to af vores kunder, om de vil tale med jer. Det plejer de at ville.",
            )
        ],
        language="da",
    )
    assert summary(items) == [("ana", None)]
    # The speaker's own routine is no promise.
    items = items_of(
        [("ana", "Lønsedlerne tjekker jeg selv. Det tager mig en time hver måned.")],
        language="da",
    )
    assert items == []


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
        items = items_of(turns, people=FOUR_WITH_SIDES, language=language)
        assert all(item.owner != "cy" for item in items), turns


def test_looking_up_what_was_sent_already_is_no_task() -> None:
    for turns, language in (
        (
            [
                ("cy", "The signed form went out to you on Monday."),
                ("ana", "Oh, then I'll find it. Sorry about that."),
            ],
            "en",
        ),
        (
            [
                ("cy", "Referatet sendte jeg faktisk i fredags."),
                ("ana", "Nå, så skal jeg lige kigge i min indbakke. Let me check my inbox."),
            ],
            "da",
        ),
    ):
        assert rule_items(turns, language=language) == [], turns
    # Dug out to be sent, it is work for the other side.
    items = rule_items(
        [
            ("cy", "Could you send me the signed form?"),
            ("ana", "Sure, I'll dig it out and send it over today."),
        ]
    )
    assert summary(items) == [("ana", "2026-10-06")]


def test_a_guess_about_the_past_is_no_obligation() -> None:
    assert rule_items([("ana", "Oh, I must have missed your email last week.")]) == []


# ---- the other side's duties inside its own organisation -----------------------------------


def test_the_other_sides_own_process_is_no_task() -> None:
    for said in (
        "Vi skal lave en oversigt til bestyrelsen over sidste års klager.",
        "Fint, så skal vi selv have rettet vores interne procedure.",
        "Vi har ledelsesmøde på tirsdag, hvor jeg skal fremlægge tilbuddet.",
    ):
        turns = [("ana", "Så er prisen på plads."), ("cy", said)]
        assert rule_items(turns, people=SIDES, language="da") == [], said


def test_an_answer_the_other_side_gets_from_its_board_stays_a_task() -> None:
    for said in (
        "Jeg skal informere vores bestyrelse om nedbruddet.",
        "Jeg skal have prisen godkendt af vores direktør.",
        "Vi skal have bestyrelsen til at sige ja, og så vender jeg tilbage til jer.",
    ):
        turns = [("ana", "Kan I skrive under i denne måned?"), ("cy", said)]
        items = rule_items(turns, people=SIDES, language="da")
        assert [item.owner for item in items][:1] in (["cy"], ["team:external"]), (said, items)
    # our own side's duty to its board is work agreed in the meeting
    turns = [("cy", "Så er prisen på plads."), ("ana", "Vi skal lave en oversigt til bestyrelsen.")]
    assert rule_items(turns, people=SIDES, language="da") != []


# ---- whom to turn to, said as a cleft -------------------------------------------------------


def test_a_cleft_naming_whom_to_turn_to_is_no_task() -> None:
    for said in (
        "Det er Birthe, der passer bogholderiet, så det er hende, du skal ringe til.",
        "Nå, men så er det jo ham, jeg skal forhandle med.",
        "Fakturaerne? Det er os, I skal skrive til.",
    ):
        assert rule_items([("ana", "Hvem tager sig af det?"), ("cy", said)], language="da") == [], (
            said
        )
    # with a day it is work to do
    said = "Det er hende, jeg skal sende kontrakten til på fredag."
    assert summary(rule_items([("ana", "Godt."), ("cy", said)], language="da")) == [
        ("cy", "2026-10-09")
    ]


# ---- a cue in a relative clause after "is the …" says what a thing is --------------------------


def test_an_undated_cue_in_a_relative_clause_after_is_the_is_no_promise() -> None:
    for said in (
        "Twelve percent is the most I'll agree to on a one-year term.",
        "That's the slide I'll put in front of our board.",
    ):
        assert rule_items([("ana", said), ("cy", "Understood.")], language="en") == [], said
    items = rule_items(
        [("ana", "Det er den model, vi kan tilbyde jer."), ("cy", "Okay.")], language="da"
    )
    assert items == []
    # dated, it is still a promise
    items = rule_items(
        [("ana", "That's the draft I'll send to your legal team on Friday."), ("cy", "Great.")],
        language="en",
    )
    assert summary(items) == [("ana", "2026-10-09")]


# ---- a Danish present tense with "lige" and no time: done while the others wait ------------


def test_danish_present_tense_with_lige_and_no_time_is_done_on_the_spot() -> None:
    for said in (
        "Jeg retter lige fakturaadressen i systemet, så I kan se den nye.",
        "så lukker jeg lige den gamle sag med bageriet nu de har sagt nej",
        "Jeg tilføjer lige Mette som bruger på jeres konto.",
    ):
        assert rule_items([("ana", "Godt."), ("ben", said), ("cy", "Fint.")], language="da") == []
    # with a time it is a promise, and so is an object said first ("Det kigger jeg lige på")
    # or work one must do ("jeg skal lige ...")
    dated = rule_items(
        [("ana", "Godt."), ("ben", "Jeg retter lige fakturaadressen på onsdag."), ("cy", "Fint.")],
        language="da",
    )
    assert summary(dated) == [("ben", "2026-10-07")]
    for said in (
        "Det kigger jeg lige på.",
        "Den sag vender jeg lige med min chef.",
        "Jeg skal lige tale med vores jurist om det.",
    ):
        items = rule_items(
            [("ana", "Hvorfor fik vi to fakturaer i marts?"), ("ben", said), ("cy", "Fint.")],
            language="da",
        )
        assert summary(items) == [("ben", None)], said


# ---- talking again, or a topic put off until the others know more, is no task ---------------


def test_talking_later_until_the_others_know_more_is_no_task() -> None:
    for turns, language in (
        (
            [("ana", "Vi har ikke svar fra banken endnu."), ("ben", "Godt. Så snakker vi sammen.")],
            "da",
        ),
        (
            [
                ("ana", "Vi har ikke svar fra banken endnu."),
                ("ben", "Okay, så tager vi den op, når I ved noget."),
            ],
            "da",
        ),
        (
            [
                ("ana", "The bank hasn't answered yet."),
                ("ben", "No problem, we'll discuss it when you know more."),
            ],
            "en",
        ),
    ):
        assert rule_items(turns, language=language) == [], turns
    # a piece of work waiting for their news is still a promise
    waiting = rule_items(
        [
            ("ana", "Vi har ikke svar fra banken endnu."),
            ("ben", "Så sender jeg kontrakten, når I ved mere."),
        ],
        language="da",
    )
    assert [(item.owner, item.text) for item in waiting] == [("ben", "Send kontrakten")]


# ---- asked to take the others through it: a turn in the meeting -----------------------------


def test_asked_to_take_the_others_through_it_is_a_turn_in_the_meeting() -> None:
    for turns, language in (
        (
            [
                ("ana", "Omar, can you walk us through what happened with the backups?"),
                ("ben", "Sure. The job failed on Sunday night and nobody was paged."),
            ],
            "en",
        ),
        (
            [
                ("ana", "Ben, kan du give os et kort overblik over supporten?"),
                ("ben", "Ja. Vi fik tolv sager i mandags, og de er alle lukket."),
            ],
            "da",
        ),
    ):
        assert rule_items(turns, language=language) == [], turns
    # a date for it makes it work to prepare
    dated = rule_items(
        [("ana", "Ben, can you take us through the budget on Thursday?"), ("ben", "Sure.")]
    )
    assert summary(dated) == [("ben", "2026-10-08")]


# ---- a limit or a position stated is no work taken on ----------------------------------------


def test_a_limit_or_a_position_stated_is_no_task() -> None:
    for turns, language in (
        (
            [
                ("ana", "Could you do three years at the old price?"),
                ("ben", "No. Two years is the longest I'll lock the price for."),
            ],
            "en",
        ),
        (
            [
                ("ana", "Kan I give tyve procent?"),
                ("ben", "Nej. Ti procent er det højeste, jeg vil gå med til."),
            ],
            "da",
        ),
        ([("ana", "Er det en aftale?"), ("ben", "Jeg siger hverken ja eller nej endnu.")], "da"),
        (
            [
                ("ana", "Jeg kan desværre ikke være med på opkaldet."),
                ("ben", "Fint, så tager jeg det bare alene."),
            ],
            "da",
        ),
    ):
        assert rule_items(turns, language=language) == [], turns
    # what follows the limit is still a promise
    items = rule_items(
        [
            ("ana", "Could you do three years at the old price?"),
            ("ben", "Two years is the longest. I'll send you that offer on Thursday."),
        ]
    )
    assert summary(items) == [("ben", "2026-10-08")]


# ---- what a welcome lets the speaker do is no task of its own --------------------------------


def test_what_the_other_sides_offer_lets_one_do_after_a_welcome_is_no_task() -> None:
    for turns, language in (
        (
            [
                ("ana", "Jeg sender jer en ny tidsplan inden fredag."),
                ("cy", "Fint. Så kan jeg lægge vores sommerferier efter den."),
            ],
            "da",
        ),
        (
            [
                ("ana", "I'll send you the new timetable by Friday."),
                ("cy", "Great. Then I can plan our summer holidays around it."),
            ],
            "en",
        ),
    ):
        assert [item.owner for item in rule_items(turns, language=language)] == ["ana"], turns
    # with a time said for it, it is work taken on
    timed = rule_items(
        [
            ("ana", "Jeg sender jer en ny tidsplan inden fredag."),
            ("cy", "Fint. Så kan jeg lægge vores sommerferier ind i løbet af næste uge."),
        ],
        language="da",
        people=SIDES,
    )
    assert [item.owner for item in timed] == ["ana", "cy"]


# ---- a date asked for work just handed over is no task of its own ----------------------------


def test_a_date_asked_for_work_just_taken_on_dates_that_work() -> None:
    items = rule_items(
        [
            ("ana", "Ben, kunne du sende mig tilbuddet på trailerne?"),
            ("ben", "Ja, det kan jeg godt."),
            ("ana", "Kan jeg få det inden fredag, så jeg kan vise det til bestyrelsen?"),
            ("ben", "Fredag er fint."),
        ],
        language="da",
    )
    assert [(item.owner, item.text) for item in items] == [
        ("ben", "Send mig tilbuddet på trailerne")
    ]
    assert summary(items) == [("ben", "2026-10-09")]
    # a question that names someone asks them for new work
    named = rule_items(
        [
            ("ana", "Vi mangler også en oversigt over nøglerne."),
            ("ben", "Kan vi få den på torsdag, Cy?"),
            ("cy", "Ja, torsdag går fint."),
        ],
        language="da",
    )
    assert [item.owner for item in named] == ["cy"]


# ---- how a document should look is said to its writer, no task of its own -------------------


def test_how_a_document_should_show_something_is_no_task_but_sending_it_is() -> None:
    for turns, language in (
        (
            [
                ("ana", "I'll send you the renewal quote on Thursday."),
                ("cy", "Good. Please show the training days as a separate line."),
            ],
            "en",
        ),
        (
            [
                ("ana", "Jeg sender jer tilbuddet på torsdag."),
                ("cy", "Godt. Vis gerne montagen som en særskilt linje."),
            ],
            "da",
        ),
    ):
        items = rule_items(turns, language=language, people=SIDES)
        assert summary(items) == [("ana", "2026-10-08")], turns
    asked = rule_items(
        [("cy", "Could you send me both prices side by side?"), ("ana", "Sure, I'll do that.")],
        people=SIDES,
    )
    assert [item.owner for item in asked] == ["ana"]


def test_no_not_yet_then_own_work_is_a_promise_not_a_refusal() -> None:
    # "Nej, ikke endnu" answers "have you done it?": the work the speaker goes on to name is
    # still to do.
    turns = [
        ("ana", "Har du bestilt kablerne?"),
        ("ben", "nej ikke endnu jeg bestiller dem i morgen tidlig"),
    ]
    items = rule_items(turns, language="da")
    assert [(i.owner, str(i.due)) for i in items] == [("ben", "2026-10-07")], items
    # what the speaker waits for is no work of theirs
    turns = [
        ("ana", "Har du bestilt kablerne?"),
        ("ben", "nej ikke endnu jeg venter på tilbuddet fra grossisten"),
    ]
    assert rule_items(turns, language="da") == []
