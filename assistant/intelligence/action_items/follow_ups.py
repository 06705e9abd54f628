"""Later sentences about an item already found, read while the meeting is read: a day said for
it or taken back (`_redated`, `_dates_own_promise`, `_dates_own_open_promise`,
`_takes_another_day`, `_asks_another_day`, `_moves_own_day`, `_moves_open_day`, `_answers_when`,
`_repeats_own_date`, `_dates_open_task`), a request that amends, adds to or asks a report on a
promise just made, and the condition of a yes. Each dates or keeps the first item instead of
adding a second one.

`later_dates` is the pass after the reading, over the finished items; this module holds the
checks that run on each new item against those found so far."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.intelligence.action_items.located import (
    _any_question,
    _is_dated,
    _own_promise,
    _own_promise_within,
    _sentence_of,
)
from assistant.intelligence.action_items.merging import _SOMETHING_ELSE
from assistant.intelligence.action_items.model import ActionItem, _Context, _Found, _normal
from assistant.intelligence.action_items.owners import TEAM
from assistant.intelligence.action_items.pronouns import has_object_pronoun
from assistant.intelligence.action_items.replies import _OWN_DATED_YES, _dated_across_turns
from assistant.intelligence.action_items.restatements import (
    _ALSO,
    _OFFER_TAKEN,
    _REPORTS_BACK,
    _continues,
)
from assistant.intelligence.action_items.rules import (
    _ASKS_WHEN,
    _OPENS_WITH_YES,
    _PRONOUN_OBJECT,
    Kind,
)
from assistant.intelligence.action_items.similarity import _stems, similar_tasks
from assistant.intelligence.action_items.structure import _reply
from assistant.intelligence.dates import find_date
from assistant.intelligence.sentences import Sentence, words

_TAKES_BACK = re.compile(
    r"^(?:actually|no|wait|sorry|or rather|hmm|nej|vent|undskyld|eller rettere)\b[,.!]?"
    r"(?:\s*(?:no|wait|nej|vent)\b[,.!]?)?",
    re.IGNORECASE,
)
_NAMES_THE_DAY = re.compile(
    r"^(?:(?:so|then|okay|så|okay så)[,]?\s+)?(?:let's say|lad os sige|make it|say|så bliver"
    r" det|det bliver)\b",
    re.IGNORECASE,
)


def _redated(found: list[_Found], index: int, context: _Context) -> bool:
    """ "I'll come back to you by Wednesday. Actually, no, she's travelling Wednesday. Let's
    say Tuesday.": a date taken back in the same turn, and the day named instead, re-dates the
    promise just made (at most two sentences after it)."""
    if not found:
        return False
    item, kind = found[-1]
    sentence = context.sentences[index]
    made = _sentence_of(item, context.sentences)
    if (
        made is None
        or item.due is None
        or item.owner != sentence.speaker
        or not 0 < index - made <= 2
        or any(s.segment != sentence.segment for s in context.sentences[made : index + 1])
    ):
        return False
    text = _normal(sentence.text)
    previous = _normal(context.sentences[index - 1].text)
    taken_back = _TAKES_BACK.match(text) or (index - made == 2 and _TAKES_BACK.match(previous))
    if not taken_back or not (_NAMES_THE_DAY.match(text) or _TAKES_BACK.match(text)):
        return False
    # Any day named here is the new deadline ("let's say" would read as booking a meeting).
    said = find_date(text, context.transcript.meeting.date, weeks=False)
    if said is None or said.date is None:
        return False
    found[-1] = (replace(item, due=said.date), kind)
    return True


_ONLY_REPORTS_BACK = re.compile(
    rf"(?:{_REPORTS_BACK.pattern})(?:\s+(?:to|til|med|på|om|on|about)?\s*"
    r"(?:you|them|us|dig|jer|dem|os|it|that|det|den|dem)?)?"
    # on the matter just raised: "come back to you on that", "vender tilbage til dig om det"
    r"(?:\s+(?:on|about|om|på)\s+(?:that|this|it|det|dét|den))?"
    # on what the promise finds: "let us know what you find", "når du ved det", or what the
    # one consulted answers: "let you know what she says", "hvad han siger"
    r"(?:,?\s+(?:what you find|what you hear|how it goes|when you know|once you know"
    r"|what (?:she|he|they) (?:says?|decides?|thinks?)"
    r"|hvad (?:hun|han|de) (?:siger|beslutter|mener)"
    r"|hvad du finder ud af|når du ved (?:det|mere)|når du har det|hvordan det går))?[\s,.!?]*",
    re.IGNORECASE,
)
"""A task that is nothing but reporting back: "Vend tilbage", "Get back to you"."""
_ANSWER_PROMISED = re.compile(
    r"^(?:(?:ja|jo|yes|okay|ok)[,.]?\s+)?(?:(?:det|den|dem) )?(?:får (?:du|i) (?:et )?svar"
    r"|(?:you'll|you will) (?:get|have) (?:an |your )?answer|(?:you'll|you will) hear from"
    r"|(?:i'll|i will) have (?:an|the|your) answer|(?:jeg|vi) har (?:et )?svar)\b",
    re.IGNORECASE,
)
"""A promise of an answer, said as what the other side gets: "Det får du svar på"."""


def _only_reports_back(item: ActionItem) -> bool:
    """Whether the item's work is only to report back ("Vend tilbage", "Det får du svar på")."""
    return (
        _ONLY_REPORTS_BACK.fullmatch(item.text) is not None
        or _ANSWER_PROMISED.match(_normal(item.quote)) is not None
    )


