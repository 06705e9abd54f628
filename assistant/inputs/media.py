"""Work out who is in a recording and where each person's audio comes from.

- a folder of per-person tracks (``alice.wav``, ``bob.m4a``): one participant per file, named
  from the file name, aligned by the containers' start times;
- a stereo file whose two channels differ (a call recorded one side per channel): one
  participant per channel; a plain stereo mix (both channels carry everyone) is one track;
- anything else (mono, surround): one mixed track, downmixed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.config import AudioSettings
from assistant.transcript import Participant
from models.errors import NoMediaError
from pipelines.decode import MediaInfo, decode_audio, probe

__all__ = ["MEDIA_EXTENSIONS", "AudioSource", "MediaPlan", "is_stereo_mix", "plan_media"]

MEDIA_EXTENSIONS = frozenset(
    {
        ".aac",
        ".flac",
        ".m4a",
        ".mkv",
        ".mov",
        ".mp3",
        ".mp4",
        ".mpg",
        ".oga",
        ".ogg",
        ".opus",
        ".wav",
        ".webm",
        ".wma",
    }
)
_STEREO_PROBE_S = 60.0


@dataclass(frozen=True, slots=True)
class AudioSource:
    info: MediaInfo
    participant_ids: tuple[str, ...]
    """One id: the file is downmixed to one track. Two: left and right channel, in that order."""
    offset_s: float
    """Where this file starts in meeting time (s)."""
    mixed: bool = False
    """One track carrying several people (one microphone, a phone call): to be diarized."""

    @property
    def path(self) -> Path:
        return self.info.path


@dataclass(frozen=True, slots=True)
class MediaPlan:
    sources: tuple[AudioSource, ...]
    participants: tuple[Participant, ...]

    @property
    def duration_s(self) -> float:
        return max(
            (source.offset_s + (source.info.duration_s or 0.0) for source in self.sources),
            default=0.0,
        )


def _name_from_stem(stem: str) -> str:
    words = [word for word in re.split(r"[\s_\-.]+", stem) if word]
    return " ".join(word if word[:1].isupper() else word.capitalize() for word in words) or stem


def _id_from_stem(stem: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-") or "participant"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def is_stereo_mix(path: Path, threshold: float) -> bool:
    """True when both channels carry the same sound (a mix), judged on the first minute.

    Separate people on separate channels correlate near 0 (bleed adds a little); a mix of
    everyone on both channels correlates near 1. A silent channel also counts as a mix: it
    carries nobody of its own.
    """
    sums = np.zeros(5)  # sum L*R, sum L*L, sum R*R, sum L, sum R
    count = 0
    for block in decode_audio(path, channels="split", limit_s=_STEREO_PROBE_S):
        left, right = block[0].astype(np.float64), block[1].astype(np.float64)
        sums += (left @ right, left @ left, right @ right, left.sum(), right.sum())
        count += left.size
    if count == 0:
        return True
    lr, ll, rr, l_sum, r_sum = sums
    covariance = lr - l_sum * r_sum / count
    left_var, right_var = ll - l_sum**2 / count, rr - r_sum**2 / count
    quiet = 1e-6 * count
    if left_var < quiet or right_var < quiet:
        return True
    return float(covariance / np.sqrt(left_var * right_var)) > threshold


def plan_media(path: Path, audio: AudioSettings | None = None) -> MediaPlan:
    audio = audio or AudioSettings()
    if path.is_dir():
        return _plan_folder(path, audio)
    info = probe(path, allow_truncated=audio.allow_truncated)
    if info.channels == 2 and not is_stereo_mix(path, audio.stereo_mix_correlation):
        participants = (
            Participant("left", "Left channel", name_source="placeholder"),
            Participant("right", "Right channel", name_source="placeholder"),
        )
        return MediaPlan((AudioSource(info, ("left", "right"), 0.0),), participants)
    speaker = Participant("speaker-1", "Speaker 1", name_source="placeholder")
    return MediaPlan((AudioSource(info, (speaker.id,), 0.0, mixed=True),), (speaker,))


def _plan_folder(folder: Path, audio: AudioSettings) -> MediaPlan:
    files = sorted(
        child
        for child in folder.iterdir()
        if child.is_file()
        and child.suffix.lower() in MEDIA_EXTENSIONS
        and not child.name.startswith(".")
    )
    if not files:
        raise NoMediaError(
            "folder holds no media files (expected one per person, e.g. alice.wav, bob.m4a)",
            folder,
        )
    infos = [probe(file, allow_truncated=audio.allow_truncated) for file in files]
    earliest = min(info.start_time_s for info in infos)
    taken: set[str] = set()
    sources, participants = [], []
    for info in infos:
        participant = Participant(
            _id_from_stem(info.path.stem, taken),
            _name_from_stem(info.path.stem),
            name_source="file_name",
        )
        participants.append(participant)
        sources.append(AudioSource(info, (participant.id,), info.start_time_s - earliest))
    return MediaPlan(tuple(sources), tuple(participants))
