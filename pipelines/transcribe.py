"""Transcription stage: speech chunks in, timed and language-tagged segments out.

Chunks from any participant are batched together, since the recogniser is shared. Segments the
model itself marks as unlikely speech are dropped here, so silence and noise never turn into the
well-known invented "Thank you.".
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass, replace

from models.asr import (
    ChunkRecognition,
    RecognitionOptions,
    RecognizedSegment,
    RecognizedWord,
    SpeechRecognizer,
)

from .frames import SAMPLE_RATE, Frame, SpeechChunk, TranscribedSegment, Word, joined
from .stage import Stage

__all__ = ["ChunkTranscriber", "HallucinationFilter", "to_meeting_time"]


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

    def loops(self, segment: RecognizedSegment) -> bool:
        """The text repeats itself: speech read as a loop, not silence read as words."""
        return segment.compression_ratio > self.compression_ratio

    def keeps(self, segment: RecognizedSegment) -> bool:
        if segment.no_speech_prob > self.no_speech_prob and segment.avg_logprob < self.avg_logprob:
            return False
        if self.loops(segment):
            return False
        if not any(character.isalnum() for character in segment.text):
            return False  # "..." and other punctuation read into silence
        if segment.words:
            mean = sum(word.probability for word in segment.words) / len(segment.words)
            if mean < self.min_word_probability:
                return False
        return True


class ChunkTranscriber(Stage):
    """Speech chunks in (any participant's: the recogniser is shared), their segments out in
    meeting time. Chunks are decoded ``batch_size`` at a time, the strongest set-up for files;
    ``end_input`` decodes the last, short batch.

    No speech is silently lost: Whisper sometimes skips part of a chunk (a quiet far-field
    voice before a loud one, the rest of a chunk after the language changes, a last short
    phrase). Every stretch of at least ``min_unheard_s`` with no recognised word near it
    (``word_margin_s``) is decoded again as a chunk of its own (each chunk's audio at most
    ``max_tries`` times: a stretch skipped again in company is read alone, as 12 s of a
    far-field AMI speaker after a jfk clip were, skipped by both the first read and the
    reread that started with jfk; see also ``AsrSettings.no_repeat_ngram_size``). A word
    timed longer than ``max_word_s`` is Whisper's alignment
    stretching it over speech it skipped: it keeps its end and that length, so the skipped
    speech shows as unheard. The stretches of one participant to read again are joined, in
    time order, into chunks of at most ``pack_s``: each alone would cost a whole 30 s encoder
    window, however short. They wait, across batches, until they fill such a chunk (or the
    input ends): packed batch by batch, a batch's few seconds of skipped speech took a window
    of their own. ``on_chunk`` hears each chunk once its text is out (for progress).
    """

    accepts = (SpeechChunk,)

    def __init__(
        self,
        recognizer: SpeechRecognizer,
        options: RecognitionOptions,
        *,
        batch_size: int = 8,
        hallucination_filter: HallucinationFilter = HallucinationFilter(),
        min_unheard_s: float = 0.6,
        word_margin_s: float = 0.2,
        max_word_s: float = 1.0,
        max_tries: int = 3,
        pack_s: float = 30.0,
        confident_probability: float = 0.8,
        on_chunk: Callable[[SpeechChunk], None] | None = None,
    ) -> None:
        self._recognizer = recognizer
        self._options = options
        self._batch_size = batch_size
        self._filter = hallucination_filter
        self._max_tries = max_tries
        self._pack_samples = int(pack_s * SAMPLE_RATE)
        self._min_unheard_s = min_unheard_s
        self._word_margin_s = word_margin_s
        self._max_word_s = max_word_s
        self._confident_probability = confident_probability
        self._on_chunk = on_chunk
        # Each chunk with how many times its audio has been decoded before.
        self._queue: deque[tuple[SpeechChunk, int]] = deque()
        # First rereads of each participant waiting to fill a chunk, in time order.
        self._waiting: defaultdict[str, list[SpeechChunk]] = defaultdict(list)
        # Seconds of speech per language detected with confidence: the meeting's language so
        # far, the fallback for a chunk too short or unclear to tell.
        self._confident: defaultdict[str, float] = defaultdict(float)
        # Seconds of speech per language read, sure or not.
        self._heard: defaultdict[str, float] = defaultdict(float)

    def _push(self, chunk: SpeechChunk) -> list[Frame]:
        self._queue.append((chunk, 0))
        out: list[Frame] = []
        while len(self._queue) >= self._batch_size:
            out.extend(self._decode_batch())
        return out

    def _end(self) -> list[Frame]:
        out: list[Frame] = []
        while self._queue or self._waiting:
            if not self._queue:
                self._queue.extend(self._packed(final=True))
            if self._queue:
                out.extend(self._decode_batch())
        return out

    def _decode_batch(self) -> list[Frame]:
        queue = self._queue
        batch = [queue.popleft() for _ in range(min(self._batch_size, len(queue)))]
        options = self._options
        if self._confident and options.language is None:
            best = max(self._confident, key=self._confident.__getitem__)
            options = replace(options, fallback_language=best)
        recognitions = self._recognizer.recognize([chunk.samples for chunk, _ in batch], options)
        for (chunk, _), recognition in zip(batch, recognitions, strict=True):
            self._heard[recognition.language] += chunk.duration_s
            if recognition.language_probability >= self._confident_probability:
                self._confident[recognition.language] += chunk.duration_s
        out: list[Frame] = []
        again: list[tuple[SpeechChunk, int]] = []  # read alone, next
        for (chunk, tries), first_read in zip(batch, recognitions, strict=True):
            recognition = self._in_meeting_language(chunk, first_read, options)
            kept = [
                _with_words_at_most(s, self._max_word_s)
                for s in recognition.segments
                if self._filter.keeps(s)
            ]
            if kept and tries + 1 < self._max_tries:
                pieces = [chunk.part(a, b) for a, b in self._unheard(chunk, kept)]
                if tries == 0 and pieces:
                    self._waiting[chunk.participant_id].extend(pieces)
                else:  # skipped again in company: alone this time
                    again.extend((piece, tries + 1) for piece in pieces)
            out.extend(
                piece
                for segment in kept
                for piece in to_meeting_time(chunk, segment, recognition.language)
            )
            if self._on_chunk is not None:
                self._on_chunk(chunk)
        queue.extendleft(reversed([*again, *self._packed(final=False)]))  # next, in time order
        return out

    def _in_meeting_language(
        self, chunk: SpeechChunk, recognition: ChunkRecognition, options: RecognitionOptions
    ) -> ChunkRecognition:
        """A chunk read as nothing but loops in a language other than the meeting's is read
        again in the meeting's: speech taken for another language comes out as a loop (30 s
        of an English meeting with some noise, detected as Finnish: "joten minuille on joten
        minuille ..."), which the filter drops whole, with no word left to reread around.
        The meeting's language: the one most speech was surely detected in, this batch's
        too; when none was sure (noisy audio: that meeting's surest chunk scored 0.67), the
        one most speech was read in."""
        tally = self._confident or self._heard
        meeting = max(tally, key=tally.__getitem__, default=None)
        if (
            options.language is not None
            or meeting is None
            or recognition.language == meeting
            or not recognition.segments
            or any(self._filter.keeps(s) for s in recognition.segments)
            or not any(self._filter.loops(s) for s in recognition.segments)
        ):
            return recognition
        forced = replace(options, language=meeting)
        return self._recognizer.recognize([chunk.samples], forced)[0]

    def _packed(self, *, final: bool) -> list[tuple[SpeechChunk, int]]:
        """The waiting first rereads joined, per participant in time order, into chunks of at
        most ``pack_s``; unless ``final``, the last, unfilled one keeps waiting."""
        out: list[tuple[SpeechChunk, int]] = []
        for participant_id in list(self._waiting):
            groups: list[list[SpeechChunk]] = [[]]
            length = 0
            for piece in self._waiting.pop(participant_id):
                if groups[-1] and length + len(piece.samples) > self._pack_samples:
                    groups.append([])
                    length = 0
                groups[-1].append(piece)
                length += len(piece.samples)
            if not final and groups[-1]:
                self._waiting[participant_id] = groups.pop()
            out.extend((joined(group), 1) for group in groups if group)
        return out

    def _unheard(
        self, chunk: SpeechChunk, segments: list[RecognizedSegment]
    ) -> list[tuple[float, float]]:
        """Stretches of the chunk (s into it) with no recognised word near them."""
        margin = self._word_margin_s
        heard = sorted(
            (item.start - margin, item.end + margin)
            for segment in segments
            for item in (segment.words or [segment])
        )
        gaps, reached = [], 0.0
        for start, end in heard:
            if start > reached:
                gaps.append((reached, start))
            reached = max(reached, end)
        gaps.append((reached, chunk.duration_s))
        return [(a, b) for a, b in gaps if b - a >= self._min_unheard_s]


def _with_words_at_most(segment: RecognizedSegment, longest_s: float) -> RecognizedSegment:
    """The segment with each word lasting at most ``longest_s``, keeping its end."""
    if all(word.end - word.start <= longest_s for word in segment.words):
        return segment
    words = tuple(
        word
        if word.end - word.start <= longest_s
        else RecognizedWord(word.text, word.end - longest_s, word.end, word.probability)
        for word in segment.words
    )
    return replace(segment, start=max(segment.start, words[0].start), words=words)


_PAUSE_S = 1.0
"""Words further apart than this in meeting time are two utterances: a chunk joins speech
regions with the silence between them cut out, so a pause is only visible after mapping."""


def to_meeting_time(
    chunk: SpeechChunk, segment: RecognizedSegment, language: str
) -> list[TranscribedSegment]:
    words = tuple(
        Word(
            text=word.text.strip(),
            start=round(start, 3),
            end=round(end, 3),
            probability=round(word.probability, 4),
        )
        for word in segment.words
        if word.text.strip()
        for start, end in [chunk.span_to_meeting_time(word.start, word.end)]
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
