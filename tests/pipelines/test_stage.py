"""The stage interface and the live wiring, on fake models: milliseconds per test."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import numpy as np
import numpy.typing as npt
import pytest

from models.asr import (
    ChunkRecognition,
    RecognitionOptions,
    RecognizedSegment,
    RecognizedWord,
    choose_languages,
)
from models.errors import InputError, PipelineError
from pipelines.frames import (
    AudioChunk,
    Caption,
    Frame,
    InputEnd,
    SpeechChunk,
    SpeechRegion,
    TranscribedSegment,
    VoiceActivity,
)
from pipelines.live_transcribe import ActiveSpeakers, LiveOptions, LiveTranscriber, _after
from pipelines.sources import LiveAudioSource
from pipelines.stage import Chain, Fanout, Stage, run_stage
from pipelines.stream import ParticipantStream
from pipelines.vad import VadOptions, VadStream

from .fakes import (
    SCRIPT,
    FakeRecognizer,
    FakeVad,
    FloatArray,
    PiecewiseRecognizer,
    silence,
    speech,
    tone,
)


def _blocks(pid: str, audio: np.ndarray, block_s: float = 0.1, start_s: float = 0.0) -> list[Frame]:
    size = int(block_s * 16_000)
    return [
        AudioChunk(pid, start_s + i / 16_000, audio[i : i + size])
        for i in range(0, len(audio), size)
    ]


class _Doubler(Stage):
    accepts = (VoiceActivity,)

    def _push(self, frame: VoiceActivity) -> list[Frame]:
        return [frame, frame]


def test_unknown_frames_pass_and_input_ends_once() -> None:
    activity = VoiceActivity("p", 1.0, True)
    region = SpeechRegion("p", 0.0, silence(0.1))
    chain = Chain([_Doubler(), _Doubler()])
    assert chain.push(activity) == [activity] * 4
    assert chain.push(region) == [region]
    assert chain.end_input() == []
    with pytest.raises(PipelineError, match="after its end of input"):
        chain.push(region)
    fanout = Fanout([_Doubler(), Chain([])])
    assert fanout.push(region) == [region]  # nobody consumed it: out once, not twice
    assert fanout.push(activity) == [activity]  # re-emitted by one, passed by the other: once


def _vad(pid: str = "p", **flags: bool) -> VadStream:
    return VadStream(FakeVad(), pid, VadOptions(min_silence_s=0.5), **flags)


def test_vad_reports_when_speech_starts_and_ends() -> None:
    audio = np.concatenate([silence(1.0), tone(2.0), silence(1.5)])
    out = run_stage(_vad(activity=True), _blocks("p", audio))
    changes = [f for f in out if isinstance(f, VoiceActivity)]
    regions = [f for f in out if isinstance(f, SpeechRegion)]
    assert [c.speaking for c in changes] == [True, False]
    assert changes[0].start_s == pytest.approx(1.0 - 0.2, abs=0.05)  # speech pad included
    assert changes[1].start_s == pytest.approx(3.0 + 0.2, abs=0.05)
    assert len(regions) == 1
    assert regions[0].start_s == pytest.approx(changes[0].start_s)


def _live(recognizer: FakeRecognizer, **options: float) -> Chain:
    return Chain(
        [
            _vad(activity=True, forward_audio=True),
            LiveTranscriber("p", recognizer, LiveOptions(**options), clock=time.monotonic),  # type: ignore[arg-type]
        ]
    )


def test_live_captions_confirm_by_agreement_and_end_final() -> None:
    recognizer = FakeRecognizer()
    audio = np.concatenate([silence(0.5), speech(10), silence(1.5)])
    # Agreement alone: sure words would be final from one decode, before any partial.
    out = run_stage(_live(recognizer, sure_probability=0.0), _blocks("p", audio), flush_each=True)
    captions = [f for f in out if isinstance(f, Caption)]
    finals = [c for c in captions if c.kind == "final"]
    partials = [c for c in captions if c.kind == "partial"]
    heard = " ".join(c.text for c in finals).split()
    # Every word spoken is final exactly once, in order, and none of the unstable guesses.
    assert heard == SCRIPT[:10]
    assert not any(word.endswith("-ish") for word in heard)
    # Some words were final before the utterance ended (agreement), and partials came first.
    assert len(finals) >= 2
    assert partials and partials[0].emitted_at <= finals[0].emitted_at
    assert all(c.start_s <= c.end_s for c in captions)
    # The transcript gets timed segments of the same words, after the last final caption: the
    # timed decode waits for the silence instead of holding up the captions.
    segments = [f for f in out if isinstance(f, TranscribedSegment)]
    assert [w.text for s in segments for w in s.words] == heard
    assert all(w.start >= 0.3 for s in segments for w in s.words)
    assert out.index(finals[-1]) < out.index(segments[0])
    # Partial decodes run in a short window (timing their words, for the confirmation
    # margin); only the finished utterance is decoded in Whisper's full window.
    assert recognizer.windows.count(None) == 1
    assert set(recognizer.windows) == {10.0, None}
    # All but the utterance's last (when the last partial decode stopped short of the VAD's
    # end: a decode of text only) time their words.
    assert all(timed for _, timed in recognizer.calls[:-2])


class _HastyRecognizer(FakeRecognizer):
    """While the audio ends in speech, misreads every word that less than ``HORIZON_S`` of
    audio follows, the same way in successive decodes (as Whisper reads a word the buffer's
    end cuts off: "Route" for "Routewise", in two decodes 0.5 s apart), unsure of them
    (probability 0.3) as Whisper is of such guesses."""

    HORIZON_S = 0.9

    def recognize(self, chunks, options):  # type: ignore[no-untyped-def]
        out = []
        for chunk, recognition in zip(chunks, super().recognize(chunks, options), strict=True):
            end_s = len(chunk) / 16_000
            if np.sqrt(np.mean(chunk[-1600:] ** 2)) < 0.05:
                out.append(recognition)  # the speech ended: every word is heard whole
                continue
            segments = []
            for segment in recognition.segments:
                words = tuple(
                    replace(w, text=f"{w.text}-guess", probability=0.3)
                    if end_s - w.end < self.HORIZON_S
                    else w
                    for w in segment.words
                )
                texts = segment.text.split()
                guessed = [
                    f"{t}-guess" if end_s - (segment.start + (i + 1) * 0.4) < self.HORIZON_S else t
                    for i, t in enumerate(texts)
                ]
                segments.append(replace(segment, text=" ".join(guessed), words=words))
            out.append(replace(recognition, segments=tuple(segments)))
        return out


def test_words_the_audio_end_may_cut_off_wait_for_audio_after_them() -> None:
    """Two decodes agreeing on the buffer's last word is not enough: it is confirmed once the
    decoded audio runs ``confirm_margin_s`` past it. Without the margin, the hasty guesses of
    the fake become final (LocalAgreement-2 alone); with it, none does, and no word is lost."""
    audio = np.concatenate([silence(0.5), speech(12), silence(1.5)])

    def finals(**options: float) -> list[str]:
        out = run_stage(_live(_HastyRecognizer(), **options), _blocks("p", audio), flush_each=True)
        return [
            w for c in out if isinstance(c, Caption) and c.kind == "final" for w in c.text.split()
        ]

    assert any(word.endswith("-guess") for word in finals(confirm_margin_s=0.0))
    heard = finals(confirm_margin_s=1.0)
    assert heard == SCRIPT[:12]


class _UnsureRecognizer(FakeRecognizer):
    """Misreads every word that less than ``HORIZON_S`` of audio follows, the same way in
    successive decodes, and is unsure of those words (probability 0.3), as Whisper is of a word
    it guesses at; sure words read right, with probability 0.9."""

    HORIZON_S = 1.3

    def guess(self, text: str) -> str:
        """How a word near the buffer's end is misread in this decode."""
        return f"{text}-guess"

    def recognize(self, chunks, options):  # type: ignore[no-untyped-def]
        out = []
        for chunk, recognition in zip(chunks, super().recognize(chunks, options), strict=True):
            end_s = len(chunk) / 16_000
            segments = []
            for segment in recognition.segments:
                words = tuple(
                    replace(w, text=self.guess(w.text), probability=0.3)
                    if end_s - w.end < self.HORIZON_S and np.abs(chunk[-1600:]).max() > 0.05
                    else w
                    for w in segment.words
                )
                text = " ".join(w.text.strip() for w in words) if words else segment.text
                segments.append(replace(segment, text=text, words=words))
            out.append(replace(recognition, segments=tuple(segments)))
        return out


