"""Names, not "Speaker 2": who is who, from the most trusted evidence down.

1. names the user gives: ``Name=voice.wav`` matched by voice, plain names by order of first
   substantial speech (see `speaking_order`: a misheard one-word "Hello" does not count);
2. self-introductions in the transcript ("This is Diane in New Jersey", "I'm Sheila",
   "Jeg hedder Mette");
3. being addressed by name right before speaking ("Over to you, Mette." then Mette speaks).

Only participants still named by a placeholder take names from 2 and 3; unresolved speakers
stay "Speaker N". Each participant's ``name_source`` says how its name was found.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace

import numpy as np
import numpy.typing as npt

from assistant.analytics.metrics import speech_of
from assistant.transcript import NameSource, Segment, Transcript

__all__ = [
    "SUBSTANTIAL_SPEECH_S",
    "SUBSTANTIAL_WORDS",
    "addressed_names",
    "resolve_names",
    "self_introductions",
    "speaking_order",
    "user_names_warning",
]

SUBSTANTIAL_SPEECH_S = 2.0
"""Speech this long (s) or longer anchors a person's place in the order of first speech."""
SUBSTANTIAL_WORDS = 5
"""As do this many words said in one stretch of speech."""

_NAME = r"([A-ZÆØÅÄÖÜ][a-zæøåäöüéèA-Z'\-]+(?:\s[A-ZÆØÅÄÖÜ][a-zæøåäöüéè'\-]+)?)"
_INTRODUCTIONS = [
    re.compile(rf"\b(?:[Tt]his is|I'm|I am|[Mm]y name is|[Mm]y name's|[Cc]all me)\s+{_NAME}"),
    re.compile(rf"\b(?:[Jj]eg hedder|[Mm]it navn er|[Jj]eg er|[Dd]et er)\s+{_NAME}"),
    re.compile(rf"\b(?:[Ii]ch bin|[Ii]ch heiße|[Mm]ein Name ist)\s+{_NAME}"),
]
_GREETING = (
    r"(?:[Hh]i|[Hh]ello|[Hh]ey|[Tt]hanks|[Tt]hank you|[Ww]elcome|[Gg]o ahead|[Oo]ver to you"
    r"|[Hh]ej|[Tt]ak|[Vv]elkommen)"
)
_ADDRESS = [
    re.compile(rf"\b{_GREETING},?\s+{_NAME}\b"),
    re.compile(
        rf"(?:^|[,.]\s+){_NAME}[,?]\s*(?:what|how|can|could|would|do|did|are|is|hvad|hvordan|kan)\b"
    ),
    re.compile(rf",\s+{_NAME}[?.!]?\s*$"),
]
# Capitalised words that follow "I'm" or "this is" without being names.
_NOT_NAMES = frozenset(
    """
    a about afraid all also an and at back being calling coming doing done excited fine from glad
    going good great happy here how i in it just looking not now okay ok on only open out over
    ready really right so sorry still sure that the there thinking this trying very what where
    which who why with yes your monday tuesday wednesday thursday friday saturday sunday january
    february march april may june july august september october november december
    ja nej godt glad her lige okay også meget bare klar ikke enig sikker
    i'm i'll i've i'd im we we're we'll you you're you'll he she they it's that's let's let
    me us him her them well please thanks guys everyone everybody anyone anybody someone man
    jeg du vi de han hun man
    """.split()
)
_PLACEHOLDER: NameSource = "placeholder"


def _clean(candidate: str) -> str | None:
    words = candidate.split()
    kept: list[str] = []
    for word in words:
        if word.lower().replace("\u2019", "'").strip("'-") in _NOT_NAMES:
            break
        kept.append(word.strip("'-"))
    if not kept or len(kept[0]) < 2:
        return None
    return " ".join(kept)


def self_introductions(segments: Sequence[Segment]) -> dict[str, Counter[str]]:
    """Names each speaker gave for themselves, with how often."""
    found: dict[str, Counter[str]] = {}
    for segment in segments:
        for pattern in _INTRODUCTIONS:
            for match in pattern.finditer(segment.text):
                name = _clean(match.group(1))
                if name:
                    found.setdefault(segment.speaker, Counter())[name] += 1
    return found


def addressed_names(segments: Sequence[Segment], within_s: float = 3.0) -> dict[str, Counter[str]]:
    """Names said to a person right before that person spoke."""
    found: dict[str, Counter[str]] = {}
    ordered = sorted(segments, key=lambda s: s.start)
    for index, segment in enumerate(ordered):
        names = {
            name
            for pattern in _ADDRESS
            for match in pattern.finditer(segment.text)
            if (name := _clean(match.group(1)))
        }
        if not names:
            continue
        reply = next(
            (later for later in ordered[index + 1 :] if later.speaker != segment.speaker), None
        )
        if reply is None or reply.start - segment.end > within_s:
            continue
        for name in names:
            found.setdefault(reply.speaker, Counter())[name] += 1
    return found


