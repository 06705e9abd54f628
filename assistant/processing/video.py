"""Run the video half over a media plan: per participant, a 1-second timeline and the
engagement figures (``assistant.analytics.engagement``).

- a source with one participant (a webcam recording, ``alice.mp4`` in a folder of per-person
  files): that participant's stream is the whole picture;
- a source with several participants (a gallery-view recording): faces are tracked and linked
  to participants by active-speaker detection; a participant no face could be linked to gets
  ``engagement: null``.

Audio-only sources give ``None`` (no video, never zeros). Inference is blocking: call this off
any event loop.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence

from assistant.analytics.engagement import Engagement, speaking_seconds, summarize_engagement
from assistant.config import VideoSettings
from assistant.inputs.media import AudioSource, MediaPlan
from assistant.transcript import SpeechTurn, Transcript, turns_of
from models.vision import VisionModels, VisionStream
from pipelines.frames import SecondFeatures, VideoFrame
from pipelines.video.decode import probe_video, sample_frames
from pipelines.video.gallery import GalleryResult, analyse_gallery, link_tracks
from pipelines.video.observe import PersonObserver
from pipelines.video.seconds import SecondAggregator

__all__ = ["analyse_plan_video", "gallery_timelines", "person_timeline", "source_timelines"]


def source_timelines(
    source: AudioSource,
    participant_ids: Sequence[str],
    turns: Sequence[SpeechTurn],
    settings: VideoSettings,
    models: VisionModels,
    progress: Callable[[float], None] | None = None,
) -> dict[str, list[SecondFeatures]]:
    """Timelines for the participants of one source that could be seen; {} for audio only.
    One participant: the whole picture is theirs; several: a gallery view. ``progress`` hears
    how far (s into this file) the analysis has come."""
    info = probe_video(source.path)
    if info is None:
        return {}
    end = None if info.duration_s is None else source.offset_s + info.duration_s
    frames = sample_frames(
        source.path,
        participant_ids[0],
        fps=settings.fps,
        offset_s=source.offset_s,
        max_width=settings.max_width,
    )
    if progress is not None:
        frames = _reporting(frames, progress, source.offset_s)
    if len(participant_ids) == 1:
        pid = participant_ids[0]
        return {pid: person_timeline(frames, models, pid, source.offset_s, end)}
    result = gallery_timelines(
        frames,
        models,
        start_s=source.offset_s,
        end_s=end,
        min_track_share=settings.gallery_min_track_share,
    )
    speaking = {pid: speaking_seconds(turns, pid) for pid in participant_ids}
    links = link_tracks(result.timelines, speaking)
    return {pid: result.timelines[track] for pid, track in links.items()}


def person_timeline(
    frames: Iterable[VideoFrame],
    models: VisionModels,
    participant_id: str,
    start_s: float = 0.0,
    end_s: float | None = None,
) -> list[SecondFeatures]:
    """One person's timeline: the whole picture is theirs, observed by one model stream."""
    stream = models.stream()
    try:
        observations = PersonObserver(stream).run(frames)
        return SecondAggregator(participant_id, start_s, end_s=end_s).run(observations)
    finally:
        stream.close()


def gallery_timelines(
    frames: Iterable[VideoFrame],
    models: VisionModels,
    *,
    start_s: float,
    end_s: float | None,
    min_track_share: float = 0.25,
) -> GalleryResult:
    """``analyse_gallery`` with a model stream for the detector and one per face track, all
    closed at the end."""
    detector = models.stream()
    streams: list[VisionStream] = []

    def make_graphs() -> VisionStream:
        stream = models.stream()
        streams.append(stream)
        return stream

    try:
        return analyse_gallery(
            frames,
            detector,
            make_graphs,
            start_s=start_s,
            end_s=end_s,
            min_track_share=min_track_share,
        )
    finally:
        detector.close()
        for stream in streams:
            stream.close()


def _reporting(
    frames: Iterator[VideoFrame], progress: Callable[[float], None], offset_s: float
) -> Iterator[VideoFrame]:
    for frame in frames:
        progress(frame.start_s - offset_s)
        yield frame


def analyse_plan_video(
    plan: MediaPlan,
    transcript: Transcript,
    settings: VideoSettings,
    models: VisionModels | None = None,
    progress: Callable[[float], None] | None = None,
) -> dict[str, Engagement | None]:
    """Engagement per participant of the transcript (None: no video of them).

    With one source, every participant of the transcript may be in its picture (speakers found
    in one recording); with a folder of per-person files, each file's video is its own person.
    """
    ids = [p.id for p in transcript.participants]
    turns = turns_of(transcript)
    result: dict[str, Engagement | None] = dict.fromkeys(ids)
    if not settings.enabled:
        return result
    done_s = 0.0
    for source in plan.sources:
        if not source.info.has_video:
            continue
        report = None if progress is None else (lambda t, before=done_s: progress(before + t))
        present = ids if len(plan.sources) == 1 else [i for i in source.participant_ids if i in ids]
        if not present:
            continue
        models = models or VisionModels.load()
        timelines = source_timelines(source, present, turns, settings, models, report)
        done_s += source.info.duration_s or 0.0
        for pid, timeline in timelines.items():
            result[pid] = summarize_engagement(timeline, speaking_seconds(turns, pid))
    return result
