"""Speed and accuracy of our whole pipeline against faster-whisper at its best, on the same audio.

    python -m bench.asr [--quick] [--minutes 10] [--no-process] [--process-only]

The peer is what a faster-whisper user picks for speed: ``BatchedInferencePipeline.transcribe``
with its Silero VAD, ``batch_size=8``, ``beam_size=5``, ``word_timestamps=True``, on the same
Whisper base weights (CTranslate2, int8, all cores), its segment generator consumed fully.
Both tables cover the referenced clips and a meeting built from the shared clips; the ratio
column is ours / peer (target <= 1.0). The WER columns also cover more referenced speech (the
GRID sentences and the two sales calls espeak-ng speaks) and end with a pooled row: one
81-word phone call cannot decide which system reads better. ``--spoken`` adds eight meetings
of the intelligence tests spoken by espeak-ng (4,558 words, some noisy or telephone-band),
pooled on their own and with the rest: 1,107 words cannot tell a 6-word difference from noise.

- **ASR alone**: both sides' models loaded beforehand, so loading is excluded. "Ours" is
  ``analyze()`` with diarization off: decode, VAD, chunking, batched recognition with word
  timestamps, re-decodes of skipped speech, metrics and report. Short files are timed
  ``--repeats`` times and the median kept.
- **Whole process**: a fresh process each, as a user runs them: ``meeting-assistant analyze
  FILE --out DIR`` with ``MA_DIARIZATION__ENABLED=false`` against a small script that loads
  ``WhisperModel`` + ``BatchedInferencePipeline`` and transcribes the file. Wall time and the
  child's CPU time (user + system) from start to exit.

A last table compares the engines on the clips with a reference: openai-whisper (``pip
install 'meeting-assistant[openai-whisper]'``) on the packaged base converted to its checkpoint
format, against faster-whisper on the original CTranslate2 file, both through their own
``transcribe``; then ours with ``MA_ASR__ENGINE=openai-whisper``. ``--engines-only`` keeps
only that table.
"""

from __future__ import annotations

import argparse
import functools
import importlib.util
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jiwer
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
    DIALOGUES,
    JFK,
    JFK_REFERENCE,
    PYANNOTE_SAMPLE,
    SPOKEN_MEETINGS,
    TUNING_CLIPS,
    build_dialogue_wav,
    build_meeting_wav,
    build_spoken_meeting_wav,
    normalize_text,
    stm_reference,
    tuning_reference,
    word_error_rate,
)

__all__ = ["main"]

FloatArray = np.typing.NDArray[np.float32]
_SHORT_S = 120.0
"""Files shorter than this (s) are timed ``--repeats`` times."""


@dataclass(frozen=True, slots=True)
class Clip:
    label: str
    path: Path
    reference: str | None
    spoken: bool = False
    """One of the spoken meetings (``--spoken``), pooled on its own as well."""


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


def _referenced_clips() -> list[Clip]:
    return [
        Clip("jfk.flac", JFK, JFK_REFERENCE),
        Clip(
            "pyannote sample.wav (phone call)",
            PYANNOTE_SAMPLE,
            stm_reference(PYANNOTE_SAMPLE.with_suffix(".stm")),
        ),
    ]


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


_PEER_OPTIONS: dict[str, Any] = {
    "beam_size": 5,
    "batch_size": 8,
    "vad_filter": True,
    "word_timestamps": True,
}
"""The peer's ``BatchedInferencePipeline.transcribe`` options, as the issue names them."""


def _plain(path: Path, model: Any) -> str:
    segments, _ = model.transcribe(str(path), **_PEER_OPTIONS)
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


@dataclass(frozen=True, slots=True)
class EngineRow:
    clip: Clip
    system: str
    peer: str | None
    """The faster-whisper system this one is compared with (same clip), if any."""
    timing: Timing


_FW_PLAIN = "faster-whisper transcribe, float32"
_OW_PLAIN = "openai-whisper transcribe"
_FW_OURS = "ours, faster-whisper int8 (default)"
_FW_OURS_FLOAT32 = "ours, faster-whisper float32"
_OW_OURS = "ours, MA_ASR__ENGINE=openai-whisper"


