"""Run the audio pipeline over a media plan, streaming: decode → VAD → chunk → transcribe, and
for mixed tracks voice windows → diarize → words attributed to speakers."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

import numpy as np
import numpy.typing as npt

from assistant.config import Settings
from assistant.inputs.media import AudioSource, MediaPlan, plan_media
from assistant.transcript import Participant
from models.asr import RecognitionOptions, SpeechRecognizer
from models.errors import InputError, NoAudioError, TooShortError
from models.segmentation import SpeakerSegmenter
from models.speaker import SpeakerEncoder
from pipelines.attribute import attribute_words
from pipelines.chunker import Chunker
from pipelines.decode import ChannelMode, decode_audio
from pipelines.diarize import DiarizationOptions, SpeakerTurn, diarize
from pipelines.frames import (
    SAMPLE_RATE,
    AudioChunk,
    SpeechChunk,
    SpeechRegion,
    TranscribedSegment,
)
from pipelines.resegment import ResegmentOptions, clean_windows, resegment
from pipelines.segmentation import LocalActivity, SegmentationStream
from pipelines.speaker_windows import SpeakerWindow, SpeakerWindowStream
from pipelines.transcribe import transcribe_chunks
from pipelines.vad import SileroVad, VadOptions

__all__ = [
    "FloatArray",
    "ProgressListener",
    "SpeechModels",
    "SpeechResult",
    "speaker_turns",
    "transcribe_plan",
    "voice_embedding",
]

FloatArray = npt.NDArray[np.float32]


class ProgressListener(Protocol):
    def decoded(self, seconds: float) -> None:
        """More audio (s of meeting time, summed over files) has been decoded."""

    def transcribed(self, seconds: float) -> None:
        """Audio up to this much (s, summed over files) has been transcribed."""

    def watched(self, seconds: float) -> None:
        """Video up to this much (s, summed over files with video) has been analysed."""


class _Silent:
    def decoded(self, seconds: float) -> None:
        pass

    def transcribed(self, seconds: float) -> None:
        pass

    def watched(self, seconds: float) -> None:
        pass


@dataclass(frozen=True, slots=True)
class SpeechModels:
    """The heavy, shared models: loaded once, used by every stream."""

    recognizer: SpeechRecognizer
    vad: SileroVad
    speaker_encoder: SpeakerEncoder | None = None
    """Needed to split mixed tracks into speakers; None turns that off."""
    segmenter: SpeakerSegmenter | None = None
    """Refines the speakers' turns with overlap and quiet speech; None keeps the clusters' own."""


@dataclass(frozen=True, slots=True)
class SpeechResult:
    participants: tuple[Participant, ...]
    """The plan's participants, each mixed track replaced by the speakers found in it."""
    segments: tuple[TranscribedSegment, ...]
    duration_s: float
    """Longest decoded track, offset included (s)."""
    language: str | None
    """The language with the most recognised speech."""
    voices: dict[str, FloatArray] = field(default_factory=dict)
    """Mean voice embedding of each diarized speaker, by participant id."""


@dataclass(slots=True)
class _SourceVoices:
    """What a mixed track's diarization collects while the track streams by."""

    windows: list[SpeakerWindow] = field(default_factory=list)
    speech: list[tuple[float, float]] = field(default_factory=list)
    activities: list[LocalActivity] = field(default_factory=list)
    """The local segmentation windows, when the segmenter is loaded."""


