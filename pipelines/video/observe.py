"""Stage: sampled frames of one person in, what the models saw (``FrameObservation``) out.

Cost control lives here: a black picture runs no model; when the picture has not changed since
the last analysed frame, its detections are reused (for at most ``max_reuse_s``); pose runs on
every other analysed frame; hands are only searched for when the pose model sees a wrist in the
picture, hands were seen just before, or (without a body in view) every third frame.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Protocol

import numpy as np

from pipelines.frames import Frame, FrameObservation, Image, PoseFeatures, VideoFrame
from pipelines.stage import Stage

from .features import FloatArray, face_features, pose_features

__all__ = ["ObserverOptions", "PersonObserver", "VisionGraphs"]


class VisionGraphs(Protocol):
    """What the observer needs from a model stream (``models.vision.VisionStream`` or a fake)."""

    def face(self, image: Image) -> FloatArray | None: ...

    def detect_faces(self, image: Image) -> list[tuple[float, float, float, float]]: ...

    def pose(self, image: Image) -> FloatArray | None: ...

    def hands(self, image: Image) -> tuple[FloatArray, ...]: ...


@dataclass(frozen=True, slots=True)
class ObserverOptions:
    dark_brightness: float = 20.0
    """Mean grey level (0-255) under which a flat picture counts as black."""
    flat_contrast: float = 6.0
    """Grey-level standard deviation under which a picture is flat (a lens cap, a blank tile)."""
    reuse_change: float = 0.6
    """Frames that changed less than this (grey levels) reuse the previous detections."""
    max_reuse_s: float = 1.0
    """Detections are refreshed at least this often (s), even on a still picture."""
    pose_every: int = 2
    """Run the pose model on every n-th analysed frame; posture changes slowly."""
    hands_probe_every: int = 3
    """When no wrist is in view, still look for hands on every n-th analysed frame."""
    face_crop: float = 2.2
    """The face mesh runs on a square this many face heights wide around the face: its own
    detector only finds faces that fill much of the picture (selfie distance)."""


class PersonObserver(Stage):
    """One person's stream of observations; owns that person's model graphs. Each frame pushed
    gives one observation (detections are reused while the picture does not change)."""

    accepts = (VideoFrame,)

    def __init__(self, graphs: VisionGraphs, options: ObserverOptions | None = None) -> None:
        self.graphs = graphs
        self.options = options or ObserverOptions()
        self._last: FrameObservation | None = None
        self._last_full_t = -1e9
        self._analysed = 0
        self._pose: PoseFeatures | None = None
        self._roi: tuple[float, float, float, float] | None = None
        """Where the face was last seen (x, y, width, height in px)."""
        self.frames_seen = 0
        self.frames_analysed = 0

    def observe(
        self, frame: VideoFrame, face_box: tuple[float, float, float, float] | None = None
    ) -> FrameObservation:
        """What the models see in ``frame``. ``face_box`` (x, y, width, height in px of the
        frame), when a gallery tracker already found this person's face, replaces the face
        detector; in a crowded picture it also says which of the faces is this person's."""
        self.frames_seen += 1
        o = self.options
        height, width = frame.image.shape[:2]
        if (frame.contrast < o.flat_contrast and frame.brightness < o.dark_brightness) or (
            frame.contrast < o.flat_contrast / 3
        ):
            observation = FrameObservation(
                frame.participant_id, frame.start_s, False, frame.change, None, None, (), height / 4
            )
            self._last = None
            return observation
        last = self._last
        if (
            last is not None
            and frame.change < o.reuse_change
            and frame.start_s - self._last_full_t < o.max_reuse_s
        ):
            return replace(last, start_s=frame.start_s, change=frame.change, reused=True)

        self.frames_analysed += 1
        self._analysed += 1
        if face_box is not None:
            self._roi = face_box
        points = self._face_points(frame.image)
        face = None if points is None else face_features(points, width, height)
        if (self._analysed - 1) % o.pose_every == 0 or self._pose is None:
            pose_points = self.graphs.pose(frame.image)
            self._pose = None if pose_points is None else pose_features(pose_points, width, height)
        pose = self._pose
        hands_before = bool(last and last.hands)
        look_for_hands = (
            hands_before
            or (pose is not None and pose.wrists_visible > 0)
            or (self._analysed - 1) % o.hands_probe_every == 0
        )
        wrists: tuple[tuple[float, float], ...] = ()
        if look_for_hands:
            wrists = tuple(
                (float(hand[0, 0]) * width, float(hand[0, 1]) * height)
                for hand in self.graphs.hands(frame.image)
            )
        scale = face.size if face else (pose.shoulder_width / 2 if pose else height / 4)
        observation = FrameObservation(
            frame.participant_id, frame.start_s, True, frame.change, face, pose, wrists, scale
        )
        self._last = observation
        self._last_full_t = frame.start_s
        return observation

    def _face_points(self, image: Image) -> FloatArray | None:
        """Mesh points in whole-image fractions. The crop follows the face found last time
        (reusing that detection); the detector runs again only when the face was lost."""
        height, width = image.shape[:2]
        if self._roi is None:
            faces = self.graphs.detect_faces(image)
            if not faces:
                return None
            x, y, w, h = max(faces, key=lambda box: box[2] * box[3])
            self._roi = (x * width, y * height, w * width, h * height)
        x, y, w, h = self._roi
        side = max(w, h) * self.options.face_crop
        cx, cy = x + w / 2, y + h / 2
        x0, y0 = max(0, round(cx - side / 2)), max(0, round(cy - side / 2))
        x1, y1 = min(width, round(cx + side / 2)), min(height, round(cy + side / 2))
        if x1 - x0 < 16 or y1 - y0 < 16:
            self._roi = None
            return None
        crop = np.ascontiguousarray(image[y0:y1, x0:x1])
        points = self.graphs.face(crop)
        if points is None:
            self._roi = None
            return None
        absolute = points.copy()
        absolute[:, 0] = (points[:, 0] * (x1 - x0) + x0) / width
        absolute[:, 1] = (points[:, 1] * (y1 - y0) + y0) / height
        absolute[:, 2] = points[:, 2] * (x1 - x0) / width
        xs, ys = absolute[:468, 0] * width, absolute[:468, 1] * height
        self._roi = (
            float(xs.min()),
            float(ys.min()),
            float(xs.max() - xs.min()),
            float(ys.max() - ys.min()),
        )
        return absolute

    def _push(self, frame: VideoFrame) -> list[Frame]:
        return [self.observe(frame)]

    def run(self, frames: Iterable[VideoFrame]) -> Iterator[FrameObservation]:
        """Observations of ``frames``, lazily: a long file is never held in memory."""
        for frame in frames:
            yield self.observe(frame)
