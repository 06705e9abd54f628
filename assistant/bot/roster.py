"""Who is in the room, and which of the bot's received tracks carries whom.

Pure bookkeeping over the VideoRoom's messages, so it is tested without a network: publishers
come from ``joined``/``publishers`` events, leave with ``leaving``/``unpublished``, and the
subscription's stream list (``attached``/``updated``) says which feed each of our m-lines (by
``mid``) carries. Janus reuses an m-line a leaver freed for a later joiner, so a track's owner is
looked up per frame, never fixed when the track appears.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from assistant.transcript import Participant

__all__ = [
    "FeedId",
    "PublishedStream",
    "Publisher",
    "RoomParticipant",
    "Roster",
    "SubscribedStream",
    "parse_publishers",
    "parse_subscription",
]

FeedId = int | str
"""A publisher's id in the room (a number, or a string on servers with ``string_ids``)."""
MediaKind = Literal["audio", "video"]

_AUDIO_RATES = {"opus": 48_000, "multiopus": 48_000, "pcmu": 8_000, "pcma": 8_000, "g722": 16_000}
"""Decoded sample rate (Hz) per audio codec Janus names."""


@dataclass(frozen=True, slots=True)
class PublishedStream:
    """One stream a publisher sends."""

    mid: str
    """The publisher's own mid for it (``feed_mid`` in a subscription)."""
    kind: MediaKind
    codec: str | None


@dataclass(frozen=True, slots=True)
class Publisher:
    feed_id: FeedId
    display: str | None
    streams: tuple[PublishedStream, ...]
    """Its active audio and video streams (data channels and disabled streams left out)."""

    def followed(self) -> tuple[PublishedStream, ...]:
        """The streams the bot takes: the first audio and the first video. A person's voice is
        one track; a second video (a screen share) says nothing about engagement."""
        first: dict[str, PublishedStream] = {}
        for stream in self.streams:
            first.setdefault(stream.kind, stream)
        return tuple(first.values())


@dataclass(frozen=True, slots=True)
class SubscribedStream:
    """One m-line of the bot's subscription, as Janus describes it."""

    mid: str
    """Our m-line's mid (what the received track's transceiver reports)."""
    kind: MediaKind
    feed_id: FeedId
    feed_mid: str | None
    display: str | None


@dataclass(frozen=True, slots=True)
class RoomParticipant:
    """A publisher as a participant of the followed meeting."""

    participant: Participant
    feed_id: FeedId
    audio_rate: int
    """Sample rate (Hz) its audio decodes to (48 000 for Opus)."""
    video: bool
    """It sends video."""


def parse_publishers(items: Iterable[Mapping[str, Any]]) -> list[Publisher]:
    """The ``publishers`` list of a ``joined`` or ``publishers`` event."""
    publishers = []
    for item in items:
        if item.get("dummy"):
            continue  # a placeholder Janus keeps for a feed that is not there
        streams = tuple(
            PublishedStream(str(stream["mid"]), stream["type"], stream.get("codec"))
            for stream in item.get("streams", [])
            if stream.get("type") in ("audio", "video") and not stream.get("disabled")
        )
        publishers.append(Publisher(item["id"], item.get("display"), streams))
    return publishers


def parse_subscription(items: Iterable[Mapping[str, Any]]) -> dict[str, SubscribedStream]:
    """The ``streams`` list of an ``attached`` or ``updated`` event: the m-lines that carry a
    feed now, by mid (inactive ones, whose feed left, are not there)."""
    streams = {}
    for item in items:
        if (
            item.get("type") in ("audio", "video")
            and item.get("active", True)
            and "feed_id" in item
        ):
            mid = str(item["mid"])
            streams[mid] = SubscribedStream(
                mid, item["type"], item["feed_id"], item.get("feed_mid"), item.get("feed_display")
            )
    return streams


class Roster:
    """The participants the bot has seen, who of them is still there, and which participant
    each of our m-lines carries now."""

    def __init__(self) -> None:
        self._present: dict[FeedId, RoomParticipant] = {}
        self._taken: set[str] = set()
        self._unnamed = 0
        self._streams: dict[str, SubscribedStream] = {}

    @property
    def present(self) -> list[RoomParticipant]:
        return list(self._present.values())

    def join(self, publisher: Publisher) -> RoomParticipant | None:
        """A publisher seen in the room; the new participant, or None when already known."""
        if publisher.feed_id in self._present:
            return None
        followed = publisher.followed()
        if not followed:
            return None  # joined without media (another bot, a listener): nothing to follow
        name = (publisher.display or "").strip()
        if not name:
            self._unnamed += 1
            name = f"Participant {self._unnamed}"
        audio = next((s for s in followed if s.kind == "audio"), None)
        codec = (audio.codec or "opus").lower() if audio else "opus"
        joined = RoomParticipant(
            Participant(
                self._new_id(name),
                name,
                name_source="given" if publisher.display else "placeholder",
            ),
            publisher.feed_id,
            _AUDIO_RATES.get(codec, 48_000),
            any(s.kind == "video" for s in followed),
        )
        self._present[publisher.feed_id] = joined
        return joined

    def leave(self, feed_id: FeedId) -> RoomParticipant | None:
        """The publisher left (or stopped publishing); the participant, None if unknown."""
        return self._present.pop(feed_id, None)

    def route(self, streams: Mapping[str, SubscribedStream]) -> None:
        """The subscription as Janus describes it now (after each offer)."""
        self._streams = dict(streams)

    def owner(self, mid: str) -> RoomParticipant | None:
        """Who our m-line ``mid`` carries now: None while inactive or once its feed left."""
        stream = self._streams.get(mid)
        return None if stream is None else self._present.get(stream.feed_id)

    def _new_id(self, name: str) -> str:
        """A readable id from the name, unique in this meeting (a rejoin gets ``-2``)."""
        base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "participant"
        candidate, n = base, 2
        while candidate in self._taken:
            candidate, n = f"{base}-{n}", n + 1
        self._taken.add(candidate)
        return candidate
