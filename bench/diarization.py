"""Speaker attribution on real recordings: DER (0.25 s collar, overlap scored), word-level
speaker accuracy, names found, and what diarization costs on top of transcription.

    python -m bench.diarization
"""

from __future__ import annotations

import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from assistant.analyze import analyze, load_speech_models
from assistant.config import Settings
from assistant.evaluation import (
    Turn,
    diarization_error_rate,
    read_rttm,
    read_stm,
    read_uem,
    word_speaker_accuracy,
)
from assistant.speech import SpeechModels, speaker_turns

from .common import DATA_DIR

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
) -> tuple[list[Turn], float]:
    """The diarizer's own turns (not cut to words), as DER is defined on, and the CPU seconds
    spent: decoding, both VADs, voice windows and clustering, so an upper bound of its cost."""
    started = time.process_time()
    turns = [Turn(str(t.speaker), t.start, t.end) for t in speaker_turns(path, models, settings)]
    return turns, time.process_time() - started


def main() -> None:
    settings = Settings()
    models = load_speech_models(settings)
    _diarization_turns(models, settings, SAMPLE / "sample.wav")  # warm-up: librosa compiles
    table = Table(title="Speaker attribution (Resemblyzer + clustering), DER with 0.25 s collar")
    for column in (
        "recording",
        "speakers ref/found",
        "DER",
        "missed s",
        "false alarm s",
        "confusion s",
        "scored s",
        "CPU s per audio s (upper bound)",
    ):
        table.add_column(column, justify="left" if column == "recording" else "right")
    rows: list[tuple[str, Path, Path, Path | None, str | None]] = [
        ("pyannote sample", SAMPLE / "sample.wav", SAMPLE / "sample.rttm", None, None)
    ]
    rows += [(uri, wav, rttm, uem, uri) for uri, wav, rttm, uem in _ami_files()]
    ami_ders: list[float] = []
    for name, wav, rttm, uem, uri in rows:
        reference = read_rttm(rttm, uri)
        hypothesis, spent = _diarization_turns(models, settings, wav)
        scored = read_uem(uem, uri) if uem and uri else None
        score = diarization_error_rate(reference, hypothesis, scored=scored)
        duration = 30.0
        if uri:
            ami_ders.append(score.der)
        table.add_row(
            name,
            f"{len({t.speaker for t in reference})}/{len({t.speaker for t in hypothesis})}",
            f"{score.der:.1%}",
            f"{score.missed_s:.1f}",
            f"{score.false_alarm_s:.1f}",
            f"{score.confusion_s:.1f}",
            f"{score.reference_s:.1f}",
            f"{spent / duration:.3f}",
        )
    console = Console(width=150)
    console.print(table)
    console.print(f"AMI average DER: {sum(ami_ders) / len(ami_ders):.1%} (target ≤ 30 %)")

    analysis = analyze(SAMPLE / "sample.wav", settings, models=models)
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


if __name__ == "__main__":
    main()
