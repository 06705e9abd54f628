"""MediaPipe 0.10.21 (legacy solutions) behind a small interface: face mesh with iris, pose
(model_complexity=1, the only one shipped in the wheel) and hands, plus the full-range face
detector for gallery views.

The model files ship inside the ``mediapipe`` wheel, so nothing is downloaded. ``VisionModels``
checks once that they are there; each participant (or each face track in a gallery view) gets its
own ``VisionStream``, because MediaPipe's video mode keeps tracking state and needs monotonic
timestamps per graph. Graphs are created lazily: a stream that never needs hands never builds the
hands graph. Inference is blocking; callers run it off any event loop.
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from models.errors import ModelUnavailableError

__all__ = [
    "FaceDetection",
    "FaceDetector",
    "VisionModels",
    "VisionStream",
]

FloatArray = npt.NDArray[np.float32]
Image = npt.NDArray[np.uint8]

# Files the legacy solutions load from inside the wheel (pose: the complexity-1 model only).
_MODEL_FILES = (
    "modules/face_landmark/face_landmark_with_attention.tflite",
    "modules/face_detection/face_detection_short_range.tflite",
    "modules/face_detection/face_detection_full_range_sparse.tflite",
    "modules/pose_landmark/pose_landmark_full.tflite",
    "modules/pose_detection/pose_detection.tflite",
    "modules/hand_landmark/hand_landmark_full.tflite",
    "modules/palm_detection/palm_detection_full.tflite",
)


@dataclass(frozen=True, slots=True)
class FaceDetection:
    """One face found by the detector; coordinates are fractions of the image size."""

    x: float
    y: float
    width: float
    height: float
    score: float


@dataclass
class _Timer:
    """Milliseconds spent per model, for the benchmark."""

    ms: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))
    calls: defaultdict[str, int] = field(default_factory=lambda: defaultdict(int))

    def add(self, name: str, started: float) -> None:
        self.ms[name] += (time.perf_counter() - started) * 1000
        self.calls[name] += 1


def _solutions() -> Any:
    # MediaPipe's C++ side prints a few notices per graph straight to file descriptor 2 (absl
    # and TFLite logging; neither GLOG_minloglevel nor TF_CPP_MIN_LOG_LEVEL turns them off).
    # They are left alone: silencing them means redirecting fd 2 or setting environment
    # variables, both process-wide, which a library must not do to a server's other threads.
    try:
        import mediapipe as mp
    except ImportError as error:  # pragma: no cover - exercised only on a broken install
        raise ModelUnavailableError(
            "video analysis needs mediapipe==0.10.21 (reinstall with `make demo`)"
        ) from error
    return mp.solutions


class VisionModels:
    """The vision models, checked once; ``stream()`` gives each participant its own graphs."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @classmethod
    def load(cls) -> VisionModels:
        solutions = _solutions()
        root = Path(solutions.__file__).resolve().parents[2]
        missing = [name for name in _MODEL_FILES if not (root / name).is_file()]
        if missing:
            raise ModelUnavailableError(
                f"the mediapipe install lacks {', '.join(missing)}; reinstall mediapipe==0.10.21 "
                "(later releases no longer ship these models)",
                root,
            )
        return cls(root)

    def stream(self, *, max_hands: int = 2) -> VisionStream:
        return VisionStream(max_hands=max_hands)


class VisionStream:
    """One participant's (or one face track's) graphs, in video (tracking) mode."""

    def __init__(self, *, max_hands: int = 2) -> None:
        self._solutions = _solutions()
        self._max_hands = max_hands
        self._graphs: dict[str, Any] = {}
        self._detector: FaceDetector | None = None
        self.timer = _Timer()

    def _graph(self, name: str) -> Any:
        graph = self._graphs.get(name)
        if graph is None:
            s = self._solutions
            if name == "face_mesh":
                graph = s.face_mesh.FaceMesh(max_num_faces=1, refine_landmarks=True)
            elif name == "pose":
                graph = s.pose.Pose(model_complexity=1)
            else:
                graph = s.hands.Hands(max_num_hands=self._max_hands, model_complexity=1)
            self._graphs[name] = graph
        return graph

    def face(self, image: Image) -> FloatArray | None:
        """478 face-mesh points (x, y as fractions of width/height; z on x's scale), or None."""
        started = time.perf_counter()
        result = self._graph("face_mesh").process(image)
        self.timer.add("face_mesh", started)
        if not result.multi_face_landmarks:
            return None
        return _points(result.multi_face_landmarks[0].landmark, with_visibility=False)

    def detect_faces(self, image: Image) -> list[tuple[float, float, float, float]]:
        """Boxes (x, y, width, height as fractions of the image) of the faces found by the
        full-range detector, which also finds small faces (a person 2-5 m away, a gallery tile)."""
        if self._detector is None:
            self._detector = FaceDetector()
        detector = self._detector
        started = time.perf_counter()
        faces = detector.detect(image)
        self.timer.add("face_detection", started)
        return [(f.x, f.y, f.width, f.height) for f in faces]

    def pose(self, image: Image) -> FloatArray | None:
        """33 body points (x, y, z, visibility), or None when no person is found."""
        started = time.perf_counter()
        result = self._graph("pose").process(image)
        self.timer.add("pose", started)
        if result.pose_landmarks is None:
            return None
        return _points(result.pose_landmarks.landmark, with_visibility=True)

    def hands(self, image: Image) -> tuple[FloatArray, ...]:
        """21 points (x, y, z) per visible hand."""
        started = time.perf_counter()
        result = self._graph("hands").process(image)
        self.timer.add("hands", started)
        return tuple(
            _points(hand.landmark, with_visibility=False)
            for hand in result.multi_hand_landmarks or ()
        )

    def close(self) -> None:
        for graph in self._graphs.values():
            graph.close()
        self._graphs.clear()
        if self._detector is not None:
            self._detector.close()
            self._detector = None


class FaceDetector:
    """Full-range face detection (faces up to about 5 m), for finding tiles in gallery views."""

    def __init__(self, min_score: float = 0.5) -> None:
        self._graph = _solutions().face_detection.FaceDetection(
            model_selection=1, min_detection_confidence=min_score
        )

    def detect(self, image: Image) -> list[FaceDetection]:
        result = self._graph.process(image)
        faces = []
        for detection in result.detections or ():
            box = detection.location_data.relative_bounding_box
            faces.append(
                FaceDetection(
                    float(box.xmin),
                    float(box.ymin),
                    float(box.width),
                    float(box.height),
                    float(detection.score[0]),
                )
            )
        return faces

    def close(self) -> None:
        self._graph.close()


def _points(landmarks: Any, *, with_visibility: bool) -> FloatArray:
    rows: list[tuple[float, ...]]
    if with_visibility:
        rows = [(p.x, p.y, p.z, p.visibility) for p in landmarks]
    else:
        rows = [(p.x, p.y, p.z) for p in landmarks]
    return np.asarray(rows, dtype=np.float32)
