"""The meeting report, contract version 1: the models of ``assistant.outputs.report_models``
(field order, units and nulls; JSON Schema in ``docs/report.schema.json``) filled from a
transcript, its metrics and what was found in it.

Rounding is done here, before the models are filled: seconds to 3 decimals; shares, scores and
probabilities to 4; rates to 2; action item confidence to 2.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Final

from assistant.analytics.metrics import MeetingMetrics, ParticipantMetrics
from assistant.intelligence.action_items import ActionItem
from assistant.intelligence.coaching import ParticipantCoaching
from assistant.intelligence.decisions import Decision, NextMeeting, OpenQuestion
from assistant.intelligence.follow_up import FollowUpItem
from assistant.intelligence.meeting import MeetingIntelligence
from assistant.intelligence.signals import Signals
from assistant.outputs.report_models import (
    ActionItemReport,
    Balance,
    CoachingItemReport,
    CompetitorReport,
    DecisionReport,
    EngagementReport,
    FollowUpReport,
    MeetingSection,
    NextMeetingReport,
    ObjectionReport,
    OpenQuestionReport,
    ParticipantCoachingReport,
    ParticipantReport,
    Report,
    SegmentReport,
    Sides,
    SignalsReport,
    SpeakerTurnReport,
    WordReport,
)
from assistant.transcript import Participant, Segment, Transcript, turns_of

__all__ = ["REPORT_VERSION", "build_report"]

REPORT_VERSION: Final = 1

_SECONDS = 3
_SHARE = 4
_RATE = 2


def build_report(
    transcript: Transcript,
    metrics: MeetingMetrics,
    action_items: Sequence[ActionItem],
    coaching: Sequence[ParticipantCoaching],
    engagement: Mapping[str, Mapping[str, object] | None] | None = None,
    intelligence: MeetingIntelligence | None = None,
    attendees: Collection[str] = (),
    warnings: Sequence[str] = (),
) -> dict[str, object]:
    """The version 1 report of a meeting, as JSON-able data (see ``report_models.Report``).

    ``coaching`` comes from ``assistant.intelligence.coaching.coach``; ``engagement`` maps
    participant ids to their ``engagement_report`` (absent or None without video). Without
    ``intelligence`` the decisions, questions, signals and follow-up are empty. ``attendees``:
    ids of people known to have been in the meeting (they joined the call): one who never spoke
    keeps a row of zeros and is listed as silent, since keeping everyone included is the point.
    ``warnings``: what the run noticed about its options (a wrong number of names, say).
    """
    meeting = transcript.meeting
    videos = engagement or {}
    owners = {item.owner for item in action_items if item.owner}
    owners |= {
        item.owner for item in (intelligence.follow_up if intelligence else ()) if item.owner
    }
    kept = _kept_without_talk(transcript, metrics, videos, owners, set(attendees))
    report = Report(
        version=REPORT_VERSION,
        meeting=MeetingSection(
            title=meeting.title,
            date=meeting.date,
            duration_s=round(meeting.duration_s, _SECONDS),
            language=meeting.language,
        ),
        participants=[
            _participant(transcript, m, videos.get(m.participant_id))
            for m in (
                *metrics.participants,
                *kept,
            )
        ],
        balance=Balance(
            score=(None if metrics.balance.score is None else round(metrics.balance.score, _SHARE)),
            dominant=metrics.balance.dominant,
            silent=[
                *metrics.balance.silent,
                *(m.participant_id for m in kept if m.participant_id in attendees),
            ],
        ),
        sides=(
            None
            if metrics.sides is None
            else Sides(
                internal_share=round(metrics.sides.internal_share, _SHARE),
                external_share=round(metrics.sides.external_share, _SHARE),
            )
        ),
        segments=[_segment(s) for s in transcript.segments],
        action_items=[_action_item(item) for item in action_items],
        decisions=[_decision(d) for d in intelligence.decisions] if intelligence else [],
        questions=[_question(q) for q in intelligence.questions] if intelligence else [],
        next_meeting=(
            _next_meeting(intelligence.next_meeting)
            if intelligence and intelligence.next_meeting
            else None
        ),
        signals=_signals(intelligence.signals) if intelligence and intelligence.signals else None,
        coaching=[_coaching(c) for c in coaching],
        follow_up=[_follow_up(f) for f in intelligence.follow_up] if intelligence else [],
        summary=intelligence.summary if intelligence else None,
        speaker_turns=[
            SpeakerTurnReport(
                speaker=turn.speaker,
                start=round(turn.start, _SECONDS),
                end=round(turn.end, _SECONDS),
                overlapped=turn.overlapped,
            )
            for turn in turns_of(transcript)
            # Slivers under a millisecond (cuts at 10 ms frames) would round to nothing.
            if round(turn.end, _SECONDS) > round(turn.start, _SECONDS)
        ],
        warnings=list(warnings),
    )
    return report.model_dump(mode="json")


def _kept_without_talk(
    transcript: Transcript,
    metrics: MeetingMetrics,
    videos: Mapping[str, Mapping[str, object] | None],
    owners: set[str],
    attendees: set[str],
) -> list[ParticipantMetrics]:
    """Zero rows for people who never spoke but are still referred to: seen on video (their
    video figures are kept), owning an item (so their name can be shown) or known to have
    joined the call. Anyone else with no talk (a voice cluster left empty) is not listed."""
    spoke = {m.participant_id for m in metrics.participants}
    return [
        ParticipantMetrics(p.id, 0.0, 0.0, 0, 0.0, 0, 0.0, 0, 0.0, 0)
        for p in transcript.participants
        if p.id not in spoke
        and (videos.get(p.id) is not None or p.id in owners or p.id in attendees)
    ]


def _participant(
    transcript: Transcript, m: ParticipantMetrics, engagement: Mapping[str, object] | None
) -> ParticipantReport:
    try:
        participant = transcript.participant(m.participant_id)
    except KeyError:
        # A speaker missing from the participant list still gets a row (metrics include them).
        participant = Participant(id=m.participant_id, name=m.participant_id)
    return ParticipantReport(
        id=participant.id,
        name=participant.name,
        side=participant.side,
        talk_time_s=round(m.talk_time_s, _SECONDS),
        talk_share=round(m.talk_share, _SHARE),
        turns=m.turns,
        longest_monologue_s=round(m.longest_monologue_s, _SECONDS),
        words=m.words,
        words_per_minute=round(m.words_per_minute, _RATE),
        questions_asked=m.questions_asked,
        filler_words_per_100=round(m.filler_words_per_100, _RATE),
        interruptions_made=m.interruptions_made,
        name_source=participant.name_source,
        engagement=None if engagement is None else EngagementReport.model_validate(engagement),
    )


def _segment(segment: Segment) -> SegmentReport:
    return SegmentReport(
        speaker=segment.speaker,
        start=round(segment.start, _SECONDS),
        end=round(segment.end, _SECONDS),
        text=segment.text,
        language=segment.language,
        words=[
            WordReport(
                word=w.text,
                start=round(w.start, _SECONDS),
                end=round(w.end, _SECONDS),
                probability=round(w.probability, _SHARE),
            )
            for w in segment.words
        ],
    )


def _action_item(item: ActionItem) -> ActionItemReport:
    return ActionItemReport(
        text=item.text,
        owner=item.owner,
        due=item.due,
        speaker=item.speaker,
        start=round(item.start, _SECONDS),
        quote=item.quote,
        confidence=round(item.confidence, 2),
        language=item.language,
    )


def _decision(decision: Decision) -> DecisionReport:
    return DecisionReport(
        text=decision.text,
        speaker=decision.speaker,
        start=round(decision.start, _SECONDS),
        quote=decision.quote,
        language=decision.language,
    )


def _question(question: OpenQuestion) -> OpenQuestionReport:
    return OpenQuestionReport(
        text=question.text,
        speaker=question.speaker,
        start=round(question.start, _SECONDS),
        language=question.language,
        reason=question.reason,
    )


def _next_meeting(next_meeting: NextMeeting) -> NextMeetingReport:
    return NextMeetingReport(
        date=next_meeting.date,
        quote=next_meeting.quote,
        speaker=next_meeting.speaker,
        start=round(next_meeting.start, _SECONDS),
    )


def _signals(signals: Signals) -> SignalsReport:
    return SignalsReport(
        objections=[
            ObjectionReport(
                topic=o.topic,
                quote=o.quote,
                speaker=o.speaker,
                start=round(o.start, _SECONDS),
                competitor=o.competitor,
            )
            for o in signals.objections
        ],
        competitors=[
            CompetitorReport(
                name=c.name,
                mentions=c.mentions,
                quote=c.first_quote,
                start=round(c.first_start, _SECONDS),
            )
            for c in signals.competitors
        ],
        next_steps=list(signals.next_steps),
    )


def _coaching(coaching: ParticipantCoaching) -> ParticipantCoachingReport:
    return ParticipantCoachingReport(
        participant=coaching.participant,
        language=coaching.language,
        items=[
            CoachingItemReport(
                topic=item.topic,
                value=item.value,
                unit=item.unit,
                benchmark=item.benchmark,
                message=item.message,
            )
            for item in coaching.items
        ],
    )


def _follow_up(item: FollowUpItem) -> FollowUpReport:
    return FollowUpReport(
        text=item.text,
        owner=item.owner,
        due=item.due,
        status=item.status,
        origin_title=item.origin_title,
        origin_date=item.origin_date,
        evidence=item.evidence,
        evidence_start=(
            None if item.evidence_start is None else round(item.evidence_start, _SECONDS)
        ),
    )
