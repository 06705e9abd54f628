"""Overlap-aware resegmentation and the sliding segmentation windows that feed it."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from models.segmentation import SegmentationGeometry, SpeakerSegmenter
from pipelines.diarize import SpeakerTurn
from pipelines.frames import SAMPLE_RATE, AudioChunk
from pipelines.resegment import ResegmentOptions, clean_windows, resegment
from pipelines.segmentation import LocalActivity, SegmentationStream
from tests.media import read_audio

STEP = 0.02
GEOMETRY = SegmentationGeometry(
    window_s=10.0, frame_step_s=STEP, frame_duration_s=0.0, local_speakers=3
)
FRAMES = 500  # 10 s of 20 ms frames


def _window(start_s: float, *spans: tuple[int, float, float]) -> LocalActivity:
    """A window whose local speaker ``k`` talks from ``a`` to ``b`` (s, window time)."""
    active = np.zeros((FRAMES, 3), dtype=bool)
    for speaker, a, b in spans:
        active[round(a / STEP) : round(b / STEP), speaker] = True
    return LocalActivity("room", start_s, active)


def _seconds(turns: list[SpeakerTurn], speaker: int) -> float:
    return sum(t.end - t.start for t in turns if t.speaker == speaker)


def _overlap(turns: list[SpeakerTurn]) -> float:
    a = [t for t in turns if t.speaker == 0]
    b = [t for t in turns if t.speaker == 1]
    return sum(max(0.0, min(x.end, y.end) - max(x.start, y.start)) for x in a for y in b)


def test_overlap_the_windows_hear_becomes_two_speakers() -> None:
    # The clusters give one label per frame: A until 6 s, then B.
    turns = [SpeakerTurn(0, 0.0, 6.0), SpeakerTurn(1, 6.0, 10.0)]
    # The window hears its speaker 2 as A (0-6 s) and speaker 0 as B, from 4.5 s on.
    heard = _window(0.0, (2, 0.0, 6.0), (0, 4.5, 10.0))
    result = resegment(turns, [heard], GEOMETRY)
    assert _overlap(result) == pytest.approx(1.5, abs=0.05)
    assert _seconds(result, 0) == pytest.approx(6.0, abs=0.05)
    assert _seconds(result, 1) == pytest.approx(5.5, abs=0.05)


def test_a_quiet_voice_the_clusters_missed_is_added_to_its_matched_speaker() -> None:
    turns = [SpeakerTurn(0, 1.0, 3.0), SpeakerTurn(1, 4.0, 6.0)]
    # The window also hears speaker B (its local 1) at 7-9 s, where the clusters had nothing.
    heard = _window(0.0, (0, 1.0, 3.0), (1, 4.0, 6.0), (1, 7.0, 9.0))
    result = resegment(turns, [heard], GEOMETRY)
    assert any(t.speaker == 1 and t.start < 7.05 and t.end > 8.95 for t in result)
    assert _seconds(result, 0) == pytest.approx(2.0, abs=0.05)


def test_speech_no_window_hears_is_dropped_and_the_margin_decides_the_rest() -> None:
    turns = [SpeakerTurn(0, 0.0, 10.0)]
    # Two windows over the same 10 s: both hear 0-4 s, only one hears 4-8 s.
    windows = [_window(0.0, (0, 0.0, 8.0)), _window(0.0, (1, 0.0, 4.0))]
    lenient = resegment(turns, windows, GEOMETRY, ResegmentOptions(speech_margin=0.6))
    strict = resegment(turns, windows, GEOMETRY, ResegmentOptions(speech_margin=0.4))
    assert _seconds(lenient, 0) == pytest.approx(8.0, abs=0.05)  # half the windows: kept
    assert _seconds(strict, 0) == pytest.approx(4.0, abs=0.05)  # half is not enough
    # Frames 8-10 s, which no window hears as speech, are not speech.
    assert max(t.end for t in lenient) <= 8.05


def test_local_speakers_match_clusters_one_to_one_across_windows() -> None:
    turns = [SpeakerTurn(0, 0.0, 5.0), SpeakerTurn(1, 5.0, 15.0)]
    # Local numbering differs between windows; each is matched by what it agrees with.
    windows = [_window(0.0, (1, 0.0, 5.0), (0, 5.0, 10.0)), _window(5.0, (2, 0.0, 10.0))]
    result = resegment(turns, windows, GEOMETRY)
    assert _seconds(result, 0) == pytest.approx(5.0, abs=0.05)
    assert _seconds(result, 1) == pytest.approx(10.0, abs=0.05)
    assert _overlap(result) == 0


def test_without_windows_or_turns_nothing_changes() -> None:
    turns = [SpeakerTurn(0, 0.0, 2.0)]
    assert resegment(turns, [], GEOMETRY) == turns
    assert resegment([], [_window(0.0, (0, 0.0, 5.0))], GEOMETRY) == []


@pytest.fixture(scope="module")
def segmenter() -> SpeakerSegmenter:
    return SpeakerSegmenter()


@pytest.mark.parametrize(("seconds", "step"), [(4.0, 2.0), (10.0, 2.0), (23.3, 2.0), (23.3, 5.0)])
def test_windows_cover_the_whole_track_and_the_last_is_aligned_to_its_end(
    segmenter: SpeakerSegmenter, data_dir: Path, seconds: float, step: float
) -> None:
    audio = read_audio(data_dir / "pyannote-sample" / "sample.wav")[0]
    audio = audio[6 * 16000 : int((6 + seconds) * 16000)]  # from 6 s: both talk from there
    stream = SegmentationStream(segmenter, step_s=step, batch=3)
    activities = []
    offset = 100.0  # a track that starts later in the meeting
    for first in range(0, len(audio), 16000):  # 1 s blocks, as the decoder streams them
        block = audio[first : first + 16000]
        activities += stream.push(AudioChunk("room", offset + first / SAMPLE_RATE, block))
    activities += stream.end_input()
    starts = [a.start_s - offset for a in activities]
    expected = list(np.arange(0.0, seconds - 10 + 1e-6, step)) if seconds >= 10 else []
    if not expected or expected[-1] + 10 < seconds:
        expected.append(max(0.0, seconds - 10))
    assert starts == pytest.approx(expected, abs=1e-3)
    assert all(a.active.shape == (589, 3) for a in activities)
    assert all(a.active.any() for a in activities)  # the phone call talks throughout
    heard = np.zeros(round(seconds * 100), bool)  # every 10 ms of the track is in a window
    for start in starts:
        heard[round(start * 100) : round((start + 10) * 100)] = True
    assert heard.all()


def test_voice_windows_of_overlapped_speech_are_left_out_of_clustering() -> None:
    from pipelines.speaker_windows import SpeakerWindow

    def voice(start: float) -> SpeakerWindow:
        return SpeakerWindow("room", start, start + 1.6, np.ones(256, np.float32) / 16)

    windows = [voice(0.0), voice(3.0), voice(6.0)]
    # Two people talk at once from 2.5 s to 5 s: the window at 3.0-4.6 s is all overlap.
    heard = _window(0.0, (0, 0.0, 5.0), (1, 2.5, 8.0))
    assert [w.start_s for w in clean_windows(windows, [heard], GEOMETRY)] == [0.0, 6.0]
    # With nothing but overlap there is nothing better to cluster: all are kept.
    everyone = _window(0.0, (0, 0.0, 10.0), (1, 0.0, 10.0))
    assert clean_windows(windows, [everyone], GEOMETRY) == windows
    assert clean_windows(windows, [], GEOMETRY) == windows


def test_each_frame_is_judged_by_the_windows_that_cover_it_however_many() -> None:
    # A 5 s hop: 0-5 s and 10-15 s are in one window each, 5-10 s in both.
    turns = [SpeakerTurn(0, 0.0, 15.0)]
    # The first window hears the voice at 1-9 s, the second (from 5 s) at 7-14 s.
    windows = [_window(0.0, (0, 1.0, 9.0)), _window(5.0, (1, 2.0, 9.0))]
    lenient = resegment(turns, windows, GEOMETRY)
    strict = resegment(turns, windows, GEOMETRY, ResegmentOptions(speech_margin=0.4))
    # One of two windows is enough by default; the one window of a frame always is.
    assert [x for t in lenient for x in (t.start, t.end)] == pytest.approx([1, 14], abs=0.05)
    # Asking for more than half: 5-7 s and 9-10 s (one of two) drop, 1-5 and 10-14 s stay.
    spans = [x for t in strict for x in (t.start, t.end)]
    assert spans == pytest.approx([1, 5, 7, 9, 10, 14], abs=0.05)


def test_a_voice_across_a_windows_edge_counts_once_enough_of_it_is_heard() -> None:
    from pipelines.speaker_windows import SpeakerWindow
    from pipelines.voiceprints import VoiceprintOptions, heard_apart

    def voice(start: float) -> SpeakerWindow:
        return SpeakerWindow("room", start, start + 1.6, np.ones(256, np.float32) / 16)

    # A talks at 1-4.6 s, B from 9 s on; at a 5 s hop no window holds both voices whole.
    windows = [voice(1.0), voice(3.0), voice(9.0), voice(11.0)]
    labels = np.array([0, 0, 1, 1])
    heard = [_window(0.0, (0, 1.0, 4.6), (1, 9.0, 10.0)), _window(5.0, (2, 4.0, 7.6))]
    # Judged on voice windows it holds whole (the default), the first window hears A alone.
    assert not heard_apart(windows, labels, heard, GEOMETRY).any()
    # Judged on 0.8 s and more, it hears 1 s of B's window at 9-10.6 s, alone, as another speaker.
    half = VoiceprintOptions(min_heard_s=0.8)
    assert heard_apart(windows, labels, heard, GEOMETRY, half).tolist() == [[0, 1], [1, 0]]
