"""Sides for recordings (issue 15): ``--internal`` names our side, everyone else is the customer,
which turns on talk/listen coaching and customer signals for a recording."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner, Result

import assistant.processing.analyze
from assistant.analytics.sides import assign_sides, parse_side_names
from assistant.cli import cli
from assistant.outputs.digest import NO_SPEECH
from assistant.processing.speech import SpeechModels
from assistant.transcript import MeetingInfo, Participant, Segment, Transcript
from tests.media import write_audio

CALL = Transcript(
    MeetingInfo("Call", None, 20.0, "en"),
    (
        Participant("left", "Left channel", name_source="placeholder"),
        Participant("right", "Right channel", name_source="placeholder"),
        Participant("anna-k", "Anna Kowalski", name_source="file_name"),
    ),
    (Segment("left", 0.0, 5.0, "Hello."), Segment("right", 5.0, 9.0, "Hi there.")),
)


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


def test_names_first_names_ids_and_channels_match() -> None:
    by_first_name = assign_sides(CALL, ["anna"]).transcript
    assert [p.side for p in by_first_name.participants] == ["external", "external", "internal"]
    by_channel = assign_sides(CALL, ["LEFT", "Anna Kowalski"]).transcript
    assert [p.side for p in by_channel.participants] == ["internal", "external", "internal"]
    by_file_name = assign_sides(CALL, ["anna-k"])
    assert (
        by_file_name.unmatched == () and by_file_name.transcript.participants[2].side == "internal"
    )


def test_unknown_names_are_reported_and_no_match_changes_nothing() -> None:
    partly = assign_sides(CALL, ["right", "Bob"])
    assert partly.unmatched == ("Bob",)
    assert [p.side for p in partly.transcript.participants] == ["external", "internal", "external"]
    nobody = assign_sides(CALL, ["Bob"])
    assert nobody.transcript == CALL and nobody.unmatched == ("Bob",)


def test_side_names_are_parsed_strictly() -> None:
    assert parse_side_names(" Anna , Carlos ") == ("Anna", "Carlos")
    for bad in ("", " , ", "Anna,,Carlos"):
        with pytest.raises(ValueError, match="name"):
            parse_side_names(bad)


def test_bad_internal_value_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "call.json"
    path.write_text(json.dumps({"participants": [], "segments": []}), encoding="utf-8")
    result = CliRunner().invoke(cli, ["analyze", str(path), "--internal", "Anna,,Carlos"])
    assert result.exit_code == 2
    assert "--internal" in result.output and "empty name" in result.output
    # live takes the same option, checked before anything is loaded.
    live = CliRunner().invoke(cli, ["live", str(path), "--out", str(tmp_path), "--internal", " "])
    assert live.exit_code == 2 and "name at least one person" in live.output


def test_internal_on_a_transcript_sets_sides_and_warns_about_unknown_names(tmp_path: Path) -> None:
    path = tmp_path / "call.json"
    said = [("anna", "We can start the pilot in May."), ("kim", "It is too expensive for us.")]
    path.write_text(
        json.dumps(
            {
                "participants": [{"id": "anna", "name": "Anna"}, {"id": "kim", "name": "Kim"}],
                "segments": [
                    {"speaker": who, "start": 5.0 * i, "end": 5.0 * i + 4, "text": text}
                    for i, (who, text) in enumerate(said)
                ],
            }
        ),
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        cli, ["analyze", str(path), "--internal", "Anna,Carlos", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    assert "nobody named 'Carlos'" in result.stderr
    report = json.loads(result.stdout)
    assert [p["side"] for p in report["participants"]] == ["internal", "external"]
    assert report["sides"] == {"internal_share": 0.5, "external_share": 0.5}
    assert [o["topic"] for o in report["signals"]["objections"]] == ["price"]


def test_internal_on_a_recorded_call_gives_sides_coaching_and_signals(run, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    # The pyannote phone call: the speakers introduce themselves as Diane and Sheila; by the
    # reference (sample.rttm) Sheila talks slightly more, about 52 % of the talk.
    result = run(str(data_dir / "pyannote-sample" / "sample.wav"), "--internal", "Sheila",
                 "--format", "json", "--date", "2026-11-25")  # fmt: skip
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    sides = {p["name"]: p["side"] for p in report["participants"]}
    assert sides == {"Sheila": "internal", "Diane": "external"}
    sheila = next(p for p in report["participants"] if p["name"] == "Sheila")
    assert report["sides"]["internal_share"] == pytest.approx(sheila["talk_share"], abs=1e-3)
    assert report["sides"]["internal_share"] == pytest.approx(0.52, abs=0.05)
    # Over 50 % of the talk on our side: the talk/listen tip, for our side only.
    tips = {c["participant"]: [i["topic"] for i in c["items"]] for c in report["coaching"]}
    assert "talk_share" in tips[sheila["id"]]
    assert all("talk_share" not in topics for pid, topics in tips.items() if pid != sheila["id"])
    # A sales call now: signals are computed (this friendly call has no objections).
    assert report["signals"] == {"objections": [], "competitors": [], "next_steps": []}


def test_a_silent_recording_has_no_participants(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    silence = write_audio(tmp_path / "silence.wav", np.zeros(16000 * 10, np.float32), 16000)
    result = run(str(silence))
    assert result.exit_code == 0, result.output
    assert NO_SPEECH in result.output
    assert "Speaker 1" not in result.output
