"""Participation metrics: pure functions over a `Transcript`.

Talk figures come from who spoke when (the transcript's speaker turns: diarization or each
track's voice activity), not from the words recognised in it, so speech the recogniser dropped
(far-field, overlapped) still counts as talk. A transcript without audio (a reference corpus
such as AMI, a transcript file) derives its turns from its segments, so the numbers are the
same whichever way the transcript was made. Words, questions and fillers come from the text.

Definitions used throughout:

- **speech**: a participant's turns joined where they touch (a stretch of their own speech);
  the words said in it are theirs whose middle falls in it (else the nearest stretch).
- **talk time**: the length of the union of a participant's turns; overlap with *other*
  speakers is not subtracted.
- **back-channel**: a stretch of speech under ``BACK_CHANNEL_MAX_S`` made only of listener
  sounds ("yeah", "mm-hmm"), or one under ``WORDLESS_BACK_CHANNEL_S`` with no word recognised
  in it and nobody else talking (a laugh, an "mm" the recogniser dropped, a flicker of
  diarization). It counts as talk time, but is neither a turn nor breaks one. Short wordless
  speech over someone else's is a turn: there the recogniser hears the other voice, so no
  words is what a real start looks like.
- **turn**: a run of one speaker's speech. Stretches are taken in order of start time; a
  stretch continues the current turn when the previous one is by the same speaker (so no other
  speaker started in between) and it starts at most ``max_gap_s`` after the turn's end.
- **interruption**: a turn start that falls inside another participant's stretch of speech, at
  least ``margin_s`` after its start and at least ``margin_s`` before its end, with that
  stretch ending within ``yield_window_s`` (they gave up the floor). Starting right as the
  other person stops (back to back) is not an interruption.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from assistant.transcript import Segment, Transcript, turns_of

__all__ = [
    "BACK_CHANNEL_MAX_S",
    "BACK_CHANNEL_WORDS",
    "DANISH_FILLER_WORDS",
    "DEFAULT_INTERRUPTION_MARGIN_S",
    "DEFAULT_MAX_TURN_GAP_S",
    "FILLER_WORDS",
    "QUESTION_OPENERS",
    "WORDLESS_BACK_CHANNEL_S",
    "Balance",
    "MeetingMetrics",
    "ParticipantMetrics",
    "SideShares",
    "Speech",
    "Turn",
    "balance",
    "compute_metrics",
    "count_filler_words",
    "count_questions",
    "count_words",
    "interruptions",
    "is_back_channel",
    "participant_metrics",
    "side_shares",
    "speech_of",
    "talk_time",
    "turns",
    "words_of",
]

DEFAULT_MAX_TURN_GAP_S = 2.0
"""Longest pause (s) inside one turn; a longer pause starts a new turn."""

DEFAULT_INTERRUPTION_MARGIN_S = 0.3
"""How far (s) inside another's segment a turn must start to count as an interruption."""
DEFAULT_YIELD_WINDOW_S = 2.0
"""An interrupted speaker stops within this long (s) after the interrupter starts."""
BACK_CHANNEL_WORDS = frozenset(
    """yeah yes yep yup mm mhm mmhmm mm-hmm uh-huh uhhuh hmm right okay ok sure exactly true
    wow oh ah aha ja jo jep nå præcis okay yes ok nej""".split()
)
"""Listener sounds ("yeah", "mm-hmm", "ja"): said alone, neither turns nor interruptions."""
_BACK_CHANNEL_MAX_WORDS = 3
WORDLESS_BACK_CHANNEL_S = 1.0
"""Speech (s) shorter than this with no word recognised in it counts as a back-channel."""
BACK_CHANNEL_MAX_S = 2.0
"""Speech (s) this long is never a back-channel, whatever few words were recognised in it: the
recogniser may have missed the rest."""

DOMINANT_SHARE = 0.6
"""Talk share above which a participant dominates the meeting."""

SILENT_SHARE = 0.05
"""Talk share below which a participant counts as silent."""

FILLER_WORDS: tuple[str, ...] = (
    *("um", "uh", "uhm", "umm", "erm", "er", "ah", "hm", "hmm", "mm", "mhm"),
    *("you know", "i mean"),
)
"""English filler words and phrases, lower case; matched case-insensitively as whole words,
punctuation ignored. A phrase ("you know") is counted once per occurrence, as one filler."""

DANISH_FILLER_WORDS: tuple[str, ...] = (
    *("øh", "øhm", "æh", "hm"),
    # Hesitation sounds the recogniser may spell the English way; none is a Danish word.
    *("um", "uh", "uhm", "umm", "erm", "hmm"),
)
"""Danish filler words: hesitation sounds only. "er" (is/are), "ah" and "mm" are ordinary Danish
words or listener sounds, so counting them would flag every Danish speaker."""

