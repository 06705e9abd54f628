"""Give each transcribed word to the speaker whose turn it falls in; split segments where the
speaker changes, so every segment has one speaker."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .diarize import SpeakerTurn
from .frames import TranscribedSegment, Word

__all__ = ["attribute_words"]


def _speaker_of(start: float, end: float, turns: Sequence[SpeakerTurn]) -> int:
    best, best_overlap = -1, 0.0
    for turn in turns:
        overlap = min(end, turn.end) - max(start, turn.start)
        if overlap > best_overlap:
            best, best_overlap = turn.speaker, overlap
    if best >= 0:
        return best
    middle = (start + end) / 2
    distances = [min(abs(middle - turn.start), abs(middle - turn.end)) for turn in turns]
    return turns[int(np.argmin(distances))].speaker


def attribute_words(
    segments: Sequence[TranscribedSegment],
    turns: Sequence[SpeakerTurn],
    participant_ids: Sequence[str],
) -> list[TranscribedSegment]:
    """Re-attribute ``segments`` (of one mixed track) to ``participant_ids[turn.speaker]``."""
    if not turns:
        return list(segments)
    out: list[TranscribedSegment] = []
    for segment in segments:
        if not segment.words:
            speaker = _speaker_of(segment.start, segment.end, turns)
            out.append(_with(segment, participant_ids[speaker], segment.words, segment.text))
            continue
        run: list[Word] = []
        run_speaker = -1
        for word in segment.words:
            speaker = _speaker_of(word.start, max(word.end, word.start + 0.01), turns)
            if run and speaker != run_speaker:
                out.append(_from_words(segment, participant_ids[run_speaker], run))
                run = []
            run.append(word)
            run_speaker = speaker
        out.append(_from_words(segment, participant_ids[run_speaker], run))
    return sorted(out, key=lambda s: (s.start, s.participant_id))


def _from_words(segment: TranscribedSegment, speaker: str, words: list[Word]) -> TranscribedSegment:
    text = " ".join(word.text for word in words)
    return _with(segment, speaker, tuple(words), text, words[0].start, words[-1].end)


def _with(
    segment: TranscribedSegment,
    speaker: str,
    words: tuple[Word, ...],
    text: str,
    start: float | None = None,
    end: float | None = None,
) -> TranscribedSegment:
    return TranscribedSegment(
        participant_id=speaker,
        start=segment.start if start is None else start,
        end=segment.end if end is None else end,
        text=text,
        language=segment.language,
        words=words,
    )