def _engine_rows(
    clips: Sequence[Clip], settings: Settings, repeats: int, threads: int
) -> list[EngineRow]:
    """openai-whisper on the converted packaged base against faster-whisper on the original.

    First each engine's own ``transcribe`` on the same decoded array (beam 5, language
    detected, no VAD, no word timings), as faster-whisper's README compares them, faster-whisper
    in float32, the precision openai-whisper computes in on CPU; then ours (``analyze``) with
    each engine, what a user who picks one gets (beam 3, word timings): faster-whisper in its
    default int8 and in float32, openai-whisper's precision on CPU and so its peer (the same
    weights at the same precision; int8 rounds them).
    """
    from models.asr import OpenAIWhisperRecognizer
    from models.weights import packaged_openai_whisper_checkpoint

    folder = resolve_faster_whisper_model("packaged-base", settings.cache_dir)
    checkpoint = packaged_openai_whisper_checkpoint(settings.cache_dir)
    converted = OpenAIWhisperRecognizer(str(checkpoint))._model
    faster = WhisperModel(folder, compute_type="float32", cpu_threads=threads)
    asr = settings.asr.model_copy(update={"cpu_threads": threads})
    fw_settings = settings.model_copy(update={"asr": asr})
    fw32_settings = settings.model_copy(
        update={"asr": asr.model_copy(update={"compute_type": "float32"})}
    )
    ow_settings = settings.model_copy(
        update={"asr": asr.model_copy(update={"engine": "openai-whisper"})}
    )
    fw_models, ow_models = load_speech_models(fw_settings), load_speech_models(ow_settings)
    fw32_models = load_speech_models(fw32_settings)

    rows = []
    for index, clip in enumerate(clips):
        audio = np.concatenate([block[0] for block in decode_audio(clip.path)])

        def fw_plain(audio: FloatArray = audio) -> str:
            segments, _ = faster.transcribe(audio, beam_size=5)
            return " ".join(segment.text.strip() for segment in segments)

        def ow_plain(audio: FloatArray = audio) -> str:
            return str(converted.transcribe(audio, beam_size=5, fp16=False)["text"]).strip()

        systems: list[tuple[str, str | None, Callable[[], str]]] = [
            (_FW_PLAIN, None, fw_plain),
            (_OW_PLAIN, _FW_PLAIN, ow_plain),
            (_FW_OURS, None, functools.partial(_ours, clip.path, fw_settings, fw_models)),
            (
                _FW_OURS_FLOAT32,
                None,
                functools.partial(_ours, clip.path, fw32_settings, fw32_models),
            ),
            (
                _OW_OURS,
                _FW_OURS_FLOAT32,
                functools.partial(_ours, clip.path, ow_settings, ow_models),
            ),
        ]
        for system, peer, run in systems:
            if index == 0:
                run()  # warm-up: allocator, oneDNN kernels, numba's word-timing kernels
            rows.append(EngineRow(clip, system, peer, _timed(run, repeats)[0]))
    return rows


def _same_features_agree(clips: Sequence[Clip], settings: Settings) -> list[str]:
    """Whether both engines decode the same log-mel features to the same tokens (beam 5).

    Each engine computes its own log-mel features (torch's STFT against faster-whisper's numpy
    one); fed the same features, any difference left would come from the weights.
    """
    import ctranslate2
    import torch
    import whisper
    from faster_whisper.audio import pad_or_trim
    from faster_whisper.tokenizer import Tokenizer
    from faster_whisper.transcribe import get_suppressed_tokens

    from models.asr import OpenAIWhisperRecognizer
    from models.weights import packaged_openai_whisper_checkpoint

    folder = resolve_faster_whisper_model("packaged-base", settings.cache_dir)
    faster = WhisperModel(folder, compute_type="float32")
    converted = OpenAIWhisperRecognizer(
        str(packaged_openai_whisper_checkpoint(settings.cache_dir))
    )._model
    tokenizer = whisper.tokenizer.get_tokenizer(True, language="en", task="transcribe")
    prompt = [*tokenizer.sot_sequence, tokenizer.no_timestamps]
    # The non-speech symbols openai-whisper suppresses by default, as faster-whisper lists them.
    suppressed = get_suppressed_tokens(
        Tokenizer(faster.hf_tokenizer, True, task="transcribe", language="en"), [-1]
    )
    lines = []
    for clip in clips:
        audio = np.concatenate([block[0] for block in decode_audio(clip.path)])[: 30 * 16_000]
        mel = pad_or_trim(faster.feature_extractor(audio)[..., :-1], 3000).astype(np.float32)
        encoded = faster.model.encode(ctranslate2.StorageView.from_array(mel[None]))
        ct2 = faster.model.generate(
            encoded, [prompt], beam_size=5, max_length=448, suppress_tokens=suppressed
        )
        ct2_tokens = [t for t in ct2[0].sequences_ids[0] if t < tokenizer.eot]
        with torch.no_grad():
            features = converted.embed_audio(torch.from_numpy(mel)[None])
        options = whisper.DecodingOptions(
            language="en", beam_size=5, without_timestamps=True, fp16=False
        )
        ow_tokens = whisper.decode(converted, features, options)[0].tokens
        verdict = "identical" if ct2_tokens == ow_tokens else "DIFFERENT"
        lines.append(f"{clip.label}: {verdict} tokens ({len(ct2_tokens)} and {len(ow_tokens)})")
    return lines


