"""A promise said again or pointed back at, which adds no second item
(`action_items.restatements`)."""

from __future__ import annotations

from tests.assistant.test_understanding import items_of, rule_items, summary

SIDES: dict[str, str | None] = {"ana": "internal", "ben": "internal", "cy": "external"}
FOUR_WITH_SIDES: dict[str, str | None] = {**SIDES, "dan": "external"}

# ---- a yes, then the work in the speaker's own words, is one task ----------------------------


def test_a_yes_to_what_we_must_do_then_the_work_said_out_is_one_task() -> None:
    items = items_of(
        [
            ("ana", "Good. And we have to tell the members ourselves."),
            ("ben", "I'll do that. I'll send a newsletter to all members on Friday."),
        ]
    )
    assert summary(items) == [("ben", "2026-10-09")]
    assert items[0].text == "Send a newsletter to all members"


# ---- a later sentence that adds a detail to a task already found ----------------------------


def test_a_sentence_pointing_back_at_a_task_adds_to_it_english() -> None:
    items = rule_items(
        [
            ("ana", "I'll draft the rollout plan and send it to you on Thursday."),
            ("ben", "Great, thanks."),
            ("cy", "Who else is joining the pilot?"),
            ("ben", "Only the Aarhus warehouse for now."),
            ("ana", "And about the rollout plan, I'll add a column for each shift."),
        ],
        language="en",
    )
    assert summary(items) == [("ana", "2026-10-08")], items
    items = rule_items(
        [
            ("ana", "I'll send you the renewal quote tomorrow."),
            ("ben", "Good."),
            ("ben", "Regarding the quote, Ana, could you show the discount on its own line?"),
            ("ana", "Yes, it gets a line of its own."),
        ],
        language="en",
    )
    assert summary(items) == [("ana", "2026-10-07")], items


def test_a_sentence_pointing_back_at_a_task_adds_to_it_danish() -> None:
    items = rule_items(
        [
            ("bo", "Jeg laver en oversigt over jeres licenser og sender den på fredag."),
            ("eva", "Tak, det bliver godt."),
            ("eva", "Og så skal vi tale om kurset."),
            ("bo", "Og om oversigten, Eva, jeg skriver også udløbsdatoerne på."),
        ],
        language="da",
    )
    assert summary(items) == [("bo", "2026-10-09")], items


def test_pointing_back_does_not_hide_someone_elses_new_task() -> None:
    # Nobody has work on the kick-off yet: a sentence opening with "about" is an item of its own.
    items = rule_items(
        [
            ("ana", "I'll send the contract on Friday."),
            ("ben", "Fine."),
            ("ben", "And about the kick-off, I'll book the room for it."),
        ],
        language="en",
    )
    assert summary(items) == [("ana", "2026-10-09"), ("ben", None)], items


def test_an_offer_restated_with_a_compound_is_one_item() -> None:
    items = rule_items(
        [
            ("bo", "Hvordan spiller det sammen med vores lønsystem?"),
            ("ana", "Jeg kan sende dig en oversigt over, hvilke felter vi overfører."),
            ("bo", "Ja tak."),
            ("ana", "Det får du. Så sender jeg feltoversigten til dig inden fredag."),
        ],
        language="da",
    )
    assert summary(items) == [("ana", "2026-10-09")], items


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


# ---- the same promise said on in the turn, with a particle verb ----------------------------


def test_finding_it_out_after_a_promise_in_the_same_turn_is_the_same_task() -> None:
    items = rule_items(
        [
            ("ann", "Kan jeres system tale med bommen?"),
            (
                "bo",
                "Så ringer jeg til leverandøren. Jeg har nummeret på ham, og jeg finder ud af "
                "det i næste uge.",
            ),
            ("ann", "Super."),
        ],
        language="da",
    )
    assert summary(items) == [("bo", None)], items
    assert "leverandøren" in items[0].text, items


