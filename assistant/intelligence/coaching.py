"""Private coaching per participant, from the meeting's own figures, in the meeting's language.

Every item names the figure that triggered it and the benchmark it is held against:

| topic | figure (from `assistant.analytics.metrics`) | benchmark | when |
|---|---|---|---|
| talk_share | our side's talk share (sales calls) | 43 % talk, 57 % listen | above 50 % |
| balance | own share (meetings without customer) | an equal share, 1/n | > 60 % and > 2/n |
| questions | our side's questions (sales calls >= 15 min) | 11-14 (discovery) | outside |
| monologue | longest monologue | under 76 s | above 90 s |
| pace | words per minute | 130-175 | outside the band, with 60 s and 150 words spoken |
| fillers | filler words per 100 words | under 4 | at 4 or more, with 100 words spoken |
| camera | engagement.camera_on_share | camera on 80 % of the meeting | below |
| facing | engagement.facing_camera_share | facing the camera 60 % of the time | below |
| gestures | engagement.gesture_rate_per_min_speaking | 2 gestures per minute of speaking | below |
| inclusion | participants under 5 % of the talk | everyone heard | to the one who led the talk |

The talk, question and monologue benchmarks are the published sales-call research figures the
issue cites; the camera, facing and gesture thresholds are this project's defaults (there is no
agreed figure), kept as constants here. Engagement figures come from the report's participant
``engagement`` object when video was analysed; missing or null figures give no tips.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from assistant.analytics.metrics import MeetingMetrics, ParticipantMetrics
from assistant.transcript import Transcript

__all__ = [
    "CAMERA_ON_MIN",
    "FACING_CAMERA_MIN",
    "FILLERS_PER_100_MAX",
    "GESTURES_PER_MIN_MIN",
    "MONOLOGUE_BENCHMARK_S",
    "QUESTIONS_BAND",
    "TALK_SHARE_BENCHMARK",
    "TALK_SHARE_WARNING",
    "WORDS_PER_MINUTE_BAND",
    "CoachingItem",
    "ParticipantCoaching",
    "coach",
]

TALK_SHARE_BENCHMARK = 0.43
"""Our side's talk share in successful sales calls."""
TALK_SHARE_TIP = 0.50
"""Our side's share above which a talk-share tip is given."""
TALK_SHARE_WARNING = 0.65
"""Our side's share above which calls convert worse."""
QUESTIONS_BAND = (11, 14)
"""Questions our side asks in a successful discovery call."""
QUESTIONS_MIN_CALL_S = 15 * 60
"""Shorter calls are not held against the question benchmark."""
MONOLOGUE_BENCHMARK_S = 76.0
"""Longest monologue of top sellers (s)."""
MONOLOGUE_TIP_S = 90.0
"""Longest monologue above which a tip is given (s)."""
WORDS_PER_MINUTE_BAND = (130.0, 175.0)
FILLERS_PER_100_MAX = 4.0
CAMERA_ON_MIN = 0.8
"""Share of the meeting with the camera on (project default)."""
FACING_CAMERA_MIN = 0.6
"""Share of camera time facing it (project default)."""
GESTURES_PER_MIN_MIN = 2.0
"""Hand gestures per minute of speaking (project default)."""
QUIET_SHARE = 0.05
"""Talk share under which a participant counts as not drawn in."""

_MIN_TALK_S = 60.0
_MIN_WORDS_PACE = 150
_MIN_WORDS_FILLERS = 100


@dataclass(frozen=True, slots=True)
class CoachingItem:
    topic: str
    """talk_share, balance, questions, monologue, pace, fillers, camera, facing, gestures,
    inclusion."""
    value: float
    """The figure that triggered the item, in ``unit``."""
    unit: str
    """"share" (0-1), "count", "s", "words/min", "per 100 words", "per min"."""
    benchmark: str
    """The benchmark in words, in the meeting's language."""
    message: str
    """The advice: concrete and kind, in the meeting's language."""


