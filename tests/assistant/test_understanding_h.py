"""Kinds of action-item failure fixed after the seventh tuning set and found on the eighth and
ninth (tests/data/intelligence-h, -i), as general rules. Every sentence here is new: none is
taken from any labelled set."""

from __future__ import annotations

import datetime as dt

from assistant.intelligence.dates import find_deadline, resolve_due_date
from tests.assistant.test_understanding import DAY, items_of, summary

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


def test_the_addressees_name_after_a_pronoun_is_not_part_of_the_task() -> None:
    items = items_of(
        [
            ("ana", "Jeg kan godt lave budgettet for kantinen."),
            ("ben", "Så laver du det Ana og sender det til mig."),
        ],
        language="da",
    )
    assert all("ana" not in item.text.lower() for item in items), items


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


# ---- found on sets h and i: Danish first ---------------------------------------------------


def test_two_people_named_and_told_with_a_plural_you_share_the_task() -> None:
    people = {"ana": "internal", "ben": "internal", "cy": "internal", "dora": "external"}
    items = items_of(
        [
            ("ana", "Ben og Cy, I deler kundelisten imellem jer og ringer dem op inden fredag."),
            ("ben", "Det gør vi."),
        ],
        people=people,
        language="da",
    )
    assert summary(items) == [("team:internal", "2026-10-09")]


def test_a_topic_taken_up_again_at_a_later_meeting_is_no_task() -> None:
    for text, language in (
        ("Fint, vi tager Vejle-sagen op igen på fredag.", "da"),
        ("Det tror jeg, vi skal tage på næste møde.", "da"),
        ("Fine, we'll bring the Leeds account up again on Friday.", "en"),
    ):
        assert items_of([("ana", "Hvad med Vejle?"), ("ben", text)], language=language) == []


def test_if_you_like_after_a_promise_leaves_it_a_promise() -> None:
    items = items_of(
        [("ana", "Jeg opsætter en testkonto og sender jer koden i morgen, hvis I har lyst.")],
        language="da",
    )
    assert summary(items) == [("ana", "2026-10-07")]


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


def test_a_day_taken_back_for_a_reason_gives_the_last_day_said() -> None:
    for text, due in (
        (
            "Du får den på fredag, nej vent, jeg er på ferie fredag, du får den torsdag.",
            "2026-10-08",
        ),
        ("You'll get it Friday, no wait, I'm away Friday, you'll get it Thursday.", "2026-10-08"),
    ):
        assert resolve_due_date(text, DAY, weeks=False)[0] == dt.date.fromisoformat(due), text


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


def test_all_of_some_things_is_not_everyone() -> None:
    people = {"ana": "internal", "ben": "external", "cy": "external"}
    items = items_of(
        [
            ("ana", "KAN I SENDE OS ALLE DE FAKTURAER I HAR FÅET"),
            ("ben", "JA DEM SENDER JEG I DAG"),
        ],
        people=people,
        language="da",
    )
    assert summary(items) == [("ben", "2026-10-06")]


def test_a_date_in_a_clause_of_result_is_not_the_deadline() -> None:
    for text in (
        "Så opdaterer jeg priserne i aften, så kataloget virker i morgen.",
        "I'll update the prices tonight so the catalogue works tomorrow.",
    ):
        items = items_of([("ana", text)], language="da" if "Så" in text else "en")
        assert summary(items) == [("ana", "2026-10-06")], text


def test_the_plan_for_the_meeting_itself_is_no_task() -> None:
    items = items_of(
        [("ana", "Velkommen. Jeg tænkte, vi kigger på budget, bemanding og kurser i dag.")],
        language="da",
    )
    assert items == []


def test_a_promise_that_waits_for_the_other_sides_input_counts_unless_declined() -> None:
    turns = [("ana", "Hvis du sender mig regnearket, lægger jeg tallene ind i systemet.")]
    taken = items_of([*turns, ("ben", "Godt, og så var der fakturaen.")], language="da")
    assert summary(taken) == [("ana", None)]
    declined = items_of([*turns, ("ben", "Nej, det klarer vi selv.")], language="da")
    assert declined == []


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


def test_a_summary_promised_as_a_thing_to_send_is_a_task() -> None:
    items = items_of(
        [
            ("ana", "Jeg ringer til revisoren i morgen."),
            ("ben", "Godt."),
            ("ana", "Og jeg sender jer en opsummering af mødet i eftermiddag."),
        ],
        language="da",
    )
    assert summary(items) == [("ana", "2026-10-07"), ("ana", "2026-10-06")]


def test_a_request_about_how_the_promised_work_is_handed_over_is_no_second_task() -> None:
    items = items_of(
        [
            ("ana", "Jeg laver et nyt tilbud til messekunderne til torsdag."),
            ("ben", "Godt, send det til mig først."),
        ],
        language="da",
    )
    assert summary(items) == [("ana", "2026-10-08")]


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


def test_something_else_done_now_leaves_the_promise() -> None:
    items = items_of(
        [
            ("ana", "I'll correct the invoice address in the next draft."),
            ("ana", "I'm opening the supplier list now so you can see it."),
        ]
    )
    assert summary(items) == [("ana", None)]


def test_an_offer_turned_down_with_we_will_do_it_ourselves_is_no_task() -> None:
    items = items_of(
        [("ana", "Do you want us to call the drivers?"), ("ben", "No, we'll do that ourselves.")]
    )
    assert items == []


def test_a_fronted_request_with_a_tag_question_is_a_request() -> None:
    items = items_of(
        [("ana", "Ben, den bestiller du, ikke?"), ("ben", "Jo, det gør jeg i morgen.")],
        language="da",
    )
    assert summary(items) == [("ben", "2026-10-07")]


def test_right_afterwards_is_today() -> None:
    items = items_of([("ana", "Det undersøger jeg lige bagefter.")], language="da")
    assert summary(items) == [("ana", "2026-10-06")]


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


def test_a_chairs_hand_off_spelled_out_next_does_not_take_an_earlier_request() -> None:
    items = items_of(
        [
            ("ana", "Først Odense. Ben?"),
            ("ben", "De mangler en ny prisliste."),
            ("ana", "Kan du få den ud i dag?"),
            ("ben", "Ja, den sender jeg i eftermiddag."),
            ("ana", "Og Aalborg-leadet, hvem har det?"),
            ("ben", "Ingen endnu."),
            ("ana", "Cy, den er din. Ring til dem i morgen."),
            ("cy", "Okay, jeg ringer til dem i morgen tidlig."),
        ],
        language="da",
    )
    assert summary(items) == [("ben", "2026-10-06"), ("cy", "2026-10-07")]
    assert items[0].quote == "Ja, den sender jeg i eftermiddag."


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


def test_how_the_speaker_will_talk_and_a_vague_we_will_call_if_are_no_tasks() -> None:
    for text in (
        "Then I'll keep it short.",
        "Though I'll warn you now, the list is long.",
        "We'll reach out if it becomes relevant.",
    ):
        assert items_of([("ana", "Shall we start?"), ("ben", text)]) == [], text


def test_an_acronym_in_a_compound_is_no_pronoun() -> None:
    items = items_of(
        [("ana", "Jeg sender filen til dig i dag, og jeg ringer til deres IT-afdeling i morgen.")],
        language="da",
    )
    assert summary(items) == [("ana", "2026-10-06"), ("ana", "2026-10-07")]


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
