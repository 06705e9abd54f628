"""Join consecutive speech regions of one participant into recogniser-sized chunks.

Silence between regions is left out, which is where the time saved over plain Whisper comes
from; the chunk keeps a map back to meeting time.
"""

from __future__ import annotations

import numpy as np

from .frames import SAMPLE_RATE, Frame, SpeechChunk, SpeechRegion
from .stage import Stage

__all__ = ["Chunker"]


class Chunker(Stage):
    """Per participant: push regions in time order, get chunks of at most ``max_chunk_s``.
    A chunk is held until it is full or the input ends (a full window reads best)."""

    accepts = (SpeechRegion,)

    def __init__(self, participant_id: str, max_chunk_s: float = 28.0) -> None:
        self._participant_id = participant_id
        self._max_samples = int(max_chunk_s * SAMPLE_RATE)
        self._regions: list[SpeechRegion] = []
        self._length = 0

    def _push(self, region: SpeechRegion) -> list[Frame]:
        out: list[Frame] = []
        for piece in self._pieces(region):
            if self._regions and self._length + len(piece.samples) > self._max_samples:
                out.append(self._emit())
            self._regions.append(piece)
            self._length += len(piece.samples)
        return out

    def _pieces(self, region: SpeechRegion) -> list[SpeechRegion]:
        """A region longer than one chunk is cut; the recogniser would ignore the excess."""
        step = self._max_samples
        return [
            SpeechRegion(
                region.participant_id,
                region.start_s + start / SAMPLE_RATE,
                region.samples[start : start + step],
            )
            for start in range(0, len(region.samples), step)
        ]

    def _end(self) -> list[Frame]:
        return [self._emit()] if self._regions else []

    def _emit(self) -> SpeechChunk:
        offsets = []
        position = 0
        for region in self._regions:
            offsets.append((position / SAMPLE_RATE, region.start_s))
            position += len(region.samples)
        samples = np.concatenate([region.samples for region in self._regions])
        chunk = SpeechChunk(self._participant_id, samples, tuple(offsets))
        self._regions = []
        self._length = 0
        return chunk
