"""Rooms without a meeting server: what is refused and why, the page and its scripts, the chat
websocket (hello, chat, invite, /stop with no assistant), the host's invite for ``POST /bots``,
and the texts the assistant posts. (Real people in real rooms: ``tests/bot/test_rooms.py``.)"""

from __future__ import annotations

import asyncio
import re
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar, cast

import pytest
from fastapi.testclient import TestClient
from starlette.websockets import WebSocketDisconnect

from api.app import create_app
from api.room_text import meeting_summary, says_stop_recording
from api.rooms import LiveRoom, RoomManager
from api.store.tables import RoomRow
from assistant.config import ServiceSettings, Settings
from assistant.processing.speech import SpeechModels

from .conftest import API, add_room, new_token

UNREACHABLE = "http://127.0.0.1:9/janus"
"""Loopback, where nothing listens (port 9 is discard)."""
ROOM_ID = "AbCdEfGhIjKlMnOpQrStUv"
HOST_KEY = "the-hosts-key"


@pytest.fixture
def room_settings(settings: Settings, tmp_path: Path) -> Settings:
    service = ServiceSettings(data_dir=tmp_path / "data")
    rooms = settings.rooms.model_copy(update={"janus_url": UNREACHABLE})
    bot = settings.bot.model_copy(update={"request_timeout_s": 2.0})
    return settings.model_copy(update={"service": service, "rooms": rooms, "bot": bot})


def _client(settings: Settings, models: SpeechModels) -> TestClient:
    return TestClient(create_app(settings, models=models))


@pytest.fixture
def client(room_settings: Settings, speech_models: SpeechModels) -> Iterator[TestClient]:
    with _client(room_settings, speech_models) as test_client:
        yield test_client


def _add_room(settings: Settings, *, require_host_invite: bool) -> RoomRow:
    return add_room(
        settings,
        ROOM_ID,
        HOST_KEY,
        janus_room=4242,
        auto_bot=True,
        require_host_invite=require_host_invite,
    )


def test_rooms_need_a_janus_and_a_good_body(
    room_settings: Settings, speech_models: SpeechModels, client: TestClient
) -> None:
    headers = new_token(room_settings)
    assert client.post(f"{API}/rooms", json={}).status_code == 401
    bad: list[tuple[dict[str, Any], str]] = [
        ({"title": ""}, "title"),
        ({"title": "x" * 501}, "title"),
        ({"auto_bot": "maybe"}, "auto_bot"),
        ({"colour": "red"}, "colour"),
    ]
    for body, field in bad:
        response = client.post(f"{API}/rooms", json=body, headers=headers)
        assert response.status_code == 422 and field in response.text, (body, response.text)
    unreachable = client.post(f"{API}/rooms", json={"title": "Standup"}, headers=headers)
    assert unreachable.status_code == 502
    assert "cannot reach the meeting server" in unreachable.json()["detail"]
    assert client.get(f"{API}/rooms", headers=headers).json() == []  # nothing half-made

    no_janus = room_settings.model_copy(
        update={"rooms": room_settings.rooms.model_copy(update={"janus_url": None})}
    )
    with _client(no_janus, speech_models) as other:
        response = other.post(f"{API}/rooms", json={}, headers=headers)
    assert response.status_code == 503
    assert response.json() == {
        "detail": "rooms need a Janus server: set rooms.janus_url (MA_ROOMS__JANUS_URL)"
    }