_DANISH_LABELS = frozenset({"da", "no", "nb", "nn"})
"""Whisper often labels Danish as Norwegian."""
_DANISH_HINTS = frozenset(
    "jeg du vi det og ikke er på til med har skal kan den at af så også hvad godt ja nej".split()
)
_ENGLISH_HINTS = frozenset(
    "i you we the and not is to with have will can it that of so also what yes no".split()
)

QUESTION_OPENERS: frozenset[str] = frozenset(
    {
        *("what", "why", "how", "when", "where", "who", "which"),
        *("do", "does", "did", "can", "could", "would", "will"),
        *("is", "are", "should", "shall"),
    }
)
"""First words that mark an utterance as a question when the transcript has no punctuation."""

_PUNCTUATION_MARKS = frozenset(".,;:?!")
"""Marks whose presence anywhere in a transcript means it is punctuated (apostrophes do not count:
unpunctuated AMI transcripts still write I'M)."""

_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)\]]))\s+")
"""Whitespace after a sentence's end mark, or after a closing quote or bracket that follows it."""
_CLOSING_QUOTES = "\"')]»”’"


@dataclass(frozen=True, slots=True)
class Speech:
    """A stretch of one participant's speech: their speaker turns joined where they touch."""

    speaker: str
    """Participant id."""
    start: float
    """Start (s from meeting start)."""
    end: float
    """End (s from meeting start)."""
    words: tuple[str, ...] = ()
    """The words said in it, lower case, without punctuation (see `words_of`)."""
    overlapped: bool = False
    """Someone else speaks during some of it."""

    @property
    def duration_s(self) -> float:
        return max(0.0, self.end - self.start)

    @property
    def back_channel(self) -> bool:
        """Listener sounds only, or too short and wordless to be a turn (see module doc)."""
        if not self.words:
            return self.duration_s < WORDLESS_BACK_CHANNEL_S and not self.overlapped
        if self.duration_s >= BACK_CHANNEL_MAX_S:
            return False
        return len(self.words) <= _BACK_CHANNEL_MAX_WORDS and all(
            word in BACK_CHANNEL_WORDS for word in self.words
        )


@dataclass(frozen=True, slots=True)
class Turn:
    """Consecutive stretches of speech of one speaker."""

    speaker: str
    """Participant id."""
    start: float
    """Start of the first stretch (s from meeting start)."""
    end: float
    """Latest end of its stretches (s from meeting start)."""

    @property
    def duration_s(self) -> float:
        return max(0.0, self.end - self.start)


@dataclass(frozen=True, slots=True)
class ParticipantMetrics:
    participant_id: str
    talk_time_s: float
    """Union of the participant's speaker turns (s)."""
    talk_share: float
    """Talk time over the sum of everyone's talk time, in [0, 1]; 0 when nobody spoke."""
    turns: int
    """Number of turns (see module docstring)."""
    longest_monologue_s: float
    """Longest turn, from its first start to its last end (s)."""
    words: int
    """Words spoken (tokens that are not pure punctuation)."""
    words_per_minute: float
    """Words per minute of talk time (1/min); 0 when the participant did not speak."""
    questions_asked: int
    """Sentences ending in "?" (or, unpunctuated, utterances opening with a question word)."""
    filler_words_per_100: float
    """Filler words per 100 words spoken; 0 when no words."""
    interruptions_made: int
    """Turns this participant started in the middle of someone else's speech, who then
    stopped (see module docstring)."""


@dataclass(frozen=True, slots=True)
class Balance:
    """How evenly the talking was spread over the participants."""

    score: float | None
    """Normalised Shannon entropy of the talk shares, in [0, 1] (see `balance`); None with fewer
    than two people speaking: there is nothing to balance."""
    dominant: str | None
    """Id of the participant with a talk share above 0.6, if any; None with fewer than two
    people speaking."""
    silent: tuple[str, ...]
    """Ids of participants with a talk share below 0.05, in participant order."""


@dataclass(frozen=True, slots=True)
class SideShares:
    """Split of the talking between our team and the customer (sales calls)."""

    internal_share: float
    """Share of all talk time by participants on the "internal" side, in [0, 1]."""
    external_share: float
    """Share of all talk time by participants on the "external" side, in [0, 1]."""


@dataclass(frozen=True, slots=True)
class MeetingMetrics:
    participants: tuple[ParticipantMetrics, ...]
    """Those who spoke (talk time or words above 0), in transcript participant order; speakers
    missing from the participant list follow."""
    balance: Balance
    sides: SideShares | None
    """None when no participant has a side."""


