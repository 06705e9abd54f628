"""Where the live finals' words go wrong, on the tuning material only (never the reported sets).

    python -m bench.live_errors [--sets tuning,dialogues] [--dump DIR]
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

Errors ``analyze`` makes too are counted apart (``shared``). Prints a table; asserts nothing.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import re
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

import jiwer

from assistant.config import Settings
from assistant.processing.analyze import analyze, load_speech_models
from assistant.processing.live import live_options
from assistant.processing.speech import SpeechModels, vad_options
from models.asr import ChunkRecognition, RecognitionOptions, SpeechRecognizer
from pipelines.frames import SAMPLE_RATE, Caption, Frame
from pipelines.live_transcribe import LiveOptions, LiveTranscriber
from pipelines.sources import file_audio
from pipelines.stage import Chain

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


class _TimedRecognizer:
    """The recogniser, with the seconds it has spent (the simulated clock's busy time): as
    measured, or, given ``cost`` (BASE, PER_S), ``BASE + PER_S`` x its audio (s) per decode, a
    deterministic machine whatever this one's load."""

    def __init__(
        self,
        inner: SpeechRecognizer,
        *,
        cpu_clock: bool = False,
        cost: tuple[float, float] | None = None,
    ) -> None:
        self.inner = inner
        self.spent_s = 0.0
        self.decodes = 0
        self.name = getattr(inner, "name", "asr")
        self._now = time.process_time if cpu_clock else time.monotonic
        self._cost = cost

    def recognize(
        self, chunks: Sequence[Any], options: RecognitionOptions
    ) -> list[ChunkRecognition]:
        self.decodes += 1
        if self._cost is not None:
            audio_s = sum(len(chunk) for chunk in chunks) / SAMPLE_RATE
            self.spent_s += self._cost[0] + self._cost[1] * audio_s
            return self.inner.recognize(chunks, options)
        began = self._now()
        try:
            return self.inner.recognize(chunks, options)
        finally:
            self.spent_s += self._now() - began


class _Traced(LiveTranscriber):
    """Records where each final caption came from; skips the transcript's timed decodes."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.finals: list[Final] = []
        self.origin = "agree"

    def _time_utterance(self) -> list[Frame]:
        self._untimed.clear()
        return []

    def _update(self) -> list[Frame]:
        self.origin = "agree"
        return self._traced(super()._update())

    def _finalize(self, end_s: float) -> list[Frame]:
        self.origin = "end"
        return self._traced(super()._finalize(end_s))

    def _cut(self) -> list[Frame]:
        self.origin = "cut"
        return self._traced(super()._cut())

    def _traced(self, frames: list[Frame]) -> list[Frame]:
        for frame in frames:
            if isinstance(frame, Caption) and frame.kind == "final":
                self.finals.append(Final(frame, self.origin, self._end_s))
        return frames


def traced_chain(
    settings: Settings,
    models: SpeechModels,
    recognizer: SpeechRecognizer,
    options: LiveOptions,
    clock: Callable[[], float],
) -> tuple[_Traced, Chain]:
    """One participant's live VAD and traced transcriber, as a stream chains them."""
    vad = models.vad.stream(
        "p",
        replace(vad_options(settings), min_silence_s=settings.live.min_silence_s),
        activity=True,
        forward_audio=True,
    )
    transcriber = _Traced("p", recognizer, options, clock=clock)
    return transcriber, Chain([vad, transcriber])


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
) -> tuple[list[Final], list[Caption]]:
    """Every final (traced) and every caption of ``path`` fed at simulated 1x; without
    ``compute``, decodes take no time (the policy's own latency, whatever the machine's load);
    with ``cpu_clock``, a decode takes the CPU time it used (a live decode runs on one thread
    of its own: about its time on a quiet machine, when other work loads this one); with
    ``cost``, the time ``_TimedRecognizer`` charges (deterministic).

    By default every 0.1 s chunk is flushed, so a decode is due every ``step_s`` of audio even
    when the decodes fall behind. ``as_1x`` runs them as a stream does at 1x: whatever arrived
    while a decode ran is pushed at once, then one flush decodes the newest audio (decodes that
    would fall behind are skipped), so the words read are the ones a live meeting reads."""
    recognizer = _TimedRecognizer(models.recognizer, cpu_clock=cpu_clock, cost=cost)
    free = [0.0, 0.0]  # (simulated time the batch started, the recogniser's spent_s then)

    def clock() -> float:
        return free[0] + (recognizer.spent_s - free[1] if compute else 0.0)

    transcriber, chain = traced_chain(settings, models, recognizer, options, clock)
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
                note(kind, False, f"+{word} ({final.origin}) [{context}]")
        else:
            for offset, h in enumerate(range(h0, h1)):
                i = r0 + offset
                word, index, _ = hyp[h]
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
                note(kind, not off_ok[i], f"{ref[i]}->{word} ({final.origin}) [{context}]")
    return counts, examples