def test_a_short_yes_spelled_out_in_the_same_turn_is_one_task() -> None:
    items = items_of(
        [
            ("ana", "Vi mangler stadig tallene fra lageret."),
            ("ben", "Ja, dem henter jeg. Jeg trækker lagerlisten ud af systemet til jer."),
        ],
        language="da",
    )
    assert len(items) == 1
    # The yes that takes it on is quoted with the promise it opens (issue 15, set e).
    assert items[0].quote == "Ja, dem henter jeg. Jeg trækker lagerlisten ud af systemet til jer."


# ---- a promise translated for a colleague in a mixed meeting ---------------------------------


def test_a_promise_said_again_in_the_other_language_is_one_task() -> None:
    items = items_of(
        [
            ("ana", "Det ved jeg ikke, men jeg undersøger det hos vores jurister."),
            ("ben", "Tak, gerne inden den 20."),
            ("ana", "Sorry Cy, Ben asked about the data retention rules. I'll ask our lawyers."),
        ],
        people={"ana": None, "ben": None, "cy": None},
    )
    assert summary(items) == [("ana", "2026-10-20")]
    # Two promises in one language stay two (the rules' items: the scorer retrained on a-ay
    # puts the undated second one just under its threshold, .39 against .40).
    items = rule_items(
        [("ana", "I'll ask our lawyers about retention. I'll also update the privacy page.")]
    )
    assert len(items) == 2


# ---- an offer taken with a reservation, then promised ------------------------------------


def test_an_offer_taken_with_a_reservation_is_one_task_in_the_promise_s_words() -> None:
    for turns, language in (
        (
            [
                ("cy", "Jeg kan bede vores revisor om at kigge på tallene."),
                ("ana", "Det ville være rart, hvis hun har tid."),
                ("cy", "Jeg spørger hende i morgen, men jeg lover ikke noget."),
            ],
            "da",
        ),
        (
            [
                ("cy", "I could ask our auditor to look over the figures."),
                ("ana", "That would be really helpful, if she has the time."),
                ("cy", "Okay, I will ask her about it tomorrow."),
            ],
            "en",
        ),
    ):
        items = items_of(turns, people=FOUR_WITH_SIDES, language=language)
        assert [(i.owner, i.quote) for i in items] == [("cy", turns[2][1])], turns
        assert summary(items) == [("cy", "2026-10-07")]


# ---- an offer asked as a question, taken, then said again ------------------------------------


def test_an_offer_by_question_taken_and_restated_is_one_task() -> None:
    for turns, language in (
        (
            [
                (
                    "ana",
                    "Vi har en beregning fra et andet bageri i Odense, hvor de havde samme"
                    " problem. Skal jeg sende den?",
                ),
                ("cy", "Ja tak, den vil jeg gerne se."),
                ("ana", "Så sender jeg beregningen fra Odense til dig."),
            ],
            "da",
        ),
        (
            [
                ("ana", "We did a similar rollout for a bakery in Leeds. Shall I send it?"),
                ("cy", "Yes please, that would help."),
                ("ana", "Okay, I'll email you the Leeds write-up."),
            ],
            "en",
        ),
    ):
        items = items_of(turns, people=FOUR_WITH_SIDES, language=language)
        assert [(i.owner, i.quote) for i in items] == [("ana", turns[2][1])], turns


def test_an_offer_the_other_side_gives_a_day_for_then_firmed_up_is_one_task_danish() -> None:
    items = rule_items(
        [
            ("ana", "Jeg kan nulstille jeres adgangskoder, men det skal ske efter lukketid."),
            ("ben", "Torsdag aften er alle gået hjem klokken fem."),
            ("ana", "Så tager jeg nulstillingen torsdag aften, og jeg skriver til dig bagefter."),
        ]
    )
    assert summary(items) == [("ana", "2026-10-08")]


def test_an_offer_taken_with_a_when_question_then_dated_is_one_task_danish() -> None:
    items = rule_items(
        [
            ("ana", "Jeg kan trække en liste over alle ordrer fra sidste kvartal."),
            ("ben", "Ja, gerne. Hvornår kan jeg få den?"),
            ("ana", "Øh, jeg har travlt i dag. Jeg sender den i morgen."),
        ]
    )
    assert summary(items) == [("ana", "2026-10-07")]


