"""Peak memory of the per-person video path on a long recording, in a child process.

    python -m bench.vision_memory [--minutes 180] [--width 640]

The recording is synthetic but shows a real photograph: a portrait (scikit-image's astronaut)
moving for the first seconds of every minute, a black picture (camera off) the rest of the time,
so the models run every minute while the file stays cheap to make. The child decodes, observes
and aggregates the whole file and prints its RSS after the first minute of video and its peak
(``ru_maxrss``) at the end: decode streams, so the peak must not grow with the length.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import av
import cv2
import numpy as np
import psutil

from models.vision import VisionModels
from pipelines.video.decode import sample_frames
from pipelines.video.observe import PersonObserver
from pipelines.video.seconds import SecondAggregator

__all__ = ["measure", "write_long_video"]

_MIB = 1024 * 1024
_FPS = 5


def write_long_video(
    path: Path, minutes: float, width: int = 320, height: int = 180, face_s: float = 10.0
) -> Path:
    """H.264 at 5 fps: the portrait moving for ``face_s`` of each minute, black otherwise."""
    import skimage.data

    portrait = np.asarray(skimage.data.astronaut(), dtype=np.uint8)  # type: ignore[no-untyped-call]
    side = height * 3 // 4
    face = cv2.resize(portrait, (side, side), interpolation=cv2.INTER_AREA)
    black = np.zeros((height, width, 3), dtype=np.uint8)
    with av.open(str(path), mode="w") as container:
        stream = container.add_stream("libx264", rate=_FPS, options={"preset": "ultrafast"})
        assert isinstance(stream, av.VideoStream)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        for index in range(round(minutes * 60 * _FPS)):
            t = index / _FPS
            image = black
            if t % 60 < face_s:
                image = black.copy()
                x = (width - side) // 2 + round(10 * np.sin(t))
                image[height - side :, x : x + side] = face
            frame = av.VideoFrame.from_ndarray(image, format="rgb24")
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return path


def _peak_rss() -> int:
    """This process's peak RSS (bytes). Linux's ``VmHWM`` starts afresh at exec, unlike
    ``ru_maxrss``, which keeps the peak of the parent that forked the child."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB outside Linux


def _child(path: Path) -> None:
    models = VisionModels.load()
    stream = models.stream()
    observer = PersonObserver(stream)
    aggregator = SecondAggregator("p")
    seconds = 0
    rss_after_first_minute = 0
    started = time.perf_counter()
    for observation in observer.run(sample_frames(path, "p")):
        for _ in aggregator.push(observation):
            seconds += 1
            if seconds == 60:
                rss_after_first_minute = psutil.Process().memory_info().rss
    seconds += len(aggregator.end_input())
    stream.close()
    print(
        json.dumps(
            {
                "seconds": seconds,
                "frames_analysed": observer.frames_analysed,
                "wall_s": time.perf_counter() - started,
                "rss_after_first_minute_mib": rss_after_first_minute / _MIB,
                "peak_rss_mib": _peak_rss() / _MIB,
            }
        )
    )


def measure(path: Path) -> dict[str, float]:
    """Run the per-person path over ``path`` in a fresh process; its figures (see ``_child``)."""
    result = subprocess.run(
        [sys.executable, "-m", "bench.vision_memory", "--child", str(path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    figures: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=180.0)
    parser.add_argument("--width", type=int, default=640)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child)
        return
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long.mp4"
        started = time.perf_counter()
        write_long_video(path, args.minutes, args.width, args.width * 9 // 16)
        made = time.perf_counter() - started
        figures = measure(path)
    print(f"{args.minutes:.0f} min at {args.width} px (made in {made:.0f} s): {figures}")


if __name__ == "__main__":
    main()
