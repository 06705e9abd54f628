"""Action items found by rules: commitments ("I'll send…") and requests ("Can you loop in…?").

English only for now. The rules are small tables, so another language adds rows, not code:

- `_CUES`: phrases that open a commitment or a request (which decides whose task it is).
- `_NON_ACTIONS`: what may follow a cue without making a task ("I'll be honest", "can you hear").
- `_DUE_RULES`: date phrases and how to resolve them against the meeting date.

A sentence yields at most one item, from its first cue that opens a task. Owners: "I…"/"we…"
commitments belong to the speaker; a request belongs to the participant named in the sentence,
else to the next different speaker, else to nobody.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

from assistant.transcript import Participant, Segment, Transcript

__all__ = ["ActionItem", "extract_action_items", "resolve_due_date"]

Kind = Literal["commitment", "request"]


@dataclass(frozen=True, slots=True)
class ActionItem:
    text: str
    """The task as a clean imperative, e.g. "Send the proposal"."""
    owner: str | None
    """Participant id of who should do it; None when it cannot be told."""
    due: dt.date | None
    """Deadline, when one was said and could be resolved to a date."""
    speaker: str
    """Participant id of who said it."""
    start: float
    """Start of the sentence (s from meeting start); the segment start when word times are
    missing."""
    quote: str
    """The sentence it was found in, as transcribed."""


@dataclass(frozen=True, slots=True)
class _Cue:
    kind: Kind
    pattern: re.Pattern[str]
    """Matches the cue; the task follows the match."""


def _cue(kind: Kind, phrase: str) -> _Cue:
    # Whitespace after the phrase keeps "I can" from matching "I can't".
    return _Cue(kind, re.compile(rf"\b{phrase}\s+", re.IGNORECASE))


_CUES: tuple[_Cue, ...] = (
    _cue("commitment", r"i'll"),
    _cue("commitment", r"i will"),
    _cue("commitment", r"i'm going to"),
    _cue("commitment", r"i am going to"),
    _cue("commitment", r"i'm gonna"),
    _cue("commitment", r"let me"),
    _cue("commitment", r"i can"),
    _cue("commitment", r"we'll"),
    _cue("commitment", r"we will"),
    _cue("commitment", r"we're going to"),
    _cue("request", r"(?:can|could|would|will) you(?: please)?"),
    _cue("request", r"(?:^|(?<=, ))please"),
)

_NON_ACTIONS: tuple[str, ...] = (
    # pleasantries and thinking aloud
    "be",
    "tell you what",
    "say",
    "think",
    "see",
    "hear",
    "guess",
    "imagine",
    "admit",
    "bet",
    "wonder",
    "know",
    "understand",
    "believe",
    "like",
    "mind",
    "repeat",
    "remind me",
    "tell me",
    # states and predictions, not tasks
    "need",
    "want",
    "get there",
    # done on the spot: leaving the call, screen sharing, talking someone through
    "give me a second",
    "give me a sec",
    "walk me through",
    "pull up",
    "note",
    "leave",
    "have to leave",
    "have to jump off",
    "have to drop off",
    "have to go",
    "have to run",
    "jump off",
    "drop off",
    "share my screen",
    "stop sharing",
    # "I'm going to the office": a place, not a task
    "the",
    "a",
    "an",
    "my",
    "your",
    "our",
    "that",
    "this",
    # negations
    "not",
    "never",
)
"""First words (or phrases) of the task that mean the cue was not a task at all."""

_HEDGES = re.compile(r"\b(?:maybe|perhaps|possibly|might)\b", re.IGNORECASE)
_CONDITIONS = re.compile(r"\b(?:if|unless|whether)\b", re.IGNORECASE)
_LEADING_FILLER = re.compile(
    r"^(?:(?:just|also|then|definitely|quickly|actually|please|go ahead and|maybe)\s+)+",
    re.IGNORECASE,
)
_TRAILING_FILLER = re.compile(
    r"(?:[\s,]+(?:for me|for us|please|then|as well|too|when you (?:get a chance|can)"
    r"|if (?:you can|possible)))+$",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(
    r",\s*(?:and then|so|because|but|since|if|unless|okay|ok|right)\b|;|\s+(?:so that|because)\s+",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)\]]))\s+")
"""Whitespace after a sentence's end mark, or after a closing quote or bracket that follows it."""

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH_NAMES = (
    *("january", "february", "march", "april", "may", "june"),
    *("july", "august", "september", "october", "november", "december"),
)
"""English, not `calendar.month_name`: that one follows the process locale."""
_MONTHS = {
    name: number for number, full in enumerate(_MONTH_NAMES, start=1) for name in (full, full[:3])
} | {"sept": 9}
"""Month names and abbreviations (lower case) to month numbers."""
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>\d{4}))?"
_PREFIX = r"(?:\b(?:by|on|before|until|till|due|for|no later than)\s+)?(?:the\s+)?"
_ABBREVIATIONS = frozenset(
    {"mr.", "mrs.", "ms.", "dr.", "e.g.", "i.e.", "vs.", "approx."}
    | {f"{month[:3]}." for month in _MONTH_NAMES if month != "may"}
    | {"sept."}
)
"""Words ending in "." that do not end a sentence (lower case)."""

