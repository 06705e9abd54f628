from __future__ import annotations

import pytest

from bench.scoring import Turn, diarization_error_rate, word_speaker_accuracy


def test_der_counts_miss_false_alarm_and_confusion() -> None:
    reference = [Turn("A", 0.0, 10.0), Turn("B", 10.0, 20.0)]
    # x matches A; y covers B's 10-15 and wrongly 0-2 (overlapping x: a false alarm there);
    # 15-20 of B is missed.
    hypothesis = [Turn("x", 0.0, 10.0), Turn("y", 10.0, 15.0), Turn("y", 0.0, 2.0)]
    score = diarization_error_rate(reference, hypothesis, collar_s=0.0)
    assert score.reference_s == pytest.approx(20.0)
    assert score.missed_s == pytest.approx(5.0)
    assert score.false_alarm_s == pytest.approx(2.0)
    assert score.confusion_s == pytest.approx(0.0)
    assert score.der == pytest.approx(7 / 20)


def test_der_collar_and_swapped_labels() -> None:
    reference = [Turn("A", 0.0, 10.0), Turn("B", 10.0, 20.0)]
    hypothesis = [Turn("B", 0.0, 10.2), Turn("A", 10.2, 20.0)]  # names swapped, edge 0.2 s off
    assert diarization_error_rate(reference, hypothesis, collar_s=0.25).der == 0.0
    score = diarization_error_rate(reference, hypothesis, collar_s=0.0)
    assert score.confusion_s == pytest.approx(0.2)


def test_word_speaker_accuracy_maps_labels() -> None:
    reference = [("Diane", "hello there"), ("Sheila", "hi how are you")]
    hypothesis = [("s1", "hello"), ("s2", "there hi how are you")]
    result = word_speaker_accuracy(reference, hypothesis)
    assert (result.aligned, result.reference_words) == (6, 6)
    assert result.accuracy == pytest.approx(5 / 6)