@dataclass(frozen=True, slots=True)
class ParticipantCoaching:
    participant: str
    """Participant id; the items are meant for this person only."""
    language: str
    """"da" or "en"."""
    items: tuple[CoachingItem, ...]


def _pct(share: float) -> str:
    return f"{round(share * 100)} %"


def coach(
    transcript: Transcript,
    metrics: MeetingMetrics,
    engagement: Mapping[str, Mapping[str, object] | None] | None = None,
) -> tuple[ParticipantCoaching, ...]:
    """Coaching items for every participant (an empty tuple of items when all is well)."""
    danish = transcript.meeting.language == "da"
    language = "da" if danish else "en"
    sides = {p.id: p.side for p in transcript.participants}
    sales = {"internal", "external"} <= set(sides.values())
    internal = [m for m in metrics.participants if sides.get(m.participant_id) == "internal"]
    internal_questions = sum(m.questions_asked for m in internal)
    leader = _leader(internal if sales else list(metrics.participants))
    quiet = (
        [m for m in metrics.participants if m.talk_share < QUIET_SHARE]
        if metrics.balance.score and len(metrics.participants) > 2
        else []
    )
    names = {p.id: p.name for p in transcript.participants}
    result = []
    for m in metrics.participants:
        items: list[CoachingItem] = []
        if sales and sides.get(m.participant_id) == "internal" and m.talk_time_s > 0:
            items += _talk_share(metrics, m, danish)
            items += _questions(transcript, m, internal_questions, len(internal), danish)
        elif not sales:
            items += _balance(metrics, m, danish)
        items += _monologue(m, danish)
        items += _pace(m, danish)
        items += _fillers(m, danish)
        items += _engagement((engagement or {}).get(m.participant_id), danish)
        if leader == m.participant_id and quiet:
            items += _inclusion([q for q in quiet if q is not m], names, danish)
        result.append(ParticipantCoaching(m.participant_id, language, tuple(items)))
    return tuple(result)


def _leader(candidates: list[ParticipantMetrics]) -> str | None:
    speaking = [m for m in candidates if m.talk_time_s > 0]
    return max(speaking, key=lambda m: m.talk_time_s).participant_id if speaking else None


def _talk_share(metrics: MeetingMetrics, m: ParticipantMetrics, danish: bool) -> list[CoachingItem]:
    sides = metrics.sides
    if sides is None or sides.internal_share <= TALK_SHARE_TIP:
        return []
    team, own = _pct(sides.internal_share), _pct(m.talk_share)
    warning = sides.internal_share > TALK_SHARE_WARNING
    if danish:
        benchmark = "de bedste sælgere taler 43 % og lytter 57 %; over 65 % lukker færre aftaler"
        message = (
            f"Vores side talte {team} af tiden (du selv {own}). De bedste sælgere lytter mere, "
            "end de taler: prøv at stille ét åbent spørgsmål efter hvert punkt og lad kunden tale "
            "færdig."
        )
        if warning:
            message += " Over 65 % hænger sammen med færre lukkede aftaler."
    else:
        benchmark = "top reps talk 43 % and listen 57 %; above 65 % converts worse"
        message = (
            f"Our side spoke {team} of the time (you {own}). Top reps listen more than they "
            "talk: try one open question after each point and let the customer finish."
        )
        if warning:
            message += " Above 65 % goes with fewer closed deals."
    return [CoachingItem("talk_share", round(sides.internal_share, 4), "share", benchmark, message)]


def _balance(metrics: MeetingMetrics, m: ParticipantMetrics, danish: bool) -> list[CoachingItem]:
    n = len(metrics.participants)
    if n < 2 or m.talk_share <= 0.6 or m.talk_share <= 2 / n:
        return []
    equal = _pct(1 / n)
    if danish:
        benchmark = f"en lige fordeling er {equal} hver"
        message = (
            f"Du talte {_pct(m.talk_share)} af tiden i et møde med {n} deltagere. Giv ordet "
            "videre med et direkte spørgsmål, så de andres viden også kommer frem."
        )
    else:
        benchmark = f"an equal share is {equal} each"
        message = (
            f"You spoke {_pct(m.talk_share)} of the time in a meeting of {n}. Hand the floor "
            "over with a direct question so the others' knowledge comes out too."
        )
    return [CoachingItem("balance", round(m.talk_share, 4), "share", benchmark, message)]


