"""aiortc's decoded frames turned into what ``LiveMeeting`` takes, at the edge: PCM with its
meeting time, and RGB arrays for only the video frames the live pipeline keeps.

Cheap by design (it runs on the event loop, once per received frame): decoding already happened
on aiortc's decoder thread, an audio frame is a reshape, and a video frame is converted only when
it is one of the ``video_fps`` frames a second the pipeline analyses.
"""

from __future__ import annotations

from collections.abc import Callable

import av
import numpy as np
import numpy.typing as npt

__all__ = ["FrameClock", "Handover", "VideoSampler", "audio_pcm"]


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
