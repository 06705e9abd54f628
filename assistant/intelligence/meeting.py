"""Meeting intelligence in one call: action items, decisions, open questions, the next meeting,
customer signals and follow-through on earlier meetings.

Coaching is not here: it reads the report's participant figures (and engagement, when video was
analysed), so `assistant.outputs.report` computes it while it builds the participants.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from assistant.intelligence.action_items import ActionItem, extract_action_items
from assistant.intelligence.action_items.learned import ActionScorer
from assistant.intelligence.decisions import (
    Decision,
    NextMeeting,
    OpenQuestion,
    extract_decisions,
    find_next_meeting,
    open_questions,
)
from assistant.intelligence.follow_up import FollowUpItem, follow_up
from assistant.intelligence.llm import ChatClient, LlmError, llm_intelligence
from assistant.intelligence.sentences import sentences_of
from assistant.intelligence.signals import Signals, customer_signals
from assistant.transcript import Transcript

__all__ = ["MeetingIntelligence", "analyse_meeting"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class MeetingIntelligence:
    action_items: tuple[ActionItem, ...]
    decisions: tuple[Decision, ...]
    questions: tuple[OpenQuestion, ...]
    """Questions left open."""
    next_meeting: NextMeeting | None
    signals: Signals | None
    """None when the meeting is not a sales call."""
    follow_up: tuple[FollowUpItem, ...]
    summary: str | None = None
    """From the LLM backend, when one is configured."""


def analyse_meeting(
    transcript: Transcript,
    *,
    action_items: Sequence[ActionItem] | None = None,
    history: Sequence[Mapping[str, Any]] = (),
    llm: ChatClient | None = None,
    competitors: Sequence[str] = (),
    action_scorer: ActionScorer | None = None,
) -> MeetingIntelligence:
    """Everything above from the transcript; ``action_items`` when already extracted;
    ``history`` the earlier report.json dicts of the same team; ``llm`` an optional model whose
    items replace the rule items when it answers usefully; ``action_scorer`` the learned scorer
    that picks the action items among the rules' candidates (None: the rules alone)."""
    sentences = sentences_of(transcript)
    items = (
        tuple(action_items)
        if action_items is not None
        else extract_action_items(transcript, scorer=action_scorer)
    )
    summary = None
    if llm is not None:
        try:
            result = llm_intelligence(llm, transcript)
        except LlmError as error:
            log.warning("LLM backend not used, keeping the rule results: %s", error)
        else:
            summary = result.summary
            if result.action_items:
                items = result.action_items
    return MeetingIntelligence(
        action_items=items,
        decisions=extract_decisions(transcript, sentences),
        questions=open_questions(transcript, sentences),
        next_meeting=find_next_meeting(transcript, sentences),
        signals=customer_signals(transcript, items, competitors=competitors, sentences=sentences),
        follow_up=follow_up(history, transcript, sentences),
        summary=summary,
    )
