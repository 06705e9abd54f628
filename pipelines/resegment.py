"""Overlap-aware resegmentation: the voice clusters say who is who across the meeting; the local
segmentation model says, frame by frame, how many people talk and when (Bredin & Laurent,
"End-to-end speaker segmentation for overlap-aware resegmentation", Interspeech 2021).

Each window's local speakers are matched to the clusters whose turns they agree with most (one
to one, solo frames weigh most). Sliding windows then vote: a frame holds as many speakers as the
windows covering it hear on average (see the margins); the cluster's own label stays first,
and a second voice heard in the same frame is added as overlap. Frames the voice clusters left
empty (a quiet far-field voice) take the best-matched cluster the windows hear there.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from models.segmentation import SegmentationGeometry

from .diarize import SpeakerTurn
from .segmentation import LocalActivity
from .speaker_windows import SpeakerWindow

__all__ = ["ResegmentOptions", "clean_windows", "resegment"]

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class ResegmentOptions:
    speech_margin: float = 0.6
    """A frame is speech once the windows covering it hear on average 1 - margin speakers;
    above 0.5 keeps speech that only some windows hear (a quiet far-field voice)."""
    overlap_margin: float = 0.5
    """A frame holds n >= 2 speakers once the windows hear n - margin on average: 0.5 rounds,
    higher invents overlap where people take turns."""
    overlap_agreement: float = 0.1
    """Weight of frames where a local speaker overlaps others when matching it to a cluster;
    solo frames weigh 1, since overlapped frames are the least reliable for identity."""
    max_overlap_share: float = 0.5
    """Voice windows with more overlapped speech than this share are left out of clustering:
    a mix of two voices is no one's voice, and such windows make clusters of their own."""


def clean_windows(
    windows: Sequence[SpeakerWindow],
    activities: Sequence[LocalActivity],
    geometry: SegmentationGeometry,
    options: ResegmentOptions = ResegmentOptions(),
) -> list[SpeakerWindow]:
    """The voice windows mostly of one voice, as the segmentation windows hear it; all of them
    if none is (nothing better to cluster)."""
    if not activities:
        return list(windows)
    step, centre = geometry.frame_step_s, geometry.frame_duration_s / 2
    heard, _ = _speakers_heard(activities, step)
    overlapped = np.concatenate([[0], np.cumsum(heard >= 2 - options.overlap_margin)])
    clean = []
    for window in windows:
        first = min(_frame(window.start_s, step, centre), len(heard))
        last = min(max(_frame(window.end_s, step, centre), first + 1), len(heard))
        share = (overlapped[last] - overlapped[first]) / max(last - first, 1)
        if share <= options.max_overlap_share:
            clean.append(window)
    return clean or list(windows)


def _speakers_heard(
    activities: Sequence[LocalActivity], step: float, total: int = 0
) -> tuple[FloatArray, npt.NDArray[np.bool_]]:
    """How many speakers the windows covering each frame hear on average, and which frames any
    window covers; at least ``total`` frames."""
    offsets = [round(a.start_s / step) for a in activities]
    total = max(total, max(offsets) + activities[0].active.shape[0])
    heard, covered = np.zeros(total), np.zeros(total)
    for offset, activity in zip(offsets, activities, strict=True):
        heard[offset : offset + len(activity.active)] += activity.active.sum(axis=1)
        covered[offset : offset + len(activity.active)] += 1
    return heard / np.maximum(covered, 1), covered > 0


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
    from scipy.optimize import linear_sum_assignment  # only diarization needs scipy

    step, centre = geometry.frame_step_s, geometry.frame_duration_s / 2
    window_frames = activities[0].active.shape[0]
    offsets = [round(a.start_s / step) for a in activities]
    total = max(max(offsets) + window_frames, _frame(max(t.end for t in turns), step, centre))
    labels = np.zeros((total, speakers))
    for turn in turns:
        labels[_frame(turn.start, step, centre) : _frame(turn.end, step, centre), turn.speaker] = 1

    votes = np.zeros((total, speakers))
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
    mean, covered = _speakers_heard(activities, step, total)
    speech = (mean >= 1 - options.speech_margin) & covered
    count = np.where(speech, np.maximum(np.floor(mean + options.overlap_margin), 1), 0)
    return _turns(_choose(labels, votes, count), step, centre)


def _frame(seconds: float, step: float, centre: float) -> int:
    """The first frame whose centre is at or after ``seconds``."""
    return max(0, math.ceil((seconds - centre) / step))


def _choose(labels: FloatArray, votes: FloatArray, count: FloatArray) -> FloatArray:
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
        chosen[frame, others[: int(count[frame] - chosen[frame].sum())]] = 1
    return chosen


def _turns(chosen: FloatArray, step: float, centre: float) -> list[SpeakerTurn]:
    turns = []
    for speaker in range(chosen.shape[1]):
        edges = np.diff(np.concatenate([[0], chosen[:, speaker].astype(np.int8), [0]]))
        for start, end in zip(np.flatnonzero(edges == 1), np.flatnonzero(edges == -1), strict=True):
            turns.append(SpeakerTurn(speaker, start * step + centre, end * step + centre))
    return sorted(turns, key=lambda turn: (turn.start, turn.speaker))
