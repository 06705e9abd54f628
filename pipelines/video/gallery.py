"""Gallery view: several people as tiles in one frame. Faces are found with the full-range
detector, followed over time by box overlap, and each face track gets its own observer (its own
model graphs) on a crop around the face and upper body. ``link_tracks`` then names the tracks by
matching mouth movement to who speaks when (active-speaker detection)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import numpy as np

from .frames import SecondFeatures, VideoFrame
from .observe import ObserverOptions, PersonObserver, VisionGraphs
from .seconds import SecondAggregator, SecondOptions

__all__ = ["FaceTracker", "GalleryResult", "analyse_gallery", "link_tracks"]

Box = tuple[float, float, float, float]
"""x, y, width, height in px."""


def _iou(a: Box, b: Box) -> float:
    x0, y0 = max(a[0], b[0]), max(a[1], b[1])
    x1, y1 = min(a[0] + a[2], b[0] + b[2]), min(a[1] + a[3], b[1] + b[3])
    inter = max(0.0, x1 - x0) * max(0.0, y1 - y0)
    union = a[2] * a[3] + b[2] * b[3] - inter
    return inter / union if union > 0 else 0.0


@dataclass
class _Track:
    box: Box
    last_t: float
    hits: int = 1


@dataclass
class FaceTracker:
    """Greedy overlap tracker: a face continues the track whose last box it overlaps most."""

    min_iou: float = 0.2
    max_gap_s: float = 2.0
    tracks: dict[int, _Track] = field(default_factory=dict)
    _next: int = 1

    def update(self, t_s: float, found: Iterable[Box]) -> list[tuple[int, Box]]:
        boxes = list(found)
        live = {k: v for k, v in self.tracks.items() if t_s - v.last_t <= self.max_gap_s}
        pairs = sorted(
            (
                (_iou(track.box, box), key, n)
                for key, track in live.items()
                for n, box in enumerate(boxes)
            ),
            reverse=True,
        )
        taken_tracks: set[int] = set()
        taken_boxes: set[int] = set()
        result: list[tuple[int, Box]] = []
        for overlap, key, n in pairs:
            if overlap < self.min_iou or key in taken_tracks or n in taken_boxes:
                continue
            taken_tracks.add(key)
            taken_boxes.add(n)
            track = self.tracks[key]
            track.box, track.last_t, track.hits = boxes[n], t_s, track.hits + 1
            result.append((key, boxes[n]))
        for n, box in enumerate(boxes):
            if n not in taken_boxes:
                key, self._next = self._next, self._next + 1
                self.tracks[key] = _Track(box, t_s)
                result.append((key, box))
        return result


@dataclass(frozen=True, slots=True)
class GalleryResult:
    timelines: dict[str, list[SecondFeatures]]
    """Per kept face track ("face-1", ...), one entry per second."""
    frames: int
    """Sampled frames."""


def _tile(frame: VideoFrame, box: Box, track: str) -> VideoFrame:
    height, width = frame.image.shape[:2]
    x, y, w, h = box
    x0, y0 = max(0, round(x - 1.2 * w)), max(0, round(y - 0.8 * h))
    x1, y1 = min(width, round(x + 2.2 * w)), min(height, round(y + 3.0 * h))
    image = np.ascontiguousarray(frame.image[y0:y1, x0:x1])
    grey = image.mean(axis=2) if image.size else np.zeros((1, 1))
    return VideoFrame(track, frame.t_s, image, frame.change, float(grey.mean()), float(grey.std()))


def analyse_gallery(
    frames: Iterable[VideoFrame],
    detector: VisionGraphs,
    make_graphs: Callable[[], VisionGraphs],
    *,
    start_s: float,
    end_s: float | None,
    min_track_share: float = 0.25,
    observer_options: ObserverOptions | None = None,
    second_options: SecondOptions | None = None,
) -> GalleryResult:
    """Track every face and build a timeline per track; tracks seen in fewer than
    ``min_track_share`` of the frames (passers-by, false detections) are dropped."""
    tracker = FaceTracker()
    observers: dict[int, PersonObserver] = {}
    aggregators: dict[int, SecondAggregator] = {}
    timelines: dict[int, list[SecondFeatures]] = {}
    count = 0
    for frame in frames:
        count += 1
        height, width = frame.image.shape[:2]
        boxes = [
            (x * width, y * height, w * width, h * height)
            for x, y, w, h in detector.detect_faces(frame.image)
        ]
        for key, box in tracker.update(frame.t_s, boxes):
            name = f"face-{key}"
            if key not in observers:
                observers[key] = PersonObserver(make_graphs(), observer_options)
                aggregators[key] = SecondAggregator(name, start_s, second_options)
                timelines[key] = []
            observation = observers[key].observe(_tile(frame, box, name))
            timelines[key].extend(aggregators[key].push(observation))
    kept: dict[str, list[SecondFeatures]] = {}
    for key, aggregator in aggregators.items():
        timelines[key].extend(aggregator.flush(end_s))
        if tracker.tracks[key].hits >= max(1, min_track_share * count):
            kept[f"face-{key}"] = timelines[key]
    return GalleryResult(kept, count)


def link_tracks(
    timelines: dict[str, list[SecondFeatures]],
    speaking: dict[str, set[int]],
    min_score: float = 0.005,
) -> dict[str, str]:
    """Participant id → face track, by active-speaker detection: a track's mouth moves more in
    the seconds that participant speaks than in the others. Greedy, best match first."""
    scores = []
    for track, timeline in timelines.items():
        visible = [s for s in timeline if s.face_visible]
        for participant, seconds in speaking.items():
            talking = [s.mouth_activity for s in visible if s.second in seconds]
            quiet = [s.mouth_activity for s in visible if s.second not in seconds]
            if not talking or not quiet:
                continue
            score = sum(talking) / len(talking) - sum(quiet) / len(quiet)
            scores.append((score, participant, track))
    links: dict[str, str] = {}
    for score, participant, track in sorted(scores, reverse=True):
        if score < min_score or participant in links or track in links.values():
            continue
        links[participant] = track
    return links
