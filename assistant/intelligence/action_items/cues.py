"""The cues in a sentence that may open a task, found with the rules of its language."""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.intelligence.action_items.model import _Context, _normal
from assistant.intelligence.action_items.rules import _QUOTING, Kind, _Rules
from assistant.intelligence.action_items.rules_da import (
    _DA,
    _DA_FILLER,
    _DA_IMPERATIVE_VERBS,
    _DA_PRESENT_RE,
    _DA_ROLE_VERBS,
)
from assistant.intelligence.action_items.rules_en import (
    _EN,
    _EN_IMPERATIVE_VERBS,
    _EN_ROLE_VERBS,
    _EN_VERBS_3RD,
)
from assistant.intelligence.dates import find_date
from assistant.intelligence.sentences import Sentence

_Cand = tuple[Kind, re.Match[str], float, bool, str | None]
"""A cue found in a sentence: kind, match, confidence, whether a verb follows, named owner."""


def _rules_for(language: str | None) -> tuple[_Rules, ...]:
    # The other language's rules come second: code-switching happens inside sentences too.
    if language == "da":
        return (_DA, _EN)
    if language == "en":
        return (_EN, _DA)
    if language is None:
        return (_EN, _DA)
    return ()


def _code(rules: _Rules) -> str:
    return "da" if rules is _DA else "en"


_IMPERATIVE_VERBS = {"en": _EN_IMPERATIVE_VERBS, "da": _DA_IMPERATIVE_VERBS}


_QUOTED = re.compile(r"[\"“„«][^\"“”„«»]*[\"”»]")


def _candidates(text: str, context: _Context, rules: _Rules) -> list[_Cand]:
    # Words inside quotation marks were said by someone else: blanked, so offsets still hold.
    text = _QUOTED.sub(lambda m: " " * len(m.group()), text)
    return (
        _handoff(text, context, rules)
        + _assignment(text, context, rules)
        + _imperatives(text, context, rules)
        + _cues_in(text, rules)
    )


def _has_cue(sentence: Sentence, context: _Context) -> bool:
    text = _normal(sentence.text)
    return any(_candidates(text, context, rules) for rules in _rules_for(sentence.language))


def _cues_in(text: str, rules: _Rules) -> list[_Cand]:
    return [
        (cue.kind, m, cue.confidence, cue.verb_follows, None)
        for cue in rules.cues
        for m in cue.pattern.finditer(text)
    ]


_OPENER = (
    r"(?:^|(?<=[,;:]\s)|\b(?:so|and|then|okay|ok|fine|right|alright|good|great|så|og"
    r"|okay så|fint|godt|tomorrow|today|tonight|later|afterwards|next week|i morgen|i dag"
    r"|bagefter|senere|i næste uge|action items?|to-?dos?|opgaver)\s+)"
)
"""What may come before a name that opens an assignment ("So Maria takes…", "Tomorrow Ana…")."""


@lru_cache(maxsize=64)
def _assignment_patterns(
    names: str, danish: bool, opener: str = _OPENER
) -> tuple[tuple[re.Pattern[str], bool], ...]:
    """The two assignment patterns (a modal, a third-person verb) for these names, compiled
    once per meeting rather than once per sentence."""
    if danish:
        modal = rf",?\s+(?:skal nok|skal|vil|kan) (?!du\b|i\b|vi\b|jeg\b){_DA_FILLER}"
        third = rf",?\s+{_DA_FILLER}(?=(?:{_DA_PRESENT_RE})\b)"
    else:
        modal = (
            r"(?:'ll|\s+will|\s+is going to|'s going to|\s+is gonna|\s+to|\s+can|\s+needs to"
            r"|\s+has to|\s+should|\s+must|\s+is to)\s+(?!you\b|we\b|i\b)"
        )
        third = r"\s+(?=(?:" + "|".join(_EN_VERBS_3RD) + r")\b)"
    # "Let's have Nina call them", "I'd like Nina to…", "Can Nina…?", "Lad Nina tage…".
    asking = (
        r"\b(?:lad|få|kan|vil|skal|kunne)\s+(?P<name>" + names + r")\s+(?:ikke\s+)?"
        if danish
        else r"\b(?:let's have|let's get|i'd like|i want|we need|can|could|would)\s+"
        r"(?P<name>" + names + r")\s+(?:to\s+)?(?!be\b|have\b|do you\b)"
    )
    return (
        *(
            (re.compile(opener + r"(?P<name>" + names + r")" + tail, re.IGNORECASE), follows)
            for tail, follows in ((modal, False), (third, True))
        ),
        (re.compile(asking, re.IGNORECASE), False),
    )


_ROLES = {
    True: re.compile(rf"(?:{'|'.join(_DA_ROLE_VERBS)})\b", re.IGNORECASE),
    False: re.compile(rf"(?:{'|'.join(_EN_ROLE_VERBS)})\b", re.IGNORECASE),
}


