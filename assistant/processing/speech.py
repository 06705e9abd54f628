"""Run the audio pipeline over a media plan, streaming: decode → VAD → chunk → transcribe, and
for mixed tracks voice windows → diarize → words attributed to speakers."""

from __future__ import annotations

import threading
from collections import defaultdict, deque
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

import numpy as np
import numpy.typing as npt

from assistant.config import Settings
from assistant.inputs.media import AudioSource, MediaPlan, plan_media
from assistant.transcript import Participant
from models.asr import ChunkRecognition, RecognitionOptions, SpeechRecognizer
from models.errors import InputError, NoAudioError, TooShortError
from models.segmentation import SpeakerSegmenter
from models.speaker import SpeakerEncoder
from models.voiceprint import VoiceprintEncoder
from pipelines.attribute import attribute_words
from pipelines.background import BackgroundStage
from pipelines.chunker import Chunker
from pipelines.diarize import (
    DiarizationOptions,
    SpeakerTurn,
    cluster_windows,
    join_language_switches,
    merge_clusters,
    turns_from_labels,
)
from pipelines.frames import AudioChunk, Frame, SpeechChunk, SpeechRegion, TranscribedSegment
from pipelines.resegment import ResegmentOptions, clean_windows, resegment
from pipelines.segmentation import LocalActivity, SegmentationStream
from pipelines.sources import file_audio
from pipelines.speaker_windows import SpeakerWindow, SpeakerWindowStream
from pipelines.stage import Chain, Fanout, Stage
from pipelines.transcribe import ChunkTranscriber
from pipelines.vad import ScoredAudio, SileroVad, VadOptions
from pipelines.voiceprints import SpeechAudio, cluster_prints, heard_apart

__all__ = [
    "DiarizedTrack",
    "FloatArray",
    "ProgressListener",
    "Span",
    "SpeechModels",
    "SpeechResult",
    "TrackVoices",
    "chunk_spans",
    "diarize_track",
    "main_language",
    "speaker_turns",
    "track_voices",
    "transcribe_plan",
    "vad_options",
    "voice_embedding",
    "voice_stages",
]

FloatArray = npt.NDArray[np.float32]
Span = tuple[str, float, float]
"""Speech of one participant: (participant id, start s, end s from meeting start)."""


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
    voiceprints: VoiceprintEncoder | None = None
    """Joins the voice clusters of one person across the recording; None keeps the fine
    clusters (one person returning may then be two speakers)."""


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
    speech: tuple[Span, ...] = ()
    """Who spoke when: diarization's turns on a mixed track, each track's voice activity
    otherwise (also where no word was recognised)."""


@dataclass(frozen=True, slots=True)
class DiarizedTrack:
    """A mixed track split into speakers."""

    segments: list[TranscribedSegment]
    """The track's segments, each attributed to one speaker."""
    participants: list[Participant]
    """The speakers found, numbered by first appearance; clusters left with no speech (no
    word attributed and under ``min_speaker_s`` of turns) are not among them."""
    voices: dict[str, FloatArray]
    """Mean voice embedding per participant id."""
    speech: list[Span]
    """The speakers' turns."""


@dataclass(slots=True)
class TrackVoices:
    """What a mixed track's diarization collects while the track streams by."""

    windows: list[SpeakerWindow] = field(default_factory=list)
    speech: list[tuple[float, float]] = field(default_factory=list)
    activities: list[LocalActivity] = field(default_factory=list)
    """The local segmentation windows, when the segmenter is loaded."""
    audio: SpeechAudio | None = None
    """The speech regions' audio, kept when voiceprints are to be made."""
    clustered: tuple[list[SpeakerTurn], dict[int, FloatArray]] | None = None
    """The speakers' turns and voiceprints, once worked out from the rest (``_turns_of``)."""

    def collect(self, frame: Frame) -> None:
        if isinstance(frame, SpeakerWindow):
            self.windows.append(frame)
        elif isinstance(frame, SpeechRegion):
            self.speech.append((frame.start_s, frame.end_s))
            if self.audio is not None:
                self.audio.add(frame)
        elif isinstance(frame, LocalActivity):
            self.activities.append(frame)


def vad_options(settings: Settings) -> VadOptions:
    vad = settings.vad
    return VadOptions(
        threshold=vad.threshold,
        min_speech_s=vad.min_speech_s,
        min_silence_s=vad.min_silence_s,
        speech_pad_s=vad.speech_pad_s,
        max_region_s=vad.max_region_s,
    )


