"""Real people on real footage (../shared/data/external, see SOURCES.md there); a subset here,
every clip in bench/vision.py."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from assistant.engagement import count_events
from models.vision import VisionModels
from pipelines.decode import decode_audio
from pipelines.frames import SAMPLE_RATE

from .conftest import timeline_of


def _voiced_seconds(path: Path) -> list[bool]:
    """Seconds whose audio energy is well above the clip's quietest second (GRID is studio
    audio: silence before and after one sentence)."""
    audio = np.concatenate(list(decode_audio(path)), axis=1)[0]
    seconds = [audio[i : i + SAMPLE_RATE] for i in range(0, len(audio), SAMPLE_RATE)]
    rms = np.array([np.sqrt(np.mean(s**2)) for s in seconds if len(s) > SAMPLE_RATE // 2])
    return list(rms > 4 * rms.min())


def test_grid_speakers_face_the_camera_and_their_mouths_move_with_the_audio(
    data_dir: Path, vision_models: VisionModels
) -> None:
    for name in ("bbaf2n", "swiz3n"):
        path = data_dir / "grid-talking" / f"{name}.mpg"
        timeline = timeline_of(path, vision_models)
        assert sum(s.face_visible for s in timeline) >= 0.9 * len(timeline), name
        assert sum(s.facing_camera for s in timeline) >= 0.9 * len(timeline), name
        voiced = _voiced_seconds(path)
        mouth = [s.speaking for s in timeline][: len(voiced)]
        assert any(mouth), name
        # Every second the mouth says "speaking" has voice in the audio.
        assert all(v for m, v in zip(mouth, voiced, strict=False) if m), (name, mouth, voiced)


def test_sign_language_clips_register_hand_gestures(
    data_dir: Path, vision_models: VisionModels
) -> None:
    for name in ("book", "walk"):
        timeline = timeline_of(data_dir / "asl-gestures" / f"{name}.mkv", vision_models)
        assert any(s.hands_visible for s in timeline), name
        assert count_events([s.gesture for s in timeline]), name
