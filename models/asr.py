"""Speech recognisers behind one small interface.

A recogniser is loaded once and shared; it is stateless between calls, so any number of
participant streams can feed it chunks. Times it returns are relative to each chunk.
"""

from __future__ import annotations

import itertools
import logging
import zlib
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar

import numpy as np
import numpy.typing as npt

from models.errors import ModelUnavailableError

__all__ = [
    "ChunkRecognition",
    "FasterWhisperRecognizer",
    "OpenAIWhisperRecognizer",
    "RecognitionOptions",
    "RecognizedSegment",
    "RecognizedWord",
    "SpeechRecognizer",
    "choose_languages",
]

log = logging.getLogger(__name__)

FloatArray = npt.NDArray[np.float32]
_Item = TypeVar("_Item")
_Result = TypeVar("_Result")
_PREPEND_PUNCTUATION = "\"'“¿([{-"
_APPEND_PUNCTUATION = "\"'.。,，!！?？:：”)]}、"


@dataclass(frozen=True, slots=True)
class RecognitionOptions:
    beam_size: int = 5
    language: str | None = None
    """ISO 639-1 code to force; None detects the language of every chunk on its own."""
    fallback_language: str | None = None
    """Used for a chunk whose own detection is unsure (see ``min_language_probability``): the
    meeting's language so far, so a short "Yeah, sure." is not read as Welsh."""
    default_language: str | None = "en"
    """For an unsure chunk when no fallback is known and no chunk of the same batch was sure
    of its language either: a short sentence with nothing else to go by is far more often
    English than the language Whisper guesses for it. None keeps the guess."""
    min_language_probability: float = 0.5
    word_timestamps: bool = True
    """Time every word (an extra alignment pass); off, segments carry text only (``words``
    empty), which a live partial hypothesis does not need and which halves its cost."""
    prompt: str | None = None
    """Text said just before the chunk, given to the decoder as Whisper's previous-text
    context; a live buffer trimmed mid-speech keeps the sense of what came before."""
    no_repeat_ngram_size: int = 0
    """Forbid the decoder to repeat any run of this many tokens (0: allowed). On far-field or
    crosstalk audio Whisper can loop ("Yeah, yeah, yeah, ..." or one question over and over)
    up to its 224-token cap, and a batch decodes as long as its longest chunk: a loop made
    a batch of 4 cost about 2.5x one without. Real speech rarely says 12 tokens twice in one
    30 s chunk. faster-whisper only."""
    in_parts: bool = False
    """Cut the batch into one part per worker, decoded at once, as a recogniser loaded with
    ``split_batches`` always does. An offline analysis in a process loaded for live meetings
    (``serve``) asks for it, so it reads the words ``analyze`` reads: on an AVX-512 machine,
    MKL's int8 kernels round a batch of 4 on one worker differently from two parts of 2, and
    the 10-minute recording of the shared clips kept 1,138 of its 1,164 words instead of
    1,163. faster-whisper only."""
    window_s: float | None = None
    """Encoder window (s). None pads every chunk with silence to Whisper's 30 s, as it was
    trained. A shorter window (at least the chunk plus ``_WINDOW_MARGIN_S`` of silence) encodes
    several times faster for a small loss of accuracy: on our tuning clips a 15 s window read
    within 3.3 % WER of the 30 s one at 0.36 s instead of 0.85 s per decode on 2 cores; windows
    barely longer than the speech make the decoder loop. faster-whisper only; the openai-whisper
    backend always encodes 30 s."""


@dataclass(frozen=True, slots=True)
class RecognizedWord:
    text: str
    start: float
    """Start (s from the chunk start)."""
    end: float
    """End (s from the chunk start)."""
    probability: float


@dataclass(frozen=True, slots=True)
class RecognizedSegment:
    start: float
    """Start (s from the chunk start)."""
    end: float
    """End (s from the chunk start)."""
    text: str
    words: tuple[RecognizedWord, ...]
    avg_logprob: float
    """Mean log-probability per token of the decoded chunk."""
    no_speech_prob: float
    """Model's probability that the chunk holds no speech."""
    compression_ratio: float
    """Text length over its zlib length; high values mean the model is looping."""


@dataclass(frozen=True, slots=True)
class ChunkRecognition:
    language: str
    language_probability: float
    segments: tuple[RecognizedSegment, ...]


