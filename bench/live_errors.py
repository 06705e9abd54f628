"""Where the live finals' words go wrong, on the tuning material only (never the reported sets).

    python -m bench.live_errors [--sets tuning,dialogues] [--telephone] [--dump DIR]
    python -m bench.live_errors --measure phone,heldout,meeting   # reported sets: figures only

Feeds each tuning input through the live stages (the VAD, then ``LiveTranscriber``) one 0.1 s
chunk at a time, flushing after each, as a stream does at 1x when its decodes keep up. This is
deterministic and takes only the decodes' time. ``emitted_at`` is simulated: the media time of
the chunk that triggered it, plus the recogniser time spent since (one thread). The timed
decodes of the transcript are skipped: they make no caption. ``--cost BASE,PER_S`` charges each
decode a fixed time instead (deterministic on a loaded machine: 0.35,0.01 is a quiet 2-core
machine's partial decode), and ``--as-1x`` decodes as a stream does at 1x (when decodes fall
behind, the next reads everything that arrived meanwhile). At 0.35,0.01 the decodes keep up
and both cadences read the same words; at a loaded machine's 0.6,0.06 fewer, longer decodes
confirmed fewer early guesses (tuning clips 0.341 -> 0.308) for slower finals (p50 1.15 ->
1.77 s).

Each final caption's words are aligned to the reference and the live-only errors (a reference
word ``analyze`` reads right and the finals do not) are sorted into kinds:

- ``boundary drop`` / ``boundary dup``: a word lost or said twice where two final captions
  meet (a trim, a cut, the end of an utterance);
- ``early confirm``: a wrong word confirmed by agreement within ``TAIL_S`` of the decoded
  audio's end (two decodes agreed on a first guess);
- ``hallucination``: an inserted word far from any word ``analyze`` heard;
- ``normalisation``: a number or a spelling that reads the same;
- ``misreading``: the rest (a word ``analyze``'s longer context reads right).

Errors ``analyze`` makes too are counted apart (``shared``). With ``--examples`` each error
of a partial decode's final says which rule confirmed the word (``agree``: two decodes and
``confirm_margin_s``; ``sure``; ``settle``), the decoded audio after it then and its
probability. ``--telephone`` runs the same tuning material as a telephone line carries it
(``telephone``: 300-3400 Hz, 8 kHz, mu-law), the kind of audio the live finals read worst.
Prints a table; asserts nothing.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import re
import tempfile
import time
import wave
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

import jiwer
import numpy as np
import numpy.typing as npt

from assistant.config import Settings
from assistant.processing.analyze import analyze, load_speech_models
from assistant.processing.live import live_options
from assistant.processing.speech import SpeechModels, vad_options
from models.asr import ChunkRecognition, RecognitionOptions, SpeechRecognizer, _window_frames
from pipelines.frames import SAMPLE_RATE, Caption, Frame
from pipelines.live_transcribe import LiveOptions, LiveTranscriber
from pipelines.sources import file_audio
from pipelines.stage import Chain
from pipelines.vad import VadOptions

from .common import (
    DIALOGUES,
    HELDOUT_REFERENCED,
    PYANNOTE_SAMPLE,
    TUNING_CLIPS,
    build_dialogue_wav,
    build_meeting_wav,
    build_voices_wav,
    heldout_reference,
    normalize_text,
    stm_reference,
    tuning_reference,
    word_error_rate,
)

_Built = TypeVar("_Built")

COST_WINDOW_S = 15.0
"""The encoder window (s) of ``--cost``'s BASE (the partial decodes' default)."""
TAIL_S = 1.0
"""A word confirmed this close (s) to the end of the decoded audio counts as confirmed early."""
_NUMBER = re.compile(r"^\d+(st|nd|rd|th)?$")


@dataclass(frozen=True, slots=True)
class Final:
    caption: Caption
    origin: str
    """Which step made it: agree (two decodes), end (utterance end), cut (long buffer)."""
    decoded_end_s: float
    """Media time (s) where the decoded audio ended."""
    rules: tuple[str, ...] = ()
    """For an ``agree`` final, the rule that confirmed each word: agree (two decodes and the
    margin), sure (one decode, ``sure_probability``), settle (``settle_s``)."""
    after_s: tuple[float, ...] = ()
    """For an ``agree`` final, the decoded audio (s) after each word when it was confirmed."""
    probabilities: tuple[float, ...] = ()
    """For an ``agree`` final, each word's probability in the decode that confirmed it."""


