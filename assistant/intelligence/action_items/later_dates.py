"""Dates said in the turns after an item, once the items are known: the owner taking the day
back ("…a credit note by Thursday." - "Actually no, let's say Wednesday"), the owner handing
the work over by a day ("Den har du længe før. Sidst på ugen, faktisk.", "Then you'll have a
draft by Friday"), and the other side's deadline that the owner accepts ("Det ska' vi vide
inden den 10." - "Det når jeg."; "By Friday if you can" - "Friday's fine").

A pass of its own over the finished items, so the rules that find items stay apart from it.
It looks a few turns on from the item and stops at a sentence that another item quotes: that
sentence starts other work, and its date is that work's."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace

from assistant.intelligence.action_items.model import ActionItem, _normal
from assistant.intelligence.action_items.rules import _ASKS_WHEN, _POINTS_BACK
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
    r"(?:^|[,.;:]\s+)(?:(?:so|then|så|altså|okay|ok|yes|yeah|ja|fint|fine|good|godt|men|but)"
    r"[,.!]?\s+)*"
    r"(?:(?:du|i|you)(?:'ll| will)? (?:får|har|have|get)\b"
    r"|(?:den|det|dem) (?:har|får) (?:du|i|de|han|hun)\b"
    r"|i'll (?:get|do|have|send) (?:it|them|that|those)\b|give me until|giv mig (?:til|indtil)"
    r"|(?:we|i|vi|jeg)(?:'ll| will| can| kan| skal nok)? (?:have|få)"
    r" (?:it|them|that|det|den|dem) (?:done|ready|finished|klar|færdig|lavet)\b"
    r"|(?:jeg|vi) (?:gør|sender|laver|ordner) (?:det|den|dem)\b"
    r"|(?:gør|sender|laver|ordner) (?:jeg|vi) (?:det|den|dem)\b"
    # a reply date: "jeg vender tilbage på fredag", "I'll get back to you by Monday"
    r"|(?:jeg|vi) (?:vender tilbage|melder tilbage|giver (?:dig |jer )?besked"
    r"|skriver til (?:dig|jer))"
    r"|(?:i|we)(?:'ll| will) (?:get back|come back|revert|let you know)"
    # the work said to arrive: "…, they should reach you by Friday", "den er hos jer på fredag"
    r"|(?:it|they|den|det|de)(?:'ll| will| should| skulle| vil)? (?:reach you|arrive"
    r"|be with you|land|(?:være|er) hos (?:dig|jer)|nå(?:r)? frem|komme(?:r)? frem)\b"
    # Danish with the verb first: "Så har I tilbuddet senest fredag", "Så får de svar inden…"
    r"|så (?:har|får) (?:du|i|de)\b"
    # the work said to be ready: "Så er demoen klar til tirsdag", "It'll be ready by Monday"
    r"|(?:den|det|de|\w+(?:en|et|ne)) (?:er|bliver|vil være) klar\b"
    r"|(?:er|bliver) (?:den|det|de|\w+(?:en|et|ne)) klar\b"
    r"|(?:it|they|that|the \w+)(?:'ll| will| should)? be (?:ready|done|finished|in your inbox)\b"
    # "så har jeg den klar til jer på tirsdag", "tilbuddet ligger i din indbakke i morgen"
    r"|(?:(?:jeg|vi) har|har (?:jeg|vi)) (?:den|det|dem) (?:klar|færdig)\b"
    r"|(?:den|det|de|\w+(?:en|et|ne)) ligger i (?:din|jeres) (?:indbakke|mail)"
    r"|(?:jeg|vi) giver (?:dig |jer )?(?:et )?svar|(?:i|we)(?:'ll| will) give you an answer"
    r"|(?:det|den|dem) (?:gør|sender|laver|ordner) (?:jeg|vi)\b)",
    re.IGNORECASE,
)
"""The owner handing the work over: "Du har den …", "You'll have it …", "I'll do it …"."""

_OBJECT_FIRST = re.compile(
    r"(?:^|[,.;:]\s+)(?:(?:så|ja|jo|fint|godt|okay|ok|og|men)[,.!]?\s+)*"
    r"(?:det|den|dem) (?!(?:tror|synes|mener|håber|regner|ved|tænker|siger)\b)[a-zæøå]+er"
    r" (?:jeg|vi)\b",
    re.IGNORECASE,
)
"""Danish with the work first, then the verb and the owner: "Det kigger vi på sammen på
mandag": a hand-over only in answer to the item itself (the pronoun names what was just said)."""