def test_unsure_words_wait_for_more_audio_after_them() -> None:
    """Two decodes agreeing on a word the decoder is unsure of, with ``confirm_margin_s`` of
    audio after it, is not enough: it waits until ``unsure_margin_s`` of audio follows. The
    words the decoder is sure of keep the short margin."""
    audio = np.concatenate([silence(0.5), speech(12), silence(1.5)])

    def finals(**options: float) -> list[Caption]:
        out = run_stage(_live(_UnsureRecognizer(), **options), _blocks("p", audio), flush_each=True)
        return [c for c in out if isinstance(c, Caption) and c.kind == "final"]

    hasty = finals(confirm_margin_s=0.6, unsure_probability=0.0)
    assert any(word.endswith("-guess") for c in hasty for word in c.text.split())
    careful = finals(confirm_margin_s=0.6, unsure_probability=0.5, unsure_margin_s=1.5)
    assert [word for c in careful for word in c.text.split()] == SCRIPT[:12]
    assert len(careful) >= 2  # confirmed while the person spoke, not only at the end


class _RereadingRecognizer(FakeRecognizer):
    """Reads the script's word7 as "word3" (a word said twice), and once the decoded audio
    runs past ``MERGE_AFTER_S``, reads word2 and word3 as one word ("120" for "100 and 20")."""

    MERGE_AFTER_S = 3.0

    def recognize(self, chunks, options):  # type: ignore[no-untyped-def]
        out = []
        for chunk, recognition in zip(chunks, super().recognize(chunks, options), strict=True):
            segments = []
            for segment in recognition.segments:
                words = [
                    replace(w, text=" word3") if w.text.strip() == SCRIPT[7] else w
                    for w in segment.words
                ]
                texts = ["word3" if t == SCRIPT[7] else t for t in segment.text.split()]
                if len(chunk) / 16_000 > self.MERGE_AFTER_S and SCRIPT[2] in texts:
                    i = texts.index(SCRIPT[2])
                    texts[i : i + 2] = ["word23"]
                    if words:
                        merged = replace(words[i], text=" word23", end=words[i + 1].end)
                        words[i : i + 2] = [merged]
                segments.append(replace(segment, text=" ".join(texts), words=tuple(words)))
            out.append(replace(recognition, segments=tuple(segments)))
        return out


def test_a_word_read_anew_does_not_swallow_the_words_after_the_confirmed_ones() -> None:
    """A later decode rewords confirmed words, and a confirmed word also comes again further
    on: aligned by text alone, the confirmed words would end at that second one and the words
    between would never be final. The decode's word times say where they end."""
    audio = np.concatenate([silence(0.5), speech(12), silence(1.5)])
    out = run_stage(_live(_RereadingRecognizer()), _blocks("p", audio), flush_each=True)
    finals = [c for c in out if isinstance(c, Caption) and c.kind == "final"]
    heard = [word for c in finals for word in c.text.split()]
    assert heard == ["word3" if w == SCRIPT[7] else w for w in SCRIPT[:12]]


class _RewordingRecognizer(FakeRecognizer):
    """Reads the script's word6 as "word0" (a word said again), and once the decoded audio runs
    past ``REWORD_AFTER_S``, reads each of the first four words (confirmed by then) otherwise,
    as Whisper rereads "And keep" as "That keeps" a few decodes later."""

    REWORD_AFTER_S = 2.7

    def recognize(self, chunks, options):  # type: ignore[no-untyped-def]
        out = []
        for chunk, recognition in zip(chunks, super().recognize(chunks, options), strict=True):
            reworded = SCRIPT[:4] if len(chunk) / 16_000 > self.REWORD_AFTER_S else []

            def read(text: str, reworded: list[str] = reworded) -> str:
                if text == SCRIPT[6]:
                    return SCRIPT[0]
                return f"{text}s" if text in reworded else text

            segments = [
                replace(
                    segment,
                    text=" ".join(read(t) for t in segment.text.split()),
                    words=tuple(replace(w, text=f" {read(w.text.strip())}") for w in segment.words),
                )
                for segment in recognition.segments
            ]
            out.append(replace(recognition, segments=tuple(segments)))
        return out


def test_confirmed_words_read_anew_do_not_match_a_later_repeat_alone() -> None:
    """A later decode rewords every confirmed word, and only a repeat of the first, further on,
    still matches: aligned by text, the confirmed words would end at that repeat and the words
    between would never be final (the tuning dialogue lost "keeps the risk low" so, after a
    trim). The decode's word times say where the confirmed words end."""
    audio = np.concatenate([silence(0.5), speech(12), silence(1.5)])
    out = run_stage(_live(_RewordingRecognizer()), _blocks("p", audio), flush_each=True)
    finals = [c for c in out if isinstance(c, Caption) and c.kind == "final"]
    heard = [word for c in finals for word in c.text.split()]
    assert heard == [SCRIPT[0] if w == SCRIPT[6] else w for w in SCRIPT[:12]]


class _NarrowRecognizer(FakeRecognizer):
    """Misreads the last word of every decode in a window shorter than 30 s (the short
    window's reading of what the buffer's end holds is worse than the full window's, and
    unsure: probability 0.3)."""

    def recognize(self, chunks, options):  # type: ignore[no-untyped-def]
        out = super().recognize(chunks, options)
        if options.window_s is None or options.window_s >= 30:
            return out
        misread = []
        for recognition in out:
            segments = list(recognition.segments)
            if segments:
                last = segments[-1]
                words = last.words[:-1] + tuple(
                    replace(w, text=f"{w.text}-ish", probability=0.3) for w in last.words[-1:]
                )
                text = last.text.rsplit(" ", 1)
                segments[-1] = replace(
                    last, text=" ".join([*text[:-1], f"{text[-1]}-ish"]), words=words
                )
            misread.append(replace(recognition, segments=tuple(segments)))
        return misread


def test_an_utterances_last_words_can_come_from_a_decode_in_the_full_window() -> None:
    """With ``end_window_s``, the words not yet final when the utterance ends come from one
    more decode of the whole utterance in that window, with the final beam; without it, from
    the last partial decode."""
    audio = np.concatenate([silence(0.5), speech(6), silence(1.5)])

    def run(**options: float) -> tuple[list[str], FakeRecognizer]:
        recognizer = _NarrowRecognizer()
        out = run_stage(_live(recognizer, **options), _blocks("p", audio), flush_each=True)
        finals = [c for c in out if isinstance(c, Caption) and c.kind == "final"]
        return [word for c in finals for word in c.text.split()], recognizer

    hasty, _ = run()
    assert hasty[-1] == f"{SCRIPT[5]}-ish"
    assert hasty[:-1] == SCRIPT[:5]
    heard, recognizer = run(end_window_s=30.0)
    assert heard == SCRIPT[:6]
    assert recognizer.windows.count(30.0) == 1


