"""Typed errors. Each says what went wrong, which input caused it, and whether a retry could help.

The CLI prints ``str(error)`` as one line and exits non-zero; the API (later) maps them to HTTP.
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "CorruptMediaError",
    "InputError",
    "InvalidTranscriptError",
    "MeetingAssistantError",
    "ModelUnavailableError",
    "NoAudioError",
    "NoMediaError",
    "PipelineError",
    "TooShortError",
]


class MeetingAssistantError(Exception):
    """Base of every error we raise on purpose."""

    retryable: bool = False

    def __init__(self, problem: str, source: str | Path | None = None) -> None:
        self.problem = problem
        self.source = str(source) if source is not None else None
        super().__init__(f"{self.source}: {problem}" if self.source else problem)


class InputError(MeetingAssistantError):
    """The input given cannot be analysed as it is (missing, wrong kind, unreadable)."""


class NoMediaError(InputError):
    """A folder holds no media file we can read."""


class CorruptMediaError(InputError):
    """The file is not valid media, or its audio cannot be decoded."""


class NoAudioError(InputError):
    """The media has no audio track, or the track holds no samples."""


class TooShortError(InputError):
    """The audio is too short to analyse."""


class InvalidTranscriptError(InputError):
    """A transcript JSON file does not match the documented format."""


class ModelUnavailableError(MeetingAssistantError):
    """Model weights are missing or damaged; the message says how to fix it."""


class PipelineError(MeetingAssistantError):
    """A pipeline was driven wrongly (a frame after its end of input, a closed stream): a bug in
    the caller, not in the input."""
