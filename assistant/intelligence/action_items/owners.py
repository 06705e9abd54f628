"""Who owns an item (the speaker, the speaker's team, a named participant or the person
addressed), and how an owner is shown to people."""

from __future__ import annotations

import re

from assistant.intelligence.action_items.model import _Context
from assistant.intelligence.action_items.rules import _EVERYONE, _PLURAL_YOU, _THING_PRONOUNS, Kind
from assistant.intelligence.sentences import words
from assistant.transcript import Participant

TEAM = "team"
"""Owner of a group commitment when sides are unknown; ``team:internal`` / ``team:external``
when the speaker's side is known."""


def team_owner(side: str | None) -> str:
    return f"{TEAM}:{side}" if side else TEAM


def first_name(participant: Participant) -> str | None:
    """The first word of a participant's name, lower-case: what a turn may call them by. None
    for a placeholder ("Speaker 1", "Left channel"), which no one says."""
    said = participant.name.split()[:1] if participant.name_source != "placeholder" else []
    return said[0].lower() if said else None


def owner_name(owner: str | None, names: dict[str, str], language: str | None = "en") -> str:
    """How to show an owner to people: a participant's name, the team, or "—"."""
    if owner is None:
        return "—"
    if owner.startswith(TEAM):
        danish = language == "da"
        if owner == f"{TEAM}:internal":
            return "vores team" if danish else "our team"
        if owner == f"{TEAM}:external":
            return "kunden" if danish else "the customer"
        return "teamet" if danish else "the team"
    return names.get(owner, owner)


def _strip_vocative(task: str, context: _Context) -> str:
    """The task without the name of the one addressed: at its end after a comma ("…, Nina"),
    or right after its pronoun object ("så laver du den emil og sender den rundt")."""
    if context.names is None:
        return task
    task = re.sub(rf",\s*(?:{context.names})\s*([.?!]*)$", r"\1", task, flags=re.IGNORECASE)
    return re.sub(
        rf"^((?:\S+\s+){{1,2}}?{_OBJECT_PRONOUN}),?\s+(?:{context.names})"
        r"(?=,|\s+(?:og|and|så|then)\b|\s*[.!?]*$),?",
        r"\1",
        task,
        flags=re.IGNORECASE,
    )


_OBJECT_PRONOUN = rf"(?:{_THING_PRONOUNS})"


def _team_of(speaker: str, context: _Context) -> str:
    try:
        return team_owner(context.transcript.participant(speaker).side)
    except KeyError:
        return team_owner(None)


_ALL_OF_YOU = re.compile(
    r"\b(?:everyone|everybody|all of you|alle sammen|allesammen"
    # not "alle de rabatkoder", "alle jeres butikker": all of some things
    r"|alle(?! (?:de|dem|disse|jeres|vores|deres|mine|dine|sine|[\w-]+(?:erne|ene|er))\b))\b",
    re.IGNORECASE,
)


_EVERYONE_ON_THE_CALL = re.compile(
    r"\b(?:everyone|everybody)\b"
    r"(?!\s+(?:on|in|at|from|of)\s+(?:our|your|their|my|the|this team)\b)",
    re.IGNORECASE,
)
"""Everyone, with no side named ("everybody checks the plan", not "everybody on your side")."""


def _everyone_answered_by_the_other_side(index: int, context: _Context) -> bool:
    """ "So everybody checks the plan by Wednesday." - "Yes, we do it" from the other side: an
    order to everyone that the other side answers is for all in the meeting, not only the
    speaker's team (whose own "Got it" leaves it a chair's order to her team)."""
    sentence = context.sentences[index]
    if _EVERYONE_ON_THE_CALL.search(sentence.text) is None:
        return False
    segments = context.transcript.segments
    reply = next(
        (s for s in segments[sentence.segment + 1 :] if s.speaker != sentence.speaker), None
    )
    if reply is None:
        return False
    own, theirs = _team_of(sentence.speaker, context), _team_of(reply.speaker, context)
    return TEAM not in (own, theirs) and own != theirs