def _speech_chunks(
    source: AudioSource,
    models: SpeechModels,
    settings: Settings,
    progress: ProgressListener,
    decoded_before_s: float,
    lengths: dict[str, float],
    voices: _SourceVoices | None,
) -> Iterator[SpeechChunk]:
    vad_options = VadOptions(
        threshold=settings.vad.threshold,
        min_speech_s=settings.vad.min_speech_s,
        min_silence_s=settings.vad.min_silence_s,
        speech_pad_s=settings.vad.speech_pad_s,
        max_region_s=settings.vad.max_region_s,
    )
    streams = [models.vad.stream(pid, vad_options) for pid in source.participant_ids]
    chunkers = [Chunker(pid, settings.vad.max_chunk_s) for pid in source.participant_ids]
    voice_stage = None
    if voices is not None and models.speaker_encoder is not None:
        # Diarization hears with its own, more sensitive VAD: a quiet far-field voice still
        # counts as a speaker turn, while transcription keeps the stricter one against noise.
        voice_vad = models.vad.stream(
            source.participant_ids[0],
            replace(vad_options, threshold=settings.diarization.vad_threshold),
        )
        embedder = SpeakerWindowStream(
            models.speaker_encoder, source.participant_ids[0], settings.diarization.window_step_s
        )
        voice_stage = (voice_vad, embedder, voices)
    segmentation = None
    if voices is not None and models.segmenter is not None:
        windows = SegmentationStream(models.segmenter, settings.diarization.segmentation_step_s)
        segmentation = (windows, voices.activities)

    def collect_voices(regions: list[SpeechRegion]) -> None:
        if voice_stage is not None:
            _, embedder, collected = voice_stage
            for region in regions:
                collected.windows.extend(embedder.push(region))
                collected.speech.append((region.start_s, region.end_s))

    mode: ChannelMode = "split" if len(source.participant_ids) == 2 else "mixdown"
    position = 0
    for block in decode_audio(source.path, channels=mode, block_s=settings.audio.decode_block_s):
        start_s = source.offset_s + position / SAMPLE_RATE
        for channel, pid in enumerate(source.participant_ids):
            stream, chunker = streams[channel], chunkers[channel]
            chunk = AudioChunk(pid, start_s, block[channel])
            for region in stream.push(chunk):
                yield from chunker.push(region)
            if voice_stage is not None:
                collect_voices(voice_stage[0].push(chunk))
            if segmentation is not None and channel == 0:
                segmentation[1].extend(segmentation[0].push(chunk))
        position += block.shape[1]
        progress.decoded(decoded_before_s + position / SAMPLE_RATE)
    for stream, chunker in zip(streams, chunkers, strict=True):
        for region in stream.flush():
            yield from chunker.push(region)
        yield from chunker.flush()
    if voice_stage is not None:
        collect_voices(voice_stage[0].flush())
    if segmentation is not None:
        segmentation[1].extend(segmentation[0].flush())
    lengths[str(source.path)] = position / SAMPLE_RATE


def transcribe_plan(
    plan: MediaPlan,
    models: SpeechModels,
    settings: Settings,
    progress: ProgressListener | None = None,
) -> SpeechResult:
    listener = progress or _Silent()
    options = RecognitionOptions(beam_size=settings.asr.beam_size, language=settings.asr.language)
    segments: list[TranscribedSegment] = []
    participants: list[Participant] = []
    voices: dict[str, FloatArray] = {}
    lengths: dict[str, float] = {}
    done_before = 0.0
    diarizing = settings.diarization.enabled and models.speaker_encoder is not None
    for source in plan.sources:
        declared = source.info.duration_s
        if declared is not None and 0 < declared < settings.audio.min_duration_s:
            raise TooShortError(
                f"audio is only {declared:.1f} s long; at least "
                f"{settings.audio.min_duration_s:.0f} s is needed to analyse a meeting",
                source.path,
            )
        collected = _SourceVoices() if diarizing and source.mixed else None
        chunks = _speech_chunks(source, models, settings, listener, done_before, lengths, collected)
        source_segments: list[TranscribedSegment] = []
        for chunk, chunk_segments in transcribe_chunks(
            chunks, models.recognizer, options, batch_size=settings.asr.batch_size
        ):
            source_segments.extend(chunk_segments)
            listener.transcribed(done_before + chunk.start_s - source.offset_s + chunk.duration_s)
        length = lengths.get(str(source.path), 0.0)
        _check_length(source, length, settings.audio.min_duration_s)
        done_before += length
        listener.transcribed(done_before)
        own = [p for p in plan.participants if p.id in source.participant_ids]
        if collected is not None and collected.windows:
            source_segments, own, found = _diarize(
                source_segments, collected, models, settings, len(participants)
            )
            voices.update(found)
        segments.extend(source_segments)
        participants.extend(own)
    durations: defaultdict[str, float] = defaultdict(float)
    for segment in segments:
        durations[segment.language] += segment.end - segment.start
    duration = max(
        (source.offset_s + lengths.get(str(source.path), 0.0) for source in plan.sources),
        default=0.0,
    )
    return SpeechResult(
        participants=tuple(participants),
        segments=tuple(sorted(segments, key=lambda s: (s.start, s.participant_id))),
        duration_s=duration,
        language=max(durations, key=durations.__getitem__) if durations else None,
        voices=voices,
    )