class _GatedRecognizer(FakeRecognizer):
    """Its timed decodes (full window, word timings) wait until ``gate`` opens."""

    def __init__(self) -> None:
        super().__init__()
        self.gate = threading.Event()

    def recognize(self, chunks, options):  # type: ignore[no-untyped-def]
        if options.window_s is None and options.word_timestamps:
            assert self.gate.wait(timeout=30), "the test never opened the gate"
        return super().recognize(chunks, options)


def test_timed_decodes_on_the_timing_thread_hold_up_no_caption() -> None:
    """While the first utterance's timed decode runs (here: never finishes until released), the
    next utterance is captioned and confirmed as usual; the segments come out later, in order."""
    recognizer = _GatedRecognizer()
    with ThreadPoolExecutor(1) as timing:
        stage = Chain(
            [
                _vad(activity=True, forward_audio=True),
                LiveTranscriber(
                    "p",
                    recognizer,
                    LiveOptions(timed_min_s=0.0),  # timed as soon as the room is quiet
                    clock=time.monotonic,
                    timing=timing,
                ),
            ]
        )
        audio = np.concatenate([speech(8), silence(1.5), speech(8, first=8), silence(1.5)])
        out: list[Frame] = []
        for frame in _blocks("p", audio):
            out.extend(stage.push(frame))
            out.extend(stage.flush())
        finals = [c for c in out if isinstance(c, Caption) and c.kind == "final"]
        assert " ".join(c.text for c in finals).split() == SCRIPT[:16]
        assert not any(isinstance(f, TranscribedSegment) for f in out)
        recognizer.gate.set()
        out.extend(stage.end_input())
    segments = [f for f in out if isinstance(f, TranscribedSegment)]
    assert [w.text for s in segments for w in s.words] == SCRIPT[:16]
    starts = [s.start for s in segments]
    assert starts == sorted(starts)


def test_short_utterances_wait_to_share_one_timed_decode() -> None:
    """Every timed decode pays for Whisper's whole window: finished utterances wait until
    ``timed_min_s`` of them can go into one, even in the pauses between them, and each one's
    words keep their own times."""
    recognizer = PiecewiseRecognizer()
    utterances = [speech(4, first=4 * i) for i in range(4)]
    audio = np.concatenate([part for u in utterances for part in (silence(1.5), u)])
    audio = np.concatenate([audio, silence(1.5)])
    stage = _live(recognizer, timed_min_s=7.0)
    out: list[Frame] = []
    for frame in _blocks("p", audio):
        out.extend(stage.push(frame))
        out.extend(stage.flush())
        if not recognizer.timed:
            # Nothing timed until 7 s of utterances (about 2 s each, with pre-roll) wait.
            assert not any(isinstance(f, TranscribedSegment) for f in out)
    timed_before_end = recognizer.timed
    out.extend(stage.end_input())
    # Four utterances, one timed decode, in the pause after the fourth (once 7 s waited).
    assert timed_before_end == 1
    assert recognizer.timed == 1
    segments = [f for f in out if isinstance(f, TranscribedSegment)]
    words = [w for s in segments for w in s.words]
    assert [w.text for w in words] == SCRIPT[:16]
    # Each utterance's words where it was spoken: 1.5 s of silence, then 1.6 s of words.
    for i in range(4):
        assert words[4 * i].start == pytest.approx(1.5 + i * 3.1, abs=0.05)


def test_a_backlog_cut_past_the_longest_buffer_waits_for_no_timed_decode() -> None:
    """Audio arriving faster than it is decoded runs past ``max_buffer_s`` while the timed
    decode of the utterance before is still running (here: held until released): the buffer
    is cut from a partial decode and its words turn final at once, without waiting for that
    decode or running one of its own; the piece cut off is timed afterwards, in order."""
    recognizer = _GatedRecognizer()
    with ThreadPoolExecutor(1) as timing:
        stage = Chain(
            [
                _vad(activity=True, forward_audio=True),
                LiveTranscriber(
                    "p",
                    recognizer,
                    LiveOptions(max_buffer_s=6.0, timed_min_s=0.0),
                    clock=time.monotonic,
                    timing=timing,
                ),
            ]
        )
        first = np.concatenate([speech(8), silence(1.5)])
        out: list[Frame] = []
        for frame in _blocks("p", first):
            out.extend(stage.push(frame))
            out.extend(stage.flush())
        # A backlog: 12 s of speech pushed with no flush between the blocks.
        for frame in _blocks("p", speech(30, first=8), start_s=len(first) / 16_000):
            out.extend(stage.push(frame))
        finals = [c for c in out if isinstance(c, Caption) and c.kind == "final"]
        heard = " ".join(c.text for c in finals).split()
        assert heard[:8] == SCRIPT[:8]
        assert len(heard) > 8
        assert heard[8:] == SCRIPT[8 : len(heard)]
        assert None not in recognizer.windows  # no full-window decode has finished
        assert not any(isinstance(f, TranscribedSegment) for f in out)
        recognizer.gate.set()
        out.extend(stage.end_input())
    segments = [f for f in out if isinstance(f, TranscribedSegment)]
    assert [w.text for s in segments for w in s.words] == SCRIPT[:38]
    starts = [w.start for s in segments for w in s.words]
    assert starts == sorted(starts)


def test_long_utterance_is_cut_without_losing_words() -> None:
    recognizer = FakeRecognizer()
    audio = np.concatenate([speech(60), silence(1.0)])
    out = run_stage(_live(recognizer, max_buffer_s=6.0), _blocks("p", audio), flush_each=True)
    words = [w.text for f in out if isinstance(f, TranscribedSegment) for w in f.words]
    assert words == [SCRIPT[i % 40] for i in range(60)]
    calls = list(zip(recognizer.calls, recognizer.windows, strict=True))
    assert max(length for (length, _), window in calls if window) < 6.0 + 1.0
    # The pieces cut off are timed afterwards, joined into Whisper's window.
    assert max(length for (length, _), window in calls if window is None) <= 25.0 + 0.5
    finals = " ".join(c.text for c in out if isinstance(c, Caption) and c.kind == "final")
    assert len(finals.split()) == len(words)


def test_unpunctuated_speech_is_handed_on_at_confirmed_words_without_a_timed_decode() -> None:
    """No sentence end for 16 s: past ``max_buffer_s`` the buffer is cut at a confirmed word
    from the partial decode's own timings, so no timed decode holds up the captions; the
    pieces are timed together once the speaker pauses."""
    recognizer = FakeRecognizer()
    audio = np.concatenate([speech(40), silence(1.0)])
    options = {"trim_s": 4.0, "max_buffer_s": 6.0}
    out = run_stage(_live(recognizer, **options), _blocks("p", audio), flush_each=True)
    spoken = [SCRIPT[i % 40] for i in range(40)]
    finals = [c for c in out if isinstance(c, Caption) and c.kind == "final"]
    assert [w for c in finals for w in c.text.split()] == spoken
    segments = [f for f in out if isinstance(f, TranscribedSegment)]
    assert [w.text for s in segments for w in s.words] == spoken
    calls = list(zip(recognizer.calls, recognizer.windows, strict=True))
    assert max(length for (length, _), window in calls if window) < 6.0 + 1.0
    full_window = [length for (length, _), window in calls if window is None]
    assert len(full_window) == 1
    assert full_window[0] == pytest.approx(16.0, abs=1.0)