def talk_time(segments: Iterable[Segment]) -> float:
    """Length (s) of the union of the segments' intervals: overlaps count once."""
    intervals = sorted((s.start, s.end) for s in segments if s.end > s.start)
    total = 0.0
    current_start: float | None = None
    current_end = 0.0
    for start, end in intervals:
        if current_start is None or start > current_end:
            if current_start is not None:
                total += current_end - current_start
            current_start, current_end = start, end
        else:
            current_end = max(current_end, end)
    if current_start is not None:
        total += current_end - current_start
    return total


def is_back_channel(segment: Segment) -> bool:
    """A short utterance made only of listener sounds ("yeah", "mm-hmm", "ja ja")."""
    words = words_of(segment)
    return 0 < len(words) <= _BACK_CHANNEL_MAX_WORDS and all(
        word in BACK_CHANNEL_WORDS for word in words
    )


def speech_of(transcript: Transcript) -> tuple[Speech, ...]:
    """Everyone's stretches of speech (their speaker turns joined where they touch), each with
    the words said in it, in order of start."""
    joined: dict[str, list[list[float]]] = {}
    overlapped: set[tuple[str, int]] = set()
    for turn in sorted(turns_of(transcript), key=lambda t: (t.speaker, t.start)):
        own = joined.setdefault(turn.speaker, [])
        if own and turn.start <= own[-1][1]:
            own[-1][1] = max(own[-1][1], turn.end)
        else:
            own.append([turn.start, turn.end])
        if turn.overlapped:
            overlapped.add((turn.speaker, len(own) - 1))
    words: dict[tuple[str, int], list[str]] = {}
    for segment in transcript.segments:
        stretches = joined.get(segment.speaker)
        if not stretches:
            continue
        for middle, said in _timed_words(segment):
            index = _nearest(stretches, middle)
            words.setdefault((segment.speaker, index), []).extend(said)
    speech = [
        Speech(
            speaker,
            start,
            end,
            tuple(words.get((speaker, index), ())),
            (speaker, index) in overlapped,
        )
        for speaker, stretches in joined.items()
        for index, (start, end) in enumerate(stretches)
    ]
    return tuple(sorted(speech, key=lambda s: (s.start, s.speaker)))


def _timed_words(segment: Segment) -> list[tuple[float, list[str]]]:
    """(time s, words) pairs: each recognised word at its middle, else the whole segment's
    words at the segment's middle."""
    if not segment.words:
        return [((segment.start + segment.end) / 2, words_of(segment))]
    return [
        ((word.start + word.end) / 2, [clean])
        for word in segment.words
        if (clean := _strip_punctuation(word.text.strip().lower()))
    ]


def _nearest(stretches: Sequence[Sequence[float]], t: float) -> int:
    """Index of the stretch holding time ``t``, else of the one nearest to it."""
    index = bisect.bisect_right([start for start, _ in stretches], t) - 1
    if index >= 0 and t <= stretches[index][1]:
        return index
    candidates = [i for i in (index, index + 1) if 0 <= i < len(stretches)]
    return min(candidates, key=lambda i: min(abs(t - stretches[i][0]), abs(t - stretches[i][1])))


def turns(
    speech: Sequence[Speech] | Sequence[Segment], *, max_gap_s: float = DEFAULT_MAX_TURN_GAP_S
) -> tuple[Turn, ...]:
    """All turns of all speakers, in order of start.

    ``speech`` is everyone's speech (the interleaving decides where turns break): stretches
    from `speech_of`, or plain segments (each its own stretch). Back-channels are left out:
    they neither make a turn nor break one.
    """
    stretches = [
        item
        if isinstance(item, Speech)
        else Speech(item.speaker, item.start, item.end, tuple(words_of(item)))
        for item in speech
    ]
    result: list[Turn] = []
    previous_speaker: str | None = None
    for stretch in sorted(stretches, key=lambda s: s.start):
        if stretch.back_channel:
            continue
        last = result[-1] if result else None
        if (
            last is not None
            and previous_speaker == stretch.speaker
            and stretch.start - last.end <= max_gap_s
        ):
            result[-1] = Turn(last.speaker, last.start, max(last.end, stretch.end))
        else:
            result.append(Turn(stretch.speaker, stretch.start, stretch.end))
        previous_speaker = stretch.speaker
    return tuple(result)


