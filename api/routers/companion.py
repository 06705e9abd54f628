"""``/companion``: the page a seller opens for a call the bot cannot join. It sends their
microphone and the meeting's sound over WHIP (``/api/v1/whip``) and shows both sides' live
captions and the seller's private hints. Static files, served from this package (no CDN)."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse

router = APIRouter(tags=["companion"], include_in_schema=False)

_STATIC = Path(__file__).resolve().parents[1] / "static" / "companion"


@router.get("/companion")
async def companion_page() -> FileResponse:
    return FileResponse(_STATIC / "companion.html", media_type="text/html")


@router.get("/companion/companion.js")
async def companion_script() -> FileResponse:
    return FileResponse(_STATIC / "companion.js", media_type="text/javascript")
