"""Who spoke when as RTTM, the format diarization scoring tools read (NIST, pyannote, dscore).

One line per speaker turn of the report (``speaker_turns``, already rounded to milliseconds),
so the file and report.json always agree:

    SPEAKER <file id> 1 <start s> <duration s> <NA> <NA> <participant id> <NA> <NA>
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

__all__ = ["rttm_file_id", "to_rttm"]

_BLANKS = re.compile(r"\s+")


def rttm_file_id(title: str) -> str:
    """A file id for the meeting: its title with blanks as underscores (fields are
    space-separated)."""
    return _BLANKS.sub("_", title.strip()) or "meeting"


def to_rttm(report: Mapping[str, Any], file_id: str | None = None) -> str:
    """The report's ``speaker_turns`` as RTTM; ``file_id`` defaults to one from its title."""
    uri = rttm_file_id(file_id if file_id is not None else report["meeting"]["title"])
    lines = []
    for turn in report.get("speaker_turns", []):
        start, end = float(turn["start"]), float(turn["end"])
        speaker = _BLANKS.sub("_", str(turn["speaker"]))
        lines.append(
            f"SPEAKER {uri} 1 {start:.3f} {end - start:.3f} <NA> <NA> {speaker} <NA> <NA>\n"
        )
    return "".join(lines)
