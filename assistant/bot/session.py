"""The bot in a Janus VideoRoom: joins as a visible participant that publishes nothing, follows
every publisher on one multistream subscription, and feeds each person's audio and video to a
``LiveMeeting`` as their own participant (exact attribution, no diarization).

Lifecycle, for the CLI and the service alike::

    bot = BotSession(BotOptions.from_settings(url, room, settings.bot), settings)
    await bot.join()                      # fails fast: unreachable server, no room, wrong pin
    await bot.start(models, vision=vision)
    ...consume bot.events...              # captions, engagement, joins and leaves; None at the end
    await bot.wait()                      # the room stayed empty for idle_timeout_s
    analysis = await bot.stop()           # leaves, finishes the transcript, analyses it
    await bot.aclose()                    # always (idempotent)
"""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass
from typing import Any, ClassVar

from aiortc import (
    MediaStreamTrack,
    RTCBundlePolicy,
    RTCConfiguration,
    RTCPeerConnection,
    RTCSessionDescription,
)
from aiortc.exceptions import InvalidStateError

from assistant.bot.janus import JanusEvent, JanusHandle, JanusSession
from assistant.bot.live_session import (
    BotEvent,
    LiveSession,
    ParticipantJoined,
    ParticipantLeft,
    track_mid,
)
from assistant.bot.media import Handover, TrackFeed
from assistant.bot.roster import (
    FeedId,
    Publisher,
    RoomParticipant,
    Roster,
    parse_publishers,
    parse_subscription,
)
from assistant.config import BotSettings, Settings
from assistant.processing.live import LiveMeeting
from models.errors import (
    MeetingAssistantError,
    MeetingServerError,
    NotFoundError,
    PermissionDeniedError,
    PipelineError,
)

__all__ = ["BotEvent", "BotOptions", "BotSession", "ParticipantJoined", "ParticipantLeft"]

VIDEOROOM = "janus.plugin.videoroom"
_NO_SUCH_ROOM = 426
_NO_SUCH_FEED = 428
_MISSING_ELEMENT = 429
_UNAUTHORIZED = 433
_LEAVE_TIMEOUT_S = 2.0
"""Longest wait for the server to confirm the bot's leaving (s); it may be gone already."""


@dataclass(frozen=True, slots=True)
class BotOptions:
    url: str
    """The Janus HTTP endpoint, e.g. http://127.0.0.1:8088/janus."""
    room: int | str
    """The VideoRoom id (a string only on servers configured with ``string_ids``)."""
    display: str = "Meeting assistant (recording)"
    pin: str | None = None
    idle_timeout_s: float = 60.0
    """``wait`` returns once the room has had nobody publishing for this long (s)."""
    request_timeout_s: float = 10.0
    """Longest wait for one answer from the server (s)."""
    connect_timeout_s: float = 15.0
    """Longest wait for the media connection after an offer is answered (s)."""

    @classmethod
    def from_settings(
        cls,
        url: str,
        room: int | str,
        settings: BotSettings,
        *,
        display: str | None = None,
        pin: str | None = None,
    ) -> BotOptions:
        return cls(
            url,
            room,
            display or settings.display,
            pin,
            settings.idle_timeout_s,
            settings.request_timeout_s,
            settings.connect_timeout_s,
        )


