"""Candidate action items for the learned scorer, and the features it reads of each.

A candidate is either an item the rules found (owner, due date and text from the rules), or a
sentence the rules passed over that still carries a weaker sign of work to do: a cue the rules
rejected, a modal or first-person future, a request form ("could you", "kan du"). Such a
sentence gets its owner from who it speaks of (the speaker, the speaker's team, the person
addressed) and its due date from its own date phrase, so a wrong guess costs only that one item.

Features are language-agnostic strings (the words of the lower-cased sentence, the rule's task
verb) plus a few about the turn around it; a feature is present or absent (value 1), except
``conf``, the rules' own confidence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.intelligence.action_items.cues import _has_cue
from assistant.intelligence.action_items.model import ActionItem, _Context, _made, _normal
from assistant.intelligence.action_items.owners import TEAM, _addressee, _team_of
from assistant.intelligence.action_items.replies import _REFUSAL
from assistant.intelligence.action_items.rules import (
    _ACCEPTANCE,
    _OPENS_WITH_YES,
    _TAKING_IT_ON,
    _YES_BEFORE,
)
from assistant.intelligence.dates import resolve_due_date
from assistant.intelligence.sentences import Sentence, words

__all__ = ["Candidate", "candidates", "features"]


@dataclass(frozen=True, slots=True)
class Candidate:
    item: ActionItem
    index: int
    """Its (first) sentence in the meeting's sentences."""
    from_rules: bool
    """Found by the rules (else a sentence they passed over)."""
    cue: bool = False
    """A rule cue is in the sentence (for a sentence the rules passed over: they rejected it)."""

    turn_words: int = 0
    """Words in the turn (segment) that holds the sentence."""
    dated_promise: bool = False
    """The speaker's own task with a due date, said in the first person ("I'll have them
    merged by Thursday.", "Jeg sender tilbuddet på fredag.")."""
    taken_on: bool = False
    """An item of the rules that its owner (or someone of the owning side) takes on in the
    very next turn ("Så vil jeg gerne have, at I laver en risikoanalyse." - "Det gør vi
    gerne."): the scorer keeps it whatever it scores, but is still trained on it (unlike
    `protected`). Nested bench.action_cv on sets a-u, pooled unseen strict F1: .665 -> .668,
    Danish .600 -> .606 (left out of training too: .667, Danish .602)."""
    announced: bool = False
    """An item of the rules read out in a sentence that says it lists the action items ("so
    action items: Maria sends the summary", "Opgaver: ..."): the speaker names it work, so the
    scorer keeps it whatever it scores, and is still trained on it (as `taken_on`)."""

    @property
    def protected(self) -> bool:
        """An item of the rules the scorer may not drop: one said in a short turn, where the
        rules' cue is the whole of what is said ("We'll set up a pilot.", "Jeg skal nok sende
        kontrakten."), or a dated first-person promise. On meetings the rules were not tuned
        on, protecting these cost the scorer almost nothing (bench.action_cv), and they are the
        clear promises a user expects to see."""
        return self.from_rules and (self.turn_words <= SHORT_TURN or self.dated_promise)


SHORT_TURN = 10
"""Most words in a turn whose rule items are protected (fixed before the cross-validation,
from the turn-length buckets the features already use)."""


_FIRST = re.compile(
    # "i" only where "I" is (Danish "i" is "in"): at the start or before an English verb-ish word
    r"\b(?:i'll|i'm|i've|i'd|me|my|jeg|mig|min|mit|mine)\b"
    r"|(?:^|[,.;]\s*)i\b(?! (?:morgen|dag|går|aften|overmorgen|næste|sidste|løbet))"
    r"|\bi (?:will|can|need|have|must|should|could|would|am|think|guess|send|do|take)\b",
    re.IGNORECASE,
)
_GROUP = re.compile(r"\b(?:we|we'll|we're|let's|us|our|vi|os|vores|lad os)\b", re.IGNORECASE)
_SECOND = re.compile(
    r"\b(?:you|you'll|your|du|dig|din|dit|jeres|i kan|kan i|vil i)\b", re.IGNORECASE
)
_REQUEST = re.compile(
    r"\b(?:can|could|would|will) you\b|\bplease\b|\byou (?:need|have|should|must)\b"
    r"|\b(?:kan|kunne|vil|ville|gider) (?:du|i)\b|\b(?:du|i) (?:skal|må|bør)\b|\bhusk\b",
    re.IGNORECASE,
)
_WEAK_SIGNAL = re.compile(
    r"\b(?:i'll|i will|we'll|we will|i'm going to|we're going to|going to|gonna|i can|we can"
    r"|i could|i have to|we have to|i need to|we need to|i must|we must|i should|we should"
    r"|will have to|let's|let me|i'd like to|you'll|someone|somebody"
    r"|jeg (?:skal|vil|kan|må|bør|får|tager|sender|ringer|laver|tjekker|finder|kigger|skriver)"
    r"|vi (?:skal|vil|kan|må|bør|får|tager|sender|laver)|lad os|lad mig|nogen skal)\b",
    re.IGNORECASE,
)


