"""Stage: observations of one stream in, one ``SecondFeatures`` per second out (the timeline).

A second with no frame at all (the video stopped or has a gap) is camera-off; so is a black or
flat picture, and a frozen one (no pixel change for the whole second).
"""

from __future__ import annotations

import itertools
import math
import statistics
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass

from pipelines.frames import Frame, FrameObservation, SecondFeatures
from pipelines.stage import Stage

__all__ = ["NodDetector", "SecondAggregator", "SecondOptions"]


@dataclass(frozen=True, slots=True)
class SecondOptions:
    frozen_change: float = 0.15
    """A second whose frames all changed less than this (grey levels) is a frozen picture."""
    facing_yaw_deg: float = 25.0
    facing_pitch_deg: float = 25.0
    """A face turned less than these from the camera faces it."""
    speaking_mouth_range: float = 0.035
    """Range of the mouth opening (over face height) within a second that counts as speech."""
    expressive_range: float = 0.12
    """Summed range of mouth, smile and brow measures that scores 1.0 expressiveness."""
    moving_fraction: float = 0.1
    """Path of the head, shoulders or wrists in a second, over the face height, that counts as
    moving."""
    gesture_fraction: float = 0.25
    """Wrist path in a second, over the face height, that counts as a gesture."""
    nod_amplitude_deg: float = 7.0
    """Head pitch change down and back up that counts as a nod."""
    nod_drop: float = 0.1
    """Or: the face dipping by this share of its height and coming back (the head pivots on
    the neck, so a nod also moves the face down; this is what shows at low resolution)."""
    nod_max_s: float = 1.6
    """Longest nod (s) from leaving the baseline to returning."""
    leaning_in_ratio: float = 1.15
    """Shoulders this much wider than the person's usual counts as leaning in."""


class NodDetector:
    """Finds nods in a series (head pitch, or face height): up by ``amplitude`` from the median
    of the last 3 s and back within ``max_s``."""

    def __init__(self, amplitude: float, max_s: float) -> None:
        self.amplitude = amplitude
        self.max_s = max_s
        self._history: deque[tuple[float, float]] = deque()
        self._down_since: float | None = None

    def push(self, start_s: float, value: float | None) -> bool:
        """True when a nod completes at this sample."""
        if value is None:
            self._history.clear()
            self._down_since = None
            return False
        baseline = statistics.median(p for _, p in self._history) if self._history else value
        self._history.append((start_s, value))
        while self._history and self._history[0][0] < start_s - 3.0:
            self._history.popleft()
        if self._down_since is None:
            if value - baseline >= self.amplitude:
                self._down_since = start_s
            return False
        if start_s - self._down_since > self.max_s:
            self._down_since = None  # looked down and stayed: not a nod
            return False
        reference = (
            statistics.median(p for t, p in self._history if t < self._down_since)
            if any(t < self._down_since for t, _ in self._history)
            else baseline
        )
        if value - reference <= self.amplitude / 2:
            self._down_since = None
            return True
        return False


