"""The meeting report: one JSON-able dict, contract version 1.

Shape (keys in this order)::

    {"version": 1,
     "meeting": {"title", "date" (YYYY-MM-DD or null), "duration_s", "language"},
     "participants": [{"id", "name", "side", "talk_time_s", "talk_share", "turns",
                       "longest_monologue_s", "words", "words_per_minute", "questions_asked",
                       "filler_words_per_100", "interruptions_made",
                       "engagement" (see assistant.engagement; null without video)}],
     "balance": {"score", "dominant", "silent": [ids]},
     "sides": {"internal_share", "external_share"} or null,
     "segments": [{"speaker", "start", "end", "text", "language",
                   "words": [{"word", "start", "end", "probability"}]}],
     "action_items": [{"text", "owner", "due" (YYYY-MM-DD or null), "speaker", "start",
                       "quote"}]}

Seconds are rounded to 3 decimals, shares, scores and probabilities to 4, rates to 2.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from assistant.action_items import ActionItem
from assistant.metrics import MeetingMetrics, ParticipantMetrics
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
) -> dict[str, object]:
    """The version 1 report of a meeting (see the module docstring for the shape)."""
    meeting = transcript.meeting
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
    }


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
    }


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None
