"""Dates said in the turns after an item, once the items are known: the owner taking the day
back ("…a credit note by Thursday." - "Actually no, let's say Wednesday"), the owner handing
the work over by a day ("Den har du længe før. Sidst på ugen, faktisk.", "Then you'll have a
draft by Friday"), and the other side's deadline that the owner accepts ("Det ska' vi vide
inden den 10." - "Det når jeg."; "By Friday if you can" - "Friday's fine").

A pass of its own over the finished items, so the rules that find items stay apart from it.
It looks a few turns on from the item and stops at a sentence that another item quotes: that
sentence starts other work, and its date is that work's."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace

from assistant.intelligence.action_items.model import ActionItem, _normal
from assistant.intelligence.dates import DatePhrase, find_date, find_deadline
from assistant.intelligence.sentences import Sentence

__all__ = ["dated_later"]

_TURNS = 3
"""Turns after the item's own in which a date may still be its own."""

_TAKES_BACK = re.compile(
    r"^(?:(?:øh\w*|ah|oh|um|uh|åh|ja|yes|yeah|okay|ok|så|so)[,.!]?\s+)*"
    r"(?:nej|no|actually|faktisk|sorry|undskyld|vent|wait|hov|i mean|jeg mener"
    r"|(?:så )?ikke (?:på )?\w+dag|not \w+day)\b",
    re.IGNORECASE,
)
"""A sentence that takes a day back: "Actually no, …", "Så ikke fredag, …"."""

_HANDS_OVER = re.compile(
    r"(?:^|[,.;:]\s+)(?:(?:so|then|så|altså|okay|ok|yes|yeah|ja|fint|fine|good|godt)[,.!]?\s+)*"
    r"(?:(?:du|i|you)(?:'ll| will)? (?:får|har|have|get)\b"
    r"|(?:den|det|dem) (?:har|får) (?:du|i)\b"
    r"|i'll (?:get|do|have|send) (?:it|them|that|those)\b"
    r"|(?:jeg|vi) (?:gør|sender|laver|ordner) (?:det|den|dem)\b"
    r"|(?:det|den|dem) (?:gør|sender|laver|ordner) (?:jeg|vi)\b)",
    re.IGNORECASE,
)
"""The owner handing the work over: "Du har den …", "You'll have it …", "I'll do it …"."""

_LED_TO = re.compile(
    r"(?:^|[,.;:!?]\s*|\b(?:let's say|lad os sige|make it|say|sig|så bliver det|it'll be"
    r"|det bliver|(?:can|could|shall) we say|instead|i stedet)\s+)"
    r"(?:(?:nej|no|actually|faktisk|så|so|then|ok|okay|vent|wait|um|uh|øh)[,.!]?\s*)*$",
    re.IGNORECASE,
)
"""What leads to the day said instead, right before it: "Actually no, … so let's say
Wednesday", "Nej, fredag", not "Nej, vi har ikke tid i dag"."""

_TAKEN_BACK_IN = re.compile(
    r"\b(?:nej|no|actually|faktisk|sorry|undskyld|vent|wait)\b", re.IGNORECASE
)
"""A take-back anywhere in the sentence before a day said on its own."""

_ONLY_A_DAY = re.compile(
    r"(?:[\s,.!]|\b(?:så|so|then|faktisk|actually|okay|ok|ja|yes|yeah|lad os sige|let's say"
    r"|say|sig|make it|senest|at the latest|latest|måske|maybe|probably|nok|bliver det"
    r"|det bliver|it'll be|it will be)\b)*",
    re.IGNORECASE,
)
"""What may be said with nothing but a day: "Sidst på ugen, faktisk.", "So Monday."."""

_ACCEPTS = re.compile(
    r"^(?:(?:ja|jo|yes|yeah|yep|okay|ok|sure|fint|fine|godt|good|klart|of course|selvfølgelig)"
    r"[,.!]?\s*)*"
    r"(?:det (?:når|klarer|kan) jeg(?: godt)?(?: nå)?|det skal (?:jeg )?nok (?:kunne )?(?:nås|nå)"
    r"|det kan (?:godt )?nås|det er fint|det passer|no problem|that works|will do|can do"
    r"|(?:\w+(?:'s| is) fine)|\w+ (?:er|passer) fint|(?:\w+ )?works(?: for me)?|fint|fine"
    r"|okay|ok|sure|ja|yes)\b",
    re.IGNORECASE,
)
"""The owner taking the other side's day: "Det når jeg", "Friday's fine", "Fredag er fint"."""

