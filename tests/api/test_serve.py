"""``meeting-assistant serve``: the whole service from one command, on loopback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def test_serve_starts_the_api_with_its_own_store(tmp_path: Path) -> None:
    port = _free_port()
    command = Path(sys.executable).parent / "meeting-assistant"
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    server = subprocess.Popen(
        [str(command), "serve", "--port", str(port), "--data-dir", str(tmp_path / "data")],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 120
        body = None
        while time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/health") as reply:
                    body = reply.read()
                break
            except OSError:
                time.sleep(0.5)
        assert body == b'{"status":"ok"}', server.stdout.read() if server.stdout else ""
        assert (tmp_path / "data" / "meetings.db").is_file()
        request = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/meetings")
        try:
            urllib.request.urlopen(request)
            raise AssertionError("the meetings list answered without a token")
        except urllib.error.HTTPError as error:
            assert error.code == 401
    finally:
        server.terminate()
        server.wait(timeout=30)