class MemoRecognizer:
    """The recogniser, its readings kept on disk by the audio and the options: a simulation
    run again with a changed policy decodes only the buffers the change made new (the same
    audio and options read the same). For ``--cost`` runs only: a reading from the disk takes
    no time."""

    def __init__(self, inner: SpeechRecognizer, folder: Path) -> None:
        self.inner = inner
        self.name = getattr(inner, "name", "asr")
        self._folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    def recognize(
        self, chunks: Sequence[Any], options: RecognitionOptions
    ) -> list[ChunkRecognition]:
        import hashlib
        import pickle

        digest = hashlib.sha256(repr(options).encode())
        for chunk in chunks:
            digest.update(chunk.tobytes())
        path = self._folder / f"{digest.hexdigest()}.pickle"
        if path.exists():
            return list(pickle.loads(path.read_bytes()))
        found = self.inner.recognize(chunks, options)
        partial = path.with_suffix(f".{os.getpid()}")
        partial.write_bytes(pickle.dumps(found))
        os.replace(partial, path)
        return found


class _TimedRecognizer:
    """The recogniser, with the seconds it has spent (the simulated clock's busy time): as
    measured, or, given ``cost`` (BASE, PER_S), ``BASE + PER_S`` x its audio (s) per decode, a
    deterministic machine whatever this one's load. With ``window_cost``, BASE is the cost of a
    ``COST_WINDOW_S`` encoder window, and a decode pays it in proportion to its own window
    (the encoder's share: CPU seconds of a 2 s and a 4 s buffer's decode on one thread, beam
    3 with word times, medians of 4, were 0.38/0.43 s in a 15 s window, 0.25/0.29 s in 10 s,
    0.18/0.25 s in 8 s, 0.15/0.21 s in 6 s: in proportion down to 10 s, a little dearer
    below)."""

    def __init__(
        self,
        inner: SpeechRecognizer,
        *,
        cpu_clock: bool = False,
        cost: tuple[float, float] | None = None,
        window_cost: bool = False,
    ) -> None:
        self.inner = inner
        self._window_cost = window_cost
        self.spent_s = 0.0
        self.decodes = 0
        self.decoded_s = 0.0
        self.name = getattr(inner, "name", "asr")
        self._now = time.process_time if cpu_clock else time.monotonic
        self._cost = cost

    def recognize(
        self, chunks: Sequence[Any], options: RecognitionOptions
    ) -> list[ChunkRecognition]:
        self.decodes += 1
        audio_s = sum(len(chunk) for chunk in chunks) / SAMPLE_RATE
        self.decoded_s += audio_s
        if self._cost is not None:
            base = self._cost[0]
            if self._window_cost:
                longest = max(len(chunk) for chunk in chunks)
                base *= _window_frames(longest, options.window_s) / _window_frames(0, COST_WINDOW_S)
            self.spent_s += base + self._cost[1] * audio_s
            return self.inner.recognize(chunks, options)
        began = self._now()
        try:
            return self.inner.recognize(chunks, options)
        finally:
            self.spent_s += self._now() - began


@dataclass(frozen=True, slots=True)
class Step:
    """One decode step of the transcriber (a partial decode, an utterance's end, a cut)."""

    origin: str
    began_at: float
    """Simulated time (s) the step began."""
    ended_at: float
    """Simulated time (s) its captions went out."""
    decoded_end_s: float
    """Media time (s) where the audio it had ended."""
    decodes: int
    """Recogniser calls it made (0: it reused the last partial decode)."""
    decoded_s: float
    """Audio (s) those calls decoded."""