class _WaveringRecognizer(FakeRecognizer):
    """Reads the newest ``WAVER_S`` of the audio differently each decode (as Whisper rereads
    the words it is unsure of: probability 0.3), so they are confirmed only once the decodes
    heard on past them: the captions run that far behind the audio."""

    WAVER_S = 2.4

    def __init__(self) -> None:
        super().__init__()
        self._decodes = 0

    def recognize(self, chunks, options):  # type: ignore[no-untyped-def]
        out = []
        for chunk, recognition in zip(chunks, super().recognize(chunks, options), strict=True):
            self._decodes += 1
            end_s = len(chunk) / 16_000
            if options.window_s is None or np.sqrt(np.mean(chunk[-1600:] ** 2)) < 0.05:
                out.append(recognition)  # the transcript's decode, or the speech ended
                continue
            tag = f"~{self._decodes}"

            def waver(text: str, word_end_s: float, tag: str = tag, end_s: float = end_s) -> str:
                return f"{text}{tag}" if end_s - word_end_s < self.WAVER_S else text

            segments = []
            for segment in recognition.segments:
                words = tuple(
                    replace(w, text=waver(w.text, w.end), probability=0.3)
                    if end_s - w.end < self.WAVER_S
                    else w
                    for w in segment.words
                )
                texts = [
                    waver(t, segment.start + (i + 1) * 0.4)
                    for i, t in enumerate(segment.text.split())
                ]
                segments.append(replace(segment, text=" ".join(texts), words=words))
            out.append(replace(recognition, segments=tuple(segments)))
        return out


def test_captions_behind_cut_long_unpunctuated_buffers_early() -> None:
    """Unpunctuated speech while the captions run more than ``behind_s`` behind the audio: a
    buffer past ``trim_s`` is cut at its last confirmed word, long before ``max_buffer_s``,
    so the partial decodes stop decoding again audio already final. Every word is still
    final once and in the transcript once; with ``behind_s`` 0 the buffer grows to the cut
    at ``max_buffer_s``."""
    audio = np.concatenate([speech(45), silence(1.0)])
    spoken = [SCRIPT[i % 40] for i in range(45)]

    def run(behind_s: float) -> tuple[list[str], list[str], float]:
        recognizer = _WaveringRecognizer()
        # Captions behind: no word the decodes reword is final before they agree (settle_s).
        options = {"trim_s": 4.0, "max_buffer_s": 12.0, "behind_s": behind_s, "settle_s": 0.0}
        out = run_stage(_live(recognizer, **options), _blocks("p", audio), flush_each=True)
        finals = [
            w for c in out if isinstance(c, Caption) and c.kind == "final" for w in c.text.split()
        ]
        stored = [w.text for f in out if isinstance(f, TranscribedSegment) for w in f.words]
        calls = zip(recognizer.calls, recognizer.windows, strict=True)
        longest = max(length for (length, _), window in calls if window)
        return finals, stored, longest

    finals, stored, longest = run(behind_s=2.0)
    assert finals == spoken
    assert stored == spoken
    # Past 4 s, the confirmed words (all but the wavering last 2.4 s and the margin) go.
    assert longest < 4.0 + 0.5 + 0.1
    finals, stored, longest = run(behind_s=0.0)
    assert finals == spoken
    assert stored == spoken
    assert longest > 12.0


def test_continuous_speech_is_handed_on_at_confirmed_sentence_ends() -> None:
    """No pause for 30 s: the buffer is trimmed after each confirmed sentence, so decodes stay
    short, and every word is still final once and in the transcript once, in order."""
    recognizer = FakeRecognizer(sentence_words=5)
    audio = np.concatenate([speech(75), silence(1.0)])
    options = {"trim_s": 4.0, "max_buffer_s": 15.0}
    out = run_stage(_live(recognizer, **options), _blocks("p", audio), flush_each=True)
    spoken = [SCRIPT[i % 40] for i in range(75)]
    finals = [c for c in out if isinstance(c, Caption) and c.kind == "final"]
    assert [w.rstrip(".") for c in finals for w in c.text.split()] == spoken
    segments = [f for f in out if isinstance(f, TranscribedSegment)]
    assert [w.text.rstrip(".") for s in segments for w in s.words] == spoken
    # Trimmed at sentence ends long before the 15 s cut: no partial decode reached 4 s plus
    # one sentence (2 s) and a step.
    partial_lengths = [
        length
        for (length, _), window in zip(recognizer.calls, recognizer.windows, strict=True)
        if window
    ]
    assert max(partial_lengths) < 4.0 + 2.0 + 0.6
    # The pieces are timed afterwards in Whisper's full window, each starting where the last
    # ended: the transcript's word times run on without overlap.
    starts = [w.start for s in segments for w in s.words]
    assert starts == sorted(starts)
    assert starts[-1] == pytest.approx(74 * 0.4, abs=0.25)
    # The many short pieces share few timed decodes (each pays for a full window): 30 s of
    # speech in pieces of at most 25 s.
    full_window = [
        length
        for (length, _), w in zip(recognizer.calls, recognizer.windows, strict=True)
        if w is None
    ]
    assert len(full_window) == 2
    assert sum(full_window) == pytest.approx(30.0, abs=1.0)


class _RepeatingRecognizer(FakeRecognizer):
    """While the buffer is 3.5 to 5 s long, reads its first three words once more after its
    sixth, timed where they were heard: Whisper repeating a sentence it is unsure of (telephone
    audio: "We looked at Cargoline last year. We looked at Cargoline last year.")."""

    def recognize(self, chunks, options):  # type: ignore[no-untyped-def]
        out = super().recognize(chunks, options)
        for index, (chunk, recognition) in enumerate(zip(chunks, out, strict=True)):
            if options.window_s is None or not 3.5 <= len(chunk) / 16_000 <= 5.0:
                continue
            (segment,) = recognition.segments
            words = segment.words[:6] + segment.words[:3] + segment.words[6:]
            text = " ".join(w.text.strip() for w in words)
            out[index] = replace(recognition, segments=(replace(segment, text=text, words=words),))
        return out


def test_words_a_decode_reads_again_over_confirmed_audio_are_not_final_twice() -> None:
    """A decode that repeats words already final, timed over the audio they were heard in,
    adds nothing with ``reread_margin_s``; without it they were final twice."""

    def heard(**options: float) -> list[str]:
        audio = np.concatenate([silence(0.5), speech(12), silence(1.5)])
        out = run_stage(
            _live(_RepeatingRecognizer(), **options), _blocks("p", audio), flush_each=True
        )
        finals = [c for c in out if isinstance(c, Caption) and c.kind == "final"]
        return [word for c in finals for word in c.text.split()]

    assert heard(reread_margin_s=0.3) == SCRIPT[:12]
    assert heard(reread_margin_s=0.0) != SCRIPT[:12]  # the repeat, final again


class _CommaRecognizer(FakeRecognizer):
    """Ends every fifth word with a comma and no sentence ever (a long list read aloud)."""

    def __init__(self) -> None:
        super().__init__(sentence_words=5)

    def recognize(self, chunks, options):  # type: ignore[no-untyped-def]
        def comma(text: str) -> str:
            return text.replace(".", ",")

        return [
            replace(
                recognition,
                segments=tuple(
                    replace(
                        segment,
                        text=comma(segment.text),
                        words=tuple(replace(w, text=comma(w.text)) for w in segment.words),
                    )
                    for segment in recognition.segments
                ),
            )
            for recognition in super().recognize(chunks, options)
        ]


