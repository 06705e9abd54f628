"""Voice-activity detection: Silero VAD (the ONNX model shipped inside faster-whisper), streaming.

``SileroVad`` holds the shared ONNX session; each participant gets a ``VadStream`` that owns
the recurrent state and the audio it still needs, so streams never share state.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import numpy as np
import numpy.typing as npt

from models.errors import ModelUnavailableError

from .frames import SAMPLE_RATE, AudioChunk, Frame, InputEnd, SpeechRegion, VoiceActivity
from .stage import Stage

__all__ = ["ScoredAudio", "SileroVad", "VadModel", "VadOptions", "VadStream"]

FloatArray = npt.NDArray[np.float32]
WINDOW = 512
"""Samples per VAD decision (32 ms at 16 kHz), fixed by the model."""
_CONTEXT = 64
_FRESH_WINDOWS = 32
"""Windows scored at a time from the fresh state (about 1 s)."""


@dataclass(frozen=True, slots=True)
class VadOptions:
    threshold: float = 0.5
    """Speech probability that starts or continues speech."""
    min_speech_s: float = 0.0
    """Regions shorter than this (s) are dropped as clicks and coughs."""
    min_silence_s: float = 0.6
    """Silence that ends a region (s)."""
    speech_pad_s: float = 0.2
    """Audio kept on each side of a region (s)."""
    max_region_s: float = 28.0
    """Longer speech is split, at the quietest recent moment (s)."""
    rescore_after_region: bool = False
    """Also score each window from a state reset when a region closes (see ``VadStream``)."""


def _silent_state() -> tuple[FloatArray, FloatArray]:
    return np.zeros((1, 1, 128), np.float32), np.zeros((1, 1, 128), np.float32)


@dataclass(frozen=True, slots=True, eq=False)
class ScoredAudio(AudioChunk):
    """An audio chunk with the speech probabilities a ``VadStream`` gave the windows it
    completed, so that a second stream over the same track (another threshold, the
    diarization's) reads them instead of running Silero on the same windows again."""

    first_window: int = field(kw_only=True)
    """Index of the first scored window in the track (windows of ``WINDOW`` samples)."""
    probabilities: FloatArray = field(kw_only=True, repr=False)
    """Speech probability of each completed window, from the stream's own state."""
    state: tuple[FloatArray, FloatArray] = field(kw_only=True, repr=False)
    """Silero's recurrent state after the last of them."""


class VadModel(Protocol):
    """What a stream needs of the shared model (Silero, or a fake in tests)."""

    def run(
        self, windows: FloatArray, state: tuple[FloatArray, FloatArray]
    ) -> tuple[FloatArray, tuple[FloatArray, FloatArray]]: ...


class SileroVad:
    """The shared Silero VAD model. ``run`` is thread-safe; state travels with the caller."""

    def __init__(
        self,
        model_path: Path | None = None,
        *,
        intra_op_threads: int = 1,
        inter_op_threads: int = 1,
    ) -> None:
        """``intra_op_threads``/``inter_op_threads``: ONNX Runtime's thread counts for this
        session (0 = its default); one each suits a model this small."""
        import onnxruntime

        if model_path is None:
            from faster_whisper.utils import get_assets_path

            model_path = Path(get_assets_path()) / "silero_vad_v6.onnx"
        if not model_path.is_file():
            raise ModelUnavailableError(
                f"Silero VAD model {model_path} is missing; reinstall faster-whisper==1.2.1"
            )
        options = onnxruntime.SessionOptions()
        options.inter_op_num_threads = inter_op_threads
        options.intra_op_num_threads = intra_op_threads
        options.log_severity_level = 4
        self._session = onnxruntime.InferenceSession(
            str(model_path), providers=["CPUExecutionProvider"], sess_options=options
        )

    def run(
        self, windows: FloatArray, state: tuple[FloatArray, FloatArray]
    ) -> tuple[FloatArray, tuple[FloatArray, FloatArray]]:
        """Speech probability of each row of ``windows`` (n, 64 + 512); returns the new state."""
        output, h, c = self._session.run(None, {"input": windows, "h": state[0], "c": state[1]})
        return np.asarray(output, dtype=np.float32).reshape(-1), (h, c)

    def stream(
        self,
        participant_id: str,
        options: VadOptions,
        *,
        activity: bool = False,
        forward_audio: bool = False,
        share_scores: bool = False,
    ) -> VadStream:
        return VadStream(
            self,
            participant_id,
            options,
            activity=activity,
            forward_audio=forward_audio,
            share_scores=share_scores,
        )


class VadStream(Stage):
    """Push audio in order, get finished speech regions out. One per participant.

    Silero's recurrent state follows the level of what it has heard: for seconds after a loud
    voice, a quieter one scores as background (on 10 minutes of the shared clips, a far-field
    AMI speaker's "Yeah" scored 0.20 after jfk and 0.78 in its clip alone, so its words were
    never transcribed). With ``rescore_after_region`` each window is also scored from a
    second state, reset whenever a region closes, and counts as speech when either says so:
    what follows a region is judged as in a file starting in the silence before it, while
    the stream's own state still carries speech across a short pause.

    With ``activity`` it also emits a ``VoiceActivity`` when speech starts and when it ends (a
    live caller's "is this person talking now"); with ``forward_audio`` each audio chunk is
    passed on before what it caused, for stages that need the audio itself. With
    ``share_scores`` that chunk is passed on as a ``ScoredAudio``; a stream given one that
    continues its own track where it stands takes its scores and state instead of running the
    model (the scores do not depend on the options), so two VADs of one track cost one. An
    ``InputEnd`` closes the open region there and then, as ``end_input`` would, and passes on.
    """

    accepts = (AudioChunk, InputEnd)

    def __init__(
        self,
        model: VadModel,
        participant_id: str,
        options: VadOptions,
        *,
        activity: bool = False,
        forward_audio: bool = False,
        share_scores: bool = False,
    ) -> None:
        self._activity = activity
        self._forward_audio = forward_audio or share_scores
        self._share_scores = share_scores
        self._model = model
        self._participant_id = participant_id
        self._options = options
        self._state = _silent_state()
        self._fresh = _silent_state()
        """Scores from the silence since the last region closed (see the class docstring)."""
        self._context = np.zeros(_CONTEXT, np.float32)
        self._leftover = np.zeros(0, np.float32)
        self._start_s: float | None = None
        self._windows_seen = 0
        # Audio kept for regions still open: samples from _buffer_first (absolute sample index).
        self._buffer = np.zeros(0, np.float32)
        self._buffer_first = 0
        self._in_speech = False
        self._region_start = 0
        self._speech_start = 0
        """First sample of speech in the open region (its start when it began at a cut)."""
        self._last_speech_end = 0
        self._previous_region_end = 0
        self._quietest: tuple[float, int] = (1.0, 0)
        self._pad = int(options.speech_pad_s * SAMPLE_RATE)
        self._min_silence = int(options.min_silence_s * SAMPLE_RATE)
        self._min_speech = int(options.min_speech_s * SAMPLE_RATE)
        self._max_region = int(options.max_region_s * SAMPLE_RATE) - 2 * self._pad
        self._negative = max(options.threshold - 0.15, 0.01)

    def _push(self, chunk: AudioChunk | InputEnd) -> list[Frame]:
        if isinstance(chunk, InputEnd):
            # The open region closes now, not at ``end_input``: what follows (the last
            # caption) must not wait for anything ``end_input`` does further on.
            return [*self._end(), chunk]
        if self._start_s is None:
            self._start_s = chunk.start_s
        self._buffer = np.concatenate([self._buffer, chunk.samples])
        audio = np.concatenate([self._leftover, chunk.samples])
        usable = len(audio) - len(audio) % WINDOW
        self._leftover = audio[usable:]
        first_window = self._windows_seen
        if usable == 0:
            return self._forwarded(chunk, first_window, np.zeros(0, np.float32))
        windows = audio[:usable].reshape(-1, WINDOW)
        contexts = np.vstack([self._context[None, :], windows[:-1, -_CONTEXT:]])
        self._context = windows[-1, -_CONTEXT:].copy()
        rows = np.concatenate([contexts, windows], axis=1)
        if (
            isinstance(chunk, ScoredAudio)
            and chunk.first_window == first_window
            and len(chunk.probabilities) == len(rows)
        ):
            probabilities, self._state = chunk.probabilities, chunk.state
        else:
            probabilities, self._state = self._model.run(rows, self._state)
        out = self._forwarded(chunk, first_window, probabilities)
        rescore = self._options.rescore_after_region
        fresh, fresh_first = probabilities[:0], 0
        for index, heard in enumerate(probabilities):
            if rescore and index - fresh_first >= len(fresh):
                # A few windows at a time: what is scored past a region's close is discarded.
                fresh_first = index
                fresh, self._fresh = self._model.run(
                    rows[index : index + _FRESH_WINDOWS], self._fresh
                )
            speaking = self._in_speech
            probability = max(heard, fresh[index - fresh_first]) if rescore else heard
            out.extend(self._step(float(probability)))
            self._windows_seen += 1
            if rescore and speaking and not self._in_speech:
                self._fresh = _silent_state()
                fresh, fresh_first = fresh[:0], index + 1
        self._trim_buffer()
        return out

    def _forwarded(
        self, chunk: AudioChunk, first_window: int, probabilities: FloatArray
    ) -> list[Frame]:
        """The chunk to pass on before the regions it closes, if any (see the class docstring)."""
        if not self._share_scores:
            return [chunk] if self._forward_audio else []
        scored = ScoredAudio(
            chunk.participant_id,
            chunk.start_s,
            chunk.samples,
            first_window=first_window,
            probabilities=probabilities,
            state=self._state,
        )
        return [scored]

    def _end(self) -> list[Frame]:
        """End of input: close the open region, if any."""
        if not self._in_speech:
            return []
        return self._speech_ended(
            min(self._buffer_first + len(self._buffer), self._last_speech_end + self._pad)
        )

    def _speech_ended(self, end: int) -> list[Frame]:
        self._in_speech = False
        region = self._region(self._region_start, end)
        return [*([region] if region is not None else []), *self._change(end, speaking=False)]

    def _change(self, sample: int, *, speaking: bool) -> list[Frame]:
        if not self._activity:
            return []
        assert self._start_s is not None
        return [VoiceActivity(self._participant_id, self._start_s + sample / SAMPLE_RATE, speaking)]

    def _step(self, probability: float) -> list[Frame]:
        position = self._windows_seen * WINDOW
        window_end = position + WINDOW
        if probability >= self._options.threshold:
            if not self._in_speech:
                self._in_speech = True
                self._region_start = max(self._previous_region_end, position - self._pad)
                self._speech_start = position
                self._quietest = (1.0, position)
                self._last_speech_end = window_end
                return self._change(self._region_start, speaking=True)
            self._last_speech_end = window_end
        elif (
            self._in_speech
            and probability < self._negative
            and window_end - self._last_speech_end >= self._min_silence
        ):
            return self._speech_ended(self._last_speech_end + self._pad)
        if self._in_speech:
            if probability < self._quietest[0] and position > self._region_start + self._pad:
                self._quietest = (probability, position)
            if window_end - self._region_start >= self._max_region:
                # Cut at the quietest window seen, so a word is not split in half.
                cut = self._quietest[1] if self._quietest[0] < 1.0 else window_end
                region = self._region(self._region_start, cut)
                self._region_start = self._speech_start = cut
                self._quietest = (1.0, cut)
                return [region] if region is not None else []
        return []

    def _region(self, start: int, end: int) -> SpeechRegion | None:
        self._previous_region_end = end
        # Speech inside, without the padding: a region that starts at a cut has none before it,
        # and its speech may be a word's last 0.1 s, which is kept.
        speech = min(end, self._last_speech_end) - max(start, self._speech_start)
        if speech <= 0 or speech < self._min_speech:
            return None
        begin = start - self._buffer_first
        samples = self._buffer[max(0, begin) : end - self._buffer_first].copy()
        assert self._start_s is not None
        return SpeechRegion(
            self._participant_id,
            self._start_s + max(start, self._buffer_first) / SAMPLE_RATE,
            samples,
        )

    def _trim_buffer(self) -> None:
        keep_from = (
            self._region_start
            if self._in_speech
            else (self._windows_seen * WINDOW - self._pad - WINDOW)
        )
        keep_from = max(self._buffer_first, keep_from)
        drop = keep_from - self._buffer_first
        if drop > 0:
            self._buffer = self._buffer[drop:]
            self._buffer_first = keep_from
