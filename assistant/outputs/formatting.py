"""How figures are written for people, shared by the terminal table and the HTML digest."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = [
    "MISSING",
    "ONE_SPEAKER",
    "BalanceReading",
    "as_list",
    "as_mapping",
    "as_number",
    "as_text",
    "format_clock",
    "format_number",
    "format_percent",
    "read_balance",
]

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


# Readers of a report loaded from JSON (report.json, the service's stored copy): a field of the
# wrong type reads as missing instead of failing a digest.


def as_number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


def as_text(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def as_mapping(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def as_list(value: object) -> Sequence[Any]:
    return value if isinstance(value, list | tuple) else ()


ONE_SPEAKER = "Only one person spoke, so there is no balance verdict."


@dataclass(frozen=True, slots=True)
class BalanceReading:
    """A report's balance in words, shared by the digest page, the email and the terminal."""

    score: float | None
    """Normalised entropy of the talk shares (0 = one person spoke, 1 = all equally)."""
    verdict: str | None
    """The band the score falls in, e.g. "fairly balanced"; None without a score."""
    one_speaker: bool
    dominant: str | None
    """Display name of who did most of the talking, if anyone dominated."""
    dominant_share: float | None
    """Their share of the talk (fraction)."""
    silent: tuple[str, ...]
    """Display names of those who barely spoke or stayed silent."""

    def sentences(self) -> list[str]:
        """Plain-text sentences: the verdict, who dominated, who was hardly heard."""
        if self.score is None:
            return [ONE_SPEAKER] if self.one_speaker else []
        out = [
            f"Balance {format_number(self.score, 2)} (0 = one person spoke, 1 = everyone "
            f"equally): {self.verdict}."
        ]
        if self.dominant is not None:
            share = (
                f" ({format_percent(self.dominant_share)} of the talk)"
                if self.dominant_share is not None
                else ""
            )
            out.append(f"{self.dominant} did most of the talking{share}.")
        if self.silent:
            out.append(f"Barely spoke or stayed silent: {', '.join(self.silent)}.")
        else:
            out.append("Nobody stayed silent.")
        return out


def read_balance(
    balance: Mapping[str, Any], people: Sequence[Mapping[str, Any]], names: Mapping[str, str]
) -> BalanceReading:
    """``balance`` and ``people`` (the participants) as report.json holds them."""
    score = as_number(balance.get("score"))
    verdict = None
    if score is not None:
        # The score is a normalised entropy, which is generous: 70/30 between two people is
        # 0.88 and 60/30/10 between three is 0.82, so the bands sit high.
        if score >= 0.9:
            verdict = "well balanced, everyone had a fair share of the talk"
        elif score >= 0.75:
            verdict = "fairly balanced"
        elif score >= 0.5:
            verdict = "uneven, a few voices carried the meeting"
        else:
            verdict = "very uneven, one voice dominated"
    dominant = as_text(balance.get("dominant"))
    share = next(
        (as_number(p.get("talk_share")) for p in people if str(p.get("id")) == dominant), None
    )
    return BalanceReading(
        score=score,
        verdict=verdict,
        one_speaker=score is None and len(people) == 1,
        dominant=names.get(dominant, dominant) if dominant else None,
        dominant_share=share,
        silent=tuple(names.get(str(s), str(s)) for s in as_list(balance.get("silent"))),
    )