def _by_voice(
    samples: Mapping[str, npt.NDArray[np.float32]],
    voices: Mapping[str, npt.NDArray[np.float32]],
    min_similarity: float,
) -> dict[str, str]:
    names, ids = list(samples), list(voices)
    if not names or not ids:
        return {}
    # Imported here: scipy.optimize costs a short file's run 0.1-0.2 s, and only voice samples
    # (with diarization) come this far.
    from scipy.optimize import linear_sum_assignment

    similarity = np.array([[float(samples[n] @ voices[i]) for i in ids] for n in names])
    rows, cols = linear_sum_assignment(-similarity)
    return {
        ids[c]: names[r]
        for r, c in zip(rows, cols, strict=True)
        if similarity[r, c] >= min_similarity
    }


def speaking_order(transcript: Transcript) -> list[str]:
    """Participant ids by order of first speech, anchored on each person's first substantial
    stretch (at least ``SUBSTANTIAL_SPEECH_S`` long or ``SUBSTANTIAL_WORDS`` words): a short
    "Hello" misattributed to someone at the start does not move them up. People with nothing
    substantial follow by their first speech of any kind, then those never heard."""
    anchored: dict[str, float] = {}
    first: dict[str, float] = {}
    for stretch in speech_of(transcript):
        first.setdefault(stretch.speaker, stretch.start)
        if stretch.duration_s >= SUBSTANTIAL_SPEECH_S or len(stretch.words) >= SUBSTANTIAL_WORDS:
            anchored.setdefault(stretch.speaker, stretch.start)
    ids = [p.id for p in transcript.participants]
    return sorted(
        ids,
        key=lambda pid: (
            (0, anchored[pid]) if pid in anchored else (1, first.get(pid, float("inf")))
        ),
    )


def resolve_names(
    transcript: Transcript,
    *,
    user_names: Sequence[str] = (),
    voice_samples: Mapping[str, npt.NDArray[np.float32]] | None = None,
    voices: Mapping[str, npt.NDArray[np.float32]] | None = None,
    min_voice_similarity: float = 0.7,
) -> Transcript:
    """Rename participants by the evidence above; ``user_names`` apply by order of first speech
    to the participants not matched by ``voice_samples`` (name → embedding), which are compared
    with ``voices`` (participant id → mean embedding from diarization)."""
    chosen: dict[str, tuple[str, NameSource]] = {}
    for pid, name in _by_voice(voice_samples or {}, voices or {}, min_voice_similarity).items():
        chosen[pid] = (name, "voice_sample")
    order = [pid for pid in speaking_order(transcript) if pid not in chosen]
    sampled = set((voice_samples or {}).keys())
    plain = [name for name in user_names if name not in sampled]
    for pid, name in zip(order, plain, strict=False):
        chosen[pid] = (name, "user")

    taken = {name for name, _ in chosen.values()}
    for evidence, source in (
        (self_introductions(transcript.segments), "self_introduction"),
        (addressed_names(transcript.segments), "addressed"),
    ):
        for participant in transcript.participants:
            if participant.id in chosen or participant.name_source != _PLACEHOLDER:
                continue
            for name, _ in evidence.get(participant.id, Counter()).most_common():
                if name not in taken:
                    chosen[participant.id] = (name, source)  # type: ignore[assignment]
                    taken.add(name)
                    break
    participants = tuple(
        replace(p, name=chosen[p.id][0], name_source=chosen[p.id][1]) if p.id in chosen else p
        for p in transcript.participants
    )
    return replace(transcript, participants=participants)


def user_names_warning(named: Transcript, user_names: Sequence[str]) -> str | None:
    """Why ``user_names`` (plain names, by order of first speech) may have gone to the wrong
    people, after ``resolve_names`` applied them to ``named``: there were more or fewer of
    them than speakers heard. None when the counts agree."""
    if not user_names:
        return None
    heard = {stretch.speaker for stretch in speech_of(named)}
    order = [pid for pid in speaking_order(named) if pid in heard]
    speakers = [named.participant(pid) for pid in order]
    speakers = [p for p in speakers if p.name_source != "voice_sample"]
    if len(user_names) == len(speakers):
        return None
    used = [p.name for p in speakers if p.name_source == "user"]
    given = f"{len(user_names)} name{'s' if len(user_names) != 1 else ''}"
    found = f"{len(speakers)} speaker{'s' if len(speakers) != 1 else ''} heard"
    verb = "were" if len(used) != 1 else "was"
    went = f"{_and(used) or 'none'} {verb} given by order of first speech"
    if len(user_names) > len(speakers):
        unused = [name for name in user_names if name not in used]
        return f"--participants: {given} for {found}: {went}, {_and(unused)} to nobody"
    rest = [p.name for p in speakers if p.name_source != "user"]
    kept = "kept their names" if len(rest) != 1 else "kept its name"
    return f"--participants: {given} for {found}: {went}, {_and(rest)} {kept}"


def _and(names: Sequence[str]) -> str:
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)
