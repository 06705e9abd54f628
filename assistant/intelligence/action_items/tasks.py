"""The words after a cue made into a task: a clean imperative ("Send the proposal") without
fillers or a trailing clause, and the deadline said with it."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import lru_cache

from assistant.intelligence.action_items.model import _Context
from assistant.intelligence.action_items.rules import _THEN, _Rules
from assistant.intelligence.action_items.rules_da import _DA, _DA_IRREGULAR
from assistant.intelligence.action_items.rules_en import _EN_IRREGULAR
from assistant.intelligence.dates import find_date, find_deadline, resolve_due_date


def _starts_with(task: str, phrases: Sequence[str]) -> bool:
    return _opening(tuple(phrases)).match(task.lower()) is not None


@lru_cache(maxsize=32)
def _opening(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for "the task opens with one of these phrases, as whole words"."""
    return re.compile(
        r"(?:"
        + "|".join(
            # a phrase ending in "$" must be the whole task ("tage den$": not "tage den demo")
            re.escape(p[:-1]) + r"[\s.!?]*$" if p.endswith("$") else re.escape(p)
            for p in phrases
        )
        + r")(?:\b|$)"
    )


def _imperative(task: str, rules: _Rules) -> str:
    """The task's first word, a conjugated verb, as an imperative: "sender" -> "send",
    "tjekker" -> "tjek", "takes" -> "take"."""
    task = re.sub(r"^(?:jeg|vi|du)\s+", "", task, flags=re.IGNORECASE)
    first, _, rest = task.partition(" ")
    lowered = first.lower()
    if rules is _DA:
        rest = re.sub(r"^(?:jeg|vi|du)\b\s*", "", rest, flags=re.IGNORECASE)
        verb = _DA_IRREGULAR.get(lowered) or _danish_stem(
            lowered[:-1] if lowered.endswith("r") else lowered
        )
    else:
        verb = _EN_IRREGULAR.get(lowered, "")
        if not verb:
            if lowered.endswith(("ches", "shes", "sses", "xes")):
                verb = lowered[:-2]
            elif lowered.endswith("s"):
                verb = lowered[:-1]
            else:
                verb = lowered
    if first.isupper() and len(first) > 1:
        verb = verb.upper()
    return f"{verb} {rest}".strip()


def _danish_stem(infinitive: str) -> str:
    """Danish infinitive to imperative: drop the final -e and a doubled consonant."""
    if len(infinitive) > 3 and infinitive.endswith("e"):
        stem = infinitive[:-1]
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiouyæøå":
            stem = stem[:-1]
        return stem
    return infinitive


def _clean(task: str, rules: _Rules) -> str:
    clause = rules.clause_break.search(task)
    if clause:
        task = task[: clause.start()]
    task = task.strip().rstrip(".?!,;:").strip()
    task = rules.trailing_filler.sub("", task).strip().rstrip(",")
    task = re.sub(r"\s{2,}", " ", task)
    if rules is _DA and (task[:1].islower() or (task.isupper() and " " in task)):
        first, _, rest = task.partition(" ")
        # A Danish infinitive after a modal ("sende tilbuddet") reads as an order: "Send …";
        # in an upper-case transcript too ("GENSTARTE TERMINALERNE" -> "GENSTART …").
        stem = _danish_stem(first.lower())
        task = f"{stem.upper() if first.isupper() else stem} {rest}".strip()
    return task[:1].upper() + task[1:]


def _gerund(task: str) -> str:
    first, _, rest = task.partition(" ")
    if first.lower().endswith("ing") and len(first) > 5:
        stem = first[:-3]
        # "setting" -> "set", but "calling" -> "call", "rolling" -> "roll"
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-2:].lower() not in ("ll", "ss", "ff"):
            stem = stem[:-1]
        first = stem + ("e" if stem.lower().endswith(("at", "ov", "ar", "iz", "ak", "ur")) else "")
    return f"{first} {rest}".strip()


_SAME_DAY = re.compile(r"\s*\b(?:(?:on )?the same day|samme dag|(?:på )?den samme dag)\b", re.I)
"""A deadline that points at the date said earlier in the sentence."""


_PURPOSE_CLAUSE = re.compile(
    r",?\s+(?:så|so|so that)\s+(?:(?:det|den|de|vi|I|du|it|it's|they|we|you|everything|alt)\b"
    # a thing as the subject: "så afslutningen kører i morgen", "so the export runs on Monday"
    r"|(?:the\s+[\w-]+|[\w-]+(?:en|et|ne))\s+(?:[\w-]+er|er|kan|vil|skal|is|are|can|will"
    r"|runs|works)\b)"
    # the result for the other side: "by Thursday, then you have it before the weekend"
    r"|,\s*(?:then|så)\s+(?:you|they|du|i)\s+(?:have|get|har|får)\b"
    r"|,\s*så\s+(?:har|får)\s+(?:du|i|de)\b",
    re.IGNORECASE,
)
"""A clause of purpose or result after the task ("…, så det er på plads til lørdag")."""


_TAKEN_BACK = re.compile(
    r"\s*[.,;–-]\s*(?:nej|no|sorry|undskyld|vent|wait|hov)\b.*$", re.IGNORECASE | re.DOTALL
)
"""A day taken back after the task: "…on Thursday. No, wait, I'm at a conference Thursday, so
it'll be Friday"."""


