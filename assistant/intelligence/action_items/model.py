"""The action item, and the state the rules read a meeting with."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.intelligence.action_items.rules import Kind
from assistant.intelligence.sentences import Sentence
from assistant.transcript import Transcript


@dataclass(frozen=True, slots=True)
class ActionItem:
    text: str
    """The task as a clean imperative, e.g. "Send the proposal"."""
    owner: str | None
    """Participant id of who should do it, a team (``team``, ``team:internal``,
    ``team:external``) for a group commitment, or None when it cannot be told."""
    due: dt.date | None
    """Deadline, when one was said and could be resolved to a date."""
    speaker: str
    """Participant id of who said it."""
    start: float
    """Start of the sentence (s from meeting start); the segment start when word times are
    missing."""
    quote: str
    """The sentence it was found in, as transcribed."""
    confidence: float = 1.0
    """How sure the rules are, 0-1 (a score, not a calibrated probability)."""
    language: str | None = None
    """Language of the sentence (ISO 639-1)."""


@dataclass(frozen=True, slots=True)
class _Context:
    transcript: Transcript
    sentences: Sequence[Sentence]
    names: str | None
    """Alternation of the participants' names (regex), or None when nobody has a name."""
    name_ids: dict[str, str]
    punctuated: bool


@dataclass(frozen=True, slots=True)
class _Acceptance:
    """A yes without its own task: to a request ("I'll do that", "Det gør jeg") or to someone's
    offer ("Yes, please do that", "Ja, gør det")."""

    index: int
    """The sentence."""
    to_offer: bool
    due: dt.date | None


_Found = tuple[ActionItem, Kind]


def _normal(text: str) -> str:
    return text.replace("’", "'").strip()


def _made(
    text: str,
    owner: str | None,
    due: dt.date | None,
    index: int,
    context: _Context,
    confidence: float,
) -> ActionItem:
    sentence = context.sentences[index]
    return ActionItem(
        text=text,
        owner=owner,
        due=due,
        speaker=sentence.speaker,
        start=sentence.start,
        quote=sentence.text,
        confidence=round(min(0.99, max(0.05, confidence)), 2),
        language=sentence.language,
    )