def voice_stages(participant_id: str, models: SpeechModels, settings: Settings) -> list[Stage]:
    """Diarization's stages for one mixed track: voice windows, and the local segmentation
    when that model is loaded."""
    stages: list[Stage] = []
    if models.speaker_encoder is not None:
        # Diarization hears with its own, more sensitive VAD: a quiet far-field voice still
        # counts as a speaker turn, while transcription keeps the stricter one against noise.
        voice_vad = models.vad.stream(
            participant_id,
            replace(vad_options(settings), threshold=settings.diarization.vad_threshold),
        )
        embedder = SpeakerWindowStream(
            models.speaker_encoder, participant_id, settings.diarization.window_step_s
        )
        stages.append(Chain([voice_vad, embedder]))
    if models.segmenter is not None:
        step = settings.diarization.segmentation_step_s
        stages.append(SegmentationStream(models.segmenter, step, participant_id=participant_id))
    return stages


class _Exclusive:
    """A recogniser whose decodes never run while ``lock`` is held elsewhere."""

    def __init__(self, inner: SpeechRecognizer, lock: threading.Lock) -> None:
        self.name = inner.name
        self._inner = inner
        self._lock = lock

    def recognize(
        self, chunks: Sequence[FloatArray], options: RecognitionOptions
    ) -> list[ChunkRecognition]:
        with self._lock:
            return self._inner.recognize(chunks, options)