class _Traced(LiveTranscriber):
    """Records where each final caption came from, and every decode step; skips the
    transcript's timed decodes."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.finals: list[Final] = []
        self.steps: list[Step] = []
        self.origin = "agree"
        self._stepping = False
        self._rules: dict[str, int] = {}
        self._spans: Sequence[tuple[float, float]] = ()
        self._probabilities: tuple[float, ...] = ()

    def _agreed(self, tail: Any, timed: Any, spans: Any) -> int:
        self._rules.clear()
        self._spans = spans
        self._probabilities = tuple(w.probability for w in timed or ())
        self._rules["agree"] = super()._agreed(tail, timed, spans)
        return self._rules["agree"]

    def _sure(self, words: Any, spans: Any) -> int:
        self._rules["sure"] = super()._sure(words, spans)
        return self._rules["sure"]

    def _settled(self, timed: Any, spans: Any) -> int:
        self._rules["settle"] = super()._settled(timed, spans)
        return self._rules["settle"]

    def _time_utterance(self) -> list[Frame]:
        self._untimed.clear()
        return []

    def _update(self) -> list[Frame]:
        self.origin = "agree"
        return self._stepped("agree", super()._update)

    def _finalize(self, end_s: float) -> list[Frame]:
        self.origin = "end"
        return self._stepped("end", lambda: super(_Traced, self)._finalize(end_s))

    def _cut(self) -> list[Frame]:
        self.origin = "cut"
        return self._stepped("cut", super()._cut)

    def _stepped(self, origin: str, step: Callable[[], list[Frame]]) -> list[Frame]:
        if self._stepping:  # a cut that ends the utterance: one step
            return step()
        self._stepping = True
        try:
            return self._step(origin, step)
        finally:
            self._stepping = False

    def _step(self, origin: str, step: Callable[[], list[Frame]]) -> list[Frame]:
        began, end_s = self._clock(), self._end_s
        recognizer = self._recognizer
        decodes, decoded_s = getattr(recognizer, "decodes", 0), getattr(recognizer, "decoded_s", 0)
        frames = self._traced(step())
        self.steps.append(
            Step(
                origin,
                began,
                self._clock(),
                end_s,
                getattr(recognizer, "decodes", 0) - decodes,
                getattr(recognizer, "decoded_s", 0) - decoded_s,
            )
        )
        return frames

    def _traced(self, frames: list[Frame]) -> list[Frame]:
        for frame in frames:
            if isinstance(frame, Caption) and frame.kind == "final":
                rules: tuple[str, ...] = ()
                after: tuple[float, ...] = ()
                probabilities: tuple[float, ...] = ()
                if self.origin == "agree" and self._rules:
                    count = len(frame.text.split())
                    rules = tuple(
                        next((r for r, n in self._rules.items() if i < n), "?")
                        for i in range(count)
                    )
                    after = tuple(self._end_s - end for _, end in self._spans[:count])
                    probabilities = self._probabilities[:count]
                self.finals.append(
                    Final(frame, self.origin, self._end_s, rules, after, probabilities)
                )
        return frames


def traced_chain(
    settings: Settings,
    models: SpeechModels,
    recognizer: SpeechRecognizer,
    options: LiveOptions,
    clock: Callable[[], float],
    vad: VadOptions | None = None,
) -> tuple[_Traced, Chain]:
    """One participant's live VAD and traced transcriber, as a stream chains them (``vad``:
    the live stream's VAD options instead of the settings' ones)."""
    if vad is None:
        vad = live_vad_options(settings)
    stream = models.vad.stream(
        "p",
        vad,
        activity=True,
        forward_audio=True,
    )
    transcriber = _Traced("p", recognizer, options, clock=clock)
    return transcriber, Chain([stream, transcriber])


def live_vad_options(settings: Settings) -> VadOptions:
    """The VAD options a live stream uses (``live.min_silence_s`` ends its utterances)."""
    return replace(vad_options(settings), min_silence_s=settings.live.min_silence_s)


def simulate(
    path: Path,
    settings: Settings,
    models: SpeechModels,
    options: LiveOptions,
    *,
    compute: bool = True,
    cpu_clock: bool = False,
    cost: tuple[float, float] | None = None,
    as_1x: bool = False,
    steps: list[Step] | None = None,
    memo: Path | None = None,
    window_cost: bool = False,
    vad: VadOptions | None = None,
) -> tuple[list[Final], list[Caption]]:
    """Every final (traced) and every caption of ``path`` fed at simulated 1x; without
    ``compute``, decodes take no time (the policy's own latency, whatever the machine's load);
    with ``cpu_clock``, a decode takes the CPU time it used (a live decode runs on one thread
    of its own: about its time on a quiet machine, when other work loads this one); with
    ``cost``, the time ``_TimedRecognizer`` charges (deterministic).

    By default every 0.1 s chunk is flushed, so a decode is due every ``step_s`` of audio even
    when the decodes fall behind. ``as_1x`` runs them as a stream does at 1x: whatever arrived
    while a decode ran is pushed at once, then one flush decodes the newest audio (decodes that
    would fall behind are skipped), so the words read are the ones a live meeting reads.
    ``steps`` gets every decode step (``Step``); ``memo``: see ``MemoRecognizer``;
    ``window_cost``: see ``_TimedRecognizer``; ``vad``: the live stream's VAD options (by
    default the settings' live ones; ``analyze`` is not affected)."""
    inner = models.recognizer if memo is None else MemoRecognizer(models.recognizer, memo)
    recognizer = _TimedRecognizer(inner, cpu_clock=cpu_clock, cost=cost, window_cost=window_cost)
    free = [0.0, 0.0]  # (simulated time the batch started, the recogniser's spent_s then)

    def clock() -> float:
        return free[0] + (recognizer.spent_s - free[1] if compute else 0.0)

    transcriber, chain = traced_chain(settings, models, recognizer, options, clock, vad)
    captions: list[Caption] = []
    chunks = list(file_audio(path, ["p"], block_s=0.1))
    index = 0
    while index < len(chunks):
        # The stream is busy until its last decode ended, or idle until this chunk arrives.
        now = max(clock(), chunks[index].end_s)
        free[:] = [now, recognizer.spent_s]
        out = chain.push(chunks[index])
        index += 1
        while as_1x and index < len(chunks) and chunks[index].end_s <= now + 1e-9:
            out.extend(chain.push(chunks[index]))
            index += 1
        out.extend(chain.flush())
        captions.extend(f for f in out if isinstance(f, Caption))
    captions.extend(f for f in chain.end_input() if isinstance(f, Caption))
    if steps is not None:
        steps.extend(transcriber.steps)
    return transcriber.finals, captions