def _print_engine_table(rows: Sequence[EngineRow], repeats: int, threads: int) -> None:
    table_rows = []
    for row in rows:
        duration = probe(row.clip.path).duration_s or 1.0
        peer = next((r for r in rows if r.clip == row.clip and r.system == row.peer), None)
        table_rows.append(
            [
                row.clip.label,
                row.system,
                f"{row.timing.wall_s:.2f}",
                f"{row.timing.wall_s / duration:.3f}",
                f"{row.timing.cpu_s:.2f}",
                "-" if peer is None else f"{row.timing.wall_s / peer.timing.wall_s:.2f}",
                _wer_cell(row.clip.reference, row.timing.text),
            ]
        )
    _print_table(
        "openai-whisper (converted packaged base) against faster-whisper (the original); "
        f"{threads or 'default'} thread(s), {repeats} run(s), median",
        ["audio", "system", "wall s", "RTF", "CPU s", "time / faster-whisper", "WER"],
        table_rows,
    )
    print(
        "transcribe decodes 30 s windows one after the other and samples again at higher "
        "temperatures when the text loops (the end of the 30.0 s call): its WER there varies "
        "from run to run; ours decodes each speech chunk once, without timestamp tokens or "
        "fallback."
    )
    for row in rows:
        if row.clip.reference is not None:
            print(f"{row.clip.label} · {row.system}:\n  {row.timing.text}")


def _wer_cell(reference: str | None, hypothesis: str) -> str:
    return "-" if reference is None else f"{100 * word_error_rate(reference, hypothesis):.1f} %"


def _print_table(title: str, header: list[str], rows: list[list[str]]) -> None:
    table = Table(title=title)
    for index, name in enumerate(header):
        table.add_column(name, justify="left" if index == 0 else "right")
    for row in rows:
        table.add_row(*row)
    Console(width=200).print(table)


def _more_referenced_clips(folder: Path) -> list[Clip]:
    """Referenced speech beyond the two clips, so the WER comparison does not rest on 103
    words: jfk, the AMI excerpt and the ten GRID sentences back to back, and the two sales
    calls spoken by espeak-ng (about 1,050 words in all; nothing here tunes ASR options)."""
    tuning = folder / "referenced-clips.wav"
    once = sum(len(block[0]) for clip in TUNING_CLIPS for block in decode_audio(clip))
    seconds = build_meeting_wav(tuning, once / SAMPLE_RATE, TUNING_CLIPS)
    clips = [Clip("jfk, AMI excerpt, GRID (clips back to back)", tuning, tuning_reference(seconds))]
    for script in DIALOGUES:
        path = folder / f"{script.stem}.wav"
        _, reference = build_dialogue_wav(script, path)
        clips.append(Clip(f"{script.stem} (espeak-ng)", path, reference))
    return clips


def _spoken_meetings(folder: Path) -> list[Clip]:
    """The intelligence tests' English meetings spoken by espeak-ng (``SPOKEN_MEETINGS``: 26
    minutes, 4,558 words, some with noise or through the telephone band)."""
    clips = []
    for index, transcript in enumerate(SPOKEN_MEETINGS):
        path = folder / f"spoken-{index}.wav"
        _, reference, condition = build_spoken_meeting_wav(transcript, path, index)
        clips.append(Clip(f"{transcript.stem} (espeak-ng, {condition})", path, reference, True))
    return clips


def _clips(meeting: Path, minutes: float, *, spoken: bool = False) -> list[Clip]:
    return [
        *_referenced_clips(),
        *_more_referenced_clips(meeting.parent),
        *(_spoken_meetings(meeting.parent) if spoken else []),
        Clip(f"meeting {minutes:g} min (shared clips)", meeting, None),
    ]


