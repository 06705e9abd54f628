"""Decode a video track with PyAV into upright RGB frames sampled at about 5 per second.

Streaming: frames are decoded one by one and only the sampled ones are converted, so memory does
not grow with the length of the file. Sampling follows presentation times, not frame counts, so
variable-frame-rate recordings (screen recorders, phones) are sampled evenly. Rotation metadata
(portrait phone video) is applied. A damaged packet in the middle is skipped, like FFmpeg does.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import av
import numpy as np
import numpy.typing as npt

from models.errors import CorruptMediaError, InputError
from pipelines.frames import Image, VideoFrame
from pipelines.sources import frame_statistics

__all__ = ["UnusableVideoError", "VideoInfo", "probe_video", "sample_frames"]

MIN_SIDE = 32
"""Smallest width or height (px) in which a face can still be made out."""


class UnusableVideoError(InputError):
    """The video track exists but cannot be analysed (too small, undecodable)."""


@dataclass(frozen=True, slots=True)
class VideoInfo:
    path: Path
    width: int
    """Coded width (px), before rotation."""
    height: int
    rotation: int
    """Counter-clockwise degrees the picture must be turned to be upright (0, 90, 180, 270)."""
    fps: float | None
    """Average frame rate the container declares."""
    duration_s: float | None


def _video_stream(container: av.container.InputContainer) -> av.VideoStream | None:
    for stream in container.streams.video:
        # Cover art in an audio file is a one-picture "video" stream; it is not a camera.
        if not stream.disposition & av.stream.Disposition.attached_pic:
            return stream
    return None


def probe_video(path: Path) -> VideoInfo | None:
    """The file's video track, or None when it has none (audio only)."""
    try:
        container = av.open(str(path), mode="r", metadata_errors="ignore")
    except av.error.FFmpegError as error:
        raise CorruptMediaError(f"not a readable video file ({error})", path) from error
    with container:
        stream = _video_stream(container)
        if stream is None:
            return None
        rotation = 0
        for frame in _decoded(container, stream, path):
            rotation = round(frame.rotation or 0) % 360
            break
        duration = None
        if stream.duration is not None and stream.time_base is not None:
            duration = float(stream.duration * stream.time_base)
        elif container.duration:
            duration = container.duration / av.time_base
        rate = stream.average_rate or stream.guessed_rate
        return VideoInfo(
            path=path,
            width=stream.codec_context.width,
            height=stream.codec_context.height,
            rotation=rotation,
            fps=float(rate) if rate else None,
            duration_s=duration,
        )


def sample_frames(
    path: Path,
    participant_id: str,
    *,
    fps: float = 5.0,
    offset_s: float = 0.0,
    max_width: int = 640,
    limit_s: float | None = None,
) -> Iterator[VideoFrame]:
    """Yield about ``fps`` upright RGB frames per second of video, at most ``max_width`` wide.

    Times are shifted by ``offset_s`` into meeting time. Frames smaller than ``MIN_SIDE`` pixels
    are refused with ``UnusableVideoError``; grayscale and odd sizes are converted.
    """
    interval = 1.0 / fps
    next_t = -1.0
    previous: npt.NDArray[np.float32] | None = None
    with av.open(str(path), mode="r", metadata_errors="ignore") as container:
        stream = _video_stream(container)
        if stream is None:
            raise UnusableVideoError("has no video track", path)
        stream.codec_context.thread_type = "AUTO"
        fallback_rate = float(stream.average_rate or stream.guessed_rate or 25)
        for index, frame in enumerate(_decoded(container, stream, path)):
            t = frame.time if frame.time is not None else index / fallback_rate
            if limit_s is not None and t > limit_s:
                return
            if t + 1e-6 < next_t:
                continue
            next_t = max(next_t + interval, t + interval / 2) if next_t >= 0 else t + interval
            image = _upright_rgb(frame, max_width, path)
            change, brightness, contrast, previous = frame_statistics(image, previous)
            yield VideoFrame(participant_id, offset_s + t, image, change, brightness, contrast)


def _decoded(
    container: av.container.InputContainer, stream: av.VideoStream, path: Path
) -> Iterator[av.VideoFrame]:
    good = bad = 0
    for packet in container.demux(stream):
        try:
            frames = packet.decode()
        except av.error.InvalidDataError:
            bad += 1
            if bad > 25 and bad > good:
                raise CorruptMediaError(
                    f"video cannot be decoded ({bad} damaged packets, {good} good)", path
                ) from None
            continue
        for frame in frames:
            good += 1
            yield frame


def _upright_rgb(frame: av.VideoFrame, max_width: int, path: Path) -> Image:
    if min(frame.width, frame.height) < MIN_SIDE:
        raise UnusableVideoError(
            f"video frames are {frame.width}×{frame.height} px; at least {MIN_SIDE}×{MIN_SIDE} "
            "are needed to see a face",
            path,
        )
    rotation = round(frame.rotation or 0) % 360
    # Width after rotation is the coded height for quarter turns.
    upright_width = frame.height if rotation in (90, 270) else frame.width
    scale = min(1.0, max_width / upright_width)
    width = max(2, round(frame.width * scale))
    height = max(2, round(frame.height * scale))
    image = np.asarray(
        frame.reformat(width=width, height=height, format="rgb24").to_ndarray(), dtype=np.uint8
    )
    if rotation:
        image = np.rot90(image, k=rotation // 90)
    return np.ascontiguousarray(image, dtype=np.uint8)
