"""The voice encoder's mel features, computed without librosa, are librosa's bit for bit."""

from __future__ import annotations

import librosa
import numpy as np
import pytest
from threadpoolctl import threadpool_limits

from bench.common import JFK
from models.speaker import SpeakerEncoder
from pipelines.decode import decode_audio


def _librosa_mel(samples: np.ndarray) -> np.ndarray:
    """What ``SpeakerEncoder.mel`` computed before: the same gain, then librosa."""
    wav = samples.astype(np.float32)
    gain_db = -30.0 - 20 * np.log10(float(np.sqrt(np.mean(wav**2))))
    if gain_db > 0:
        wav = wav * np.float32(10 ** (gain_db / 20))
    frames = librosa.feature.melspectrogram(y=wav, sr=16_000, n_fft=400, hop_length=160, n_mels=40)
    return np.ascontiguousarray(frames.T, dtype=np.float32)


@pytest.mark.parametrize("blas_threads", [1, 2, 4])
@pytest.mark.parametrize(("start_s", "seconds"), [(0.0, 11.0), (2.3, 1.6), (5.0, 0.03)])
def test_the_mel_frames_are_librosas_bit_for_bit(
    start_s: float, seconds: float, blas_threads: int
) -> None:
    audio = np.concatenate([block[0] for block in decode_audio(JFK)])
    part = audio[round(start_s * 16_000) : round((start_s + seconds) * 16_000)]

    # However many BLAS threads share the product (their split changes its rounding on some CPUs).
    with threadpool_limits(blas_threads):
        mel = SpeakerEncoder.mel(part)
        expected = _librosa_mel(part)

    assert mel.dtype == np.float32
    assert mel.shape == (len(part) // 160 + 1, 40)
    np.testing.assert_array_equal(mel, expected)


def test_a_quiet_voice_is_raised_before_its_mel_and_a_loud_one_is_not() -> None:
    audio = np.concatenate([block[0] for block in decode_audio(JFK)])[: 3 * 16_000]

    quiet, quieter = SpeakerEncoder.mel(audio * 0.01), SpeakerEncoder.mel(audio * 0.002)
    loud, louder = SpeakerEncoder.mel(audio * 4), SpeakerEncoder.mel(audio * 8)

    np.testing.assert_array_equal(quiet, _librosa_mel(audio * 0.01))
    np.testing.assert_array_equal(loud, _librosa_mel(audio * 4))
    # Both quiet copies are raised to the same level (-30 dBFS); loud ones keep theirs.
    assert np.isclose(quieter.sum(), quiet.sum(), rtol=1e-3)
    assert np.isclose(louder.sum(), 4 * loud.sum(), rtol=1e-3)
