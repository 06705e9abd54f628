"""Receiving an upload: a multipart body streamed straight to a file under the data directory,
with its size checked as it arrives, then its content probed (never its name or extension).

Starlette's own form parser spools files to the system's temporary folder and only limits
text fields; a recording of several GB must go to the data disk and be refused as soon as it
passes the limit, so the body is parsed here with python-multipart's streaming parser.
"""

from __future__ import annotations

import errno
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Literal

import anyio
from python_multipart.exceptions import FormParserError
from python_multipart.multipart import MultipartParser, parse_options_header

from assistant.inputs.transcript_json import transcript_from_json
from models.errors import InputError, StorageFullError, UploadTooLargeError
from pipelines.decode import probe

__all__ = ["ProbedUpload", "ReceivedUpload", "UploadKind", "probe_upload", "receive_upload"]

UploadKind = Literal["media", "transcript"]
FILE_FIELD = "file"
_MAX_FIELD_BYTES = 64 * 1024
_MAX_FIELDS = 16


@dataclass
class ReceivedUpload:
    path: Path
    """Where the file part was written."""
    size: int
    """Its size (bytes)."""
    filename: str | None
    """The name the client gave it: a display string, never a path."""
    fields: dict[str, str] = field(default_factory=dict)
    """The text fields, by name."""


class _Receiver:
    """python-multipart callbacks: the ``file`` part to disk, text fields to memory."""

    def __init__(self, target: Path, max_file_bytes: int) -> None:
        self.target = target
        self.max_file_bytes = max_file_bytes
        self.fields: dict[str, str] = {}
        self.size = 0
        self.file: BinaryIO | None = None
        self.filename: str | None = None
        self._files = 0
        self._header_name = b""
        self._header_value = b""
        self._disposition = b""
        self._name: str | None = None
        self._is_file = False
        self._value = bytearray()

    def on_part_begin(self) -> None:
        self._disposition = b""
        self._name = None
        self._is_file = False
        self._value.clear()

    def on_header_field(self, data: bytes, start: int, end: int) -> None:
        self._header_name += data[start:end]

    def on_header_value(self, data: bytes, start: int, end: int) -> None:
        self._header_value += data[start:end]

    def on_header_end(self) -> None:
        if self._header_name.lower() == b"content-disposition":
            self._disposition = self._header_value
        self._header_name = self._header_value = b""

    def on_headers_finished(self) -> None:
        _, options = parse_options_header(self._disposition)
        name = options.get(b"name")
        if name is None:
            raise InputError("a multipart part has no name")
        self._name = name.decode("utf-8", "replace")
        # The client's file name is ignored: it never becomes a path.
        self._is_file = b"filename" in options or self._name == FILE_FIELD
        if self._is_file:
            if self._name != FILE_FIELD:
                raise InputError(f"the recording goes in the field {FILE_FIELD!r}")
            self._files += 1
            if self._files > 1:
                raise InputError("send one file per meeting")
            if b"filename" in options:
                self.filename = options[b"filename"].decode("utf-8", "replace")
            self.file = self.target.open("xb")
        elif len(self.fields) >= _MAX_FIELDS:
            raise InputError("too many form fields")

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        if self._is_file:
            assert self.file is not None
            self.size += end - start
            if self.size > self.max_file_bytes:
                raise UploadTooLargeError(
                    f"the upload is larger than the {self.max_file_bytes / 1e6:g} MB this "
                    "service accepts"
                )
            self.file.write(data[start:end])
            return
        self._value += data[start:end]
        if len(self._value) > _MAX_FIELD_BYTES:
            raise UploadTooLargeError(f"the form field {self._name!r} is too long")

    def on_part_end(self) -> None:
        if self._is_file:
            assert self.file is not None
            self.file.close()
        elif self._name is not None:
            self.fields[self._name] = self._value.decode("utf-8", "replace")


async def receive_upload(
    content_type: str, body: AsyncIterator[bytes], target: Path, max_file_bytes: int
) -> ReceivedUpload:
    """Stream a ``multipart/form-data`` body: its ``file`` part to ``target`` (which must not
    exist), its text fields returned. On any failure (too large, malformed, a client that
    goes away, a full disk) ``target`` is removed before the error propagates."""
    kind, options = parse_options_header(content_type)
    if kind != b"multipart/form-data" or b"boundary" not in options:
        raise InputError("send the recording as multipart/form-data with a 'file' field")
    receiver = _Receiver(target, max_file_bytes)
    parser = MultipartParser(options[b"boundary"], _callbacks(receiver))
    try:
        async for chunk in body:
            # Parsing writes to disk: off the event loop.
            await anyio.to_thread.run_sync(parser.write, chunk)
        await anyio.to_thread.run_sync(parser.finalize)
        if receiver.file is None:
            raise InputError(f"the form has no {FILE_FIELD!r} field with the recording")
        if receiver.size == 0:
            raise InputError("the uploaded file is empty")
    except FormParserError as error:
        _discard(receiver, target)
        raise InputError(f"the multipart body is malformed ({error})") from None
    except OSError as error:
        _discard(receiver, target)
        if error.errno == errno.ENOSPC:
            raise StorageFullError("the disk is full; the upload was not kept") from error
        raise
    except BaseException:
        _discard(receiver, target)
        raise
    return ReceivedUpload(target, receiver.size, receiver.filename, receiver.fields)


@dataclass(frozen=True, slots=True)
class ProbedUpload:
    kind: UploadKind
    duration_s: float | None
    """When known."""
    title: str | None
    """A transcript's own title, if it has one."""


def probe_upload(path: Path) -> ProbedUpload:
    """What the uploaded bytes are: a transcript JSON (validated) or media with audio (probed
    by PyAV). Raises the input error that says what is wrong with them."""
    with path.open("rb") as file:
        head = file.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"{"):
        try:
            json.loads(path.read_bytes())
        except ValueError as error:
            raise InputError(
                f"the upload looks like JSON but is not valid JSON ({error})"
            ) from None
        # Raises naming the faulty field; an empty default tells a title of its own apart.
        transcript = transcript_from_json(json.loads(path.read_bytes()), default_title="")
        meeting = transcript.meeting
        return ProbedUpload("transcript", meeting.duration_s, meeting.title or None)
    return ProbedUpload("media", probe(path).duration_s, None)


def _discard(receiver: _Receiver, target: Path) -> None:
    if receiver.file is not None:
        receiver.file.close()
    target.unlink(missing_ok=True)


def _callbacks(receiver: _Receiver) -> Any:
    return {
        "on_part_begin": receiver.on_part_begin,
        "on_part_data": receiver.on_part_data,
        "on_part_end": receiver.on_part_end,
        "on_header_field": receiver.on_header_field,
        "on_header_value": receiver.on_header_value,
        "on_header_end": receiver.on_header_end,
        "on_headers_finished": receiver.on_headers_finished,
    }
