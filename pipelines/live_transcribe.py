"""Live transcription of one participant: audio and voice activity in, captions and segments out.

While the person speaks, the audio of the current utterance is decoded again every ``step_s``
of new audio (in a 15 s encoder window: about 0.35 s on 2 cores, with word times from a cheap
alignment pass). Words are confirmed the LocalAgreement-2 way, as whisper_streaming does: the
words after what is already confirmed that two successive decodes agree on become final, once
the decoded audio runs ``confirm_margin_s`` past them (Whisper guesses at a word the buffer's
end cuts off, and two decodes often share the guess); the rest is the partial. When the VAD
hears the utterance end, the rest becomes final at once: taken from the last partial decode
when that one already heard the end, else from one more such decode. Speech that runs on
without a pause (a lively conversation on one track) is handed on at its confirmed sentence
ends once the buffer passes ``trim_s``: the audio before the cut waits for its timed decode
like a finished utterance, and the words handed on are the next decodes' context (Whisper's
previous-text prompt), as whisper_streaming does. Short buffers decode faster and agree sooner.
Across a short pause the buffer is not emptied either: the next utterance's decodes first hear
the last seconds of the one before (``left_context_s``), whose words they skip by their times.

The transcript's timed segments come from a separate decode of each finished utterance with
word timings, ``analyze``'s beam and Whisper's full window (several times the cost of a
partial). It waits until nobody in the meeting speaks (``ActiveSpeakers``), so it never holds
up anyone's captions, and whatever is left is done when the input ends. Given a ``timing``
executor (one per meeting), it runs there, beside the partial decodes of whoever speaks next
(the recogniser needs two workers for that), and its segments come out at a later push.
An utterance longer than ``max_buffer_s`` with no confirmed sentence end is cut at its last
confirmed word, so a decode never grows past Whisper's window.
"""

from __future__ import annotations

import difflib
import re
import threading
import time
import zlib
from collections import defaultdict, deque
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, Future
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

from models.asr import ChunkRecognition, RecognitionOptions, RecognizedWord, SpeechRecognizer

from .frames import (
    SAMPLE_RATE,
    AudioChunk,
    Caption,
    CaptionKind,
    Frame,
    SpeechChunk,
    TranscribedSegment,
    VoiceActivity,
)
from .stage import Stage
from .transcribe import HallucinationFilter, to_meeting_time

__all__ = ["ActiveSpeakers", "LiveOptions", "LiveTranscriber"]

FloatArray = npt.NDArray[np.float32]
_BOUNDARY_SLACK_S = 0.1
"""A word of a decode with left context that ends this little (s) after the utterance's own
audio starts is still the context's (VAD pads the start; no word is this short)."""
_MAX_WORDS_PER_S = 4.5
"""Faster than anyone speaks: a decode reading more words is looping."""
_LOOP_COMPRESSION = 2.0
"""A decode's text that compresses better than this repeats itself (Whisper's own fallback
test uses 2.4 on 30 s; a live buffer is shorter)."""
_SENTENCE_END = (".", "?", "!", "。", "？", "！")


