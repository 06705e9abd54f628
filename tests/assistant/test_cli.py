"""The main job through the command line: outputs, participants per input kind, bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner, Result

import assistant.processing.analyze
from assistant.cli import cli
from assistant.outputs.digest import render_digest_html
from assistant.outputs.formatting import format_number
from assistant.processing.speech import SpeechModels
from tests.media import read_audio, write_audio, write_silent_video

REPORT_KEYS = ["version", "meeting", "participants", "balance", "segments", "action_items"]
PARTICIPANT_KEYS = [
    "id", "name", "side", "talk_time_s", "talk_share", "turns", "longest_monologue_s", "words",
    "words_per_minute", "questions_asked", "filler_words_per_100", "interruptions_made",
]  # fmt: skip


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, speech_models: SpeechModels, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Invoke the CLI in-process, sharing the models loaded once for the session."""
    monkeypatch.setattr(
        assistant.processing.analyze, "load_speech_models", lambda *_, **__: speech_models
    )
    monkeypatch.setenv("MA_CACHE_DIR", str(tmp_path / "cache"))

    def invoke(*args: str) -> Result:
        return CliRunner().invoke(cli, ["analyze", *args], catch_exceptions=False)

    return invoke


def _normalise(text: str) -> str:
    return " ".join("".join(c for c in text.lower() if c.isalnum() or c.isspace()).split())


