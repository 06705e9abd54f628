"""Tag questions that hand out or re-check a task: "Tom, you'll have the model ready by
Thursday, right?" - "Yep.", "Ditte, du giver vel Helle besked?" - "Det gør jeg."

The one asked owns the task, not the speaker; the answer is the evidence the task was taken on
(quoted with the question); and a tag question re-checking a task the one asked already took
on is that task (its day, if said), not a second item. This runs last, on the items kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from assistant.intelligence.action_items.model import ActionItem, _normal
from assistant.intelligence.action_items.restatements import _ALSO
from assistant.intelligence.action_items.rules import _OPENS_WITH_YES
from assistant.intelligence.sentences import Sentence

_TAG = re.compile(
    r"(?:[,\s](?:right|then|ikke|ik'?|ikk)\s*\??\s*$)|(?:\bvel\b[^?]*\?\s*$)", re.IGNORECASE
)
"""How a tag question ends: "..., right?", "..., then?", "..., ikke?", "du giver vel ...?"
(an ASR turn may lack the "?": "YOU CHASE THEM THIS WEEK RIGHT")."""
_PARTICLE = re.compile(r"\s+vel\b", re.IGNORECASE)
"""The tag's particle ("du ringer vel til ...") is no part of the task's text."""
_TO_LISTENER = re.compile(r"\b(?:you(?:'ll| will)?|du)\b", re.IGNORECASE)
"""The tag question puts the work to its listener ("you'll send ...", "du sender vel ...")."""
_I_WILL = re.compile(r"^i will\b", re.IGNORECASE)
"""The yes that echoes the tag question ("You'll send it, right?" - "I will.")."""
_RECHECK_REACH = 60.0
"""A re-check follows the task it re-checks within this many seconds (the task just agreed;
a minute or two on, "du opretter dem, ik'?" hands out a new one)."""
_ANSWER_SENTENCES = 2
"""The answer quoted with the question: at most its first this many sentences."""


def settled_tag_questions(
    items: Sequence[ActionItem], sentences: Sequence[Sentence]
) -> tuple[ActionItem, ...]:
    """``items`` with each tag question's item owned by the one who said yes to it and quoted
    with that yes; one re-checking a task its owner already has is folded into that task."""
    result = list(items)
    for item in items:
        answer = _yes_to_tag(item, sentences)
        if answer is None:
            continue
        asked = replace(
            item,
            owner=answer[0].speaker,
            text=_PARTICLE.sub("", item.text),
            quote=" ".join([item.quote, *(s.text for s in answer)]),
        )
        index = result.index(item)
        earlier = _task_rechecked(asked, result[:index])
        if earlier is None:
            result[index] = asked
            continue
        del result[index]
        if earlier.due is None and asked.due is not None:
            result[result.index(earlier)] = replace(earlier, due=asked.due)
    return tuple(result)


def _yes_to_tag(item: ActionItem, sentences: Sequence[Sentence]) -> list[Sentence] | None:
    """The opening sentences of the next turn, when the item is a tag question putting work to
    its listener and that turn (another participant's) takes it on."""
    question = item.quote.replace("’", "'").strip()
    if not _TAG.search(question) or not _TO_LISTENER.search(question):
        return None
    index = next(
        (
            i
            for i, s in enumerate(sentences)
            if s.start == item.start and s.speaker == item.speaker and item.quote.endswith(s.text)
        ),
        None,
    )
    if index is None or index + 1 >= len(sentences):
        return None
    if sentences[index + 1].segment == sentences[index].segment:
        return None  # the question does not end its turn: no answer to it follows
    turn = [s for s in sentences[index + 1 :] if s.segment == sentences[index + 1].segment]
    answer = _normal(turn[0].text)
    if turn[0].speaker == item.speaker or not (
        _OPENS_WITH_YES.match(answer) or _I_WILL.match(answer)
    ):
        return None
    if item.owner not in (item.speaker, turn[0].speaker):
        return None  # the question names someone else as owner ("..., Sofie tager den, ikke?")
    return turn[:_ANSWER_SENTENCES]


def _task_rechecked(asked: ActionItem, before: Sequence[ActionItem]) -> ActionItem | None:
    """The task a tag question re-checks: the latest its owner took on shortly before."""
    # "Du sender vel også ...": a further task, not a re-check of one already taken on
    if _ALSO.search(asked.quote.split("?")[0]):
        return None
    return next(
        (
            i
            for i in reversed(before)
            if i.owner == asked.owner and asked.start - i.start <= _RECHECK_REACH
        ),
        None,
    )
