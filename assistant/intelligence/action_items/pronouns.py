"""Pronoun objects resolved from the turns before: "I'll have it over to them by Thursday",
said after "finance is still waiting for the signed agreement", reads "Send the signed agreement
over to them". Only the task text changes; the quote stays as said."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.intelligence.sentences import Sentence

_OBJECT = re.compile(
    r"^(?P<verb>(?:[\w'-]+\s+){1,3}?)"
    r"(?P<pronoun>(?:that|this) one|it|that|this|them|those|det|den|dem|dét)\b",
    re.IGNORECASE,
)
"""A pronoun right after the task's verb (and a particle: "follow up on that")."""
_ASKS_PEOPLE = re.compile(
    r"^(?:(?:ask|call|phone|ring|tell|remind|contact|invite|meet|spørg|kontakt|inviter|mind)"
    r"\w{0,2}\s+(?:til\s+)?|(?:check|talk|speak|tjek|snak|tal|hør)\w{0,2}\s+(?:with|to|med)\s+)"
    r"(?:them|dem)\b",
    re.IGNORECASE,
)
""" "Ask them", "ring til dem", "check with them": people asked or called, not the thing
named before."""
_SEND_OVER = re.compile(r"^(?:have|get)\s+(?=\S+\s+(?:over\s+)?to\b)", re.IGNORECASE)
""""Have it over to them", "get it to you": sending."""
_DETERMINERS = frozenset(
    {"the", "a", "an", "your", "our", "their", "my", "den", "det", "en", "et"}
    | {"jeres", "vores", "deres", "min", "mit", "mine", "din", "dit", "dine"}
)
_COMPARING = frozenset({"as", "like", "than", "som", "end"})
_PARTICLES = frozenset({"over", "again", "up", "out", "back", "igen", "op", "ud", "tilbage"})
_INTRODUCERS = frozenset({"about", "regarding", "angående", "vedrørende"})
_STOP = frozenset(
    {
        *("is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could"),
        *("to", "for", "with", "by", "from", "on", "in", "at", "of", "and", "or", "but", "that"),
        *("which", "who", "because", "so", "if", "when", "also", "still", "now", "today"),
        *("er", "var", "har", "vil", "kan", "skal", "til", "for", "med", "fra", "på", "i", "og"),
        *("eller", "men", "som", "der", "fordi", "så", "hvis", "når", "også", "stadig", "nu"),
        *("af", "om", "efter", "kun", "lige", "jo", "vel", "as", "som"),
        # when, not what: "the demo last week", "send den igen"
        *("last", "next", "yesterday", "tomorrow", "tonight", "ago", "sidste", "næste", "igen"),
        # another way or day, not what: "could you do it Thursday instead?"
        *("instead", "hellere"),
        # by when, not what: "kan jeg få den inden mødet?", "send it before the review"
        *("before", "until", "inden", "før", "senest"),
    }
)
_PHRASE_ENDS = frozenset(
    {
        # a verb after the subject: "Where should the reports go?"
        *("go", "goes", "come", "comes", "arrive", "arrives", "land", "lands", "ligger", "går"),
        # not a thing: "det hele" (all of it), "den selv"
        *("hele", "selv", "bare", "nok", "gerne", "godt", "allerede", "senere", "først"),
    }
)
"""Words that end a phrase named before, though after a pronoun they do not make it a noun."""
_WHEN = re.compile(
    r"(?:the |den )?\d+(?:st|nd|rd|th|\.)?(?: of \w+)?|(?:on |på )?(?:monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday|mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)",
    re.IGNORECASE,
)
"""A day, not a thing: "the 19th", "den 3." """
_PRONOUNS = frozenset(
    {"it", "that", "this", "them", "those", "they", "det", "den", "dem", "de", "one", "you"}
)
_TOKEN = re.compile(r"[\w'’-]+|[^\w\s]")
_MAX_WORDS = 6
_LOOK_BACK = 4
_LOOK_BACK_S = 90.0


def _object(task: str) -> re.Match[str] | None:
    """`_OBJECT` in ``task``, unless the "pronoun" is a noun: "ask our IT", "jeres IT"."""
    match = _OBJECT.match(task)
    if match is None:
        return None
    before = match.group("verb").split()[-1].lower()
    if before in _DETERMINERS or (match.group("pronoun") == "IT" and not task.isupper()):
        return None
    return match


def has_object_pronoun(task: str) -> bool:
    """Whether the task names its work only by a pronoun: "make sure they get it", "send it
    over" (not "loop in your IT team", not "det nye udkast")."""
    match = _object(task)
    if match is None:
        match = re.search(r"\b(?:it|that|them|det|den|dem)\s*[.!?]*$", task, re.IGNORECASE)
        return match is not None
    after = task[match.end() :].split()
    return not after or after[0].lower().strip(",.") in _STOP | _PARTICLES


def resolve_pronoun(task: str, index: int, sentences: Sequence[Sentence]) -> str:
    """``task`` with its object pronoun replaced by the thing last named before sentence
    ``index``; unchanged when there is no such pronoun or nothing to point at."""
    task = _SEND_OVER.sub("send ", task) if _SEND_OVER.match(task) else task
    match = _object(task)
    if match is None or _ASKS_PEOPLE.match(task):
        return task
    after = task[match.end() :].split()
    if after and after[0].lower().strip(",.") not in _STOP | _PARTICLES:
        return task  # "det nye tilbud": a determiner, not a pronoun
    said = sentences[index]
    before = [
        previous
        for previous in sentences[max(0, index - _LOOK_BACK) : index]
        if said.start - previous.start <= _LOOK_BACK_S
    ]
    # A thing named in the task's own language first: a Danish phrase put into an English task
    # ("Send det hele to Emil") is read only when nothing was named in English.
    for same in (True, False):
        for previous in reversed(before):
            if same and previous.language not in (said.language, None):
                continue
            phrase = _last_thing(previous.text)
            if phrase is not None:
                return task[: match.start("pronoun")] + phrase + task[match.end("pronoun") :]
    return task


def _last_thing(text: str) -> str | None:
    """The noun phrase that ends last in ``text``: "the signed data processing agreement",
    "den engelske manual", "single sign-on" (after "about")."""
    tokens = _TOKEN.findall(text)
    best: tuple[int, int, str] | None = None
    for start, token in enumerate(tokens):
        lowered = token.lower()
        if lowered not in _DETERMINERS and lowered not in _INTRODUCERS:
            continue
        words: list[str] = []
        for following in tokens[start + 1 : start + 1 + _MAX_WORDS]:
            if not re.match(r"[\w]", following) or following.lower() in _STOP | _PHRASE_ENDS:
                break
            words.append(following)
        if not words or words[-1].lower() in _PRONOUNS | _DETERMINERS:
            continue
        if start > 0 and tokens[start - 1].lower() in _COMPARING:
            continue  # "the admin guide as a PDF": "a PDF" only says how
        keep = token if lowered in _DETERMINERS else ""
        phrase = " ".join(filter(None, (keep, *words)))
        if _WHEN.fullmatch(phrase):
            continue
        end = start + len(words)
        if best is None or (end, start) > best[:2]:
            best = (end, start, phrase)
    return best[2] if best else None
