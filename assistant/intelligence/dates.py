"""Date phrases in English and Danish resolved against the meeting date.

The rules are one table (`_RULES`) of patterns and resolvers. Conventions (those of the labelled
sets' READMEs, and where they are silent the choice written here):

- A weekday ("Friday", "på fredag", "this Friday", "next Friday", "næste fredag",
  "førstkommende fredag") is the next such day strictly after the meeting: said on a
  Wednesday, "Wednesday" is a week later. "next" does not skip a week; "Friday next week" /
  "fredag i næste uge" / "next week Tuesday" / "i næste uge på tirsdag" do.
- A week on from a day: "Friday week", "a week from Friday", "på mandag om en uge" (that
  weekday + 7), "i dag om en uge", "this time next week", "in a week's time" (+7).
- "next week" / "i næste uge" / "early next week" / "after the weekend" / "efter weekenden":
  the Monday of next week; "i uge 20" / "uge tyve" / "week 20": the Friday of that week. Read
  with ``weeks=False`` (as action items are) a week without a day resolves to None: no
  deadline.
- "end of the week" / "this week" / "later this week" / "sidst (senere) på ugen" / "inden
  weekenden" / "by (before) the weekend": the Friday of the meeting's week (at a weekend
  meeting, the coming Friday); "end of next week" / "udgangen af næste uge": a week later.
  "over the weekend" / "over weekenden": its Sunday (intelligence-u); "this weekend" / "i
  weekenden" say when the work is done, not by when: no deadline.
- "end of the month" / "inden udgangen af måneden" / "ultimo måneden" / "i løbet af
  måneden": the month's last day; "end of next month": next month's last day; "ultimo
  december" / "end of January" / "sidst i december": that month's last day; "medio januar" /
  "mid-December" / "inden midten af december": its 15th (as "mid next week" is its
  Wednesday); "primo januar" / "først i december" / "i midten af december" / "next month" /
  "in the new year" / "efter jul": a time, no deadline (not recognised).
- "the last working day (Friday) of the month" / "den sidste hverdag (fredag) i måneden":
  that day of this month, or of next month once it has passed.
- "end of the quarter" / "end of Q1" / "udgangen af kvartalet": the quarter's last day;
  "end of the year" / "udgangen af året" / "inden årsskiftet" / "inden nytår": 31 December.
  "før jul" / "before Christmas": Christmas Eve, the Danish holiday.
- "the 15th" / "den 15." / "d. 3/12" / "12/3" (day then month): the next such date on or after
  the meeting; days as words with a month ("den anden december", "the third of March")
  likewise; a month name without a year: the next such date on or after the meeting; an
  explicit year is kept as said. "the 15th of next month" / "den første i næste måned": that
  day of next month.
- "by the twelfth" / "inden den tredje": a day said as an ordinal word after a preposition,
  without a month, is the next such day of a month on or after the meeting (in Danish only at
  the end of a clause: "til den første kunde" is no date).
- "in two weeks" / "om to uger" / "om 14 (fjorten) dage" / "in a fortnight" / "inden for en
  uge": that many days on; "within 48 hours" / "inden for 48 timer": two days on (fewer than
  24 hours: today); "the next business day" / "inden for to arbejdsdage" / "næste hverdag":
  counted Monday to Friday. A vague count ("in a couple of days", "om et par dage", "om nogle
  dage", "in the coming days") is time but no deadline (None).
- "today" / "EOD" / "COB" / "i dag" / "i løbet af dagen" / "sidst på dagen": the meeting day,
  and so are the hours of that day: "after lunch", "efter frokost", "inden klokken tre", "by 3
  pm", "within the hour"; an hour followed by a day is that day ("before lunch tomorrow", "by
  noon on Friday", "inden fyraften i morgen"). "first thing tomorrow (in the morning)":
  tomorrow.
- A date that is negated ("bare ikke på torsdag", "not on Friday", "I can't get to it today,
  but …", "fredag passer ikke") or gone by ("last Friday", "i fredags") is no deadline; a date
  taken back ("på torsdag, nej fredag", "Thursday, no, make it
  Friday", "THURSDAY UM ACTUALLY CAN WE SAY MONDAY") is the day said instead: the first one
  after the take-back that is not the reason ("Tomorrow. Ah, no, tomorrow I'm in Aarhus, so
  Monday"), at most into the next sentence ("Torsdag, nej, jeg er på messe torsdag. Fredag.").
  "lad os sige fredag" / "let's say Friday" name a deadline; "skal vi sige tirsdag?" a meeting.
- A day that says when an event takes place is no deadline: "an invite for Thursday", "et møde
  med jeres IT-chef på torsdag", "I'll set up a demo for Tuesday", "at Thursday's meeting", "at
  our Monday briefing"; before the event it is one: "before our call on Monday", "inden vi ses
  på torsdag", "klar til mødet på torsdag".
- A period the work is about gives way to a deadline said after it: "the plan for next week
  by Friday" is due Friday.
- Hesitations inside a phrase are read past ("INDEN UDGANGEN AF ØH MÅNEDEN").

Relative phrases need the meeting date and resolve to None without one; the phrase is still
recognised (and removed from the task text).
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

__all__ = ["DatePhrase", "find_date", "find_deadline", "iso_date", "resolve_due_date"]

_WEEKDAYS_EN = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAYS_DA = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")
_WEEKDAY_INDEX = {name: i for names in (_WEEKDAYS_EN, _WEEKDAYS_DA) for i, name in enumerate(names)}

_MONTHS_EN = (
    *("january", "february", "march", "april", "may", "june"),
    *("july", "august", "september", "october", "november", "december"),
)
"""English, not `calendar.month_name`: that one follows the process locale."""
_MONTHS_DA = (
    *("januar", "februar", "marts", "april", "maj", "juni"),
    *("juli", "august", "september", "oktober", "november", "december"),
)
_MONTHS = (
    {name: n for n, full in enumerate(_MONTHS_EN, 1) for name in (full, full[:3])}
    | {name: n for n, full in enumerate(_MONTHS_DA, 1) for name in (full, full[:3])}
    | {"sept": 9}
)
"""Month names and abbreviations (lower case) to month numbers."""

_NUMBERS = {
    **{"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7},
    **{"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14},
    **{"en": 1, "et": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "syv": 7},
    **{"otte": 8, "ni": 9, "ti": 10, "elleve": 11, "tolv": 12, "fjorten": 14},
}
"""Counts of days and weeks; a vague count ("a couple of", "et par") is `_no_day`."""
_NUMBER = (
    r"(?P<n>\d{1,2}|" + "|".join(sorted(map(re.escape, _NUMBERS), key=len, reverse=True)) + ")"
)
_NUMBER2 = _NUMBER.replace("(?P<n>", "(?P<n2>")

_ORDINALS_DA = (
    *("første", "anden", "tredje", "fjerde", "femte", "sjette", "syvende", "ottende", "niende"),
    *("tiende", "ellevte", "tolvte", "trettende", "fjortende", "femtende", "sekstende"),
    *("syttende", "attende", "nittende", "tyvende", "enogtyvende", "toogtyvende"),
    *("treogtyvende", "fireogtyvende", "femogtyvende", "seksogtyvende", "syvogtyvende"),
    *("otteogtyvende", "niogtyvende", "tredivte", "enogtredivte"),
)
_ORDINALS_EN_UNITS = (
    *("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"),
)
_ORDINALS_EN = (
    *_ORDINALS_EN_UNITS,
    *("tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth"),
    *("seventeenth", "eighteenth", "nineteenth", "twentieth"),
    *(f"twenty-{unit}" for unit in _ORDINALS_EN_UNITS),
    *("thirtieth", "thirty-first"),
)
_ORDINAL_DAYS = {
    **{word: day for day, word in enumerate(_ORDINALS_DA, 1)},
    **{word: day for day, word in enumerate(_ORDINALS_EN, 1)},
    **{f"twenty {unit}": 20 + day for day, unit in enumerate(_ORDINALS_EN_UNITS, 1)},
    "thirty first": 31,
}
"""Days said as words ("den anden december", "the third of March"), lower case."""
_ORDINAL = r"(?P<ordinal>" + "|".join(sorted(_ORDINAL_DAYS, key=len, reverse=True)) + ")"

_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|\.)?"
_YEAR = r"(?:,?\s+(?P<year>\d{4}))?"
_WEEKDAY = r"(?P<weekday>" + "|".join((*_WEEKDAYS_EN, *_WEEKDAYS_DA)) + ")"

_CLAUSE_OPENERS = tuple(
    r"and or so then if but at please og eller så hvis men kl\.? klokken senest".split()
)
"""Words that open the next clause in either language."""

_CLAUSE_OPENERS_EN = tuple(
    "no because since as we i you they everyone everybody latest okay ok right".split()
)
"""In English also these, as a recogniser writes speech without punctuation: "LOG THEM BY THE
THIRTEENTH NO EXCEPTIONS", "by the ninth because…"."""


