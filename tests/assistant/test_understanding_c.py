"""Kinds of action-item failure found on the third tuning set (tests/data/intelligence-c,
written from a brief by someone who never saw the rules), fixed as general rules. Every
sentence here is new: none is taken from any labelled set."""

from __future__ import annotations

import datetime as dt

from assistant.intelligence.dates import find_deadline, resolve_due_date
from assistant.transcript import Side
from tests.assistant.test_understanding import DAY, items_of, summary

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


# ---- recogniser text: hesitations, repeats, contractions without apostrophes -----------------


def test_hesitations_and_repeats_do_not_hide_a_promise() -> None:
    items = items_of([("ana", "I'LL UM I'LL CALL THE PRINTER PEOPLE UH TOMORROW")])
    assert summary(items) == [("ana", "2026-10-07")]
    assert items[0].text == "CALL THE PRINTER PEOPLE"
    assert items[0].quote == "I'LL UM I'LL CALL THE PRINTER PEOPLE UH TOMORROW"


def test_contractions_without_apostrophes_are_read() -> None:
    items = items_of([("ana", "no worries ill book the meeting room for thursday")])
    assert summary(items) == [("ana", "2026-10-08")]
    assert items_of([("ana", "its fine i dont think so")]) == []


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


# ---- how things are, said in the Danish present tense of "vi" -----------------------------


def test_we_do_in_the_danish_present_without_a_date_is_a_state() -> None:
    for sentence in (
        "Vi kører på den gamle version, så vi deler licens med søsterselskabet.",
        "Vi skifter til et nyt lønsystem.",
    ):
        assert items_of([("ana", sentence)], language="da") == [], sentence
    # With a date, or verb first after "så", it is a promise.
    assert len(items_of([("ana", "Vi sender kontrakten på fredag.")], language="da")) == 1
    assert len(items_of([("ana", "Så sender vi kontrakten.")], language="da")) == 1


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


# ---- requests to a side, handed over and taken on across turns (Danish) ----------------------

SIDES: dict[str, Side | None] = {"ana": "external", "ben": "internal", "cy": "internal"}


def test_a_request_to_the_other_side_is_a_task_once_someone_takes_it() -> None:
    items = items_of(
        [
            ("ana", "Kan I lave en oversigt over vores åbne sager?"),
            ("ben", "Ja, den laver jeg. Du får den på fredag."),
        ],
        people=SIDES,
        language="da",
    )
    assert summary(items) == [("ben", "2026-10-09")]
    # Nobody takes it on: a question about the product, no task.
    items = items_of(
        [
            ("ana", "Kan I importere data fra vores gamle system?"),
            ("ben", "Ja, det understøtter vi fuldt ud."),
        ],
        people=SIDES,
        language="da",
    )
    assert items == []


def test_a_request_handed_over_by_a_pronoun_goes_to_the_one_named() -> None:
    items = items_of(
        [
            ("ana", "Kan I sende os en plan for udrulningen?"),
            ("ben", "Ja, det kan vi godt. Cy, den er din."),
            ("cy", "Det klarer jeg. I har den i morgen."),
        ],
        people=SIDES,
        language="da",
    )
    assert summary(items) == [("cy", "2026-10-07")]


def test_a_danish_request_with_the_verb_first_is_a_request() -> None:
    items = items_of(
        [("ana", "Ben, den aftale må du hellere få forlænget."), ("ben", "Ja, det gør jeg.")],
        people=SIDES,
        language="da",
    )
    assert summary(items) == [("ben", None)]


def test_everyone_with_both_sides_present_is_team_all() -> None:
    items = items_of(
        [("ben", "Vi skal alle sammen have læst vejledningen inden fredag.")],
        people=SIDES,
        language="da",
    )
    assert summary(items) == [("team:all", "2026-10-09")]
    items = items_of(
        [("ben", "Vi skal alle sammen have læst vejledningen inden fredag.")],
        people={"ben": "internal", "cy": "internal"},
        language="da",
    )
    assert summary(items) == [("team:internal", "2026-10-09")]


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


def test_danish_have_with_a_participle_is_work_to_get_done() -> None:
    for sentence in (
        "I dag skal jeg have svaret på kundens klage.",
        "Vi skal alle sammen have lagt vores timer ind inden fredag.",
        "Jeg skal have opsagt abonnementet.",
    ):
        items = items_of([("ana", sentence)], language="da")
        assert len(items) == 1, sentence
        assert items[0].text.startswith("Få "), items[0].text
    # A need is no work: "jeg skal have jeres accept".
    assert items_of([("ana", "Jeg skal bare have jeres accept.")], language="da") == []


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


def test_taking_it_from_there_is_no_second_task() -> None:
    items = items_of(
        [("ana", "Jeg sender oversigten i morgen, og så tager vi den derfra.")], language="da"
    )
    assert [(i.text, i.owner) for i in items] == [("Send oversigten", "ana")]


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


def test_you_get_it_with_a_date_is_the_speakers_promise_in_danish() -> None:
    items = items_of(
        [("ana", "Du får prisoversigten i morgen formiddag.")],
        people={"ana": None, "ben": None},
        language="da",
    )
    assert summary(items) == [("ana", "2026-10-07")]
    assert items_of([("ana", "Du får en kvittering fra systemet.")], language="da") == []


# ---- "if" that asks whether, a determiner after a verb, a yes that opens the answer ----------


def test_find_out_if_is_no_condition() -> None:
    items = items_of([("ana", "let me find out if the api supports webhooks and get back to you")])
    assert summary(items) == [("ana", None)]
    # A real condition still makes an offer, not a promise.
    assert items_of([("ana", "I'll resend the invoice if it went missing.")]) == []


def test_a_danish_request_to_take_that_thing_is_a_task() -> None:
    items = items_of(
        [("ana", "Ben, kan du tage den workshop med kunden?"), ("ben", "Ja, det kan jeg godt.")],
        people={"ana": None, "ben": None, "cy": None},
        language="da",
    )
    assert summary(items) == [("ben", None)]


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
    # Two promises in one language stay two.
    items = items_of(
        [("ana", "I'll ask our lawyers about retention. I'll also update the privacy page.")]
    )
    assert len(items) == 2