class SpeechRecognizer(Protocol):
    """Turns a batch of speech chunks (16 kHz mono float32, each <= 30 s) into text."""

    name: str

    def recognize(
        self, chunks: Sequence[FloatArray], options: RecognitionOptions
    ) -> list[ChunkRecognition]: ...


def compression_ratio(text: str) -> float:
    encoded = text.encode("utf-8")
    return len(encoded) / max(1, len(zlib.compress(encoded)))


class FasterWhisperRecognizer:
    """faster-whisper (CTranslate2) decoding a batch of chunks in one call.

    The encoder runs once per batch; each chunk's language is read from that same encoder output,
    so a meeting that switches language is followed chunk by chunk at no extra encoder cost.
    """

    name = "faster-whisper"

    def __init__(
        self,
        model: str,
        *,
        device: str = "cpu",
        compute_type: str = "int8",
        cpu_threads: int = 0,
        workers: int = 1,
        split_batches: bool = False,
    ) -> None:
        """``split_batches``: a batch is cut into one part per worker, decoded at once from as
        many threads (for a caller that decodes one batch at a time, with single-threaded
        workers): each worker then runs its own ops on its own core, with none of the waits
        two threads on every small decoder op cost (about 15 % more CPU per batch on 2 cores)
        nor the stalls when another thread of the process takes one of them."""
        from faster_whisper import WhisperModel

        self._workers = workers
        self._split_batches = split_batches
        self._pool = (
            ThreadPoolExecutor(workers, thread_name_prefix="asr-part") if workers > 1 else None
        )

        try:
            self._model = WhisperModel(
                model,
                device=device,
                compute_type=compute_type,
                cpu_threads=cpu_threads,
                num_workers=workers,
                local_files_only=True,
            )
        except Exception as error:  # CTranslate2 and huggingface_hub raise many types
            if not Path(model).is_dir():
                raise ModelUnavailableError(
                    f"faster-whisper model {model!r} is not on this machine and nothing is "
                    "downloaded at run time; point MA_ASR__MODEL at a model folder, or use "
                    "'packaged-base'",
                ) from error
            raise ModelUnavailableError(
                f"cannot load the faster-whisper model in {model} ({error}); the files look "
                "damaged: copy the folder again, or use the default 'packaged-base'",
            ) from error

    def recognize(
        self, chunks: Sequence[FloatArray], options: RecognitionOptions
    ) -> list[ChunkRecognition]:
        if not chunks:
            return []
        in_parts = self._split_batches or options.in_parts
        count = min(self._workers if in_parts else 1, len(chunks))
        bounds = [len(chunks) * i // count for i in range(count + 1)]
        parts = [chunks[a:b] for a, b in itertools.pairwise(bounds)]
        # Encoded and detected part by part, the languages are still chosen over the whole
        # batch (an unsure chunk follows the sure ones of its batch), then decoded by part.
        encoded = self._each(parts, lambda part: self._encode(part, options, by_row=count > 1))
        rankings = [ranked for _, part_rankings in encoded for ranked in part_rankings]
        if rankings:
            languages = choose_languages(rankings, [len(chunk) for chunk in chunks], options)
        else:
            languages = [(options.language or "en", 1.0)] * len(chunks)
        codes = [code for code, _ in languages]
        decoded = self._each(
            list(range(count)),
            lambda i: self._decode(
                encoded[i][0], parts[i], codes[bounds[i] : bounds[i + 1]], options
            ),
        )
        segments = [found for part in decoded for found in part]
        return [
            ChunkRecognition(code, probability, found)
            for (code, probability), found in zip(languages, segments, strict=True)
        ]

    def _each(self, items: Sequence[_Item], work: Callable[[_Item], _Result]) -> list[_Result]:
        """``work`` on each item, at once on the workers when the batch is split."""
        if self._pool is None or len(items) == 1:
            return [work(item) for item in items]
        return list(self._pool.map(work, items))

    def _encode(
        self, chunks: Sequence[FloatArray], options: RecognitionOptions, *, by_row: bool
    ) -> tuple[Any, list[list[tuple[str, float]]]]:
        """The chunks' encoder output, and each one's languages ranked with their
        probabilities (none when the language is forced or the model knows only English);
        ``by_row``: one window at a time (a part of a batch cut among the workers)."""
        from faster_whisper.audio import pad_or_trim

        model = self._model
        frames = _window_frames(max(len(chunk) for chunk in chunks), options.window_s)
        features = np.stack(
            [
                pad_or_trim(model.feature_extractor(chunk, _FEATURE_PADDING)[..., :-1], frames)
                for chunk in chunks
            ]
        )
        if by_row and len(features) > 1:
            import ctranslate2

            # Row by row: as fast on one thread, and the self-attention of only one 30 s
            # window (about 100 MB) alive per worker at a time.
            encoder_output = ctranslate2.StorageView.from_array(
                np.concatenate([np.asarray(model.encode(row[None])) for row in features])
            )
        else:
            encoder_output = model.encode(features)
        if options.language is not None or not model.model.is_multilingual:
            return encoder_output, []
        detections = model.model.detect_language(encoder_output)
        # Each detection is a list of ("<|de|>", probability), best first.
        return encoder_output, [
            [(token[2:-2], float(p)) for token, p in ranked] for ranked in detections
        ]

    def _decode(
        self,
        encoder_output: Any,
        chunks: Sequence[FloatArray],
        languages: Sequence[str],
        options: RecognitionOptions,
    ) -> list[tuple[RecognizedSegment, ...]]:
        from faster_whisper.tokenizer import Tokenizer
        from faster_whisper.transcribe import get_suppressed_tokens

        model = self._model
        tokenizers = {
            code: Tokenizer(
                model.hf_tokenizer, model.model.is_multilingual, task="transcribe", language=code
            )
            for code in dict.fromkeys(languages)
        }
        any_tokenizer = tokenizers[languages[0]]
        # Text only, no timestamp tokens: fewer tokens to decode; segments are cut afterwards
        # at sentence ends and pauses from the word timings.
        previous = any_tokenizer.encode(" " + options.prompt.strip()) if options.prompt else []
        prompts = {
            code: model.get_prompt(tokenizer, previous_tokens=previous, without_timestamps=True)
            for code, tokenizer in tokenizers.items()
        }
        # One generate call for the whole batch, each chunk with its own language token (as
        # faster-whisper's batched pipeline does): a call per language costs nearly as much
        # as one for all, a decoder step of a few rows being mostly fixed overhead.
        generated = model.model.generate(
            encoder_output,
            [list(prompts[code]) for code in languages],
            beam_size=options.beam_size,
            max_length=model.max_length,
            suppress_blank=True,
            suppress_tokens=get_suppressed_tokens(any_tokenizer, [-1]),
            no_repeat_ngram_size=options.no_repeat_ngram_size,
            return_scores=True,
            return_no_speech_prob=True,
        )
        per_chunk: list[list[dict[str, Any]]] = []
        sizes: list[int] = []
        stats: list[tuple[float, float]] = []
        eot = any_tokenizer.eot
        for chunk, result in zip(chunks, generated, strict=True):
            tokens = result.sequences_ids[0]
            duration = len(chunk) / 16_000
            size = int(np.ceil(duration) * model.frames_per_second)
            text_tokens = [token for token in tokens if token < eot]
            # As faster-whisper's batched pipeline: length penalty 1, so the score is a sum.
            avg_logprob = result.scores[0] * len(tokens) / (len(tokens) + 1)
            stats.append((avg_logprob, result.no_speech_prob))
            sizes.append(size)
            # One subsegment spanning the chunk; word timings split it into sentences later.
            per_chunk.append(
                [{"tokens": text_tokens, "start": 0.0, "end": duration, "seek": 0}]
                if text_tokens
                else []
            )
        if options.word_timestamps:
            # The alignment pass starts from the language's own prompt: one per language.
            for code, tokenizer in tokenizers.items():
                indices = [i for i, found in enumerate(languages) if found == code and per_chunk[i]]
                if indices:
                    model.add_word_timestamps(
                        [per_chunk[i] for i in indices],
                        tokenizer,
                        _rows(encoder_output, indices, len(chunks)),
                        [sizes[i] for i in indices],
                        _PREPEND_PUNCTUATION,
                        _APPEND_PUNCTUATION,
                        0.0,
                    )
        output: list[tuple[RecognizedSegment, ...]] = []
        for decoded, (avg_logprob, no_speech_prob) in zip(per_chunk, stats, strict=True):
            segments = []
            pieces = [piece for sub in decoded for piece in _sentences(sub, any_tokenizer)]
            for sub in pieces:
                text = sub["text"].strip()
                if not text:
                    continue
                words = tuple(
                    RecognizedWord(
                        w["word"], float(w["start"]), float(w["end"]), float(w["probability"])
                    )
                    for w in sub.get("words", [])
                )
                segments.append(
                    RecognizedSegment(
                        start=float(sub["start"]),
                        end=float(sub["end"]),
                        text=text,
                        words=words,
                        avg_logprob=float(avg_logprob),
                        no_speech_prob=float(no_speech_prob),
                        compression_ratio=compression_ratio(text),
                    )
                )
            output.append(tuple(segments))
        return output


def _rows(encoder_output: Any, indices: Sequence[int], total: int) -> Any:
    """The encoder output of the chunks at ``indices`` (all of it when that is every chunk)."""
    if len(indices) == total:
        return encoder_output
    import ctranslate2

    return ctranslate2.StorageView.from_array(
        np.ascontiguousarray(np.asarray(encoder_output)[list(indices)])
    )


_WINDOW_MARGIN_S = 2.0
_FEATURE_PADDING = 160
"""Samples of silence after a chunk before its mel frames (faster-whisper's default)."""
_FULL_WINDOW_FRAMES = 3000
_FRAMES_PER_SECOND = 100


def _window_frames(samples: int, window_s: float | None) -> int:
    """Mel frames the encoder sees for a chunk of ``samples``: Whisper's 30 s, or the window."""
    if window_s is None:
        return _FULL_WINDOW_FRAMES
    needed = samples / 16_000 + _WINDOW_MARGIN_S
    return min(_FULL_WINDOW_FRAMES, round(max(window_s, needed) * _FRAMES_PER_SECOND))


def choose_languages(
    rankings: Sequence[Sequence[tuple[str, float]]],
    lengths: Sequence[int],
    options: RecognitionOptions,
) -> list[tuple[str, float]]:
    """The language of each chunk of a batch from its detection (languages ranked with their
    probabilities) and its length (samples): the detected one when sure; otherwise the
    meeting's (``fallback_language``), else the one the sure chunks of this batch share most
    (by length), else ``default_language``; the guess only when none of those is known."""
    sure: dict[str, int] = {}
    for ranked, length in zip(rankings, lengths, strict=True):
        best, probability = ranked[0]
        if probability >= options.min_language_probability:
            sure[best] = sure.get(best, 0) + length
    fallback = options.fallback_language or (
        max(sure, key=sure.__getitem__) if sure else options.default_language
    )
    chosen = []
    for ranked in rankings:
        best, probability = ranked[0]
        if probability >= options.min_language_probability or fallback is None:
            chosen.append((best, probability))
        else:
            chosen.append((fallback, next((p for code, p in ranked if code == fallback), 0.0)))
    return chosen


_SENTENCE_END = (".", "?", "!", "。", "？", "！")
_PAUSE_S = 1.0


def _sentences(sub: dict[str, Any], tokenizer: Any) -> list[dict[str, Any]]:
    """Cut one chunk-long subsegment into sentences and pauses, by its word timings."""
    words = sub.get("words") or []
    if not words:
        return [{**sub, "text": tokenizer.decode(sub["tokens"])}]
    groups: list[list[dict[str, Any]]] = [[]]
    for word in words:
        current = groups[-1]
        if current and word["start"] - current[-1]["end"] > _PAUSE_S:
            groups.append([])
        groups[-1].append(word)
        if word["word"].strip().endswith(_SENTENCE_END):
            groups.append([])
    return [
        {
            "text": "".join(word["word"] for word in group),
            "start": group[0]["start"],
            "end": group[-1]["end"],
            "words": group,
        }
        for group in groups
        if group
    ]


class OpenAIWhisperRecognizer:
    """The reference openai-whisper implementation (PyTorch), decoding as the faster-whisper
    recogniser does: one encoder pass per batch, each chunk's language read from it, text
    without timestamp tokens, word timings from the alignment heads, cuts at sentence ends.

    Optional: ``pip install 'meeting-assistant[openai-whisper]'``. Audio goes in as arrays, so the
    ffmpeg binary is never needed, and only a local ``.pt`` checkpoint is loaded: nothing is
    downloaded. The default is the packaged base converted from CTranslate2
    (``models.weights.resolve_openai_whisper_checkpoint``). ``max_new_tokens`` caps the tokens
    decoded per chunk (Whisper's own cap, half the text context, when None).
    """

    name = "openai-whisper"

    def __init__(
        self, model: str, *, device: str = "cpu", max_new_tokens: int | None = None
    ) -> None:
        try:
            import whisper.model as whisper_model
        except ImportError as error:
            raise ModelUnavailableError(
                "the openai-whisper backend is not installed; run "
                "pip install 'meeting-assistant[openai-whisper]' or set "
                "MA_ASR__ENGINE=faster-whisper",
            ) from error
        checkpoint = Path(model).expanduser()
        if not checkpoint.is_file():
            problem = "is not a file" if checkpoint.exists() else "does not exist"
            raise ModelUnavailableError(
                f"openai-whisper checkpoint {checkpoint} {problem}; nothing is downloaded "
                "at run time, so point MA_ASR__MODEL at a .pt checkpoint file, or leave it at "
                "'packaged-base'",
            )
        try:
            self._model = _load_openai_whisper(whisper_model, checkpoint, device)
        except Exception as error:  # torch raises many types for a damaged checkpoint
            raise ModelUnavailableError(
                f"cannot load the openai-whisper checkpoint {checkpoint} ({error}); "
                "it must be a .pt file as openai-whisper publishes them, with 'dims' and "
                "'model_state_dict' (a converted copy in the cache folder can be deleted: it "
                "is made again)",
            ) from error
        self._max_new_tokens = max_new_tokens

    def recognize(
        self, chunks: Sequence[FloatArray], options: RecognitionOptions
    ) -> list[ChunkRecognition]:
        if not chunks:
            return []
        import torch
        import whisper

        model = self._model
        # The faster-whisper recogniser's layout: the chunk's own frames (160 samples of
        # padding, the last frame dropped), then zeros to the window. Padding the audio to
        # 30 s first, as openai-whisper's transcribe does, fills the window with the log-mel
        # floor instead, and the two engines read the same chunk differently (2 words of 80
        # on the phone call).
        mels = torch.stack(
            [
                whisper.pad_or_trim(
                    whisper.log_mel_spectrogram(
                        np.ascontiguousarray(chunk, dtype=np.float32),
                        model.dims.n_mels,
                        padding=_FEATURE_PADDING,
                        device=model.device,
                    )[..., :-1],
                    _FULL_WINDOW_FRAMES,
                )
                for chunk in chunks
            ]
        )
        # One encoder pass for the batch; language detection and decoding both read it.
        with torch.no_grad():
            features = model.embed_audio(mels)
        languages = self._languages(features, [len(chunk) for chunk in chunks], options)
        results: list[ChunkRecognition | None] = [None] * len(chunks)
        for language, group in itertools.groupby(
            sorted(range(len(chunks)), key=lambda index: languages[index][0]),
            key=lambda index: languages[index][0],
        ):
            indices = list(group)
            decoded = self._decode(
                features[indices],
                mels[indices],
                [chunks[index] for index in indices],
                language,
                options,
            )
            for index, segments in zip(indices, decoded, strict=True):
                results[index] = ChunkRecognition(language, languages[index][1], segments)
        return [result for result in results if result is not None]

    def _languages(
        self, features: Any, lengths: Sequence[int], options: RecognitionOptions
    ) -> list[tuple[str, float]]:
        count = len(features)
        # An English-only model decodes English whatever it is asked for.
        if not self._model.is_multilingual:
            return [("en", 1.0)] * count
        if options.language is not None:
            return [(options.language, 1.0)] * count
        _, detections = self._model.detect_language(features)
        rankings = [
            sorted(((code, float(p)) for code, p in probabilities.items()), key=lambda x: -x[1])
            for probabilities in detections
        ]
        return choose_languages(rankings, lengths, options)

    def _decode(
        self,
        features: Any,
        mels: Any,
        chunks: Sequence[FloatArray],
        language: str,
        options: RecognitionOptions,
    ) -> list[tuple[RecognizedSegment, ...]]:
        """As ``FasterWhisperRecognizer._decode``: text without timestamp tokens, one beam
        search per chunk, then word timings and sentence cuts; Whisper's own ``transcribe``
        (timestamp tokens, temperature fallback) would make the two engines read differently."""
        import torch
        import whisper
        from whisper.timing import add_word_timestamps
        from whisper.tokenizer import get_tokenizer

        model = self._model
        tokenizer = get_tokenizer(
            model.is_multilingual,
            num_languages=model.num_languages,
            language=language,
            task="transcribe",
        )
        decoding = whisper.DecodingOptions(
            task="transcribe",
            language=language,
            beam_size=options.beam_size,
            without_timestamps=True,
            prompt=options.prompt,
            sample_len=self._max_new_tokens,
            fp16=False,
        )
        # openai-whisper (20250625) beam-searches a batch of more than one audio with
        # mismatched shapes (openai/whisper#2197, #2389, unmerged): one chunk per call then.
        if options.beam_size > 1:
            decoded = [
                result
                for index in range(len(chunks))
                for result in whisper.decode(model, features[index : index + 1], decoding)
            ]
        else:
            decoded = whisper.decode(model, features, decoding)
        output: list[tuple[RecognizedSegment, ...]] = []
        for chunk, mel, result in zip(chunks, mels, decoded, strict=True):
            duration = len(chunk) / 16_000
            text_tokens = [token for token in result.tokens if token < tokenizer.eot]
            subsegments = (
                [{"tokens": text_tokens, "start": 0.0, "end": duration, "seek": 0}]
                if text_tokens
                else []
            )
            if options.word_timestamps and subsegments:
                threads = torch.get_num_threads()
                add_word_timestamps(
                    segments=subsegments,
                    model=model,
                    tokenizer=tokenizer,
                    mel=mel,
                    # As faster-whisper: the chunk's whole seconds of mel frames.
                    num_frames=min(_FULL_WINDOW_FRAMES, int(np.ceil(duration)) * 100),
                    prepend_punctuations=_PREPEND_PUNCTUATION,
                    append_punctuations=_APPEND_PUNCTUATION,
                    last_speech_timestamp=0.0,
                )
                # Numba compiles the alignment on first use and resets torch's thread count
                # on the way (they share the OpenMP runtime): keep the one the process chose.
                if torch.get_num_threads() != threads:
                    torch.set_num_threads(threads)
            segments = []
            for sub in (piece for s in subsegments for piece in _sentences(s, tokenizer)):
                text = sub["text"].strip()
                if not text:
                    continue
                start, end = self._clamp(sub["start"], sub["end"], duration)
                words = tuple(
                    RecognizedWord(
                        w["word"],
                        *self._clamp(w["start"], w["end"], duration),
                        float(w["probability"]),
                    )
                    for w in sub.get("words", [])
                )
                segments.append(
                    RecognizedSegment(
                        start=start,
                        end=end,
                        text=text,
                        words=words,
                        avg_logprob=float(result.avg_logprob),
                        no_speech_prob=float(result.no_speech_prob),
                        compression_ratio=compression_ratio(text),
                    )
                )
            output.append(tuple(segments))
        return output

    @staticmethod
    def _clamp(start: float, end: float, duration: float) -> tuple[float, float]:
        """Keeps a span inside the chunk: word timings are aligned over the chunk's whole
        seconds, so they can reach past a short chunk's end."""
        start = min(max(0.0, float(start)), duration)
        return start, min(max(start, float(end)), duration)


def _load_openai_whisper(whisper_model: Any, checkpoint: Path, device: str) -> Any:
    """``whisper.load_model`` for a file, keeping the checkpoint's alignment heads.

    ``load_model`` reads only ``dims`` and ``model_state_dict`` and knows alignment heads for
    its published names alone, so a converted checkpoint's heads (``alignment_heads``) would be
    lost and word timings would follow the default half of the heads instead.
    """
    import torch

    from models.whisper_convert import ALIGNMENT_HEADS_KEY

    state = torch.load(checkpoint, map_location=device, weights_only=True)
    model = whisper_model.Whisper(whisper_model.ModelDimensions(**state["dims"]))
    model.load_state_dict(state["model_state_dict"])
    heads = state.get(ALIGNMENT_HEADS_KEY)
    if heads is not None:
        model.set_alignment_heads(heads)
    return model.to(device)
