"""Posting JSON to a chat or webhook URL (blocking ``httpx2``: call it from a worker thread).

The URL's host is checked before every attempt (``assistant.outbound``: it must not be or
resolve to an internal address unless allowed), redirects are not followed (one could lead
inward), and the generic webhook is signed:

    X-MA-Timestamp: <unix seconds>
    X-MA-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>." + body)>

so a receiver can tell the post is ours, untouched and recent (README: verifying webhooks).
The connection goes to the address the check resolved, so a name cannot be made to resolve
inward between the check and the post.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx2

from assistant.outbound import Resolver, check_public_or_allowed
from models.errors import DeliveryError, HostNotAllowedError

__all__ = [
    "SIGNATURE_HEADER",
    "TIMESTAMP_HEADER",
    "WebhookPost",
    "encode_body",
    "post_json",
    "shown_url",
    "sign",
]

SIGNATURE_HEADER = "X-MA-Signature"
TIMESTAMP_HEADER = "X-MA-Timestamp"
DELIVERY_HEADER = "X-MA-Delivery"
_SETTING = "delivery.allowed_hosts (MA_DELIVERY__ALLOWED_HOSTS)"


@dataclass(frozen=True, slots=True)
class WebhookPost:
    url: str
    body: bytes
    secret: str | None = None
    """Signs the body when set (the generic webhook); Slack and Teams URLs carry their own."""
    delivery_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    """The same on every retry of one delivery, so a receiver can drop repeats."""


def encode_body(payload: Mapping[str, Any]) -> bytes:
    """The exact bytes that are posted (and signed): compact UTF-8 JSON."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def sign(secret: str, timestamp: str, body: bytes) -> str:
    """The signature header's value for ``body`` sent at ``timestamp`` (unix seconds)."""
    mac = hmac.new(secret.encode("utf-8"), timestamp.encode("ascii") + b"." + body, hashlib.sha256)
    return f"sha256={mac.hexdigest()}"


def post_json(
    post: WebhookPost,
    *,
    allowed_hosts: Sequence[str],
    timeout_s: float,
    now: float | None = None,
    resolve: Resolver | None = None,
) -> int:
    """One attempt: check the host, sign, post. Returns the 2xx status; anything else raises
    ``DeliveryError`` (retryable for 408, 429, 5xx and network failures). ``resolve``: the
    resolver of the check (default: the system's)."""
    try:
        target = check_public_or_allowed(post.url, allowed_hosts, _SETTING, resolve=resolve)
    except HostNotAllowedError as error:
        raise DeliveryError(error.problem, _shown(post.url)) from None
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": "meeting-assistant",
        DELIVERY_HEADER: post.delivery_id,
    }
    url: str | httpx2.URL = post.url
    extensions: dict[str, Any] = {}
    if target.address is None and target.resolved:
        # Connect to the address that was checked, not to what a second lookup may answer
        # (DNS rebinding); the name still goes in Host and in TLS (SNI, certificate check).
        original = httpx2.URL(post.url)
        url = original.copy_with(host=str(target.resolved[0]))
        headers["Host"] = original.netloc.decode("ascii")
        extensions["sni_hostname"] = target.host
    if post.secret is not None:
        timestamp = str(int(now if now is not None else time.time()))
        headers[TIMESTAMP_HEADER] = timestamp
        headers[SIGNATURE_HEADER] = sign(post.secret, timestamp, post.body)
    try:
        with httpx2.Client(timeout=timeout_s, follow_redirects=False, trust_env=False) as client:
            response = client.post(url, content=post.body, headers=headers, extensions=extensions)
    except httpx2.TimeoutException:
        raise DeliveryError(
            f"no answer within {timeout_s:g} s", _shown(post.url), retryable=True
        ) from None
    except httpx2.HTTPError as error:
        raise DeliveryError(
            f"could not reach the receiver ({type(error).__name__}: {error})",
            _shown(post.url),
            retryable=True,
        ) from None
    status = response.status_code
    if 200 <= status < 300:
        return status
    raise DeliveryError(
        f"the receiver answered {status}",
        _shown(post.url),
        retryable=status in (408, 425, 429) or status >= 500,
        status=status,
    )


def shown_url(url: str) -> str:
    """A URL as it may be shown and logged: scheme and host only (Slack and Teams URLs hold
    their secret in the path)."""
    return _shown(url)


def _shown(url: str) -> str:
    try:
        parts = httpx2.URL(url)
        host = f"[{parts.host}]" if ":" in parts.host else parts.host
        return f"{parts.scheme}://{host}{f':{parts.port}' if parts.port else ''}/…"
    except Exception:  # a URL httpx cannot even parse: show nothing of it
        return "(invalid URL)"
