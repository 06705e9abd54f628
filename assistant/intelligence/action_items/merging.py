"""One task said twice becomes one item: an answer merged into the request it answers, and
repeats of one task by one owner."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from assistant.intelligence.action_items.located import _sentence_of
from assistant.intelligence.action_items.model import ActionItem, _Context, _Found, _normal
from assistant.intelligence.action_items.owners import TEAM, _may_answer
from assistant.intelligence.action_items.pronouns import has_object_pronoun
from assistant.intelligence.action_items.pronouns import has_object_pronoun as pronoun_only
from assistant.intelligence.action_items.replies import _CLAIMS_IT, _addressed, _later_in_turn
from assistant.intelligence.action_items.rules import _ACCEPTANCE, _OPENS_WITH_YES, _PRONOUN_OBJECT
from assistant.intelligence.action_items.similarity import similar_tasks
from assistant.transcript import Segment


def _merge_into_request(
    found: list[_Found], item: ActionItem, index: int, context: _Context
) -> bool:
    """ "Could you send the deck?" - "Sure, I'll send it tomorrow": one task, the answer's date."""
    sentence = context.sentences[index]
    segment = context.transcript.segments[sentence.segment]
    for position in range(len(found) - 1, -1, -1):
        request, kind = found[position]
        if item.start - request.start > 45:
            return False
        if request.speaker == item.speaker or kind != "request":
            if request.owner == item.speaker:
                return False  # the speaker already said something of their own since
            continue
        claimed = _CLAIMS_IT.search(segment.text) is not None and request.owner != request.speaker
        if not (_may_answer(request.owner, item.speaker, context) or claimed):
            return False
        between = context.transcript.segments[_segment_of(request, context) + 1 : sentence.segment]
        on_condition = _yes_once_we_have(request, item, between)
        asked = _sentence_of(request, context.sentences)
        if (
            asked is not None
            and request.quote != context.sentences[asked].text
            and not on_condition
        ):
            return False  # answered already, and quoted with its answer
        if (
            request.owner == item.speaker
            and request.due is not None
            and item.due is None
            and pronoun_only(item.text)
            and index > 0
            and context.sentences[index - 1].segment == sentence.segment
        ):
            # "Ja, den laver jeg. Du har den inden fredag. Jeg tager dem fra Skive og Viborg.":
            # after a dated yes, how the work is done is part of the task.
            return True
        if not on_condition and any(s.speaker == item.speaker for s in between):
            return False  # not the answer to the request: the speaker had a turn since
        if claimed and any(s.speaker == request.owner for s in between):
            return False  # the one asked answered first
        if _SOMETHING_ELSE.match(_normal(sentence.text)):
            return False  # "En ting til: jeg laver…": new work, not the answer
        answers = (
            claimed
            or on_condition
            or _OPENS_WITH_YES.match(_normal(segment.text)) is not None
            or _first_words_of_next_turn(request, item, index, context)
        )
        pronoun = _PRONOUN_OBJECT.search(item.text) is not None
        if not (answers or pronoun or similar_tasks(request.text, item.text)):
            return False
        # "Make sure they get it" - "I'll send it to them on Wednesday": the answer names the work.
        vague = pronoun and has_object_pronoun(request.text)
        later = None if request.due else _later_in_turn(index, context)
        if later is not None and item.due not in (None, later[0]):
            later = None
        # "Ida and I will put the slides together": the answer's pair takes it on as a team.
        taker = item.owner if (item.owner or "").startswith("team") else item.speaker
        # "Ja, det skriver jeg ind. Du får det i morgen": the dating sentence is quoted too.
        quote = item.quote
        if later is not None and later[1] == index + 1 and quote == sentence.text:
            quote = f"{item.quote} {context.sentences[later[1]].text}"
        if (
            pronoun
            and not vague
            and asked is not None
            and asked + 1 == index
            and quote.startswith(sentence.text)
            and not (request.due is not None and item.due == request.due)
        ):
            # "Peter, kan du gå varelisten igennem?" - "Det kan jeg godt, men ikke før jul": an
            # answer that names the work by a pronoun is quoted with the request it answers.
            found[position] = (
                replace(
                    request,
                    text=item.text if vague else request.text,
                    quote=f"{request.quote} {quote}",
                    owner=taker,
                    due=item.due or request.due or (later[0] if later else None),
                    confidence=round(min(0.99, max(request.confidence, item.confidence) + 0.1), 2),
                ),
                kind,
            )
            return True
        if pronoun and not vague and request.due is not None and item.due == request.due:
            # "Kan du sende prislisten inden fredag?" - "Ja, den har du fredag": an answer that
            # only says the request's date again; the request, which names the work, stays
            # the quote.
            quote, start, speaker = request.quote, request.start, request.speaker
        elif (
            asked is not None
            # "Kan du få den ud i dag?" - "Ja, den sender jeg i eftermiddag": a dated yes to a
            # request that names nothing either is the promise as made, quoted alone.
            and not (has_object_pronoun(request.text) and item.due is not None)
            and _bare_yes_next_turn(request, item, index, context)
        ):
            # "Sara, kan du samle de tre sager?" - "Ja, det kan jeg godt": a yes that does not
            # name the work is quoted with the request it answers.
            quote = f"{request.quote} {quote}"
            start, speaker = request.start, request.speaker
        else:
            start, speaker = item.start, item.speaker
        found[position] = (
            replace(
                request,
                # "Could you review it?" - "Send it over and I'll review it by Wednesday": the
                # answer says what the work is.
                text=item.text if vague else request.text,
                # The answer is where the work is promised: it is the sentence quoted.
                quote=quote,
                start=start,
                speaker=speaker,
                owner=taker,
                due=item.due or request.due or (later[0] if later else None),
                confidence=round(min(0.99, max(request.confidence, item.confidence) + 0.1), 2),
            ),
            kind,
        )
        return True
    return False