def _offline(path: Path, settings: Settings, models: SpeechModels, cache: Path) -> list[Any]:
    """``analyze``'s words of ``path`` as (text, start, end), cached by name and size."""
    key = cache / f"{path.stem}-{path.stat().st_size}.json"
    if key.exists():
        return list(json.loads(key.read_text()))
    report = analyze(path, settings, models=models).report
    words = [
        (w["word"], float(w["start"]), float(w["end"]))
        for segment in report["segments"]
        for w in segment["words"]
    ]
    key.write_text(json.dumps(words))
    return words


def _tokens(finals: Sequence[Final]) -> list[tuple[str, int, int]]:
    """Normalised words of the finals as (word, final index, position in that final)."""
    out = []
    for index, final in enumerate(finals):
        for position, word in enumerate(normalize_text(final.caption.text).split()):
            out.append((word, index, position))
    return out


def _how(final: Final, position: int) -> str:
    """How the word at ``position`` of ``final`` was confirmed: the origin, and for a partial
    decode's final the rule and the decoded audio (s) after the word."""
    if not final.rules:
        return final.origin
    i = min(position, len(final.rules) - 1)
    p = f" p{final.probabilities[i]:.2f}" if i < len(final.probabilities) else ""
    return f"{final.origin}/{final.rules[i]} +{final.after_s[i]:.1f}s{p}"


def _reads_same(a: str, b: str) -> bool:
    return bool(_NUMBER.match(a) or _NUMBER.match(b)) or a.replace(" ", "") == b.replace(" ", "")


def classify(
    reference: str, finals: Sequence[Final], offline: Sequence[Any]
) -> tuple[Counter[str], list[str]]:
    """Error kinds of the finals against ``reference`` (see the module's doc), with examples."""
    ref = normalize_text(reference).split()
    hyp = _tokens(finals)
    off_words = normalize_text(" ".join(w for w, _, _ in offline)).split()
    off_ok = [False] * len(ref)
    for chunk in jiwer.process_words(" ".join(ref), " ".join(off_words)).alignments[0]:
        if chunk.type == "equal":
            for i in range(chunk.ref_start_idx, chunk.ref_end_idx):
                off_ok[i] = True
    ends = sorted(float(e) for _, _, e in offline)
    counts: Counter[str] = Counter()
    examples: list[str] = []
    alignment = jiwer.process_words(" ".join(ref), " ".join(w for w, _, _ in hyp)).alignments[0]

    def near_offline(final: Final) -> bool:
        c = final.caption
        return any(c.start_s - 1.0 <= e <= c.end_s + 1.0 for e in ends)

    def at_boundary(h: int) -> bool:
        """Hyp position h sits at the start or end of a final caption."""
        if not 0 <= h < len(hyp):
            return True
        _, index, position = hyp[h]
        last = position == len(normalize_text(finals[index].caption.text).split()) - 1
        return position == 0 or last

    def note(kind: str, shared: bool, text: str) -> None:
        counts["shared" if shared else kind] += 1
        if not shared:
            examples.append(f"{kind}: {text}")

    for chunk in alignment:
        r0, r1, h0, h1 = (
            chunk.ref_start_idx,
            chunk.ref_end_idx,
            chunk.hyp_start_idx,
            chunk.hyp_end_idx,
        )
        context = " ".join(ref[max(0, r0 - 3) : r1 + 3])
        if chunk.type == "equal":
            continue
        if chunk.type == "delete":
            for i in range(r0, r1):
                kind = "boundary drop" if at_boundary(h0 - 1) or at_boundary(h0) else "misreading"
                note(kind, not off_ok[i], f"-{ref[i]} [{context}]")
        elif chunk.type == "insert":
            for h in range(h0, h1):
                word, index, _ = hyp[h]
                final = finals[index]
                neighbours = {ref[r] for r in range(max(0, r0 - 2), min(len(ref), r0 + 2))}
                if word in neighbours and at_boundary(h):
                    kind = "boundary dup"
                elif not near_offline(final):
                    kind = "hallucination"
                else:
                    kind = "misreading"
                note(kind, False, f"+{word} ({_how(final, hyp[h][2])}) [{context}]")
        else:
            for offset, h in enumerate(range(h0, h1)):
                i = r0 + offset
                word, index, position = hyp[h]
                final = finals[index]
                if _reads_same(ref[i], word):
                    kind = "normalisation"
                elif (
                    final.origin == "agree"
                    and final.decoded_end_s - final.caption.end_s < TAIL_S
                    and _is_last(hyp, h, finals)
                ):
                    kind = "early confirm"
                else:
                    kind = f"misreading ({final.origin})"
                how = _how(final, position)
                note(kind, not off_ok[i], f"{ref[i]}->{word} ({how}) [{context}]")
    return counts, examples


