"""Charts drawn on the server as inline SVG: nothing to fetch, no script, prints as it shows.

Drawings with text are laid out 360 units wide, the width of a phone's content column, so
their labels (12 units) stay at least 11 px there; bars without text stretch freely. Every
chart has a text alternative (a title, and the page's tables carry the same figures)."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Mapping, Sequence
from html import escape

from assistant.outputs.formatting import format_clock, format_number, format_percent

from .data import CadenceEntry, ItemState, Metric

__all__ = [
    "STATES",
    "cadence_chart",
    "engagement_chart",
    "format_value",
    "meter",
    "stacked_bar",
    "trend_chart",
]

STATES: tuple[ItemState, ...] = ("done on time", "done late", "open", "overdue")
_W = 360
_LEFT, _RIGHT, _TOP, _BOTTOM = 46, 14, 14, 30


def format_value(metric: Metric, value: float | None) -> str:
    if metric.kind == "share":
        return format_percent(value)
    if metric.kind == "seconds":
        return format_clock(value) if value is not None else format_number(None)
    return format_number(value, metric.decimals)


def trend_chart(metric: Metric, points: Sequence[tuple[dt.date, float | None]]) -> str:
    """A line over the meetings (oldest left) with the benchmark's good range shaded, its
    target and its "worse above" line drawn."""
    height = 170
    known = [v for _, v in points if v is not None]
    if metric.kind == "share":
        low, high = 0.0, 1.0
    else:
        marks = [v for v in (metric.good_low, metric.good_high, metric.target) if v is not None]
        low = 0.0
        high = max([*known, *marks, 1.0]) * 1.15
    plot_w, plot_h = _W - _LEFT - _RIGHT, height - _TOP - _BOTTOM

    def x(index: int) -> float:
        return _LEFT + (plot_w * index / (len(points) - 1) if len(points) > 1 else plot_w / 2)

    def y(value: float) -> float:
        return _TOP + plot_h * (1 - (min(max(value, low), high) - low) / (high - low))

    out = [
        f'<svg class="chart trend" viewBox="0 0 {_W} {height}" role="img" '
        f'aria-label="{escape(metric.label)} per meeting, oldest first">',
        f'<rect class="frame" x="{_LEFT}" y="{_TOP}" width="{plot_w}" height="{plot_h}"/>',
    ]
    if metric.good_low is not None or metric.good_high is not None:
        top = y(metric.good_high if metric.good_high is not None else high)
        bottom = y(metric.good_low if metric.good_low is not None else low)
        out.append(
            f'<rect class="band" x="{_LEFT}" y="{top:.1f}" width="{plot_w}" '
            f'height="{max(bottom - top, 0):.1f}"><title>benchmark: {escape(metric.benchmark)}'
            "</title></rect>"
        )
    if metric.target is not None:
        out.append(_hline("target", y(metric.target), plot_w))
    if metric.worse_above is not None:
        out.append(_hline("worse", y(metric.worse_above), plot_w))
    for bound in (low, high):
        out.append(
            f'<text class="tick" x="{_LEFT - 6}" y="{y(bound) + 4:.1f}" text-anchor="end">'
            f"{escape(format_value(metric, bound))}</text>"
        )
    path = [(x(i), y(v)) for i, (_, v) in enumerate(points) if v is not None]
    if len(path) > 1:
        coords = " ".join(f"{px:.1f},{py:.1f}" for px, py in path)
        out.append(f'<polyline class="line" points="{coords}"/>')
    for index, (date, value) in enumerate(points):
        if value is not None:
            out.append(
                f'<circle class="dot {metric.judge(value)}" cx="{x(index):.1f}" '
                f'cy="{y(value):.1f}" r="4"><title>{escape(_day(date))}: '
                f"{escape(format_value(metric, value))}</title></circle>"
            )
    if points:
        out.append(_xlabel(_LEFT, height - 10, _day(points[0][0]), "start"))
        if len(points) > 1:
            out.append(_xlabel(_W - _RIGHT, height - 10, _day(points[-1][0]), "end"))
    out.append("</svg>")
    return "".join(out)


def cadence_chart(entries: Sequence[CadenceEntry], gap_days: int) -> str:
    """Meetings on a date line; gaps longer than ``gap_days`` drawn red and labelled."""
    height = 96
    line_y = 44
    if not entries:
        return ""
    first, last = entries[0].date, entries[-1].date
    span = max((last - first).days, 1)
    plot_w = _W - 2 * _RIGHT

    def x(date: dt.date) -> float:
        return _RIGHT + plot_w * ((date - first).days / span if last > first else 0.5)

    out = [
        f'<svg class="chart cadence" viewBox="0 0 {_W} {height}" role="img" '
        f'aria-label="Meetings over time; gaps over {gap_days} days marked">',
        f'<line class="axis" x1="{_RIGHT}" y1="{line_y}" x2="{_W - _RIGHT}" y2="{line_y}"/>',
    ]
    for before, entry in itertools.pairwise(entries):
        if entry.flagged:
            x1, x2 = x(before.date), x(entry.date)
            out.append(
                f'<line class="gap" x1="{x1:.1f}" y1="{line_y}" x2="{x2:.1f}" y2="{line_y}">'
                f"<title>{entry.gap_days} days without a meeting</title></line>"
                f'<text class="tick flag" x="{(x1 + x2) / 2:.1f}" y="{line_y - 14}" '
                f'text-anchor="middle">{entry.gap_days} d</text>'
            )
    for entry in entries:
        out.append(
            f'<circle class="dot" cx="{x(entry.date):.1f}" cy="{line_y}" r="5">'
            f"<title>{escape(_day(entry.date))}: {escape(entry.title)}</title></circle>"
        )
    out.append(_xlabel(_RIGHT, height - 12, _day(first), "start"))
    if last > first:
        out.append(_xlabel(_W - _RIGHT, height - 12, _day(last), "end"))
    out.append("</svg>")
    return "".join(out)


def engagement_chart(series: Sequence[tuple[int, Sequence[float]]], window_s: int) -> str:
    """One line per person (``(colour index, share per window)``): the share of each
    ``window_s`` window they faced the camera, over the meeting's minutes."""
    height = 170
    longest = max((len(values) for _, values in series), default=0)
    if longest == 0:
        return ""
    plot_w, plot_h = _W - _LEFT - _RIGHT, height - _TOP - _BOTTOM

    def x(index: int) -> float:
        return _LEFT + (plot_w * index / (longest - 1) if longest > 1 else plot_w / 2)

    def y(value: float) -> float:
        return _TOP + plot_h * (1 - min(max(value, 0.0), 1.0))

    out = [
        f'<svg class="chart engagement" viewBox="0 0 {_W} {height}" role="img" '
        'aria-label="Facing the camera over the meeting, per person">',
        f'<rect class="frame" x="{_LEFT}" y="{_TOP}" width="{plot_w}" height="{plot_h}"/>',
    ]
    for value in (0.0, 1.0):
        out.append(
            f'<text class="tick" x="{_LEFT - 6}" y="{y(value) + 4:.1f}" text-anchor="end">'
            f"{format_percent(value)}</text>"
        )
    for colour, values in series:
        coords = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(values))
        out.append(f'<polyline class="series s{colour % 8}" points="{coords}"/>')
    out.append(_xlabel(_LEFT, height - 10, "0:00", "start"))
    out.append(_xlabel(_W - _RIGHT, height - 10, format_clock(longest * window_s), "end"))
    out.append("</svg>")
    return "".join(out)