def _takes_on_group(
    found: list[_Found], item: ActionItem, index: int, context: _Context
) -> ActionItem:
    """ "We need to brief the drivers." - "I'll do that. I'll brief them on Monday.": one of the
    group takes the group's work on in the next turn; the group's item gives way to that
    person's promise, which keeps the group's date if it names none."""
    sentence = context.sentences[index]
    for position in range(len(found) - 1, -1, -1):
        group, kind = found[position]
        if item.start - group.start > 45:
            break
        if kind != "group":
            continue
        owner = group.owner or ""
        if group.speaker == item.speaker or not owner.startswith(TEAM):
            break
        if _EACH_OF_US.search(group.quote) or not _may_answer(owner, item.speaker, context):
            break  # "Vi skal alle sammen gennemgå listen": one person's promise is not all of it
        if sentence.segment != _segment_of(group, context) + 1:
            break
        opening = next(s for s in context.sentences if s.segment == sentence.segment)
        takes = opening is sentence or _ACCEPTANCE.match(opening.text) is not None
        if not (
            takes
            and (
                similar_tasks(group.text, item.text)
                or _CLAIMS_IT.search(opening.text)
                or opening is not sentence
                # "Sara, let's send them the minutes." - "I'll do that this afternoon."
                or _addressed(group.quote, context) == item.speaker
            )
        ):
            break
        del found[position]
        return replace(item, due=item.due or group.due)
    return item


def _own_part_of_group(found: list[_Found], item: ActionItem) -> ActionItem:
    """ "We'll replace six of them." … "I'll ship six replacement loggers tomorrow": a group
    promise its own speaker then takes on in the first person, within a turn or two, is that
    speaker's task; the group's item gives way, its date kept if the promise names none."""
    for position in range(len(found) - 1, -1, -1):
        group, kind = found[position]
        if item.start - group.start > _OWN_PART_WINDOW_S:
            break
        if group.speaker != item.speaker:
            continue
        if kind != "group" or _EACH_OF_US.search(group.quote) or group.quote == item.quote:
            break  # the speaker's own work said since, or "we all…": each does their part
        if not _same_work(group.text, item.text):
            break
        del found[position]
        return replace(item, due=item.due or group.due)
    return item


_OWN_PART_WINDOW_S = 45.0
"""How long after a group promise its speaker's "I'll…" may still name the same work (s)."""


def _same_work(group: str, own: str) -> bool:
    """Whether two tasks name one piece of work: alike, or the verb of one said in the other
    ("replace six of them" and "ship six replacement loggers", "deploy the fix" and "deploy
    it"); not two tasks on one thing ("assign you a contact", "set up an alert on your
    account")."""
    if similar_tasks(group, own):
        return True
    first = [w[:5] for w in re.findall(r"[\w-]+", group.lower())]
    second = [w[:5] for w in re.findall(r"[\w-]+", own.lower())]
    return bool(first and second) and (first[0] in second or second[0] in first)


