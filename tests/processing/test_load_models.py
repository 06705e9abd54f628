from __future__ import annotations

from typing import Any

import pytest

import models.asr
import models.weights
from assistant.config import Settings
from assistant.processing.analyze import load_speech_models


class _RecordingRecognizer:
    def __init__(self, model: str, **options: Any) -> None:
        self.model = model
        self.options = options


@pytest.mark.parametrize(("live", "expected_workers"), [(False, 1), (True, 3)])
def test_only_live_processes_load_several_decoders(
    monkeypatch: pytest.MonkeyPatch, live: bool, expected_workers: int
) -> None:
    # A second CTranslate2 worker costs about 200 MB at peak; analysis decodes from one thread.
    monkeypatch.setattr(models.asr, "FasterWhisperRecognizer", _RecordingRecognizer)
    monkeypatch.setattr(models.weights, "resolve_faster_whisper_model", lambda *_: "base-folder")
    settings = Settings(asr={"workers": 3}, diarization={"enabled": False})

    loaded = load_speech_models(settings, live=live)

    assert isinstance(loaded.recognizer, _RecordingRecognizer)
    assert loaded.recognizer.model == "base-folder"
    assert loaded.recognizer.options["workers"] == expected_workers