def test_a_new_question_between_an_offer_and_a_promise_keeps_both_danish() -> None:
    items = rule_items(
        [
            ("ana", "Jeg kan lave en oversigt over fakturaerne fra i år."),
            ("ben", "Ja tak. Kan du også tjekke kreditnotaerne?"),
            ("ana", "Jeg tjekker dem på fredag."),
        ]
    )
    assert len(items) >= 2


# ---- an offer taken up and promised again --------------------------------------------------


def test_an_offer_promised_again_after_the_answer_is_one_item_quoted_with_both() -> None:
    offer = "Jeg kan godt kigge på de manglende ordrer."
    promise = "Ja, det gør jeg i morgen formiddag."
    items = rule_items(
        [("ben", offer), ("ana", "Gør det, og send dem til mig bagefter."), ("ben", promise)],
        language="da",
    )
    assert summary(items) == [("ben", "2026-10-07")]
    assert items[0].quote == f"{offer} {promise}"


def test_an_offer_followed_by_new_work_keeps_both_items() -> None:
    items = rule_items(
        [
            ("ben", "I can run a short demo for your planners."),
            ("ana", "Yes, let's do that."),
            ("ben", "I'll send you a few possible dates."),
        ]
    )
    assert summary(items) == [("ben", None), ("ben", None)]


# ---- the matter taken on, then the work said out -------------------------------------------


def test_a_matter_taken_on_then_the_work_said_out_is_one_task_quoted_with_both() -> None:
    for taken, work in (
        (
            "Det spørgsmål tager jeg, for det er ikke noget, Per kan afgøre alene.",
            "Jeg taler med vores chef og giver jer svar på fredag.",
        ),
        (
            "Det vil jeg gerne påtage mig.",
            "Jeg trækker tallene ud af kassesystemet på fredag.",
        ),
    ):
        items = rule_items(
            [
                ("ana", "Kan du undersøge, om opsætningen kan være gratis?"),
                ("ben", f"{taken} {work}"),
            ],
            language="da",
        )
        assert summary(items) == [("ben", "2026-10-09")], taken
        assert items[0].quote == f"{taken} {work}"


# ---- a call back after the speaker's own step reports back on it ------------------------------


def test_a_call_back_after_a_check_in_the_same_sentence_is_one_task_danish() -> None:
    items = rule_items(
        [
            ("cy", "Kan vi få hjælp til opsætningen af printerne?"),
            ("ana", "Lad mig lige snakke med vores tekniker, så ringer jeg til dig på torsdag."),
        ]
    )
    assert summary(items) == [("ana", "2026-10-08")]


def test_a_call_back_after_taking_it_up_with_the_boss_is_one_task_danish() -> None:
    items = rule_items(
        [
            ("cy", "Kan I give rabat på det andet år?"),
            ("ana", "Jeg tager den op med min chef i morgen, og så ringer jeg tilbage til jer."),
        ]
    )
    assert summary(items) == [("ana", "2026-10-07")]


def test_a_call_back_said_next_dates_the_step_by_the_call_danish() -> None:
    items = rule_items(
        [
            ("cy", "Hvad med serviceaftalen?"),
            (
                "ana",
                "Den skal jeg lige vende med vores jurist i morgen. Så ringer jeg til dig fredag.",
            ),
        ]
    )
    # one task, the step; dated by the call the other side waits for
    assert summary(items) == [("ana", "2026-10-09")]
    assert items[0].text.startswith("Vend")


def test_an_offer_taken_then_a_dated_yes_is_one_task_danish() -> None:
    items = rule_items(
        [
            ("cy", "Vi vil gerne kunne betale med MobilePay."),
            (
                "ana",
                "Det er på vej, men jeg ved ikke hvornår. Jeg kan høre udviklerne, hvad status er.",
            ),
            ("cy", "Ja, gør det."),
            ("ana", "Det gør jeg, og så skriver jeg til dig, sidst på ugen."),
        ]
    )
    assert summary(items) == [("ana", "2026-10-09")]
    assert items[0].text.startswith("Hør udviklerne")
