"""Later sentences about a promise already found: they date it, add to it or report on it, and give
no second item (`action_items.follow_ups`)."""

from __future__ import annotations

import datetime as dt

from assistant.intelligence.dates import find_deadline, resolve_due_date
from tests.assistant.test_understanding import DAY, items_of, rule_items, summary

SIDES: dict[str, str | None] = {"ana": "internal", "ben": "internal", "cy": "external"}

THREE = {"ana": None, "bo": None, "cai": None}

# ---- an answer to a new ask in between is new work, not the own promise again ---------------


def test_checking_a_new_question_does_not_date_the_promise_made_before() -> None:
    items = rule_items(
        [
            ("ana", "I'll send an invitation for the review."),
            ("bo", "One more thing, can we pay yearly?"),
            ("ana", "Let me check that and I'll get back to you tomorrow."),
        ],
        language="en",
    )
    assert summary(items) == [("ana", None), ("ana", "2026-10-07")], items
    items = rule_items(
        [
            ("ana", "så sender jeg en invitation til mødet"),
            ("bo", "og en ting mere kan vi betale årligt"),
            ("ana", "det må jeg lige undersøge og så vender jeg tilbage i morgen"),
        ],
        language="da",
    )
    assert summary(items) == [("ana", None), ("ana", "2026-10-07")], items


def test_a_dated_promise_after_a_plain_reply_still_dates_the_own_offer() -> None:
    items = rule_items(
        [
            ("ana", "I can pull the figures for you."),
            ("bo", "That would help."),
            ("ana", "Sure, I'll get them to you by Thursday."),
        ],
        language="en",
    )
    assert summary(items) == [("ana", "2026-10-08")], items


def test_a_pronoun_yes_to_a_request_for_more_work_is_a_task_of_its_own() -> None:
    items = rule_items(
        [
            ("ana", "jeg ringer til leverandøren i morgen med et par datoer"),
            ("bo", "godt kan du også kigge på om vi har en reference fra en anden kæde"),
            ("ana", "ja det kigger jeg på i morgen"),
        ],
        language="da",
    )
    assert summary(items) == [("ana", "2026-10-07"), ("ana", "2026-10-07")], items
    assert "ja det kigger jeg på i morgen" in items[1].quote, items


def test_a_pronoun_promise_that_repeats_the_own_date_is_still_one_task() -> None:
    items = rule_items(
        [
            ("ana", "Jeg kan lave mødeplanen."),
            ("bo", "Så laver du den inden fredag."),
            ("ana", "Den har I inden fredag."),
        ],
        language="da",
    )
    assert summary(items) == [("ana", "2026-10-09")], items


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


def test_an_also_answered_into_the_same_work_is_part_of_it() -> None:
    items = rule_items(
        [
            ("ana", "I'll mail you the onboarding checklist this afternoon."),
            ("ben", "Could you also attach the login guide?"),
            ("ana", "Sure, it will be in the same mail."),
        ],
        language="en",
    )
    assert summary(items) == [("ana", "2026-10-06")], items
    items = rule_items(
        [
            ("bo", "Jeg sender jer et nyt tilbud i morgen."),
            ("eva", "Kan du også tage prisen på kurset med?"),
            ("bo", "Ja, den kommer med i samme tilbud."),
        ],
        language="da",
    )
    assert summary(items) == [("bo", "2026-10-07")], items


def test_an_also_taken_on_as_more_work_stays_a_task() -> None:
    items = rule_items(
        [
            ("ana", "I'll mail you the onboarding checklist this afternoon."),
            ("ben", "Could you also book a training slot for the new starters?"),
            ("ana", "Sure, I'll book it for Friday."),
        ],
        language="en",
    )
    assert summary(items) == [("ana", "2026-10-06"), ("ana", "2026-10-09")], items


# ---- a later dated promise about "the" thing already promised --------------------------------


def test_a_later_dated_promise_about_the_same_thing_dates_the_first() -> None:
    items = rule_items(
        [
            ("ana", "I'll put together a migration plan for your three sites."),
            ("ana", "Ben, could you send me the list of site managers?"),
            ("ben", "Sure, you'll have it tomorrow."),
            ("ana", "Good, then I'll finish the plan by Friday."),
        ],
        language="en",
    )
    assert sorted(summary(items)) == [("ana", "2026-10-09"), ("ben", "2026-10-07")], items


def test_a_later_dated_promise_about_other_work_stays_a_task() -> None:
    items = rule_items(
        [
            ("ana", "I'll put together a migration plan for your three sites."),
            ("ben", "Great, thanks."),
            ("ana", "And I'll book the training room by Friday."),
        ],
        language="en",
    )
    assert summary(items) == [("ana", None), ("ana", "2026-10-09")], items


# ---- reporting back on a promise is part of it, not a second item ---------------------------


def test_reporting_back_in_the_same_turn_is_part_of_the_promise() -> None:
    for said, language in (
        (
            "Lad mig lige spørge vores jurist, om klausulen holder. Så vender jeg tilbage.",
            "da",
        ),
        (
            "Let me check with our legal team whether the clause holds. I'll get back to you.",
            "en",
        ),
        ("I'll take it to our CFO this week and revert by Thursday.", "en"),
    ):
        items = rule_items(
            [("bo", "Is the liability clause acceptable to you?"), ("ana", said)],
            language=language,
        )
        assert [item.owner for item in items] == ["ana"], (said, items)
        assert items[0].quote == said, items


