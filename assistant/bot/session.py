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
import datetime as dt
import logging
from collections.abc import Callable, Coroutine, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import av
import numpy as np
from aiortc import (
    MediaStreamTrack,
    RTCBundlePolicy,
    RTCConfiguration,
    RTCPeerConnection,
    RTCSessionDescription,
)
from aiortc.mediastreams import MediaStreamError

from assistant.bot.janus import JanusEvent, JanusHandle, JanusSession
from assistant.bot.media import FrameClock, Handover, VideoSampler, audio_pcm
from assistant.bot.roster import (
    FeedId,
    Publisher,
    RoomParticipant,
    Roster,
    parse_publishers,
    parse_subscription,
)
from assistant.config import BotSettings, Settings
from assistant.processing.analyze import Analysis, finish_analysis
from assistant.processing.live import LiveEvent, LiveMeeting, LiveSignal
from assistant.processing.speech import SpeechModels
from assistant.transcript import Side
from models.errors import (
    MeetingAssistantError,
    MeetingServerError,
    NotFoundError,
    PermissionDeniedError,
    PipelineError,
)
from models.vision import VisionModels

__all__ = ["BotEvent", "BotOptions", "BotSession", "ParticipantJoined", "ParticipantLeft"]

_log = logging.getLogger(__name__)

VIDEOROOM = "janus.plugin.videoroom"
_NO_SUCH_ROOM = 426
_NO_SUCH_FEED = 428
_MISSING_ELEMENT = 429
_UNAUTHORIZED = 433
_SILENT_AFTER_S = 1.0
"""An audio track that delivers nothing for this long (s) is heard as silence up to half of it
before now: a sender that stops sending without leaving (a muted microphone in some clients)
still ends its utterance, so its last words become final instead of waiting for the end."""
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


@dataclass(frozen=True, slots=True)
class ParticipantJoined:
    """Someone started publishing in the room and is followed from now on."""

    participant_id: str
    name: str
    """Their display name in the room."""
    video: bool
    """Their camera is followed too."""
    at_s: float
    """When (s from the start of following)."""
    side: Side | None = None
    """Our team or the customer's, when known (the companion page's two sources)."""

    def to_event(self) -> dict[str, object]:
        return {
            "type": "joined",
            "participant": self.participant_id,
            "name": self.name,
            "video": self.video,
            "at": round(self.at_s, 3),
            "side": self.side,
        }


@dataclass(frozen=True, slots=True)
class ParticipantLeft:
    """Someone left the room (or stopped publishing): their stream is finished."""

    participant_id: str
    name: str
    at_s: float
    """When (s from the start of following)."""

    def to_event(self) -> dict[str, object]:
        return {
            "type": "left",
            "participant": self.participant_id,
            "name": self.name,
            "at": round(self.at_s, 3),
        }


BotEvent = LiveEvent | ParticipantJoined | ParticipantLeft