_ANSWER_HANDED = re.compile(
    r"^\S+(?:'ll| will)? (?:får|har|have|get|hear|receive)\s+(?:(?:et|an|my|mit)\s+)?"
    r"(?:svar|besked|answer|word|news|from me|fra mig)\b",
    re.IGNORECASE,
)
"""Handing over an answer ("Du får svar i morgen", "You'll hear from me on Friday")."""
_HANDED_BY_PRONOUN = re.compile(r"^(?:(?:ja|jo|fint)[,.]?\s+)?du får (?:den|det|dem)\b", re.I)
"""Handing over what was just named ("Du får det i overmorgen"): the date of a promise still
open, if there is one; else a task of its own."""


def _dates_own_open_promise(
    found: list[_Found], item: ActionItem, index: int, context: _Context
) -> bool:
    """ "Du får svar senest i morgen", said by one who just promised something undated: the
    date of that promise, not a second task."""
    text = _normal(context.sentences[index].text)
    if item.due is None or not _OWN_DATED_YES.match(text):
        return False
    if not _ANSWER_HANDED.search(text) and not _HANDED_BY_PRONOUN.match(text):
        return False  # "Du får listen i eftermiddag": a thing of its own, a task of its own
    before = list(found)
    _dated_across_turns(found, index, context)
    return found != before


def _asks_promise_by_date(found: list[_Found], item: ActionItem) -> bool:
    """ "Så finder vi en dato og melder tilbage." - "Could you let us know by Friday?": a
    request for the same work by a date dates the promise just made, no second task."""
    if not found or item.due is None:
        return False
    previous, kind = found[-1]
    if (
        kind not in ("commitment", "group")
        or previous.due is not None
        or previous.speaker == item.speaker
        or not 0 <= item.start - previous.start <= 30
    ):
        return False
    both_teams = (
        item.owner is not None
        and previous.owner is not None
        and item.owner.startswith(TEAM)
        and previous.owner.startswith(TEAM)
    )
    if item.owner not in (previous.owner, previous.speaker) and not both_teams:
        return False
    same_work = (
        _REPORTS_BACK.match(item.text) is not None
        and _REPORTS_BACK.search(previous.text) is not None
    ) or has_object_pronoun(item.text)
    if not same_work:
        return False
    found[-1] = (replace(previous, due=item.due), kind)
    return True


_JUST_SEND_ME = re.compile(
    r"^(?:(?:so|then|og|så)[,]?\s+)?(?:just|bare|blot)\s+(?:send|e-?mail|mail|forward|give)"
    r" (?:me|us)\b|^(?:(?:og|så)[,]?\s+)?(?:send|mail|giv) (?:mig|os) (?:bare|blot)\b",
    re.IGNORECASE,
)
_GLAD_TO = re.compile(
    r"^(?:(?:sure|yes|yeah|ok|okay|ja|jo|fint)[,.!]?\s+)*(?:happy to|glad to|gladly|gerne"
    r"|med glæde|det vil jeg gerne)\b",
    re.IGNORECASE,
)


def _condition_of_own_yes(
    found: list[_Found], item: ActionItem, index: int, context: _Context
) -> bool:
    """ "I'll set up access for both of them. Just send me their addresses." / "Gerne. Send
    mig bare invitationen.": what the speaker needs to do the work they just took on is its
    condition, as in "Just send me the ID and I'll approve it"; a day makes it a task of its
    own ("Just send me the invite by Friday")."""
    if item.due is not None or index == 0:
        return False
    sentence, previous = context.sentences[index], context.sentences[index - 1]
    if previous.segment != sentence.segment or not _JUST_SEND_ME.match(_normal(sentence.text)):
        return False
    own_promise = any(
        earlier.speaker == sentence.speaker and earlier.start == previous.start
        for earlier, kind in found
        if kind in ("commitment", "group")
    )
    yes = _OPENS_WITH_YES.match(_normal(previous.text)) or _GLAD_TO.match(_normal(previous.text))
    return own_promise or yes is not None


_ANOTHER_DAY_TAKEN = re.compile(
    # "Tuesday's fine, I'll turn it on on Tuesday then", "Yes, okay, I'll get it to you before
    # the 1st then", "Torsdag er fint, så sender jeg den der"
    r"\bthen[.!]*$|\bi så fald[.!]*$"
    r"|^(?:(?:yes|yeah|okay|ok|fine|ja|jo|fint)[,.!]?\s+)*(?:\w+day|tomorrow|i morgen|\w+dag"
    r"|the \w+|den \w+)(?:'s| is| er| passer| går| works| it is)?"
    r" (?:fine|okay|ok|good|works|is fine|it is|fint|godt|passer|går fint)\b",
    re.IGNORECASE,
)
"""A promise said as taking the day the other side asked for."""


