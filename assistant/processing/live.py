"""Follow a meeting live: one ``ParticipantStream`` per person, captions as they are confirmed,
a rolling engagement figure per person, and at the end the same analysis as ``analyze``.

``LiveMeeting`` is the session the bot and the service drive (push PCM and RGB frames with
their timestamps); ``follow_media`` feeds it from a recording, at 1x (``realtime``) or as fast
as the machine goes, which is what ``meeting-assistant live`` runs.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TypeVar

import numpy as np
import numpy.typing as npt

from assistant.analytics.engagement import Engagement, speaking_seconds, summarize_engagement
from assistant.config import Settings
from assistant.inputs.media import MediaPlan, plan_media
from assistant.inputs.transcript_json import is_transcript_file
from assistant.processing.analyze import (
    Analysis,
    file_date,
    finish_analysis,
    title_from_path,
)
from assistant.processing.speech import (
    Span,
    SpeechModels,
    TrackVoices,
    diarize_track,
    main_language,
    track_voices,
    vad_options,
    voice_stages,
)
from assistant.transcript import (
    MeetingInfo,
    Participant,
    Segment,
    Transcript,
    speech_turns,
    turns_of,
)
from models.errors import InputError, PipelineError
from models.vision import VisionModels, VisionStream
from pipelines.frames import (
    AudioChunk,
    Caption,
    Frame,
    SecondFeatures,
    TranscribedSegment,
    VideoFrame,
    VoiceActivity,
)
from pipelines.live_transcribe import ActiveSpeakers, LiveOptions, LiveTranscriber
from pipelines.sources import LiveAudioSource, LiveVideoSource, file_audio
from pipelines.stage import Chain, Fanout
from pipelines.stream import ParticipantStream
from pipelines.video.decode import probe_video, sample_frames
from pipelines.video.observe import PersonObserver
from pipelines.video.seconds import SecondAggregator

__all__ = ["EngagementUpdate", "LiveEvent", "LiveMeeting", "LiveSignal", "follow_media"]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class EngagementUpdate:
    """A participant's rolling engagement, over the last ``window_s`` of their video."""

    participant_id: str
    start_s: float
    """Start of the window (s from meeting start)."""
    end_s: float
    score: float
    """0-100, as in the report (``assistant.analytics.engagement``)."""
    camera_on_share: float
    emitted_at: float

    def to_event(self) -> dict[str, object]:
        return {
            "type": "engagement",
            "participant": self.participant_id,
            "start": round(self.start_s, 3),
            "end": round(self.end_s, 3),
            "score": round(self.score, 1),
            "camera_on_share": round(self.camera_on_share, 4),
            "emitted_at": round(self.emitted_at, 3),
        }


LiveEvent = Caption | EngagementUpdate
LiveSignal = VoiceActivity | SecondFeatures
"""What live hints need besides captions: speech starting and stopping, each second of video."""


@dataclass(slots=True)
class _Person:
    participant: Participant
    stream: ParticipantStream
    """Speech: VAD and the live transcriber, alone in their thread so captions never wait."""
    audio: LiveAudioSource
    video: LiveVideoSource | None
    voices: TrackVoices | None
    vision: VisionStream | None
    voice_stream: ParticipantStream | None
    """Diarization's stages on a mixed track, in a thread of their own."""
    video_stream: ParticipantStream | None
    """Presence features from the camera, in a thread of their own."""
    segments: list[TranscribedSegment] = field(default_factory=list)
    timeline: list[SecondFeatures] = field(default_factory=list)
    speaking: list[tuple[float, float | None]] = field(default_factory=list)
    """Voice activity from the VAD: (start, end or None while speaking), s."""
    end_s: float = 0.0

    @property
    def audio_streams(self) -> list[ParticipantStream]:
        return [self.stream] + ([self.voice_stream] if self.voice_stream is not None else [])

    @property
    def streams(self) -> list[ParticipantStream]:
        return self.audio_streams + ([self.video_stream] if self.video_stream is not None else [])


