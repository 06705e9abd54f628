"""The small vocabulary of frames passed between pipeline stages.

Every frame names the participant it belongs to (``participant_id``; in a gallery view, a face
track) and carries its time in seconds from the start of the meeting (``start_s``), so stages can
run per participant, offline or live, and be merged later. Audio frames come first, then the
video ones, then the events a live stream emits.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

import numpy as np
import numpy.typing as npt

__all__ = [
    "SAMPLE_RATE",
    "AudioChunk",
    "Caption",
    "FaceFeatures",
    "Frame",
    "FrameObservation",
    "InputEnd",
    "PoseFeatures",
    "SecondFeatures",
    "SpeechChunk",
    "SpeechRegion",
    "TranscribedSegment",
    "VideoFrame",
    "VoiceActivity",
    "Word",
    "joined",
]

SAMPLE_RATE = 16_000
"""Sample rate of every audio frame after decoding (Hz); what Whisper and Silero expect."""

FloatArray = npt.NDArray[np.float32]


class Frame(Protocol):
    """What every frame has: whose it is and when it starts."""

    @property
    def participant_id(self) -> str: ...

    @property
    def start_s(self) -> float:
        """Seconds from the start of the meeting."""
        ...


@dataclass(frozen=True, slots=True, eq=False)
class AudioChunk:
    """A run of decoded mono audio for one participant."""

    participant_id: str
    start_s: float
    """Time of the first sample (s from meeting start)."""
    samples: FloatArray = field(repr=False)
    """Mono float32 PCM in [-1, 1] at ``SAMPLE_RATE``."""

    @property
    def duration_s(self) -> float:
        return len(self.samples) / SAMPLE_RATE

    @property
    def end_s(self) -> float:
        return self.start_s + self.duration_s


@dataclass(frozen=True, slots=True, eq=False)
class SpeechRegion:
    """One stretch of voice activity found by the VAD, with its audio."""

    participant_id: str
    start_s: float
    """Start (s from meeting start), padding included."""
    samples: FloatArray = field(repr=False)
    """Mono float32 PCM at ``SAMPLE_RATE`` covering the region."""

    @property
    def end_s(self) -> float:
        return self.start_s + len(self.samples) / SAMPLE_RATE


@dataclass(frozen=True, slots=True, eq=False)
class SpeechChunk:
    """Consecutive speech regions of one participant joined into one recogniser input.

    The audio is the regions' samples back to back (silence between them removed);
    ``region_offsets`` maps positions in that audio back to meeting time.
    """

    participant_id: str
    samples: FloatArray = field(repr=False)
    """Mono float32 PCM at ``SAMPLE_RATE``; at most the recogniser's window (30 s)."""
    region_offsets: tuple[tuple[float, float], ...]
    """Per region: (position in ``samples`` (s), meeting time of that position (s))."""

    @property
    def start_s(self) -> float:
        return self.region_offsets[0][1]

    @property
    def duration_s(self) -> float:
        return len(self.samples) / SAMPLE_RATE

    def tail(self, from_s: float) -> SpeechChunk:
        """The part of this chunk from ``from_s`` (s into ``samples``) on."""
        return self.part(from_s, self.duration_s)

    def part(self, from_s: float, to_s: float) -> SpeechChunk:
        """The part of this chunk from ``from_s`` to ``to_s`` (s into ``samples``)."""
        cut, stop = int(from_s * SAMPLE_RATE), int(to_s * SAMPLE_RATE)
        offsets = [(0.0, self.to_meeting_time(from_s))]
        offsets += [
            (pos - from_s, time) for pos, time in self.region_offsets if from_s < pos < to_s
        ]
        return SpeechChunk(self.participant_id, self.samples[cut:stop], tuple(offsets))

    def to_meeting_time(self, chunk_time_s: float) -> float:
        """Map a time inside ``samples`` (s) to meeting time (s)."""
        position, meeting_time = self.region_offsets[0]
        for region_position, region_time in self.region_offsets:
            if region_position > chunk_time_s:
                break
            position, meeting_time = region_position, region_time
        return meeting_time + (chunk_time_s - position)

    def span_to_meeting_time(self, start_s: float, end_s: float) -> tuple[float, float]:
        """Map a span inside ``samples`` (a word, s) to meeting time (s).

        The regions were joined with the silence between them cut out, so a span across a
        seam would stretch over that silence. It goes to the region holding most of it, cut at
        the seam: Whisper often starts the first word after a pause early, in the padding of
        the region before, which put it a second or more ahead of its speech.
        """
        end_s = max(start_s, end_s)
        cuts = [start_s, *(p for p, _ in self.region_offsets if start_s < p < end_s), end_s]
        first, last = max(itertools.pairwise(cuts), key=lambda piece: piece[1] - piece[0])
        start = self.to_meeting_time(first)
        return start, start + (last - first)