_DOES = re.compile(r"\s*(?:does|do|gør|laver)\b", re.IGNORECASE)
_INTRODUCES = re.compile(
    r"\b(?:i'm the|i am the|i'm in charge of|i look after|i run|i handle|i manage|i head"
    r"|my name is|jeg er (?:den|ansvarlig|chef|leder|direktør|indehaver)|jeg står for"
    r"|jeg tager mig af|jeg har ansvaret for|jeg leder)\b",
    re.IGNORECASE,
)
"""People introduced by what they do: "I'm the quarry manager, Amira runs finance"."""


def _lists_roles(text: str, rules: _Rules) -> bool:
    """A sentence that introduces people by their roles ("I'm the site manager, Bo runs
    finance and Cai does dispatch", "jeg står for driften, og Bo gør vores IT"): its "X
    does Y" is a role too."""
    return _INTRODUCES.search(text) is not None or (_ROLES[rules is _DA].search(text) is not None)


def _assignment(text: str, context: _Context, rules: _Rules) -> list[_Cand]:
    """ "Maria takes the demo", "Peter skal nok ringe": the named participant's task."""
    found = _absent_assignment(text, context, rules)
    if context.names is None:
        return found
    danish = rules is _DA
    for pattern, verb_follows in _assignment_patterns(context.names, danish):
        for m in pattern.finditer(text):
            pid = context.name_ids.get(m["name"].lower())
            if pid is None:
                continue
            if (
                verb_follows
                and _ROLES[danish].match(text, m.end())
                and find_date(text, context.transcript.meeting.date, weeks=False) is None
            ):
                continue  # "Kasper handles the German accounts": a role, not a task
            if (
                verb_follows
                and _DOES.match(text, m.end())
                and _lists_roles(text, rules)
                and find_date(text, context.transcript.meeting.date, weeks=False) is None
            ):
                continue  # "I'm the site manager, and Cai does dispatch": a role
            found.append(("assignment", m, 0.85, verb_follows, pid))
    return found


def _absent_assignment(text: str, context: _Context, rules: _Rules) -> list[_Cand]:
    """ "Karen will change the mapping", "så må Lone sende jer et eksempel" said of someone
    said not to be in the meeting: a task without an owner in the room (owner None)."""
    if context.absent is None:
        return []
    danish = rules is _DA
    found: list[_Cand] = []
    names = rf"(?-i:{context.absent})"
    patterns = _assignment_patterns(names, danish, _ABSENT_OPENER)
    if danish:
        # "så må Lone sende …": the verb before the name after "så"
        patterns += ((_absent_inverted(names), False),)
    else:
        patterns += ((_absent_progressive(names), False),)
    for pattern, verb_follows in patterns:
        for m in pattern.finditer(text):
            if verb_follows and _ROLES[danish].match(text, m.end()):
                continue  # "Lone handles payroll": a role
            found.append(("assignment", m, 0.7, verb_follows, None))
    return found


_ABSENT_OPENER = _OPENER.replace("(?:so|and|", "(?:but|men|so|and|", 1)
"""Work of someone away is mostly said against their absence: "…, but Karen will …"."""


@lru_cache(maxsize=64)
def _absent_inverted(names: str) -> re.Pattern[str]:
    return re.compile(rf"\bså\s+(?:må|skal)\s+(?P<name>{names})\s+", re.IGNORECASE)


@lru_cache(maxsize=64)
def _absent_progressive(names: str) -> re.Pattern[str]:
    """ "Sanne is translating the one-pager": work under way that will be handed over."""
    return re.compile(rf"{_ABSENT_OPENER}(?P<name>{names})\s+is\s+(?=\w+ing\b)", re.IGNORECASE)


_HANDOFF_EN = r"\s+(?:is|are)\s+(?:all\s+)?(?:yours|on you|with you|your job|for you)\b"
_HANDOFF_DA = r"\s+er\s+(?:din|dit|dine|på dig|din opgave)\b(?!\s+\w)"
"""Danish "din" must end the clause: "det er din tur" hands nothing over."""
_HANDOFF_WORDS = re.compile(
    r"\b(?:yours|on you|with you|your job|for you|din|dit|dine|på dig|tager du|klarer du"
    r"|ordner du|you take)\b",
    re.I,
)
_TAKE_IT = (
    r"(?P<x>den|det|dem)\s+(?:tager|klarer|ordner)\s+du\b"
    r"|you(?:'ll| will)?\s+take\s+(?P<x2>that|this|it)(?: one)?\b"
)
"""A chair's "den tager du", "you take that one": the work just named, handed over."""
_LABEL_WORDS = re.compile(r"\b(?:action|to-?do|opgave)\b", re.IGNORECASE)
_NOT_A_PRONOUN = r"(?!(?:it|det)\s+(?:is|er)\b)"
"""Not "it is yours" / "det er din" alone: too often about a turn or a choice, not work."""


