"""The form of a sentence that makes it a promise, a request, a demand or a guess
(`action_items.commitment_form`)."""

from __future__ import annotations

from assistant.intelligence.action_items.extraction import rule_action_items
from assistant.transcript import Side
from tests.assistant.test_understanding import items_of, meeting, rule_items, summary

SIDES: dict[str, str | None] = {"ana": "internal", "ben": "internal", "cy": "external"}


def test_a_request_to_do_it_oneself_by_a_date_is_still_asked_as_a_question() -> None:
    items = rule_items(
        [("ana", "Bo, kan du sende kontrakten til advokaten i morgen?"), ("bo", "Ja.")],
        language="da",
    )
    assert summary(items) == [("bo", "2026-10-07")]


# ---- a wish with the object first, a saying, a remark --------------------------------------


def test_a_fronted_wish_to_see_is_no_promise() -> None:
    items = rule_items(
        [("ana", "Vi har et udkast til kampagnen."), ("bo", "Det vil jeg rigtig gerne se.")],
        language="da",
    )
    assert items == []


def test_danish_nok_after_a_present_tense_is_a_guess() -> None:
    for said in (
        "Men Karin og jeg taler nok svensk til messen.",
        "Så bestiller vi nok de nye skilte i næste uge.",
    ):
        assert rule_items([("ana", "Okay."), ("bo", said)], language="da") == [], said
    # "skal nok" is a promise
    items = rule_items(
        [("ana", "Okay."), ("bo", "Jeg skal nok bestille skiltene i morgen.")], language="da"
    )
    assert summary(items) == [("bo", "2026-10-07")]


def test_an_undated_vil_have_done_is_a_demand() -> None:
    items = rule_items(
        [("ana", "Vi kan godt give den rabat."), ("bo", "Fint, men jeg vil have det på skrift.")],
        language="da",
    )
    assert items == []
    items = rule_items(
        [("ana", "Okay."), ("bo", "Men jeg vil have rabatten skrevet ind i kontrakten.")],
        language="da",
    )
    assert items == []
    # "skal have … done" is work taken on
    items = rule_items(
        [("ana", "Okay."), ("bo", "Jeg skal have rabatten skrevet ind i kontrakten i morgen.")],
        language="da",
    )
    assert summary(items) == [("bo", "2026-10-07")]


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


def test_the_speakers_own_start_is_a_plan_not_a_condition() -> None:
    items = items_of([("ana", "If I start now, I can have the mapping done by Thursday.")])
    assert summary(items) == [("ana", "2026-10-08")]
    assert (
        items_of([("ana", "If we get the budget, I can have the mapping done by Thursday.")]) == []
    )


def test_following_up_when_nothing_was_heard_is_still_a_promise() -> None:
    items = items_of([("ana", "I'll chase them on Friday if we haven't heard back by then.")])
    assert summary(items) == [("ana", "2026-10-09")]
    danish = items_of(
        [("ana", "Jeg rykker dem på fredag, hvis jeg ikke har hørt fra dem.")], language="da"
    )
    assert summary(danish) == [("ana", "2026-10-09")]
    # A condition of another kind still makes it no promise.
    assert items_of([("ana", "I'll chase them on Friday if the budget is approved.")]) == []


# ---- an English present for a plan, anchored in time or answering a request ---------------


def test_a_present_tense_plan_with_a_date_is_a_promise() -> None:
    items = rule_items(
        [
            ("ana", "What about the warehouse slots?"),
            ("bo", "Then I call the warehouse manager tomorrow and ask about the slots."),
        ],
        language="en",
    )
    assert summary(items) == [("bo", "2026-10-07")]
    assert items[0].text.startswith("Call the warehouse manager"), items


