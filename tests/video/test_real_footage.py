"""Real people on real footage (../shared/data/external, see SOURCES.md there); a subset here,
every clip in bench/vision.py."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from assistant.analytics.engagement import count_events
from models.vision import VisionModels
from pipelines.decode import decode_audio
from pipelines.frames import SAMPLE_RATE
from pipelines.video.decode import sample_frames
from pipelines.video.observe import PersonObserver

from .conftest import timeline_of


def mouth_audio_correlation(path: Path, models: VisionModels) -> float:
    """Pearson correlation, over the sampled frames, of the mouth opening seen by the face mesh
    and the loudness of the audio around that frame (±0.1 s)."""
    audio = np.concatenate(list(decode_audio(path)), axis=1)[0]
    stream = models.stream()
    try:
        observer = PersonObserver(stream)
        mouth, loudness = [], []
        for observation in observer.run(sample_frames(path, "p")):
            if observation.face is None:
                continue
            centre = round(observation.start_s * SAMPLE_RATE)
            window = audio[max(0, centre - SAMPLE_RATE // 10) : centre + SAMPLE_RATE // 10]
            if window.size:
                mouth.append(observation.face.mouth_open)
                loudness.append(float(np.sqrt(np.mean(window**2))))
    finally:
        stream.close()
    return float(np.corrcoef(mouth, loudness)[0, 1])


def test_grid_speakers_face_the_camera_and_their_mouths_move_with_the_audio(
    data_dir: Path, vision_models: VisionModels
) -> None:
    for name in ("bbaf2n", "swiz3n"):
        path = data_dir / "grid-talking" / f"{name}.mpg"
        timeline = timeline_of(path, vision_models)
        assert sum(s.face_visible for s in timeline) >= 0.9 * len(timeline), name
        assert sum(s.facing_camera for s in timeline) >= 0.9 * len(timeline), name
        assert any(s.speaking for s in timeline), name
        assert mouth_audio_correlation(path, vision_models) >= 0.15, name


def test_sign_language_clips_register_hand_gestures(
    data_dir: Path, vision_models: VisionModels
) -> None:
    # eat and sister: small hand motions the hand model half misses; the body pose follows them.
    for name in ("book", "walk", "eat", "sister"):
        timeline = timeline_of(data_dir / "asl-gestures" / f"{name}.mkv", vision_models)
        assert any(s.hands_visible for s in timeline), name
        assert count_events([s.gesture for s in timeline]), name