class LiveMeeting:
    """A meeting followed live. Create it on the event loop that consumes ``events``; push
    frames from anywhere (pushing never blocks: the work runs in each person's executor)."""

    def __init__(
        self,
        models: SpeechModels,
        settings: Settings,
        *,
        vision: VisionModels | None = None,
        clock: Callable[[], float] | None = None,
        engagement_window_s: float = 60.0,
        engagement_every_s: int = 5,
        on_signal: Callable[[LiveSignal], None] | None = None,
    ) -> None:
        """``on_signal``: called on this loop with each person's voice activity changes and
        seconds of video (for live hints); they are not among ``events``."""
        self._models = models
        self._on_signal = on_signal
        self._settings = settings
        self._vision = vision
        started = time.monotonic()
        self.clock = clock or (lambda: time.monotonic() - started)
        self._loop = asyncio.get_running_loop()
        self.events: asyncio.Queue[LiveEvent | None] = asyncio.Queue()
        self._people: dict[str, _Person] = {}
        self._speakers = ActiveSpeakers()
        # The transcript's timed decodes, one at a time for the whole meeting, beside the
        # captions' partial decodes (which never wait for them).
        self._timing = ThreadPoolExecutor(1, thread_name_prefix="timed-decodes")
        self.voices: dict[str, npt.NDArray[np.float32]] = {}
        """Mean voice of each speaker found on a mixed track, once ``finish`` has run."""
        self._window_s = engagement_window_s
        self._every_s = engagement_every_s
        self._live_options = live_options(settings)

    @property
    def participant_ids(self) -> list[str]:
        return list(self._people)

    def add_participant(
        self,
        participant: Participant,
        *,
        sample_rate: int = 16_000,
        video: bool = False,
        mixed: bool = False,
    ) -> None:
        """A new person (or a mixed track, ``mixed``, split into speakers at the end)."""
        pid = participant.id
        if pid in self._people:
            raise InputError(f"participant {pid!r} has already joined")
        speech = Chain(
            [
                self._models.vad.stream(
                    pid,
                    replace(
                        vad_options(self._settings), min_silence_s=self._settings.live.min_silence_s
                    ),
                    activity=True,
                    forward_audio=True,
                ),
                LiveTranscriber(
                    pid,
                    self._models.recognizer,
                    self._live_options,
                    clock=self.clock,
                    speakers=self._speakers,
                    timing=self._timing,
                ),
            ]
        )
        # Three threads per person, not one: a decode must not wait behind the voice windows
        # of a mixed track or a camera frame's landmarks (each costs tens of ms per second of
        # media), and the captions are what someone is waiting for.
        take = partial(self._take, pid)
        voices = None
        voice_stream = None
        if mixed and self._settings.diarization.enabled and self._models.speaker_encoder:
            voices = track_voices(self._models)
            # Only the voice stages' frames: the caption VAD's speech regions (a stricter VAD,
            # on another thread) would interleave with theirs, and voiceprints cut their audio
            # from regions in time order.
            voice_stream = ParticipantStream(
                f"{pid}-voices",
                Fanout(voice_stages(pid, self._models, self._settings)),
                partial(_collect, voices),
            )
        vision_stream = None
        video_source = None
        video_stream = None
        if video and self._settings.video.enabled:
            if self._vision is None:
                raise InputError("video needs the vision models: pass vision= to LiveMeeting")
            vision_stream = self._vision.stream()
            video_stream = ParticipantStream(
                f"{pid}-video", Chain([PersonObserver(vision_stream), SecondAggregator(pid)]), take
            )
            video_source = LiveVideoSource(
                pid, fps=self._settings.live.video_fps, max_width=self._settings.video.max_width
            )
        self._people[pid] = _Person(
            participant,
            ParticipantStream(pid, speech, take),
            LiveAudioSource(pid, sample_rate),
            video_source,
            voices,
            vision_stream,
            voice_stream,
            video_stream,
        )

    def push_audio(
        self, participant_id: str, pcm: npt.NDArray[np.generic], start_s: float | None = None
    ) -> None:
        """PCM at the participant's sample rate; ``start_s``: its time from meeting start.
        Raises ``PipelineError`` once the participant's stream has ended (they left)."""
        person = self._person(participant_id)
        if person.audio.ended or person.stream.state != "open":
            # Checked here: the audio source's resampler has already been flushed for good
            # (``end_participant`` flushes it before its streams leave "open").
            raise PipelineError(f"participant {participant_id!r} has left the meeting")
        for chunk in person.audio.push(pcm, start_s):
            for stream in person.audio_streams:
                stream.push(chunk)
        person.end_s = max(person.end_s, person.audio.end_s)

    def push_audio_chunk(self, chunk: AudioChunk) -> None:
        """Audio already in our frame (16 kHz mono), from a file source."""
        person = self._person(chunk.participant_id)
        for stream in person.audio_streams:
            stream.push(chunk)
        person.end_s = max(person.end_s, chunk.end_s)

    def push_video(self, participant_id: str, image: npt.NDArray[np.uint8], start_s: float) -> None:
        """An RGB frame (height, width, 3); sampled down to the live rate here."""
        person = self._person(participant_id)
        if person.video is None:
            return
        frame = person.video.push(image, start_s)
        if frame is not None and person.video_stream is not None:
            person.video_stream.push(frame)

    def push_video_frame(self, frame: VideoFrame) -> None:
        person = self._person(frame.participant_id)
        if person.video_stream is not None:
            person.video_stream.push(frame)

    def has_video(self, participant_id: str) -> bool:
        return self._person(participant_id).video is not None

    def backlog(self, participant_id: str) -> int:
        return max(stream.backlog for stream in self._person(participant_id).streams)

    def engagement(self, participant_id: str) -> Engagement | None:
        """The rolling engagement of one person: their last ``engagement_window_s`` of video,
        with speaking taken from their own VAD. None without video."""
        person = self._person(participant_id)
        timeline = list(person.timeline)
        if not timeline:
            return None
        first = timeline[-1].second - self._window_s + 1
        recent = [second for second in timeline if second.second >= first]
        return summarize_engagement(recent, _speaking_set(person.speaking, recent[-1].second + 1))

    async def end_participant(self, participant_id: str) -> None:
        """The person left (or their recording ended): finish their stream; others go on."""
        await self.end_participants([participant_id])

    async def end_participants(self, participant_ids: Sequence[str]) -> None:
        """These people left together (the meeting ended): everyone's last words are
        captioned first, then everyone's streams end (the timed decodes for the transcript),
        so no one's last caption waits for those of the others, nor for their own."""
        people = [self._person(pid) for pid in participant_ids]
        for person in people:
            if person.stream.state == "open" and not person.audio.ended:
                for chunk in person.audio.end():
                    for stream in person.audio_streams:
                        stream.push(chunk)
        # Streams another call is already ending are awaited too, not closed under it.
        streams = [
            stream
            for person in people
            for stream in person.streams
            if stream.state in ("open", "ending")
        ]
        # A stream that failed raises from its end_input below; the others still end.
        await asyncio.gather(*(stream.close_input() for stream in streams), return_exceptions=True)
        await asyncio.gather(*(stream.end_input() for stream in streams))

    async def finish(self) -> Transcript:
        """End every stream (together, see ``end_participants``) and return the live
        transcript, speakers split on mixed tracks."""
        try:
            await self.end_participants(list(self._people))
        finally:
            await self.aclose()
        participants: list[Participant] = []
        segments: list[TranscribedSegment] = []
        speech: list[Span] = []
        for person in self._people.values():
            own = sorted(person.segments, key=lambda s: s.start)
            found = [person.participant]
            # Who spoke when: the person's own voice activity (until the end of their audio
            # when still speaking), or on a mixed track the speakers' turns.
            heard: list[Span] = [
                (person.participant.id, start, person.end_s if end is None else end)
                for start, end in person.speaking
            ]
            diarized = None
            if person.voices is not None and person.voices.windows:
                diarized = diarize_track(
                    own, person.voices, self._models, self._settings, len(participants)
                )
            if diarized is not None:
                own, found, heard = diarized.segments, diarized.participants, diarized.speech
                self.voices.update(diarized.voices)
            participants.extend(found)
            segments.extend(own)
            speech.extend(heard)
        segments.sort(key=lambda s: (s.start, s.participant_id))
        return Transcript(
            meeting=MeetingInfo(
                title="Live meeting",
                date=dt.date.today(),
                duration_s=round(max((p.end_s for p in self._people.values()), default=0.0), 3),
                language=main_language(segments),
            ),
            participants=tuple(participants),
            segments=tuple(
                Segment(s.participant_id, s.start, s.end, s.text, s.language, s.words)
                for s in segments
            ),
            turns=speech_turns(speech),
        )

    def video_engagement(self, transcript: Transcript) -> dict[str, Engagement | None]:
        """Each person's engagement over the whole meeting (None: no video of them)."""
        result: dict[str, Engagement | None] = {}
        for pid, person in self._people.items():
            if person.timeline:
                seconds = speaking_seconds(turns_of(transcript), pid)
                result[pid] = summarize_engagement(person.timeline, seconds)
        return result

    async def aclose(self) -> None:
        for person in self._people.values():
            for stream in person.streams:
                await stream.aclose()
            if person.vision is not None:
                person.vision.close()
                person.vision = None
        await asyncio.to_thread(self._timing.shutdown, wait=True, cancel_futures=True)
        self._loop.call_soon_threadsafe(self.events.put_nowait, None)

    def _person(self, participant_id: str) -> _Person:
        try:
            return self._people[participant_id]
        except KeyError:
            raise InputError(f"no participant {participant_id!r} in this meeting") from None

    def _take(self, participant_id: str, frames: list[Frame]) -> None:
        """Runs on the participant's own thread: keep what the end needs, publish the events."""
        person = self._people[participant_id]
        for frame in frames:
            if isinstance(frame, Caption):
                self._publish(frame)
            elif isinstance(frame, TranscribedSegment):
                person.segments.append(frame)
            elif isinstance(frame, VoiceActivity):
                if frame.speaking:
                    person.speaking.append((frame.start_s, None))
                elif person.speaking and person.speaking[-1][1] is None:
                    person.speaking[-1] = (person.speaking[-1][0], frame.start_s)
                self._signal(frame)
            elif isinstance(frame, SecondFeatures):
                person.timeline.append(frame)
                person.end_s = max(person.end_s, frame.second + 1.0)
                if (frame.second + 1) % self._every_s == 0:
                    self._publish_engagement(participant_id)
                self._signal(frame)

    def _publish_engagement(self, participant_id: str) -> None:
        figures = self.engagement(participant_id)
        person = self._people[participant_id]
        if figures is None or not person.timeline:
            return
        end = person.timeline[-1].second + 1.0
        update = EngagementUpdate(
            participant_id,
            max(float(person.timeline[0].second), end - self._window_s),
            end,
            figures.score,
            figures.camera_on_share,
            self.clock(),
        )
        self._publish(update)

    def _signal(self, signal: LiveSignal) -> None:
        if self._on_signal is not None:
            self._loop.call_soon_threadsafe(self._on_signal, signal)

    def _publish(self, event: LiveEvent) -> None:
        self._loop.call_soon_threadsafe(self.events.put_nowait, event)