@dataclass(frozen=True, slots=True)
class LiveOptions:
    step_s: float = 0.5
    """New audio (s) that makes the next partial decode due."""
    trim_s: float = 8.0
    """Once the utterance's audio is longer than this (s), partial decodes also time their
    words, and the audio up to the last confirmed sentence end is handed on as finished: in
    continuous speech the buffer stays short, so each decode is cheaper and agrees sooner."""
    context_chars: int = 200
    """After a trim, up to this many characters of the utterance's words handed on are given
    to the next decodes as Whisper's previous-text context (0: none)."""
    left_context_s: float = 0.0
    """When an utterance ends, up to this much (s) of its last words' audio is kept, and the
    next utterance's decodes hear it before their own audio, with the words before it as
    Whisper's previous-text prompt (as whisper_streaming keeps its buffer across pauses): the
    first words of a short turn ("Good, thanks.") read far better after what was just said.
    The kept words count as confirmed, so they are not shown again. 0: each utterance is
    decoded alone, with no prompt. The language is detected on the whole buffer, so in a
    meeting that switches language between turns the first decodes of a turn lean toward the
    language of the one before. Off (experimental): at 4 s the tuning dialogues' finals read
    0.158 against 0.171 (simulated 1x feed), but fed as fast as possible (a backlog) the finals
    and the stored transcript read worse (0.15-0.27 against 0.14), not yet understood."""
    left_gap_s: float = 2.0
    """A pause longer than this (s) drops the kept audio (its words stay the prompt)."""
    max_buffer_s: float = 15.0
    """An utterance longer than this (s) with no confirmed sentence end is cut at its last
    confirmed word, timed by the partial decode itself (no timed decode holds up captions)."""
    confirm_margin_s: float = 0.6
    """A word two decodes agree on is confirmed only once the decoded audio runs on at least
    this long (s) after it; the partial decodes then also time their words (about a tenth of
    their cost). Whisper guesses at the word the buffer's end cuts off, and two decodes 0.5 s
    apart often agree on that guess ("Route" for "Routewise"): on the tuning dialogues such
    words were the commonest live-only error. 0 confirms at once, as whisper_streaming does."""
    unsure_probability: float = 0.0
    """A word two decodes agree on whose probability in the later decode is below this waits
    until the decoded audio runs ``unsure_margin_s`` past it (0: off). Whisper's wrong guesses
    that two decodes share are mostly words it is unsure of; sure words keep the short margin.
    Tuning set (``bench.live_errors``): 0.5 read 0.178 against 0.182 off, for about 0.3 s more
    on the finals' p95; with a margin of 3 s, 0.169, but a p95 near 3 s."""
    unsure_margin_s: float = 1.5
    """The margin (s) of an unsure word (see ``unsure_probability``)."""
    end_window_s: float = 0.0
    """When an utterance ends, its words not yet final come from one more decode of the whole
    utterance in this encoder window (s) with ``final_beam_size``, closer to how ``analyze``
    reads them, at the cost of that decode before they are shown. 0: from the last partial
    decode when it already heard the whole utterance (no decode). Tuning set: 30 read one word
    in 1,004 better, for about 0.85 s of decode (2 cores) before the last words show."""
    partial_beam_size: int = 3
    """Beam of the repeated partial decodes. In the short window the encoder dominates, so a
    beam of 3 costs little over greedy, and its steadier guesses agree (and turn final) sooner
    and read closer to ``analyze`` (tuning set: WER against it 0.114 against 0.165)."""
    partial_window_s: float | None = 15.0
    """Encoder window (s) of the partial decodes (see ``RecognitionOptions.window_s``): 15 s
    cuts their cost from about 0.85 s to 0.35 s on 2 cores. The timed decode of a finished
    utterance always sees Whisper's full 30 s."""
    final_beam_size: int = 3
    """Beam of the one decode that ends an utterance, as ``analyze`` decodes."""
    lock_language_after_s: float = 2.0
    """Once the utterance is this long (s), its detected language is kept for the rest of it,
    so successive decodes can agree."""
    max_untimed_s: float = 120.0
    """Finished utterances waiting for their timed decode (s of audio) past which one is
    decoded even while someone speaks, so a meeting without pauses does not pile them up."""
    timed_batch_s: float = 25.0
    """Finished utterances waiting for their timed decode are joined up to this length (s)
    into one decode (Whisper reads 30 s)."""
    pre_roll_s: float = 0.3
    """Audio (s) kept before speech starts, so the first syllable is not cut."""
    language: str | None = None
    """Force one language (ISO 639-1); None detects it per utterance."""
    confident_probability: float = 0.8
    """Detections above this count toward the meeting's language, the fallback for unsure ones."""


@dataclass(frozen=True, slots=True)
class _FinishedUtterance:
    """An utterance whose captions are final and whose timed decode is still to do."""

    samples: FloatArray
    start_s: float
    """Meeting time (s) of its first sample."""
    language: str | None
    """The language it was followed in, once locked; None to detect again."""
    fallback_language: str | None = None
    """For its timed decode: the meeting's language so far, when detection is unsure."""


class ActiveSpeakers:
    """Who in a meeting is speaking now, shared by its transcribers (from their own threads).
    A timed decode waits until nobody speaks: the recogniser is one model whose decodes run
    one at a time, so it would hold up the captions of whoever has the floor."""

    def __init__(self) -> None:
        self._speaking: set[str] = set()
        self._lock = threading.Lock()

    def started(self, participant_id: str) -> None:
        with self._lock:
            self._speaking.add(participant_id)

    def stopped(self, participant_id: str) -> None:
        with self._lock:
            self._speaking.discard(participant_id)

    def anyone(self) -> bool:
        with self._lock:
            return bool(self._speaking)


