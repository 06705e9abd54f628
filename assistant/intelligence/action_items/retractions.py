"""Promises taken back later in the meeting: "I'll ask our IT lead to join." - … - "Actually,
forget that, I won't need to."; "Jeg sender jer vores nye logo." … "Forresten, glem det med
logoet." The work taken back is no item. This runs last, on the items kept.

A retraction must point back at one item: said by its owner or the one who asked for it, either
naming its object again ("glem det med logoet", "no demo") within a few minutes, or, said only
as "forget that" / "det dropper vi alligevel", in the next turns right after it, with no other
item, and nothing else its speaker said, in between. A day or "instead" in the same sentence
moves or replaces the work rather than dropping it, and is left to the rules."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from assistant.intelligence.action_items.follow_ups import remark_names_object_of
from assistant.intelligence.action_items.located import _sentence_of
from assistant.intelligence.action_items.model import ActionItem, _normal
from assistant.intelligence.dates import find_date
from assistant.intelligence.sentences import Sentence

_TAKEN_BACK = re.compile(
    r"(?<!don't )(?<!do not )(?<!not )\b(?:forget (?:that|it|about)|scratch that)\b"
    r"|\bglem (?:det|dét|alt det)\b(?! ikke)"
    r"|\b(?:det|den|dem|\w+) dropper (?:vi|jeg) (?:\w+ )?alligevel\b"
    r"|\bdropper (?:vi|jeg) (?:det|den|dem) alligevel\b",
    re.IGNORECASE,
)
"""Taking work back: "forget that", "glem det med logoet", "det dropper vi alligevel"."""
_REPLACED = re.compile(r"\b(?:instead|i stedet|rather|hellere)\b", re.IGNORECASE)
"""Work replaced, not dropped: "forget that, I'll email him instead"."""
_NEXT_TURNS = 3
"""A bare "forget that" points back at most this many turns."""
_NAMED_WITHIN_S = 300.0
"""A retraction naming the work may come this long (s) after it."""


def without_retracted(
    items: Sequence[ActionItem], sentences: Sequence[Sentence], meeting_date: dt.date | None
) -> tuple[ActionItem, ...]:
    """``items`` without those their owner or requester later took back."""
    made = [_sentence_of(item, sentences, last=True) for item in items]
    dropped: set[int] = set()
    for index, sentence in enumerate(sentences):
        text = _normal(sentence.text)
        said = _TAKEN_BACK.search(text)
        if said is None or _REPLACED.search(text):
            continue
        if find_date(text, meeting_date, weeks=False) is not None:
            continue
        rest = f"{text[: said.start()]} {text[said.end() :]}"
        position = _taken_back(items, made, index, rest, sentences)
        if position is not None:
            dropped.add(position)
    return tuple(item for i, item in enumerate(items) if i not in dropped)


def _taken_back(
    items: Sequence[ActionItem],
    made: Sequence[int | None],
    index: int,
    rest: str,
    sentences: Sequence[Sentence],
) -> int | None:
    """The position of the item the sentence at ``index`` takes back, if it points back at one;
    ``made`` holds the sentence index of each item (None: not found)."""
    retraction = sentences[index]
    said_at = {i: said for i, said in enumerate(made) if said is not None and said < index}
    earlier = sorted(said_at)
    if not earlier:
        return None
    own = [i for i in earlier if retraction.speaker in (items[i].speaker, items[i].owner)]
    for i in reversed(own):
        if retraction.start - items[i].start > _NAMED_WITHIN_S:
            break
        if remark_names_object_of(items[i].text, rest):
            return i
    latest = max(earlier, key=said_at.__getitem__)
    if not own or latest not in own:
        return None  # someone else's item came in between: "forget that" is not about this
    said_in = said_at[latest]
    # "I could also add the module. Actually, no, scratch that": the retractor's own words in
    # between are what "that" takes back, not the item before them
    if any(s.speaker == retraction.speaker for s in sentences[said_in + 1 : index]):
        return None
    return latest if retraction.segment - sentences[said_in].segment <= _NEXT_TURNS else None
