from __future__ import annotations

import platform
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import models.asr
import models.speaker
import models.weights
from assistant.config import Settings, torch_threads
from assistant.processing import loading
from assistant.processing.analyze import load_speech_models


class _RecordingRecognizer:
    def __init__(self, model: str, **options: Any) -> None:
        self.model = model
        self.options = options


def _record_loads(monkeypatch: pytest.MonkeyPatch, cores: int) -> None:
    """The loader builds recorders instead of models, on a machine of ``cores`` cores."""
    monkeypatch.setattr(models.asr, "FasterWhisperRecognizer", _RecordingRecognizer)
    monkeypatch.setattr(models.weights, "resolve_faster_whisper_model", lambda *_: "base-folder")
    monkeypatch.setattr(loading, "_cores", lambda: cores)


@pytest.mark.parametrize(
    ("live", "cpu_threads", "expected_workers", "expected_threads", "split"),
    [
        (False, 0, 4, 1, True),
        (True, 0, 3, 2, False),
        (False, 5, 1, 5, False),
        (True, 5, 3, 5, False),
    ],
)
def test_decoders_split_the_cores_among_them(
    monkeypatch: pytest.MonkeyPatch,
    live: bool,
    cpu_threads: int,
    expected_workers: int,
    expected_threads: int,
    split: bool,
) -> None:
    # Analysis cuts each batch (4 chunks) into parts, one per single-threaded worker, at most
    # one part per chunk; told a thread count, it keeps one worker with that many threads.
    # Live decodes run at once: all cores each would oversubscribe them.
    _record_loads(monkeypatch, cores=7)
    settings = Settings(
        asr={"workers": 3, "cpu_threads": cpu_threads}, diarization={"enabled": False}
    )

    loaded = load_speech_models(settings, live=live)

    assert isinstance(loaded.recognizer, _RecordingRecognizer)
    assert loaded.recognizer.model == "base-folder"
    assert loaded.recognizer.options["workers"] == expected_workers
    assert loaded.recognizer.options["cpu_threads"] == expected_threads
    assert loaded.recognizer.options["split_batches"] == split


@pytest.mark.parametrize(
    ("engine", "torch", "speech_models", "expected"),
    [
        ("faster-whisper", 0, True, 1),
        ("openai-whisper", 0, True, 0),
        ("faster-whisper", 0, False, 0),
        ("faster-whisper", 3, True, 3),
        ("openai-whisper", 3, False, 3),
    ],
)
def test_torch_gets_one_thread_beside_faster_whisper_unless_told(
    engine: str, torch: int, speech_models: bool, expected: int
) -> None:
    # The voice models run on their own thread beside CTranslate2's: one core each. The
    # openai-whisper engine decodes with torch itself, so it keeps torch's default; a command
    # that loads no model is left alone (0: torch is not even imported).
    settings = Settings(asr={"engine": engine}, threads={"torch": torch})
    assert torch_threads(settings, speech_models=speech_models) == expected


def test_torch_is_left_alone_when_no_model_uses_it() -> None:
    # faster-whisper without diarization loads no torch model: nothing to set, so the CLI does
    # not import torch (a second of a short file's run).
    settings = Settings(diarization={"enabled": False})
    assert torch_threads(settings, speech_models=True) == 0
    assert torch_threads(Settings(), speech_models=True) == 1


@pytest.mark.parametrize(
    ("audio_s", "diarization", "expected_workers", "split"),
    [
        (11.0, False, 1, False),
        (15.0, False, 1, False),
        (15.5, False, 2, True),
        (30.0, False, 2, True),
        (11.0, True, 2, True),
        (None, False, 2, True),
    ],
)
def test_audio_shorter_than_half_a_window_per_worker_gets_one_worker_with_all_cores(
    monkeypatch: pytest.MonkeyPatch,
    audio_s: float | None,
    diarization: bool,
    expected_workers: int,
    split: bool,
) -> None:
    # One short window decoded by one of two single-threaded workers leaves a core idle; with
    # the voice models beside the recogniser (diarization on) that core has work, and audio of
    # unknown length keeps the split.
    _record_loads(monkeypatch, cores=2)
    monkeypatch.setattr(models.speaker, "SpeakerEncoder", lambda: "voice encoder")
    settings = Settings(
        diarization={"enabled": diarization, "resegment": False, "voiceprints": False}
    )

    loaded = load_speech_models(settings, audio_s=audio_s)

    assert isinstance(loaded.recognizer, _RecordingRecognizer)
    assert loaded.recognizer.options["workers"] == expected_workers
    assert loaded.recognizer.options["split_batches"] == split
    assert loaded.recognizer.options["cpu_threads"] == (1 if split else 0)


_LARGE_BUFFERS = """
import ctypes, resource, sys, threading
from assistant.config import Settings, apply_thread_settings
apply_thread_settings(Settings(threads={"one_heap": sys.argv[1] == "on"}), speech_models=True)
libc = ctypes.CDLL(None)
libc.malloc.restype = ctypes.c_void_p
libc.free.argtypes = [ctypes.c_void_p]
def work():  # a worker thread's large buffer, allocated, written and freed again and again
    for _ in range(10):
        buffer = libc.malloc(72 << 20)
        ctypes.memset(buffer, 1, 72 << 20)
        libc.free(buffer)
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
thread = threading.Thread(target=work)
thread.start()
thread.join()
print(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
"""


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="a glibc allocator setting")
def test_one_heap_keeps_a_threads_large_buffers_instead_of_faulting_them_in_again() -> None:
    def faults(one_heap: str) -> int:
        run = subprocess.run(
            [sys.executable, "-c", _LARGE_BUFFERS, one_heap],
            capture_output=True,
            text=True,
            check=True,
            cwd=Path(__file__).resolve().parents[2],
        )
        return int(run.stdout.split()[-1])

    pages = 10 * (72 << 20) // 4096
    assert faults("off") > pages // 2  # each buffer mapped and zeroed afresh
    assert faults("on") < pages // 5  # the first one's pages, then reused