class LiveTranscriber(Stage):
    """One participant's live recogniser state. ``clock`` gives the wall-clock seconds since the
    stream started, which each caption carries as ``emitted_at``. Voice activity passes on
    after it has been handled (later stages want to know who is talking); audio does not."""

    accepts = (AudioChunk, VoiceActivity)

    def __init__(
        self,
        participant_id: str,
        recognizer: SpeechRecognizer,
        options: LiveOptions = LiveOptions(),
        *,
        clock: Callable[[], float] | None = None,
        hallucination_filter: HallucinationFilter | None = None,
        speakers: ActiveSpeakers | None = None,
        timing: Executor | None = None,
    ) -> None:
        self._participant_id = participant_id
        self._timing = timing
        self._timing_jobs: deque[Future[list[Frame]]] = deque()
        """Timed decodes running on ``timing``, oldest first (their segments keep order)."""
        self._speakers = speakers or ActiveSpeakers()
        self._recognizer = recognizer
        self._options = options
        self._filter = hallucination_filter or HallucinationFilter()
        started = time.monotonic()
        self._clock = clock or (lambda: time.monotonic() - started)
        self._audio = np.zeros(0, np.float32)
        self._audio_start_s: float | None = None
        self._speaking = False
        self._decoded_samples = 0
        self._committed: list[str] = []
        self._tentative: list[str] = []
        self._committed_end_s = 0.0
        self._last_language = options.language or ""
        self._language: str | None = options.language
        self._language_locked = options.language is not None
        self._confident: defaultdict[str, float] = defaultdict(float)
        self._untimed: deque[_FinishedUtterance] = deque()
        self._context = ""
        """Words said before the buffer's audio, context (prompt) for its next decodes."""
        self._own_start_s = 0.0
        """Meeting time (s) where the current utterance's own audio starts; the buffer before
        it is the previous utterance's end, kept as left context."""
        self._left: list[str] = []
        """The words of the left context (the audio before ``_own_start_s``): neither shown
        nor stored again. Its decodes' words before that time are these."""
        self._left_end_s = 0.0
        self._left_until_s = 0.0
        """Where the utterance that left the context ended (s)."""
        self._last: tuple[list[str], list[tuple[float, float]]] | None = None
        """The last partial decode's words and their meeting times (s)."""

    # The stage interface.

    def _push(self, frame: AudioChunk | VoiceActivity) -> list[Frame]:
        return [*self._timed_ready(), *self._handle(frame)]

    def _handle(self, frame: AudioChunk | VoiceActivity) -> list[Frame]:
        if isinstance(frame, AudioChunk):
            if self._audio_start_s is None or not len(self._audio):
                self._audio_start_s = frame.start_s
            self._audio = np.concatenate([self._audio, frame.samples])
            if not self._speaking:
                if self._left and self._end_s - self._left_end_s > self._options.left_gap_s:
                    self._context = self._prompt(self._context, self._left)
                    self._left = []
                if not self._left:
                    self._keep_from(self._end_s - self._options.pre_roll_s)
            elif len(self._audio) > self._options.max_buffer_s * SAMPLE_RATE:
                # Audio arriving faster than it is flushed (a backlog, a file fed at full
                # speed): cut here, before the buffer outgrows Whisper's 30 s window.
                out = self._update()
                if len(self._audio) > self._options.max_buffer_s * SAMPLE_RATE:
                    out.extend(self._cut())  # the decode found nothing to hand on
                return out
            return []
        if frame.speaking:
            self._speaking = True
            self._speakers.started(self._participant_id)
            own_s = max(frame.start_s, self._audio_start_s or 0.0)
            if self._left:
                # The previous utterance's last words stay in the buffer, before this one's;
                # its own audio starts after the one before ended (the VAD's pads overlap).
                self._committed_end_s = self._left_end_s
                own_s = max(own_s, self._left_until_s)
            else:
                self._keep_from(frame.start_s)
            self._own_start_s = own_s
            return [frame]
        self._speaking = False
        self._speakers.stopped(self._participant_id)
        return [*self._finalize(frame.start_s), frame]

    def _flush(self) -> list[Frame]:
        out = self._timed_ready()
        if not self._speaking:
            # Silent: time the oldest finished utterance once the room is quiet (one at a time,
            # so a person who starts again waits for at most one decode).
            untimed_s = sum(len(u.samples) for u in self._untimed) / SAMPLE_RATE
            due = not self._speakers.anyone() or untimed_s > self._options.max_untimed_s
            if self._untimed and due and not self._timing_jobs:
                out.extend(self._time_utterance())
            return out
        due = len(self._audio) - self._decoded_samples >= self._options.step_s * SAMPLE_RATE
        if not due:
            return out
        out.extend(self._update())
        if len(self._audio) > self._options.max_buffer_s * SAMPLE_RATE:
            out.extend(self._cut())
        return out

    def _end(self) -> list[Frame]:
        out: list[Frame] = []
        if self._speaking or self._committed or self._tentative:
            self._speaking = False
            self._speakers.stopped(self._participant_id)
            out.extend(self._finalize(self._end_s))
        while self._untimed:
            out.extend(self._time_utterance())
        while self._timing_jobs:
            out.extend(self._timing_jobs.popleft().result())
        return out

    def _timed_ready(self) -> list[Frame]:
        out: list[Frame] = []
        while self._timing_jobs and self._timing_jobs[0].done():
            out.extend(self._timing_jobs.popleft().result())
        return out

    # Decoding.

    @property
    def _end_s(self) -> float:
        return (self._audio_start_s or 0.0) + len(self._audio) / SAMPLE_RATE

    def _keep_from(self, start_s: float) -> None:
        if self._audio_start_s is None or start_s <= self._audio_start_s:
            return
        drop = min(len(self._audio), round((start_s - self._audio_start_s) * SAMPLE_RATE))
        self._audio = self._audio[drop:]
        self._audio_start_s += drop / SAMPLE_RATE
        self._decoded_samples = max(0, self._decoded_samples - drop)

    def _recognize(
        self,
        audio: FloatArray,
        *,
        timed: bool,
        word_times: bool = False,
        finished: _FinishedUtterance | None = None,
        end: bool = False,
    ) -> ChunkRecognition:
        """Decode ``audio`` of the current utterance, following its language; or, with
        ``finished``, of that finished utterance in the language it was followed in. ``timed``
        decodes as the transcript wants (full window, word timings); ``word_times`` times the
        words of a partial decode (an alignment pass: about a tenth of its cost); ``end``
        decodes a finished utterance's last words (see ``LiveOptions.end_window_s``)."""
        o = self._options
        fallback = self._fallback_language() if finished is None else finished.fallback_language
        if finished is not None:
            language = finished.language
        else:
            language = self._language if self._language_locked else o.language
        options = RecognitionOptions(
            beam_size=o.final_beam_size if timed or end else o.partial_beam_size,
            language=language,
            fallback_language=fallback,
            word_timestamps=timed or word_times,
            prompt=(self._context or None) if finished is None else None,
            window_s=None if timed else (o.end_window_s if end else o.partial_window_s),
        )
        recognition = self._recognizer.recognize([audio], options)[0]
        duration = len(audio) / SAMPLE_RATE
        if finished is None:
            duration -= self._own_offset / SAMPLE_RATE  # the left context is not this utterance
        if finished is None and not self._language_locked:
            self._language = recognition.language
            if duration >= o.lock_language_after_s:
                self._language_locked = True
                if recognition.language_probability >= o.confident_probability:
                    self._confident[recognition.language] += duration
        kept = tuple(s for s in recognition.segments if self._filter.keeps(s))
        return replace(recognition, segments=kept)

    @property
    def _own_offset(self) -> int:
        """Samples of left context at the buffer's start."""
        start_s = self._audio_start_s or 0.0
        return min(len(self._audio), max(0, round((self._own_start_s - start_s) * SAMPLE_RATE)))

    def _prompt(self, before: str, words: Sequence[str]) -> str:
        """``before`` and then ``words``, the last ``context_chars`` of it in whole words (a
        word cut in half would mislead the decoder)."""
        said = " ".join([before, *words]).strip()
        limit = self._options.context_chars
        return said if len(said) <= limit else said[-limit:].partition(" ")[2]

    def _drop_left(self) -> None:
        """Decode this utterance alone from now on: its left context's words join the prompt."""
        if self._options.context_chars:
            self._context = self._prompt(self._context, self._left)
        self._left = []
        self._keep_from(self._own_start_s)

    def _skip_left(self, words: Sequence[str], spans: Sequence[tuple[float, float]] | None) -> int:
        """How many of a decode's first words are the left context's."""
        if not self._left:
            return 0
        if spans is None:
            return _after(self._left, words)
        # By where each word ends: Whisper's alignment often starts a turn's first word back
        # in the pause before it, but ends it where it ends.
        own_s = self._own_start_s + _BOUNDARY_SLACK_S
        return next((i for i, (_, end) in enumerate(spans) if end > own_s), len(words))

    def _first_new(self, words: Sequence[str], spans: Sequence[tuple[float, float]] | None) -> int:
        """Where the words of a decode of the buffer that are not yet final start: after the
        left context's (by their times: the decode may read them differently now) and the
        confirmed ones."""
        skip = self._skip_left(words, spans)
        own = _after(
            self._committed, words[skip:], spans[skip:] if spans else None, self._committed_end_s
        )
        return skip + own

    def _fallback_language(self) -> str | None:
        """The language detected with confidence for longest so far."""
        return max(self._confident, key=self._confident.__getitem__) if self._confident else None

    def _update(self) -> list[Frame]:
        """A partial decode: confirm what two decodes agree on, show the rest as partial; on a
        long buffer, hand on its confirmed sentences."""
        self._decoded_samples = len(self._audio)
        margin_s = self._options.confirm_margin_s
        long_buffer = len(self._audio) > self._options.trim_s * SAMPLE_RATE
        recognition = self._recognize(
            self._audio, timed=False, word_times=long_buffer or margin_s > 0
        )
        words = _words(recognition)
        if self._left and _looping(words, len(self._audio) / SAMPLE_RATE):
            self._drop_left()
            recognition = self._recognize(
                self._audio, timed=False, word_times=long_buffer or margin_s > 0
            )
            words = _words(recognition)
        self._last_language = recognition.language
        start_s = self._audio_start_s or 0.0
        timed_words = _timed_words(recognition, words)
        timed = [(start_s + w.start, start_s + w.end) for w in timed_words or ()]
        spans = timed or _estimated_spans(words, start_s, len(self._audio) / SAMPLE_RATE)
        self._last = (words, spans)
        first = self._first_new(words, timed or None)
        tail = words[first:]
        agreed = _common_prefix(self._tentative, tail)
        if margin_s > 0:
            # Not yet the words the audio's end may have cut off: they wait for a decode that
            # hears past them.
            settled_s = self._end_s - margin_s
            while agreed and spans[first + agreed - 1][1] > settled_s:
                agreed -= 1
            unsure_s = self._end_s - self._options.unsure_margin_s
            for i in range(agreed if timed_words else 0):
                word = timed_words[first + i]  # type: ignore[index]
                if word.probability < self._options.unsure_probability and (
                    spans[first + i][1] > unsure_s
                ):
                    agreed = i
                    break
        confirmed, self._tentative = tail[:agreed], tail[agreed:]
        out: list[Frame] = []
        if confirmed:
            start, end = spans[first][0], spans[first + agreed - 1][1]
            self._committed.extend(confirmed)
            self._committed_end_s = end
            out.append(self._caption("final", start, end, confirmed, recognition.language))
        if self._tentative:
            start = spans[len(words) - len(self._tentative)][0]
            out.append(
                self._caption("partial", start, spans[-1][1], self._tentative, recognition.language)
            )
        if timed and long_buffer:
            self._trim(words, timed, len(words) - len(self._tentative))
        return out

    def _trim(
        self, words: Sequence[str], spans: Sequence[tuple[float, float]], agreed: int
    ) -> None:
        """Hand on the audio up to the last confirmed sentence end (``words[:agreed]`` are
        confirmed, ``spans`` their meeting times) as a finished utterance awaiting its timed
        decode, and go on with the rest. The cut falls midway between that sentence's last
        word and the next one, so neither loses a syllable."""
        ends = [i for i in range(min(agreed, len(words) - 1)) if words[i].endswith(_SENTENCE_END)]
        if not ends and len(self._audio) > self._options.max_buffer_s * SAMPLE_RATE:
            # No sentence end in sight (unpunctuated far-field speech): cut at the last
            # confirmed word instead, from this decode's own timings. A timed decode here
            # would hold up the captions for seconds.
            ends = list(range(min(agreed, len(words) - 1)))[-1:]
        if not ends:
            return
        last = ends[-1]
        start_s = self._audio_start_s or 0.0
        cut_s = (spans[last][1] + max(spans[last][1], spans[last + 1][0])) / 2
        cut = round((cut_s - start_s) * SAMPLE_RATE)
        if cut < SAMPLE_RATE or cut >= len(self._audio):
            return
        own = self._own_offset
        if cut > own:
            # The left context before the utterance's own audio was timed with its own.
            locked = self._language if self._language_locked else None
            self._untimed.append(
                _FinishedUtterance(self._audio[own:cut].copy(), start_s + own / SAMPLE_RATE, locked)
            )
        # This decode's wording of the confirmed words after the cut: the next decode's words
        # are aligned to it.
        skip = max(last + 1, min(self._skip_left(words, spans), agreed))
        self._left = list(words[last + 1 : skip])
        self._committed = list(words[skip:agreed])
        self._last = (list(words[last + 1 :]), list(spans[last + 1 :]))
        if self._options.context_chars:
            self._context = self._prompt(self._context, words[: last + 1])
        self._keep_from(start_s + cut / SAMPLE_RATE)

    def _finalize(self, end_s: float) -> list[Frame]:
        """The utterance ended at ``end_s``: what is not final yet becomes final now, and the
        utterance waits for its timed decode."""
        start_s = self._audio_start_s or 0.0
        heard = self._audio[: max(0, round((end_s - start_s) * SAMPLE_RATE))]
        own = min(len(heard), self._own_offset)
        samples = heard[own:]
        out: list[Frame] = []
        # Not when a long utterance is cut mid-speech (``_cut``): its rest goes on alone.
        left = self._options.left_context_s > 0 and not self._speaking
        last: tuple[list[str], list[tuple[float, float]]] | None = None
        if len(samples) >= SAMPLE_RATE // 10:
            decoded_end_s = start_s + self._decoded_samples / SAMPLE_RATE
            end = self._options.end_window_s > 0
            if self._decoded_samples and decoded_end_s >= end_s and not end:
                # The last partial decode already heard the whole utterance.
                rest, language = self._tentative, self._last_language
                last = self._last
            else:
                recognition = self._recognize(heard, timed=False, word_times=end or left, end=end)
                words = _words(recognition)
                if self._left and _looping(words, len(heard) / SAMPLE_RATE):
                    self._drop_left()
                    start_s, heard, own = self._audio_start_s or 0.0, samples, 0
                    recognition = self._recognize(heard, timed=False, word_times=True, end=end)
                    words = _words(recognition)
                timed = _timed_words(recognition, words)
                spans = [(start_s + w.start, start_s + w.end) for w in timed] if timed else None
                first = self._first_new(words, spans)
                rest, language = words[first:], recognition.language
                last = (words, spans or _estimated_spans(words, start_s, len(heard) / SAMPLE_RATE))
            if rest:
                own_s = start_s + own / SAMPLE_RATE
                start = max(own_s, self._committed_end_s) if self._committed else own_s
                out.append(self._caption("final", start, end_s, rest, language))
            locked = self._language if self._language_locked else None
            self._untimed.append(
                _FinishedUtterance(samples.copy(), start_s + own / SAMPLE_RATE, locked)
            )
        self._committed, self._tentative, self._last = [], [], None
        self._left, self._context = [], self._context if left else ""
        if left and last is not None and last[0]:
            # Keep the audio of the last words, at most ``left_context_s`` of it, as the next
            # utterance's left context; the words before it join the prompt.
            words, spans = last
            keep_s = max(start_s, end_s - self._options.left_context_s)
            k = next((i for i, span in enumerate(spans) if span[0] >= keep_s), len(words))
            self._context = self._prompt(self._context, words[:k])
            if k < len(words):
                self._left, self._left_end_s = list(words[k:]), max(spans[-1][1], start_s)
                self._left_until_s = end_s
                cut_s = (spans[k - 1][1] + spans[k][0]) / 2 if k else start_s
                self._keep_from(min(cut_s, spans[k][0]))
                self._decoded_samples = 0
                self._reset_language()
                return out
        self._reset_language()
        self._keep_from(end_s)
        self._decoded_samples = 0
        return out

    def _reset_language(self) -> None:
        self._language, self._language_locked = (
            self._options.language,
            self._options.language is not None,
        )

    def _time_utterance(self) -> list[Frame]:
        """The timed segments of the oldest finished utterances, for the transcript: as many
        as fit one decode (in the same language), since every timed decode pays for Whisper's
        whole 30 s window, and a conversation without pauses hands on many short pieces."""
        batch = [self._untimed.popleft()]
        length = len(batch[0].samples)
        limit = self._options.timed_batch_s * SAMPLE_RATE
        while (
            self._untimed
            and self._untimed[0].language == batch[0].language
            and length + len(self._untimed[0].samples) <= limit
        ):
            batch.append(self._untimed.popleft())
            length += len(batch[-1].samples)
        samples = np.concatenate([finished.samples for finished in batch])
        offsets, position = [], 0
        for finished in batch:
            offsets.append((position / SAMPLE_RATE, finished.start_s))
            position += len(finished.samples)
        joined = _FinishedUtterance(
            samples, batch[0].start_s, batch[0].language, self._fallback_language()
        )

        def decode() -> list[Frame]:
            # Reads no state that the partial decodes change: safe on the timing thread.
            recognition = self._recognize(samples, timed=True, finished=joined)
            return list(self._timed_segments(samples, recognition, tuple(offsets)))

        if self._timing is None:
            return decode()
        self._timing_jobs.append(self._timing.submit(decode))
        return []

    def _cut(self) -> list[Frame]:
        """A long utterance: hand its confirmed sentences to the transcript and drop their audio.
        When nothing was confirmed yet (audio arriving faster than it is decoded), every timed
        word but the last, which the buffer's end may have cut off, counts as confirmed."""
        # Pieces handed on earlier come first in the transcript: time them now.
        out: list[Frame] = []
        while self._untimed:
            out.extend(self._time_utterance())
        while self._timing_jobs:
            out.extend(self._timing_jobs.popleft().result())
        start_s = self._audio_start_s or 0.0
        recognition = self._recognize(self._audio, timed=True)
        segments = self._timed_segments(self._audio, recognition, ((0.0, start_s),))
        words = [word for segment in segments for word in segment.words]
        texts = [word.text for word in words]
        spans = [(word.start, word.end) for word in words]
        skip = self._skip_left(texts, spans)
        committed = skip + _after(self._committed, texts[skip:])
        confirmed = committed if self._committed else len(words) - 1
        if confirmed <= skip:
            return [*out, *self._finalize(self._end_s)]
        ends = [i + 1 for i in range(skip, confirmed) if texts[i].endswith(_SENTENCE_END)]
        keep = ends[-1] if ends else confirmed
        cut_s = words[keep - 1].end
        if keep > committed:
            new = words[committed:keep]
            out.append(
                self._caption(
                    "final", new[0].start, new[-1].end, texts[committed:keep], recognition.language
                )
            )
        # The left context's words are in the transcript already, with their own utterance.
        kept = _until(segments, cut_s)
        out.extend(_from(kept, self._own_start_s + _BOUNDARY_SLACK_S) if skip else kept)
        left = committed - keep
        self._committed = self._committed[len(self._committed) - left :] if left > 0 else []
        self._tentative = texts[max(keep, committed) :]
        self._committed_end_s = cut_s
        self._keep_from(cut_s)
        self._left = []
        self._decoded_samples = 0
        self._last = None
        return out

    def _timed_segments(
        self,
        samples: FloatArray,
        recognition: ChunkRecognition,
        offsets: tuple[tuple[float, float], ...],
    ) -> list[TranscribedSegment]:
        """``offsets``: (position in ``samples`` (s), meeting time there (s)) per piece."""
        chunk = SpeechChunk(self._participant_id, samples, offsets)
        return [
            piece
            for segment in recognition.segments
            for piece in to_meeting_time(chunk, segment, recognition.language)
            if piece.words
        ]

    def _caption(
        self, kind: CaptionKind, start_s: float, end_s: float, words: Sequence[str], language: str
    ) -> Caption:
        return Caption(
            kind,
            self._participant_id,
            start_s,
            max(start_s, end_s),
            " ".join(words),
            language,
            self._clock(),
        )