def _collect(voices: TrackVoices, frames: list[Frame]) -> None:
    """Runs on a mixed track's voice thread: what its diarization needs at the end."""
    for frame in frames:
        voices.collect(frame)


def _speaking_set(spans: list[tuple[float, float | None]], now_s: float) -> set[int]:
    seconds: set[int] = set()
    for start, end in list(spans):
        stop = now_s if end is None else end
        seconds.update(range(int(start), int(np.ceil(stop))))
    return seconds


def live_options(settings: Settings) -> LiveOptions:
    """The live transcriber's options from the settings."""
    live = settings.live
    return LiveOptions(
        step_s=live.step_s,
        partial_window_s=live.partial_window_s,
        trim_s=live.trim_s,
        confirm_margin_s=live.confirm_margin_s,
        unsure_probability=live.unsure_probability,
        unsure_margin_s=live.unsure_margin_s,
        end_window_s=live.end_window_s,
        context_chars=live.context_chars,
        max_buffer_s=live.max_buffer_s,
        behind_s=live.behind_s,
        sure_probability=live.sure_probability,
        sure_margin_s=live.sure_margin_s,
        settle_s=live.settle_s,
        settle_probability=live.settle_probability,
        reread_margin_s=live.reread_margin_s,
        final_beam_size=settings.asr.beam_size,
        language=settings.asr.language,
    )


