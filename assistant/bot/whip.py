"""A WHIP ingest session: the companion page (or any WHIP client) sends the seller's microphone
and the meeting's sound over WebRTC, answered by aiortc, and each becomes a participant of a
``LiveMeeting`` with its side known: the first audio m-line is our side (``me``, internal), the
second the customer side (``customer``, external); a video m-line is the seller's camera.

Lifecycle, as ``BotSession``'s (the service runs both the same way)::

    session = WhipSession(WhipOptions(me_name="Ada"), settings)
    answer = await session.answer(offer_sdp)   # InputError for an offer we cannot take
    await session.start(models, vision=vision) # before the client has the answer: no media lost
    ...consume session.events...                # captions, engagement, joins and leaves
    await session.wait()                        # the client went away (or never connected)
    analysis = await session.stop()
    await session.aclose()
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
from aiortc import MediaStreamTrack, RTCConfiguration, RTCPeerConnection, RTCSessionDescription
from aiortc.mediastreams import MediaStreamError

from assistant.bot.media import FrameClock, VideoSampler, audio_pcm
from assistant.bot.sdp import check_offer
from assistant.bot.session import BotEvent, ParticipantJoined, ParticipantLeft
from assistant.config import Settings
from assistant.processing.analyze import Analysis, finish_analysis
from assistant.processing.live import LiveMeeting, LiveSignal
from assistant.processing.speech import SpeechModels
from assistant.transcript import Participant, Side
from models.errors import InputError, MeetingAssistantError, MeetingServerError, PipelineError
from models.vision import VisionModels

__all__ = ["CUSTOMER", "ME", "WhipEvent", "WhipOptions", "WhipSession"]

_log = logging.getLogger(__name__)

ME = "me"
"""Participant id of the seller: the first audio track (and the camera)."""
CUSTOMER = "customer"
"""Participant id of the meeting's sound: the second audio track."""
_AUDIO_RATE = 48_000
"""What aiortc's Opus decoder gives; other rates are resampled to it."""
_SILENT_AFTER_S = 1.0
"""A track that delivers nothing this long (s) is heard as silence (see ``BotSession``)."""

WhipEvent = BotEvent


@dataclass(frozen=True, slots=True)
class WhipOptions:
    me_name: str = "me"
    """The seller's display name (side internal)."""
    customer_name: str = "Customer side"
    """The name of the meeting's sound (side external)."""
    connect_timeout_s: float = 15.0
    """Longest wait for the media connection after the answer (s)."""


