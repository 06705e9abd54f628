"""The openai-whisper backend's contract through its real checkpoint loader, on real speech.

Each test builds a tiny randomly initialised Whisper, saves it as openai-whisper publishes its
``.pt`` files, and loads it by path: quick, and any shape of model. Random weights give garbage
text: the tests check the contract (shapes, languages, time spans, errors), not the words. The
real weights (the packaged base, converted) are tested in ``test_whisper_convert.py``.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest
import torch
import whisper
from whisper.model import ModelDimensions, Whisper
from whisper.tokenizer import LANGUAGES, get_tokenizer

from models.asr import ChunkRecognition, OpenAIWhisperRecognizer, RecognitionOptions
from models.errors import ModelUnavailableError
from pipelines.frames import SAMPLE_RATE
from tests.media import read_audio

# Decoding is bounded so a random model cannot spend long looping; Whisper's own cap is 224.
MAX_NEW_TOKENS = 8

TINY_DIMS = ModelDimensions(
    n_mels=80,
    n_audio_ctx=1500,
    n_audio_state=64,
    n_audio_head=2,
    n_audio_layer=2,
    n_vocab=51865,
    n_text_ctx=448,
    n_text_state=64,
    n_text_head=2,
    n_text_layer=2,
)


def _random_whisper(dims: ModelDimensions, seed: int) -> Whisper:
    torch.manual_seed(seed)
    model = Whisper(dims)
    # Whisper leaves the text positions as torch.empty (a checkpoint always overwrites them), and
    # uninitialised memory can make the logits NaN. Zeros keep the random decoder position-blind,
    # so it settles fast and a window's decoding ends well inside MAX_NEW_TOKENS.
    torch.nn.init.zeros_(model.decoder.positional_embedding)
    # Random tied embeddings make the decoder echo its last input token, and the prompt ends with
    # <|notimestamps|> (both recognisers decode text without timestamp tokens): without its
    # embedding row the random model emits text tokens, so segments and word timings come out.
    tokenizer = get_tokenizer(model.is_multilingual, num_languages=model.num_languages)
    with torch.no_grad():
        model.decoder.token_embedding.weight[tokenizer.no_timestamps] = 0.0
    return model


@pytest.fixture(scope="module")
def checkpoint(tmp_path_factory: pytest.TempPathFactory) -> Path:
    model = _random_whisper(TINY_DIMS, seed=0)
    path = tmp_path_factory.mktemp("openai-whisper") / "tiny-random.pt"
    torch.save({"dims": asdict(TINY_DIMS), "model_state_dict": model.state_dict()}, path)
    return path


@pytest.fixture(scope="module")
def recognizer(checkpoint: Path) -> OpenAIWhisperRecognizer:
    return OpenAIWhisperRecognizer(str(checkpoint), max_new_tokens=MAX_NEW_TOKENS)


@pytest.fixture(scope="module")
def jfk(data_dir: Path) -> npt.NDArray[np.float32]:
    audio = read_audio(data_dir / "whisper-clips" / "jfk.flac")
    assert audio.shape[0] == 1
    mono: npt.NDArray[np.float32] = audio[0]
    return mono


def _assert_spans_inside(result: ChunkRecognition, duration: float) -> None:
    previous_start = 0.0
    for segment in result.segments:
        assert segment.text == segment.text.strip()
        assert segment.text
        assert 0.0 <= segment.start <= segment.end <= duration
        assert segment.start >= previous_start
        previous_start = segment.start
        assert segment.avg_logprob <= 0.0
        assert 0.0 <= segment.no_speech_prob <= 1.0
        assert segment.compression_ratio > 0.0
        for word in segment.words:
            assert 0.0 <= word.start <= word.end <= duration
            assert 0.0 <= word.probability <= 1.0


def test_the_checkpoint_loads_as_a_multilingual_whisper(
    recognizer: OpenAIWhisperRecognizer,
) -> None:
    assert recognizer.name == "openai-whisper"
    model = recognizer._model
    assert isinstance(model, Whisper)
    assert model.is_multilingual
    assert model.dims == TINY_DIMS
    assert model.device == torch.device("cpu")


def test_detects_a_language_per_chunk_and_keeps_spans_inside_it(
    recognizer: OpenAIWhisperRecognizer,
    jfk: npt.NDArray[np.float32],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Arrays go in, so the ffmpeg binary is never looked for.
    monkeypatch.setenv("PATH", "")
    torch.manual_seed(0)
    chunks = [jfk, jfk[: 4 * SAMPLE_RATE]]
    results = recognizer.recognize(chunks, RecognitionOptions(beam_size=1))

    assert len(results) == len(chunks)
    for chunk, result in zip(chunks, results, strict=True):
        assert isinstance(result, ChunkRecognition)
        assert result.language in LANGUAGES
        assert 0.0 < result.language_probability <= 1.0
        _assert_spans_inside(result, len(chunk) / SAMPLE_RATE)
    # A random model still decodes something out of 11 s of speech.
    assert results[0].segments


def test_a_forced_language_is_used_as_given(
    recognizer: OpenAIWhisperRecognizer,
    jfk: npt.NDArray[np.float32],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    model = recognizer._model
    detections: list[object] = []
    detect_language = model.detect_language

    def counting_detect_language(*args: object, **kwargs: object) -> object:
        detections.append(args)
        return detect_language(*args, **kwargs)

    monkeypatch.setattr(model, "detect_language", counting_detect_language)
    torch.manual_seed(0)
    chunk = jfk[: 3 * SAMPLE_RATE]
    [result] = recognizer.recognize([chunk], RecognitionOptions(beam_size=1, language="de"))
    assert result.language == "de"
    # Neither the recogniser nor openai-whisper's transcribe looked for another language.
    assert detections == []
    assert result.language_probability == 1.0
    _assert_spans_inside(result, len(chunk) / SAMPLE_RATE)


def test_a_prompt_reaches_the_decoder(
    recognizer: OpenAIWhisperRecognizer,
    jfk: npt.NDArray[np.float32],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Text said before the chunk (a live buffer's context) is Whisper's previous-text prompt."""
    seen: list[whisper.DecodingOptions] = []
    decode = whisper.decode

    def spying_decode(model: object, features: object, options: whisper.DecodingOptions) -> object:
        seen.append(options)
        return decode(model, features, options)

    monkeypatch.setattr(whisper, "decode", spying_decode)
    chunk = jfk[: 3 * SAMPLE_RATE]
    options = RecognitionOptions(beam_size=1, language="en", prompt="So my fellow citizens.")
    [result] = recognizer.recognize([chunk], options)
    assert [o.prompt for o in seen] == ["So my fellow citizens."]
    assert seen[0].without_timestamps
    assert seen[0].sample_len == MAX_NEW_TOKENS
    _assert_spans_inside(result, len(chunk) / SAMPLE_RATE)


