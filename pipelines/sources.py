"""Where frames come from: a file (decoded with PyAV) or a live participant (fed by the caller).

Both give the same frames: ``AudioChunk`` at 16 kHz mono and ``VideoFrame`` in meeting time, so
the stages after them never know which it was. Live input may come at any sample rate, with
any channel count and with gaps; it is resampled and made contiguous here, at the edge.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
import soxr

from models.errors import InputError, PipelineError

from .decode import ChannelMode, decode_audio
from .frames import SAMPLE_RATE, AudioChunk, Image, VideoFrame

__all__ = ["LiveAudioSource", "LiveVideoSource", "file_audio", "frame_statistics"]

FloatArray = npt.NDArray[np.float32]
_THUMB = (64, 36)
"""Thumbnail (px) whose grey levels give a frame's change, brightness and contrast."""


def file_audio(
    path: Path, participant_ids: Sequence[str], *, offset_s: float = 0.0, block_s: float = 10.0
) -> Iterator[AudioChunk]:
    """A file's audio as chunks of ``block_s``: one participant per channel when two ids are
    given (a call recorded one side per channel), otherwise one mixed-down track."""
    mode: ChannelMode = "split" if len(participant_ids) == 2 else "mixdown"
    position = 0
    for block in decode_audio(path, channels=mode, block_s=block_s):
        start_s = offset_s + position / SAMPLE_RATE
        for channel, participant_id in enumerate(participant_ids):
            yield AudioChunk(participant_id, start_s, block[channel])
        position += block.shape[1]


class LiveAudioSource:
    """One live participant's audio, pushed as it arrives, out as 16 kHz ``AudioChunk``s.

    ``push`` takes PCM at the source's rate: int16 or float samples, shape (samples,) or
    (samples, channels) (channels are averaged). A ``start_s`` later than where the audio so far
    ends is a gap (packets lost, a muted track that sends nothing): it is filled with silence so
    the timeline stays true; an earlier one (jitter) is ignored.
    """

    max_gap_s = 600.0
    """A longer gap is an error of the caller's clock, not a pause."""

    def __init__(self, participant_id: str, sample_rate: int) -> None:
        if sample_rate < 8_000 or sample_rate > 384_000:
            raise InputError(f"audio sample rate {sample_rate} Hz is not one we can read")
        self.participant_id = participant_id
        self.sample_rate = sample_rate
        self._resampler = (
            None
            if sample_rate == SAMPLE_RATE
            else soxr.ResampleStream(sample_rate, SAMPLE_RATE, 1, dtype="float32")
        )
        self._start_s: float | None = None
        self._produced = 0  # samples out, at 16 kHz
        self._received_s = 0.0  # audio in (s), at the source's rate: what gaps are measured on
        self._ended = False

    @property
    def end_s(self) -> float:
        """Meeting time where the audio pushed so far ends (s)."""
        return (self._start_s or 0.0) + self._produced / SAMPLE_RATE

    @property
    def ended(self) -> bool:
        """``end`` was called: the resampler is flushed for good."""
        return self._ended

    def push(self, pcm: npt.NDArray[np.generic], start_s: float | None = None) -> list[AudioChunk]:
        if self._ended:
            raise PipelineError(f"audio of {self.participant_id} arrived after its end")
        samples = _mono_float(pcm)
        if self._start_s is None:
            self._start_s = 0.0 if start_s is None else start_s
        elif start_s is not None and start_s - (self._start_s + self._received_s) > 0.02:
            gap = start_s - (self._start_s + self._received_s)
            if gap > self.max_gap_s:
                raise InputError(
                    f"audio of {self.participant_id} jumps {gap:.0f} s ahead; timestamps must be "
                    "seconds from the start of the meeting"
                )
            # Silence goes through the resampler too, so its delay line stays in order.
            samples = np.concatenate([np.zeros(round(gap * self.sample_rate), np.float32), samples])
        self._received_s += len(samples) / self.sample_rate
        if self._resampler is not None:
            samples = self._resampler.resample_chunk(samples)
        return [self._emit(samples)] if len(samples) else []

    def end(self) -> list[AudioChunk]:
        """The resampler's last samples (none on a second call)."""
        if self._ended:
            return []
        self._ended = True
        if self._resampler is None or self._start_s is None:
            return []
        tail = self._resampler.resample_chunk(np.zeros(0, np.float32), last=True)
        return [self._emit(tail)] if len(tail) else []

    def _emit(self, samples: FloatArray) -> AudioChunk:
        chunk = AudioChunk(self.participant_id, self.end_s, samples)
        self._produced += len(samples)
        return chunk


def _mono_float(pcm: npt.NDArray[np.generic]) -> FloatArray:
    array = np.asarray(pcm)
    if array.ndim not in (1, 2):
        raise InputError(f"audio must be (samples,) or (samples, channels), not {array.shape}")
    if array.dtype == np.int16:
        array = array.astype(np.float32) / 32768.0
    elif array.dtype == np.int32:
        array = (array.astype(np.float64) / 2_147_483_648.0).astype(np.float32)
    elif array.dtype.kind == "f":
        array = array.astype(np.float32)
    else:
        raise InputError(
            f"audio samples of type {array.dtype} cannot be read (int16, int32, float)"
        )
    if array.ndim == 2:
        array = array.mean(axis=1, dtype=np.float32)
    return np.clip(array, -1.0, 1.0).astype(np.float32, copy=False)


class LiveVideoSource:
    """One live participant's camera, pushed as frames arrive, out at about ``fps`` frames per
    second, scaled to at most ``max_width``, as ``VideoFrame``s (the file decoder's statistics)."""

    def __init__(self, participant_id: str, *, fps: float = 2.0, max_width: int = 640) -> None:
        self.participant_id = participant_id
        self._interval = 1.0 / fps
        self._max_width = max_width
        self._next_s: float | None = None
        self._previous: FloatArray | None = None

    def push(self, image: Image, start_s: float) -> VideoFrame | None:
        """An RGB frame (height, width, 3) at meeting time ``start_s``; None when it is not
        sampled (the live rate keeps the cost per participant fixed)."""
        if image.ndim != 3 or image.shape[2] != 3:
            raise InputError(f"video frames must be RGB (height, width, 3), not {image.shape}")
        if self._next_s is not None and start_s + 1e-6 < self._next_s:
            return None
        self._next_s = start_s + self._interval
        height, width = image.shape[:2]
        if width > self._max_width:
            import cv2  # only video needs OpenCV (its import is 30 ms of every audio file's run)

            scale = self._max_width / width
            size = (self._max_width, max(2, round(height * scale)))
            image = np.asarray(cv2.resize(image, size, interpolation=cv2.INTER_AREA), np.uint8)
        image = np.ascontiguousarray(image, dtype=np.uint8)
        change, brightness, contrast, self._previous = frame_statistics(image, self._previous)
        return VideoFrame(self.participant_id, start_s, image, change, brightness, contrast)


def frame_statistics(
    image: Image, previous: FloatArray | None
) -> tuple[float, float, float, FloatArray]:
    """(change against ``previous``, brightness, contrast, this frame's thumbnail): the figures
    every ``VideoFrame`` carries, from a 64x36 grey thumbnail."""
    import cv2

    grey = cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)
    thumb = cv2.resize(grey, _THUMB, interpolation=cv2.INTER_AREA).astype(np.float32)
    change = 0.0 if previous is None else float(np.mean(np.abs(thumb - previous)))
    return change, float(thumb.mean()), float(thumb.std()), thumb
