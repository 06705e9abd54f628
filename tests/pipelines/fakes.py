"""Fakes that implement the model interfaces, so the wiring is tested in milliseconds."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np
import numpy.typing as npt

from models.asr import ChunkRecognition, RecognitionOptions, RecognizedSegment, RecognizedWord
from pipelines.vad import WINDOW, SileroVad

FloatArray = npt.NDArray[np.float32]

WORD_S = 0.4
"""Each fake word is a 0.4 s tone whose loudness says which word it is."""
SCRIPT = [f"word{i}" for i in range(40)]


def speech(words: int, first: int = 0) -> FloatArray:
    """``words`` fake words, ``SCRIPT[first]`` on: word i is a tone of amplitude 0.2 + 0.01 i."""
    return np.concatenate([tone(WORD_S, 0.2 + 0.01 * ((first + i) % 40)) for i in range(words)])


class FakeVad:
    """Silero's interface: a window is speech when its RMS is above 0.05."""

    def run(
        self, windows: FloatArray, state: tuple[FloatArray, FloatArray]
    ) -> tuple[FloatArray, tuple[FloatArray, FloatArray]]:
        audio = windows[:, -WINDOW:]
        loud = np.sqrt(np.mean(audio**2, axis=1)) > 0.05
        return loud.astype(np.float32), state


class FakeSileroVad(SileroVad):
    """Silero's streams around the fake model (``SpeechModels.vad`` for the processing tests)."""

    def __init__(self) -> None:
        self._fake = FakeVad()

    def run(
        self, windows: FloatArray, state: tuple[FloatArray, FloatArray]
    ) -> tuple[FloatArray, tuple[FloatArray, FloatArray]]:
        return self._fake.run(windows, state)


class FakeRecognizer:
    """The recogniser interface: reads ``speech`` back as its words (from the first loud
    sample, one per ``WORD_S``, until a quiet slot); while the audio ends mid-speech, the
    newest word of an untimed decode is a guess that changes (as Whisper's last word does while
    a word is cut off)."""

    name = "fake"

    def __init__(self, sentence_words: int | None = None) -> None:
        self.calls: list[tuple[float, bool]] = []
        self.windows: list[float | None] = []
        self._sentence_words = sentence_words
        """Every this many words of the script, a word ends a sentence (a full stop)."""

    def recognize(
        self, chunks: Sequence[FloatArray], options: RecognitionOptions
    ) -> list[ChunkRecognition]:
        out = []
        for chunk in chunks:
            self.calls.append((len(chunk) / 16_000, options.word_timestamps))
            self.windows.append(options.window_s)
            frames = chunk[: len(chunk) - len(chunk) % 160].reshape(-1, 160)
            loud = np.repeat(np.sqrt(np.mean(frames**2, axis=1)) > 0.05, 160)
            start = int(np.argmax(loud)) if loud.any() else len(chunk)
            slot = int(WORD_S * 16_000)
            words = []
            for begin in range(start, len(loud) - slot + 1, slot):
                if loud[begin : begin + slot].mean() < 0.5:
                    break
                amplitude = float(np.abs(chunk[begin : begin + slot]).max())
                index = round((amplitude - 0.2) / 0.01) % 40
                ends = self._sentence_words and (index + 1) % self._sentence_words == 0
                words.append(SCRIPT[index] + ("." if ends else ""))
            first = start / 16_000
            timed = tuple(
                RecognizedWord(f" {w}", first + i * WORD_S, first + (i + 1) * WORD_S, 0.9)
                for i, w in enumerate(words)
            )
            segments = (
                (
                    RecognizedSegment(
                        first,
                        first + len(words) * WORD_S,
                        " ".join(words),
                        timed if options.word_timestamps else (),
                        -0.2,
                        0.01,
                        1.2,
                    ),
                )
                if words
                else ()
            )
            out.append(ChunkRecognition(options.language or "en", 0.99, segments))
        return out


class PiecewiseRecognizer(FakeRecognizer):
    """Reads each stretch of speech of a chunk on its own (the plain fake stops at the first
    pause), as Whisper reads on past a pause in a joined decode."""

    def __init__(self) -> None:
        super().__init__()
        self.timed = 0
        """Decodes in the full window (the transcript's)."""

    def recognize(self, chunks, options):  # type: ignore[no-untyped-def]
        out = []
        for chunk in chunks:
            self.timed += options.window_s is None
            frames = chunk[: len(chunk) - len(chunk) % 160].reshape(-1, 160)
            loud = np.sqrt(np.mean(frames**2, axis=1)) > 0.05
            edges = np.flatnonzero(np.diff(np.concatenate([[0], loud.astype(int), [0]])))
            segments = []
            for begin, end in zip(edges[::2], edges[1::2], strict=True):
                piece = chunk[begin * 160 : end * 160]
                (read,) = super().recognize([piece], options)
                shift = begin * 160 / 16_000
                segments += [
                    replace(
                        segment,
                        start=segment.start + shift,
                        end=segment.end + shift,
                        words=tuple(
                            replace(w, start=w.start + shift, end=w.end + shift)
                            for w in segment.words
                        ),
                    )
                    for segment in read.segments
                ]
            out.append(ChunkRecognition(options.language or "en", 0.99, tuple(segments)))
        return out


def tone(seconds: float, amplitude: float = 0.3) -> FloatArray:
    t = np.arange(int(seconds * 16_000)) / 16_000
    return (amplitude * np.sin(2 * np.pi * 220 * t)).astype(np.float32)


def silence(seconds: float) -> FloatArray:
    return np.zeros(int(seconds * 16_000), np.float32)
