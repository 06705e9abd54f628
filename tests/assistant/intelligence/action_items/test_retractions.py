"""Promises taken back later in the meeting, by their owner or the one who asked: no item."""

from __future__ import annotations

from tests.assistant.test_understanding import items_of, rule_items

PEOPLE: dict[str, str | None] = {"ana": None, "ben": None, "cy": None}


def test_a_promise_taken_back_in_the_next_turns_is_no_item() -> None:
    for turns, language in (
        (
            [
                ("ana", "I'll ask our data protection officer to review the contract."),
                ("ben", "Which version do you have?"),
                ("ana", "Oh wait, forget that. She signed off on the template last year."),
            ],
            "en",
        ),
        (
            [
                ("ana", "Jeg ringer til vores speditør og hører om priserne."),
                ("ben", "De har vist lige hævet dem."),
                ("ana", "Nå, så det dropper vi alligevel. Vi skifter til jer."),
            ],
            "da",
        ),
    ):
        for extract in (items_of, rule_items):
            assert extract(turns, language=language, people=PEOPLE) == [], turns


def test_a_retraction_naming_the_work_reaches_back_past_other_talk() -> None:
    turns = [
        ("ana", "Jeg sender jer vores nye prisbilag, så I har de rigtige tal."),
        ("ben", "Tak. Hvordan går det med lageret?"),
        ("cy", "Det kører fint, vi har fået nye reoler."),
        ("ben", "Og kunderne er tilfredse?"),
        ("cy", "Ja, meget."),
        ("ana", "Forresten, glem det med prisbilaget, I har allerede den nyeste version."),
    ]
    for extract in (items_of, rule_items):
        assert extract(turns, language="da", people=PEOPLE) == []


def test_a_retraction_points_back_only_at_its_own_speakers_latest_item() -> None:
    # someone else's item came in between: a bare "forget that" is not about the first
    turns = [
        ("ana", "I'll send you the onboarding checklist."),
        ("ben", "And I'll book the kickoff with your team."),
        ("ana", "Forget that, our office is closed that week anyway."),
    ]
    assert [item.owner for item in rule_items(turns, people=PEOPLE)] == ["ana", "ben"]
    # a day or "instead" moves or replaces the work, it does not drop it
    for retraction in (
        "Actually, forget that, I'll send it on Friday.",
        "Forget that, I'll call him instead.",
    ):
        turns = [("ana", "I'll email the supplier about the delay."), ("ana", retraction)]
        assert rule_items(turns, people=PEOPLE), retraction
    # "don't forget that" is a reminder, not a retraction
    kept = rule_items(
        [("ana", "I'll send you the pallet labels."), ("ben", "Don't forget that, please.")],
        people=PEOPLE,
    )
    assert [item.owner for item in kept] == ["ana"]


def test_work_declared_not_needed_with_a_softening_word_is_no_item() -> None:
    for turns, language in (
        (
            [
                ("ana", "Jeg tjekker, hvor mange brugere I har, og skriver i morgen."),
                ("ben", "Det behøver du egentlig ikke, jeg har tallet her."),
            ],
            "da",
        ),
        (
            [
                ("ana", "I'll send you our updated rate card tomorrow."),
                ("ben", "You really don't need to, we have it from last week."),
            ],
            "en",
        ),
    ):
        assert rule_items(turns, language=language, people=PEOPLE) == [], turns


def test_a_bare_retraction_takes_back_what_its_speaker_just_said_not_an_earlier_item() -> None:
    turns = [
        ("ana", "I'll ask the warehouse manager about weekend deliveries and get back to you."),
        ("ben", "Good, weekends matter to us."),
        ("ana", "We could also waive the setup fee. Actually, scratch that, it's not my call."),
    ]
    assert [item.owner for item in rule_items(turns, people=PEOPLE)] == ["ana"]
