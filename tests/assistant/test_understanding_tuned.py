"""Kinds of action-item failure fixed by the tuning helper "tuned" (issue 15): plans said in
the present by speakers of English as a second language, a summary asked for that repeats the
tasks, and Danish "få" with a participle. Every sentence here is new: none is taken from any
labelled set."""

from __future__ import annotations

from tests.assistant.test_understanding import rule_items, summary

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


def test_then_we_with_a_present_is_a_task_of_the_team() -> None:
    items = rule_items(
        [("ana", "The nurses did not like the wording."), ("bo", "Then we adjust the texts.")],
        language="en",
    )
    assert summary(items) == [("team", None)]


def test_a_present_tense_that_says_how_things_are_done_is_no_task() -> None:
    for turns in (
        [("ana", "How do you handle returns?"), ("bo", "I call the customer when it arrives.")],
        [("ana", "What is that list?"), ("bo", "I call it the green list.")],
        [("ana", "Okay."), ("bo", "I check the shared mailbox every morning.")],
        [("ana", "Nice screen."), ("bo", "I send the report to the board.")],
    ):
        assert rule_items(turns, language="en") == [], turns


# ---- a summary or a translation asked for repeats the tasks ---------------------------------


def test_a_summary_asked_for_repeats_the_tasks_already_given() -> None:
    items = rule_items(
        [
            ("ana", "Okay, så installerer vi de sidste målere på fredag."),
            ("bo", "Sorry, could you sum that up in English for me?"),
            ("ana", "Sure. We install the last meters on Friday."),
        ],
        people={"ana": "internal", "bo": "external"},
    )
    assert summary(items) == [("team:internal", "2026-10-09")], items


# ---- Danish "få" with a participle: work the speaker sees done -----------------------------


def test_jeg_faar_with_a_participle_is_a_promise() -> None:
    items = rule_items(
        [("ana", "Hvad med prislisten?"), ("bo", "Jeg får lavet en ny prisliste inden fredag.")],
        language="da",
    )
    assert summary(items) == [("bo", "2026-10-09")]
    assert "prisliste" in items[0].text, items


def test_det_faar_jeg_gjort_says_yes_to_the_request_with_its_date() -> None:
    items = rule_items(
        [
            ("ana", "Bo, du skal lige have opdateret kontaktlisten."),
            ("bo", "Ja, det får jeg gjort i morgen."),
        ],
        language="da",
    )
    assert summary(items) == [("bo", "2026-10-07")]
    assert "kontaktlisten" in items[0].text, items


def test_a_day_said_after_a_relative_clause_dates_the_promise() -> None:
    items = rule_items(
        [
            ("ana", "Hvad mangler vi?"),
            ("bo", "Jeg får sendt jer listen over de biler, vi skal have synet, i morgen."),
        ],
        language="da",
    )
    assert summary(items) == [("bo", "2026-10-07")]


def test_faar_without_a_participle_is_no_new_cue() -> None:
    items = rule_items(
        [("ana", "Hvordan kører det?"), ("bo", "Vi får sendt fakturaerne hver måned.")],
        language="da",
    )
    assert items == []


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


# ---- a chair's order to everyone in the present, and "let us all" ---------------------------


def test_everyone_with_a_present_and_a_date_is_a_task_of_the_team() -> None:
    items = rule_items(
        [
            ("ana", "Great. Then everyone reads the proposal and sends comments by Thursday."),
            ("bo", "Got it."),
        ],
        language="en",
    )
    assert summary(items) == [("team", "2026-10-08")]


def test_everyone_with_a_present_and_no_date_is_no_task() -> None:
    turns = [("ana", "Everyone takes the train to Aarhus."), ("bo", "Okay.")]
    assert rule_items(turns, language="en") == []


def test_let_us_all_is_everyones_task_with_both_sides_present() -> None:
    items = rule_items(
        [
            (
                "ana",
                "One thing for all of us: let us all log every complaint in the sheet by Friday.",
            ),
            ("cy", "Okay."),
        ],
        people={"ana": "internal", "bo": "internal", "cy": "external"},
    )
    assert summary(items) == [("team:all", "2026-10-09")]


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


def test_a_bare_yes_after_the_team_took_it_on_leaves_it_the_teams() -> None:
    people = {"lo": "internal", "bj": "external", "nh": "external"}
    asked = ("lo", "Kan I nå at opdatere medlemslisten inden mandag?")
    items = rule_items(
        [asked, ("bj", "Ja, det gør vi i weekenden, Niels og jeg."), ("nh", "Jep.")], people=people
    )
    assert summary(items) == [("team:external", "2026-10-12")]
    # a yes from one of them, with no "we" before it, is still that person's
    assert summary(rule_items([asked, ("nh", "Ja.")], people=people)) == [("nh", "2026-10-12")]


def test_a_promise_kept_every_evening_is_a_habit() -> None:
    turns = [
        ("ana", "Please log the faults in the sheet."),
        ("bo", "I will add mine every evening."),
    ]
    assert [item.owner for item in rule_items(turns, language="en")] == ["bo"]


# ---- a pronoun resolved to what was named, in the task's own language -----------------------


def test_a_pronoun_is_not_resolved_to_a_time_or_a_verb() -> None:
    items = rule_items(
        [
            ("ana", "We showed them the demo last week."),
            ("bo", "Did they get the price list?"),
            ("ana", "Not yet. I'll send it to them on Friday."),
        ]
    )
    assert [item.text for item in items] == ["Send the price list to them"]
    items = rule_items(
        [
            ("ana", "Where should the weekly reports go?"),
            ("bo", "Send them to Emil and me when they're ready, Cy."),
        ],
        people={"ana": None, "bo": None, "cy": None},
    )
    assert all(" go " not in item.text for item in items), items


def test_a_pronoun_in_english_is_resolved_to_what_was_named_in_english() -> None:
    items = rule_items(
        [
            ("bo", "Did you get the updated price list?"),
            ("ana", "Ja, jeg har lagt den nye prisliste på drevet."),
            ("bo", "Great, thanks. I'll forward it to our buyers tomorrow."),
        ]
    )
    assert summary(items) == [("bo", "2026-10-07")]
    assert items[0].text == "Forward the updated price list to our buyers", items
