"""The packaged CTranslate2 Whisper base converted for openai-whisper: real weights, real speech.

The mapping is written out again here, independently of ``models.whisper_convert``, so the
round trip checks the converter against a second reading of both models' layouts.
"""

from __future__ import annotations

import errno
import filecmp
import itertools
import json
import os
import re
import shutil
import struct
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any, BinaryIO

import ctranslate2
import numpy as np
import numpy.typing as npt
import pytest
import torch
import whisper
from click.testing import CliRunner
from faster_whisper import WhisperModel
from faster_whisper.audio import pad_or_trim
from faster_whisper.tokenizer import Tokenizer
from faster_whisper.transcribe import get_suppressed_tokens
from whisper.model import ModelDimensions, Whisper
from whisper.tokenizer import get_tokenizer

from assistant.cli import cli
from assistant.config import AsrSettings, DiarizationSettings, Settings
from assistant.inputs.media import plan_media
from assistant.processing.analyze import load_speech_models
from assistant.processing.speech import SpeechModels, transcribe_plan
from bench.common import JFK_REFERENCE, normalize_text
from models.asr import (
    ChunkRecognition,
    FasterWhisperRecognizer,
    OpenAIWhisperRecognizer,
    RecognitionOptions,
)
from models.ctranslate2_format import BINARY_VERSION, CTranslate2Model, read_ctranslate2_model
from models.errors import ModelUnavailableError
from models.weights import (
    PACKAGED_BASE,
    packaged_openai_whisper_checkpoint,
    resolve_faster_whisper_model,
)
from models.whisper_convert import (
    ALIGNMENT_HEADS_KEY,
    convert_ctranslate2_whisper,
    decode_alignment_heads,
    write_openai_whisper_checkpoint,
)
from pipelines.frames import SAMPLE_RATE
from tests.media import read_audio

BASE_DIMS = ModelDimensions(
    n_mels=80,
    n_audio_ctx=1500,
    n_audio_state=512,
    n_audio_head=8,
    n_audio_layer=6,
    n_vocab=51865,
    n_text_ctx=448,
    n_text_state=512,
    n_text_head=8,
    n_text_layer=6,
)
_TOP_LEVEL = {
    "encoder.conv1": "encoder/conv1",
    "encoder.conv2": "encoder/conv2",
    "encoder.positional_embedding": "encoder/position_encodings/encodings",
    "encoder.ln_post": "encoder/layer_norm",
    "decoder.token_embedding": "decoder/embeddings",
    "decoder.positional_embedding": "decoder/position_encodings/encodings",
    "decoder.ln": "decoder/layer_norm",
}
_IN_BLOCK = {
    # openai-whisper module: (CTranslate2 scope, which third/half of a fused layer or None)
    "attn.query": ("self_attention/linear_0", (0, 3)),
    "attn.key": ("self_attention/linear_0", (1, 3)),
    "attn.value": ("self_attention/linear_0", (2, 3)),
    "attn.out": ("self_attention/linear_1", None),
    "attn_ln": ("self_attention/layer_norm", None),
    "cross_attn.query": ("attention/linear_0", None),
    "cross_attn.key": ("attention/linear_1", (0, 2)),
    "cross_attn.value": ("attention/linear_1", (1, 2)),
    "cross_attn.out": ("attention/linear_2", None),
    "cross_attn_ln": ("attention/layer_norm", None),
    "mlp.0": ("ffn/linear_0", None),
    "mlp.2": ("ffn/linear_1", None),
    "mlp_ln": ("ffn/layer_norm", None),
}
_SCALARS = {
    "encoder/num_heads", "decoder/num_heads", "decoder/activation", "decoder/pre_norm",
    "decoder/scale_embeddings", "decoder/alibi", "decoder/start_from_zero_embedding",
    "decoder/alignment_heads", "decoder/alignment_layer",
}  # fmt: skip


