"""What the benchmarks share: the real clips, a long meeting built from them, and WER."""

from __future__ import annotations

import itertools
import os
import re
import unicodedata
import wave
from pathlib import Path

import jiwer
import numpy as np

from pipelines.decode import decode_audio
from pipelines.frames import SAMPLE_RATE

__all__ = [
    "AMI_CLIPS",
    "DATA_DIR",
    "JFK",
    "JFK_REFERENCE",
    "MEETING_CLIPS",
    "MULTILINGUAL",
    "PYANNOTE_SAMPLE",
    "build_meeting_wav",
    "normalize_text",
    "stm_reference",
    "word_error_rate",
]

DATA_DIR = Path(
    os.environ.get(
        "MA_TEST_DATA",
        Path(__file__).resolve().parents[1].parent / "shared" / "data" / "external",
    )
)
JFK = DATA_DIR / "whisper-clips" / "jfk.flac"
JFK_REFERENCE = (
    "And so my fellow Americans, ask not what your country can do for you, "
    "ask what you can do for your country."
)
"""As given in SOURCES.md (faster-whisper's own test asserts this text)."""
PYANNOTE_SAMPLE = DATA_DIR / "pyannote-sample" / "sample.wav"
MULTILINGUAL = DATA_DIR / "whisper-clips" / "multilingual.mp3"
AMI_CLIPS = tuple(sorted((DATA_DIR / "ami-clips").glob("*.wav")))
MEETING_CLIPS = (*AMI_CLIPS, PYANNOTE_SAMPLE, MULTILINGUAL)
"""Four 30 s AMI meeting clips, a 30 s phone call, 60 s of English then German."""


def stm_reference(stm: Path) -> str:
    """The texts of an STM file joined in time order (fields: file channel speaker start end)."""
    rows = []
    for line in stm.read_text(encoding="utf-8").splitlines():
        fields = line.split(maxsplit=5)
        if len(fields) == 6 and not line.startswith(";;"):
            rows.append((float(fields[3]), fields[5]))
    return " ".join(text for _, text in sorted(rows, key=lambda row: row[0]))


def normalize_text(text: str) -> str:
    """Lowercase, punctuation out, whitespace collapsed: the same for every system compared.

    Hyphens and slashes separate words; apostrophes are dropped inside words ("didn't" and
    "didnt" both become "didnt"), so contraction spelling does not count as an error.
    """
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"[-‐–—/]", " ", text)
    text = re.sub(r"[^\w\s]", "", text)
    return " ".join(text.split())


def word_error_rate(reference: str, hypothesis: str) -> float:
    """WER (0..1+) of ``hypothesis`` against ``reference``, both normalised alike."""
    return float(jiwer.wer(normalize_text(reference), normalize_text(hypothesis) or "<empty>"))


def build_meeting_wav(
    target: Path, seconds: float, clips: tuple[Path, ...] = MEETING_CLIPS
) -> float:
    """Write a 16 kHz mono 16-bit WAV of ``seconds`` made of ``clips`` back to back, repeated.

    Streams block by block, so a long file costs little memory. Returns its duration (s).
    """
    if not clips:
        raise ValueError("no clips to build a meeting from")
    wanted = int(seconds * SAMPLE_RATE)
    written = 0
    with wave.open(str(target), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(SAMPLE_RATE)
        for clip in itertools.cycle(clips):
            for block in decode_audio(clip, channels="mixdown"):
                samples = block[0][: wanted - written]
                pcm = np.clip(samples * 32767.0, -32768, 32767).astype("<i2")
                out.writeframes(pcm.tobytes())
                written += len(samples)
                if written >= wanted:
                    return written / SAMPLE_RATE
    raise AssertionError("unreachable: itertools.cycle never ends")
