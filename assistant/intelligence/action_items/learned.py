"""The learned scorer: which of the rules' action items (see `candidates`) to keep.

A logistic regression over the candidates' features, fitted on the labelled sets by
``python -m bench.train_action_scorer`` and shipped as ``action_scorer.json`` (weights of the
features it kept, intercept, and the least probability at which a rules' item is kept, one for
Danish and one for the rest, chosen by leave-one-set-out cross-validation to raise precision at
the rules' own recall). It only vetoes: it adds no sentence the rules passed over (its threshold
for those is above 1), and it never drops an item the rules found in a short turn or a dated
first-person promise (`Candidate.protected`), nor one its owner takes on in the next turn
(`Candidate.taken_on`) or one read out as the meeting's action items (`Candidate.announced`).
The file is read once, on first use; scikit-learn is only needed to fit it. It is on by default
(``Settings.intelligence.action_scorer``); see that setting for what it gains.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from assistant.intelligence.action_items.additions import with_additions
from assistant.intelligence.action_items.candidates import Candidate, candidates, features
from assistant.intelligence.action_items.cut_off import finished_promises
from assistant.intelligence.action_items.extraction import (
    _context,
    action_sentences,
    rule_action_items,
    rule_items_in,
)
from assistant.intelligence.action_items.handovers import handed_over
from assistant.intelligence.action_items.model import ActionItem
from assistant.intelligence.action_items.offers import folded_offers
from assistant.intelligence.action_items.request_quotes import quoted_with_requests
from assistant.intelligence.action_items.retractions import without_retracted
from assistant.intelligence.action_items.tag_questions import settled_tag_questions
from assistant.intelligence.sentences import Sentence
from assistant.transcript import Transcript

__all__ = [
    "MODEL_PATH",
    "ActionScorer",
    "extract_action_items",
    "load_scorer",
    "meeting_candidates",
    "scored_candidates",
]

MODEL_PATH = Path(__file__).with_name("action_scorer.json")


@dataclass(frozen=True, slots=True)
class ActionScorer:
    weights: Mapping[str, float]
    intercept: float
    threshold_rules: float
    """Least probability at which an item the rules found is kept (Danish: `threshold_rules_da`)."""
    threshold_extra: float
    """Least probability at which a sentence the rules passed over becomes an item (above 1:
    never, the scorer only vetoes)."""
    threshold_rules_da: float | None = None
    """`threshold_rules` for an item said in Danish; None: the same."""

    def probability(self, named: Mapping[str, float]) -> float:
        z = self.intercept + sum(self.weights.get(f, 0.0) * v for f, v in named.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def keeps(self, candidate: Candidate, probability: float) -> bool:
        if candidate.protected or (
            candidate.from_rules and (candidate.taken_on or candidate.announced)
        ):
            return True
        if not candidate.from_rules:
            return probability >= self.threshold_extra
        limit = self.threshold_rules
        if candidate.item.language == "da" and self.threshold_rules_da is not None:
            limit = self.threshold_rules_da
        return probability >= limit

    def to_json(self) -> dict[str, object]:
        return {
            "intercept": self.intercept,
            "threshold_rules": self.threshold_rules,
            "threshold_rules_da": self.threshold_rules_da,
            "threshold_extra": self.threshold_extra,
            "weights": dict(sorted(self.weights.items())),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> ActionScorer:
        weights = data["weights"]
        if not isinstance(weights, dict):
            raise ValueError("action scorer: 'weights' is not an object")
        danish = data.get("threshold_rules_da")
        return cls(
            {str(k): float(v) for k, v in weights.items()},
            float(data["intercept"]),  # type: ignore[arg-type]
            float(data["threshold_rules"]),  # type: ignore[arg-type]
            float(data["threshold_extra"]),  # type: ignore[arg-type]
            None if danish is None else float(danish),  # type: ignore[arg-type]
        )


@cache
def load_scorer(path: Path = MODEL_PATH) -> ActionScorer | None:
    """The shipped scorer, read once; None when the file is missing (rules alone)."""
    if not path.is_file():
        return None
    return ActionScorer.from_json(json.loads(path.read_text(encoding="utf-8")))


def meeting_candidates(
    transcript: Transcript, items: Sequence[ActionItem] | None = None
) -> tuple[list[Sentence], list[Candidate]]:
    """The meeting's sentences and its candidates: ``items`` (by default the rules' items of
    today) and the sentences they pass over that carry a weaker signal."""
    sentences = action_sentences(transcript)
    context = _context(transcript, sentences)
    return sentences, candidates(rule_items_in(context) if items is None else items, context)


def scored_candidates(
    transcript: Transcript, scorer: ActionScorer | None
) -> tuple[list[Sentence], list[tuple[Candidate, float]]]:
    """The meeting's sentences and its candidates each with its probability (1.0 for the rules'
    items and 0.0 for the others when there is no scorer)."""
    sentences, found = meeting_candidates(transcript)
    if scorer is None:
        return sentences, [(c, 1.0 if c.from_rules else 0.0) for c in found]
    return sentences, [(c, scorer.probability(features(c, sentences))) for c in found]


def kept_items(
    scored: Sequence[tuple[Candidate, float]], scorer: ActionScorer | None
) -> tuple[ActionItem, ...]:
    """The items of the candidates the scorer keeps, in order of time. The rules' items of one
    sentence stand or fall together, by the likeliest ("so Maria sends the summary today and
    Tom books the workshop"): the scorer judges mostly the sentence (bench.action_cv: the same
    precision and recall as item by item)."""
    if scorer is None:
        return tuple(sorted((c.item for c, _ in scored if c.from_rules), key=lambda i: i.start))
    best: dict[int, float] = {}
    for candidate, p in scored:
        if candidate.from_rules:
            best[candidate.index] = max(best.get(candidate.index, 0.0), p)
    kept = [c.item for c, p in scored if scorer.keeps(c, best[c.index] if c.from_rules else p)]
    return tuple(sorted(kept, key=lambda item: item.start))


def extract_action_items(
    transcript: Transcript, *, scorer: ActionScorer | None = None
) -> tuple[ActionItem, ...]:
    """Action items said in the meeting, in order of time: the rules' items, or with a
    ``scorer`` (e.g. `load_scorer()`) the rules' candidates and the sentences they passed over
    that it keeps."""
    if scorer is None:
        items = rule_action_items(transcript)
    else:
        _, scored = scored_candidates(transcript, scorer)
        items = kept_items(scored, scorer)
    sentences = action_sentences(transcript)
    items = with_additions(finished_promises(items, sentences, transcript.meeting.date), sentences)
    settled = folded_offers(settled_tag_questions(items, sentences), sentences)
    quoted = quoted_with_requests(
        handed_over(settled, sentences, transcript.participants), transcript, sentences
    )
    return without_retracted(quoted, sentences, transcript.meeting.date)