def _takes_another_day(
    found: list[_Found], item: ActionItem, index: int, context: _Context
) -> bool:
    """ "I'll enable it for both sites on Thursday." - "Can we say Tuesday instead?" -
    "Tuesday's fine, I'll switch them on Tuesday then.": a dated promise that takes the day
    the other side asked for is the speaker's task of a minute ago, re-dated; it is no second
    task, whatever verb it uses ("switch on" after "enable")."""
    if item.due is None or item.owner != item.speaker:
        return False
    said_as_taken = _ANOTHER_DAY_TAKEN.search(_normal(context.sentences[index].text)) is not None
    for position in range(len(found) - 1, -1, -1):
        previous, kind = found[position]
        if item.start - previous.start > 90:
            return False
        if previous.owner != item.speaker or kind not in ("commitment", "request", "assignment"):
            continue
        between = [s for s in context.sentences if previous.start < s.start < item.start]
        # the other side named a day in between ("He's back Monday, so I'll call him then"
        # takes no day asked for)
        if not any(s.speaker != item.speaker and _is_dated(s, context) for s in between):
            return False
        # or, said plainly, the very day the other side just asked for instead ("Kan vi
        # rykke det til onsdag?" - "Så sender jeg planen på onsdag.")
        if not (said_as_taken or _asked_for_day(between, previous, item, context)):
            return False
        found[position] = (replace(previous, due=item.due), kind)
        return True
    return False


def _asked_for_day(
    between: list[Sentence], promise: ActionItem, item: ActionItem, context: _Context
) -> bool:
    """Right after the ``promise``, the other side asked, in a question, for the day ``item``
    names ("Could we move that to Wednesday?", "Kan I ikke nå det til torsdag?"), and ``item``
    answers it; not a day asked of someone else, nor about other work, turns later."""
    made = next((s for s in context.sentences if s.start == promise.start), None)
    answer = next((s for s in context.sentences if s.start == item.start), None)
    if made is None or answer is None:
        return False
    for sentence in between:
        if sentence.speaker == item.speaker:
            continue
        if not made.segment + 1 == sentence.segment == answer.segment - 1:
            continue
        if not sentence.text.rstrip().endswith("?"):
            continue
        said = find_date(sentence.text, context.transcript.meeting.date, weeks=False)
        if said is not None and said.date == item.due:
            return True
    return False


def _asks_another_day(found: list[_Found], item: ActionItem) -> bool:
    """ "I'll import the addresses tomorrow." - "Could you do it on Thursday instead?" / "Kan
    du ikke nå det til torsdag?": asking the owner of a dated task for another day for "it" is
    no new task; the day holds once the owner takes it ("Thursday's fine, then")."""
    if item.due is None or not has_object_pronoun(item.text):
        return False
    for previous, kind in reversed(found):
        if item.start - previous.start > 60:
            return False
        if previous.owner is None or previous.owner == item.speaker:
            continue
        # an owner still to be found (the one who answers) is the one just asked about it
        if item.owner in (None, previous.owner):
            return (
                kind == "commitment"
                and previous.speaker == previous.owner
                and previous.due is not None
            )
    return False


_INSTEAD_OF = re.compile(
    r"\b(?:instead of|rather than|i stedet for|frem for)\s+(?P<day>[^,.;!?]+)", re.I
)
"""The day a new date replaces: "by Wednesday next week instead of Friday"."""
_CANNOT_DO_DAY = re.compile(
    r"\b(?P<day>[a-zæøå]+(?:dag|day))\s+(?:kan jeg ikke|går ikke|can't i|won't work|is no good)\b",
    re.IGNORECASE,
)
"""The day a new date replaces, said as one the speaker cannot do: "nej vent, fredag kan jeg
ikke, jeg kører importen på tirsdag i stedet"."""
_MOVED_WITHIN_S = 300.0
"""How far back (seconds) a promise may be whose day a later "instead of" moves."""


def _moves_own_day(found: list[_Found], item: ActionItem, context: _Context) -> bool:
    """ "I'll send you the proposal by Friday." ... "I'll get the proposal to you by Wednesday
    next week instead of Friday.": a dated promise that names the day it replaces moves the
    speaker's earlier promise of that day; it is no second task, whatever verb it uses."""
    if item.due is None or item.owner != item.speaker:
        return False
    replaced = _INSTEAD_OF.search(item.quote) or _CANNOT_DO_DAY.search(item.quote)
    if replaced is None:
        return False
    said = find_date(replaced["day"], context.transcript.meeting.date, weeks=False)
    if said is None or said.date is None:
        return False
    for position in range(len(found) - 1, -1, -1):
        previous, kind = found[position]
        if item.start - previous.start > _MOVED_WITHIN_S:
            return False
        if previous.owner == item.owner and previous.due == said.date:
            found[position] = (replace(previous, due=item.due), kind)
            return True
    return False


_MOVES_TO = re.compile(
    # present or infinitive only: "did that get moved?" asks about the past
    r"\b(?:instead|i stedet|flyt|flytte|flytter|move|moving|push (?:it|that|the \w+)(?: back)? to"
    r"|først (?:\w+ ){0,2}(?:komme|blive|være)|not (?:be )?(?:ready|done) (?:until|before))\b",
    re.IGNORECASE,
)
"""A clause that moves work to another day: "lad os flytte rapporten til mandag", "let's make
the report Monday instead", "så status kan først komme på mandag"."""
_MOVE_WORDS = re.compile(r"^(?:instead|stedet|flytte\w*|move\w*|push\w*|først)$", re.I)


