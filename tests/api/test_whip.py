"""The companion's WHIP endpoint and the hints socket without a real client: what is refused and
why, the session limit, RFC 9725's shapes (201, Location, DELETE, no PATCH), who may have whose
hints, and the page itself. (Real media from aiortc and Chromium: ``tests/bot/test_companion.py``.)

The one offer taken here names a loopback candidate where nothing listens: its media never
connects, and nothing leaves the machine."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.hints import HintHub
from api.live import LiveFeed
from assistant.bot import ParticipantJoined
from assistant.config import ServiceSettings, Settings
from assistant.hints import HintEngine, HintOptions
from assistant.inputs.transcript_json import dump_transcript_json
from assistant.processing.speech import SpeechModels
from pipelines.frames import Caption, VoiceActivity

from .conftest import API, closed_with, new_token

_MEDIA = """m=audio 9 UDP/TLS/RTP/SAVPF 111
c=IN IP4 127.0.0.1
a=mid:{mid}
a=sendonly
a=rtcp-mux
a=rtpmap:111 opus/48000/2
a=ice-ufrag:abcd
a=ice-pwd:abcdefghijklmnopqrstuvwx
a=fingerprint:sha-256 {fingerprint}
a=setup:actpass
a=candidate:1 1 udp 2130706431 127.0.0.1 9 typ host
"""
_FINGERPRINT = ":".join(["AB"] * 32)


def offer(*mids: str, media: str = _MEDIA) -> str:
    """An offer of one audio m-line per mid (candidates on loopback port 9: discard)."""
    head = f"v=0\no=- 1 1 IN IP4 127.0.0.1\ns=-\nt=0 0\na=group:BUNDLE {' '.join(mids)}\n"
    return head + "".join(media.format(mid=mid, fingerprint=_FINGERPRINT) for mid in mids)


@pytest.fixture
def whip_settings(settings: Settings, tmp_path: Path) -> Settings:
    return settings.model_copy(
        update={
            "service": ServiceSettings(data_dir=tmp_path / "data"),
            "companion": settings.companion.model_copy(
                update={"max_sessions": 1, "max_offer_kb": 4, "connect_timeout_s": 60.0}
            ),
            "video": settings.video.model_copy(update={"enabled": False}),
        }
    )


@pytest.fixture
def client(whip_settings: Settings, speech_models: SpeechModels) -> Iterator[TestClient]:
    with TestClient(create_app(whip_settings, models=speech_models)) as test_client:
        yield test_client


def _post(client: TestClient, body: str | bytes, headers: dict[str, str], **extra: Any) -> Any:
    return client.post(
        f"{API}/whip",
        content=body,
        headers={"Content-Type": "application/sdp", **headers, **extra},
    )


def test_offers_we_cannot_take_are_refused_clearly(
    client: TestClient, whip_settings: Settings
) -> None:
    headers = new_token(whip_settings)
    good = offer("0", "1")
    assert _post(client, good, {}).status_code == 401
    cases: list[tuple[str | bytes, dict[str, str], int, str]] = [
        (good, {"Content-Type": "application/json"}, 415, "application/sdp"),
        (good, {"Content-Type": "text/plain"}, 415, "application/sdp"),
        ("x" * 5000, {}, 413, "companion.max_offer_kb"),
        (b"v=0\n\xff\xfe", {}, 400, "UTF-8"),
        ("hello", {}, 400, "must start with 'v=0'"),
        ("v=0\no=- 1 1 IN IP4 127.0.0.1\n", {}, 400, "no media"),
        ("v=0\nnonsense\n", {}, 400, "not SDP"),
        (offer("0", "1", "2"), {}, 400, "at most 2 are taken"),
        (offer("0").replace("m=audio", "m=application"), {}, 400, "only audio"),
        (offer("0").replace("a=sendonly", "a=recvonly"), {}, 400, "does not send"),
        (offer("0").replace("opus", "speex"), {}, 400, "no audio codec we decode"),
        (offer("0").replace("a=candidate:1 1 udp 2130706431 127.0.0.1 9 typ host\n", ""), {},
         400, "no ICE candidates"),
        (offer("0").replace("a=fingerprint", "a=fingerprints"), {}, 400, "DTLS fingerprint"),
        (offer("0").replace("a=rtcp-mux\n", ""), {}, 400, "RTCP mux"),
        (offer("0").replace("a=setup:actpass", "a=setup:sometimes"), {}, 400, "sometimes"),
    ]  # fmt: skip
    for body, extra, status, words in cases:
        response = _post(client, body, headers, **extra)
        assert response.status_code == status, (body, response.text)
        assert words in response.json()["detail"], (body, response.text)
    # A declared body above the service's request limit is refused before it is read.
    big = client.post(
        f"{API}/whip", content="v" * 300_000, headers={**headers, "Content-Type": "application/sdp"}
    )
    assert big.status_code == 413
    # Nothing was left behind.
    assert client.get(f"{API}/meetings", headers=headers).json()["total"] == 0
    assert client.delete(f"{API}/whip/0123abcd", headers=headers).status_code == 404


def test_a_session_its_limit_its_end_and_whose_hints_are_whose(
    client: TestClient, whip_settings: Settings
) -> None:
    headers = new_token(whip_settings, "acme")
    token = headers["Authorization"].split()[1]
    other = new_token(whip_settings, "acme")["Authorization"].split()[1]
    ada = new_token(whip_settings, "acme", admin=False, person="Ada")
    globex = new_token(whip_settings, "globex")["Authorization"].split()[1]

    created = client.post(
        f"{API}/whip?name=Ada&title=Discovery%20call&account=%20Contoso%20",
        content=offer("0", "1"),
        headers={**headers, "Content-Type": "application/sdp"},
    )
    assert created.status_code == 201, created.text
    assert created.headers["content-type"] == "application/sdp"
    answer = created.text
    assert answer.startswith("v=0") and answer.count("m=audio") == 2 and "a=recvonly" in answer
    location = created.headers["location"]
    assert location.startswith(f"{API}/whip/")
    meeting_id = created.headers["x-meeting-id"]

    busy = _post(client, offer("0"), headers)
    assert busy.status_code == 429 and busy.headers["retry-after"]
    assert "companion.max_sessions" in busy.json()["detail"]
    trickle = client.patch(location, headers=headers, content="a=candidate:...")
    assert trickle.status_code == 405 and trickle.headers["allow"] == "DELETE"
    # Companion sessions are not bots.
    assert client.get(f"{API}/bots", headers=headers).json() == []

    meeting = client.get(f"{API}/meetings/{meeting_id}", headers=headers).json()
    assert meeting["status"] == "live" and meeting["title"] == "Discovery call"
    assert meeting["account"] == "Contoso"  # trimmed
    assert meeting["participants"] == ["Ada", "Customer side"]

    # Hints: the seller's token, or a person token of the seller's name; nobody else.
    hints = f"{API}/meetings/{meeting_id}/hints"
    for who in (token, ada["Authorization"].split()[1]):
        with client.websocket_connect(f"{hints}?participant=me&token={who}") as websocket:
            assert websocket.receive_json() == {"type": "opted_in", "participant": "me"}
            # Leaving opts out; the server's side ends before the test client tears down.
            websocket.close()
            time.sleep(0.3)
    assert closed_with(client, f"{hints}?participant=me&token={other}")[0] == 4403
    assert closed_with(client, f"{hints}?participant=customer&token={token}")[0] == 4403
    assert closed_with(client, f"{hints}?participant=me")[0] == 4401
    assert closed_with(client, f"{hints}?participant=me&token={globex}")[0] == 4404
    assert closed_with(client, f"{API}/meetings/nope/hints?participant=me&token={token}")[0] == 4404

    # Another team cannot end it; its owner's team can.
    assert client.delete(location, headers={"Authorization": f"Bearer {globex}"}).status_code == 404
    ended = client.delete(location, headers=headers)
    assert ended.status_code == 200 and ended.json() == {
        "meeting_id": meeting_id,
        "status": "stopping",
    }
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        meeting = client.get(f"{API}/meetings/{meeting_id}", headers=headers).json()
        if meeting["status"] not in ("live", "processing"):
            break
        time.sleep(0.2)
    assert meeting["status"] == "done", meeting
    assert closed_with(client, f"{hints}?participant=me&token={token}")[0] == 4409
    # The place is free again.
    again = _post(client, offer("0"), headers)
    assert again.status_code == 201, again.text
    assert client.delete(again.headers["location"], headers=headers).status_code == 200


def test_the_companion_page_is_served(client: TestClient) -> None:
    page = client.get("/companion")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "Companion" in page.text and "/companion/companion.js" in page.text
    script = client.get("/companion/companion.js")
    assert script.status_code == 200 and "javascript" in script.headers["content-type"]
    assert "/whip" in script.text and "iceServers: []" in script.text


def test_a_hint_reaches_only_its_recipients_sockets() -> None:
    async def scenario() -> tuple[list[Any], list[Any], list[Any]]:
        hub = HintHub(HintEngine(HintOptions(monologue_s=2.0)))
        hub.engine.join("me", "Ada", 0.0)
        hub.engine.join("customer", "Customer side", 0.0)
        hub.engine.join("other", "Carl", 0.0)
        mine, theirs, gone = hub.watch("me"), hub.watch("customer"), hub.watch("other")
        for pid in ("me", "customer", "other"):
            hub.engine.voice(VoiceActivity(pid, 0.0, True))
        hub.forget("other", gone)  # Carl's socket went: he opted out
        sent = hub.poll(2.5)
        hub.close()
        assert sorted(h.recipient for h in sent) == ["customer", "me"]
        return [e async for e in _drain(mine)], [e async for e in _drain(theirs)], sent

    mine, theirs, _ = asyncio.run(scenario())
    assert [(e["kind"], e["participant"]) for e in mine] == [("monologue", "me")]
    assert [(e["kind"], e["participant"]) for e in theirs] == [("monologue", "customer")]


async def _drain(watcher: Any) -> Any:
    while (event := await watcher.get()) is not None:
        yield event


def test_a_session_whose_media_never_comes_fails_saying_why(
    whip_settings: Settings, speech_models: SpeechModels
) -> None:
    companion = whip_settings.companion.model_copy(update={"connect_timeout_s": 0.5})
    settings = whip_settings.model_copy(update={"companion": companion})
    with TestClient(create_app(settings, models=speech_models)) as client:
        headers = new_token(settings)
        created = _post(client, offer("0"), headers)
        assert created.status_code == 201, created.text
        meeting_id = created.headers["x-meeting-id"]
        deadline = time.monotonic() + 30
        meeting = client.get(f"{API}/meetings/{meeting_id}", headers=headers).json()
        while meeting["status"] in ("live", "processing") and time.monotonic() < deadline:
            time.sleep(0.2)
            meeting = client.get(f"{API}/meetings/{meeting_id}", headers=headers).json()
    assert meeting["status"] == "failed"
    assert "did not connect within 0.5 s" in meeting["error"]


def test_the_live_transcript_saved_keeps_the_sides() -> None:
    """What a crash leaves (``upload.json``) names each side, so the recovered report does."""
    feed = LiveFeed("m1")
    feed.publish(ParticipantJoined("me", "Ada", False, 0.0, side="internal"))
    feed.publish(ParticipantJoined("customer", "Customer side", False, 0.0, side="external"))
    feed.publish(Caption("final", "customer", 1.0, 2.0, "Hello there.", "en", 2.5))
    document: Any = dump_transcript_json(feed.transcript("Call", None))
    assert [(p["id"], p["side"]) for p in document["participants"]] == [
        ("me", "internal"),
        ("customer", "external"),
    ]
