"""A stage run in a thread of its own, so its work overlaps the caller's.

A file's analysis decodes, transcribes and diarizes one track: the voice stages (voice windows,
local segmentation) need none of the words, so they run beside the transcriber on the other
core instead of after it. The wrapped stage only ever runs on the background thread, one frame
at a time and in order; what it emits comes back, in order, from later calls.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from models.errors import PipelineError

from .frames import Frame
from .stage import Stage

__all__ = ["BackgroundStage"]


class BackgroundStage(Stage):
    """Push frames as to any stage; frames of the ``consumes`` types go to ``inner`` on the
    background thread (others pass straight through), and ``push`` returns what the inner
    stage has emitted by then. At most ``max_pending`` frames wait: a push beyond that waits
    for the oldest, so a slow inner stage holds the caller back instead of piling up audio.
    ``flush`` and ``end_input`` wait for everything pushed. ``close`` stops the thread
    (``end_input`` does too); a failure of the inner stage is raised from the next call."""

    def __init__(
        self,
        inner: Stage,
        consumes: tuple[type[Any], ...],
        *,
        max_pending: int = 32,
        name: str = "background-stage",
    ) -> None:
        self._inner = inner
        self._consumes = consumes
        self._max_pending = max(1, max_pending)
        self._executor = ThreadPoolExecutor(1, thread_name_prefix=name)
        self._pending: deque[tuple[Frame | None, Future[list[Frame]]]] = deque()

    def push(self, frame: Frame) -> list[Frame]:
        if self._ended:
            raise PipelineError("BackgroundStage got a frame after its end of input")
        if not isinstance(frame, self._consumes):
            return [frame]
        self._submit(self._inner.push, frame)
        return self._collect(keep=self._max_pending)

    def _flush(self) -> list[Frame]:
        self._submit(self._inner.flush, None)
        return self._collect(keep=0)

    def _end(self) -> list[Frame]:
        self._submit(self._inner.end_input, None)
        try:
            return self._collect(keep=0)
        finally:
            self.close()

    def close(self) -> None:
        """Stop the background thread: frames still waiting are dropped."""
        self._ended = True
        for _, future in self._pending:
            future.cancel()
        self._pending.clear()
        self._executor.shutdown(wait=True, cancel_futures=True)

    def _submit(self, call: Callable[..., list[Frame]], frame: Frame | None) -> None:
        future = (
            self._executor.submit(call) if frame is None else self._executor.submit(call, frame)
        )
        self._pending.append((frame, future))

    def _collect(self, *, keep: int) -> list[Frame]:
        """What the finished work emitted, oldest first; waits until at most ``keep`` wait."""
        out: list[Frame] = []
        while self._pending and (len(self._pending) > keep or self._pending[0][1].done()):
            frame, future = self._pending.popleft()
            # The frame was handed over, so an echo of it is not passed on a second time.
            out.extend(item for item in future.result() if item is not frame)
        return out