def _run_source(
    source: AudioSource,
    models: SpeechModels,
    settings: Settings,
    progress: ProgressListener,
    decoded_before_s: float,
    *,
    transcribe: bool = True,
    voices: TrackVoices | None = None,
) -> tuple[list[TranscribedSegment], float, list[Span]]:
    """One source through its participants' pipelines: VAD, chunks, the shared transcriber,
    and for a mixed track the voice stages. Returns the segments, the decoded length (s) and
    the speech the VAD found on each of the source's tracks."""
    options = RecognitionOptions(
        beam_size=settings.asr.beam_size,
        language=settings.asr.language,
        no_repeat_ngram_size=settings.asr.no_repeat_ngram_size,
        # In a process loaded for live meetings too, so an upload reads what analyze reads.
        in_parts=True,
    )
    last_transcribed: dict[str, float] = {}

    def transcribed(chunk: SpeechChunk) -> None:
        # A reread of skipped speech comes later than the chunks after it: progress holds.
        end = chunk.to_meeting_time(chunk.duration_s)
        last_transcribed[chunk.participant_id] = max(
            end, last_transcribed.get(chunk.participant_id, end)
        )
        progress.transcribed(decoded_before_s + min(last_transcribed.values()) - source.offset_s)

    # The voices are clustered beside the last decodes; the clustering's distance matrices
    # (about 290 MB on a 60-minute meeting) and a batch's decode are the two big transient
    # allocations: the one waits for the other. The 60-minute meeting's peak came where they
    # met (1443 and 1457 MiB under load 10-36); apart, 1311 MiB under the same load.
    exclusive = threading.Lock() if voices is not None and transcribe else None
    recognizer = (
        models.recognizer if exclusive is None else _Exclusive(models.recognizer, exclusive)
    )
    # One transcriber for the source's channels: the recogniser is shared, so they batch together.
    # It decodes on a thread of its own: while a batch decodes, this thread reads, VADs and
    # chunks the next audio and the voice stages get it, so neither waits for the decode and
    # the core a decode's shorter part leaves idle has work. Chunks and batches are the same,
    # in the same order; its progress is reported from this thread.
    done: deque[SpeechChunk] = deque()
    transcriber = BackgroundStage(
        ChunkTranscriber(
            recognizer, options, batch_size=settings.asr.batch_size, on_chunk=done.append
        ),
        (SpeechChunk,),
        max_pending=2 * settings.asr.batch_size,
        name="transcriber",
    )
    pipelines: dict[str, Stage] = {}
    backgrounds: dict[str, Stage] = {}
    threads: list[BackgroundStage] = []
    for index, pid in enumerate(source.participant_ids):
        speech: list[Stage] = []
        extra = voice_stages(pid, models, settings) if voices is not None and index == 0 else []
        if transcribe:
            # Words are lost where a quiet voice follows a loud one unless each region is also
            # judged from the silence before it; the voice stages' VAD is not: on 10 minutes
            # of the shared clips their clusters then took in more and 12 voices became 7.
            # Both VADs score the same windows from the same state: the voice stages get the
            # audio with this one's scores (``ScoredAudio``) and skip the model.
            vad = models.vad.stream(
                pid,
                replace(vad_options(settings), rescore_after_region=True),
                share_scores=bool(extra),
            )
            speech = [Chain([vad, Chunker(pid, settings.vad.max_chunk_s)])]
        if extra:
            # The voice stages need none of the words: on threads of their own they run beside
            # the transcriber instead of after it. One thread each (the segmentation costs
            # about twice the voice windows): on one together they finished after the last
            # decode, one core idle (10-minute meeting: 20.9 s of CPU on that thread against
            # 36 s for the decodes on two).
            threads.extend(
                BackgroundStage(stage, (AudioChunk,), name=f"voices-{pid}-{index}")
                for index, stage in enumerate(extra)
            )
            backgrounds[pid] = Fanout(threads[-len(extra) :])
        pipelines[pid] = Fanout(speech)
    segments: list[TranscribedSegment] = []
    heard: list[Span] = []

    def take(frames: list[Frame]) -> None:
        while done:
            transcribed(done.popleft())
        for frame in frames:
            if isinstance(frame, SpeechChunk):
                heard.extend(chunk_spans(frame))
                take(transcriber.push(frame))
            elif isinstance(frame, TranscribedSegment):
                segments.append(frame)
            elif voices is not None:
                voices.collect(frame)

    try:
        end_s = source.offset_s
        chunks = file_audio(
            source.path,
            source.participant_ids,
            offset_s=source.offset_s,
            block_s=settings.audio.decode_block_s,
        )
        for chunk in chunks:
            emitted = pipelines[chunk.participant_id].push(chunk)
            # The transcription VAD passes the audio on with its scores when the voice
            # stages are to read them.
            audio = next((f for f in emitted if isinstance(f, ScoredAudio)), chunk)
            take([f for f in emitted if f is not chunk and f is not audio])
            if chunk.participant_id in backgrounds:
                take(backgrounds[chunk.participant_id].push(audio))
            if chunk.end_s > end_s:
                end_s = chunk.end_s
                progress.decoded(decoded_before_s + end_s - source.offset_s)
        for pipeline in pipelines.values():
            take(pipeline.end_input())
        if voices is None or not transcribe:
            for background in backgrounds.values():
                take(background.end_input())
            take(transcriber.end_input())
        else:
            with ThreadPoolExecutor(1, thread_name_prefix="voices-clustering") as executor:
                # The voices are finished, clustered and voiceprinted beside the last
                # decodes: none of that needs the words either.
                clustering = executor.submit(
                    _end_voices, backgrounds.values(), voices, models, settings, exclusive
                )
                take(transcriber.end_input())
                voices.clustered = clustering.result()
    finally:
        transcriber.close()
        for thread in threads:
            thread.close()  # on failure: the voices' threads stop too
    return segments, end_s - source.offset_s, heard


def _end_voices(
    backgrounds: Iterable[Stage],
    voices: TrackVoices,
    models: SpeechModels,
    settings: Settings,
    exclusive: AbstractContextManager[object] | None = None,
) -> tuple[list[SpeakerTurn], dict[int, FloatArray]] | None:
    """End the voice stages, collect what they still held, and cluster the voices (None when
    no voice window came out); the clustering itself runs holding ``exclusive``."""
    for background in backgrounds:
        for frame in background.end_input():
            voices.collect(frame)
    return _turns_of(voices, models, settings, exclusive) if voices.windows else None


def chunk_spans(chunk: SpeechChunk) -> list[Span]:
    """The speech regions a chunk was made of, in meeting time."""
    positions = [position for position, _ in chunk.region_offsets] + [chunk.duration_s]
    return [
        (chunk.participant_id, start, start + positions[index + 1] - position)
        for index, (position, start) in enumerate(chunk.region_offsets)
    ]


