"""Turn a CTranslate2 Whisper model folder into an openai-whisper checkpoint, weight for weight.

The packaged weights are CTranslate2 files (``models.weights``); openai-whisper loads a ``.pt``
holding ``dims`` and ``model_state_dict``. Both hold the same trained tensors under other
names, so the conversion only renames and splits; numbers stay float16, as in the checkpoints
openai-whisper publishes (it loads them into float32 modules on CPU).

Mapping, ``E`` = ``encoder/layer_N``, ``D`` = ``decoder/layer_N``, ``d`` = the model width::

    encoder.conv1/conv2.{weight,bias}          encoder/conv1/conv2/{weight,bias}
    encoder.positional_embedding               encoder/position_encodings/encodings
    encoder.blocks.N.attn.query                E/self_attention/linear_0, rows [0, d)
    encoder.blocks.N.attn.key (no bias)        E/self_attention/linear_0, rows [d, 2d)
    encoder.blocks.N.attn.value                E/self_attention/linear_0, rows [2d, 3d)
    encoder.blocks.N.attn.out                  E/self_attention/linear_1
    encoder.blocks.N.attn_ln                   E/self_attention/layer_norm (gamma, beta)
    encoder.blocks.N.mlp.0 / mlp.2             E/ffn/linear_0 / linear_1
    encoder.blocks.N.mlp_ln                    E/ffn/layer_norm
    encoder.ln_post                            encoder/layer_norm
    decoder.token_embedding                    decoder/embeddings (also the output projection:
                                               decoder/projection/weight is an alias of it)
    decoder.positional_embedding               decoder/position_encodings/encodings
    decoder.blocks.N.attn, attn_ln             D/self_attention, as the encoder's
    decoder.blocks.N.cross_attn.query          D/attention/linear_0
    decoder.blocks.N.cross_attn.key / value    D/attention/linear_1, rows [0, d) / [d, 2d)
    decoder.blocks.N.cross_attn.out            D/attention/linear_2
    decoder.blocks.N.cross_attn_ln             D/attention/layer_norm
    decoder.blocks.N.mlp.*, mlp_ln             D/ffn, as the encoder's
    decoder.ln                                 decoder/layer_norm
    alignment heads (not in the state dict)    config.json "alignment_heads", [layer, head] pairs

CTranslate2 fuses query, key and value into one linear layer, giving the bias-less key a zero
bias slice. That slice must be exactly zero: anything else means the fused layout is not the
one above, and the conversion stops. The scalars ``encoder/num_heads`` and
``decoder/num_heads`` give the heads; ``decoder/activation``, ``pre_norm``,
``scale_embeddings``, ``alibi`` and ``start_from_zero_embedding`` must describe Whisper's
decoder; ``decoder/alignment_heads`` and ``alignment_layer`` configure CTranslate2's
translation alignments, which Whisper does not use (its word timings use config.json's heads).

Nothing is invented or left at its initial value: every tensor of ``Whisper(dims)`` must come
from the file with its exact shape, every variable of the file must be used, and the state dict
is loaded with ``strict=True`` before it is written; otherwise ModelUnavailableError names what
is missing, left over or mis-shaped.
"""

from __future__ import annotations

import base64
import gzip
import json
import os
import re
import tempfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from models.ctranslate2_format import CTranslate2Model, read_ctranslate2_model
from models.errors import ModelUnavailableError

__all__ = [
    "ALIGNMENT_HEADS_KEY",
    "convert_ctranslate2_whisper",
    "decode_alignment_heads",
    "write_openai_whisper_checkpoint",
]

ALIGNMENT_HEADS_KEY = "alignment_heads"
"""Checkpoint key for the cross-attention heads word timings follow: base85(gzip(bool array
of shape (text layers, text heads))), the encoding of ``whisper._ALIGNMENT_HEADS``."""

_WHISPER_SPEC = "WhisperSpec"
_GELU = 3
"""CTranslate2's ``Activation.GELU``."""
_ARCHITECTURE = {
    "decoder/activation": _GELU,
    "decoder/pre_norm": 1,
    "decoder/scale_embeddings": 0,
    "decoder/alibi": 0,
    "decoder/start_from_zero_embedding": 0,
}
"""Decoder flags and the value Whisper's architecture needs."""
_UNUSED = ("decoder/alignment_heads", "decoder/alignment_layer")
"""CTranslate2's translation-alignment settings; Whisper's word timings do not read them."""
_PROJECTION = "decoder/projection/weight"
_EMBEDDINGS = "decoder/embeddings/weight"
_INSTALL = (
    "the openai-whisper backend is not installed; run "
    "pip install 'meeting-assistant[openai-whisper]'"
)


