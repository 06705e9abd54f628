"""Decisions, open questions and the next meeting, found by rules in English and Danish.

- **Decisions**: "we agreed to go with the annual plan", "we've decided…", "let's go with…",
  "vi har besluttet…", "så det gør vi", "det er besluttet". A bare agreement ("Agreed.", "Så det
  gør vi.", "Let's do that.") takes its content from the proposal just before it. Negated
  ones ("we haven't decided") are not decisions.
- **Open questions**: questions nobody answered: no reply from another person within the next
  three turns (60 s), or a reply that defers ("I don't know", "good question", "I'll have to
  check", "det må jeg undersøge"). Not counted: tag questions ("right?", "ikke?"), checks
  ("can you hear me?"), pleasantries, and requests (they are action items).
- **Next meeting**: the last sentence that plans a meeting ("let's meet again on the 18th",
  "næste møde", "same time next week", "vi ses på torsdag") with a date when one is said.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.intelligence.dates import find_date
from assistant.intelligence.sentences import Sentence, sentences_of, words
from assistant.transcript import Transcript

__all__ = [
    "Decision",
    "NextMeeting",
    "OpenQuestion",
    "extract_decisions",
    "find_next_meeting",
    "open_questions",
]


@dataclass(frozen=True, slots=True)
class Decision:
    text: str
    """What was decided: the sentence, or the proposal an agreement refers to."""
    speaker: str
    """Participant id of who stated or confirmed it."""
    start: float
    """Start of the deciding sentence (s from meeting start)."""
    quote: str
    language: str | None


@dataclass(frozen=True, slots=True)
class OpenQuestion:
    text: str
    speaker: str
    start: float
    """Start of the question (s from meeting start)."""
    language: str | None
    reason: str
    """"unanswered" (no reply) or "deferred" (the reply put it off)."""


@dataclass(frozen=True, slots=True)
class NextMeeting:
    date: dt.date | None
    """None when a next meeting was planned without a date that could be resolved."""
    quote: str
    speaker: str
    start: float


_DECISION = re.compile(
    r"\b(?:we(?:'ve| have)? (?:agreed|decided)|we are agreed|it's decided|(?:the )?decision is"
    r"|let's go with|we'll go with|we(?:'re| are) going (?:to go )?with|we'll stick with"
    r"|we've settled on|that's settled|we(?:'re| are) going ahead with|we'll move forward with"
    r"|vi har (?:besluttet|aftalt|valgt)|vi er enige om|så er vi enige|vi går med|vi kører med"
    r"|lad os (?:køre|gå) med|det er (?:besluttet|aftalt)|beslutningen er|vi vælger"
    r"|det venter vi med|vi venter med)\b",
    re.IGNORECASE,
)
_AGREEMENT = re.compile(
    r"^(?:(?:okay|ok|good|great|yes|yeah|fine|super|perfekt|fint|godt|ja|jo)[,.!]?\s+)*"
    r"(?:agreed|deal|let's do (?:that|it)|so that's what we'll do|så det gør vi|det gør vi"
    r"|aftalt|så gør vi det|det er en aftale|det er besluttet|i like that|sounds good"
    r"|that works(?: for us)?|det lyder godt|det synes jeg er en god idé|godt forslag)[.!]*$",
    re.IGNORECASE,
)
_NOT_DECIDED = re.compile(
    r"\b(?:haven't|have not|didn't|did not|not yet|ikke|endnu ikke)\b", re.IGNORECASE
)
_PROPOSAL = re.compile(
    r"\b(?:how about|what about|shall we|should we|why don't we|i suggest|i propose|"
    r"let's|vil jeg foreslå|jeg foreslår|skal vi|hvad med|hvad siger I til|lad os)\b",
    re.IGNORECASE,
)

_TAG_QUESTION = re.compile(
    r"^(?:right|okay|ok|yeah|no|you know|correct|ikke|ikke sandt|ikke også|vel|ja|okay\?)\W*$",
    re.IGNORECASE,
)
_CHECK_QUESTION = re.compile(
    r"\b(?:hear me|see my screen|see the slides|see them|see it|hear us|hvordan går det"
    r"|how are you|how's it going|høre mig|se min skærm|anything else|noget andet|any questions"
    r"|flere spørgsmål|did that arrive|makes sense)\b",
    re.IGNORECASE,
)
_REQUEST_QUESTION = re.compile(
    r"^(?:\w+,\s+)?(?:can|could|would|will) you\b(?! tell| explain)|^(?:\w+,\s+)?(?:kan|kunne"
    r"|vil|gider) du\b(?! fortælle| forklare)",
    re.IGNORECASE,
)
_DEFERRAL = re.compile(
    r"\b(?:i don't know|don't know yet|not sure|no idea|good question|i'll (?:have to )?check"
    r"|i'll find out|get back to you|need to check|have to check|can't say yet|let me check"
    r"|ved ikke|det ved jeg ikke|godt spørgsmål|det må jeg undersøge|det skal jeg lige tjekke"
    r"|vender tilbage|det kan jeg ikke sige|i'll ask|jeg spørger)\b",
    re.IGNORECASE,
)
_QUESTION_OPENERS = frozenset(
    {
        *("what", "why", "how", "when", "where", "who", "which", "do", "does", "did", "can"),
        *("could", "would", "will", "is", "are", "should", "shall"),
    }
)

_MEETING_CUE = re.compile(
    r"\b(?:next (?:meeting|session|call|check-in)|follow[- ]up (?:call|meeting|session)"
    r"|meet again|reconvene|catch up again|see you (?:on|next|all)|talk (?:again )?(?:on|next)"
    r"|let's meet|book a call|same time next"
    r"|regroup|næste (?:møde|session|opkald)|nyt møde|vi ses|vi mødes|opfølgningsmøde"
    r"|opfølgende møde|vi tales ved"
    r"|samme tid næste|vi snakkes ved|aftale et (?:nyt )?møde)\b",
    re.IGNORECASE,
)
_IN_MINUTES = re.compile(r"\bin (?:another )?(?:\w+ )?(?:minutes|hours)\b|\bom (?:en )?time\b")


def extract_decisions(
    transcript: Transcript, sentences: Sequence[Sentence] | None = None
) -> tuple[Decision, ...]:
    sentences = sentences if sentences is not None else sentences_of(transcript)
    found: list[Decision] = []
    for index, sentence in enumerate(sentences):
        text = sentence.text.replace("’", "'").strip()
        if _AGREEMENT.match(text):
            proposal = _proposal_before(sentences, index)
            if proposal is not None:
                # Agreeing twice to one proposal is one decision; the later words settle it.
                decision = _decision(proposal.text, sentence)
                found = [d for d in found if d.text != decision.text] + [decision]
            continue
        match = _DECISION.search(text)
        if match is None or _NOT_DECIDED.search(text[max(0, match.start() - 12) : match.end()]):
            continue
        found.append(_decision(text, sentence))
    return tuple(found)


def _decision(text: str, sentence: Sentence) -> Decision:
    return Decision(
        text=text.strip().rstrip("?"),
        speaker=sentence.speaker,
        start=sentence.start,
        quote=sentence.text,
        language=sentence.language,
    )


def _proposal_before(sentences: Sequence[Sentence], index: int) -> Sentence | None:
    for previous in reversed(sentences[max(0, index - 4) : index]):
        if sentences[index].start - previous.start > 90:
            break
        if _PROPOSAL.search(previous.text):
            return previous
    return None


def open_questions(
    transcript: Transcript, sentences: Sequence[Sentence] | None = None
) -> tuple[OpenQuestion, ...]:
    """Questions left unanswered or put off, in order of time."""
    sentences = sentences if sentences is not None else sentences_of(transcript)
    punctuated = any("?" in s.text or "." in s.text for s in transcript.segments)
    result = []
    asked: set[str] = set()
    for index, sentence in enumerate(sentences):
        text = sentence.text.strip()
        if not _is_question(text, punctuated):
            continue
        if len(words(text)) <= 3 and (_TAG_QUESTION.match(text) or not punctuated):
            continue
        if _TAG_QUESTION.match(text) or _CHECK_QUESTION.search(text):
            continue
        if _REQUEST_QUESTION.search(text):
            continue
        reason = _answer_state(sentences, index)
        key = " ".join(words(_LEADING_AND.sub("", text)))
        if reason is not None and key not in asked:
            # "The username?" asked twice, in any case or punctuation, is one open question.
            asked.add(key)
            result.append(
                OpenQuestion(text, sentence.speaker, sentence.start, sentence.language, reason)
            )
    return tuple(result)


def _is_question(text: str, punctuated: bool) -> bool:
    if punctuated:
        return text.rstrip("\"')”’ ").endswith("?")
    tokens = words(text)
    return len(tokens) >= 4 and tokens[0] in _QUESTION_OPENERS


def _answer_state(sentences: Sequence[Sentence], index: int) -> str | None:
    """None when answered; else why the question stays open."""
    question = sentences[index]
    replies = 0
    last_segment = question.segment
    for later in sentences[index + 1 :]:
        if later.start - question.start > 60:
            break
        if later.speaker == question.speaker:
            if later.segment != question.segment and later.text.rstrip().endswith("?"):
                break  # the asker moved on to another question
            continue
        if _defers(question, later, sentences):
            return "deferred"
        if later.segment != last_segment:
            replies += 1
            last_segment = later.segment
        if len(words(later.text)) >= 2 or replies >= 1:
            return None
        if replies >= 3:
            break
    return "unanswered"


_LEADING_AND = re.compile(r"^(?:(?:and|so|but|og|så|men)\b[,\s]*)+", re.IGNORECASE)
_YES_NO = re.compile(
    r"^(?:yes|yeah|yep|no|nope|sure|of course|absolutely|ja|jo|nej|jep|selvfølgelig|klart)\b",
    re.IGNORECASE,
)
_GOOD_QUESTION = re.compile(r"^(?:good|great) question|^godt spørgsmål", re.IGNORECASE)


def _defers(question: Sentence, reply: Sentence, sentences: Sequence[Sentence]) -> bool:
    """The reply puts the question off. Not when it opens with a yes or no, when the deferring
    words only echo the question ("Hvornår vender I tilbage?" - "Vi vender tilbage fredag"),
    or when "good question" is followed by the answer in the same turn."""
    if _YES_NO.match(reply.text.strip()):
        return False
    match = _DEFERRAL.search(reply.text[:40])
    if match is None:
        return False
    if set(words(match.group(0))) <= set(words(question.text)):
        return False
    good = _GOOD_QUESTION.match(reply.text.strip())
    if good:
        rest = [reply.text.strip()[good.end() :]]
        rest += [
            s.text
            for s in sentences
            if s.segment == reply.segment and s.start >= reply.start and s is not reply
        ]
        return not any(len(words(text)) >= 3 and not _DEFERRAL.search(text) for text in rest)
    return True


def find_next_meeting(
    transcript: Transcript, sentences: Sequence[Sentence] | None = None
) -> NextMeeting | None:
    """The last planned next meeting, preferring one with a date."""
    sentences = sentences if sentences is not None else sentences_of(transcript)
    meeting_date = transcript.meeting.date
    found: NextMeeting | None = None
    for index, sentence in enumerate(sentences):
        if not _MEETING_CUE.search(sentence.text):
            continue
        date = _meeting_date(sentence.text, meeting_date)
        if date is None:
            # "Shall we meet again?" - "The 18th works." / "Same time next week, on the 18th."
            for reply in sentences[index + 1 : index + 3]:
                if reply.start - sentence.start > 30:
                    break
                date = _meeting_date(reply.text, meeting_date)
                if date is not None:
                    break
        candidate = NextMeeting(date, sentence.text, sentence.speaker, sentence.start)
        if found is None or date is not None or found.date is None:
            found = candidate
    return found


def _meeting_date(text: str, meeting_date: dt.date | None) -> dt.date | None:
    if re.search(r"\bsame time next week\b|\bsamme tid næste uge\b", text, re.IGNORECASE):
        phrase = find_date(re.sub(r"next week|næste uge", "", text, flags=re.I), meeting_date)
        if phrase is not None and phrase.date is not None:
            return phrase.date
        return meeting_date + dt.timedelta(days=7) if meeting_date else None
    if _IN_MINUTES.search(text):
        return meeting_date
    phrase = find_date(text, meeting_date)
    return phrase.date if phrase is not None else None