def transcribe_plan(
    plan: MediaPlan,
    models: SpeechModels,
    settings: Settings,
    progress: ProgressListener | None = None,
) -> SpeechResult:
    listener = progress or _Silent()
    segments: list[TranscribedSegment] = []
    participants: list[Participant] = []
    voices: dict[str, FloatArray] = {}
    speech: list[Span] = []
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
        collected = track_voices(models) if diarizing and source.mixed else None
        source_segments, length, source_speech = _run_source(
            source, models, settings, listener, done_before, voices=collected
        )
        lengths[str(source.path)] = length
        _check_length(source, length, settings.audio.min_duration_s)
        done_before += length
        listener.transcribed(done_before)
        own = [p for p in plan.participants if p.id in source.participant_ids]
        diarized = None
        if collected is not None and collected.windows:
            diarized = diarize_track(
                source_segments, collected, models, settings, len(participants)
            )
        if diarized is not None:
            source_segments, own, source_speech = (
                diarized.segments,
                diarized.participants,
                diarized.speech,
            )
            voices.update(diarized.voices)
        segments.extend(source_segments)
        participants.extend(own)
        speech.extend(source_speech)
    return _result(plan, participants, segments, lengths, voices, speech)


def _result(
    plan: MediaPlan,
    participants: list[Participant],
    segments: list[TranscribedSegment],
    lengths: dict[str, float],
    voices: dict[str, FloatArray],
    speech: list[Span],
) -> SpeechResult:
    duration = max(
        (source.offset_s + lengths.get(str(source.path), 0.0) for source in plan.sources),
        default=0.0,
    )
    return SpeechResult(
        participants=tuple(participants),
        segments=tuple(sorted(segments, key=lambda s: (s.start, s.participant_id))),
        duration_s=duration,
        language=main_language(segments),
        voices=voices,
        speech=tuple(speech),
    )


def main_language(segments: Sequence[TranscribedSegment]) -> str | None:
    """The language with the most recognised speech."""
    durations: defaultdict[str, float] = defaultdict(float)
    for segment in segments:
        durations[segment.language] += segment.end - segment.start
    return max(durations, key=durations.__getitem__) if durations else None


def track_voices(models: SpeechModels) -> TrackVoices:
    """An empty collection for one mixed track, keeping the speech's audio when voiceprints
    are to be made from it (they join the clusters of one voice heard apart)."""
    return TrackVoices(audio=SpeechAudio() if models.voiceprints is not None else None)


def diarize_track(
    segments: list[TranscribedSegment],
    collected: TrackVoices,
    models: SpeechModels,
    settings: Settings,
    numbered_before: int,
) -> DiarizedTrack | None:
    """Split a mixed track's segments into speakers; None when diarization found no speaker
    (the track then stays one participant, its voice activity its turns)."""
    turns, prints = collected.clustered or _turns_of(collected, models, settings)
    if not turns:
        return None
    if prints:
        # A voice carrying on in another language is told apart from another person by what
        # the words say: only the transcript knows the languages.
        count = max(turn.speaker for turn in turns) + 1
        named = attribute_words(segments, turns, [str(i) for i in range(count)])
        languages = _languages_of(named, [str(i) for i in range(count)])
        turns = join_language_switches(turns, languages, prints, _diarization_options(settings))
    clusters = list(dict.fromkeys(turn.speaker for turn in turns))
    count = max(clusters) + 1
    attributed = attribute_words(segments, turns, [str(i) for i in range(count)])
    words: defaultdict[int, int] = defaultdict(int)
    for segment in attributed:
        words[int(segment.participant_id)] += len(segment.words) or len(segment.text.split())
    seconds: defaultdict[int, float] = defaultdict(float)
    for turn in turns:
        seconds[turn.speaker] += turn.end - turn.start
    # A cluster with no word and less speech than a speaker needs is a ghost (a cough, a
    # burst of crosstalk): not a participant, and its turns go with it.
    kept = [c for c in clusters if words[c] > 0 or seconds[c] >= settings.diarization.min_speaker_s]
    if not kept:
        return None
    ids = {c: f"speaker-{numbered_before + i + 1}" for i, c in enumerate(kept)}
    participants = [
        Participant(pid, f"Speaker {numbered_before + i + 1}", name_source="placeholder")
        for i, pid in enumerate(ids.values())
    ]
    # Only wordless segments can belong to a dropped cluster.
    attributed = [
        replace(s, participant_id=ids[int(s.participant_id)])
        for s in attributed
        if int(s.participant_id) in ids
    ]
    centres = np.array([(w.start_s + w.end_s) / 2 for w in collected.windows])
    embeddings = np.stack([w.embedding for w in collected.windows])
    voices: dict[str, FloatArray] = {}
    for index, pid in ids.items():
        # One speaker's turns never overlap each other: the last one starting at or before a
        # window's centre is the only one that can hold it.
        starts = np.array([t.start for t in turns if t.speaker == index])
        ends = np.array([t.end for t in turns if t.speaker == index])
        if not len(starts):
            continue
        last = np.searchsorted(starts, centres, side="right") - 1
        inside = (last >= 0) & (centres <= ends[np.maximum(last, 0)])
        if inside.any():
            mean = embeddings[inside].mean(axis=0)
            voices[pid] = (mean / np.linalg.norm(mean)).astype(np.float32)
    speech = [(ids[t.speaker], t.start, t.end) for t in turns if t.speaker in ids]
    return DiarizedTrack(attributed, participants, voices, speech)


