"""What a WHIP offer must hold before aiortc sees it, checked on the text: a clear message for a
body that is not an SDP offer, media we do not take, or an offer without its ICE candidates.

The companion page sends one or two audio m-lines (the seller's microphone first, then the
meeting's sound) and at most one video m-line (the seller's camera), all gathered before the
POST: this endpoint takes no trickled candidates (RFC 9725 makes trickle optional).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from models.errors import InputError

__all__ = ["MAX_AUDIO", "OfferedMedia", "check_offer"]

MAX_AUDIO = 2
"""Our side and the customer side."""
_CODECS = {"audio": ("opus", "pcmu", "pcma"), "video": ("vp8", "h264")}
"""What aiortc decodes."""
_RTPMAP = re.compile(r"^a=rtpmap:\d+ ([A-Za-z0-9_-]+)/", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class OfferedMedia:
    """One m-line of the offer that will carry media."""

    kind: Literal["audio", "video"]
    index: int
    """Its position among the offer's m-lines (0-based)."""
    mid: str
    """Its ``a=mid``: how the answerer's transceiver and track are told apart."""


def check_offer(sdp: str) -> list[OfferedMedia]:
    """The offer's audio and video m-lines, in order; ``InputError`` saying what is wrong."""
    lines = [line.strip() for line in sdp.splitlines() if line.strip()]
    if not lines or lines[0] != "v=0":
        raise InputError("the body is not an SDP offer: it must start with 'v=0'")
    sections: list[list[str]] = [[]]
    for line in lines:
        if len(line) < 2 or line[1] != "=":
            raise InputError(f"the offer has a line that is not SDP: {line[:60]!r}")
        if line.startswith("m="):
            sections.append([])
        sections[-1].append(line)
    session, media_sections = sections[0], sections[1:]
    if not media_sections:
        raise InputError("the offer has no media (m=) line: send at least the microphone")
    media: list[OfferedMedia] = []
    for index, section in enumerate(media_sections):
        fields = section[0][2:].split()
        if len(fields) < 4 or not fields[1].isdigit():
            raise InputError(f"m-line {index + 1} is malformed: {section[0][:60]!r}")
        kind, port = fields[0], int(fields[1])
        if port == 0:
            continue  # an m-line the client itself disabled
        if kind not in _CODECS:
            raise InputError(
                f"m-line {index + 1} is {kind!r}: only audio (and one video) is taken here"
            )
        attributes = session + section[1:]
        if "a=recvonly" in section or "a=inactive" in section:
            raise InputError(f"m-line {index + 1} does not send: a WHIP client sends its media")
        codecs = {m.group(1).lower() for line in section if (m := _RTPMAP.match(line))}
        if not codecs & set(_CODECS[kind]):
            wanted = ", ".join(_CODECS[kind])
            raise InputError(f"m-line {index + 1} offers no {kind} codec we decode ({wanted})")
        for needed, what in (
            ("a=ice-ufrag:", "ICE credentials (a=ice-ufrag)"),
            ("a=fingerprint:", "a DTLS fingerprint (a=fingerprint)"),
        ):
            if not any(line.startswith(needed) for line in attributes):
                raise InputError(f"m-line {index + 1} has no {what}")
        mid = next((line[6:] for line in section if line.startswith("a=mid:")), "")
        if not mid:
            raise InputError(f"m-line {index + 1} has no a=mid (WebRTC offers name each one)")
        media.append(OfferedMedia(kind, index, mid))  # type: ignore[arg-type]
    audio = [m for m in media if m.kind == "audio"]
    if not audio:
        raise InputError("the offer sends no audio: send the microphone, then the meeting's sound")
    if len(audio) > MAX_AUDIO:
        raise InputError(
            f"the offer sends {len(audio)} audio tracks; at most {MAX_AUDIO} are taken "
            "(the microphone, then the meeting's sound)"
        )
    if len(media) - len(audio) > 1:
        raise InputError("the offer sends more than one video track; at most one (the camera)")
    if not any(line.startswith("a=candidate:") for line in lines):
        raise InputError(
            "the offer has no ICE candidates: gather them before posting (this endpoint takes "
            "no trickled candidates)"
        )
    return media
