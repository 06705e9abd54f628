"""The form that commits, which every task a cue opens must have beyond its work (see
`structure`): an offer taken up, a Danish or English present tense anchored in time, a
question answered with a yes or handed on (`_has_commitment_structure`,
`_taken_on_in_reply`)."""

from __future__ import annotations

import re

from assistant.intelligence.action_items.cues import _rules_for, hands_on
from assistant.intelligence.action_items.model import _Context, _normal
from assistant.intelligence.action_items.pronouns import has_object_pronoun
from assistant.intelligence.action_items.rules_da import _DA_PRESENT_RE
from assistant.intelligence.action_items.structure import (
    _DECLINE,
    _TAKES_ON,
    _reply,
    answered_with_assent,
    danish_present_is_promise,
    done_on_the_spot,
    is_work,
    offer_is_taken,
    states_a_routine,
)
from assistant.intelligence.dates import find_date

_EVERYONE_DA = re.compile(r"(?:alle|allesammen|hver)\b", re.IGNORECASE)
"""The opening of a Danish order to everyone ("alle opdaterer…", "hver af jer sender…")."""
_OFFER_CUE = re.compile(
    r"^(?:i can|jeg kan(?: godt)?|(?:kan) jeg|(?:i'm |i am |i'd be )?(?:more than )?(?:happy|glad)"
    r" to)\b",
    re.IGNORECASE,
)
_ASKED = re.compile(
    r"^(?:[\w']+,\s*)?(?:(?:so|and|og|så)\s+)?(?:can|could|would|will|kan|kunne|vil|gider)\s+"
    r"(?:you|du|I)\b"
    # an upper-case transcript has neither question marks nor commas: "UM TOM COULD YOU …"
    r"|^(?:(?:UM|UH|ER|ØH|ØHM|OKAY|SO|AND|OG|SÅ)\s+)*(?:[A-ZÆØÅ']+\s+)?"
    r"(?:CAN|COULD|WOULD|WILL|KAN|KUNNE|VIL|GIDER)\s+(?:YOU|DU|I)\b",
)


