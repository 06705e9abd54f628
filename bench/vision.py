"""Vision benchmark: cost per analysed frame per model, live capacity, accuracy on the labelled
clips, and per-clip figures on the real footage. ``python -m bench.vision``; pinned to one core."""

from __future__ import annotations

import os
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import cv2
import numpy as np

from assistant.analytics.engagement import count_events, summarize_engagement
from assistant.processing.video import gallery_timelines, person_timeline
from models.vision import VisionModels
from pipelines.frames import Image, SecondFeatures, VideoFrame
from pipelines.video.decode import sample_frames
from pipelines.video.observe import PersonObserver

from .common import DATA_DIR
from .vision_clips import GESTURE_CLIP, PRESENCE_CLIP, build_clip
from .vision_memory import measure, write_long_video

LIVE_FPS = 5.0


def _timeline(path: Path, models: VisionModels) -> list[SecondFeatures]:
    return person_timeline(sample_frames(path, "p"), models, "p")


def _resized(image: Image, width: int, height: int) -> Image:
    return np.asarray(cv2.resize(image, (width, height)), dtype=np.uint8)


def _speed(path: Path, models: VisionModels, width: int) -> None:
    """Every sampled frame analysed in full (no reuse) at ``width``: the worst case."""
    frames = list(sample_frames(path, "p", max_width=640))
    height = round(width * 9 / 16)
    scaled = [
        VideoFrame(
            f.participant_id, f.start_s, _resized(f.image, width, height), 5.0, f.brightness, 50
        )
        for f in frames
    ]
    stream = models.stream()
    observer = PersonObserver(stream)
    observer.options = type(observer.options)(pose_every=1, hands_probe_every=1, reuse_change=0)
    started = time.perf_counter()
    for frame in scaled:
        observer.observe(frame)
    total = (time.perf_counter() - started) * 1000 / len(scaled)
    per_model = {k: v / len(scaled) for k, v in stream.timer.ms.items()}
    stream.close()
    cells = " | ".join(
        f"{per_model.get(k, 0.0):6.1f}" for k in ("face_detection", "face_mesh", "pose", "hands")
    )
    live = int(1000 / (total * LIVE_FPS))
    print(f"| {width}×{height} | {cells} | {total:6.1f} | {live} |")


def main() -> None:
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    models = VisionModels.load()
    with tempfile.TemporaryDirectory() as tmp:
        presence, gesture = Path(tmp) / "presence.mp4", Path(tmp) / "gesture.mp4"
        truth_p, truth_g = build_clip(presence, PRESENCE_CLIP), build_clip(gesture, GESTURE_CLIP)
        print("## Cost per analysed frame (ms, one core, every model on every frame)\n")
        print("| frame | face_detection | face_mesh | pose | hands | total | live at 5 fps |")
        print("|---|---|---|---|---|---|---|")
        for width in (640, 1280):
            _speed(gesture, models, width)
        stream = models.stream()
        observer = PersonObserver(stream)
        started = time.perf_counter()
        count = sum(1 for _ in observer.run(sample_frames(gesture, "p")))
        elapsed = time.perf_counter() - started
        per_second = elapsed / truth_g.seconds
        print(
            "\nAs run (decode + reuse + gating), gesture clip at 640×360: "
            f"{observer.frames_analysed} of {count} sampled frames analysed, "
            f"{1000 * per_second:.0f} ms per second of video"
            f" → {int(1 / per_second)} participants live on one core"
        )
        stream.close()

        print("\n## Labelled clips (truth from the script)\n")
        print("| clip | figure | truth | measured | error |")
        print("|---|---|---|---|---|")
        tp = _timeline(presence, models)
        e = summarize_engagement(tp, set())
        assert e is not None
        for label, truth, got in (
            ("camera_on_share", truth_p.camera_on_share, e.camera_on_share),
            ("face_visible_share", truth_p.face_visible_share, e.face_visible_share or 0.0),
            ("facing_camera_share", truth_p.facing_camera_share, e.facing_camera_share or 0.0),
        ):
            print(
                f"| presence | {label} | {truth:.3f} | {got:.3f} | {100 * (got - truth):+.1f} pp |"
            )
        tg = _timeline(gesture, models)
        minutes = truth_g.seconds / 60
        nods, gestures = sum(s.nod for s in tg), len(count_events([s.gesture for s in tg]))
        for label, truth_n, got_n in (
            ("nods", truth_g.nods, nods),
            ("gestures", truth_g.gestures, gestures),
        ):
            print(
                f"| gesture | {label} per min | {truth_n / minutes:.1f} | {got_n / minutes:.1f} |"
                f" {(got_n - truth_n) / minutes:+.1f} /min |"
            )

    print("\n## Real footage\n")
    print(
        "| clip | seconds | face visible | facing camera | mouth speaking s | hands s | gestures |"
    )
    print("|---|---|---|---|---|---|---|")
    clips = sorted((DATA_DIR / "grid-talking").glob("*.mpg")) + sorted(
        (DATA_DIR / "asl-gestures").glob("*.mkv")
    )
    for path in clips:
        t = _timeline(path, models)
        n = len(t)
        print(
            f"| {path.parent.name}/{path.name} | {n} | {sum(s.face_visible for s in t) / n:.0%} |"
            f" {sum(s.facing_camera for s in t) / n:.0%} | {sum(s.speaking for s in t)} |"
            f" {sum(s.hands_visible for s in t)} | {len(count_events([s.gesture for s in t]))} |"
        )
    group = DATA_DIR / "group-faces" / "video_01.mp4"
    result = gallery_timelines(sample_frames(group, "g"), models, start_s=0, end_s=None)
    seen: defaultdict[str, int] = defaultdict(int)
    for track, timeline in result.timelines.items():
        seen[track] = sum(s.face_visible for s in timeline)
    centres = {track: f"x={x:.0f}" for track, (x, _) in result.centres.items()}
    print(
        f"\ngroup-faces/video_01.mp4 (5 people in view): {len(result.timelines)} face tracks kept "
        f"over {result.frames} frames; face-visible seconds per track: {dict(seen)}; "
        f"track centres: {centres}"
    )

    print("\n## Memory on a long video\n")
    with tempfile.TemporaryDirectory() as tmp:
        long = write_long_video(Path(tmp) / "long.mp4", 60, 640, 360)
        figures = measure(long)
    print(
        f"60 min at 640×360 (face on screen 10 s a minute): peak RSS "
        f"{figures['peak_rss_mib']:.0f} MiB, {figures['rss_after_first_minute_mib']:.0f} MiB after "
        f"the first minute; {figures['wall_s']:.0f} s for {figures['seconds']:.0f} s of video"
    )


if __name__ == "__main__":
    main()
