"""Where a found item was said: the index of its sentence, its task with a pronoun object
resolved, and whether a sentence names a day. Small helpers shared by the passes over found
items (`follow_ups`, `not_work`, `recaps`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from assistant.intelligence.action_items.model import ActionItem, _Context
from assistant.intelligence.action_items.pronouns import resolve_pronoun
from assistant.intelligence.dates import find_date
from assistant.intelligence.sentences import Sentence


def _is_dated(sentence: Sentence, context: _Context) -> bool:
    return find_date(sentence.text, context.transcript.meeting.date, weeks=False) is not None


def _sentence_of(item: ActionItem, sentences: Sequence[Sentence]) -> int | None:
    """The index of the sentence an item was found in (its quote may run on into the next)."""
    return next(
        (
            i
            for i, s in enumerate(sentences)
            if s.start == item.start and s.speaker == item.speaker and item.quote.startswith(s.text)
        ),
        None,
    )


def _resolved(item: ActionItem, index: int | None, context: _Context) -> ActionItem:
    """The item with an object pronoun ("it", "den") replaced by what it points at. Done after
    the replies are merged, which read the pronoun as the sign of an answer."""
    if index is None:
        return item
    text = resolve_pronoun(item.text, index, context.sentences)
    return item if text == item.text else replace(item, text=text[:1].upper() + text[1:])
