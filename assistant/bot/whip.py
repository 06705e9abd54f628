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
from dataclasses import dataclass
from typing import ClassVar

from aiortc import MediaStreamTrack, RTCConfiguration, RTCPeerConnection, RTCSessionDescription

from assistant.bot.live_session import (
    BotEvent,
    LiveSession,
    ParticipantJoined,
    ParticipantLeft,
    track_mid,
)
from assistant.bot.sdp import check_offer
from assistant.config import Settings
from assistant.processing.live import LiveMeeting
from assistant.transcript import Participant, Side
from models.errors import InputError, MeetingServerError, PipelineError

__all__ = ["CUSTOMER", "ME", "WhipEvent", "WhipOptions", "WhipSession"]

ME = "me"
"""Participant id of the seller: the first audio track (and the camera)."""
CUSTOMER = "customer"
"""Participant id of the meeting's sound: the second audio track."""
_AUDIO_RATE = 48_000
"""What aiortc's Opus decoder gives; other rates are resampled to it."""

WhipEvent = BotEvent


@dataclass(frozen=True, slots=True)
class WhipOptions:
    me_name: str = "me"
    """The seller's display name (side internal)."""
    customer_name: str = "Customer side"
    """The name of the meeting's sound (side external)."""
    connect_timeout_s: float = 15.0
    """Longest wait for the media connection after the answer (s)."""


class WhipSession(LiveSession):
    """One WHIP client's media, followed live. Create it on the event loop that runs it."""

    _noun: ClassVar[str] = "session"
    _label: ClassVar[str] = "WHIP session"
    _task_prefix: ClassVar[str] = "whip"

    def __init__(self, options: WhipOptions, settings: Settings) -> None:
        super().__init__(settings)
        self.options = options
        self._pc: RTCPeerConnection | None = None
        self._roles: dict[str, tuple[str, str]] = {}
        """Transceiver mid -> (participant id, kind)."""
        self._participants: list[Participant] = []
        self._video: set[str] = set()
        self._readers: set[asyncio.Task[None]] = set()
        self._connected = False

    @property
    def participants(self) -> list[Participant]:
        """Who the offer's tracks are: ``me`` and, with a second audio track, ``customer``."""
        return list(self._participants)

    @property
    def connected(self) -> bool:
        """The client's media has connected (at some point)."""
        return self._connected

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
            mid = track_mid(pc, track)
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

    def _check_connected(self) -> None:
        # ``start`` comes before the client gets the answer: no media is lost.
        if self._pc is None:
            raise PipelineError("answer the offer before starting")

    async def _started(self, meeting: LiveMeeting) -> None:
        """The offer's participants, their sides known, join the meeting."""
        for participant in self._participants:
            video = participant.id in self._video and self._vision
            meeting.add_participant(participant, sample_rate=_AUDIO_RATE, video=video)
            self.events.put_nowait(
                ParticipantJoined(
                    participant.id, participant.name, video, self.clock(), side=participant.side
                )
            )

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

    # Media.

    async def _read(self, track: MediaStreamTrack, participant_id: str) -> None:
        feed = self._track_feed(participant_id, _AUDIO_RATE)
        while True:
            listening = participant_id if self._meeting is not None else None
            frame = await self._next_frame(track, listening)
            if frame is None:
                return
            meeting = self._meeting
            if meeting is None:
                continue
            try:
                feed.push(meeting, frame)
            except PipelineError:
                return  # their stream has ended

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

    # The end.

    def _title(self) -> str:
        return "Companion call"

    async def _disconnect(self) -> None:
        pc, self._pc = self._pc, None
        if pc is not None:
            await pc.close()
        self._changed.set()

    async def _end_streams(self) -> None:
        for reader in list(self._readers):
            reader.cancel()
        await asyncio.gather(*self._readers, return_exceptions=True)
        for participant in self._participants:
            self.events.put_nowait(ParticipantLeft(participant.id, participant.name, self.clock()))
