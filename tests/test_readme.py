"""The README's two set-up commands, run as a newcomer would: on a clean checkout."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _readme_commands() -> list[str]:
    lines = []
    for line in (REPO / "README.md").read_text().splitlines():
        if not line.strip():
            if lines:
                break
            continue
        lines.append(line.split("#", 1)[0].strip())
    return lines


def test_readme_opens_with_exactly_two_commands_and_ci_runs_the_second() -> None:
    commands = _readme_commands()
    assert commands == ["make demo", "make test"]
    ci = (REPO / ".ci" / "run").read_text()
    assert commands[1] in ci.splitlines()


def test_demo_command_works_on_a_clean_checkout(tmp_path: Path) -> None:
    checkout = tmp_path / "checkout"
    subprocess.run(["git", "clone", "--quiet", str(REPO), str(checkout)], check=True)
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("VIRTUAL_ENV", "MA_"))
    }
    environment["MA_CACHE_DIR"] = str(tmp_path / "cache")
    demo = _readme_commands()[0].split()
    result = subprocess.run(
        demo,
        cwd=checkout,
        env=environment,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert (checkout / ".venv" / "bin" / "meeting-assistant").is_file()
    report = json.loads((checkout / "reports" / "sample" / "report.json").read_text())
    assert report["version"] == 1
    assert report["meeting"]["duration_s"] == 30.0
    text = " ".join(segment["text"] for segment in report["segments"]).lower()
    assert "new jersey" in text
    for name in ("transcript.vtt", "transcript.srt", "digest.html"):
        assert (checkout / "reports" / "sample" / name).stat().st_size > 100
    assert "Participation" in result.stdout
    shutil.rmtree(checkout / ".venv")  # 1.6 GB; the rest goes with tmp_path
