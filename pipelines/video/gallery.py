"""Gallery view: several people as tiles in one frame, or a room camera. Faces are found with
the full-range detector on the whole picture and on overlapping quarters of it (the detector
sees a 192 px picture, so faces under about 40 px of a 640 px frame are only found in the
quarters), followed over time by position and size, and each face track gets its own observer
(its own model graphs) on a crop around the face and upper body. ``link_tracks`` then names the
tracks by matching mouth movement to who speaks when (active-speaker detection)."""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import numpy as np

from pipelines.frames import Frame, Image, SecondFeatures, VideoFrame

from .observe import ObserverOptions, PersonObserver, VisionGraphs
from .seconds import SecondAggregator, SecondOptions

__all__ = ["FaceTracker", "GalleryResult", "analyse_gallery", "find_faces", "link_tracks"]

Box = tuple[float, float, float, float]
"""x, y, width, height in px."""

_MIN_QUARTER_PX = 160
"""Pictures whose smaller side is under twice this are searched whole only."""


def _iou(a: Box, b: Box) -> float:
    x0, y0 = max(a[0], b[0]), max(a[1], b[1])
    x1, y1 = min(a[0] + a[2], b[0] + b[2]), min(a[1] + a[3], b[1] + b[3])
    inter = max(0.0, x1 - x0) * max(0.0, y1 - y0)
    union = a[2] * a[3] + b[2] * b[3] - inter
    return inter / union if union > 0 else 0.0


def _centre(box: Box) -> tuple[float, float]:
    return box[0] + box[2] / 2, box[1] + box[3] / 2


def _same_face(a: Box, b: Box) -> bool:
    ax, ay = _centre(a)
    bx, by = _centre(b)
    inside = (b[0] <= ax <= b[0] + b[2] and b[1] <= ay <= b[1] + b[3]) or (
        a[0] <= bx <= a[0] + a[2] and a[1] <= by <= a[1] + a[3]
    )
    return inside or _iou(a, b) >= 0.3


def find_faces(detector: VisionGraphs, image: Image, overlap: float = 0.25) -> list[Box]:
    """Faces (px boxes) in the whole picture and in its four overlapping quarters; a face
    found more than once is one box, the mean of its finds."""
    height, width = image.shape[:2]
    found = [
        (x * width, y * height, w * width, h * height)
        for x, y, w, h in detector.detect_faces(image)
    ]
    if min(width, height) >= 2 * _MIN_QUARTER_PX:
        tile_w, tile_h = round(width / 2 * (1 + overlap)), round(height / 2 * (1 + overlap))
        for x0 in (0, width - tile_w):
            for y0 in (0, height - tile_h):
                tile = np.ascontiguousarray(image[y0 : y0 + tile_h, x0 : x0 + tile_w])
                found += [
                    (x0 + x * tile_w, y0 + y * tile_h, w * tile_w, h * tile_h)
                    for x, y, w, h in detector.detect_faces(tile)
                ]
    groups: list[list[Box]] = []
    for box in found:
        group = next((g for g in groups if any(_same_face(box, other) for other in g)), None)
        if group is None:
            groups.append([box])
        else:
            group.append(box)
    return [
        (
            statistics.fmean(b[0] for b in g),
            statistics.fmean(b[1] for b in g),
            statistics.fmean(b[2] for b in g),
            statistics.fmean(b[3] for b in g),
        )
        for g in groups
    ]


@dataclass
class _Track:
    box: Box
    last_t: float
    hits: int = 1