def _diarize(
    segments: list[TranscribedSegment],
    collected: _SourceVoices,
    models: SpeechModels,
    settings: Settings,
    numbered_before: int,
) -> tuple[list[TranscribedSegment], list[Participant], dict[str, FloatArray]]:
    turns = _turns_of(collected, models, settings)
    count = max((turn.speaker for turn in turns), default=-1) + 1
    ids = [f"speaker-{numbered_before + i + 1}" for i in range(count)]
    participants = [
        Participant(pid, f"Speaker {numbered_before + i + 1}", name_source="placeholder")
        for i, pid in enumerate(ids)
    ]
    attributed = attribute_words(segments, turns, ids)
    centres = np.array([(w.start_s + w.end_s) / 2 for w in collected.windows])
    embeddings = np.stack([w.embedding for w in collected.windows])
    voices: dict[str, FloatArray] = {}
    for index, pid in enumerate(ids):
        # One speaker's turns never overlap each other: the last one starting at or before a
        # window's centre is the only one that can hold it.
        starts = np.array([t.start for t in turns if t.speaker == index])
        ends = np.array([t.end for t in turns if t.speaker == index])
        last = np.searchsorted(starts, centres, side="right") - 1
        inside = (last >= 0) & (centres <= ends[np.maximum(last, 0)])
        if inside.any():
            mean = embeddings[inside].mean(axis=0)
            voices[pid] = (mean / np.linalg.norm(mean)).astype(np.float32)
    return attributed, participants, voices


def _diarization_options(settings: Settings) -> DiarizationOptions:
    return DiarizationOptions(
        threshold=settings.diarization.threshold,
        min_speaker_s=settings.diarization.min_speaker_s,
        num_speakers=settings.diarization.num_speakers,
        overlap_share=settings.diarization.overlap_share,
    )


def _voices_of(path: Path, models: SpeechModels, settings: Settings) -> _SourceVoices:
    """Voice windows and speech spans of a whole file, taken as one mixed track."""
    collected = _SourceVoices()
    source = plan_media(path, settings.audio).sources[0]
    source = replace(source, participant_ids=source.participant_ids[:1], mixed=True)
    for _ in _speech_chunks(source, models, settings, _Silent(), 0.0, {}, collected):
        pass
    return collected


def speaker_turns(path: Path, models: SpeechModels, settings: Settings) -> list[SpeakerTurn]:
    """Who spoke when in one mixed recording, without transcribing it (for scoring)."""
    return _turns_of(_voices_of(path, models, settings), models, settings)


def _turns_of(
    collected: _SourceVoices, models: SpeechModels, settings: Settings
) -> list[SpeakerTurn]:
    clustering = _diarization_options(settings)
    if models.segmenter is None or not collected.activities:
        return diarize(collected.windows, collected.speech, clustering)
    diarization = settings.diarization
    options = ResegmentOptions(
        speech_margin=diarization.speech_margin, overlap_margin=diarization.overlap_margin
    )
    geometry, activities = models.segmenter.geometry, collected.activities
    windows = clean_windows(collected.windows, activities, geometry, options)
    turns = diarize(windows, collected.speech, clustering)
    return resegment(turns, activities, geometry, options)


def voice_embedding(path: Path, models: SpeechModels, settings: Settings) -> FloatArray:
    """The mean voice embedding of a sample recording of one person."""
    if models.speaker_encoder is None:
        raise InputError("voice samples need speaker attribution (MA_DIARIZATION__ENABLED)", path)
    # Only the voice windows are needed: no segmentation for a one-person sample.
    windows = _voices_of(path, replace(models, segmenter=None), settings).windows
    if not windows:
        raise NoAudioError("the voice sample holds no speech", path)
    mean = np.mean([window.embedding for window in windows], axis=0)
    return np.asarray(mean / np.linalg.norm(mean), dtype=np.float32)


def _check_length(source: AudioSource, length_s: float, minimum_s: float) -> None:
    if length_s == 0:
        raise NoAudioError("the audio track holds no samples (zero-length audio)", source.path)
    if length_s < minimum_s:
        raise TooShortError(
            f"audio is only {length_s:.1f} s long; at least {minimum_s:.0f} s is needed to "
            "analyse a meeting",
            source.path,
        )
