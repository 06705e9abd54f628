from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from assistant.inputs.transcript_json import (
    dump_transcript_json,
    load_transcript_json,
    transcript_from_json,
)
from assistant.transcript import MeetingInfo, Participant, Segment, Transcript, Word
from models.errors import InvalidTranscriptError

DATA = Path(__file__).parents[1] / "data"
VALID = DATA / "transcript_valid.json"


def _minimal() -> dict[str, Any]:
    return {
        "meeting": {"title": "Weekly", "date": "2026-03-03"},
        "participants": [
            {"id": "a", "name": "Alice", "side": "internal"},
            {"id": "b", "name": "Bob", "side": "external"},
        ],
        "segments": [
            {"speaker": "a", "start": 0.0, "end": 2.0, "text": "Hello."},
            {"speaker": "b", "start": 2.5, "end": 4.0, "text": "Hi."},
            {"speaker": "a", "start": 5.0, "end": 6.0, "text": "Shall we start?"},
            {"speaker": "b", "start": 6.5, "end": 8.0, "text": "Yes."},
        ],
    }


def _write(tmp_path: Path, data: object, name: str = "call.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _problem(tmp_path: Path, data: object) -> str:
    path = _write(tmp_path, data)
    with pytest.raises(InvalidTranscriptError) as caught:
        load_transcript_json(path)
    assert caught.value.source == str(path)
    assert "\n" not in str(caught.value)
    return caught.value.problem


def test_load_valid_file() -> None:
    transcript = load_transcript_json(VALID)

    assert transcript.meeting == MeetingInfo(
        title="Acme renewal call", date=dt.date(2026, 3, 3), duration_s=12.0, language="en"
    )
    assert transcript.participants == (
        Participant("alice", "Alice Martin", "internal"),
        Participant("bob", "Bob Okafor", "external"),
        Participant("carol", "Carol", None),
    )
    # Sorted by start, although the file lists Bob first.
    assert [(s.speaker, s.start) for s in transcript.segments] == [
        ("alice", 0.0),
        ("bob", 4.2),
        ("carol", 8.5),
        ("alice", 10.5),
    ]
    first = transcript.segments[0]
    assert first.text == "Hi Bob, thanks for joining."
    assert first.language == "en"
    assert first.words[1] == Word(text="Bob,", start=0.5, end=0.9, probability=0.95)
    assert transcript.segments[3].language is None
    assert transcript.segments[3].words == ()


def test_round_trip() -> None:
    transcript = load_transcript_json(VALID)

    dumped = dump_transcript_json(transcript)

    assert json.loads(json.dumps(dumped)) == dumped
    assert dumped["meeting"] == {"title": "Acme renewal call", "date": "2026-03-03"}
    assert dumped["segments"][3] == {
        "speaker": "alice",
        "start": 10.5,
        "end": 12.0,
        "text": "Will do.",
    }
    assert transcript_from_json(dumped) == transcript


def test_round_trip_through_file(tmp_path: Path) -> None:
    transcript = load_transcript_json(VALID)
    path = _write(tmp_path, dump_transcript_json(transcript), name="other-name.json")

    assert load_transcript_json(path) == transcript


def test_title_defaults_to_file_stem_and_date_is_optional(tmp_path: Path) -> None:
    data = _minimal()
    del data["meeting"]
    transcript = load_transcript_json(_write(tmp_path, data, name="team-sync.json"))

    assert transcript.meeting == MeetingInfo(
        title="team-sync", date=None, duration_s=8.0, language=None
    )


def test_null_date_and_blank_title(tmp_path: Path) -> None:
    data = _minimal()
    data["meeting"] = {"title": "  ", "date": None}
    transcript = load_transcript_json(_write(tmp_path, data, name="sync.json"))

    assert (transcript.meeting.title, transcript.meeting.date) == ("sync", None)


def test_empty_transcript_has_zero_duration(tmp_path: Path) -> None:
    data: dict[str, list[object]] = {"participants": [], "segments": []}
    transcript = load_transcript_json(_write(tmp_path, data, name="empty.json"))

    assert transcript == Transcript(
        meeting=MeetingInfo(title="empty", date=None, duration_s=0.0, language=None),
        participants=(),
        segments=(),
    )


def test_main_language_is_the_one_with_most_speech(tmp_path: Path) -> None:
    data = _minimal()
    languages = ["de", "en", "en", "en"]  # German: 2.0 s; English: 1.5 + 1.0 + 1.5 = 4.0 s
    for segment, language in zip(data["segments"], languages, strict=True):
        segment["language"] = language
    data["segments"][0]["end"] = 20.0  # German now 20 s against 4 s of English
    transcript = load_transcript_json(_write(tmp_path, data))

    assert transcript.meeting.language == "de"
    assert transcript.meeting.duration_s == 20.0


def _with(change: str) -> dict[str, Any]:
    """The minimal transcript with one change applied, by name (keeps the cases readable)."""
    data = copy.deepcopy(_minimal())
    segments = data["segments"]
    match change:
        case "start is text":
            segments[3]["start"] = "abc"
        case "start negative":
            segments[3]["start"] = -1
        case "start is bool":
            segments[3]["start"] = True
        case "unknown speaker":
            segments[2]["speaker"] = "carol"
        case "end before start":
            segments[1]["start"], segments[1]["end"] = 5.0, 4.0
        case "bad date":
            data["meeting"]["date"] = "2026-13-01"
        case "date not iso":
            data["meeting"]["date"] = "03/03/2026"
        case "duplicate id":
            data["participants"].append({"id": "a", "name": "Alex"})
        case "missing segments":
            del data["segments"]
        case "missing text":
            del segments[0]["text"]
        case "bad side":
            data["participants"][0]["side"] = "ours"
        case "empty name":
            data["participants"][1]["name"] = ""
        case "segment not object":
            segments[2] = "hello"
        case "segments not list":
            data["segments"] = {"speaker": "a"}
        case "word probability":
            segments[0]["words"] = [{"word": "Hello.", "start": 0, "end": 1, "probability": 2}]
        case "word end before start":
            segments[0]["words"] = [
                {"word": "Hel", "start": 0, "end": 0.5, "probability": 0.9},
                {"word": "lo.", "start": 1.0, "end": 0.6, "probability": 0.9},
            ]
        case "nan end":
            segments[1]["end"] = float("nan")
    return data


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ("start is text", 'segments[3].start: must be a number >= 0 (got "abc")'),
        ("start negative", "segments[3].start: must be a number >= 0 (got -1)"),
        ("start is bool", "segments[3].start: must be a number >= 0 (got true)"),
        ("unknown speaker", "segments[2].speaker: 'carol' is not a participant id"),
        ("end before start", "segments[1]: end (4.0) is before start (5.0)"),
        ("bad date", "meeting.date: '2026-13-01' is not a date (YYYY-MM-DD)"),
        ("date not iso", "meeting.date: '03/03/2026' is not a date (YYYY-MM-DD)"),
        ("duplicate id", "participants[2].id: duplicate id 'a' (also participants[0])"),
        ("missing segments", "segments: required field is missing"),
        ("missing text", "segments[0].text: required field is missing"),
        ("bad side", 'participants[0].side: must be "internal", "external" or null (got "ours")'),
        ("empty name", 'participants[1].name: must be a non-empty string (got "")'),
        ("segment not object", 'segments[2]: must be an object (got "hello")'),
        ("segments not list", "segments: must be a list (got an object)"),
        (
            "word probability",
            "segments[0].words[0].probability: must be a number from 0 to 1 (got 2)",
        ),
        ("word end before start", "segments[0].words[1]: end (0.6) is before start (1.0)"),
        ("nan end", "segments[1].end: must be a number >= 0 (got NaN)"),
    ],
)
def test_invalid_field_is_named(tmp_path: Path, change: str, expected: str) -> None:
    assert _problem(tmp_path, _with(change)) == expected


