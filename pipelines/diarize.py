"""Who spoke when: cluster voice-embedding windows into speakers, then turn them into turns.

Two stages. Agglomerative clustering (average linkage, cosine distance) of the Resemblyzer
windows finds fine clusters: rarely two people in one, but one person often in several (each
return of a voice, each part of a speech, each language). Clusters too small to be a person
(a cough, a laugh, a burst of crosstalk) are folded into the nearest real one. Then, across the
whole recording, fine clusters whose voiceprints (a sharper model, a few seconds of each
cluster) agree are merged, most alike first, unless the local segmentation heard them as two
people talking in the same window. Each 10 ms frame of speech goes to the speaker whose
windows cover it most; where windows of two speakers share a frame about equally, both are
kept: overlap.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .speaker_windows import SpeakerWindow

__all__ = [
    "DiarizationOptions",
    "SpeakerTurn",
    "cluster_windows",
    "diarize",
    "join_language_switches",
    "merge_clusters",
    "turns_from_labels",
]

IntArray = npt.NDArray[np.int64]
Float64Array = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

_FRAME_S = 0.01


@dataclass(frozen=True, slots=True)
class DiarizationOptions:
    threshold: float = 0.3
    """Cosine distance at which fine clusters stop merging; lower finds more of them."""
    min_speaker_s: float = 2.0
    """A cluster with less speech than this (s) is folded into the nearest one."""
    num_speakers: int | None = None
    """Known number of speakers; None finds it."""
    overlap_share: float = 0.45
    """A second speaker whose windows cover at least this share of a frame also speaks there."""
    voiceprint_similarity: float = 0.6
    """Fine clusters whose voiceprints have at least this cosine similarity are one person:
    on our clips parts of one voice score 0.75 and more, two people at most about 0.56."""
    language_switch_similarity: float = 0.35
    """A voice that carries on in another language scores lower (0.5 for our reader): two
    clusters of different languages, one taking over from the other with no one in between
    and never handing back, are one person from this similarity up."""
    language_switch_gap_s: float = 2.0
    """Longest pause (s) between the two clusters' speech at such a hand-over."""
    max_clustered: int = 6000
    """Most windows clustered pairwise (their distances take up to 8 bytes times this number
    squared: 290 MB for 6000). On a longer recording (over about 25 minutes of speech at
    0.25 s steps) an evenly spread share of them is, and each other window joins the cluster
    whose mean voice is nearest."""


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
    if len(embeddings) > options.max_clustered:
        step = -(-len(embeddings) // options.max_clustered)
        picked = _cluster(embeddings[::step], options)
        groups = np.unique(picked)
        centroids = np.stack([embeddings[::step][picked == k].mean(axis=0) for k in groups])
        centroids /= np.maximum(np.linalg.norm(centroids, axis=1, keepdims=True), 1e-12)
        labels = groups[np.argmax(embeddings @ centroids.T, axis=1)]
        labels[::step] = picked
        return np.asarray(labels, np.int64)
    from scipy.cluster.hierarchy import fcluster, linkage  # only diarization needs scipy

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


def cluster_windows(
    windows: Sequence[SpeakerWindow], options: DiarizationOptions = DiarizationOptions()
) -> IntArray:
    """Fine cluster of each window, numbered 0.. by first appearance; with a known number of
    speakers, exactly that many."""
    embeddings = np.stack([w.embedding for w in windows])
    labels = _cluster(embeddings, options)
    if options.num_speakers is None:
        seconds = _exclusive_seconds(np.array([(w.start_s, w.end_s) for w in windows]))
        labels = _fold_small(labels, embeddings, seconds, options.min_speaker_s)
    return _numbered(labels)


def _numbered(labels: IntArray) -> IntArray:
    order = {label: i for i, label in enumerate(dict.fromkeys(labels.tolist()))}
    return np.array([order[label] for label in labels.tolist()], dtype=np.int64)


def merge_clusters(
    labels: IntArray,
    prints: npt.NDArray[np.float32],
    weights: Float64Array,
    apart: BoolArray,
    options: DiarizationOptions = DiarizationOptions(),
) -> IntArray:
    """Merge fine clusters whose voiceprints agree, most alike first (centroid linkage on the
    ``weights``-weighted prints, one row per cluster), never two that ``apart`` says were
    heard as two people at once. With a known number of speakers, merge down to it."""
    count = len(prints)
    if count < 2:
        return labels
    sums = prints.astype(np.float64) * weights[:, None]
    apart = apart.copy()
    root = np.arange(count)
    alive = np.ones(count, dtype=bool)
    unit = sums / np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-12)
    similarity = unit @ unit.T
    np.fill_diagonal(similarity, -np.inf)
    similarity[apart] = -np.inf
    wanted = options.num_speakers
    while alive.sum() > 1:
        flat = int(np.argmax(similarity))
        a, b = divmod(flat, count)
        best = similarity[a, b]
        if wanted is None and best < options.voiceprint_similarity:
            break
        if wanted is not None and (alive.sum() <= wanted or best == -np.inf):
            break
        sums[a] += sums[b]
        apart[a] |= apart[b]
        apart[:, a] |= apart[:, b]
        alive[b] = False
        root[root == b] = a
        centre = sums[a] / max(float(np.linalg.norm(sums[a])), 1e-12)
        row = (sums / np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-12)) @ centre
        row[~alive | apart[a]] = -np.inf
        row[a] = -np.inf
        similarity[a, :] = row
        similarity[:, a] = row
        similarity[b, :] = -np.inf
        similarity[:, b] = -np.inf
    return _numbered(root[labels])