_Resolver = Callable[[re.Match[str], dt.date | None], dt.date | None]


def _next_weekday(match: re.Match[str], today: dt.date | None) -> dt.date | None:
    if today is None:
        return None
    target = _WEEKDAYS.index(match["weekday"].lower())
    days = (target - today.weekday()) % 7 or 7
    return today + dt.timedelta(days=days)


def _next_week(_: re.Match[str], today: dt.date | None) -> dt.date | None:
    if today is None:
        return None
    return today + dt.timedelta(days=7 - today.weekday())


def _end_of_week(_: re.Match[str], today: dt.date | None) -> dt.date | None:
    if today is None:
        return None
    # Friday of this week; at a weekend meeting, the coming Friday.
    return today + dt.timedelta(days=(4 - today.weekday()) % 7)


def _end_of_month(_: re.Match[str], today: dt.date | None) -> dt.date | None:
    if today is None:
        return None
    return today.replace(day=calendar.monthrange(today.year, today.month)[1])


def _day_of_month(match: re.Match[str], today: dt.date | None) -> dt.date | None:
    if today is None:
        return None
    day = int(match["day"])
    year, month = today.year, today.month
    for _ in range(13):
        if day <= calendar.monthrange(year, month)[1]:
            candidate = dt.date(year, month, day)
            if candidate >= today:
                return candidate
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return None


def _month_day(match: re.Match[str], today: dt.date | None) -> dt.date | None:
    month, day = _MONTHS[match["month"].lower()], int(match["day"])
    if match["year"]:
        return _date_or_none(int(match["year"]), month, day)
    if today is None:
        return None
    # Without a year: the next such date on or after the meeting.
    candidate = _date_or_none(today.year, month, day)
    if candidate is not None and candidate < today:
        candidate = _date_or_none(today.year + 1, month, day)
    return candidate


def _iso(match: re.Match[str], _: dt.date | None) -> dt.date | None:
    return _date_or_none(int(match["year"]), int(match["month"]), int(match["day"]))


def _date_or_none(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _offset(days: int) -> _Resolver:
    def resolve(_: re.Match[str], today: dt.date | None) -> dt.date | None:
        return today + dt.timedelta(days=days) if today is not None else None

    return resolve


_DUE_RULES: tuple[tuple[re.Pattern[str], _Resolver], ...] = tuple(
    (re.compile(_PREFIX + pattern + r"\b", re.IGNORECASE), resolver)
    for pattern, resolver in (
        (r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})", _iso),
        (r"(?:end of (?:the |this )?week|this week)", _end_of_week),
        (r"end of (?:the |this )?month", _end_of_month),
        (r"next week", _next_week),
        (r"(?:today|tonight|end of (?:the )?day)", _offset(0)),
        (r"tomorrow", _offset(1)),
        (rf"(?:this |next )?(?P<weekday>{'|'.join(_WEEKDAYS)})", _next_weekday),
        (_MONTH + r"\s+" + _DAY + _YEAR, _month_day),
        (_DAY + r"\s+(?:of\s+)?" + _MONTH + _YEAR, _month_day),
        (r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)", _day_of_month),
    )
)
"""Date phrases, each with an optional preposition ("by", "on"…) that is removed with it.

Relative dates need the meeting date; weekday names mean the next such day strictly after it
("next Friday" is read the same as "Friday"); "next week" is the Monday of next week; "end of
the week" the Friday of the meeting's week; "the 15th" the next 15th on or after the meeting.
"""


def resolve_due_date(sentence: str, meeting_date: dt.date | None) -> tuple[dt.date | None, str]:
    """The first date phrase in ``sentence`` resolved to a date, and the sentence without it.

    The date is None when there is no phrase, or when it is relative and ``meeting_date`` is
    None. The phrase is removed whenever one was found.
    """
    found: tuple[int, re.Match[str], _Resolver] | None = None
    for pattern, resolver in _DUE_RULES:
        match = pattern.search(sentence)
        if match and (found is None or match.start() < found[0]):
            found = (match.start(), match, resolver)
    if found is None:
        return None, sentence
    _, match, resolver = found
    rest = sentence[: match.start()] + sentence[match.end() :]
    return resolver(match, meeting_date), re.sub(r"\s{2,}", " ", rest).strip()