def test_a_claim_whose_work_is_named_before_it_or_said_done_after_it_is_a_promise() -> None:
    for turns, language, due in (
        (
            [
                ("cy", "Den nye afdeling skal kunne logge ind med deres egne konti."),
                ("ben", "Betragt det som gjort. Adgangen til Vejle er sat op inden den 9."),
            ],
            "da",
            "2026-10-09",
        ),
        (
            [
                ("cy", "We still need the pallet labels reprinted."),
                ("ben", "The pallet labels, consider it done by Thursday."),
            ],
            "en",
            "2026-10-08",
        ),
    ):
        items = items_of(turns, language=language)
        assert summary(items) == [("ben", due)], turns
        assert items[0].quote == turns[1][1]
    items = items_of(
        [
            ("cy", "When will the rounding bug be fixed?"),
            ("ben", "The patch is on me. It'll be on your staging server on Friday."),
        ]
    )
    assert summary(items) == [("ben", "2026-10-09")]
    # a claim with no day and nothing said done after it is left to the replies
    items = items_of([("ben", "Consider it done. Thanks for the coffee.")])
    assert items == []


def test_a_hedge_in_the_promise_s_own_clause_still_makes_it_an_offer() -> None:
    turns = [("ana", "The numbers look odd, and maybe I'll ask the developers about it.")]
    assert items_of(turns, language="en") == []


def test_a_negated_fronted_sentence_is_no_promise() -> None:
    assert items_of([("ana", "Det kan jeg altså ikke svare på.")], language="da") == []
    assert items_of([("ana", "Den kan jeg desværre ikke finde.")], language="da") == []


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


def test_a_task_said_as_the_fallback_of_another_is_not_one_yet() -> None:
    items = items_of(
        [("ana", "prøv at skrive til hende igen og ellers så aflyser vi workshoppen")],
        language="da",
    )
    assert [item.text.lower() for item in items if "aflys" in item.text.lower()] == []
    english = items_of([("ana", "Ping their CTO once more and otherwise we'll drop the pilot.")])
    assert [item.text for item in english if "drop" in item.text.lower()] == []


def test_a_cue_inside_an_indirect_question_is_no_task() -> None:
    items = items_of(
        [
            (
                "ana",
                "Send mig listen over vagterne, så jeg ved, hvem jeg skal give adgang til lageret.",
            )
        ],
        language="da",
    )
    assert all("adgang" not in item.text.lower() for item in items), items


def test_a_condition_of_a_following_clause_leaves_the_promise() -> None:
    items = items_of(
        [
            (
                "ben",
                "Helt sikkert. Jeg sætter et ugentligt statusmøde op, og så kan vi altid "
                "springe det over, hvis der ikke er nyt.",
            ),
            ("ana", "Fint."),
        ],
        language="da",
    )
    assert summary(items) == [("ben", None)]


def test_even_if_is_no_condition() -> None:
    items = items_of([("ana", "I'll get a call in with their CFO by Friday, even if it's short.")])
    assert summary(items) == [("ana", "2026-10-09")]


def test_an_if_clause_that_says_what_the_work_is_for_is_no_open_invitation() -> None:
    people = {"ana": "internal", "ben": "external", "cy": "external"}
    items = items_of(
        [
            (
                "ana",
                "Så skal I have godkendt tegningerne før jul, hvis vi skal nå at bygge i marts.",
            ),
            ("ben", "Det gør vi."),
        ],
        people=people,
        language="da",
    )
    assert summary(items) == [("team:external", "2026-12-24")]
    # A real open invitation stays none.
    assert (
        items_of([("ana", "Skriv endelig, hvis der er noget, I er i tvivl om.")], language="da")
        == []
    )


# ---- false alarms in long turns ------------------------------------------------------------


def test_a_preference_weighed_aloud_is_no_promise() -> None:
    for text, language in (
        ("Nej, lad os vente. Jeg vil hellere se tallene fra marts først.", "da"),
        ("Så vi skal nok snarere kigge på de gamle kontrakter og lade resten ligge.", "da"),
        ("Not yet. I would rather see the March figures first.", "en"),
    ):
        turns = [("ana", "Skal vi køre det nu?"), ("ben", text)]
        assert items_of(turns, language=language) == [], text


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