def _may_answer(owner: str | None, speaker: str, context: _Context) -> bool:
    """Whether ``speaker`` may take on a request made to ``owner``: to them, to nobody in
    particular, or to their side as a group ("Kan I…?" - "Ja, det skriver jeg ind")."""
    return owner in (speaker, None) or (
        owner is not None and owner != TEAM and owner == _team_of(speaker, context)
    )


def _sides(context: _Context) -> set[str]:
    return {p.side for p in context.transcript.participants if p.side}


def _addressed_team(index: int, context: _Context) -> str:
    """Who a request to many is for: "we all" with both sides present ``team:all``; a chair's
    "everyone" the speaker's team; "you" in the plural ("Kan I…", "jeres") the other side,
    when sides are known."""
    sentence = context.sentences[index]
    speaker_team = _team_of(sentence.speaker, context)
    if _EVERYONE.search(sentence.text):
        return f"{TEAM}:all" if len(_sides(context)) > 1 else speaker_team
    if _everyone_answered_by_the_other_side(index, context):
        return f"{TEAM}:all"  # "And everyone, please make sure…" - "Yes, we do it" (the customer)
    if _ALL_OF_YOU.search(sentence.text):
        return speaker_team  # a chair's "everyone, please…"
    named = _named_teams(sentence.text, context)
    if len(named) == 1:
        return named.pop()  # "Thomas og Nanna, kan I to…": the side of those named
    others = _sides(context) - {speaker_team.partition(":")[2]}
    if speaker_team != TEAM and len(others) == 1:
        return team_owner(others.pop())
    return speaker_team


def _named_teams(text: str, context: _Context) -> set[str]:
    """The teams of the participants named at the opening of ``text`` ("Thomas og Nanna, …")."""
    if context.names is None:
        return set()
    opening = re.match(
        rf"^(?:\w+[,.]?\s+)?(?P<names>(?:(?:{context.names})(?:,\s*|\s+(?:og|and|&)\s+))+"
        rf"(?:{context.names})?),",
        text,
        re.IGNORECASE,
    )
    if opening is None:
        return set()
    ids = {
        context.name_ids[name.lower()]
        for name in re.findall(rf"\b(?:{context.names})\b", opening["names"], re.IGNORECASE)
        if name.lower() in context.name_ids
    }
    return {_team_of(pid, context) for pid in ids} - {TEAM}


def _several_named(text: str, context: _Context) -> bool:
    """Whether ``text`` opens by naming two or more participants ("Kasper og Nadia, …")."""
    if context.names is None:
        return False
    opening = re.match(
        rf"^(?:\w+[,.]?\s+)?(?:{context.names})(?:,\s*|\s+(?:og|and|&)\s+)(?:{context.names}),",
        text,
        re.IGNORECASE,
    )
    return opening is not None


def _group_owner(index: int, context: _Context) -> str:
    """A group commitment's owner: the speaker's team; everyone ("vi skal alle sammen…") with
    both sides present is ``team:all``."""
    sentence = context.sentences[index]
    if (_EVERYONE.search(sentence.text) and len(_sides(context)) > 1) or (
        _everyone_answered_by_the_other_side(index, context)
    ):
        return f"{TEAM}:all"
    return _team_of(sentence.speaker, context)


def _plural_addressee(index: int, context: _Context) -> bool:
    sentence = context.sentences[index]
    following = context.sentences[index : index + 2]
    return any(
        s.segment == sentence.segment and _PLURAL_YOU.search(s.text) is not None for s in following
    )


def _owner(
    kind: Kind, named: str | None, text: str, index: int, context: _Context
) -> tuple[str | None, bool]:
    """The owner and whether a name decided it."""
    sentence = context.sentences[index]
    if kind == "commitment":
        pair = _with_someone(index, context)
        if pair is not None:
            return pair, False
        return sentence.speaker, False
    if kind == "assignment" or named is not None:
        return named, True
    if kind == "group":
        return _group_owner(index, context), False
    return _addressee(text, index, context)


