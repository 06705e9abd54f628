"""Our typed errors as HTTP responses, in one place. The body is ``{"detail": "..."}`` with the
error's own message, without server paths."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy.exc import OperationalError

from models.errors import (
    AuthenticationError,
    ConflictError,
    CorruptMediaError,
    DeliveryError,
    HostNotAllowedError,
    InputError,
    InvalidFieldError,
    InvalidTranscriptError,
    MeetingAssistantError,
    MeetingServerError,
    ModelUnavailableError,
    NoAudioError,
    NotFoundError,
    NotReadyError,
    PermissionDeniedError,
    ServiceUnavailableError,
    StorageFullError,
    TooManySessionsError,
    TooShortError,
    UploadTooLargeError,
)

__all__ = ["install_error_handlers", "status_of"]

_STATUS: tuple[tuple[type[MeetingAssistantError], int], ...] = (
    (AuthenticationError, 401),
    (PermissionDeniedError, 403),
    (NotFoundError, 404),
    (NotReadyError, 409),
    (ConflictError, 409),
    (UploadTooLargeError, 413),
    (InvalidTranscriptError, 422),
    (CorruptMediaError, 422),
    (NoAudioError, 422),
    (TooShortError, 422),
    (HostNotAllowedError, 422),
    (InvalidFieldError, 422),
    (InputError, 400),
    (TooManySessionsError, 429),
    (ServiceUnavailableError, 503),
    (ModelUnavailableError, 503),
    (StorageFullError, 507),
    (MeetingServerError, 502),
    (DeliveryError, 502),
)


def status_of(error: MeetingAssistantError) -> int:
    return next((status for kind, status in _STATUS if isinstance(error, kind)), 500)


def install_error_handlers(app: FastAPI) -> None:
    async def handle(_: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, MeetingAssistantError)
        status = status_of(error)
        headers = {}
        if status == 401:
            headers["WWW-Authenticate"] = "Bearer"
        if error.retryable:
            headers["Retry-After"] = "5"
        return JSONResponse({"detail": error.problem}, status_code=status, headers=headers)

    async def unreachable(_: Request, error: Exception) -> JSONResponse:
        return JSONResponse(
            {"detail": "the database is unreachable; try again shortly"},
            status_code=503,
            headers={"Retry-After": "5"},
        )

    app.add_exception_handler(MeetingAssistantError, handle)
    app.add_exception_handler(OperationalError, unreachable)
