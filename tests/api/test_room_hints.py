"""Private hints in a room of our own, without Janus or a browser: the room's pages are real
websockets to the app, the room's assistant is a ``RunningBot`` whose session is a stand-in, and
its hint engine is fed fake events and polled at fake meeting times (as the bot manager polls it
each second with the session's clock). What is checked: each page gets a ticket and is told its
participant id once the assistant hears it join; the host's page makes its participant the
engine's host, who (opted in) is told of a silent participant; nobody else ever is; a ticket
opens only its own participant's hints socket; without opting in nobody gets hints."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import pytest
from fastapi.testclient import TestClient
from starlette.testclient import WebSocketTestSession
from starlette.websockets import WebSocketDisconnect

from api.app import create_app
from api.bots import RunningBot
from api.hints import HintHub, hint_options
from api.live import LiveFeed
from api.store.tables import RoomRow
from assistant.bot import ParticipantJoined
from assistant.config import ServiceSettings, Settings
from assistant.hints import HintEngine
from assistant.processing.speech import SpeechModels
from pipelines.frames import VoiceActivity

from .conftest import API, add_room, closed_with, new_token

ROOM_ID = "HintsRoomHintsRoom0001"
HOST_KEY = "the-hosts-key"
MEETING = "m-room-hints"
UNHEARD_S = 5.0


@pytest.fixture
def hint_settings(settings: Settings, tmp_path: Path) -> Settings:
    hints = settings.hints.model_copy(
        update={"unheard_s": UNHEARD_S, "monologue_s": 3.0, "min_gap_s": 0.0}
    )
    rooms = settings.rooms.model_copy(update={"janus_url": "http://127.0.0.1:9/janus"})
    return settings.model_copy(
        update={
            "service": ServiceSettings(data_dir=tmp_path / "data"),
            "hints": hints,
            "rooms": rooms,
        }
    )


@pytest.fixture
def client(hint_settings: Settings, speech_models: SpeechModels) -> Iterator[TestClient]:
    with TestClient(create_app(hint_settings, models=speech_models)) as test_client:
        yield test_client


def _bot(settings: Settings, row: RoomRow, folder: Path) -> RunningBot:
    """The room's assistant as the bot manager makes it, its meeting session a stand-in (the
    hints need only its feed and its engine)."""
    return RunningBot(
        bot_id="b1",
        team_id=row.team_id,
        meeting_id=MEETING,
        options=cast(Any, SimpleNamespace(display="Meeting assistant (recording)")),
        title=row.title,
        started_at=dt.datetime.now(dt.UTC),
        session=cast(Any, SimpleNamespace()),
        feed=LiveFeed(MEETING),
        folder=folder,
        hints=HintHub(HintEngine(hint_options(settings.hints))),
    )


def _until(page: WebSocketTestSession, kind: str) -> dict[str, Any]:
    while True:
        event: dict[str, Any] = page.receive_json()
        if event["type"] == kind:
            return event


def _drain(socket: WebSocketTestSession) -> list[dict[str, Any]]:
    """Everything a hints socket was sent until the meeting ended (close 1000)."""
    events: list[dict[str, Any]] = []
    with pytest.raises(WebSocketDisconnect) as closed:
        while True:
            events.append(socket.receive_json())
    assert closed.value.code == 1000
    return events


def test_room_hints_go_to_their_own_page_and_the_unheard_to_the_host(
    client: TestClient, hint_settings: Settings, tmp_path: Path
) -> None:
    new_token(hint_settings)  # the team
    # A room that waits to be asked for its assistant.
    row = add_room(
        hint_settings, ROOM_ID, HOST_KEY, janus_room=4243, auto_bot=False, require_host_invite=True
    )
    bot = _bot(hint_settings, row, tmp_path)
    engine = bot.hints.engine
    portal = client.portal
    assert portal is not None
    rooms = client.app.state.service.rooms  # type: ignore[attr-defined]
    url = f"/rooms/{ROOM_ID}/ws"
    hints = f"{API}/meetings/{MEETING}/hints"
    with (
        client.websocket_connect(url) as ada,
        client.websocket_connect(url) as grace,
        client.websocket_connect(url) as carl,
    ):
        ada.send_json({"type": "hello", "name": "Ada Lovelace", "host_key": HOST_KEY})
        grace.send_json({"type": "hello", "name": "Grace Hopper", "host_key": "a guess"})
        carl.send_json({"type": "hello", "name": "Carl  Gauss"})  # typed with two spaces
        welcomes = {
            n: p.receive_json() for n, p in (("ada", ada), ("grace", grace), ("carl", carl))
        }
        tickets = {n: w["ticket"] for n, w in welcomes.items()}
        assert [w["host"] for w in welcomes.values()] == [True, False, False]
        assert len(set(tickets.values())) == 3 and all(len(t) >= 24 for t in tickets.values())

        # No assistant yet: a ticket has no meeting to open.
        assert closed_with(client, f"{hints}?participant=p-ada&ticket={tickets['ada']}")[0] == 4409

        # The assistant joins the room and hears everyone join (the pages publish to Janus
        # under the names they said hello with).
        portal.call(rooms.attach, row, bot)
        for pid, name in (
            ("p-ada", "Ada Lovelace"),
            ("p-grace", "Grace Hopper"),
            ("p-carl", "Carl Gauss"),
        ):
            portal.call(bot.feed.publish, ParticipantJoined(pid, name, False, 0.0))
            portal.call(engine.join, pid, name, 0.0)
        assert _until(ada, "you") == {
            "type": "you",
            "participant": "p-ada",
            "meeting_id": MEETING,
            "host": True,
        }
        assert _until(grace, "you")["participant"] == "p-grace"
        assert _until(carl, "you")["participant"] == "p-carl"
        assert engine.host == "p-ada"  # the page with the host's key, not the one that guessed

        # Opt-in is off by default: with nobody's hints socket open, nobody gets a hint, even
        # the host about people silent past the threshold, or Carl talking past his.
        portal.call(engine.voice, VoiceActivity("p-carl", 0.0, True))
        assert portal.call(bot.hints.poll, UNHEARD_S + 2.0) == []

        # A ticket opens its own participant's hints only; a wrong or dead one is refused.
        refused = [
            (f"{hints}?participant=p-ada&ticket={tickets['grace']}", 4403),
            (f"{hints}?participant=p-grace&ticket={tickets['ada']}", 4403),
            (f"{API}/meetings/another/hints?participant=p-ada&ticket={tickets['ada']}", 4403),
            (f"{hints}?participant=p-ada&ticket=not-a-ticket", 4401),
            (f"{hints}?participant=p-ada", 4401),
        ]
        for path, code in refused:
            assert closed_with(client, path)[0] == code, path
        assert not any(engine.opted_in(p) for p in ("p-ada", "p-grace", "p-carl"))

        # A page gone takes its ticket with it, and its hints socket ends with it.
        carl_hints = f"{hints}?participant=p-carl&ticket={tickets['carl']}"
        with client.websocket_connect(carl_hints) as carl_socket:
            assert carl_socket.receive_json() == {"type": "opted_in", "participant": "p-carl"}
            assert engine.opted_in("p-carl")
            carl.close()
            with pytest.raises(WebSocketDisconnect) as closed:
                carl_socket.receive_json()
            assert (closed.value.code, closed.value.reason) == (1000, "the room page left")
        assert rooms.ticket_holder(tickets["carl"]) is None
        assert closed_with(client, carl_hints)[0] == 4401
        deadline = time.monotonic() + 10
        while engine.opted_in("p-carl") and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not engine.opted_in("p-carl")

        mine = {n: f"{hints}?participant=p-{n}&ticket={tickets[n]}" for n in ("ada", "grace")}
        with (
            client.websocket_connect(mine["ada"]) as ada_hints,
            client.websocket_connect(mine["grace"]) as grace_hints,
        ):
            assert ada_hints.receive_json() == {"type": "opted_in", "participant": "p-ada"}
            assert grace_hints.receive_json() == {"type": "opted_in", "participant": "p-grace"}
            # Ada speaks now and then; Grace says nothing; Carl talks on (not opted in).
            portal.call(engine.voice, VoiceActivity("p-ada", 1.0, True))
            portal.call(engine.voice, VoiceActivity("p-ada", 2.0, False))
            given = portal.call(bot.hints.poll, 2.0 + UNHEARD_S + 1.0)
            assert [(h.recipient, h.kind, h.subject) for h in given] == [
                ("p-ada", "not_heard", "p-grace")
            ]
            # Later Ada (the host) is silent too: nobody is told that, Grace least of all.
            portal.call(bot.hints.poll, 2.0 + UNHEARD_S + 20.0)
            portal.call(bot.hints.close)  # the meeting ends: the hints sockets end
            to_ada, to_grace = _drain(ada_hints), _drain(grace_hints)
        assert to_ada[0]["kind"] == "not_heard" and to_ada[0]["subject"] == "p-grace"
        assert to_ada[0]["participant"] == "p-ada"
        assert to_ada[0]["message"].startswith("Grace Hopper has not been heard for over")
        assert all(h["participant"] == "p-ada" for h in to_ada)
        assert to_grace == []  # Grace: no hint at all, and never one about the unheard

        portal.call(bot.feed.close)
        for page in (ada, grace):
            page.close()