def _moves_open_day(found: list[_Found], index: int, context: _Context) -> bool:
    """ "Jeg sender en status på torsdag." ... "Jeg er på kursus torsdag, så status kan først
    komme på mandag.": a later turn of the one who promised dated work, moving that work to
    another day in so many words, re-dates it (the day that stands is the last one agreed)
    and is quoted with it. The work moved is the speaker's latest dated task named again
    (by a word stem: "oversigten" names "kvartalsoversigt")."""
    sentence = context.sentences[index]
    clause = next((c for c in re.split(r"[,;]\s*", sentence.text) if _MOVES_TO.search(c)), None)
    if clause is None or clause.rstrip().endswith("?"):
        return False
    said = find_date(clause, context.transcript.meeting.date, weeks=False)
    if said is None or said.date is None:
        return False
    named = {
        w[:6]
        for w in words(clause[: said.start] + clause[said.end :])
        if len(w) >= 6 and not _MOVE_WORDS.match(w)
    }
    own = [
        position
        for position, (item, _) in enumerate(found)
        if item.owner == sentence.speaker
        and item.due is not None
        and 0 < sentence.start - item.start <= _MOVED_WITHIN_S
    ]
    naming = [
        p
        for p in own
        if any(stem in _normal(f"{found[p][0].text} {found[p][0].quote}").lower() for stem in named)
    ]
    if not naming:
        return False
    item, kind = found[naming[-1]]
    if item.due == said.date:
        return False
    found[naming[-1]] = (replace(item, due=said.date, quote=f"{item.quote} {sentence.text}"), kind)
    return True


def _amends_promise(found: list[_Found], item: ActionItem) -> bool:
    """ "Jeg laver en ny prisoversigt." - "Godt, send den til mig først.": an undated request
    about the work just promised ("it"), to the one who promised it, says how that work is
    done; it is no task of its own."""
    if not found or item.due is not None or not has_object_pronoun(item.text):
        return False
    previous, kind = found[-1]
    return (
        kind == "commitment"
        and previous.owner == previous.speaker != item.speaker
        and item.owner in (None, previous.owner)
        and 0 <= item.start - previous.start <= 30
    )


_ADDS = re.compile(r"(?:include|add|tilføj|medtag)\b", re.IGNORECASE)
"""Work that adds to a thing already promised: "include the range", "tilføj prisen"."""


def _adds_to_promise(found: list[_Found], item: ActionItem) -> bool:
    """ "I'll put together a proposal by Friday." - "Can you include the seat count as a
    range?" - "Will do, I'll include the range.": something added to the work the owner just
    promised is part of that task, asked or promised."""
    if item.due is not None or not _ADDS.match(item.text):
        return False
    owner = item.owner if item.owner is not None else item.speaker
    return any(
        _own_promise_within(previous, kind, item, person=owner, within_s=60)
        for previous, kind in found[-2:]
    )


_IN_THE_SAME = re.compile(
    r"\b(?:(?:in|into|with) the same|(?:i|med i) (?:den |det )?samme|in it|in there"
    r"|med i (?:den|det)\b(?! \w))",
    re.IGNORECASE,
)
"""A reply that puts the extra into the work already promised: "in the same email", "i samme
tilbud", "it goes in it"."""


def _asked_into_promise(
    found: list[_Found], item: ActionItem, index: int, context: _Context
) -> bool:
    """ "I'll send you the deck today." - "Could you also add the price list?" - "Sure, it'll be
    in the same mail.": an "also" asked of the one who just promised, which the answer puts
    into that work, is part of that task. An "also" answered otherwise ("Kan du også sende
    noget om GDPR?" - "Ja, det tager jeg med") stays a task of its own."""
    if item.due is not None or item.owner in (None, item.speaker):
        return False
    if _ALSO.search(context.sentences[index].text) is None:
        return False
    if not any(
        _own_promise_within(previous, kind, item, person=item.owner, within_s=60)
        for previous, kind in found[-2:]
    ):
        return False
    reply = _reply(index, context)
    return (
        reply is not None
        and context.sentences[reply].speaker == item.owner
        and _IN_THE_SAME.search(context.sentences[reply].text) is not None
    )


_THE_THING = re.compile(r"\b(?:the|that|this|those)\s+(\w{4,})\b", re.IGNORECASE)
"""A definite object, which points back to a thing already named ("the estimate"). English
only: a Danish definite suffix ("kreditnotaen") as often names new work (tried, set y)."""


def _dates_named_promise(
    found: list[_Found], item: ActionItem, index: int, context: _Context
) -> bool:
    """ "I'll put together a rough estimate." … "Then I'll turn the estimate around by Friday.":
    a dated promise about "the" thing its speaker already promised undated, with other turns
    between, only dates that promise."""
    if item.due is None or item.owner != item.speaker:
        return False
    if item.language == "da" or _ALSO.search(context.sentences[index].text) is not None:
        return False
    things = {m.group(1).lower()[:5] for m in _THE_THING.finditer(item.text)}
    for position in range(len(found) - 1, -1, -1):
        previous, kind = found[position]
        if item.start - previous.start > 120:
            return False
        if kind != "commitment" or previous.owner != item.owner or previous.due is not None:
            continue
        if things & _stems(previous.text.partition(" ")[2]):  # its object, not its verb
            found[position] = (replace(previous, due=item.due), kind)
            return True
    return False


