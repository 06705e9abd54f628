"""Speed and accuracy of our whole pipeline against faster-whisper at its best, on the same audio.

    python -m bench.asr [--quick] [--minutes 10]

Both sides get the same Whisper base weights (CTranslate2, int8, all cores) loaded beforehand,
so model loading is excluded from both. "Ours" is ``analyze()``: decode, VAD, chunking, batched
recognition with word timestamps, metrics and report. The peer ("plain" in the table) is
what a faster-whisper user would pick for speed: ``BatchedInferencePipeline.transcribe(path,
beam_size=5, batch_size=8)`` with its Silero VAD, its segment generator consumed fully. Short
files are timed several times and the median kept.
"""

from __future__ import annotations

import argparse
import importlib
import os
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from faster_whisper import BatchedInferencePipeline, WhisperModel
from rich.console import Console
from rich.table import Table

from assistant.config import Settings
from assistant.processing.analyze import analyze, load_speech_models
from assistant.processing.speech import SpeechModels
from models.asr import ChunkRecognition, RecognitionOptions, SpeechRecognizer
from models.weights import resolve_faster_whisper_model
from pipelines.decode import decode_audio, probe
from pipelines.frames import SAMPLE_RATE

from .common import (
    JFK,
    JFK_REFERENCE,
    PYANNOTE_SAMPLE,
    build_meeting_wav,
    stm_reference,
    word_error_rate,
)

__all__ = ["main"]

FloatArray = np.typing.NDArray[np.float32]
_SHORT_S = 120.0
"""Files shorter than this (s) are timed ``--repeats`` times."""
_MEETING_TARGET_MIN = 6.0
"""Target for a 60-minute meeting on this machine (min)."""


@dataclass(frozen=True, slots=True)
class Clip:
    label: str
    path: Path
    reference: str | None


@dataclass(frozen=True, slots=True)
class Timing:
    wall_s: float
    """Median wall time (s)."""
    cpu_s: float
    """Median CPU time of this process, all threads (s); less sensitive to other load."""
    text: str


@dataclass(frozen=True, slots=True)
class Row:
    clip: Clip
    duration_s: float
    ours: Timing
    recognizer_s: float
    """Of ours' wall time, the share spent inside the recogniser (s, median run)."""
    plain: Timing


class _TimedRecognizer:
    """Wraps a recogniser and adds up the time spent in it, to split ours' wall time."""

    def __init__(self, inner: SpeechRecognizer) -> None:
        self._inner = inner
        self.name = inner.name
        self.seconds = 0.0

    def recognize(
        self, chunks: Sequence[FloatArray], options: RecognitionOptions
    ) -> list[ChunkRecognition]:
        started = time.perf_counter()
        try:
            return self._inner.recognize(chunks, options)
        finally:
            self.seconds += time.perf_counter() - started


def _timed(run: Callable[[], str], repeats: int) -> tuple[Timing, list[float]]:
    walls: list[float] = []
    cpus: list[float] = []
    text = ""
    for _ in range(repeats):
        started, cpu_started = time.perf_counter(), time.process_time()
        text = run()
        walls.append(time.perf_counter() - started)
        cpus.append(time.process_time() - cpu_started)
    return Timing(statistics.median(walls), statistics.median(cpus), text), walls


def _ours(path: Path, settings: Settings, models: SpeechModels) -> str:
    analysis = analyze(path, settings, models=models)
    return " ".join(segment.text for segment in analysis.transcript.segments)


def _plain(path: Path, model: Any) -> str:
    segments, _ = model.transcribe(str(path), beam_size=5, batch_size=8, vad_filter=True)
    return " ".join(segment.text.strip() for segment in segments)