def test_reporting_back_on_the_matter_or_on_what_was_heard_is_part_of_the_promise() -> None:
    for turns, language in (
        (
            [
                ("bo", "What about the setup fee?"),
                ("ana", "I'll run that past our sales director. I'll come back to you on that."),
            ],
            "en",
        ),
        (
            [
                ("bo", "Can the contract start in March?"),
                ("ana", "I'll ask our legal counsel about it."),
                ("bo", "Thanks."),
                ("ana", "I'll let you know what he says."),
            ],
            "en",
        ),
        (
            [
                ("bo", "Prisen er lidt høj for os."),
                ("ana", "Jeg tager det op med vores salgschef. Jeg vender tilbage til dig om det."),
            ],
            "da",
        ),
        (
            [
                ("bo", "Kan vi flytte opstarten til marts?"),
                ("ana", "Jeg spørger vores projektleder."),
                ("bo", "Fint."),
                ("ana", "Så giver jeg dig besked om, hvad hun siger."),
            ],
            "da",
        ),
    ):
        items = rule_items(turns, language=language)
        assert [item.owner for item in items] == ["ana"], (turns, items)


def test_asked_to_report_back_on_a_promise_dates_the_promise() -> None:
    items = rule_items(
        [
            ("ana", "Jeg skal lige have tjekket lagerbeholdningen med indkøb."),
            ("bo", "Kan du give mig besked, når du ved det?"),
            ("ana", "Ja, jeg vender tilbage på torsdag."),
        ],
        language="da",
    )
    assert summary(items) == [("ana", "2026-10-08")], items
    assert "lagerbeholdningen" in items[0].text, items
    items = rule_items(
        [
            ("ana", "I'll also check the stock levels with purchasing."),
            ("bo", "Great. Let me know what you find."),
            ("ana", "I will. I'll have an answer by Thursday."),
        ]
    )
    assert summary(items) == [("ana", "2026-10-08")], items
    assert "stock levels" in items[0].text, items


def test_an_answer_promised_in_the_next_turn_dates_the_promise() -> None:
    items = rule_items(
        [
            ("ana", "Det må jeg lige undersøge med vores driftsfolk."),
            ("bo", "Det ville være godt at vide."),
            ("ana", "Det får du svar på. Jeg skriver til dig senest torsdag."),
        ],
        language="da",
    )
    assert summary(items) == [("ana", "2026-10-08")], items


def test_someone_elses_report_back_is_not_merged_into_a_promise() -> None:
    items = rule_items(
        [
            ("ana", "Jeg sender kontrakten til jeres jurist i morgen."),
            ("bo", "Godt. Jeg vender tilbage med vores kommentarer på fredag."),
        ],
        language="da",
    )
    assert ("ana", "2026-10-07") in summary(items), items
    assert all(item.owner == "bo" for item in items if "Godt." in item.quote), items


def test_asking_for_a_promised_thing_by_a_day_adds_no_task() -> None:
    items = rule_items(
        [
            ("emil", "I'll prepare two versions of the offer."),
            ("ana", "Can I have them before my board meeting on Thursday?"),
            ("emil", "Sure, no problem."),
        ],
        language="en",
    )
    assert [item.owner for item in items] == ["emil"], items


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


def test_a_sentence_that_only_dates_the_promise_is_quoted_and_dates_it() -> None:
    items = items_of(
        [
            ("ana", "The onboarding deck is missing the pricing slide."),
            ("ben", "Then I'll redo the deck with the new prices. You'll have it on Thursday."),
        ]
    )
    assert summary(items) == [("ben", "2026-10-08")]
    assert items[0].quote == (
        "Then I'll redo the deck with the new prices. You'll have it on Thursday."
    )
    assert items[0].text.startswith("Redo the deck")


def test_a_date_of_something_else_in_the_next_sentence_is_not_taken() -> None:
    items = items_of(
        [("ben", "Jeg ringer til revisoren. Den nye lov træder i kraft den 1. januar.")],
        language="da",
    )
    assert summary(items) == [("ben", None)]
    assert items[0].quote == "Jeg ringer til revisoren."


# ---- a date for one's own promise, said in the next turn as a hand-over ----------------------


def test_the_promiser_dates_the_work_in_the_next_turn_by_handing_it_over() -> None:
    for reply in (
        "Så har I den på torsdag.",
        "Det skal du nok få. Notatet ligger i jeres mappe senest torsdag.",
        "Den er klar på torsdag.",
    ):
        items = items_of(
            [
                ("ben", "Jeg vil gerne skrive et notat om nedbruddet."),
                ("ana", "Ja tak, det vil ledelsen gerne læse."),
                ("ben", reply),
            ],
            language="da",
        )
        assert summary(items) == [("ben", "2026-10-08")], reply
    english = items_of(
        [
            ("ben", "I'll write up a short note on the outage."),
            ("ana", "Thanks, management will want that."),
            ("ben", "It'll be in your inbox on Thursday."),
        ]
    )
    assert summary(english) == [("ben", "2026-10-08")]


# ---- dates taken back and said again ----------------------------------------------------------


def test_a_corrected_date_is_the_second_one() -> None:
    for sentence in (
        "jeg sender tegningerne på onsdag – nej, torsdag, onsdag er jeg ude",
        "I'll send the drawings Wednesday - no, sorry, Thursday, I'm out on Wednesday",
        "jeg havde sagt onsdag, men det bliver torsdag",
    ):
        assert resolve_due_date(sentence, DAY)[0] == dt.date(2026, 10, 8), sentence
    # "no later than" is no correction.
    assert resolve_due_date("send it Wednesday, no later than noon", DAY)[0] == dt.date(2026, 10, 7)