def _due(task: str, before: str, index: int, context: _Context) -> tuple[dt.date | None, str, bool]:
    """The deadline said in the task (else before the cue), the task without it, and whether a
    date phrase was found. "Before then" takes the latest date said in the sentences before; a
    day taken back in the same sentence gives way to the one said instead."""
    taken_back = _TAKEN_BACK.search(task)
    if taken_back is None:
        return _said_due(task, before, index, context)
    due, rest, had_date = _said_due(task[: taken_back.start()], before, index, context)
    meeting_date = context.transcript.meeting.date
    sentence = context.sentences[index].text
    # the day taken back: the first deadline said (not "flytter go-live til den 30.")
    first = find_deadline(sentence, meeting_date, weeks=False, corrections=False)
    instead = find_deadline(sentence, meeting_date, weeks=False)
    if first is not None and instead is not None and due == first.date:
        due = instead.date
    return due, rest, had_date


_REASON_CLAUSE = re.compile(r",?\s+(?:fordi|eftersom|because)\b", re.IGNORECASE)
_BY = re.compile(r"\b(?:by|before|no later than|inden|senest|før)\s*$", re.IGNORECASE)
_PERIOD = re.compile(r"\b(?:week|uge\w*|month|måned\w*)\b", re.IGNORECASE)
_BY_OPENS = re.compile(r"(?:by|before|no later than|inden|senest|før)\b", re.IGNORECASE)


def _marked_by(task: str) -> tuple[bool, bool]:
    """Whether the first and the second date phrase of ``task`` are said as deadlines ("by
    Thursday", "inden den 31."); the first counts as one unless it names a period."""
    marks: list[bool] = []
    offset = 0
    for _ in range(2):
        phrase = find_date(task[offset:], None, weeks=False)
        if phrase is None:
            return (False, False)
        start = offset + phrase.start
        word = task[offset + phrase.start : offset + phrase.end]
        marks.append(_BY.search(task[:start]) is not None or _BY_OPENS.match(word) is not None)
        if len(marks) == 1 and not marks[0] and _PERIOD.search(word) is None:
            return (False, False)  # only a period ("this week") gives way to a deadline in it
        offset += phrase.end
    return (marks[0], marks[1])


def _said_due(
    task: str, before: str, index: int, context: _Context
) -> tuple[dt.date | None, str, bool]:
    meeting_date = context.transcript.meeting.date
    then = _THEN.search(task)
    if then:
        task = task[: then.start()] + task[then.end() :]
        for previous in reversed(context.sentences[max(0, index - 4) : index]):
            phrase = find_date(previous.text, meeting_date, weeks=False)
            if phrase is not None:
                return phrase.date, task, True
    same_day = _SAME_DAY.search(task)
    if same_day:
        # "Send me the output on Thursday and I'll go through it the same day".
        earlier = find_date(context.sentences[index].text, meeting_date, weeks=False)
        if earlier is not None and earlier.date is not None:
            return earlier.date, task[: same_day.start()] + task[same_day.end() :], True
    due, rest = resolve_due_date(task, meeting_date, weeks=False)
    said = find_deadline(task, meeting_date, weeks=False, corrections=False)
    if rest != task and said is not None and said.date != due:
        # "på fredag nej torsdag for de har bestyrelsesmøde fredag": the day said instead
        # stands; a day after it is the reason
        return due, rest, True
    if rest != task:
        # "I'll talk to finance today and get back to you by Thursday": the later date is the
        # deadline of the whole task.
        # Not a date in a purpose clause: "inden weekenden, så det er på plads til lørdag",
        # "by Friday, so it's live for Monday" name the goal, not a later deadline.
        # Nor in a reason: "inden mandag, fordi ledelsen trækker tallene tirsdag morgen".
        purpose = _PURPOSE_CLAUSE.search(rest) or _REASON_CLAUSE.search(rest)
        tail = rest[purpose.start() :] if purpose else ""
        head = rest[: len(rest) - len(tail)]
        second, rest_two = resolve_due_date(head, meeting_date, weeks=False)
        rest_two += tail
        first_at = find_deadline(task, meeting_date, weeks=False)
        second_at = find_deadline(head, meeting_date, weeks=False)
        if (
            rest_two != rest
            # not a day passed over before the deadline: "for Thursday tonight" is done tonight
            and (first_at is None or second_at is None or second_at.start >= first_at.start)
        ):
            rest = rest_two
            # "I'll call them this week and come back to you by Thursday": of a bare day and
            # a deadline, the deadline; else the later day.
            marked = _marked_by(task)
            if second is not None and (
                due is None or marked == (False, True) or (marked != (True, False) and second > due)
            ):
                due = second
        return due, rest, True
    # Before the cue, only its own clause dates it: "Jeg kan ikke love et beløb i dag, men det
    # kigger jeg på" says nothing of when.
    own = re.split(r",\s*(?:men|but)\s+", before)[-1]
    # Nor a clause that reports what was done: "I sent the slides this morning, and I'll
    # book the review" - the morning is the slides'.
    own = ", ".join(c for c in re.split(r"[,;]\s*", own) if not _PAST_REPORT.search(c))
    due, rest = resolve_due_date(own, meeting_date, weeks=False)
    return due, task, rest != own


_PAST_REPORT = re.compile(
    r"\b(?:i|we|he|she|they|jeg|vi|han|hun|de)\s+(?:(?:already|just|allerede|lige)\s+)?"
    r"(?:\w+ed|sent|did|had|was|were|spoke|met|got|made|took|gave|told|wrote|rang|sendte"
    r"|ringede|talte|skrev|havde|var|fik|gav|tog|mødtes)\b",
    re.IGNORECASE,
)
"""A clause in the past tense with its subject: what was done, not what is promised."""