_AND_I = re.compile(
    r"(?:^|[,.;:]\s*|\b(?:så|then|so|and|og|okay|ok)\s+)(?P<name>[A-ZÆØÅ][\w-]+)\s+(?:og|and|&)\s+"
    r"(?:jeg|I)\s+(?!(?:am|are|was|were|have|had|er|var|har|havde|is)\b)",
    re.IGNORECASE,
)
"""Two owners who name themselves: "Ida and I will …", "så Rasmus og jeg sætter …"."""


def _with_someone(index: int, context: _Context) -> str | None:
    """The owner of work a speaker takes on with someone else ("Ida and I will put the slides
    together"): the speaker's team, or everyone when the other is on the other side."""
    sentence = context.sentences[index]
    for match in _AND_I.finditer(sentence.text):
        name = match["name"]
        if name.lower() in _NOT_NAMES:
            continue
        known = context.name_ids.get(name.lower())
        if known is None and (name.isupper() or not name[:1].isupper()):
            continue  # in upper or lower case only a participant's name is sure to be one
        if known == sentence.speaker:
            continue
        team = _team_of(sentence.speaker, context)
        if known is not None and team != TEAM and _team_of(known, context) not in (team, TEAM):
            return f"{TEAM}:all"
        return team
    return None


_NOT_NAMES = frozenset({"then", "så", "so", "and", "og", "okay", "ok", "you", "du", "me", "mig"})


def _addressee(text: str, index: int, context: _Context) -> tuple[str | None, bool]:
    """The participant addressed by name ("Maria, can you…", "…, Maria?"), else the only other
    participant, else the next different speaker, else None."""
    sentence = context.sentences[index]
    vocative = _vocative(text, context)
    if vocative is None and index > 0:
        previous = context.sentences[index - 1]
        if previous.segment == sentence.segment and len(words(previous.text)) <= 3:
            vocative = _vocative(previous.text, context)  # "Maria? Could you…"
    if vocative is not None and vocative != sentence.speaker:
        return vocative, True
    others = [p.id for p in context.transcript.participants if p.id != sentence.speaker]
    if len(others) == 1:
        return others[0], False
    if (
        sentence.segment > 0
        and _ANSWERING.match(text)
        and (index == 0 or context.sentences[index - 1].segment != sentence.segment)
    ):
        # "Jeg kan ikke love tallet." - "Så skriv et skøn": the answer to what was just said
        # is for the one who said it.
        said_before = context.transcript.segments[sentence.segment - 1].speaker
        if said_before != sentence.speaker:
            return said_before, False
    for segment in context.transcript.segments[sentence.segment + 1 :]:
        if segment.speaker != sentence.speaker:
            return segment.speaker, False
    return None, False


_ANSWERING = re.compile(r"^(?:(?:okay|ok|fint|godt|good|fine)[,.]?\s+)?(?:så|then)\s", re.I)
"""A turn that opens by answering what was just said: "Så skriv et skøn", "Then send it"."""


_ASKS_YOU = r"(?:kan|kunne|vil|gider|can|could|would|will)\s+(?:du|you)\b"
"""A question put to the one just named, in unpunctuated speech ("… camilla kan du …")."""


def _vocative(text: str, context: _Context) -> str | None:
    if context.names is None:
        return None
    names = context.names
    patterns: tuple[str, ...] = (
        rf"^(?:\w+,?\s+)?(?P<name>{names})\s*[,:?!]",
        rf",\s*(?P<name>{names})\s*[?.!]*$",
        rf"\b(?:you|du)\s*,\s*(?P<name>{names})\s*,",
    )
    if not context.punctuated:
        patterns = (
            rf"^(?P<name>{names})\s+(?:CAN|COULD|WOULD|WILL|KAN|VIL)\b",
            rf"(?P<name>{names})$",
            # "… de er rigtig glade camilla kan du lave et udkast …"
            rf"\b(?P<name>{names})\s+{_ASKS_YOU}",
        )
    for pattern in patterns:
        match = re.search(pattern, text.strip(), re.IGNORECASE)
        if match:
            return context.name_ids.get(match["name"].lower())
    return None
