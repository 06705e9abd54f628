"""Subtitle exports of a transcript: WebVTT and SubRip (SRT).

One cue per segment; a segment longer than ``MAX_CUE_S`` or ``MAX_CUE_CHARS`` is split into
several cues at word boundaries (two subtitle lines of 42 characters, read comfortably in 7 s).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from assistant.transcript import Segment, Transcript

__all__ = ["MAX_CUE_CHARS", "MAX_CUE_S", "to_srt", "to_webvtt"]

MAX_CUE_S = 7.0
"""Longest cue before a segment is split (s)."""
MAX_CUE_CHARS = 84
"""Longest cue text before a segment is split (characters)."""


@dataclass(frozen=True, slots=True)
class _Cue:
    start: float
    """Start (s from meeting start)."""
    end: float
    """End (s from meeting start)."""
    speaker: str
    """Participant name."""
    text: str


def to_webvtt(transcript: Transcript) -> str:
    """The transcript as a WebVTT file, the speaker as a voice tag (``<v Alice>Hello``)."""
    blocks = ["WEBVTT"]
    for cue in _cues(transcript):
        blocks.append(
            f"{_timestamp(cue.start, '.')} --> {_timestamp(cue.end, '.')}\n"
            f"<v {_vtt_escape(cue.speaker)}>{_vtt_escape(cue.text)}"
        )
    return "\n\n".join(blocks) + "\n"


def to_srt(transcript: Transcript) -> str:
    """The transcript as a SubRip file, cues numbered from 1, text as ``Alice: Hello``."""
    blocks = [
        f"{number}\n{_timestamp(cue.start, ',')} --> {_timestamp(cue.end, ',')}\n"
        f"{cue.speaker}: {cue.text}"
        for number, cue in enumerate(_cues(transcript), start=1)
    ]
    return "\n\n".join(blocks) + "\n" if blocks else ""


def _timestamp(seconds: float, decimal_mark: str) -> str:
    millis = max(0, math.floor(seconds * 1000 + 0.5))
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{decimal_mark}{millis:03d}"


def _vtt_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


MERGE_GAP_S = 1.0
"""Short sentences of one speaker less than this apart (s) share a cue, if it stays in limits."""


def _cues(transcript: Transcript) -> list[_Cue]:
    names = {participant.id: participant.name for participant in transcript.participants}
    cues: list[_Cue] = []
    for segment in transcript.segments:
        speaker = " ".join(names.get(segment.speaker, segment.speaker).split())
        for start, end, text in _split(segment):
            last = cues[-1] if cues else None
            if (
                last is not None
                and last.speaker == speaker
                and 0 <= start - last.end <= MERGE_GAP_S
                and end - last.start <= MAX_CUE_S
                and len(last.text) + 1 + len(text) <= MAX_CUE_CHARS
            ):
                cues[-1] = _Cue(last.start, end, speaker, f"{last.text} {text}")
            else:
                cues.append(_Cue(start=start, end=end, speaker=speaker, text=text))
    return cues


def _split(segment: Segment) -> list[tuple[float, float, str]]:
    """(start, end, text) pieces of a segment, each within the cue limits where possible.

    Segments without text give no cue. Word timestamps are used when there is one word per
    whitespace-separated token of the text; otherwise time is shared in proportion to characters.
    """
    tokens = segment.text.split()
    if not tokens:
        return []
    text = " ".join(tokens)
    if len(tokens) == 1 or (segment.duration_s <= MAX_CUE_S and len(text) <= MAX_CUE_CHARS):
        return [(segment.start, segment.end, text)]

    # Character offsets of each token in ``text``, and the time each token starts and ends.
    offsets: list[int] = []
    position = 0
    for token in tokens:
        offsets.append(position)
        position += len(token) + 1
    if len(segment.words) == len(tokens):
        starts = [word.start for word in segment.words]
        ends = [word.end for word in segment.words]
    else:

        def at(offset: int) -> float:
            return segment.start + segment.duration_s * offset / len(text)

        # Contiguous: a token runs until the next one starts.
        starts = [at(offset) for offset in offsets]
        ends = [*starts[1:], segment.end]

    def fits(first: int, last: int) -> bool:
        if first == last:  # a single token cannot be split further
            return True
        chars = offsets[last] + len(tokens[last]) - offsets[first]
        return chars <= MAX_CUE_CHARS and ends[last] - starts[first] <= MAX_CUE_S

    # Fewest balanced pieces that all fit; one token per piece always does.
    groups = [(i, i) for i in range(len(tokens))]
    pieces = math.ceil(max(segment.duration_s / MAX_CUE_S, len(text) / MAX_CUE_CHARS))
    for count in range(max(2, pieces), len(tokens)):
        candidate = _balanced_groups(offsets, len(text), count)
        if all(fits(first, last) for first, last in candidate):
            groups = candidate
            break

    result: list[tuple[float, float, str]] = []
    for index, (first, last) in enumerate(groups):
        start = segment.start if index == 0 else starts[first]
        end = segment.end if index == len(groups) - 1 else ends[last]
        start = min(max(start, result[-1][1] if result else segment.start), segment.end)
        end = max(start, min(end, segment.end))
        result.append((start, end, " ".join(tokens[first : last + 1])))
    return result


def _balanced_groups(offsets: list[int], length: int, count: int) -> list[tuple[int, int]]:
    """Split tokens into ``count`` runs of about equal characters: (first, last) token indices."""
    cuts: list[int] = []  # index of the first token of each run after the first
    for k in range(1, count):
        target = length * k / count
        low = cuts[-1] + 1 if cuts else 1
        high = len(offsets) - (count - k)  # leave one token for each run still to come
        cuts.append(min(range(low, high + 1), key=lambda i: abs(offsets[i] - target)))
    bounds = [0, *cuts, len(offsets)]
    return [(bounds[i], bounds[i + 1] - 1) for i in range(count)]
