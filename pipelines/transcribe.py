"""Transcription stage: speech chunks in, timed and language-tagged segments out.

Chunks from any participant are batched together, since the recogniser is shared. Segments the
model itself marks as unlikely speech are dropped here, so silence and noise never turn into the
well-known invented "Thank you.".
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

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
        if not any(character.isalnum() for character in segment.text):
            return False  # "..." and other punctuation read into silence
        if segment.words:
            mean = sum(word.probability for word in segment.words) / len(segment.words)
            if mean < self.min_word_probability:
                return False
        return True


def transcribe_chunks(
    chunks: Iterable[SpeechChunk],
    recognizer: SpeechRecognizer,
    options: RecognitionOptions,
    *,
    batch_size: int = 8,
    hallucination_filter: HallucinationFilter = HallucinationFilter(),
    min_leftover_s: float = 3.0,
    confident_probability: float = 0.8,
) -> Iterator[tuple[SpeechChunk, list[TranscribedSegment]]]:
    """Yield each chunk with its segments (times in meeting time).

    When the text of a chunk stops well before its audio does (Whisper sometimes ends early,
    for example where the language switches inside the chunk), the rest of the chunk is
    queued again as a chunk of its own, so no speech is silently lost.
    """
    source = iter(chunks)
    queue: deque[SpeechChunk] = deque()
    # Seconds of speech per language detected with confidence: the meeting's language so far,
    # the fallback for a chunk too short or unclear to tell.
    confident: defaultdict[str, float] = defaultdict(float)
    exhausted = False
    while True:
        while not exhausted and len(queue) < batch_size:
            next_chunk = next(source, None)
            if next_chunk is None:
                exhausted = True
            else:
                queue.append(next_chunk)
        if not queue:
            return
        batch = [queue.popleft() for _ in range(min(batch_size, len(queue)))]
        if confident and options.language is None:
            options = replace(options, fallback_language=max(confident, key=confident.__getitem__))
        recognitions = recognizer.recognize([chunk.samples for chunk in batch], options)
        for chunk, recognition in zip(batch, recognitions, strict=True):
            if recognition.language_probability >= confident_probability:
                confident[recognition.language] += chunk.duration_s
        leftovers = []
        for chunk, recognition in zip(batch, recognitions, strict=True):
            kept = [s for s in recognition.segments if hallucination_filter.keeps(s)]
            covered = max((_end_of(segment) for segment in kept), default=0.0)
            if kept and chunk.duration_s - covered >= min_leftover_s:
                leftovers.append(chunk.tail(covered))
            yield (
                chunk,
                [
                    piece
                    for segment in kept
                    for piece in _to_meeting_time(chunk, segment, recognition.language)
                ],
            )
        queue.extendleft(reversed(leftovers))  # next, and in time order


def _end_of(segment: RecognizedSegment) -> float:
    return max(segment.end, segment.words[-1].end if segment.words else 0.0)


_PAUSE_S = 1.0
"""Words further apart than this in meeting time are two utterances: a chunk joins speech
regions with the silence between them cut out, so a pause is only visible after mapping."""


def _to_meeting_time(
    chunk: SpeechChunk, segment: RecognizedSegment, language: str
) -> list[TranscribedSegment]:
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
    if not words:
        start = chunk.to_meeting_time(segment.start)
        end = max(start, chunk.to_meeting_time(segment.end))
        return [
            TranscribedSegment(
                chunk.participant_id, round(start, 3), round(end, 3), segment.text, language, ()
            )
        ]
    cuts = [i for i in range(1, len(words)) if words[i].start - words[i - 1].end > _PAUSE_S]
    pieces = [words[a:b] for a, b in zip([0, *cuts], [*cuts, len(words)], strict=True)]
    return [
        TranscribedSegment(
            participant_id=chunk.participant_id,
            start=piece[0].start,
            end=max(piece[0].start, piece[-1].end),
            text=segment.text if len(pieces) == 1 else " ".join(w.text for w in piece),
            language=language,
            words=piece,
        )
        for piece in pieces
    ]
