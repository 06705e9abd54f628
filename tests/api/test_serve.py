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


def test_a_full_disk_refuses_the_upload_and_keeps_nothing(tmp_path: Path) -> None:
    """The media folder on a 512 KB filesystem of its own (a tmpfs in a mount namespace this
    test creates): an upload that does not fit is a clear 507, and its partial file is gone,
    since a small upload fits afterwards."""
    import json
    import shlex

    from assistant.config import ServiceSettings, Settings
    from tests.api.conftest import new_token

    data = tmp_path / "data"
    (data / "meetings").mkdir(parents=True)
    service = ServiceSettings(data_dir=data)
    headers = new_token(Settings(service=service))
    port = _free_port()
    command = Path(sys.executable).parent / "meeting-assistant"
    script = (
        f"mount -t tmpfs -o size=512k tmpfs {shlex.quote(str(data / 'meetings'))} && "
        f"exec {shlex.quote(str(command))} serve --port {port} --data-dir {shlex.quote(str(data))}"
    )
    server = subprocess.Popen(
        ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", script],
        env={**os.environ, "HF_HUB_OFFLINE": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}/api/v1"
    try:
        deadline = time.monotonic() + 120
        while server.poll() is None and time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{base}/health")
                break
            except OSError:
                time.sleep(0.5)
        assert server.poll() is None, server.stdout.read() if server.stdout else ""

        def upload(content: bytes) -> tuple[int, dict[str, object]]:
            boundary = "XYZ"
            body = (
                (
                    f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
                    f'filename="f"\r\n\r\n'
                ).encode()
                + content
                + f"\r\n--{boundary}--\r\n".encode()
            )
            request = urllib.request.Request(
                f"{base}/meetings",
                data=body,
                headers={**headers, "Content-Type": f"multipart/form-data; boundary={boundary}"},
            )
            try:
                with urllib.request.urlopen(request) as reply:
                    return reply.status, json.loads(reply.read())
            except urllib.error.HTTPError as error:
                return error.code, json.loads(error.read())

        status, body = upload(b"\x00" * 2_000_000)
        assert status == 507 and "disk is full" in str(body["detail"]), body
        transcript = Path(__file__).resolve().parents[1] / "data" / "transcript_valid.json"
        status, body = upload(transcript.read_bytes())
        assert status == 201, body
    finally:
        server.terminate()
        server.wait(timeout=30)