def test_a_sentence_of_commas_is_handed_on_at_its_confirmed_clause_ends() -> None:
    """No sentence end for 16 s: with ``clause_cut`` the buffer past ``trim_s`` is handed on at
    its confirmed commas, so decodes stay short; without, it grows until a cut. Either way
    every word is final once, in order."""
    audio = np.concatenate([speech(40), silence(1.0)])

    def longest_partial(clause_cut: bool) -> float:
        recognizer = _CommaRecognizer()
        options = {"trim_s": 4.0, "max_buffer_s": 15.0, "behind_s": 0.0, "clause_cut": clause_cut}
        out = run_stage(_live(recognizer, **options), _blocks("p", audio), flush_each=True)
        finals = [c for c in out if isinstance(c, Caption) and c.kind == "final"]
        assert [w.rstrip(",") for c in finals for w in c.text.split()] == SCRIPT[:40]
        return max(
            length
            for (length, _), window in zip(recognizer.calls, recognizer.windows, strict=True)
            if window
        )

    assert longest_partial(True) < 4.0 + 2.0 + 0.6 < longest_partial(False)


class _UnsureOfLanguageRecognizer(FakeRecognizer):
    """Detects ``detected`` at ``probability`` (whatever is said), and picks the language from
    that detection as the real recognisers do; words read in another language than English
    come out in that language's script (as Whisper writes English it takes for Japanese)."""

    def __init__(self, detected: str, probability: float) -> None:
        super().__init__()
        self.ranking = [(detected, probability), ("en", 1.0 - probability)]

    def recognize(self, chunks, options):  # type: ignore[no-untyped-def]
        languages = (
            [(options.language, 1.0)] * len(chunks)
            if options.language
            else choose_languages([self.ranking] * len(chunks), [len(c) for c in chunks], options)
        )
        out = []
        for (code, probability), recognition in zip(
            languages, super().recognize(chunks, options), strict=True
        ):
            segments = tuple(
                replace(
                    segment,
                    text=" ".join(f"{w}-{code}" for w in segment.text.split())
                    if code != "en"
                    else segment.text,
                    words=tuple(
                        replace(w, text=f"{w.text}-{code}") if code != "en" else w
                        for w in segment.words
                    ),
                )
                for segment in recognition.segments
            )
            out.append(ChunkRecognition(code, probability, segments))
        return out


def test_an_unsure_language_detection_is_not_followed() -> None:
    """A detection below ``confident_probability`` (Japanese at 0.75 for an English "Thanks,
    Daniel") gives way to the participant's language so far, else English, and that is what
    the utterance is locked to; a sure one (German at 0.95) is followed."""
    audio = np.concatenate([silence(0.5), speech(10), silence(1.5)])

    def captions(detected: str, probability: float) -> list[Caption]:
        recognizer = _UnsureOfLanguageRecognizer(detected, probability)
        out = run_stage(_live(recognizer), _blocks("p", audio), flush_each=True)
        return [c for c in out if isinstance(c, Caption)]

    unsure = captions("ja", 0.75)
    assert {c.language for c in unsure} == {"en"}
    assert " ".join(c.text for c in unsure if c.kind == "final").split() == SCRIPT[:10]
    sure = captions("de", 0.95)
    assert {c.language for c in sure} == {"de"}
    assert " ".join(c.text for c in sure if c.kind == "final").split() == [
        f"{w}-de" for w in SCRIPT[:10]
    ]


def test_backlog_fed_at_once_still_stays_inside_whispers_window() -> None:
    """A file fed at full speed: no flush between blocks, yet the buffer is cut in time."""
    recognizer = FakeRecognizer()
    audio = np.concatenate([speech(100), silence(1.0)])
    out = run_stage(_live(recognizer, max_buffer_s=10.0), _blocks("p", audio))
    words = [w.text for f in out if isinstance(f, TranscribedSegment) for w in f.words]
    assert words == [SCRIPT[i % 40] for i in range(100)]
    calls = list(zip(recognizer.calls, recognizer.windows, strict=True))
    assert max(length for (length, _), window in calls if window) <= 12.0
    assert max(length for (length, _), window in calls if window is None) <= 25.0 + 0.5


class _RecordingRecognizer(FakeRecognizer):
    """Keeps the audio of every decode."""

    def __init__(self) -> None:
        super().__init__()
        self.heard: list[bytes] = []

    def recognize(self, chunks, options):  # type: ignore[no-untyped-def]
        self.heard += [chunk.tobytes() for chunk in chunks]
        return super().recognize(chunks, options)


def test_a_cut_reads_the_words_of_the_decode_before_it_not_a_decode_of_its_own() -> None:
    """Decodes that fell behind (a backlog past ``max_buffer_s``, nothing agreed yet): the
    buffer is cut at the words the partial decode of that same buffer read, which a second
    decode of it would only repeat; no word is lost."""
    recognizer = _RecordingRecognizer()
    audio = np.concatenate([speech(60), silence(1.0)])
    out = run_stage(_live(recognizer, max_buffer_s=10.0), _blocks("p", audio))
    finals = [c for c in out if isinstance(c, Caption) and c.kind == "final"]
    assert " ".join(c.text for c in finals).split() == [SCRIPT[i % 40] for i in range(60)]
    assert all(a != b for a, b in itertools.pairwise(recognizer.heard))


class _FlickeringRecognizer(_UnsureRecognizer):
    """Reads the words that less than ``HORIZON_S`` of audio follows differently in every
    decode, unsure of them (probability 0.3), as Whisper wavers over a word the buffer's end
    cuts off; the words further back read right, with probability 0.9."""

    HORIZON_S = 1.0

    def guess(self, text: str) -> str:
        return f"{text}-guess{len(self.calls)}"


def _finals_by_decode(
    recognizer: FakeRecognizer, audio: npt.NDArray[np.float32], options: LiveOptions
) -> list[Caption]:
    """The final captions of ``audio`` fed live, each ``emitted_at`` the decodes made so far."""
    live = LiveTranscriber("p", recognizer, options, clock=lambda: float(len(recognizer.calls)))
    chain = Chain([_vad(activity=True, forward_audio=True), live])
    out = run_stage(chain, _blocks("p", audio), flush_each=True)
    return [c for c in out if isinstance(c, Caption) and c.kind == "final"]


def test_sure_words_far_from_the_decoded_end_need_no_second_decode() -> None:
    """A word the decoder is sure of, with ``sure_margin_s`` of decoded audio after it, is
    final from that one decode: a decode sooner than two decodes agreeing on it, and no
    unsure guess becomes final either way."""
    audio = np.concatenate([silence(0.5), speech(12), silence(1.5)])

    def finals(**options: float) -> list[Caption]:
        options = {"confirm_margin_s": 0.6, **options}
        return _finals_by_decode(_FlickeringRecognizer(), audio, LiveOptions(**options))

    agreed = finals(sure_probability=0.0)
    sure = finals(sure_probability=0.8, sure_margin_s=1.0)
    for captions in (agreed, sure):
        assert [word for c in captions for word in c.text.split()] == SCRIPT[:12]

    def decodes_before(captions: list[Caption], word: str) -> float:
        return next(c.emitted_at for c in captions if word in c.text.split())

    pairs = [(decodes_before(sure, word), decodes_before(agreed, word)) for word in SCRIPT[:12]]
    assert all(first <= second for first, second in pairs)
    assert sum(first < second for first, second in pairs) > len(pairs) / 2


