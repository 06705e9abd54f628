"""Run a scenario module in a network namespace of its own, as the bot's tests do."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]


def run_scenario(
    module: str, out: Path, log: Path | None = None, *, timeout_s: float = 300
) -> dict[str, Any]:
    """Run ``python -m module out`` in a new network namespace (lo and a veth pair reaching
    nothing outside) and a new PID namespace, so Janus, the bot and the publishers all die with
    the command; return the JSON on its last line. ``log``: shown as well when it fails."""
    command = ["unshare", "--net", "--pid", "--fork", "--kill-child", "--mount-proc"]
    completed = subprocess.run(
        [*command, sys.executable, "-m", module, str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout_s,
        check=False,
    )
    shown = log.read_text()[-3000:] if log is not None and log.exists() else ""
    assert completed.returncode == 0, completed.stderr[-4000:] + shown
    last = completed.stdout.strip().splitlines()[-1]
    (out / "result.json").write_text(last)  # to look into
    result: dict[str, Any] = json.loads(last)
    return result
