"""Replies to a request or an offer: a yes is the request's task, quoted with it; a no is none."""

from __future__ import annotations

from assistant.intelligence.action_items.extraction import rule_action_items
from assistant.intelligence.action_items.model import ActionItem
from assistant.intelligence.action_items.spans import span_quotes
from assistant.intelligence.sentences import Sentence
from assistant.transcript import Side
from tests.assistant.test_understanding import DAY, items_of, meeting, rule_items, summary

SIDES: dict[str, str | None] = {"ana": "internal", "ben": "internal", "cy": "external"}

# ---- a yes that dates a request is quoted with it --------------------------------------------


def test_a_yes_with_its_own_day_is_quoted_with_the_request_it_answers() -> None:
    for turns, language in (
        (
            [("ana", "Bo, kan du rette prislisten?"), ("bo", "Ja, det gør jeg inden fredag.")],
            "da",
        ),
        (
            [("ana", "Send mig prislisten i morgen."), ("bo", "Det gør jeg, den kommer i morgen.")],
            "da",
        ),
        (
            [("ana", "bo kan du rette prislisten"), ("bo", "jo det klarer jeg på fredag")],
            "da",
        ),
        (
            [("ana", "Bo, could you fix the price list?"), ("bo", "Yes, will do, by Friday.")],
            "en",
        ),
        (
            [("ana", "Bo, could you fix the price list?"), ("bo", "Sure, I'll do that by Friday.")],
            "en",
        ),
    ):
        (item,) = rule_items(turns, language=language)
        assert item.owner == "bo", (turns, item)
        assert item.due is not None, (turns, item)
        assert turns[0][1] in item.quote and turns[1][1] in item.quote, (turns, item)


def test_a_bare_yes_dated_only_later_in_the_turn_leaves_the_turn_to_the_task() -> None:
    # "Ja, den laver jeg. Du har den inden fredag. Jeg tager…": the yes names no day; what the
    # rest of the turn says is still part of the same task, not a second one.
    for turns, language in (
        (
            [
                ("ana", "Bo, kan du samle en liste over de ti største kunder?"),
                ("bo", "Ja, den laver jeg. Du har den inden torsdag. Jeg tager dem fra Fyn først."),
            ],
            "da",
        ),
        (
            [
                ("ana", "Bo, could you put together a list of the ten biggest customers?"),
                ("bo", "Sure. You'll have it by Thursday. I'll start with the ones on Funen."),
            ],
            "en",
        ),
    ):
        items = rule_items(turns, language=language)
        assert [(i.owner, i.due.isoformat() if i.due else None) for i in items] == [
            ("bo", "2026-10-08")
        ], (turns, items)


# ---- an offer the other side turns down without saying "no" ----------------------------------


def test_an_offer_turned_down_politely_is_no_task() -> None:
    for turns, language in (
        (
            [
                ("ana", "I can send your team our onboarding videos before the kick-off."),
                ("ben", "I'd rather you didn't, they should hear it from us first."),
            ],
            "en",
        ),
        (
            [
                ("ana", "I can also send you a comparison with your current supplier."),
                ("ben", "Thanks, but we did that ourselves last spring."),
            ],
            "en",
        ),
        (
            [
                ("bo", "Jeg kan også sende jer en oversigt over vores kurser inden opstarten."),
                ("eva", "Tak, men den har vi fået fra Lis."),
            ],
            "da",
        ),
    ):
        assert rule_items(turns, language=language) == [], turns


def test_an_offer_taken_up_with_thanks_is_a_task() -> None:
    items = rule_items(
        [
            ("bo", "Jeg kan sende jer en oversigt over vores kurser inden opstarten."),
            ("eva", "Tak, det vil være en stor hjælp."),
        ],
        language="da",
    )
    assert summary(items) == [("bo", None)], items


# ---- a bare yes in the next turn is quoted with the request it answers ---------------------


