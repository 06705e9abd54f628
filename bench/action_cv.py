"""Leave-one-set-out cross-validation of the learned action-item scorer against the rules.

    python -m bench.action_cv

For each labelled tuning set (`bench.intelligence.ALL_LABELLED`): the scorer is fitted on
the other sets, its thresholds chosen (`bench.train_action_scorer.choose_on`) on the out-of-fold
probabilities of those other sets, each from a scorer fitted without that set and without the
held-out one (nested: nothing the fold is scored on chose its thresholds; one fit per pair of
sets, 153 fits for 17 sets instead of 17), then the held-out set is scored strictly as
`bench.intelligence` scores it (text located, owner and due date right), twice:

- **unseen**: on the items the rules found BEFORE they were tuned on that set (the rules of the
  commit its README measured, `bench.pretuning_items`), as a new user's meeting would look to
  the rules; next to those rules alone. This is the honest figure. The first set was written
  with the rules and has no such state.
- **tuned**: on the items of today's rules (tuned on all these sets, so optimistic), next to
  today's rules alone.

``--quick`` instead fits one scorer per held-out set and chooses one pair of thresholds on all
the out-of-fold probabilities (the held-out sets choose their own thresholds: slightly
optimistic, but the same for every variant compared), and prints the pooled unseen figures
only: a screen of a change to the features or the fit in a fraction of the time.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import replace

from assistant.intelligence.action_items.learned import ActionScorer
from bench.intelligence import Score
from bench.train_action_scorer import (
    EXTRA,
    Meeting,
    Sets,
    Thresholds,
    _unseen,
    choose_on,
    fit,
    load_sets,
    probabilities,
    score_sets,
    training_meetings,
)

__all__ = ["main"]

SWEEP = (0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
"""Fixed thresholds on the rules' items shown after the table (0: the rules alone)."""


def _pr(score: Score | None) -> str:
    return f"{score.precision:.2f}/{score.recall:.2f}" if score else "    -    "


def _add(target: Score, source: Score | None) -> None:
    if source is not None:
        target.add(source)