def interruptions(
    participant_id: str,
    all_turns: Iterable[Turn],
    speech: Iterable[Speech],
    *,
    margin_s: float = DEFAULT_INTERRUPTION_MARGIN_S,
    yield_window_s: float = DEFAULT_YIELD_WINDOW_S,
) -> int:
    """Turns of ``participant_id`` that cut another participant off.

    A turn starting at t interrupts another's stretch of speech when it starts mid-stretch
    (``start + margin_s < t <= end - margin_s``) and that speaker stops soon after
    (``end <= t + yield_window_s``): they gave up the floor. Talking over someone who carries
    on is overlap, not an interruption; back-channels ("yeah") are not turns, so never count.
    Each turn start counts at most once.
    """
    others = [s for s in speech if s.speaker != participant_id and not s.back_channel]
    return sum(
        1
        for turn in all_turns
        if turn.speaker == participant_id
        and any(
            o.start + margin_s < turn.start <= o.end - margin_s
            and o.end <= turn.start + yield_window_s
            for o in others
        )
    )


def words_of(segment: Segment) -> list[str]:
    """The segment's words, lower case, stripped of surrounding punctuation.

    Uses the recogniser's words when present, else splits the text on whitespace; tokens that
    are pure punctuation (such as "-" or "...") are dropped.
    """
    tokens = [w.text for w in segment.words] if segment.words else segment.text.split()
    result = []
    for token in tokens:
        word = _strip_punctuation(token.strip().lower())
        if word:
            result.append(word)
    return result


def count_words(segments: Iterable[Segment]) -> int:
    return sum(len(words_of(s)) for s in segments)


def _is_danish(segment: Segment, words: Sequence[str], language: str | None) -> bool:
    label = segment.language or language
    if label is not None:
        return label in _DANISH_LABELS
    danish = sum(w in _DANISH_HINTS for w in words) + sum(1 for w in words if set(w) & set("æøå"))
    return danish >= 2 and danish > sum(w in _ENGLISH_HINTS for w in words)


def count_filler_words(segments: Iterable[Segment], *, language: str | None = None) -> int:
    """Occurrences of filler words (single words and two-word phrases), decided per segment by
    its language (else ``language``, the meeting's; else guessed from its words):
    `DANISH_FILLER_WORDS` in Danish, `FILLER_WORDS` otherwise."""
    count = 0
    for segment in segments:
        words = words_of(segment)
        fillers = DANISH_FILLER_WORDS if _is_danish(segment, words, language) else FILLER_WORDS
        singles = {f for f in fillers if " " not in f}
        phrases = {tuple(f.split()) for f in fillers if " " in f}
        longest = max((len(p) for p in phrases), default=1)
        i = 0
        while i < len(words):
            for n in range(longest, 1, -1):
                if tuple(words[i : i + n]) in phrases:
                    count += 1
                    i += n
                    break
            else:
                count += words[i] in singles
                i += 1
    return count


def count_questions(segments: Iterable[Segment], *, punctuated: bool) -> int:
    """Questions asked in ``segments``.

    Punctuated text: the number of sentences ending in "?". Text with no punctuation at all
    (``punctuated=False``, e.g. the upper-case AMI reference transcripts): the number of
    utterances whose first word is one of `QUESTION_OPENERS`. The fallback misses questions
    such as "you coming" and counts statements such as "do it"; it is a rough estimate.
    """
    count = 0
    for segment in segments:
        if punctuated:
            sentences = _SENTENCE_END.split(segment.text.strip())
            count += sum(1 for s in sentences if s.rstrip(_CLOSING_QUOTES).endswith("?"))
        else:
            words = words_of(segment)
            count += bool(words) and words[0] in QUESTION_OPENERS
    return count


def balance(talk_times: Sequence[tuple[str, float]]) -> Balance:
    """Balance of (participant id, talk time) pairs, over all participants given.

    ``score = H / ln(n)`` with ``H = -sum(p_i * ln(p_i))`` over the talk shares ``p_i`` (terms
    with ``p_i = 0`` contribute 0) and ``n`` the number of participants, silent ones included:
    1 when everyone spoke equally, 0 when one person did all the talking. With one participant,
    or when nobody spoke, there is no verdict: score and dominant are None, nobody is silent.
    """
    shares = _shares(talk_times)
    n = len(shares)
    total = sum(t for _, t in talk_times)
    if total <= 0 or n < 2:
        return Balance(score=None, dominant=None, silent=())
    entropy = -sum(p * math.log(p) for _, p in shares if p > 0)
    score = min(1.0, max(0.0, entropy / math.log(n)))
    dominant = next((pid for pid, p in shares if p > DOMINANT_SHARE), None)
    silent = tuple(pid for pid, p in shares if p < SILENT_SHARE)
    return Balance(score=score, dominant=dominant, silent=silent)


