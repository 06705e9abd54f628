"""Live transcription of one participant: audio and voice activity in, captions and segments out.

While the person speaks, the audio of the current utterance is decoded again every ``step_s`` of
new audio (in a 10 s encoder window, or the buffer and 2 s when longer: about two thirds of a 15
s window's cost, with word times from a cheap alignment pass). Words are confirmed the
LocalAgreement-2 way, as whisper_streaming does: the words after what is already confirmed that
two successive decodes agree on become final, once the decoded audio runs ``confirm_margin_s``
past them (Whisper guesses at a word the buffer's end cuts off, and two decodes often share the
guess), and any word ``settle_s`` past them; the rest is the partial. When the VAD hears the
utterance end, the rest becomes final at once: taken from the last partial decode when that one
already heard the end, else from one more such decode. Speech that runs on without a pause (a
lively conversation on one track) is handed on at its confirmed sentence ends once the buffer
passes ``trim_s``: the audio before the cut waits for its timed decode like a finished
utterance, and the words handed on are the next decodes' context (Whisper's previous-text
prompt), as whisper_streaming does. Short buffers decode faster and agree sooner.

The transcript's timed segments come from a separate decode of each finished utterance with
word timings, ``analyze``'s beam and Whisper's full window (several times the cost of a
partial). Finished utterances wait until ``timed_min_s`` of them can be decoded at once, and
until nobody in the meeting speaks (``ActiveSpeakers``), so it seldom slows anyone's captions;
whatever is left is done at the end of input. An ``InputEnd`` (pushed before ``end_input``)
ends the open utterance there and then: its last final caption goes out at once, and no timed
decode starts after it until ``end_input``, so a meeting ending for several people gets
everyone's last captions out before anyone's timed decodes. Given a ``timing``
executor (one per meeting), it runs there, beside the partial decodes of whoever speaks next
(the recogniser needs two workers for that), and its segments come out at a later push.
An utterance longer than ``max_buffer_s`` with no confirmed sentence end is cut at its last
confirmed word, so a decode never grows past Whisper's window; while the captions run behind
(``behind_s``), already once it passes ``trim_s``.
"""

from __future__ import annotations

import difflib
import itertools
import re
import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, Future
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

from models.asr import ChunkRecognition, RecognitionOptions, RecognizedWord, SpeechRecognizer
from models.errors import PipelineError

from .frames import (
    SAMPLE_RATE,
    AudioChunk,
    Caption,
    CaptionKind,
    Frame,
    InputEnd,
    SpeechChunk,
    TranscribedSegment,
    VoiceActivity,
)
from .stage import Stage
from .transcribe import HallucinationFilter, to_meeting_time

__all__ = ["ActiveSpeakers", "LiveOptions", "LiveTranscriber"]

FloatArray = npt.NDArray[np.float32]
_SENTENCE_END = (".", "?", "!", "。", "？", "！")
_CLAUSE_END = (",", ";", ":", "，", "、", "；", "：")