@dataclass(frozen=True, slots=True)
class _Source:
    """Where one openai-whisper tensor comes from."""

    target: str
    variable: str
    rows: slice | None = None
    """The rows of a fused query/key/value layer that belong to the target."""


def _linear(target: str, scope: str, rows: slice | None = None, bias: bool = True) -> list[_Source]:
    sources = [_Source(f"{target}.weight", f"{scope}/weight", rows)]
    if bias:
        sources.append(_Source(f"{target}.bias", f"{scope}/bias", rows))
    return sources


def _layer_norm(target: str, scope: str) -> list[_Source]:
    return [
        _Source(f"{target}.weight", f"{scope}/gamma"),
        _Source(f"{target}.bias", f"{scope}/beta"),
    ]


def _fused_attention(target: str, scope: str, width: int) -> list[_Source]:
    """Query, key and value from one fused ``linear_0``; the output from ``linear_1``."""
    query, key, value = (slice(i * width, (i + 1) * width) for i in range(3))
    return [
        *_linear(f"{target}.query", f"{scope}/linear_0", query),
        *_linear(f"{target}.key", f"{scope}/linear_0", key, bias=False),
        *_linear(f"{target}.value", f"{scope}/linear_0", value),
        *_linear(f"{target}.out", f"{scope}/linear_1"),
    ]


def _block(target: str, scope: str, width: int, cross_attention: bool) -> list[_Source]:
    sources = [
        *_fused_attention(f"{target}.attn", f"{scope}/self_attention", width),
        *_layer_norm(f"{target}.attn_ln", f"{scope}/self_attention/layer_norm"),
        *_linear(f"{target}.mlp.0", f"{scope}/ffn/linear_0"),
        *_linear(f"{target}.mlp.2", f"{scope}/ffn/linear_1"),
        *_layer_norm(f"{target}.mlp_ln", f"{scope}/ffn/layer_norm"),
    ]
    if cross_attention:
        key, value = slice(0, width), slice(width, 2 * width)
        sources += [
            *_linear(f"{target}.cross_attn.query", f"{scope}/attention/linear_0"),
            *_linear(f"{target}.cross_attn.key", f"{scope}/attention/linear_1", key, bias=False),
            *_linear(f"{target}.cross_attn.value", f"{scope}/attention/linear_1", value),
            *_linear(f"{target}.cross_attn.out", f"{scope}/attention/linear_2"),
            *_layer_norm(f"{target}.cross_attn_ln", f"{scope}/attention/layer_norm"),
        ]
    return sources


def _mapping(dims: Any) -> list[_Source]:
    sources = [
        *_linear("encoder.conv1", "encoder/conv1"),
        *_linear("encoder.conv2", "encoder/conv2"),
        _Source("encoder.positional_embedding", "encoder/position_encodings/encodings"),
        *_layer_norm("encoder.ln_post", "encoder/layer_norm"),
        _Source("decoder.token_embedding.weight", _EMBEDDINGS),
        _Source("decoder.positional_embedding", "decoder/position_encodings/encodings"),
        *_layer_norm("decoder.ln", "decoder/layer_norm"),
    ]
    for n in range(dims.n_audio_layer):
        sources += _block(f"encoder.blocks.{n}", f"encoder/layer_{n}", dims.n_audio_state, False)
    for n in range(dims.n_text_layer):
        sources += _block(f"decoder.blocks.{n}", f"decoder/layer_{n}", dims.n_text_state, True)
    return sources


def _key_bias_slices(dims: Any) -> Iterator[tuple[str, slice]]:
    """The zero biases CTranslate2 gave the bias-less keys when it fused them."""
    width = dims.n_audio_state
    for n in range(dims.n_audio_layer):
        yield f"encoder/layer_{n}/self_attention/linear_0/bias", slice(width, 2 * width)
    width = dims.n_text_state
    for n in range(dims.n_text_layer):
        yield f"decoder/layer_{n}/self_attention/linear_0/bias", slice(width, 2 * width)
        yield f"decoder/layer_{n}/attention/linear_1/bias", slice(0, width)


def _listing(names: list[str], limit: int = 6) -> str:
    shown = ", ".join(sorted(names)[:limit])
    return shown + (f" and {len(names) - limit} more" if len(names) > limit else "")


def _whisper() -> Any:
    try:
        import whisper.model
    except ImportError as error:
        raise ModelUnavailableError(_INSTALL) from error
    return whisper.model


def _scalar(model: CTranslate2Model, name: str) -> int:
    value = model.variables.get(name)
    if value is None:
        raise ModelUnavailableError(f"has no variable {name!r}; the file is damaged", model.path)
    if value.shape != ():
        raise ModelUnavailableError(
            f"variable {name!r} should be a number, not shape {list(value.shape)}", model.path
        )
    return int(value)


