"""Speaker attribution on real recordings: DER (0.25 s collar, overlap scored) with and without
the overlap-aware resegmentation; DER of what a full analysis reports, its `speaker_turns` and
the speakers its words went to (each word a turn: what talk time used to be counted from);
word-level speaker accuracy, names found, what diarization costs on a 10-minute meeting, and
voices across a 10-minute recording of the shared clips with repeats and a language switch
(speakers found, words kept against the clips alone, DER).

    python -m bench.diarization              # everything
    python -m bench.diarization --quick      # the phone call only, no 10-minute meeting
    python -m bench.diarization --long-only  # the 10-minute recording of the clips only
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from rich.console import Console
from rich.table import Table

from assistant.config import Settings, apply_thread_settings
from assistant.inputs.media import plan_media
from assistant.processing.analyze import Analysis, analyze, load_speech_models
from assistant.processing.speech import SpeechModels, speaker_turns, transcribe_plan
from bench.scoring import (
    Turn,
    diarization_error_rate,
    read_rttm,
    read_stm,
    read_uem,
    word_speaker_accuracy,
)
from pipelines.frames import TranscribedSegment

from .common import DATA_DIR, VOICES_TEN_MINUTES, build_meeting_wav, build_voices_wav
from .voices import reference_turns, words_kept

SAMPLE = DATA_DIR / "pyannote-sample"
AMI = DATA_DIR / "ami-clips"


def _ami_files() -> list[tuple[str, Path, Path, Path]]:
    files = []
    for part, prefix in (("test", "tst"), ("development", "dev")):
        for index in ("00", "01"):
            uri = f"{prefix}{index}"
            files.append(
                (uri, AMI / f"{uri}.wav", AMI / f"debug.{part}.rttm", AMI / f"debug.{part}.uem")
            )
    return files


def _diarization_turns(
    models: SpeechModels, settings: Settings, path: Path
) -> tuple[list[Turn], float, float]:
    """The diarizer's own turns (not cut to words), as DER is defined on, and the CPU and wall
    seconds spent: decoding, both VADs, voice windows, segmentation and clustering, so an upper
    bound of what diarization adds to transcription."""
    started, started_wall = time.process_time(), time.perf_counter()
    turns = [Turn(str(t.speaker), t.start, t.end) for t in speaker_turns(path, models, settings)]
    return turns, time.process_time() - started, time.perf_counter() - started_wall


def _reported_turns(analysis: Analysis) -> tuple[list[Turn], list[Turn]]:
    """The report's ``speaker_turns``, and the words' speakers (each recognised word a turn)."""
    turns = [Turn(t["speaker"], t["start"], t["end"]) for t in analysis.report["speaker_turns"]]
    words = [
        Turn(segment.speaker, word.start, word.end)
        for segment in analysis.transcript.segments
        for word in segment.words
        if word.end > word.start
    ]
    return turns, words


def _cost_on_a_long_meeting(models: SpeechModels, settings: Settings, console: Console) -> None:
    table = Table(title="Diarization cost on a 10-minute meeting (2 cores, upper bound)")
    for column in ("setup", "wall s per audio s", "CPU s per audio s"):
        table.add_column(column, justify="left" if column == "setup" else "right")
    with tempfile.TemporaryDirectory() as folder:
        meeting = Path(folder) / "meeting.wav"
        seconds = build_meeting_wav(meeting, 600.0)
        for name, used in (
            ("voice clusters only", replace(models, segmenter=None)),
            ("clusters + segmentation (default)", models),
        ):
            _, cpu, wall = _diarization_turns(used, settings, meeting)
            table.add_row(name, f"{wall / seconds:.3f}", f"{cpu / seconds:.3f}")
    console.print(table)


def _words_to_the_right_voice(
    reference: Sequence[Turn], segments: Sequence[TranscribedSegment]
) -> tuple[float, int]:
    """Share of words, where one reference speaker talks alone, given to the participant
    mapped one to one to that speaker (the mapping that agrees most), and how many."""
    pairs: Counter[tuple[str, str]] = Counter()
    for segment in segments:
        for word in segment.words:
            middle = (word.start + word.end) / 2
            talking = {t.speaker for t in reference if t.start <= middle < t.end}
            if len(talking) == 1:
                pairs[(talking.pop(), segment.participant_id)] += 1
    if not pairs:
        return 0.0, 0
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    said = sorted({r for r, _ in pairs})
    heard = sorted({h for _, h in pairs})
    counts = np.array([[pairs[(r, h)] for h in heard] for r in said])
    rows, columns = linear_sum_assignment(-counts)
    return float(counts[rows, columns].sum() / counts.sum()), int(counts.sum())


def _voices_over_a_long_recording(
    models: SpeechModels, settings: Settings, console: Console
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "voices.wav"
        placed = build_voices_wav(path, VOICES_TEN_MINUTES)
        reference = reference_turns(placed)
        started = time.perf_counter()
        result = transcribe_plan(plan_media(path, settings.audio), models, settings)
        analysis_s = time.perf_counter() - started
        turns = [
            Turn(str(t.speaker), t.start, t.end) for t in speaker_turns(path, models, settings)
        ]
        kept = words_kept(placed, result.segments, models, settings)
    score = diarization_error_rate(reference, turns)
    reported = diarization_error_rate(
        reference, [Turn(speaker, start, end) for speaker, start, end in result.speech]
    )
    accuracy, words = _words_to_the_right_voice(reference, result.segments)
    alone, heard = sum(k.alone for k in kept), sum(k.kept for k in kept)
    table = Table(
        title=f"Voices over {placed[-1].end_s / 60:.1f} minutes of the shared clips with repeats "
        "and a language switch"
    )
    for column in ("figure", "value"):
        table.add_column(column, justify="left" if column == "figure" else "right")
    real = len({t.speaker for t in reference})
    table.add_row("speakers real / participants found", f"{real} / {len(result.participants)}")
    table.add_row(
        "speakers found by the turns alone (no words)", str(len({t.speaker for t in turns}))
    )
    table.add_row(
        "words kept / words of the clips alone", f"{heard} / {alone} ({heard / alone:.1%})"
    )
    table.add_row("DER of the turns (no words, so a language switch stays two)", f"{score.der:.1%}")
    errors = f"{score.missed_s:.1f} / {score.false_alarm_s:.1f} / {score.confusion_s:.1f}"
    table.add_row("  missed / false alarm / confusion s", errors)
    table.add_row(
        "DER of the reported speaker turns (languages from the words)", f"{reported.der:.1%}"
    )
    errors = f"{reported.missed_s:.1f} / {reported.false_alarm_s:.1f} / {reported.confusion_s:.1f}"
    table.add_row("  missed / false alarm / confusion s", errors)
    table.add_row(
        "words given to the right voice (one voice talking)", f"{accuracy:.1%} of {words}"
    )
    table.add_row("analysis wall s (transcription and diarization)", f"{analysis_s:.0f}")
    console.print(table)
    pieces = Table(title="Words per piece: in the recording / alone")
    for column in ("start s", "clip", "kept / alone"):
        pieces.add_column(column, justify="left" if column == "clip" else "right")
    for piece in kept:
        name = piece.piece.clip.stem[:20] + (
            f" from {piece.piece.start_s:.1f} s" if piece.piece.start_s else ""
        )
        pieces.add_row(f"{piece.start_s:.0f}", name, f"{piece.kept} / {piece.alone}")
    console.print(pieces)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.diarization", description=__doc__)
    parser.add_argument(
        "--quick", action="store_true", help="the phone call only, no 10-minute meeting"
    )
    parser.add_argument(
        "--long-only", action="store_true", help="the 10-minute recording of the clips only"
    )
    arguments = parser.parse_args()
    quick = arguments.quick
    settings = Settings()
    apply_thread_settings(settings)  # an entry point: MA_THREADS__TORCH applies here too
    models = load_speech_models(settings)
    if arguments.long_only:
        _voices_over_a_long_recording(models, settings, Console(width=150))
        return
    _diarization_turns(models, settings, SAMPLE / "sample.wav")  # warm-up: first-call costs
    table = Table(
        title="Speaker attribution (Resemblyzer clusters + segmentation-3.0), DER, 0.25 s collar"
    )
    for column in (
        "recording",
        "speakers ref/found",
        "DER",
        "DER clusters only",
        "DER speaker_turns",
        "DER words' speakers",
        "missed s",
        "false alarm s",
        "confusion s",
        "scored s",
    ):
        table.add_column(column, justify="left" if column == "recording" else "right")
    rows: list[tuple[str, Path, Path, Path | None, str | None]] = [
        ("pyannote sample", SAMPLE / "sample.wav", SAMPLE / "sample.rttm", None, None)
    ]
    if not quick:
        rows += [(uri, wav, rttm, uem, uri) for uri, wav, rttm, uem in _ami_files()]
    ami_ders: list[float] = []
    plain_ders: list[float] = []
    analyses: dict[str, Analysis] = {}
    for name, wav, rttm, uem, uri in rows:
        reference = read_rttm(rttm, uri)
        hypothesis, _, _ = _diarization_turns(models, settings, wav)
        plain, _, _ = _diarization_turns(replace(models, segmenter=None), settings, wav)
        scored = read_uem(uem, uri) if uem and uri else None
        score = diarization_error_rate(reference, hypothesis, scored=scored)
        before = diarization_error_rate(reference, plain, scored=scored)
        analyses[name] = analyze(wav, settings, models=models)
        reported, worded = _reported_turns(analyses[name])
        turns_score = diarization_error_rate(reference, reported, scored=scored)
        words_score = diarization_error_rate(reference, worded, scored=scored)
        if uri:
            ami_ders.append(score.der)
            plain_ders.append(before.der)
        table.add_row(
            name,
            f"{len({t.speaker for t in reference})}/{len({t.speaker for t in hypothesis})}",
            f"{score.der:.1%}",
            f"{before.der:.1%}",
            f"{turns_score.der:.1%}",
            f"{words_score.der:.1%}",
            f"{score.missed_s:.1f}",
            f"{score.false_alarm_s:.1f}",
            f"{score.confusion_s:.1f}",
            f"{score.reference_s:.1f}",
        )
    console = Console(width=170)
    console.print(table)
    if ami_ders:
        console.print(
            f"AMI average DER: {sum(ami_ders) / len(ami_ders):.1%} (target ≤ 30 %); "
            f"voice clusters alone: {sum(plain_ders) / len(plain_ders):.1%}"
        )

    analysis = analyses["pyannote sample"]
    said = [(speaker, text) for speaker, _, _, text in read_stm(SAMPLE / "sample.stm")]
    heard = [(s.speaker, s.text) for s in analysis.transcript.segments]
    words = word_speaker_accuracy(said, heard)
    console.print(
        f"pyannote sample word-level speaker accuracy: {words.accuracy:.1%} of "
        f"{words.aligned} aligned reference words ({words.reference_words} in the reference; "
        "target ≥ 90 %)"
    )
    names = ", ".join(f"{p.name} ({p.name_source})" for p in analysis.transcript.participants)
    console.print(f"pyannote sample participants: {names}")
    if not quick:
        _cost_on_a_long_meeting(models, settings, console)
        _voices_over_a_long_recording(models, settings, console)


if __name__ == "__main__":
    main()