def test_a_dated_hand_over_answers_the_request_and_how_it_is_done_is_no_second_task() -> None:
    people = {"ana": "external", "ben": "internal", "cy": "internal"}
    items = items_of(
        [
            ("ana", "Kan I sende en oversigt over, hvilke enheder der er offline?"),
            ("ben", "Den har du i morgen. Jeg kan trække den pr. lokation."),
            ("ana", "Super."),
        ],
        people=people,
        language="da",
    )
    assert summary(items) == [("ben", "2026-10-07")]
    # quoted with the request it answers, since the answer names the work only as "den"
    assert items[0].quote.endswith("Den har du i morgen. Jeg kan trække den pr. lokation.")


def test_a_condition_on_what_someone_else_just_promised_is_settled() -> None:
    items = items_of(
        [
            ("ben", "I can pull the usage logs. That's quick, I'll do it tomorrow."),
            ("ana", "Great. Once we have those, I'll draft a sizing proposal for you."),
            ("cy", "Sounds good."),
        ]
    )
    assert ("ana", None) in summary(items)
    # A condition on something nobody promised stays a condition.
    assert items_of([("ana", "Once we have the budget, I'll draft a sizing proposal.")]) == []


def test_a_date_asked_for_the_promise_still_dates_it() -> None:
    items = items_of(
        [
            ("ana", "I can rework the slides. Does Wednesday work?"),
            ("ben", "Thursday would be better."),
        ]
    )
    assert summary(items) == [("ana", "2026-10-08")]


def test_a_day_agreed_for_an_event_being_set_up_is_when_it_is_held() -> None:
    for turns, language in (
        (
            [
                ("ana", "I'll set up a walkthrough with your planners. Shall we say Monday?"),
                ("ben", "Monday morning suits them."),
            ],
            "en",
        ),
        (
            [
                ("ana", "Jeg booker et møde med jeres lagerchef. Passer torsdag?"),
                ("ben", "Torsdag passer fint."),
            ],
            "da",
        ),
    ):
        items = rule_items(turns, language=language)
        assert summary(items) == [("ana", None)], (turns, items)
    # Work to be done, not an event, is still dated by the day agreed.
    items = rule_items(
        [
            ("ana", "I'll update the planner guide. Does Monday work?"),
            ("ben", "Monday is fine."),
        ]
    )
    assert summary(items) == [("ana", "2026-10-12")]


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


# DAY is a Tuesday (2026-10-06): Wednesday the 7th, Thursday the 8th, Friday the 9th.

# ---- a date said again does not move the item or make a second one -------------------------


def test_a_dated_hand_over_of_a_dated_promise_is_the_same_item() -> None:
    for turns, language in (
        (
            [
                ("ana", "jeg kan godt skrive referatet fra generalforsamlingen"),
                ("ben", "fint så skriver du det ana og sender det ud inden fredag"),
                ("ana", "det har i inden fredag"),
            ],
            "da",
        ),
        (
            [
                ("ana", "I can write up the minutes of the general assembly."),
                ("ben", "Good, then you do it, Ana, and send it round by Friday."),
                ("ana", "You'll have it by Friday."),
            ],
            "en",
        ),
    ):
        items = items_of(turns, language=language)
        assert summary(items) == [("ana", "2026-10-09")], (turns, items)


def test_a_request_about_how_the_promised_work_is_handed_over_is_no_second_task() -> None:
    items = items_of(
        [
            ("ana", "Jeg laver et nyt tilbud til messekunderne til torsdag."),
            ("ben", "Godt, send det til mig først."),
        ],
        language="da",
    )
    assert summary(items) == [("ana", "2026-10-08")]


def test_a_dated_answer_to_when_dates_the_speakers_own_promise() -> None:
    items = items_of(
        [
            ("ana", "Kvitteringerne ligger lidt spredt, men jeg skal nok få samlet dem."),
            ("ben", "Hvornår tror du, jeg kan få dem?"),
            (
                "ana",
                "Mange af dem er på ferie i næste uge, så lad os sige inden den 20., så kan jeg "
                "sende dig en samlet bunke.",
            ),
        ],
        language="da",
    )
    assert summary(items) == [("ana", "2026-10-20")]


def test_other_work_promised_in_answer_to_when_is_a_task_of_its_own() -> None:
    items = items_of(
        [
            ("ana", "Jeg kan ikke sige et tal nu, jeg skal have det godkendt af min chef."),
            ("ben", "Hvornår kan jeg få det?"),
            ("ana", "Jeg sender et nyt tilbud med to års binding på fredag."),
        ],
        language="da",
    )
    assert summary(items) == [("ana", None), ("ana", "2026-10-09")]


def test_something_added_to_the_work_just_promised_is_part_of_it() -> None:
    for turns, language in (
        (
            [
                ("ana", "I'll draft the service agreement and send it to you by Friday."),
                ("ben", "Could you include the weekend rates?"),
                ("ana", "Sure, I'll include them."),
            ],
            "en",
        ),
        (
            [
                ("ana", "Jeg laver et udkast til aftalen og sender det fredag."),
                ("ben", "Kan du tilføje weekendpriserne?"),
                ("ana", "Ja, jeg tilføjer dem."),
            ],
            "da",
        ),
    ):
        assert summary(items_of(turns, language=language)) == [("ana", "2026-10-09")], turns


