"""Kinds of action-item failure fixed by the tuning helper "prec2" (issue 15), seen on the
distractor-heavy set z and the long-turn set aa: how the meeting itself is run (its language,
the order of its points), a "let's" handed to one person, a request turned down by naming the
day, "because then I can", a step shown on the shared screen, an offer not needed, speaking
again some day, a promise said as "what I'll do is", and a condition that belongs to the second
of two tasks. Every sentence here is new: none is taken from any labelled set."""

from __future__ import annotations

from tests.assistant.test_understanding import rule_items, summary

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
    ):
        assert rule_items(turns, language=language) == [], turns


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


# ---- the group's work handed to the one named, and taken on by her -------------------------

_SIDES = {"dan": "internal", "sara": "internal", "kim": "external"}


def test_a_lets_addressed_to_one_person_is_hers_once_she_takes_it_on() -> None:
    for turns, language in (
        (
            [
                ("dan", "Thanks, Kim. Sara, let's send them the minutes afterwards."),
                ("sara", "Det gør jeg i eftermiddag."),
            ],
            None,
        ),
        (
            [
                ("dan", "Thanks, Kim. Sara, let's send them the minutes afterwards."),
                ("sara", "Sure, I will do that this afternoon."),
            ],
            "en",
        ),
    ):
        items = rule_items(turns, language=language, people=_SIDES)
        assert summary(items) == [("sara", "2026-10-06")], items


def test_a_lets_to_nobody_in_particular_stays_with_the_team_until_someone_claims_it() -> None:
    items = rule_items(
        [
            ("dan", "Thanks, Kim. Let's send them the minutes afterwards."),
            ("kim", "Lovely, thank you."),
        ],
        language="en",
        people=_SIDES,
    )
    assert summary(items) == [("team:internal", None)], items


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


def test_a_promise_whose_reply_waves_off_something_else_stays() -> None:
    items = rule_items(
        [
            ("bo", "Jeg sender dig slides i morgen."),
            ("ann", "Tak, det er ikke nødvendigt med noter."),
        ],
        language="da",
    )
    assert summary(items) == [("bo", "2026-10-07")], items


# ---- speaking again some day ---------------------------------------------------------------


def test_speaking_again_some_day_is_no_task() -> None:
    for turns, language in (
        ([("ann", "Thanks everyone. We will speak again once the fix is live.")], "en"),
        ([("ann", "Tak for i dag. Vi tales ved, når rettelsen er ude.")], "da"),
    ):
        assert rule_items(turns, language=language) == [], turns


def test_a_call_on_a_day_with_a_promise_is_still_work() -> None:
    items = rule_items(
        [
            ("ann", "We will talk again on Friday, and I will send the numbers before then."),
            ("bo", "Fine."),
        ],
        language="en",
    )
    assert "ann" in [item.owner for item in items], items


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


def test_a_request_answered_right_now_actually_is_done_in_the_meeting() -> None:
    items = rule_items(
        [
            ("ann", "Could you check whether the two orders went through?"),
            ("bob", "Let me look right now, actually. Yes, both are there."),
        ],
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
