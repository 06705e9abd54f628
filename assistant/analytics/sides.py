"""Which participants are on our side: sides for recordings, where no transcript carries them.

Sales figures (talk against listen, the customer's objections) need each participant's side.
A transcript JSON can say it per participant; a recording cannot, so the user names our side
(``--internal "Anna,Carlos"``) and everyone else is the customer. A name matches a participant
by its id, its full name or its first name, case-insensitively, so the one list also covers:

- a folder of per-person tracks: the file names (``anna.wav`` is participant ``anna``);
- a call recorded one side per channel: ``left`` or ``right``;
- a mixed recording: the names found for its speakers (``--participants``, voice samples or
  self-introductions), since sides are given after names are resolved.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from assistant.transcript import Participant, Transcript

__all__ = ["SideAssignment", "assign_sides", "parse_side_names"]


@dataclass(frozen=True, slots=True)
class SideAssignment:
    transcript: Transcript
    """The transcript with sides set; unchanged when no name matched anyone."""
    unmatched: tuple[str, ...]
    """Names given for our side that match no participant, as given."""


def parse_side_names(value: str) -> tuple[str, ...]:
    """ "Anna, Carlos" -> ("Anna", "Carlos"). Raises ValueError on an empty list or entry."""
    names = tuple(part.strip() for part in value.split(","))
    if not any(names):
        raise ValueError("name at least one person on our side, e.g. 'Anna,Carlos'")
    if not all(names):
        raise ValueError(f"{value!r} has an empty name (names are separated by commas)")
    return names


def _keys(participant: Participant) -> set[str]:
    keys = {participant.id.casefold()}
    name = participant.name.strip()
    if name:
        keys |= {name.casefold(), name.split()[0].casefold()}
    return keys


def assign_sides(transcript: Transcript, internal: Sequence[str]) -> SideAssignment:
    """Participants named in ``internal`` on our side ("internal"), everyone else "external".

    When no name matches, sides stay as they were (a typo must not turn the whole team into
    the customer) and every name is reported in ``unmatched``.
    """
    wanted = {name.strip().casefold(): name for name in internal if name.strip()}
    if not wanted:
        return SideAssignment(transcript, ())
    ours = {p.id for p in transcript.participants if _keys(p) & wanted.keys()}
    matched = {key for p in transcript.participants if p.id in ours for key in _keys(p)}
    unmatched = tuple(name for key, name in wanted.items() if key not in matched)
    if not ours:
        return SideAssignment(transcript, unmatched)
    participants = tuple(
        replace(p, side="internal" if p.id in ours else "external") for p in transcript.participants
    )
    return SideAssignment(replace(transcript, participants=participants), unmatched)
