"""Local segmentation stage: audio blocks in, who-talks-when inside each sliding window out.

Windows of the model's length every ``step_s``; the last one is aligned to the end of the track
(zero-padded when the whole track is shorter), so every second is heard by at least one window.
Only a small tail of audio is buffered, so a track of any length streams through.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from models.segmentation import SpeakerSegmenter

from .frames import SAMPLE_RATE, AudioChunk, Frame
from .stage import Stage

__all__ = ["LocalActivity", "SegmentationStream"]

FloatArray = npt.NDArray[np.float32]
BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True, slots=True, eq=False)
class LocalActivity:
    participant_id: str
    """The mixed track the window was cut from."""
    start_s: float
    """Window start (s from meeting start)."""
    active: BoolArray = field(repr=False)
    """(frames, local speakers): who of the window's own speakers talks in each frame. Local
    speaker 0 of one window is unrelated to local speaker 0 of the next."""


class SegmentationStream(Stage):
    """For one mixed track: push audio blocks in order, get each window's activity back.
    Windows are run in batches of ``batch``; ``flush`` runs a short batch now. SincNet reads
    them two at a time whatever the batch (two cost 95 MB less at peak beside the transcriber
    than eight: its first layers hold 80 channels of each window's 10 s); the LSTM reads the
    whole batch, a third cheaper per window at 8 than at 2."""

    accepts = (AudioChunk,)

    def __init__(
        self,
        segmenter: SpeakerSegmenter,
        step_s: float = 2.0,
        batch: int = 8,
        participant_id: str = "",
    ) -> None:
        self._participant_id = participant_id
        self._segmenter = segmenter
        self._window = segmenter.geometry.window_samples
        self._step = max(1, round(step_s * SAMPLE_RATE))
        self._batch = batch
        self._buffer = np.zeros(0, np.float32)
        self._buffer_start = 0  # sample index of the buffer's first sample
        self._origin_s: float | None = None
        self._next = 0  # sample index of the next window's start
        self._pending: list[tuple[int, FloatArray]] = []

    def _push(self, chunk: AudioChunk) -> list[Frame]:
        if self._origin_s is None:
            self._origin_s = chunk.start_s
        self._buffer = np.concatenate([self._buffer, chunk.samples.astype(np.float32)])
        while self._next + self._window <= self._buffer_start + len(self._buffer):
            self._pending.append((self._next, self._cut(self._next)))
            self._next += self._step
        # Keep one window of tail: the last window is aligned to the end of the track.
        end = self._buffer_start + len(self._buffer)
        drop = min(self._next, end - self._window) - self._buffer_start
        if drop > 0:
            self._buffer = self._buffer[drop:]
            self._buffer_start += drop
        return self._run() if len(self._pending) >= self._batch else []

    def _flush(self) -> list[Frame]:
        return self._run()

    def _end(self) -> list[Frame]:
        end = self._buffer_start + len(self._buffer)
        emitted_to = self._next - self._step + self._window if self._next > 0 else 0
        if end > emitted_to:
            start = max(end - self._window, 0)
            self._pending.append((start, self._cut(start)))
        return self._run()

    def _cut(self, start: int) -> FloatArray:
        offset = start - self._buffer_start
        window = self._buffer[offset : offset + self._window]
        return np.pad(window, (0, self._window - len(window)))

    def _run(self) -> list[Frame]:
        if not self._pending:
            return []
        # A 10 s block gives five windows at a 2 s hop: they go ``batch`` at a time.
        pending, self._pending = self._pending, []
        origin = self._origin_s or 0.0
        out: list[Frame] = []
        for first in range(0, len(pending), self._batch):
            part = pending[first : first + self._batch]
            active = self._segmenter.activity(np.stack([audio for _, audio in part]))
            out.extend(
                LocalActivity(self._participant_id, origin + start / SAMPLE_RATE, frames)
                for (start, _), frames in zip(part, active, strict=True)
            )
        return out
