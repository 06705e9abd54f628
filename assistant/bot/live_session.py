"""What a bot in a room and a WHIP session have in common: received WebRTC media followed live by
one ``LiveMeeting`` on this event loop. The meeting's events forwarded with joins and leaves, its
clock, the session's owned background tasks and the first failure among them, silence heard on
a quiet audio track, and the end: finish the streams, then analyse.

A subclass connects (``BotSession.join``, ``WhipSession.answer``), says when the meeting is
over (``wait``), and fills in the hooks below; ``start``, ``stop`` and ``aclose`` are the same for
both.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from abc import ABC, abstractmethod
from collections.abc import Callable, Coroutine, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, ClassVar

import av
import numpy as np
from aiortc import MediaStreamTrack, RTCPeerConnection
from aiortc.mediastreams import MediaStreamError

from assistant.bot.media import TrackFeed
from assistant.config import Settings
from assistant.processing.analyze import Analysis, finish_analysis
from assistant.processing.live import LiveEvent, LiveMeeting, LiveSignal
from assistant.processing.speech import SpeechModels
from assistant.transcript import Side
from models.errors import MeetingAssistantError, MeetingServerError, PipelineError
from models.vision import VisionModels

__all__ = [
    "SILENT_AFTER_S",
    "BotEvent",
    "LiveSession",
    "ParticipantJoined",
    "ParticipantLeft",
    "track_mid",
]

SILENT_AFTER_S = 1.0
"""An audio track that delivers nothing for this long (s) is heard as silence up to half of it
before now: a sender that stops sending without leaving (a muted microphone in some clients)
still ends its utterance, so its last words become final instead of waiting for the end."""


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


def track_mid(pc: RTCPeerConnection, track: MediaStreamTrack) -> str | None:
    """The m-line a received track came on (None before negotiation gave it one)."""
    return next(
        (t.mid for t in pc.getTransceivers() if t.receiver.track is track and t.mid),
        None,
    )


class LiveSession(ABC):
    """One live meeting fed from received media. Create it on the event loop that runs it."""

    _noun: ClassVar[str]
    """What the session is called in its errors ("the bot has already started")."""
    _label: ClassVar[str]
    """What it is called in its log ("bot task failed")."""
    _task_prefix: ClassVar[str]
    """How its tasks' names begin ("bot-events")."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self.events: asyncio.Queue[BotEvent | None] = asyncio.Queue()
        """Captions and engagement (as ``LiveMeeting`` gives them), joins and leaves; None
        once the session has stopped."""
        self._meeting: LiveMeeting | None = None
        self._vision = False
        """Video is followed: vision models were given and video analysis is on."""
        self._forwarder: asyncio.Task[None] | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._changed = asyncio.Event()
        """Set whenever ``wait`` should look again (a failure, the connection, the room)."""
        self._failure: MeetingAssistantError | None = None
        self._loop = asyncio.get_running_loop()
        self._origin = self._loop.time()

    def clock(self) -> float:
        """Seconds since ``start``: the meeting's time."""
        return self._loop.time() - self._origin

    async def start(
        self,
        models: SpeechModels,
        *,
        vision: VisionModels | None = None,
        on_signal: Callable[[LiveSignal], None] | None = None,
    ) -> None:
        """Follow everyone from now on (time 0): a ``LiveMeeting`` of their own tracks. Video is
        followed when ``vision`` is given and video analysis is on; ``on_signal`` gets each
        person's voice activity and seconds of video (live hints)."""
        self._check_connected()
        if self._meeting is not None:
            raise PipelineError(f"the {self._noun} has already started")
        self._origin = self._loop.time()
        meeting = LiveMeeting(
            models, self._settings, vision=vision, clock=self.clock, on_signal=on_signal
        )
        self._meeting = meeting
        self._vision = vision is not None and self._settings.video.enabled
        self._forwarder = self._spawn(self._forward_events(meeting), f"{self._task_prefix}-events")
        await self._started(meeting)

    async def stop(
        self,
        *,
        title: str | None = None,
        date: dt.date | None = None,
        history: Sequence[Mapping[str, Any]] = (),
    ) -> Analysis:
        """Close the connection, finish everyone's stream, and analyse the meeting as ``live``
        does (``history``: earlier meetings' reports, for follow-through)."""
        meeting = self._meeting
        if meeting is None:
            raise PipelineError(f"the {self._noun} was never started")
        await self._disconnect()
        await self._end_streams()
        transcript = await meeting.finish()
        if self._forwarder is not None:
            await self._forwarder  # the last captions, up to the end marker finish() sends
        await self._stop_tasks()
        self.events.put_nowait(None)
        transcript = replace(
            transcript,
            meeting=replace(
                transcript.meeting, title=title or self._title(), date=date or dt.date.today()
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

    # What each kind of session fills in.

    @abstractmethod
    def _check_connected(self) -> None:
        """Raise ``PipelineError`` unless the media connection is there to start from."""

    @abstractmethod
    async def _started(self, meeting: LiveMeeting) -> None:
        """Add everyone known so far to the meeting just started, and follow them."""

    @abstractmethod
    async def _disconnect(self) -> None:
        """Close the media connection (and leave whatever it joined); idempotent."""

    @abstractmethod
    async def _end_streams(self) -> None:
        """Once disconnected, before the meeting finishes: end what still reads or decodes."""

    @abstractmethod
    def _title(self) -> str:
        """The meeting's title when ``stop`` is given none."""

    # For the subclasses.

    def _track_feed(self, participant_id: str, audio_rate: int) -> TrackFeed:
        """What takes this person's frames from one track, at ``audio_rate`` (Hz)."""
        return TrackFeed(
            participant_id,
            audio_rate,
            self.clock,
            video_fps=self._settings.live.video_fps,
            max_width=self._settings.video.max_width,
        )

    async def _next_frame(
        self, track: MediaStreamTrack, listener: str | None
    ) -> av.AudioFrame | av.VideoFrame | None:
        """The track's next audio or video frame; None once the track has ended. While the
        track is known to be ``listener``'s, an audio track that delivers nothing for
        ``SILENT_AFTER_S`` is heard as their silence meanwhile."""
        while True:
            try:
                if track.kind == "audio" and listener is not None:
                    frame = await asyncio.wait_for(track.recv(), SILENT_AFTER_S)
                else:
                    frame = await track.recv()
            except TimeoutError:
                self._hear_silence(listener)
                continue
            except MediaStreamError:
                return None
            if isinstance(frame, av.AudioFrame | av.VideoFrame):
                return frame

    def _hear_silence(self, participant_id: str | None) -> None:
        """Nothing came on this person's audio track: what they sent ended a while ago."""
        if self._meeting is None or participant_id is None:
            return
        # An empty push whose start lies past the audio so far: the gap becomes silence.
        with contextlib.suppress(PipelineError):
            self._meeting.push_audio(
                participant_id, np.zeros(0, np.int16), self.clock() - SILENT_AFTER_S / 2
            )

    def _spawn(self, work: Coroutine[Any, Any, None], name: str) -> asyncio.Task[None]:
        """Run ``work`` as an owned task: cancelled by ``stop``/``aclose``, its error the
        session's failure."""
        task = asyncio.create_task(self._guard(work), name=name)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    def _fail(self, error: MeetingAssistantError) -> None:
        """The first failure is the one ``wait`` raises."""
        if self._failure is None:
            self._failure = error
        self._changed.set()

    # Plumbing.

    async def _forward_events(self, meeting: LiveMeeting) -> None:
        while (event := await meeting.events.get()) is not None:
            self.events.put_nowait(event)

    async def _guard(self, work: Coroutine[Any, Any, None]) -> None:
        try:
            await work
        except MeetingAssistantError as error:
            self._fail(error)
        except Exception as error:
            # The subclass's logger: the log says which kind of session failed.
            logging.getLogger(type(self).__module__).exception("%s task failed", self._label)
            self._fail(
                MeetingServerError(f"the {self._noun} failed: {type(error).__name__}: {error}")
            )

    async def _stop_tasks(self) -> None:
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