def test_clearing_the_work_with_someone_is_a_task_and_the_date_asked_is_the_deliverables() -> None:
    items = items_of(
        [
            (
                "ana",
                "Så sender jeg jer et udkast til aftalen. Det skal jeg lige vende med min chef "
                "først, men det ordner jeg.",
            ),
            ("ben", "Hvornår kan vi se det?"),
            ("ana", "Du får det på torsdag."),
        ],
        language="da",
    )
    assert summary(items) == [("ana", "2026-10-08"), ("ana", None)]


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


# ---- a dated promise that takes the day the other side asked for re-dates the task ---------


def test_taking_the_day_asked_for_re_dates_the_task() -> None:
    for language, turns in (
        (
            "en",
            [
                ("ana", "I can enable the export for both sites on Thursday."),
                ("bo", "Thursday is bad for us. Can we say Monday instead?"),
                ("ana", "Monday's fine, I'll switch it on for both sites on Monday then."),
            ],
        ),
        (
            "da",
            [
                ("ana", "Jeg slår eksporten til for begge afdelinger på torsdag."),
                ("bo", "Torsdag er dårligt for os. Kan vi sige mandag i stedet?"),
                ("ana", "Mandag er fint, jeg aktiverer den for begge afdelinger på mandag."),
            ],
        ),
    ):
        items = rule_items(turns, language=language)
        assert summary(items) == [("ana", "2026-10-12")], items


def test_naming_the_day_just_asked_for_re_dates_the_task_said_plainly() -> None:
    # No "then", no "X is fine": the owner answers a request to move the work right after the
    # promise by naming the day asked for; one task, on that day (Friday the 9th).
    for language, turns in (
        (
            "en",
            [
                ("bo", "I'll write a note on the server move. I'll send it on Thursday."),
                ("ana", "Can we move that to Friday? I'm out on Thursday."),
                ("bo", "Of course. You'll have it Friday morning."),
            ],
        ),
        (
            "da",
            [
                ("ana", "Kim sender jer en projektplan i morgen."),
                ("cy", "Kan vi rykke det til på fredag? Vi har styregruppe torsdag."),
                ("kim", "Ja, det giver mening. Så sender jeg projektplanen på fredag."),
            ],
        ),
        (
            "da",
            [
                ("bo", "Jeg skriver et notat om serverflytningen. Det sender jeg på torsdag."),
                ("ana", "Kan vi rykke det til fredag? Jeg er ude torsdag."),
                ("bo", "Selvfølgelig. Så får du det fredag morgen."),
            ],
        ),
    ):
        items = rule_items(turns, language=language)
        assert [(i.owner, i.due.isoformat() if i.due else None) for i in items][-1:] == [
            (turns[-1][0], "2026-10-09")
        ], items
        assert len(items) == 1, items


def test_a_day_asked_of_someone_else_turns_later_does_not_re_date_the_promise() -> None:
    turns = [
        ("bo", "Jeg sender dig listen lige efter mødet."),
        ("ana", "Godt."),
        ("ana", "Cy, kan du sætte skiltene op i morgen tidlig?"),
        ("cy", "Ja."),
        ("bo", "Og jeg ringer til dig i morgen og hører, hvordan det gik."),
    ]
    items = rule_items(turns, language="da")
    assert [(i.owner, i.due.isoformat() if i.due else None) for i in items if i.owner == "bo"] == [
        ("bo", "2026-10-06"),
        ("bo", "2026-10-07"),
    ], items


def test_asking_the_owner_for_another_day_is_no_second_task() -> None:
    for language, turns in (
        (
            "en",
            [
                ("ana", "I'll upload the price file tomorrow."),
                ("bo", "Could you do it on Friday instead? The list gets cleaned tomorrow."),
            ],
        ),
        (
            "da",
            [
                ("ana", "Jeg sender tilbuddet inden fredag."),
                ("bo", "Kan du ikke nå det til torsdag?"),
                ("ana", "Jo, så siger vi torsdag."),
            ],
        ),
    ):
        items = rule_items(turns, people=THREE, language=language)
        assert [item.owner for item in items] == ["ana"], items


def test_a_new_dated_task_after_a_day_named_by_the_other_side_stays() -> None:
    for language, turns in (
        (
            "en",
            [
                ("ana", "I'll send the contract tomorrow."),
                ("bo", "Good, our board meets on Friday."),
                ("ana", "I'll also book the venue for the board dinner on Friday."),
            ],
        ),
        (
            "da",
            [
                ("ana", "Jeg sender kontrakten i morgen."),
                ("bo", "Godt, vores bestyrelse mødes på fredag."),
                ("ana", "Jeg booker også lokalet til middagen på fredag."),
            ],
        ),
    ):
        items = rule_items(turns, language=language)
        assert summary(items) == [("ana", "2026-10-07"), ("ana", "2026-10-09")], items


def test_a_dated_request_for_it_without_a_promise_before_stays() -> None:
    for language, turns in (
        (
            "en",
            [
                ("ana", "The draft contract is ready."),
                ("bo", "Ana, could you send it to legal on Friday?"),
                ("ana", "Sure."),
            ],
        ),
        (
            "da",
            [
                ("ana", "Udkastet til kontrakten er klar."),
                ("bo", "Ana, kan du sende det til juristen på fredag?"),
                ("ana", "Ja."),
            ],
        ),
    ):
        items = rule_items(turns, language=language)
        assert summary(items) == [("ana", "2026-10-09")], items