_LED_TO = re.compile(
    r"(?:^|[,.;:!?]\s*|\b(?:let's say|lad os sige|make it|say|sig|så bliver det|it'll be"
    r"|det bliver|(?:can|could|shall) we say|instead|i stedet)\s+)"
    r"(?:(?:nej|no|actually|faktisk|så|so|then|ok|okay|vent|wait|um|uh|øh)[,.!]?\s*)*$",
    re.IGNORECASE,
)
"""What leads to the day said instead, right before it: "Actually no, … so let's say
Wednesday", "Nej, fredag", not "Nej, vi har ikke tid i dag"."""

_TAKEN_BACK_IN = re.compile(
    # not "no good", "no problem": a day or a thing turned down, nothing taken back
    r"\b(?:nej|no(?! good| problem| rush| need| worries)|actually|faktisk|sorry|undskyld|vent"
    r"|wait)\b",
    re.IGNORECASE,
)
"""A take-back anywhere in the sentence before a day said on its own."""

_ONLY_A_DAY = re.compile(
    r"(?:[\s,.!]|\b(?:så|so|then|faktisk|actually|okay|ok|ja|yes|yeah|lad os sige|let's say"
    r"|say|sig|make it|make that|senest|at the latest|latest|måske|maybe|probably|nok|bliver det"
    r"|det bliver|it'll be|it will be)\b)*",
    re.IGNORECASE,
)
"""What may be said with nothing but a day: "Sidst på ugen, faktisk.", "So Monday."."""

_ACCEPTS = re.compile(
    r"^(?:(?:ja|jo|jep|yes|yeah|yep|okay|ok|sure|fint|fine|godt|good|klart|of course|selvfølgelig"
    r"|uh|um|øh|mm)"
    r"[,.!]?\s*)*"
    r"(?:det (?:når|klarer|kan) (?:jeg|vi)(?: godt| fint)?(?: nå)?"
    r"|det skal (?:jeg |vi )?nok (?:kunne )?(?:nås|nå)"
    r"|det kan (?:godt )?nås|det er fint|det passer|no problem|that works|will do|can do"
    r"|(?:\w+(?:'s| is) fine)|\w+ (?:er|passer) fint|(?:\w+ )?works(?: for me)?|fint|fine"
    r"|(?:\w+ ){1,3}(?:is|'s|should be|er|bør være|burde være) (?:fine|okay|ok|good|doable"
    r"|realistic|fint|godt|realistisk|muligt|til at nå)"
    r"|okay|ok|sure|ja|yes)\b",
    re.IGNORECASE,
)
"""The owner taking the other side's day: "Det når jeg", "Friday's fine", "Fredag er fint"."""

_ASKS_BY = re.compile(
    r"\b(?:by|before|no later than|until|inden|før|senest|helst|gerne|if you can|hvis du kan"
    r"|need|needs|brug for|(?:skal|ska') (?:vi |jeg )?(?:vide|have|bruge)|vil gerne have"
    r"|ideally|preferably)\b",
    re.IGNORECASE,
)
"""The other side asking for the work by a day ("Helst inden fredag", "By Friday if you can"),
not naming a meeting ("Let's meet again on the 26th")."""

_REFUSES = re.compile(
    # not "det er ikke noget problem", "not a problem": a yes
    r"\b(?:ikke(?! (?:noget |et )?problem)|not(?! a problem)|can't|cannot|won't|kan ikke"
    r"|når ikke)\b",
    re.IGNORECASE,
)


def dated_later(
    items: Sequence[ActionItem], sentences: Sequence[Sentence], meeting_date: dt.date | None
) -> list[ActionItem]:
    """Each item with the day it gets in the turns after it (see the module's docstring)."""
    items, quoted = _handed_over(items, sentences, meeting_date)
    made = [(item, max(own, default=-1)) for item, own in zip(items, quoted, strict=True)]
    return [
        _dated(
            item, own, _others(items, quoted, n), made, sentences, meeting_date, _claimed(quoted, n)
        )
        for n, (item, own) in enumerate(zip(items, quoted, strict=True))
    ]


def _claimed(quoted: list[set[int]], n: int) -> set[int]:
    """The sentences quoted by the items other than the ``n``-th: a day asked in one of them
    ("…? And Cy, could you book the room by tomorrow?") is that work's."""
    return {i for j, own in enumerate(quoted) if j != n for i in own}


_QUOTE_REACH = 300.0
"""Seconds around an item's start within which the sentences it quotes lie (a request and its
answer a few turns on)."""


