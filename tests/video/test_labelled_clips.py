"""Accuracy on clips built from real photographs with exactly known truth (bench/vision_clips)."""

from __future__ import annotations

from pathlib import Path

from assistant.analytics.engagement import count_events, summarize_engagement
from bench.vision_clips import ClipTruth
from models.vision import VisionModels

from .conftest import timeline_of


def test_camera_off_and_face_visible_follow_the_script(
    presence_clip: tuple[Path, ClipTruth], vision_models: VisionModels
) -> None:
    path, truth = presence_clip
    timeline = timeline_of(path, vision_models)
    assert len(timeline) == truth.seconds
    engagement = summarize_engagement(timeline, speaking=set())
    assert engagement is not None
    assert abs(engagement.camera_on_share - truth.camera_on_share) <= 0.05
    assert engagement.face_visible_share is not None
    assert abs(engagement.face_visible_share - truth.face_visible_share) <= 0.05
    assert engagement.facing_camera_share is not None
    assert abs(engagement.facing_camera_share - truth.facing_camera_share) <= 0.05
    # Black and frozen seconds are camera-off, the empty room and the covered face are not.
    agree = sum(s.camera_on == on for s, on in zip(timeline, truth.camera_on, strict=True))
    assert agree >= truth.seconds - 1


def test_nods_and_gestures_counted_within_one_per_minute(
    gesture_clip: tuple[Path, ClipTruth], vision_models: VisionModels
) -> None:
    path, truth = gesture_clip
    timeline = timeline_of(path, vision_models)
    minutes = truth.seconds / 60
    nods = sum(s.nod for s in timeline)
    gestures = len(count_events([s.gesture for s in timeline]))
    assert abs(nods - truth.nods) / minutes <= 1.0, nods
    assert abs(gestures - truth.gestures) / minutes <= 1.0, gestures
    assert all(s.face_visible and s.facing_camera for s in timeline)
