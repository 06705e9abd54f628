"""Vision fixtures: the MediaPipe models (checked once) and the labelled clips (built once)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from assistant.processing.video import person_timeline
from bench.vision_clips import GESTURE_CLIP, PRESENCE_CLIP, ClipTruth, build_clip
from models.vision import VisionModels
from pipelines.frames import SecondFeatures
from pipelines.video.decode import sample_frames


@pytest.fixture(scope="session")
def vision_models() -> VisionModels:
    return VisionModels.load()


def timeline_of(path: Path, models: VisionModels) -> list[SecondFeatures]:
    """Run one person's stream over a file, as ``assistant.processing.video`` does."""
    return person_timeline(sample_frames(path, "p"), models, "p")


def _built(
    factory: pytest.TempPathFactory, name: str, script: Sequence[tuple[str, int]]
) -> tuple[Path, ClipTruth]:
    path = factory.mktemp("vision") / f"{name}.mp4"
    return path, build_clip(path, script)


@pytest.fixture(scope="session")
def presence_clip(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ClipTruth]:
    return _built(tmp_path_factory, "presence", PRESENCE_CLIP)


@pytest.fixture(scope="session")
def gesture_clip(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ClipTruth]:
    return _built(tmp_path_factory, "gesture", GESTURE_CLIP)