class WhipSession:
    """One WHIP client's media, followed live. Create it on the event loop that runs it."""

    def __init__(self, options: WhipOptions, settings: Settings) -> None:
        self.options = options
        self._settings = settings
        self.events: asyncio.Queue[WhipEvent | None] = asyncio.Queue()
        """As ``BotSession.events``: captions and engagement, joins and leaves; None once the
        session has stopped."""
        self._pc: RTCPeerConnection | None = None
        self._roles: dict[str, tuple[str, str]] = {}
        """Transceiver mid -> (participant id, kind)."""
        self._participants: list[Participant] = []
        self._video: set[str] = set()
        self._meeting: LiveMeeting | None = None
        self._forwarder: asyncio.Task[None] | None = None
        self._vision = False
        self._readers: set[asyncio.Task[None]] = set()
        self._tasks: set[asyncio.Task[None]] = set()
        self._changed = asyncio.Event()
        self._failure: MeetingAssistantError | None = None
        self._connected = False
        self._loop = asyncio.get_running_loop()
        self._origin = self._loop.time()

    @property
    def participants(self) -> list[Participant]:
        """Who the offer's tracks are: ``me`` and, with a second audio track, ``customer``."""
        return list(self._participants)

    @property
    def connected(self) -> bool:
        """The client's media has connected (at some point)."""
        return self._connected

    def clock(self) -> float:
        """Seconds since ``start``: the meeting's time."""
        return self._loop.time() - self._origin

    async def answer(self, offer_sdp: str) -> str:
        """Check the offer, take it, and return the SDP answer (ICE candidates included)."""
        if self._pc is not None:
            raise PipelineError("this session has already answered an offer")
        media = check_offer(offer_sdp)
        audio = [m for m in media if m.kind == "audio"]
        # Known before aiortc reads the offer: it announces the tracks while reading it.
        self._roles = {audio[0].mid: (ME, "audio")}
        sides: dict[str, tuple[str, Side]] = {ME: (self.options.me_name, "internal")}
        if len(audio) > 1:
            self._roles[audio[1].mid] = (CUSTOMER, "audio")
            sides[CUSTOMER] = (self.options.customer_name, "external")
        video = [m for m in media if m.kind == "video"]
        if video:
            self._roles[video[0].mid] = (ME, "video")
        # No ICE servers: the default asks a public STUN server.
        pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))
        self._pc = pc

        @pc.on("track")
        def on_track(track: MediaStreamTrack) -> None:
            mid = next(
                (t.mid for t in pc.getTransceivers() if t.receiver.track is track and t.mid),
                None,
            )
            role = self._roles.get(mid or "")
            if role is not None:
                reader = self._spawn(self._read(track, role[0]), f"whip-track-{mid}")
                self._readers.add(reader)
                reader.add_done_callback(lambda _: self._changed.set())

        @pc.on("connectionstatechange")
        def on_state() -> None:
            if pc.connectionState == "connected":
                self._connected = True
            self._changed.set()

        try:
            await pc.setRemoteDescription(RTCSessionDescription(sdp=offer_sdp, type="offer"))
            await pc.setLocalDescription(await pc.createAnswer())
        except KeyError as error:  # aiortc looks attribute values up in its tables
            raise InputError(f"the offer holds a value WebRTC does not define: {error}") from None
        except (ValueError, TypeError, IndexError, AttributeError) as error:
            # aiortc's parser and negotiation raise these for SDP it cannot take.
            raise InputError(f"the offer could not be taken: {error}") from None
        self._participants = [Participant(pid, name, side) for pid, (name, side) in sides.items()]
        self._video = {pid for pid, kind in self._roles.values() if kind == "video"}
        self._spawn(self._watch_connection(pc), "whip-connect")
        return str(pc.localDescription.sdp)

    async def start(
        self,
        models: SpeechModels,
        *,
        vision: VisionModels | None = None,
        on_signal: Callable[[LiveSignal], None] | None = None,
    ) -> None:
        """Follow the tracks from now on (time 0). Call before the client gets the answer.
        ``on_signal`` gets each person's voice activity and seconds of video (live hints)."""
        if self._pc is None:
            raise PipelineError("answer the offer before starting")
        if self._meeting is not None:
            raise PipelineError("the session has already started")
        self._origin = self._loop.time()
        self._vision = vision is not None and self._settings.video.enabled
        meeting = LiveMeeting(
            models, self._settings, vision=vision, clock=self.clock, on_signal=on_signal
        )
        self._meeting = meeting
        for participant in self._participants:
            video = participant.id in self._video and self._vision
            meeting.add_participant(participant, sample_rate=_AUDIO_RATE, video=video)
            self.events.put_nowait(
                ParticipantJoined(
                    participant.id, participant.name, video, self.clock(), side=participant.side
                )
            )
        self._forwarder = self._spawn(self._forward_events(meeting), "whip-events")

    async def wait(self) -> None:
        """Return once the client has gone (connection closed or failed after connecting, or
        every track ended); raise if media never connected."""
        while True:
            if self._failure is not None:
                raise self._failure
            pc = self._pc
            if pc is None or (pc.connectionState in ("closed", "failed") and self._connected):
                return
            if self._connected and self._readers and all(r.done() for r in self._readers):
                return
            self._changed.clear()
            await self._changed.wait()

    async def stop(
        self,
        *,
        title: str | None = None,
        date: dt.date | None = None,
        history: Sequence[Mapping[str, Any]] = (),
    ) -> Analysis:
        """Close the connection, finish both streams, and analyse the meeting."""
        meeting = self._meeting
        if meeting is None:
            raise PipelineError("the session was never started")
        await self._close_connection()
        for reader in list(self._readers):
            reader.cancel()
        await asyncio.gather(*self._readers, return_exceptions=True)
        for participant in self._participants:
            self.events.put_nowait(ParticipantLeft(participant.id, participant.name, self.clock()))
        transcript = await meeting.finish()
        if self._forwarder is not None:
            await self._forwarder  # the last captions, up to the end marker finish() sends
        await self._stop_tasks()
        self.events.put_nowait(None)
        transcript = replace(
            transcript,
            meeting=replace(
                transcript.meeting, title=title or "Companion call", date=date or dt.date.today()
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
        await self._close_connection()
        await self._stop_tasks()
        if self._meeting is not None:
            await self._meeting.aclose()

    # Media.

    async def _read(self, track: MediaStreamTrack, participant_id: str) -> None:
        clock = FrameClock(self.clock)
        live = self._settings.live
        sampler = VideoSampler(live.video_fps, self._settings.video.max_width)
        resampler: av.AudioResampler | None = None
        while True:
            try:
                if track.kind == "audio" and self._meeting is not None:
                    frame = await asyncio.wait_for(track.recv(), _SILENT_AFTER_S)
                else:
                    frame = await track.recv()
            except TimeoutError:
                self._hear_silence(participant_id)
                continue
            except MediaStreamError:
                return
            meeting = self._meeting
            if meeting is None:
                continue
            try:
                if isinstance(frame, av.AudioFrame):
                    start_s = clock.start_s(frame)
                    frames = [frame]
                    if frame.sample_rate != _AUDIO_RATE:
                        resampler = resampler or av.AudioResampler(
                            format="s16", layout="mono", rate=_AUDIO_RATE
                        )
                        frames = resampler.resample(frame)
                    for piece in frames:
                        meeting.push_audio(participant_id, audio_pcm(piece), start_s)
                elif isinstance(frame, av.VideoFrame) and meeting.has_video(participant_id):
                    start_s = clock.start_s(frame)
                    image = sampler.take(frame, start_s)
                    if image is not None:
                        meeting.push_video(participant_id, image, start_s)
            except PipelineError:
                return  # their stream has ended

    def _hear_silence(self, participant_id: str) -> None:
        if self._meeting is None:
            return
        with contextlib.suppress(PipelineError):
            self._meeting.push_audio(
                participant_id, np.zeros(0, np.int16), self.clock() - _SILENT_AFTER_S / 2
            )

    async def _watch_connection(self, pc: RTCPeerConnection) -> None:
        timeout_s = self.options.connect_timeout_s
        deadline = self._loop.time() + timeout_s
        while not self._connected:
            if self._loop.time() > deadline or pc.connectionState in ("failed", "closed"):
                raise MeetingServerError(
                    f"the client's media did not connect within {timeout_s:g} s "
                    "(no ICE path between its candidates and the service's)"
                )
            await asyncio.sleep(0.1)

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
            _log.exception("WHIP session task failed")
            self._fail(MeetingServerError(f"the session failed: {type(error).__name__}: {error}"))

    def _fail(self, error: MeetingAssistantError) -> None:
        if self._failure is None:
            self._failure = error
        self._changed.set()

    async def _close_connection(self) -> None:
        pc, self._pc = self._pc, None
        if pc is not None:
            await pc.close()
        self._changed.set()

    async def _stop_tasks(self) -> None:
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