class BotSession(LiveSession):
    """One bot in one room. Create it on the event loop that runs it."""

    _noun: ClassVar[str] = "bot"
    _label: ClassVar[str] = "bot"
    _task_prefix: ClassVar[str] = "bot"

    def __init__(self, options: BotOptions, settings: Settings) -> None:
        super().__init__(settings)
        self.options = options
        self._roster = Roster()
        self._seen: list[RoomParticipant] = []
        self._waiting: list[Publisher] = []  # seen before ``start``
        self._requested: set[tuple[FeedId, str]] = set()
        self._janus: JanusSession | None = None
        self._room: JanusHandle | None = None
        self._subscriber: JanusHandle | None = None
        self._private_id: int | None = None
        self._pc: RTCPeerConnection | None = None
        self._ending: list[asyncio.Task[None]] = []
        self._negotiating = asyncio.Lock()
        self._closed_room = False
        self._empty_since = 0.0

    @property
    def participants(self) -> list[RoomParticipant]:
        """Everyone followed so far, in order of joining (those who left included)."""
        return list(self._seen)

    @property
    def present(self) -> list[RoomParticipant]:
        return self._roster.present

    async def join(self) -> None:
        """Connect and join the room as a participant that publishes nothing. Raises
        ``ServiceUnavailableError`` (unreachable), ``NotFoundError`` (no such room),
        ``PermissionDeniedError`` (pin), ``MeetingServerError`` (anything else it refused)."""
        options = self.options
        self._janus = await JanusSession.create(options.url, timeout_s=options.request_timeout_s)
        self._janus.lost.add_done_callback(self._on_lost)
        try:
            self._room = await self._janus.attach(VIDEOROOM)
        except MeetingServerError as error:
            raise MeetingServerError(
                f"the server has no VideoRoom plugin ({error.problem})", options.url
            ) from None
        exists = await self._room.request({"request": "exists", "room": options.room})
        if not exists.get("exists"):
            raise NotFoundError(f"no room {options.room} on this server", options.url)
        body: dict[str, Any] = {
            "request": "join",
            "ptype": "publisher",
            "room": options.room,
            "display": options.display,
        }
        if options.pin is not None:
            body["pin"] = options.pin
        joined = await self._room_request(body)
        self._private_id = joined.data.get("private_id")
        self._waiting = parse_publishers(joined.data.get("publishers", []))
        for publisher in self._waiting:
            self._roster.join(publisher)
        self._spawn(self._follow_room(self._room), "bot-room")

    async def wait(self) -> None:
        """Return once the room has had nobody publishing for ``idle_timeout_s`` (or was
        closed); raise the error that ended the bot's connection, if one did."""
        while True:
            if self._failure is not None:
                raise self._failure
            if self._closed_room:
                return
            timeout: float | None = None
            if not self._roster.present:
                idle_s = self.clock() - self._empty_since
                if idle_s >= self.options.idle_timeout_s:
                    return
                timeout = self.options.idle_timeout_s - idle_s
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._changed.wait(), timeout)
            self._changed.clear()

    # The room: who publishes, who leaves.

    def _check_connected(self) -> None:
        if self._room is None:
            raise PipelineError("join the room before starting the bot")

    async def _started(self, meeting: LiveMeeting) -> None:
        """Everyone present, and the publishers seen since joining, are followed."""
        for joined in self._roster.present:
            self._follow(joined)
        self._empty_since = 0.0
        waiting, self._waiting = self._waiting, []
        await self._subscribe(waiting)

    async def _room_request(self, body: dict[str, Any]) -> JanusEvent:
        assert self._room is not None
        try:
            return await self._room.message(body)
        except MeetingServerError as error:
            room, url = self.options.room, self.options.url
            if error.code == _NO_SUCH_ROOM:
                raise NotFoundError(f"no room {room} on this server", url) from None
            if error.code == _UNAUTHORIZED or (
                error.code == _MISSING_ELEMENT and "pin" in error.problem
            ):
                pin = self.options.pin
                problem = f"wrong pin for room {room}" if pin else f"room {room} needs a pin"
                raise PermissionDeniedError(problem, url) from None
            raise

    async def _follow_room(self, room: JanusHandle) -> None:
        while True:
            event = await room.events.get()
            data = event.data
            if event.janus in ("detached", "hangup") or data.get("videoroom") == "destroyed":
                self._closed_room = True
                self._changed.set()
                return
            if "publishers" in data:
                publishers = parse_publishers(data["publishers"])
                for publisher in publishers:
                    joined = self._roster.join(publisher)
                    if joined is not None and self._meeting is not None:
                        self._follow(joined)
                if self._meeting is None:
                    self._waiting.extend(publishers)
                else:
                    await self._subscribe(publishers)
            for key in ("leaving", "unpublished", "kicked"):
                feed = data.get(key)
                if feed is not None and feed != "ok":
                    await self._on_leave(feed)
            self._changed.set()

    def _follow(self, joined: RoomParticipant) -> None:
        assert self._meeting is not None
        self._meeting.add_participant(
            joined.participant, sample_rate=joined.audio_rate, video=joined.video and self._vision
        )
        self._seen.append(joined)
        self.events.put_nowait(
            ParticipantJoined(
                joined.participant.id, joined.participant.name, joined.video, self.clock()
            )
        )

    async def _on_leave(self, feed: FeedId) -> None:
        left = self._roster.leave(feed)
        if left is None:
            return
        # Janus dropped their streams from our subscription: should they publish again, they
        # are subscribed again (as a new participant: one stream each).
        self._requested = {(f, mid) for f, mid in self._requested if f != feed}
        if not self._roster.present:
            self._empty_since = self.clock()
        if self._meeting is not None:
            # Janus renegotiates the leaver's m-lines to inactive (or never does): either way
            # their stream ends here, while everyone else's goes on. Their last words are
            # decoded in the background: the room's next events must not wait for that.
            self.events.put_nowait(
                ParticipantLeft(left.participant.id, left.participant.name, self.clock())
            )
            pid = left.participant.id
            self._ending.append(self._spawn(self._meeting.end_participant(pid), f"bot-end-{pid}"))

    # The subscription: one handle, one peer connection, all feeds.

    async def _subscribe(self, publishers: list[Publisher]) -> None:
        async with self._negotiating:
            present = {p.feed_id for p in self._roster.present}
            wanted = [
                (publisher.feed_id, stream.mid)
                for publisher in publishers
                if publisher.feed_id in present
                for stream in publisher.followed()
                if (publisher.feed_id, stream.mid) not in self._requested
            ]
            if not wanted:
                return
            try:
                event = await self._subscribe_request(wanted)
            except MeetingServerError as error:
                if error.code != _NO_SUCH_FEED:
                    raise
                # Someone left before we got to them: the others one feed at a time.
                for feed in dict.fromkeys(feed for feed, _ in wanted):
                    try:
                        own = [(f, mid) for f, mid in wanted if f == feed]
                        await self._negotiate(await self._subscribe_request(own))
                    except MeetingServerError as again:
                        if again.code != _NO_SUCH_FEED:
                            raise
                return
            await self._negotiate(event)

    async def _subscribe_request(self, wanted: list[tuple[FeedId, str]]) -> JanusEvent:
        assert self._janus is not None
        streams = [{"feed": feed, "mid": mid} for feed, mid in wanted]
        if self._subscriber is None:
            handle = await self._janus.attach(VIDEOROOM)
            body: dict[str, Any] = {
                "request": "join",
                "ptype": "subscriber",
                "room": self.options.room,
                "streams": streams,
                "use_msid": False,
            }
            if self._private_id is not None:
                body["private_id"] = self._private_id
            if self.options.pin is not None:
                body["pin"] = self.options.pin
            try:
                event = await handle.message(body)
            except BaseException:
                with contextlib.suppress(MeetingAssistantError):
                    await handle.detach()
                raise
            self._subscriber = handle
            self._spawn(self._follow_offers(handle), "bot-offers")
        else:
            event = await self._subscriber.message({"request": "subscribe", "streams": streams})
        self._requested.update(wanted)
        return event

    async def _follow_offers(self, handle: JanusHandle) -> None:
        """Offers Janus makes by itself: a leaver's m-lines set inactive, postponed updates."""
        while True:
            event = await handle.events.get()
            if event.janus == "hangup":
                raise MeetingServerError("the server closed the media connection", self.options.url)
            async with self._negotiating:
                await self._negotiate(event)

    async def _negotiate(self, event: JanusEvent) -> None:
        """Take Janus's stream list and answer its offer (call with ``_negotiating`` held)."""
        streams = event.data.get("streams")
        if isinstance(streams, list):
            self._roster.route(parse_subscription(streams))
        jsep = event.jsep
        if jsep is None or jsep.get("type") != "offer" or self._subscriber is None:
            return
        if self._pc is not None and self._pc.signalingState == "closed":
            return  # the bot is leaving: Janus renegotiated a leaver's m-lines meanwhile
        first = self._pc is None
        pc = self._pc or self._new_peer_connection()
        try:
            await pc.setRemoteDescription(RTCSessionDescription(sdp=jsep["sdp"], type="offer"))
            await pc.setLocalDescription(await pc.createAnswer())
        except InvalidStateError:
            if pc.signalingState == "closed":
                return  # the bot left while answering: nothing to answer any more
            raise
        answer = {"type": "answer", "sdp": pc.localDescription.sdp, "trickle": False}
        await self._subscriber.message({"request": "start"}, jsep=answer)
        if first:
            self._spawn(self._watch_connection(pc), "bot-connect")

    def _new_peer_connection(self) -> RTCPeerConnection:
        # No ICE servers (the default asks a public STUN server); one bundle, or aiortc gives a
        # second video track no frames (aiortc issue #1414).
        pc = RTCPeerConnection(
            RTCConfiguration(iceServers=[], bundlePolicy=RTCBundlePolicy.MAX_BUNDLE)
        )

        @pc.on("track")
        def on_track(track: MediaStreamTrack) -> None:
            mid = track_mid(pc, track)
            if mid is not None:
                self._spawn(self._read(track, mid), f"bot-track-{mid}")

        @pc.on("connectionstatechange")
        def on_state() -> None:
            if pc.connectionState == "failed":
                self._fail(MeetingServerError("the media connection failed", self.options.url))

        self._pc = pc
        return pc

    async def _watch_connection(self, pc: RTCPeerConnection) -> None:
        deadline = self._loop.time() + self.options.connect_timeout_s
        while pc.connectionState != "connected":
            if self._loop.time() > deadline:
                raise MeetingServerError(
                    f"media did not connect within {self.options.connect_timeout_s:g} s "
                    "(no ICE path to the server's candidates)",
                    self.options.url,
                )
            await asyncio.sleep(0.1)

    # Media: each received track, frame by frame, to whoever its m-line carries now.

    async def _read(self, track: MediaStreamTrack, mid: str) -> None:
        handover = Handover()
        feed: TrackFeed | None = None  # to whoever the m-line carried last
        while True:
            owner = None if feed is None else feed.participant_id
            frame = await self._next_frame(track, owner)
            if frame is None:
                return
            meeting, joined = self._meeting, self._roster.owner(mid)
            if meeting is None or joined is None:
                handover.seen(frame)
                continue
            pid = joined.participant.id
            if feed is None or pid != owner:  # the first frame, or a later joiner's
                if feed is not None and handover.leftover(frame):
                    continue
                # A rate other than the roster's (a codec it misjudged) is resampled.
                feed = self._track_feed(pid, joined.audio_rate)
            handover.seen(frame)
            try:
                feed.push(meeting, frame)
            except PipelineError:
                continue  # they left between this frame's arrival and now

    # The end.

    def _title(self) -> str:
        return f"Room {self.options.room}"

    async def _end_streams(self) -> None:
        # Leavers' streams first: finish() would close a stream still decoding its last words.
        await asyncio.gather(*self._ending)

    def _on_lost(self, lost: asyncio.Future[None]) -> None:
        if not lost.cancelled() and isinstance(lost.exception(), MeetingAssistantError):
            self._fail(lost.exception())  # type: ignore[arg-type]

    async def _disconnect(self) -> None:
        """Leave the room (others see the bot go), close the media and the session."""
        janus, self._janus = self._janus, None
        if janus is not None and self._room is not None and not janus.lost.done():
            with contextlib.suppress(MeetingAssistantError, TimeoutError):
                await asyncio.wait_for(self._room.message({"request": "leave"}), _LEAVE_TIMEOUT_S)
        if self._pc is not None:
            await self._pc.close()
        if janus is not None:
            await janus.close()
