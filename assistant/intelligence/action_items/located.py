"""Where a found item was said: the index of its sentence, its task with a pronoun object
resolved, whether a sentence names a day, and whether an earlier item is a speaker's own
promise (`_own_promise`). Small helpers shared by the passes over found items (`follow_ups`,
`not_work`, `recaps`, `restatements`, `merging`) and the steps after the scorer (`events`,
`offers`, `request_quotes`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from assistant.intelligence.action_items.model import ActionItem, _Context
from assistant.intelligence.action_items.pronouns import resolve_pronoun
from assistant.intelligence.action_items.rules import Kind
from assistant.intelligence.dates import find_date
from assistant.intelligence.sentences import Sentence


def _is_dated(sentence: Sentence, context: _Context) -> bool:
    return find_date(sentence.text, context.transcript.meeting.date, weeks=False) is not None


def _sentence_of(
    item: ActionItem, sentences: Sequence[Sentence], *, last: bool = False
) -> int | None:
    """The index of the sentence an item was found in (its quote may run on into the next);
    ``last``: of the last sentence its quote holds."""
    found = (
        i
        for i, s in enumerate(sentences)
        if s.start == item.start
        and s.speaker == item.speaker
        and (s.text in item.quote if last else item.quote.startswith(s.text))
    )
    return max(found, default=None) if last else next(found, None)


def _resolved(item: ActionItem, index: int | None, context: _Context) -> ActionItem:
    """The item with an object pronoun ("it", "den") replaced by what it points at. Done after
    the replies are merged, which read the pronoun as the sign of an answer."""
    if index is None:
        return item
    text = resolve_pronoun(item.text, index, context.sentences)
    return item if text == item.text else replace(item, text=text[:1].upper() + text[1:])


def _own_promise(previous: ActionItem, kind: Kind, person: str | None) -> bool:
    """Whether ``previous`` is ``person``'s promise of their own work (said and owned by them):
    the promise their later words may date, restate or add to."""
    return kind == "commitment" and previous.owner == previous.speaker == person


def _own_promise_within(
    previous: ActionItem,
    kind: Kind,
    item: ActionItem,
    *,
    person: str | None,
    within_s: float,
    same_sentence: bool = True,
) -> bool:
    """Whether ``previous`` is ``person``'s own promise made at most ``within_s`` seconds before
    ``item`` (or in its sentence, unless ``same_sentence`` is False): near enough that ``item``
    still speaks of it."""
    elapsed = item.start - previous.start
    after = elapsed >= 0 if same_sentence else elapsed > 0
    return _own_promise(previous, kind, person) and after and elapsed <= within_s


def _any_question(sentences: Sequence[Sentence]) -> bool:
    """Whether any of ``sentences`` is a question (a turn between that may ask for new work)."""
    return any(s.text.rstrip().endswith("?") for s in sentences)