def _quoted(item: ActionItem, sentences: Sequence[Sentence], starts: list[float]) -> set[int]:
    """Indices of the sentences ``item`` quotes, looked for near its start only: a long meeting
    has thousands of sentences."""
    low = bisect.bisect_left(starts, item.start - _QUOTE_REACH)
    high = bisect.bisect_right(starts, item.start + _QUOTE_REACH)
    return {i for i in range(low, high) if sentences[i].text in item.quote}


def _handed_over(
    items: Sequence[ActionItem], sentences: Sequence[Sentence], meeting_date: dt.date | None
) -> tuple[list[ActionItem], list[set[int]]]:
    """The items, an owner's dated hand-over of the work just promised ("I can clean up the
    contacts." - "This week?" - "I'll do it tomorrow"; "Du har den i løbet af i dag") folded
    into that promise: its day is the promise's (when it has none, or the hand-over is tighter
    than a day just asked for), not a task of its own; with the sentences each quotes."""
    kept: list[ActionItem] = []
    quoted: list[set[int]] = []
    starts = [s.start for s in sentences]
    for item in items:
        own = _quoted(item, sentences, starts)
        if (
            own
            and kept
            and quoted[-1]
            and (item.owner == item.speaker or (item.owner or "").startswith("team"))
        ):
            at = min(own)
            text = _normal(sentences[at].text)
            said = find_deadline(text, meeting_date, weeks=False)
            earlier, before = kept[-1], max(quoted[-1])
            if (
                said is not None
                and said.date is not None
                and earlier.owner == item.speaker
                and before < at
                and sentences[at].segment - sentences[before].segment <= _TURNS
                and (
                    _HANDS_OVER.search(text)
                    # "Ida, du hjælper mig, ikke?" - "Jo. Det kigger vi på sammen på mandag."
                    or (
                        _OBJECT_FIRST.search(text)
                        and _answers_own(at, quoted[-1], sentences, item.speaker)
                    )
                )
                and _POINTS_BACK.search(text[: said.start])
            ):
                previous = sentences[at - 1]
                between = [s for s in sentences[before + 1 : at] if s.speaker != item.speaker]
                asked = bool(between) and (
                    _ASKS_WHEN.search(previous.text) is not None
                    or find_date(previous.text, meeting_date) is not None
                )
                if between and not asked:
                    # "Could you send me the API docs?" - "I'll send it right after this
                    # call": an answer to new work asked for, not the promise handed over
                    kept.append(item)
                    quoted.append(own)
                    continue
                if earlier.due is None or (said.date < earlier.due and asked):
                    kept[-1] = replace(earlier, due=said.date)
                quoted[-1] = quoted[-1] | own
                continue
        kept.append(item)
        quoted.append(own)
    return kept, quoted


def _others(items: Sequence[ActionItem], quoted: list[set[int]], n: int) -> set[int]:
    """The sentences quoted by the other items of the ``n``-th item's owner (its other work;
    what the other side takes on says nothing of this item's day)."""
    owner = items[n].owner
    return {
        i
        for j, own in enumerate(quoted)
        if j != n and owner in (items[j].owner, items[j].speaker)
        for i in own
    }


