"""A mixed track's memory does not grow with the machine's load: the voice stages' backlog is
bounded, and the two big transient allocations are never held at once (the voice clustering's
distance matrices wait for a decode to end, and the next decode waits for them)."""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

import assistant.processing.speech as speech_module
from assistant.config import Settings
from assistant.inputs.media import plan_media
from assistant.processing.speech import SpeechModels, transcribe_plan
from models.asr import ChunkRecognition, RecognitionOptions
from models.speaker import SpeakerEncoder
from pipelines.background import BackgroundStage
from pipelines.diarize import DiarizationOptions
from pipelines.frames import Frame
from pipelines.speaker_windows import SpeakerWindow
from tests.media import write_audio
from tests.pipelines.fakes import FakeRecognizer, FakeSileroVad, silence, speech

FloatArray = np.typing.NDArray[np.float32]


class _Voices(SpeakerEncoder):
    """Mel frames of 10 ms; a window's voice is its loudness (two voices: quiet and loud)."""

    def __init__(self) -> None:
        pass

    @staticmethod
    def mel(samples: FloatArray) -> FloatArray:
        frames = samples[: len(samples) - len(samples) % 160].reshape(-1, 160)
        return np.repeat(np.sqrt(np.mean(frames**2, axis=1, keepdims=True)), 40, axis=1)

    def embed(self, windows: Sequence[FloatArray]) -> FloatArray:
        out = np.zeros((len(windows), 256), np.float32)
        for row, window in zip(out, windows, strict=True):
            row[0 if float(window.mean()) < 0.15 else 1] = 1.0
        return out


def _two_voices_taking_turns(tmp_path: Path) -> Path:
    """A one-track meeting of two voices (quiet and loud) taking six turns each."""
    quiet, loud = speech(6) * 0.5, speech(6, first=10)
    turns = [part for _ in range(6) for part in (quiet, silence(1.0), loud, silence(1.0))]
    return write_audio(tmp_path / "meeting.wav", np.concatenate(turns), 16_000)


class _SlowRecognizer(FakeRecognizer):
    """The fake recogniser, slow, noting each decode that ran while the voices were being
    clustered."""

    def __init__(self, clustering: threading.Event) -> None:
        super().__init__()
        self.overlapped = 0
        self.batches = 0
        self._clustering = clustering

    def recognize(
        self, chunks: Sequence[FloatArray], options: RecognitionOptions
    ) -> list[ChunkRecognition]:
        self.batches += 1
        for _ in range(5):
            self.overlapped += self._clustering.is_set()
            time.sleep(0.005)
        return super().recognize(chunks, options)


def test_the_voices_are_never_clustered_during_a_decode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clustering = threading.Event()
    clustered: list[int] = []

    def slow_clustering(
        windows: Sequence[SpeakerWindow], options: DiarizationOptions
    ) -> np.typing.NDArray[np.int64]:
        clustering.set()
        try:
            time.sleep(0.05)  # long enough for a decode beside it to be seen
            clustered.append(len(windows))
            return np.array([int(w.embedding[1]) for w in windows], dtype=np.int64)
        finally:
            clustering.clear()

    monkeypatch.setattr(speech_module, "cluster_windows", slow_clustering)
    path = _two_voices_taking_turns(tmp_path)
    recognizer = _SlowRecognizer(clustering)
    settings = Settings(asr={"batch_size": 1})
    models = SpeechModels(recognizer=recognizer, vad=FakeSileroVad(), speaker_encoder=_Voices())

    result = transcribe_plan(plan_media(path, settings.audio), models, settings)

    assert clustered and recognizer.batches > 1
    assert recognizer.overlapped == 0
    assert {p.id for p in result.participants} == {"speaker-1", "speaker-2"}


class _SlowVoices(_Voices):
    def embed(self, windows: Sequence[FloatArray]) -> FloatArray:
        time.sleep(0.002)
        return super().embed(windows)


def test_the_voice_backlog_stays_bounded_when_the_voices_lag(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # (bound, frames waiting) after each push, of every background stage (voices, transcriber)
    most: list[tuple[int, int]] = []

    class Watched(BackgroundStage):
        def push(self, frame: Frame) -> list[Frame]:
            out = super().push(frame)
            most.append((self._max_pending, len(self._pending)))
            return out

    monkeypatch.setattr(speech_module, "BackgroundStage", Watched)
    path = _two_voices_taking_turns(tmp_path)
    # Blocks of 0.1 s: some 400 of them, far more than the backlog may hold.
    settings = Settings(audio={"decode_block_s": 0.1})
    models = SpeechModels(
        recognizer=FakeRecognizer(), vad=FakeSileroVad(), speaker_encoder=_SlowVoices()
    )

    result = transcribe_plan(plan_media(path, settings.audio), models, settings)

    assert len(most) > 100
    assert all(bound > 0 and waiting <= bound for bound, waiting in most)
    assert {p.id for p in result.participants} == {"speaker-1", "speaker-2"}


class _Listener:
    def __init__(self) -> None:
        self.threads: set[str] = set()
        self.transcribed_s: list[float] = []

    def decoded(self, seconds: float) -> None:
        pass

    def transcribed(self, seconds: float) -> None:
        self.threads.add(threading.current_thread().name)
        self.transcribed_s.append(seconds)

    def watched(self, seconds: float) -> None:
        pass


class _ThreadNoting(FakeRecognizer):
    def __init__(self) -> None:
        super().__init__()
        self.threads: set[str] = set()

    def recognize(
        self, chunks: Sequence[FloatArray], options: RecognitionOptions
    ) -> list[ChunkRecognition]:
        self.threads.add(threading.current_thread().name)
        return super().recognize(chunks, options)


def test_decodes_run_off_the_reading_thread_and_progress_stays_on_it(tmp_path: Path) -> None:
    path = _two_voices_taking_turns(tmp_path)
    recognizer, listener = _ThreadNoting(), _Listener()
    settings = Settings(asr={"batch_size": 1})
    models = SpeechModels(recognizer=recognizer, vad=FakeSileroVad(), speaker_encoder=_Voices())

    result = transcribe_plan(plan_media(path, settings.audio), models, settings, listener)

    caller = threading.current_thread().name
    assert recognizer.threads and caller not in recognizer.threads
    assert listener.threads == {caller}
    assert listener.transcribed_s == sorted(listener.transcribed_s)
    assert listener.transcribed_s[-1] == pytest.approx(result.duration_s, abs=0.01)
    assert {p.id for p in result.participants} == {"speaker-1", "speaker-2"}