def candidates(items: Sequence[ActionItem], context: _Context) -> list[Candidate]:
    """The rules' items, then the sentences no item quotes that carry a weaker signal."""
    sentences = context.sentences
    found: list[Candidate] = []
    quoted: set[int] = set()
    for item in items:
        index = _index_of(item, sentences)
        if index is None:
            continue
        found.append(
            Candidate(
                item,
                index,
                from_rules=True,
                cue=True,
                turn_words=_turn_words(index, sentences),
                dated_promise=_dated_promise(item, sentences[index]),
                taken_on=_taken_on(item, index, context),
                announced=_ANNOUNCES_ITEMS.search(sentences[index].text) is not None,
            )
        )
        length = len(sentences[index].text)
        quoted.add(index)
        while length < len(item.quote) and index + 1 < len(sentences):
            index += 1
            quoted.add(index)
            length += 1 + len(sentences[index].text)
    for index, sentence in enumerate(sentences):
        if index in quoted or sentence.language not in ("da", "en", None):
            continue
        text = _normal(sentence.text)
        cue = _has_cue(sentence, context)
        if not (cue or _WEAK_SIGNAL.search(text) or _REQUEST.search(text)):
            continue
        found.append(
            Candidate(
                _guessed(index, text, context),
                index,
                from_rules=False,
                cue=cue,
                turn_words=_turn_words(index, sentences),
            )
        )
    return found


def _index_of(item: ActionItem, sentences: Sequence[Sentence]) -> int | None:
    """The sentence the item's quote starts with. Its speaker first; then anyone's at that
    time: an item taken on in a reply ("I'll have them merged by Thursday.") quotes the reply
    but is the requester's."""
    starts = [i for i, s in enumerate(sentences) if item.quote.startswith(s.text)]
    at = [i for i in starts if sentences[i].start == item.start]
    if not at:
        # An item timed by an earlier sentence than its quote ("I could make two offers." ...
        # "Then I'll do that."): the quote's first sentence nearest that time, not no candidate
        # (which the scorer would drop unseen).
        at = sorted(starts, key=lambda i: abs(sentences[i].start - item.start))[:1]
    return next((i for i in at if sentences[i].speaker == item.speaker), at[0] if at else None)


def _dated_promise(item: ActionItem, sentence: Sentence) -> bool:
    return (
        item.due is not None
        and item.owner == sentence.speaker
        and bool(_FIRST.search(_normal(sentence.text).lower()))
    )


_TAKES_IT_ON = re.compile(rf"^{_YES_BEFORE}{_TAKING_IT_ON}\b", re.IGNORECASE)
"""A reply that opens by taking on what was just asked ("Det gør vi gerne", "Sure, we'll do
that", "Will do")."""


_ANNOUNCES_ITEMS = re.compile(
    r"^(?:(?:so|okay|ok|right|good|fine|and|så|godt|fint|og)[,.]?\s+)*(?:the\s+)?"
    r"(?:action items?|to-?dos?|next steps|opgaver(?:ne)?|handlingspunkter|næste skridt)"
    r"(?:\s+(?:then|are|er|så))?\s*[:,-]?\s+\w",
    re.IGNORECASE,
)
"""A sentence that opens by naming what follows as the meeting's tasks."""


def _taken_on(item: ActionItem, index: int, context: _Context) -> bool:
    """Whether the turn right after the item's (its sentence ends that turn, but for a few
    words) opens with its owner, or someone of the owning side, taking it on."""
    sentences = context.sentences
    _, last = _turn(index, sentences)
    if any(len(words(s.text)) > 4 for s in sentences[index + 1 : last + 1]):
        return False
    if last + 1 >= len(sentences) or item.owner is None:
        return False
    reply = sentences[last + 1]
    if reply.speaker == sentences[index].speaker or not _TAKES_IT_ON.match(_normal(reply.text)):
        return False
    return item.owner == reply.speaker or (
        item.owner.startswith(TEAM + ":")
        and item.owner in (_team_of(reply.speaker, context), f"{TEAM}:all")
    )