def _words(recognition: ChunkRecognition) -> list[str]:
    return [word for segment in recognition.segments for word in segment.text.split()]


def _looping(words: Sequence[str], duration_s: float) -> bool:
    """Whether a decode reads as Whisper looping: more words than anyone says in the audio, or
    text that repeats itself (Whisper's compression-ratio test). Short turns of repetitive
    phrases heard after the one before ("Lay blue by C2 again.") set it off."""
    text = " ".join(words).encode()
    ratio = len(text) / len(zlib.compress(text)) if text else 0.0
    return len(words) > _MAX_WORDS_PER_S * duration_s + 3 or ratio > _LOOP_COMPRESSION


def _until(segments: Sequence[TranscribedSegment], end_s: float) -> list[TranscribedSegment]:
    """The segments' words that end by ``end_s``; a segment the cut crosses is shortened."""
    out = []
    for segment in segments:
        words = tuple(word for word in segment.words if word.end <= end_s)
        if len(words) == len(segment.words):
            out.append(segment)
        elif words:
            text = " ".join(word.text for word in words)
            out.append(replace(segment, end=words[-1].end, text=text, words=words))
    return out


def _from(segments: Sequence[TranscribedSegment], start_s: float) -> list[TranscribedSegment]:
    """The segments' words that end after ``start_s``; a segment it crosses is shortened."""
    out = []
    for segment in segments:
        words = tuple(word for word in segment.words if word.end > start_s)
        if len(words) == len(segment.words):
            out.append(segment)
        elif words:
            text = " ".join(word.text for word in words)
            out.append(replace(segment, start=words[0].start, text=text, words=words))
    return out


