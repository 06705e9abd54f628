"""Pure functions from MediaPipe landmarks to the per-frame features (``FaceFeatures``,
``PoseFeatures``). Landmark indices are MediaPipe's canonical face mesh and BlazePose ones."""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

from pipelines.frames import FaceFeatures, PoseFeatures

__all__ = ["UPRIGHT_NECK_RATIO", "face_features", "pose_features"]

FloatArray = npt.NDArray[np.float32]

# Face mesh (subject's right = image left).
_FOREHEAD, _CHIN = 10, 152
_RIGHT_EYE_OUTER, _RIGHT_EYE_INNER = 33, 133
_LEFT_EYE_OUTER, _LEFT_EYE_INNER = 263, 362
_RIGHT_IRIS, _LEFT_IRIS = 468, 473
_UPPER_LIP, _LOWER_LIP = 13, 14
_MOUTH_RIGHT, _MOUTH_LEFT = 61, 291
_RIGHT_BROW, _LEFT_BROW = 105, 334
_RIGHT_LID, _LEFT_LID = 159, 386
# Pose.
_NOSE, _LEFT_SHOULDER, _RIGHT_SHOULDER, _LEFT_WRIST, _RIGHT_WRIST = 0, 11, 12, 15, 16

UPRIGHT_NECK_RATIO = 0.35
"""Nose-above-shoulder-line over shoulder width; below it the head has sunk into the shoulders
(slumped) or dropped forward."""
_MIN_EYE_PX = 8.0
_GAZE_BAND = (0.3, 0.7)


def face_features(points: FloatArray, width: int, height: int) -> FaceFeatures | None:
    """Features of one face from its 478 mesh points (x, y fractions; z on x's scale)."""
    p = points[:, :3].astype(np.float64) * np.array([width, height, width])
    face_height = float(np.linalg.norm(p[_CHIN, :2] - p[_FOREHEAD, :2]))
    if face_height < 1.0:
        return None
    across = p[_LEFT_EYE_OUTER] - p[_RIGHT_EYE_OUTER]
    down = p[_CHIN] - p[_FOREHEAD]
    normal = np.cross(across, down)  # points away from the camera (+z) for a frontal face
    normal /= np.linalg.norm(normal) or 1.0
    yaw = math.degrees(math.atan2(normal[0], normal[2]))
    pitch = -math.degrees(math.atan2(normal[1], normal[2]))
    roll = math.degrees(math.atan2(across[1], across[0]))
    return FaceFeatures(
        yaw_deg=yaw,
        pitch_deg=pitch,
        roll_deg=roll,
        gaze_on_screen=_gaze(p),
        mouth_open=_dist(p, _UPPER_LIP, _LOWER_LIP) / face_height,
        smile=_dist(p, _MOUTH_RIGHT, _MOUTH_LEFT) / face_height,
        brow_raise=(_dist(p, _RIGHT_BROW, _RIGHT_LID) + _dist(p, _LEFT_BROW, _LEFT_LID))
        / (2 * face_height),
        center_x=float(p[:468, 0].mean()),
        center_y=float(p[:468, 1].mean()),
        size=face_height,
    )


def _dist(p: npt.NDArray[np.float64], a: int, b: int) -> float:
    return float(np.linalg.norm(p[a, :2] - p[b, :2]))


def _gaze(p: npt.NDArray[np.float64]) -> bool | None:
    """Both irises in the middle band between their eye corners (None: eyes too small)."""
    if len(p) <= _LEFT_IRIS:
        return None
    ratios = []
    for iris, outer, inner in (
        (_RIGHT_IRIS, _RIGHT_EYE_OUTER, _RIGHT_EYE_INNER),
        (_LEFT_IRIS, _LEFT_EYE_OUTER, _LEFT_EYE_INNER),
    ):
        eye = p[inner, :2] - p[outer, :2]
        length = float(np.linalg.norm(eye))
        if length < _MIN_EYE_PX:
            return None
        ratios.append(float(np.dot(p[iris, :2] - p[outer, :2], eye)) / length**2)
    low, high = _GAZE_BAND
    return all(low <= r <= high for r in ratios)


def pose_features(points: FloatArray, width: int, height: int) -> PoseFeatures | None:
    """Posture from the 33 pose points (x, y, z, visibility); None without both shoulders."""
    p = points.astype(np.float64)
    if min(p[_LEFT_SHOULDER, 3], p[_RIGHT_SHOULDER, 3], p[_NOSE, 3]) < 0.5:
        return None
    xy = p[:, :2] * np.array([width, height])
    shoulders = xy[_LEFT_SHOULDER] - xy[_RIGHT_SHOULDER]
    shoulder_width = float(np.linalg.norm(shoulders))
    if shoulder_width < 1.0:
        return None
    middle = (xy[_LEFT_SHOULDER] + xy[_RIGHT_SHOULDER]) / 2
    neck_ratio = float(middle[1] - xy[_NOSE, 1]) / shoulder_width
    wrists = tuple(
        (float(xy[index, 0]), float(xy[index, 1]))
        for index in (_LEFT_WRIST, _RIGHT_WRIST)
        if p[index, 3] >= 0.5 and 0 <= p[index, 0] <= 1 and 0 <= p[index, 1] <= 1
    )
    return PoseFeatures(
        upright=neck_ratio >= UPRIGHT_NECK_RATIO,
        neck_ratio=neck_ratio,
        shoulder_width=shoulder_width,
        center_x=float(middle[0]),
        center_y=float(middle[1]),
        wrists_visible=len(wrists),
        wrists=wrists,
    )