def _questions(
    transcript: Transcript, m: ParticipantMetrics, team_questions: int, team_size: int, danish: bool
) -> list[CoachingItem]:
    low, high = QUESTIONS_BAND
    if transcript.meeting.duration_s < QUESTIONS_MIN_CALL_S or low <= team_questions <= high:
        return []
    mine = m.questions_asked
    shared = f" ({mine} af dem dine)" if danish else f" ({mine} of them yours)"
    shared = shared if team_size > 1 else ""
    if team_questions < low:
        if danish:
            message = (
                f"Vores side stillede {team_questions} spørgsmål{shared}. Gode opdagelsessamtaler "
                "har 11-14: forbered tre åbne spørgsmål om kundens mål, proces og tidsplan."
            )
        else:
            message = (
                f"Our side asked {team_questions} questions{shared}. Strong discovery calls have "
                "11-14: prepare three open questions about the customer's goals, process and "
                "timeline."
            )
    elif danish:
        message = (
            f"Vores side stillede {team_questions} spørgsmål{shared}. Over 14 kan føles som et "
            "forhør: stil færre, og gå i dybden med opfølgende spørgsmål."
        )
    else:
        message = (
            f"Our side asked {team_questions} questions{shared}. Over 14 can feel like an "
            "interrogation: ask fewer and follow up on the answers instead."
        )
    benchmark = "11-14 spørgsmål i en opdagelsessamtale" if danish else "11-14 in a discovery call"
    return [CoachingItem("questions", float(team_questions), "count", benchmark, message)]


def _monologue(m: ParticipantMetrics, danish: bool) -> list[CoachingItem]:
    if m.longest_monologue_s <= MONOLOGUE_TIP_S:
        return []
    seconds = round(m.longest_monologue_s)
    if danish:
        benchmark = "under 76 sekunder ad gangen"
        message = (
            f"Din længste enetale varede {seconds} sekunder. Del lange forklaringer op, og tjek "
            "undervejs med et spørgsmål som 'giver det mening for jer?'."
        )
    else:
        benchmark = "under 76 seconds at a stretch"
        message = (
            f"Your longest monologue lasted {seconds} seconds. Break long explanations up and "
            "check in along the way, e.g. 'does that match what you see?'."
        )
    return [CoachingItem("monologue", round(m.longest_monologue_s, 1), "s", benchmark, message)]


def _pace(m: ParticipantMetrics, danish: bool) -> list[CoachingItem]:
    low, high = WORDS_PER_MINUTE_BAND
    wpm = m.words_per_minute
    if m.talk_time_s < _MIN_TALK_S or m.words < _MIN_WORDS_PACE or low <= wpm <= high:
        return []
    fast = wpm > high
    if danish:
        benchmark = "130-175 ord i minuttet"
        advice = (
            "Hold små pauser efter vigtige pointer, så de når frem."
            if fast
            else "Lidt mere tempo holder energien oppe; øv de centrale pointer, så de sidder."
        )
        message = f"Du talte {round(wpm)} ord i minuttet. {advice}"
    else:
        benchmark = "130-175 words per minute"
        advice = (
            "Pause briefly after key points so they land."
            if fast
            else "A little more pace keeps the energy up; rehearse the key points so they flow."
        )
        message = f"You spoke at {round(wpm)} words per minute. {advice}"
    return [CoachingItem("pace", round(wpm, 1), "words/min", benchmark, message)]


