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

from .frames import Frame, InputEnd
from .stage import Stage

__all__ = ["ParticipantStream"]

StreamState = Literal["open", "ending", "ended", "closed"]


class ParticipantStream:
    """Lifecycle: ``push`` frames (from any thread; never blocks), then ``await end_input()``
    (everything pushed is processed and the pipeline's end of input emitted), then
    ``await aclose()``. ``on_frames`` receives what the pipeline emits, in order, on the
    stream's own thread; it must be quick (hand the frames to a queue).

    The end comes in two steps, each handed out as soon as it is done: ``close_input`` pushes
    an ``InputEnd`` after the last frame (what needs no more input, such as the last words'
    final caption), then ``end_input`` ends the pipeline's input (deferred work: the timed
    decodes). ``end_input`` closes the input first when that has not been done; a meeting
    ending for several people closes everyone's before ending anyone's, so that no last
    caption waits for anyone's timed decodes.

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
        self._end_s = 0.0
        """End of the latest frame pushed (s from meeting start): where the input ends."""
        self._closing: Future[None] | None = None
        self._ending: Future[None] | None = None

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
        self._end_s = max(self._end_s, _end_of(frame))
        with self._lock:
            self._inbox.append(frame)
            if self._scheduled:
                return
            self._scheduled = True
        self._executor.submit(self._drain)

    async def close_input(self) -> None:
        """No more frames: process what is waiting, push an ``InputEnd``, and return when what
        the pipeline emitted for it has been handed out. Raises what the pipeline raised."""
        if self._state == "closed":
            raise PipelineError(f"the stream of {self.participant_id} is closed")
        await asyncio.wrap_future(self._close())
        self._raise_failure()

    async def end_input(self) -> None:
        """No more frames: close the input (see ``close_input``) if not yet done, end the
        pipeline's input, and return when its last frames have been handed out. Raises what
        the pipeline raised, if it failed. Calls after the first wait for the same end."""
        if self._state == "closed":
            raise PipelineError(f"the stream of {self.participant_id} is closed")
        if self._ending is None:
            self._close()
            self._ending = self._executor.submit(self._finish)
        await asyncio.wrap_future(self._ending)
        if self._state == "ending":
            self._state = "ended"
        self._raise_failure()

    def _close(self) -> Future[None]:
        """The input's closing, started once on the stream's thread (it takes no more frames)."""
        if self._closing is None:
            self._state = "ending"
            self._closing = self._executor.submit(self._close_input)
        return self._closing

    def _raise_failure(self) -> None:
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

    def _close_input(self) -> None:
        while self._failure is None and (frames := self._take()):
            self._process(frames, flush=False)
        if self._failure is None:
            marker = InputEnd(self.participant_id, self._end_s)
            self._process([marker], flush=False, drop=marker)

    def _finish(self) -> None:
        if self._failure is None:
            self._process([], flush=False, end=True)

    def _process(
        self, frames: list[Frame], *, flush: bool, end: bool = False, drop: Frame | None = None
    ) -> bool:
        """Push ``frames`` (then flush when nothing more waits, or end the input) and hand out
        what comes back, but ``drop`` (the stream's own marker, passed through); False when the
        pipeline failed (the failure is kept for the caller)."""
        try:
            out = [
                emitted
                for frame in frames
                for emitted in self._pipeline.push(frame)
                if emitted is not drop
            ]
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


def _end_of(frame: Frame) -> float:
    """Where a frame ends (s from meeting start): its ``end_s`` when it has one (audio)."""
    end = getattr(frame, "end_s", None)
    return frame.start_s if end is None else float(end)
