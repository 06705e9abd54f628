"""Sending a meeting's digest to its readers: one message per reader (each participant's copy
holds their own feedback and nobody else's), the chart drawn once, each message tried with
retries. Blocking: call it from a worker thread."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from models.errors import InputError

from .chart import share_chart_png
from .content import MeetingDigest
from .email_digest import EmailBody, render_meeting_email
from .message import build_message, new_content_id
from .retry import Attempt, RetryPolicy, with_retries
from .smtp import SmtpOptions, send_message

__all__ = ["Recipient", "check_address", "send_digest_emails", "send_email"]

_ADDRESS = re.compile(
    r"^[^\s@<>()\[\],;:\"]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252}[A-Za-z0-9])?$"
)


@dataclass(frozen=True, slots=True)
class Recipient:
    address: str
    name: str | None = None
    """The participant this reader is; their copy adds their own feedback. None: the shared
    digest only."""
    link: str | None = None
    """Their own one-time sign-in link to the dashboard (their feedback and its trends)."""


def check_address(address: str) -> str:
    """``address`` stripped if it is a plain email address (``name@domain``), else
    ``InputError`` saying so (display names, lists and line breaks are refused)."""
    address = address.strip()
    if not _ADDRESS.match(address) or ".." in address:
        raise InputError(f"{address!r} is not an email address (name@domain)")
    return address


def send_digest_emails(
    digest: MeetingDigest,
    recipients: Sequence[Recipient],
    *,
    smtp: SmtpOptions,
    sender: str,
    policy: RetryPolicy,
    record: Callable[[Recipient, Attempt], None],
    link: str | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> list[tuple[Recipient, Attempt]]:
    """Send each recipient their copy; returns each one's last attempt. A reader named as a
    participant gets that participant's feedback; a name that is not one gets none."""
    chart = share_chart_png(digest.shares) if digest.shares else None
    results = []
    for recipient in recipients:
        cid = new_content_id("participation")
        feedback = digest.feedback_for(recipient.name) if recipient.name else None
        body = render_meeting_email(
            digest,
            chart_cid=cid if chart else None,
            feedback=feedback,
            link=recipient.link or link,
        )
        images = {cid: chart} if chart else {}
        last = send_email(
            body,
            recipient,
            smtp=smtp,
            sender=sender,
            policy=policy,
            record=record,
            images=images,
            sleep=sleep,
        )
        results.append((recipient, last))
    return results


def send_email(
    body: EmailBody,
    recipient: Recipient,
    *,
    smtp: SmtpOptions,
    sender: str,
    policy: RetryPolicy,
    record: Callable[[Recipient, Attempt], None],
    images: dict[str, bytes] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> Attempt:
    message = build_message(body, sender=sender, recipient=recipient.address, images=images)
    return with_retries(
        lambda: send_message(smtp, message),
        policy,
        lambda attempt: record(recipient, attempt),
        sleep=sleep,
    )