class SecondAggregator(Stage):
    """One stream's observations, grouped into seconds of meeting time. A second is emitted when
    a frame of a later second arrives; at the end of input, the open second and every second
    without frames up to ``end_s`` (camera off) are emitted too."""

    accepts = (FrameObservation,)

    def __init__(
        self,
        participant_id: str,
        start_s: float = 0.0,
        options: SecondOptions | None = None,
        end_s: float | None = None,
    ) -> None:
        self.participant_id = participant_id
        self.end_s = end_s
        self.options = options or SecondOptions()
        self._second = math.floor(start_s)
        self._pending: list[FrameObservation] = []
        self._pitch_nods = NodDetector(self.options.nod_amplitude_deg, self.options.nod_max_s)
        self._dip_nods = NodDetector(self.options.nod_drop, self.options.nod_max_s)
        self._last_nod_s = -1e9
        self._nod_seconds: set[int] = set()
        self._previous: FrameObservation | None = None
        self._shoulders: list[float] = []

    def _push(self, observation: FrameObservation) -> list[Frame]:
        second = math.floor(observation.start_s)
        out: list[Frame] = []
        while second > self._second:
            out.append(self._close())
        face = observation.face
        by_pitch = self._pitch_nods.push(observation.start_s, face.pitch_deg if face else None)
        by_dip = self._dip_nods.push(
            observation.start_s, face.center_y / face.size if face else None
        )
        if (by_pitch or by_dip) and observation.start_s - self._last_nod_s > self.options.nod_max_s:
            self._last_nod_s = observation.start_s
            self._nod_seconds.add(second)
        if observation.pose is not None:
            self._shoulders.append(observation.pose.shoulder_width)
        self._pending.append(observation)
        return out

    def _end(self) -> list[Frame]:
        out: list[Frame] = [self._close()] if self._pending else []
        if self.end_s is not None:
            while self._second < math.ceil(self.end_s - 1e-6):
                out.append(self._close())
        return out

    def run(self, observations: Iterable[FrameObservation]) -> list[SecondFeatures]:
        """Every second of ``observations``, up to ``end_s``."""
        out = [second for observation in observations for second in self.push(observation)]
        out += self.end_input()
        return [second for second in out if isinstance(second, SecondFeatures)]

    def _close(self) -> SecondFeatures:
        frames, self._pending = self._pending, []
        second = self._second
        self._second += 1
        previous, self._previous = self._previous, (frames[-1] if frames else None)
        o = self.options
        changes = [f.change for f in frames]
        # The first frame of a freeze still differs from the last live one, so one is allowed.
        frozen = len(frames) >= 2 and sorted(changes)[-2] < o.frozen_change
        lit = sum(f.camera_on for f in frames)
        camera_on = bool(frames) and not frozen and lit * 2 > len(frames)
        faces = [f.face for f in frames if f.face is not None and camera_on]
        face_visible = bool(faces) and len(faces) * 2 >= len(frames)
        facing = (
            face_visible
            and statistics.median(abs(f.yaw_deg) for f in faces) <= o.facing_yaw_deg
            and statistics.median(abs(f.pitch_deg) for f in faces) <= o.facing_pitch_deg
        )
        gazes = [f.gaze_on_screen for f in faces if f.gaze_on_screen is not None]
        gaze = (sum(gazes) * 2 > len(gazes)) if gazes and facing else (False if gazes else None)
        with_previous = ([previous.face] if previous and previous.face else []) + faces
        mouth = _spread([f.mouth_open for f in with_previous])
        smile = _spread([f.smile for f in with_previous])
        brow = _spread([f.brow_raise for f in with_previous])
        track = ([previous] if previous else []) + [f for f in frames if f.camera_on]
        moving = camera_on and _body_path(track) >= o.moving_fraction
        hands_visible = camera_on and any(f.hands for f in frames)
        gesture = hands_visible and _wrist_path(track) >= o.gesture_fraction
        poses = [f.pose for f in frames if f.pose is not None and camera_on]
        upright = (sum(p.upright for p in poses) * 2 > len(poses)) if poses else None
        leaning = None
        if poses and len(self._shoulders) >= 5:
            usual = statistics.median(self._shoulders)
            widths = statistics.median(p.shoulder_width for p in poses)
            leaning = widths >= usual * o.leaning_in_ratio
        return SecondFeatures(
            participant_id=self.participant_id,
            second=second,
            frames=len(frames),
            camera_on=camera_on,
            face_visible=face_visible,
            facing_camera=facing,
            gaze_on_screen=gaze if face_visible else None,
            speaking=face_visible and mouth >= o.speaking_mouth_range,
            mouth_activity=mouth if face_visible else 0.0,
            expressiveness=(
                min(1.0, (mouth + smile + brow) / o.expressive_range) if face_visible else 0.0
            ),
            moving=moving,
            hands_visible=hands_visible,
            gesture=gesture,
            nod=second in self._nod_seconds and face_visible,
            upright=upright,
            leaning_in=leaning,
            pitch_deg=statistics.median(f.pitch_deg for f in faces) if faces else None,
        )


def _spread(values: list[float]) -> float:
    return max(values) - min(values) if len(values) >= 2 else 0.0


def _body_path(frames: list[FrameObservation]) -> float:
    """Largest path of head, shoulders or wrists over consecutive frames, in face heights."""
    head = shoulders = 0.0
    for a, b in itertools.pairwise(frames):
        if a.face and b.face:
            head += math.dist(
                (a.face.center_x, a.face.center_y), (b.face.center_x, b.face.center_y)
            )
        if a.pose and b.pose:
            shoulders += math.dist(
                (a.pose.center_x, a.pose.center_y), (b.pose.center_x, b.pose.center_y)
            )
    scale = max(statistics.median(f.scale_px for f in frames), 1.0) if frames else 1.0
    return max(head / scale, shoulders / scale, _wrist_path(frames))


def _wrist_path(frames: list[FrameObservation]) -> float:
    """Path of the wrists over consecutive frames (each matched to the nearest), in face heights.
    The hand model's wrists are used where both frames have them, else the pose model's: the
    hand model misses fast or half-hidden hands that the body pose still follows."""
    path = 0.0
    for a, b in itertools.pairwise(frames):
        before, after = (
            (a.hands, b.hands) if a.hands and b.hands else (_pose_wrists(a), _pose_wrists(b))
        )
        if not before or not after:
            continue
        for wrist in after:
            path += min(math.dist(wrist, other) for other in before) / max(b.scale_px, 1.0)
    return path


def _pose_wrists(frame: FrameObservation) -> tuple[tuple[float, float], ...]:
    return frame.pose.wrists if frame.pose is not None else ()
