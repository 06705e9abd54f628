"""The meeting transcript: who took part, who spoke when, and who said what when."""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from pipelines.frames import Word

__all__ = [
    "MeetingInfo",
    "NameSource",
    "Participant",
    "Segment",
    "Side",
    "SpeechTurn",
    "Transcript",
    "Word",
    "speech_turns",
    "turns_of",
]

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
class SpeechTurn:
    """A stretch of one participant's speech, heard in the audio whether or not its words were
    recognised. Turns are cut where someone else starts or stops talking over it, so each one is
    either overlapped throughout or not at all."""

    speaker: str
    """Participant id."""
    start: float
    """Start (s from meeting start)."""
    end: float
    """End (s from meeting start)."""
    overlapped: bool = False
    """Another participant speaks throughout this turn."""

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
    turns: tuple[SpeechTurn, ...] = ()
    """Who spoke when, from the audio (diarization, or each track's voice activity), as made by
    `speech_turns`; empty without audio (a transcript file): `turns_of` then derives them from
    the segments."""

    def participant(self, participant_id: str) -> Participant:
        for participant in self.participants:
            if participant.id == participant_id:
                return participant
        raise KeyError(participant_id)


def speech_turns(spans: Iterable[tuple[str, float, float]]) -> tuple[SpeechTurn, ...]:
    """Turns from (participant id, start s, end s) spans of speech: each participant's spans
    that overlap or touch are joined, then cut wherever another participant's speech starts or
    ends inside them, and marked ``overlapped`` where someone else speaks too. Sorted by start,
    then participant id."""
    own: defaultdict[str, list[tuple[float, float]]] = defaultdict(list)
    for speaker, start, end in spans:
        if end > start:
            own[speaker].append((start, end))
    joined = {speaker: _union(intervals) for speaker, intervals in own.items()}
    turns: list[SpeechTurn] = []
    for speaker, intervals in joined.items():
        busy = _union([i for other, rest in joined.items() if other != speaker for i in rest])
        ends = [end for _, end in busy]
        for start, end in intervals:
            # Other people's speech inside this span: disjoint, sorted, clipped to it.
            first = bisect.bisect_right(ends, start)
            inside = []
            for other_start, other_end in busy[first:]:
                if other_start >= end:
                    break
                inside.append((max(start, other_start), min(end, other_end)))
            position = start
            for other_start, other_end in inside:
                if other_start > position:
                    turns.append(SpeechTurn(speaker, position, other_start, False))
                turns.append(SpeechTurn(speaker, other_start, other_end, True))
                position = other_end
            if position < end:
                turns.append(SpeechTurn(speaker, position, end, False))
    return tuple(sorted(turns, key=lambda turn: (turn.start, turn.speaker)))


def turns_of(transcript: Transcript) -> tuple[SpeechTurn, ...]:
    """The transcript's turns; for a transcript without audio, its segments' spans."""
    if transcript.turns or not transcript.segments:
        return transcript.turns
    return speech_turns((s.speaker, s.start, s.end) for s in transcript.segments)


def _union(intervals: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Sorted, disjoint intervals covering the same time; touching ones are joined."""
    result: list[tuple[float, float]] = []
    for start, end in sorted(intervals):
        if result and start <= result[-1][1]:
            result[-1] = (result[-1][0], max(result[-1][1], end))
        else:
            result.append((start, end))
    return result
