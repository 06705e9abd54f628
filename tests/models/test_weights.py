from __future__ import annotations

import os
from pathlib import Path

import pytest

from models.asr import FasterWhisperRecognizer
from models.errors import ModelUnavailableError
from models.weights import PACKAGED_BASE, resolve_faster_whisper_model


def test_packaged_base_is_joined_once_and_reused(tmp_path: Path) -> None:
    folder = Path(resolve_faster_whisper_model(PACKAGED_BASE, tmp_path))
    model_bin = folder / "model.bin"
    assert model_bin.stat().st_size == 145_217_532  # the two packaged parts, 72,608,766 each
    assert {p.name for p in folder.iterdir()} == {
        "model.bin", "config.json", "tokenizer.json", "vocabulary.txt",
    }  # fmt: skip
    joined_at = model_bin.stat().st_mtime_ns
    os.utime(model_bin, ns=(joined_at - 10**9, joined_at - 10**9))
    again = Path(resolve_faster_whisper_model(PACKAGED_BASE, tmp_path))
    assert again == folder
    assert model_bin.stat().st_mtime_ns == joined_at - 10**9  # reused, not rewritten
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".whisper-base-")]


def test_damaged_joined_copy_is_rebuilt(tmp_path: Path) -> None:
    folder = Path(resolve_faster_whisper_model(PACKAGED_BASE, tmp_path))
    with (folder / "model.bin").open("r+b") as handle:
        handle.truncate(1000)
    rebuilt = Path(resolve_faster_whisper_model(PACKAGED_BASE, tmp_path))
    assert (rebuilt / "model.bin").stat().st_size == 145_217_532


def test_unwritable_cache_says_how_to_fix(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(ModelUnavailableError, match="set MA_CACHE_DIR to a writable folder"):
        resolve_faster_whisper_model(PACKAGED_BASE, blocker / "cache")


def test_custom_folder_is_checked(tmp_path: Path) -> None:
    with pytest.raises(ModelUnavailableError, match="does not exist"):
        resolve_faster_whisper_model(str(tmp_path / "missing-model"), tmp_path)
    empty = tmp_path / "my-model"
    empty.mkdir()
    with pytest.raises(ModelUnavailableError, match=r"missing model\.bin, config\.json"):
        resolve_faster_whisper_model(str(empty), tmp_path)


def test_damaged_custom_model_fails_clearly(tmp_path: Path) -> None:
    packaged = Path(resolve_faster_whisper_model(PACKAGED_BASE, tmp_path / "cache"))
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    for name in ("config.json", "tokenizer.json", "vocabulary.txt"):
        (damaged / name).write_bytes((packaged / name).read_bytes())
    (damaged / "model.bin").write_bytes((packaged / "model.bin").read_bytes()[:5_000_000])
    folder = resolve_faster_whisper_model(str(damaged), tmp_path)
    with pytest.raises(
        ModelUnavailableError, match=r"cannot load the faster-whisper model in .*damaged"
    ):
        FasterWhisperRecognizer(folder)


def test_model_name_is_never_downloaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    name = resolve_faster_whisper_model("tiny", tmp_path)
    assert name == "tiny"
    with pytest.raises(ModelUnavailableError, match="not on this machine"):
        FasterWhisperRecognizer(name)