def _errors(reference: list[str], hypothesis: str) -> tuple[list[bool], list[tuple[int, str]]]:
    """Per reference word whether ``hypothesis`` (normalised) misses it (substituted or
    deleted), and its insertions as (reference position, word)."""
    words = normalize_text(hypothesis).split() or ["<empty>"]
    wrong = [False] * len(reference)
    inserted = []
    for run in jiwer.process_words(" ".join(reference), " ".join(words)).alignments[0]:
        for index in range(run.ref_start_idx, run.ref_end_idx):
            wrong[index] = run.type != "equal"
        if run.type == "insert":
            words_in = words[run.hyp_start_idx : run.hyp_end_idx]
            inserted += [(run.ref_start_idx, word) for word in words_in]
    return wrong, inserted


def _word_differences(reference: str, ours: str, peer: str) -> tuple[list[str], list[str]]:
    """The errors one system makes and the other does not: reference words it misses (with
    two words of context) and words it inserts (``+word``); ours' list, then the peer's.
    Two chunkings of the same audio trade errors both ways; these lists tell a systematic
    cause (all at chunk seams, all numbers) from that noise."""
    words = normalize_text(reference).split()
    (ours_wrong, ours_extra), (peer_wrong, peer_extra) = (
        _errors(words, ours),
        _errors(words, peer),
    )

    def only(
        wrong: list[bool],
        other: list[bool],
        extra: list[tuple[int, str]],
        more: list[tuple[int, str]],
    ) -> list[str]:
        missed = [
            " ".join([*words[max(0, i - 2) : i], f"[{word}]", *words[i + 1 : i + 3]])
            for i, word in enumerate(words)
            if wrong[i] and not other[i]
        ]
        return missed + [f"+{word}" for at, word in extra if (at, word) not in more]

    return (
        only(ours_wrong, peer_wrong, ours_extra, peer_extra),
        only(peer_wrong, ours_wrong, peer_extra, ours_extra),
    )


def _print_differences(clips: Sequence[Clip], ours: Sequence[str], peer: Sequence[str]) -> None:
    totals = [0, 0]
    for clip, ours_text, peer_text in zip(clips, ours, peer, strict=True):
        if clip.reference is None:
            continue
        only_ours, only_peer = _word_differences(clip.reference, ours_text, peer_text)
        totals = [totals[0] + len(only_ours), totals[1] + len(only_peer)]
        print(f"\n{clip.label}: errors only ours {len(only_ours)}, only the peer {len(only_peer)}")
        for label, errors in (("ours", only_ours), ("peer", only_peer)):
            for error in errors:
                print(f"  {label}: {error}")
    print(f"\nerrors only ours {totals[0]}, only the peer {totals[1]} (all referenced clips)")


def _pooled_wer_rows(
    clips: Sequence[Clip], ours: Sequence[str], peer: Sequence[str], columns: int
) -> list[list[str]]:
    """WER over every referenced clip's words together (each clip aligned on its own), with
    the errors counted, as the last rows of a table of ``columns``: with spoken meetings, the
    other clips, the spoken meetings and all of them, each pooled."""
    triples = list(zip(clips, ours, peer, strict=True))
    pools = [("all referenced audio", triples)]
    if any(clip.spoken for clip in clips):
        pools = [
            ("referenced clips", [t for t in triples if not t[0].spoken]),
            ("spoken meetings", [t for t in triples if t[0].spoken]),
            *pools,
        ]
    return [_pooled_wer_row(label, pool, columns) for label, pool in pools]


def _pooled_wer_row(
    label: str, triples: Sequence[tuple[Clip, str, str]], columns: int
) -> list[str]:
    pairs = [(c.reference, o, p) for c, o, p in triples if c.reference]
    references = [normalize_text(reference) for reference, _, _ in pairs]

    def pooled(hypotheses: list[str]) -> str:
        texts = [normalize_text(text) or "<empty>" for text in hypotheses]
        words = jiwer.process_words(references, texts)
        errors = words.substitutions + words.deletions + words.insertions
        return f"{100 * words.wer:.1f} % ({errors})"

    words = sum(len(reference.split()) for reference in references)
    label = f"{label}, pooled ({words} words; errors)"
    cells = [pooled([o for _, o, _ in pairs]), pooled([p for _, _, p in pairs])]
    return [label, *["-"] * (columns - 1 - len(cells)), *cells]


_COLUMNS = (
    "audio",
    "duration s",
    "ours wall s",
    "ours CPU s",
    "peer wall s",
    "peer CPU s",
    "ours/peer wall",
    "ours/peer CPU",
    "WER ours",
    "WER peer",
)