@lru_cache(maxsize=64)
def _handoff_patterns(names: str, danish: bool) -> tuple[re.Pattern[str], ...]:
    tail = _HANDOFF_DA if danish else _HANDOFF_EN
    work = rf"(?P<x>{_NOT_A_PRONOUN}[^,.;?!]{{3,80}}?)"
    label = r"(?:opgave|action|to-?do)(?: item)?" if danish else r"(?:action|to-?do)(?: item)?"
    return (
        re.compile(
            rf"(?:^|(?<=[,;:.]\s)|\b(?:so|and|then|okay|ok|fine|great|så|og|godt|fint)[,]?\s+)"
            rf"(?P<name>{names})[,:]?\s+{work}{tail}",
            re.IGNORECASE,
        ),
        re.compile(rf"(?:^|(?<=[,;:.]\s)){work}{tail},?\s+(?P<name>{names})\b", re.IGNORECASE),
        # "Julie, den tager du", "…ellers når vi det ikke julie den tager du".
        re.compile(rf"\b(?P<name>{names}),?\s+(?:{_TAKE_IT})", re.IGNORECASE),
        # "Amira, så er den din", "Amira, then it's yours": the work just named, handed over.
        re.compile(
            rf"\b(?P<name>{names}),?\s+(?:(?:så|then|so)\s+)?(?:er\s+(?P<x>den|det|dem)\s+"
            rf"(?:din|dit|dine)|(?P<x2>it|that|this)(?: one)?(?:'s|\s+is)\s+(?:all\s+)?yours)\b",
            re.IGNORECASE,
        ),
        # "Action for Nina: update the deck", "Opgave til Nina: opdater præsentationen".
        re.compile(
            rf"^(?:\w+[,.]?\s+)?{label}\s+(?:for|on|to|til|for)\s+(?P<name>{names})\s*[:,-]\s*",
            re.IGNORECASE,
        ),
    )


def hands_on(text: str, context: _Context, rules: _Rules) -> bool:
    """Whether ``text`` hands the work just named to someone ("Amira, så er den din")."""
    return any(
        re.fullmatch(r"den|det|dem|it|that|this", (m.groupdict().get("x") or m["x2"] or ""), re.I)
        for _, m, *_ in _handoff(text, context, rules)
        if m.groupdict().get("x") or m.groupdict().get("x2")
    )


def _handoff(text: str, context: _Context, rules: _Rules) -> list[_Cand]:
    """A chair handing work to someone: "Nina, the reference call is yours", "Anders, tilbuddet
    er dit". The match's group ``x`` is the work handed over."""
    if context.names is None or not (_HANDOFF_WORDS.search(text) or _LABEL_WORDS.search(text)):
        return []
    found: list[_Cand] = []
    for pattern in _handoff_patterns(context.names, rules is _DA):
        for m in pattern.finditer(text):
            pid = context.name_ids.get(m["name"].lower())
            if pid is not None:
                found.append(("request", m, 0.85, False, pid))
    return found


def _imperatives(text: str, context: _Context, rules: _Rules) -> list[_Cand]:
    """An order opening the sentence, maybe after a name: "Leo, send me two dates",
    "Så læs den inden fredag"."""
    if text.endswith("?") or _QUOTING.search(text):
        return []
    verbs = "|".join(_IMPERATIVE_VERBS[_code(rules)])
    name = rf"(?:(?:{context.names}),\s+)?" if context.names else ""
    pattern = re.compile(
        r"^(?:(?:so|and|then|okay|ok|great|good|så|og|ja|godt)[,.]?\s+)*"
        + r"(?:(?:everyone|everybody|all of you|alle sammen|alle)[,]?\s+)?"
        + name
        + rf"(?:please\s+|just\s+|lige\s+)?(?=(?:{verbs})\b)",
        re.IGNORECASE,
    )
    m = pattern.match(text)
    if m is None and context.names:
        # Said to someone by name, an order may open with any verb of work: "Emma, get the
        # branch managers on a call", "Jonas, saml tallene til fredag".
        named = re.compile(
            r"^(?:(?:so|and|then|okay|ok|great|good|så|og|ja|godt)[,.]?\s+)*"
            + rf"(?:{context.names}),\s+(?:please\s+|just\s+|lige\s+)?"
            + rf"(?=(?:{'|'.join(_NAMED_ORDER_VERBS[_code(rules)])})\b)",
            re.IGNORECASE,
        )
        m = named.match(text)
    return [("request", m, 0.7, False, None)] if m else []


_NAMED_ORDER_VERBS = {
    "en": (
        *("set up", "pull", "put together", "organise", "organize", "arrange", "clean"),
        *("tidy", "collect", "gather", "contact", "talk to", "sort out", "look into", "find"),
        *("make", "draw up", "chase", "ring", "phone", "prepare", "book", "build"),
    ),
    "da": (
        *("saml", "ryd", "hent", "skaf", "få", "sørg for", "sæt", "ordn", "undersøg"),
        *("arranger", "planlæg", "indkald", "tal med", "snak med", "byg", "rens", "opret"),
    ),
}
"""Verbs of an order said to someone by name, besides the plain imperatives."""
