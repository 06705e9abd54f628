"""Coaching: each item names its figure and benchmark; kind, concrete, in the meeting's language."""

from __future__ import annotations

import datetime as dt

from assistant.analytics.metrics import compute_metrics
from assistant.intelligence.coaching import coach
from assistant.transcript import MeetingInfo, Participant, Segment, Transcript


def sales_call(language: str = "en") -> Transcript:
    # 20 minutes. Anna (internal) talks in two-minute blocks at 200 words per minute with
    # fillers; Ben (external) answers briefly; Cleo (external) says one word.
    # 400 words with 80 fillers; with the question, 404 words: 19.8 fillers per 100.
    pitch = " ".join(["um we offer the platform"] * 80)
    segments = []
    t = 0.0
    for _ in range(8):
        segments.append(Segment("anna", t, t + 120.0, pitch + " does that make sense?", language))
        segments.append(Segment("ben", t + 121.0, t + 150.0, "Yes it does, go on.", language))
        t += 151.0
    segments.append(Segment("cleo", t, t + 1.0, "Okay.", language))
    return Transcript(
        MeetingInfo("Discovery", dt.date(2026, 3, 10), t + 1.0, language),
        (
            Participant("anna", "Anna", "internal"),
            Participant("ben", "Ben", "external"),
            Participant("cleo", "Cleo", "external"),
        ),
        tuple(segments),
    )


def test_sales_call_coaching_for_the_seller() -> None:
    transcript = sales_call()
    metrics = compute_metrics(transcript)
    engagement = {
        "anna": {
            "camera_on_share": 0.5,
            "facing_camera_share": 0.9,
            "gesture_rate_per_min_speaking": None,  # unknown: no tip
            "score": 61.0,
        },
        "ben": None,
    }
    coaching = {c.participant: c for c in coach(transcript, metrics, engagement)}

    anna = {item.topic: item for item in coaching["anna"].items}
    assert set(anna) == {
        "talk_share",
        "questions",
        "monologue",
        "pace",
        "fillers",
        "camera",
        "inclusion",
    }
    talk = anna["talk_share"]
    # Anna 960 s, Ben 8 x 29 = 232 s, Cleo 1 s: our side 960 / 1193 = 80 %.
    assert talk.value == round(960 / 1193, 4)
    assert talk.message.startswith("Our side spoke 80 % of the time (you 80 %).")
    assert "Above 65 %" in talk.message and "43 %" in talk.benchmark
    assert anna["questions"].value == 8 and "11-14" in anna["questions"].benchmark
    assert anna["monologue"].value == 120.0 and "76" in anna["monologue"].benchmark
    # 404 words per 120 s.
    assert anna["pace"].value == 202.0 and "130-175" in anna["pace"].benchmark
    assert anna["fillers"].message.startswith("You used 19.8 filler words")
    assert "50 %" in anna["camera"].message
    assert "Cleo" in anna["inclusion"].message
    # Ben's figures are within the benchmarks and he has no video: nothing to say.
    assert coaching["ben"].items == ()
    assert all(item.message and item.benchmark for item in coaching["anna"].items)


def test_danish_meeting_gets_danish_coaching() -> None:
    transcript = sales_call("da")
    (anna, *_) = coach(transcript, compute_metrics(transcript))
    assert anna.language == "da"
    messages = {item.topic: item.message for item in anna.items}
    assert messages["talk_share"].startswith("Vores side talte 80 % af tiden (du selv 80 %).")
    assert messages["fillers"].startswith("Du brugte 19.8 fyldord")
    assert "camera" not in messages  # no engagement given


def test_team_meeting_balance_and_gestures() -> None:
    transcript = Transcript(
        MeetingInfo("Standup", dt.date(2026, 3, 10), 60.0, "en"),
        (Participant("a", "Ann"), Participant("b", "Bo"), Participant("c", "Cy")),
        (
            Segment("a", 0.0, 50.0, "Status update from me about everything."),
            Segment("b", 50.0, 55.0, "Fine."),
            Segment("c", 55.0, 60.0, "Same here."),
        ),
    )
    engagement = {"b": {"camera_on_share": 1.0, "gesture_rate_per_min_speaking": 0.5}}
    coaching = {
        c.participant: c for c in coach(transcript, compute_metrics(transcript), engagement)
    }
    assert [i.topic for i in coaching["a"].items] == ["balance"]
    assert coaching["a"].items[0].value == round(50 / 60, 4)
    assert [i.topic for i in coaching["b"].items] == ["gestures"]
    assert coaching["c"].items == ()
