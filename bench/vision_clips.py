"""Labelled video clips built from real photographs, with their per-second truth.

The person is NASA's portrait of astronaut Eileen Collins (public domain, shipped by scikit-image
as ``skimage.data.astronaut``), placed in front of scikit-image's real ``coffee`` photo; the hand
is OpenCV's documentation photo ``handSrc.jpg`` (Apache-2.0, copied to
``tests/data/vision/hand.jpg``). Each second of a clip is one scripted state, so its truth is
exact: camera off (black, frozen), face cut out of the frame, face covered by the hand, a nod
(the head dips by 15 % of the face height and comes back), a hand gesture (the hand waves across
the lower frame), or a live face swaying gently as a seated person does.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
import cv2
import numpy as np
import numpy.typing as npt

__all__ = [
    "GESTURE_CLIP",
    "HAND_PHOTO",
    "PRESENCE_CLIP",
    "ClipTruth",
    "build_clip",
    "write_video",
]

Image = npt.NDArray[np.uint8]

HAND_PHOTO = Path(__file__).resolve().parents[1] / "tests" / "data" / "vision" / "hand.jpg"
WIDTH, HEIGHT, FPS = 640, 360, 10

# States, one per second: live, black, frozen, away (face out of frame), covered (hand over the
# face), nod (a nod in this second), wave (a hand gesture in this second).
PRESENCE_CLIP = (
    ("live", 6),
    ("black", 4),
    ("live", 3),
    ("away", 4),
    ("live", 3),
    ("frozen", 4),
    ("covered", 3),
    ("live", 3),
)
GESTURE_CLIP = (
    ("live", 2),
    ("nod", 1),
    ("live", 2),
    ("wave", 2),
    ("live", 2),
    ("nod", 1),
    ("live", 3),
    ("wave", 2),
    ("live", 1),
    ("nod", 1),
    ("live", 2),
    ("wave", 1),
    ("live", 2),
    ("nod", 1),
    ("live", 2),
    ("wave", 2),
    ("live", 3),
)


@dataclass(frozen=True, slots=True)
class ClipTruth:
    seconds: int
    camera_on: tuple[bool, ...]
    face_visible: tuple[bool, ...]
    """Face in view, per second (False while the camera is off)."""
    nods: int
    gestures: int

    @property
    def camera_on_share(self) -> float:
        return sum(self.camera_on) / self.seconds

    @property
    def face_visible_share(self) -> float:
        """Over camera-on seconds, as the report defines it."""
        return sum(self.face_visible) / max(1, sum(self.camera_on))

    @property
    def facing_camera_share(self) -> float:
        """Over face-visible seconds: the portrait always faces the camera."""
        return 1.0 if any(self.face_visible) else 0.0


def _photos() -> tuple[Image, Image, Image]:
    import skimage.data

    portrait = np.asarray(skimage.data.astronaut(), dtype=np.uint8)  # type: ignore[no-untyped-call]
    coffee = np.asarray(skimage.data.coffee(), dtype=np.uint8)  # type: ignore[no-untyped-call]
    person = cv2.resize(portrait, (300, 300), interpolation=cv2.INTER_AREA)
    room = cv2.resize(coffee, (WIDTH, HEIGHT), interpolation=cv2.INTER_AREA)
    hand = cv2.cvtColor(cv2.imread(str(HAND_PHOTO)), cv2.COLOR_BGR2RGB)
    hand = cv2.resize(hand, (200, 150), interpolation=cv2.INTER_AREA)
    return _u8(person), _u8(room), _u8(hand)


def _u8(image: npt.NDArray[np.generic]) -> Image:
    return np.asarray(image, dtype=np.uint8)


def _paste(canvas: Image, patch: Image, x: int, y: int) -> None:
    h, w = patch.shape[:2]
    x0, y0, x1, y1 = max(x, 0), max(y, 0), min(x + w, canvas.shape[1]), min(y + h, canvas.shape[0])
    if x0 < x1 and y0 < y1:
        canvas[y0:y1, x0:x1] = patch[y0 - y : y1 - y, x0 - x : x1 - x]


def _frames(script: Sequence[tuple[str, int]]) -> list[Image]:
    person, room, hand = _photos()
    frames: list[Image] = []
    rng = np.random.default_rng(4)
    index = 0
    for state, seconds in script:
        for step in range(seconds * FPS):
            t = index / FPS
            index += 1
            phase = step / FPS % 1.0  # position within this second
            sway = round(6 * math.sin(2 * math.pi * 0.4 * t))
            canvas = room.copy()
            if state == "black":
                frames.append(np.zeros_like(room))
                continue
            if state == "frozen":
                frames.append(frames[-1].copy())
                continue
            x, y = 170 + sway, 60
            if state == "away":
                x = WIDTH + 50  # walked out of the frame: the room alone
            if state == "nod":
                # Down by 15 % of the face height (face ≈ 100 px) and back within 0.8 s.
                y += round(15 * math.sin(math.pi * min(phase / 0.8, 1.0)))
            _paste(canvas, person, x, y)
            if state == "covered":
                _paste(canvas, hand, x + 50, y)
            if state == "wave":
                _paste(canvas, hand, round(20 + 140 * math.sin(2 * math.pi * phase)) + 40, 200)
            # Sensor noise, as every webcam has: a live but empty room is not a frozen picture.
            noise = rng.normal(0, 4, canvas.shape)
            frames.append(np.clip(canvas + noise, 0, 255).astype(np.uint8))
    return frames


def truth(script: Sequence[tuple[str, int]]) -> ClipTruth:
    states = [state for state, seconds in script for _ in range(seconds)]
    on = tuple(s not in ("black", "frozen") for s in states)
    face = tuple(s in ("live", "nod", "wave") for s in states)
    return ClipTruth(
        seconds=len(states),
        camera_on=on,
        face_visible=face,
        nods=sum(s == "nod" for s in states),
        gestures=sum(1 for s, _ in script if s == "wave"),
    )


def write_video(
    path: Path,
    frames: Sequence[Image],
    *,
    fps: int = FPS,
    codec: str = "libx264",
    rotation: int = 0,
    audio: npt.NDArray[np.float32] | None = None,
    audio_rate: int = 16_000,
    times: Sequence[float] | None = None,
    pix_fmt: str = "yuv420p",
) -> Path:
    """Encode RGB frames (and optional mono or (channels, n) float audio) into ``path``.

    ``times`` gives each frame's presentation time (s) for variable-frame-rate files;
    ``rotation`` stores display-rotation metadata as a phone does.
    """
    with av.open(str(path), mode="w") as container:
        stream = container.add_stream(codec, rate=fps)
        assert isinstance(stream, av.VideoStream)
        stream.height, stream.width = frames[0].shape[:2]
        stream.pix_fmt = pix_fmt
        if times is not None:
            stream.time_base = Fraction(1, 1000)
        if rotation:
            stream.set_display_rotation(rotation)
        sound = None
        if audio is not None:
            samples = audio[None, :] if audio.ndim == 1 else audio
            layout = "mono" if samples.shape[0] == 1 else "stereo"
            sound = container.add_stream("aac", rate=audio_rate, layout=layout)
            assert isinstance(sound, av.AudioStream)
        for number, image in enumerate(frames):
            frame = av.VideoFrame.from_ndarray(np.ascontiguousarray(image), format="rgb24")
            if times is not None:
                frame.pts = round(times[number] * 1000)
                frame.time_base = Fraction(1, 1000)
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
        if sound is not None and audio is not None:
            samples = audio[None, :] if audio.ndim == 1 else audio
            data = np.ascontiguousarray(np.clip(samples, -1, 1).astype(np.float32))
            layout = "mono" if data.shape[0] == 1 else "stereo"
            block = av.AudioFrame.from_ndarray(data, format="fltp", layout=layout)
            block.sample_rate, block.pts, block.time_base = audio_rate, 0, Fraction(1, audio_rate)
            resampler = av.AudioResampler(
                format="fltp", layout=layout, rate=audio_rate, frame_size=1024
            )
            for converted in [*resampler.resample(block), *resampler.resample(None)]:
                for packet in sound.encode(converted):
                    container.mux(packet)
            for packet in sound.encode(None):
                container.mux(packet)
    return path


def build_clip(path: Path, script: Sequence[tuple[str, int]]) -> ClipTruth:
    """Write the scripted clip to ``path`` and return its truth."""
    write_video(path, _frames(script))
    return truth(script)