def _dated(
    item: ActionItem,
    own: set[int],
    others: set[int],
    made: list[tuple[ActionItem, int]],
    sentences: Sequence[Sentence],
    meeting_date: dt.date | None,
    claimed: set[int],
) -> ActionItem:
    if not own or item.owner is None:
        return item

    def taken(text: str, at: int) -> dt.date | None:
        """`_asked_and_taken`, unless the day was asked in another item's sentence."""
        if at in claimed:
            return None
        return _asked_and_taken(text, sentences, at, owner, meeting_date)

    def used(index: int, day: dt.date) -> bool:
        """Whether another item of the owner, made before ``index``, has that day already:
        the hand-over dates that one ("…et udkast. Det skal jeg vende med min chef." - "Du får
        det i overmorgen" after the draft was dated so)."""
        return any(
            other.owner == item.owner and other.due == day and other is not item and at < index
            for other, at in made
        )

    owner = item.owner if not item.owner.startswith("team") else item.speaker
    due = item.due
    said_first = sentences[min(own)]
    if min(own) > 0 and said_first.speaker == owner:
        # "Could we have it by Monday?" - "Yes, Monday's fine, I'll run it over the weekend":
        # the day agreed is the deadline, the other says when the work is done.
        text = _normal(said_first.text)
        agreed = find_deadline(text, meeting_date, weeks=False)
        asked = taken(text, min(own) - 1)
        if agreed is not None and asked is not None and agreed.date == asked:
            due = asked
        elif due is None and agreed is None and asked is not None:
            due = asked  # "By the 1st, if possible." - "Sure, that's fine. I'll get that sorted."
    if due is None and said_first.speaker == item.speaker:
        # "I'll ship them from our stock, they should reach you by Friday": the day the work
        # arrives, said in a clause of the promise's own sentence
        text = _normal(said_first.text)
        handed = _HANDS_OVER.search(text)
        arrives = (
            find_deadline(text[handed.start() :], meeting_date, weeks=False) if handed else None
        )
        if handed and handed.start() > 0 and arrives is not None:
            due = arrives.date
    # From the item's first sentence on: its own later sentences may date it too ("Helst
    # inden onsdag." - "Det når jeg, du har den i løbet af i dag" quoted with the request).
    for index in range(min(own) + 1, len(sentences)):
        sentence = sentences[index]
        if index in others or sentence.segment > sentences[max(own)].segment + _TURNS:
            break
        if sentence.speaker != owner:
            if due is not None and sentence.speaker == item.speaker:
                due = _asker_takes_back(sentence, due, meeting_date)
            elif (
                due is None
                and index not in claimed
                and sentence.segment == sentences[max(own)].segment + 1
            ):
                due = _deadline_set(sentence, meeting_date)
            continue
        text = _normal(sentence.text)
        previous = sentences[index - 1]
        said = find_deadline(text, meeting_date, weeks=False)
        if said is not None and said.date is not None and _counters(text, said):
            due = said.date  # "Friday is tight. Monday is more realistic."
            continue
        offered = find_date(text, meeting_date, weeks=False)
        if (
            due is not None
            and offered is not None
            and offered.date is not None
            and offered.date != due
            and _takes_day_asked(sentences, index, owner, offered, meeting_date)
        ):
            due = offered.date  # "Kan det ikke blive onsdag?" - "Jo. Så bliver det onsdag."
            continue
        if said is None or said.date is None:
            if due is None:
                due = taken(text, index - 1)
            continue
        day = said.date
        first = find_date(text, meeting_date, weeks=False)
        after = previous.speaker == owner and previous.segment == sentence.segment
        if (first is not None and first.date != day) or (
            due is not None
            and _TAKES_BACK.match(text)
            and _LED_TO.search(text[: said.start]) is not None
        ):
            due = day  # "Actually no, let's say Wednesday"; "Thursday - no, Friday"
        elif (
            (after or _owners_next_turn(previous, sentence, owner))
            and _only_a_day(text, said)
            and _TAKEN_BACK_IN.search(previous.text)
            # "Tuesday's no good, we've got the trade show. Thursday next week?": a time
            # offered for a meeting, not the promise's day said again
            and not text.rstrip().endswith("?")
        ):
            due = day  # "Torsdag, nej, vent, jeg er på messe torsdag. Fredag."
        elif (
            _HANDS_OVER.search(text)
            or (after and _only_a_day(text, said) and _HANDS_OVER.search(_normal(previous.text)))
            or (_OBJECT_FIRST.search(text) and _answers_own(index, own, sentences, owner))
        ):
            # a hand-over, or a day on its own after one ("Den har du længe før. Sidst på
            # ugen, faktisk."): the owner's day, unless later than one already said
            time_asked = previous.speaker != owner and (
                "?" in previous.text or find_date(previous.text, meeting_date) is not None
            )
            if (
                due is None
                or (day < due and time_asked)
                or (day != due and after and _declines_day(previous.text, due, meeting_date))
            ) and not used(index, day):
                # "Can you do it this week?" - "I'll do it tomorrow"; "Kan vi få den i morgen?"
                # - "I morgen bliver svært. Men du har den mandag."
                due = day
        elif due is None and taken(text, index - 1) == day:
            due = day  # "By Friday if you can" - "Friday's fine"
    if due is None:
        due = _before_event(own, sentences, meeting_date)
    return item if due == item.due else replace(item, due=due)


def _answers_own(index: int, own: set[int], sentences: Sequence[Sentence], owner: str) -> bool:
    """Whether the last thing another said before sentence ``index`` is the item's own (the
    request the owner answers), so a pronoun there names the item's work, not something
    raised since ("Skal vi lægge et ekstra møde ind?" - "Det tager vi stilling til den 15.")."""
    other = next((i for i in range(index - 1, -1, -1) if sentences[i].speaker != owner), None)
    return other is not None and other in own


