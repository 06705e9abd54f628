"""The version 1 report contract: keys, order, rounding and nulls."""

from __future__ import annotations

import datetime as dt
import json

from assistant.analytics.metrics import compute_metrics
from assistant.intelligence.action_items import ActionItem, extract_action_items
from assistant.intelligence.coaching import coach
from assistant.outputs.report import build_report
from assistant.transcript import MeetingInfo, Participant, Segment, Transcript, Word


def sales_call() -> Transcript:
    return Transcript(
        meeting=MeetingInfo(
            title="Acme renewal", date=dt.date(2026, 11, 25), duration_s=9.12345, language="en"
        ),
        participants=(
            Participant("anna", "Anna", "internal"),
            Participant("ben", "Ben", "external"),
        ),
        segments=(
            Segment(
                "anna",
                0.0,
                6.0,
                "I'll send it Friday.",
                language="en",
                words=(
                    Word(" I'll", 0.0, 0.41234, 0.987654),
                    Word(" send", 0.5, 1.0, 0.9),
                    Word(" it", 1.0, 1.2, 0.9),
                    Word(" Friday.", 1.3, 2.0, 0.9),
                ),
            ),
            Segment("ben", 6.0, 9.0, "Um, great.", language="en"),
        ),
    )


def test_report_values() -> None:
    transcript = sales_call()
    metrics = compute_metrics(transcript)
    items = extract_action_items(transcript)

    report = build_report(transcript, metrics, items, coach(transcript, metrics))

    # Anna 6 s, Ben 3 s of 9 s: shares 0.6667 / 0.3333.
    # Anna: 4 words in 6 s = 40 wpm; Ben: 2 words in 3 s = 40 wpm, 1 filler of 2 = 50 per 100.
    # Balance: H = -(2/3 ln 2/3 + 1/3 ln 1/3) = 0.636514; / ln 2 (0.693147) = 0.918296.
    # Ben starts exactly when Anna ends: no interruption.
    assert report == {
        "version": 1,
        "meeting": {
            "title": "Acme renewal",
            "date": "2026-11-25",
            "duration_s": 9.123,
            "language": "en",
        },
        "participants": [
            {
                "id": "anna",
                "name": "Anna",
                "side": "internal",
                "talk_time_s": 6.0,
                "talk_share": 0.6667,
                "turns": 1,
                "longest_monologue_s": 6.0,
                "words": 4,
                "words_per_minute": 40.0,
                "questions_asked": 0,
                "filler_words_per_100": 0.0,
                "interruptions_made": 0,
                "name_source": "given",
                "engagement": None,  # no video: null, never zeros
            },
            {
                "id": "ben",
                "name": "Ben",
                "side": "external",
                "talk_time_s": 3.0,
                "talk_share": 0.3333,
                "turns": 1,
                "longest_monologue_s": 3.0,
                "words": 2,
                "words_per_minute": 40.0,
                "questions_asked": 0,
                "filler_words_per_100": 50.0,
                "interruptions_made": 0,
                "name_source": "given",
                "engagement": None,  # no video: null, never zeros
            },
        ],
        "balance": {"score": 0.9183, "dominant": "anna", "silent": []},
        "sides": {"internal_share": 0.6667, "external_share": 0.3333},
        "segments": [
            {
                "speaker": "anna",
                "start": 0.0,
                "end": 6.0,
                "text": "I'll send it Friday.",
                "language": "en",
                "words": [
                    {"word": " I'll", "start": 0.0, "end": 0.412, "probability": 0.9877},
                    {"word": " send", "start": 0.5, "end": 1.0, "probability": 0.9},
                    {"word": " it", "start": 1.0, "end": 1.2, "probability": 0.9},
                    {"word": " Friday.", "start": 1.3, "end": 2.0, "probability": 0.9},
                ],
            },
            {
                "speaker": "ben",
                "start": 6.0,
                "end": 9.0,
                "text": "Um, great.",
                "language": "en",
                "words": [],
            },
        ],
        "action_items": [
            {
                "text": "Send it",
                "owner": "anna",
                "due": "2026-11-27",
                "speaker": "anna",
                "start": 0.0,
                "quote": "I'll send it Friday.",
                "confidence": 0.95,  # "I'll" 0.85, with a date +0.1
                "language": "en",
            }
        ],
        # Without the intelligence object there is nothing but coaching, which comes from the
        # figures: our side (Anna) spoke 6 of 9 s, above the 65 % warning.
        "decisions": [],
        "questions": [],
        "next_meeting": None,
        "signals": None,
        "coaching": [
            {
                "participant": "anna",
                "language": "en",
                "items": [
                    {
                        "topic": "talk_share",
                        "value": 0.6667,
                        "unit": "share",
                        "benchmark": "top reps talk 43 % and listen 57 %; "
                        "above 65 % converts worse",
                        "message": "Our side spoke 67 % of the time (you 67 %). Top reps listen "
                        "more than they talk: try one open question after each point and let the "
                        "customer finish. Above 65 % goes with fewer closed deals.",
                    }
                ],
            },
            {"participant": "ben", "language": "en", "items": []},
        ],
        "follow_up": [],
        "summary": None,
        # A transcript without audio: the turns are its segments' spans, back to back here.
        "speaker_turns": [
            {"speaker": "anna", "start": 0.0, "end": 6.0, "overlapped": False},
            {"speaker": "ben", "start": 6.0, "end": 9.0, "overlapped": False},
        ],
        "warnings": [],
    }
    assert json.loads(json.dumps(report)) == report