class BotSession:
    """One bot in one room. Create it on the event loop that runs it."""

    def __init__(self, options: BotOptions, settings: Settings) -> None:
        self.options = options
        self._settings = settings
        self.events: asyncio.Queue[BotEvent | None] = asyncio.Queue()
        """Captions and engagement (as ``LiveMeeting`` gives them), joins and leaves; None
        once the bot has stopped."""
        self._roster = Roster()
        self._seen: list[RoomParticipant] = []
        self._waiting: list[Publisher] = []  # seen before ``start``
        self._requested: set[tuple[FeedId, str]] = set()
        self._janus: JanusSession | None = None
        self._room: JanusHandle | None = None
        self._subscriber: JanusHandle | None = None
        self._private_id: int | None = None
        self._pc: RTCPeerConnection | None = None
        self._meeting: LiveMeeting | None = None
        self._vision = False
        self._forwarder: asyncio.Task[None] | None = None
        self._ending: list[asyncio.Task[None]] = []
        self._negotiating = asyncio.Lock()
        self._tasks: set[asyncio.Task[None]] = set()
        self._changed = asyncio.Event()
        self._failure: MeetingAssistantError | None = None
        self._closed_room = False
        self._loop = asyncio.get_running_loop()
        self._origin = self._loop.time()
        self._empty_since = 0.0

    @property
    def participants(self) -> list[RoomParticipant]:
        """Everyone followed so far, in order of joining (those who left included)."""
        return list(self._seen)

    @property
    def present(self) -> list[RoomParticipant]:
        return self._roster.present

    def clock(self) -> float:
        """Seconds since the bot started following (``start``): the meeting's time."""
        return self._loop.time() - self._origin

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

    async def start(
        self,
        models: SpeechModels,
        *,
        vision: VisionModels | None = None,
        on_signal: Callable[[LiveSignal], None] | None = None,
    ) -> None:
        """Follow everyone: a ``LiveMeeting`` of their own tracks, from now on (time 0). Video
        is followed when ``vision`` is given and video analysis is on; ``on_signal`` gets each
        person's voice activity and seconds of video (live hints)."""
        if self._room is None:
            raise PipelineError("join the room before starting the bot")
        if self._meeting is not None:
            raise PipelineError("the bot has already started")
        self._origin = self._loop.time()
        self._meeting = LiveMeeting(
            models, self._settings, vision=vision, clock=self.clock, on_signal=on_signal
        )
        self._vision = vision is not None and self._settings.video.enabled
        self._forwarder = self._spawn(self._forward_events(self._meeting), "bot-events")
        for joined in self._roster.present:
            self._follow(joined)
        self._empty_since = 0.0
        waiting, self._waiting = self._waiting, []
        await self._subscribe(waiting)

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

    async def stop(
        self,
        *,
        title: str | None = None,
        date: dt.date | None = None,
        history: Sequence[Mapping[str, Any]] = (),
    ) -> Analysis:
        """Leave the room, finish everyone's stream, and analyse the meeting as ``live`` does
        (``history``: earlier meetings' reports, for follow-through)."""
        meeting = self._meeting
        if meeting is None:
            raise PipelineError("the bot was never started")
        await self._disconnect()
        # Leavers' streams first: finish() would close a stream still decoding its last words.
        await asyncio.gather(*self._ending)
        transcript = await meeting.finish()
        if self._forwarder is not None:
            await self._forwarder  # the last captions, up to the end marker finish() sends
        await self._stop_tasks()
        self.events.put_nowait(None)
        transcript = replace(
            transcript,
            meeting=replace(
                transcript.meeting,
                title=title or f"Room {self.options.room}",
                date=date or dt.date.today(),
            ),
        )
        return await asyncio.to_thread(
            finish_analysis,
            transcript,
            self._settings,
            history=history,
            engagement=meeting.video_engagement,
            attendees=[p.id for p in transcript.participants],
        )

    async def aclose(self) -> None:
        """Release everything (the connection, tasks, the streams' threads); idempotent."""
        await self._disconnect()
        await self._stop_tasks()
        if self._meeting is not None:
            await self._meeting.aclose()

    # The room: who publishes, who leaves.

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
        await pc.setRemoteDescription(RTCSessionDescription(sdp=jsep["sdp"], type="offer"))
        await pc.setLocalDescription(await pc.createAnswer())
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
            mid = next(
                (t.mid for t in pc.getTransceivers() if t.receiver.track is track and t.mid),
                None,
            )
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
        owner: str | None = None
        handover = Handover()
        clock = FrameClock(self.clock)
        sampler: VideoSampler | None = None
        resampler: av.AudioResampler | None = None
        live = self._settings.live
        while True:
            try:
                if track.kind == "audio" and owner is not None:
                    frame = await asyncio.wait_for(track.recv(), _SILENT_AFTER_S)
                else:
                    frame = await track.recv()
            except TimeoutError:
                self._hear_silence(owner)
                continue
            except MediaStreamError:
                return
            if not isinstance(frame, av.AudioFrame | av.VideoFrame):
                continue
            meeting, joined = self._meeting, self._roster.owner(mid)
            if meeting is None or joined is None:
                handover.seen(frame)
                continue
            pid = joined.participant.id
            if pid != owner:  # first frame, or the m-line now carries a later joiner
                if owner is not None and handover.leftover(frame):
                    continue
                owner, clock, resampler = pid, FrameClock(self.clock), None
                sampler = VideoSampler(live.video_fps, self._settings.video.max_width)
            handover.seen(frame)
            try:
                if isinstance(frame, av.AudioFrame):
                    start_s = clock.start_s(frame)
                    frames = [frame]
                    if frame.sample_rate != joined.audio_rate:  # a codec the roster misjudged
                        resampler = resampler or av.AudioResampler(
                            format="s16", layout="mono", rate=joined.audio_rate
                        )
                        frames = resampler.resample(frame)
                    for piece in frames:
                        meeting.push_audio(pid, audio_pcm(piece), start_s)
                elif sampler is not None and meeting.has_video(pid):
                    start_s = clock.start_s(frame)
                    image = sampler.take(frame, start_s)
                    if image is not None:
                        meeting.push_video(pid, image, start_s)
            except PipelineError:
                continue  # they left between this frame's arrival and now

    def _hear_silence(self, participant_id: str | None) -> None:
        """Nothing came on this person's audio track: what they sent ended a while ago."""
        if self._meeting is None or participant_id is None:
            return
        # An empty push whose start lies past the audio so far: the gap becomes silence.
        with contextlib.suppress(PipelineError):
            self._meeting.push_audio(
                participant_id, np.zeros(0, np.int16), self.clock() - _SILENT_AFTER_S / 2
            )

    # Plumbing.

    async def _forward_events(self, meeting: LiveMeeting) -> None:
        while (event := await meeting.events.get()) is not None:
            self.events.put_nowait(event)

    def _spawn(self, work: Coroutine[Any, Any, None], name: str) -> asyncio.Task[None]:
        task = asyncio.create_task(self._guard(work), name=name)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def _guard(self, work: Coroutine[Any, Any, None]) -> None:
        try:
            await work
        except MeetingAssistantError as error:
            self._fail(error)
        except Exception as error:
            _log.exception("bot task failed")
            self._fail(MeetingServerError(f"the bot failed: {type(error).__name__}: {error}"))

    def _fail(self, error: MeetingAssistantError) -> None:
        if self._failure is None:
            self._failure = error
        self._changed.set()

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

    async def _stop_tasks(self) -> None:
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
