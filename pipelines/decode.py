"""Decode any common container/codec with PyAV into 16 kHz float32 blocks, streaming.

Only one block of resampled audio is alive at a time, so a 2-hour file costs no more memory
than a 2-minute one.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import av
import numpy as np
import numpy.typing as npt

from models.errors import CorruptMediaError, InputError, NoAudioError

from .frames import SAMPLE_RATE

__all__ = ["ChannelMode", "MediaInfo", "TruncatedMediaError", "decode_audio", "probe"]

FloatArray = npt.NDArray[np.float32]
ChannelMode = Literal["mixdown", "split"]


@dataclass(frozen=True, slots=True)
class MediaInfo:
    path: Path
    duration_s: float | None
    """Declared by the container; None when it does not say."""
    channels: int
    sample_rate: int
    """Of the source audio (Hz)."""
    codec: str
    has_video: bool
    start_time_s: float
    """Container start time (s); aligns per-person tracks recorded together."""


class TruncatedMediaError(CorruptMediaError):
    """The file ends before its own header says it should."""


_TRUNCATION_SLACK_S = 1.0
"""Data may stop this much (s) short of the declared end: declared durations are rounded and a
last packet's duration is not always known, and losing less is not worth refusing a file for."""


def _truncation(container: av.container.InputContainer) -> str | None:
    """Why the file looks cut short (an interrupted download or copy), or None.

    Reads the packets of the last second the header declares instead of listening for FFmpeg's
    warnings: those reach Python only after ``av.logging.set_level``, which swaps FFmpeg's log
    callback for the whole process (and would race with other threads decoding);
    ``av.logging.Capture(local=True)`` only sorts what that callback forwards, by thread.
    """
    if container.duration is None or container.duration <= 0:
        return None  # nothing declared to compare with
    start = (container.start_time or 0) / av.time_base
    declared = container.duration / av.time_base
    reached: float | None = None
    try:
        container.seek(int(max(start, start + declared - 1.0) * av.time_base), backward=True)
        for packet in container.demux():
            if packet.is_corrupt:  # cut mid-packet, e.g. a WAV whose header FFmpeg ignored
                return "a packet near its end is incomplete"
            if packet.pts is not None:
                end = float((packet.pts + (packet.duration or 0)) * packet.time_base)
                reached = end if reached is None else max(reached, end)
    except av.error.FFmpegError:  # the seek or the read fails where the data is missing
        return f"the end of the {declared:.1f} s it declares cannot be read"
    if reached is None:
        return f"no data in the last second of the {declared:.1f} s it declares"
    if start + declared - reached > _TRUNCATION_SLACK_S:
        return f"its data stops at {reached - start:.1f} s of the {declared:.1f} s it declares"
    return None


def _open(path: Path) -> av.container.InputContainer:
    if not path.exists():
        raise InputError("file not found", path)
    if path.is_dir():
        raise InputError("is a folder, expected a media file", path)
    if path.stat().st_size == 0:
        raise NoAudioError("file is empty (0 bytes)", path)
    try:
        return av.open(str(path), mode="r", metadata_errors="ignore")
    except av.error.FFmpegError as error:
        raise CorruptMediaError(
            f"not a readable audio or video file ({_reason(error)})", path
        ) from error


def _reason(error: av.error.FFmpegError) -> str:
    return str(getattr(error, "strerror", None) or error).rstrip(".")


def probe(path: Path, *, allow_truncated: bool = False) -> MediaInfo:
    """Read what the container declares, without decoding.

    A file whose data stops before its declared end is refused unless ``allow_truncated``:
    analysing it would silently drop the end of the meeting.
    """
    with _open(path) as container:
        reason = None if allow_truncated else _truncation(container)
        if reason:
            raise TruncatedMediaError(
                f"file is truncated or damaged ({reason}); "
                "re-export it, or pass --allow-truncated to analyse the readable part",
                path,
            )
        if not container.streams.audio:
            kind = "video has no audio track" if container.streams.video else "no audio track"
            raise NoAudioError(kind, path)
        stream = container.streams.audio[0]
        duration = None
        if container.duration is not None and container.duration > 0:
            duration = container.duration / av.time_base
        elif stream.duration is not None and stream.time_base is not None:
            duration = float(stream.duration * stream.time_base)
        start = container.start_time / av.time_base if container.start_time else 0.0
        return MediaInfo(
            path=path,
            duration_s=duration,
            channels=stream.codec_context.channels or 1,
            sample_rate=stream.codec_context.sample_rate or 0,
            codec=stream.codec_context.name,
            has_video=bool(container.streams.video),
            start_time_s=max(0.0, start),
        )


def decode_audio(
    path: Path,
    *,
    channels: ChannelMode = "mixdown",
    block_s: float = 10.0,
    limit_s: float | None = None,
) -> Iterator[FloatArray]:
    """Yield blocks of shape (channels, samples) at 16 kHz, float32.

    ``mixdown`` gives one channel (a surround mix is downmixed, not split into people);
    ``split`` keeps the first two channels apart (a call recorded one person per channel).
    ``limit_s`` stops early, for a quick look at the start of a file.
    """
    layout = "mono" if channels == "mixdown" else "stereo"
    block = int(block_s * SAMPLE_RATE)
    limit = None if limit_s is None else int(limit_s * SAMPLE_RATE)
    produced = 0
    pending: list[FloatArray] = []
    pending_len = 0
    with _open(path) as container:
        if not container.streams.audio:
            raise NoAudioError("no audio track", path)
        stream = container.streams.audio[0]
        stream.codec_context.thread_type = "AUTO"
        resampler = av.AudioResampler(format="fltp", layout=layout, rate=SAMPLE_RATE)
        try:
            for frame in _frames(container, stream):
                for resampled in resampler.resample(frame):
                    pending.append(np.asarray(resampled.to_ndarray(), dtype=np.float32))
                    pending_len += resampled.samples
                while pending_len >= block:
                    out, pending, pending_len = _take(pending, block)
                    yield out
                    produced += block
                    if limit is not None and produced >= limit:
                        return
            for resampled in resampler.resample(None):
                pending.append(np.asarray(resampled.to_ndarray(), dtype=np.float32))
                pending_len += resampled.samples
        except av.error.FFmpegError as error:
            raise CorruptMediaError(
                f"audio cannot be decoded after {produced / SAMPLE_RATE:.1f} s ({_reason(error)})",
                path,
            ) from error
    while pending_len > 0:
        out, pending, pending_len = _take(pending, min(block, pending_len))
        yield out


def _frames(
    container: av.container.InputContainer, stream: av.AudioStream
) -> Iterator[av.AudioFrame]:
    for packet in container.demux(stream):
        try:
            yield from packet.decode()
        except av.error.InvalidDataError:
            # One damaged packet in a long recording is skipped (FFmpeg does the same);
            # a file that is damaged throughout ends as "no audio" further up.
            continue


def _take(pending: list[FloatArray], count: int) -> tuple[FloatArray, list[FloatArray], int]:
    joined = np.concatenate(pending, axis=1).astype(np.float32, copy=False)
    head, tail = joined[:, :count], joined[:, count:]
    rest = [tail] if tail.shape[1] else []
    return np.ascontiguousarray(head), rest, tail.shape[1]