def test_a_bare_yes_is_quoted_with_the_request() -> None:
    for need, request, yes, language in (
        (
            "VI SKAL HAVE SAMLET EN OVERSIGT OVER REKLAMATIONERNE",
            "LONE KAN DU TJEKKE DE FIRE FAKTURAER FRA OKTOBER",
            "JA DET KAN JEG GODT",
            "da",
        ),
        (
            "Vi skal have lavet en oversigt over reklamationerne.",
            "Lone, kan du tjekke de fire fakturaer fra oktober?",
            "Ja, det kan jeg godt.",
            "da",
        ),
        (
            "We need a summary of the complaints.",
            "Lone, could you check the four invoices from October?",
            "Yes, I'll do it.",
            "en",
        ),
    ):
        items = rule_items([("per", need), ("per", request), ("lone", yes)], language=language)
        assert [item.owner for item in items] == ["lone"], items
        # the quote shows the work asked for and the yes that took it on
        assert items[0].quote == f"{request} {yes}", items


def test_a_yes_to_a_request_by_pronoun_is_quoted_with_it() -> None:
    need = ("ana", "Vi mangler en tjekliste til opstarten.")
    request = ("ana", "Bo, vil du skrive et første udkast til den?")
    items = rule_items([need, request, ("bo", "Ja, det tager jeg.")], language="da")
    assert items[0].quote == f"{request[1]} Ja, det tager jeg.", items
    # a dated yes is its own item, still quoted with the request that says what "det" is
    items = rule_items([need, request, ("bo", "Ja, det skriver jeg på fredag.")], language="da")
    assert summary(items) == [("bo", "2026-10-09")], items
    assert items[0].quote == f"{request[1]} Ja, det skriver jeg på fredag.", items


def test_an_answer_that_names_the_work_keeps_its_own_quote() -> None:
    items = rule_items(
        [
            ("ida", "Omar, could you chase the missing purchase order?"),
            ("omar", "Sure, I'll chase the purchase order with their finance team on Friday."),
        ]
    )
    assert [item.owner for item in items] == ["omar"], items
    assert items[0].quote.startswith("Sure, I'll chase"), items


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


def test_danish_yes_please_takes_an_offer() -> None:
    items = items_of(
        [
            ("ana", "Jeg kan sende jer en skabelon til importen."),
            ("ben", "Ja tak, det vil jeg meget gerne."),
        ],
        language="da",
    )
    assert summary(items) == [("ana", None)]


def test_the_answer_to_a_vague_request_is_quoted() -> None:
    items = items_of(
        [
            ("ana", "The draft contract is ready. Could you check it?"),
            ("ben", "Forward it to me and I'll check it by Wednesday."),
        ]
    )
    assert summary(items) == [("ben", "2026-10-07")]
    assert items[0].quote == "Forward it to me and I'll check it by Wednesday."


def test_a_present_tense_answer_to_a_request_is_a_promise() -> None:
    items = rule_items(
        [
            ("ana", "Can somebody send us the updated pricing sheet?"),
            ("bo", "Who has it?"),
            ("cy", "I have it. I send it to you right after the meeting."),
        ],
        language="en",
    )
    assert [item.owner for item in items] == ["cy"], items
    assert items[0].text.lower().startswith("send the updated pricing sheet"), items


# ---- "could we get X?" taken on by whoever answers, in either language ----------------------


def test_asking_for_a_thing_taken_on_in_either_language_is_the_repliers_task() -> None:
    for reply in ("I'll take care of it.", "Jeg tager mig af det, Ana."):
        items = rule_items(
            [("ana", "Could we get a separate test environment?"), ("emil", reply)],
            people={"ana": "external", "emil": "internal"},
        )
        assert [item.owner for item in items] == ["emil"], (reply, items)
        assert "test environment" in items[0].text, items


def test_asking_for_a_thing_answered_by_a_bare_yes_or_a_fact_is_no_task() -> None:
    for reply in ("Sure.", "Yes, that's possible."):
        turns = [("ana", "Can we get the reports in Excel?"), ("emil", reply)]
        assert rule_items(turns, language="en") == [], reply


# ---- spoken Danish "jep" says yes; a bare yes after the team took it on --------------------


def test_jep_takes_on_a_request_as_ja_does() -> None:
    items = rule_items(
        [
            ("ana", "Det ser skidt ud med bryggeriet. Lone, kan du ringe til dem?"),
            ("lone", "Jep, det gør jeg."),
            ("lone", "I morgen."),
        ],
        people={"ana": None, "lone": None, "bo": None},
    )
    assert summary(items) == [("lone", "2026-10-07")]


# ---- a commitment said indirectly, and taken by someone other than the one asked ----------


