"""Typed errors. Each says what went wrong, which input caused it, and whether a retry could help.

The CLI prints ``str(error)`` as one line and exits non-zero; the API maps them to HTTP statuses
in one place (``api/errors.py``).
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "AuthenticationError",
    "ConflictError",
    "CorruptMediaError",
    "DeliveryError",
    "HostNotAllowedError",
    "InputError",
    "InvalidFieldError",
    "InvalidTranscriptError",
    "MeetingAssistantError",
    "MeetingServerError",
    "ModelUnavailableError",
    "NoAudioError",
    "NoMediaError",
    "NotFoundError",
    "NotReadyError",
    "PermissionDeniedError",
    "PipelineError",
    "ServiceUnavailableError",
    "StorageFullError",
    "TooManySessionsError",
    "TooShortError",
    "UploadTooLargeError",
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


class InvalidFieldError(InputError):
    """A form or query field's value is well-formed but not allowed (too long, say): the
    request is understood, the value refused."""


class HostNotAllowedError(InputError):
    """A meeting server the service may not reach: not loopback and not in
    ``bot.allowed_hosts`` (so a token cannot aim the service at internal addresses)."""


class MeetingServerError(MeetingAssistantError):
    """The meeting server (Janus) refused a request, broke its protocol, or media could not
    connect; ``code`` is the server's own error code when it gave one."""

    def __init__(
        self, problem: str, source: str | Path | None = None, code: int | None = None
    ) -> None:
        super().__init__(problem, source)
        self.code = code


class ModelUnavailableError(MeetingAssistantError):
    """Model weights are missing or damaged; the message says how to fix it."""


class PipelineError(MeetingAssistantError):
    """A pipeline was driven wrongly (a frame after its end of input, a closed stream): a bug in
    the caller, not in the input."""


class UploadTooLargeError(InputError):
    """An upload or request body is larger than the service accepts."""


class NotFoundError(MeetingAssistantError):
    """No such thing, or not one the caller may see (another team's is never revealed)."""


class ConflictError(InputError):
    """What was sent clashes with what is stored (a second contact of the same name)."""


class NotReadyError(MeetingAssistantError):
    """What was asked for does not exist yet (a meeting still being analysed, or failed)."""


class AuthenticationError(MeetingAssistantError):
    """No token, or a token the service does not know."""


class PermissionDeniedError(MeetingAssistantError):
    """A known token asks for what it may not see (a person token, another person's feedback)."""


class ServiceUnavailableError(MeetingAssistantError):
    """A service we depend on (the database, the job queue) cannot be reached right now."""

    retryable = True


class TooManySessionsError(MeetingAssistantError):
    """As many live sessions of a kind run as the service may follow at once; one ending
    frees a place."""

    retryable = True


class StorageFullError(MeetingAssistantError):
    """The disk is full: nothing half-written was kept."""

    retryable = True


class DeliveryError(MeetingAssistantError):
    """A digest or chat post could not be delivered (the mail server or the receiver refused
    it, or could not be reached); ``retryable`` says whether trying again could help, ``status``
    is the HTTP status or SMTP reply code when the other side answered."""

    def __init__(
        self,
        problem: str,
        source: str | Path | None = None,
        *,
        retryable: bool = False,
        status: int | None = None,
    ) -> None:
        super().__init__(problem, source)
        self.retryable = retryable
        self.status = status