def _answers_on_own_promise(
    found: list[_Found], item: ActionItem, index: int, context: _Context
) -> bool:
    """ "I'll work out a price for the longer retention." - "Could that be part of the revised
    offer?" - "Ja, så giver jeg Lasse tallene i morgen": a yes to a question about the promise
    just made, with a date, dates that promise; it is no second task."""
    if not found or item.due is None:
        return False
    previous, kind = found[-1]
    sentence = context.sentences[index]
    if not (
        _own_promise_within(previous, kind, item, person=item.speaker, within_s=45)
        and previous.due is None
        and _OPENS_WITH_YES.match(_normal(sentence.text))
    ):
        return False
    between = [s for s in context.sentences if previous.start < s.start < sentence.start]
    if (
        not between
        or any(s.speaker == item.speaker for s in between)
        or len({s.segment for s in between}) != 1
        or not _any_question(between)
        or _ALSO.search(sentence.text) is not None
    ):
        return False
    found[-1] = (replace(previous, due=item.due), kind)
    return True


def _repeats_own_date(
    found: list[_Found], item: ActionItem, context: _Context | None = None
) -> bool:
    """ "Jeg kan lave vagtplanen." - "Så laver du den inden den første." - "Den har I inden den
    første.": a pronoun promise that only says again the date the speaker's own task already
    carries is that task, whose quote stays where the work is named."""
    if item.due is None or not has_object_pronoun(item.text):
        return False
    if context is not None and _answers_new_ask(item, context):
        return False  # "…kan du også kigge på X?" - "Ja, det kigger jeg på inden onsdag": new work
    for previous, kind in reversed(found):
        if item.start - previous.start > 45:
            return False
        if previous.owner == item.speaker:
            return kind == "commitment" and previous.due == item.due
    return False


_ASKS_ALSO = re.compile(
    r"\b(?:kan|kunne|vil|gider|can|could|would|will)\s+(?:du|you)\s+(?:(?:lige|please|just)\s+)?"
    r"(?:også|also)\b",
    re.IGNORECASE,
)
"""A request for more work besides what was promised: "kan du også kigge på…", "could you also…"."""


def _answers_new_ask(item: ActionItem, context: _Context) -> bool:
    """Whether ``item`` answers, in the next turn, someone else asking its speaker for more work
    ("Kan du også kigge på, om vi har en case?" - "Ja, det kigger jeg på inden onsdag")."""
    index = _sentence_of(item, context.sentences)
    if index is None or index == 0:
        return False
    asked = context.sentences[index - 1]
    return (
        asked.speaker != item.speaker
        and asked.segment != context.sentences[index].segment
        and _ASKS_ALSO.search(asked.text) is not None
    )


def _dates_own_promise(found: list[_Found], item: ActionItem, context: _Context) -> bool:
    """ "I have to clear it with our CFO. I'll get back to you after that, on the 21st": the
    second promise only dates the first."""
    if not found or item.due is None:
        return False
    previous, kind = found[-1]
    if _takes_request_on(previous, kind, item, context):
        found[-1] = (replace(previous, due=item.due, quote=f"{previous.quote} {item.quote}"), kind)
        return True
    if not (_continues(item) or _carries_out(previous, kind, item, context)):
        return False
    handed = _OWN_DATED_YES.match(_normal(item.quote)) is not None
    if not (
        previous.owner == item.speaker
        and (previous.speaker == item.speaker or kind == "request")
        # "Jeg laver et tilbud." - "…inden den 22." - "Du har det på fredag": the day promised
        and (previous.due is None or (handed and item.due <= previous.due))
        and item.start - previous.start <= (30 if previous.speaker == item.speaker else 60)
    ):
        return False
    # The later sentence is where the work is firmly promised: it is quoted, after the first
    # when it follows it in the same turn ("I'll rework it. You'll have it by Thursday.").
    if _same_turn_next(previous, item, context):
        found[-1] = (replace(previous, due=item.due, quote=f"{previous.quote} {item.quote}"), kind)
        return True
    if _CHECKS_IT_FIRST.search(item.quote) and _other_spoke_between(previous, item, context):
        # "Jeg sender en invitation." - "Kan vi betale kvartalsvis?" - "Det må jeg lige
        # undersøge, så vender jeg tilbage i morgen": what is checked is the question between.
        return False
    found[-1] = (replace(previous, due=item.due, start=item.start, quote=item.quote), kind)
    return True


_THEN_I = re.compile(
    r"^(?:(?:og|and)\s+)?(?:så|then|so)[,]?\s+(?:\w+\s+)?(?:jeg|i(?:'ll| will)?)\b",
    re.IGNORECASE,
)
"""A promise opened by "så"/"then" ("Så sender jeg prisen på torsdag", "Then I'll…")."""


def _carries_out(previous: ActionItem, kind: Kind, item: ActionItem, context: _Context) -> bool:
    """ "Jeg finder en reservedel hos grossisten. Så sender jeg dig prisen på torsdag.":
    a dated "then I…" said right after the speaker's own undated promise (in the same turn, or
    in their next turn after a reply that takes it up) says how and by when that work is done.
    After any other reply it may be other work ("No need to visit, a video call will do." -
    "Then I'll send you an invite for Monday")."""
    return (
        _own_promise(previous, kind, item.speaker)
        and previous.due is None
        and _THEN_I.match(_normal(item.quote)) is not None
        and _ALSO.search(item.quote) is None
        and (
            _same_turn_next(previous, item, context)
            or (
                _next_own_turn(previous, item, context)
                and _takes_it_up(_reply_before(item, context))
            )
        )
    )


def _reply_before(item: ActionItem, context: _Context) -> str:
    """The text of the turn right before ``item``'s."""
    said = _sentence_of(item, context.sentences)
    if said is None or context.sentences[said].segment == 0:
        return ""
    return context.transcript.segments[context.sentences[said].segment - 1].text


