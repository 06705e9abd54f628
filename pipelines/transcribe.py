"""Transcription stage: speech chunks in, timed and language-tagged segments out.

Chunks from any participant are batched together, since the recogniser is shared. Segments the
model itself marks as unlikely speech are dropped here, so silence and noise never turn into the
well-known invented "Thank you.".
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from models.asr import RecognitionOptions, RecognizedSegment, SpeechRecognizer

from .frames import SpeechChunk, TranscribedSegment, Word

__all__ = ["HallucinationFilter", "transcribe_chunks"]


@dataclass(frozen=True, slots=True)
class HallucinationFilter:
    """Whisper's own thresholds, plus one for words the model barely believes."""

    no_speech_prob: float = 0.6
    """Above this, and with a low log-probability, a segment is taken as silence."""
    avg_logprob: float = -1.0
    compression_ratio: float = 2.4
    """Above this the text repeats itself: the model is looping."""
    min_word_probability: float = 0.15
    """A segment whose words average below this confidence is noise read as words."""

    def keeps(self, segment: RecognizedSegment) -> bool:
        if segment.no_speech_prob > self.no_speech_prob and segment.avg_logprob < self.avg_logprob:
            return False
        if segment.compression_ratio > self.compression_ratio:
            return False
        if segment.words:
            mean = sum(word.probability for word in segment.words) / len(segment.words)
            if mean < self.min_word_probability:
                return False
        return True


def _batches(chunks: Iterable[SpeechChunk], size: int) -> Iterator[list[SpeechChunk]]:
    batch: list[SpeechChunk] = []
    for chunk in chunks:
        batch.append(chunk)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def transcribe_chunks(
    chunks: Iterable[SpeechChunk],
    recognizer: SpeechRecognizer,
    options: RecognitionOptions,
    *,
    batch_size: int = 8,
    hallucination_filter: HallucinationFilter = HallucinationFilter(),
) -> Iterator[tuple[SpeechChunk, list[TranscribedSegment]]]:
    """Yield each chunk with its segments (times in meeting time), in input order."""
    for batch in _batches(chunks, batch_size):
        recognitions = recognizer.recognize([chunk.samples for chunk in batch], options)
        for chunk, recognition in zip(batch, recognitions, strict=True):
            segments = [
                _to_meeting_time(chunk, segment, recognition.language)
                for segment in recognition.segments
                if hallucination_filter.keeps(segment)
            ]
            yield chunk, segments


def _to_meeting_time(
    chunk: SpeechChunk, segment: RecognizedSegment, language: str
) -> TranscribedSegment:
    words = tuple(
        Word(
            text=word.text.strip(),
            start=round(chunk.to_meeting_time(word.start), 3),
            # Measured from the word's own start, so a word at a region seam keeps its length.
            end=round(chunk.to_meeting_time(word.start) + max(0.0, word.end - word.start), 3),
            probability=round(word.probability, 4),
        )
        for word in segment.words
        if word.text.strip()
    )
    start = words[0].start if words else chunk.to_meeting_time(segment.start)
    end = words[-1].end if words else chunk.to_meeting_time(segment.end)
    return TranscribedSegment(
        participant_id=chunk.participant_id,
        start=round(start, 3),
        end=round(max(start, end), 3),
        text=segment.text,
        language=language,
        words=words,
    )