def _ratio_cell(ours_s: float, peer_s: float) -> str:
    ratio = ours_s / peer_s
    return f"{ratio:.2f}" + ("" if ratio <= 1.0 else " (>1)")


def _asr_alone_table(
    settings: Settings, clips: Sequence[Clip], repeats: int, *, differences: bool = False
) -> None:
    loaded = load_speech_models(settings)
    timed = _TimedRecognizer(loaded.recognizer)
    models = SpeechModels(recognizer=timed, vad=loaded.vad)
    folder = resolve_faster_whisper_model("packaged-base", settings.cache_dir)
    plain = BatchedInferencePipeline(WhisperModel(folder, compute_type="int8", cpu_threads=0))

    # Warm-up: first calls pay one-off costs (allocator, oneDNN kernels) on both sides.
    _ours(JFK, settings, models)
    _plain(JFK, plain)
    measured = [
        _measure(clip, settings=settings, models=models, timed=timed, plain=plain, repeats=repeats)
        for clip in clips
    ]

    header = [*_COLUMNS[:3], "ours ASR s", *_COLUMNS[3:]]
    rows = []
    for result in measured:
        rows.append(
            [
                result.clip.label,
                f"{result.duration_s:.1f}",
                f"{result.ours.wall_s:.2f}",
                f"{result.recognizer_s:.2f}",
                f"{result.ours.cpu_s:.2f}",
                f"{result.plain.wall_s:.2f}",
                f"{result.plain.cpu_s:.2f}",
                _ratio_cell(result.ours.wall_s, result.plain.wall_s),
                _ratio_cell(result.ours.cpu_s, result.plain.cpu_s),
                _wer_cell(result.clip.reference, result.ours.text),
                _wer_cell(result.clip.reference, result.plain.text),
            ]
        )
    rows.extend(
        _pooled_wer_rows(
            [r.clip for r in measured], [r.ours.text for r in measured],
            [r.plain.text for r in measured], len(header),
        )
    )  # fmt: skip
    _print_table(
        f"ASR alone, models loaded (Whisper base int8; ours beam {settings.asr.beam_size} "
        f"batch {settings.asr.batch_size}, diarization off; peer = BatchedInferencePipeline, "
        f"VAD, batch 8, beam 5, word timestamps; {repeats} run(s) per short file, median)",
        header,
        rows,
    )
    for result in measured:
        if result.clip.reference is not None:
            print(
                f"\n{result.clip.label}\n  ref:   {result.clip.reference}\n"
                f"  ours:  {result.ours.text}\n  peer:  {result.plain.text}"
            )
    if differences:
        _print_differences(
            [r.clip for r in measured], [r.ours.text for r in measured],
            [r.plain.text for r in measured],
        )  # fmt: skip


_PEER_SCRIPT = """
import sys
from faster_whisper import BatchedInferencePipeline, WhisperModel

model = WhisperModel(sys.argv[1], compute_type="int8", cpu_threads=0)
pipeline = BatchedInferencePipeline(model)
segments, _ = pipeline.transcribe(sys.argv[2], **OPTIONS)
print(" ".join(segment.text.strip() for segment in segments))
"""
"""What a faster-whisper user runs: load, transcribe, print the text."""


