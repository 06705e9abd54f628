"""Private live hints: a pure engine fed with a live meeting's events and told the time.

Nothing here touches a clock, a thread or a socket: ``join``/``leave``, ``caption``, ``voice``
and ``second`` record what happened (meeting seconds, as every frame carries), ``opt_in`` and
``opt_out`` say who wants hints, and ``poll(now_s)`` returns the hints due now, each addressed
to the one person it concerns. Tests drive it with fake events to the millisecond; the service
feeds it a live meeting's events and polls it every second.

The rules (thresholds in ``HintOptions``):

- **monologue**: someone has been talking for more than ``monologue_s`` straight. A run goes on
  across their own pauses of at most ``pause_s``; it ends at a longer pause, or when someone
  else spoke for at least ``interrupt_s`` while they were quiet (talking over a backchannel
  does not end it).
- **pace**: over their finals of the last ``pace_window_s`` (ending at their latest final),
  words per minute of their own speech above ``pace_wpm``, once they hold at least
  ``pace_min_speech_s`` of speech (one quick sentence says nothing about a pace).
- **camera_off** / **looking_away**: more than ``away_s`` of consecutive seconds of their video
  with the camera off, or on with no face turned to it (from the live engagement features).
- **not_heard** (to the host only): a participant present for more than ``unheard_s`` without
  being heard since joining or since they last spoke.

Each hint is given once per episode (a condition that holds without a break) and only to a
person who has opted in; a person gets at most one hint per ``min_gap_s``, and the same hint
about the same person not again within ``repeat_s``. A hint held back by the gap is given at
the first poll the gap allows, if its condition still holds then.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Literal

from pipelines.frames import Caption, SecondFeatures, VoiceActivity

__all__ = ["Hint", "HintEngine", "HintKind", "HintOptions"]

HintKind = Literal["monologue", "pace", "camera_off", "looking_away", "not_heard"]


@dataclass(frozen=True, slots=True)
class HintOptions:
    monologue_s: float = 120.0
    """Talking straight for more than this (s) gives a ``monologue`` hint."""
    pause_s: float = 1.5
    """A pause longer than this (s) ends a run of talking."""
    interrupt_s: float = 1.0
    """Someone else speaking this long (s) while the speaker is quiet ends their run."""
    pace_wpm: float = 175.0
    """Words per minute of one's own speech above which a ``pace`` hint is given."""
    pace_window_s: float = 60.0
    """The rolling window of one's own finals the pace is measured over (s)."""
    pace_min_speech_s: float = 10.0
    """Speech (s, summed over the finals in the window) needed before a pace is judged."""
    away_s: float = 60.0
    """Camera off, or on without a face turned to it, for more than this (s) gives a hint."""
    unheard_s: float = 600.0
    """A participant not heard for more than this (s) gives the host a ``not_heard`` hint."""
    min_gap_s: float = 30.0
    """At most one hint per person in this long (s)."""
    repeat_s: float = 300.0
    """The same hint about the same person is not given again within this long (s)."""


@dataclass(frozen=True, slots=True)
class Hint:
    """A private hint for one person."""

    recipient: str
    """Participant id of the one person who may see it."""
    kind: HintKind
    subject: str
    """Participant id the hint is about: the recipient, except for ``not_heard``."""
    message: str
    at_s: float
    """When it was given (s from meeting start)."""

    def to_event(self) -> dict[str, object]:
        return {
            "type": "hint",
            "kind": self.kind,
            "participant": self.recipient,
            "subject": self.subject,
            "message": self.message,
            "at": round(self.at_s, 3),
        }


@dataclass(slots=True)
class _Person:
    name: str
    joined_s: float
    present: bool = True
    speaking: bool = False
    speech_start_s: float = 0.0
    last_speech_end_s: float | None = None
    run_start_s: float | None = None
    interrupted: bool = False
    """Someone else spoke for ``interrupt_s`` since this person last stopped."""
    finals: deque[tuple[float, float, int]] = field(default_factory=deque)
    """(start s, end s, words) of their recent final captions."""
    camera_off_from: int | None = None
    looking_away_from: int | None = None
    last_second: int | None = None


