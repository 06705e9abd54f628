"""Scoring against references: diarization error rate and word-level speaker accuracy.

Used by the benchmarks and by the tests that hold the figures as thresholds.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
from scipy.optimize import linear_sum_assignment

__all__ = [
    "DiarizationScore",
    "Turn",
    "WordAttribution",
    "diarization_error_rate",
    "read_rttm",
    "read_stm",
    "read_uem",
    "word_speaker_accuracy",
]

_FRAME_S = 0.01


@dataclass(frozen=True, slots=True)
class Turn:
    speaker: str
    start: float
    """Start (s)."""
    end: float
    """End (s)."""


@dataclass(frozen=True, slots=True)
class DiarizationScore:
    der: float
    """(missed + false alarm + confusion) / scored reference speech; 0-1 (can exceed 1)."""
    missed_s: float
    false_alarm_s: float
    confusion_s: float
    reference_s: float
    """Scored reference speech (s), each speaker counted, collars excluded."""


def read_rttm(path: Path, uri: str | None = None) -> list[Turn]:
    turns = []
    for line in path.read_text().splitlines():
        fields = line.split()
        if len(fields) < 8 or fields[0] != "SPEAKER" or (uri is not None and fields[1] != uri):
            continue
        start, duration = float(fields[3]), float(fields[4])
        turns.append(Turn(fields[7], start, start + duration))
    return turns


def read_uem(path: Path, uri: str) -> tuple[float, float]:
    for line in path.read_text().splitlines():
        fields = line.split()
        if fields and fields[0] == uri:
            return float(fields[2]), float(fields[3])
    raise KeyError(uri)


def _activity(turns: Iterable[Turn], speakers: Sequence[str], frames: int) -> npt.NDArray[np.bool_]:
    active = np.zeros((len(speakers), frames), dtype=bool)
    index = {speaker: i for i, speaker in enumerate(speakers)}
    for turn in turns:
        a, b = round(turn.start / _FRAME_S), round(turn.end / _FRAME_S)
        active[index[turn.speaker], max(0, a) : max(0, min(frames, b))] = True
    return active


def diarization_error_rate(
    reference: Sequence[Turn],
    hypothesis: Sequence[Turn],
    *,
    collar_s: float = 0.25,
    scored: tuple[float, float] | None = None,
) -> DiarizationScore:
    """Standard DER (as NIST md-eval): overlap scored, ``collar_s`` around every reference
    boundary not scored, speakers mapped one-to-one to maximise matched time."""
    end = max([t.end for t in reference] + [t.end for t in hypothesis] + [0.0])
    frames = int(np.ceil(end / _FRAME_S)) + 1
    ref_speakers = sorted({t.speaker for t in reference})
    hyp_speakers = sorted({t.speaker for t in hypothesis})
    ref = _activity(reference, ref_speakers, frames)
    hyp = _activity(hypothesis, hyp_speakers, frames)
    mask = np.ones(frames, dtype=bool)
    if scored is not None:
        mask[:] = False
        mask[round(scored[0] / _FRAME_S) : round(scored[1] / _FRAME_S)] = True
    collar = round(collar_s / _FRAME_S)
    for turn in reference:
        for boundary in (turn.start, turn.end):
            centre = round(boundary / _FRAME_S)
            mask[max(0, centre - collar) : centre + collar] = False
    ref, hyp = ref[:, mask], hyp[:, mask]
    overlap = ref.astype(np.float64) @ hyp.T.astype(np.float64)
    rows, cols = linear_sum_assignment(-overlap) if overlap.size else ([], [])
    correct = np.zeros(ref.shape[1])
    for r, c in zip(rows, cols, strict=True):
        correct += ref[r] & hyp[c]
    n_ref, n_sys = ref.sum(axis=0), hyp.sum(axis=0)
    missed = np.maximum(0, n_ref - n_sys).sum()
    false_alarm = np.maximum(0, n_sys - n_ref).sum()
    confusion = (np.minimum(n_ref, n_sys) - correct).sum()
    total = n_ref.sum()
    return DiarizationScore(
        der=float((missed + false_alarm + confusion) / total) if total else 0.0,
        missed_s=float(missed * _FRAME_S),
        false_alarm_s=float(false_alarm * _FRAME_S),
        confusion_s=float(confusion * _FRAME_S),
        reference_s=float(total * _FRAME_S),
    )


@dataclass(frozen=True, slots=True)
class WordAttribution:
    accuracy: float
    """Share of aligned reference words given to the right person (speakers mapped 1:1)."""
    aligned: int
    """Reference words matched to a recognised word."""
    reference_words: int


def read_stm(path: Path) -> list[tuple[str, float, float, str]]:
    """(speaker, start, end, text) per line of a NIST STM file."""
    rows = []
    for line in path.read_text().splitlines():
        fields = line.split(maxsplit=5)
        if len(fields) == 6 and not line.startswith(";;"):
            rows.append((fields[2], float(fields[3]), float(fields[4]), fields[5]))
    return rows


def _tokens(text: str) -> list[str]:
    return re.sub(r"[^\w\s']", " ", text.lower()).split()


def word_speaker_accuracy(
    reference: Sequence[tuple[str, str]], hypothesis: Sequence[tuple[str, str]]
) -> WordAttribution:
    """``reference`` and ``hypothesis`` are (speaker, text) utterances in time order. Words are
    aligned as for WER; each aligned pair scores when its speakers map to each other."""
    ref = [(word, speaker) for speaker, text in reference for word in _tokens(text)]
    hyp = [(word, speaker) for speaker, text in hypothesis for word in _tokens(text)]
    pairs: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(a=[w for w, _ in ref], b=[w for w, _ in hyp], autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and a1 - a0 == b1 - b0):
            pairs += [
                (ref[a][1], hyp[b][1]) for a, b in zip(range(a0, a1), range(b0, b1), strict=True)
            ]
    if not pairs:
        return WordAttribution(0.0, 0, len(ref))
    ref_speakers = sorted({r for r, _ in pairs})
    hyp_speakers = sorted({h for _, h in pairs})
    counts = np.zeros((len(ref_speakers), len(hyp_speakers)))
    for r, h in pairs:
        counts[ref_speakers.index(r), hyp_speakers.index(h)] += 1
    rows, cols = linear_sum_assignment(-counts)
    correct = float(counts[rows, cols].sum())
    return WordAttribution(correct / len(pairs), len(pairs), len(ref))