def test_an_english_only_model_reports_english(
    tmp_path: Path, jfk: npt.NDArray[np.float32]
) -> None:
    dims = ModelDimensions(**{**asdict(TINY_DIMS), "n_vocab": 51864})
    path = tmp_path / "tiny-random.en.pt"
    model = _random_whisper(dims, seed=1)
    torch.save({"dims": asdict(dims), "model_state_dict": model.state_dict()}, path)
    recognizer = OpenAIWhisperRecognizer(str(path), max_new_tokens=MAX_NEW_TOKENS)
    assert not recognizer._model.is_multilingual

    chunk = jfk[: 2 * SAMPLE_RATE]
    for language in (None, "de"):
        [result] = recognizer.recognize([chunk], RecognitionOptions(beam_size=1, language=language))
        assert (result.language, result.language_probability) == ("en", 1.0)
        _assert_spans_inside(result, len(chunk) / SAMPLE_RATE)


def test_no_chunks_no_results(recognizer: OpenAIWhisperRecognizer) -> None:
    assert recognizer.recognize([], RecognitionOptions(beam_size=1)) == []


def test_a_missing_checkpoint_says_nothing_is_downloaded(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-model.pt"
    with pytest.raises(ModelUnavailableError) as caught:
        OpenAIWhisperRecognizer(str(missing))
    message = str(caught.value)
    assert str(missing) in message
    assert "does not exist" in message
    assert "nothing is downloaded" in message
    assert "MA_ASR__MODEL" in message


def test_a_published_model_name_is_not_downloaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    with pytest.raises(ModelUnavailableError, match="nothing is downloaded"):
        OpenAIWhisperRecognizer("tiny")
    assert not (tmp_path / "cache").exists()


def test_a_folder_is_not_a_checkpoint(tmp_path: Path) -> None:
    with pytest.raises(ModelUnavailableError, match="is not a file"):
        OpenAIWhisperRecognizer(str(tmp_path))


def test_a_corrupt_checkpoint_is_reported(tmp_path: Path) -> None:
    corrupt = tmp_path / "corrupt.pt"
    corrupt.write_bytes(np.random.default_rng(0).integers(0, 256, 4096, dtype=np.uint8).tobytes())
    with pytest.raises(ModelUnavailableError) as caught:
        OpenAIWhisperRecognizer(str(corrupt))
    assert str(corrupt) in str(caught.value)
    assert "cannot load the openai-whisper checkpoint" in str(caught.value)


def test_a_checkpoint_without_dims_is_reported(tmp_path: Path) -> None:
    wrong = tmp_path / "weights-only.pt"
    torch.save({"model_state_dict": {}}, wrong)
    with pytest.raises(ModelUnavailableError) as caught:
        OpenAIWhisperRecognizer(str(wrong))
    assert isinstance(caught.value.__cause__, KeyError)
    assert str(wrong) in str(caught.value)