def _fillers(m: ParticipantMetrics, danish: bool) -> list[CoachingItem]:
    rate = m.filler_words_per_100
    if m.words < _MIN_WORDS_FILLERS or rate < FILLERS_PER_100_MAX:
        return []
    if danish:
        benchmark = "under 4 fyldord pr. 100 ord"
        message = (
            f"Du brugte {rate:.1f} fyldord (øh, øhm) pr. 100 ord. En kort stille pause virker "
            "mere sikker end et 'øh': prøv at trække vejret, før du svarer."
        )
    else:
        benchmark = "under 4 filler words per 100 words"
        message = (
            f"You used {rate:.1f} filler words (um, uh, you know) per 100 words. A short silent "
            "pause sounds more confident than an 'um': take a breath before you answer."
        )
    return [CoachingItem("fillers", round(rate, 2), "per 100 words", benchmark, message)]


def _figure(engagement: Mapping[str, object], key: str) -> float | None:
    value = engagement.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _engagement(engagement: Mapping[str, object] | None, danish: bool) -> list[CoachingItem]:
    if not isinstance(engagement, Mapping):
        return []
    items = []
    camera = _figure(engagement, "camera_on_share")
    if camera is not None and camera < CAMERA_ON_MIN:
        if danish:
            message = (
                f"Dit kamera var tændt {_pct(camera)} af mødet. Når de andre kan se dig, "
                "opbygges tilliden hurtigere: prøv at holde det tændt hele mødet."
            )
            benchmark = "kamera tændt 80 % af mødet"
        else:
            message = (
                f"Your camera was on for {_pct(camera)} of the meeting. Being seen builds "
                "trust faster on a remote call: try to keep it on throughout."
            )
            benchmark = "camera on for 80 % of the meeting"
        items.append(CoachingItem("camera", round(camera, 4), "share", benchmark, message))
    facing = _figure(engagement, "facing_camera_share")
    if facing is not None and facing < FACING_CAMERA_MIN:
        if danish:
            message = (
                f"Du så mod kameraet {_pct(facing)} af tiden. Placér det vindue, du taler med, "
                "lige under kameraet, så øjenkontakten føles naturlig."
            )
            benchmark = "ansigtet mod kameraet 60 % af tiden"
        else:
            message = (
                f"You faced the camera {_pct(facing)} of the time. Put the window you talk to "
                "right under the camera so eye contact feels natural."
            )
            benchmark = "facing the camera 60 % of the time"
        items.append(CoachingItem("facing", round(facing, 4), "share", benchmark, message))
    gestures = _figure(engagement, "gesture_rate_per_min_speaking")
    if gestures is not None and gestures < GESTURES_PER_MIN_MIN:
        if danish:
            message = (
                f"Du brugte {gestures:.1f} håndbevægelser i minuttet, mens du talte. Kropssprog "
                "erstatter en del af det fysiske møde: lad hænderne være synlige i billedet."
            )
            benchmark = "2 håndbevægelser i minuttet, mens man taler"
        else:
            message = (
                f"You made {gestures:.1f} hand gestures per minute while speaking. Body language "
                "makes up for part of the missing face-to-face contact: keep your hands in frame."
            )
            benchmark = "2 gestures per minute of speaking"
        items.append(CoachingItem("gestures", round(gestures, 2), "per min", benchmark, message))
    return items


def _inclusion(
    quiet: list[ParticipantMetrics], names: Mapping[str, str], danish: bool
) -> list[CoachingItem]:
    if not quiet:
        return []
    who = ", ".join(names.get(q.participant_id, q.participant_id) for q in quiet)
    lowest = min(q.talk_share for q in quiet)
    if danish:
        benchmark = "alle deltagere over 5 % af taletiden"
        message = (
            f"{who} sagde næsten intet ({_pct(lowest)} af taletiden). Spørg dem direkte ved navn "
            "næste gang, fx 'hvordan ser det ud fra din side?'."
        )
    else:
        benchmark = "everyone above 5 % of the talk"
        message = (
            f"{who} hardly spoke ({_pct(lowest)} of the talk). Next time, ask them by name, "
            "e.g. 'how does this look from your side?'."
        )
    return [CoachingItem("inclusion", round(lowest, 4), "share", benchmark, message)]
