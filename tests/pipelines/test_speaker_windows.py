"""The voice-window stage batches windows across regions: the same windows come out, in the
same order, each region after its own windows, in fewer encoder calls."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from models.speaker import SpeakerEncoder
from pipelines.frames import SAMPLE_RATE, Frame, SpeechRegion
from pipelines.speaker_windows import SpeakerWindow, SpeakerWindowStream
from pipelines.stage import run_stage

FloatArray = np.ndarray


class _Encoder:
    """The real mel frames; an embedding that is a fixed function of its window's frames."""

    def __init__(self) -> None:
        self.calls: list[int] = []

    mel = staticmethod(SpeakerEncoder.mel)

    def embed(self, windows: Sequence[FloatArray]) -> FloatArray:
        self.calls.append(len(windows))
        out = np.zeros((len(windows), 256), np.float32)
        for row, window in zip(out, windows, strict=True):
            row[:40] = window.mean(axis=0)
        return out


def _regions() -> list[SpeechRegion]:
    generator = np.random.default_rng(7)
    # Short and long regions: a 0.2 s blip (no window), 1 s (one window, frames repeated),
    # and several seconds (windows every 0.25 s).
    lengths_s = [0.2, 1.0, 3.0, 0.5, 6.0, 1.7, 2.2]
    regions, start = [], 0.0
    for length in lengths_s:
        samples = generator.normal(0, 0.1, round(length * SAMPLE_RATE)).astype(np.float32)
        regions.append(SpeechRegion("room", start, samples))
        start += length + 1.0
    return regions


def _summary(frames: list[Frame]) -> list[tuple[str, float, float, bytes]]:
    return [
        ("window", f.start_s, f.end_s, f.embedding.tobytes())
        if isinstance(f, SpeakerWindow)
        else ("region", f.start_s, f.end_s, b"")
        for f in frames
        if isinstance(f, SpeakerWindow | SpeechRegion)
    ]


def test_windows_batched_across_regions_are_those_of_each_region_alone() -> None:
    one, batched = _Encoder(), _Encoder()
    alone = run_stage(SpeakerWindowStream(one, "room", batch=1), _regions())  # type: ignore[arg-type]
    together = run_stage(SpeakerWindowStream(batched, "room", batch=32), _regions())  # type: ignore[arg-type]
    assert _summary(together) == _summary(alone)
    assert sum(isinstance(f, SpeakerWindow) for f in alone) == sum(one.calls) > 30
    assert len(batched.calls) < len(one.calls)
    # Each region follows its own windows, as before.
    kinds = [kind for kind, *_ in _summary(alone)]
    assert kinds[0] == "region"  # the 0.2 s blip has no window
    assert kinds[1:3] == ["window", "region"]


def test_regions_wait_for_a_batch_until_a_flush() -> None:
    encoder = _Encoder()
    stream = SpeakerWindowStream(encoder, "room", batch=1000)  # type: ignore[arg-type]
    regions = _regions()
    assert all(stream.push(region) == [] for region in regions)
    assert encoder.calls == []
    out = stream.flush()
    assert encoder.calls == [sum(isinstance(f, SpeakerWindow) for f in out)]
    assert [f for f in out if isinstance(f, SpeechRegion)] == regions