@dataclass
class FaceTracker:
    """Follows faces by position and size continuity (no face embeddings).

    A face continues the track whose last box is nearest (centre distance over face size), if
    near enough and of a similar size; nearest pairs are matched first. The median shift of
    the faces matched that way is the camera's pan or zoom-drift: tracks missed in a frame are
    moved by it, so a face the detector misses for a while is picked up again where it went.
    """

    max_distance: float = 0.8
    """Largest centre distance between frames, in face sizes."""
    max_size_ratio: float = 1.6
    max_gap_s: float = 2.0
    """A track not seen for longer ends."""
    tracks: dict[int, _Track] = field(default_factory=dict)
    _next: int = 1

    def live(self, start_s: float) -> dict[int, _Track]:
        return {k: v for k, v in self.tracks.items() if start_s - v.last_t <= self.max_gap_s}

    def _pairs(self, tracks: dict[int, _Track], boxes: list[Box]) -> list[tuple[int, int]]:
        candidates = []
        for key, track in tracks.items():
            for n, box in enumerate(boxes):
                size = max(track.box[2], track.box[3], box[2], box[3], 1.0)
                ratio = max(track.box[2], box[2]) / max(min(track.box[2], box[2]), 1.0)
                distance = math.dist(_centre(track.box), _centre(box)) / size
                if distance <= self.max_distance and ratio <= self.max_size_ratio:
                    candidates.append((distance, key, n))
        pairs: list[tuple[int, int]] = []
        for _, key, n in sorted(candidates):
            if all(key != k and n != m for k, m in pairs):
                pairs.append((key, n))
        return pairs

    def update(self, start_s: float, found: Iterable[Box]) -> list[tuple[int, Box]]:
        """The tracks seen in this frame, each with its box; new faces start new tracks."""
        boxes = list(found)
        live = self.live(start_s)
        pairs = self._pairs(live, boxes)
        shifts = [np.subtract(_centre(boxes[n]), _centre(live[key].box)) for key, n in pairs]
        dx, dy = (float(v) for v in np.median(shifts, axis=0)) if shifts else (0.0, 0.0)
        matched = {key for key, _ in pairs}
        for key, track in live.items():
            if key not in matched:
                x, y, w, h = track.box
                track.box = (x + dx, y + dy, w, h)
        rest = [n for n in range(len(boxes)) if n not in {m for _, m in pairs}]
        unmatched = {k: v for k, v in live.items() if k not in matched}
        pairs += [(key, rest[i]) for key, i in self._pairs(unmatched, [boxes[n] for n in rest])]
        result: list[tuple[int, Box]] = []
        for key, n in pairs:
            track = self.tracks[key]
            track.box, track.last_t, track.hits = boxes[n], start_s, track.hits + 1
            result.append((key, boxes[n]))
        taken = {n for _, n in pairs}
        for n, box in enumerate(boxes):
            if n not in taken:
                key, self._next = self._next, self._next + 1
                self.tracks[key] = _Track(box, start_s)
                result.append((key, box))
        return result


@dataclass(frozen=True, slots=True)
class GalleryResult:
    timelines: dict[str, list[SecondFeatures]]
    """Per kept face track ("face-1", ...), one entry per second."""
    frames: int
    """Sampled frames."""
    centres: dict[str, tuple[float, float]]
    """Mean face centre (x, y in px of the analysed frame) of each kept track: where in the
    gallery the person sits."""


def _tile(frame: VideoFrame, box: Box, track: str) -> tuple[VideoFrame, tuple[int, int]]:
    """The crop around a face and its upper body, and the crop's top-left corner (px)."""
    height, width = frame.image.shape[:2]
    x, y, w, h = box
    x0, y0 = max(0, round(x - 1.2 * w)), max(0, round(y - 0.8 * h))
    x1, y1 = min(width, round(x + 2.2 * w)), min(height, round(y + 3.0 * h))
    image = np.ascontiguousarray(frame.image[y0:y1, x0:x1])
    grey = image.mean(axis=2) if image.size else np.zeros((1, 1))
    tile = VideoFrame(
        track, frame.start_s, image, frame.change, float(grey.mean()), float(grey.std())
    )
    return tile, (x0, y0)


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
    sums: dict[int, tuple[float, float, int]] = {}
    count = 0
    for frame in frames:
        count += 1
        seen = dict(tracker.update(frame.start_s, find_faces(detector, frame.image)))
        # A live track the detector missed this time is still observed where it was: the face
        # mesh often finds a face the detector did not (turned, partly covered).
        missed = {k: t.box for k, t in tracker.live(frame.start_s).items() if k not in seen}
        for key, box in {**seen, **missed}.items():
            name = f"face-{key}"
            if key not in observers:
                observers[key] = PersonObserver(make_graphs(), observer_options)
                aggregators[key] = SecondAggregator(name, start_s, second_options, end_s)
                timelines[key] = []
            x, y, n = sums.get(key, (0.0, 0.0, 0))
            sums[key] = (x + box[0] + box[2] / 2, y + box[1] + box[3] / 2, n + 1)
            tile, origin = _tile(frame, box, name)
            hint = (box[0] - origin[0], box[1] - origin[1], box[2], box[3])
            observation = observers[key].observe(tile, hint)
            timelines[key].extend(_seconds(aggregators[key].push(observation)))
    kept: dict[str, list[SecondFeatures]] = {}
    centres: dict[str, tuple[float, float]] = {}
    for key, aggregator in aggregators.items():
        timelines[key].extend(_seconds(aggregator.end_input()))
        if tracker.tracks[key].hits >= max(1, min_track_share * count):
            kept[f"face-{key}"] = timelines[key]
            x, y, n = sums[key]
            centres[f"face-{key}"] = (x / n, y / n)
    return GalleryResult(kept, count, centres)


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


def _seconds(frames: Iterable[Frame]) -> list[SecondFeatures]:
    return [frame for frame in frames if isinstance(frame, SecondFeatures)]
