"""A promise said again in other words, which adds no second item: the same work restated after
an offer is taken (`_restates`), relayed in the other language (`_translates`), spelled out
or elaborated in the next sentence (`_spells_out`, `_elaborates`), or a second clause that
only dates the first (`_continues`). Also the patterns of "also" and of reporting back that
other modules read."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.intelligence.action_items.located import _any_question, _own_promise
from assistant.intelligence.action_items.model import ActionItem, _Context, _Found, _normal
from assistant.intelligence.action_items.pronouns import has_object_pronoun
from assistant.intelligence.action_items.rules import (
    _ACCEPTANCE,
    _ASKS_WHEN,
    _CONSULTS,
    _OPENS_WITH_YES,
    _PRONOUN_OBJECT,
)
from assistant.intelligence.action_items.similarity import _stems, _verb
from assistant.intelligence.dates import find_date
from assistant.intelligence.sentences import Sentence, words

_REPORTS_BACK = re.compile(
    r"(?:get back|come back|report back|let (?:you|us|me) know|follow up|circle back"
    r"|vend\w* tilbage|lad (?:os|mig) (?:det )?vide"
    r"|giv\w* (?:dig|jer|os|dem|mig) (?:et )?(?:besked|svar)|meld\w* tilbage|confirm|bekræft\w*"
    r"|(?:give|get) (?:you|them|us) (?:an )?answer|revert|skriv\w* til (?:dig|jer)"
    r"|write (?:to )?you"
    # "Lad mig vende det med Hanne, så ringer jeg til dig": the call reports back
    r"|ring\w* (?:tilbage )?til (?:dig|jer)(?! og)|ring\w* tilbage)\b",
    re.IGNORECASE,
)


_RESTATING = re.compile(
    r"^(?:sorry,?\s*|undskyld,?\s*)?(?:i said|what i said|i mean|in english|jeg sagde|jeg mener"
    r"|på engelsk)\b",
    re.IGNORECASE,
)
_ALSO = re.compile(r"\b(?:also|too|as well|another|og også|også|desuden|en til)\b", re.IGNORECASE)


def _restates(found: list[_Found], item: ActionItem, index: int, context: _Context) -> bool:
    """The speaker's promise said again in other words, which replaces the first wording:
    - after an offer the other side took ("I can send some samples." - "That would help." -
      "Okay, I'll zip up this week's ones and upload them"), named the day for, or only asked
      when of ("Please do. When can I have it?"), unless it adds work ("also");
    - in a correction or translation ("Sorry, I said I'll have a draft ready by Friday")."""
    position = next(
        (
            p
            for p in range(len(found) - 1, -1, -1)
            if found[p][0].owner == found[p][0].speaker == item.speaker
        ),
        None,
    )
    if position is None:
        return False
    previous, kind = found[position]
    sentence = context.sentences[index]
    if not (_own_promise(previous, kind, item.speaker) and item.start - previous.start <= 45):
        return False
    restating = _RESTATING.match(_normal(sentence.text)) is not None
    if not restating:
        between = [
            s
            for s in context.sentences
            if previous.start < s.start < sentence.start and s.speaker != item.speaker
        ]
        took_offer = (
            len(between) >= 1
            # the offer's one reply, not a later turn of the talk
            and len({s.segment for s in between}) == 1
            and (
                _OPENS_WITH_YES.match(_normal(between[0].text))
                or _OFFER_TAKEN.search(between[0].text)
                or _names_the_day(between[0], context)
            )
            # "Please do. When can I have it?": asking only when is no new work
            and not _any_question([s for s in between if not _ASKS_WHEN.search(s.text)])
            and _ALSO.search(sentence.text) is None
            # the same work: named by a pronoun ("email it to you") or by a word of the offer
            and (
                _PRONOUN_OBJECT.search(item.text) is not None
                or re.search(r"\bones?\b", item.text) is not None
                or bool(_stems(item.text) & _stems(previous.text) - {_verb(item.text)})
                # "Skal jeg sende den?": the offer named the work by a pronoun only
                or _OFFERS_IT.search(previous.quote) is not None
            )
            and re.search(
                # "I can't agree to a credit, but I'll…" is no offer
                r"\b(?:i can|i could|jeg kan|jeg kunne|shall i|should i|want me to|skal jeg"
                r"|vil (?:du|i) have,? at jeg)\b(?!'t|n't| not\b| ikke\b)",
                previous.quote,
                re.I,
            )
        )
        if not took_offer:
            return False
    found[position] = (replace(item, due=item.due or previous.due), kind)
    return True


_NO = re.compile(r"^(?:no|nope|nej|nah)\b", re.IGNORECASE)


def _names_the_day(reply: Sentence, context: _Context) -> bool:
    """A reply to an offer that names the day for it ("Jeg kan nulstille adgangskoderne efter
    lukketid." - "Torsdag aften er alle gået hjem"): it takes the offer up."""
    text = _normal(reply.text)
    if _NO.match(text) or text.rstrip().endswith("?"):
        return False
    return find_date(text, context.transcript.meeting.date, weeks=False) is not None


_OFFERS_IT = re.compile(
    r"\b(?:shall i|should i|want me to|skal jeg|vil (?:du|i) have,? at jeg)\s+\w+"
    r"\s+(?:(?:you|dig|jer)\s+)?(?:it|that|this|them|those|den|det|dem|dét)\s*\?",
    re.IGNORECASE,
)


_RELAYING = re.compile(
    r"^(?:sorry|undskyld|in english|på dansk|på engelsk)\b|\b(?:asked|said|is saying|was saying"
    r"|mentioned|spurgte|sagde|siger|nævnte)\b",
    re.IGNORECASE,
)
"""A turn that relays what someone said to a colleague ("Sorry Emma, Morten asked about…")."""


def _translates(found: list[_Found], item: ActionItem, index: int, context: _Context) -> bool:
    """The speaker's own promise said again in the other language for a colleague ("…det
    finder jeg ud af." - "Sorry Emma, Morten asked about hosting. I'll check with our platform
    team."): one task, the first wording, dated by either."""
    sentence = context.sentences[index]
    if not _RELAYING.search(context.transcript.segments[sentence.segment].text):
        return False
    for position in range(len(found) - 1, -1, -1):
        previous, kind = found[position]
        if item.start - previous.start > 30:
            return False
        if (
            _own_promise(previous, kind, item.speaker)
            and None not in (previous.language, item.language)
            and previous.language != item.language
        ):
            found[position] = (replace(previous, due=previous.due or item.due), kind)
            return True
    return False


def _spells_out(found: list[_Found], item: ActionItem, index: int, context: _Context) -> bool:
    """The speaker's short yes or "<verb> it" followed, in the same turn, by what they will do:
    "Ja, den ordner jeg. Jeg ringer til dem i morgen og …" is one task, the second wording."""
    if not found or index == 0:
        return False
    previous, kind = found[-1]
    before = context.sentences[index - 1]
    if not (
        _own_promise(previous, kind, item.speaker)
        and previous.quote == before.text
        and before.segment == context.sentences[index].segment
        and (
            has_object_pronoun(previous.text)
            or len(words(previous.text)) <= 2
            # "Det gør jeg." taking on what was just said, then the work in the speaker's words
            or _ACCEPTANCE.match(_normal(previous.quote)) is not None
            or _TAKES_ON_THE_MATTER.match(_normal(previous.quote)) is not None
        )
        and not has_object_pronoun(item.text)
        and _ALSO.search(context.sentences[index].text) is None
    ):
        return False
    taken_on = _TAKES_ON_THE_MATTER.match(_normal(previous.quote)) is not None
    quote = f"{previous.quote} {item.quote}" if taken_on else item.quote
    found[-1] = (replace(item, quote=quote, due=item.due or previous.due), kind)
    return True


_TAKES_ON_THE_MATTER = re.compile(
    r"^(?:(?:ja|jo|okay|fint|godt)[,.]?\s+)*(?:det|den|dem)(?:\s+\w+)?\s+"
    r"(?:(?:tager|klarer|ordner) jeg|(?:vil|kan) jeg(?: gerne| godt)? påtage mig)"
    r"(?:[.!]|,\s*(?:for|fordi|da)\b[^?]*)?$",
    re.IGNORECASE,
)
"""Work taken on by naming the matter put to one ("Det spørgsmål tager jeg, for …", "Det vil
jeg gerne påtage mig"): the next sentence says what the work is, and both quote the task (the
one asked may be looked for by either)."""


_IT_AFTER_VERB = re.compile(
    # "find ud af det", "look into it": a verb with its particle before the pronoun
    r"^\S+\s+(?:(?:ud af|ud|op|ind|igennem|out|up|into|through|over)\s+)?"
    r"(?:den|det|dem|it|them|that|those)\b",
    re.IGNORECASE,
)


def _elaborates(found: list[_Found], item: ActionItem, index: int, context: _Context) -> bool:
    """An undated "<verb> it" right after the speaker's own promise in the same turn says how
    that work is done ("Den har du i morgen. Jeg kan trække den pr. ejendom."): one task, the
    sentence quoted with it."""
    if not found or index == 0 or item.due is not None or not _IT_AFTER_VERB.match(item.text):
        return False
    if _CONSULTS.match(item.text):
        return False  # "Det skal jeg lige vende med min chef først": other work, a task too
    previous, kind = found[-1]
    before = context.sentences[index - 1]
    if not (
        previous.owner == item.speaker
        and previous.quote.endswith(before.text)
        and before.segment == context.sentences[index].segment
        and _ALSO.search(context.sentences[index].text) is None
    ):
        return False
    found[-1] = (replace(previous, quote=f"{previous.quote} {item.quote}"), kind)
    return True


_ABOUT_IT = re.compile(
    r"^(?:(?:and|so|now|og|så)\s+)?(?:[A-ZÆØÅ][\w-]*,\s+)?(?:about|regarding|as for|as to"
    r"|om|angående|vedrørende|med hensyn til|hvad angår)\s+(?:the|that|those|this|these|your"
    r"|our|den|det|de|dem|denne|disse|jeres|vores|\w+(?:en|et|ene|erne))\b[^,.?!]{0,40},",
    re.IGNORECASE,
)
"""A sentence that opens by naming a matter already on the table: "And about the deck, …",
"Og om tilbuddet, Frederik, …"."""


def _about_a_task_found(
    found: list[_Found], item: ActionItem, index: int, context: _Context
) -> bool:
    """ "I'll send a quote on Friday." … "And about the quote, I'll put the licences in it
    too.": an undated sentence that opens by pointing back to a matter, said of work its owner
    already has, adds a detail to that task, no task of its own."""
    if item.due is not None or _ABOUT_IT.match(_normal(context.sentences[index].text)) is None:
        return False
    owner = item.owner if item.owner is not None else item.speaker
    return any(previous.owner == owner for previous, kind in found if kind != "declined")


_OFFER_TAKEN = re.compile(
    r"\b(?:please do|yes please|ja tak|that would (?:help|be great)|gør det|det vil jeg gerne"
    # "Det ville være fint, men kun hvis han har lyst": taken, with a reservation
    r"|(?:det|that|it)(?:'d| would| ville| vil)(?: really| virkelig)? (?:be |være )?(?:fint"
    r"|godt|dejligt|super|perfekt|en hjælp|rart|great|good|fine|helpful|perfect|nice|lovely"
    r"|useful|brilliant))\b",
    re.IGNORECASE,
)


def _continues(item: ActionItem) -> bool:
    """A second clause that only adds a date to the first: "…, I'll have names for you by
    Monday", "…, I'll get back to you by Thursday"."""
    return (
        _PRONOUN_OBJECT.search(item.text) is not None
        or _REPORTS_BACK.match(item.text) is not None
        or re.match(
            r"(?:have|get back|come back|let you know|vend tilbage|have \w+ klar)", item.text, re.I
        )
        is not None
    )