def _is_last(hyp: Sequence[tuple[str, int, int]], h: int, finals: Sequence[Final]) -> bool:
    """Whether hyp position ``h`` is among the last two words of its final caption."""
    _, index, position = hyp[h]
    return position >= len(normalize_text(finals[index].caption.text).split()) - 2


@dataclass(frozen=True, slots=True)
class WordLatency:
    """When one word matched to ``analyze``'s was first shown, and when final (simulated s)."""

    word: str
    end_s: float
    """Where ``analyze`` heard the word end (media s)."""
    shown_at: float
    """The first caption of either kind holding it (emitted_at)."""
    final_at: float
    """The final caption holding it (emitted_at)."""


def word_latencies(
    finals: Sequence[Final], captions: Sequence[Caption], offline: Sequence[Any]
) -> list[WordLatency]:
    """Each word of the finals matched to ``analyze``'s, with when it was first shown (the
    first caption of either kind holding it, no sooner than 0.5 s before the word ends) and
    when it was final."""
    import difflib

    finals_sorted = sorted(finals, key=lambda f: f.caption.emitted_at)
    timed = sorted(((normalize_text(w), float(e)) for w, _, e in offline), key=lambda x: x[1])
    used: set[int] = set()
    out: list[WordLatency] = []
    for final in finals_sorted:
        c = final.caption
        window = [
            i
            for i, (_, e) in enumerate(timed)
            if c.start_s - 5 <= e <= c.end_s + 5 and i not in used
        ]
        heard = normalize_text(c.text).split()
        matcher = difflib.SequenceMatcher(
            None, [timed[i][0] for i in window], heard, autojunk=False
        )
        for block in matcher.get_matching_blocks():
            for k in range(block.size):
                i = window[block.a + k]
                used.add(i)
                word, end = timed[i]
                seen = [
                    x.emitted_at
                    for x in captions
                    if end - 0.5 <= x.emitted_at <= c.emitted_at
                    and word in normalize_text(x.text).split()
                ]
                out.append(WordLatency(word, end, min(seen, default=c.emitted_at), c.emitted_at))
    return out


def _pct(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return (
        ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]
        if values
        else float("nan")
    )


def latency(
    finals: Sequence[Final], captions: Sequence[Caption], offline: Sequence[Any]
) -> dict[str, float]:
    """Simulated final and partial latency (p50, p95) of words matched to ``analyze``'s."""
    return summarise(word_latencies(finals, captions, offline))


def summarise(words: Sequence[WordLatency]) -> dict[str, float]:
    """Final and partial latency (p50, p95) of ``words``."""
    fl = [w.final_at - w.end_s for w in words]
    pl = [w.shown_at - w.end_s for w in words]
    return {
        "final p50": _pct(fl, 0.5),
        "final p95": _pct(fl, 0.95),
        "partial p50": _pct(pl, 0.5),
        "partial p95": _pct(pl, 0.95),
    }


