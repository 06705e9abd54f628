"""The participation chart as a PNG drawn on the server: mail clients run no scripts and block
remote images, and many drop inline SVG, so the email carries this picture as an inline (CID)
part.

Drawn at twice its display width (``CHART_WIDTH_PX``) so it stays sharp on phone screens; the
email scales it down to the column. Text uses DejaVu Sans from matplotlib's data (a dependency
already, with wide Unicode coverage for names), else Pillow's own font.
"""

from __future__ import annotations

import importlib.util
import io
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from assistant.outputs.formatting import format_percent

from .content import ShareLine

__all__ = ["CHART_WIDTH_PX", "share_chart_png"]

CHART_WIDTH_PX = 360
"""Display width of the chart (CSS px); the image is twice as wide."""
_SCALE = 2
_COLOURS = {"internal": "#2f6fb3", "external": "#d9822b", "unknown": "#8a8f98"}
_INK, _MUTED, _TRACK = "#1d2330", "#5b6472", "#eef0f3"

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


def share_chart_png(shares: Sequence[ShareLine]) -> bytes:
    """Horizontal bars of each person's share of the talk (biggest first, as given), the
    percentage beside each bar and a dashed mark at the equal share."""
    s = _SCALE
    width = CHART_WIDTH_PX * s
    pad, row_h, label_h, bar_h = 4 * s, 44 * s, 18 * s, 16 * s
    top = 26 * s if len(shares) > 1 else 6 * s
    height = top + row_h * max(len(shares), 1) + pad // 2
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    font, small = _font(14 * s), _font(12 * s)
    bar_left, bar_right = pad, width - 52 * s
    span = bar_right - bar_left
    equal = 1 / len(shares) if shares else 0.0
    scale = span / max(*(line.share for line in shares), equal, 0.01) if shares else 0.0
    equal_x = bar_left + round(equal * scale)
    if len(shares) > 1:
        label = f"equal share {format_percent(equal)}"
        draw.text((equal_x, 4 * s), label, fill=_MUTED, font=small, anchor="mt")
    for row, line in enumerate(shares):
        y = top + row * row_h
        draw.text((bar_left, y), _fit(draw, line.name, font, span), fill=_INK, font=font)
        bar_top = y + label_h + 4 * s
        draw.rectangle([bar_left, bar_top, bar_right, bar_top + bar_h], fill=_TRACK)
        bar_end = bar_left + max(round(line.share * scale), s)
        draw.rectangle([bar_left, bar_top, bar_end, bar_top + bar_h], fill=_COLOURS[line.side])
        if len(shares) > 1:
            # The equal-share mark crosses the bars only, never a name or a figure.
            for dash in range(bar_top - 3 * s, bar_top + bar_h + 3 * s, 6 * s):
                draw.line([(equal_x, dash), (equal_x, dash + 3 * s)], fill=_INK, width=s)
        draw.text(
            (bar_right + 8 * s, bar_top + bar_h // 2),
            format_percent(line.share),
            fill=_INK,
            font=font,
            anchor="lm",
        )
    out = io.BytesIO()
    # A few flat colours and anti-aliased text: a 64-colour palette keeps it sharp at a
    # fraction of the size (mail size limits, phones on mobile data).
    image.quantize(colors=64, dither=Image.Dither.NONE).save(out, format="PNG", optimize=True)
    return out.getvalue()


def _fit(draw: ImageDraw.ImageDraw, text: str, font: Font, width: int) -> str:
    """``text`` shortened with an ellipsis until it fits ``width`` px."""
    if draw.textlength(text, font=font) <= width:
        return text
    while text and draw.textlength(text + "…", font=font) > width:
        text = text[:-1]
    return text + "…"


@lru_cache(maxsize=8)
def _font(size: int) -> Font:
    path = _dejavu()
    if path is not None:
        return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size)


@lru_cache(maxsize=1)
def _dejavu() -> Path | None:
    spec = importlib.util.find_spec("matplotlib")
    for folder in spec.submodule_search_locations or [] if spec else []:
        candidate = Path(folder) / "mpl-data" / "fonts" / "ttf" / "DejaVuSans.ttf"
        if candidate.is_file():
            return candidate
    return None