def test_report_key_order() -> None:
    transcript = sales_call()
    metrics = compute_metrics(transcript)
    report = build_report(
        transcript, metrics, extract_action_items(transcript), coach(transcript, metrics)
    )

    assert list(report) == [
        "version",
        "meeting",
        "participants",
        "balance",
        "sides",
        "segments",
        "action_items",
        "decisions",
        "questions",
        "next_meeting",
        "signals",
        "coaching",
        "follow_up",
        "summary",
        "speaker_turns",
        "warnings",
    ]
    meeting = report["meeting"]
    assert isinstance(meeting, dict)
    assert list(meeting) == ["title", "date", "duration_s", "language"]
    participants = report["participants"]
    assert isinstance(participants, list)
    assert list(participants[0]) == [
        "id",
        "name",
        "side",
        "talk_time_s",
        "talk_share",
        "turns",
        "longest_monologue_s",
        "words",
        "words_per_minute",
        "questions_asked",
        "filler_words_per_100",
        "interruptions_made",
        "name_source",
        "engagement",
    ]
    segments = report["segments"]
    assert isinstance(segments, list)
    assert list(segments[0]) == ["speaker", "start", "end", "text", "language", "words"]
    assert list(segments[0]["words"][0]) == ["word", "start", "end", "probability"]
    items = report["action_items"]
    assert isinstance(items, list)
    assert list(items[0]) == [
        "text",
        "owner",
        "due",
        "speaker",
        "start",
        "quote",
        "confidence",
        "language",
    ]


def test_report_nulls_and_rounding() -> None:
    transcript = Transcript(
        meeting=MeetingInfo(title="Standup", date=None, duration_s=0.0, language=None),
        participants=(Participant("a", "A"), Participant("b", "B")),
        segments=(Segment("a", 0.00049, 2.12351, "x y z"),),
    )
    item = ActionItem(
        text="Fix it", owner=None, due=None, speaker="a", start=1.23456, quote="Can you fix it?"
    )

    metrics = compute_metrics(transcript)
    report = build_report(transcript, metrics, (item,), coach(transcript, metrics))

    assert report["meeting"] == {
        "title": "Standup",
        "date": None,
        "duration_s": 0.0,
        "language": None,
    }
    assert report["sides"] is None
    # b never spoke, so is not listed (issue 15); a alone spoke: no balance verdict.
    assert report["balance"] == {"score": None, "dominant": None, "silent": []}
    # 3 words in 2.12302 s = 84.7849... wpm -> 84.78.
    participants = report["participants"]
    assert isinstance(participants, list)
    assert participants[0]["talk_time_s"] == 2.123
    assert participants[0]["words_per_minute"] == 84.78
    assert [p["id"] for p in participants] == ["a"] and participants[0]["side"] is None
    assert report["segments"] == [
        {"speaker": "a", "start": 0.0, "end": 2.124, "text": "x y z", "language": None, "words": []}
    ]
    assert report["action_items"] == [
        {
            "text": "Fix it",
            "owner": None,
            "due": None,
            "speaker": "a",
            "start": 1.235,
            "quote": "Can you fix it?",
            "confidence": 1.0,
            "language": None,
        }
    ]