def _guessed(index: int, text: str, context: _Context) -> ActionItem:
    """An item for a sentence the rules passed over: the sentence is the task."""
    sentence = context.sentences[index]
    owner: str | None = sentence.speaker
    if _REQUEST.search(text) and not _FIRST.search(text[:12]):
        owner = _addressee(text, index, context)[0]
    elif _GROUP.search(text) and not _FIRST.search(text):
        owner = _team_of(sentence.speaker, context)
    due, _ = resolve_due_date(text, context.transcript.meeting.date, weeks=False)
    return _made(sentence.text.strip(), owner, due, index, context, confidence=0.05)


def _turn_words(index: int, sentences: Sequence[Sentence]) -> int:
    first, last = _turn(index, sentences)
    return sum(len(words(s.text)) for s in sentences[first : last + 1])


def _turn(index: int, sentences: Sequence[Sentence]) -> tuple[int, int]:
    """First and last sentence of the turn (segment) holding sentence ``index``."""
    first = last = index
    segment = sentences[index].segment
    while first > 0 and sentences[first - 1].segment == segment:
        first -= 1
    while last + 1 < len(sentences) and sentences[last + 1].segment == segment:
        last += 1
    return first, last


def features(candidate: Candidate, sentences: Sequence[Sentence]) -> dict[str, float]:
    """The named features of one candidate (value 1 when present, but ``conf``)."""
    item, index = candidate.item, candidate.index
    sentence = sentences[index]
    text = _normal(sentence.text).lower()
    tokens = words(text)
    found: dict[str, float] = {
        "bias": 1.0,
        "src=" + ("rule" if candidate.from_rules else "extra"): 1.0,
        "cue" if candidate.cue else "nocue": 1.0,
        "lang=" + (sentence.language or "none"): 1.0,
        "conf": item.confidence if candidate.from_rules else 0.0,
        "due" if item.due is not None else "nodue": 1.0,
        "owner=" + _owner_kind(item): 1.0,
        "len=" + _bucket(len(tokens)): 1.0,
    }
    if sentence.text.rstrip().endswith("?"):
        found["question"] = 1.0
    for name, pattern in (("p1", _FIRST), ("pwe", _GROUP), ("p2", _SECOND), ("req", _REQUEST)):
        if pattern.search(text):
            found[name] = 1.0
    first, last = _turn(index, sentences)
    found[
        "turnpos="
        + (
            "only"
            if first == last
            else "first"
            if index == first
            else "last"
            if index == last
            else "mid"
        )
    ] = 1.0
    found["turnlen=" + _bucket(candidate.turn_words)] = 1.0
    if first > 0:
        before = sentences[first - 1]
        if before.speaker != sentence.speaker:
            if before.text.rstrip().endswith("?"):
                found["prev=question"] = 1.0
            if _REQUEST.search(_normal(before.text)):
                found["prev=request"] = 1.0
    if last + 1 < len(sentences) and sentences[last + 1].speaker != sentence.speaker:
        reply = _normal(sentences[last + 1].text)
        if _ACCEPTANCE.match(reply) or _OPENS_WITH_YES.match(reply):
            found["next=yes"] = 1.0
        elif _REFUSAL.search(reply):
            found["next=no"] = 1.0
        if reply.rstrip().endswith("?"):
            found["next=question"] = 1.0
    task = words(item.text)
    if candidate.from_rules and task:
        found["task0=" + task[0]] = 1.0
    # Word unigrams only: bigrams and character n-grams fitted each set's topics and lowered
    # the cross-validated precision on unseen sets (.65 -> .62, bench.action_cv).
    for token in tokens:
        found["w=" + token] = 1.0
    return found


def _owner_kind(item: ActionItem) -> str:
    if item.owner is None:
        return "none"
    if item.owner.startswith(TEAM):
        return "team"
    return "self" if item.owner == item.speaker else "other"


def _bucket(count: int) -> str:
    for limit in (3, 6, 10, 16, 25, 40):
        if count <= limit:
            return str(limit)
    return "more"