async def follow_media(
    path: Path,
    settings: Settings,
    models: SpeechModels,
    *,
    realtime: bool = False,
    on_event: Callable[[LiveEvent], Awaitable[None] | None] | None = None,
    title: str | None = None,
    date: dt.date | None = None,
    participants: list[str] | None = None,
    internal: Sequence[str] = (),
) -> Analysis:
    """Feed a recording (a file or a per-person folder) to a ``LiveMeeting`` as a live meeting
    would arrive, and analyse what it heard. A per-person folder feeds everyone at once;
    ``internal`` names our side (see `assistant.analytics.sides`)."""
    plan, recorded, with_video = await asyncio.to_thread(_plan_live, path, settings)
    vision = await asyncio.to_thread(VisionModels.load) if any(with_video) else None
    origin = time.monotonic()
    meeting = LiveMeeting(models, settings, vision=vision, clock=lambda: time.monotonic() - origin)
    for source, video in zip(plan.sources, with_video, strict=True):
        own = [p for p in plan.participants if p.id in source.participant_ids]
        for participant in own:
            meeting.add_participant(participant, video=video, mixed=source.mixed)

    async def pace(start_s: float) -> None:
        if realtime:
            await asyncio.sleep(max(0.0, origin + start_s - time.monotonic()))

    async def feed_audio(plan_index: int) -> None:
        source = plan.sources[plan_index]
        chunks = file_audio(
            source.path, source.participant_ids, offset_s=source.offset_s, block_s=0.1
        )
        async for chunk in _in_thread(chunks):
            await pace(chunk.end_s)
            meeting.push_audio_chunk(chunk)
            # At full speed, keep memory bounded: the backlog drains on the stream's thread.
            while not realtime and meeting.backlog(chunk.participant_id) > 50:  # noqa: ASYNC110
                await asyncio.sleep(0.005)
        # One track's people (a call's two channels) end together: neither's last words wait
        # for the other's timed decodes.
        await meeting.end_participants(source.participant_ids)

    async def feed_video(plan_index: int) -> None:
        source = plan.sources[plan_index]
        pid = source.participant_ids[0]
        frames = sample_frames(
            source.path,
            pid,
            fps=settings.live.video_fps,
            offset_s=source.offset_s,
            max_width=settings.video.max_width,
        )
        async for frame in _in_thread(frames):
            await pace(frame.start_s)
            try:
                meeting.push_video_frame(frame)
            except PipelineError:
                return  # the audio ended first; the person has left

    async def publish() -> None:
        while (event := await meeting.events.get()) is not None:
            if on_event is not None:
                result = on_event(event)
                if result is not None:
                    await result

    publisher = asyncio.create_task(publish(), name="live-events")
    feeders = [
        asyncio.create_task(feed_audio(index), name=f"audio-{index}")
        for index in range(len(plan.sources))
    ]
    feeders += [
        asyncio.create_task(feed_video(index), name=f"video-{index}")
        for index, source in enumerate(plan.sources)
        if meeting.has_video(source.participant_ids[0])
    ]
    try:
        await asyncio.gather(*feeders)
        transcript = await meeting.finish()
        await publisher
    finally:
        for task in [*feeders, publisher]:
            task.cancel()
        await meeting.aclose()
    transcript = replace(
        transcript,
        meeting=replace(
            transcript.meeting, title=title or title_from_path(path), date=date or recorded
        ),
    )
    return await asyncio.to_thread(
        finish_analysis,
        transcript,
        settings,
        names=participants or [],
        voices=meeting.voices,
        engagement=meeting.video_engagement,
        internal=internal,
    )


def _plan_live(path: Path, settings: Settings) -> tuple[MediaPlan, dt.date, list[bool]]:
    """The media plan, the recording's date, and per source whether its video is followed
    (one person's camera; a gallery view is analysed after the meeting only by ``analyze``)."""
    if not path.exists():
        raise InputError("file not found", path)
    if is_transcript_file(path):
        raise InputError(
            "a transcript has no audio to follow live; use 'meeting-assistant analyze' for it",
            path,
        )
    plan = plan_media(path, settings.audio)
    with_video = [
        settings.video.enabled
        and source.info.has_video
        and len(source.participant_ids) == 1
        and probe_video(source.path) is not None
        for source in plan.sources
    ]
    return plan, file_date(path), with_video


async def _in_thread(items: Iterator[T]) -> AsyncIterator[T]:
    """Consume a blocking iterator (decoding) off the event loop, one item at a time."""
    sentinel = object()
    while True:
        item = await asyncio.to_thread(next, items, sentinel)
        if item is sentinel:
            return
        yield item  # type: ignore[misc]
