"""Sending one message over SMTP (``smtplib``, blocking: call it from a worker thread).

Security: ``starttls`` upgrades a plain connection before anything else is said, ``tls`` talks
TLS from the first byte, both verifying the server's certificate and name against the system's
trust store plus ``ca_file``; ``none`` is for a relay on the same machine. Failures come back
as ``DeliveryError`` saying whether a retry could help: 4xx replies, timeouts and refused
connections could; 5xx replies and a failed login could not.
"""

from __future__ import annotations

import smtplib
import socket
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path
from typing import Literal

from assistant.config import DeliverySettings
from models.errors import DeliveryError

__all__ = ["SmtpOptions", "send_message"]


@dataclass(frozen=True, slots=True)
class SmtpOptions:
    host: str
    port: int
    security: Literal["starttls", "tls", "none"]
    username: str | None
    password: str | None
    ca_file: Path | None
    timeout_s: float
    """Longest wait for one answer of the server (s)."""

    @classmethod
    def from_settings(cls, settings: DeliverySettings) -> SmtpOptions | None:
        """The options of ``settings``; None when no mail server is set."""
        if not settings.smtp_host:
            return None
        password = settings.smtp_password
        return cls(
            host=settings.smtp_host,
            port=settings.smtp_port,
            security=settings.smtp_security,
            username=settings.smtp_username,
            password=password.get_secret_value() if password is not None else None,
            ca_file=settings.smtp_ca_file,
            timeout_s=settings.timeout_s,
        )


def send_message(options: SmtpOptions, message: EmailMessage) -> int:
    """Send ``message`` to its To addresses; returns the server's reply code (250)."""
    where = f"{options.host}:{options.port}"
    try:
        with _connect(options) as client:
            if options.username:
                client.login(options.username, options.password or "")
            refused = client.send_message(message)
    except smtplib.SMTPAuthenticationError as error:
        raise DeliveryError(
            f"the mail server refused the login ({error.smtp_code})", where, status=error.smtp_code
        ) from None
    except smtplib.SMTPRecipientsRefused as error:
        codes = [code for code, _ in error.recipients.values()]
        code = max(codes) if codes else None
        raise DeliveryError(
            f"the mail server refused the recipient ({_reply(code, error.recipients)})",
            where,
            retryable=code is not None and 400 <= code < 500,
            status=code,
        ) from None
    except smtplib.SMTPResponseException as error:
        raise DeliveryError(
            f"the mail server answered {error.smtp_code} {_text(error.smtp_error)}",
            where,
            retryable=400 <= error.smtp_code < 500,
            status=error.smtp_code,
        ) from None
    except ssl.SSLError as error:
        raise DeliveryError(f"TLS with the mail server failed ({error.reason})", where) from None
    except (smtplib.SMTPException, OSError) as error:
        # Refused, reset, timed out, no STARTTLS offered: the server may be back shortly.
        detail = str(error) or type(error).__name__
        if isinstance(error, socket.timeout | TimeoutError):
            detail = f"no answer within {options.timeout_s:g} s"
        raise DeliveryError(
            f"could not talk to the mail server ({detail})", where, retryable=True
        ) from None
    if refused:
        raise DeliveryError(f"the mail server refused {', '.join(refused)}", where)
    return 250


def _connect(options: SmtpOptions) -> smtplib.SMTP:
    context = ssl.create_default_context(
        cafile=str(options.ca_file) if options.ca_file is not None else None
    )
    if options.ca_file is not None:
        context.load_default_certs()
    if options.security == "tls":
        return smtplib.SMTP_SSL(
            options.host, options.port, timeout=options.timeout_s, context=context
        )
    client = smtplib.SMTP(options.host, options.port, timeout=options.timeout_s)
    try:
        if options.security == "starttls":
            client.ehlo()
            if not client.has_extn("starttls"):
                raise DeliveryError(
                    "the mail server does not offer STARTTLS (set smtp_security)",
                    f"{options.host}:{options.port}",
                )
            client.starttls(context=context)
            client.ehlo()
    except BaseException:
        client.close()
        raise
    return client


def _text(reply: bytes | str) -> str:
    text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else reply
    return " ".join(text.split())


def _reply(code: int | None, recipients: dict[str, tuple[int, bytes]]) -> str:
    return "; ".join(f"{address}: {c} {_text(text)}" for address, (c, text) in recipients.items())