def test_the_page_and_its_scripts_are_served_here(
    room_settings: Settings, speech_models: SpeechModels, client: TestClient
) -> None:
    headers = new_token(room_settings)
    _add_room(room_settings, require_host_invite=False)
    page = client.get(f"/rooms/{ROOM_ID}")
    assert page.status_code == 200 and "/rooms/assets/janus.js" in page.text
    sources = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert sources and all(source.startswith("/rooms/assets/") for source in sources), sources
    for name, size in (("janus.js", 50_000), ("adapter.js", 10_000), ("room.js", 5_000)):
        script = client.get(f"/rooms/assets/{name}")
        assert script.status_code == 200 and len(script.content) > size, name
        assert script.headers["content-type"].startswith("text/javascript")
    assert client.get("/rooms/assets/..%2Fapp.py").status_code == 404
    assert client.get("/rooms/assets/secrets.txt").status_code == 404
    assert client.get("/rooms/NoSuchRoomNoSuchRoom00").status_code == 404
    assert client.get("/rooms/bad id").status_code == 422
    # The page's settings make the VideoRoom: a Janus that does not answer is 502.
    config = client.get(f"/rooms/{ROOM_ID}/config")
    assert config.status_code == 502 and "meeting server" in config.json()["detail"]
    listed = client.get(f"{API}/rooms", headers=headers).json()
    assert [r["id"] for r in listed] == [ROOM_ID] and "host_key" not in listed[0]
    assert listed[0]["link"] == f"/rooms/{ROOM_ID}" and listed[0]["bot_meeting_id"] is None
    other_team = new_token(room_settings, "globex")
    assert client.get(f"{API}/rooms/{ROOM_ID}", headers=other_team).status_code == 404

    missing = room_settings.rooms.model_copy(update={"janus_js": Path("/nonexistent/janus.js")})
    with _client(room_settings.model_copy(update={"rooms": missing}), speech_models) as other:
        page = other.get(f"/rooms/{ROOM_ID}")
        script = other.get("/rooms/assets/janus.js")
    assert page.status_code == 503
    assert "/nonexistent/janus.js" in page.text and "libjs-janus-gateway" in page.text
    assert script.status_code == 404 and "libjs-janus-gateway" in script.json()["detail"]


def test_the_chat_socket(room_settings: Settings, client: TestClient) -> None:
    new_token(room_settings)
    _add_room(room_settings, require_host_invite=True)
    url = f"/rooms/{ROOM_ID}/ws"
    refused: list[tuple[Any, str]] = [
        ({"type": "chat", "text": "hi"}, "the first message must be"),
        ({"type": "hello", "name": "  "}, "the name is empty"),
        ({"type": "hello", "name": "x" * 81}, "longer than 80"),
        ({"type": "hello", "name": 7}, "must be text"),
    ]
    for hello, reason in refused:
        with client.websocket_connect(url) as socket:
            socket.send_json(hello)
            with pytest.raises(WebSocketDisconnect) as closed:
                socket.receive_json()
        assert closed.value.code == 4400 and reason in closed.value.reason, hello
    with client.websocket_connect("/rooms/NoSuchRoomNoSuchRoom00/ws") as socket:
        socket.send_json({"type": "hello", "name": "Ada"})
        with pytest.raises(WebSocketDisconnect) as closed:
            socket.receive_json()
    assert closed.value.code == 4404

    with client.websocket_connect(url) as grace, client.websocket_connect(url) as ada:
        grace.send_json({"type": "hello", "name": "Grace Hopper"})
        welcome = grace.receive_json()
        assert welcome["type"] == "welcome" and welcome["host"] is False
        assert welcome["bot"]["status"] == "none"  # auto_bot, but it waits for the host
        grace.send_text("not json")
        assert grace.receive_json() == {
            "type": "error",
            "detail": "send one JSON object a message",
        }
        grace.send_json({"type": "invite"})
        assert grace.receive_json() == {
            "type": "error",
            "detail": "only the host can invite the assistant to this room",
        }
        grace.send_json({"type": "chat", "text": "Hello\tthere"})
        said = grace.receive_json()
        assert (said["type"], said["from"], said["text"], said["bot"]) == (
            "chat",
            "Grace Hopper",
            "Hello\tthere",
            False,
        )
        grace.send_json({"type": "chat", "text": "x" * 2001})
        assert "longer than 2000" in grace.receive_json()["detail"]
        grace.send_json({"type": "chat", "text": "/stop"})
        assert grace.receive_json()["text"] == "/stop"
        assert grace.receive_json()["text"] == "The assistant is not in this meeting."

        # The host: the chat so far first; the assistant is asked for (and cannot come here).
        ada.send_json({"type": "hello", "name": "Ada Lovelace", "host_key": HOST_KEY})
        welcome = ada.receive_json()
        assert welcome["host"] is True
        assert [m["text"] for m in welcome["chat"]] == [
            "Hello\tthere",
            "/stop",
            "The assistant is not in this meeting.",
        ]
        events = [ada.receive_json() for _ in range(3)]
        assert [e["type"] for e in events] == ["bot", "chat", "bot"]
        assert events[0]["status"] == "starting" and events[2]["status"] == "none"
        assert events[1]["system"] is True
        assert events[1]["text"].startswith("The assistant could not join: cannot reach")
        for page in (ada, grace):
            page.close()  # as a browser leaving: the service's handler ends on its own