def test_if_you_like_after_a_promise_leaves_it_a_promise() -> None:
    items = items_of(
        [("ana", "Jeg opsætter en testkonto og sender jer koden i morgen, hvis I har lyst.")],
        language="da",
    )
    assert summary(items) == [("ana", "2026-10-07")]


def test_a_promise_that_waits_for_the_other_sides_input_counts_unless_declined() -> None:
    turns = [("ana", "Hvis du sender mig regnearket, lægger jeg tallene ind i systemet.")]
    taken = items_of([*turns, ("ben", "Godt, og så var der fakturaen.")], language="da")
    assert summary(taken) == [("ana", None)]
    declined = items_of([*turns, ("ben", "Nej, det klarer vi selv.")], language="da")
    assert declined == []


def test_a_fronted_request_with_a_tag_question_is_a_request() -> None:
    items = items_of(
        [("ana", "Ben, den bestiller du, ikke?"), ("ben", "Jo, det gør jeg i morgen.")],
        language="da",
    )
    assert summary(items) == [("ben", "2026-10-07")]


def test_send_me_x_and_i_will_y_is_the_speakers_promise_with_its_date() -> None:
    items = items_of(
        [
            ("ana", "Can you raise it with your director?"),
            (
                "ben",
                "Yes. Send me the two worst orders, and I'll raise it with him before the "
                "review on the 20th.",
            ),
            ("ana", "I'll send you those orders. Probably Thursday, I need the numbers first."),
        ]
    )
    assert summary(items) == [("ben", "2026-10-20"), ("ana", "2026-10-08")]


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


# ---- words reported from someone else ---------------------------------------------------------


def test_a_promise_reported_from_someone_else_is_not_ours() -> None:
    for language, said in (
        ("en", "Their head of ops said, and I quote, we'll come back to you after Easter."),
        ("en", "Their CFO told us we'll get an answer after Easter."),
        ("en", "THEIR BUYER SAID AND I QUOTE WE'LL SIGN IN MAY"),
        ("da", "Deres driftschef sagde, og jeg citerer, vi vender tilbage efter påske."),
        ("da", "Hun skrev, at vi sender den i morgen."),
    ):
        turns = [("bo", "What about the rail deal?"), ("ana", said)]
        assert rule_items(turns, language=language) == [], said


def test_the_speakers_own_words_said_again_stay_a_promise() -> None:
    for language, said in (
        ("en", "As I said, I'll send the contract tomorrow."),
        ("en", "He said that, so I'll send the contract tomorrow."),
        ("da", "Som jeg sagde, sender jeg kontrakten i morgen."),
    ):
        turns = [("bo", "What about the rail deal?"), ("ana", said)]
        assert summary(rule_items(turns, language=language)) == [("ana", "2026-10-07")], said


# ---- "because then I can": the reason for a request ----------------------------------------


def test_what_the_asker_can_do_then_is_the_reason_not_a_task() -> None:
    for turns, language in (
        (
            [
                (
                    "bo",
                    "For at finde fejlen ville det hjælpe at have et par ordrenumre, "
                    "for så kan jeg følge dem hele vejen.",
                ),
                ("ann", "Ja, jeg sender dig tre i morgen."),
            ],
            "da",
        ),
        (
            [
                ("bo", "It would help to have the crew rota because then I can plan the week."),
                ("ann", "Sure, I will send the rota tomorrow."),
            ],
            "en",
        ),
    ):
        items = rule_items(turns, language=language)
        assert summary(items) == [("ann", "2026-10-07")], (turns, items)


def test_then_i_can_after_a_yes_is_still_a_promise() -> None:
    items = rule_items(
        [
            ("ann", "Kan du sende vagtplanen?"),
            ("bo", "Ja, og så kan jeg også sende ferielisten i morgen."),
        ],
        language="da",
    )
    assert [item.owner for item in items] == ["bo"], items


