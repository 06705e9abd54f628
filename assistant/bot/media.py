"""aiortc's decoded frames turned into what ``LiveMeeting`` takes, at the edge: PCM with its
meeting time, and RGB arrays for only the video frames the live pipeline keeps.

Cheap by design (it runs on the event loop, once per received frame): decoding already happened
on aiortc's decoder thread, an audio frame is a reshape, and a video frame is converted only when
it is one of the ``video_fps`` frames a second the pipeline analyses.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import av
import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from assistant.processing.live import LiveMeeting

__all__ = ["FrameClock", "Handover", "TrackFeed", "VideoSampler", "audio_pcm"]


class FrameClock:
    """A track's frame times in meeting seconds. The first frame is placed at its arrival on
    ``clock``; later ones by their pts, so a gap in the stream (lost packets, a muted microphone
    that sends nothing) stays a gap instead of being closed up.

    A pts that puts a frame in the future, or before the previous one, is a jump in the
    sender's timeline, not time passing: the clock then starts again from the frame's arrival.
    Janus makes such a jump when it hands an m-line that a leaver freed to a later joiner (the
    new source's first packets carry on the old one's timestamps, then jump by seconds).
    """

    max_ahead_s = 0.5
    """A frame timed this far past its arrival (s) is a jump: it cannot have come early."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._origin_s: float | None = None
        self._origin_pts = 0
        self._last_s = float("-inf")

    def start_s(self, frame: av.AudioFrame | av.VideoFrame) -> float:
        pts, now = frame.pts, self._clock()
        if pts is None or frame.time_base is None:
            return now
        start = (
            None
            if self._origin_s is None
            else self._origin_s + float((pts - self._origin_pts) * frame.time_base)
        )
        if start is None or start > now + self.max_ahead_s or start < self._last_s:
            self._origin_s, self._origin_pts = now, pts
            start = now
        self._last_s = start
        return start


class Handover:
    """Tells a reused m-line's leftovers from its new owner's frames.

    When Janus hands an m-line that a leaver freed to a later joiner, aiortc's jitter buffer
    still holds the leaver's last packets and releases them only once the newcomer's arrive:
    they come first, continuing the leaver's timestamps (Janus moves the newcomer's on by the
    time in between). Those are dropped, up to ``max_s``, so a newcomer whose timestamps do
    continue seamlessly loses no more than that.
    """

    def __init__(self, *, continuity_s: float = 0.1, max_s: float = 0.5) -> None:
        self._continuity_s = continuity_s
        self._max_s = max_s
        self._last_pts: int | None = None
        self._dropped_s = 0.0

    def seen(self, frame: av.AudioFrame | av.VideoFrame) -> None:
        """A frame taken (or one nobody owns): the timeline leftovers would continue."""
        self._last_pts, self._dropped_s = frame.pts, 0.0

    def leftover(self, frame: av.AudioFrame | av.VideoFrame) -> bool:
        """For the first frames after the owner changed: True for the previous owner's."""
        if self._last_pts is None or frame.pts is None or frame.time_base is None:
            return False
        step_s = float((frame.pts - self._last_pts) * frame.time_base)
        if 0 < step_s <= self._continuity_s and self._dropped_s + step_s <= self._max_s:
            self._last_pts = frame.pts
            self._dropped_s += step_s
            return True
        return False


def audio_pcm(frame: av.AudioFrame) -> npt.NDArray[np.generic]:
    """The frame's samples as (samples, channels), in its own format (aiortc gives packed s16)."""
    array = frame.to_ndarray()
    channels = len(frame.layout.channels)
    if frame.format.is_planar:
        return np.ascontiguousarray(array.T)
    return array.reshape(-1, channels)


class VideoSampler:
    """Picks the frames ``LiveMeeting`` keeps (at most ``fps`` a second) and converts only those
    to RGB, scaled to at most ``max_width``.

    Follows ``pipelines.sources.LiveVideoSource``'s rule (a frame is kept once ``1 / fps`` has
    passed since the last kept one), so every frame handed on is one it keeps.
    """

    def __init__(self, fps: float, max_width: int) -> None:
        self._interval_s = 1.0 / fps
        self._max_width = max_width
        self._next_s: float | None = None

    def take(self, frame: av.VideoFrame, start_s: float) -> npt.NDArray[np.uint8] | None:
        if self._next_s is not None and start_s + 1e-6 < self._next_s:
            return None
        self._next_s = start_s + self._interval_s
        width, height = frame.width, frame.height
        if width > self._max_width:
            # Scaled while converting (one pass in libswscale), even sizes for the chroma planes.
            height = max(2, round(height * self._max_width / width) // 2 * 2)
            width = self._max_width
        return np.asarray(frame.to_ndarray(format="rgb24", width=width, height=height), np.uint8)


class TrackFeed:
    """One person's frames from one received track into the live meeting: timed by a
    ``FrameClock`` of their own, audio resampled to the rate they were added with (for a codec
    that decodes to another), video sampled down to the frames the pipeline keeps."""

    def __init__(
        self,
        participant_id: str,
        audio_rate: int,
        clock: Callable[[], float],
        *,
        video_fps: float,
        max_width: int,
    ) -> None:
        self.participant_id = participant_id
        self._audio_rate = audio_rate
        """Sample rate (Hz) the meeting takes their audio at."""
        self._clock = FrameClock(clock)
        self._sampler = VideoSampler(video_fps, max_width)
        self._resampler: av.AudioResampler | None = None

    def push(self, meeting: LiveMeeting, frame: av.AudioFrame | av.VideoFrame) -> None:
        """Hand the frame on (a video frame only when their video is followed). Raises
        ``PipelineError`` when their stream has ended."""
        pid = self.participant_id
        if isinstance(frame, av.AudioFrame):
            start_s = self._clock.start_s(frame)
            frames = [frame]
            if frame.sample_rate != self._audio_rate:
                self._resampler = self._resampler or av.AudioResampler(
                    format="s16", layout="mono", rate=self._audio_rate
                )
                frames = self._resampler.resample(frame)
            for piece in frames:
                meeting.push_audio(pid, audio_pcm(piece), start_s)
        elif meeting.has_video(pid):
            start_s = self._clock.start_s(frame)
            image = self._sampler.take(frame, start_s)
            if image is not None:
                meeting.push_video(pid, image, start_s)
