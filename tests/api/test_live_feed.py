"""The live feed on its own: names on captions, what a late watcher gets first, talk time, a
slow watcher's bounded queue, and the transcript that is saved while live."""

from __future__ import annotations

import asyncio

import pytest

from api.bots import check_host
from api.live import WATCHER_QUEUE, LiveFeed, Watcher, ended_event
from api.schemas import BotCreate
from assistant.bot import ParticipantJoined, ParticipantLeft
from models.errors import HostNotAllowedError
from pipelines.frames import Caption


def _caption(kind: str, pid: str, start: float, end: float, text: str) -> Caption:
    return Caption(kind, pid, start, end, text, "en", end + 0.5)  # type: ignore[arg-type]


def _drain(watcher: Watcher) -> list[dict[str, object] | None]:
    async def take() -> list[dict[str, object] | None]:
        events: list[dict[str, object] | None] = []
        while True:
            event = await asyncio.wait_for(watcher.get(), 1.0)
            events.append(event)
            if event is None:
                return events

    return asyncio.run(take())


def test_a_late_watcher_gets_joins_and_finals_then_what_comes() -> None:
    feed = LiveFeed("m1")
    feed.publish(ParticipantJoined("ada", "Ada Lovelace", False, 0.1))
    feed.publish(_caption("partial", "ada", 1.0, 1.5, "And so"))
    feed.publish(_caption("final", "ada", 1.0, 3.0, "And so, my fellow Americans,"))
    feed.publish(ParticipantJoined("dan", "Dan Bernoulli", False, 2.0))
    feed.publish(_caption("final", "dan", 3.0, 4.0, "Set blue."))
    talk = feed.publish_talk_time(4.5)
    assert talk["participants"] == [
        {"participant": "ada", "name": "Ada Lovelace", "seconds": 2.0, "share": 0.6667},
        {"participant": "dan", "name": "Dan Bernoulli", "seconds": 1.0, "share": 0.3333},
    ]

    history, watcher = feed.watch()
    assert [e["type"] for e in history] == ["joined", "final", "joined", "final", "talk_time"]
    assert history[1]["name"] == "Ada Lovelace" and history[1]["participant"] == "ada"
    feed.publish(_caption("partial", "dan", 5.0, 5.4, "Lay"))
    feed.publish(ParticipantLeft("dan", "Dan Bernoulli", 6.0))
    feed.close(ended_event("done", 7.0))
    events = _drain(watcher)
    assert [e["type"] if e else None for e in events] == ["partial", "left", "ended", None]
    assert events[0] is not None and events[0]["name"] == "Dan Bernoulli"
    # After the end, a watcher gets the history and the end at once.
    history, late = feed.watch()
    assert len(history) == 6 and _drain(late) == [None]


def test_a_slow_watcher_loses_partials_first_and_is_closed_rather_than_lose_finals() -> None:
    feed = LiveFeed("m1")
    feed.publish(ParticipantJoined("ada", "Ada", False, 0.0))
    _, slow = feed.watch()
    for i in range(WATCHER_QUEUE):
        feed.publish(_caption("partial", "ada", i, i + 0.5, f"word {i}"))
    finals = [_caption("final", "ada", i, i + 1, f"sentence {i}") for i in range(10)]
    for final in finals:
        feed.publish(final)
    assert not slow.overflowed  # each final pushed out a partial
    for i in range(WATCHER_QUEUE):
        feed.publish(_caption("final", "ada", 100 + i, 101 + i, f"more {i}"))
    assert slow.overflowed  # only finals left: closed, to reconnect for the transcript
    assert _drain(slow) == [None]
    # Every final is kept for the next watcher, however slow the last one was.
    history, _ = feed.watch()
    assert sum(1 for e in history if e["type"] == "final") == 10 + WATCHER_QUEUE


def test_the_saved_transcript_holds_the_finals_with_names() -> None:
    feed = LiveFeed("m1")
    feed.publish(ParticipantJoined("ada", "Ada Lovelace", False, 0.0))
    feed.publish(ParticipantJoined("grace", "Grace Hopper", True, 0.0))
    feed.publish(_caption("final", "grace", 2.0, 3.0, "Bin blue."))
    feed.publish(_caption("final", "ada", 1.0, 2.5, "My fellow Americans,"))
    feed.publish(_caption("final", "ada", 3.0, 3.1, " "))
    transcript = feed.transcript("Room 1", None)
    assert [(p.id, p.name) for p in transcript.participants] == [
        ("ada", "Ada Lovelace"),
        ("grace", "Grace Hopper"),
    ]
    assert [(s.speaker, s.text) for s in transcript.segments] == [
        ("ada", "My fellow Americans,"),
        ("grace", "Bin blue."),
    ]
    assert transcript.meeting.duration_s == 3.0


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8088/janus",
        "https://127.9.9.9/janus",
        "http://localhost:8088/janus",
        "http://[::1]:8088/janus",
    ],
)
def test_loopback_is_allowed(url: str) -> None:
    check_host(url, [])


@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.5:8088/janus",
        "http://169.254.169.254/latest",
        "http://192.168.1.1/janus",
        "http://0.0.0.0:8088/janus",
        "http://janus.internal/janus",
        "http://127.0.0.1.nip.io/janus",
        "http://[::ffff:10.0.0.5]/janus",
        "http://2130706433/janus",
    ],
)
def test_other_hosts_are_refused_by_default(url: str) -> None:
    with pytest.raises(HostNotAllowedError, match=r"bot\.allowed_hosts"):
        check_host(url, [])


def test_allowed_hosts_name_hosts_addresses_and_networks() -> None:
    allowed = ["janus.example.org", "10.0.0.5", "192.168.7.0/24", "not a network/99"]
    for url in (
        "https://JANUS.example.org/janus",
        "http://10.0.0.5:8088/janus",
        "http://192.168.7.40/janus",
    ):
        check_host(url, allowed)
    for url in ("http://10.0.0.6/janus", "http://192.168.8.1/janus", "http://example.org/"):
        with pytest.raises(HostNotAllowedError):
            check_host(url, allowed)


def test_a_bot_request_is_checked() -> None:
    ok = BotCreate.model_validate({"url": " http://127.0.0.1:8088/janus ", "room": "1234"})
    assert (ok.url, ok.room) == ("http://127.0.0.1:8088/janus", 1234)
    assert BotCreate.model_validate({"url": "http://h/janus", "room": "standup"}).room == "standup"
    for body in (
        {"url": "ftp://127.0.0.1/janus", "room": 1},
        {"url": "127.0.0.1:8088/janus", "room": 1},
        {"url": "http://user:pw@127.0.0.1/janus", "room": 1},
        {"url": "http://127.0.0.1:99999/janus", "room": 1},
        {"url": "http://127.0.0.1/janus", "room": 0},
        {"url": "http://127.0.0.1/janus", "room": True},
        {"url": "http://127.0.0.1/janus", "room": ""},
        {"url": "http://127.0.0.1/janus"},
        {"room": 1},
        {"url": "http://127.0.0.1/janus", "room": 1, "pin": ""},
        {"url": "http://127.0.0.1/janus", "room": 1, "colour": "red"},
    ):
        with pytest.raises(ValueError):
            BotCreate.model_validate(body)