def breakdown(words: Sequence[WordLatency], steps: Sequence[Step]) -> dict[str, float]:
    """Where a word's partial latency goes (means, s, which add up to the mean latency):
    ``wait``, from its end to the start of the first decode step that had the audio up to it
    (the steps' cadence, a busy recogniser); ``decode``, that step's own time; ``later``, from
    that step's captions to the first caption holding the word (the decoder left it out, or
    read it otherwise, until a later step). ``at first``: the share of words that first step
    showed; ``heard after``: the median audio (s) that step had after the words it showed, and
    after those it left out."""
    ordered = sorted(steps, key=lambda s: s.began_at)
    waits: list[float] = []
    decodes: list[float] = []
    laters: list[float] = []
    after_shown: list[float] = []
    after_missed: list[float] = []
    for w in words:
        first = next((s for s in ordered if s.decoded_end_s >= w.end_s), None)
        if first is None or first.began_at > w.shown_at:
            continue
        waits.append(first.began_at - w.end_s)
        decodes.append(first.ended_at - first.began_at)
        later = max(0.0, w.shown_at - first.ended_at)
        laters.append(later)
        (after_shown if later < 1e-6 else after_missed).append(first.decoded_end_s - w.end_s)

    def mean(values: Sequence[float]) -> float:
        return sum(values) / len(values) if values else float("nan")

    return {
        "partial mean": mean([w.shown_at - w.end_s for w in words]),
        "wait": mean(waits),
        "decode": mean(decodes),
        "later": mean(laters),
        "at first": len(after_shown) / max(1, len(waits)),
        "heard after (shown)": _pct(after_shown, 0.5),
        "heard after (left out)": _pct(after_missed, 0.5),
    }


def _built(path: Path, build: Callable[[Path], _Built]) -> _Built:
    """``build(target)`` written beside ``path`` and renamed onto it: another run reading
    ``path`` from the same cache keeps reading its whole file. Rewritten in place, a reader
    met the file truncated mid-run and its finals lost the rest of the input (227 words of a
    dialogue once: read as a live-path loss)."""
    partial = path.with_name(f".{path.stem}-{os.getpid()}{path.suffix}")
    try:
        result = build(partial)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return result


