"""Engagement from video: pure functions from a participant's timeline (one ``SecondFeatures``
per second of their video) and their speech to the report's ``engagement`` object.

Shares are defined so that they do not double count: ``camera_on_share`` is over the seconds the
participant's video covers; ``face_visible_share`` over the camera-on seconds;
``facing_camera_share`` over the face-visible seconds. Rates are per minute of the participant
speaking (gestures, from the audio) or listening (nods: video seconds while not speaking); a rate
is null when its denominator is zero.

**score** (0-100) = 100 × camera_on_share × the weighted mean of the parts that are known:

| part | value | weight |
|---|---|---|
| presence | face_visible_share × facing_camera_share | 0.35 |
| expressiveness | mean expressiveness of face-visible seconds (0-1) | 0.15 |
| gestures | min(1, gesture_rate_per_min_speaking / 6) | 0.15 |
| nods | min(1, nods_per_min_listening / 3) | 0.10 |
| movement | min(1, movement / 0.5) | 0.10 |
| posture | posture_upright_share | 0.15 |

A part whose figure is null (never spoke, never listened, shoulders never visible) is left out
and the weights of the others are scaled up. Six gestures a minute while talking, three nods a
minute while listening and moving in half of the seconds each earn the full part: people who
use their hands and nod are rated more engaging on calls, and beyond that more is not better.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from assistant.transcript import Segment, SpeechTurn
from pipelines.frames import SecondFeatures

__all__ = [
    "SCORE_WEIGHTS",
    "Engagement",
    "count_events",
    "engagement_report",
    "speaking_seconds",
    "summarize_engagement",
    "timeline_report",
]

SCORE_WEIGHTS = {
    "presence": 0.35,
    "expressiveness": 0.15,
    "gestures": 0.15,
    "nods": 0.10,
    "movement": 0.10,
    "posture": 0.15,
}
_FULL_GESTURES_PER_MIN = 6.0
_FULL_NODS_PER_MIN = 3.0
_FULL_MOVEMENT = 0.5


@dataclass(frozen=True, slots=True)
class Engagement:
    video_seconds: int
    camera_on_share: float
    face_visible_share: float | None
    facing_camera_share: float | None
    gesture_rate_per_min_speaking: float | None
    nods_per_min_listening: float | None
    expressiveness: float | None
    """Mean over face-visible seconds, 0-1."""
    movement: float
    """Share of camera-on seconds with head, shoulder or hand movement."""
    posture_upright_share: float | None
    score: float
    """0-100, see the module docstring."""
    timeline: tuple[SecondFeatures, ...]


def speaking_seconds(spans: Iterable[SpeechTurn | Segment], participant_id: str) -> set[int]:
    """Seconds in which the participant speaks for at least 0.3 s. Give it the speaker turns
    (``turns_of``): they hold speech whose words were not recognised, which segments lose."""
    covered: dict[int, float] = {}
    for span in spans:
        if span.speaker != participant_id:
            continue
        for second in range(math.floor(span.start), math.ceil(span.end)):
            overlap = min(span.end, second + 1) - max(span.start, second)
            covered[second] = covered.get(second, 0.0) + max(0.0, overlap)
    return {second for second, length in covered.items() if length >= 0.3}


def count_events(flags: Sequence[bool], *, merge_gap: int = 1) -> list[int]:
    """Start indices of runs of True; runs separated by at most ``merge_gap`` False are one."""
    starts: list[int] = []
    last_true = -(10**9)
    for index, flag in enumerate(flags):
        if not flag:
            continue
        if index - last_true > merge_gap + 1:
            starts.append(index)
        last_true = index
    return starts


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def summarize_engagement(
    timeline: Sequence[SecondFeatures], speaking: set[int]
) -> Engagement | None:
    """The engagement figures of one participant; None when there is no video at all."""
    if not timeline:
        return None
    seconds = len(timeline)
    on = [s for s in timeline if s.camera_on]
    faces = [s for s in on if s.face_visible]
    facing = [s for s in faces if s.facing_camera]
    gestures = count_events([s.gesture for s in timeline])
    gestures_speaking = sum(1 for i in gestures if timeline[i].second in speaking)
    listening = [s for s in timeline if s.second not in speaking]
    speaking_video = seconds - len(listening)
    nods = sum(1 for s in listening if s.nod)
    postures = [s.upright for s in on if s.upright is not None]
    gesture_rate = gestures_speaking / (speaking_video / 60) if speaking_video else None
    nod_rate = nods / (len(listening) / 60) if listening else None
    expressiveness = sum(s.expressiveness for s in faces) / len(faces) if faces else None
    movement = sum(s.moving for s in on) / len(on) if on else 0.0
    upright = sum(postures) / len(postures) if postures else None
    face_share = _share(len(faces), len(on))
    facing_share = _share(len(facing), len(faces))
    parts = {
        "presence": (face_share or 0.0) * (facing_share or 0.0) if on else None,
        "expressiveness": expressiveness,
        "gestures": None
        if gesture_rate is None
        else min(1.0, gesture_rate / _FULL_GESTURES_PER_MIN),
        "nods": None if nod_rate is None else min(1.0, nod_rate / _FULL_NODS_PER_MIN),
        "movement": min(1.0, movement / _FULL_MOVEMENT) if on else None,
        "posture": upright,
    }
    known = {name: value for name, value in parts.items() if value is not None}
    weight = sum(SCORE_WEIGHTS[name] for name in known)
    quality = sum(SCORE_WEIGHTS[n] * v for n, v in known.items()) / weight if weight else 0.0
    camera_on_share = len(on) / seconds
    return Engagement(
        video_seconds=seconds,
        camera_on_share=camera_on_share,
        face_visible_share=face_share,
        facing_camera_share=facing_share,
        gesture_rate_per_min_speaking=gesture_rate,
        nods_per_min_listening=nod_rate,
        expressiveness=expressiveness,
        movement=movement,
        posture_upright_share=upright,
        score=100 * camera_on_share * quality,
        timeline=tuple(timeline),
    )


def _round(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)


def timeline_report(timeline: Sequence[SecondFeatures]) -> list[dict[str, object]]:
    return [
        {
            "t": s.second,
            "camera_on": s.camera_on,
            "face_visible": s.face_visible,
            "facing_camera": s.facing_camera,
            "gaze_on_screen": s.gaze_on_screen,
            "speaking": s.speaking,
            "expressiveness": round(s.expressiveness, 2),
            "moving": s.moving,
            "hands_visible": s.hands_visible,
            "gesture": s.gesture,
            "nod": s.nod,
            "upright": s.upright,
            "leaning_in": s.leaning_in,
        }
        for s in timeline
    ]


def engagement_report(engagement: Engagement | None) -> dict[str, object] | None:
    """The report's ``engagement`` object (shares 4 decimals, rates 2, score 1), or None."""
    if engagement is None:
        return None
    e = engagement
    return {
        "video_seconds": e.video_seconds,
        "camera_on_share": round(e.camera_on_share, 4),
        "face_visible_share": _round(e.face_visible_share, 4),
        "facing_camera_share": _round(e.facing_camera_share, 4),
        "gesture_rate_per_min_speaking": _round(e.gesture_rate_per_min_speaking, 2),
        "nods_per_min_listening": _round(e.nods_per_min_listening, 2),
        "expressiveness": _round(e.expressiveness, 4),
        "movement": round(e.movement, 4),
        "posture_upright_share": _round(e.posture_upright_share, 4),
        "score": round(e.score, 1),
        "timeline": timeline_report(e.timeline),
    }
