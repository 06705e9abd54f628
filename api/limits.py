"""Requests per minute per caller, in this process: a sliding window per token id (or client
address without a token). Several API processes behind a balancer each count their own."""

from __future__ import annotations

import threading
import time
from collections import defaultdict, deque

__all__ = ["RateLimiter"]


class RateLimiter:
    def __init__(self, per_minute: int) -> None:
        self._per_minute = per_minute
        self._seen: defaultdict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def retry_after(self, key: str) -> float:
        """0 when a request of ``key`` may pass now (and counts it), else seconds to wait."""
        now = time.monotonic()
        with self._lock:
            seen = self._seen[key]
            while seen and now - seen[0] >= 60.0:
                seen.popleft()
            if len(seen) >= self._per_minute:
                return 60.0 - (now - seen[0])
            seen.append(now)
            if len(self._seen) > 10_000:  # forget idle callers, so memory stays bounded
                for idle in [k for k, v in self._seen.items() if not v or now - v[-1] >= 60]:
                    del self._seen[idle]
            return 0.0