def joined(chunks: Sequence[SpeechChunk]) -> SpeechChunk:
    """One participant's chunks back to back, as one chunk that maps each part to its time."""
    offsets: list[tuple[float, float]] = []
    position = 0
    for chunk in chunks:
        offsets += [(position / SAMPLE_RATE + pos, time) for pos, time in chunk.region_offsets]
        position += len(chunk.samples)
    samples = np.concatenate([chunk.samples for chunk in chunks])
    return SpeechChunk(chunks[0].participant_id, samples, tuple(offsets))


@dataclass(frozen=True, slots=True)
class Word:
    """One recognised word with its timing."""

    text: str
    start: float
    """Start (s from meeting start)."""
    end: float
    """End (s from meeting start)."""
    probability: float
    """Recogniser's confidence in [0, 1]."""


@dataclass(frozen=True, slots=True)
class TranscribedSegment:
    """One recognised utterance (about a sentence) of one participant."""

    participant_id: str
    start: float
    """Start (s from meeting start)."""
    end: float
    """End (s from meeting start)."""
    text: str
    language: str
    """ISO 639-1 code detected for the chunk this segment came from."""
    words: tuple[Word, ...]

    @property
    def start_s(self) -> float:
        return self.start


Image = npt.NDArray[np.uint8]


@dataclass(frozen=True, slots=True, eq=False)
class VideoFrame:
    """One sampled, upright RGB frame of one video stream."""

    participant_id: str
    start_s: float
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

    participant_id: str
    start_s: float
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

    participant_id: str
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

    @property
    def start_s(self) -> float:
        return float(self.second)


@dataclass(frozen=True, slots=True)
class VoiceActivity:
    """The VAD's decision changed: a participant started or stopped speaking."""

    participant_id: str
    start_s: float
    """When the change happened (s from meeting start), speech padding included."""
    speaking: bool


@dataclass(frozen=True, slots=True)
class InputEnd:
    """No more media of this participant will come (they left, or the meeting ended). Pushed
    before ``end_input``: a stage emits at once what needs no more input (the VAD closes its
    open region, a live transcriber its utterance's last final caption) and keeps for
    ``end_input`` the deferred work (timed decodes), so a last caption never waits for it."""

    participant_id: str
    start_s: float
    """End of the participant's media (s from meeting start)."""


CaptionKind = Literal["partial", "final"]


@dataclass(frozen=True, slots=True)
class Caption:
    """Live text of one participant. A ``partial`` is the recogniser's current guess at words
    not yet confirmed (the next partial replaces it); a ``final`` holds words that will not
    change. Finals of one participant, in order, are that participant's live transcript."""

    kind: CaptionKind
    participant_id: str
    start_s: float
    """Start of the first word (s from meeting start); estimated from the decoded audio."""
    end_s: float
    """End of the last word (s from meeting start); estimated likewise."""
    text: str
    language: str
    """ISO 639-1 code of the utterance."""
    emitted_at: float
    """Wall-clock seconds since the stream started when the caption was made."""

    def to_event(self) -> dict[str, object]:
        """The caption as the event the CLI and the service publish."""
        return {
            "type": self.kind,
            "participant": self.participant_id,
            "start": round(self.start_s, 3),
            "end": round(self.end_s, 3),
            "text": self.text,
            "language": self.language,
            "emitted_at": round(self.emitted_at, 3),
        }