def test_post_bots_into_our_room_needs_the_hosts_key(
    room_settings: Settings, client: TestClient
) -> None:
    headers = new_token(room_settings)
    _add_room(room_settings, require_host_invite=True)
    for url in (UNREACHABLE, "http://localhost:9/janus/"):
        body = {"url": url, "room": 4242}
        refused = client.post(f"{API}/bots", json=body, headers=headers)
        assert refused.status_code == 403, refused.text
        assert "host_key" in refused.json()["detail"]
        wrong = client.post(f"{API}/bots", json={**body, "host_key": "guess"}, headers=headers)
        assert wrong.status_code == 403
    # With the key it goes on to join (and this Janus does not answer).
    body = {"url": UNREACHABLE, "room": 4242, "host_key": HOST_KEY}
    assert client.post(f"{API}/bots", json=body, headers=headers).status_code == 502
    # Another room on that server, or another server, is not ours to guard.
    for other in (
        {"url": UNREACHABLE, "room": 4343},
        {"url": "http://127.0.0.1:10/janus", "room": 4242},
    ):
        assert client.post(f"{API}/bots", json=other, headers=headers).status_code == 502


def test_saying_stop_recording_stops_the_assistant(room_settings: Settings) -> None:
    """A final caption that asks to stop discards the meeting, as ``/stop`` does."""

    class Bots:
        discarded: ClassVar[list[str]] = []

        def discard(self, bot: Any, reason: str) -> None:
            bot.discard_reason = reason
            self.discarded.append(reason)

    class Bot:
        meeting_id = "m1"
        discard_reason: str | None = None

        class options:  # noqa: N801 (as RunningBot.options reads)
            display = "Meeting assistant (recording)"

    async def run() -> LiveRoom:
        manager = RoomManager(room_settings, cast(Any, None), cast(Any, Bots()))
        room = LiveRoom(ROOM_ID, 1, "Call", 4242, "1234", True, False, chat=deque())
        bot = Bot()
        room.bot = cast(Any, bot)
        for text in ("We should record the numbers.", "Okay, stop recording, please."):
            event = {"type": "final", "participant": "dan", "name": "Dan", "text": text}
            manager._on_event(room, cast(Any, bot), event)
        return room

    room = asyncio.run(run())
    assert Bots.discarded == [
        'stopped by a participant: Dan said "stop recording"; nothing of it was kept'
    ]
    assert room.stopped_by == "Dan" and room.kept == []


def test_what_the_assistant_hears_and_says() -> None:
    for text in ("Stop recording.", "could you STOP the recording now", "Please stop  recording!"):
        assert says_stop_recording(text), text
    for text in (
        "Don't stop.",
        "the recording stopped",
        "stop recordings app",
        "nonstop recording",
    ):
        assert not says_stop_recording(text), text
    report = {
        "participants": [
            {"id": "ada", "name": "Ada Lovelace", "talk_share": 0.7, "talk_time_s": 70.2},
            {"id": "dan", "name": "Dan Bernoulli", "talk_share": 0.3, "talk_time_s": 30.0},
            {"id": "eve", "name": "Eve", "talk_share": 0.0, "talk_time_s": 0.0},
        ],
        "balance": {"score": 0.5, "dominant": "ada", "silent": ["eve"]},
        "action_items": [
            {"text": "Send the proposal", "owner": "dan", "due": "2026-12-04", "speaker": "ada"},
            {"text": "Book a room", "owner": None, "due": None, "speaker": "dan"},
        ],
    }
    assert meeting_summary(report).splitlines() == [
        "Meeting summary.",
        "Action items:",
        "- Send the proposal (Dan Bernoulli, due 2026-12-04)",
        "- Book a room (owner not said)",
        "Participation: Ada Lovelace 70% (70 s), Dan Bernoulli 30% (30 s), Eve 0% (0 s).",
        "Not heard: Eve.",
        "Most of the talking: Ada Lovelace.",
    ]
