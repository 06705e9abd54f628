"""The words of a turn that make one item: the quote runs over the sentence that takes the work
on just before the promise ("Leave it with me. I'll find out why…", "Ja, det regner jeg på.
Jeg sender…") and the one that only dates it just after ("…I'll rework the proposal. You'll
have it by Thursday."), so that a reader sees the promise as it was made."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace

from assistant.intelligence.action_items.model import ActionItem, _normal
from assistant.intelligence.action_items.rules import (
    _ACCEPTANCE,
    _OPENS_WITH_YES,
    _POINTS_BACK,
    _TAKING_IT_ON,
    _YES_BEFORE,
)
from assistant.intelligence.dates import find_deadline
from assistant.intelligence.sentences import Sentence, words

_TAKES_ON = re.compile(
    rf"^{_YES_BEFORE}(?:{_TAKING_IT_ON}|happy to"
    # granting what was just asked: "That's reasonable. I'll add it by Monday."
    r"|that's (?:reasonable|fair|fair enough)|fair enough|det er rimeligt|det er fair|fair nok"
    # Danish object first: "Det kigger jeg på", "Den tager jeg", "Dem ringer jeg til".
    r"|(?:det|den|dem|dét) \w+e?r jeg(?: \w+)?)(?:,\s*[A-ZÆØÅ]\w+)?[\s,.!]*$",
    re.IGNORECASE,
)
"""A whole sentence that takes on the work named next or just asked for, without naming it."""
_SHORT_YES = 10
"""Words at most in a "Yes, …" sentence read as the yes that opens a promise."""
_SOMEONE_ELSE = re.compile(
    r"\b(?:he|she|they|it is|it's|that's|han|hun|de|det er|det kan de|det gør de)\b", re.I
)
_HANDS_OVER = re.compile(
    r"\b(?:you'll have|you will have|you'll get|you will get|(?:du|i) får|har (?:du|i)"
    r"|(?:det|den|dem) (?:ligger|er|kommer)|it'll be|they'll be)\b",
    re.IGNORECASE,
)
"""A sentence that hands over what was just promised ("You'll have it by Thursday", "I får den
inden klokken tre")."""
_SAYS_ENOUGH = 4
"""Words at least in a quote that shows a reader what was promised."""
_OWN_WORK = re.compile(r"^(?:\w+\s+){0,3}?(?:jeg|vi|i|we)\b", re.IGNORECASE)
"""A sentence about the speaker's own work ("Jeg ser på den i morgen"), not someone else's."""
_SHORT_DATING = 8
"""Words at most in a sentence that only dates the work it points back at ("Then it's Friday")."""


_SHORT_POINTING = 6
"""Words at most in a promise that names its work only by a pronoun ("I'll ask them")."""


def _points_back_only(text: str) -> bool:
    """Whether a promise is short and points back at its work ("Det retter jeg i dag")."""
    return len(words(text)) <= _SHORT_POINTING and _POINTS_BACK.search(text) is not None


def span_quotes(
    items: Sequence[ActionItem], sentences: Sequence[Sentence], meeting_date: dt.date | None
) -> list[ActionItem]:
    """Each item with its quote run over the sentence of the same turn that takes the work on
    just before it, and the one that only dates it just after (whose date it takes when it has
    none). A sentence quoted by another item is never taken."""
    index_of = {(s.speaker, s.start, s.text): i for i, s in enumerate(sentences)}
    quoted = {i for item in items for i in _quoted(item, sentences, index_of)}
    spanned = []
    for item in items:
        own = _quoted(item, sentences, index_of)
        if not own:
            spanned.append(item)
            continue
        first, last = min(own), max(own)
        quote, start, due = item.quote, item.start, item.due
        before = sentences[first - 1] if first > 0 else None
        if (
            (item.owner == item.speaker or _ours(item, before))
            and before is not None
            and first - 1 not in quoted
            and before.segment == sentences[first].segment
            and _takes_on(before.text)
        ):
            quote, start = f"{before.text} {quote}", before.start
        elif (
            item.owner == item.speaker
            and before is not None
            and first - 1 not in quoted
            and before.segment == sentences[first].segment
            and _points_back_only(sentences[first].text)
        ):
            # "Det er min fejl. Det retter jeg i dag.": a short promise that names its work by a
            # pronoun is quoted with the sentence of its turn that says what the work is.
            quote, start = f"{before.text} {quote}", before.start
        after = sentences[last + 1] if last + 1 < len(sentences) else None
        if (
            after is not None
            and last + 1 not in quoted
            and after.segment == sentences[last].segment
        ):
            deadline = _dating(after.text, meeting_date)
            if deadline is not None:
                quote, due = f"{quote} {after.text}", due or deadline
            elif (
                len(words(quote)) < _SAYS_ENOUGH
                and after.speaker == item.speaker
                and _OWN_WORK.search(_normal(after.text)) is not None
            ):
                # "Det tager jeg. Jeg ser alligevel på lønnen i morgen.": a bare yes quoted
                # alone says too little; the turn's next sentence says what is taken on.
                quote = f"{quote} {after.text}"
        spanned.append(replace(item, quote=quote, start=start, due=due))
    return spanned


def _quoted(
    item: ActionItem, sentences: Sequence[Sentence], index_of: dict[tuple[str, float, str], int]
) -> list[int]:
    """The sentences an item's quote is made of (one, or a run of one turn)."""
    first = next(
        (
            i
            for (speaker, start, text), i in index_of.items()
            if speaker == item.speaker and start == item.start and item.quote.startswith(text)
        ),
        None,
    )
    if first is None:
        return []
    run, length = [first], len(sentences[first].text)
    while length < len(item.quote) and run[-1] + 1 < len(sentences):
        run.append(run[-1] + 1)
        length += 1 + len(sentences[run[-1]].text)
    return run


_WE_TAKE_ON = re.compile(r"\b(?:vi|we|us|os)\b", re.IGNORECASE)


def _ours(item: ActionItem, before: Sentence | None) -> bool:
    """A team's work taken on as a team: "Det ordner vi. I har et revideret tilbud …"."""
    return (
        item.owner is not None
        and item.owner.startswith("team")
        and before is not None
        and before.speaker == item.speaker
        and _WE_TAKE_ON.search(before.text) is not None
    )


def _takes_on(text: str) -> bool:
    said = _normal(text)
    if _ACCEPTANCE.match(said) or _TAKES_ON.match(said):
        return True
    # "Ja, det kan de": a yes about someone else answers a question, it takes nothing on.
    return (
        _OPENS_WITH_YES.match(said) is not None
        and len(words(said)) <= _SHORT_YES
        and _SOMEONE_ELSE.search(said) is None
    )


def _dating(text: str, meeting_date: dt.date | None) -> dt.date | None:
    """The date of a sentence that only names when the work just promised is handed over,
    pointing back at it; None for any other sentence."""
    said = _normal(text)
    deadline = find_deadline(said, meeting_date, weeks=False)
    if deadline is None or deadline.date is None or _DONE.search(said) is not None:
        return None
    points_back = _POINTS_BACK.search(said) is not None and len(words(said)) <= _SHORT_DATING
    # "Probably Thursday, I need to pull the numbers first": the day said first, hedged.
    opens = _LEADS_TO_DAY.fullmatch(said[: deadline.start]) is not None
    # "I hører fra mig inden onsdag", "You'll be on the list today": the other side as the
    # subject of a short dated sentence is the result handed to them.
    to_them = _TO_THEM.match(said) is not None and len(words(said)) <= _SHORT_DATING
    return deadline.date if _HANDS_OVER.search(said) or points_back or opens or to_them else None


_TO_THEM = re.compile(
    r"^(?:(?:og|and|så|so|then)\s+)?(?:you(?:'ll| will)|(?:du|i) (?:hører|kommer|er|bliver|ser)"
    r"|you (?:hear|get|see))\b",
    re.IGNORECASE,
)


_HEDGE = re.compile(
    r"(?:probably|likely|maybe|hopefully|most likely|nok|sandsynligvis|forhåbentlig|måske"
    # a day named in answer: "Lad os sige inden weekenden.", "Let's say Thursday."
    r"|formentlig|lad os sige|let['’]s say|say)[\s,]+",
    re.IGNORECASE,
)
_LEADS_TO_DAY = re.compile(
    rf"(?:{_HEDGE.pattern})?(?:(?:by|before|inden|senest|til|før)\s+)?", re.IGNORECASE
)
"""What may come before the day that opens a sentence: a hedge, a preposition the date
phrase did not take ("inden weekenden")."""
_DONE = re.compile(
    r"\b(?:i|we|jeg|vi)\s+(?:(?:already|just|allerede|lige)\s+)?(?:did|sent|had|was|were|gave"
    r"|made|took|told|wrote|spoke|met|rang|called|emailed|mailed|finished|fixed|checked|looked"
    r"|talked|showed|ran|held|sendte|ringede|talte|skrev|havde|var|fik|gav|tog|lavede|gjorde"
    r"|viste|holdt|mailede|snakkede|kiggede|tjekkede)\b",
    re.IGNORECASE,
)
"""A sentence about work done ("I did the demo for them on Tuesday", "Jeg ringede til dem i
tirsdags"): its day is gone by, it dates no promise."""
