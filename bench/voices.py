"""Voices across a long recording built from the shared clips: who is who however often a voice
returns, and whether any speech is lost compared with the clips analysed one by one.

The reference turns come from the clips' own RTTM files (AMI, the phone call); a clip of one
voice (jfk, the multilingual reader, the ES2011a excerpt, hotwords) is one speaker whose speech
spans are faster-whisper's own Silero VAD on the clip alone (not this project's VAD stream).
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.config import Settings
from assistant.inputs.media import plan_media
from assistant.processing.speech import SpeechModels, transcribe_plan
from pipelines.decode import decode_audio
from pipelines.frames import SAMPLE_RATE, TranscribedSegment

from .common import DATA_DIR, PYANNOTE_SAMPLE, Piece, PlacedPiece, build_voices_wav
from .scoring import Turn, read_rttm

__all__ = ["PieceWords", "reference_turns", "speaker_of_piece", "words_kept"]

_AMI = DATA_DIR / "ami-clips"
_AMI_RTTM = {"tst": _AMI / "debug.test.rttm", "dev": _AMI / "debug.development.rttm"}


def _clip_turns(clip: Path) -> list[Turn]:
    """Who speaks when in a whole clip (s of the clip)."""
    if clip.parent == _AMI:
        return read_rttm(_AMI_RTTM[clip.stem[:3]], clip.stem)
    if clip == PYANNOTE_SAMPLE:
        return [
            Turn(f"call-{t.speaker}", t.start, t.end)
            for t in read_rttm(PYANNOTE_SAMPLE.with_suffix(".rttm"))
        ]
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    audio = np.concatenate([b[0] for b in decode_audio(clip, channels="mixdown")])
    spans = get_speech_timestamps(audio, VadOptions(min_silence_duration_ms=300, speech_pad_ms=100))
    return [Turn(clip.stem, s["start"] / SAMPLE_RATE, s["end"] / SAMPLE_RATE) for s in spans]


def reference_turns(placed: Sequence[PlacedPiece]) -> list[Turn]:
    """The reference turns of a built recording (s of the recording)."""
    turns: list[Turn] = []
    cache: dict[Path, list[Turn]] = {}
    for where in placed:
        piece = where.piece
        clip_turns = cache.setdefault(piece.clip, _clip_turns(piece.clip))
        end = where.end_s - where.start_s + piece.start_s
        for turn in clip_turns:
            start, stop = max(turn.start, piece.start_s), min(turn.end, end)
            if stop > start:
                turns.append(
                    Turn(turn.speaker, where.to_recording(start), where.to_recording(stop))
                )
    return sorted(turns, key=lambda t: (t.start, t.speaker))


@dataclass(frozen=True, slots=True)
class PieceWords:
    piece: Piece
    start_s: float
    """Where the piece starts in the recording (s)."""
    alone: int
    """Words recognised in the piece analysed on its own."""
    kept: int
    """Words recognised inside the piece's span of the whole recording."""


def _words_in(segments: Sequence[TranscribedSegment], start: float, end: float) -> int:
    return sum(
        1 for s in segments for w in s.words if start <= (w.start + w.end) / 2 < end and w.text
    )


def words_kept(
    placed: Sequence[PlacedPiece],
    segments: Sequence[TranscribedSegment],
    models: SpeechModels,
    settings: Settings,
) -> list[PieceWords]:
    """Words of each piece in the whole recording's ``segments`` against the piece analysed
    alone (each distinct piece once, as a file of its own, the way a user would)."""
    alone: dict[Piece, int] = {}
    out = []
    with tempfile.TemporaryDirectory() as folder:
        for where in placed:
            piece = where.piece
            if piece not in alone:
                path = Path(folder) / "piece.wav"
                build_voices_wav(path, [piece], gap_s=0.0)
                result = transcribe_plan(plan_media(path, settings.audio), models, settings)
                alone[piece] = _words_in(result.segments, 0.0, float("inf"))
            # Half a second of slack each side: a word at the very edge may be timed past it.
            kept = _words_in(segments, where.start_s - 0.5, where.end_s + 0.5)
            out.append(PieceWords(piece, where.start_s, alone[piece], kept))
    return out


def speaker_of_piece(where: PlacedPiece, segments: Sequence[TranscribedSegment]) -> dict[str, int]:
    """Words in the piece's span by the participant they were given to."""
    counts: dict[str, int] = {}
    for segment in segments:
        for word in segment.words:
            if where.start_s <= (word.start + word.end) / 2 < where.end_s:
                counts[segment.participant_id] = counts.get(segment.participant_id, 0) + 1
    return counts