def _layer_count(model: CTranslate2Model, side: str) -> int:
    pattern = re.compile(rf"{side}/layer_(\d+)/")
    layers = {int(m.group(1)) for name in model.variables if (m := pattern.match(name))}
    if not layers:
        raise ModelUnavailableError(f"has no {side} layers; the file is damaged", model.path)
    if layers != set(range(len(layers))):
        missing = sorted(set(range(max(layers) + 1)) - layers)
        raise ModelUnavailableError(
            f"lacks {side} layer(s) {missing} between its others; the file is damaged", model.path
        )
    return len(layers)


def _shape(model: CTranslate2Model, name: str, rank: int) -> tuple[int, ...]:
    value = model.variables.get(name)
    if value is None:
        raise ModelUnavailableError(f"has no variable {name!r}; the file is damaged", model.path)
    if value.ndim != rank:
        raise ModelUnavailableError(
            f"variable {name!r} has shape {list(value.shape)}, expected {rank} dimensions",
            model.path,
        )
    return tuple(value.shape)


def _dimensions(model: CTranslate2Model) -> Any:
    """openai-whisper's ``ModelDimensions``, read from the variables' shapes and head counts."""
    _, n_mels, _ = _shape(model, "encoder/conv1/weight", 3)
    n_audio_ctx, n_audio_state = _shape(model, "encoder/position_encodings/encodings", 2)
    n_text_ctx, n_text_state = _shape(model, "decoder/position_encodings/encodings", 2)
    n_vocab, _ = _shape(model, _EMBEDDINGS, 2)
    return _whisper().ModelDimensions(
        n_mels=n_mels,
        n_audio_ctx=n_audio_ctx,
        n_audio_state=n_audio_state,
        n_audio_head=_scalar(model, "encoder/num_heads"),
        n_audio_layer=_layer_count(model, "encoder"),
        n_vocab=n_vocab,
        n_text_ctx=n_text_ctx,
        n_text_state=n_text_state,
        n_text_head=_scalar(model, "decoder/num_heads"),
        n_text_layer=_layer_count(model, "decoder"),
    )


def _check_architecture(model: CTranslate2Model) -> None:
    if model.spec != _WHISPER_SPEC:
        raise ModelUnavailableError(
            f"holds a {model.spec}, not a Whisper model ({_WHISPER_SPEC})", model.path
        )
    wrong = [
        f"{name} = {value} (Whisper needs {expected})"
        for name, expected in _ARCHITECTURE.items()
        if (value := _scalar(model, name)) != expected
    ]
    if wrong:
        raise ModelUnavailableError(
            "is not a Whisper architecture openai-whisper can run: " + "; ".join(wrong),
            model.path,
        )
    if model.aliases.get(_PROJECTION) != _EMBEDDINGS:
        raise ModelUnavailableError(
            f"its output projection {_PROJECTION!r} is not tied to {_EMBEDDINGS!r}, and "
            "openai-whisper always reuses the token embeddings as its output projection",
            model.path,
        )


def _check_key_biases(model: CTranslate2Model, dims: Any) -> None:
    for name, rows in _key_bias_slices(dims):
        bias = model.variables.get(name)
        if bias is None:
            continue  # reported with every other missing variable
        largest = float(np.abs(bias[rows].astype(np.float32)).max(initial=0.0))
        if largest != 0.0:
            raise ModelUnavailableError(
                f"the key rows {rows.start}-{rows.stop} of {name!r} have a bias up to "
                f"{largest:g} where a fused bias-less key has zeros: the fused layout is not "
                "query, key, value, so the weights cannot be split safely",
                model.path,
            )


def _alignment_heads(config_path: Path, dims: Any) -> bytes:
    """config.json's [layer, head] pairs as openai-whisper's base85(gzip(bool mask))."""
    try:
        pairs = json.loads(config_path.read_text(encoding="utf-8"))["alignment_heads"]
    except FileNotFoundError:
        raise ModelUnavailableError(
            "is missing; it holds the alignment heads word timings need", config_path
        ) from None
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ModelUnavailableError(
            f"has no readable 'alignment_heads' ({type(error).__name__}: {error})", config_path
        ) from error
    mask = np.zeros((dims.n_text_layer, dims.n_text_head), dtype=bool)
    for pair in pairs if isinstance(pairs, list) else [pairs]:
        if not (
            isinstance(pair, list)
            and len(pair) == 2
            and all(isinstance(i, int) for i in pair)
            and 0 <= pair[0] < dims.n_text_layer
            and 0 <= pair[1] < dims.n_text_head
        ):
            raise ModelUnavailableError(
                f"alignment head {pair!r} is not a [layer, head] pair of a "
                f"{dims.n_text_layer}-layer, {dims.n_text_head}-head decoder",
                config_path,
            )
        mask[pair[0], pair[1]] = True
    if not mask.any():
        raise ModelUnavailableError("lists no alignment heads", config_path)
    return base64.b85encode(gzip.compress(mask.tobytes(), mtime=0))