# ---- what the speaker needs for the work they just took on is its condition ---------------------


def test_just_send_me_after_taking_work_on_is_its_condition() -> None:
    for language, asked, said in (
        (
            "en",
            "Two of our people need lab access.",
            "I'll set up lab access for both of them. Just send me their email addresses.",
        ),
        ("en", "Would you join the call with their IT?", "Happy to. Just send me the invite."),
        (
            "da",
            "To af vores folk skal have adgang.",
            "Jeg opretter adgang til dem begge. Send mig bare deres mailadresser.",
        ),
        ("da", "Vil du være med på mødet med deres IT?", "Gerne. Send mig bare invitationen."),
    ):
        items = rule_items([("bo", asked), ("ana", said)], language=language)
        assert all(item.owner == "ana" for item in items), said


def test_a_dated_or_standalone_send_me_stays_a_request() -> None:
    for language, asked, said in (
        (
            "en",
            "Would you join the call with their IT?",
            "Sure, I'll join. Just send me the invite by Friday.",
        ),
        ("en", "Two of our people need lab access.", "It's ready. Just send me their addresses."),
        (
            "da",
            "Vil du være med på mødet med deres IT?",
            "Ja, jeg er med. Send mig bare invitationen inden fredag.",
        ),
    ):
        items = rule_items([("bo", asked), ("ana", said)], language=language)
        assert "bo" in [item.owner for item in items], said


# ---- a day taken back with "let's say" ----------------------------------------------------


def test_a_day_taken_back_with_lets_say_is_the_new_day() -> None:
    for text in (
        "den ringer jeg til på onsdag nej lad os sige torsdag",
        "Jeg sender den på onsdag. Nej, vent, lad os sige torsdag.",
        "I'll send it on Wednesday, no, let's say Thursday.",
    ):
        found = find_deadline(text, DAY, weeks=False)
        assert found is not None and found.date == dt.date(2026, 10, 8), (text, found)
    unchanged = find_deadline("I'll send it Wednesday. No, sorry, say again?", DAY, weeks=False)
    assert unchanged is not None and unchanged.date == dt.date(2026, 10, 7)


# ---- an undated offer, the other side's reply, then the offer dated ------------------------


def test_an_offer_dated_after_the_reply_is_one_dated_task() -> None:
    for turns, language, due in (
        (
            [
                ("cy", "I can pull the returns figures for you."),
                ("ana", "That would help a lot with the sizing."),
                ("cy", "Sure, I will get you the breakdown by Friday."),
            ],
            "en",
            "2026-10-09",
        ),
        (
            [
                ("cy", "I need to run the new terms past our board, they meet on Wednesday."),
                ("ana", "That is fine."),
                ("cy", "So you will have an answer from me by Friday."),
            ],
            "en",
            "2026-10-09",
        ),
        (
            [
                ("cy", "Jeg kan sende dig et udtræk af kundelisten."),
                ("ana", "Det ville hjælpe. Så kan jeg se, hvordan felterne hænger sammen."),
                ("cy", "Jeg sender det på torsdag."),
            ],
            "da",
            "2026-10-08",
        ),
    ):
        items = items_of(turns, people=SIDES, language=language)
        assert summary(items) == [("cy", due)], (turns, items)
        if "answer" in turns[2][1]:
            # A dated promise that only reports back keeps the offer's words.
            assert items[0].quote == turns[0][1], items


def test_the_dated_promise_that_names_the_work_is_quoted() -> None:
    # The offer points at the work ("send it over"); the dated promise names it.
    turns = [
        ("ana", "Once the audit is closed, I will send it over."),
        ("cy", "Good, the auditors finished yesterday."),
        ("ana", "Then I will send you the audit summary tomorrow."),
    ]
    items = items_of(turns, people=SIDES)
    assert summary(items) == [("ana", "2026-10-07")]
    assert items[0].quote == turns[2][1]


def test_a_question_in_between_keeps_the_dated_promise_apart() -> None:
    # "When can I have it?" asks for something new; the answer is its own task.
    items = items_of(
        [
            ("ana", "I'll need to clear the discount with our finance director."),
            ("cy", "When can I see the new terms?"),
            ("ana", "I'll send you a revised offer on Friday."),
        ],
        people=SIDES,
    )
    assert ("ana", "2026-10-09") in summary(items)
    assert len(items) == 2, items


# ---- a date said in the turns after an undated promise ----------------------------------------


def test_the_other_side_asking_for_a_date_dates_the_promise() -> None:
    items = items_of(
        [
            ("ana", "Jeg kan lave en oversigt over de åbne sager."),
            ("ben", "Tak, det er en god idé. Gerne inden torsdag, hvis du kan nå det."),
            ("cy", "Godt, næste punkt."),
        ],
        language="da",
    )
    assert summary(items) == [("ana", "2026-10-08")]
    items = items_of(
        [
            ("ana", "I'll put together a short list of the failing invoices."),
            ("ben", "Could we have it by the ninth? Finance closes the month then."),
            ("cy", "Moving on."),
        ]
    )
    assert summary(items) == [("ana", "2026-10-09")]


