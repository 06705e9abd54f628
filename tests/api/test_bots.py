"""Bots and the live socket without a meeting server: what is refused and why, the bot limit,
who may watch a meeting, and a live meeting left behind by a process that died. (A real bot
in a real room: ``tests/bot/test_service_bot.py``.)"""

from __future__ import annotations

import datetime as dt
import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from api.app import create_app
from api.jobs import meeting_folder
from api.store.database import Database
from api.store.tables import MeetingRow, Team
from assistant.config import ServiceSettings, Settings
from assistant.inputs.transcript_json import load_transcript_json
from assistant.processing.speech import SpeechModels

from .conftest import API, closed_with, new_token, state

TRANSCRIPT = Path(__file__).resolve().parents[1] / "data" / "transcript_valid.json"
UNREACHABLE = "http://127.0.0.1:9/janus"
"""Loopback, where nothing listens (port 9 is discard)."""


@pytest.fixture
def bot_settings(settings: Settings, tmp_path: Path) -> Settings:
    service = ServiceSettings(data_dir=tmp_path / "data")
    bot = settings.bot.model_copy(update={"max_bots": 1, "request_timeout_s": 2.0})
    return settings.model_copy(update={"service": service, "bot": bot})


@pytest.fixture
def client(bot_settings: Settings, speech_models: SpeechModels) -> Iterator[TestClient]:
    with TestClient(create_app(bot_settings, models=speech_models)) as test_client:
        yield test_client


def _add_meeting(settings: Settings, team: str, status: str, name: str = "") -> str:
    database = Database(settings.service.sqlalchemy_url())
    with database.session() as session:
        team_id = session.scalar(select(Team.id).where(Team.name == team))
        assert team_id is not None
        row = MeetingRow(
            id=f"{team}-{status}{name}",
            team_id=team_id,
            title="Standup",
            participants=[],
            status=status,
            upload_name="upload.json",
            upload_bytes=0,
            heartbeat_at=dt.datetime.now(dt.UTC),
        )
        session.add(row)
    database.dispose()
    return row.id


def test_bad_bot_requests_are_refused_clearly(client: TestClient, bot_settings: Settings) -> None:
    headers = new_token(bot_settings)
    assert client.post(f"{API}/bots", json={"url": UNREACHABLE, "room": 1}).status_code == 401
    cases: list[tuple[dict[str, Any], int, str]] = [
        ({"url": "ftp://127.0.0.1/janus", "room": 1}, 422, "http(s) URL"),
        ({"url": "http://127.0.0.1/janus"}, 422, "room"),
        ({"room": 1}, 422, "url"),
        ({"url": UNREACHABLE, "room": -4}, 422, "positive room number"),
        ({"url": UNREACHABLE, "room": 1, "colour": "red"}, 422, "colour"),
        ({"url": "http://10.0.0.5:8088/janus", "room": 1}, 422, "bot.allowed_hosts"),
        ({"url": "http://169.254.169.254/janus", "room": 1}, 422, "only loopback"),
        ({"url": UNREACHABLE, "room": 1}, 502, "cannot reach the meeting server"),
    ]
    for body, status, words in cases:
        response = client.post(f"{API}/bots", headers=headers, json=body)
        assert response.status_code == status, (body, response.text)
        assert words in response.text, (body, response.text)
        assert "Traceback" not in response.text
    # Nothing was left behind: no bot, no meeting.
    assert client.get(f"{API}/bots", headers=headers).json() == []
    assert client.get(f"{API}/meetings", headers=headers).json()["total"] == 0
    missing = client.delete(f"{API}/bots/0123abcd", headers=headers)
    assert missing.status_code == 404 and "no running bot" in missing.text


def test_bots_beyond_the_limit_are_refused_while_one_joins(
    client: TestClient, bot_settings: Settings
) -> None:
    """A server that takes the connection and never answers holds the only slot (max_bots=1)
    until the request times out: meanwhile another bot is a 503."""
    headers = new_token(bot_settings)
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/janus"
        answers: list[Any] = []
        first = threading.Thread(
            target=lambda: answers.append(
                client.post(f"{API}/bots", headers=headers, json={"url": url, "room": 1})
            )
        )
        first.start()
        time.sleep(0.5)
        busy = client.post(f"{API}/bots", headers=headers, json={"url": url, "room": 2})
        # Refused at once, while the first still holds the slot (it has not been answered).
        first_still_waiting = first.is_alive()
        first.join(10)
    assert busy.status_code == 503, busy.text
    assert "bot.max_bots" in busy.json()["detail"] and busy.headers["retry-after"]
    (slow,) = answers
    assert slow.status_code == 502 and "did not answer in time" in slow.text, slow.text
    assert first_still_waiting
    # The slot is free again.
    again = client.post(f"{API}/bots", headers=headers, json={"url": UNREACHABLE, "room": 1})
    assert again.status_code == 502