def test_work_taken_on_in_so_many_words_is_quoted_with_the_promise() -> None:
    for turns, language, due in (
        (
            [
                ("ana", "The pilot sites still need their badges."),
                ("ben", "Consider it done. I'll order the badges for the pilot sites on Thursday."),
            ],
            "en",
            "2026-10-08",
        ),
        (
            [
                ("ana", "Vi mangler stadig en plan for uddannelsen."),
                ("ben", "Jeg tager mig af det. Jeg laver en plan for uddannelsen inden fredag."),
            ],
            "da",
            "2026-10-09",
        ),
        (
            [
                ("ana", "The two new hires in support still have no access to the ticket system."),
                ("ben", "I'll take care of that. I'll set up accounts for them by Monday."),
            ],
            "en",
            "2026-10-12",
        ),
    ):
        items = items_of(turns, language=language)
        assert summary(items) == [("ben", due)], turns
        assert items[0].quote == turns[1][1]


# ---- a request to the other side that they turn down ------------------------------------


def test_a_request_to_the_other_side_turned_down_with_we_do_not_is_no_task() -> None:
    people: dict[str, Side | None] = {"ana": "internal", "ben": "internal", "cy": "external"}
    turns = [
        ("cy", "Kunne I ikke holde kurset ude hos os i Vejle?"),
        ("ana", "Det gør vi desværre ikke mere, alt kører online nu."),
    ]
    assert items_of(turns, people=people, language="da") == []
    turns = [("cy", "Kunne I ikke holde kurset ude hos os i Vejle?"), ("ana", "Det gør vi gerne.")]
    assert [item.owner for item in items_of(turns, people=people, language="da")] == [
        "team:internal"
    ]


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


# DAY is a Tuesday (2026-10-06): Wednesday the 7th, Thursday the 8th, Friday the 9th.

# ---- the quote: the words of one turn that make the promise --------------------------------


def test_the_sentence_that_takes_the_work_on_is_quoted_with_the_promise() -> None:
    for turns, quote in (
        (
            [
                ("ana", "The invoices from March still show the old VAT number."),
                ("ben", "Leave that with me. I'll get finance to reissue them."),
            ],
            "Leave that with me. I'll get finance to reissue them.",
        ),
        (
            [
                ("ana", "Kan I regne på en pris for to lagre?"),
                ("ben", "Ja, det kigger jeg på. Jeg sender et nyt tilbud på fredag."),
            ],
            "Ja, det kigger jeg på. Jeg sender et nyt tilbud på fredag.",
        ),
    ):
        items = items_of(turns, language="da" if "Kan" in turns[0][1] else "en")
        assert [item.quote for item in items] == [quote], turns
        assert items[0].owner == "ben"


def test_a_yes_about_someone_else_is_not_quoted_with_a_promise() -> None:
    items = items_of(
        [
            ("ana", "Can the drivers see the route before they leave?"),
            ("ben", "Yes, they can. I'll add the route preview to the app by Friday."),
        ]
    )
    assert [item.quote for item in items] == ["I'll add the route preview to the app by Friday."]
    assert summary(items) == [("ben", "2026-10-09")]


# ---- a need said aloud, taken on by someone else ------------------------------------------


def test_a_need_taken_on_by_another_is_their_task() -> None:
    items = items_of(
        [
            ("ana", "Til testen skal vi bruge tre brugere fra lønkontoret."),
            ("ben", "Dem skaffer jeg. Du har navnene i morgen."),
        ],
        language="da",
    )
    assert summary(items) == [("ben", "2026-10-07")]
    english = items_of(
        [
            ("ana", "It would help to have the serial numbers of the faulty units."),
            ("ben", "Leave that with me. You'll have them on Friday."),
        ]
    )
    assert summary(english) == [("ben", "2026-10-09")]


def test_a_need_answered_with_a_promise_of_its_own_is_one_task() -> None:
    items = items_of(
        [
            ("ana", "Vi skal bruge antallet af licenser inden kontrakten."),
            ("ben", "Det kan jeg finde ud af. Jeg tæller dem og sender tallet til dig på fredag."),
        ],
        language="da",
    )
    assert summary(items) == [("ben", "2026-10-09")]


