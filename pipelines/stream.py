"""A participant's stream: that person's pipeline, run in its own single-thread executor.

The heavy models are shared and loaded once; everything that belongs to one person (VAD state,
audio buffers, hypotheses, video graphs) lives in that person's stages, so one busy participant
never delays another and nothing blocks an asyncio event loop.
"""

from __future__ import annotations

import asyncio
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Literal

from models.errors import PipelineError

from .frames import Frame
from .stage import Stage

__all__ = ["ParticipantStream"]

StreamState = Literal["open", "ending", "ended", "closed"]


class ParticipantStream:
    """Lifecycle: ``push`` frames (from any thread; never blocks), then ``await end_input()``
    (everything pushed is processed and the pipeline's end of input emitted), then
    ``await aclose()``. ``on_frames`` receives what the pipeline emits, in order, on the
    stream's own thread; it must be quick (hand the frames to a queue).

    Whenever the frames waiting have all been pushed, the pipeline is flushed: a live stage
    decodes then, on the newest audio, instead of once per frame of a backlog.
    """

    def __init__(
        self,
        participant_id: str,
        pipeline: Stage,
        on_frames: Callable[[list[Frame]], None],
    ) -> None:
        self.participant_id = participant_id
        self._pipeline = pipeline
        self._on_frames = on_frames
        self._executor = ThreadPoolExecutor(1, thread_name_prefix=f"participant-{participant_id}")
        self._inbox: deque[Frame] = deque()
        self._lock = threading.Lock()
        self._scheduled = False
        self._state: StreamState = "open"
        self._failure: BaseException | None = None

    @property
    def state(self) -> StreamState:
        return self._state

    @property
    def backlog(self) -> int:
        """Frames pushed and not yet processed."""
        return len(self._inbox)

    def push(self, frame: Frame) -> None:
        if self._failure is not None:
            raise PipelineError(
                f"the stream of {self.participant_id} failed: {self._failure}"
            ) from self._failure
        if self._state != "open":
            raise PipelineError(f"the stream of {self.participant_id} takes no more input")
        with self._lock:
            self._inbox.append(frame)
            if self._scheduled:
                return
            self._scheduled = True
        self._executor.submit(self._drain)

    async def end_input(self) -> None:
        """No more frames: process what is waiting, end the pipeline's input, and return when
        its last frames have been handed out. Raises what the pipeline raised, if it failed."""
        if self._state == "closed":
            raise PipelineError(f"the stream of {self.participant_id} is closed")
        if self._state == "open":
            self._state = "ending"
            future: Future[None] = self._executor.submit(self._finish)
            await asyncio.wrap_future(future)
            self._state = "ended"
        if self._failure is not None:
            raise PipelineError(
                f"the stream of {self.participant_id} failed: {self._failure}"
            ) from self._failure

    async def aclose(self) -> None:
        """Stop: frames still waiting are dropped, the executor's thread ends."""
        self._state = "closed"
        with self._lock:
            self._inbox.clear()
        await asyncio.to_thread(self._executor.shutdown, wait=True, cancel_futures=True)

    def _take(self) -> list[Frame]:
        with self._lock:
            frames = list(self._inbox)
            self._inbox.clear()
            if not frames:
                self._scheduled = False
            return frames

    def _drain(self) -> None:
        while self._failure is None and self._state != "closed":
            frames = self._take()
            if not frames:
                return
            if not self._process(frames, flush=True):
                return

    def _finish(self) -> None:
        while self._failure is None and (frames := self._take()):
            self._process(frames, flush=False)
        if self._failure is None:
            self._process([], flush=False, end=True)

    def _process(self, frames: list[Frame], *, flush: bool, end: bool = False) -> bool:
        """Push ``frames`` (then flush when nothing more waits, or end the input) and hand out
        what comes back; False when the pipeline failed (the failure is kept for the caller)."""
        try:
            out = [emitted for frame in frames for emitted in self._pipeline.push(frame)]
            if flush and not self._inbox:
                out.extend(self._pipeline.flush())
            if end:
                out.extend(self._pipeline.end_input())
        except Exception as error:  # kept, and raised to the caller of push/end_input
            self._failure = error
            return False
        if out:
            self._on_frames(out)
        return True
