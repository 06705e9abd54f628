"""An item taken on in an answer that names the work by a pronoun is quoted with the request.

"Raj, can you run the replay today?" - "Yes, I'll run it this afternoon.": the answer alone is
weak evidence (what is "it"?), and a reader looks for the task where it was asked. This runs
last, on the items kept, so no rule or the scorer sees a changed quote.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from assistant.intelligence.action_items.located import _sentence_of
from assistant.intelligence.action_items.model import ActionItem, _normal
from assistant.intelligence.action_items.owners import first_name
from assistant.intelligence.action_items.rules import _OPENS_WITH_YES, _PRONOUN_OBJECT
from assistant.intelligence.sentences import Sentence
from assistant.transcript import Transcript

_ASKS_FOR_WORK = re.compile(
    r"\b(?:(?:can|could|will|would) you|(?:kan|kunne|vil|ville|gider) du|du skal|"
    r"you need to|you have to)\b",
    re.IGNORECASE,
)
"""A request for work ("can you run it today?", "DU SKAL LIGE HAVE..."), not any question to
the listener ("Is the clause acceptable to you?")."""
_ANSWER_SENTENCES = 2
"""The item's sentence is one of the first this many of the answering turn."""


def quoted_with_requests(
    items: Sequence[ActionItem], transcript: Transcript, sentences: Sequence[Sentence]
) -> tuple[ActionItem, ...]:
    """``items``, each one its owner took on by answering another's request quoted with it."""
    names = {p.id: name for p in transcript.participants if (name := first_name(p))}
    quoted = [item.quote for item in items]
    result = []
    for item in items:
        request = _request_answered(item, sentences, names)
        # A request another item already quotes is that item's evidence, not this one's.
        if request is None or any(request.text in quote for quote in quoted):
            result.append(item)
        else:
            result.append(replace(item, quote=f"{request.text} {item.quote}"))
    return tuple(result)


def _request_answered(
    item: ActionItem, sentences: Sequence[Sentence], names: dict[str, str]
) -> Sentence | None:
    """The request to the item's owner in the turn just before the one the item opens."""
    # An answer that names the work only by a pronoun ("I'll run it", "Det gør jeg") needs the
    # request beside it; one that names it in full ("Sure, I'll chase the order") does not.
    if item.owner is None or item.owner != item.speaker or not _PRONOUN_OBJECT.search(item.quote):
        return None
    index = _sentence_of(item, sentences)
    if index is None:
        return None
    turn_start = index
    while turn_start > 0 and sentences[turn_start - 1].segment == sentences[index].segment:
        turn_start -= 1
    if index - turn_start >= _ANSWER_SENTENCES or turn_start == 0:
        return None
    # An answer that only discusses the request ("I think that's a setting on our side, but let
    # me check with Tobias.") is not quoted with it: its own item is not the work asked for.
    if not _OPENS_WITH_YES.match(_normal(sentences[turn_start].text)):
        return None
    before = sentences[turn_start - 1].segment
    asked = [s for s in sentences[:turn_start] if s.segment == before]
    if not asked or asked[0].speaker == item.speaker:
        return None
    return next((s for s in reversed(asked) if _asks(s, item.owner, names)), None)


def _asks(sentence: Sentence, owner: str, names: dict[str, str]) -> bool:
    """Whether ``sentence`` asks its listener, ``owner`` or no one else named, for work."""
    text = sentence.text.lower()
    others = [n for p, n in names.items() if p != owner]
    if any(re.search(rf"\b{re.escape(n)}\b", text) for n in others):
        return False
    return _ASKS_FOR_WORK.search(text) is not None
