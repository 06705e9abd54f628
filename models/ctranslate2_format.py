"""Read a CTranslate2 ``model.bin`` without CTranslate2: names, shapes and raw arrays.

The layout is the one ``ctranslate2/specs/model_spec.py`` (``LayerSpec._serialize``) writes for
binary version 6, all integers little-endian::

    u32 binary version | string spec name | u32 spec revision | u32 variable count
    per variable: string name | u8 rank | u32 dim * rank | u8 type id | u32 byte count | bytes
    u32 alias count | per alias: string alias | string name it stands for

A string is a u16 length (counting a closing NUL), then UTF-8 bytes and the NUL. Type ids follow
CTranslate2's ``DataType``: 0 float32, 1 int8, 2 int16, 3 int32, 4 float16, 5 bfloat16.

The file is memory-mapped and every array is a read-only view into it, so reading 145 MB of
weights copies nothing; a cut-short or garbled file is reported with the byte where it fails.
"""

from __future__ import annotations

import math
import struct
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from models.errors import ModelUnavailableError

__all__ = ["BINARY_VERSION", "CTranslate2Model", "read_ctranslate2_model"]

BINARY_VERSION = 6
_DTYPES: tuple[str | None, ...] = ("float32", "int8", "int16", "int32", "float16", None)
"""By type id; None for bfloat16, which numpy cannot hold."""


@dataclass(frozen=True, slots=True)
class CTranslate2Model:
    path: Path
    spec: str
    """The spec's class name, e.g. ``WhisperSpec``."""
    revision: int
    variables: Mapping[str, npt.NDArray[np.generic]]
    """By name (``encoder/layer_0/ffn/linear_0/weight``); read-only views into the file."""
    aliases: Mapping[str, str]
    """A name that shares another variable's array (a tied projection) -> that variable."""


class _Cursor:
    """Walks the mapped file; every read checks the file is long enough first."""

    def __init__(self, path: Path, data: npt.NDArray[np.uint8]) -> None:
        self.path = path
        self.data = data
        self.offset = 0

    def fail(self, problem: str) -> ModelUnavailableError:
        return ModelUnavailableError(
            f"{problem}; the file is damaged: copy the model folder again", self.path
        )

    def take(self, size: int, what: str) -> npt.NDArray[np.uint8]:
        end = self.offset + size
        if end > len(self.data):
            raise self.fail(
                f"cut short: it ends at byte {len(self.data):,} while {what} needs bytes up to "
                f"{end:,}"
            )
        chunk = self.data[self.offset : end]
        self.offset = end
        return chunk

    def number(self, fmt: str, what: str) -> int:
        value: int = struct.unpack("<" + fmt, self.take(struct.calcsize(fmt), what).tobytes())[0]
        return value

    def string(self, what: str) -> str:
        start = self.offset
        length = self.number("H", what)
        raw = bytes(self.take(length, what))
        if not raw or raw[-1] != 0:
            raise self.fail(f"{what} at byte {start:,} is garbled (no closing NUL)")
        try:
            return raw[:-1].decode("utf-8")
        except UnicodeDecodeError:
            raise self.fail(f"{what} at byte {start:,} is garbled (not UTF-8)") from None


def read_ctranslate2_model(path: Path) -> CTranslate2Model:
    """Read ``path`` (a ``model.bin``); raises ModelUnavailableError naming what is wrong."""
    try:
        size = path.stat().st_size
        if size == 0:
            raise ModelUnavailableError("is empty; copy the model folder again", path)
        data: npt.NDArray[np.uint8] = np.memmap(path, dtype=np.uint8, mode="r")
    except OSError as error:
        raise ModelUnavailableError(f"cannot read it ({error.strerror})", path) from error
    cursor = _Cursor(path, data)
    version = cursor.number("I", "the header")
    if version != BINARY_VERSION:
        raise cursor.fail(
            f"not a CTranslate2 model of binary version {BINARY_VERSION} (its header reads "
            f"{version})"
        )
    spec = cursor.string("the spec name")
    revision = cursor.number("I", "the spec revision")
    count = cursor.number("I", "the variable count")
    variables: dict[str, npt.NDArray[np.generic]] = {}
    for index in range(count):
        name = cursor.string(f"the name of variable {index + 1} of {count}")
        if name in variables:
            raise cursor.fail(f"variable {name!r} appears twice")
        variables[name] = _variable(cursor, name)
    aliases: dict[str, str] = {}
    alias_count = cursor.number("I", "the alias count")
    for index in range(alias_count):
        alias = cursor.string(f"alias {index + 1} of {alias_count}")
        target = cursor.string(f"the variable alias {alias!r} stands for")
        if target not in variables:
            raise cursor.fail(f"alias {alias!r} stands for {target!r}, which the file lacks")
        aliases[alias] = target
    if cursor.offset != size:
        raise cursor.fail(f"{size - cursor.offset:,} unexpected bytes follow its last alias")
    return CTranslate2Model(path, spec, revision, variables, aliases)


def _variable(cursor: _Cursor, name: str) -> npt.NDArray[np.generic]:
    what = f"variable {name!r}"
    rank = cursor.number("B", what)
    shape = tuple(cursor.number("I", what) for _ in range(rank))
    type_id = cursor.number("B", what)
    if type_id >= len(_DTYPES):
        raise cursor.fail(f"{what} has the unknown type id {type_id}")
    dtype_name = _DTYPES[type_id]
    if dtype_name is None:
        raise ModelUnavailableError(
            f"{what} is bfloat16, which this reader does not convert; use a float16 or float32 "
            "model",
            cursor.path,
        )
    dtype = np.dtype(dtype_name).newbyteorder("<")
    byte_count = cursor.number("I", what)
    if byte_count != math.prod(shape) * dtype.itemsize:
        raise cursor.fail(
            f"{what} declares {byte_count:,} bytes for shape {list(shape)} of {dtype_name}"
        )
    return cursor.take(byte_count, what).view(dtype).reshape(shape)