def _ct2_source(key: str) -> tuple[str, tuple[int, int] | None]:
    """The CTranslate2 variable (and part of it) an openai-whisper state-dict key comes from."""
    module, leaf = key.rsplit(".", 1)
    block = re.fullmatch(r"(encoder|decoder)\.blocks\.(\d+)\.(.+)", module)
    if block:
        side, layer, inner = block.groups()
        scope, part = _IN_BLOCK[inner]
        scope = f"{side}/layer_{layer}/{scope}"
    elif module in _TOP_LEVEL:
        scope, part = _TOP_LEVEL[module], None
    else:  # a parameter directly on the module: the positional embeddings
        return _TOP_LEVEL[key], None
    if scope.endswith("layer_norm"):
        leaf = {"weight": "gamma", "bias": "beta"}[leaf]
    return f"{scope}/{leaf}", part


def _part(array: npt.NDArray[Any], part: tuple[int, int] | None) -> npt.NDArray[Any]:
    if part is None:
        return array
    index, count = part
    rows = array.shape[0] // count
    return array[index * rows : (index + 1) * rows]


def _write_ct2(
    path: Path,
    source: CTranslate2Model,
    variables: Mapping[str, npt.NDArray[Any]],
    aliases: Mapping[str, str],
) -> Path:
    """The writer half of ``ctranslate2/specs/model_spec.py`` (binary version 6)."""
    type_ids = {"float32": 0, "int8": 1, "int16": 2, "int32": 3, "float16": 4}

    def text(value: str) -> bytes:
        raw = value.encode("utf-8")
        return struct.pack("<H", len(raw) + 1) + raw + b"\0"

    with path.open("wb") as handle:
        handle.write(struct.pack("<I", BINARY_VERSION) + text(source.spec))
        handle.write(struct.pack("<II", source.revision, len(variables)))
        for name, array in variables.items():
            handle.write(text(name) + struct.pack("<B", array.ndim))
            handle.write(struct.pack(f"<{array.ndim}I", *array.shape))
            handle.write(struct.pack("<BI", type_ids[array.dtype.name], array.nbytes))
            handle.write(np.ascontiguousarray(array).tobytes())
        handle.write(struct.pack("<I", len(aliases)))
        for alias, name in aliases.items():
            handle.write(text(alias) + text(name))
    return path


@pytest.fixture(scope="module")
def ct2_folder(settings: Settings) -> Path:
    return Path(resolve_faster_whisper_model(PACKAGED_BASE, settings.cache_dir))


@pytest.fixture(scope="module")
def source(ct2_folder: Path) -> CTranslate2Model:
    return read_ctranslate2_model(ct2_folder / "model.bin")


@pytest.fixture(scope="module")
def checkpoint_path(settings: Settings) -> Path:
    return packaged_openai_whisper_checkpoint(settings.cache_dir)


