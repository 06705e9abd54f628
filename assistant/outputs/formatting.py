"""How figures are written for people, shared by the terminal table and the HTML digest."""

from __future__ import annotations

import math

__all__ = ["MISSING", "format_clock", "format_number", "format_percent"]

MISSING = "—"
"""Shown in place of a figure that is absent."""


def _round_half_up(value: float) -> int:
    # Python's round() rounds halves to even (2.5 -> 2); people expect 3.
    return math.floor(value + 0.5)


def format_clock(seconds: float) -> str:
    """A time or duration in seconds as ``m:ss``, or ``h:mm:ss`` from one hour (nearest second).

    >>> format_clock(75.4), format_clock(3725)
    ('1:15', '1:02:05')
    """
    if not math.isfinite(seconds):
        raise ValueError(f"not a finite number of seconds: {seconds}")
    total = max(0, _round_half_up(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def format_percent(share: float | None) -> str:
    """A share in [0, 1] as a whole percentage (``0.425`` -> ``43%``); tiny non-zero -> ``<1%``."""
    if share is None or not math.isfinite(share):
        return MISSING
    if 0 < share < 0.005:
        return "<1%"
    return f"{_round_half_up(share * 100)}%"


def format_number(value: float | None, decimals: int = 0) -> str:
    """A figure with a fixed number of decimals, rounded half up; ``—`` when absent."""
    if value is None or not math.isfinite(value):
        return MISSING
    scale = 10**decimals
    rounded = _round_half_up(value * scale) / scale
    return f"{rounded:.{decimals}f}"