_EACH_OF_US = re.compile(
    r"\b(?:all|each|every|everyone|everybody|both|alle|allesammen|hver|begge)\b", re.IGNORECASE
)


def _first_words_of_next_turn(
    request: ActionItem, item: ActionItem, index: int, context: _Context
) -> bool:
    """ "Could we get a second test login?" - "I'll set you up with two by Friday.": the one
    asked, promising work in the first sentence of the very next turn, answers the request in
    other words."""
    sentence = context.sentences[index]
    return (
        request.owner == item.speaker
        and sentence.segment == _segment_of(request, context) + 1
        and (index == 0 or context.sentences[index - 1].segment != sentence.segment)
    )


def _yes_once_we_have(request: ActionItem, item: ActionItem, between: Sequence[Segment]) -> bool:
    """ "Can you add the two sites?" - "We can, but we need the site codes first." - (the codes
    are promised) - "Then I'll add them once they're in.": a yes on a condition, and the promise
    made when the condition is met, are one task."""
    own = [s for s in between if s.speaker == item.speaker]
    return (
        request.owner == item.speaker
        and len(between) <= 3
        and len(own) == 1
        and own[0] is between[0]
        and _YES_ON_CONDITION.match(_normal(own[0].text)) is not None
        and _CONDITION.search(own[0].text) is not None
    )


_YES_ON_CONDITION = re.compile(
    r"^(?:(?:sure|yes|yeah|yep|ok|okay|fine|of course|absolutely|ja|jo|jep|jeps|fint|klart"
    r"|selvfølgelig|gerne)\b|(?:we|i) can\b|(?:det )?kan (?:vi|jeg)(?: godt)?\b"
    r"|det kan (?:vi|jeg)\b)",
    re.IGNORECASE,
)
_CONDITION = re.compile(
    r"\b(?:first|before that|once|as soon as|need|needs|først|når|så snart|brug for"
    r"|skal (?:vi|jeg) (?:lige )?have)\b",
    re.IGNORECASE,
)
"""An answer that says yes and names what has to come first."""


_SOMETHING_ELSE = re.compile(
    r"^(?:(?:og|and|så|so|okay|ok)[,]?\s+)?(?:en ting til|én ting til|noget andet|en anden ting"
    r"|one more thing|another thing|something else|also|desuden|derudover|apropos)\b",
    re.IGNORECASE,
)
"""A sentence that opens new business ("En ting til: …", "One more thing: …")."""


def _segment_of(item: ActionItem, context: _Context) -> int:
    for sentence in context.sentences:
        if sentence.start == item.start and sentence.speaker == item.speaker:
            return sentence.segment
    return len(context.transcript.segments)


def _merge_duplicates(items: list[ActionItem]) -> list[ActionItem]:
    """One item per owner and task: the most specific (a due date, then the longer text) is
    kept, with the highest confidence of the group."""
    kept: list[ActionItem] = []
    for item in items:
        for i, other in enumerate(kept):
            if (
                other.owner == item.owner
                and similar_tasks(other.text, item.text)
                # "Jeg ringer til deres indkøber på onsdag" … "Jeg ringer dem op inden fredag":
                # a task promised again in another sentence with a day of its own is other
                # work (one sentence's two days stay one task: "jeg skriver til dem i dag og
                # beder om dem inden den femtende")
                and not (
                    other.due is not None
                    and item.due is not None
                    and other.due != item.due
                    and other.quote != item.quote
                )
            ):
                better = item if _specificity(item) > _specificity(other) else other
                kept[i] = replace(
                    better,
                    due=better.due or other.due or item.due,
                    confidence=max(item.confidence, other.confidence),
                )
                break
        else:
            kept.append(item)
    return sorted(kept, key=lambda item: item.start)


def _specificity(item: ActionItem) -> tuple[bool, int]:
    return (item.due is not None, len(item.text))


_BARE_YES_WORDS = 8
"""An answer this short (words) that names its work by a pronoun does not say what the work is."""


def _bare_yes_next_turn(
    request: ActionItem, item: ActionItem, index: int, context: _Context
) -> bool:
    """ "Sara, kan du samle de tre sager?" - "Ja, det kan jeg godt.": the first sentence of the
    very next turn, short and naming the work by a pronoun only, takes the request on."""
    sentence = context.sentences[index]
    return (
        len(sentence.text.split()) <= _BARE_YES_WORDS
        and _PRONOUN_OBJECT.search(sentence.text) is not None
        and _first_words_of_next_turn(request, item, index, context)
    )