def side_shares(transcript: Transcript) -> SideShares | None:
    """Shares of all talk time by internal and external participants; None if nobody has a side.

    Speech by participants without a side counts in the total but in neither share.
    """
    if all(p.side is None for p in transcript.participants):
        return None
    times = _talk_times(transcript)
    total = sum(times.values())
    if total <= 0:
        return SideShares(internal_share=0.0, external_share=0.0)
    by_side = {"internal": 0.0, "external": 0.0}
    for participant in transcript.participants:
        if participant.side is not None:
            by_side[participant.side] += times.get(participant.id, 0.0)
    return SideShares(
        internal_share=by_side["internal"] / total, external_share=by_side["external"] / total
    )


def participant_metrics(
    transcript: Transcript,
    *,
    max_turn_gap_s: float = DEFAULT_MAX_TURN_GAP_S,
    interruption_margin_s: float = DEFAULT_INTERRUPTION_MARGIN_S,
) -> tuple[ParticipantMetrics, ...]:
    """Metrics of every participant, zeros for those who never spoke."""
    speech = speech_of(transcript)
    times = _talk_times(transcript, speech)
    total = sum(times.values())
    all_turns = turns(speech, max_gap_s=max_turn_gap_s)
    punctuated = any(
        mark in segment.text for segment in transcript.segments for mark in _PUNCTUATION_MARKS
    )
    result = []
    for pid in _speaker_ids(transcript):
        own = [s for s in transcript.segments if s.speaker == pid]
        own_turns = [t for t in all_turns if t.speaker == pid]
        talk_s = times.get(pid, 0.0)
        words = count_words(own)
        fillers = count_filler_words(own, language=transcript.meeting.language)
        result.append(
            ParticipantMetrics(
                participant_id=pid,
                talk_time_s=talk_s,
                talk_share=talk_s / total if total > 0 else 0.0,
                turns=len(own_turns),
                longest_monologue_s=max((t.duration_s for t in own_turns), default=0.0),
                words=words,
                words_per_minute=words / (talk_s / 60) if talk_s > 0 else 0.0,
                questions_asked=count_questions(own, punctuated=punctuated),
                filler_words_per_100=100 * fillers / words if words else 0.0,
                interruptions_made=interruptions(
                    pid, own_turns, speech, margin_s=interruption_margin_s
                ),
            )
        )
    return tuple(result)


def compute_metrics(
    transcript: Transcript,
    *,
    max_turn_gap_s: float = DEFAULT_MAX_TURN_GAP_S,
    interruption_margin_s: float = DEFAULT_INTERRUPTION_MARGIN_S,
) -> MeetingMetrics:
    """All metrics of a meeting: per participant who spoke, balance and (when sides are known)
    side shares. Participants with no talk at all are left out: a figure of 0 words a minute or a
    0 % bar says nothing, and a recording of silence has no participants."""
    participants = tuple(
        p
        for p in participant_metrics(
            transcript, max_turn_gap_s=max_turn_gap_s, interruption_margin_s=interruption_margin_s
        )
        if p.talk_time_s > 0 or p.words > 0
    )
    return MeetingMetrics(
        participants=participants,
        balance=balance([(p.participant_id, p.talk_time_s) for p in participants]),
        sides=side_shares(transcript),
    )


def _speaker_ids(transcript: Transcript) -> list[str]:
    """Participant ids in order, then any speaker missing from the list (so no speech is lost)."""
    ids = [p.id for p in transcript.participants]
    known = set(ids)
    speakers = [s.speaker for s in transcript.segments] + [t.speaker for t in transcript.turns]
    for speaker in speakers:
        if speaker not in known:
            ids.append(speaker)
            known.add(speaker)
    return ids


def _talk_times(transcript: Transcript, speech: Sequence[Speech] | None = None) -> dict[str, float]:
    """Talk time (s) per participant: the union of their speaker turns."""
    times = dict.fromkeys(_speaker_ids(transcript), 0.0)
    for stretch in speech_of(transcript) if speech is None else speech:
        times[stretch.speaker] += stretch.duration_s
    return times


def _shares(talk_times: Sequence[tuple[str, float]]) -> list[tuple[str, float]]:
    total = sum(t for _, t in talk_times)
    return [(pid, t / total if total > 0 else 0.0) for pid, t in talk_times]


def _strip_punctuation(token: str) -> str:
    start, end = 0, len(token)
    while start < end and not token[start].isalnum():
        start += 1
    while end > start and not token[end - 1].isalnum():
        end -= 1
    return token[start:end]
