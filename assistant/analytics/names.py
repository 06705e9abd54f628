"""Names, not "Speaker 2": who is who, from the most trusted evidence down.

1. names the user gives: ``Name=voice.wav`` matched by voice, plain names by order of first speech;
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
from scipy.optimize import linear_sum_assignment

from assistant.transcript import NameSource, Segment, Transcript

__all__ = ["addressed_names", "resolve_names", "self_introductions"]

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
    similarity = np.array([[float(samples[n] @ voices[i]) for i in ids] for n in names])
    rows, cols = linear_sum_assignment(-similarity)
    return {
        ids[c]: names[r]
        for r, c in zip(rows, cols, strict=True)
        if similarity[r, c] >= min_similarity
    }


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
    first_speech = {p.id: float("inf") for p in transcript.participants}
    for segment in transcript.segments:
        first_speech[segment.speaker] = min(first_speech.get(segment.speaker, 1e18), segment.start)
    order = sorted(
        (p for p in transcript.participants if p.id not in chosen),
        key=lambda p: first_speech.get(p.id, float("inf")),
    )
    sampled = set((voice_samples or {}).keys())
    plain = [name for name in user_names if name not in sampled]
    for participant, name in zip(order, plain, strict=False):
        chosen[participant.id] = (name, "user")

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
