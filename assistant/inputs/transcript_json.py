"""Read and write transcripts as JSON files (format: ``docs/transcript-format.md``).

Every problem with a file raises ``InvalidTranscriptError`` whose one-line message names the
exact field (``segments[3].start: must be a number >= 0``), so a person can fix the file by hand.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_core import ErrorDetails, PydanticCustomError

from assistant.transcript import MeetingInfo, Participant, Segment, Transcript, Word
from models.errors import InvalidTranscriptError

__all__ = [
    "dump_transcript_json",
    "is_transcript_file",
    "load_transcript_json",
    "transcript_from_json",
]

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def is_transcript_file(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() == ".json"


class _Model(BaseModel):
    # Strict: "5" is not a number and 1 is not a name; a typo should fail, not be coerced.
    model_config = ConfigDict(extra="ignore", strict=True, allow_inf_nan=False, frozen=True)


class _WordIn(_Model):
    word: str
    start: float = Field(ge=0)
    end: float = Field(ge=0)
    probability: float = Field(ge=0, le=1)


class _SegmentIn(_Model):
    speaker: str
    start: float = Field(ge=0)
    end: float = Field(ge=0)
    text: str
    language: str | None = None
    words: list[_WordIn] | None = None


class _ParticipantIn(_Model):
    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    side: Literal["internal", "external"] | None = None


class _MeetingIn(_Model):
    title: str | None = None
    date: dt.date | None = None

    @field_validator("date", mode="before")
    @classmethod
    def _parse_date(cls, value: object) -> dt.date | None:
        if value is None:
            return None
        if not isinstance(value, str):
            raise PydanticCustomError("date_type", "must be a date string (YYYY-MM-DD) or null")
        try:
            if not _DATE.fullmatch(value):
                raise ValueError(value)
            return dt.date.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError(
                "date_format", "{value} is not a date (YYYY-MM-DD)", {"value": repr(value)}
            ) from None


class _TranscriptIn(_Model):
    meeting: _MeetingIn | None = None
    participants: list[_ParticipantIn]
    segments: list[_SegmentIn]


# What each field must be, by path with list indices written as "[]".
_EXPECTED = {
    "meeting": "must be an object or null",
    "meeting.title": "must be a string or null",
    "participants": "must be a list",
    "participants[]": "must be an object",
    "participants[].id": "must be a non-empty string",
    "participants[].name": "must be a non-empty string",
    "participants[].side": 'must be "internal", "external" or null',
    "segments": "must be a list",
    "segments[]": "must be an object",
    "segments[].speaker": "must be a participant id (a string)",
    "segments[].start": "must be a number >= 0",
    "segments[].end": "must be a number >= 0",
    "segments[].text": "must be a string",
    "segments[].language": "must be a language code (a string) or null",
    "segments[].words": "must be a list or null",
    "segments[].words[]": "must be an object",
    "segments[].words[].word": "must be a string",
    "segments[].words[].start": "must be a number >= 0",
    "segments[].words[].end": "must be a number >= 0",
    "segments[].words[].probability": "must be a number from 0 to 1",
}


def load_transcript_json(path: Path) -> Transcript:
    """Read a transcript JSON file; the title defaults to the file name without extension.

    Raises ``InvalidTranscriptError`` naming the file and the faulty field.
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InvalidTranscriptError("file not found", path) from None
    except IsADirectoryError:
        raise InvalidTranscriptError("is a directory, not a transcript file", path) from None
    except PermissionError:
        raise InvalidTranscriptError("permission denied", path) from None
    except OSError as error:
        raise InvalidTranscriptError(f"cannot read file: {error.strerror or error}", path) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InvalidTranscriptError(
            f"not UTF-8 text (byte 0x{raw[error.start]:02x} at offset {error.start})", path
        ) from None
    if not text.strip():
        raise InvalidTranscriptError("file is empty", path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InvalidTranscriptError(
            f"not valid JSON: line {error.lineno} column {error.colno}: {error.msg}", path
        ) from None
    return transcript_from_json(data, source=path, default_title=path.stem)


def transcript_from_json(
    data: object, *, source: str | Path | None = None, default_title: str = "Untitled meeting"
) -> Transcript:
    """Build a transcript from already-parsed JSON (e.g. a request body).

    ``source`` only names the input in error messages.
    """
    if not isinstance(data, dict):
        raise InvalidTranscriptError(
            f'top level must be a JSON object with "participants" and "segments", '
            f"not {_json_kind(data)}",
            source,
        )
    try:
        parsed = _TranscriptIn.model_validate(data)
    except ValidationError as error:
        problems = [_describe(detail) for detail in error.errors()]
        raise InvalidTranscriptError(_one_line(problems), source) from None
    problems = _cross_check(parsed)
    if problems:
        raise InvalidTranscriptError(_one_line(problems), source)

    segments = sorted((_segment(segment) for segment in parsed.segments), key=lambda s: s.start)
    meeting = parsed.meeting or _MeetingIn()
    title = meeting.title.strip() if meeting.title and meeting.title.strip() else default_title
    return Transcript(
        meeting=MeetingInfo(
            title=title,
            date=meeting.date,
            duration_s=max((segment.end for segment in segments), default=0.0),
            language=_main_language(segments),
        ),
        participants=tuple(
            Participant(id=p.id, name=p.name, side=p.side) for p in parsed.participants
        ),
        segments=tuple(segments),
    )


def dump_transcript_json(transcript: Transcript) -> dict[str, Any]:
    """The transcript as a JSON-ready dict in the format ``load_transcript_json`` reads."""
    meeting = transcript.meeting
    return {
        "meeting": {
            "title": meeting.title,
            "date": meeting.date.isoformat() if meeting.date else None,
        },
        "participants": [
            {"id": p.id, "name": p.name, "side": p.side} for p in transcript.participants
        ],
        "segments": [_dump_segment(segment) for segment in transcript.segments],
    }


def _dump_segment(segment: Segment) -> dict[str, Any]:
    out: dict[str, Any] = {
        "speaker": segment.speaker,
        "start": segment.start,
        "end": segment.end,
        "text": segment.text,
    }
    if segment.language is not None:
        out["language"] = segment.language
    if segment.words:
        out["words"] = [
            {"word": w.text, "start": w.start, "end": w.end, "probability": w.probability}
            for w in segment.words
        ]
    return out


def _segment(segment: _SegmentIn) -> Segment:
    return Segment(
        speaker=segment.speaker,
        start=segment.start,
        end=segment.end,
        text=segment.text,
        language=segment.language or None,
        words=tuple(
            Word(text=w.word, start=w.start, end=w.end, probability=w.probability)
            for w in segment.words or ()
        ),
    )


def _main_language(segments: list[Segment]) -> str | None:
    """The language with the most speech time; ties go to more segments, then first seen."""
    seconds: defaultdict[str, float] = defaultdict(float)
    counts: Counter[str] = Counter()
    for segment in segments:
        if segment.language:
            seconds[segment.language] += segment.duration_s
            counts[segment.language] += 1
    if not counts:
        return None
    first_seen = {language: -i for i, language in enumerate(counts)}
    return max(counts, key=lambda lang: (seconds[lang], counts[lang], first_seen[lang]))


def _cross_check(parsed: _TranscriptIn) -> list[str]:
    """Problems that span fields: duplicate ids, unknown speakers, reversed times."""
    problems: list[str] = []
    first_index: dict[str, int] = {}
    for i, participant in enumerate(parsed.participants):
        if participant.id in first_index:
            problems.append(
                f"participants[{i}].id: duplicate id {participant.id!r} "
                f"(also participants[{first_index[participant.id]}])"
            )
        else:
            first_index[participant.id] = i
    for i, segment in enumerate(parsed.segments):
        if segment.speaker not in first_index:
            problems.append(f"segments[{i}].speaker: {segment.speaker!r} is not a participant id")
        if segment.end < segment.start:
            problems.append(f"segments[{i}]: end ({segment.end}) is before start ({segment.start})")
        for j, word in enumerate(segment.words or ()):
            if word.end < word.start:
                problems.append(
                    f"segments[{i}].words[{j}]: end ({word.end}) is before start ({word.start})"
                )
    return problems


def _describe(detail: ErrorDetails) -> str:
    location = _path(detail["loc"])
    if detail["type"] == "missing":
        return f"{location}: required field is missing"
    if detail["type"] in {"date_type", "date_format"}:
        return f"{location}: {detail['msg']}"
    pattern = _path(tuple("[]" if isinstance(part, int) else part for part in detail["loc"]))
    expected = _EXPECTED.get(pattern, detail["msg"].lower())
    value = detail.get("input")
    if isinstance(value, str | int | float | bool) or value is None:
        shown = json.dumps(value, ensure_ascii=False)
        if len(shown) > 40:
            shown = shown[:37] + "..."
        return f"{location}: {expected} (got {shown})"
    return f"{location}: {expected} (got {_json_kind(value)})"


def _path(location: tuple[int | str, ...]) -> str:
    """``("segments", 3, "start")`` -> ``segments[3].start``; ``"[]"`` stands for any index."""
    text = ""
    for part in location:
        if isinstance(part, int):
            text += f"[{part}]"
        elif part == "[]":
            text += part
        else:
            text += f".{part}" if text else part
    return text


def _one_line(problems: list[str]) -> str:
    extra = len(problems) - 1
    if extra == 0:
        return problems[0]
    return f"{problems[0]} (and {extra} more problem{'s' if extra > 1 else ''})"


def _json_kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__