def test_a_date_for_other_work_or_turned_down_does_not_date_the_promise() -> None:
    items = items_of(
        [
            ("ana", "I'll update the onboarding guide."),
            ("ben", "Also, we need the signed order form by Friday."),
        ]
    )
    assert summary(items)[0] == ("ana", None)
    items = items_of(
        [
            ("ana", "Jeg tjekker licenserne igen."),
            ("ben", "Gerne inden onsdag."),
            ("ana", "Nej, det kan jeg ikke nå, jeg er væk resten af ugen."),
        ],
        language="da",
    )
    assert summary(items) == [("ana", None)]


def test_the_promiser_saying_the_date_in_a_short_yes_dates_the_promise() -> None:
    items = items_of(
        [
            ("ana", "Jeg kan godt skrive til leverandøren."),
            ("ben", "Ja, gør endelig det."),
            ("ana", "Du får svar senest i morgen."),
        ],
        language="da",
    )
    assert summary(items) == [("ana", "2026-10-07")]
    items = items_of(
        [
            ("ana", "I'll draft the customer letter."),
            ("ben", "When do you think?"),
            ("ana", "Thursday, fine."),
        ]
    )
    assert summary(items) == [("ana", "2026-10-08")]
    # A thank-you names the meeting, not a deadline.
    items = items_of([("ana", "I'll draft the customer letter."), ("ana", "Thanks for today.")])
    assert summary(items) == [("ana", None)]


def test_a_dated_promise_about_it_with_nothing_to_answer_is_kept() -> None:
    items = items_of(
        [
            ("ana", "the dashboard shows last week again"),
            ("ben", "i dont know why yet ill look into it tomorrow"),
        ]
    )
    assert summary(items) == [("ben", "2026-10-07")]
    items = items_of(
        [("ana", "Rapporten mangler tallene fra Odense."), ("ben", "Det kigger jeg på i dag.")],
        language="da",
    )
    assert summary(items) == [("ben", "2026-10-06")]


def test_a_clause_handing_it_over_dates_the_task() -> None:
    items = items_of(
        [("ana", "Jeg laver referatet selv, og du har det senest torsdag.")], language="da"
    )
    assert summary(items) == [("ana", "2026-10-08")]
    items = items_of([("ana", "I'll write the minutes myself, and you'll have them by Friday.")])
    assert summary(items) == [("ana", "2026-10-09")]
    # Another subject's date is not the task's.
    items = items_of([("ana", "I'll write the minutes, and then we can meet on Friday.")])
    assert summary(items) == [("ana", None)]


# ---- a day said instead of the one promised moves the promise, it adds no second task --------


def test_asking_for_a_day_instead_moves_the_promise() -> None:
    for language, turns in (
        (
            "en",
            [
                ("ana", "I'll load the new price list into the shop tomorrow."),
                ("bo", "Could you do it on Thursday instead? We still fix typos tomorrow."),
                ("ana", "No problem. Thursday it is, I'll load it on Thursday."),
            ],
        ),
        (
            "da",
            [
                ("ana", "Jeg lægger den nye prisliste ind i butikken i morgen."),
                ("bo", "Kan du gøre det på torsdag i stedet?"),
                ("ana", "Ja, torsdag er fint, så lægger jeg den ind torsdag."),
            ],
        ),
    ):
        items = rule_items(turns, people=THREE, language=language)
        assert summary(items) == [("ana", "2026-10-08")], items


def test_a_promise_of_another_day_instead_of_the_promised_one_moves_it() -> None:
    for language, turns in (
        (
            "en",
            [
                (
                    "ana",
                    "I'll put together a draft contract with both options and send it by Friday.",
                ),
                ("bo", "Our lawyer is away until next week anyway."),
                ("ana", "Then I'll get the contract to you by Tuesday instead of Friday."),
            ],
        ),
        (
            "da",
            [
                ("ana", "Jeg laver en prisliste med begge modeller og sender den på fredag."),
                ("bo", "Vores indkøber er først tilbage i næste uge."),
                ("ana", "Så sender jeg listen på tirsdag i stedet for fredag."),
            ],
        ),
    ):
        items = rule_items(turns, people=THREE, language=language)
        assert summary(items) == [("ana", "2026-10-13")], items


def test_instead_of_something_else_or_by_someone_else_is_a_task_of_its_own() -> None:
    items = rule_items(
        [
            ("ana", "I'll send you the quote on Friday."),
            ("bo", "Good."),
            ("ana", "And I'll book a call with your CFO on Monday instead of a site visit."),
            ("cai", "I'll run the stock import on Monday instead of Friday."),
        ],
        people=THREE,
        language="en",
    )
    assert summary(items) == [("ana", "2026-10-09"), ("ana", None), ("cai", "2026-10-12")], items


# ---- a dated promise in the owner's next turn dates their own open task ----------------------


def test_a_dated_promise_after_talk_about_the_deadline_dates_the_open_promise() -> None:
    items = rule_items(
        [
            ("ana", "Jeg laver en beregning af fragtprisen for jer."),
            ("cy", "Gerne for begge ruter, ikke kun Esbjerg."),
            ("ana", "Hvornår skal I bruge den?"),
            ("cy", "Til ledermødet på mandag. Og jeg skal sende dagsordenen ud i morgen."),
            ("ana", "Så sender jeg den senest fredag."),
        ],
        language="da",
    )
    assert summary(items) == [("ana", "2026-10-09"), ("cy", "2026-10-07")], items
    assert items[0].quote.startswith("Jeg laver en beregning") and "senest fredag" in items[0].quote