def test_an_offer_to_talk_with_others_taken_up_is_a_task() -> None:
    items = items_of(
        [
            ("ana", "Jeg kan tage en snak med de andre afdelingsledere, hvis det hjælper jer."),
            ("ben", "Det ville være en stor hjælp."),
        ],
        language="da",
    )
    assert summary(items) == [("ana", None)]
    # A round of talk in the meeting itself is no task.
    assert items_of([("ana", "Vi tager en runde mere på fredag.")], language="da") == []


def test_a_dated_take_on_that_answers_no_request_is_a_promise() -> None:
    items = items_of(
        [
            ("ana", "Hvornår kan de sidste tyve kontrakter være scannet?"),
            ("ben", "Dem klarer jeg inden den 15. Jeg har fået en ny scanner."),
        ],
        language="da",
    )
    assert summary(items) == [("ben", "2026-10-15")]


def test_a_bare_yes_before_a_question_for_the_date_does_not_stop_the_date() -> None:
    items = items_of(
        [
            ("ana", "Ben, can you check the invoice run for October?"),
            ("ben", "Yes."),
            ("cy", "When would that be realistic, Ben?"),
            ("ben", "Give me until Thursday, I'm at a customer tomorrow."),
        ]
    )
    assert summary(items) == [("ben", "2026-10-08")]


def test_granting_a_request_is_quoted_with_the_promise() -> None:
    items = items_of(
        [
            ("ana", "I'd like the retention period written into the contract itself."),
            ("ben", "That's reasonable. I'll add it by Monday."),
        ]
    )
    assert items[0].quote == "That's reasonable. I'll add it by Monday."
    assert summary(items) == [("ben", "2026-10-12")]


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


def test_an_answer_that_only_says_the_requests_date_again_keeps_the_requests_quote() -> None:
    items = items_of(
        [
            ("ana", "Kan du sende lagerlisten inden torsdag, Ben?"),
            ("ben", "Ja, den har du torsdag."),
        ],
        language="da",
    )
    assert summary(items) == [("ben", "2026-10-08")]
    assert "lagerlisten" in items[0].quote


def test_a_fronted_yes_answers_a_question_request() -> None:
    people = {"ana": "external", "ben": "internal"}
    items = items_of(
        [
            ("ana", "Kan I lave en beregning med begge løsninger, så vi kan sammenligne?"),
            ("ben", "Det laver jeg. I har den torsdag."),
        ],
        people=people,
        language="da",
    )
    assert summary(items) == [("ben", "2026-10-08")]
    assert "beregning" in items[0].quote


def test_dates_asked_for_after_a_yes_date_the_task() -> None:
    items = items_of(
        [
            ("ana", "Ben, kan du rydde op i kundelisten?"),
            ("ben", "Det kan jeg godt, men først efter nytår."),
            ("ana", "Hvad betyder det i datoer?"),
            ("ben", "Lad os sige den 8. januar."),
        ],
        language="da",
    )
    assert summary(items) == [("ben", "2027-01-08")]


def test_new_business_is_not_the_answer_to_the_request_before() -> None:
    items = items_of(
        [
            ("ana", "Jeg har ikke tallene fra Odense endnu."),
            ("cy", "Så skriv et skøn ind."),
            ("ben", "En ting til: jeg laver en ny prisliste, den er klar til torsdag."),
        ],
        language="da",
    )
    assert ("ana", None) in summary(items)
    assert ("ben", "2026-10-08") in summary(items)


def test_an_answer_that_names_the_work_only_by_a_pronoun_is_quoted_with_the_request() -> None:
    items = items_of(
        [
            ("ana", "Ben, kan du tjekke fakturaerne fra Aarhus?"),
            ("ben", "Det kan jeg godt, men først på fredag."),
        ],
        language="da",
    )
    assert summary(items) == [("ben", "2026-10-09")]
    assert "fakturaerne" in items[0].quote and "fredag" in items[0].quote


def test_an_offer_turned_down_with_we_will_do_it_ourselves_is_no_task() -> None:
    items = items_of(
        [("ana", "Do you want us to call the drivers?"), ("ben", "No, we'll do that ourselves.")]
    )
    assert items == []


def test_how_the_work_is_done_after_a_dated_yes_keeps_the_request() -> None:
    items = items_of(
        [
            ("ana", "Ben, kan du lave en oversigt over de ti største kunder?"),
            ("ben", "Ja, den laver jeg. Du har den inden fredag. Jeg tager dem fra Jylland først."),
        ],
        language="da",
    )
    assert summary(items) == [("ben", "2026-10-09")]
    assert "oversigt" in items[0].quote


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