_HARD = re.compile(
    r"\b(?:svært|svær|stramt|umuligt|tight|difficult|hard|tricky|impossible|ikke|not|can't"
    r"|cannot|won't|no good)\b",
    re.IGNORECASE,
)
"""What makes a day said too soon: "I morgen bliver svært", "Tomorrow is tight"."""


def _declines_day(text: str, due: dt.date, meeting_date: dt.date | None) -> bool:
    """Whether the owner's sentence just before turns the day asked for down ("I morgen
    bliver svært, vi har leverancer hele dagen.")."""
    said = find_date(text, meeting_date, weeks=False)
    return said is not None and said.date == due and _HARD.search(text) is not None


_DEADLINE_FOR_IT = re.compile(
    r"^(?:(?:tak|thanks|thank you|great|super|perfekt|perfect|godt|good|fint|fine|ok|okay|ja"
    r"|yes)[,.!]?\s+)*(?:(?:men|but|og|and|så|so)\s+)?"
    r"(?:(?:det|den|de|it|they|that)(?:'ll)?\s+"
    r"(?:skal|må|bør|should|must|needs? to|has to|have to)\b"
    r"|(?:jeg|vi|i|we)\s+(?:vil|skal|need|want|must)(?: gerne)?(?: to)?\s+(?:have|bruge|get|see)"
    r"\s+(?:det|den|dem|it|them|that)\b)",
    re.IGNORECASE,
)
"""The work just taken on given its deadline by the other side: "Det skal være tilbage hos dem
inden den 15.", "We need it before the board meets on the 9th"."""


def _deadline_set(sentence: Sentence, meeting_date: dt.date | None) -> dt.date | None:
    """The day the other side sets for the work just taken on, in the turn right after it
    ("Jeg tager det spørgeskema." - "Tak. Det skal være tilbage hos dem inden den 15."); else
    None."""
    text = _normal(sentence.text)
    if not _DEADLINE_FOR_IT.match(text) or not _ASKS_BY.search(text):
        return None
    said = find_deadline(text, meeting_date, weeks=False)
    return None if said is None else said.date


_THEN = re.compile(r"\b(?:then|så|i stedet|instead)\b", re.IGNORECASE)


def _takes_day_asked(
    sentences: Sequence[Sentence],
    index: int,
    owner: str,
    offered: DatePhrase,
    meeting_date: dt.date | None,
) -> bool:
    """Whether the owner's sentence ``index`` takes, with a "then", another day the other
    side just asked for in a question about the work, or one before it ("Kan det ikke blive
    onsdag?" - "Jo. Så bliver det onsdag."; "Vi har budgetmøde den 24., kan vi få det inden?"
    - "Så siger vi den 23. i stedet."; "Could you send it tomorrow instead?" - "Sure, tomorrow
    then.")."""
    sentence = sentences[index]
    text = _normal(sentence.text)
    if offered.date is None or _REFUSES.search(text) or text.rstrip().endswith("?"):
        return False
    if not _THEN.search(text):
        return False
    asked = [
        s
        for s in sentences[max(0, index - 6) : index]
        if s.segment == sentence.segment - 1 and s.speaker != owner
    ]
    # a question about the work ("Kan det ikke blive onsdag?"), not one naming a meeting's day
    # ("Skal vi aftale et nyt møde den 19.?")
    if not any("?" in s.text and _POINTS_BACK.search(s.text) for s in asked):
        return False
    days = [
        said.date
        for s in asked
        if (said := find_date(s.text, meeting_date, weeks=False)) is not None
        and said.date is not None
    ]
    return bool(days) and offered.date <= max(days)


def _owners_next_turn(previous: Sentence, sentence: Sentence, owner: str) -> bool:
    """Whether ``sentence`` opens the owner's next turn right after their own ("…Nej vent,
    torsdag er jeg på kursus." - "Det bliver mandag, …")."""
    return previous.speaker == owner and sentence.segment == previous.segment + 1


def _asker_takes_back(sentence: Sentence, due: dt.date, meeting_date: dt.date | None) -> dt.date:
    """The day asked for, or the one the asker says instead in a later turn ("Actually, make
    it Thursday, their board meets on Friday", "Nej, lad os sige torsdag")."""
    text = _normal(sentence.text)
    said = find_deadline(text, meeting_date, weeks=False)
    if (
        said is not None
        and said.date is not None
        and _TAKES_BACK.match(text)
        and _LED_TO.search(text[: said.start]) is not None
    ):
        return said.date
    return due