def test_a_request_said_yes_to_and_dated_turns_later_is_one_task() -> None:
    turns = [
        ("ana", "Ben, could you draft the migration checklist?"),
        ("ben", "Yes, I'll take it. But I need the server list from Cy."),
        ("cy", "Of course, I'll send you the server list today."),
        ("ben", "And when does the customer need the checklist?"),
        ("ana", "Before their steering group meets on the 15th."),
    ]
    items = rule_items(
        [*turns, ("ben", "Then I'll get the checklist to them before the fourteenth.")],
        language="en",
    )
    assert summary(items) == [("ben", "2026-10-14"), ("cy", "2026-10-06")], items
    # other work, named neither by a pronoun nor by its object: a task of its own
    items = rule_items([*turns, ("ben", "Then I'll email the supplier before the fourteenth.")])
    assert summary(items) == [("ben", None), ("cy", "2026-10-06"), ("ben", "2026-10-14")], items


# ---- work given to someone, dated by them a few turns on, is one task -----------------------


def test_work_volunteered_for_a_colleague_is_dated_by_their_later_promise() -> None:
    items = rule_items(
        [
            ("ana", "kunden vil gerne have en opdateret prisliste"),
            ("bo", "det kan cai tage han lavede den sidste"),
            ("cai", "ja det kan jeg godt men ikke før onsdag"),
            ("ana", "hvornår kan de så få den"),
            ("cai", "jeg skriver til dem og aftaler det inden torsdag"),
        ],
        language="da",
        people=THREE,
    )
    assert summary(items) == [("cai", "2026-10-08")], items


def test_a_request_named_again_with_a_day_after_other_talk_is_dated_not_doubled() -> None:
    items = rule_items(
        [
            ("ana", "Bo, can you draw up the rollout plan?"),
            ("bo", "Yes, I'll do it. I need the site list first."),
            ("cai", "I'll send you the site list this afternoon."),
            ("bo", "And when does the board meet?"),
            ("ana", "On the ninth."),
            ("bo", "Then I'll have the rollout plan with you before the ninth."),
        ],
        language="en",
        people=THREE,
    )
    assert summary(items) == [("bo", "2026-10-09"), ("cai", "2026-10-06")], items


# ---- a step said to come first is part of the task open, not a task of its own -------------


def test_a_first_step_of_a_task_given_to_the_speaker_is_no_second_task() -> None:
    items = rule_items(
        [
            ("ana", "Bo, could you price the extra licences?"),
            ("bo", "Sure, happy to."),
            ("cai", "When can we expect that?"),
            ("bo", "I'll talk to procurement first. I should have it to you by Thursday."),
        ],
        language="en",
        people=THREE,
    )
    assert summary(items) == [("bo", "2026-10-08")], items
    items = rule_items(
        [("ana", "jeg mailer dig oversigten på fredag, jeg skal bare have rettet navnene først")],
        language="da",
    )
    assert summary(items) == [("ana", "2026-10-09")], items


def test_a_talk_with_the_boss_first_after_an_own_promise_is_still_a_task() -> None:
    items = rule_items(
        [
            ("bo", "Kunne I lave en prøveperiode for os?"),
            (
                "ana",
                "Fint. Så sender jeg jer et udkast til en prøveperiode med pris. Det skal jeg"
                " lige vende med min chef først, for vi plejer ikke at give rabat på den.",
            ),
        ],
        language="da",
    )
    # the draft and the talk with the boss: two tasks of Ana's
    assert [item.owner for item in items].count("ana") == 2, items


# ---- two task texts name the same thing past their verbs --------------------------------------


def test_two_tasks_name_the_same_thing_by_an_object_word_or_a_form_of_it() -> None:
    from assistant.intelligence.action_items.follow_ups import _names_same_thing

    assert _names_same_thing("Order the banners", "Get the banners to the printer")
    assert _names_same_thing("Lav en prisliste", "Send prislisten til dem")
    # a shared verb, stop word or word naming no thing of its own is not the same work
    assert not _names_same_thing("Book a room before the workshop", "Send the agenda before lunch")
    assert not _names_same_thing("Ring til dem inden mødet", "Skriv til dem inden frokost")
    assert not _names_same_thing("Send the slides", "Send the invoice")


# ---- dated work moved to another day in a later turn ------------------------------------------


def test_work_moved_to_another_day_by_its_owner_later_takes_the_new_day() -> None:
    for turns, language, moved in (
        (
            [
                ("ana", "Jeg sender jer prisoversigten på torsdag."),
                ("cy", "Fint."),
                ("bo", "Ana, revisoren kommer først fredag."),
                ("ana", "Okay, så lad os flytte prisoversigten til mandag."),
            ],
            "da",
            "2026-10-12",
        ),
        (
            [
                ("ana", "I'll draft the migration plan by Wednesday."),
                ("cy", "Sounds good."),
                ("bo", "Our architect is out until Thursday."),
                ("ana", "Then let's make the migration plan Friday instead."),
            ],
            "en",
            "2026-10-09",
        ),
    ):
        items = rule_items(turns, language=language)
        assert summary(items) == [("ana", moved)], (turns, items)
        assert turns[3][1] in items[0].quote, items


