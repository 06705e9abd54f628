"""Run the audio pipeline over a media plan: decode → VAD → chunk → transcribe, streaming."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from models.asr import RecognitionOptions, SpeechRecognizer
from pipelines.chunker import Chunker
from pipelines.decode import ChannelMode, decode_audio
from pipelines.frames import SAMPLE_RATE, AudioChunk, SpeechChunk, TranscribedSegment
from pipelines.transcribe import transcribe_chunks
from pipelines.vad import SileroVad, VadOptions

from .config import Settings
from .errors import NoAudioError, TooShortError
from .inputs import AudioSource, MediaPlan

__all__ = ["ProgressListener", "SpeechModels", "SpeechResult", "transcribe_plan"]


class ProgressListener(Protocol):
    def decoded(self, seconds: float) -> None:
        """More audio (s of meeting time, summed over files) has been decoded."""

    def transcribed(self, seconds: float) -> None:
        """Audio up to this much (s, summed over files) has been transcribed."""


class _Silent:
    def decoded(self, seconds: float) -> None:
        pass

    def transcribed(self, seconds: float) -> None:
        pass


@dataclass(frozen=True, slots=True)
class SpeechModels:
    """The heavy, shared models: loaded once, used by every stream."""

    recognizer: SpeechRecognizer
    vad: SileroVad


@dataclass(frozen=True, slots=True)
class SpeechResult:
    segments: tuple[TranscribedSegment, ...]
    duration_s: float
    """Longest decoded track, offset included (s)."""
    language: str | None
    """The language with the most recognised speech."""


def _speech_chunks(
    source: AudioSource,
    models: SpeechModels,
    settings: Settings,
    progress: ProgressListener,
    decoded_before_s: float,
    lengths: dict[str, float],
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
    mode: ChannelMode = "split" if len(source.participant_ids) == 2 else "mixdown"
    position = 0
    for block in decode_audio(source.path, channels=mode, block_s=settings.audio.decode_block_s):
        start_s = source.offset_s + position / SAMPLE_RATE
        for channel, pid in enumerate(source.participant_ids):
            stream, chunker = streams[channel], chunkers[channel]
            for region in stream.push(AudioChunk(pid, start_s, block[channel])):
                yield from chunker.push(region)
        position += block.shape[1]
        progress.decoded(decoded_before_s + position / SAMPLE_RATE)
    for stream, chunker in zip(streams, chunkers, strict=True):
        for region in stream.flush():
            yield from chunker.push(region)
        yield from chunker.flush()
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
    lengths: dict[str, float] = {}
    done_before = 0.0
    for source in plan.sources:
        declared = source.info.duration_s
        if declared is not None and 0 < declared < settings.audio.min_duration_s:
            raise TooShortError(
                f"audio is only {declared:.1f} s long; at least "
                f"{settings.audio.min_duration_s:.0f} s is needed to analyse a meeting",
                source.path,
            )
        chunks = _speech_chunks(source, models, settings, listener, done_before, lengths)
        for chunk, chunk_segments in transcribe_chunks(
            chunks, models.recognizer, options, batch_size=settings.asr.batch_size
        ):
            segments.extend(chunk_segments)
            listener.transcribed(done_before + chunk.start_s - source.offset_s + chunk.duration_s)
        length = lengths.get(str(source.path), 0.0)
        _check_length(source, length, settings.audio.min_duration_s)
        done_before += length
        listener.transcribed(done_before)
    durations: defaultdict[str, float] = defaultdict(float)
    for segment in segments:
        durations[segment.language] += segment.end - segment.start
    duration = max(
        (source.offset_s + lengths.get(str(source.path), 0.0) for source in plan.sources),
        default=0.0,
    )
    return SpeechResult(
        segments=tuple(sorted(segments, key=lambda s: (s.start, s.participant_id))),
        duration_s=duration,
        language=max(durations, key=durations.__getitem__) if durations else None,
    )


def _check_length(source: AudioSource, length_s: float, minimum_s: float) -> None:
    if length_s == 0:
        raise NoAudioError("the audio track holds no samples (zero-length audio)", source.path)
    if length_s < minimum_s:
        raise TooShortError(
            f"audio is only {length_s:.1f} s long; at least {minimum_s:.0f} s is needed to "
            "analyse a meeting",
            source.path,
        )