# ---- help turned down, and how the speaker gets by without it ---------------------------------


def test_help_turned_down_and_doing_without_it_is_no_task() -> None:
    offered = {
        "en": ("bo", "I can send you an overview of the import if you like?"),
        "da": ("bo", "Jeg kan godt sende dig en oversigt over importen, hvis du vil?"),
    }
    for language, said in (
        ("en", "No, that's fine. I'll just look in the system myself."),
        ("en", "No need, thanks. I'll just write in the ticket when the port is open."),
        ("da", "Nej, det er fint. Jeg kigger selv i systemet."),
        ("da", "Nej, det behøver du ikke. Jeg skriver bare i sagen, når porten er åben."),
    ):
        assert rule_items([offered[language], ("ana", said)], language=language) == [], said


def test_doing_it_oneself_by_a_day_stays_a_promise() -> None:
    for language, offered, said in (
        ("en", "I can check the import for you?", "No thanks. I'll check it myself tomorrow."),
        ("da", "Jeg kan tjekke importen for dig?", "Nej tak. Jeg tjekker det selv i morgen."),
    ):
        items = rule_items([("bo", offered), ("ana", said)], language=language)
        assert summary(items) == [("ana", "2026-10-07")], said


# ---- a request turned down with the day it was asked for -----------------------------------


def test_a_request_turned_down_by_naming_the_day_is_no_task() -> None:
    for turns, language in (
        (
            [
                ("ann", "Bob, could you call Halden about the invoice on Friday?"),
                ("bob", "Not on Friday, sorry, I am on leave all day."),
                ("ann", "Okay."),
            ],
            "en",
        ),
        (
            [
                ("ann", "Could you send us the raw export in the meantime?"),
                ("bob", "Not this week, sorry. It is not ready."),
            ],
            "en",
        ),
        (
            [
                ("ann", "UM BOB COULD YOU CALL HALDEN ABOUT THE INVOICE ON FRIDAY"),
                ("bob", "UH NOT FRIDAY SORRY I AM AT THE TRADE FAIR"),
            ],
            "en",
        ),
        (
            [
                ("ann", "Bob, kan du ringe til Halden om fakturaen på fredag?"),
                ("bob", "Desværre, ikke på fredag, jeg har fri."),
            ],
            "da",
        ),
        (
            [
                ("ann", "Bob, kan du ringe til Halden om fakturaen?"),
                ("bob", "Jeg har ikke tid i denne uge, desværre."),
            ],
            "da",
        ),
        (
            [
                ("ann", "BO KAN DU RINGE TIL HALDEN OM FAKTURAEN"),
                ("bo", "ØH IKKE I MORGEN DESVÆRRE JEG ER SYG"),
            ],
            "da",
        ),
    ):
        assert rule_items(turns, language=language) == [], turns


def test_a_day_turned_down_for_another_day_still_takes_the_request() -> None:
    for turns, language, expected in (
        (
            [
                ("ann", "Bob, could you call Halden about the invoice?"),
                ("bob", "Not Thursday, sorry, but Friday works."),
            ],
            "en",
            [("bob", "2026-10-09")],
        ),
        (
            [
                ("ann", "Bob, kan du ringe til Halden om fakturaen?"),
                ("bob", "Ja, det kan jeg godt. Bare ikke på torsdag."),
            ],
            "da",
            [("bob", None)],
        ),
        (
            [
                ("ann", "UM BOB COULD YOU CALL HALDEN ABOUT THE INVOICE"),
                ("bob", "UH YEAH I WILL DO THAT ON FRIDAY"),
            ],
            "en",
            [("bob", "2026-10-09")],
        ),
        (
            [
                ("ann", "BO KAN DU RINGE TIL HALDEN OM FAKTURAEN"),
                ("bo", "ØH JA DET GØR JEG I MORGEN"),
            ],
            "da",
            [("bo", "2026-10-07")],
        ),
    ):
        items = rule_items(turns, language=language)
        assert summary(items) == expected, (turns, items)


# ---- an offer the other side says is not needed ---------------------------------------------