class _AlternatingRecognizer(FakeRecognizer):
    """Reads each word that less than ``WAVER_S`` of audio follows one way in odd decodes and
    another in even ones (as Whisper keeps rewording a word it is unsure of), unsure of them
    (probability 0.3); the words further back read right, with probability 0.9."""

    WAVER_S = 3.0

    def recognize(self, chunks, options):  # type: ignore[no-untyped-def]
        out = []
        for chunk, recognition in zip(chunks, super().recognize(chunks, options), strict=True):
            end_s = len(chunk) / 16_000
            if options.window_s is None or np.sqrt(np.mean(chunk[-1600:] ** 2)) < 0.05:
                out.append(recognition)  # the transcript's decode, or the speech ended
                continue
            odd = len(self.calls) % 2
            segments = []
            for segment in recognition.segments:
                words = tuple(
                    replace(w, text=f"{w.text}-alt", probability=0.3)
                    if odd and end_s - w.end < self.WAVER_S
                    else replace(w, probability=0.3)
                    if end_s - w.end < self.WAVER_S
                    else w
                    for w in segment.words
                )
                text = " ".join(w.text.strip() for w in words) if words else segment.text
                segments.append(replace(segment, text=text, words=words))
            out.append(replace(recognition, segments=tuple(segments)))
        return out


def test_words_the_decodes_keep_rewording_are_final_once_settle_s_of_audio_follows() -> None:
    """Decodes that never agree on a word hold it back until they hear far enough past it to
    agree; with ``settle_s``, a word is final from the decode that reads it once that much
    decoded audio follows it: sooner, still each word once and in order."""
    audio = np.concatenate([silence(0.5), speech(16), silence(1.5)])

    def finals(**options: float) -> list[Caption]:
        # Whatever the probability: the rewordings read 0.3 (see the next test).
        options = {"sure_probability": 0.0, "settle_probability": 0.0, **options}
        return _finals_by_decode(_AlternatingRecognizer(), audio, LiveOptions(**options))

    held = finals(settle_s=0.0)
    settled = finals(settle_s=1.5)
    for captions in (held, settled):
        words = [word.removesuffix("-alt") for c in captions for word in c.text.split()]
        assert words == SCRIPT[:16]
    assert len(settled) > len(held)  # final while the person spoke, not at the end

    def decodes_before(captions: list[Caption], word: str) -> float:
        return next(c.emitted_at for c in captions if word in c.text.replace("-alt", "").split())

    pairs = [(decodes_before(settled, word), decodes_before(held, word)) for word in SCRIPT[:16]]
    assert all(first <= second for first, second in pairs)
    assert sum(first < second for first, second in pairs) > len(pairs) / 2


def test_settle_s_makes_no_word_final_that_the_decoder_is_unsure_of() -> None:
    """With ``settle_probability``, ``settle_s`` passes over the words the decoder is unsure of
    (the rewordings, probability 0.3): they wait until the decodes agree, and no guess is
    final; without it, some of the guesses were."""
    audio = np.concatenate([silence(0.5), speech(16), silence(1.5)])

    def finals(**options: float) -> list[str]:
        options = {"sure_probability": 0.0, "settle_s": 1.5, **options}
        captions = _finals_by_decode(_AlternatingRecognizer(), audio, LiveOptions(**options))
        return [word for c in captions for word in c.text.split()]

    assert finals(settle_probability=0.5) == SCRIPT[:16]
    assert any(word.endswith("-alt") for word in finals(settle_probability=0.0))


def test_silence_costs_no_decode_and_gives_no_words() -> None:
    recognizer = FakeRecognizer()
    out = run_stage(_live(recognizer), _blocks("p", silence(120.0)), flush_each=True)
    assert [f for f in out if isinstance(f, Caption | TranscribedSegment)] == []
    assert recognizer.calls == []


class _Slow(Stage):
    accepts = (AudioChunk,)

    def __init__(self, delay_s: float, fail_at: int | None = None) -> None:
        self.delay_s = delay_s
        self.fail_at = fail_at
        self.seen = 0
        self.threads: set[str] = set()

    def _push(self, frame: AudioChunk) -> list[Frame]:
        self.seen += 1
        self.threads.add(threading.current_thread().name)
        if self.fail_at is not None and self.seen == self.fail_at:
            raise RuntimeError("model crashed")
        time.sleep(self.delay_s)
        return [VoiceActivity(frame.participant_id, frame.start_s, True)]


def test_each_participant_runs_on_its_own_thread_and_a_slow_one_delays_nobody() -> None:
    async def scenario() -> tuple[float, float, _Slow, _Slow, list[Frame]]:
        slow, fast = _Slow(0.2), _Slow(0.0)
        fast_out: list[Frame] = []
        slow_stream = ParticipantStream("slow", slow, lambda frames: None)
        fast_stream = ParticipantStream("fast", fast, fast_out.extend)
        started = time.monotonic()
        for frame in _blocks("x", tone(1.0)):  # 10 blocks: 2 s of work for the slow one
            slow_stream.push(frame)
            fast_stream.push(frame)
        await fast_stream.end_input()
        fast_done = time.monotonic() - started
        await slow_stream.end_input()
        slow_done = time.monotonic() - started
        await slow_stream.aclose()
        await fast_stream.aclose()
        return fast_done, slow_done, slow, fast, fast_out

    fast_done, slow_done, slow, fast, fast_out = asyncio.run(scenario())
    assert fast_done < 0.5
    assert slow_done > 1.5
    assert len(fast_out) == 10
    assert slow.threads.isdisjoint(fast.threads)
    assert threading.main_thread().name not in slow.threads | fast.threads


def test_a_failing_stream_says_so_and_the_other_finishes() -> None:
    async def scenario() -> tuple[str, int]:
        broken = ParticipantStream("broken", _Slow(0.0, fail_at=3), lambda frames: None)
        healthy_out: list[Frame] = []
        healthy = ParticipantStream("healthy", _Slow(0.0), healthy_out.extend)
        for frame in _blocks("x", tone(1.0)):
            healthy.push(frame)
            with contextlib.suppress(PipelineError):  # it refuses input once it has failed
                broken.push(frame)
        await healthy.end_input()
        with pytest.raises(PipelineError) as failure:
            await broken.end_input()
        await broken.aclose()
        await healthy.aclose()
        with pytest.raises(PipelineError, match="takes no more input"):
            healthy.push(_blocks("x", tone(0.1))[0])
        return str(failure.value), len(healthy_out)

    message, healthy_count = asyncio.run(scenario())
    assert "broken" in message and "model crashed" in message
    assert healthy_count == 10


class _WatchedRecognizer(PiecewiseRecognizer):
    """Notes what the streams had handed out (``published``) as each timed decode (the
    transcript's: full window, word timings) starts; reads on past pauses."""

    def __init__(self, published: list[Frame]) -> None:
        super().__init__()
        self.published = published
        self.seen_by_timed: list[list[Frame]] = []

    def recognize(self, chunks, options):  # type: ignore[no-untyped-def]
        if options.window_s is None and options.word_timestamps:
            self.seen_by_timed.append(list(self.published))
        return super().recognize(chunks, options)


def _ending_mid_utterance(first: int) -> FloatArray:
    """An utterance of 4 words (it waits for its timed decode), then 6 cut off by the end."""
    return np.concatenate([speech(4, first=first), silence(1.5), speech(6, first=first + 4)])


def _live_stream(
    pid: str,
    recognizer: FakeRecognizer,
    published: list[Frame],
    timing: ThreadPoolExecutor,
    speakers: ActiveSpeakers,
) -> ParticipantStream:
    live = LiveTranscriber(
        pid, recognizer, LiveOptions(), clock=time.monotonic, speakers=speakers, timing=timing
    )
    chain = Chain([_vad(pid, activity=True, forward_audio=True), live])
    return ParticipantStream(pid, chain, published.extend)