def test_moving_other_work_or_asking_to_move_keeps_the_promised_day() -> None:
    for turns, language in (
        (
            [
                ("ana", "I'll send you the signed contract by Thursday."),
                ("cy", "Great."),
                ("ana", "And let's move the workshop to Monday."),
            ],
            "en",
        ),
        (
            [
                ("ana", "Jeg sender jer kontrakten på torsdag."),
                ("cy", "Godt."),
                ("ana", "Kan vi flytte kontrakten til mandag?"),
            ],
            "da",
        ),
    ):
        items = rule_items(turns, language=language)
        assert ("ana", "2026-10-08") in summary(items), (turns, items)


def test_a_dated_then_i_after_the_own_undated_promise_says_how_it_is_done() -> None:
    # In the same turn: the result of the work, handed over on a day.
    samme = items_of(
        [("ana", "Jeg finder en reservedel hos grossisten. Så sender jeg dig prisen på torsdag.")],
        language="da",
    )
    assert summary(samme) == [("ana", "2026-10-08")], samme
    assert "Så sender jeg dig prisen" in samme[0].quote
    # In the next own turn, after the offer was taken up.
    taken = items_of(
        [
            ("ana", "I can look at the backup logs."),
            ("ben", "Yes please, that would be great."),
            ("ana", "Then I'll work out what failed and write to you by Friday."),
        ]
    )
    assert summary(taken) == [("ana", "2026-10-09")], taken


def test_a_then_i_after_a_dated_promise_stays_a_task() -> None:
    dated = items_of(
        [("ana", "I'll send the report on Monday. Then I'll call the installer on Wednesday.")]
    )
    assert summary(dated) == [("ana", "2026-10-12"), ("ana", "2026-10-07")], dated


# ---- a day asked, by "it", for work just asked or offered dates that work -------------------


def test_a_day_asked_by_it_for_a_request_just_taken_on_dates_that_request() -> None:
    items = rule_items(
        [
            ("ana", "Bo, kan du sende mig oversigten over de åbne fakturaer?"),
            ("bo", "Ja, det gør jeg."),
            ("ana", "Kan jeg få den inden fredag?"),
            ("bo", "Fredag passer fint."),
        ],
        language="da",
    )
    assert summary(items) == [("bo", "2026-10-09")], items
    assert items[0].text == "Send mig oversigten over de åbne fakturaer"


def test_the_day_the_owner_answers_with_stands_over_the_day_asked() -> None:
    items = rule_items(
        [
            ("ana", "Bo, kan du sende mig oversigten over de åbne fakturaer?"),
            ("bo", "Ja, det gør jeg."),
            ("ana", "Kan vi få den i morgen?"),
            ("bo", "I morgen kan jeg ikke nå, vi er ude hos en kunde. Men du har den på mandag."),
        ],
        language="da",
    )
    assert summary(items) == [("bo", "2026-10-12")], items
    items = rule_items(
        [
            ("ana", "Bo, kan du sende mig oversigten over de åbne fakturaer?"),
            ("bo", "Ja, det gør jeg."),
            ("ana", "Kan jeg få den inden fredag?"),
            ("bo", "Nej, desværre."),
        ],
        language="da",
    )
    assert summary(items) == [("bo", None)], items


def test_a_day_asked_by_it_before_an_event_dates_the_offer_just_taken() -> None:
    items = rule_items(
        [
            ("bo", "Jeg kan lave en kort tjekliste til lagerfolkene, hvis I vil."),
            ("ana", "Ja tak. Kan jeg få den inden mødet på torsdag?"),
            ("bo", "Ja, det kan du."),
        ],
        language="da",
    )
    assert summary(items) == [("bo", "2026-10-08")], items
    assert items[0].text == "Lav en kort tjekliste til lagerfolkene"


# ---- the asker asks for the work just agreed by a day ----------------------------------------


def test_asking_for_the_agreed_work_by_a_day_dates_it() -> None:
    for turns, language in (
        (
            [
                ("ana", "Bo, could you send me the names of the drivers who are missing?"),
                ("bo", "Yes, I can do that."),
                ("ana", "Could I have it by Thursday, so the movers can plan?"),
                ("bo", "Sure."),
            ],
            "en",
        ),
        (
            [
                (
                    "ana",
                    "Bo, kan du sende mig navnene på de chauffører, der mangler,"
                    " så vi ser, om det er en fejl?",
                ),
                ("bo", "Ja, det kan jeg godt."),
                ("ana", "Kan jeg få dem inden torsdag, så flyttefolkene kan planlægge?"),
                ("bo", "Ja."),
            ],
            "da",
        ),
    ):
        assert summary(rule_items(turns, language=language)) == [("bo", "2026-10-08")], turns


def test_a_day_asked_for_and_turned_down_gives_way_to_the_owners_day() -> None:
    for turns, language in (
        (
            [
                ("ana", "Bo, could you write up the test results for the board?"),
                ("bo", "Sure, I'll write them up."),
                ("ana", "Could we get it tomorrow?"),
                ("bo", "Tomorrow is tricky, we have the audit all day. But you'll have it Friday."),
            ],
            "en",
        ),
        (
            [
                ("ana", "Bo, kan du skrive testresultaterne sammen til bestyrelsen?"),
                ("bo", "Ja, det gør jeg."),
                ("ana", "Kan vi få det i morgen?"),
                ("bo", "I morgen bliver svært, vi har revision hele dagen. Men du har det fredag."),
            ],
            "da",
        ),
    ):
        assert summary(rule_items(turns, language=language)) == [("bo", "2026-10-09")], turns