def test_phone_call_writes_all_outputs(run, data_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "reports" / "call"
    result = run(str(data_dir / "pyannote-sample" / "sample.wav"), "--out", str(out),
                 "--title", "Discovery call", "--date", "2026-11-25")  # fmt: skip
    assert result.exit_code == 0, result.output
    report = json.loads((out / "report.json").read_text())
    assert list(report)[: len(REPORT_KEYS) + 1] == [*REPORT_KEYS[:4], "sides", *REPORT_KEYS[4:]]
    assert report["version"] == 1
    assert report["meeting"] == {
        "title": "Discovery call", "date": "2026-11-25", "duration_s": 30.0, "language": "en",
    }  # fmt: skip
    people = report["participants"]
    assert [list(person)[: len(PARTICIPANT_KEYS)] for person in people] == [PARTICIPANT_KEYS] * 2
    assert sorted(person["name"] for person in people) == ["Diane", "Sheila"]
    assert sum(person["talk_share"] for person in people) == pytest.approx(1.0, abs=1e-3)
    text = _normalise(" ".join(segment["text"] for segment in report["segments"]))
    assert "this is diane in new jersey" in text
    assert "originally from chicago" in text
    first = report["segments"][0]
    assert set(first) == {"speaker", "start", "end", "text", "language", "words"}
    assert set(first["words"][0]) == {"word", "start", "end", "probability"}
    vtt = (out / "transcript.vtt").read_text()
    assert vtt.startswith("WEBVTT")
    assert "<v Diane>" in vtt
    assert "-->" in (out / "transcript.srt").read_text()
    digest = (out / "digest.html").read_text()
    assert "Discovery call" in digest
    assert "Sheila" in digest
    assert "Participation" in result.output
    assert "report.json" in result.output


def test_format_json_prints_the_report(run, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    result = run(str(data_dir / "whisper-clips" / "jfk.flac"), "--format", "json")
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["meeting"]["language"] == "en"
    said = " ".join(segment["text"] for segment in report["segments"])
    assert "ask not what your country" in _normalise(said)


def test_folder_of_tracks_gives_named_participants(run, data_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    stereo = read_audio(data_dir / "whisper-clips" / "stereo_diarization.wav", channels="split")
    tracks = tmp_path / "tracks"
    tracks.mkdir()
    write_audio(tracks / "alice.wav", stereo[0], 16000)
    write_audio(tracks / "bob_smith.flac", stereo[1], 16000, codec="flac")
    (tracks / "notes.txt").write_text("not media")
    result = run(str(tracks), "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    names = {p["id"]: p["name"] for p in report["participants"]}
    assert names == {"alice": "Alice", "bob-smith": "Bob Smith"}
    said = {pid: [] for pid in names}
    for segment in report["segments"]:
        said[segment["speaker"]].append(segment["text"])
    assert "vanished behind the curtain" in _normalise(" ".join(said["alice"]))
    assert _normalise(" ".join(said["bob-smith"])) == "the horizon seems extremely distant"
    assert report["balance"]["score"] < 1.0


def test_stereo_call_and_stereo_mix(run, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    call = json.loads(run(str(data_dir / "whisper-clips" / "stereo_diarization.wav"),
                          "--format", "json").stdout)  # fmt: skip
    assert [p["id"] for p in call["participants"]] == ["left", "right"]
    # GRID video: both channels carry the same voice, so it is one mixed track.
    mix = json.loads(run(str(data_dir / "grid-talking" / "bbaf2n.mpg"), "--format", "json").stdout)
    assert [p["id"] for p in mix["participants"]] == ["speaker-1"]


def test_telephone_and_surround_audio_work(run, data_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    jfk = read_audio(data_dir / "whisper-clips" / "jfk.flac")[0]
    narrow = jfk[::2]  # 8 kHz, as a phone line delivers it
    phone = write_audio(tmp_path / "phone.wav", narrow, 8000)
    surround = write_audio(tmp_path / "room.wav", np.tile(jfk * 0.5, (6, 1)), 16000)
    for path in (phone, surround):
        result = run(str(path), "--format", "json")
        assert result.exit_code == 0, result.output
        report = json.loads(result.stdout)
        assert len(report["participants"]) == 1
        assert "ask what you can do for your country" in _normalise(
            " ".join(s["text"] for s in report["segments"])
        )


def _bad(run, path: Path, *extra: str) -> str:  # type: ignore[no-untyped-def]
    result = run(str(path), *extra)
    assert result.exit_code == 2, result.output
    message = result.stderr.strip()
    assert "Traceback" not in result.output
    assert len(message.splitlines()) == 1, message
    assert message.startswith("error: ")
    return message


def test_bad_inputs_get_one_line_errors(run, data_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert "nope.mp4: file not found" in _bad(run, tmp_path / "nope.mp4")

    empty_dir = tmp_path / "empty"
    empty_dir.mkdir()
    (empty_dir / "readme.txt").write_text("x")
    assert "folder holds no media files" in _bad(run, empty_dir)

    fake = tmp_path / "call.mp4"
    fake.write_text("meeting notes\n" * 100)
    assert "call.mp4: not a readable audio or video file" in _bad(run, fake)

    truncated = tmp_path / "cut.mp3"
    truncated.write_bytes((data_dir / "whisper-clips" / "multilingual.mp3").read_bytes()[:120_000])
    assert "cut.mp3: file is truncated" in _bad(run, truncated)

    zero = write_audio(tmp_path / "zero.wav", np.zeros(0, np.float32), 16000)
    assert "zero.wav: " in _bad(run, zero)

    short = write_audio(tmp_path / "short.wav", np.zeros(3200, np.float32), 16000)
    assert "short.wav: audio is only 0.2 s long" in _bad(run, short)

    video = write_silent_video(tmp_path / "screen.mp4")
    assert "screen.mp4: video has no audio track" in _bad(run, video)

    broken = tmp_path / "meeting.json"
    broken.write_text(json.dumps({
        "meeting": {"title": "x", "date": "2026-11-25"},
        "participants": [{"id": "a", "name": "Ann", "side": None}],
        "segments": [{"speaker": "b", "start": 0, "end": 1, "text": "hi"}],
    }))  # fmt: skip
    assert "segments[0].speaker" in _bad(run, broken)


def test_truncated_file_can_be_analysed_on_request(run, data_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    truncated = tmp_path / "cut.mp3"
    truncated.write_bytes((data_dir / "whisper-clips" / "multilingual.mp3").read_bytes()[:120_000])
    result = run(str(truncated), "--allow-truncated", "--format", "json")
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert 29 < report["meeting"]["duration_s"] < 31
    assert "permission is hereby granted" in _normalise(report["segments"][0]["text"])


def test_transcript_json_input(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = Path(__file__).parents[1] / "data" / "transcript_valid.json"
    copy = tmp_path / "meeting.json"
    shutil.copy(source, copy)
    out = tmp_path / "out"
    result = run(str(copy), "--out", str(out), "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    original = json.loads(source.read_text())
    assert [p["id"] for p in report["participants"]] == [p["id"] for p in original["participants"]]
    assert len(report["segments"]) == len(original["segments"])
    assert (out / "digest.html").is_file()
    # No audio: the turns are the segments' spans, and the RTTM says the same.
    assert [(t["speaker"], t["start"]) for t in report["speaker_turns"]] == [
        ("alice", 0.0), ("bob", 4.2), ("carol", 8.5), ("alice", 10.5),
    ]  # fmt: skip
    assert (out / "transcript.rttm").read_text().splitlines()[1] == (
        "SPEAKER Acme_renewal_call 1 4.200 3.700 <NA> <NA> bob <NA> <NA>"
    )


def test_a_wrong_number_of_participant_names_is_warned_about(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = Path(__file__).parents[1] / "data" / "transcript_valid.json"
    result = run(str(source), "--participants", "Ann,Bo", "--format", "json")
    assert result.exit_code == 0, result.output
    assert result.stderr.strip() == (
        "warning: --participants: 2 names for 3 speakers heard: Ann and Bo were given by order "
        "of first speech, Carol kept its name"
    )
    report = json.loads(result.stdout)
    names = {p["id"]: p["name"] for p in report["participants"]}
    assert names == {"alice": "Ann", "bob": "Bo", "carol": "Carol"}
    # The report says it too (a service's user never sees stderr), and so does the digest.
    assert report["warnings"] == [result.stderr.strip().removeprefix("warning: ")]
    digest = render_digest_html(report)
    assert '<section class="warning">' in digest and "2 names for 3 speakers" in digest


def test_video_summary_shows_engagement(run, data_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "grid"
    result = run(str(data_dir / "grid-talking" / "swiz3n.mpg"), "--out", str(out))
    assert result.exit_code == 0, result.output
    (person,) = json.loads((out / "report.json").read_text())["participants"]
    engagement = person["engagement"]
    assert engagement["camera_on_share"] == 1.0 and engagement["facing_camera_share"] >= 0.9
    summary = result.output[result.output.index("Presence on video") :]
    row = next(line for line in summary.splitlines() if person["name"] in line)
    cells = [cell.strip() for cell in row.split("│")[1:-1]]
    assert cells[:4] == [person["name"], format_number(engagement["score"]), "100%", "100%"]
    assert "Presence on video" in (out / "digest.html").read_text()
