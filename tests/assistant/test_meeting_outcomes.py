"""Decisions, open questions, next meeting and customer signals on hand-made meetings."""

from __future__ import annotations

import datetime as dt

from assistant.intelligence.action_items import extract_action_items
from assistant.intelligence.decisions import extract_decisions, find_next_meeting, open_questions
from assistant.intelligence.signals import customer_signals
from assistant.transcript import MeetingInfo, Participant, Segment, Transcript

TUESDAY = dt.date(2026, 3, 10)
PEOPLE = (
    Participant("mia", "Mia Holm", "internal"),
    Participant("kim", "Kim Berg", "external"),
)


def meeting(lines: list[tuple[str, str]], language: str = "en") -> Transcript:
    segments = tuple(
        Segment(speaker, 4.0 * i, 4.0 * i + 3.5, text, language)
        for i, (speaker, text) in enumerate(lines)
    )
    return Transcript(MeetingInfo("Call", TUESDAY, segments[-1].end, language), PEOPLE, segments)


def test_decisions_in_english_and_danish() -> None:
    transcript = meeting(
        [
            ("mia", "We agreed to go with the annual plan."),
            ("kim", "We haven't decided on the add-ons yet."),
            ("mia", "How about a pilot with five users?"),
            ("kim", "Agreed."),
        ]
    )
    assert [(d.text, d.speaker) for d in extract_decisions(transcript)] == [
        ("We agreed to go with the annual plan.", "mia"),
        ("How about a pilot with five users", "kim"),
    ]
    danish = meeting(
        [
            ("kim", "Så vil jeg foreslå, at vi laver en pilot med fem sælgere."),
            ("mia", "Så det gør vi."),
            ("kim", "Vi har besluttet at vente med integrationen."),
            ("mia", "Vi har ikke besluttet noget om prisen."),
        ],
        "da",
    )
    assert [d.text for d in extract_decisions(danish)] == [
        "Så vil jeg foreslå, at vi laver en pilot med fem sælgere.",
        "Vi har besluttet at vente med integrationen.",
    ]


def test_open_questions() -> None:
    transcript = meeting(
        [
            ("kim", "Does it write action items back to HubSpot?"),
            ("mia", "Good question, I'll have to check with product."),
            ("kim", "Can you hear me?"),
            ("mia", "Yes."),
            ("kim", "What does the pilot cost?"),
            ("mia", "Nothing, the pilot is free for thirty days."),
            ("mia", "Right?"),
            ("kim", "And who signs the data processing agreement on your side?"),
        ]
    )
    assert [(q.text, q.reason) for q in open_questions(transcript)] == [
        ("Does it write action items back to HubSpot?", "deferred"),
        ("And who signs the data processing agreement on your side?", "unanswered"),
    ]


def test_next_meeting() -> None:
    english = meeting([("mia", "Shall we meet again on the 18th?"), ("kim", "The 18th works.")])
    assert find_next_meeting(english) is not None
    assert find_next_meeting(english).date == dt.date(2026, 3, 18)  # type: ignore[union-attr]
    danish = meeting([("mia", "Næste møde bliver torsdag i næste uge.")], "da")
    assert find_next_meeting(danish).date == dt.date(2026, 3, 19)  # type: ignore[union-attr]
    same_time = meeting([("mia", "Same time next week?"), ("kim", "Sure.")])
    assert find_next_meeting(same_time).date == dt.date(2026, 3, 17)  # type: ignore[union-attr]
    assert find_next_meeting(meeting([("mia", "Thanks, bye.")])) is None


def test_customer_signals() -> None:
    transcript = meeting(
        [
            ("kim", "Honestly, the price is too high for us."),
            ("kim", "We're also looking at Fireflies, they are cheaper."),
            ("kim", "Our budget opens next quarter, so not until then."),
            ("mia", "Fireflies doesn't do Danish well. I'll send you a proposal by Friday."),
            ("mia", "Our pricing is too expensive? Let me explain."),
        ]
    )
    signals = customer_signals(transcript, extract_action_items(transcript))
    assert signals is not None
    assert [(o.topic, o.competitor) for o in signals.objections] == [
        ("price", None),
        ("competitor", "Fireflies"),
        ("timing", None),
    ]
    assert [(c.name, c.mentions) for c in signals.competitors] == [("Fireflies", 2)]
    assert signals.next_steps == ("Send you a proposal",)


def test_no_signals_outside_sales_calls() -> None:
    team = Transcript(
        MeetingInfo("Standup", TUESDAY, 4.0, "en"),
        (Participant("a", "Ann", "internal"), Participant("b", "Bo", "internal")),
        (Segment("a", 0.0, 4.0, "The price is too high."),),
    )
    assert customer_signals(team, ()) is None