def _measure(
    clip: Clip,
    *,
    settings: Settings,
    models: SpeechModels,
    timed: _TimedRecognizer,
    plain: Any,
    repeats: int,
) -> Row:
    duration = probe(clip.path).duration_s or 0.0
    count = repeats if duration < _SHORT_S else 1
    recognizer_runs: list[float] = []

    def ours_once() -> str:
        before = timed.seconds
        text = _ours(clip.path, settings, models)
        recognizer_runs.append(timed.seconds - before)
        return text

    ours, ours_walls = _timed(ours_once, count)
    plain_timing, _ = _timed(lambda: _plain(clip.path, plain), count)
    median_run = ours_walls.index(sorted(ours_walls)[(len(ours_walls) - 1) // 2])
    return Row(clip, duration, ours, recognizer_runs[median_run], plain_timing)


def _openai_whisper_rows(clips: Sequence[Clip], settings: Settings) -> list[list[str]]:
    """Rows for openai-whisper base, its figures in the "plain" columns; or why there are none.

    Runs only when the package and a local base checkpoint are already there: nothing is
    installed or downloaded here.
    """
    label = "openai-whisper base"
    try:
        whisper = importlib.import_module("whisper")
    except ImportError:
        return [[label, "-", "-", "-", "-", "-", "not installed", "-", "-", "-", "-", "-"]]
    # The checkpoint configured for our openai-whisper engine, else openai-whisper's own cache.
    configured = Path(settings.asr.model).expanduser()
    checkpoint = (
        configured if configured.suffix == ".pt" else Path.home() / ".cache" / "whisper" / "base.pt"
    )
    if not checkpoint.is_file():
        return [[label, "-", "-", "-", "-", "-", "no local base.pt", "-", "-", "-", "-", "-"]]
    model = whisper.load_model(str(checkpoint), device="cpu")
    rows = []
    for clip in clips:
        # Arrays in, so openai-whisper never needs the ffmpeg binary.
        audio = np.concatenate([block[0] for block in decode_audio(clip.path)])
        started, cpu_started = time.perf_counter(), time.process_time()
        result = model.transcribe(audio, beam_size=5, fp16=False)
        wall = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
        duration = len(audio) / SAMPLE_RATE
        wer = _wer_cell(clip.reference, str(result["text"]))
        rows.append(
            [
                f"{label} · {clip.label}",
                f"{duration:.1f}",
                "-",
                "-",
                "-",
                "-",
                f"{wall:.2f}",
                f"{wall / duration:.3f}",
                f"{cpu:.2f}",
                "-",
                "-",
                wer,
            ]
        )
    return rows


def _wer_cell(reference: str | None, hypothesis: str) -> str:
    return "-" if reference is None else f"{100 * word_error_rate(reference, hypothesis):.1f} %"


def _print_table(title: str, header: list[str], rows: list[list[str]]) -> None:
    table = Table(title=title)
    for index, name in enumerate(header):
        table.add_column(name, justify="left" if index == 0 else "right")
    for row in rows:
        table.add_row(*row)
    Console(width=200).print(table)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.asr", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a 2-minute long file, 1 repeat")
    parser.add_argument("--minutes", type=float, default=10.0, help="long file length (min)")
    parser.add_argument("--repeats", type=int, default=3, help="timings per short file")
    args = parser.parse_args(argv)
    minutes = 2.0 if args.quick else args.minutes
    repeats = 1 if args.quick else max(1, args.repeats)

    settings = Settings()
    loaded = load_speech_models(settings)
    timed = _TimedRecognizer(loaded.recognizer)
    models = SpeechModels(recognizer=timed, vad=loaded.vad)
    folder = resolve_faster_whisper_model("packaged-base", settings.cache_dir)
    plain = BatchedInferencePipeline(WhisperModel(folder, compute_type="int8", cpu_threads=0))

    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="bench-asr-") as tmp:
        meeting = Path(tmp) / "meeting.wav"
        build_meeting_wav(meeting, minutes * 60)
        clips = [
            Clip("jfk.flac", JFK, JFK_REFERENCE),
            Clip(
                "pyannote sample.wav",
                PYANNOTE_SAMPLE,
                stm_reference(PYANNOTE_SAMPLE.with_suffix(".stm")),
            ),
            Clip(f"meeting {minutes:g} min (mixed clips)", meeting, None),
        ]
        # Warm-up: first calls pay one-off costs (allocator, oneDNN kernels) on both sides.
        _ours(JFK, settings, models)
        _plain(JFK, plain)
        measured = [
            _measure(
                clip, settings=settings, models=models, timed=timed, plain=plain, repeats=repeats
            )
            for clip in clips
        ]
        openai_rows = _openai_whisper_rows([clip for clip in clips if clip.reference], settings)

    header = [
        "audio",
        "duration s",
        "ours wall s",
        "ours RTF",
        "ours ASR s",
        "ours CPU s",
        "plain wall s",
        "plain RTF",
        "plain CPU s",
        "ours/plain",
        "WER ours",
        "WER plain",
    ]
    rows = []
    for result in measured:
        rows.append(
            [
                result.clip.label,
                f"{result.duration_s:.1f}",
                f"{result.ours.wall_s:.2f}",
                f"{result.ours.wall_s / result.duration_s:.3f}",
                f"{result.recognizer_s:.2f}",
                f"{result.ours.cpu_s:.2f}",
                f"{result.plain.wall_s:.2f}",
                f"{result.plain.wall_s / result.duration_s:.3f}",
                f"{result.plain.cpu_s:.2f}",
                f"{result.ours.wall_s / result.plain.wall_s:.2f}",
                _wer_cell(result.clip.reference, result.ours.text),
                _wer_cell(result.clip.reference, result.plain.text),
            ]
        )
    rows.extend(openai_rows)
    _print_table(
        f"ASR speed and accuracy (Whisper base int8; ours beam {Settings().asr.beam_size}, "
        f"plain = faster-whisper batched with VAD, beam 5; {repeats} run(s) per short file)",
        header,
        rows,
    )
    print(
        f"{os.cpu_count()} cores; 1-min load average {load_before:.2f} before, "
        f"{os.getloadavg()[0]:.2f} after (above ~0.5 other work on the machine skews wall times)"
    )
    longest = measured[-1]
    for name, seconds in (("ours", longest.ours.wall_s), ("plain", longest.plain.wall_s)):
        hour_min = seconds / longest.duration_s * 60
        verdict = "meets" if hour_min < _MEETING_TARGET_MIN else "misses"
        print(
            f"{name}: a 60-minute meeting would take {hour_min:.1f} min "
            f"(RTF {seconds / longest.duration_s:.3f} on the {minutes:g}-min file; "
            f"{verdict} the {_MEETING_TARGET_MIN:g}-min target)"
        )
    for result in measured:
        if result.clip.reference is not None:
            print(
                f"\n{result.clip.label}\n  ref:   {result.clip.reference}\n"
                f"  ours:  {result.ours.text}\n  plain: {result.plain.text}"
            )


if __name__ == "__main__":
    main()
