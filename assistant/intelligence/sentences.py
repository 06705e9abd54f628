"""A meeting as a list of sentences: who said each, when it started, and in which language.

Every rule engine (action items, decisions, questions, signals, follow-up) reads sentences, so
splitting and language detection happen once, here.

Language: the team speaks Danish and English, often in the same meeting, and the recogniser
labels whole chunks. A sentence is Danish when it carries clearly more Danish than English
function words (or Danish letters); otherwise its segment's label is kept, then the meeting's.
Norwegian labels count as Danish: Whisper often mistakes one for the other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.transcript import Segment, Transcript

__all__ = ["Sentence", "detect_language", "sentences_of", "split_sentences", "words"]

_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)\]]))\s+")
"""Whitespace after a sentence's end mark, or after a closing quote or bracket that follows it."""

_ABBREVIATIONS = frozenset(
    {"mr.", "mrs.", "ms.", "dr.", "e.g.", "i.e.", "vs.", "approx.", "ca.", "fx.", "f.eks.", "d."}
    | {"jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "okt."}
    | {"nov.", "dec."}
    # "pr. butik" (per), "nr. 3", "inkl. moms", "bl.a.", "evt."
    | {"pr.", "nr.", "stk.", "inkl.", "ekskl.", "bl.a.", "evt.", "mht.", "vedr.", "iflg.", "jf."}
)
"""Words ending in "." that do not end a sentence (lower case)."""

_ORDINAL_DOT = re.compile(r"\b[0-3]?\d\.$")
"""Danish writes ordinals with a dot ("den 15. marts"): such a dot does not end the sentence
when a lower-case word follows."""

_DANISH_WORDS = frozenset(
    {
        *("jeg", "du", "vi", "det", "og", "ikke", "er", "på", "til", "med", "har", "skal", "kan"),
        *("vil", "den", "et", "at", "af", "så", "lige", "også", "nok", "hvad", "hvordan"),
        *("hvornår", "hvis", "men", "mig", "dig", "os", "jo", "bare", "godt", "ja", "nej", "tak"),
        *("om", "hvor", "sender", "morgen", "uge", "næste", "fredag", "gerne", "være", "får"),
        *("kunne", "skulle", "ville", "noget", "lidt", "meget", "fra", "efter", "inden", "aftale"),
        *("tager", "laver", "ringer", "kigger", "skriver", "tjekker", "hvem", "nu", "der"),
    }
)
_ENGLISH_WORDS = frozenset(
    {
        *("you", "we", "the", "and", "not", "is", "to", "with", "have", "will", "can", "it"),
        *("that", "of", "so", "also", "what", "how", "when", "if", "but", "me", "us", "yes"),
        *("no", "thanks", "on", "a", "be", "i'll", "we'll", "this", "by", "are", "do", "send"),
        *("could", "would", "should", "just", "our", "your", "from", "after", "next", "week"),
    }
)
_DANISH_LETTERS = re.compile(r"[æøå]", re.IGNORECASE)
_DANISH_LIKE = frozenset({"da", "no", "nb", "nn"})
_WORD = re.compile(r"[\w'’]+")


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    """As transcribed."""
    speaker: str
    """Participant id."""
    start: float
    """Start (s from meeting start); the segment start when word times do not line up."""
    language: str | None
    """ISO 639-1 code: "da", "en", or the segment's label for other languages."""
    segment: int
    """Index of its segment in ``Transcript.segments``."""


def words(text: str) -> list[str]:
    """Lower-case words of a text, apostrophes normalised to "'"."""
    return [w.replace("’", "'") for w in _WORD.findall(text.lower())]


def detect_language(text: str, label: str | None) -> str | None:
    """ "da" or "en" from the text's function words, else the label (Norwegian read as Danish)."""
    tokens = words(text)
    danish = sum(t in _DANISH_WORDS for t in tokens) + 2 * len(_DANISH_LETTERS.findall(text))
    english = sum(t in _ENGLISH_WORDS for t in tokens)
    if danish >= 2 and danish > 1.5 * english:
        return "da"
    if english >= 2 and english > 1.5 * danish:
        return "en"
    if label in _DANISH_LIKE:
        return "da"
    return label


def split_sentences(text: str) -> list[str]:
    sentences: list[str] = []
    for piece in _SENTENCE_END.split(text.strip()):
        previous = sentences[-1] if sentences else ""
        last_word = previous.rsplit(None, 1)[-1].lower() if previous else ""
        if previous and (
            last_word in _ABBREVIATIONS or (_ORDINAL_DOT.search(previous) and piece[:1].islower())
        ):
            sentences[-1] += " " + piece  # "by Dec. 3" and "den 15. marts" are one sentence
        elif piece:
            sentences.append(piece)
    return sentences


def _segment_sentences(segment: Segment) -> list[tuple[str, float]]:
    sentences = split_sentences(segment.text)
    aligned = len(segment.words) == len(segment.text.split())
    result = []
    offset = 0
    for sentence in sentences:
        start = (
            segment.words[offset].start
            if aligned and offset < len(segment.words)
            else segment.start
        )
        result.append((sentence, start))
        offset += len(sentence.split())
    return result


def sentences_of(transcript: Transcript) -> list[Sentence]:
    """All sentences of the meeting in order of time."""
    fallback = transcript.meeting.language
    result = []
    for index, segment in enumerate(transcript.segments):
        label = segment.language or fallback
        for text, start in _segment_sentences(segment):
            result.append(
                Sentence(text, segment.speaker, start, detect_language(text, label), index)
            )
    return result