def test_an_offer_the_other_side_does_not_need_is_no_task() -> None:
    for turns, language in (
        (
            [
                (
                    "bo",
                    "Jeg tager gerne ud og viser det for jeres bestyrelse, hvis I vil have det.",
                ),
                ("ann", "Det tror jeg ikke bliver nødvendigt."),
            ],
            "da",
        ),
        (
            [
                ("bo", "I am happy to come over and present it to your board, if you like."),
                ("ann", "That will not be necessary, thanks."),
            ],
            "en",
        ),
        (
            [
                ("bo", "I will send you the slides later."),
                ("ann", "No need, we already have them."),
            ],
            "en",
        ),
    ):
        assert rule_items(turns, language=language) == [], turns


def test_an_offer_the_other_side_already_has_or_does_not_need_is_no_task() -> None:
    for reply in (
        "Honestly, we don't need a training video yet.",
        "We already have one, our IT lead wrote it last spring.",
    ):
        turns = [("bo", "I'll record a short training video for your drivers."), ("ann", reply)]
        assert rule_items(turns, language="en") == [], reply


def test_a_please_do_is_for_what_the_offerer_said_last() -> None:
    # the yes is for the plan said after the offer was turned down, not for the offer
    items = rule_items(
        [
            ("bo", "I could also build a comparison sheet on Rotaplan, their prices and gaps."),
            ("ann", "We already have one from last year, marketing owns it."),
            ("bo", "Then I will ask marketing to refresh the Rotaplan sheet with what we learned."),
            ("ann", "Please do. And add the price gap, that is the most useful bit."),
        ],
        language="en",
    )
    assert not any("comparison sheet" in item.text for item in items), items


def test_a_promise_whose_reply_waves_off_something_else_stays() -> None:
    items = rule_items(
        [
            ("bo", "Jeg sender dig slides i morgen."),
            ("ann", "Tak, det er ikke nødvendigt med noter."),
        ],
        language="da",
    )
    assert summary(items) == [("bo", "2026-10-07")], items


# ---- a bare yes quoted alone says too little ------------------------------------------------


def test_a_bare_yes_is_quoted_with_the_speakers_next_sentence() -> None:
    people: dict[str, Side | None] = {"ana": None, "ben": None}
    turns = [
        ("ana", "Nogen skal kigge på, hvorfor eksporten fejler."),
        ("ben", "Det tager jeg. Jeg har alligevel loggen åben."),
    ]
    items = list(rule_action_items(meeting(turns, people=people, language="da")))
    assert [item.quote for item in items] == [turns[1][1]], items


def test_a_bare_yes_is_not_quoted_with_news_about_someone_else() -> None:
    people: dict[str, Side | None] = {"ana": None, "ben": None}
    turns = [
        ("ana", "Nogen skal kigge på, hvorfor eksporten fejler."),
        ("ben", "Det tager jeg. Hun er på kursus hele ugen."),
    ]
    items = list(rule_action_items(meeting(turns, people=people, language="da")))
    assert [item.quote for item in items] == ["Det tager jeg."], items


# ---- a bare yes quoted with the sentence that dates it for the other side ---------------


def test_a_bare_yes_is_quoted_with_the_dated_sentence_to_the_other_side() -> None:
    for yes, dated, language in (
        ("Det gør jeg.", "I hører fra mig inden fredag.", "da"),
        ("Det ordner jeg.", "Du er på listen i morgen.", "da"),
        ("Will do.", "You'll hear from me by Friday.", "en"),
    ):
        sentences = [
            Sentence(yes, "ben", 5.0, language, 1),
            Sentence(dated, "ben", 6.0, language, 1),
        ]
        item = ActionItem("Check the stock", "ben", None, "ben", 5.0, yes, language=language)
        [spanned] = span_quotes([item], sentences, DAY)
        assert spanned.quote == f"{yes} {dated}"
        assert spanned.due is not None and spanned.due > DAY


def test_a_dated_sentence_about_someone_else_is_not_taken() -> None:
    sentences = [
        Sentence("Det gør jeg.", "ben", 5.0, "da", 1),
        Sentence("Hun har ferie til fredag.", "ben", 6.0, "da", 1),
    ]
    item = ActionItem("Tjek lageret", "ben", None, "ben", 5.0, "Det gør jeg.", language="da")
    assert span_quotes([item], sentences, DAY) == [item]


# ---- a Danish refusal with the object before "ikke" --------------------------------------


