"""Work handed to someone else as it is taken on is one task, theirs: "I'll order the new
badges tomorrow." - "Actually, make that Cai, she has the supplier login." - "Yes, that's right.
I'll order them tomorrow."; or "Bo, kan du opdatere prislisten?" - "Den tager jeg, Bo har travlt
med flytningen."

The first item names the work; the new owner's promise names it by a pronoun. The meeting has
one item, the new owner's, quoted with both and due when the promise says. This runs last, on
the items kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from assistant.intelligence.action_items.model import ActionItem
from assistant.intelligence.action_items.offers import _segment_of
from assistant.intelligence.action_items.owners import first_name
from assistant.intelligence.action_items.restatements import _ALSO
from assistant.intelligence.action_items.rules import _POINTS_BACK
from assistant.intelligence.sentences import Sentence
from assistant.transcript import Participant

_REPAIR = re.compile(
    r"\b(?:actually|make that|rather|instead|no wait|not \w+ but|faktisk|nej vent|hellere"
    r"|i stedet|ikke \w+ men|(?:it's|it is) \w+ who|det er \w+,? der|owns|took over"
    r"|has taken over|ejer|har overtaget)\b",
    re.IGNORECASE,
)
"""A turn that corrects who has the work ("Actually, make that Cai", "nej vent, det er Cai der
har den nu"), not one that merely names someone."""
_REACH_S = 45.0
"""The promise follows the work it takes over within this many seconds."""


def handed_over(
    items: Sequence[ActionItem], sentences: Sequence[Sentence], people: Sequence[Participant]
) -> tuple[ActionItem, ...]:
    """``items`` with each task handed to another as they take it on (see the module) made
    one item of the one who takes it."""
    names = _first_names(people)
    result = list(items)
    for promise in items:
        if promise not in result or not _pronoun_promise(promise):
            continue
        turn = _segment_of(promise, sentences)
        if turn is None:
            continue
        first = next(
            (
                i
                for i in reversed(result)
                if i.start < promise.start
                and promise.start - i.start <= _REACH_S
                and i.owner in names
                and i.owner != promise.owner
                and _handed(i, turn, promise, sentences, result, names)
            ),
            None,
        )
        if first is None:
            continue
        result[result.index(first)] = replace(
            first,
            owner=promise.owner,
            quote=f"{first.quote} {promise.quote}",
            due=promise.due or first.due,
        )
        result.remove(promise)
    return tuple(result)


def _pronoun_promise(item: ActionItem) -> bool:
    """A promise of the speaker's own that names its work by a pronoun only, and no more."""
    return (
        item.owner == item.speaker
        and _POINTS_BACK.search(item.quote) is not None
        and _ALSO.search(item.quote) is None
    )


def _handed(
    first: ActionItem,
    turn: int,
    promise: ActionItem,
    sentences: Sequence[Sentence],
    items: Sequence[ActionItem],
    names: dict[str, set[str]],
) -> bool:
    """Whether ``first`` was handed to the promise's owner: said two turns before the
    promise's, with one turn between that corrects who has it, names the new owner, and asks
    nothing and gives no task of its own ("Actually, make that Cai"); or said in the turn
    before, when the promise names the one it takes the work from ("Bo har travlt")."""
    said = _segment_of(first, sentences)
    if said is None or promise.owner is None or first.owner is None:
        return False
    if said == turn - 1:
        # "Bo, could you update it?" - "I'll take that one, Bo is on leave": asked of
        # another, taken from them by name (not "…, Ana", said to the one who asked).
        own_turn = " ".join(s.text for s in sentences if s.segment == turn)
        return first.speaker not in (first.owner, promise.owner) and _names(
            own_turn, names[first.owner], as_subject=True
        )
    if said != turn - 2:
        return False
    between = [s for s in sentences if s.segment == turn - 1]
    if not between or any(s.speaker in (promise.owner, first.owner) for s in between):
        return False
    if any(s.text.rstrip().endswith("?") for s in between) or any(
        i.start == between[0].start and i.speaker == between[0].speaker for i in items
    ):
        return False  # a question or a task of its own between: the promise may answer that
    said_between = " ".join(s.text for s in between)
    return _REPAIR.search(said_between) is not None and _names(said_between, names[promise.owner])


def _names(text: str, names: set[str], *, as_subject: bool = False) -> bool:
    """Whether ``text`` names one of ``names``; ``as_subject``: followed by more words of its
    clause ("Bo is on leave"), not set apart by a comma as the one spoken to."""
    if not as_subject:
        said = {w.lower() for w in re.findall(r"[^\W\d_]+", text)}
        return bool(said & names)
    return any(re.search(rf"\b{re.escape(n)}\s+[^\W\d_]", text, re.IGNORECASE) for n in names)


def _first_names(people: Sequence[Participant]) -> dict[str, set[str]]:
    """Each participant's id and the names a turn may call them by."""
    return {p.id: {name} if (name := first_name(p)) else set() for p in people}