def test_several_problems_are_counted(tmp_path: Path) -> None:
    data = _minimal()
    data["segments"][0]["speaker"] = "x"
    data["segments"][1]["speaker"] = "y"
    data["segments"][2]["speaker"] = "z"

    assert _problem(tmp_path, data) == (
        "segments[0].speaker: 'x' is not a participant id (and 2 more problems)"
    )


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            [1, 2],
            'top level must be a JSON object with "participants" and "segments", not an array',
        ),
        ("hi", 'top level must be a JSON object with "participants" and "segments", not a string'),
    ],
)
def test_top_level_must_be_an_object(tmp_path: Path, data: object, expected: str) -> None:
    assert _problem(tmp_path, data) == expected


def test_not_json(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{\n  "participants": [],\n    segments: []\n}\n', encoding="utf-8")

    with pytest.raises(InvalidTranscriptError) as caught:
        load_transcript_json(path)

    assert str(caught.value) == (
        f"{path}: not valid JSON: line 3 column 5: "
        "Expecting property name enclosed in double quotes"
    )


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.json"
    path.write_text("\n", encoding="utf-8")

    with pytest.raises(InvalidTranscriptError) as caught:
        load_transcript_json(path)

    assert str(caught.value) == f"{path}: file is empty"


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes('{"meeting": {"title": "Réunion"}}'.encode("latin-1"))

    with pytest.raises(InvalidTranscriptError) as caught:
        load_transcript_json(path)

    assert caught.value.problem == "not UTF-8 text (byte 0xe9 at offset 24)"


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(_minimal()).encode())

    assert load_transcript_json(path).meeting.title == "Weekly"


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.json"

    with pytest.raises(InvalidTranscriptError) as caught:
        load_transcript_json(path)

    assert str(caught.value) == f"{path}: file not found"


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(InvalidTranscriptError) as caught:
        load_transcript_json(tmp_path)

    assert caught.value.problem == "is a directory, not a transcript file"


def test_segments_with_equal_start_keep_file_order(tmp_path: Path) -> None:
    data = _minimal()
    data["segments"] = [
        {"speaker": "b", "start": 1.0, "end": 2.0, "text": "first"},
        {"speaker": "a", "start": 1.0, "end": 1.5, "text": "second"},
    ]
    transcript = load_transcript_json(_write(tmp_path, data))

    assert transcript.segments == (
        Segment(speaker="b", start=1.0, end=2.0, text="first"),
        Segment(speaker="a", start=1.0, end=1.5, text="second"),
    )


def test_documented_example_loads() -> None:
    doc = (Path(__file__).parents[2] / "docs" / "transcript-format.md").read_text(encoding="utf-8")
    example = doc.split("```json\n", 1)[1].split("```", 1)[0]

    transcript = transcript_from_json(json.loads(example))

    assert transcript.meeting == MeetingInfo(
        title="Acme renewal call", date=dt.date(2026, 3, 3), duration_s=10.0, language="en"
    )
    assert [p.side for p in transcript.participants] == ["internal", "external", None]
    assert len(transcript.segments[0].words) == 5