def _clause_end(openers: Sequence[str]) -> str:
    return r"(?=\s*(?:$|[,.;:!?–-]|(?:" + "|".join(openers) + r")\b))"


_CLAUSE_END = _clause_end(_CLAUSE_OPENERS)
"""After a day said as an ordinal word without a month: the end of the clause, so "by the
ninth" is a date and "by the first week of December", "til den første kunde" are not."""

_CLAUSE_END_EN = _clause_end((*_CLAUSE_OPENERS, *_CLAUSE_OPENERS_EN))

_HOUR = (
    r"(?:(?:[1-9]|1[0-2])(?:[.:]\d\d)?|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|eleven|twelve)\s*(?:am|pm|o'clock)"
)
"""An hour of the day said as a deadline ("by 3 pm"): the meeting day."""

_PREFIX = (
    r"(?:\b(?:by|on|before|until|till|due|for|no later than|first thing|"
    r"inden|senest|på|til|før|allerede|i løbet af|ved)\s+)?(?:\b(?:the|den)\s+(?=[0-3]?\d)"
    r"|\bd\.\s*)?"
)
"""Prepositions removed together with the date ("by Friday", "senest på fredag"); "the" / "den"
only before a day number, so "lav den i næste uge" keeps its object."""

Resolver = Callable[[re.Match[str], dt.date | None], dt.date | None]


@dataclass(frozen=True, slots=True)
class DatePhrase:
    date: dt.date | None
    """The resolved date; None when relative and the meeting date is unknown."""
    start: int
    """Offset of the phrase (with its preposition) in the text."""
    end: int
    week_only: bool = False
    """The phrase names a week without a day ("next week", "i uge 20")."""


