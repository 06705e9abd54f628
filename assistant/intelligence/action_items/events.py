"""Deadlines said relative to another dated event: "two days before the board meeting on the
19th", "dagen efter workshoppen" (the workshop dated earlier in the meeting)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace

from assistant.intelligence.action_items.located import _sentence_of
from assistant.intelligence.action_items.model import ActionItem
from assistant.intelligence.dates import find_date
from assistant.intelligence.sentences import Sentence

__all__ = ["dated_by_event", "dated_with_task"]

_COUNTS = {
    **{w: n for n, w in enumerate(("one", "two", "three", "four", "five"), start=1)},
    **{w: n for n, w in enumerate(("en", "to", "tre", "fire", "fem"), start=1)},
    "a": 1,
}
_RELATIVE = re.compile(
    r"\b(?:(?:the\s+)?day|dagen|(?P<count>one|two|three|four|five|a|en|to|tre|fire|fem|[1-5])"
    r"\s+(?:days?|dage?|hverdage))\s+(?P<way>before|after|ahead of|før|efter|inden)\s+"
    r"(?:the\s+|our\s+|your\s+|their\s+|vores\s+|jeres\s+|deres\s+)?"
    r"(?P<event>[\w-]{4,}(?:\s+(?:meeting|call|session|review|kickoff))?)",
    re.IGNORECASE,
)
"""A day counted from an event: "the day after the workshop", "to dage før bestyrelsesmødet"."""

_NEAR = 2
"""Words that may stand between an event and its date in the same sentence ("on the")."""
_FAR = 8
"""… in an earlier sentence ("the workshop with your product team is on Thursday the 19th")."""

_NOT_EVENTS = frozenset({"tomorrow", "morgen", "that", "this", "det", "den", "then", "når"})


def dated_by_event(
    item: ActionItem, sentences: Sequence[Sentence], meeting_date: dt.date | None
) -> ActionItem:
    """The item due on the day its quote counts from a dated event, when the event's date is
    said with it or in an earlier sentence that names the event; else the item unchanged."""
    match = _RELATIVE.search(item.quote)
    if match is None or meeting_date is None:
        return item
    event = match["event"].split()[0].lower()
    if event in _NOT_EVENTS:
        return item
    day = _date_after(item.quote[match.end() :], meeting_date, _NEAR)
    if day is None:
        day = _dated_earlier(event, item, sentences, meeting_date)
    if day is None:
        return item
    count = _COUNTS.get((match["count"] or "").lower()) or int(match["count"] or 1)
    sign = 1 if match["way"].lower() in ("after", "efter") else -1
    due = day + dt.timedelta(days=sign * count)
    return item if due < meeting_date else replace(item, due=due)


def _date_after(text: str, meeting_date: dt.date, most_words: int) -> dt.date | None:
    """The date said at most ``most_words`` words after an event's name ("… on the 19th", "…
    den tiende": an ordinal word is a day only after a preposition, so one is put before)."""
    for said, put in ((text, 0), ("inden " + text.lstrip(" ,"), len("inden "))):
        phrase = find_date(said, meeting_date)
        near = phrase is not None and len(said[put : phrase.start].split()) <= most_words
        if near and phrase is not None and phrase.date is not None:
            return phrase.date
    return None


def _same_event(word: str, event: str) -> bool:
    """ "workshoppen" names the workshop, "budgetmødet" the "budgetmøde"."""
    shorter = min(len(word), len(event))
    return shorter >= 4 and (word.startswith(event) or event.startswith(word))


_WORD = re.compile(r"[\w-]+")


def _dated_earlier(
    event: str, item: ActionItem, sentences: Sequence[Sentence], meeting_date: dt.date
) -> dt.date | None:
    """The date given to ``event`` in the nearest earlier sentence that names it, soon after
    its name (or in the next sentence of that turn: "Og demoen? Jeg tænkte torsdag den 12.")."""
    own = _sentence_of(item, sentences)
    if own is None:
        own = len(sentences)
    for index in reversed(range(own)):
        sentence = sentences[index]
        following = sentences[index + 1] if index + 1 < len(sentences) else None
        more = (
            f" {following.text}"
            if following is not None and following.segment == sentence.segment
            else ""
        )
        for word in _WORD.finditer(sentence.text):
            if _same_event(word[0].lower(), event):
                day = _date_after(sentence.text[word.end() :] + more, meeting_date, _FAR)
                if day is not None:
                    return day
    return None


_TOGETHER = re.compile(
    r"\b(?:sammen med|together with|along with|alongside|i samme (?:mail|omgang) som"
    r"|in the same (?:e-?mail|mail|go) as)\s+(?:the\s+|det\s+|den\s+|de\s+|vores\s+|our\s+"
    r"|jeres\s+|your\s+|my\s+|mit\s+|min\s+)?(?P<thing>[\w-]{4,})",
    re.IGNORECASE,
)
"""Work sent with other work: "Jeg sender den sammen med tilbuddet", "together with the quote"."""


def dated_with_task(items: Sequence[ActionItem]) -> list[ActionItem]:
    """An undated item done together with another task of the meeting ("Jeg sender den sammen
    med tilbuddet") is due when that task is: the dated item whose task names the same thing,
    the same owner's first."""
    dated: list[ActionItem] = []
    for item in items:
        match = _TOGETHER.search(item.quote) if item.due is None else None
        if match is None:
            dated.append(item)
            continue
        thing = match["thing"].lower()
        others = [
            other
            for other in items
            if other is not item
            and other.due is not None
            and any(_same_event(w.lower(), thing) for w in _WORD.findall(other.text))
        ]
        others.sort(key=lambda other: other.owner != item.owner)
        dated.append(replace(item, due=others[0].due) if others else item)
    return dated
