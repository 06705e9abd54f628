"""The terminal summary at 80 columns: every header and every name printed whole."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.console import Console

import assistant.processing.analyze
from assistant.cli import cli
from assistant.outputs.digest import (
    ENGAGEMENT_HEADERS,
    SUMMARY_HEADERS,
    engagement_rows,
    summary_rows,
)
from assistant.outputs.terminal import figure_tables
from assistant.processing.speech import SpeechModels

DATA = Path(__file__).parents[1] / "data"
NAMES = ("Lars Østergaard", "Maximiliane Fürstenberg-Schwarzenau", "Ana Li")


def _report() -> dict[str, object]:
    report = json.loads((DATA / "report_sample.json").read_text(encoding="utf-8"))
    template = report["participants"][0]
    engagement = {
        "video_seconds": 60,
        "camera_on_share": 0.9,
        "face_visible_share": 0.9,
        "facing_camera_share": 0.7,
        "gesture_rate_per_min_speaking": 2.5,
        "nods_per_min_listening": 1.0,
        "expressiveness": 0.4,
        "movement": 0.1,
        "posture_upright_share": 0.9,
        "score": 71.0,
        "timeline": [],
    }
    report["participants"] = [
        {**template, "id": f"p{i}", "name": name, "engagement": engagement}
        for i, name in enumerate(NAMES)
    ]
    return dict(report)


def _printed(headers: tuple[str, ...], rows: list[tuple[str, ...]], width: int) -> str:
    console = Console(width=width, record=True, file=io.StringIO())
    console.print(*figure_tables(console, "Figures", headers, rows))
    return console.export_text()


@pytest.mark.parametrize("width", [80, 60])
def test_headers_and_names_are_never_cut(width: int) -> None:
    report = _report()
    for headers, rows in (
        (SUMMARY_HEADERS, summary_rows(report)),
        (ENGAGEMENT_HEADERS, engagement_rows(report)),
    ):
        text = _printed(headers, rows, width)
        assert "…" not in text
        assert all(len(line) <= width for line in text.splitlines())
        for header in headers:
            assert header in text, header
        for name in NAMES:
            assert name in text, name
        # Each figure is printed once, beside its person, in one of the tables.
        assert text.count("Name") == text.count("Figures")


def test_a_wide_console_keeps_one_table() -> None:
    report = _report()
    text = _printed(SUMMARY_HEADERS, summary_rows(report), 200)
    assert text.count("Figures") == 1
    header_line = next(line for line in text.splitlines() if "Name" in line)
    assert all(header in header_line for header in SUMMARY_HEADERS)


def test_analyze_prints_its_summary_whole_at_80_columns(
    monkeypatch: pytest.MonkeyPatch, speech_models: SpeechModels, tmp_path: Path
) -> None:
    monkeypatch.setattr(
        assistant.processing.analyze, "load_speech_models", lambda *_, **__: speech_models
    )
    transcript = json.loads((DATA / "transcript_valid.json").read_text(encoding="utf-8"))
    for participant in transcript["participants"]:
        if participant["id"] == "carol":
            participant["name"] = "Lars Østergaard"
    source = tmp_path / "meeting.json"
    source.write_text(json.dumps(transcript), encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        ["analyze", str(source), "--out", str(tmp_path / "out")],
        env={"COLUMNS": "80", "MA_CACHE_DIR": str(tmp_path / "cache")},
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    assert "…" not in result.stdout
    for header in SUMMARY_HEADERS:
        assert header in result.stdout, header
    assert "Lars Østergaard" in result.stdout
    # Tables fit; only the written files' paths may run on (they are printed unbroken).
    tables = [line for line in result.stdout.splitlines() if line[:1] in "┏┃┡│└"]
    assert tables and all(len(line) <= 80 for line in tables)
