"""The meeting transcript: who took part, and who said what when."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from pipelines.frames import Word

__all__ = ["MeetingInfo", "NameSource", "Participant", "Segment", "Side", "Transcript", "Word"]

Side = Literal["internal", "external"]
NameSource = Literal[
    "given",  # in the transcript file
    "user",  # --participants, by order of first speech
    "voice_sample",  # --participants Name=sample.wav, matched by voice
    "self_introduction",  # "This is Diane", "Jeg hedder Mette"
    "addressed",  # called by name right before speaking
    "file_name",  # per-person track alice.wav
    "placeholder",  # "Speaker 2", "Left channel": not resolved
]


@dataclass(frozen=True, slots=True)
class Participant:
    id: str
    name: str
    side: Side | None = None
    """Our team ("internal") or the customer ("external"); None when unknown."""
    name_source: NameSource = "given"
    """How the name was found; ``placeholder`` means nobody knows yet ("Speaker 2")."""


@dataclass(frozen=True, slots=True)
class Segment:
    """One utterance of one participant."""

    speaker: str
    """Participant id."""
    start: float
    """Start (s from meeting start)."""
    end: float
    """End (s from meeting start)."""
    text: str
    language: str | None = None
    """ISO 639-1 code, when known."""
    words: tuple[Word, ...] = ()

    @property
    def duration_s(self) -> float:
        return max(0.0, self.end - self.start)


@dataclass(frozen=True, slots=True)
class MeetingInfo:
    title: str
    date: dt.date | None
    duration_s: float
    """Length of the recording (s); for transcript input, the end of the last segment."""
    language: str | None
    """Main language (ISO 639-1): the one with the most speech."""


@dataclass(frozen=True, slots=True)
class Transcript:
    meeting: MeetingInfo
    participants: tuple[Participant, ...]
    segments: tuple[Segment, ...]
    """Sorted by start time."""

    def participant(self, participant_id: str) -> Participant:
        for participant in self.participants:
            if participant.id == participant_id:
                return participant
        raise KeyError(participant_id)