def test_only_the_team_may_watch_and_only_a_live_meeting(
    client: TestClient, bot_settings: Settings
) -> None:
    headers = new_token(bot_settings, "acme")
    token = headers["Authorization"].split()[1]
    new_token(bot_settings, "globex")
    ours = _add_meeting(bot_settings, "acme", "done")
    theirs = _add_meeting(bot_settings, "globex", "live")
    live = _add_meeting(bot_settings, "acme", "live")

    assert closed_with(client, f"{API}/meetings/{ours}/live") == (
        4401,
        "no token: send ?token= or Authorization",
    )
    assert closed_with(client, f"{API}/meetings/{ours}/live?token=ma_x_y")[0] == 4401
    assert closed_with(client, f"{API}/meetings/{theirs}/live?token={token}") == (
        4404,
        f"no meeting {theirs!r}",
    )
    assert closed_with(client, f"{API}/meetings/nothing/live", headers=headers)[0] == 4404
    assert closed_with(client, f"{API}/meetings/{ours}/live?token={token}") == (
        4409,
        "the meeting is done, not live here",
    )
    # Live in the store, but no bot of this process follows it.
    assert closed_with(client, f"{API}/meetings/{live}/live", headers=headers)[0] == 4409


def test_a_live_meeting_shows_its_saved_transcript_and_cannot_be_deleted(
    client: TestClient, bot_settings: Settings
) -> None:
    headers = new_token(bot_settings, "acme")
    live = _add_meeting(bot_settings, "acme", "live")
    meeting = client.get(f"{API}/meetings/{live}", headers=headers).json()
    assert meeting["status"] == "live" and meeting["live_transcript"] == []
    folder = meeting_folder(bot_settings, 1, live)
    folder.mkdir(parents=True)
    (folder / "upload.json").write_bytes(TRANSCRIPT.read_bytes())
    meeting = client.get(f"{API}/meetings/{live}", headers=headers).json()
    first = meeting["live_transcript"][0]
    assert (first["name"], first["text"]) == (
        "Bob Okafor",
        "Sure. Can you send the proposal by Friday?",
    )
    listed = client.get(f"{API}/meetings", headers=headers, params={"status": "live"}).json()
    assert [m["id"] for m in listed["items"]] == [live]
    refused = client.delete(f"{API}/meetings/{live}", headers=headers)
    assert refused.status_code == 409 and "stop its bot first" in refused.text


def test_a_live_meeting_left_by_a_dead_process_is_stored_from_its_saved_transcript(
    bot_settings: Settings, speech_models: SpeechModels
) -> None:
    bot_settings.service.data_dir.mkdir(parents=True)
    headers = new_token(bot_settings, "acme")
    saved = _add_meeting(bot_settings, "acme", "live")
    folder = meeting_folder(bot_settings, 1, saved)
    folder.mkdir(parents=True)
    document = json.loads(TRANSCRIPT.read_text())
    (folder / "upload.json").write_text(json.dumps(document))
    nothing = _add_meeting(bot_settings, "acme", "live", "-that-saved-nothing")

    with TestClient(create_app(bot_settings, models=speech_models)) as client:
        state(client).jobs.wait(timeout=60)
        stored = client.get(f"{API}/meetings/{saved}", headers=headers).json()
        assert stored["status"] == "done", stored
        assert stored["participants"] == ["Alice Martin", "Bob Okafor", "Carol"]
        report = client.get(f"{API}/meetings/{saved}/report", headers=headers).json()
        expected = load_transcript_json(TRANSCRIPT)
        assert len(report["segments"]) == len(expected.segments)
        lost = client.get(f"{API}/meetings/{nothing}", headers=headers).json()
        assert lost["status"] == "failed" and "before anything" in lost["error"]
