"""Recaps and hand-outs near a meeting's end: whether a sentence sums up (`_in_recap`), the day a
recap gives to tasks agreed without one (`_dated_by_recap`), and recaps or hand-outs that
repeat work their owners already have (`_sums_up`, `_new_in_handout`, `_own_part_again`)."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.intelligence.action_items.located import _resolved, _sentence_of
from assistant.intelligence.action_items.model import ActionItem, _Context, _Found, _normal
from assistant.intelligence.action_items.owners import TEAM
from assistant.intelligence.action_items.pronouns import has_object_pronoun
from assistant.intelligence.action_items.similarity import _same_stem, _stems, _verb
from assistant.intelligence.dates import find_deadline
from assistant.intelligence.sentences import words

_RECAP = re.compile(
    # not the summary as a thing to send: "Jeg sender jer en opsummering", "I'll send a recap"
    r"(?<!\ba )(?<!\ben )(?<!\bthe )(?<!\bmy )(?<!\bour )(?<!\bmin )"
    r"\b(?:recap|to sum up|summing up|in summary|to summari[sz]e|so on our side|opsummer\w*"
    r"|for at opsummere|kort sagt|kort fortalt|(?:for at |lige )samle op|to recap"
    # said in the first person: "Så samler jeg lige op: …", "Let me just sum up: …"
    r"|samler (?:jeg|vi) (?:lige )?op|(?:let me|lad mig) (?:just |lige )?(?:sum up|samle op)"
    # spoken, unpunctuated: "så vi siger morten kører turene ind og jeg skriver forklaringen"
    r"|^(?:(?:okay|ok|godt|fint|ja)\s+)?så vi siger|^(?:(?:okay|ok|good|fine)\s+)?so we say)\b",
    re.IGNORECASE,
)
"""A sentence that sums up what was agreed: its tasks are repeats of earlier ones."""


_ASKS_RECAP = re.compile(
    r"\b(?:summari[sz]e|sum (?:it|that|this) up|recap|translate|oversætte|opsummere)\b[^.!]*\?"
    r"|\b(?:in english|på engelsk|på dansk)\b[^.!]*\?"
    r"|\b(?:in english|på engelsk|på dansk),? please\b",
    re.IGNORECASE,
)
"""A turn that asks to have what was said summed up or translated: the answer repeats it."""


def _in_recap(index: int, context: _Context) -> bool:
    """The sentence sums up, or follows a sentence of its own that opens a recap in the same
    turn ("Så lad os lige runde af. Du laver listen, og jeg…")."""
    sentence = context.sentences[index]
    previous = context.sentences[index - 1] if index > 0 else None
    if sentence.segment > 0:
        asked = context.transcript.segments[sentence.segment - 1]
        if asked.speaker != sentence.speaker and _ASKS_RECAP.search(asked.text):
            return True  # "Can someone summarise that for me?" - "Of course. We install…"
    return _RECAP.search(sentence.text) is not None or (
        previous is not None
        and previous.segment == sentence.segment
        and (
            _RECAP.search(previous.text) is not None
            or _WRAP_UP.fullmatch(_normal(previous.text)) is not None
        )
    )


def _own_part_again(item: ActionItem, found: list[_Found], index: int, context: _Context) -> bool:
    """ "Så kort fortalt: Kristian kører importen, og I godkender brugerne." - "Og jeg skriver
    ud om papirkalenderen.": one's own part added to the recap another just said repeats one's
    task when it has the verb of work one has already ("Det skriver jeg ud til terapeuterne");
    with another verb it is new work ("And I will circulate the notes after the call")."""
    sentence = context.sentences[index]
    previous = context.sentences[index - 1] if index > 0 else None
    if (
        previous is None
        or previous.speaker == sentence.speaker
        or _RECAP.search(previous.text) is None
        or _ADDS_OWN_PART.match(_normal(sentence.text)) is None
    ):
        return False
    verb = _verb(item.text)
    return any(earlier.owner == item.owner and _verb(earlier.text) == verb for earlier, _ in found)


_ADDS_OWN_PART = re.compile(
    r"^(?:and|og|plus)\s+(?:(?:så|then)\s+)?(?:jeg|vi|we|i'll|i will)\b", re.IGNORECASE
)
"""A turn that opens with "Og jeg …" / "And I'll …": one more task added to a list just said
(not "og i morgen": Danish "i" is "in")."""


_RECAP_OWNER = r"\s*(?:(?:and|og|then|så|plus)\s+)?"
_RECAP_LEAD = re.compile(
    # with the subject of an inverted recap verb: "Så opsummerer jeg det her i en mail" names
    # no owner of its own
    r"^.*?\b(?:recap|sum up|summing up|in summary|to summari[sz]e|opsummer\w*(?: jeg| vi)?"
    r"|samle op|samler (?:jeg|vi) (?:lige )?op|så vi siger|so we say)\b[\s,:.]*",
    re.IGNORECASE,
)
"""The words that open a recap, before its first owner ("So to recap: Ben …")."""


def _dated_by_recap(found: list[_Found], index: int, context: _Context) -> None:
    """A recap that gives a day to tasks agreed without one ("Ben, could you update the
    checklist?" - "Sure." … "To recap: Ben updates the checklist by Thursday, and I send the
    invoice on Monday"): each clause that names an owner, a day and the thing dates that
    owner's one undated task on the same thing."""
    sentence = context.sentences[index]
    names = context.names or r"(?!x)x"
    me = "jeg" if sentence.language == "da" else "(?:i|jeg)"  # Danish "I" is "you"
    # unpunctuated, a clause opens at "and"/"og" before an owner ("…by friday and i call…")
    clauses = re.split(
        rf"[,;:]\s*|\s+(?:and|og|then|så)\s+(?=(?:{names}|{me})\b)",
        _RECAP_LEAD.sub("", sentence.text, count=1),
        flags=re.IGNORECASE,
    )
    for clause in clauses:
        named = re.match(rf"{_RECAP_OWNER}(?P<name>{names})\b", clause, re.IGNORECASE)
        if named is not None:
            owner = context.name_ids.get(named["name"].lower())
        elif (named := re.match(rf"{_RECAP_OWNER}{me}\b", clause, re.IGNORECASE)) is not None:
            owner = sentence.speaker
        else:
            continue
        said = find_deadline(clause, context.transcript.meeting.date, weeks=False)
        if owner is None or said is None or said.date is None:
            continue
        work = clause[named.end() : said.start]
        things = _stems(" ".join(words(work)[1:]))  # past the verb: the thing worked on
        alike = [
            position
            for position, (earlier, _) in enumerate(found)
            if earlier.owner == owner
            and earlier.due is None
            and any(_same_stem(a, b) for a in things for b in _stems(_about(earlier, context)))
        ]
        if len(alike) == 1:
            earlier, kind = found[alike[0]]
            found[alike[0]] = (replace(earlier, due=said.date), kind)


def _about(item: ActionItem, context: _Context) -> str:
    """The item's text with the two sentences said before it: what "I'll rewrite it" is about."""
    before = [s.text for s in context.sentences if s.start < item.start][-2:]
    return " ".join([*before, item.text])


def _sums_up(outcome: list[_Found], found: list[_Found], index: int, context: _Context) -> bool:
    """One sentence that hands tasks to two or more people who each have one on the same
    thing already ("Signe sender eksemplet, jeg sender forslaget, og så tager vi en snak"): a
    recap of what was agreed, even without a word that says so."""
    owners = {item.owner for item, _ in outcome}
    return (
        _hands_out(owners, index, context)
        and None not in owners
        and all(
            any(
                earlier.owner == item.owner
                and _objects(_named(earlier, context)) & _objects(item.text)
                for earlier, _ in found
            )
            for item, _ in outcome
        )
    )


def _hands_out(owners: set[str | None], index: int, context: _Context) -> bool:
    """Whether the sentence hands work to three or more people, its tasks' ``owners`` and the
    others it names; two are enough when its tasks have two owners or more."""
    # "BO RAPPORT I MORGEN MAJA LISTEN I DAG OG JEG VENDER TILBAGE OM KOMPENSATION": others'
    # tasks named without a verb of their own count as handed out too.
    sentence = context.sentences[index]
    said = _normal(sentence.text).lower()
    named = {
        pid
        for name, pid in context.name_ids.items()
        if re.search(rf"\b{re.escape(name)}\b", said) and pid != sentence.speaker
    }
    return len(owners | named) >= 3 - (len(owners) >= 2)


def _new_in_handout(
    outcome: list[_Found], found: list[_Found], index: int, context: _Context
) -> list[_Found]:
    """A sentence near the end that hands tasks to three or more people at once ("So: Magnus
    sends the case, Cecilie calls Viborg, and I chase marketing"; "Så Emil retter påmindelserne,
    Nanna sender listen"): a recap. Each of its tasks whose owner has work already repeats that
    work in other words; only a group, or an owner new to the meeting's tasks, gets a new item.
    A list announced by a bare "So:" is a hand-out wherever it is said, to however many."""
    if not outcome:
        return outcome
    if _LIST_ANNOUNCED.match(context.sentences[index].text) is not None:
        # "So: the draft from me on Monday, Ben books the room": a hand-out wherever it is said
        return [(i, kind) for i, kind in outcome if not _repeats_owners_work(i, found, context)]
    if index < _CLOSING_SHARE * len(context.sentences):
        return outcome
    if not _hands_out({item.owner for item, _ in outcome}, index, context):
        return outcome
    # "…and everyone fills in the forecast": a group's task is often new at the close.
    return [
        (item, kind)
        for item, kind in outcome
        if (item.owner or "").startswith(TEAM) or not _repeats_owners_work(item, found, context)
    ]


def _repeats_owners_work(item: ActionItem, found: list[_Found], context: _Context) -> bool:
    """Whether a recap's task is work its owner has already: one of their items names the
    same thing, or points at its work by a pronoun ("Få det rettet": the recap may name it)."""
    own = [earlier for earlier, _ in found if earlier.owner == item.owner]
    objects = _objects(item.text)
    return any(
        has_object_pronoun(earlier.text)
        or _GET_IT_DONE.match(earlier.text) is not None
        or not objects
        or any(_same_stem(a, b) for a in _objects(_named(earlier, context)) for b in objects)
        for earlier in own
    )


_LIST_ANNOUNCED = re.compile(
    r"^(?:(?:okay|ok|right|good|fine|godt|fint)[,.]?\s+)?(?:so|så)\s*:", re.IGNORECASE
)
"""A list of tasks announced by a bare "So:" / "Så:": a hand-out of what was agreed."""
_GET_IT_DONE = re.compile(r"(?:få|have|get)\s+(?:det|den|dem|it|them)\s+\w+$", re.IGNORECASE)
"""Work named by a pronoun and a participle: "Få det rettet", "get it fixed"."""
_CLOSING_SHARE = 0.75
"""Where a meeting's closing part starts, as a share of its sentences."""


def _named(item: ActionItem, context: _Context) -> str:
    """An item's task with its pronoun object ("lav det") replaced by what it points at."""
    return _resolved(item, _sentence_of(item, context.sentences), context).text


def _objects(task: str) -> set[str]:
    """The stems of a task's words after its verb: what a recap names again ("eksemplet" for
    "lav et eksempel"), whatever verb it uses."""
    return {w[:5] for w in words(task)[1:] if len(w) > 3}


_WRAP_UP = re.compile(
    r"(?:(?:så|so|okay|ok|godt|good|great|fint|fine|right)[,.]?\s+)*"
    r"(?:(?:lad os|let's|let us|let me|vi skal lige)\s+(?:lige\s+|just\s+)?"
    r"(?:runde af|wrap up|sum up|opsummere|samle op)"
    # the announcement said as a statement: "Så runder vi af.", "Then we'll wrap up."
    r"|(?:runder vi (?:lige )?af|samler vi (?:lige )?op|(?:then )?we(?:'ll| will) wrap up"
    r"|to wrap up|wrapping up))[.!:]*",
    re.IGNORECASE,
)
"""A sentence that only announces the recap: "Så lad os lige runde af.", "Let's wrap up."."""
