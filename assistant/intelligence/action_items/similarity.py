"""Whether two task texts name the same work, by their word stems."""

from __future__ import annotations

from difflib import SequenceMatcher

from assistant.intelligence.sentences import words

_STOPWORDS = frozenset(
    {
        *("the", "a", "an", "to", "of", "for", "with", "on", "in", "and", "it", "that", "this"),
        *("you", "your", "our", "us", "me", "them", "over", "out", "up", "some", "all", "new"),
        *("den", "det", "de", "en", "et", "til", "med", "på", "i", "og", "dig", "os", "jer"),
        *("mig", "dem", "lige", "over", "ud", "op", "nogle", "alle", "ny", "nye", "om"),
    }
)


def _stems(text: str) -> set[str]:
    return {w[:5] for w in words(text) if w not in _STOPWORDS}


def similar_tasks(a: str, b: str) -> bool:
    """Two task texts that name the same work ("Send the proposal" / "Send the pricing
    proposal"); compares word stems, so word order and small additions do not matter."""
    if SequenceMatcher(None, a.lower(), b.lower()).ratio() >= 0.8:
        return True
    first, second = _stems(a), _stems(b)
    if not first or not second:
        return False
    in_second = {s for s in first if any(_same_stem(s, other) for other in second)}
    in_first = {s for s in second if any(_same_stem(s, other) for other in first)}
    if (in_second == first or in_first == second) and _verb(a) == _verb(b):
        # "Draw" and "Draw one": the shorter says nothing the longer does not. Not "Register
        # it" and "Send the ID once it's registered": another verb is other work.
        return True
    shared = min(len(in_second), len(in_first))
    return shared >= 2 and shared >= 0.6 * min(len(first), len(second))


def _same_stem(a: str, b: str) -> bool:
    """One stem, or one the start of the other ("plan" of "planen", "liste" of "listen": a
    Danish definite form against the bare noun)."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= 4 and long.startswith(short)


def _verb(task: str) -> str:
    return next(iter(words(task)), "")[:5]
