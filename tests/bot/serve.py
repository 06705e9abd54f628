"""This checkout's ``meeting-assistant serve``, as the scenarios that drive the service start it
(``service_scenario``, ``room_scenario``, ``companion_scenario``): its settings in the
environment, ready once ``/health`` answers; tokens made as ``token create`` makes them; its
websockets read as a page reads them; and the errors its log shows."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import httpx2
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from tests.bot.scenario import REPO

CLI = (sys.executable, "-c", "from assistant.cli import main; main()")
"""This checkout's command line, run from the repository's root (the console script on PATH
may belong to another checkout)."""


async def start_service(
    port: int, data: Path, log: Path, environment: Mapping[str, str]
) -> asyncio.subprocess.Process:
    """``serve`` on 127.0.0.1:``port`` with ``environment`` over this one's (settings such as
    ``MA_BOT__MAX_BOTS``), its stderr in ``log``; returns once it answers, or raises."""
    process = await asyncio.create_subprocess_exec(
        *CLI,
        *("serve", "--port", str(port), "--data-dir", str(data)),
        cwd=REPO,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=log.open("w"),
        env={**os.environ, **environment, "HF_HUB_OFFLINE": "1"},
    )
    health = f"http://127.0.0.1:{port}/api/v1/health"
    async with httpx2.AsyncClient(trust_env=False, timeout=2) as client:
        for _ in range(600):
            if process.returncode is not None:
                raise RuntimeError(f"serve exited with {process.returncode}; see {log}")
            with contextlib.suppress(httpx2.HTTPError):
                if (await client.get(health)).status_code == 200:
                    return process
            await asyncio.sleep(0.2)
    raise RuntimeError("serve did not start within 120 s")


async def new_token(data: Path, team: str) -> str:
    """A new admin token of ``team`` in the service's store at ``data``."""
    process = await asyncio.create_subprocess_exec(
        *CLI,
        *("token", "create", "--team", team, "--admin", "--data-dir", str(data)),
        cwd=REPO,
        stdout=asyncio.subprocess.PIPE,
    )
    stdout, _ = await process.communicate()
    return stdout.decode().strip()


def log_errors(log: str) -> list[str]:
    """The lines of a service's log that say something failed."""
    return [line for line in log.splitlines() if "Traceback" in line or line.startswith("ERROR:")]


class EventSocket:
    """A websocket client, as a page: every event with the time it arrived."""

    def __init__(self, url: str, t0: float, headers: Mapping[str, str] | None = None) -> None:
        self.url = url
        self.headers = dict(headers or {})
        self.t0 = t0
        """When the scenario's clock started (monotonic s): times are from then."""
        self.events: list[dict[str, Any]] = []
        self.close: tuple[int | None, str | None] = (None, None)
        self.connected_at: float | None = None

    async def run(self) -> None:
        """Until the server closes the socket."""
        async with connect(self.url, additional_headers=self.headers) as websocket:
            self.connected_at = round(time.monotonic() - self.t0, 3)
            try:
                async for message in websocket:
                    event = json.loads(message)
                    event["received_at"] = round(time.monotonic() - self.t0, 3)
                    self.events.append(event)
            except ConnectionClosed:
                pass
            self.close = (websocket.close_code, websocket.close_reason)
