"""Give each transcribed word to the speaker whose turn it falls in; split segments where the
speaker changes, so every segment has one speaker."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .diarize import SpeakerTurn
from .frames import TranscribedSegment, Word

__all__ = ["attribute_words"]


class _Turns:
    """Turn bounds as arrays, so each word is matched in one vectorised step."""

    def __init__(self, turns: Sequence[SpeakerTurn]) -> None:
        self.starts = np.array([turn.start for turn in turns])
        self.ends = np.array([turn.end for turn in turns])
        self.speakers = np.array([turn.speaker for turn in turns])

    def speaker_of(self, start: float, end: float) -> int:
        """The speaker whose turn overlaps ``start``-``end`` most (the first such turn on a tie);
        with no overlap, the one whose turn edge is nearest its middle."""
        overlap = np.minimum(end, self.ends) - np.maximum(start, self.starts)
        best = int(np.argmax(overlap))
        if overlap[best] > 0:
            return int(self.speakers[best])
        middle = (start + end) / 2
        distances = np.minimum(np.abs(middle - self.starts), np.abs(middle - self.ends))
        return int(self.speakers[int(np.argmin(distances))])


def attribute_words(
    segments: Sequence[TranscribedSegment],
    turns: Sequence[SpeakerTurn],
    participant_ids: Sequence[str],
) -> list[TranscribedSegment]:
    """Re-attribute ``segments`` (of one mixed track) to ``participant_ids[turn.speaker]``."""
    if not turns:
        return list(segments)
    bounds = _Turns(turns)
    out: list[TranscribedSegment] = []
    for segment in segments:
        if not segment.words:
            speaker = bounds.speaker_of(segment.start, segment.end)
            out.append(_with(segment, participant_ids[speaker], segment.words, segment.text))
            continue
        run: list[Word] = []
        run_speaker = -1
        for word in segment.words:
            speaker = bounds.speaker_of(word.start, max(word.end, word.start + 0.01))
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
