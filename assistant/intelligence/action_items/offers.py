"""An offer taken up and then promised again is one task: "I can check the queue for it." -
"Do that, and send it to me." - "I'll look first thing tomorrow and send it to you."

The offer and the promise that follows the other side's answer are the same work; the meeting
has one item, quoted with both (a reader may look for either) and due when the promise says.
This runs last, on the items kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from assistant.intelligence.action_items.located import _sentence_of
from assistant.intelligence.action_items.model import ActionItem
from assistant.intelligence.action_items.rules import _POINTS_BACK
from assistant.intelligence.sentences import Sentence

_OFFER = re.compile(
    r"^(?:(?:ja|jo|yes|okay|ok|så|og|and|well)[,.]?\s+)*"
    r"(?:jeg kan(?:\s+(?:også|godt|lige))*|i can(?:\s+also)?)\s+"
    r"(?!(?:ikke|not|se|see|høre|hear|sige|say|forstå|understand|huske|remember)\b)\w",
    re.IGNORECASE,
)
"""An offer of work ("Jeg kan godt kigge på det", "I can send you the deck"), not a statement
of what one can see or say ("Jeg kan se i portalen ...", "I can't promise ...")."""
_TURNS_ON = 2
"""The promise is in the offerer's turn this many turns on at most (after the answer)."""


def folded_offers(
    items: Sequence[ActionItem], sentences: Sequence[Sentence]
) -> tuple[ActionItem, ...]:
    """``items`` with each offer followed, after another's answer, by its owner's promise of
    the work folded into one item."""
    result = list(items)
    for offer in items:
        if offer not in result or not _OFFER.match(offer.quote.replace("’", "'")):
            continue
        turn = _segment_of(offer, sentences)
        if turn is None:
            continue
        promise = next(
            (
                i
                for i in result
                if i is not offer
                and i.owner == offer.owner == i.speaker
                and i.start > offer.start
                # the offered work named by a pronoun: new work ("I'll send you a few time
                # slots") is a further task of its own
                and _POINTS_BACK.search(i.quote) is not None
                and _promise_follows_answer(turn, _segment_of(i, sentences), offer, sentences)
            ),
            None,
        )
        if promise is None:
            continue
        result[result.index(offer)] = replace(
            offer,
            quote=f"{offer.quote} {promise.quote}",
            due=promise.due or offer.due,
        )
        result.remove(promise)
    return tuple(result)


def _segment_of(item: ActionItem, sentences: Sequence[Sentence]) -> int | None:
    """The segment (turn) the item's sentence is in."""
    index = _sentence_of(item, sentences)
    return None if index is None else sentences[index].segment


def _promise_follows_answer(
    offered: int, promised: int | None, offer: ActionItem, sentences: Sequence[Sentence]
) -> bool:
    """Whether the promise is in the offerer's own turn, after another's turn, at most
    `_TURNS_ON` turns after the offer's."""
    if promised is None or not offered < promised <= offered + _TURNS_ON:
        return False
    between = {s.speaker for s in sentences if offered < s.segment < promised}
    return bool(between) and offer.speaker not in between
