"""Overlap-aware resegmentation: the voice clusters say who is who across the meeting; the local
segmentation model says, frame by frame, how many people talk and when (Bredin & Laurent,
"End-to-end speaker segmentation for overlap-aware resegmentation", Interspeech 2021).

Each window's local speakers are matched to the clusters whose turns they agree with most (one
to one, solo frames weigh most). Sliding windows then vote: a frame holds as many speakers as the
windows covering it hear on average (see ``count_margin``); the cluster's own label stays first,
and a second voice heard in the same frame is added as overlap. Frames the voice clusters left
empty (a quiet far-field voice) take the best-matched cluster the windows hear there.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy.optimize import linear_sum_assignment

from models.segmentation import SegmentationGeometry

from .diarize import SpeakerTurn
from .segmentation import LocalActivity

__all__ = ["ResegmentOptions", "resegment"]

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class ResegmentOptions:
    count_margin: float = 0.6
    """A frame holds n speakers once the windows covering it hear on average n - margin of them;
    0.5 rounds, higher keeps speech that only some windows hear (a quiet voice)."""
    overlap_agreement: float = 0.1
    """Weight of frames where a local speaker overlaps others when matching it to a cluster;
    solo frames weigh 1, since overlapped frames are the least reliable for identity."""


def resegment(
    turns: Sequence[SpeakerTurn],
    activities: Sequence[LocalActivity],
    geometry: SegmentationGeometry,
    options: ResegmentOptions = ResegmentOptions(),
) -> list[SpeakerTurn]:
    """Turns of the same speakers, with speech and overlap as the local windows hear them."""
    speakers = max((turn.speaker for turn in turns), default=-1) + 1
    if speakers == 0 or not activities:
        return list(turns)
    step, centre = geometry.frame_step_s, geometry.frame_duration_s / 2
    window_frames = activities[0].active.shape[0]
    offsets = [round(a.start_s / step) for a in activities]
    total = max(max(offsets) + window_frames, _frame(max(t.end for t in turns), step, centre))
    labels = np.zeros((total, speakers))
    for turn in turns:
        labels[_frame(turn.start, step, centre) : _frame(turn.end, step, centre), turn.speaker] = 1

    votes = np.zeros((total, speakers))
    heard = np.zeros(total)
    covered = np.zeros(total)
    for offset, activity in zip(offsets, activities, strict=True):
        local = activity.active.astype(np.float64)
        mine = labels[offset : offset + len(local)]
        local = local[: len(mine)]
        solo = local * (local.sum(axis=1, keepdims=True) == 1)
        agreement = solo.T @ mine + options.overlap_agreement * (local.T @ mine)
        rows, columns = linear_sum_assignment(-agreement)
        mapped = np.zeros((len(local), speakers))
        for row, column in zip(rows, columns, strict=True):
            if agreement[row, column] > 0:
                mapped[:, column] = np.maximum(mapped[:, column], local[:, row])
        votes[offset : offset + len(local)] += mapped
        heard[offset : offset + len(local)] += local.sum(axis=1)
        covered[offset : offset + len(local)] += 1
    count = np.floor(heard / np.maximum(covered, 1) + options.count_margin).astype(np.int64)
    count[covered == 0] = 0
    return _turns(_choose(labels, votes, count), step, centre)


def _frame(seconds: float, step: float, centre: float) -> int:
    """The first frame whose centre is at or after ``seconds``."""
    return max(0, math.ceil((seconds - centre) / step))


def _choose(labels: FloatArray, votes: FloatArray, count: npt.NDArray[np.int64]) -> FloatArray:
    chosen = np.zeros_like(votes)
    speaking = np.flatnonzero(count > 0)
    # First speaker: the cluster's own label where it has one (the one the windows hear most if
    # it has two), otherwise the cluster the windows hear most, if they matched any.
    own = labels[speaking] * (votes[speaking] + 1)
    first = np.where(own.max(axis=1) > 0, own.argmax(axis=1), votes[speaking].argmax(axis=1))
    keep = (own.max(axis=1) > 0) | (votes[speaking].max(axis=1) > 0)
    chosen[speaking[keep], first[keep]] = 1
    for frame in np.flatnonzero(count > 1):
        others = [
            g for g in np.argsort(-votes[frame]) if not chosen[frame, g] and votes[frame, g] > 0
        ]
        chosen[frame, others[: count[frame] - int(chosen[frame].sum())]] = 1
    return chosen


def _turns(chosen: FloatArray, step: float, centre: float) -> list[SpeakerTurn]:
    turns = []
    for speaker in range(chosen.shape[1]):
        edges = np.diff(np.concatenate([[0], chosen[:, speaker].astype(np.int8), [0]]))
        for start, end in zip(np.flatnonzero(edges == 1), np.flatnonzero(edges == -1), strict=True):
            turns.append(SpeakerTurn(speaker, start * step + centre, end * step + centre))
    return sorted(turns, key=lambda turn: (turn.start, turn.speaker))
