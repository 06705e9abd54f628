"""An email as MIME: ``multipart/alternative`` with the plain text first and the HTML last (the
part a client prefers), the HTML inside ``multipart/related`` with its inline images, each
referenced from the HTML as ``cid:<id>``."""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from .email_digest import EmailBody

__all__ = ["build_message", "new_content_id"]


def new_content_id(name: str) -> str:
    """A unique Content-ID for an inline part, without angle brackets. Of a fixed, short length:
    ``make_msgid``'s ids vary in length, and one that just fits a continuation line was folded
    onto it, so the header read back as " <id>" (a flaky test, and clients that do not unfold)."""
    return f"{name}.{secrets.token_hex(8)}@meeting-assistant.invalid"


def build_message(
    body: EmailBody,
    *,
    sender: str,
    recipient: str,
    images: Mapping[str, bytes] | None = None,
) -> EmailMessage:
    """One recipient's message. ``images`` maps a Content-ID (as referenced in the HTML, without
    brackets) to PNG bytes."""
    message = EmailMessage()
    # A title may hold line breaks (it is the uploader's text): one line, never a new header.
    message["Subject"] = " ".join(body.subject.split())
    message["From"] = sender
    message["To"] = recipient
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain="meeting-assistant.invalid")
    message.set_content(body.text, subtype="plain", charset="utf-8")
    message.add_alternative(body.html, subtype="html", charset="utf-8")
    html_part = next(part for part in message.iter_parts() if part.get_content_subtype() == "html")
    for cid, png in (images or {}).items():
        # Inline, not an attachment: clients would list it beside the message as well.
        html_part.add_related(
            png,
            "image",
            "png",
            cid=f"<{cid}>",
            disposition="inline",
            filename="participation.png",
        )
    return message
