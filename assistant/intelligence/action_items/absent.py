"""People named in a meeting and said not to be in it ("That's Karen, she isn't on the call"):
work said to be theirs is a task without an owner in the room."""

from __future__ import annotations

import re
from collections.abc import Mapping

from assistant.transcript import Transcript

__all__ = ["absent_names"]

_AWAY = re.compile(
    r"\b(?:(?:is|'s|are|was)\s*(?:not|n't)|(?:she|he)s\s+not|isn't|wasn't|isnt|wasnt)\s+"
    r"(?:here|joining|with us"
    r"|(?:in|on|at)\s+(?:the|this|today's)\s+(?:call|meeting))\b"
    r"|\b(?:could|can|did)(?:n't|nt|\s+not)\s+(?:join|make it|be here)\b"
    r"|\b(?:han|hun)\s+er\s+(?:her\s+)?ikke\b|\ber\s+her\s+ikke\b|\ber\s+ikke\s+(?:med|her)\b"
    r"|\b(?:kunne|kan)\s+ikke\s+(?:være\s+med|deltage|komme)\b"
    r"|\b(?:sidder|er)\s+(?:til|i|på)\s+(?:et\s+andet\s+møde|kursus|ferie)\b",
    re.IGNORECASE,
)
"""Someone said to be away from the meeting: "he is not in the call", "she couldn't join
today", "hun er her ikke i dag", "han sidder til et andet møde"."""

_NAME = re.compile(r"\b[A-ZÆØÅ][a-zæøåéáíóúäöü]{2,}\b")
_NOT_NAMES = frozenset(
    {
        *("The", "That", "This", "Then", "There", "They", "She", "But", "And", "Our", "Your"),
        *("Right", "Yes", "Okay", "Sure", "Well", "Thanks", "Sorry", "What", "When", "Who"),
        *("Det", "Den", "Der", "Hun", "Han", "Men", "Og", "Vores", "Jeres", "Hvem", "Hvad"),
        *("Nej", "Jo", "Tak", "Super", "Fint", "Godt", "Altså", "Hej", "Ellers", "Vi", "Jeg"),
    }
)


_INTRODUCED = re.compile(
    r"\b(?:kollega|kollegaen|colleague|lady|guy|manager|chef|chefen|boss|director|direktør"
    r"|advokat|lawyer|bogholder|bookkeeper|accountant|revisor)\s+(?P<name>[^\W\d_]{3,})\b",
    re.IGNORECASE,
)
"""A name introduced by its role ("min kollega Tobias", "our procurement lady Sarah"): in a
transcript in one case (ASR lower case, AMI upper case) the only sign of a name."""


def absent_names(transcript: Transcript, participants: Mapping[str, str]) -> set[str]:
    """Names (not the participants') said in a turn that says someone is away."""
    found: set[str] = set()
    for segment in transcript.segments:
        if _AWAY.search(segment.text) is None:
            continue
        text = segment.text
        if text.isupper() or text.islower():
            names = [m["name"] for m in _INTRODUCED.finditer(text)]
        else:
            names = _NAME.findall(text)
        for name in names:
            if name.capitalize() not in _NOT_NAMES and name.lower() not in participants:
                found.add(name)
    return found