def _normal(word: str) -> str:
    return re.sub(r"[^\w']", "", word.lower())


def _common_prefix(first: Sequence[str], second: Sequence[str]) -> int:
    count = 0
    for a, b in zip(first, second, strict=False):
        if _normal(a) != _normal(b):
            break
        count += 1
    return count


def _after(
    committed: Sequence[str],
    words: Sequence[str],
    spans: Sequence[tuple[float, float]] | None = None,
    committed_end_s: float = 0.0,
) -> int:
    """Where in ``words`` (a new decode of the whole buffer) the confirmed words end: the
    decode may word the confirmed part a little differently, so the two are aligned. Given the
    decode's word times (``spans``) and where the confirmed words end (``committed_end_s``),
    an alignment whose last match skips words of ``words`` that ``committed`` does not have (a
    word read anew, then a confirmed word said again later: "100 and 20 to 100" against "100
    and 2100 since about 20 seats") ends instead at the first word heard after the confirmed
    ones, less any that repeat the confirmed ones' last (word times shift a little between
    decodes; whisper_streaming drops up to 5 such words), so the words between are not lost."""
    if not committed:
        return 0
    matcher = difflib.SequenceMatcher(
        None, [_normal(w) for w in committed], [_normal(w) for w in words], autojunk=False
    )
    blocks = [block for block in matcher.get_matching_blocks() if block.size]
    if not blocks:
        return min(len(committed), len(words))
    last = blocks[-1]
    missing = len(committed) - (last.a + last.size)
    by_text = min(len(words), last.b + last.size + missing)
    if spans is None or len(blocks) < 2:
        return by_text
    before = blocks[-2]
    skipped = (last.b - before.b - before.size) - (last.a - before.a - before.size)
    if skipped <= 1:
        return by_text
    later = next(
        (i for i, (start, end) in enumerate(spans) if (start + end) / 2 > committed_end_s),
        len(words),
    )
    later = max(later, before.b + before.size)
    if later >= by_text:
        return by_text
    for size in range(min(5, len(committed), by_text - later), 0, -1):
        tail = [_normal(word) for word in committed[-size:]]
        if tail == [_normal(word) for word in words[later : later + size]]:
            return later + size
    return later


def _timed_words(
    recognition: ChunkRecognition, words: Sequence[str]
) -> list[RecognizedWord] | None:
    """The decode's own timed words for ``words`` (times from the decoded audio's start); None
    when it has none, or when its timed words do not line up with the words of its text."""
    timed = [word for segment in recognition.segments for word in segment.words]
    if not timed or len(timed) != len(words):
        return None
    if any(_normal(word.text) != _normal(text) for word, text in zip(timed, words, strict=True)):
        return None
    return timed


def _estimated_spans(
    words: Sequence[str], start_s: float, duration_s: float
) -> list[tuple[float, float]]:
    """Word times spread over the audio by length, for captions of untimed decodes."""
    lengths = [len(word) + 1 for word in words]
    total = max(1, sum(lengths))
    spans = []
    position = 0
    for length in lengths:
        spans.append(
            (
                start_s + duration_s * position / total,
                start_s + duration_s * (position + length) / total,
            )
        )
        position += length
    return spans