def meter(value: float | None, maximum: float = 1.0) -> str:
    """A small bar for a figure in [0, maximum] (no text: the figure is printed beside it)."""
    share = 0.0 if value is None else min(max(value / maximum, 0.0), 1.0)
    return (
        '<svg class="meter" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" '
        f'focusable="false"><rect class="rail" x="0" y="0" width="100" height="10"/>'
        f'<rect class="fill" x="0" y="0" width="{share * 100:.1f}" height="10"/></svg>'
    )


def stacked_bar(counts: Mapping[ItemState, int]) -> str:
    """One bar split by state, in ``STATES`` order (the counts are printed beside it)."""
    total = sum(counts.values()) or 1
    out = [
        '<svg class="meter stacked" viewBox="0 0 100 10" preserveAspectRatio="none" '
        'aria-hidden="true" focusable="false">'
    ]
    start = 0.0
    for state in STATES:
        width = 100 * counts.get(state, 0) / total
        if width:
            css = state.replace(" ", "-")
            out.append(
                f'<rect class="{css}" x="{start:.1f}" y="0" width="{width:.1f}" height="10"/>'
            )
        start += width
    out.append("</svg>")
    return "".join(out)


def _hline(css: str, y: float, plot_w: float) -> str:
    return f'<line class="{css}" x1="{_LEFT}" y1="{y:.1f}" x2="{_LEFT + plot_w}" y2="{y:.1f}"/>'


def _xlabel(x: float, y: float, text: str, anchor: str) -> str:
    return (
        f'<text class="tick" x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}">{escape(text)}</text>'
    )


def _day(date: dt.date) -> str:
    return f"{date.day} {date.strftime('%b %Y')}"