# ---- "what I'll do is …": a promise said as a cleft -----------------------------------------


def test_a_promise_said_as_what_i_will_do_is_is_a_promise() -> None:
    for text in (
        "so what i will do is call their finance office tomorrow and find out who signs",
        "What I'll do is call their finance office tomorrow and find out who signs.",
    ):
        items = rule_items([("ann", "The deal went quiet after the demo."), ("bob", text)])
        assert summary(items) == [("bob", "2026-10-07")], (text, items)
        assert items[0].text.lower().startswith("call their finance office"), items


def test_not_knowing_what_one_will_do_is_no_promise() -> None:
    items = rule_items(
        [("ann", "What will you do about it?"), ("bob", "I do not know what I will do.")],
        language="en",
    )
    assert items == [], items


# ---- a condition that belongs to the second of two tasks ------------------------------------


def test_a_dated_task_before_and_then_something_if_needed_is_a_promise() -> None:
    for turns, language in (
        (
            [
                ("ann", "Du kan bare trække den i kalenderen."),
                (
                    "bo",
                    "Så vil jeg gerne prøve det af først. Jeg prøver det i morgen og giver "
                    "Ann besked, hvis noget driller.",
                ),
                ("ann", "God idé."),
            ],
            "da",
        ),
    ):
        items = rule_items(turns, language=language)
        assert summary(items) == [("bo", "2026-10-07")], (turns, items)


def test_an_offer_that_hangs_on_a_condition_is_still_no_task() -> None:
    for turns, language in (
        (
            [
                ("ann", "Did you get the file?"),
                ("bo", "I sent it last week, and I am happy to resend it if it got lost."),
            ],
            "en",
        ),
        (
            [
                ("ann", "Hvad med fakturaen?"),
                ("bo", "Jeg sender den igen, hvis den ikke er kommet."),
            ],
            "da",
        ),
        (
            [
                ("ann", "Ok."),
                ("bo", "Jeg ringer til dem og rykker på fredag, hvis de ikke har betalt."),
            ],
            "da",
        ),
    ):
        assert rule_items(turns, language=language) == [], turns


# ---- what must happen first, said undated ---------------------------------------------------


def test_an_undated_precondition_is_no_item() -> None:
    people: dict[str, Side | None] = {"ana": None, "ben": None}
    for text, language in (
        ("Jeg skal have rammen godkendt af bestyrelsen først.", "da"),
        ("Det lyder fint, men vi skal teste den på en kopi først.", "da"),
        ("Sounds good, but I need the signed order form first.", "en"),
    ):
        turns = [("ana", "Kan vi starte med pilotprojektet i november?"), ("ben", text)]
        assert items_of(turns, people=people, language=language) == [], text


def test_a_step_said_to_come_before_a_decision_is_no_item() -> None:
    people: dict[str, Side | None] = {"ana": None, "ben": None}
    for text, language in (
        ("Vi skal tale med vores bank, før vi kan beslutte noget.", "da"),
        ("Ja, men vi skal køre en hel måned parallelt, før vi slipper det gamle system.", "da"),
        ("We need to see a reference site before we can decide.", "en"),
    ):
        turns = [("ana", "Hvad skal der til, for at I kan sige ja?"), ("ben", text)]
        assert rule_items(turns, people=people, language=language) == [], text


def test_a_dated_step_before_the_work_stays_an_item() -> None:
    people: dict[str, Side | None] = {"ana": None, "ben": None}
    turns = [
        ("ana", "Kan vi starte med pilotprojektet i november?"),
        ("ben", "Jeg skal have rammen godkendt først, det sker på torsdag."),
    ]
    items = list(rule_action_items(meeting(turns, people=people, language="da")))
    assert summary(items) == [("ben", "2026-10-08")], items


# ---- what a request or a welcome lets the speaker do is its reason -------------------------