def test_a_danish_refusal_with_the_object_first_is_no_task() -> None:
    for said in (
        "Jeg underskriver den ikke, før vores jurist har læst den.",
        "Jeg bestiller dem ikke, før vi kender prisen.",
    ):
        turns = [("cy", "Kan vi få kontrakten på plads?"), ("ana", said)]
        assert items_of(turns, people=SIDES, language="da") == [], said
    # "ikke før mandag": a day, when the work comes; still a promise
    turns = [("cy", "Får vi rapporten?"), ("ana", "Jeg sender den ikke før mandag.")]
    assert [item.owner for item in items_of(turns, people=SIDES, language="da")] == ["ana"]


# ---- a Danish yes in one verb, spelled out in the same turn ----------------------------------


def test_a_one_verb_yes_is_no_task_of_its_own() -> None:
    for yes in ("Det kan jeg sagtens nå.", "Det kan jeg godt koordinere."):
        items = items_of(
            [
                ("ana", "Jeg opdaterer prislisten."),
                ("ben", "Gerne inden mandag."),
                ("ana", yes),
            ],
            language="da",
        )
        assert summary(items) == [("ana", "2026-10-12")], yes


def test_the_answer_is_the_sentence_quoted_with_the_date_said_right_after_it() -> None:
    items = items_of(
        [
            ("ana", "Could you check why the sync stopped?"),
            ("ben", "Sure, I'll dig into the sync logs. You'll have an answer tomorrow."),
        ],
        people={"ana": None, "ben": None, "cy": None},
    )
    assert summary(items) == [("ben", "2026-10-07")]
    assert items[0].quote == "Sure, I'll dig into the sync logs. You'll have an answer tomorrow."


def test_an_answer_opening_with_det_goer_jeg_merges_into_the_request() -> None:
    items = items_of(
        [
            ("ana", "Så skriv til dem og spørg, om de kan levere før jul."),
            ("ben", "Det gør jeg. Jeg skriver til leverandøren i morgen."),
        ],
        people={"ana": None, "ben": None, "cy": None},
        language="da",
    )
    assert summary(items) == [("ben", "2026-10-07")]


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


def test_work_handed_to_someone_by_name_is_quoted_with_their_yes() -> None:
    people: dict[str, Side | None] = {"ana": "internal", "ben": "internal", "cy": "external"}
    turns = [
        ("cy", "Whenever you have the logo, Ben can redo the template."),
        ("ben", "Sure, I can do that."),
    ]
    (item,) = rule_items(turns, people=people)
    assert (item.owner, item.due) == ("ben", None)
    assert item.quote == f"{turns[0][1]} {turns[1][1]}"
    # A day said later in the turn that takes it on is its deadline.
    turns[1] = ("ben", "Sure, I can do that. Send me the logo on Friday and I'll redo it then.")
    (item,) = rule_items(turns, people=people)
    assert summary([item]) == [("ben", "2026-10-09")]
    assert turns[1][1] in item.quote


# ---- an offer of what is done in the meeting itself ------------------------------------------


def test_an_offer_done_there_and_then_is_no_task_once_taken() -> None:
    for offer in (
        "Jeg kan slå påmindelserne fra lige nu, så kunderne ikke får flere.",
        "Skal jeg åbne for adgangen nu?",
        "Skal jeg dele lagervisningen, så I kan se beholdningen?",
    ):
        turns = [("ana", offer), ("bo", "Ja, gør det.")]
        assert rule_items(turns, language="da") == [], offer


def test_an_offer_for_later_taken_up_stays_a_task() -> None:
    turns = [("ana", "Jeg kan slå påmindelserne fra i aften."), ("bo", "Ja, gør det.")]
    assert [item.owner for item in rule_items(turns, language="da")] == ["ana"]


# ---- an answer's own item is quoted with the request it takes on -----------------------------


def test_a_dated_yes_to_a_request_is_quoted_with_the_request() -> None:
    for request, answer, language in (
        (
            "Omar, the export of the missing invoices, can you rerun it today?",
            "Yes, I'll rerun it this afternoon and compare the counts.",
            "en",
        ),
        (
            "Kasper, prislisten fra grossisten, kan du rykke dem for den i dag?",
            "Ja, jeg rykker dem i eftermiddag og sender den videre.",
            "da",
        ),
    ):
        owner = request.split(",")[0].lower()
        items = rule_items([("mona", request), (owner, answer)], language=language)
        assert [item.owner for item in items] == [owner], items
        # the evidence shows the work asked for and the yes that took it on
        assert items[0].quote == f"{request} {answer}", items


