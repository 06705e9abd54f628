"""Kinds of action-item failure found on the tuning sets n to q (held out until 2026-12-06),
fixed as general rules. Every sentence here is new: none is taken from any labelled set."""

from __future__ import annotations

import datetime as dt

from assistant.intelligence.action_items.model import ActionItem
from assistant.intelligence.action_items.spans import span_quotes
from assistant.intelligence.sentences import Sentence
from tests.assistant.test_understanding import items_of, summary

# DAY is a Tuesday (2026-10-06): Wednesday the 7th, Thursday the 8th, Friday the 9th.

DAY = dt.date(2026, 10, 6)
SIDES: dict[str, str | None] = {"ana": "internal", "ben": "internal", "cy": "external"}


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


# ---- "Så runder vi af." opens a recap --------------------------------------------------------


def test_a_recap_after_a_stated_wrap_up_adds_no_tasks() -> None:
    for wrap_up, turns, language in (
        (
            "Så runder vi af.",
            [
                ("ana", "Vi mangler en tjekliste. Ben, vil du lave et udkast til den?"),
                ("ben", "Ja, det tager jeg."),
                ("cy", "Jeg tjekker budgettet med vores økonomichef."),
            ],
            "da",
        ),
        (
            "Right, to wrap up.",
            [
                ("ana", "We need a checklist. Ben, could you draft one?"),
                ("ben", "Yes, I'll do that."),
                ("cy", "I'll check the budget with our CFO."),
            ],
            "en",
        ),
    ):
        recap = (
            "Ben laver tjeklisten, og Cy tjekker budgettet."
            if language == "da"
            else "Ben does the checklist and Cy checks the budget."
        )
        said = [*turns, ("ana", f"{wrap_up} {recap}")]
        items = items_of(said, people=SIDES, language=language)
        assert sorted(item.owner or "" for item in items) == ["ben", "cy"], (said, items)


# ---- the day of an invitation put in the calendar is the event's ----------------------------


def test_an_invitation_put_in_the_calendar_for_a_day_has_no_due_date() -> None:
    for turns, language in (
        (
            [
                ("cy", "Vi vil gerne se det igen."),
                ("ana", "Godt. Jeg sender en invitation i kalenderen til torsdag i næste uge."),
            ],
            "da",
        ),
        ([("ana", "I will put an invite in the calendar for Thursday.")], "en"),
    ):
        assert summary(items_of(turns, people=SIDES, language=language)) == [("ana", None)]
    # sent by a day: that day is the deadline
    items = items_of([("ana", "I will send the invite out by Thursday.")], people=SIDES)
    assert summary(items) == [("ana", "2026-10-08")]


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