def _takes_it_up(reply: str) -> bool:
    """Whether a reply to an offer takes it up ("Ja tak, det må du meget gerne")."""
    return (
        _OPENS_WITH_YES.match(_normal(reply)) is not None or _OFFER_TAKEN.search(reply) is not None
    )


def _other_spoke_between(promise: ActionItem, item: ActionItem, context: _Context) -> bool:
    """Whether someone else spoke between the turn of ``promise`` and that of ``item``."""
    made = _sentence_of(promise, context.sentences)
    said = _sentence_of(item, context.sentences)
    if made is None or said is None:
        return False
    first, second = context.sentences[made].segment, context.sentences[said].segment
    return any(
        segment.speaker != item.speaker
        for segment in context.transcript.segments[first + 1 : second]
    )


_HANDS_OVER = re.compile(
    r"(?:send|get|give|have|share|mail|e-?mail|forward|pass|sende|send|giv\w*|del\w*|smid\w*"
    r"|mail\w*|skriv\w*|ring\w*|call|write)\b",
    re.IGNORECASE,
)
"""The verbs that hand a result over ("get you the breakdown", "sende den"): a dated promise
made with them after an undated offer of the same speaker says when the offer arrives."""


def _only_dates_earlier_work(item: ActionItem, sentence: Sentence) -> bool:
    """Whether ``item`` (said in ``sentence``) is a dated promise of its speaker's that may say
    when work said before arrives: no more work ("also", "something else"), and not "Det må
    jeg lige undersøge, så vender jeg tilbage" (a check first, its answer later)."""
    return (
        item.due is not None
        and item.owner == item.speaker
        and not _ALSO.search(sentence.text)
        and not _SOMETHING_ELSE.match(_normal(sentence.text))
        and not _CHECKS_IT_FIRST.search(sentence.text)
    )


def _dates_offer_after_reply(
    found: list[_Found], item: ActionItem, index: int, context: _Context
) -> bool:
    """ "I can pull the numbers for you." - "That would help." - "Sure, I'll get you them by
    Thursday.": a dated promise of the speaker right after the other side's reply to their own
    undated offer dates that offer; it is no second task. Only the reply may lie between (no
    turn of the speaker, no new business), and the promise hands over or names the same work."""
    sentence = context.sentences[index]
    if not _only_dates_earlier_work(item, sentence):
        return False
    for position in range(len(found) - 1, -1, -1):
        previous, kind = found[position]
        if item.start - previous.start > 45:
            return False
        if previous.owner != item.speaker:
            continue
        if not _own_promise(previous, kind, item.speaker) or previous.due is not None:
            return False
        asked = _sentence_of(previous, context.sentences)
        if asked is None or asked >= index - 1:
            return False
        between = context.sentences[asked + 1 : index]
        if any(s.speaker == item.speaker for s in between) or len(between) > 4:
            return False
        if _any_question(between):
            return False  # "When can I have it?" - "I'll send a new offer Friday": new work
        if not (
            _PRONOUN_OBJECT.search(item.text)
            or _continues(item)
            or _HANDS_OVER.match(item.text)
            or similar_tasks(previous.text, item.text)
        ):
            return False
        repeat = similar_tasks(previous.text, item.text) and not has_object_pronoun(item.text)
        if repeat or (has_object_pronoun(previous.text) and not has_object_pronoun(item.text)):
            # The later, dated sentence names the work again: it is where the work is firmly
            # promised, and quoted ("…then I'll send it through." - "I'll send the report today").
            confidence = max(item.confidence, previous.confidence)
            found[position] = (replace(item, confidence=confidence), kind)
        else:
            found[position] = (replace(previous, due=item.due), kind)  # the offer names it
        return True
    return False


def _asks_report_on_promise(found: list[_Found], item: ActionItem) -> bool:
    """ "Jeg skal have tallet bekræftet med HR." - "Kan du give mig besked, når du har det?":
    asked to report back on a promise just made, the one asked gets no new task."""
    if not _only_reports_back(item):
        return False
    return any(
        _own_promise_within(
            previous, kind, item, person=item.owner, within_s=60, same_sentence=False
        )
        for previous, kind in found[-2:]
    )


def _reports_back_on_own(found: list[_Found], item: ActionItem, context: _Context) -> bool:
    """ "Lad mig høre produktfolkene om prisen. Så vender jeg tilbage i næste uge.": reporting
    back, said right after the speaker's own promise in the same turn, is part of that task."""
    if not found or not _only_reports_back(item):
        return False
    previous, kind = found[-1]
    if previous.owner != item.speaker or not (
        _same_turn_next(previous, item, context) or _next_own_turn(previous, item, context)
    ):
        return False
    # the answer the other side waits for is the deadline (as in extraction's clauses)
    due = max(previous.due, item.due) if previous.due and item.due else previous.due or item.due
    merged = replace(previous, due=due, quote=f"{previous.quote} {item.quote}")
    found[-1] = (merged, kind)
    return True


_CHECKS_IT_FIRST = re.compile(
    r"\b(?:det|dét|den|that|this)\s+(?:må|skal|vil)\s+jeg\s+(?:lige\s+|godt\s+|først\s+)?"
    r"(?:undersøge|tjekke|checke|høre|finde ud af|spørge)"
    r"|\b(?:let me|i(?:'ll| will)(?: have to| need to)?|i have to|i need to)\s+(?:just\s+)?"
    r"(?:check|find out|look into|ask about)\s+(?:that|this|it)\b",
    re.IGNORECASE,
)
"""A check of what was just said, before reporting back: "Det må jeg lige undersøge, så…"."""