def _date_or_none(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _next_weekday(match: re.Match[str], today: dt.date | None) -> dt.date | None:
    if today is None:
        return None
    said = (
        match[name] for name in ("weekday", "weekday2", "weekday3") if name in match.re.groupindex
    )
    target = _WEEKDAY_INDEX[next(day for day in said if day).lower()]
    return today + dt.timedelta(days=(target - today.weekday()) % 7 or 7)


def _next_week(_: re.Match[str], today: dt.date | None) -> dt.date | None:
    return None if today is None else today + dt.timedelta(days=7 - today.weekday())


def _weekday_next_week(match: re.Match[str], today: dt.date | None) -> dt.date | None:
    monday = _next_week(match, today)
    if monday is None:
        return None
    said = match["weekday"] or match["weekday2"]
    return monday + dt.timedelta(days=_WEEKDAY_INDEX[said.lower()])


def _day_next_month(match: re.Match[str], today: dt.date | None) -> dt.date | None:
    """ "the 15th of next month", "inden den første i næste måned"."""
    if today is None:
        return None
    said = match["day"] or match["ordinal"]
    day = int(said) if said.isdigit() else _ORDINAL_DAYS[said.lower()]
    return _date_or_none(today.year + today.month // 12, today.month % 12 + 1, day)


def _end_of_week(_: re.Match[str], today: dt.date | None) -> dt.date | None:
    return None if today is None else today + dt.timedelta(days=(4 - today.weekday()) % 7)


def _end_of_next_week(match: re.Match[str], today: dt.date | None) -> dt.date | None:
    friday = _end_of_week(match, today)
    return None if friday is None else friday + dt.timedelta(days=7)


def _end_of_month(_: re.Match[str], today: dt.date | None) -> dt.date | None:
    if today is None:
        return None
    return today.replace(day=calendar.monthrange(today.year, today.month)[1])


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _end_of_next_month(_: re.Match[str], today: dt.date | None) -> dt.date | None:
    if today is None:
        return None
    return _last_day(today.year + today.month // 12, today.month % 12 + 1)


def _last_of_month(match: re.Match[str], today: dt.date | None) -> dt.date | None:
    """The month's last day, last weekday ("the last working day of the month") or last
    Friday; next month's once this month's has passed."""
    if today is None:
        return None
    said = match["weekday"] or match["weekday2"]
    for year, month in (
        (today.year, today.month),
        (today.year + today.month // 12, today.month % 12 + 1),
    ):
        day = _last_day(year, month)
        if said:
            day -= dt.timedelta(days=(day.weekday() - _WEEKDAY_INDEX[said.lower()]) % 7)
        elif match["work"] or match["work2"]:
            day -= dt.timedelta(days=max(0, day.weekday() - 4))
        if day >= today:
            return day
    return None


def _end_of_named_month(match: re.Match[str], today: dt.date | None) -> dt.date | None:
    """ "ultimo december", "by the end of January": this year's, or next year's once past."""
    if today is None:
        return None
    month = _MONTHS[match["month"].lower()]
    return _last_day(today.year + (month < today.month), month)


def _middle_of_named_month(match: re.Match[str], today: dt.date | None) -> dt.date | None:
    """ "medio januar", "mid-December": the 15th, as "mid next week" is its Wednesday."""
    return _next_month_day(_MONTHS[match["month"].lower()], 15, today)


def _end_of_quarter(match: re.Match[str], today: dt.date | None) -> dt.date | None:
    """The last day of quarter ``q`` ("end of Q1"; this year's, or next year's once past), or
    of the meeting's quarter."""
    if today is None:
        return None
    said = match["q"] or match["q2"]
    quarter = int(said) if said else (today.month - 1) // 3 + 1
    end = _last_day(today.year, 3 * quarter)
    return end if end >= today else _last_day(today.year + 1, 3 * quarter)


def _end_of_year(_: re.Match[str], today: dt.date | None) -> dt.date | None:
    return None if today is None else dt.date(today.year, 12, 31)


def _sunday(_: re.Match[str], today: dt.date | None) -> dt.date | None:
    """ "over the weekend": the Sunday of the coming weekend (the meeting day on a Sunday)."""
    return None if today is None else today + dt.timedelta(days=6 - today.weekday())


def _no_day(_: re.Match[str], __: dt.date | None) -> dt.date | None:
    """A vague span ("in a couple of days", "om nogle dage", "i weekenden"): time, but no
    deadline."""
    return None


def _same_day(_: re.Match[str], today: dt.date | None) -> dt.date | None:
    """An hour of the day ("by noon", "inden frokost"): the meeting day, unless a day follows
    ("before lunch tomorrow"); see `find_date`."""
    return today


def _week_after(resolver: Resolver) -> Resolver:
    """ "Friday week", "på mandag om en uge", "i dag om en uge": a week after the day said."""

    def resolve(match: re.Match[str], today: dt.date | None) -> dt.date | None:
        day = resolver(match, today)
        return None if day is None else day + dt.timedelta(days=7)

    return resolve


def _next_day_of_month(day: int, today: dt.date | None) -> dt.date | None:
    """The first date on or after ``today`` that falls on ``day`` of its month."""
    if today is None:
        return None
    year, month = today.year, today.month
    for _ in range(13):
        candidate = _date_or_none(year, month, day)
        if candidate is not None and candidate >= today:
            return candidate
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return None


def _next_month_day(month: int, day: int, today: dt.date | None) -> dt.date | None:
    """``month``/``day`` this year, or next year once it has passed."""
    if today is None:
        return None
    candidate = _date_or_none(today.year, month, day)
    if candidate is not None and candidate < today:
        candidate = _date_or_none(today.year + 1, month, day)
    return candidate


def _day_of_month(match: re.Match[str], today: dt.date | None) -> dt.date | None:
    return _next_day_of_month(int(match["day"]), today)


def _month_day(match: re.Match[str], today: dt.date | None) -> dt.date | None:
    month, day = _MONTHS[match["month"].lower()], int(match["day"])
    if match["year"]:
        return _date_or_none(int(match["year"]), month, day)
    return _next_month_day(month, day, today)


def _weekday_and_day(match: re.Match[str], today: dt.date | None) -> dt.date | None:
    if match["month"]:
        return _next_month_day(_MONTHS[match["month"].lower()], int(match["day"]), today)
    return _next_day_of_month(int(match["day"]), today)


def _ordinal_month_day(match: re.Match[str], today: dt.date | None) -> dt.date | None:
    month, day = _MONTHS[match["month"].lower()], _ORDINAL_DAYS[match["ordinal"].lower()]
    return _next_month_day(month, day, today)


def _ordinal_day_of_month(match: re.Match[str], today: dt.date | None) -> dt.date | None:
    return _next_day_of_month(_ORDINAL_DAYS[match["ordinal"].lower()], today)


_WEEK_UNITS_DA = ("en", "to", "tre", "fire", "fem", "seks", "syv", "otte", "ni")
_WEEK_NUMBERS_DA = {
    **{word: n for n, word in enumerate(_WEEK_UNITS_DA, 1)},
    **{"ti": 10, "elleve": 11, "tolv": 12, "tretten": 13, "fjorten": 14, "femten": 15},
    **{"seksten": 16, "sytten": 17, "atten": 18, "nitten": 19},
    **{
        f"{unit}og{tens}" if unit else tens: n + u
        for tens, n in (("tyve", 20), ("tredive", 30), ("fyrre", 40), ("halvtreds", 50))
        for u, unit in enumerate(("", *_WEEK_UNITS_DA))
        if n + u <= 53
    },
}
"""Week numbers said as Danish words, as a recogniser writes them ("uge tyve")."""
_WEEK_NUMBER = (
    r"(?P<week>[1-5]?\d|" + "|".join(sorted(_WEEK_NUMBERS_DA, key=len, reverse=True)) + ")"
)


def _week_number(match: re.Match[str], today: dt.date | None) -> dt.date | None:
    """The Friday of ISO week ``n``: this year's, or next year's once it has passed."""
    if today is None:
        return None
    said = (match["digits"] or match["week"]).lower()
    week = int(said) if said.isdigit() else _WEEK_NUMBERS_DA[said]
    for year in (today.isocalendar()[0], today.isocalendar()[0] + 1):
        try:
            friday = dt.date.fromisocalendar(year, week, 5)
        except ValueError:
            continue
        if friday >= today:
            return friday
    return None


def _weekday_of_week_number(match: re.Match[str], today: dt.date | None) -> dt.date | None:
    """ "fredag i uge 42", "Friday of week 42": that day of ISO week ``n``, this year's or next
    year's once it has passed."""
    friday = _week_number(match, today)
    if friday is None:
        return None
    return friday + dt.timedelta(days=_WEEKDAY_INDEX[match["weekday"].lower()] - 4)


def _weeks_from_weekday(match: re.Match[str], today: dt.date | None) -> dt.date | None:
    """ "two weeks from Friday", "Friday fortnight": that many weeks after the day said."""
    day = _next_weekday(match, today)
    weeks = 2 if match.groupdict().get("n") is None else _count(match)
    return None if day is None else day + dt.timedelta(days=7 * weeks)


def _numeric(match: re.Match[str], today: dt.date | None) -> dt.date | None:
    """ "12/10", "d. 12.10": day then month, as written in Denmark and Britain; month then day
    only when the second number cannot be a month ("10/15")."""
    first, second = int(match["a"]), int(match["b"])
    day, month = (first, second) if second <= 12 else (second, first)
    if month > 12 or day > 31:
        return None
    if match["y"]:
        year = int(match["y"])
        return _date_or_none(year + 2000 if year < 100 else year, month, day)
    return _next_month_day(month, day, today)


def _christmas(_: re.Match[str], today: dt.date | None) -> dt.date | None:
    if today is None:
        return None
    eve = dt.date(today.year, 12, 24)
    return eve if eve >= today else dt.date(today.year + 1, 12, 24)


def _mid_next_week(match: re.Match[str], today: dt.date | None) -> dt.date | None:
    monday = _next_week(match, today)
    return None if monday is None else monday + dt.timedelta(days=2)


def _iso(match: re.Match[str], _: dt.date | None) -> dt.date | None:
    return _date_or_none(int(match["year"]), int(match["month"]), int(match["day"]))


def _offset(days: int) -> Resolver:
    def resolve(_: re.Match[str], today: dt.date | None) -> dt.date | None:
        return None if today is None else today + dt.timedelta(days=days)

    return resolve


def _count(match: re.Match[str]) -> int:
    raw = (match["n"] or match.groupdict().get("n2") or "").lower()
    return int(raw) if raw.isdigit() else _NUMBERS[raw]


def _in_hours(match: re.Match[str], today: dt.date | None) -> dt.date | None:
    """ "within two hours": today; "within 48 hours": two days on."""
    return None if today is None else today + dt.timedelta(days=_count(match) // 24)


def _business_days(*, one: bool) -> Resolver:
    """That many days on, counting Monday to Friday only."""

    def resolve(match: re.Match[str], today: dt.date | None) -> dt.date | None:
        if today is None:
            return None
        day, left = today, 1 if one else _count(match)
        while left:
            day += dt.timedelta(days=1)
            left -= day.weekday() < 5
        return day

    return resolve


def _in_units(days_per_unit: int) -> Resolver:
    def resolve(match: re.Match[str], today: dt.date | None) -> dt.date | None:
        if today is None:
            return None
        return today + dt.timedelta(days=_count(match) * days_per_unit)

    return resolve


_RULES: tuple[tuple[re.Pattern[str], Resolver], ...] = tuple(
    (re.compile(_PREFIX + r"(?<!\w)" + pattern + r"(?!\w)", re.IGNORECASE), resolver)
    for pattern, resolver in (
        (r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})", _iso),
        # "i uge 42", "by week 43": the Friday of that week.
        (
            # a number in words only after "uge": "a week to set up" is no week 2
            r"(?:(?:i|in|inden|senest|by|before|within|til)\s+)?"
            r"(?:(?:week|wk\.?)\s*(?P<digits>[1-5]?\d)|uge\s*" + _WEEK_NUMBER + ")",
            _week_number,
        ),
        # "d. 12/10", "by 12/10/2026", "inden 3.11": a day and a month in numbers.
        (
            r"(?:(?<=\bby )|(?<=\bon )|(?<=\bbefore )|(?<=\buntil )|(?<=\bdue )|"
            r"(?<=\binden )|(?<=\bsenest )|(?<=\btil )|(?<=\bpå )|(?<=\bfør )|"
            r"(?<=\bden )|(?<=\bd\. ))"
            r"(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)(?:[/.](?P<y>(?:20)?\d\d))?(?![\d/.]\d)",
            _numeric,
        ),
        (
            r"(?:(?:end of (?:the )?day|eod|cob|close of (?:business|play)) tomorrow"
            r"|tomorrow (?:eod|cob)|(?<=first thing )in the morning)",
            _offset(1),
        ),
        # "Friday week", "a week on Friday", "på mandag om en uge", "i dag om en uge".
        (
            r"(?:(?:this |next |på |næste )?" + _WEEKDAY + r" week"
            r"|a week (?:from|on) "
            + _WEEKDAY.replace("weekday", "weekday2")
            + r"|(?:på )?"
            + _WEEKDAY.replace("weekday", "weekday3")
            + r" om en uge)",
            _week_after(_next_weekday),
        ),
        (
            r"(?:i dag om en uge|a week (?:from )?today|this time next week|i dag otte dage)",
            _offset(7),
        ),
        # "fredag i uge 42", "Friday of week 42": that day of the week said
        (
            _WEEKDAY
            + r",?\s+(?:i|of|in)\s+(?:(?:week|wk\.?)\s*(?P<digits>[1-5]?\d)|uge\s*"
            + _WEEK_NUMBER
            + ")",
            _weekday_of_week_number,
        ),
        # "the Friday after next": not the coming Friday, the one after it
        (_WEEKDAY + r" after next", _week_after(_next_weekday)),
        # a fortnight on: "a fortnight today", "Friday fortnight", "two weeks from Friday"
        (r"(?:a fortnight|two weeks) (?:from )?today|a fortnight from now", _offset(14)),
        (
            _WEEKDAY
            + r" fortnight|"
            + _NUMBER
            + r" weeks? from "
            + _WEEKDAY.replace("weekday", "weekday2"),
            _weeks_from_weekday,
        ),
        # "two days from now", "fjorten dage fra i dag"
        (_NUMBER + r" (?:days?|dage) (?:from now|from today|fra i dag|fra nu)", _in_units(1)),
        (_NUMBER + r" (?:weeks?|uger) (?:from now|from today|fra i dag|fra nu)", _in_units(7)),
        (r"(?:the )?end of (?:the )?week after next", _week_after(_week_after(_end_of_week))),
        (r"eow", _end_of_week),
        (r"eom", _end_of_month),
        (r"(?:right|straight|immediately|just) after this(?: call| meeting)?", _offset(0)),
        (r"(?:i morgen om en uge|a week (?:from )?tomorrow)", _offset(8)),
        (
            r"(?:mid|midway through|the middle of) next week|midt i næste uge|midten af næste uge",
            _mid_next_week,
        ),
        (
            r"late next week|(?:sidst i|slutningen af|udgangen af) næste uge",
            _end_of_next_week,
        ),
        # the last day, working day or weekday of the month
        (
            r"(?:the )?last (?:day|(?P<work>working day|business day)|"
            + _WEEKDAY
            + r") of (?:the|this) month|(?:den )?sidste (?:dag|(?P<work2>hverdag|arbejdsdag)|"
            + _WEEKDAY.replace("weekday", "weekday2")
            + r") i (?:måneden|denne måned)",
            _last_of_month,
        ),
        # months, quarters and the year by their end ("ultimo december", "end of Q1")
        (
            r"(?:the )?end of next month|(?:udgangen|slutningen) af næste måned"
            r"|sidst i næste måned",
            _end_of_next_month,
        ),
        (
            r"(?:(?:the )?end of|ultimo|(?:udgangen|slutningen) af|sidst i|late) " + _MONTH,
            _end_of_named_month,
        ),
        (
            # "i midten af september" says when; "inden midten af september" by when
            r"(?:mid[- ]?|medio |(?:(?<=by )|(?<=before )|(?<=inden )|(?<=senest )|(?<=før ))"
            r"(?:the middle of |midten af |midt i ))" + _MONTH,
            _middle_of_named_month,
        ),
        (
            r"(?:(?:the )?end of (?:the |this )?(?:quarter|q(?P<q>[1-4]))|(?:ultimo |udgangen af )"
            r"(?:kvartalet|q(?P<q2>[1-4]))|kvartalets udgang)",
            _end_of_quarter,
        ),
        (
            # not "year-end": "the year-end close" is an event of its own
            r"(?:the )?end of (?:the |this )?year|(?:udgangen|slutningen) af (?:året|i år)"
            r"|årets udgang|årsskiftet|(?:inden|før) året er omme"
            r"|(?:(?<=by )|(?<=before )|(?<=inden )|(?<=før )|(?<=senest )|(?<=til ))"
            r"(?:(?:the )?new year(?:['’]s)?|nytår)",
            _end_of_year,
        ),
        # vague spans: time, no deadline
        (
            r"(?:in|within|over|om|inden for|indenfor|i løbet af) (?:(?:the next|de næste) )?"
            r"(?:a couple of|a few|couple of|few|et par|par|nogle|få) (?:days?|dage|weeks?|uger)"
            r"|(?:in|within) a day or two|(?:in|over) the coming days"
            r"|(?:i|i løbet af|inden for) de (?:kommende|nærmeste) dage",
            _no_day,
        ),
        (
            r"(?:in|within) the (?:next )?hour|(?:i|inden for) den næste time|i løbet af dagen"
            r"|later today|senere i dag",
            _offset(0),
        ),
        (r"inden for et døgn", _offset(1)),
        (
            r"(?:in|within) (?:the next )?" + _NUMBER + r" hours?"
            r"|(?:inden for|indenfor|om) (?:de næste )?" + _NUMBER2 + r" timer?",
            _in_hours,
        ),
        # "the next business day", "inden for to arbejdsdage": Monday to Friday
        (
            r"(?:the )?next (?:business|working) day|næste (?:hverdag|arbejdsdag)",
            _business_days(one=True),
        ),
        (
            r"(?:in|within) (?:the next )?" + _NUMBER + r" (?:business|working) days?"
            r"|(?:inden for|indenfor|om) (?:de næste )?" + _NUMBER2 + r" (?:hverdage|arbejdsdage)",
            _business_days(one=False),
        ),
        (
            r"(?:in|within) (?:an|one|half an) hour|(?:inden for|indenfor|om) en (?:halv )?time",
            _offset(0),
        ),
        (
            r"(?:(?:the|den)\s+)?(?:(?P<day>[0-3]?\d)(?:st|nd|rd|th|\.)|" + _ORDINAL + r")"
            r"\s+(?:of|i) (?:next month|næste måned)",
            _day_next_month,
        ),
        (
            _WEEKDAY
            + r"(?: (?:morning|afternoon|formiddag|eftermiddag))?"
            + r" (?:i |of )?(?:næste uge|next week)"
            + r"|(?:i )?(?:næste uge|next week),? (?:on |på )?"
            + _WEEKDAY.replace("weekday", "weekday2"),
            _weekday_next_week,
        ),
        # "fredag den 20.", "Friday the 20th", "torsdag d. 12. marts": the day of the month
        # names the day; the weekday only confirms it.
        (
            r"(?:this |next |på |næste )?"
            + _WEEKDAY
            + r",?\s+(?:the\s+|den\s+|d\.\s*)?(?P<day>[0-3]?\d)(?:st|nd|rd|th|\.)(?!\d)"
            + r"(?:\s+(?:of\s+)?"
            + _MONTH
            + r")?",
            _weekday_and_day,
        ),
        # English
        (
            r"(?:end of (?:the )?day|eod|cob) (?:on )?"
            + _WEEKDAY
            + r"|"
            + r"(?:this |next )?"
            + _WEEKDAY.replace("weekday", "weekday2")
            + r" eod",
            _next_weekday,
        ),
        (r"end of next week", _end_of_next_week),
        (r"(?:the )?(?:end of (?:the |this )?week|this week)", _end_of_week),
        (r"(?:the )?end of (?:the |this )?month", _end_of_month),
        (r"(?:early )?next week|after the weekend|the week after(?![ \t]+\w)", _next_week),
        (
            r"(?:today|tonight|this (?:morning|afternoon|evening)"
            r"|(?:right )?after (?:the |this |our )?(?:call|meeting|stand-?up))",
            _offset(0),
        ),
        (
            r"(?:end of (?:the )?(?:business )?day|end of today|eod|cob|close of (?:business|play)"
            r"|(?:after|before) lunch(?:time)?|(?:by|before) (?:noon|midday|lunchtime|"
            + _HOUR
            + r"))",
            _same_day,
        ),
        # "by the weekend" is its Friday; "over the weekend" says when, not by when.
        (r"(?<=by )the weekend|(?<=before )the weekend", _end_of_week),
        # "over the weekend", "over weekenden": done by its Sunday; "i weekenden", "this
        # weekend" say when, not by when.
        (r"(?:hen )?over (?:the )?weekend(?:en)?", _sunday),
        (
            r"(?:during|this|at) the weekend|this weekend|(?:i|i løbet af) weekenden",
            _no_day,
        ),
        (
            r"(?:the )?end of (?:this |the )?month|this month|later this month"
            r"|(?:(?<=by )|(?<=before ))month[- ]end",
            _end_of_month,
        ),
        (r"(?:in|within) (?:a|one) fortnight|(?:in|within) two weeks['’] time", _offset(14)),
        (
            r"(?:in|within) (?:a|one) week['’]s time|om en uges tid|within the next week"
            r"|inden for (?:den næste|en) uges? tid|inden for den næste uge",
            _offset(7),
        ),
        (r"the day after tomorrow", _offset(2)),
        (r"tomorrow(?: morning| afternoon)?", _offset(1)),
        (r"(?:in|within) (?:the next )?" + _NUMBER + r" weeks?", _in_units(7)),
        (r"(?:in|within) (?:the next )?" + _NUMBER + r" days?", _in_units(1)),
        # "Give me two days", "Giv mig en uge": that long from now
        (
            r"(?<=give me )" + _NUMBER + r" (?:days?|dage)|(?<=giv mig )" + _NUMBER2 + " dage?",
            _in_units(1),
        ),
        (r"(?<=give me )" + _NUMBER + r" weeks?|(?<=giv mig )" + _NUMBER2 + " uger?", _in_units(7)),
        # Danish
        (r"(?:i )?overmorgen", _offset(2)),
        (r"i morgen(?: tidlig| formiddag| eftermiddag)?", _offset(1)),
        (
            r"i dag|i aften|i nat|i eftermiddag|i formiddag"
            r"|(?:lige )?(?<!ugen )(?<!dagen )efter (?:mødet|opkaldet)"
            # "Det tjekker jeg lige bagefter": right after the meeting (a bare "bagefter" may
            # follow another event: "jeg ser hende torsdag og giver besked bagefter")
            r"|lige bagefter(?=\s*[.!,]|$)"
            r"|(?:sidst|senere) på dagen|(?:inden|før) dagen er omme"
            r"|i løbet af (?:i dag|eftermiddagen|formiddagen)",
            _offset(0),
        ),
        (
            r"inden fyraften|(?:efter|inden|før) frokost(?:en)?"
            r"|(?:inden|før) (?:kl\.?|klokken) (?:\d{1,2}(?:[.:]\d\d)?|[a-zæøå]+)",
            _same_day,
        ),
        (r"slutningen af (?:næste uge|ugen efter\b)", _end_of_next_week),
        # "før jul", "before Christmas": Christmas Eve, the Danish holiday.
        (
            r"(?:(?<=før )|(?<=inden )|(?<=before ))(?:julen|jul|christmas)"
            r"|this side of christmas",
            _christmas,
        ),
        (
            # "inden weekenden", "til weekenden"; "i weekenden" says when, not by when
            # not "i løbet af ugen efter", "the week after": the week after this one
            r"(?:i )?(?:slutningen|udgangen) af (?:ugen(?! efter)|denne uge)|sidst på ugen"
            r"|(?:(?<=inden )|(?<=før )|(?<=til )|(?<=senest ))weekend(?:en)?"
            r"|ugens udgang|i denne uge|ugen ud|(?<=i løbet af )(?:ugen(?! efter)|denne uge)"
            r"|senere (?:på|i) (?:ugen|denne uge)|later (?:this|in the) week|within the week"
            r"|(?:inden|før) ugen er omme",
            _end_of_week,
        ),
        (
            r"(?:udgangen|slutningen) af (?:måneden|denne måned)|sidst på måneden|månedens udgang"
            r"|månedsskiftet|(?:ultimo|i løbet af|senere på|senere i) (?:måneden|denne måned)"
            r"|(?:inden|før) måneden er omme"
            r"|i denne måned",
            _end_of_month,
        ),
        (
            r"(?:i |først i |starten af |start af )?næste uge|efter weekenden"
            r"|(?:i løbet af |i )?ugen efter(?![ \t]+\w)",
            _next_week,
        ),
        (r"(?:om|inden for|indenfor) (?:de næste )?" + _NUMBER + r" uger?", _in_units(7)),
        (r"(?:om|inden for|indenfor) (?:de næste )?" + _NUMBER + r" dage?", _in_units(1)),
        # Both
        (
            # not "last Friday", "forrige fredag": a day gone by
            r"(?:this |next |på |næste |førstkommende )?(?<!last )(?<!forrige )"
            + _WEEKDAY
            + r"(?:['’]s (?:call|meeting|session|demo|review|deadline|møde))?"
            + r"(?: (?:morning|noon|midday|afternoon|morgen|middag|formiddag|eftermiddag))?",
            _next_weekday,
        ),
        (_MONTH + r"\s+(?:the\s+)?" + _DAY + _YEAR, _month_day),
        (r"(?:(?:the|den)\s+)?" + _ORDINAL + r"\s+(?:of\s+)?" + _MONTH, _ordinal_month_day),
        (_MONTH + r"\s+(?:the\s+)?" + _ORDINAL, _ordinal_month_day),
        (_DAY + r"\s+(?:of\s+)?" + _MONTH + _YEAR, _month_day),
        (r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)", _day_of_month),
        (r"(?:by|before|until|till|on) the " + _ORDINAL + _CLAUSE_END_EN, _ordinal_day_of_month),
        # "inden den tredje", "jeg sender den den femtende": not "til den første kunde".
        (
            r"(?:(?<=inden )|(?<=senest )|(?<=til )|(?<=før )|(?<=\bden )|(?<=\bklar )"
            r"|(?<=\bfærdig ))den " + _ORDINAL + _CLAUSE_END,
            _ordinal_day_of_month,
        ),
        (r"(?<=den )(?P<day>[0-3]?\d)\.", _day_of_month),
        (r"(?<=d\. )(?P<day>[0-3]?\d)\.", _day_of_month),
    )
)


def find_date(text: str, meeting_date: dt.date | None, *, weeks: bool = True) -> DatePhrase | None:
    """The first date phrase in ``text`` (the longest at that place), resolved. With ``weeks``
    False a phrase that names a week without a day ("next week", "i uge 20") is still found
    but resolves to None: a task said for "next week" has no deadline (as tasks are labelled),
    while a meeting said for next week still has a date."""
    return _find_date(text, meeting_date, weeks)


_DAY_OF_THE_WEEK = re.compile(
    r"\s*,?\s*(?:(?:lad os sige|skal vi sige|let's say|say|nok|sandsynligvis|probably|helst"
    r"|preferably|gerne|på|on|om|den|the)\s+)*" + _WEEKDAY + r"(?!\w)",
    re.IGNORECASE,
)
"""A day named right after a week ("next week, probably Tuesday")."""


_FILLER = re.compile(r"\s+(?:øh|øhm|æh|æhm|uh|uhm|um|umm|erm|ehm)(?=[\s,.]|$)", re.IGNORECASE)
"""A hesitation inside a date phrase ("INDEN UDGANGEN AF ØH MÅNEDEN"), read past."""


@functools.lru_cache(maxsize=4096)
def _find_date(text: str, meeting_date: dt.date | None, weeks: bool) -> DatePhrase | None:
    """`find_date`, remembered: the extractor asks about the same sentence several times, and
    each question runs every rule. Hesitations are read past; offsets are the text's own."""
    if _FILLER.search(text) is None:
        return _find_in(text, meeting_date, weeks)
    kept: list[int] = []  # offset in ``text`` of each character kept
    last = 0
    for filler in _FILLER.finditer(text):
        kept.extend(range(last, filler.start()))
        last = filler.end()
    kept.extend(range(last, len(text)))
    phrase = _find_in("".join(text[i] for i in kept), meeting_date, weeks)
    if phrase is None:
        return None
    return DatePhrase(phrase.date, kept[phrase.start], kept[phrase.end - 1] + 1, phrase.week_only)


def _find_in(text: str, meeting_date: dt.date | None, weeks: bool) -> DatePhrase | None:
    best: tuple[int, int, re.Match[str], Resolver] | None = None
    for pattern, resolver in _RULES:
        match = pattern.search(text)
        if match is None:
            continue
        key = (match.start(), -(match.end() - match.start()))
        if best is None or key < (best[0], best[1]):
            best = (key[0], key[1], match, resolver)
    if best is None:
        return None
    match, resolver = best[2], best[3]
    if resolver is _same_day:
        # "before lunch tomorrow", "by noon on Friday": the hour of the day said next.
        day = find_date(text[match.end() :], meeting_date, weeks=weeks)
        if day is not None and re.fullmatch(r"[\s,]*", text[match.end() : match.end() + day.start]):
            return DatePhrase(day.date, match.start(), match.end() + day.end, day.week_only)
    week_only = resolver in (_next_week, _week_number)
    day_of_week = _DAY_OF_THE_WEEK.match(text, match.end()) if week_only else None
    if day_of_week is not None:
        # "i næste uge, nok tirsdag", "in week 50, say Wednesday": that day of the week
        in_week = resolver(match, meeting_date)  # a day of that week
        said = _WEEKDAY_INDEX[day_of_week["weekday"].lower()]
        dated = None if in_week is None else in_week + dt.timedelta(days=said - in_week.weekday())
        return DatePhrase(dated, match.start(), day_of_week.end())
    if week_only and not weeks:
        return DatePhrase(None, match.start(), match.end(), week_only=True)
    return DatePhrase(resolver(match, meeting_date), match.start(), match.end(), week_only)


_NOT_A_DEADLINE = re.compile(
    r"\b(?:from|since|(?<!\bweek )of|fra|siden|(?:\w*invitation|invite|indkaldelse|mødeindkaldelse"
    r"|meeting|\w*mødet?|call|slot|session|kick-?off|minutes|minutter|an hour|en time"
    r"|workshop(?:pen)?|webinar(?:et)?"
    r"|en halv time)s?(?:\s+(?:med|with)\s+[\w-]+(?:\s+[\w-]+)?)?"
    r"(?P<at>\s+(?:til|for|on|på))?)\s*$",
    re.IGNORECASE,
)
"""Words before a date that make it say when something was or will take place, not by when
work is due: "the ones from this week", "en invitation til tirsdag", "a slot for Friday", "et
møde med jeres IT-chef på torsdag", "en workshop den 4. oktober"."""


_NEGATED = re.compile(
    r"\b(?:not|never|ikke|aldrig)\s*(?:before|until|før|inden)?\s*$"
    # the date phrase may take the "for" in ("tak [for i dag]")
    r"|\b(?:tak|thanks|thank you|that's it|that's all|det var det)(?:\s+for)?\s*$",
    re.IGNORECASE,
)
"""A date right after a negation is when the work cannot happen ("bare ikke på torsdag"), and
after a thank-you it names the meeting ("tak for i dag", "that's it for today")."""


_NEGATED_BUT = re.compile(
    r"\b(?:not|never|ikke|aldrig|can't|cannot|won't|couldn't)\b[^,.;:!?]*$", re.IGNORECASE
)
_BUT = re.compile(r"\s*,?\s*(?:men|but)\b", re.IGNORECASE)
"""A day ruled out in a clause that a "but" goes on from: "I can't get to it today, but I'll
send it tomorrow"; the day after the "but" is the deadline."""


_RULED_OUT = re.compile(
    r"\s*(?:(?:doesn't|does not|won't|will not|isn't|is not)\s+(?:work|do|suit|possible)"
    r"|is no good|is out\b|(?:passer|går|duer|kan)\s+(?:\w+\s+)?(?:desværre\s+)?ikke\b"
    # "Wednesday might be tricky, but Thursday for sure", "onsdag bliver svært, men torsdag"
    r"|(?:might be|may be|could be|would be|will be|is|'s|er|bliver|kan blive|vil være)\s+"
    r"(?:(?:a bit|a little|probably|too|lidt|nok|for|noget)\s+)?(?:tricky|difficult|hard|tight"
    r"|a stretch|soon|svært|stramt|presset|tidligt|kort)\b(?=[^.?!]*\b(?:but|men)\b))",
    re.IGNORECASE,
)
"""A day ruled out after it is said: "Friday doesn't work for me", "fredag passer ikke"."""


_AWAY = re.compile(
    r"(?:\b(?:er|is|are|am|'m|'re|['’]s|bliver|will be)\s+(?:(?:nok|også|still|stadig|also)\s+)?"
    r"(?:væk|offshore|på ferie|på messe|på kursus|syg|away|off|on holiday|on leave|travelling"
    r"|traveling|out|out of (?:the )?office)"
    r"|\b(?:har|has) (?:(?:the day )?off|fri))\s+(?:(?:hele|all|the whole|on|på)\s+)?$",
    re.IGNORECASE,
)
"""A date that says when someone is away ("de er offshore i næste uge"), not a deadline."""


_NOT_BEFORE = re.compile(
    r"\b(?:det|den|dem|it|that|they)\s+(?:bliver|kommer|won't be|will not be|isn't going to be)"
    r"\s+(?:(?:nok|desværre|probably|sadly)\s+)?(?:ikke\s+)?(?:before|until|før|inden)\b",
    re.IGNORECASE,
)
""""Den laver jeg, men det bliver ikke før slutningen af måneden", "it won't be before
Friday": when the work just promised can be expected, a deadline; unlike "men ikke før
mandag", a day ruled out."""


_SCHEDULED = re.compile(
    r"\b(?:(?:a |an |et |en |the )(?:time|date|slot|tidspunkt|tid|dato)(?: (?:med|with) \w+)?"
    r"|(?:skal vi|shall we|should we) (?:sige|say)|(?:så )?siger vi)\s*$",
    re.IGNORECASE,
)
"""A date that says when a meeting is to be held: "find a time next week", "finder en tid med
Thomas i næste uge", "skal vi sige tirsdag?" (but "lad os sige tirsdag", "let's say Tuesday"
mostly name a deadline)."""


_BEFORE_EVENT = re.compile(
    r"\b(?:before|ahead of|by|inden|før|senest|ready for|klar til)\s+"
    r"(?:(?:the|our|your|vores|jeres|den|det)\s+)?"
    r"(?:\w+\s+){0,2}(?:\w*mødet?|meeting|call|session|mødes|meet|kick-?off|workshop(?:pen)?"
    r"|demo(?:en)?|training|træningen|go-live|launch|lanceringen|summit|webinar(?:et)?)"
    r"\s+(?:til|for|on|på)?\s*$",
    re.IGNORECASE,
)
"""A meeting named as the deadline ("before our meeting on Tuesday", "før de mødes den 16.",
"klar til mødet på torsdag"), not as the event."""
_APPOSITION = re.compile(r"\s*,?\s*(?:the|den|d\.)?\s*", re.IGNORECASE)
"""What may join two phrases naming one day: "Wednesday the 21st", "torsdag den 12. februar"."""
_LEADING_PREPOSITION = re.compile(
    r"(?:by|on|before|until|till|due|for|no later than|first thing|inden|senest|på|til|før"
    r"|allerede|i løbet af|ved)\b",
    re.IGNORECASE,
)


_INVITED_TO = re.compile(
    r"(?:\b|(?<=kalender)|(?<=møde))(?:(?:invitation|invite|indkaldelse|calendar invite)s?"
    r"|(?:inviterer|invite|indkalder)\s+(?:jer|dem|dig|os|you|them|us))"
    # where it is put on the way: "en invitation i kalenderen til onsdag", "an invite out for"
    r"(?:\s+(?:i kalenderen|i jeres kalender|in the calendar|in (?:your|the) diary|ud|out|over)"
    r"(?:\s+(?:til|to|for))?\s*$|\s+(?:til|to|for)\s+(?:[\w-]+\s+){0,6}$"
    # a longer event, or one closed by a comma: "an invite for a short training session for
    # the kitchen staff next Monday", "en invitation til demoen med jeres data, onsdag"
    r"|\s+(?:til|to|for)\s+(?:(?:a|an|the|et|en|den|det)\s+)?(?:[\w-]+\s+){0,8}?"
    r"(?:[\w-]+,\s+|(?:for|with|med|til)\s+(?:[\w-]+\s+){1,3})$)",
    re.IGNORECASE,
)
"""An invitation to an event named on: "en invitation til et besøg på mejeriet torsdag i næste
uge" - the day is the visit's, not the invitation's deadline; so is "jeg inviterer jer til
workshoppen på torsdag"."""
_SET_UP = re.compile(
    r"\b(?:set up|schedule|book|arrange|booker|planlægger)\s+(?:a|an|the|et|en)\s+"
    r"(?:(?:follow-up|opfølgende|kort|short|new|nyt|ny)\s+)?[\w-]+\s*$"
    # "I'll put a short check-in call in for Friday", "jeg sætter et møde i kalenderen til"
    r"|\b(?:put|putting|pop|sætter|sætte|lægger|lægge)\s+(?:a|an|the|et|en)\s+(?:[\w-]+\s+){0,2}"
    r"(?:call|meeting|session|check-in|catch-up|\w*møde|opkald)\s+"
    r"(?:in|ind|i kalenderen|in the (?:calendar|diary))\s*$",
    re.IGNORECASE,
)
"""An event set up for a day ("I'll set up a demo for next Tuesday", "jeg booker et lokale til
fredag"): the day is the event's."""
_MEETING_NOUN = re.compile(
    r"\b(?:\w*møde|meeting|call|opkald|demo|workshop|session|check-in|besøg|visit)\s*$", re.I
)
_NEAR_DAY = re.compile(
    r"(?:today|tonight|tomorrow|this (?:morning|afternoon|evening)|later today|i dag|i aften"
    r"|i morgen|i eftermiddag|i formiddag|senere i dag)\b",
    re.IGNORECASE,
)
"""Today or tomorrow after an invitation: when it is sent, not the event's day."""
_BY = re.compile(r"(?:by|before|no later than|inden|senest|før)\b", re.IGNORECASE)
_DANGLING_PREPOSITION = re.compile(
    r"\b(?:by|before|until|till|no later than|at)(?:\s+the)?\s+$", re.IGNORECASE
)
_BY_PREPOSITION = re.compile(
    r"(?:by|before|no later than|inden|senest|før)\s*$|\b(?:by|before|inden|senest|før)\s+$",
    re.IGNORECASE,
)


_EVENT_IS = re.compile(
    r"\b(?:\w*møde[t]?|meeting|messen|the fair|konferencen|the conference|bestyrelsen"
    r"|the board|de|they"
    # "Den første dag kunne være den 22.", "the first session could be on Monday"
    r"|(?:den |the )?(?:første |first )?(?:dag(?:en)?|day|session(?:en)?|træning(?:en)?"
    r"|training|kurs(?:et|us)|course))"
    r"\s+(?:er|is|holdes|is held|mødes|meets?|kunne være|could be|would be|will be|bliver)"
    r"\s+(?:(?:på|on|den|the)\s+)?$",
    re.IGNORECASE,
)
"""A date that says when a meeting or event takes place: "Chefmødet er på tirsdag", "the board
meets on the 26th"."""


_AT_THE_DAYS_EVENT = re.compile(
    r"\b(?:at|in|on|during|to|into|for|til|på|under)\s+$", re.IGNORECASE
)
"""Before "Thursday's meeting": raised at it ("at Thursday's meeting"), not done by it."""
_AT_A_DAYS_EVENT = re.compile(r"\b(?:at|during)\s+(?:(?:the|our|your|their)\s+)?$", re.IGNORECASE)
_EVENT_AFTER_DAY = re.compile(
    r"(?:['’]s)?\s+(?:[\w-]+\s+)?(?:meeting|call|briefing|stand-?up|session|huddle|catch-up"
    r"|check-in|review)\b",
    re.IGNORECASE,
)
"""Around a day that names an event the work is done at: "at our Monday briefing", "at
tomorrow's depot call" - the day is the event's, like "at Thursday's meeting"."""


_MOVED_TO = re.compile(
    r"\b(?:flytter|flytte|flyt|rykker|rykke|ryk|udskyder|udskyde|move|moves|moving|push"
    r"|pushes|pushing|postpone|postpones|reschedule|reschedules)\s+(?:[\w-]+\s+){1,3}"
    r"(?:til|to|back to|out to)\s+$",
    re.IGNORECASE,
)
"""An event moved to a day ("Så flytter jeg go-live til den 30.", "we push the launch to
Friday"): the day is the event's, not when the work is due."""
_IF_THEN = re.compile(r"\b(?:if|hvis|once|as soon as|så snart)\b[^,.;:!?]*$", re.IGNORECASE)
"""A day in a condition, with another day after it: "if I get the numbers today I can do it by
Thursday" - the condition's day is not the deadline."""


def _says_when(sentence: str, start: int, end: int) -> bool:
    """Whether the date phrase at ``start:end`` says when, not by when (`_NOT_A_DEADLINE`,
    `_SCHEDULED`, `_INVITED_TO`, `_EVENT_IS`), or is negated (`_NEGATED`)."""
    if _SCHEDULED.search(sentence[:start]) and not re.match(
        # "send you a date before Christmas": by when the date is sent
        r"(?:by|before|no later than|inden|senest|før)\b",
        sentence[start:end],
        re.IGNORECASE,
    ):
        return True
    if _NEGATED.search(sentence[:start]) and not _NOT_BEFORE.search(sentence[: start + 7]):
        return True
    if _NEGATED_BUT.search(sentence[:start]) and _BUT.match(sentence, end):
        return True
    if _RULED_OUT.match(sentence, end):
        return True
    if _AWAY.search(sentence[:start]):
        return True  # "mange af dem er offshore i næste uge": when someone is away
    if _MOVED_TO.search(sentence[:start]) or (
        re.match(r"(?:til|to)\s", sentence[start:end], re.IGNORECASE)
        and _MOVED_TO.search(sentence[:start] + "til ")
    ):
        return True  # "flytter go-live til den 30.": the event's new day
    if _IF_THEN.search(sentence[:start]) and find_date(sentence[end:], None) is not None:
        return True  # "if I get the numbers today I can do it by Thursday"
    event = re.match(r"(on\s+|på\s+)?\w+['’]s\s", sentence[start:end], re.IGNORECASE)
    if event is not None and (event[1] or _AT_THE_DAYS_EVENT.search(sentence[:start])):
        return True
    if _AT_A_DAYS_EVENT.search(sentence[:start]) and _EVENT_AFTER_DAY.match(sentence, end):
        return True
    if _EVENT_IS.search(sentence[:start]) and not _BEFORE_EVENT.search(sentence[:start]):
        return True  # unlike "før de mødes den 16.": the meeting as the deadline
    if (
        _INVITED_TO.search(sentence[:start])
        and not _BY_PREPOSITION.search(sentence[:start])
        and not re.match(r"(?:by|before|inden|senest|før)\b", sentence[start:end], re.IGNORECASE)
        # "send the invitation for the workshop tomorrow": sent tomorrow
        and not _NEAR_DAY.match(sentence[start:end])
    ):
        return True
    if (
        _SET_UP.search(sentence[:start])
        and (
            re.match(r"(?:for|til)\s", sentence[start:end], re.I)
            # "Jeg booker et opfølgende møde onsdag formiddag": the day right after the meeting
            or (
                re.match(_WEEKDAY, sentence[start:end], re.I) is not None
                and _MEETING_NOUN.search(sentence[:start]) is not None
            )
        )
    ):
        return True
    if re.search(r"\b(?:for|of)\s+$", sentence[:start], re.I) or re.match(
        r"for\s", sentence[start:end], re.I
    ):
        # "the plan for next week by Friday": the period the work is about, then its deadline
        later = find_date(sentence[end:], None)
        if (
            later is not None
            and (
                _BY.match(sentence, end + later.start)
                # "re-run the optimisation for Thursday tonight": done tonight
                or (
                    not sentence[end : end + later.start].strip()
                    and _NEAR_DAY.match(sentence, end + later.start) is not None
                )
            )
        ):
            return True
    lead = _NOT_A_DEADLINE.search(sentence[:start])
    if lead is not None and _BEFORE_EVENT.search(sentence[: lead.start() + len(lead[0])]):
        return False  # "gerne inden mødet på tirsdag": the meeting is the deadline
    if lead is None or lead["at"] or re.match(r"(?:from|since|of|fra|siden)\b", lead[0], re.I):
        return lead is not None
    # "an invitation" + "til torsdag": the preposition was taken along with the date.
    return re.match(r"(?:til|for|on|på|den|d\.)\s", sentence[start:end], re.IGNORECASE) is not None


def _past_apposition(text: str, end: int, meeting_date: dt.date | None) -> int:
    """Where to look on after a phrase that says when (ending at ``end``): past a second phrase
    that names the same day right after it ("an invite for Wednesday the 21st")."""
    following = find_date(text[end:], meeting_date)
    if (
        following is None
        or _APPOSITION.fullmatch(text[end : end + following.start]) is None
        # "the invite for Thursday by Wednesday": a deadline of its own
        or _LEADING_PREPOSITION.match(text, end + following.start) is not None
        # "for Thursday tonight": the work's own day, not the same day said again
        or _NEAR_DAY.match(text, end + following.start) is not None
    ):
        return end
    return end + following.end


_HESITATION = r"(?:øh|øhm|æh|ah|oh|åh|um|uh|erm|hmm|wait|vent|hov)"
_CORRECTION = re.compile(
    # "Tuesday, I think. No wait, Monday": a hedge on the first day may come before
    r"(?:,?\s*(?:I think|I guess|tror jeg|vel))?\s*[-–,.!?]*\s*"
    r"(?:" + _HESITATION + r"[,.!]*\s+)*"
    r"(?:(?:(?:nej|no|sorry|undskyld|i mean|jeg mener|or rather|eller rettere|hov"
    r"|make (?:it|that)|actually|faktisk)[,.!]*\s*)+"
    r"(?:" + _HESITATION + r"[,.!]*\s*)*"
    r"|(?:men|but) (?:det bliver|it'll be|it will be|make (?:it|that))\s+"
    # a day narrowed down: "inden jul, lad os sige den 18.", "next week, let's say Tuesday"
    r"|,\s*(?=(?:lad os sige|let['’]s say|or rather|eller rettere)\s))",
    re.IGNORECASE,
)
"""A date taken back and said again: "På fredag – nej, torsdag", "Friday - no, sorry,
Thursday", "Monday, no, make it Tuesday", "på torsdag nej lad os sige fredag", "jeg skulle
have sagt fredag, men det bliver i morgen", "THURSDAY UM ACTUALLY CAN WE SAY MONDAY"."""


_LEAD_IN = re.compile(
    r"(?:[\s,.:;!?–-]|\b(?:så|so|then|og|and|lad os sige|let['’]s say|(?:can|could|shall) we say"
    r"|(?:skal|kan) vi sige|say|sig|make (?:it|that)|gør det|det bliver|it['’]ll be"
    r"|it will be|rather|hellere|i stedet|instead|måske|maybe|perhaps|probably|nok"
    r"|du har (?:det|den|dem)|you['’]ll have (?:it|them)|" + _HESITATION[3:-1] + r")\b)*",
    re.IGNORECASE,
)
"""Words that may lead to the day said instead ("nej, lad os sige fredag", "no, so Monday")."""


_AWAY_WORDS = (
    r"(?:væk|ude|syg|på ferie|off|away|out|travelling|traveling|sick|busy|optaget|on leave"
    r"|closed|lukket"
    r"|(?:på|til) (?:kursus|konference|messe|ferie)|at a (?:course|conference|trade fair)"
    r"|in \w+|i \w+|på \w+)"
)
_WHY_NOT = re.compile(
    r"\b(?:er|is|am|'m|['’]s|are|bliver) (?:(?:jeg|vi|han|hun|I|we|he|she) )?"
    r"(?:" + _AWAY_WORDS + r"|(?:\w+ ){0,2}(?:ikke|not) (?:på arbejde|at work|here|her|hjemme))\b"
    r"|\b(?:holder|har) (?:\w+ )?lukket|\b(?:are|is|'re) closed",
    re.IGNORECASE,
)
"""Why the day first said will not do: the speaker is away ("jeg er væk fredag", "tirsdag er
jeg på kursus", "I'm travelling on Tuesday")."""
_AWAY_ON = re.compile(
    r"\b(?:er|is|am|'m|['’]s|are|bliver)\s+"
    + _AWAY_WORDS
    + r"(?:\s+[\w-]+){0,3}?\s+(?:on\s+|på\s+)?$",
    re.IGNORECASE,
)
_AWAY_THEN = re.compile(
    # right after the day, not in a clause of its own: "Thursday, I'm out on Wednesday"
    r"\s+(?:(?:er|is|am|'m|are)\s+)?(?:jeg|I|vi|we|han|hun|he|she)?\s*"
    r"(?:er|am|'m|is|are)?\s+" + _AWAY_WORDS + r"\b",
    re.IGNORECASE,
)
"""A day that names when someone is away: "I'm out Wednesday", "tirsdag er jeg på kursus"."""


def _away_on(text: str, start: int, end: int) -> bool:
    clause = re.split(r"[,.;:!?]", text[:start])[-1]
    return _AWAY_ON.search(clause) is not None or _AWAY_THEN.match(text, end) is not None


_ALTERNATIVE = re.compile(
    r"\s*,?\s*(?:or|eller)\s+(?:(?:maybe|perhaps|possibly|at the latest|måske|eventuelt|senest)"
    r"\s+)?",
    re.IGNORECASE,
)
"""Two days offered as a choice: "Tuesday or Wednesday", "i morgen eller i overmorgen"."""


def _corrected(
    text: str, phrase: DatePhrase, start: int, end: int, meeting_date: dt.date | None, weeks: bool
) -> tuple[DatePhrase, int, int]:
    """The date phrase at ``start:end``, or the one that corrects it after it; of two days
    offered as a choice, the later: the latest the work was promised for (none when that one
    has no day, "Friday or next week")."""
    alternative = _ALTERNATIVE.match(text, end)
    if alternative is not None:
        other = find_date(text[alternative.end() :], meeting_date, weeks=weeks)
        if other is not None and other.start == 0:
            later = (
                max(phrase.date, other.date)
                if phrase.date is not None and other.date is not None
                else None
            )
            return DatePhrase(later, 0, 0, other.week_only), start, alternative.end() + other.end
    correction = _CORRECTION.match(text, end)
    if correction is None or correction.end() == end:
        return phrase, start, end
    # The day said instead: the first one after the correction that is not the reason
    # ("Tomorrow. Ah, no, tomorrow I am in Aarhus, so Monday"; "Tuesday. No wait, Monday is
    # better, I'm travelling on Tuesday"), led to by a few words ("nej lad os sige fredag") or
    # after a reason ("nej vent, jeg er væk fredag, I har det torsdag"); at most into the
    # next sentence ("Torsdag, nej, vent, jeg er på messe torsdag. Fredag.").
    offset = correction.end()
    stops = [m.end() for m in re.finditer(r"(?<!\d)[.!?](?:\s|$)", text[offset:])]
    bound = offset + stops[1] if len(stops) > 1 else len(text)
    while (said := find_date(text[offset:bound], meeting_date, weeks=weeks)) is not None:
        said_start, said_end = offset + said.start, offset + said.end
        if not _away_on(text, said_start, said_end):
            clause = re.split(r"[,.;:!?]", text[correction.end() : said_start])[-1]
            if _LEAD_IN.fullmatch(clause) or _WHY_NOT.search(text, correction.end(), said_start):
                return DatePhrase(said.date, 0, 0, said.week_only), start, said_end
        offset = said_end
    return phrase, start, end


def resolve_due_date(
    sentence: str, meeting_date: dt.date | None, *, weeks: bool = True
) -> tuple[dt.date | None, str]:
    """The first date phrase in ``sentence`` that can be a deadline, resolved to a date, and the
    sentence without it.

    The date is None when there is no phrase, or when it is relative and ``meeting_date`` is
    None. The phrase is removed whenever one was found. A date that only says when something
    happened or takes place (`_NOT_A_DEADLINE`) is left in the text and passed over.
    """
    offset = 0
    while (phrase := find_date(sentence[offset:], meeting_date, weeks=weeks)) is not None:
        start, end = offset + phrase.start, offset + phrase.end
        if not _says_when(sentence, start, end):
            phrase, start, end = _corrected(sentence, phrase, start, end, meeting_date, weeks)
            # "by the end of next week": the phrase is "end of next week"; its "by the" goes too
            dangling = _DANGLING_PREPOSITION.search(sentence[:start])
            if dangling is not None:
                start = dangling.start()
            rest = sentence[:start] + sentence[end:]
            return phrase.date, re.sub(r"\s{2,}", " ", rest).strip()
        offset = _past_apposition(sentence, end, meeting_date)
    return None, sentence


def find_deadline(
    text: str, meeting_date: dt.date | None, *, weeks: bool = True, corrections: bool = True
) -> DatePhrase | None:
    """The first date phrase in ``text`` that can be a deadline (see `resolve_due_date`); with
    ``corrections`` False as said, before any take-back."""
    offset = 0
    while (phrase := find_date(text[offset:], meeting_date, weeks=weeks)) is not None:
        start, end = offset + phrase.start, offset + phrase.end
        if not _says_when(text, start, end):
            if corrections:
                phrase, start, end = _corrected(text, phrase, start, end, meeting_date, weeks)
            return DatePhrase(phrase.date, start, end, phrase.week_only)
        offset = _past_apposition(text, end, meeting_date)
    return None


def iso_date(value: object) -> dt.date | None:
    """A YYYY-MM-DD string as a date; anything else (missing, malformed) as None."""
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None