def _has_commitment_structure(
    kind: str,
    cue: re.Match[str],
    verb_follows: bool,
    task: str,
    had_date: bool,
    named: bool,
    index: int,
    context: _Context,
) -> bool:
    """The structure every task must have beyond its cue (see `structure`): work with an
    object, and a form that commits: an offer taken up, a Danish present tense anchored in
    time, a question answered with a yes."""
    sentence = context.sentences[index]
    danish = sentence.language == "da"
    said = cue.group(0).strip()
    text = _normal(sentence.text)
    # Danish puts the object first and the verb after it: "Lønsedlerne tjekker jeg".
    clause_start = max((m.end() for m in re.finditer(r"[,;:.!?]", text[: cue.start()])), default=0)
    opening = text[clause_start : cue.start()]
    fronted = re.fullmatch(r"\s*(?:(?:og|and|men|but|so|then)\s+)*", opening, re.I) is None
    if done_on_the_spot(task, had_date):
        return False
    if kind == "request" and _OPEN_INVITATION.search(text[cue.end() :]):
        return False  # "Ring endelig, hvis der er noget": an open offer to help, no task
    if (
        kind in ("commitment", "group")
        and verb_follows
        and danish
        and states_a_routine(task, index, context, had_date)
    ):
        return False
    if (
        kind == "commitment"
        and verb_follows
        and danish
        and not had_date
        and not _KNOWN_PRESENT.match(text, cue.end())
    ):
        return False  # "jeg bogfører bilagene": any verb in the present needs a date
    if (
        kind in ("commitment", "group")
        and verb_follows
        and danish
        and had_date
        and not _KNOWN_PRESENT.match(text, cue.end())
        and _GOES_SOMEWHERE.match(task) is not None
        and _VISITS.search(task) is None
        and not has_object_pronoun(task)
        and not danish_present_is_promise(index, context, had_date=False)
    ):
        # "Jeg flyver til Oslo i morgen", "jeg holder fri på fredag": the speaker's calendar,
        # a verb not known as work with no object; a promise when it answers someone or
        # follows a "så".
        return False
    if (
        kind in ("commitment", "group")
        and verb_follows
        and not danish
        and not had_date
        and _EN_THEN.search(text[: cue.start()]) is None
        and not _answers_request(index, context)
    ):
        return False  # "I call them when they order": how it goes, not a plan
    if kind in ("commitment", "group") and verb_follows and not danish and _NAMING.match(task):
        return False  # "I call it the green list": a name, not a call
    if kind == "group" and verb_follows and danish and not had_date and _EVERYONE_DA.match(said):
        return False  # "alle bruger appen": how it is, not an order, without a date
    if kind == "group" and verb_follows and danish and not had_date and clause_start > 0:
        return False  # "…, så finder vi en dag": what follows, not a task of its own
    if kind == "commitment" and not had_date and _OWN_ROLE.match(task) and not fronted:
        return False  # "jeg tager mig af alle kunderne i Jylland": the speaker's role
    if kind == "commitment" and _OFFER_CUE.match(said):
        taken = offer_is_taken(index, context, had_date)
        return taken and is_work(task, danish, firm=True, fronted_object=fronted)
    if kind == "assignment" and _CAN.search(said) and not offer_is_taken(index, context, had_date):
        return False  # "Sofie kan også sende jer en liste" - "Det behøver I ikke": an offer
    if kind == "request" and _SEEN_HERE.match(task):
        return False  # "Her kan I se forbruget time for time": shown in the meeting
    if kind == "request" and (text.rstrip().endswith("?") or _ASKED.match(text)):
        answered = answered_with_assent(index, context) or _handed_on(index, context)
        return answered and is_work(task, danish, firm=True, fronted_object=fronted)
    if kind == "group" and _OPINION.search(text[: cue.start()]):
        return False  # "Jeg tror, vi skal sende den til Peter": what should happen
    # A group promise ("we'll…") needs work known as such: "we're going to grow 40 %" is a plan
    # of the company, not a task.
    firm = (
        kind == "assignment"
        or (kind == "request" and named)
        or (kind == "commitment" and not verb_follows and _FIRM.match(said) is not None)
        or (kind == "commitment" and had_date)
    )
    return is_work(task, danish, firm=firm, fronted_object=fronted)


def _taken_on_in_reply(index: int, context: _Context) -> bool:
    """Someone else's reply to sentence ``index`` takes the work on, in either language ("I'll
    take care of it", "Jeg tager mig af det") or names a day for it."""
    position = _reply(index, context)
    if position is None:
        return False
    text = _normal(context.sentences[position].text)
    if _DECLINE.match(text) is not None:
        return False
    return (
        _TAKES_ON.search(text) is not None
        or find_date(text, context.transcript.meeting.date, weeks=False) is not None
    )


_EN_THEN = re.compile(
    r"(?:^|[,.;]\s*)(?:(?:yes|yeah|okay|ok|fine|sure|good)[,.]?\s+)*(?:and\s+)?(?:then|so)\s*,?\s*$",
    re.IGNORECASE,
)
"""What anchors an English present in what happens next: "Then I take it to my director"."""


_NAMING = re.compile(r"call (?:it|that|this|them)\s+(?!back\b|up\b|again\b|on\b|about\b)\w", re.I)
_EN_ASKED = re.compile(
    r"\b(?:can|could|would|will) (?:you|somebody|someone|anyone|one of you)\b|\bplease\b"
    r"|^(?:\w+,\s*)?(?:so\s+|and\s+)?who\b",
    re.IGNORECASE,
)
"""A request or a "who does it?" that an English present may answer ("I send it tonight")."""


def _answers_request(index: int, context: _Context) -> bool:
    """Sentence ``index`` answers, in its turn, a request or a "who?" said in the turns just
    before: not a question of how things are done ("How do you handle returns?")."""
    sentence = context.sentences[index]
    turns = 0
    for position in range(index - 1, max(-1, index - 6), -1):
        previous = context.sentences[position]
        if sentence.start - previous.start > 60:
            return False
        if previous.speaker == sentence.speaker:
            if previous.segment != sentence.segment:
                return False
            continue  # earlier in the same turn
        if _EN_ASKED.search(_normal(previous.text)):
            return True
        turns += previous.segment != context.sentences[position + 1].segment
        if turns >= 2:
            return False
    return False


