"""Speaker-embedding stage: speech regions in, one voice embedding per short window out.

Windows of 1.6 s (what the encoder was trained on) every ``step_s`` inside each region; a region
shorter than a window is embedded whole (its mel frames repeated to fill the window).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from models.speaker import MEL_HOP_S, WINDOW_FRAMES, SpeakerEncoder

from .frames import Frame, SpeechRegion
from .stage import Stage

__all__ = ["SpeakerWindow", "SpeakerWindowStream"]

FloatArray = npt.NDArray[np.float32]
_MIN_FRAMES = 30
"""Regions under 0.3 s carry too little voice to embed."""


@dataclass(frozen=True, slots=True, eq=False)
class SpeakerWindow:
    participant_id: str
    start_s: float
    """Window start (s from meeting start)."""
    end_s: float
    """Window end (s from meeting start)."""
    embedding: FloatArray = field(repr=False)
    """Unit-length voice embedding (256)."""


class SpeakerWindowStream(Stage):
    """Per participant track: push regions in order, get embedded windows back, then the region
    itself (whose span says where this track's voices spoke).

    Regions wait until ``batch`` windows are pending (or a flush, or the end): the encoder's
    LSTM costs about twice as much per window in a batch of 4 as in one of 32 (one thread),
    and most regions are short: on the 10-minute meeting a third of the calls held under four
    windows."""

    accepts = (SpeechRegion,)

    def __init__(
        self,
        encoder: SpeakerEncoder,
        participant_id: str,
        step_s: float = 0.25,
        *,
        batch: int = 32,
    ) -> None:
        self._encoder = encoder
        self._participant_id = participant_id
        self._step = max(1, round(step_s / MEL_HOP_S))
        self._batch = batch
        # Each waiting region with its windows' mel frames and spans (frames into it).
        self._pending: list[tuple[SpeechRegion, list[FloatArray], list[tuple[int, int]]]] = []
        self._waiting = 0

    def _push(self, region: SpeechRegion) -> list[Frame]:
        mels, spans = self._windows(region)
        self._pending.append((region, mels, spans))
        self._waiting += len(mels)
        return self._run() if self._waiting >= self._batch else []

    def _flush(self) -> list[Frame]:
        return self._run()

    def _run(self) -> list[Frame]:
        pending, self._pending, self._waiting = self._pending, [], 0
        embeddings = iter(self._encoder.embed([mel for _, mels, _ in pending for mel in mels]))
        out: list[Frame] = []
        for region, _, spans in pending:
            out.extend(
                SpeakerWindow(
                    self._participant_id,
                    region.start_s + start * MEL_HOP_S,
                    region.start_s + end * MEL_HOP_S,
                    next(embeddings),
                )
                for start, end in spans
            )
            out.append(region)
        return out

    def _windows(self, region: SpeechRegion) -> tuple[list[FloatArray], list[tuple[int, int]]]:
        """The region's windows of mel frames, and their spans (frames into the region)."""
        mel = self._encoder.mel(region.samples)
        frames = len(mel)
        if frames < _MIN_FRAMES:
            return [], []
        if frames < WINDOW_FRAMES:
            repeats = int(np.ceil(WINDOW_FRAMES / frames))
            return [np.tile(mel, (repeats, 1))[:WINDOW_FRAMES]], [(0, frames)]
        starts = list(range(0, frames - WINDOW_FRAMES + 1, self._step))
        if starts[-1] != frames - WINDOW_FRAMES:
            starts.append(frames - WINDOW_FRAMES)
        return [mel[s : s + WINDOW_FRAMES] for s in starts], [
            (s, s + WINDOW_FRAMES) for s in starts
        ]
