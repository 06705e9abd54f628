"""A batch cut among the recogniser's workers on request (``RecognitionOptions.in_parts``)."""

from __future__ import annotations

import threading
from dataclasses import replace
from typing import Any

import numpy as np
import pytest

from assistant.config import Settings
from bench.common import JFK, MULTILINGUAL, PYANNOTE_SAMPLE
from models.asr import ChunkRecognition, FasterWhisperRecognizer, RecognitionOptions
from models.weights import resolve_faster_whisper_model
from pipelines.decode import decode_audio
from pipelines.frames import SAMPLE_RATE


def _words(recognitions: list[ChunkRecognition]) -> list[Any]:
    return [
        (
            found.language,
            [(w.text, w.start, w.end, w.probability) for s in found.segments for w in s.words],
        )
        for found in recognitions
    ]


def test_a_live_loaded_recogniser_asked_for_parts_reads_as_analyze_does(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # serve analyses uploads with the recogniser it loaded for live meetings (batches whole,
    # so that caption decodes find a free worker): asked for parts, each batch is cut among
    # the workers and read word for word as analyze's recogniser reads it.
    model = resolve_faster_whisper_model("packaged-base", settings.cache_dir)
    analyzing = FasterWhisperRecognizer(model, cpu_threads=1, workers=2, split_batches=True)
    live = FasterWhisperRecognizer(model, cpu_threads=1, workers=2)
    chunks = [
        np.concatenate([block[0] for block in decode_audio(clip)])[: seconds * SAMPLE_RATE]
        for clip, seconds in ((JFK, 11), (PYANNOTE_SAMPLE, 20), (MULTILINGUAL, 25), (JFK, 6))
    ]
    options = RecognitionOptions(beam_size=3)
    decoded_on: set[str] = set()
    decode = live._decode

    def recorded(*args: Any) -> Any:
        decoded_on.add(threading.current_thread().name)
        return decode(*args)

    monkeypatch.setattr(live, "_decode", recorded)

    expected = _words(analyzing.recognize(chunks, options))
    assert _words(live.recognize(chunks, replace(options, in_parts=True))) == expected
    assert len(decoded_on) == 2 and all(name.startswith("asr-part") for name in decoded_on)
    decoded_on.clear()
    live.recognize(chunks[:2], options)  # not asked: the batch stays whole, on this thread
    assert decoded_on == {threading.current_thread().name}