def _next_own_turn(promise: ActionItem, item: ActionItem, context: _Context) -> bool:
    """ "Det må jeg tjekke med integrationsfolkene." - "Det ville være rart at vide." - "Jeg
    skriver til dig senest fredag.": ``item`` is said in the promiser's next turn, a reply later."""
    made = _sentence_of(promise, context.sentences)
    said = _sentence_of(item, context.sentences)
    if made is None or said is None or promise.speaker != item.speaker:
        return False
    first, second = context.sentences[made].segment, context.sentences[said].segment
    between = context.transcript.segments[first + 1 : second]
    return (
        len(between) == 1
        and between[0].speaker != item.speaker
        and item.start - promise.start <= 60
    )


def _takes_request_on(previous: ActionItem, kind: str, item: ActionItem, context: _Context) -> bool:
    """ "Ben, could you set up a call with them?" - "Yes, I'll arrange that. I'll email their
    manager today": the dated promise right after the yes says how and by when the request is
    done, not a task of its own."""
    index = _sentence_of(item, context.sentences)
    if kind != "request" or previous.due is not None or previous.owner != item.speaker:
        return False
    if index is None or index == 0 or _ALSO.search(context.sentences[index].text):
        return False
    yes = context.sentences[index - 1]
    return (
        yes.segment == context.sentences[index].segment
        and yes.speaker == item.speaker != previous.speaker
        and previous.quote.endswith(yes.text)
    )


def _answers_when(found: list[_Found], item: ActionItem, index: int, context: _Context) -> bool:
    """ "…, men jeg skal nok få samlet dem." - "Hvornår tror du, du kan have dem?" - "…, så lad
    os sige inden den 13., så kan jeg sende dig en samlet liste": a dated promise in answer to
    "when?" about the speaker's own undated one dates that one; the answer is quoted."""
    if not found or item.due is None:
        return False
    previous, kind = found[-1]
    sentence = context.sentences[index]
    if not (
        _own_promise_within(
            previous, kind, item, person=item.speaker, within_s=60, same_sentence=False
        )
        and previous.due is None
    ):
        return False
    made = _sentence_of(previous, context.sentences)
    if made is None:
        return False
    promised_in = context.sentences[made].segment
    between = context.transcript.segments[promised_in + 1 : sentence.segment]
    if (
        len(between) != 1
        or between[0].speaker == item.speaker
        or not _ASKS_WHEN.search(between[0].text)
        # the same work named again ("få samlet dem" … "en samlet liste"), not other work
        or not _stems(sentence.text) & (_stems(previous.text) - {"få", "have", "get", "gør", "do"})
    ):
        return False
    found[-1] = (replace(previous, due=item.due, start=item.start, quote=item.quote), kind)
    return True


def _same_turn_next(first: ActionItem, second: ActionItem, context: _Context) -> bool:
    """Whether ``second`` is said in the sentence right after ``first``'s, in the same turn."""
    index = _sentence_of(first, context.sentences)
    if index is None or index + 1 >= len(context.sentences):
        return False
    following = context.sentences[index + 1]
    return (
        following.segment == context.sentences[index].segment
        and following.start == second.start
        and second.quote.startswith(following.text)
        and first.quote == context.sentences[index].text
    )


_OPEN_TASK_TURNS = 4
"""How many turns may lie between an undated task and the promise that dates it."""


def _dates_open_task(found: list[_Found], item: ActionItem, index: int, context: _Context) -> bool:
    """ "Jeg laver et tilbud med begge modeller." - "Og gerne med tallene for hele perioden." -
    "Hvornår er bestyrelsesmødet?" - "Den 30." - "Så sender jeg det senest torsdag.": a dated
    promise a few turns after its speaker's own undated task (a request to them, or their own
    promise), naming that work by a pronoun or its object again, only dates that task. Between
    them only a yes or a question of the speaker, and no question of others but "when?"; the
    speaker's latest task is the one dated, and both sentences are quoted."""
    sentence = context.sentences[index]
    if not _only_dates_earlier_work(item, sentence):
        return False
    open_task = _open_task_of(found, item, context)
    if open_task is None:
        return False
    position, made = open_task
    previous, kind = found[position]
    first = context.sentences[made].segment
    between = context.transcript.segments[first + 1 : sentence.segment]
    if not between or len(between) > _OPEN_TASK_TURNS:
        return False
    if any(
        s.speaker == item.speaker
        and "?" not in s.text
        # "Yes, I'll take it.": the yes to a request, said before it is dated
        and not (kind != "commitment" and _OPENS_WITH_YES.match(_normal(s.text)))
        for s in between
    ):
        return False
    if any(
        s.speaker != item.speaker and "?" in s.text and not _ASKS_WHEN.search(s.text)
        for s in between
    ):
        return False  # "Kan vi betale kvartalsvis?": new business, maybe new work
    if not (has_object_pronoun(item.text) or _names_same_thing(previous.text, item.text)):
        return False
    _date_open_task(found, position, item)
    return True


