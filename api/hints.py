"""A live meeting's private hints, delivered to the one person each concerns: a ``HintEngine``
fed with the meeting's events, polled every second, and per participant the websockets of
whoever opted in (connecting is opting in; the last one gone opts out).

Everything here runs on the event loop of the session that feeds it; nothing blocks.
"""

from __future__ import annotations

from assistant.config import HintSettings
from assistant.hints import Hint, HintEngine, HintOptions

from .live import Watcher

__all__ = ["HintHub", "hint_options"]


def hint_options(settings: HintSettings) -> HintOptions:
    return HintOptions(**settings.model_dump())


class HintHub:
    """Routes each hint to its recipient's watchers only."""

    def __init__(self, engine: HintEngine) -> None:
        self.engine = engine
        self._watchers: dict[str, set[Watcher]] = {}
        self._closed = False

    def set_host(self, participant_id: str) -> None:
        """``participant_id`` is the meeting's host (a room's host page): told of the unheard."""
        self.engine.host = participant_id

    def watch(self, participant_id: str) -> Watcher:
        """A new socket for ``participant_id``'s hints (who may: checked by the caller)."""
        watcher = Watcher()
        if self._closed:
            watcher.put(None)
            return watcher
        self._watchers.setdefault(participant_id, set()).add(watcher)
        self.engine.opt_in(participant_id)
        return watcher

    def forget(self, participant_id: str, watcher: Watcher) -> None:
        watchers = self._watchers.get(participant_id)
        if watchers is None:
            return
        watchers.discard(watcher)
        if not watchers:
            del self._watchers[participant_id]
            self.engine.opt_out(participant_id)

    def poll(self, now_s: float) -> list[Hint]:
        """The hints due now, each put to its recipient's watchers; returned for the log."""
        hints = self.engine.poll(now_s)
        for hint in hints:
            for watcher in list(self._watchers.get(hint.recipient, ())):
                watcher.put(hint.to_event())
        return hints

    def close(self) -> None:
        """The meeting is over: every socket's stream ends."""
        self._closed = True
        for watchers in self._watchers.values():
            for watcher in watchers:
                watcher.put(None)
        self._watchers.clear()
