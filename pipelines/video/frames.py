"""The frames of the video pipeline. Like the audio frames, each names its stream (a participant,
or a face track in a gallery view) and carries times in seconds from the start of the meeting."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

__all__ = [
    "FaceFeatures",
    "FrameObservation",
    "PoseFeatures",
    "SecondFeatures",
    "VideoFrame",
]

Image = npt.NDArray[np.uint8]


@dataclass(frozen=True, slots=True, eq=False)
class VideoFrame:
    """One sampled, upright RGB frame of one video stream."""

    stream_id: str
    t_s: float
    """Presentation time (s from meeting start)."""
    image: Image = field(repr=False)
    """(height, width, 3) RGB, rotation metadata already applied, at most the analysis width."""
    change: float
    """Mean absolute difference (grey levels, 0-255) of a 64×36 thumbnail against the previous
    sampled frame; 0 for the first. A frozen camera gives ~0, a live one with a person > 0.3."""
    brightness: float
    """Mean grey level (0-255) of the thumbnail."""
    contrast: float
    """Standard deviation of the thumbnail's grey levels; near 0 for a black or flat picture."""


@dataclass(frozen=True, slots=True)
class FaceFeatures:
    """What the face mesh says about one face in one frame. Ratios are over the face's height
    (forehead to chin), so they do not depend on how far the person sits from the camera."""

    yaw_deg: float
    """Head turn; 0 = facing the camera, positive = turned to the image's right."""
    pitch_deg: float
    """Head tilt; positive = looking down."""
    roll_deg: float
    """In-plane tilt of the eye line; 0 = level."""
    gaze_on_screen: bool | None
    """Both irises centred between the eye corners (None when the eyes are too small to say)."""
    mouth_open: float
    """Inner-lip gap over face height."""
    smile: float
    """Mouth width over face height."""
    brow_raise: float
    """Brow-to-eye distance over face height."""
    center_x: float
    """Face centre (px of the analysed image)."""
    center_y: float
    size: float
    """Face height, forehead to chin (px)."""


@dataclass(frozen=True, slots=True)
class PoseFeatures:
    upright: bool
    """Head held above the shoulder line (neck length over shoulder width ≥ the threshold)."""
    neck_ratio: float
    """Vertical nose-to-shoulder-line distance over shoulder width."""
    shoulder_width: float
    """Px; grows when the person leans in."""
    center_x: float
    """Shoulder-line centre (px)."""
    center_y: float
    wrists_visible: int
    """Wrists the pose model sees inside the frame; hands are only searched for when > 0."""
    wrists: tuple[tuple[float, float], ...] = ()
    """Those wrists' positions (px): a moving hand the hand model missed still shows here."""


@dataclass(frozen=True, slots=True)
class FrameObservation:
    """What was seen in one analysed frame of one stream."""

    stream_id: str
    t_s: float
    camera_on: bool
    """False for a black or flat picture."""
    change: float
    """As ``VideoFrame.change``."""
    face: FaceFeatures | None
    pose: PoseFeatures | None
    hands: tuple[tuple[float, float], ...]
    """Wrist position (px) of each visible hand."""
    scale_px: float
    """Length that movements are measured against: the face height, else half the shoulder
    width, else a quarter of the image height (px)."""
    reused: bool = False
    """Detections carried over from the previous analysed frame because the picture did not
    change (cost control)."""


@dataclass(frozen=True, slots=True)
class SecondFeatures:
    """One second of one stream: the unit of the report's ``timeline``."""

    stream_id: str
    second: int
    """Index of the second from meeting start ([second, second + 1) s)."""
    frames: int
    """Frames analysed in this second (0: no picture arrived, counts as camera off)."""
    camera_on: bool
    """Picture present, not black and not frozen."""
    face_visible: bool
    facing_camera: bool
    gaze_on_screen: bool | None
    speaking: bool
    """Mouth moving as in speech (a cross-check of the audio)."""
    mouth_activity: float
    """Range of the mouth opening in this second (over face height)."""
    expressiveness: float
    """0-1: how much mouth, smile and brows moved (1 = at or above a lively face's range)."""
    moving: bool
    """Head, shoulders or hands moved by at least a tenth of a face width."""
    hands_visible: bool
    gesture: bool
    """A hand is visible and moving."""
    nod: bool
    """A head nod (down and back up by at least the threshold) ended in this second."""
    upright: bool | None
    """None when the shoulders are not visible."""
    leaning_in: bool | None
    pitch_deg: float | None
    """Median head pitch, for plots and nod checks."""
