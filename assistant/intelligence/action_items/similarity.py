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
    if shared >= 2 and shared >= 0.6 * min(len(first), len(second)):
        return True
    return _compounds_alike(a, b)


_COMPOUND_HEAD = 6
"""Letters at least in a word found inside a longer one as its head ("oversigt" in
"integrationsoversigten")."""


def _compounds_alike(a: str, b: str) -> bool:
    """ "Send en oversigt over felterne" / "Send integrationsoversigten": one verb, and a word of
    one found inside a (Danish) compound of the other, name the same work."""
    if _verb(a) != _verb(b):
        return False
    first = [w for w in words(a)[1:] if w not in _STOPWORDS]
    second = [w for w in words(b)[1:] if w not in _STOPWORDS]
    return any(
        short != long and len(short) >= _COMPOUND_HEAD and short in long[1:]
        for x in first
        for y in second
        for short, long in [sorted((x, y), key=len)]
    )


def _same_stem(a: str, b: str) -> bool:
    """One stem, or one the start of the other ("plan" of "planen", "liste" of "listen": a
    Danish definite form against the bare noun)."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= 4 and long.startswith(short)


def _verb(task: str) -> str:
    return next(iter(words(task)), "")[:5]
