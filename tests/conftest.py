"""Shared fixtures: the real data beside the repository and the real models, loaded once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Nothing in the test suite may reach a model hub.
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from assistant.config import Settings
from assistant.processing.analyze import load_speech_models
from assistant.processing.speech import SpeechModels

REPO = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("MA_TEST_DATA", REPO.parent / "shared" / "data" / "external"))


@pytest.fixture(scope="session")
def data_dir() -> Path:
    assert DATA.is_dir(), f"test data not found at {DATA} (set MA_TEST_DATA)"
    return DATA


@pytest.fixture(scope="session")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(cache_dir=tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="session")
def speech_models(settings: Settings) -> SpeechModels:
    # As a process that follows live meetings loads them: the live tests share these.
    return load_speech_models(settings, live=True)
