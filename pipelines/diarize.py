"""Who spoke when: cluster voice-embedding windows into speakers, then turn them into turns.

Agglomerative clustering (average linkage, cosine distance) finds the number of speakers by
itself; clusters too small to be a person (a cough, a laugh, a burst of crosstalk) are folded into
the nearest real one. Each 10 ms frame of speech goes to the speaker whose windows cover it most.
Where windows of two speakers share a frame about equally, both are kept: overlap.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy.cluster.hierarchy import fcluster, linkage

from .speaker_windows import SpeakerWindow

__all__ = ["DiarizationOptions", "SpeakerTurn", "diarize"]

IntArray = npt.NDArray[np.int64]
Float64Array = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

_FRAME_S = 0.01


@dataclass(frozen=True, slots=True)
class DiarizationOptions:
    threshold: float = 0.3
    """Cosine distance at which clusters stop merging; lower finds more speakers."""
    min_speaker_s: float = 2.0
    """A cluster with less speech than this (s) is folded into the nearest one."""
    num_speakers: int | None = None
    """Known number of speakers; None finds it."""
    overlap_share: float = 0.45
    """A second speaker whose windows cover at least this share of a frame also speaks there."""
    min_switches: int = 2
    """Two clusters that hand over to each other fewer times than this are one voice drifting
    (a new language, a new microphone position), not two people: people in a meeting go back
    and forth. A recording of one person, then another who never answers, is read as one."""
    min_run_s: float = 1.0
    """Runs of one cluster shorter than this (s) are ignored when counting hand-overs."""


@dataclass(frozen=True, slots=True)
class SpeakerTurn:
    speaker: int
    """Cluster index, numbered by first appearance from 0."""
    start: float
    """Start (s from meeting start)."""
    end: float
    """End (s from meeting start)."""


def _cluster(embeddings: npt.NDArray[np.float32], options: DiarizationOptions) -> IntArray:
    if len(embeddings) == 1:
        return np.zeros(1, dtype=np.int64)
    tree = linkage(embeddings.astype(np.float64), method="average", metric="cosine")
    if options.num_speakers is not None:
        return (
            np.asarray(fcluster(tree, t=options.num_speakers, criterion="maxclust"), np.int64) - 1
        )
    return np.asarray(fcluster(tree, t=options.threshold, criterion="distance"), np.int64) - 1


def _fold_small(
    labels: IntArray, embeddings: npt.NDArray[np.float32], seconds: Float64Array, minimum: float
) -> IntArray:
    labels = labels.copy()
    totals = {k: float(seconds[labels == k].sum()) for k in np.unique(labels)}
    big = [k for k, total in totals.items() if total >= minimum]
    if not big:
        big = [max(totals, key=totals.__getitem__)]
    centroids = np.stack([embeddings[labels == k].mean(axis=0) for k in big])
    centroids /= np.linalg.norm(centroids, axis=1, keepdims=True)
    small = ~np.isin(labels, big)
    if small.any():
        labels[small] = np.asarray(big)[np.argmax(embeddings[small] @ centroids.T, axis=1)]
    return labels


def diarize(
    windows: Sequence[SpeakerWindow],
    speech: Sequence[tuple[float, float]],
    options: DiarizationOptions = DiarizationOptions(),
) -> list[SpeakerTurn]:
    """Turns of each speaker inside the ``speech`` spans (s), from embedded windows."""
    if not windows:
        return []
    embeddings = np.stack([w.embedding for w in windows])
    spans = np.array([(w.start_s, w.end_s) for w in windows])
    labels = _cluster(embeddings, options)
    if options.num_speakers is None:
        seconds = _exclusive_seconds(spans)
        labels = _fold_small(labels, embeddings, seconds, options.min_speaker_s)
        labels = _merge_non_alternating(labels, embeddings, seconds, options)
    order = {label: i for i, label in enumerate(dict.fromkeys(labels.tolist()))}
    labels = np.array([order[label] for label in labels.tolist()])

    frames = int(np.ceil(max(spans[:, 1].max(), max((e for _, e in speech), default=0)) / _FRAME_S))
    votes = np.zeros((len(order), frames + 1))
    for (start, end), label in zip(spans, labels, strict=True):
        votes[label, round(start / _FRAME_S) : round(end / _FRAME_S)] += 1
    in_speech = np.zeros(frames + 1, dtype=bool)
    for start, end in speech:
        in_speech[round(start / _FRAME_S) : round(end / _FRAME_S)] = True
    total = votes.sum(axis=0)
    best = _fill_gaps(votes.argmax(axis=0), total > 0)
    share = votes / np.maximum(total, 1)

    turns = []
    for speaker in range(len(order)):
        active = in_speech & ((best == speaker) | (share[speaker] >= options.overlap_share))
        edges = np.diff(np.concatenate([[0], active.astype(np.int8), [0]]))
        for start, end in zip(np.flatnonzero(edges == 1), np.flatnonzero(edges == -1), strict=True):
            turns.append(SpeakerTurn(speaker, start * _FRAME_S, end * _FRAME_S))
    return sorted(turns, key=lambda turn: (turn.start, turn.speaker))


def _switches(labels: IntArray, seconds: Float64Array, a: int, b: int, min_run_s: float) -> int:
    """Hand-overs between clusters ``a`` and ``b`` over time, ignoring runs under ``min_run_s``."""
    runs: list[list[float]] = []  # [label, seconds]
    for label, length in zip(labels.tolist(), seconds.tolist(), strict=True):
        if label not in (a, b):
            continue
        if runs and runs[-1][0] == label:
            runs[-1][1] += length
        else:
            runs.append([label, length])
    kept = [int(label) for label, length in runs if length >= min_run_s]
    return sum(1 for x, y in itertools.pairwise(kept) if x != y)


def _merge_non_alternating(
    labels: IntArray,
    embeddings: npt.NDArray[np.float32],
    seconds: Float64Array,
    options: DiarizationOptions,
) -> IntArray:
    labels = labels.copy()
    while True:
        clusters = np.unique(labels).tolist()
        if len(clusters) < 2:
            return labels
        centroids = {k: embeddings[labels == k].mean(axis=0) for k in clusters}
        candidates = [
            (float(centroids[a] @ centroids[b]), a, b)
            for i, a in enumerate(clusters)
            for b in clusters[i + 1 :]
            if _switches(labels, seconds, a, b, options.min_run_s) < options.min_switches
        ]
        if not candidates:
            return labels
        _, a, b = max(candidates)
        labels[labels == b] = a


def _exclusive_seconds(spans: Float64Array) -> Float64Array:
    """Seconds each window stands for (windows overlap, so not their full length)."""
    starts = spans[:, 0]
    step = np.diff(starts, append=spans[-1, 1])
    return np.asarray(np.clip(step, 0.0, spans[:, 1] - spans[:, 0]), np.float64)


def _fill_gaps(best: IntArray, covered: BoolArray) -> IntArray:
    """Speech frames no window covers take the label of the nearest covered frame."""
    if covered.all() or not covered.any():
        return best
    index = np.flatnonzero(covered)
    nearest = np.clip(np.searchsorted(index, np.arange(len(best))), 0, len(index) - 1)
    left = np.clip(nearest - 1, 0, len(index) - 1)
    pick_left = np.abs(index[left] - np.arange(len(best))) < np.abs(
        index[nearest] - np.arange(len(best))
    )
    return np.asarray(best[np.where(pick_left, index[left], index[nearest])])
