"""Loading the speech models, kept apart from the analysis so that a process can load them
on one thread while it imports the rest of the analysis on another."""

from __future__ import annotations

import math
import os
from typing import TYPE_CHECKING

from assistant.config import Settings

if TYPE_CHECKING:
    from assistant.inputs.media import MediaPlan
    from assistant.processing.speech import SpeechModels

__all__ = ["audio_length", "load_speech_models"]


def load_speech_models(
    settings: Settings, *, live: bool = False, audio_s: float | None = None
) -> SpeechModels:
    """Load the recogniser and the VAD once; callers share the result.

    ``live``: the process follows live meetings, whose caption decodes run beside transcript
    decodes and beside each other, so faster-whisper gets ``asr.workers`` CTranslate2 workers
    and, unless ``asr.cpu_threads`` says otherwise, the cores split among them; a process that
    only analyses decodes one batch at a time, cut into one part per core (at most
    ``asr.batch_size``), each on a single-threaded worker of its own (unless
    ``asr.cpu_threads`` is set: then one worker with that many threads).

    ``audio_s``: the length of all the audio this process will analyse (s), when known. Audio
    that fills fewer half windows than there would be workers, with no voice model beside the
    recogniser (diarization off), gets one worker with all the cores instead: a single window
    would otherwise be decoded on one core while the others wait."""
    from assistant.processing.speech import SpeechModels
    from models.asr import FasterWhisperRecognizer, OpenAIWhisperRecognizer, SpeechRecognizer
    from models.segmentation import SpeakerSegmenter
    from models.speaker import SpeakerEncoder
    from models.voiceprint import VoiceprintEncoder
    from models.weights import resolve_faster_whisper_model, resolve_openai_whisper_checkpoint
    from pipelines.vad import SileroVad

    recognizer: SpeechRecognizer
    split = not live and not settings.asr.cpu_threads
    if live:
        workers = settings.asr.workers
    else:
        workers = min(_cores(), settings.asr.batch_size) if split else 1
    if split and audio_s is not None and not settings.diarization.enabled:
        # Counted in half windows: past that, speech mostly fills more than one window (with
        # a reread), and the decoder's many small steps lose more to a second thread than the
        # encoder gains (the phone call's 30 s: 4.4 s wall on one worker with two threads, 3.9
        # on two single-threaded workers; jfk's 11 s: 2.4 against 2.65).
        windows = math.ceil(audio_s / (settings.vad.max_chunk_s / 2))
        if windows < workers:
            split, workers = False, 1
    if settings.asr.engine == "openai-whisper":
        recognizer = OpenAIWhisperRecognizer(
            resolve_openai_whisper_checkpoint(settings.asr.model, settings.cache_dir),
            device=settings.asr.device,
        )
    else:
        recognizer = FasterWhisperRecognizer(
            resolve_faster_whisper_model(settings.asr.model, settings.cache_dir),
            device=settings.asr.device,
            compute_type=settings.asr.compute_type,
            cpu_threads=settings.asr.cpu_threads or (_cores() // workers if workers > 1 else 0),
            workers=workers,
            split_batches=split and workers > 1,
        )
    diarization = settings.diarization
    encoder = SpeakerEncoder() if diarization.enabled else None
    segmenter = SpeakerSegmenter() if diarization.enabled and diarization.resegment else None
    voiceprints = None
    if diarization.enabled and diarization.voiceprints:
        import torch

        # With single-threaded torch ops (beside faster-whisper) a voiceprint per core at once.
        voiceprints = VoiceprintEncoder(workers=max(1, _cores() // torch.get_num_threads()))
    vad = SileroVad(
        intra_op_threads=settings.threads.onnx_intra_op,
        inter_op_threads=settings.threads.onnx_inter_op,
    )
    return SpeechModels(
        recognizer=recognizer,
        vad=vad,
        speaker_encoder=encoder,
        segmenter=segmenter,
        voiceprints=voiceprints,
    )


def audio_length(plan: MediaPlan) -> float | None:
    """All the audio of ``plan`` to analyse (s, every source's), or None when some length is
    unknown."""
    lengths = [source.info.duration_s for source in plan.sources]
    return None if None in lengths else sum(length or 0.0 for length in lengths)


def _cores() -> int:
    """Cores this process may run on (its affinity, as a container or taskset sets it)."""
    return max(1, len(os.sched_getaffinity(0)))