def _last_final(published: Sequence[Frame], pid: str, word: str) -> int | None:
    """Where in ``published`` the final caption of ``pid`` holding ``word`` is."""
    return next(
        (
            i
            for i, f in enumerate(published)
            if isinstance(f, Caption)
            and f.kind == "final"
            and f.participant_id == pid
            and word in f.text.split()
        ),
        None,
    )


def test_a_stream_ending_mid_utterance_hands_out_its_last_words_before_its_timed_decodes() -> None:
    """The input ends while the person speaks, with an earlier utterance still to be timed:
    the last words' final caption is handed out before any timed decode starts, so it waits
    for none; the transcript's segments follow, every word in them."""
    published: list[Frame] = []
    recognizer = _WatchedRecognizer(published)

    async def scenario() -> None:
        with ThreadPoolExecutor(1) as timing:
            stream = _live_stream("p", recognizer, published, timing, ActiveSpeakers())
            for frame in _blocks("p", _ending_mid_utterance(0)):
                stream.push(frame)
            await stream.end_input()
            await stream.aclose()

    asyncio.run(scenario())
    finals = [c for c in published if isinstance(c, Caption) and c.kind == "final"]
    assert " ".join(c.text for c in finals).split() == SCRIPT[:10]
    assert recognizer.seen_by_timed  # the two utterances' timed decode (or decodes)
    before = recognizer.seen_by_timed[0]
    assert _last_final(before, "p", SCRIPT[9]) is not None
    assert not any(isinstance(f, TranscribedSegment) for f in before)
    segments = [f for f in published if isinstance(f, TranscribedSegment)]
    assert [w.text for s in segments for w in s.words] == SCRIPT[:10]
    assert not any(isinstance(f, InputEnd) for f in published)  # the stream's own marker


def test_streams_closed_together_hand_out_everyones_last_words_before_any_timed_decode() -> None:
    """A meeting ends for two people at once, both mid-utterance, sharing the timing thread:
    closing both inputs before ending either gets both last captions out before the first
    timed decode starts, the other's as well as one's own."""
    published: list[Frame] = []
    recognizer = _WatchedRecognizer(published)
    speakers = ActiveSpeakers()

    async def scenario() -> None:
        with ThreadPoolExecutor(1) as timing:
            streams = [
                _live_stream(pid, recognizer, published, timing, speakers) for pid in ("a", "b")
            ]
            for stream, first in zip(streams, (0, 20), strict=True):
                for frame in _blocks(stream.participant_id, _ending_mid_utterance(first)):
                    stream.push(frame)
            await asyncio.gather(*(stream.close_input() for stream in streams))
            await asyncio.gather(*(stream.end_input() for stream in streams))
            for stream in streams:
                with pytest.raises(PipelineError, match="takes no more input"):
                    stream.push(_blocks(stream.participant_id, tone(0.1))[0])
                await stream.aclose()

    asyncio.run(scenario())
    assert len(recognizer.seen_by_timed) >= 2
    before = recognizer.seen_by_timed[0]
    for pid, first in (("a", 0), ("b", 20)):
        finals = [
            c
            for c in published
            if isinstance(c, Caption) and c.kind == "final" and c.participant_id == pid
        ]
        assert " ".join(c.text for c in finals).split() == SCRIPT[first : first + 10]
        assert _last_final(before, pid, SCRIPT[first + 9]) is not None
        own = [
            f for f in published if isinstance(f, TranscribedSegment) and f.participant_id == pid
        ]
        assert [w.text for s in own for w in s.words] == SCRIPT[first : first + 10]
    assert not any(isinstance(f, TranscribedSegment) for f in before)


def test_live_audio_is_resampled_at_the_edge_and_gaps_are_filled() -> None:
    source = LiveAudioSource("p", 48_000)
    stereo = np.stack([tone(1.0), tone(1.0)], axis=1)[np.repeat(np.arange(16_000), 3)] * 32767
    chunks = source.push(stereo.astype(np.int16), start_s=5.0)
    chunks += source.push(np.zeros(4_800, np.int16), start_s=8.0)  # 2 s after the first ended
    chunks += source.end()
    assert chunks[0].start_s == 5.0
    total = sum(len(c.samples) for c in chunks) / 16_000
    assert total == pytest.approx(3.1, abs=0.02)
    assert source.end_s == pytest.approx(8.1, abs=0.02)
    assert all(c.samples.dtype == np.float32 and np.abs(c.samples).max() <= 1.0 for c in chunks)
    with pytest.raises(InputError, match="sample rate"):
        LiveAudioSource("p", 1_000)
    with pytest.raises(InputError, match="samples, channels"):
        LiveAudioSource("p", 16_000).push(np.zeros((2, 2, 2), np.float32))


def test_live_audio_after_its_end_is_refused_clearly() -> None:
    # A silence filler pushing while the person leaves must not reach the flushed resampler
    # (soxr: "Input after last input").
    source = LiveAudioSource("p", 48_000)
    source.push(np.zeros(4_800, np.int16), start_s=0.0)
    assert not source.ended
    tail = source.end()
    assert source.ended
    assert source.end() == []  # a second end flushes nothing twice
    with pytest.raises(PipelineError, match="p arrived after its end"):
        source.push(np.zeros(4_800, np.int16))
    assert sum(len(c.samples) for c in tail) < 16_000


class _SkippingRecognizer:
    """Reads a chunk as one word per second of audio, except that in a chunk over ``longest``
    seconds it skips all but the last ``kept`` and stretches its first word over what it
    skipped (as Whisper does when a quiet voice comes before a loud one)."""

    name = "skipping"

    def __init__(self, longest: float = 17.0, kept: float = 3.0) -> None:
        self.lengths: list[float] = []
        self._longest = longest
        self._kept = kept

    def recognize(
        self, chunks: Sequence[FloatArray], options: RecognitionOptions
    ) -> list[ChunkRecognition]:
        out = []
        for chunk in chunks:
            length = len(chunk) / 16_000
            self.lengths.append(length)
            first = length - self._kept if length > self._longest else 0.0
            starts = np.arange(first, length - 0.5, 1.0)
            words = [
                RecognizedWord(f" w{i}", 0.0 if i == 0 else s, s + 0.5, 0.9)
                for i, s in enumerate(starts)
            ]
            segment = RecognizedSegment(
                0.0, length, "".join(w.text for w in words), tuple(words), -0.2, 0.1, 1.0
            )
            out.append(ChunkRecognition("en", 0.99, (segment,) if words else ()))
        return out


def test_speech_a_decode_skips_is_decoded_again_on_its_own() -> None:
    from pipelines.transcribe import ChunkTranscriber

    recognizer = _SkippingRecognizer()
    chunk = SpeechChunk("p", np.zeros(20 * 16_000, np.float32), ((0.0, 100.0),))
    stage = ChunkTranscriber(recognizer, RecognitionOptions(), batch_size=2)
    segments = [f for f in run_stage(stage, [chunk]) if isinstance(f, TranscribedSegment)]
    words = sorted(word.start for segment in segments for word in segment.words)
    # Every second of the 20 s holds a word (no gap over 1.5 s), each once.
    assert words[0] <= 101.0
    assert words[-1] >= 118.0
    assert max(b - a for a, b in itertools.pairwise(words)) <= 1.5
    assert len(words) == len(set(words))
    # The stretched first word keeps its end and lasts at most 1 s.
    assert all(w.end - w.start <= 1.0 for segment in segments for w in segment.words)
    assert recognizer.lengths[0] == 20.0
    assert len(recognizer.lengths) <= 3 * 4