def diarize(
    windows: Sequence[SpeakerWindow],
    speech: Sequence[tuple[float, float]],
    options: DiarizationOptions = DiarizationOptions(),
) -> list[SpeakerTurn]:
    """Turns of each speaker inside the ``speech`` spans (s), from embedded windows alone (the
    fine clusters, without voiceprints)."""
    if not windows:
        return []
    return turns_from_labels(windows, speech, cluster_windows(windows, options), options)


def turns_from_labels(
    windows: Sequence[SpeakerWindow],
    speech: Sequence[tuple[float, float]],
    labels: IntArray,
    options: DiarizationOptions = DiarizationOptions(),
) -> list[SpeakerTurn]:
    """Turns inside the ``speech`` spans (s) of the speakers ``labels`` gives the windows."""
    if not windows:
        return []
    spans = np.array([(w.start_s, w.end_s) for w in windows])
    labels = _numbered(labels)
    speakers = int(labels.max()) + 1
    frames = int(np.ceil(max(spans[:, 1].max(), max((e for _, e in speech), default=0)) / _FRAME_S))
    votes = np.zeros((speakers, frames + 1))
    for (start, end), label in zip(spans, labels, strict=True):
        votes[label, round(start / _FRAME_S) : round(end / _FRAME_S)] += 1
    in_speech = np.zeros(frames + 1, dtype=bool)
    for start, end in speech:
        in_speech[round(start / _FRAME_S) : round(end / _FRAME_S)] = True
    total = votes.sum(axis=0)
    best = _fill_gaps(votes.argmax(axis=0), total > 0)
    share = votes / np.maximum(total, 1)

    turns = []
    for speaker in range(speakers):
        active = in_speech & ((best == speaker) | (share[speaker] >= options.overlap_share))
        edges = np.diff(np.concatenate([[0], active.astype(np.int8), [0]]))
        for start, end in zip(np.flatnonzero(edges == 1), np.flatnonzero(edges == -1), strict=True):
            turns.append(SpeakerTurn(speaker, start * _FRAME_S, end * _FRAME_S))
    return sorted(turns, key=lambda turn: (turn.start, turn.speaker))


