"""Engagement figures: the pure aggregation, and the report end to end."""

from __future__ import annotations

from pathlib import Path

from assistant.analytics.engagement import count_events, speaking_seconds, summarize_engagement
from assistant.config import Settings
from assistant.processing.analyze import analyze
from assistant.processing.speech import SpeechModels
from assistant.transcript import (
    MeetingInfo,
    Participant,
    Segment,
    Transcript,
    speech_turns,
    turns_of,
)
from pipelines.frames import SecondFeatures

REPO = Path(__file__).resolve().parents[2]


def _second(t: int, **flags: object) -> SecondFeatures:
    values: dict[str, object] = {
        "participant_id": "p",
        "second": t,
        "frames": 5,
        "camera_on": True,
        "face_visible": True,
        "facing_camera": True,
        "gaze_on_screen": True,
        "speaking": False,
        "mouth_activity": 0.0,
        "expressiveness": 0.5,
        "moving": False,
        "hands_visible": False,
        "gesture": False,
        "nod": False,
        "upright": True,
        "leaning_in": False,
        "pitch_deg": 0.0,
    }
    values.update(flags)
    return SecondFeatures(**values)  # type: ignore[arg-type]


def test_shares_rates_and_score_by_hand() -> None:
    # 60 s: camera off for 12 s; 24 s speaking with 2 gestures; 1 nod while listening.
    timeline = [_second(t, camera_on=False, face_visible=False) for t in range(12)]
    timeline += [_second(t, gesture=t in (13, 20), moving=t < 30) for t in range(12, 36)]
    timeline += [_second(t, nod=t == 40, facing_camera=t >= 42) for t in range(36, 60)]
    speaking = set(range(12, 36))
    e = summarize_engagement(timeline, speaking)
    assert e is not None
    assert e.video_seconds == 60
    assert e.camera_on_share == 48 / 60
    assert e.face_visible_share == 1.0
    assert e.facing_camera_share == 42 / 48
    assert e.gesture_rate_per_min_speaking == 2 / (24 / 60)
    assert e.nods_per_min_listening == 1 / (36 / 60)  # 12 camera-off + 24 listening seconds
    assert e.movement == 18 / 48
    parts = {
        "presence": 42 / 48,
        "expressiveness": 0.5,
        "gestures": 5 / 6,
        "nods": (1 / 0.6) / 3,
        "movement": (18 / 48) / 0.5,
        "posture": 1.0,
    }
    weights = {
        "presence": 0.35,
        "expressiveness": 0.15,
        "gestures": 0.15,
        "nods": 0.10,
        "movement": 0.10,
        "posture": 0.15,
    }
    expected = 100 * 0.8 * sum(weights[k] * v for k, v in parts.items())
    assert abs(e.score - expected) < 1e-9


def test_no_video_is_none_and_unknown_rates_are_none() -> None:
    assert summarize_engagement([], set()) is None
    e = summarize_engagement([_second(0), _second(1)], speaking={0, 1})
    assert e is not None and e.nods_per_min_listening is None
    assert count_events([True, False, True, False, False, True]) == [0, 5]


def test_speaking_seconds_need_three_tenths() -> None:
    segments = [Segment("a", 0.8, 2.1, "hi", "en", ()), Segment("b", 0.0, 5.0, "x", "en", ())]
    assert speaking_seconds(segments, "a") == {1}


def test_speaking_seconds_follow_the_turns_heard_not_only_the_words_read() -> None:
    # Far-field speech: 4 s of "a" heard, one word of it recognised.
    transcript = Transcript(
        MeetingInfo("far field", None, 6.0, "en"),
        (Participant("a", "A"),),
        (Segment("a", 1.0, 1.4, "yes", "en", ()),),
        speech_turns([("a", 1.0, 5.0)]),
    )
    assert speaking_seconds(transcript.segments, "a") == {1}
    assert speaking_seconds(turns_of(transcript), "a") == {1, 2, 3, 4}


def test_report_has_engagement_for_video_and_null_for_a_transcript(
    data_dir: Path, settings: Settings, speech_models: SpeechModels
) -> None:
    video = analyze(data_dir / "grid-talking" / "lbax4n.mpg", settings, models=speech_models)
    rows = video.report["participants"]
    assert isinstance(rows, list)
    seen = [row["engagement"] for row in rows if row["engagement"] is not None]
    assert seen, rows
    assert seen[0]["video_seconds"] == 3 and seen[0]["face_visible_share"] == 1.0
    assert 0 <= seen[0]["score"] <= 100 and len(seen[0]["timeline"]) == 3
    text = analyze(REPO / "tests" / "data" / "transcript_valid.json", settings)
    rows = text.report["participants"]
    assert isinstance(rows, list)
    assert all(row["engagement"] is None for row in rows)
