"""Promises cut off by an interruption and finished in the speaker's next turn: "I'll get our
leads to list the" - "The extra users?" - "Yes, the extra users they need. I'll get you that
list next week."; "Så sender jeg jer et tilbud med de tolv brugere og" - "Fjorten." -
"Fjorten brugere, selvfølgelig. Tilbuddet har I på fredag."

The promise is one item, said in the finished turn: quoted with it and due when it says. When
the rules found an item of the speaker's in that turn already, that item stands alone. This runs
last, on the items kept.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace
from itertools import dropwhile, takewhile

from assistant.intelligence.action_items.follow_ups import remark_names_object_of
from assistant.intelligence.action_items.located import _sentence_of
from assistant.intelligence.action_items.model import ActionItem, _normal
from assistant.intelligence.action_items.owners import TEAM
from assistant.intelligence.dates import find_date, find_deadline
from assistant.intelligence.sentences import Sentence

_DANGLING = re.compile(
    r"\b(?:the|a|an|and|or|by|before|until|our|your|their|my"
    r"|og|eller|inden|senest|før|en|et|vores|jeres|min)$",
    re.IGNORECASE,
)
"""A word no sentence ends on: the speaker was cut off ("…list the", "…brugere og"). Not a
particle a sentence may end on ("de er med", "what we talked about")."""
_WE = re.compile(r"\b(?:we|we'll|vi)\b", re.IGNORECASE)
"""The finished turn still promises as a group ("We'll have it out by Friday")."""
_TURNS_ON = 2
"""The speaker's next turn comes at most this many turns after the one cut off."""


def finished_promises(
    items: Sequence[ActionItem], sentences: Sequence[Sentence], meeting_date: dt.date | None
) -> tuple[ActionItem, ...]:
    """``items``, each promise cut off mid-sentence (see the module) moved to the turn where
    its speaker finishes it."""
    result: list[ActionItem] = []
    for item in items:
        at = _sentence_of(item, sentences, last=True)
        own = item.owner == item.speaker or (item.owner or "").startswith(TEAM)
        finished = None if at is None or not own else _finishing_turn(at, sentences)
        if finished is None or at is None:
            result.append(item)
            continue
        turn = _turn_from(finished, at, sentences)
        if any(
            other.speaker == item.speaker and any(s.text in other.quote for s in turn)
            for other in items
        ):
            continue  # the finished turn is an item of its own already
        said = " ".join(s.text for s in turn)
        if not _goes_on(item.text, said, meeting_date):
            result.append(item)
            continue
        # "The patch will be out by Friday": the day the finished work is out is its day
        due = find_deadline(_normal(said), meeting_date, weeks=False) or find_date(
            _normal(said), meeting_date, weeks=False
        )
        owner = item.owner
        if owner != item.speaker and _WE.search(said) is None:
            owner = item.speaker  # "We will ship a patch by" - "The patch will be out by Friday"
        result.append(
            replace(
                item,
                text=_DANGLING.sub("", item.text).rstrip(" ,"),
                owner=owner,
                due=due.date if due is not None else item.due,
                start=turn[0].start,
                quote=said,
            )
        )
    return tuple(result)


def _finishing_turn(at: int, sentences: Sequence[Sentence]) -> int | None:
    """The segment where the speaker finishes the sentence at ``at``, when it is cut off: the
    last of its turn, ending on a word no sentence ends on, with no stop; the speaker's next
    turn, after another's, at most `_TURNS_ON` turns on."""
    cut = sentences[at]
    text = _normal(cut.text).rstrip()
    if text.endswith((".", "?", "!")) or _DANGLING.search(text) is None:
        return None
    if at + 1 < len(sentences) and sentences[at + 1].segment == cut.segment:
        return None
    for sentence in sentences[at + 1 :]:
        if sentence.segment - cut.segment > _TURNS_ON:
            return None
        if sentence.speaker == cut.speaker:
            return sentence.segment if sentence.segment > cut.segment + 1 else None
    return None


def _turn_from(segment: int, at: int, sentences: Sequence[Sentence]) -> list[Sentence]:
    """The sentences of ``segment``, a turn after the sentence at ``at`` (sentences come in
    the order of their segments)."""
    after = dropwhile(lambda s: s.segment < segment, sentences[at + 1 :])
    return list(takewhile(lambda s: s.segment == segment, after))


def _goes_on(cut: str, said: str, meeting_date: dt.date | None) -> bool:
    """Whether the turn finishes the promise: it says a day ("You'll have them by Thursday") or
    names its work again ("I'll get you that list next week" after "…to list the"), not
    "Thanks." or other talk."""
    if find_date(said, meeting_date, weeks=False) is not None:
        return True
    return remark_names_object_of(cut, said)