def test_then_i_can_after_an_own_request_is_the_reason_not_a_task() -> None:
    for turns, language, owner in (
        (
            [
                ("ana", "Cy, kan du sende mig jeres åbningstider? Så kan jeg lægge vagtplanen."),
                ("cy", "Ja, dem sender jeg i dag."),
            ],
            "da",
            "cy",
        ),
        (
            [
                ("cy", "I can send you our floor plan."),
                ("ana", "That would help. Then I can place the scanners properly."),
            ],
            "en",
            "cy",
        ),
    ):
        items = items_of(turns, people=SIDES, language=language)
        assert [item.owner for item in items] == [owner], (turns, items)


def test_then_i_can_with_a_date_is_still_a_promise() -> None:
    items = items_of(
        [("ana", "Could you send me the floor plan? Then I can place the scanners on Friday.")],
        people=SIDES,
    )
    assert ("ana", "2026-10-09") in summary(items)


# ---- "Skal jeg ikke bare …?" offers like "Skal jeg …?" ------------------------------------


def test_a_negated_offer_question_offers_the_work() -> None:
    shared = [
        ("cy", "Hvordan ser rapporten ud?"),
        ("ana", "Skal jeg ikke bare dele min skærm og vise den?"),
        ("cy", "Jo tak."),
    ]
    assert items_of(shared, people=SIDES, language="da") == []
    sent = [
        ("cy", "Hvad koster det?"),
        ("ana", "Skal jeg ikke bare sende jer prislisten?"),
        ("cy", "Jo tak."),
    ]
    items = items_of(sent, people=SIDES, language="da")
    assert [(item.owner, item.text) for item in items] == [("ana", "Send jer prislisten")]


# ---- an order that hands the speaker what they need is the condition of their promise -------


def test_send_it_to_me_then_i_will_is_the_speakers_task() -> None:
    items = items_of(
        [
            ("ana", "Vi har et udkast til kampagnen klar."),
            ("ben", "Mail det til mig, så retter jeg det til inden fredag."),
        ],
        people={"ana": None, "ben": None, "cy": None},
        language="da",
    )
    assert summary(items) == [("ben", "2026-10-09")]
    items = items_of(
        [("ana", "The draft is ready."), ("ben", "Forward it to me, then I'll check the figures.")],
        people={"ana": None, "ben": None, "cy": None},
    )
    assert summary(items) == [("ben", None)]
    # An order to do other work stays a task of its own.
    items = items_of(
        [("ana", "Ring til kunden, så sender jeg kontrakten bagefter.")],
        people={"ana": None, "ben": None},
        language="da",
    )
    assert [i.owner for i in items] == ["ben", "ana"]


# ---- reasons, purposes and relative clauses are not promises ---------------------------------


def test_a_cue_in_a_reason_purpose_or_relative_clause_is_no_task() -> None:
    for sentence, language in (
        ("Peter er med i dag, fordi vi skal tale om budgettet.", "da"),
        ("Send mig tallene inden onsdag, så jeg kan lave prognosen.", "da"),
        ("Please get the logs to us by Monday so we can rerun the import.", "en"),
        ("What we need is something I can show the board.", "en"),
    ):
        items = items_of([("ana", sentence)], people={"ana": None, "ben": None}, language=language)
        assert all(item.owner != "ana" for item in items), sentence
    # Spoken "så jeg giver jer besked" is a promise, not a purpose.
    items = items_of(
        [("ana", "Jeg ser ham i morgen, så jeg giver jer besked bagefter.")], language="da"
    )
    assert [item.owner for item in items] == ["ana"]


# ---- "if" that asks whether, a determiner after a verb, a yes that opens the answer ----------


def test_find_out_if_is_no_condition() -> None:
    items = items_of([("ana", "let me find out if the api supports webhooks and get back to you")])
    assert summary(items) == [("ana", None)]
    # A real condition still makes an offer, not a promise.
    assert items_of([("ana", "I'll resend the invoice if it went missing.")]) == []


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
