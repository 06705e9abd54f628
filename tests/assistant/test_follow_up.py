"""Follow-through over three meetings of one team, through analyze() and the CLI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from assistant.cli import cli
from assistant.config import Settings
from assistant.intelligence.follow_up import load_history
from assistant.processing.analyze import analyze
from models.errors import InputError

PEOPLE = [
    {"id": "sara", "name": "Sara Lind", "side": "internal"},
    {"id": "tom", "name": "Tom Reyes", "side": "internal"},
    {"id": "priya", "name": "Priya Nat", "side": "external"},
]


def write_meeting(folder: Path, name: str, date: str, lines: list[tuple[str, str]]) -> Path:
    segments = [
        {"speaker": who, "start": 5.0 * i, "end": 5.0 * i + 4.5, "text": text, "language": "en"}
        for i, (who, text) in enumerate(lines)
    ]
    path = folder / f"{name}.json"
    data = {"meeting": {"title": name, "date": date}, "participants": PEOPLE, "segments": segments}
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def save(report: dict[str, Any], folder: Path, name: str) -> None:
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.report.json").write_text(json.dumps(report), encoding="utf-8")


def test_three_meetings(tmp_path: Path) -> None:
    settings = Settings(cache_dir=tmp_path / "cache")
    history = tmp_path / "history"
    # Meeting 1 (Mon 2 March): three promises.
    first = write_meeting(
        tmp_path,
        "kickoff",
        "2026-03-02",
        [
            ("sara", "I'll send the revised quote by Wednesday."),
            ("tom", "I'll book the security review with their IT team on Friday."),
            ("priya", "Could you share the reference list, Sara?"),
            ("sara", "Sure, I'll send the reference list tomorrow."),
        ],
    )
    one = analyze(first, settings).report
    assert [(i["text"], i["owner"], i["due"]) for i in one["action_items"]] == [
        ("Send the revised quote", "sara", "2026-03-04"),
        ("Book the security review with their IT team", "tom", "2026-03-06"),
        ("Share the reference list", "sara", "2026-03-03"),
    ]
    assert one["follow_up"] == []
    save(one, history, "1")

    # Meeting 2 (Mon 9 March): the quote was sent; the review is not done; a new promise.
    second = write_meeting(
        tmp_path,
        "pricing",
        "2026-03-09",
        [
            ("sara", "Quick update: I sent the revised quote on Tuesday."),
            ("tom", "I haven't booked the security review yet, sorry."),
            ("priya", "Thanks. We'll review the quote internally."),
        ],
    )
    two = analyze(second, settings, history=load_history(history)).report
    status = {item["text"]: item["status"] for item in two["follow_up"]}
    assert status == {
        "Send the revised quote": "done",
        "Book the security review with their IT team": "overdue",  # due 6 March
        "Share the reference list": "overdue",  # due 3 March, not mentioned
    }
    done = next(i for i in two["follow_up"] if i["status"] == "done")
    assert done["evidence"] == "Quick update: I sent the revised quote on Tuesday."
    assert done["origin_title"] == "kickoff" and done["origin_date"] == "2026-03-02"
    assert [(i["text"], i["owner"]) for i in two["action_items"]] == [
        ("Review the quote internally", "team:external")
    ]
    save(two, history, "2")

    # Meeting 3 (Mon 16 March): the review and the list are reported done; the customer's
    # internal review is still open (no due date: open, not overdue). The quote stays closed.
    third = write_meeting(
        tmp_path,
        "review",
        "2026-03-16",
        [
            ("tom", "The security review with their IT team is booked for Thursday."),
            ("sara", "And I sent Priya the reference list on Monday."),
        ],
    )
    three = analyze(third, settings, history=load_history(history)).report
    assert {item["text"]: item["status"] for item in three["follow_up"]} == {
        "Book the security review with their IT team": "done",
        "Share the reference list": "done",
        "Review the quote internally": "open",
    }


def test_cli_history_option(tmp_path: Path) -> None:
    history = tmp_path / "history"
    first = write_meeting(
        tmp_path, "one", "2026-03-02", [("sara", "I'll send the revised quote by Wednesday.")]
    )
    runner = CliRunner()
    result = runner.invoke(cli, ["analyze", str(first), "--format", "json"])
    assert result.exit_code == 0, result.output
    save(json.loads(result.output), history, "1")
    second = write_meeting(tmp_path, "two", "2026-03-09", [("tom", "Let's start.")])

    result = runner.invoke(cli, ["analyze", str(second), "--history", str(history)])

    assert result.exit_code == 0, result.output
    assert "Follow-up: 1 earlier items, 0 reported done, 1 overdue" in result.output
    assert "overdue: Send the revised quote (Sara Lind, due 2026-03-04)" in result.output


def test_bad_history(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="history folder not found"):
        load_history(tmp_path / "missing")
    (tmp_path / "x.json").write_text('{"not": "a report"}', encoding="utf-8")
    with pytest.raises(InputError, match="no action_items list"):
        load_history(tmp_path)