def test_a_bare_dated_yes_gives_the_request_its_day_and_its_answerer() -> None:
    # the words that take a request on are those of `structure._TAKES_ON` ("happy to")
    for request, answer, language in (
        ("Mia, could you send me the updated price list?", "Happy to, by Friday.", "en"),
        ("Mia, kan du sende mig den nye prisliste?", "Den kan jeg godt trække fredag.", "da"),
    ):
        items = rule_items([("ana", request), ("mia", answer)], language=language)
        assert summary(items) == [("mia", "2026-10-09")], items
        assert items[0].quote == f"{request} {answer}", items


def test_an_answer_that_does_not_take_the_request_on_keeps_its_own_quote() -> None:
    request = "Omar, can you switch on the invoice import for us?"
    # only discusses the request and promises something else
    answer = "I think that's a setting on the vendor's side, but I'll ask Lena today."
    items = rule_items([("mona", request), ("omar", answer), ("lena", "Fine.")])
    assert all(not item.quote.startswith(request) for item in items), items
    # asked of someone else by name
    answer = "Yes, I'll rerun it this afternoon."
    turns = [
        ("lena", "Morning."),
        ("mona", "Lena, can you rerun the export today?"),
        ("omar", answer),
    ]
    items = rule_items(turns)
    assert all(item.quote == answer for item in items if item.owner == "omar"), items


# ---- a request to get a thing named is work; "can you get in?" is not -------------------------


def test_a_request_to_get_a_named_thing_is_a_task_of_the_one_asked() -> None:
    items = rule_items(
        [
            ("ana", "Bo, can you get a quote from the scaffolding firm by Thursday?"),
            ("bo", "Yes, I'll do that."),
        ],
        language="en",
    )
    assert summary(items) == [("bo", "2026-10-08")], items
    assert items[0].text == "Get a quote from the scaffolding firm"
    items = rule_items(
        [("ana", "Bo, could you get me the access logs from the Leeds office?"), ("bo", "Sure.")],
        language="en",
    )
    assert [item.text for item in items] == ["Get me the access logs from the Leeds office"]
    assert summary(items) == [("bo", None)]
    # no thing to get: getting in, getting one, getting the picture
    for asked in (
        "Bo, can you get into the admin panel?",
        "Can you get them one?",
        "Bo, can you get a sense of the room?",
    ):
        assert rule_items([("ana", asked), ("bo", "Yes.")], language="en") == [], asked
    # not asked: "you'll get a … from us" is no request to the one who gets it
    items = rule_items(
        [("ana", "You'll get a short summary of the outage from us."), ("bo", "Good.")],
        language="en",
    )
    assert all(item.owner != "bo" for item in items), items


def test_a_yes_to_a_new_offer_takes_the_offer_not_the_promise_before_it() -> None:
    turns = [
        ("eva", "I'll mail you the revised rollout plan on Monday."),
        ("tom", "Great, thanks."),
        ("eva", "Do you want me to arrange a session with our data protection officer?"),
        ("tom", "Yes, please do."),
    ]
    items = rule_items(turns)
    assert [(i.owner, i.text) for i in items] == [
        ("eva", "Mail you the revised rollout plan"),
        ("eva", "Arrange a session with our data protection officer"),
    ]
    # with no new offer in between, the yes still confirms the promise just made
    items = rule_items([("eva", "I could draft the FAQ for your helpdesk."), ("tom", "Please do.")])
    assert [(i.owner, i.text) for i in items] == [("eva", "Draft the FAQ for your helpdesk")]
    # the offerer spells the promise out right after the yes: that promise is the task
    turns = [
        ("eva", "I'll mail you the revised rollout plan on Monday."),
        ("tom", "We would also need the archive kept for two years."),
        ("eva", "That is possible, it costs a bit more. Shall I look into it?"),
        ("tom", "Yes, do that."),
        ("eva", "Then I'll price a two-year archive for you."),
    ]
    assert [(i.owner, i.text) for i in rule_items(turns)] == [
        ("eva", "Mail you the revised rollout plan"),
        ("eva", "Price a two-year archive"),
    ]