def _handed_on(index: int, context: _Context) -> bool:
    """A question turned down, then handed by the one who asked to someone else: "Daniel, kan
    du tage bageriet?" - "Nej, jeg er booket op." - "Amira, så er den din." """
    asked = context.sentences[index]
    for later in context.sentences[index + 1 : index + 5]:
        if later.start - asked.start > 60:
            return False
        if later.speaker == asked.speaker and any(
            hands_on(_normal(later.text), context, rules) for rules in _rules_for(later.language)
        ):
            return True
    return False


_CAN = re.compile(r"\b(?:can|could|kan|kunne)\b", re.IGNORECASE)
_SEEN_HERE = re.compile(
    r"(?:se|see)\b(?!\s+(?:på|efter|til|om|over|igennem|to|about|if|whether|into)\b)", re.I
)
"""Seeing, not looking into: "her kan I se forbruget" shows; "kan du se på tilbuddet" is work."""
_GOES_SOMEWHERE = re.compile(
    r"\S+\s+(?:til|i|på|hjem|fri|ud|ind|over|hos|fra|ned|op|afsted|væk|syg|ferie|orlov|barsel"
    r"|pause|weekend)\b",
    re.IGNORECASE,
)
"""A verb followed straight by a place or a state, no object: "flyver til Oslo", "holder fri"."""
_VISITS = re.compile(
    rf"\b(?:til|hos) (?:jer|dig|dem|os|ham|hende|kunden|kunderne)\b|\bog (?:{_DA_PRESENT_RE})\b",
    re.IGNORECASE,
)
"""Going to the other side ("kører ud til jer"), or going to do work there ("… og installerer
routeren"): a visit that is a task."""
_OPEN_INVITATION = re.compile(
    r"(?:,\s*|\s+)(?:if|hvis)\s+(?!(?:you can|possible|du kan|det er muligt|i kan"
    r"|(?:vi|we) (?:skal|are to|are going to) (?:nå|make|kunne|hit)|we(?:'re| are) to)\b)",
    re.IGNORECASE,
)
"""A request that hangs on "if…" is an open invitation ("Skriv til mig, hvis noget er
uklart"), unless it only asks whether the other can ("if you can") or says what it is for
("…, hvis vi skal nå at installere i januar")."""
_OWN_ROLE = re.compile(
    r"(?:tag mig af|stå for|hav ansvaret for|har ansvaret for|står for|handle|look after"
    r"|take care of|am responsible for|be responsible for)\s+(?!(?:det|den|dem|it|that|this"
    r"|them)\b)(?:alle|all|hele|the whole|vores|our|most|de fleste)\b",
    re.IGNORECASE,
)
"""A standing role said of oneself: "jeg tager mig af alle vores kunder i Jylland"."""
_KNOWN_PRESENT = re.compile(
    # "Jeg får Bo fra IT til at sende jer koderne": getting someone to do it is work
    # ("får lyst til at", "får lov til at": a wish or a leave, no one set to work)
    rf"(?:{_DA_PRESENT_RE})\b"
    r"|får (?!(?:\w+ )?(?:lyst|lov|mulighed)\b)(?:[\w()-]+ ){1,4}?til at\b",
    re.IGNORECASE,
)
_OPINION = re.compile(
    r"\b(?:i think|i guess|i suppose|i believe|i feel|jeg tror|jeg synes|jeg mener|jeg tænker"
    # the plan for the meeting itself: "jeg tænkte, vi kigger på ordrer og oplæring"
    r"|jeg tænkte|i thought|i was thinking|maybe|perhaps|måske)\b[^.?!]*$",
    re.IGNORECASE,
)
_FIRM = re.compile(
    r"(?:i|we|jeg|vi)\b(?!\s+kan\b)|(?:i|we)(?:'ll|'m|'re)|(?:\w+ )?(?:skal|vil) (?:jeg|vi)\b",
    re.IGNORECASE,
)
"""A firm form of promise ("I'll", "I have to", "jeg skal", "vi vil"), which may name work with
any verb; not an offer ("jeg kan"), a present tense or a "let me"."""
