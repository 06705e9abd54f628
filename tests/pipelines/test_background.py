"""A stage on a thread of its own: same frames as run inline, bounded backlog, failures raised."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest

from models.errors import PipelineError
from pipelines.background import BackgroundStage
from pipelines.frames import AudioChunk, Frame, SpeechRegion, VoiceActivity
from pipelines.stage import Stage, run_stage
from pipelines.vad import VadOptions, VadStream

from .fakes import FakeVad, silence, speech


def _blocks(audio: np.ndarray, block_s: float = 0.1) -> list[Frame]:
    size = int(block_s * 16_000)
    return [AudioChunk("p", i / 16_000, audio[i : i + size]) for i in range(0, len(audio), size)]


def _vad() -> VadStream:
    return VadStream(FakeVad(), "p", VadOptions(min_silence_s=0.5))


class _Recorder(Stage):
    """Counts the chunks it finished and the threads it ran on; fails on chunk ``fail_at``."""

    accepts = (AudioChunk,)

    def __init__(self, delay_s: float = 0.0, fail_at: int | None = None) -> None:
        self.done = 0
        self.threads: set[int] = set()
        self._delay_s = delay_s
        self._fail_at = fail_at

    def _push(self, frame: AudioChunk) -> list[Frame]:
        self.threads.add(threading.get_ident())
        if self.done == self._fail_at:
            raise ValueError("broken chunk")
        time.sleep(self._delay_s)
        self.done += 1
        return [VoiceActivity(frame.participant_id, frame.start_s, True)]


def test_the_same_regions_as_the_stage_run_inline() -> None:
    audio = np.concatenate(
        [silence(1.0), speech(5), silence(1.0), speech(4, first=5), silence(1.0)]
    )
    inline = run_stage(_vad(), _blocks(audio))
    background = run_stage(BackgroundStage(_vad(), (AudioChunk,), max_pending=3), _blocks(audio))
    assert [type(frame) for frame in background] == [type(frame) for frame in inline]
    regions = [frame for frame in inline if isinstance(frame, SpeechRegion)]
    assert len(regions) == 2
    for ours, theirs in zip(background, inline, strict=True):
        assert isinstance(ours, SpeechRegion) and isinstance(theirs, SpeechRegion)
        assert (ours.start_s, ours.end_s) == (theirs.start_s, theirs.end_s)
        np.testing.assert_array_equal(ours.samples, theirs.samples)


def test_runs_on_its_own_thread_with_a_bounded_backlog() -> None:
    inner = _Recorder(delay_s=0.002)
    stage = BackgroundStage(inner, (AudioChunk,), max_pending=2)
    out: list[Frame] = []
    blocks = _blocks(silence(2.0))
    for pushed, block in enumerate(blocks, start=1):
        out.extend(stage.push(block))
        assert pushed - inner.done <= 2  # a push past the backlog waits for the oldest
    out.extend(stage.end_input())
    assert inner.threads and threading.get_ident() not in inner.threads
    assert [frame.start_s for frame in out] == [frame.start_s for frame in blocks]
    with pytest.raises(PipelineError, match="after its end of input"):
        stage.push(blocks[0])


def test_frames_it_does_not_consume_pass_at_once() -> None:
    stage = BackgroundStage(_Recorder(), (AudioChunk,))
    region = SpeechRegion("p", 0.0, silence(0.1))
    assert stage.push(region) == [region]
    assert stage.end_input() == []


def test_a_failure_is_raised_to_the_caller_and_the_thread_stops() -> None:
    inner = _Recorder(fail_at=3)
    stage = BackgroundStage(inner, (AudioChunk,), max_pending=1)
    with pytest.raises(ValueError, match="broken chunk"):
        for block in _blocks(silence(1.0)):
            stage.push(block)
        stage.end_input()
    stage.close()
    assert inner.done == 3
    assert not [t for t in threading.enumerate() if t.name.startswith("background-stage")]