@dataclass(frozen=True, slots=True)
class _Due:
    recipient: str
    kind: HintKind
    subject: str
    episode: float
    """When the condition began holding (s): one hint per episode."""
    message: str


class HintEngine:
    """The hints of one meeting. Not thread-safe: feed and poll it from one thread (the loop)."""

    def __init__(self, options: HintOptions | None = None, *, host: str | None = None) -> None:
        """``host``: the participant id told about people not heard (None: nobody)."""
        self.options = options or HintOptions()
        self.host = host
        self._people: dict[str, _Person] = {}
        self._opted_in: set[str] = set()
        self._given_episodes: set[tuple[str, HintKind, str, float]] = set()
        self._last_given: dict[str, float] = {}
        self._last_of_kind: dict[tuple[str, HintKind, str], float] = {}

    # What happened.

    def join(self, participant_id: str, name: str, at_s: float) -> None:
        person = self._people.get(participant_id)
        if person is None:
            self._people[participant_id] = _Person(name, at_s)
        elif not person.present:  # back after leaving: not heard counts from now
            person.present, person.joined_s, person.name = True, at_s, name
        else:  # known already from their first signals
            person.name, person.joined_s = name, min(person.joined_s, at_s)

    def leave(self, participant_id: str, at_s: float) -> None:
        person = self._people.get(participant_id)
        if person is not None:
            person.present = False
            if person.speaking:
                self._stop_speaking(participant_id, person, at_s)

    def opt_in(self, participant_id: str) -> None:
        self._opted_in.add(participant_id)

    def opt_out(self, participant_id: str) -> None:
        self._opted_in.discard(participant_id)

    def opted_in(self, participant_id: str) -> bool:
        return participant_id in self._opted_in

    def voice(self, activity: VoiceActivity) -> None:
        """The VAD's decision for one person changed (speech started or stopped). Someone not
        joined yet joins now (signals and joins may come by different paths)."""
        person = self._known(activity.participant_id, activity.start_s)
        at = activity.start_s
        if activity.speaking and not person.speaking:
            person.speaking, person.speech_start_s = True, at
            gap = None if person.last_speech_end_s is None else at - person.last_speech_end_s
            if (
                person.run_start_s is None
                or gap is None
                or gap > self.options.pause_s
                or person.interrupted
            ):
                person.run_start_s = at
            person.interrupted = False
        elif not activity.speaking and person.speaking:
            self._stop_speaking(activity.participant_id, person, at)

    def caption(self, caption: Caption) -> None:
        """A caption; only finals count (partials are guesses that the finals replace)."""
        person = self._people.get(caption.participant_id)
        if person is None or caption.kind != "final":
            return
        words = len(caption.text.split())
        if words == 0 or caption.end_s <= caption.start_s:
            return
        person.finals.append((caption.start_s, caption.end_s, words))
        latest = max(end for _, end, _ in person.finals)
        while person.finals and person.finals[0][1] < latest - self.options.pace_window_s:
            person.finals.popleft()

    def second(self, features: SecondFeatures) -> None:
        """One second of someone's video, as the live engagement analysis saw it."""
        person = self._known(features.participant_id, features.start_s)
        second = features.second
        if person.last_second is not None and second != person.last_second + 1:
            person.camera_off_from = person.looking_away_from = None  # a gap: runs restart
        person.last_second = second
        off = not features.camera_on
        away = features.camera_on and not (features.face_visible and features.facing_camera)
        if off:
            person.camera_off_from = (
                second if person.camera_off_from is None else person.camera_off_from
            )
        else:
            person.camera_off_from = None
        if away:
            person.looking_away_from = (
                second if person.looking_away_from is None else person.looking_away_from
            )
        else:
            person.looking_away_from = None

    # What to say.

    def poll(self, now_s: float) -> list[Hint]:
        """The hints due at ``now_s`` (s from meeting start), at most one per person."""
        given: list[Hint] = []
        taken: set[str] = set()
        for due in self._due(now_s):
            if due.recipient in taken or not self._allowed(due, now_s):
                continue
            taken.add(due.recipient)
            self._given_episodes.add((due.recipient, due.kind, due.subject, due.episode))
            self._last_given[due.recipient] = now_s
            self._last_of_kind[(due.recipient, due.kind, due.subject)] = now_s
            given.append(Hint(due.recipient, due.kind, due.subject, due.message, now_s))
        return given

    def pace_wpm(self, participant_id: str) -> float | None:
        """Their pace over the window (words per minute of speech); None with too little."""
        person = self._people.get(participant_id)
        if person is None:
            return None
        speech_s = sum(end - start for start, end, _ in person.finals)
        if speech_s < self.options.pace_min_speech_s:
            return None
        return 60.0 * sum(words for _, _, words in person.finals) / speech_s

    def _due(self, now_s: float) -> list[_Due]:
        options = self.options
        due: list[_Due] = []
        for pid, person in self._people.items():
            if pid not in self._opted_in or not person.present:
                continue
            if (
                person.speaking
                and person.run_start_s is not None
                and now_s - person.run_start_s > options.monologue_s
            ):
                minutes = _minutes(options.monologue_s)
                message = f"You have been talking for over {minutes} straight: ask a question?"
                due.append(_Due(pid, "monologue", pid, person.run_start_s, message))
            wpm = self.pace_wpm(pid)
            if wpm is not None and wpm > options.pace_wpm:
                # One episode while the pace stays high: keyed by the window's first final.
                message = f"You are speaking fast ({wpm:.0f} words a minute): slow down a little."
                due.append(_Due(pid, "pace", pid, person.finals[0][0], message))
            away: tuple[tuple[int | None, HintKind, str], ...] = (
                (person.camera_off_from, "camera_off", "Your camera has been off"),
                (person.looking_away_from, "looking_away", "You have been looking away"),
            )
            for start, kind, text in away:
                last = person.last_second
                if start is not None and last is not None and last + 1 - start > options.away_s:
                    message = f"{text} for over {_minutes(options.away_s)}."
                    due.append(_Due(pid, kind, pid, float(start), message))
        host = self.host
        if host is not None and host in self._opted_in and self._present(host):
            for pid, person in self._people.items():
                if pid == host or not person.present or person.speaking:
                    continue
                heard = max(person.joined_s, person.last_speech_end_s or person.joined_s)
                if now_s - heard > options.unheard_s:
                    message = (
                        f"{person.name} has not been heard for over "
                        f"{_minutes(options.unheard_s)}: bring them in?"
                    )
                    due.append(_Due(host, "not_heard", pid, heard, message))
        return due

    def _allowed(self, due: _Due, now_s: float) -> bool:
        options = self.options
        if (due.recipient, due.kind, due.subject, due.episode) in self._given_episodes:
            return False
        last = self._last_given.get(due.recipient)
        if last is not None and now_s - last < options.min_gap_s:
            return False
        same = self._last_of_kind.get((due.recipient, due.kind, due.subject))
        return same is None or now_s - same >= options.repeat_s

    def _known(self, participant_id: str, at_s: float) -> _Person:
        person = self._people.get(participant_id)
        if person is None:
            person = self._people[participant_id] = _Person(participant_id, at_s)
        return person

    def _present(self, participant_id: str) -> bool:
        person = self._people.get(participant_id)
        return person is not None and person.present

    def _stop_speaking(self, participant_id: str, person: _Person, at_s: float) -> None:
        person.speaking = False
        person.last_speech_end_s = at_s
        if at_s - person.speech_start_s >= self.options.interrupt_s:
            for pid, other in self._people.items():
                if pid != participant_id and not other.speaking:
                    other.interrupted = True


def _minutes(seconds: float) -> str:
    if seconds >= 60 and seconds % 60 == 0:
        minutes = int(seconds // 60)
        return f"{minutes} minute" + ("s" if minutes != 1 else "")
    return f"{seconds:g} seconds"
