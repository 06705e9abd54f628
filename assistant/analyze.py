"""The main job: a recording (or a transcript JSON) in, a meeting report out."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .action_items import ActionItem, extract_action_items
from .config import Settings
from .digest import render_digest_html
from .errors import InputError
from .exports import to_srt, to_webvtt
from .inputs import MediaPlan, plan_media
from .metrics import MeetingMetrics, compute_metrics
from .report import build_report
from .speech import ProgressListener, SpeechModels, transcribe_plan
from .transcript import MeetingInfo, Segment, Transcript
from .transcript_json import load_transcript_json

__all__ = ["Analysis", "analyze", "load_speech_models", "write_outputs"]


@dataclass(frozen=True, slots=True)
class Analysis:
    transcript: Transcript
    metrics: MeetingMetrics
    action_items: tuple[ActionItem, ...]
    report: dict[str, Any]


def load_speech_models(settings: Settings) -> SpeechModels:
    """Load the recogniser and the VAD once; callers share the result."""
    from models.asr import FasterWhisperRecognizer, OpenAIWhisperRecognizer, SpeechRecognizer
    from models.weights import resolve_faster_whisper_model
    from pipelines.vad import SileroVad

    recognizer: SpeechRecognizer
    if settings.asr.engine == "openai-whisper":
        recognizer = OpenAIWhisperRecognizer(settings.asr.model, device=settings.asr.device)
    else:
        recognizer = FasterWhisperRecognizer(
            resolve_faster_whisper_model(settings.asr.model, settings.cache_dir),
            device=settings.asr.device,
            compute_type=settings.asr.compute_type,
            cpu_threads=settings.asr.cpu_threads,
        )
    return SpeechModels(recognizer=recognizer, vad=SileroVad())


def is_transcript_file(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() == ".json"


def analyze(
    path: Path,
    settings: Settings,
    *,
    models: SpeechModels | None = None,
    title: str | None = None,
    date: dt.date | None = None,
    progress: ProgressListener | None = None,
    plan: MediaPlan | None = None,
) -> Analysis:
    """Analyse a media file, a folder of per-person tracks, or a transcript JSON file.

    ``models`` is needed for media only, and loaded from ``settings`` when not given; ``plan``
    is the media plan when the caller already made it.
    """
    if not path.exists():
        raise InputError("file not found", path)
    if is_transcript_file(path):
        transcript = load_transcript_json(path)
        if title or date:
            info = transcript.meeting
            transcript = Transcript(
                MeetingInfo(title or info.title, date or info.date, info.duration_s, info.language),
                transcript.participants,
                transcript.segments,
            )
    else:
        plan = plan or plan_media(path, settings.audio)
        speech = transcribe_plan(plan, models or load_speech_models(settings), settings, progress)
        transcript = Transcript(
            meeting=MeetingInfo(
                title=title or _title_from_path(path),
                date=date or _file_date(path),
                duration_s=round(speech.duration_s, 3),
                language=speech.language,
            ),
            participants=plan.participants,
            segments=tuple(
                Segment(s.participant_id, s.start, s.end, s.text, s.language, s.words)
                for s in speech.segments
            ),
        )
    metrics = compute_metrics(transcript)
    action_items = extract_action_items(transcript)
    return Analysis(
        transcript, metrics, action_items, build_report(transcript, metrics, action_items)
    )


def _title_from_path(path: Path) -> str:
    return path.stem.replace("_", " ").replace("-", " ").strip() or path.name


def _file_date(path: Path) -> dt.date:
    """A recording's date: its modification time, the best guess a file offers."""
    return dt.datetime.fromtimestamp(path.stat().st_mtime).date()


def write_outputs(analysis: Analysis, out_dir: Path) -> dict[str, Path]:
    """Write report.json, transcript.vtt, transcript.srt and digest.html; return their paths."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        files = {
            "report": out_dir / "report.json",
            "vtt": out_dir / "transcript.vtt",
            "srt": out_dir / "transcript.srt",
            "digest": out_dir / "digest.html",
        }
        contents = {
            "report": json.dumps(analysis.report, indent=2, ensure_ascii=False) + "\n",
            "vtt": to_webvtt(analysis.transcript),
            "srt": to_srt(analysis.transcript),
            "digest": render_digest_html(analysis.report),
        }
        for key, target in files.items():
            temporary = target.with_name(f".{target.name}.tmp")
            temporary.write_text(contents[key], encoding="utf-8")
            temporary.replace(target)
    except OSError as error:
        raise InputError(f"cannot write the outputs ({error.strerror})", out_dir) from error
    return files