def _is_last(hyp: Sequence[tuple[str, int, int]], h: int, finals: Sequence[Final]) -> bool:
    """Whether hyp position ``h`` is among the last two words of its final caption."""
    _, index, position = hyp[h]
    return position >= len(normalize_text(finals[index].caption.text).split()) - 2


def latency(
    finals: Sequence[Final], captions: Sequence[Caption], offline: Sequence[Any]
) -> dict[str, float]:
    """Simulated final and partial latency (p50, p95) of words matched to ``analyze``'s."""
    import difflib

    finals_sorted = sorted(finals, key=lambda f: f.caption.emitted_at)
    timed = sorted(((normalize_text(w), float(e)) for w, _, e in offline), key=lambda x: x[1])
    used: set[int] = set()
    fl: list[float] = []
    pl: list[float] = []
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
                fl.append(c.emitted_at - end)
                seen = [
                    x.emitted_at
                    for x in captions
                    if end - 0.5 <= x.emitted_at <= c.emitted_at
                    and word in normalize_text(x.text).split()
                ]
                pl.append(min(seen, default=c.emitted_at) - end)

    def pct(values: list[float], share: float) -> float:
        ordered = sorted(values)
        return (
            ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]
            if values
            else float("nan")
        )

    return {"final p50": pct(fl, 0.5), "final p95": pct(fl, 0.95), "partial p50": pct(pl, 0.5)}


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
    args = parser.parse_args(argv)
    args.cost = tuple(float(x) for x in args.cost.split(",")) if args.cost else None
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
    total: Counter[str] = Counter()
    refs, lives, offs = [], [], []
    all_finals, all_captions, all_offline = [], [], []
    for name, wav, reference in inputs:
        offline, finals, captions = _run(wav, args, settings, models, options)
        counts, examples = classify(reference, finals, offline)
        total += counts
        live_text = " ".join(f.caption.text for f in finals)
        off_text = " ".join(w for w, _, _ in offline)
        refs.append(reference)
        lives.append(live_text)
        offs.append(off_text)
        all_finals.append(finals)
        all_captions.append(captions)
        all_offline.append(offline)
        print(
            f"{name}: WER live {word_error_rate(reference, live_text):.3f}"
            f" analyze {word_error_rate(reference, off_text):.3f}",
            dict(counts),
            latency(finals, captions, offline),
        )
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
        f" analyze {word_error_rate(' '.join(refs), ' '.join(offs)):.3f}"
    )
    print("| kind | errors |")
    print("|---|---|")
    for kind, count in total.most_common():
        print(f"| {kind} | {count} |")


def _run(
    wav: Path,
    args: argparse.Namespace,
    settings: Settings,
    models: SpeechModels,
    options: LiveOptions,
) -> tuple[list[Any], list[Final], list[Caption]]:
    """``analyze``'s words of one input (cached), and the live finals and captions simulated
    as the command line asks."""
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