_BETTER_DAY = re.compile(
    r"\s*,?\s*(?:is|'s|would be|will be|sounds|er|ville være|bliver|lyder)\s+(?:\w+\s+)?"
    r"(?:more realistic|better|easier|safer|more likely|doable|mere realistisk|bedre|nemmere"
    r"|sikrere|mere sandsynlig[t]?|realistisk|realistic)\b",
    re.IGNORECASE,
)
_RATHER = re.compile(
    r"\b(?:more like|rather|realistically|nærmere|snarere|hellere|realistisk set)[\s,]*$",
    re.IGNORECASE,
)


_NOT_THE_OTHER = re.compile(
    r"\s*(?:then|så)?\s*,?\s*(?:not|ikke)\s+(?:on\s+|by\s+|på\s+|til\s+)?[a-zæøå]+(?:day|dag)\b",
    re.IGNORECASE,
)
"""The day said replaces another: "Tuesday then, not Wednesday", "Mandag så, ikke tirsdag"."""


def _counters(text: str, said: DatePhrase) -> bool:
    """Whether the owner offers the day instead of one asked or said: "Monday is more
    realistic", "Mandag er mere realistisk", "More like Monday", "Tuesday then, not
    Wednesday"."""
    return (
        _BETTER_DAY.match(text, said.end) is not None
        or _RATHER.search(text[: said.start]) is not None
        or _NOT_THE_OTHER.match(text, said.end) is not None
    )


_BEFORE_EVENT = re.compile(
    r"\b(?:before|ahead of|by|inden|før|senest (?:til|inden))\s+"
    r"(?:(?:the|our|your|this|vores|jeres)\s+)?(?P<event>[a-zæøå-]{4,})\b",
    re.IGNORECASE,
)
"""A deadline named by an event: "before the workshop", "before the contract ends"."""


def _before_event(
    own: set[int], sentences: Sequence[Sentence], meeting_date: dt.date | None
) -> dt.date | None:
    """The day of the event the item is due before, when an earlier sentence of the meeting
    named it with its day ("the workshop is on the third of June" … "I'll share them before
    the workshop"); else None."""
    for index in sorted(own):
        for named in _BEFORE_EVENT.finditer(sentences[index].text):
            event = re.compile(rf"\b{re.escape(named['event'])}\b", re.IGNORECASE)
            if find_date(named["event"], meeting_date) is not None:
                continue  # "by Friday": a day, not an event
            for earlier in reversed(sentences[:index]):
                said = event.search(earlier.text)
                if said is None:
                    continue
                day = find_date(earlier.text[said.end() :], meeting_date)
                if day is not None and day.date is not None and day.start <= _NEAR:
                    return day.date
    return None


_NEAR = 24
"""Characters at most between an event's name and its day ("steering group meets on the 22nd")."""


def _asked_and_taken(
    text: str, sentences: Sequence[Sentence], at: int, owner: str, meeting_date: dt.date | None
) -> dt.date | None:
    """The day the other side just asked for, said last in their turn (up to sentence ``at``),
    when ``text`` takes it: "Det ska' vi vide inden den 10." - "Det når jeg."; "Ideally before the
    close. That starts on the 6th." - "That should be doable."; else None."""
    previous = sentences[at]
    if previous.speaker == owner or _REFUSES.search(text):
        return None
    first = at
    while (
        first > 0
        and sentences[first - 1].segment == previous.segment
        and at - first < _ASKED_SENTENCES - 1
    ):
        first -= 1
    asked_in = " ".join(s.text for s in sentences[first : at + 1])
    said = find_deadline(text, meeting_date, weeks=False)
    without = text if said is None else text[: said.start] + text[said.end :]
    # "Fredag, jep, det når jeg": the day said back, then the yes
    if not (_ACCEPTS.match(text) or _ACCEPTS.match(without.lstrip(" ,.!-"))):
        return None
    if not _ASKS_BY.search(asked_in):
        return None
    # the day itself in the turn's last sentence, the asking may come before it
    asked = find_deadline(_normal(previous.text), meeting_date, weeks=False)
    return None if asked is None else asked.date


_ASKED_SENTENCES = 3
"""Sentences at most of the other side's turn read for the day asked ("We need it before the
board meets. That's on the 9th.")."""


def _only_a_day(text: str, said: DatePhrase) -> bool:
    """Whether nothing but a few words lead to the day ("Let's say Tuesday, to be safe")."""
    return _ONLY_A_DAY.fullmatch(text[: said.start]) is not None