@pytest.fixture(scope="module")
def checkpoint(checkpoint_path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = torch.load(checkpoint_path, weights_only=True)
    return loaded


@pytest.fixture(scope="module")
def openai_settings(settings: Settings) -> Settings:
    """The defaults with the engine switched, as ``MA_ASR__ENGINE=openai-whisper`` gives."""
    return settings.model_copy(
        update={
            "asr": AsrSettings(engine="openai-whisper"),
            "diarization": DiarizationSettings(enabled=False),
        }
    )


@pytest.fixture(scope="module")
def openai_models(openai_settings: Settings) -> SpeechModels:
    return load_speech_models(openai_settings)


@pytest.fixture(scope="module")
def recognizer(openai_models: SpeechModels) -> OpenAIWhisperRecognizer:
    assert isinstance(openai_models.recognizer, OpenAIWhisperRecognizer)
    return openai_models.recognizer


@pytest.fixture
def damaged_folder(ct2_folder: Path, tmp_path: Path) -> Path:
    """A copy of the model folder whose model.bin each test replaces."""
    folder = tmp_path / "damaged"
    folder.mkdir()
    shutil.copyfile(ct2_folder / "config.json", folder / "config.json")
    return folder


def test_the_reader_reads_every_byte_of_the_packaged_model(
    source: CTranslate2Model, ct2_folder: Path, tmp_path: Path
) -> None:
    assert (source.spec, source.revision) == ("WhisperSpec", 3)
    assert len(source.variables) == 212
    assert source.aliases == {"decoder/projection/weight": "decoder/embeddings/weight"}
    assert source.variables["decoder/embeddings/weight"].shape == (51865, 512)
    assert source.variables["decoder/embeddings/weight"].dtype == np.float16
    assert int(source.variables["decoder/num_heads"]) == 8
    # Written back variable by variable, the file is byte for byte the same.
    copy = _write_ct2(tmp_path / "model.bin", source, source.variables, source.aliases)
    assert filecmp.cmp(copy, ct2_folder / "model.bin", shallow=False)


def test_every_tensor_comes_from_the_ctranslate2_file(
    checkpoint: dict[str, Any], source: CTranslate2Model
) -> None:
    assert ModelDimensions(**checkpoint["dims"]) == BASE_DIMS
    state = checkpoint["model_state_dict"]
    torch.manual_seed(0)
    fresh = Whisper(BASE_DIMS).state_dict()
    assert set(state) == set(fresh)
    assert len(state) == 245
    used = set(_SCALARS) | set(source.aliases)
    for key, tensor in state.items():
        name, part = _ct2_source(key)
        used.add(name)
        expected = torch.from_numpy(np.array(_part(source.variables[name], part)))
        assert tensor.dtype == torch.float16, key
        assert torch.equal(tensor, expected), key
        assert tensor.shape == fresh[key].shape, key
        # Even the encoder's fixed sinusoids differ: the file holds their trained float16 copy.
        assert not torch.equal(tensor.float(), fresh[key]), key
    # Nothing in the file was left out, and the dropped key biases were zeros.
    assert used == set(source.variables) | set(source.aliases)
    fused_biases = [
        (name, (1, 3) if name.endswith("self_attention/linear_0/bias") else (0, 2))
        for name in source.variables
        if re.fullmatch(r"\w+/layer_\d+/(self_attention/linear_0|attention/linear_1)/bias", name)
    ]
    assert len(fused_biases) == 6 + 6 + 6
    for name, key_part in fused_biases:
        assert not _part(source.variables[name], key_part).any(), name


def test_alignment_heads_are_openai_whispers_published_base_heads(
    checkpoint: dict[str, Any], recognizer: OpenAIWhisperRecognizer
) -> None:
    published = decode_alignment_heads(whisper._ALIGNMENT_HEADS["base"], BASE_DIMS)
    converted = decode_alignment_heads(checkpoint[ALIGNMENT_HEADS_KEY], BASE_DIMS)
    assert np.array_equal(converted, published)
    assert converted.sum() == 8
    loaded = recognizer._model.alignment_heads.to_dense().numpy()
    assert np.array_equal(loaded, published)


def test_on_the_same_features_both_engines_compute_the_same(
    recognizer: OpenAIWhisperRecognizer, ct2_folder: Path, data_dir: Path
) -> None:
    """The converted model against CTranslate2 (float32) on the original file: the encoder
    outputs agree to float rounding and a beam search reads the phone call to the same tokens."""
    model = recognizer._model
    faster = WhisperModel(str(ct2_folder), compute_type="float32")
    call = read_audio(data_dir / "pyannote-sample" / "sample.wav")[0]
    mel = pad_or_trim(faster.feature_extractor(call)[..., :-1], 3000).astype(np.float32)
    encoded = faster.model.encode(ctranslate2.StorageView.from_array(mel[None]))
    with torch.no_grad():
        features = model.embed_audio(torch.from_numpy(mel)[None])
    difference = np.abs(np.asarray(encoded) - features.numpy())
    assert difference.mean() < 1e-4
    assert difference.max() < 0.05

    tokenizer = get_tokenizer(True, language="en", task="transcribe")
    suppressed = get_suppressed_tokens(
        Tokenizer(faster.hf_tokenizer, True, task="transcribe", language="en"), [-1]
    )
    ct2 = faster.model.generate(
        encoded,
        [[*tokenizer.sot_sequence, tokenizer.no_timestamps]],
        beam_size=5,
        suppress_tokens=suppressed,
    )
    options = whisper.DecodingOptions(
        language="en", beam_size=5, without_timestamps=True, fp16=False
    )
    [ours] = whisper.decode(model, features, options)
    expected = [token for token in ct2[0].sequences_ids[0] if token < tokenizer.eot]
    assert len(expected) > 60
    assert ours.tokens == expected
    assert "this is diane in new jersey" in normalize_text(ours.text)


def test_both_recognisers_read_short_chunks_alike(
    recognizer: OpenAIWhisperRecognizer, ct2_folder: Path, data_dir: Path
) -> None:
    """Chunks shorter than Whisper's window are laid out the same way by both engines (the
    chunk's frames, then zeros), so the same weights read them to the same words."""
    faster = FasterWhisperRecognizer(str(ct2_folder), compute_type="float32")
    call = read_audio(data_dir / "pyannote-sample" / "sample.wav")[0]
    chunks = [call[start * SAMPLE_RATE : (start + 10) * SAMPLE_RATE] for start in (0, 10, 20)]
    options = RecognitionOptions(beam_size=5, language="en", word_timestamps=False)

    ours = recognizer.recognize(chunks, options)
    theirs = faster.recognize(chunks, options)

    def texts(results: list[ChunkRecognition]) -> list[str]:
        return [" ".join(segment.text for segment in result.segments) for result in results]

    assert all(text.strip() for text in texts(theirs))
    assert texts(ours) == texts(theirs)


def test_the_converted_model_reads_jfk_exactly(
    recognizer: OpenAIWhisperRecognizer, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", "")  # arrays in: no ffmpeg binary
    jfk = read_audio(data_dir / "whisper-clips" / "jfk.flac")[0]
    duration = len(jfk) / SAMPLE_RATE
    [result] = recognizer.recognize([jfk], RecognitionOptions(beam_size=5))

    assert result.language == "en"
    assert result.language_probability > 0.9
    assert " ".join(segment.text for segment in result.segments) == JFK_REFERENCE
    words = [word for segment in result.segments for word in segment.words]
    assert "".join(word.text for word in words).strip() == JFK_REFERENCE
    assert all(0.0 <= word.start <= word.end <= duration for word in words)
    assert all(a.start <= b.start for a, b in itertools.pairwise(words))
    assert words[0].start < 0.6
    assert 10.0 < words[-1].end <= duration


def test_the_engine_setting_alone_runs_it_through_the_pipeline(
    openai_models: SpeechModels, openai_settings: Settings, data_dir: Path
) -> None:
    """VAD, chunking, the hallucination filters and the default beam, as faster-whisper gets."""
    result = transcribe_plan(
        plan_media(data_dir / "whisper-clips" / "jfk.flac"), openai_models, openai_settings
    )
    assert result.language == "en"
    text = " ".join(segment.text for segment in result.segments)
    assert normalize_text(text) == normalize_text(JFK_REFERENCE)
    assert all(segment.words for segment in result.segments)


def test_the_checkpoint_is_cached_and_reused(checkpoint_path: Path, settings: Settings) -> None:
    assert checkpoint_path.parent == settings.cache_dir
    assert checkpoint_path.name == "whisper-base-openai-145217532.pt"
    before = checkpoint_path.stat()
    os.utime(checkpoint_path, ns=(before.st_mtime_ns - 10**9, before.st_mtime_ns - 10**9))
    again = packaged_openai_whisper_checkpoint(settings.cache_dir)
    assert again == checkpoint_path
    after = again.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns - 10**9)
    assert not [p for p in settings.cache_dir.iterdir() if p.name.startswith(".")]


def test_a_failed_write_leaves_no_partial_checkpoint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(checkpoint: object, handle: BinaryIO) -> None:
        handle.write(b"PK\x03\x04 half a checkpoint")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(torch, "save", disk_full)
    cache = tmp_path / "cache"
    with pytest.raises(ModelUnavailableError) as caught:
        packaged_openai_whisper_checkpoint(cache)
    message = str(caught.value)
    assert "No space left on device" in message
    assert "whisper-base-openai-145217532.pt" in message
    assert sorted(p.name for p in cache.iterdir()) == ["whisper-base-ct2-145217532"]


def test_a_truncated_model_bin_is_named_with_where_it_ends(
    damaged_folder: Path, ct2_folder: Path
) -> None:
    model_bin = damaged_folder / "model.bin"
    with (ct2_folder / "model.bin").open("rb") as original:
        model_bin.write_bytes(original.read(5_000_000))
    target = damaged_folder / "out.pt"
    with pytest.raises(ModelUnavailableError) as caught:
        write_openai_whisper_checkpoint(damaged_folder, target)
    message = str(caught.value)
    assert message.startswith(f"{model_bin}: cut short: it ends at byte 5,000,000 while variable")
    assert "the file is damaged" in message
    assert sorted(p.name for p in damaged_folder.iterdir()) == ["config.json", "model.bin"]


def test_a_garbage_or_empty_file_is_not_taken_for_a_model(damaged_folder: Path) -> None:
    model_bin = damaged_folder / "model.bin"
    model_bin.write_bytes(np.random.default_rng(0).integers(0, 256, 4096, np.uint8).tobytes())
    with pytest.raises(ModelUnavailableError) as caught:
        convert_ctranslate2_whisper(damaged_folder)
    assert str(model_bin) in str(caught.value)
    assert "not a CTranslate2 model of binary version 6" in str(caught.value)
    model_bin.write_bytes(b"")
    with pytest.raises(ModelUnavailableError, match="is empty"):
        convert_ctranslate2_whisper(damaged_folder)


def test_a_missing_variable_is_named(source: CTranslate2Model, damaged_folder: Path) -> None:
    missing = "decoder/layer_3/ffn/linear_0/weight"
    variables = {k: v for k, v in source.variables.items() if k != missing}
    model_bin = _write_ct2(damaged_folder / "model.bin", source, variables, source.aliases)
    with pytest.raises(ModelUnavailableError) as caught:
        convert_ctranslate2_whisper(damaged_folder)
    assert str(caught.value) == (
        f"{model_bin}: lacks 1 variable(s) openai-whisper needs: {missing}; the file is damaged"
    )


def test_a_variable_without_a_place_is_not_dropped(
    source: CTranslate2Model, damaged_folder: Path
) -> None:
    extra = "decoder/projection/bias"
    variables = {**source.variables, extra: np.ones(51865, np.float16)}
    _write_ct2(damaged_folder / "model.bin", source, variables, source.aliases)
    with pytest.raises(ModelUnavailableError, match=f"has no place for: {extra}; converting"):
        convert_ctranslate2_whisper(damaged_folder)


def test_a_nonzero_key_bias_stops_the_split(source: CTranslate2Model, damaged_folder: Path) -> None:
    name = "encoder/layer_2/self_attention/linear_0/bias"
    bias = np.array(source.variables[name])
    bias[600] = 0.5
    _write_ct2(damaged_folder / "model.bin", source, {**source.variables, name: bias}, {})
    # No alias: the tied projection is missing too, and that is found first.
    with pytest.raises(ModelUnavailableError, match="not tied to 'decoder/embeddings/weight'"):
        convert_ctranslate2_whisper(damaged_folder)
    _write_ct2(
        damaged_folder / "model.bin", source, {**source.variables, name: bias}, source.aliases
    )
    with pytest.raises(ModelUnavailableError, match=rf"key rows 512-1024 of '{name}'.*0\.5"):
        convert_ctranslate2_whisper(damaged_folder)


def test_missing_alignment_heads_are_named(ct2_folder: Path, damaged_folder: Path) -> None:
    os.link(ct2_folder / "model.bin", damaged_folder / "model.bin")
    config = damaged_folder / "config.json"
    settings = json.loads(config.read_text())
    del settings["alignment_heads"]
    config.write_text(json.dumps(settings))
    with pytest.raises(ModelUnavailableError, match=r"config\.json: has no readable 'alignment"):
        convert_ctranslate2_whisper(damaged_folder)
    config.unlink()
    with pytest.raises(ModelUnavailableError, match=r"config\.json: is missing"):
        convert_ctranslate2_whisper(damaged_folder)


def test_cli_models_convert(
    checkpoint_path: Path, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MA_CACHE_DIR", str(settings.cache_dir))
    result = CliRunner().invoke(cli, ["models", "convert"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(checkpoint_path)

    result = CliRunner().invoke(cli, ["models", "convert", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    written = tmp_path / "whisper-base-openai.pt"
    assert result.stdout.strip() == str(written)
    assert filecmp.cmp(written, checkpoint_path, shallow=False)


def test_cli_models_convert_without_openai_whisper_says_how_to_install(
    ct2_folder: Path, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MA_CACHE_DIR", str(settings.cache_dir))
    monkeypatch.setitem(sys.modules, "whisper", None)
    monkeypatch.setitem(sys.modules, "whisper.model", None)
    out = tmp_path / "base.pt"
    result = CliRunner().invoke(cli, ["models", "convert", "--out", str(out)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "pip install 'meeting-assistant[openai-whisper]'" in result.output
    assert not out.exists()
