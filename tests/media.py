"""Write small real media files for tests with PyAV (encoders ship inside its wheel)."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import av
import numpy as np
import numpy.typing as npt

from pipelines.decode import decode_audio


def read_audio(path: Path, channels: str = "mixdown") -> npt.NDArray[np.float32]:
    """Whole file as (channels, samples) float32 at 16 kHz."""
    mode = "split" if channels == "split" else "mixdown"
    return np.concatenate(list(decode_audio(path, channels=mode)), axis=1)  # type: ignore[arg-type]


def write_audio(
    path: Path,
    samples: npt.NDArray[np.float32],
    rate: int,
    *,
    codec: str = "pcm_s16le",
    layout: str | None = None,
) -> Path:
    """Write (channels, n) float32 samples in [-1, 1] with the given codec and container."""
    if samples.ndim == 1:
        samples = samples[None, :]
    channels = samples.shape[0]
    layout = layout or {1: "mono", 2: "stereo", 6: "5.1"}[channels]
    with av.open(str(path), mode="w") as container:
        stream = container.add_stream(codec, rate=rate, layout=layout)
        codec_format = stream.codec_context.codec.audio_formats[0].name
        frame_size = stream.codec_context.frame_size or 1024
        converter = av.AudioResampler(
            format=codec_format, layout=layout, rate=rate, frame_size=frame_size
        )
        data = np.ascontiguousarray(np.clip(samples, -1, 1).astype(np.float32))
        frame = av.AudioFrame.from_ndarray(data, format="fltp", layout=layout)
        frame.sample_rate = rate
        frame.pts = 0
        frame.time_base = Fraction(1, rate)
        frames = [*converter.resample(frame), *converter.resample(None)] if data.size else []
        for converted in frames:
            for packet in stream.encode(converted):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return path


def write_silent_video(path: Path, seconds: float = 1.0) -> Path:
    """A small video with no audio track."""
    with av.open(str(path), mode="w") as container:
        stream = container.add_stream("mpeg4", rate=10)
        stream.width, stream.height, stream.pix_fmt = 64, 48, "yuv420p"
        for index in range(int(seconds * 10)):
            image = np.full((48, 64, 3), index * 20 % 255, dtype=np.uint8)
            frame = av.VideoFrame.from_ndarray(image, format="rgb24")
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return path