def extract_action_items(transcript: Transcript) -> tuple[ActionItem, ...]:
    """Action items said in the meeting, in order of time, duplicates merged."""
    items: list[ActionItem] = []
    segments = transcript.segments
    for index, segment in enumerate(segments):
        for sentence, start in _sentences(segment):
            item = _item(sentence, start, segment, transcript, segments[index + 1 :])
            if item is not None:
                items.append(item)
    return tuple(_merge_duplicates(items))


def _item(
    sentence: str,
    start: float,
    segment: Segment,
    transcript: Transcript,
    later: Sequence[Segment],
) -> ActionItem | None:
    """The item of the first cue in the sentence that opens a task, if any."""
    normalised = sentence.replace("’", "'")
    for kind, match in _cues_in(normalised):
        before, task = normalised[: match.start()], normalised[match.end() :]
        if _CONDITIONS.search(before):
            return None
        if kind == "commitment" and (_HEDGES.search(before) or _HEDGES.match(task)):
            continue
        task = _LEADING_FILLER.sub("", task)
        if _starts_with_non_action(task):
            continue
        due, task = resolve_due_date(task, transcript.meeting.date)
        if due is None:
            due, _ = resolve_due_date(before, transcript.meeting.date)
        text = _clean(task)
        if not text:
            continue
        if kind == "commitment":
            owner: str | None = segment.speaker
        else:
            owner = _addressee(normalised, segment.speaker, transcript.participants, later)
        return ActionItem(
            text=text, owner=owner, due=due, speaker=segment.speaker, start=start, quote=sentence
        )
    return None


def _cues_in(sentence: str) -> list[tuple[Kind, re.Match[str]]]:
    found = [(cue.kind, m) for cue in _CUES for m in cue.pattern.finditer(sentence)]
    return sorted(found, key=lambda kind_match: kind_match[1].start())


def _starts_with_non_action(task: str) -> bool:
    lowered = task.lower()
    return any(re.match(rf"{re.escape(phrase)}\b", lowered) for phrase in _NON_ACTIONS)


def _clean(task: str) -> str:
    clause = _CLAUSE_BREAK.search(task)
    if clause:
        task = task[: clause.start()]
    task = task.strip().rstrip(".?!,;:").strip()
    task = _TRAILING_FILLER.sub("", task).strip().rstrip(",")
    return task[:1].upper() + task[1:]


def _addressee(
    sentence: str,
    speaker: str,
    participants: Sequence[Participant],
    later: Sequence[Segment],
) -> str | None:
    """Participant named in the sentence, else the next different speaker, else None."""
    flags = re.IGNORECASE if sentence.isupper() else 0
    named: list[tuple[int, str]] = []
    for participant in participants:
        if participant.id == speaker:
            continue
        names = {participant.name, participant.name.split()[0]} if participant.name else set()
        for name in names:
            match = re.search(rf"\b{re.escape(name)}\b", sentence, flags)
            if match:
                named.append((match.start(), participant.id))
    if named:
        return min(named)[1]
    return next((s.speaker for s in later if s.speaker != speaker), None)


def _sentences(segment: Segment) -> list[tuple[str, float]]:
    """The segment's sentences with their start times (from word times when they line up)."""
    sentences = _split_sentences(segment.text)
    words = segment.words
    aligned = len(words) == len(segment.text.split())
    result = []
    offset = 0
    for sentence in sentences:
        start = words[offset].start if aligned and offset < len(words) else segment.start
        result.append((sentence, start))
        offset += len(sentence.split())
    return result


def _split_sentences(text: str) -> list[str]:
    sentences: list[str] = []
    for piece in _SENTENCE_END.split(text.strip()):
        if sentences and sentences[-1].rsplit(None, 1)[-1].lower() in _ABBREVIATIONS:
            sentences[-1] += " " + piece  # "by Dec. 3" is one sentence
        elif piece:
            sentences.append(piece)
    return sentences


def _merge_duplicates(items: list[ActionItem]) -> list[ActionItem]:
    """Keep one of each group of items with the same owner and similar text, preferring one with
    a due date (else the first said)."""
    kept: list[ActionItem] = []
    for item in items:
        for i, other in enumerate(kept):
            if other.owner == item.owner and _similar(other.text, item.text):
                if other.due is None and item.due is not None:
                    kept[i] = item
                break
        else:
            kept.append(item)
    return sorted(kept, key=lambda item: item.start)


def _similar(a: str, b: str) -> bool:
    return SequenceMatcher(None, a.lower(), b.lower()).ratio() >= 0.8
