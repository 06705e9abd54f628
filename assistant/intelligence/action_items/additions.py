"""Something put into work already promised: "I'll send you the incident report by Friday." -
"Can it list the job numbers?" - "Yes, I'll put the job numbers in the report as well."; "Jeg
sender jer en liste over montørerne." - "Gerne også med servicebilerne." - "Det tager jeg med
på listen."

The addition is part of the promise, not a task of its own: its owner's latest promise, made
shortly before, names the thing it goes into ("in the report", "på listen", "on it"), or it is
attached to that work ("I'll attach the cheat sheet as well"). The promise keeps its day and is
quoted with the addition too. This runs last, on the items kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from assistant.intelligence.action_items.located import _sentence_of
from assistant.intelligence.action_items.model import ActionItem, _normal
from assistant.intelligence.sentences import Sentence

_PUTS_IN = re.compile(
    r"\b(?:put|puts|add|adds|include|includes|attach|list|split|skriv|skriver|tag|tager|læg"
    r"|lægger|sæt|sætter|tilføj|tilføjer|medtag|medtager)\b",
    re.IGNORECASE,
)
"""Verbs that put something into a piece of work: "put … in the report", "tager … med på"."""
_INTO = re.compile(
    r"\b(?:in|into|on|onto|ind i|med i|med på)\s+"
    r"(?:(?:the|that|this|our|your|den|det|de|vores|jeres|min|mit)\s+)?"
    r"(?P<place>[^\W\d_]+)",
    re.IGNORECASE,
)
"""The place it goes: "in the report", "ind i tilbuddet", "med på listen", "on it". Not a bare
Danish "i"/"på" ("tager fat i dem")."""
_BACK = frozenset({"it", "them"})
"""A place named by a pronoun: the work just promised ("put the discounts on it"). Not Danish
"den"/"det", as often an article ("ind i den nye version")."""
_ATTACHED = re.compile(
    r"\b(?:attach|enclose|vedlæg|vedlægger)\b.*\b(?:as well|too|også)\b", re.IGNORECASE
)
"""Attached to the work: "I'll attach the cheat sheet as well"."""
_WITHIN_S = 90.0
"""The addition follows the promise within this many seconds."""
_QUOTED_SENTENCES = 4
"""Sentences at most an item quotes, from its first."""
_SUFFIX = re.compile(r"(?:erne|ene|en|et|ne|e)$")
"""A Danish definite or plural ending: "rapporten", "tilbuddet", "listen"."""


def with_additions(
    items: Sequence[ActionItem], sentences: Sequence[Sentence]
) -> tuple[ActionItem, ...]:
    """``items``, each addition to work already promised (see the module) made part of it."""
    result = list(items)
    for item in items:
        if item.owner is None:
            continue
        promise = next(
            (
                i
                for i in reversed(result)
                if i.owner == item.owner and i.start < item.start and i is not item
            ),
            None,
        )
        if (
            promise is None
            or item.start - promise.start > _WITHIN_S
            or item.due not in (None, promise.due)
        ):
            continue
        said = _owners_words(item, sentences)
        if said is None or not _puts_into(_normal(said), promise):
            continue
        result[result.index(promise)] = replace(promise, quote=f"{promise.quote} {item.quote}")
        result.remove(item)
    return tuple(result)


def _owners_words(item: ActionItem, sentences: Sequence[Sentence]) -> str | None:
    """The last sentence the item quotes in its owner's words: the promise, or the answer to a
    request quoted with it ("Kan I lægge en pris ved siden af? Ja, så skriver jeg det ind i
    tilbuddet")."""
    at = _sentence_of(item, sentences)
    if at is None:
        return None
    quoted = [
        s
        for s in sentences[at : at + _QUOTED_SENTENCES]
        if s.text in item.quote and s.speaker == item.owner
    ]
    return quoted[-1].text if quoted else None


def _puts_into(text: str, promise: ActionItem) -> bool:
    """Whether ``text`` puts something into the promised work: into the thing it names, or
    into "it", or attached to it."""
    if _ATTACHED.search(text):
        return True
    if _PUTS_IN.search(text) is None:
        return False
    named = " ".join(re.findall(r"[^\W\d_]+", f"{promise.text} {promise.quote}".lower()))
    for place in _INTO.finditer(text):
        word = place["place"].lower()
        if word in _BACK:
            return True
        stem = _SUFFIX.sub("", word) if len(word) > 5 else word
        if len(stem) >= 4 and stem[:5] in named:
            return True
    return False
