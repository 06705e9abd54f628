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
    itself (whose span says where this track's voices spoke)."""

    accepts = (SpeechRegion,)

    def __init__(self, encoder: SpeakerEncoder, participant_id: str, step_s: float = 0.25) -> None:
        self._encoder = encoder
        self._participant_id = participant_id
        self._step = max(1, round(step_s / MEL_HOP_S))

    def _push(self, region: SpeechRegion) -> list[Frame]:
        return [*self._windows(region), region]

    def _windows(self, region: SpeechRegion) -> list[SpeakerWindow]:
        mel = self._encoder.mel(region.samples)
        frames = len(mel)
        if frames < _MIN_FRAMES:
            return []
        if frames < WINDOW_FRAMES:
            repeats = int(np.ceil(WINDOW_FRAMES / frames))
            windows = [np.tile(mel, (repeats, 1))[:WINDOW_FRAMES]]
            spans = [(0, frames)]
        else:
            starts = list(range(0, frames - WINDOW_FRAMES + 1, self._step))
            if starts[-1] != frames - WINDOW_FRAMES:
                starts.append(frames - WINDOW_FRAMES)
            windows = [mel[s : s + WINDOW_FRAMES] for s in starts]
            spans = [(s, s + WINDOW_FRAMES) for s in starts]
        embeddings = self._encoder.embed(windows)
        return [
            SpeakerWindow(
                self._participant_id,
                region.start_s + start * MEL_HOP_S,
                region.start_s + end * MEL_HOP_S,
                embedding,
            )
            for (start, end), embedding in zip(spans, embeddings, strict=True)
        ]