@dataclass(frozen=True, slots=True)
class LiveOptions:
    step_s: float = 0.35
    """New audio (s) that makes the next partial decode due. A word waits for the next
    decode about half a step, and then for that decode (see ``partial_window_s``): in a 10 s
    window a decode every 0.35 s costs no more CPU per second of speech than one every 0.5 s
    in 15 s."""
    sure_probability: float = 0.8
    """A word whose probability is at least this, with ``sure_margin_s`` of decoded audio
    after it, is confirmed by one decode, without waiting for the next to agree (0: off).
    Such a word is seldom a guess at a cut-off word (those read below 0.4), and the wait for
    a second decode and ``confirm_margin_s`` was most of a confirmed word's latency (tuning
    dialogue: margin 0.6 s, step and disagreement 0.4 s, decode 0.35 s and more). Tuning clips
    and dialogue (``bench.live_errors``' simulation, decodes charged 0.35 s + 0.01 s per s of
    audio): finals' p50 1.34 -> 1.20 s, p95 2.20 -> 2.07 s, WER 0.213 -> 0.209 (0.9: 1.28 s;
    0.7: 1.18 s, same WER; a margin of 0.6 s gained nothing: agreement came as soon)."""
    sure_margin_s: float = 0.3
    """The decoded audio (s) after a sure word (see ``sure_probability``)."""
    settle_s: float = 1.4
    """A word with this much decoded audio (s) after it is final from the decode that reads
    it so, whether or not the decode before agreed (0: off). Decodes that kept rewording a
    word were the slowest finals (tuning dialogues: one-word finals 1.6 to 3.7 s late, confirmed
    1.1 to 3.3 s before the decoded end); a decode reads a word this far from the buffer's
    end with the audio around it. Tuning clips and dialogues (``bench.live_errors --cost
    0.35,0.01 --as-1x``): finals' p95 2.05 s off, 1.89 s at 1.2, 1.91 s at 1.4, 1.95 s at 1.6
    and 2.0; WER 0.187 off, 0.189, 0.187, 0.186, 0.187; p50 1.21 s throughout."""
    settle_probability: float = 0.6
    """A word whose probability is below this is not made final by ``settle_s`` (it waits
    for two decodes to agree, or for the utterance's end); 0: any word. On telephone audio
    the decodes keep rewording many words, and ``settle_s`` made their guesses final (tuning
    dialogues as a telephone line carries them, ``bench.live_errors --telephone``: 6 of 13
    settled words wrong, read at probability 0.2 to 0.7). See ``unsure_probability`` for the
    figures."""
    trim_s: float = 8.0
    """Once the utterance's audio is longer than this (s), partial decodes also time their
    words, and the audio up to the last confirmed sentence end is handed on as finished: in
    continuous speech the buffer stays short, so each decode is cheaper and agrees sooner."""
    clause_cut: bool = False
    """Past ``trim_s`` with no confirmed sentence end, also hand on at the last confirmed
    clause end (a comma): a long sentence of commas is otherwise read again whole by every
    decode until ``max_buffer_s`` (issue 9: the 5-minute meeting's tail). Off: on the tuning
    material (``bench.live_errors --cost 0.35,0.01 --as-1x``) the clips and the renewal
    dialogue read the same, the discovery dialogue's finals p95 2.05 -> 1.95 s but WER 0.183 ->
    0.185 (all 1,004 words: 0.187 -> 0.188)."""
    reread_margin_s: float = 0.3
    """Words after the confirmed ones that the decode hears start more than this (s) before
    the confirmed words end, most of them confirmed words, are Whisper reading those again (it
    repeats a sentence it is unsure of, on telephone audio most: "We look at cardily last
    year, but it won't too expensive." was final, then "We looked at Cargillin last year, but
    it went too expensive." over the same audio), not new words: they are skipped, never made
    final (0: off). Telephone tuning material (``bench.live_errors --telephone``): WER 0.388
    -> 0.378 at the same latency; the normal material read the same."""
    context_chars: int = 200
    """After a trim, up to this many characters of the utterance's words handed on are given
    to the next decodes as Whisper's previous-text context (0: none). Carrying an ended
    utterance's words on as the next one's context too (issue 9, tried 2026-12-07,
    ``bench.live_errors --cost 0.35,0.01 --as-1x --window-cost``): the tuning
    dialogues read better (0.172 -> 0.162, 0.176 -> 0.174) but the unrelated tuning clips worse
    (0.308 -> 0.341; all 0.186 -> 0.183), and the same material as a telephone line carries it
    worse (0.360 -> 0.379): not kept, the phone call not measured."""
    max_buffer_s: float = 15.0
    """An utterance longer than this (s) with no confirmed sentence end is cut at its last
    confirmed word, timed by the partial decode itself (no timed decode holds up captions)."""
    behind_s: float = 2.0
    """The captions are behind when the words not yet final start this long (s) before the
    decoded audio's end (decodes slower than ``step_s``: a loaded machine, a timed decode
    beside them, words two decodes keep reading differently). Then a buffer past ``trim_s``
    with no confirmed sentence end is cut at its last confirmed word, as past
    ``max_buffer_s``: most of such a buffer was audio already confirmed, decoded again by
    every partial decode (which grew dearer and agreed later, the tail of the finals' latency
    in long meetings). 0: off. Tuning dialogue (``bench.live_trace --compare``, decodes
    charged 0.6 s + 0.06 s per s of audio): finals' p95 4.85 -> 4.28 s, WER 0.164 -> 0.166;
    repeated (issue 9, same model, backlog simulated): p50/p95 2.62/4.97 s off against
    2.68/4.70 s at 2, WER 0.170 against 0.164. Off looked as good where no backlog builds
    (the 5-minute meeting at 1x once, 1.72/3.44 s against 1.86/3.63 s; ``bench.live_errors``'
    simulation, identical when decodes keep up), so it stays on."""
    confirm_margin_s: float = 0.6
    """A word two decodes agree on is confirmed only once the decoded audio runs on at least
    this long (s) after it; the partial decodes then also time their words (about a tenth of
    their cost). Whisper guesses at the word the buffer's end cuts off, and two decodes 0.5 s
    apart often agree on that guess ("Route" for "Routewise"): on the tuning dialogues such
    words were the commonest live-only error. 0 confirms at once, as whisper_streaming does."""
    unsure_probability: float = 0.4
    """A word two decodes agree on whose probability in the later decode is below this waits
    until the decoded audio runs ``unsure_margin_s`` past it (0: off). Whisper's wrong guesses
    that two decodes share are mostly words it is unsure of; sure words keep the short margin.
    Tuning set (``bench.live_errors``): 0.5 read 0.178 against 0.182 off, for about 0.3 s more
    on the finals' p95; with a margin of 3 s, 0.169, but a p95 near 3 s. Issue 9 (the phone
    call's gap to ``analyze``), tuning clips and dialogues as they are and as a telephone line
    carries them (``--telephone``), ``--cost 0.35,0.01 --as-1x --window-cost``, with
    ``reread_margin_s`` 0.3 and ``settle_probability`` 0.6 (alone: telephone WER 0.365,
    finals' p95 2.31 s): telephone WER 0.378 -> 0.360 at 0.4 and 1.2 s (0.358 at 1.5 s, 0.353
    at 0.5 and 2 s), finals' p50/p95 1.13/1.96 -> 1.19/2.38 s (1.21/2.39, 1.37/2.87); normal
    material 0.183 -> 0.182, 1.00/1.74 -> 1.04/1.88 s (0.180 and 1.06/2.05 s at 1.5 s; 0.176
    and 1.12/2.47 s at 0.5 and 2 s). Waiting longer mends fewer words on telephone audio:
    agreed words below 0.4 there were wrong about half the time even 1.5 to 2 s from the
    decoded end. Nor does a second opinion mend them (issue 9, tried and dropped; code in
    the history, commit 809e200): a word below 0.5 about to be confirmed by any rule, read
    again by one decode of the buffer in Whisper's full window with beam 5 and confirmed as
    that decode read it, left telephone WER 0.360 -> 0.361 (normal material 0.182 -> 0.181)
    for finals' p50/p95 1.19/2.38 -> 1.56/3.19 s (1.04/1.88 -> 1.18/2.42 s) and partials'
    p50 0.56 -> 0.70 s: the same buffer in the full window reads the unsure words the same
    way (what ``analyze`` reads them with is the audio and words before the buffer).
    Confirming only up to where it disagrees, its reading left as the partial the next
    decode must agree with: worse still (discovery dialogue 0.371 -> 0.381, p95 6.3 s).
    With the participant's earlier speech before the buffer (12 s in a 12 s window, p 0.4,
    at most one per 3 s; tried 2026-12-07) the tuning material gained (telephone
    0.360 -> 0.345, normal 0.182 -> 0.176; finals' p95 2.38 -> 2.57 s) but the phone call,
    measured once, lost (0.173 -> 0.198; held-out clips 0.101 -> 0.096): not kept."""
    unsure_margin_s: float = 1.2
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
    partial_window_s: float | None = 10.0
    """Encoder window (s) of the partial decodes (see ``RecognitionOptions.window_s``; a
    buffer longer than the window less 2 s gets 2 s more than its length). 15 s cut their
    cost from about 0.85 s to 0.35 s on 2 cores; 10 s cuts that by another third (CPU
    seconds on one thread, 2 s and 4 s buffers: 0.38/0.43 s at 15, 0.25/0.29 s at 10).
    Partial latency was about half a step's wait, the decode, and a tenth of a second for
    words a decode left out until the next (``bench.live_errors --breakdown``, tuning clips
    and dialogues, decodes charged 0.35 s + 0.01 s per s in a 15 s window and in proportion
    to their window otherwise: ``--cost 0.35,0.01 --as-1x --window-cost``): 15 s with a step
    of 0.5 s, partials' p50 0.69 s, finals' 1.20/1.96 s (p50/p95), WER 0.191, 299 s of
    decoding; 10 s with a step of 0.35 s, 0.52 s, 1.00/1.81 s, 0.183, 269 s. The timed
    decode of a finished utterance always sees Whisper's full 30 s."""
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
    timed_min_s: float = 20.0
    """Finished utterances wait for their timed decode until this much of them (s) can go into
    one (or the next cannot join them, or the input ends). Every timed decode pays for
    Whisper's whole window and runs beside the captions' decodes: timed one by one as they
    ended, a conversation's short utterances kept a core busy for much of the meeting."""
    pre_roll_s: float = 0.3
    """Audio (s) kept before speech starts, so the first syllable is not cut."""
    language: str | None = None
    """Force one language (ISO 639-1); None detects it per utterance."""
    confident_probability: float = 0.8
    """Detections above this are followed and count toward the participant's language; a less
    sure one is read in that language so far, else English (the recogniser's fallback), and
    that is what locks."""


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
    detected: str | None = None
    """The language its last decode read, when it was too short to lock one."""

    @property
    def key(self) -> str | None:
        """Finished utterances with the same key may share a timed decode."""
        return self.language or self.detected


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
    after it has been handled (later stages want to know who is talking), and so does an
    ``InputEnd``; audio does not."""

    accepts = (AudioChunk, VoiceActivity, InputEnd)

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
        self._closed = False
        """An ``InputEnd`` came: no more audio, and timed decodes wait for ``end_input``."""
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
        """Words of this utterance already handed on (trimmed), context for its next decodes."""
        self._last_decode: tuple[float, int, ChunkRecognition] | None = None
        """The last partial decode with word times: (buffer start (s), buffer length
        (samples), what it read), so a cut of that same buffer needs no decode of its own."""

    # The stage interface.

    def _push(self, frame: AudioChunk | VoiceActivity | InputEnd) -> list[Frame]:
        return [*self._timed_ready(), *self._handle(frame)]

    def _handle(self, frame: AudioChunk | VoiceActivity | InputEnd) -> list[Frame]:
        if isinstance(frame, InputEnd):
            return [*self._close(), frame]
        if self._closed:
            raise PipelineError(
                f"the live transcriber of {self._participant_id} got media after its input ended"
            )
        if isinstance(frame, AudioChunk):
            if self._audio_start_s is None or not len(self._audio):
                self._audio_start_s = frame.start_s
            self._audio = np.concatenate([self._audio, frame.samples])
            if not self._speaking:
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
            self._keep_from(frame.start_s)
            return [frame]
        out = self._finalize(frame.start_s)
        self._stopped()
        return [*out, frame]

    def _stopped(self) -> None:
        """Only now, with the utterance's last caption made, is the room quiet for timed
        decodes: one started during that caption's decode would run beside it."""
        self._speaking = False
        self._speakers.stopped(self._participant_id)

    def _close(self) -> list[Frame]:
        """The input ended: the open utterance's last words become final now."""
        out: list[Frame] = []
        if not self._closed and (self._speaking or self._committed or self._tentative):
            out = self._finalize(self._end_s)
            self._stopped()
        self._closed = True
        return out

    def _flush(self) -> list[Frame]:
        out = self._timed_ready()
        if self._closed:
            return out  # its timed decodes are for end_input (see the module docstring)
        if not self._speaking:
            # Silent: time the oldest finished utterance once the room is quiet (one at a time,
            # so a person who starts again waits for at most one decode).
            untimed_s = sum(len(u.samples) for u in self._untimed) / SAMPLE_RATE
            due = not self._speakers.anyone() or untimed_s > self._options.max_untimed_s
            if self._untimed and due and not self._timing_jobs and self._batch_ready():
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
        out = self._close()
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
            # A detection this unsure (a 2 s buffer of English read as Japanese at 0.75) gives
            # way to the participant's language so far, else English (issue 13's rule).
            min_language_probability=o.confident_probability,
            word_timestamps=timed or word_times,
            prompt=(self._context or None) if finished is None else None,
            window_s=None if timed else (o.end_window_s if end else o.partial_window_s),
        )
        recognition = self._recognizer.recognize([audio], options)[0]
        duration = len(audio) / SAMPLE_RATE
        if finished is None and not self._language_locked:
            self._language = recognition.language
            if duration >= o.lock_language_after_s:
                self._language_locked = True
                if recognition.language_probability >= o.confident_probability:
                    self._confident[recognition.language] += duration
        kept = tuple(s for s in recognition.segments if self._filter.keeps(s))
        return replace(recognition, segments=kept)

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
        if long_buffer or margin_s > 0:
            self._last_decode = (self._audio_start_s or 0.0, len(self._audio), recognition)
        self._last_language = recognition.language
        words = _words(recognition)
        start_s = self._audio_start_s or 0.0
        timed_words = _timed_words(recognition, words)
        timed = [(start_s + w.start, start_s + w.end) for w in timed_words or ()]
        spans = timed or _estimated_spans(words, start_s, len(self._audio) / SAMPLE_RATE)
        first = self._past_rereading(
            _after(self._committed, words, timed or None, self._committed_end_s), words, timed
        )
        tail = words[first:]
        tail_timed = timed_words[first:] if timed_words else None
        agreed = max(
            self._agreed(tail, tail_timed, spans[first:]),
            self._sure(tail_timed or [], spans[first:]),
            self._settled(tail_timed, spans[first:]),
        )
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
            pending = len(words) - len(self._tentative)
            behind_s = self._options.behind_s
            behind = bool(self._tentative) and 0 < behind_s < self._end_s - timed[pending][0]
            self._trim(words, timed, pending, behind=behind)
        return out

    def _past_rereading(
        self, first: int, words: Sequence[str], spans: Sequence[tuple[float, float]]
    ) -> int:
        """``first`` (where a decode's ``words`` after the confirmed ones begin; ``spans``,
        their meeting times if timed), past those that read the confirmed words again (see
        ``LiveOptions.reread_margin_s``): the run of them the decode hears start well before
        the confirmed words end, when at least half of it are confirmed words. A word timed
        a little early (one decode timed the confirmed "1st" over "first of", the next "of"
        and "April" inside it) is new all the same."""
        margin_s = self._options.reread_margin_s
        if margin_s <= 0 or not self._committed:
            return first
        limit_s = self._committed_end_s - margin_s
        end = first
        while end < len(spans) and spans[end][0] < limit_s:
            end += 1
        confirmed = {_normal(word) for word in self._committed}
        again = sum(_normal(word) in confirmed for word in words[first:end])
        return end if 2 * again >= end - first else first

    def _agreed(
        self,
        tail: Sequence[str],
        timed: Sequence[RecognizedWord] | None,
        spans: Sequence[tuple[float, float]],
    ) -> int:
        """How many of ``tail`` (the decode's words after the confirmed ones; ``timed``, their
        timed words when the decode has them; ``spans``, their meeting times) this decode and
        the one before agree on, with enough audio after them (see ``confirm_margin_s``)."""
        agreed = _common_prefix(self._tentative, tail)
        margin_s = self._options.confirm_margin_s
        if margin_s <= 0:
            return agreed
        # Not yet the words the audio's end may have cut off: they wait for a decode that
        # hears past them.
        settled_s = self._end_s - margin_s
        while agreed and spans[agreed - 1][1] > settled_s:
            agreed -= 1
        unsure_s = self._end_s - self._options.unsure_margin_s
        for i, word in enumerate((timed or [])[:agreed]):
            if word.probability < self._options.unsure_probability and spans[i][1] > unsure_s:
                return i
        return agreed

    def _settled(
        self, timed: Sequence[RecognizedWord] | None, spans: Sequence[tuple[float, float]]
    ) -> int:
        """How many of the decode's words after the confirmed ones (``spans``: their meeting
        times) have ``settle_s`` of decoded audio after them (see ``LiveOptions.settle_s``)."""
        if self._options.settle_s <= 0 or not timed:
            return 0
        settled_s = self._end_s - self._options.settle_s
        least = self._options.settle_probability
        return next(
            (
                i
                for i, (word, (_, end)) in enumerate(zip(timed, spans, strict=False))
                if end > settled_s or word.probability < least
            ),
            min(len(timed), len(spans)),
        )

    def _sure(self, words: Sequence[RecognizedWord], spans: Sequence[tuple[float, float]]) -> int:
        """How many of ``words`` (the decode's words after the confirmed ones, ``spans`` their
        meeting times) are sure enough to confirm from this one decode (see
        ``LiveOptions.sure_probability``)."""
        threshold = self._options.sure_probability
        if threshold <= 0:
            return 0
        settled_s = self._end_s - self._options.sure_margin_s
        count = 0
        for word, (_, end_s) in zip(words, spans, strict=False):
            if word.probability < threshold or end_s > settled_s:
                break
            count += 1
        return count

    def _trim(
        self,
        words: Sequence[str],
        spans: Sequence[tuple[float, float]],
        agreed: int,
        *,
        behind: bool = False,
    ) -> None:
        """Hand on the audio up to the last confirmed sentence end (``words[:agreed]`` are
        confirmed, ``spans`` their meeting times) as a finished utterance awaiting its timed
        decode, and go on with the rest. The cut falls midway between that sentence's last
        word and the next one, so neither loses a syllable. ``behind``: the captions are
        behind (see ``LiveOptions.behind_s``)."""
        ends = [i for i in range(min(agreed, len(words) - 1)) if words[i].endswith(_SENTENCE_END)]
        if not ends and self._options.clause_cut:
            ends = [i for i in range(min(agreed, len(words) - 1)) if words[i].endswith(_CLAUSE_END)]
        if not ends and (behind or len(self._audio) > self._options.max_buffer_s * SAMPLE_RATE):
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
        # This decode's wording of the confirmed words after the cut: the next decode's words
        # are aligned to it.
        self._committed = list(words[last + 1 : agreed])
        self._hand_on(cut, words[: last + 1])

    def _hand_on(self, cut: int, words: Sequence[str]) -> None:
        """Hand the buffer's first ``cut`` samples on as a finished utterance awaiting its
        timed decode (``words``, what was confirmed in them, become the next decodes'
        context), and go on with the rest."""
        start_s = self._audio_start_s or 0.0
        self._untimed.append(self._finished(self._audio[:cut].copy(), start_s))
        if self._options.context_chars:
            handed_on = " ".join([self._context, *words]).strip()
            limit = self._options.context_chars
            # Whole words only: a word cut in half would mislead the decoder.
            self._context = (
                handed_on if len(handed_on) <= limit else handed_on[-limit:].partition(" ")[2]
            )
        self._keep_from(start_s + cut / SAMPLE_RATE)

    def _finalize(self, end_s: float) -> list[Frame]:
        """The utterance ended at ``end_s``: what is not final yet becomes final now, and the
        utterance waits for its timed decode."""
        start_s = self._audio_start_s or 0.0
        samples = self._audio[: max(0, round((end_s - start_s) * SAMPLE_RATE))]
        out: list[Frame] = []
        if len(samples) >= SAMPLE_RATE // 10:
            decoded_end_s = start_s + self._decoded_samples / SAMPLE_RATE
            end = self._options.end_window_s > 0
            if self._decoded_samples and decoded_end_s >= end_s and not end:
                # The last partial decode already heard the whole utterance.
                rest, language = self._tentative, self._last_language
            else:
                recognition = self._recognize(samples, timed=False, word_times=end, end=end)
                words = _words(recognition)
                timed = _timed_words(recognition, words)
                spans = [(start_s + w.start, start_s + w.end) for w in timed] if timed else None
                first = _after(self._committed, words, spans, self._committed_end_s)
                first = self._past_rereading(first, words, spans or ())
                rest, language = words[first:], recognition.language
            if rest:
                start = max(start_s, self._committed_end_s) if self._committed else start_s
                out.append(self._caption("final", start, end_s, rest, language))
            self._untimed.append(self._finished(samples.copy(), start_s))
        self._committed, self._tentative, self._context = [], [], ""
        self._language, self._language_locked = (
            self._options.language,
            self._options.language is not None,
        )
        self._keep_from(end_s)
        self._decoded_samples = 0
        return out

    def _finished(self, samples: FloatArray, start_s: float) -> _FinishedUtterance:
        """A piece of the current utterance, handed on to await its timed decode."""
        locked = self._language if self._language_locked else None
        return _FinishedUtterance(samples, start_s, locked, detected=self._language)

    def _batch(self) -> tuple[int, int]:
        """How many of the oldest finished utterances one timed decode takes (as many as fit
        ``timed_batch_s``, of one language), and their length (samples)."""
        first = self._untimed[0]
        count, length = 1, len(first.samples)
        limit = self._options.timed_batch_s * SAMPLE_RATE
        for finished in itertools.islice(self._untimed, 1, None):
            if finished.key != first.key or length + len(finished.samples) > limit:
                break
            count += 1
            length += len(finished.samples)
        return count, length

    def _batch_ready(self) -> bool:
        """Whether the oldest batch is as long as it should get (see ``timed_min_s``)."""
        count, length = self._batch()
        return count < len(self._untimed) or length >= self._options.timed_min_s * SAMPLE_RATE

    def _time_utterance(self) -> list[Frame]:
        """The timed segments of the oldest finished utterances, for the transcript: as many
        as fit one decode (in the same language), since every timed decode pays for Whisper's
        whole 30 s window, and a conversation hands on many short pieces. A piece too short
        to lock its language joins pieces of the language it was read in."""
        count, _ = self._batch()
        batch = [self._untimed.popleft() for _ in range(count)]
        samples = np.concatenate([finished.samples for finished in batch])
        offsets, position = [], 0
        for finished in batch:
            offsets.append((position / SAMPLE_RATE, finished.start_s))
            position += len(finished.samples)
        locked = next((f.language for f in batch if f.language is not None), None)
        joined = _FinishedUtterance(samples, batch[0].start_s, locked, self._fallback_language())

        def decode() -> list[Frame]:
            # Reads no state that the partial decodes change: safe on the timing thread.
            recognition = self._recognize(samples, timed=True, finished=joined)
            return list(self._timed_segments(samples, recognition, tuple(offsets)))

        if self._timing is None:
            return decode()
        self._timing_jobs.append(self._timing.submit(decode))
        return []

    def _cut(self) -> list[Frame]:
        """A long utterance the last decode handed nothing on from: hand on its confirmed
        sentences (or words) as a finished utterance, like ``_trim``, and drop their audio.
        When nothing was confirmed yet (audio arriving faster than it is decoded), every word
        but the last, which the buffer's end may have cut off, counts as confirmed. The words
        are timed by a partial decode: the transcript's timed decode of the piece runs later
        with the others, never on this thread, so the captions do not wait for it (nor for
        the pieces queued before it). When the last partial decode read this same buffer
        (it found nothing to hand on), its words are cut: a second decode of a buffer this long
        cost the most when the decodes had already fallen behind."""
        start_s = self._audio_start_s or 0.0
        last = self._last_decode
        if last is not None and last[:2] == (start_s, len(self._audio)):
            recognition = last[2]
        else:
            recognition = self._recognize(self._audio, timed=False, word_times=True)
        words = [word for segment in recognition.segments for word in segment.words]
        texts = [word.text.strip() for word in words]
        committed = _after(self._committed, texts)
        confirmed = committed if committed > 0 else len(words) - 1
        if confirmed <= 0:
            return self._finalize(self._end_s)
        ends = [i + 1 for i in range(confirmed) if texts[i].endswith(_SENTENCE_END)]
        keep = ends[-1] if ends else confirmed
        # Midway to the next word, as ``_trim`` cuts, so neither loses a syllable.
        word_end = words[keep - 1].end
        next_start = words[keep].start if keep < len(words) else word_end
        cut_s = start_s + (word_end + max(word_end, next_start)) / 2
        cut = min(len(self._audio), round((cut_s - start_s) * SAMPLE_RATE))
        out: list[Frame] = []
        if keep > committed:
            new = words[committed:keep]
            out.append(
                self._caption(
                    "final",
                    start_s + new[0].start,
                    start_s + new[-1].end,
                    texts[committed:keep],
                    recognition.language,
                )
            )
        left = committed - keep
        self._committed = self._committed[len(self._committed) - left :] if left > 0 else []
        self._tentative = texts[max(keep, committed) :]
        self._committed_end_s = start_s + word_end
        self._hand_on(cut, texts[:keep])
        self._decoded_samples = 0
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
    and 2100 since about 20 seats"; or, when only that later word matches, the words before
    it: "And keep" against "That keeps the risk low and gives") ends instead at the first word
    heard after the confirmed ones, less any that repeat the confirmed ones' last (word times
    shift a little between decodes; whisper_streaming drops up to 5 such words), so the words
    between are not lost."""
    if not committed:
        return 0
    matcher = difflib.SequenceMatcher(
        None, [_normal(w) for w in committed], [_normal(w) for w in words], autojunk=False
    )
    blocks = [block for block in matcher.get_matching_blocks() if block.size]
    if not blocks:
        if spans is None:
            return min(len(committed), len(words))
        # None of the confirmed words is read again as it was: either left out (after a trim,
        # Whisper given the words before as context left out the confirmed "So" the buffer
        # starts with, and read "I don't hear that") or reworded (the confirmed "We'd" read
        # "We start with"). The new words are those that start after the confirmed ones end,
        # not all but the first ``len(committed)`` (which lost that "I").
        return next(
            (i for i, (start, _) in enumerate(spans) if start >= committed_end_s), len(spans)
        )
    last = blocks[-1]
    missing = len(committed) - (last.a + last.size)
    by_text = min(len(words), last.b + last.size + missing)
    if spans is None:
        return by_text
    # With one match, the words before it are what it skips: the confirmed "And keep" against
    # "That keeps the risk low and gives..." matches only the later "and".
    before = blocks[-2] if len(blocks) >= 2 else difflib.Match(0, 0, 0)
    skipped = (last.b - before.b - before.size) - (last.a - before.a - before.size)
    if skipped <= 1:
        return by_text
    later = max(_heard_after(spans, committed_end_s), before.b + before.size)
    if later >= by_text:
        return by_text
    for size in range(min(5, len(committed), by_text - later), 0, -1):
        tail = [_normal(word) for word in committed[-size:]]
        if tail == [_normal(word) for word in words[later : later + size]]:
            return later + size
    return later


def _heard_after(spans: Sequence[tuple[float, float]], end_s: float) -> int:
    """The first of the words (``spans``: their times) heard after ``end_s``."""
    return next(
        (i for i, (start, end) in enumerate(spans) if (start + end) / 2 > end_s), len(spans)
    )


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