def telephone(samples: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    """``samples`` (16 kHz) as a telephone line carries them: band-passed to 300-3400 Hz,
    resampled to 8 kHz, companded to 8-bit G.711 mu-law, and resampled back to 16 kHz (the
    phone call's kind of audio, which the live finals read worst)."""
    from scipy import signal

    band = signal.butter(6, (300, 3400), btype="bandpass", fs=SAMPLE_RATE, output="sos")
    narrow = signal.resample_poly(signal.sosfiltfilt(band, samples), 1, 2)
    mu = 255.0
    peak = max(1e-9, float(np.max(np.abs(narrow))))
    level = np.clip(narrow / peak, -1, 1) * 0.9
    coded = np.sign(level) * np.log1p(mu * np.abs(level)) / np.log1p(mu)
    coded = np.round(coded * 127) / 127  # 8 bits a sample
    decoded = np.sign(coded) * np.expm1(np.abs(coded) * np.log1p(mu)) / mu * peak / 0.9
    return np.asarray(signal.resample_poly(decoded, 2, 1), np.float32)


def telephone_wav(source: Path, target: Path) -> None:
    """``source`` (a 16 kHz mono WAV) through ``telephone`` into ``target``."""
    with wave.open(str(source), "rb") as wav:
        pcm = np.frombuffer(wav.readframes(wav.getnframes()), "<i2")
    narrow = telephone(pcm.astype(np.float32) / 32768.0)
    with wave.open(str(target), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(SAMPLE_RATE)
        out.writeframes(np.clip(narrow * 32767.0, -32768, 32767).astype("<i2").tobytes())


def _number(text: str) -> float | int:
    return int(text) if text.lstrip("-").isdigit() else float(text)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.live_errors", description=__doc__)
    parser.add_argument("--sets", default="tuning,dialogues")
    parser.add_argument(
        "--measure",
        default="",
        help="Reported sets to measure once, figures only (phone, heldout, meeting): never tune "
        "on them.",
    )
    parser.add_argument("--minutes", type=float, default=5.0, help="Length of the meeting.")
    parser.add_argument("--dump", type=Path, help="Write each input's finals as JSON here.")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "live-errors")
    parser.add_argument(
        "--no-compute",
        action="store_true",
        help="Latency of the policy alone: decodes take no simulated time (a loaded machine).",
    )
    parser.add_argument(
        "--cpu-clock",
        action="store_true",
        help="Decodes take the CPU time they used (one thread each, as live): about a quiet "
        "machine's latency on a loaded one.",
    )
    parser.add_argument(
        "--option",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="Override a LiveOptions field (a number, or none) for this run.",
    )
    parser.add_argument(
        "--vad",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="Override a VadOptions field (a number, or true/false) of the live stream only "
        "(e.g. min_silence_s=1.0, where the live path ends an utterance); analyze keeps its own.",
    )
    parser.add_argument(
        "--cost",
        help="Decodes take BASE,PER_S simulated s (BASE + PER_S x their audio), not measured "
        "time: deterministic whatever the load (0.35,0.01: a quiet 2-core machine's partials).",
    )
    parser.add_argument(
        "--as-1x",
        action="store_true",
        help="Decode as a stream does at 1x: when decodes fall behind, the next one reads all "
        "the audio that arrived meanwhile (decodes skipped), not one every step_s.",
    )
    parser.add_argument("--examples", action="store_true", help="Print every live-only error.")
    parser.add_argument(
        "--memo",
        type=Path,
        help="Keep every reading in this folder and read it back when the same audio is "
        "decoded again with the same options (with --cost only: see MemoRecognizer).",
    )
    parser.add_argument(
        "--window-cost",
        action="store_true",
        help="--cost's BASE is a 15 s encoder window's: a decode pays it in proportion to its "
        "own window (see _TimedRecognizer).",
    )
    parser.add_argument(
        "--telephone",
        action="store_true",
        help="Tune on the tuning material as a telephone line carries it (see ``telephone``).",
    )
    parser.add_argument(
        "--breakdown",
        action="store_true",
        help="Print where each input's partial latency goes (see ``breakdown``).",
    )
    args = parser.parse_args(argv)
    args.cost = tuple(float(x) for x in args.cost.split(",")) if args.cost else None
    if args.memo is not None and args.cost is None:
        parser.error("--memo takes --cost: a reading from the disk takes no time")
    measured = {s.strip() for s in args.measure.split(",") if s.strip()}
    chosen = set() if measured else {s.strip() for s in args.sets.split(",") if s.strip()}
    if measured - {"phone", "heldout", "meeting"}:
        parser.error("--measure takes phone, heldout and meeting")
    if not measured and (not chosen or chosen - {"tuning", "dialogues"}):
        parser.error("--sets takes tuning and dialogues only (the tuning material)")
    settings = Settings()
    models = load_speech_models(settings, live=True)
    options = live_options(settings)
    for item in args.option:
        name, _, value = item.partition("=")
        if name not in LiveOptions.__dataclass_fields__:
            parser.error(f"LiveOptions has no field {name!r}")
        overrides: dict[str, Any] = {name: None if value == "none" else _number(value)}
        options = replace(options, **overrides)
    args.vad_options = live_vad_options(settings)
    for item in args.vad:
        name, _, value = item.partition("=")
        if name not in VadOptions.__dataclass_fields__:
            parser.error(f"VadOptions has no field {name!r}")
        vad_value: Any = value == "true" if value in ("true", "false") else float(value)
        args.vad_options = replace(args.vad_options, **{name: vad_value})
    if args.vad:
        print("live VAD:", args.vad_options)
    args.cache.mkdir(parents=True, exist_ok=True)
    inputs: list[tuple[str, Path, str]] = []
    if "tuning" in chosen:
        wav = args.cache / "tuning.wav"
        seconds = _built(wav, lambda target: build_meeting_wav(target, 46.78, TUNING_CLIPS))
        inputs.append(("tuning clips", wav, tuning_reference(seconds)))
    if "dialogues" in chosen:
        for script in DIALOGUES:
            wav = args.cache / f"{script.stem}.wav"
            _, reference = _built(wav, functools.partial(build_dialogue_wav, script))
            inputs.append((script.stem, wav, reference))
    if measured:
        _measure(measured, args, settings, models, options)
        return
    if args.telephone:
        narrow = []
        for name, wav, reference in inputs:
            line = wav.with_name(f"{wav.stem}-telephone.wav")
            _built(line, functools.partial(telephone_wav, wav))
            narrow.append((f"{name} (telephone)", line, reference))
        inputs = narrow
    total: Counter[str] = Counter()
    refs, lives, offs = [], [], []
    pooled: list[WordLatency] = []
    all_steps: list[Step] = []
    for name, wav, reference in inputs:
        steps: list[Step] = []
        offline, finals, captions = _run(wav, args, settings, models, options, steps)
        timings = word_latencies(finals, captions, offline)
        pooled.extend(timings)
        all_steps.extend(steps)
        counts, examples = classify(reference, finals, offline)
        total += counts
        live_text = " ".join(f.caption.text for f in finals)
        off_text = " ".join(w for w, _, _ in offline)
        refs.append(reference)
        lives.append(live_text)
        offs.append(off_text)
        print(
            f"{name}: WER live {word_error_rate(reference, live_text):.3f}"
            f" analyze {word_error_rate(reference, off_text):.3f}",
            dict(counts),
            _rounded(summarise(timings)),
        )
        if args.breakdown:
            print("    partial latency:", _rounded(breakdown(timings, steps)))
        if args.examples:
            for example in examples:
                print("   ", example)
        if args.dump:
            args.dump.mkdir(parents=True, exist_ok=True)
            (args.dump / f"{name}.json").write_text(
                json.dumps(
                    [
                        {
                            "origin": f.origin,
                            "start": f.caption.start_s,
                            "end": f.caption.end_s,
                            "decoded_end": f.decoded_end_s,
                            "emitted_at": f.caption.emitted_at,
                            "text": f.caption.text,
                        }
                        for f in finals
                    ],
                    indent=1,
                )
            )
    words = len(normalize_text(" ".join(refs)).split())
    print(
        f"all ({words} words): WER live {word_error_rate(' '.join(refs), ' '.join(lives)):.3f}"
        f" analyze {word_error_rate(' '.join(refs), ' '.join(offs)):.3f}",
        _rounded(summarise(pooled)),
        f"decodes {sum(s.decodes for s in all_steps)},"
        f" decoded {sum(s.decoded_s for s in all_steps):.0f} s,"
        f" busy {sum(s.ended_at - s.began_at for s in all_steps):.1f} s",
    )
    print("| kind | errors |")
    print("|---|---|")
    for kind, count in total.most_common():
        print(f"| {kind} | {count} |")


def _rounded(row: dict[str, float]) -> dict[str, float]:
    return {key: round(value, 3) for key, value in row.items()}


def _run(
    wav: Path,
    args: argparse.Namespace,
    settings: Settings,
    models: SpeechModels,
    options: LiveOptions,
    steps: list[Step] | None = None,
) -> tuple[list[Any], list[Final], list[Caption]]:
    """``analyze``'s words of one input (cached), and the live finals and captions simulated
    as the command line asks (``steps``: see ``simulate``)."""
    offline = _offline(wav, settings, models, args.cache)
    finals, captions = simulate(
        wav,
        settings,
        models,
        options,
        compute=not args.no_compute,
        cpu_clock=args.cpu_clock,
        cost=args.cost,
        as_1x=args.as_1x,
        steps=steps,
        memo=args.memo,
        window_cost=args.window_cost,
        vad=args.vad_options,
    )
    return offline, finals, captions


def _measure(
    sets: set[str],
    args: argparse.Namespace,
    settings: Settings,
    models: SpeechModels,
    options: LiveOptions,
) -> None:
    """WER and simulated latency of the reported sets, and nothing that could steer tuning."""
    inputs: list[tuple[str, Path, str | None]] = []
    if "phone" in sets:
        inputs.append(
            ("phone call", PYANNOTE_SAMPLE, stm_reference(PYANNOTE_SAMPLE.with_suffix(".stm")))
        )
    if "heldout" in sets:
        wav = args.cache / "heldout.wav"
        _built(wav, lambda target: build_voices_wav(target, HELDOUT_REFERENCED))
        inputs.append(("held-out clips with a reference", wav, heldout_reference()))
    if "meeting" in sets:
        wav = args.cache / f"meeting-{args.minutes:g}.wav"
        _built(wav, lambda target: build_meeting_wav(target, args.minutes * 60))
        inputs.append((f"{args.minutes:g}-minute meeting", wav, None))
    for name, wav, reference in inputs:
        offline, finals, captions = _run(wav, args, settings, models, options)
        live_text = " ".join(f.caption.text for f in finals)
        off_text = " ".join(w for w, _, _ in offline)
        row = {"live vs analyze": word_error_rate(off_text, live_text)}
        if reference is not None:
            row["WER live"] = word_error_rate(reference, live_text)
            row["WER analyze"] = word_error_rate(reference, off_text)
        row.update(latency(finals, captions, offline))
        print(name, {key: round(value, 3) for key, value in row.items()})


if __name__ == "__main__":
    main()