_LANGUAGE_SHARE = 0.7
"""A speaker has a language when at least this share of their words' time is in it."""


def _languages_of(segments: Sequence[TranscribedSegment], ids: Sequence[str]) -> dict[int, str]:
    seconds: defaultdict[str, defaultdict[str, float]] = defaultdict(lambda: defaultdict(float))
    for segment in segments:
        seconds[segment.participant_id][segment.language] += segment.end - segment.start
    out = {}
    for index, pid in enumerate(ids):
        spoken = seconds.get(pid)
        if spoken:
            language = max(spoken, key=spoken.__getitem__)
            if spoken[language] >= _LANGUAGE_SHARE * sum(spoken.values()):
                out[index] = language
    return out


def _diarization_options(settings: Settings) -> DiarizationOptions:
    return DiarizationOptions(
        threshold=settings.diarization.threshold,
        min_speaker_s=settings.diarization.min_speaker_s,
        num_speakers=settings.diarization.num_speakers,
        overlap_share=settings.diarization.overlap_share,
        voiceprint_similarity=settings.diarization.voiceprint_similarity,
    )


def _voices_of(path: Path, models: SpeechModels, settings: Settings) -> TrackVoices:
    """Voice windows and speech spans of a whole file, taken as one mixed track."""
    collected = track_voices(models)
    source = plan_media(path, settings.audio).sources[0]
    source = replace(source, participant_ids=source.participant_ids[:1], mixed=True)
    _run_source(source, models, settings, _Silent(), 0.0, transcribe=False, voices=collected)
    return collected


def speaker_turns(path: Path, models: SpeechModels, settings: Settings) -> list[SpeakerTurn]:
    """Who spoke when in one mixed recording, without transcribing it (for scoring; with no
    words, a voice that changes language stays two speakers)."""
    return _turns_of(_voices_of(path, models, settings), models, settings)[0]


def _turns_of(
    collected: TrackVoices,
    models: SpeechModels,
    settings: Settings,
    exclusive: AbstractContextManager[object] | None = None,
) -> tuple[list[SpeakerTurn], dict[int, FloatArray]]:
    """The speakers' turns, and each speaker's voiceprint when the voiceprint model is loaded;
    the windows' clustering (the memory-heavy step) runs holding ``exclusive``."""
    clustering = _diarization_options(settings)
    diarization = settings.diarization
    options = ResegmentOptions(
        speech_margin=diarization.speech_margin, overlap_margin=diarization.overlap_margin
    )
    windows: Sequence[SpeakerWindow] = collected.windows
    if not windows:
        return [], {}
    segmenter, activities = models.segmenter, collected.activities
    if segmenter is not None and activities:
        windows = clean_windows(windows, activities, segmenter.geometry, options)
    with exclusive or nullcontext():
        labels = cluster_windows(windows, clustering)
    prints: dict[int, FloatArray] = {}
    if models.voiceprints is not None and collected.audio is not None:
        fine, seconds = cluster_prints(windows, labels, collected.audio, models.voiceprints)
        apart = (
            heard_apart(windows, labels, activities, segmenter.geometry)
            if segmenter is not None
            else np.zeros((len(fine), len(fine)), dtype=bool)
        )
        merged = merge_clusters(labels, fine, seconds, apart, clustering)
        for speaker in range(int(merged.max()) + 1):
            parts = np.unique(labels[merged == speaker])
            total = (fine[parts] * seconds[parts, None]).sum(axis=0)
            if np.linalg.norm(total) > 0:
                prints[speaker] = (total / np.linalg.norm(total)).astype(np.float32)
        labels = merged
    turns = turns_from_labels(windows, collected.speech, labels, clustering)
    if segmenter is not None and activities:
        turns = resegment(turns, activities, segmenter.geometry, options)
    return turns, prints


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
