"""The one stage interface every pipeline step conforms to, and the two ways to combine stages.

A stage belongs to one participant and sees that participant's frames in time order:

- ``push(frame)`` hands it one frame and returns what it can emit now (possibly nothing);
  frames of a kind the stage does not handle come straight back out, so stages can be chained
  in any order without knowing each other;
- ``flush()`` asks for whatever it can emit from what it already holds (a live caller calls it
  whenever its queue of incoming frames runs dry; a file caller need not call it at all);
- ``end_input()`` says no more frames will come: everything still held is emitted, and the
  stage refuses further frames.

Every method returns a list, never a generator, so a caller that ignores a result cannot
silently leave work undone.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from models.errors import PipelineError

from .frames import Frame

__all__ = ["Chain", "Fanout", "Stage", "run_stage"]


class Stage:
    """Base of every stage: pass-through of unknown frames and the end-of-input guard live here;
    subclasses fill in ``_push`` (and ``_flush`` / ``_end`` when they hold frames back)."""

    accepts: ClassVar[tuple[type[Any], ...]] = ()
    """Frame types this stage consumes; all others pass through unchanged."""

    _ended: bool = False

    def push(self, frame: Frame) -> list[Frame]:
        if self._ended:
            raise PipelineError(f"{type(self).__name__} got a frame after its end of input")
        if not isinstance(frame, self.accepts):
            return [frame]
        return self._push(frame)

    def flush(self) -> list[Frame]:
        return [] if self._ended else self._flush()

    def end_input(self) -> list[Frame]:
        if self._ended:
            return []
        out = self._end()
        self._ended = True
        return out

    def _push(self, frame: Any) -> list[Frame]:
        raise NotImplementedError

    def _flush(self) -> list[Frame]:
        return []

    def _end(self) -> list[Frame]:
        return self._flush()


class Chain(Stage):
    """Stages in sequence: what one emits is pushed into the next."""

    def __init__(self, stages: Sequence[Stage]) -> None:
        self.stages = tuple(stages)

    def push(self, frame: Frame) -> list[Frame]:
        if self._ended:
            raise PipelineError("Chain got a frame after its end of input")
        return self._through([frame], 0)

    def _flush(self) -> list[Frame]:
        out: list[Frame] = []
        for index, stage in enumerate(self.stages):
            out.extend(self._through(stage.flush(), index + 1))
        return out

    def _end(self) -> list[Frame]:
        out: list[Frame] = []
        for index, stage in enumerate(self.stages):
            out.extend(self._through(stage.end_input(), index + 1))
        return out

    def _through(self, frames: list[Frame], first: int) -> list[Frame]:
        for stage in self.stages[first:]:
            frames = [emitted for frame in frames for emitted in stage.push(frame)]
        return frames


class Fanout(Stage):
    """Branches side by side: every branch sees every frame; a frame no branch consumes passes
    through once."""

    def __init__(self, branches: Sequence[Stage]) -> None:
        self.branches = tuple(branches)

    def push(self, frame: Frame) -> list[Frame]:
        if self._ended:
            raise PipelineError("Fanout got a frame after its end of input")
        out: list[Frame] = []
        consumed = False
        for branch in self.branches:
            emitted = branch.push(frame)
            if any(item is frame for item in emitted):
                emitted = [item for item in emitted if item is not frame]
            else:
                consumed = True
            out.extend(emitted)
        return out if consumed else [frame, *out]

    def _flush(self) -> list[Frame]:
        return [frame for branch in self.branches for frame in branch.flush()]

    def _end(self) -> list[Frame]:
        return [frame for branch in self.branches for frame in branch.end_input()]


def run_stage(stage: Stage, frames: Sequence[Frame], *, flush_each: bool = False) -> list[Frame]:
    """Push ``frames`` through ``stage``, then end its input; every frame emitted, in order.
    ``flush_each`` calls ``flush`` after every frame, as a live caller with no backlog would."""
    out: list[Frame] = []
    for frame in frames:
        out.extend(stage.push(frame))
        if flush_each:
            out.extend(stage.flush())
    out.extend(stage.end_input())
    return out