_ASKS_BY = re.compile(
    r"\b(?:by|before|no later than|until|inden|senest|helst|gerne|if you can|hvis du kan"
    r"|need|needs|brug for|(?:skal|ska') (?:vi |jeg )?(?:vide|have|bruge)|vil gerne have"
    r"|ideally|preferably)\b",
    re.IGNORECASE,
)
"""The other side asking for the work by a day ("Helst inden fredag", "By Friday if you can"),
not naming a meeting ("Let's meet again on the 26th")."""

_REFUSES = re.compile(r"\b(?:ikke|not|can't|cannot|won't|kan ikke|når ikke)\b", re.IGNORECASE)


def dated_later(
    items: Sequence[ActionItem], sentences: Sequence[Sentence], meeting_date: dt.date | None
) -> list[ActionItem]:
    """Each item with the day it gets in the turns after it (see the module's docstring)."""
    quoted = [{i for i, s in enumerate(sentences) if s.text in item.quote} for item in items]
    made = [(item, max(own, default=-1)) for item, own in zip(items, quoted, strict=True)]
    return [
        _dated(item, own, _others(quoted, n), made, sentences, meeting_date)
        for n, (item, own) in enumerate(zip(items, quoted, strict=True))
    ]


def _others(quoted: list[set[int]], n: int) -> set[int]:
    """The sentences quoted by the items other than the ``n``-th."""
    return {i for j, own in enumerate(quoted) if j != n for i in own}


def _dated(
    item: ActionItem,
    own: set[int],
    others: set[int],
    made: list[tuple[ActionItem, int]],
    sentences: Sequence[Sentence],
    meeting_date: dt.date | None,
) -> ActionItem:
    if not own or item.owner is None:
        return item

    def used(index: int, day: dt.date) -> bool:
        """Whether another item of the owner, made before ``index``, has that day already:
        the hand-over dates that one ("…et udkast. Det skal jeg vende med min chef." - "Du får
        det i overmorgen" after the draft was dated so)."""
        return any(
            other.owner == item.owner and other.due == day and other is not item and at < index
            for other, at in made
        )

    owner = item.owner if not item.owner.startswith("team") else item.speaker
    last = max(own)
    due = item.due
    for index in range(last + 1, len(sentences)):
        sentence = sentences[index]
        if index in others or sentence.segment > sentences[last].segment + _TURNS:
            break
        text = _normal(sentence.text)
        if sentence.speaker != owner:
            continue
        previous = sentences[index - 1]
        said = find_deadline(text, meeting_date, weeks=False)
        first = find_date(text, meeting_date, weeks=False)
        day = said.date if said is not None else None
        corrected = first is not None and said is not None and first.date != said.date
        led = said is not None and _LED_TO.search(text[: said.start]) is not None
        if day is not None and (corrected or (due is not None and _TAKES_BACK.match(text) and led)):
            due = day  # "Actually no, let's say Wednesday"; "Thursday - no, Friday"
            continue
        if (
            said is not None
            and day is not None
            and (_HANDS_OVER.search(text) or _only_a_day(text, said))
        ):
            # a hand-over, or a day on its own after one ("Den har du længe før. Sidst på
            # ugen, faktisk."): the owner's day, unless later than one already said
            after = previous.speaker == owner and previous.segment == sentence.segment
            if after and _only_a_day(text, said) and _TAKEN_BACK_IN.search(previous.text):
                due = day  # "Torsdag, nej, vent, jeg er på messe torsdag. Fredag."
                continue
            handed = _HANDS_OVER.search(text) or (
                after and _HANDS_OVER.search(_normal(previous.text))
            )
            asked = previous.speaker != owner and (
                "?" in previous.text or find_date(previous.text, meeting_date) is not None
            )
            if handed and (due is None or (day < due and asked)) and not used(index, day):
                due = day  # "Can you do it this week?" - "I'll do it tomorrow"
            continue
        if (
            due is None
            and previous.speaker != owner
            and _ACCEPTS.match(text)
            and _ASKS_BY.search(previous.text)
        ):
            asked = find_deadline(_normal(previous.text), meeting_date, weeks=False)
            if (
                asked is not None
                and asked.date is not None
                and not _REFUSES.search(text)
                and (said is None or said.date == asked.date)
            ):
                due = asked.date  # "Det ska' vi vide inden den 10." - "Det når jeg."
    return item if due == item.due else replace(item, due=due)


def _only_a_day(text: str, said: DatePhrase) -> bool:
    """Whether nothing but a few words lead to the day ("Let's say Tuesday, to be safe")."""
    return _ONLY_A_DAY.fullmatch(text[: said.start]) is not None