def _assert_each_chunk_read_through(segments: list[TranscribedSegment], chunks: int) -> None:
    """Chunk i (20 s at 100 * i s) has words from its first second to its last two, with no
    gap over 1.5 s, and no word twice."""
    for i in range(chunks):
        words = sorted(
            w.start for s in segments for w in s.words if 100.0 * i <= w.start < 100.0 * i + 20
        )
        assert words[0] <= 100.0 * i + 1.0
        assert words[-1] >= 100.0 * i + 18.0
        assert max(b - a for a, b in itertools.pairwise(words)) <= 1.5
        assert len(words) == len(set(words))


def test_stretches_skipped_in_several_batches_wait_to_be_read_again_together() -> None:
    from pipelines.transcribe import ChunkTranscriber

    # Batches of 2: the first batch's 8.6 s to read again wait for the second's, so the four
    # stretches still take one window (not one per batch); their words land in their chunks.
    recognizer = _SkippingRecognizer(longest=19.0, kept=15.0)
    chunks = [
        SpeechChunk("p", np.zeros(20 * 16_000, np.float32), ((0.0, 100.0 * i),)) for i in range(4)
    ]
    stage = ChunkTranscriber(recognizer, RecognitionOptions(), batch_size=2)
    segments = [f for f in run_stage(stage, chunks) if isinstance(f, TranscribedSegment)]
    assert recognizer.lengths == pytest.approx([20.0] * 4 + [4 * 4.3], abs=0.01)
    _assert_each_chunk_read_through(segments, 4)


def test_stretches_that_fill_a_window_are_read_again_before_the_input_ends() -> None:
    from pipelines.transcribe import ChunkTranscriber

    # Each 20 s chunk is read from 15 s on: 14.3 s of each to read again, two to a window.
    # A filled window is read with the next batch, not held to the end of the input. Two reads
    # at most: this fake skips in the rereads too, and third reads are not what this tests.
    recognizer = _SkippingRecognizer(longest=19.0, kept=5.0)
    chunks = [
        SpeechChunk("p", np.zeros(20 * 16_000, np.float32), ((0.0, 100.0 * i),)) for i in range(6)
    ]
    stage = ChunkTranscriber(recognizer, RecognitionOptions(), batch_size=2, max_tries=2)
    run_stage(stage, chunks)
    pair = 2 * 14.3
    assert recognizer.lengths == pytest.approx(
        [20.0, 20.0, 20.0, 20.0, pair, 20.0, pair, 20.0, pair], abs=0.01
    )


def test_stretches_skipped_in_one_batch_are_read_again_together() -> None:
    from pipelines.transcribe import ChunkTranscriber

    # Four 20 s chunks, each read from 5 s on: four 4.3 s stretches (up to the stretched first
    # word's 1 s, less the word margin) to read again, which fit one 30 s window.
    recognizer = _SkippingRecognizer(longest=19.0, kept=15.0)
    chunks = [
        SpeechChunk("p", np.zeros(20 * 16_000, np.float32), ((0.0, 100.0 * i),)) for i in range(4)
    ]
    stage = ChunkTranscriber(recognizer, RecognitionOptions(), batch_size=4)
    segments = [f for f in run_stage(stage, chunks) if isinstance(f, TranscribedSegment)]
    assert recognizer.lengths[:4] == [20.0] * 4
    assert len(recognizer.lengths) == 5
    assert recognizer.lengths[4] == pytest.approx(4 * 4.3, abs=0.01)
    # Each chunk's words, mapped back from the joined read, cover its 20 s once each.
    _assert_each_chunk_read_through(segments, 4)


class _MisheardRecognizer:
    """Reads a chunk as one word per second of audio in English, except a chunk whose first
    sample is ``misheard``: unless told its language, it takes that one for Finnish (or for
    ``noise``, as silence) and reads a loop. Remembers each call's lengths and language."""

    name = "misheard"

    def __init__(self, misheard: float, english_probability: float = 0.99) -> None:
        self.calls: list[tuple[list[float], str | None]] = []
        self._misheard = misheard
        self._english_probability = english_probability

    def recognize(
        self, chunks: Sequence[FloatArray], options: RecognitionOptions
    ) -> list[ChunkRecognition]:
        self.calls.append(([len(c) / 16_000 for c in chunks], options.language))
        out = []
        for chunk in chunks:
            length = len(chunk) / 16_000
            if chunk[0] == self._misheard and options.language is None:
                loop = RecognizedSegment(0.0, length, " joten minuille on" * 20, (), -0.3, 0.1, 5.2)
                out.append(ChunkRecognition("fi", 0.57, (loop,)))
                continue
            words = tuple(
                RecognizedWord(f" w{i}", s, s + 0.5, 0.9)
                for i, s in enumerate(np.arange(0.0, length - 0.5, 1.0))
            )
            text = "".join(w.text for w in words)
            segment = RecognizedSegment(0.0, length, text, words, -0.2, 0.1, 1.0)
            language = options.language or "en"
            out.append(ChunkRecognition(language, self._english_probability, (segment,)))
        return out


def _chunks(*firsts: float) -> list[SpeechChunk]:
    """20 s chunks at 100 s apart, each filled with its value of ``firsts``."""
    return [
        SpeechChunk("p", np.full(20 * 16_000, first, np.float32), ((0.0, 100.0 * i),))
        for i, first in enumerate(firsts)
    ]


@pytest.mark.parametrize("english_probability", [0.99, 0.6])
def test_a_chunk_read_as_a_loop_in_another_language_is_read_again_in_the_meetings(
    english_probability: float,
) -> None:
    from pipelines.transcribe import ChunkTranscriber

    # 0.6: no chunk is sure of its language (noisy audio); most speech is still English.
    recognizer = _MisheardRecognizer(misheard=0.5, english_probability=english_probability)
    stage = ChunkTranscriber(recognizer, RecognitionOptions(), batch_size=2)
    segments = [f for f in run_stage(stage, _chunks(0.1, 0.5)) if isinstance(f, TranscribedSegment)]

    # Both chunks' 20 s are read through, the second in English after its Finnish loop.
    _assert_each_chunk_read_through(segments, 2)
    assert {segment.language for segment in segments} == {"en"}
    assert recognizer.calls == [([20.0, 20.0], None), ([20.0], "en")]


def test_a_loop_is_not_read_again_without_a_meeting_language_to_read_it_in() -> None:
    from pipelines.transcribe import ChunkTranscriber

    recognizer = _MisheardRecognizer(misheard=0.5)
    stage = ChunkTranscriber(recognizer, RecognitionOptions(), batch_size=2)
    segments = [f for f in run_stage(stage, _chunks(0.5)) if isinstance(f, TranscribedSegment)]

    # The only speech so far is the loop's: no language to read it in but the one it looped in.
    assert segments == []
    assert recognizer.calls == [([20.0], None)]


def test_confirmed_words_a_decode_leaves_out_do_not_take_new_words_with_them() -> None:
    """After a trim, Whisper given the words before as context can leave out the confirmed
    word the buffer starts with ("So", then "I don't hear that"). Nothing of the confirmed
    words matches: the new words start at the first one that starts after them, not one word
    in (which lost the "I"); untimed, the count of confirmed words is all there is to go by."""
    words = ["I", "don't", "hear", "that"]
    spans = [(28.1, 28.5), (28.5, 28.72), (28.72, 28.84), (28.84, 29.06)]
    assert _after(["So"], words, spans, committed_end_s=27.6) == 0
    assert _after(["So"], words) == 1
    # A confirmed word reworded ("We'd", then "We start"): the word that starts before the
    # confirmed ones end is that word read again, not a new one.
    reread = ["We", "start", "with"]
    assert _after(["We'd"], reread, [(100.35, 100.7), (100.83, 101.1), (101.1, 101.4)], 100.48) == 1