def quick(sets: Sets) -> None:
    """The pooled unseen figures of one fit per held-out set (see ``--quick``)."""
    meetings: list[Meeting] = []
    probs: list[list[float]] = []
    for held, sources in sets.items():
        if "pretuning" not in sources:
            continue
        scorer = fit(training_meetings({n: s for n, s in sets.items() if n != held}))
        meetings += sources["pretuning"]
        probs += probabilities(scorer, sources["pretuning"])
    thresholds = choose_on(meetings, probs)
    for name, chosen in (("rules", None), ("scorer", probs)):
        total, groups = score_sets(meetings, chosen, thresholds)
        danish = groups.get("da", Score())
        print(
            f"unseen {name}: P/R {_pr(total)} ({total.correct} of {total.predicted} right, "
            f"{total.labelled} labelled), Danish {_pr(danish)} ({danish.correct} of "
            f"{danish.predicted})"
        )
    print(f"thresholds {thresholds[0]:.2f}, Danish {thresholds[2]:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one fit per held-out set")
    args = parser.parse_args()
    started = time.perf_counter()
    sets = load_sets()
    if args.quick:
        quick(sets)
        print(f"\n({time.process_time():.0f} s CPU)")
        return
    columns = ("rules", "scorer", "da rules", "da scorer", "today rules", "today scorer")
    pooled = {c: Score() for c in columns}
    folds: dict[str, list[Score]] = {c: [] for c in columns}
    sweep = {(kind, t): Score() for kind in ("unseen", "da", "today") for t in SWEEP}
    print("Unseen: the rules before tuning on the held-out set; today: the rules of today.")
    print(
        "| held-out set   | items | unseen rules | unseen scorer | da rules  | da scorer | "
        "today rules | today scorer | thresholds |"
    )
    print(
        "|----------------|-------|--------------|---------------|-----------|-----------|"
        "-------------|--------------|------------|"
    )
    fitted: dict[frozenset[str], ActionScorer] = {}

    def without(*names: str) -> ActionScorer:
        key = frozenset(names)
        if key not in fitted:
            fitted[key] = fit(training_meetings({n: s for n, s in sets.items() if n not in key}))
        return fitted[key]

    for held, sources in sets.items():
        # Each other set scored by a scorer that saw neither it nor the held-out set.
        others = [(_unseen(sets[name]), without(held, name)) for name in sets if name != held]
        thresholds = choose_on(
            [m for ms, _ in others for m in ms],
            [p for ms, scorer in others for p in probabilities(scorer, ms)],
        )
        # The fold's scorer (fitted on the other sets) with the thresholds chosen for it.
        scorer = replace(
            without(held), threshold_rules=thresholds[0], threshold_rules_da=thresholds[2]
        )
        row: dict[str, Score | None] = {}

        def scored(
            meetings: list[Meeting],
            learned: bool,
            scorer: ActionScorer = scorer,
            thresholds: Thresholds = thresholds,
        ) -> tuple[Score, dict[str, Score]]:
            probs = probabilities(scorer, meetings) if learned else None
            return score_sets(meetings, probs, thresholds)

        if "pretuning" in sources:
            (row["rules"], rules_groups) = scored(sources["pretuning"], False)
            (row["scorer"], scorer_groups) = scored(sources["pretuning"], True)
            row["da rules"], row["da scorer"] = rules_groups.get("da"), scorer_groups.get("da")
        for kind, meetings in (("unseen", sources.get("pretuning")), ("today", sources["today"])):
            if meetings is None:
                continue
            probs = probabilities(scorer, meetings)
            for t in SWEEP:
                total, groups = score_sets(meetings, probs, (t, EXTRA, t))
                _add(sweep[(kind, t)], total)
                if kind == "unseen":
                    _add(sweep[("da", t)], groups.get("da"))
        row["today rules"] = scored(sources["today"], False)[0]
        row["today scorer"] = scored(sources["today"], True)[0]
        for column in columns:
            score = row.get(column)
            _add(pooled[column], score)
            if score is not None:
                folds[column].append(score)
        labelled = sources["today"][0].expected and sum(
            len(m.expected["action_items"]) for m in sources["today"]
        )
        print(
            f"| {held:<14} | {labelled:>5} | {_pr(row.get('rules')):>12} | "
            f"{_pr(row.get('scorer')):>13} | {_pr(row.get('da rules')):>9} | "
            f"{_pr(row.get('da scorer')):>9} | {_pr(row['today rules']):>11} | "
            f"{_pr(row['today scorer']):>12} | {thresholds[0]:.2f} da {thresholds[2]:.2f} |"
        )
    means = {
        c: f"{sum(s.precision for s in folds[c]) / len(folds[c]):.2f}/"
        f"{sum(s.recall for s in folds[c]) / len(folds[c]):.2f}"
        for c in columns
    }
    print(
        f"| {'mean of folds':<14} |       | {means['rules']:>12} | {means['scorer']:>13} | "
        f"{means['da rules']:>9} | {means['da scorer']:>9} | {means['today rules']:>11} | "
        f"{means['today scorer']:>12} |            |"
    )
    print(
        f"| {'pooled':<14} |       | {_pr(pooled['rules']):>12} | {_pr(pooled['scorer']):>13} | "
        f"{_pr(pooled['da rules']):>9} | {_pr(pooled['da scorer']):>9} | "
        f"{_pr(pooled['today rules']):>11} | {_pr(pooled['today scorer']):>12} |            |"
    )
    print(
        "\nPooled strict F1 (from P/R): unseen rules "
        f"{pooled['rules'].f1:.3f}, scorer {pooled['scorer'].f1:.3f}; Danish rules "
        f"{pooled['da rules'].f1:.3f}, scorer {pooled['da scorer'].f1:.3f}; today rules "
        f"{pooled['today rules'].f1:.3f}, scorer {pooled['today scorer'].f1:.3f}"
    )
    print(
        "\nThe same folds with one fixed threshold on the rules' items (no other sentences "
        "kept),\npooled: the trade-off a chosen threshold makes.\n"
    )
    print("| threshold | unseen P/R | unseen da P/R | today P/R |")
    print("|-----------|------------|---------------|-----------|")
    for t in SWEEP:
        print(
            f"| {t:>9.2f} | {_pr(sweep[('unseen', t)]):>10} | {_pr(sweep[('da', t)]):>13} | "
            f"{_pr(sweep[('today', t)]):>9} |"
        )
    print(f"\n({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