def _child_run(command: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """Run ``command`` to its end; its wall time (s), CPU time (user + system, s) and stdout."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{command[0]} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.stdout


def _median_runs(runs: Sequence[tuple[float, float, str]]) -> Timing:
    ordered = sorted(runs, key=lambda run: run[0])
    wall, _, text = ordered[(len(ordered) - 1) // 2]
    return Timing(wall, statistics.median(run[1] for run in runs), text)


def _whole_process_table(settings: Settings, clips: Sequence[Clip], repeats: int) -> None:
    script = shutil.which("meeting-assistant") or str(
        Path(sys.executable).with_name("meeting-assistant")
    )
    folder = resolve_faster_whisper_model("packaged-base", settings.cache_dir)
    peer_script = _PEER_SCRIPT.replace("OPTIONS", repr(_PEER_OPTIONS))
    env = {**os.environ, "MA_DIARIZATION__ENABLED": "false"}
    rows = []
    texts: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory(prefix="bench-asr-out-") as out:

        def ours_once(path: Path) -> tuple[float, float, str]:
            wall, cpu, _ = _child_run([script, "analyze", str(path), "--out", out], env)
            report = json.loads((Path(out) / "report.json").read_text(encoding="utf-8"))
            return wall, cpu, " ".join(segment["text"] for segment in report["segments"])

        def peer_once(path: Path) -> tuple[float, float, str]:
            return _child_run([sys.executable, "-c", peer_script, folder, str(path)], env)

        ours_once(JFK)  # warm-up: page cache for both sides' libraries and weights
        peer_once(JFK)
        for clip in clips:
            duration = probe(clip.path).duration_s or 0.0
            count = repeats if duration < _SHORT_S else 1
            ours = _median_runs([ours_once(clip.path) for _ in range(count)])
            peer = _median_runs([peer_once(clip.path) for _ in range(count)])
            texts.append((ours.text, peer.text))
            rows.append(
                [
                    clip.label,
                    f"{duration:.1f}",
                    f"{ours.wall_s:.2f}",
                    f"{ours.cpu_s:.2f}",
                    f"{peer.wall_s:.2f}",
                    f"{peer.cpu_s:.2f}",
                    _ratio_cell(ours.wall_s, peer.wall_s),
                    _ratio_cell(ours.cpu_s, peer.cpu_s),
                    _wer_cell(clip.reference, ours.text),
                    _wer_cell(clip.reference, peer.text),
                ]
            )
    header = list(_COLUMNS)
    rows.extend(_pooled_wer_rows(clips, [o for o, _ in texts], [p for _, p in texts], len(header)))
    _print_table(
        "Whole process, a fresh one per run: `meeting-assistant analyze FILE --out DIR` "
        "(MA_DIARIZATION__ENABLED=false) against a script loading WhisperModel + "
        f"BatchedInferencePipeline (VAD, batch 8, beam 5, word timestamps); {repeats} run(s) "
        "per short file, median; CPU = the child's user + system time",
        header,
        rows,
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.asr", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a 2-minute long file, 1 repeat")
    parser.add_argument("--minutes", type=float, default=10.0, help="long file length (min)")
    parser.add_argument("--repeats", type=int, default=3, help="timings per short file")
    parser.add_argument(
        "--no-process", action="store_true", help="leave out the whole-process table"
    )
    parser.add_argument("--process-only", action="store_true", help="only the whole-process table")
    parser.add_argument(
        "--diff",
        action="store_true",
        help="after the ASR-alone table, the words each side gets wrong and the other right",
    )
    parser.add_argument(
        "--spoken",
        action="store_true",
        help="also the spoken meetings: 26 minutes, 4,558 words more of referenced speech "
        "that nothing was tuned on, for a WER comparison that can decide",
    )
    parser.add_argument(
        "--engines-only",
        action="store_true",
        help="only the openai-whisper against faster-whisper table",
    )
    parser.add_argument(
        "--no-engines", action="store_true", help="leave out the openai-whisper table"
    )
    parser.add_argument(
        "--threads",
        type=int,
        default=0,
        help="inference threads of both engines in the engine table (0: each library's "
        "default); 1 keeps timings steady on a busy machine",
    )
    args = parser.parse_args(argv)
    minutes = 2.0 if args.quick else args.minutes
    repeats = 1 if args.quick else max(1, args.repeats)
    settings = Settings()

    load_before = os.getloadavg()[0]
    if not args.engines_only:
        with tempfile.TemporaryDirectory(prefix="bench-asr-") as tmp:
            meeting = Path(tmp) / "meeting.wav"
            build_meeting_wav(meeting, minutes * 60)
            clips = _clips(meeting, minutes, spoken=args.spoken)
            if not args.process_only:
                _asr_alone_table(settings, clips, repeats, differences=args.diff)
            if not args.no_process:
                _whole_process_table(settings, clips, repeats)
    # Nothing is installed here: without the optional backend its table is left out.
    if args.no_engines:
        pass
    elif importlib.util.find_spec("whisper") is None:
        print("\nopenai-whisper is not installed: no engine comparison")
    else:
        if args.threads:
            import torch

            torch.set_num_threads(args.threads)
        clips = _referenced_clips()
        rows = _engine_rows(clips, settings, repeats, args.threads)
        _print_engine_table(rows, repeats, args.threads)
        print("Both engines on the same log-mel features (faster-whisper's), beam 5:")
        for line in _same_features_agree(clips, settings):
            print(f"  {line}")
    print(
        f"{os.cpu_count()} cores; 1-min load average {load_before:.2f} before, "
        f"{os.getloadavg()[0]:.2f} after (above ~0.5 other work on the machine skews wall times)"
    )


if __name__ == "__main__":
    main()