def join_language_switches(
    turns: Sequence[SpeakerTurn],
    languages: Mapping[int, str],
    prints: Mapping[int, npt.NDArray[np.float32]],
    options: DiarizationOptions = DiarizationOptions(),
) -> list[SpeakerTurn]:
    """Speakers that are one voice carrying on in another language, joined (numbered again by
    first appearance).

    A voice sounds different in each language it speaks, often more than two people of one
    language differ. Two speakers are one when their ``languages`` (the language most of each
    one's words are in) differ, one takes over from the other (the next speech after a pause
    of at most ``language_switch_gap_s``, no one else speaking in between) and the second
    never hands back: people in a conversation go back and forth. Their ``prints`` must still
    agree a little (``language_switch_similarity``)."""
    if options.num_speakers is not None or len(languages) < 2:
        return list(turns)
    ordered = sorted(turns, key=lambda t: (t.start, t.speaker))
    runs: list[list[float]] = []  # [speaker, start, end] of each speaker's run of turns
    for turn in ordered:
        if runs and runs[-1][0] == turn.speaker:
            runs[-1][2] = max(runs[-1][2], turn.end)
        else:
            runs.append([turn.speaker, turn.start, turn.end])
    handovers: dict[tuple[int, int], int] = {}
    for before, after in itertools.pairwise(runs):
        if after[1] - before[2] <= options.language_switch_gap_s:
            key = (int(before[0]), int(after[0]))
            handovers[key] = handovers.get(key, 0) + 1
    speaking = _overlapping_seconds(ordered)
    candidates = []
    for a, b in handovers:
        if handovers.get((b, a), 0):
            continue
        if a not in languages or b not in languages or languages[a] == languages[b]:
            continue
        if a not in prints or b not in prints or speaking.get((min(a, b), max(a, b)), 0.0) > 0.5:
            continue
        similarity = float(prints[a] @ prints[b])
        if similarity >= options.language_switch_similarity:
            candidates.append((similarity, a, b))
    mapping = {speaker: speaker for speaker in {t.speaker for t in turns}}
    for _, a, b in sorted(candidates, reverse=True):
        if mapping[a] == a and mapping[b] == b:
            mapping[b] = a
    if all(k == v for k, v in mapping.items()):
        return list(turns)
    joined = [SpeakerTurn(mapping[t.speaker], t.start, t.end) for t in ordered]
    return _renumbered(_union_turns(joined))


def _overlapping_seconds(turns: Sequence[SpeakerTurn]) -> dict[tuple[int, int], float]:
    out: dict[tuple[int, int], float] = {}
    for i, first in enumerate(turns):
        for second in turns[i + 1 :]:
            if second.start >= first.end:
                break
            if second.speaker != first.speaker:
                key = (min(first.speaker, second.speaker), max(first.speaker, second.speaker))
                out[key] = out.get(key, 0.0) + min(first.end, second.end) - second.start
    return out


def _union_turns(turns: Sequence[SpeakerTurn]) -> list[SpeakerTurn]:
    """One speaker's overlapping or touching turns as one."""
    out: list[SpeakerTurn] = []
    for speaker in sorted({t.speaker for t in turns}):
        mine = sorted((t for t in turns if t.speaker == speaker), key=lambda t: t.start)
        current = mine[0]
        for turn in mine[1:]:
            if turn.start <= current.end:
                current = SpeakerTurn(speaker, current.start, max(current.end, turn.end))
            else:
                out.append(current)
                current = turn
        out.append(current)
    return sorted(out, key=lambda t: (t.start, t.speaker))


def _renumbered(turns: Sequence[SpeakerTurn]) -> list[SpeakerTurn]:
    order = {speaker: i for i, speaker in enumerate(dict.fromkeys(t.speaker for t in turns))}
    return [SpeakerTurn(order[t.speaker], t.start, t.end) for t in turns]


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