def _open_task_of(
    found: list[_Found], item: ActionItem, context: _Context
) -> tuple[int, int] | None:
    """The position in ``found`` of the latest task of ``item``'s speaker, and the index of the
    sentence it was made in, when that task is still undated and a commitment, request or
    assignment."""
    position = next(
        (p for p in range(len(found) - 1, -1, -1) if found[p][0].owner == item.speaker), None
    )
    if position is None:
        return None
    previous, kind = found[position]
    if previous.due is not None or kind not in ("commitment", "request", "assignment"):
        return None
    made = _sentence_of(previous, context.sentences)
    return None if made is None else (position, made)


def _date_open_task(found: list[_Found], position: int, item: ActionItem) -> None:
    """Dates the open task at ``position`` by ``item``, quoting both sentences: the later is
    where the work is dated, and firmly promised."""
    previous, kind = found[position]
    quote = f"{previous.quote} {item.quote}"
    found[position] = (replace(previous, due=item.due, quote=quote), kind)


def _names_same_thing(first: str, second: str) -> bool:
    """Whether two task texts name the same thing past their verbs: they share a word of their
    objects, or two forms of one ("Pick up the quote" / "Get the quote to them", "Lav et
    tilbud" / "Send tilbuddet")."""
    return _share_a_thing(_object_words(first), _object_words(second))


def remark_names_object_of(task: str, remark: str) -> bool:
    """Whether ``remark``, any words rather than a task opening with its verb ("glem det med
    logoet"), names a thing of ``task``'s object ("Send jer vores nye logo")."""
    return _share_a_thing(_object_words(task), _object_words(remark, past_verb=False))


def _share_a_thing(first: set[str], second: set[str]) -> bool:
    """Whether two sets of object words hold one word, or two forms of one."""
    return any(
        word == other
        or (min(len(word), len(other)) >= 4 and (word.startswith(other) or other.startswith(word)))
        for word in second
        for other in first
    )


def _object_words(text: str, *, past_verb: bool = True) -> set[str]:
    """The words of ``text`` (past the task's verb when ``past_verb``), stop words and words
    naming no thing of their own left out."""
    stems = _stems(text)
    said = words(text)[1:] if past_verb else words(text)
    return {w for w in said if len(w) >= 3 and w[:5] in stems and w not in _GENERIC}


_GENERIC = frozenset(
    (
        *("that", "this", "them", "they", "with", "your", "their", "from", "have", "about"),
        *("some", "deres", "jeres", "noget", "også", "lige", "godt", "inden", "before"),
    )
)
"""Words two tasks share that name no thing of their own."""


_TAKEN_ON_TURNS = 6
"""Turns at most between work taken on (or given) and the owner's dated promise of it."""


def _dates_work_taken_on(
    found: list[_Found], item: ActionItem, index: int, context: _Context
) -> bool:
    """ "Daniel, can you pick up the quote?" - "Yes, I'll take it." - … - "Then I'll get the
    quote to them before the twentieth"; "Det kan Rikke tage." - "Ja, men ikke i denne uge."
    - "Hvornår kan du så?" - "Jeg ringer til dem inden fredag": a dated promise of one whose
    latest task, given to them or taken on a few turns before, is still undated, only dates
    that task when it names the same work again, or when that task was given to them (asked
    or volunteered) and nothing else was taken on since."""
    if item.due is None or item.owner is None or item.owner != item.speaker:
        return False
    sentence = context.sentences[index]
    if _ALSO.search(sentence.text) or _SOMETHING_ELSE.match(_normal(sentence.text)):
        return False
    open_task = _open_task_of(found, item, context)
    if open_task is None:
        return False
    position, made = open_task
    previous, kind = found[position]
    if not 0 < item.start - previous.start <= 90 or made >= index:
        return False
    turns = sentence.segment - context.sentences[made].segment
    if not 0 < turns <= _TAKEN_ON_TURNS:
        return False
    given = kind in ("request", "assignment") and position == len(found) - 1
    if not (_names_same_thing(previous.text, item.text) or given):
        return False
    _date_open_task(found, position, item)
    return True


_FIRST_STEP = re.compile(r"\b(?:first|først)\s*(?:[.!,;…]|$)", re.IGNORECASE)
"""A step said to come first ("Let me check with finance first...", "…, jeg skal bare have
fjernet telefonnumrene først.")."""


def _step_before_own_task(
    found: list[_Found], item: ActionItem, index: int, context: _Context
) -> bool:
    """ "Tom, could you model the tiers?" - "Sure." - "When would we see it?" - "Let me check
    with finance first... I should have it to you by Monday": a step its speaker must take
    first, said while a task of theirs is open, is part of that task, not a task of its own."""
    if item.owner != item.speaker or item.due is not None:
        return False
    sentence = context.sentences[index]
    if not (
        _FIRST_STEP.search(sentence.text) and re.search(r"\b(?:first|først)\b", item.text, re.I)
    ):
        return False
    # The task open is one given to the speaker by another, or promised in this very sentence
    # ("Jeg smider den over i morgen, jeg skal bare have fjernet numrene først"); not an own
    # promise of an earlier sentence ("Så sender jeg et udkast. Det skal jeg lige vende med
    # min chef først": a talk with the boss, a task of its own).
    return any(
        previous.owner == item.speaker
        and (
            (kind in ("request", "assignment") and previous.speaker != item.speaker)
            or (
                kind == "commitment"
                and previous.quote == sentence.text
                and _sentence_of(previous, context.sentences) == index
            )
        )
        and 0 <= item.start - previous.start <= 60
        for previous, kind in found
    )
