"""A live meeting's events for the people watching it: each bot's events, named and as JSON,
fanned out to every websocket with a bounded queue of its own, so a slow watcher never holds
the bot up; the final captions so far (what a late watcher is sent first, and what is saved
every few seconds); and talk time per person.

Everything here runs on the event loop of the bot that feeds it; nothing blocks.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections import deque
from typing import Any

from assistant.bot import BotEvent, ParticipantJoined
from assistant.processing.live import EngagementUpdate
from assistant.transcript import MeetingInfo, Participant, Segment, Side, Transcript
from pipelines.frames import Caption

__all__ = ["LiveFeed", "Watcher", "ended_event"]

Event = dict[str, Any]

WATCHER_QUEUE = 256
"""Events waiting for one watcher before its partials (then superseded figures) are dropped;
a watcher this far behind on finals alone is closed and told to reconnect."""
_KEPT = ("joined", "left", "final")
"""Events a late watcher is sent first, in order: who came and went, and every final caption."""
_SUPERSEDED = ("partial", "talk_time", "engagement")
"""Events that a later one of their kind replaces: dropped first when a watcher falls behind."""


class Watcher:
    """One websocket's queue. ``put`` never blocks: when full, the oldest superseded event
    goes; when only captions that matter are left, the watcher is marked ``overflowed``."""

    def __init__(self, limit: int = WATCHER_QUEUE) -> None:
        self._limit = limit
        self._queue: deque[Event | None] = deque()
        self._ready = asyncio.Event()
        self.overflowed = False

    def put(self, event: Event | None) -> None:
        if self.overflowed:
            return
        if len(self._queue) >= self._limit and not self._make_room():
            self.overflowed = True
            self._queue.clear()
            self._queue.append(None)
        else:
            self._queue.append(event)
        self._ready.set()

    async def get(self) -> Event | None:
        """The next event; None once the feed has closed (or this watcher overflowed)."""
        while not self._queue:
            self._ready.clear()
            await self._ready.wait()
        return self._queue.popleft()

    def _make_room(self) -> bool:
        for kind in _SUPERSEDED:
            for index, queued in enumerate(self._queue):
                if queued is not None and queued["type"] == kind:
                    del self._queue[index]
                    return True
        return False


class LiveFeed:
    """The events of one live meeting, as its watchers get them."""

    def __init__(self, meeting_id: str) -> None:
        self.meeting_id = meeting_id
        self.names: dict[str, str] = {}
        """Display name by participant id, for everyone seen so far."""
        self.sides: dict[str, Side | None] = {}
        """Side by participant id, when known (companion sessions)."""
        self._kept: list[Event] = []
        self._finals: list[Caption] = []
        self._talk_s: dict[str, float] = {}
        self._last_talk: Event | None = None
        self._watchers: set[Watcher] = set()
        self._closed = False
        self.version = 0
        """Grows with every final caption and join: tells the saver whether to write again."""

    @property
    def closed(self) -> bool:
        return self._closed

    def publish(self, event: BotEvent) -> None:
        """A bot event, as JSON with the participant's display name, to every watcher."""
        if isinstance(event, ParticipantJoined):
            self.names[event.participant_id] = event.name
            self.sides[event.participant_id] = event.side
            self._talk_s.setdefault(event.participant_id, 0.0)
            self.version += 1
        payload = event.to_event()
        if isinstance(event, Caption | EngagementUpdate):
            name = self.names.get(event.participant_id, event.participant_id)
            payload = {**payload, "name": name}
        if isinstance(event, Caption) and event.kind == "final":
            self._finals.append(event)
            self._talk_s[event.participant_id] = self._talk_s.get(event.participant_id, 0.0) + max(
                0.0, event.end_s - event.start_s
            )
            self.version += 1
        self._send(payload)

    def publish_talk_time(self, at_s: float) -> Event:
        """Each person's speaking time so far (s; from their final captions' spans) and their
        share of all of it, to every watcher."""
        total = sum(self._talk_s.values())
        payload: Event = {
            "type": "talk_time",
            "at": round(at_s, 3),
            "participants": [
                {
                    "participant": pid,
                    "name": self.names.get(pid, pid),
                    "seconds": round(seconds, 2),
                    "share": round(seconds / total, 4) if total else 0.0,
                }
                for pid, seconds in self._talk_s.items()
            ],
        }
        self._last_talk = payload
        self._send(payload)
        return payload

    def watch(self) -> tuple[list[Event], Watcher]:
        """A new watcher: what happened so far (joins, leaves, final captions, in order, and
        the latest talk time), and its queue of what comes next, with nothing missed between
        the two (both are taken at once, on the loop)."""
        history = list(self._kept)
        if self._last_talk is not None:
            history.append(self._last_talk)
        watcher = Watcher()
        if self._closed:
            watcher.put(None)
        else:
            self._watchers.add(watcher)
        return history, watcher

    def forget(self, watcher: Watcher) -> None:
        self._watchers.discard(watcher)

    def close(self, event: Event | None = None) -> None:
        """The meeting is over: ``event`` (e.g. ``ended``) to everyone, then the end of the
        stream. Idempotent."""
        if self._closed:
            return
        if event is not None:
            self._send(event)
        self._closed = True
        for watcher in self._watchers:
            watcher.put(None)
        self._watchers.clear()

    def transcript(self, title: str, date: dt.date | None) -> Transcript:
        """The final captions so far as a transcript (what a crash must not lose)."""
        finals = sorted(self._finals, key=lambda c: (c.start_s, c.participant_id))
        segments = tuple(
            Segment(c.participant_id, round(c.start_s, 3), round(c.end_s, 3), c.text, c.language)
            for c in finals
            if c.text.strip()
        )
        return Transcript(
            MeetingInfo(
                title=title,
                date=date,
                duration_s=max((s.end for s in segments), default=0.0),
                language=None,
            ),
            tuple(Participant(pid, name, self.sides.get(pid)) for pid, name in self.names.items()),
            segments,
        )

    def _send(self, payload: Event) -> None:
        if payload["type"] in _KEPT:
            self._kept.append(payload)
        for watcher in list(self._watchers):
            watcher.put(payload)
            if watcher.overflowed:
                self._watchers.discard(watcher)


def ended_event(status: str, at_s: float, reason: str | None = None) -> Event:
    """The last event of a feed: the meeting left live and is ``status`` now."""
    return {"type": "ended", "status": status, "at": round(at_s, 3), "reason": reason}
