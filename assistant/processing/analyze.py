"""The main job: a recording (or a transcript JSON) in, a meeting report out."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from assistant.analytics.engagement import Engagement, engagement_report
from assistant.analytics.metrics import MeetingMetrics, compute_metrics
from assistant.analytics.names import resolve_names, user_names_warning
from assistant.analytics.sides import assign_sides
from assistant.config import Settings
from assistant.inputs.media import MediaPlan, plan_media
from assistant.inputs.transcript_json import is_transcript_file, load_transcript_json
from assistant.intelligence.action_items import ActionItem
from assistant.intelligence.action_items.learned import load_scorer
from assistant.intelligence.coaching import coach
from assistant.intelligence.llm import ChatClient, LlmOptions
from assistant.intelligence.meeting import analyse_meeting
from assistant.outputs.digest import render_digest_html
from assistant.outputs.report import build_report
from assistant.outputs.rttm import to_rttm
from assistant.outputs.subtitles import to_srt, to_webvtt
from assistant.processing.loading import audio_length, load_speech_models
from assistant.processing.speech import (
    FloatArray,
    ProgressListener,
    SpeechModels,
    transcribe_plan,
    voice_embedding,
)
from assistant.transcript import MeetingInfo, Segment, Transcript, speech_turns
from models.errors import InputError

__all__ = [
    "Analysis",
    "analyze",
    "audio_length",
    "file_date",
    "finish_analysis",
    "load_speech_models",
    "title_from_path",
    "write_outputs",
]


@dataclass(frozen=True, slots=True)
class Analysis:
    transcript: Transcript
    metrics: MeetingMetrics
    action_items: tuple[ActionItem, ...]
    report: dict[str, Any]
    warnings: tuple[str, ...] = ()
    """What the user asked for that could not be done, e.g. an ``internal`` name nobody has."""


def analyze(
    path: Path,
    settings: Settings,
    *,
    models: SpeechModels | None = None,
    title: str | None = None,
    date: dt.date | None = None,
    progress: ProgressListener | None = None,
    plan: MediaPlan | None = None,
    participants: Sequence[str] = (),
    history: Sequence[Mapping[str, Any]] = (),
    internal: Sequence[str] = (),
) -> Analysis:
    """Analyse a media file, a folder of per-person tracks, or a transcript JSON file.

    ``models`` is needed for media only, and loaded from ``settings`` when not given; ``plan``
    is the media plan when the caller already made it. ``participants`` are names the user
    knows, in order of first speech, each optionally ``Name=voice-sample.wav``. ``internal``
    names our side (see `assistant.analytics.sides`); everyone else is the customer.
    """
    names, samples = _parse_participants(participants)
    voices: dict[str, FloatArray] = {}
    voice_samples: dict[str, FloatArray] = {}
    if not path.exists():
        raise InputError("file not found", path)
    if is_transcript_file(path):
        transcript = load_transcript_json(path)
        if title or date:
            info = transcript.meeting
            transcript = replace(
                transcript,
                meeting=MeetingInfo(
                    title or info.title, date or info.date, info.duration_s, info.language
                ),
            )
    else:
        plan = plan or plan_media(path, settings.audio)
        models = models or load_speech_models(settings, audio_s=audio_length(plan))
        voice_samples = {
            name: voice_embedding(sample, models, settings) for name, sample in samples.items()
        }
        speech = transcribe_plan(plan, models, settings, progress)
        voices = speech.voices
        transcript = Transcript(
            meeting=MeetingInfo(
                title=title or title_from_path(path),
                date=date or file_date(path),
                duration_s=round(speech.duration_s, 3),
                language=speech.language,
            ),
            participants=speech.participants,
            segments=tuple(
                Segment(s.participant_id, s.start, s.end, s.text, s.language, s.words)
                for s in speech.segments
            ),
            turns=speech_turns(speech.speech),
        )
    watched = progress.watched if progress is not None else None

    def video_engagement(named: Transcript) -> Mapping[str, Engagement | None]:
        if plan is None or not settings.video.enabled:
            return {}
        if not any(source.info.has_video for source in plan.sources):
            # Nobody to watch: the video modules (OpenCV, MediaPipe) stay unimported.
            return dict.fromkeys(participant.id for participant in named.participants)
        from assistant.processing.video import analyse_plan_video

        return analyse_plan_video(plan, named, settings.video, progress=watched)

    return finish_analysis(
        transcript,
        settings,
        names=names,
        voice_samples=voice_samples,
        voices=voices,
        history=history,
        engagement=video_engagement,
        internal=internal,
    )


def finish_analysis(
    transcript: Transcript,
    settings: Settings,
    *,
    names: Sequence[str] = (),
    voice_samples: Mapping[str, FloatArray] | None = None,
    voices: Mapping[str, FloatArray] | None = None,
    history: Sequence[Mapping[str, Any]] = (),
    engagement: Callable[[Transcript], Mapping[str, Engagement | None]] | None = None,
    internal: Sequence[str] = (),
    attendees: Collection[str] = (),
) -> Analysis:
    """Everything after the transcript, the same for a file and for a live meeting: names,
    sides (``internal`` names our side), figures, meeting intelligence, engagement
    (``engagement`` gives it per participant from the named transcript) and coaching, into the
    report. ``attendees``: ids of people who joined the call (a live meeting), listed even
    when they never spoke."""
    transcript = resolve_names(
        transcript,
        user_names=list(names),
        voice_samples=dict(voice_samples or {}),
        voices=dict(voices or {}),
    )
    sides = assign_sides(transcript, internal)
    transcript = sides.transcript
    plain = [name for name in names if name not in (voice_samples or {})]
    mismatch = user_names_warning(transcript, plain)
    warnings = tuple(
        ([mismatch] if mismatch is not None else [])
        + [
            f"--internal: nobody named {name!r} in this meeting (participants: "
            + ", ".join(p.name for p in transcript.participants)
            + ")"
            for name in sides.unmatched
        ]
    )
    metrics = compute_metrics(transcript)
    intelligence = analyse_meeting(
        transcript,
        history=history,
        llm=_llm_client(settings),
        action_scorer=load_scorer() if settings.intelligence.action_scorer else None,
    )
    action_items = intelligence.action_items
    figures = engagement(transcript) if engagement is not None else {}
    reports = {pid: engagement_report(value) for pid, value in figures.items()}
    coaching = coach(transcript, metrics, reports)
    return Analysis(
        transcript,
        metrics,
        action_items,
        build_report(
            transcript,
            metrics,
            action_items,
            coaching,
            reports,
            intelligence,
            attendees,
            warnings,
        ),
        warnings,
    )


def _llm_client(settings: Settings) -> ChatClient | None:
    """The configured LLM endpoint, or None (the default: rules only)."""
    llm = settings.llm
    if not llm.base_url:
        return None
    key = llm.api_key.get_secret_value() if llm.api_key else None
    return ChatClient(LlmOptions(llm.base_url, llm.model, key, llm.timeout))


def _parse_participants(entries: Sequence[str]) -> tuple[list[str], dict[str, Path]]:
    names: list[str] = []
    samples: dict[str, Path] = {}
    for entry in entries:
        name, _, sample = (part.strip() for part in entry.partition("="))
        if not name:
            raise InputError(f"participant {entry!r} has no name (expected Name or Name=voice.wav)")
        names.append(name)
        if sample:
            samples[name] = Path(sample).expanduser()
    return names, samples


def title_from_path(path: Path) -> str:
    return path.stem.replace("_", " ").replace("-", " ").strip() or path.name


def file_date(path: Path) -> dt.date:
    """A recording's date: its modification time, the best guess a file offers."""
    return dt.datetime.fromtimestamp(path.stat().st_mtime).date()


def write_outputs(analysis: Analysis, out_dir: Path) -> dict[str, Path]:
    """Write report.json, transcript.vtt, transcript.srt, transcript.rttm (who spoke when) and
    digest.html; return their paths."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        files = {
            "report": out_dir / "report.json",
            "vtt": out_dir / "transcript.vtt",
            "srt": out_dir / "transcript.srt",
            "rttm": out_dir / "transcript.rttm",
            "digest": out_dir / "digest.html",
        }
        contents = {
            "report": json.dumps(analysis.report, indent=2, ensure_ascii=False) + "\n",
            "vtt": to_webvtt(analysis.transcript),
            "srt": to_srt(analysis.transcript),
            "rttm": to_rttm(analysis.report),
            "digest": render_digest_html(analysis.report),
        }
        for key, target in files.items():
            temporary = target.with_name(f".{target.name}.tmp")
            temporary.write_text(contents[key], encoding="utf-8")
            temporary.replace(target)
    except OSError as error:
        raise InputError(f"cannot write the outputs ({error.strerror})", out_dir) from error
    return files
