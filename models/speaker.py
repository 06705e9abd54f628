"""Speaker embeddings: Resemblyzer's voice encoder (GE2E, 3-layer LSTM), whose trained weights
ship inside its wheel (``resemblyzer/pretrained.pt``).

The network is rebuilt here (three layers of torch) and only the weights file is taken from the
package: importing ``resemblyzer`` itself would pull in webrtcvad, which no longer imports on
current setuptools. Loaded once and shared; it is stateless, so any number of streams can use it.
"""

from __future__ import annotations

import functools
import importlib.util
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from models.errors import ModelUnavailableError

__all__ = ["MEL_HOP_S", "WINDOW_FRAMES", "SpeakerEncoder", "packaged_weights"]

FloatArray = npt.NDArray[np.float32]
MEL_HOP_S = 0.01
"""Mel frame hop of the encoder's input (s)."""
WINDOW_FRAMES = 160
"""Frames per embedding window: 1.6 s, what the encoder was trained on."""
_SAMPLE_RATE = 16_000
_TARGET_DBFS = -30.0


def packaged_weights() -> Path:
    spec = importlib.util.find_spec("resemblyzer")
    locations = list(spec.submodule_search_locations or []) if spec else []
    for location in locations:
        candidate = Path(location) / "pretrained.pt"
        if candidate.is_file():
            return candidate
    raise ModelUnavailableError(
        "the voice encoder weights (resemblyzer/pretrained.pt) are not installed; "
        "reinstall with: pip install resemblyzer==0.1.4"
    )


class SpeakerEncoder:
    def __init__(self, weights: Path | None = None, device: str = "cpu") -> None:
        import torch
        from torch import nn

        weights = weights or packaged_weights()

        class _Network(nn.Module):
            def __init__(self) -> None:
                super().__init__()
                self.lstm = nn.LSTM(40, 256, 3, batch_first=True)
                self.linear = nn.Linear(256, 256)

            def forward(self, mels: Any) -> Any:
                _, (hidden, _) = self.lstm(mels)
                raw = torch.relu(self.linear(hidden[-1]))
                return raw / torch.norm(raw, dim=1, keepdim=True).clamp_min(1e-9)

        network = _Network()
        try:
            checkpoint = torch.load(weights, map_location="cpu", weights_only=True)
            network.load_state_dict(checkpoint["model_state"], strict=False)
        except Exception as error:  # torch raises many types for a damaged file
            raise ModelUnavailableError(
                f"cannot load the voice encoder weights {weights} ({error}); "
                "reinstall with: pip install --force-reinstall resemblyzer==0.1.4"
            ) from error
        self._network = network.to(device).eval()
        self._device = device
        self._torch = torch

    @staticmethod
    def mel(samples: FloatArray) -> FloatArray:
        """Mel power frames (n, 40) at 10 ms hop (not log), as the encoder was trained on."""
        wav = samples.astype(np.float32)
        rms = float(np.sqrt(np.mean(wav**2))) if len(wav) else 0.0
        if rms > 0:
            gain_db = _TARGET_DBFS - 20 * np.log10(rms)
            if gain_db > 0:  # only ever raise quiet voices, as Resemblyzer does
                wav = wav * np.float32(10 ** (gain_db / 20))
        return _mel_power(wav)

    def embed(self, windows: Sequence[FloatArray]) -> FloatArray:
        """Unit-length 256-d embeddings of mel windows, each (160, 40)."""
        if not windows:
            return np.zeros((0, 256), np.float32)
        batch = self._torch.from_numpy(np.stack(windows)).to(self._device)
        with self._torch.inference_mode():
            out = self._network(batch).cpu().numpy()
        return np.asarray(out, dtype=np.float32)


_N_FFT = 400
_HOP = 160
_N_MELS = 40


def _mel_power(wav: FloatArray) -> FloatArray:
    """``librosa.feature.melspectrogram(y=wav, sr=16000, n_fft=400, hop_length=160,
    n_mels=40).T``, the same operations in the same precisions (its output bit for bit, a test
    checks), without importing librosa: that import took about 1.8 s of every analysis."""
    import scipy.fft

    padded = np.pad(wav, (_N_FFT // 2, _N_FFT // 2))
    frames = np.lib.stride_tricks.sliding_window_view(padded, _N_FFT)[::_HOP]
    window, basis = _mel_constants()
    spectrum = scipy.fft.rfft(window * frames, axis=-1).astype(np.complex64)
    power = np.abs(spectrum) ** 2.0
    # librosa's own product (filters by frames), not `power @ basis.T`: with more than one BLAS
    # thread the two orders round a few values apart on some CPUs (AVX-512 OpenBLAS kernels).
    mel = np.einsum("ft,mf->mt", power.T, basis, optimize=True)
    return np.ascontiguousarray(mel.T, dtype=np.float32)


@functools.cache
def _mel_constants() -> tuple[npt.NDArray[np.float64], FloatArray]:
    """The periodic Hann window (float64, as scipy's ``get_window``) and the Slaney-normalised
    mel filters (40, 201) (float32, as ``librosa.filters.mel``), computed as those compute them."""
    angles = np.linspace(-np.pi, np.pi, _N_FFT + 1)
    window = np.zeros(_N_FFT + 1)
    for order, weight in enumerate((0.5, 0.5)):
        window += weight * np.cos(order * angles)
    bins = np.fft.rfftfreq(n=_N_FFT, d=1.0 / _SAMPLE_RATE)
    edges = _mel_to_hz(np.linspace(0.0, _hz_to_mel(_SAMPLE_RATE / 2), _N_MELS + 2))
    widths = np.diff(edges)
    ramps = np.subtract.outer(edges, bins)
    filters = np.zeros((_N_MELS, len(bins)), np.float32)
    for band in range(_N_MELS):
        rising, falling = -ramps[band] / widths[band], ramps[band + 2] / widths[band + 1]
        filters[band] = np.maximum(0, np.minimum(rising, falling))
    filters *= (2.0 / (edges[2 : _N_MELS + 2] - edges[:_N_MELS]))[:, np.newaxis]
    return window[:-1], filters


_MEL_STEP_HZ = 200.0 / 3
_LOG_FROM_HZ = 1000.0
_LOG_FROM_MEL = _LOG_FROM_HZ / _MEL_STEP_HZ
_LOG_STEP = np.log(6.4) / 27.0
"""Slaney's mel scale: linear below 1 kHz, logarithmic above."""


def _hz_to_mel(hz: float) -> float:
    if hz < _LOG_FROM_HZ:
        return hz / _MEL_STEP_HZ
    return float(_LOG_FROM_MEL + np.log(hz / _LOG_FROM_HZ) / _LOG_STEP)


def _mel_to_hz(mels: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    hz = _MEL_STEP_HZ * mels
    high = mels >= _LOG_FROM_MEL
    hz[high] = _LOG_FROM_HZ * np.exp(_LOG_STEP * (mels[high] - _LOG_FROM_MEL))
    return hz
