"""Speaker embeddings: Resemblyzer's voice encoder (GE2E, 3-layer LSTM), whose trained weights
ship inside its wheel (``resemblyzer/pretrained.pt``).

The network is rebuilt here (three layers of torch) and only the weights file is taken from the
package: importing ``resemblyzer`` itself would pull in webrtcvad, which no longer imports on
current setuptools. Loaded once and shared; it is stateless, so any number of streams can use it.
"""

from __future__ import annotations

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
        import librosa

        wav = samples.astype(np.float32)
        rms = float(np.sqrt(np.mean(wav**2))) if len(wav) else 0.0
        if rms > 0:
            gain_db = _TARGET_DBFS - 20 * np.log10(rms)
            if gain_db > 0:  # only ever raise quiet voices, as Resemblyzer does
                wav = wav * np.float32(10 ** (gain_db / 20))
        frames = librosa.feature.melspectrogram(
            y=wav, sr=_SAMPLE_RATE, n_fft=400, hop_length=160, n_mels=40
        )
        return np.ascontiguousarray(frames.T, dtype=np.float32)

    def embed(self, windows: Sequence[FloatArray]) -> FloatArray:
        """Unit-length 256-d embeddings of mel windows, each (160, 40)."""
        if not windows:
            return np.zeros((0, 256), np.float32)
        batch = self._torch.from_numpy(np.stack(windows)).to(self._device)
        with self._torch.inference_mode():
            out = self._network(batch).cpu().numpy()
        return np.asarray(out, dtype=np.float32)
