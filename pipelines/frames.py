"""The small vocabulary of frames passed between pipeline stages.

Every frame names the participant (stream) it belongs to and carries times in seconds from the
start of the meeting, so stages can run per participant, offline or live, and be merged later.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

__all__ = ["SAMPLE_RATE", "AudioChunk", "SpeechChunk", "SpeechRegion", "TranscribedSegment", "Word"]

SAMPLE_RATE = 16_000
"""Sample rate of every audio frame after decoding (Hz); what Whisper and Silero expect."""

FloatArray = npt.NDArray[np.float32]


@dataclass(frozen=True, slots=True, eq=False)
class AudioChunk:
    """A run of decoded mono audio for one participant."""

    participant_id: str
    start_s: float
    """Time of the first sample (s from meeting start)."""
    samples: FloatArray = field(repr=False)
    """Mono float32 PCM in [-1, 1] at ``SAMPLE_RATE``."""

    @property
    def duration_s(self) -> float:
        return len(self.samples) / SAMPLE_RATE

    @property
    def end_s(self) -> float:
        return self.start_s + self.duration_s


@dataclass(frozen=True, slots=True, eq=False)
class SpeechRegion:
    """One stretch of voice activity found by the VAD, with its audio."""

    participant_id: str
    start_s: float
    """Start (s from meeting start), padding included."""
    samples: FloatArray = field(repr=False)
    """Mono float32 PCM at ``SAMPLE_RATE`` covering the region."""

    @property
    def end_s(self) -> float:
        return self.start_s + len(self.samples) / SAMPLE_RATE


@dataclass(frozen=True, slots=True, eq=False)
class SpeechChunk:
    """Consecutive speech regions of one participant joined into one recogniser input.

    The audio is the regions' samples back to back (silence between them removed);
    ``region_offsets`` maps positions in that audio back to meeting time.
    """

    participant_id: str
    samples: FloatArray = field(repr=False)
    """Mono float32 PCM at ``SAMPLE_RATE``; at most the recogniser's window (30 s)."""
    region_offsets: tuple[tuple[float, float], ...]
    """Per region: (position in ``samples`` (s), meeting time of that position (s))."""

    @property
    def start_s(self) -> float:
        return self.region_offsets[0][1]

    @property
    def duration_s(self) -> float:
        return len(self.samples) / SAMPLE_RATE

    def tail(self, from_s: float) -> SpeechChunk:
        """The part of this chunk from ``from_s`` (s into ``samples``) on."""
        cut = int(from_s * SAMPLE_RATE)
        offsets = [(0.0, self.to_meeting_time(from_s))]
        offsets += [(pos - from_s, time) for pos, time in self.region_offsets if pos > from_s]
        return SpeechChunk(self.participant_id, self.samples[cut:], tuple(offsets))

    def to_meeting_time(self, chunk_time_s: float) -> float:
        """Map a time inside ``samples`` (s) to meeting time (s)."""
        position, meeting_time = self.region_offsets[0]
        for region_position, region_time in self.region_offsets:
            if region_position > chunk_time_s:
                break
            position, meeting_time = region_position, region_time
        return meeting_time + (chunk_time_s - position)


@dataclass(frozen=True, slots=True)
class Word:
    """One recognised word with its timing."""

    text: str
    start: float
    """Start (s from meeting start)."""
    end: float
    """End (s from meeting start)."""
    probability: float
    """Recogniser's confidence in [0, 1]."""


@dataclass(frozen=True, slots=True)
class TranscribedSegment:
    """One recognised utterance (about a sentence) of one participant."""

    participant_id: str
    start: float
    """Start (s from meeting start)."""
    end: float
    """End (s from meeting start)."""
    text: str
    language: str
    """ISO 639-1 code detected for the chunk this segment came from."""
    words: tuple[Word, ...]
