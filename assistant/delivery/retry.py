"""Trying a delivery again after a pause that doubles, recording every attempt. Only failures
that say a retry could help (``DeliveryError.retryable``: a server busy or away, a 5xx, a
timeout) are tried again; a refusal that will not change (a bad address, a 4xx) ends at once."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from models.errors import DeliveryError

__all__ = ["Attempt", "Outcome", "RetryPolicy", "with_retries"]

Outcome = Literal["delivered", "retrying", "failed"]


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    attempts: int = 4
    """Tries in all."""
    backoff_s: float = 2.0
    """Pause before the second try (s), doubled before each further one."""

    def pause_before(self, attempt: int) -> float:
        """The pause (s) before try number ``attempt`` (2, 3, ...)."""
        return float(self.backoff_s * 2.0 ** (attempt - 2))


@dataclass(frozen=True, slots=True)
class Attempt:
    """One try at one destination, as recorded."""

    number: int
    """1 for the first try."""
    at: dt.datetime
    """When it started (UTC)."""
    status: int | None
    """The HTTP status or SMTP reply code, when the other side answered."""
    error: str | None
    """What went wrong, None when delivered."""
    outcome: Outcome
    """delivered; retrying (failed, another try follows); failed (the last try failed)."""


def with_retries(
    send: Callable[[], int | None],
    policy: RetryPolicy,
    record: Callable[[Attempt], None],
    *,
    sleep: Callable[[float], None] = time.sleep,
) -> Attempt:
    """Call ``send`` (returns the status it got, raises ``DeliveryError``) until it succeeds,
    fails for good, or the tries run out; ``record`` gets each attempt as it ends. Returns the
    last attempt (``outcome`` delivered or failed)."""
    number = 1
    while True:
        at = dt.datetime.now(dt.UTC)
        try:
            status = send()
        except DeliveryError as error:
            last = number >= policy.attempts or not error.retryable
            attempt = Attempt(
                number,
                at,
                error.status,
                error.problem,
                "failed" if last else "retrying",
            )
            record(attempt)
            if last:
                return attempt
            number += 1
            sleep(policy.pause_before(number))
            continue
        attempt = Attempt(number, at, status, None, "delivered")
        record(attempt)
        return attempt
