"""The action item, and the state the rules read a meeting with."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.intelligence.action_items.rules import Kind
from assistant.intelligence.sentences import Sentence, detect_language
from assistant.transcript import Transcript


@dataclass(frozen=True, slots=True)
class ActionItem:
    text: str
    """The task as a clean imperative, e.g. "Send the proposal"."""
    owner: str | None
    """Participant id of who should do it, a team (``team``, ``team:internal``,
    ``team:external``) for a group commitment, or None when it cannot be told."""
    due: dt.date | None
    """Deadline, when one was said and could be resolved to a date."""
    speaker: str
    """Participant id of who said it."""
    start: float
    """Start of the sentence (s from meeting start); the segment start when word times are
    missing."""
    quote: str
    """The sentence it was found in, as transcribed."""
    confidence: float = 1.0
    """How sure the rules are, 0-1 (a score, not a calibrated probability)."""
    language: str | None = None
    """Language of the sentence (ISO 639-1)."""


@dataclass(frozen=True, slots=True)
class _Context:
    transcript: Transcript
    sentences: Sequence[Sentence]
    names: str | None
    """Alternation of the participants' names (regex), or None when nobody has a name."""
    name_ids: dict[str, str]
    punctuated: bool
    absent: str | None = None
    """Alternation of the names of people said not to be in the meeting ("Lone is not on the
    call today"), or None."""


@dataclass(frozen=True, slots=True)
class _Acceptance:
    """A yes without its own task: to a request ("I'll do that", "Det gør jeg") or to someone's
    offer ("Yes, please do that", "Ja, gør det")."""

    index: int
    """The sentence."""
    to_offer: bool
    due: dt.date | None
    owner: str | None = None
    """Who takes the work on, when not the speaker: a chair handing it over ("Kasper, den er
    din")."""


_Found = tuple[ActionItem, Kind]


_HESITATION = re.compile(
    r"(?:^|(?<=\s))(?:uh|uhm|um|umm|erm|hmm|mm hmm|mm|mhm|øh|øhm|æh|æhm|hm)(?:[,.]|(?=\s)|$)\s*",
    re.IGNORECASE,
)
"""Hesitation sounds, which split a cue from its verb ("I'LL UH SEND"). Not Danish "er" (is)."""
_REPEAT = re.compile(r"\b(?-i:(?!I\s+i\b))((?:[\w']+\s+){1,2}?)\1", re.IGNORECASE)
""""I'LL I'LL SEND", "the the sixth": a word or two said twice, as speech recognisers keep.
Not Danish "I i" (you in: "Den har I i morgen"), two words that only look the same."""
_ASR_CONTRACTIONS = {
    **{"ill": "i'll", "im": "i'm", "ive": "i've", "youll": "you'll", "youre": "you're"},
    **{"theyll": "they'll", "dont": "don't", "didnt": "didn't", "doesnt": "doesn't"},
    **{"cant": "can't", "wont": "won't", "isnt": "isn't", "wasnt": "wasn't", "itll": "it'll"},
}
"""Contractions as a recogniser writes them without the apostrophe ("ill send it today")."""
_ASR_WORD = re.compile(
    r"\b(?:" + "|".join(_ASR_CONTRACTIONS) + r")\b"
    r"|(?:^|(?<=\bso )|(?<=\band )|(?<=\bthen )|(?<=\bokay )|(?<=\bok ))lets\b",
    re.IGNORECASE,
)


def _normal(text: str) -> str:
    """The text the rules read: apostrophes made one, hesitations and repeats dropped, and an
    unpunctuated recogniser's contractions spelled out. The quote keeps the words as said."""
    text = _HESITATION.sub("", text.replace("’", "'")).strip()
    text = _REPEAT.sub(r"\1", text)
    if "'" not in text:
        text = _ASR_WORD.sub(_spelled, text)
    elif _JUTLANDIC_VERB.search(text):
        text = _JUTLANDIC_VERB.sub(_standard, text)
    if _JUTLANDIC_WORD.search(text) and detect_language(text, None) == "da":
        text = _JUTLANDIC_WORD.sub(_standard, text)
    return text


_JUTLANDIC = {
    **{"ska'": "skal", "ka'": "kan", "ta'r": "tager", "gi'r": "giver", "si'r": "siger"},
    **{"bli'r": "bliver", "ha'": "have", "a": "jeg", "do": "du", "æ": "den"},
}
"""Jutlandic speech as written down ("A ska' nok sende æ liste", "Ka' do ringe?"), in standard
Danish: the rules read "jeg skal", "kan du"."""
_JUTLANDIC_VERB = re.compile(r"(?<![\w'])(?:ska'|ka'|ta'r|gi'r|si'r|bli'r|ha')(?!\w)", re.I)
_JUTLANDIC_WORD = re.compile(r"(?<![\w'-])(?:a(?! conto\b)|do|æ)(?![\w'-])", re.IGNORECASE)
"""Words that are Jutlandic only in a Danish sentence ("a" is also English)."""


def _standard(match: re.Match[str]) -> str:
    word = match.group(0)
    standard = _JUTLANDIC[word.lower()]
    return standard.capitalize() if word[0].isupper() else standard


def _spelled(match: re.Match[str]) -> str:
    word = match.group(0)
    full = _ASR_CONTRACTIONS.get(word.lower(), "let's")
    return full.upper() if word.isupper() else full


def _made(
    text: str,
    owner: str | None,
    due: dt.date | None,
    index: int,
    context: _Context,
    confidence: float,
) -> ActionItem:
    sentence = context.sentences[index]
    return ActionItem(
        text=text,
        owner=owner,
        due=due,
        speaker=sentence.speaker,
        start=sentence.start,
        quote=sentence.text,
        confidence=round(min(0.99, max(0.05, confidence)), 2),
        language=sentence.language,
    )
