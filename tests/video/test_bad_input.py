"""Bad or unusual video input: handled, or refused with a clear typed error."""

from __future__ import annotations

import itertools
from pathlib import Path

import av
import numpy as np
import pytest

from assistant.analytics.engagement import engagement_report, summarize_engagement
from bench.vision_clips import write_video
from pipelines.video.decode import UnusableVideoError, probe_video, sample_frames
from tests.media import write_audio


def _frames(n: int, height: int, width: int) -> list[np.ndarray]:
    rng = np.random.default_rng(0)
    return [rng.integers(0, 255, (height, width, 3), dtype=np.uint8) for _ in range(n)]


def test_tiny_frames_are_refused_with_a_clear_message(tmp_path: Path) -> None:
    path = write_video(tmp_path / "tiny.mkv", _frames(5, 2, 2), codec="ffv1")
    with pytest.raises(UnusableVideoError, match=r"2×2 px"):
        list(sample_frames(path, "p"))


def test_odd_sizes_are_converted(tmp_path: Path) -> None:
    path = write_video(tmp_path / "odd.mkv", _frames(10, 47, 33), codec="ffv1")
    frames = list(sample_frames(path, "p"))
    assert frames and frames[0].image.shape == (47, 33, 3)


def test_grayscale_video_becomes_rgb(tmp_path: Path) -> None:
    path = tmp_path / "grey.mkv"
    with av.open(str(path), "w") as container:
        stream = container.add_stream("ffv1", rate=10)
        assert isinstance(stream, av.VideoStream)
        stream.width, stream.height, stream.pix_fmt = 64, 48, "gray"
        for value in range(10):
            grey = np.full((48, 64), value * 20, dtype=np.uint8)
            for packet in stream.encode(av.VideoFrame.from_ndarray(grey, format="gray")):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    frames = list(sample_frames(path, "p"))
    assert frames[0].image.shape == (48, 64, 3)


def test_phone_rotation_is_applied(tmp_path: Path) -> None:
    image = np.zeros((48, 96, 3), dtype=np.uint8)
    image[:, :48] = 255  # left half white
    path = write_video(tmp_path / "phone.mp4", [image] * 5, rotation=90)
    info = probe_video(path)
    assert info is not None and info.rotation == 90
    upright = next(iter(sample_frames(path, "p"))).image
    assert upright.shape[:2] == (96, 48)
    # Turned a quarter counter-clockwise, the white left half ends up at the bottom.
    assert upright[80:, :].mean() > 200 and upright[:16, :].mean() < 50


def test_variable_frame_rate_is_sampled_by_time(tmp_path: Path) -> None:
    # 30 fps for 2 s, then 2 fps for 4 s.
    times = [i / 30 for i in range(60)] + [2 + i / 2 for i in range(8)]
    path = write_video(tmp_path / "vfr.mkv", _frames(len(times), 48, 64), times=times)
    stamps = [f.start_s for f in sample_frames(path, "p", fps=5)]
    early = [t for t in stamps if t < 2]
    assert 9 <= len(early) <= 11  # 5 per second where frames are dense
    assert all(b > a for a, b in itertools.pairwise(stamps))
    assert stamps[-1] >= 5.4


def test_a_corrupt_frame_in_the_middle_is_skipped(tmp_path: Path) -> None:
    path = write_video(
        tmp_path / "clip.mkv", _frames(40, 48, 64), codec="mjpeg", pix_fmt="yuvj420p"
    )
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 400] = bytes(400)
    damaged = tmp_path / "damaged.mkv"
    damaged.write_bytes(bytes(data))
    frames = list(sample_frames(damaged, "p"))
    assert frames and frames[-1].start_s > 3.0


def test_audio_without_video_gives_null_engagement(tmp_path: Path) -> None:
    tone = (0.2 * np.sin(np.arange(16_000) / 10)).astype(np.float32)
    path = write_audio(tmp_path / "call.wav", tone, 16_000)
    assert probe_video(path) is None
    assert engagement_report(summarize_engagement([], speaking=set())) is None