def decode_alignment_heads(dump: bytes, dims: Any) -> npt.NDArray[np.bool_]:
    """The (text layers, text heads) mask an ``alignment_heads`` dump encodes."""
    array = np.frombuffer(gzip.decompress(base64.b85decode(dump)), dtype=bool)
    return array.reshape(dims.n_text_layer, dims.n_text_head)


def convert_ctranslate2_whisper(folder: Path) -> dict[str, Any]:
    """The openai-whisper checkpoint (``dims``, ``model_state_dict``, ``alignment_heads``) for
    the CTranslate2 Whisper model in ``folder`` (``model.bin`` and ``config.json``)."""
    import torch

    whisper_model = _whisper()
    source = read_ctranslate2_model(folder / "model.bin")
    _check_architecture(source)
    dims = _dimensions(source)
    heads = _alignment_heads(folder / "config.json", dims)
    mapping = _mapping(dims)

    missing = sorted({s.variable for s in mapping if s.variable not in source.variables})
    if missing:
        raise ModelUnavailableError(
            f"lacks {len(missing)} variable(s) openai-whisper needs: {_listing(missing)}; the "
            "file is damaged",
            source.path,
        )
    used = {s.variable for s in mapping} | set(_ARCHITECTURE) | set(_UNUSED)
    used |= {"encoder/num_heads", "decoder/num_heads"}
    left_over = sorted(set(source.variables) - used)
    if left_over:
        raise ModelUnavailableError(
            f"has {len(left_over)} variable(s) openai-whisper has no place for: "
            f"{_listing(left_over)}; converting would drop them",
            source.path,
        )
    _check_key_biases(source, dims)

    skeleton = whisper_model.Whisper(dims)
    expected = skeleton.state_dict()
    state: dict[str, torch.Tensor] = {}
    wrong: list[str] = []
    for item in mapping:
        array = source.variables[item.variable]
        if array.dtype.kind != "f":
            raise ModelUnavailableError(
                f"variable {item.variable!r} is {array.dtype} (a quantised model); convert a "
                "float16 or float32 model",
                source.path,
            )
        part = array if item.rows is None else array[item.rows]
        if item.target not in expected:
            wrong.append(f"{item.target} (no such tensor)")
            continue
        if tuple(expected[item.target].shape) != part.shape:
            wrong.append(
                f"{item.target} from {item.variable}: shape {list(part.shape)}, "
                f"expected {list(expected[item.target].shape)}"
            )
            continue
        # One copy out of the mapped file; float16 as openai-whisper publishes its checkpoints.
        state[item.target] = torch.from_numpy(np.array(part, dtype=np.float16))
    unfilled = sorted(set(expected) - set(state))
    if wrong or unfilled:
        problems = wrong + [f"{name} (not filled)" for name in unfilled]
        raise ModelUnavailableError(
            f"does not fill openai-whisper's model: {_listing(problems)}", source.path
        )
    try:
        skeleton.load_state_dict(state, strict=True)
    except RuntimeError as error:
        raise ModelUnavailableError(
            f"does not load into openai-whisper's model ({error})", source.path
        ) from error
    return {"dims": asdict(dims), "model_state_dict": state, ALIGNMENT_HEADS_KEY: heads}


def write_openai_whisper_checkpoint(folder: Path, target: Path) -> Path:
    """Convert ``folder`` and write the checkpoint to ``target`` via a temporary file in the
    same folder, so a failure never leaves part of a checkpoint behind."""
    import torch

    checkpoint = convert_ctranslate2_whisper(folder)
    staging: Path | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        descriptor, name = tempfile.mkstemp(
            prefix=f".{target.stem}-", suffix=".pt", dir=target.parent
        )
        staging = Path(name)
        # Through a handle, so the archive's inner folder is not named after the temporary file.
        with os.fdopen(descriptor, "wb") as handle:
            torch.save(checkpoint, handle)
        os.replace(staging, target)
        staging = None
    except (OSError, RuntimeError) as error:  # torch's zip writer raises RuntimeError
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise ModelUnavailableError(
            f"cannot write the converted checkpoint ({reason}); choose a writable "
            "folder (MA_CACHE_DIR for the cached copy)",
            target,
        ) from error
    finally:
        if staging is not None:
            staging.unlink(missing_ok=True)
    return target
