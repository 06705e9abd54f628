"""The meeting report: one JSON-able dict, contract version 1.

Shape (keys in this order)::

    {"version": 1,
     "meeting": {"title", "date" (YYYY-MM-DD or null), "duration_s", "language"},
     "participants": [{"id", "name", "side", "talk_time_s", "talk_share", "turns",
                       "longest_monologue_s", "words", "words_per_minute", "questions_asked",
                       "filler_words_per_100", "interruptions_made",
                       "engagement" (see assistant.analytics.engagement; null without video)}],
     "balance": {"score", "dominant", "silent": [ids]},
     "sides": {"internal_share", "external_share"} or null,
     "segments": [{"speaker", "start", "end", "text", "language",
                   "words": [{"word", "start", "end", "probability"}]}],
     "action_items": [{"text", "owner", "due" (YYYY-MM-DD or null), "speaker", "start",
                       "quote", "confidence", "language"}],
     "decisions": [{"text", "speaker", "start", "quote", "language"}],
     "questions": [{"text", "speaker", "start", "language", "reason"}],
     "next_meeting": {"date", "quote", "speaker", "start"} or null,
     "signals": {"objections": [{"topic", "quote", "speaker", "start", "competitor"}],
                 "competitors": [{"name", "mentions", "quote", "start"}],
                 "next_steps": [text]} or null (not a sales call),
     "coaching": [{"participant", "language", "items": [{"topic", "value", "unit",
                   "benchmark", "message"}]}],
     "follow_up": [{"text", "owner", "due", "status" (open, overdue, done), "origin_title",
                    "origin_date", "evidence", "evidence_start"}],
     "summary": text or null (LLM backend only)}

An owner is a participant id, or ``team:internal`` / ``team:external`` / ``team`` for a group
promise ("we'll set up a pilot").

Seconds are rounded to 3 decimals, shares, scores and probabilities to 4, rates to 2.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from typing import Any

from assistant.analytics.metrics import MeetingMetrics, ParticipantMetrics
from assistant.intelligence.action_items import ActionItem
from assistant.intelligence.coaching import ParticipantCoaching, coach
from assistant.intelligence.meeting import MeetingIntelligence
from assistant.transcript import Participant, Segment, Transcript

__all__ = ["REPORT_VERSION", "build_report"]

REPORT_VERSION = 1

_SECONDS = 3
_SHARE = 4
_RATE = 2


def build_report(
    transcript: Transcript,
    metrics: MeetingMetrics,
    action_items: Sequence[ActionItem],
    engagement: Mapping[str, object] | None = None,
    intelligence: MeetingIntelligence | None = None,
) -> dict[str, object]:
    """The version 1 report of a meeting (see the module docstring for the shape).

    Without ``intelligence`` the decisions, questions, signals and follow-up are empty; coaching
    is always computed, from the metrics and each participant's ``engagement``.
    """
    meeting = transcript.meeting
    figures = {
        pid: value if isinstance(value, Mapping) else None
        for pid, value in (engagement or {}).items()
    }
    return {
        "version": REPORT_VERSION,
        "meeting": {
            "title": meeting.title,
            "date": _date(meeting.date),
            "duration_s": round(meeting.duration_s, _SECONDS),
            "language": meeting.language,
        },
        "participants": [
            {**_participant(transcript, m), "engagement": (engagement or {}).get(m.participant_id)}
            for m in metrics.participants
        ],
        "balance": {
            "score": round(metrics.balance.score, _SHARE),
            "dominant": metrics.balance.dominant,
            "silent": list(metrics.balance.silent),
        },
        "sides": (
            None
            if metrics.sides is None
            else {
                "internal_share": round(metrics.sides.internal_share, _SHARE),
                "external_share": round(metrics.sides.external_share, _SHARE),
            }
        ),
        "segments": [_segment(s) for s in transcript.segments],
        "action_items": [_action_item(item) for item in action_items],
        **_intelligence(intelligence),
        "coaching": [_coaching(c) for c in coach(transcript, metrics, figures)],
        "follow_up": [_json(asdict(f)) for f in intelligence.follow_up] if intelligence else [],
        "summary": intelligence.summary if intelligence else None,
    }


def _intelligence(intelligence: MeetingIntelligence | None) -> dict[str, object]:
    if intelligence is None:
        return {"decisions": [], "questions": [], "next_meeting": None, "signals": None}
    signals = intelligence.signals
    return {
        "decisions": [_json(asdict(d)) for d in intelligence.decisions],
        "questions": [_json(asdict(q)) for q in intelligence.questions],
        "next_meeting": (
            _json(asdict(intelligence.next_meeting)) if intelligence.next_meeting else None
        ),
        "signals": (
            None
            if signals is None
            else {
                "objections": [_json(asdict(o)) for o in signals.objections],
                "competitors": [
                    {
                        "name": c.name,
                        "mentions": c.mentions,
                        "quote": c.first_quote,
                        "start": round(c.first_start, _SECONDS),
                    }
                    for c in signals.competitors
                ],
                "next_steps": list(signals.next_steps),
            }
        ),
    }


def _coaching(coaching: ParticipantCoaching) -> dict[str, object]:
    return {
        "participant": coaching.participant,
        "language": coaching.language,
        "items": [asdict(item) for item in coaching.items],
    }


def _json(fields: dict[str, Any]) -> dict[str, object]:
    """Dates as YYYY-MM-DD and times ("start") rounded to 3 decimals."""
    out: dict[str, object] = {}
    for key, value in fields.items():
        if isinstance(value, dt.date):
            out[key] = value.isoformat()
        elif isinstance(value, float) and (key == "start" or key.endswith("_start")):
            out[key] = round(value, _SECONDS)
        else:
            out[key] = value
    return out


def _participant(transcript: Transcript, m: ParticipantMetrics) -> dict[str, object]:
    try:
        participant = transcript.participant(m.participant_id)
    except KeyError:
        # A speaker missing from the participant list still gets a row (metrics include them).
        participant = Participant(id=m.participant_id, name=m.participant_id)
    return {
        "id": participant.id,
        "name": participant.name,
        "side": participant.side,
        "talk_time_s": round(m.talk_time_s, _SECONDS),
        "talk_share": round(m.talk_share, _SHARE),
        "turns": m.turns,
        "longest_monologue_s": round(m.longest_monologue_s, _SECONDS),
        "words": m.words,
        "words_per_minute": round(m.words_per_minute, _RATE),
        "questions_asked": m.questions_asked,
        "filler_words_per_100": round(m.filler_words_per_100, _RATE),
        "interruptions_made": m.interruptions_made,
        "name_source": participant.name_source,
    }


def _segment(segment: Segment) -> dict[str, object]:
    return {
        "speaker": segment.speaker,
        "start": round(segment.start, _SECONDS),
        "end": round(segment.end, _SECONDS),
        "text": segment.text,
        "language": segment.language,
        "words": [
            {
                "word": w.text,
                "start": round(w.start, _SECONDS),
                "end": round(w.end, _SECONDS),
                "probability": round(w.probability, _SHARE),
            }
            for w in segment.words
        ],
    }


def _action_item(item: ActionItem) -> dict[str, object]:
    return {
        "text": item.text,
        "owner": item.owner,
        "due": _date(item.due),
        "speaker": item.speaker,
        "start": round(item.start, _SECONDS),
        "quote": item.quote,
        "confidence": round(item.confidence, 2),
        "language": item.language,
    }


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None
