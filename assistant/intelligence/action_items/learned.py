"""The learned scorer: which candidates (see `candidates`) become action items.

A logistic regression over the candidates' features, fitted on the labelled sets by
``python -m bench.train_action_scorer`` and shipped as ``action_scorer.json`` (weights of the
features it kept, intercept and two thresholds: one for the rules' items, one for sentences the
rules passed over; both chosen by leave-one-set-out cross-validation). It never drops an item
the rules found in a short turn (`Candidate.protected`). The file is read once, on
first use; scikit-learn is only needed to fit it. It is used only when asked for
(``Settings.intelligence.action_scorer``); see that setting for what it gains and costs.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from assistant.intelligence.action_items.candidates import Candidate, candidates, features
from assistant.intelligence.action_items.extraction import (
    _context,
    action_sentences,
    rule_action_items,
    rule_items_in,
)
from assistant.intelligence.action_items.model import ActionItem
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
    """Least probability at which an item the rules found is kept."""
    threshold_extra: float
    """Least probability at which a sentence the rules passed over becomes an item."""

    def probability(self, named: Mapping[str, float]) -> float:
        z = self.intercept + sum(self.weights.get(f, 0.0) * v for f, v in named.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def keeps(self, candidate: Candidate, probability: float) -> bool:
        if candidate.protected:
            return True
        limit = self.threshold_rules if candidate.from_rules else self.threshold_extra
        return probability >= limit

    def to_json(self) -> dict[str, object]:
        return {
            "intercept": self.intercept,
            "threshold_rules": self.threshold_rules,
            "threshold_extra": self.threshold_extra,
            "weights": dict(sorted(self.weights.items())),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> ActionScorer:
        weights = data["weights"]
        if not isinstance(weights, dict):
            raise ValueError("action scorer: 'weights' is not an object")
        return cls(
            {str(k): float(v) for k, v in weights.items()},
            float(data["intercept"]),  # type: ignore[arg-type]
            float(data["threshold_rules"]),  # type: ignore[arg-type]
            float(data["threshold_extra"]),  # type: ignore[arg-type]
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
    """The items of the candidates the scorer keeps, in order of time."""
    kept = [c.item for c, p in scored if (c.from_rules if scorer is None else scorer.keeps(c, p))]
    return tuple(sorted(kept, key=lambda item: item.start))


def extract_action_items(
    transcript: Transcript, *, scorer: ActionScorer | None = None
) -> tuple[ActionItem, ...]:
    """Action items said in the meeting, in order of time: the rules' items, or with a
    ``scorer`` (e.g. `load_scorer()`) the rules' candidates and the sentences they passed over
    that it keeps."""
    if scorer is None:
        return rule_action_items(transcript)
    _, scored = scored_candidates(transcript, scorer)
    return kept_items(scored, scorer)
