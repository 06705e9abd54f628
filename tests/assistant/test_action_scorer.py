"""The learned action-item scorer: the shipped model, and that the training script makes it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from assistant.config import IntelligenceSettings, Settings
from assistant.intelligence.action_items.extraction import rule_action_items
from assistant.intelligence.action_items.learned import (
    MODEL_PATH,
    ActionScorer,
    extract_action_items,
    load_scorer,
    meeting_candidates,
    scored_candidates,
)
from assistant.intelligence.action_items.model import ActionItem
from assistant.processing.analyze import finish_analysis
from assistant.transcript import MeetingInfo, Participant, Segment, Transcript
from bench.intelligence import LABELLED_DIR_G, load_labelled
from bench.train_action_scorer import Meeting, fit, load_sets, training_meetings

PEOPLE = (Participant("anna", "Anna", "internal"), Participant("ben", "Ben", "external"))


def _call(said: str, language: str, sentence: str) -> Transcript:
    """Ben says ``said``, Anna answers ``sentence``, Ben says okay."""
    return Transcript(
        MeetingInfo("Call", dt.date(2026, 11, 25), 20.0, language),
        PEOPLE,
        (
            Segment("ben", 0.0, 4.0, said, language),
            Segment("anna", 5.0, 9.0, sentence, language),
            Segment("ben", 10.0, 12.0, "Okay.", language),
        ),
    )


def _probability(scorer: ActionScorer, said: str, language: str, sentence: str) -> float:
    """The scorer's probability for the candidate made of ``sentence`` in a short call."""
    _, scored = scored_candidates(_call(said, language, sentence), scorer)
    found = [p for c, p in scored if c.item.quote == sentence]
    assert found, f"{sentence!r} is no candidate"
    return found[0]


def test_the_shipped_model_loads() -> None:
    scorer = load_scorer()
    assert scorer is not None
    assert len(scorer.weights) > 100
    assert 0.0 < scorer.threshold_rules < 1.0
    assert scorer.threshold_rules_da is not None and 0.0 < scorer.threshold_rules_da < 1.0
    assert scorer.threshold_extra > 1.0  # it only vetoes the rules' items


@pytest.mark.parametrize(
    ("language", "said", "commitment", "non_item"),
    [
        (
            "en",
            "What happens with the pricing sheet?",
            "I'll send you the updated pricing sheet by Friday.",
            "I sent the pricing sheet last week, we can resend it if it got lost.",
        ),
        (
            "da",
            "Hvad sker der med prislisten?",
            "Jeg sender dig den opdaterede prisliste på fredag.",
            "Jeg sendte prislisten i sidste uge, vi kan sende den igen hvis den er væk.",
        ),
    ],
)
def test_a_commitment_scores_above_a_non_item(
    language: str, said: str, commitment: str, non_item: str
) -> None:
    scorer = load_scorer()
    assert scorer is not None
    sure = _probability(scorer, said, language, commitment)
    unsure = _probability(scorer, said, language, non_item)
    assert sure > unsure
    kept = extract_action_items(_call(said, language, commitment), scorer=scorer)
    assert [item.quote for item in kept] == [commitment]
    assert extract_action_items(_call(said, language, non_item), scorer=scorer) == ()


def test_training_reproduces_the_shipped_weights() -> None:
    shipped = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    thresholds = (
        shipped["threshold_rules"],
        shipped["threshold_extra"],
        shipped["threshold_rules_da"],
    )
    fitted = fit(training_meetings(load_sets()), thresholds).to_json()
    assert fitted["intercept"] == pytest.approx(shipped["intercept"], abs=1e-6)
    assert fitted["weights"].keys() == shipped["weights"].keys()  # type: ignore[attr-defined]
    for name, weight in shipped["weights"].items():
        assert fitted["weights"][name] == pytest.approx(weight, abs=1e-6), name  # type: ignore[index]


def test_training_takes_each_set_as_the_rules_saw_it_before_tuning_on_it() -> None:
    # The scorer meets new meetings, where the rules were never tuned: it is trained on each
    # set's items from before tuning, and on today's only for a set that has none (the first).
    def meeting(name: str) -> Meeting:
        return Meeting(name, "en", {"action_items": []}, (), (), (), only_ours=False)

    today_a, today_b, before_b = meeting("a today"), meeting("b today"), meeting("b before")
    sets = {"a": {"today": [today_a]}, "b": {"today": [today_b], "pretuning": [before_b]}}
    assert training_meetings(sets) == [today_a, before_b]


def test_the_setting_turns_the_scorer_on_in_the_analysis(tmp_path: Path) -> None:
    # The first meeting of set g (long rambling Danish turns) where rules and scorer disagree.
    scorer = load_scorer()
    name, transcript, rules, learned = next(
        (name, transcript, rules, learned)
        for name, transcript, _ in load_labelled(LABELLED_DIR_G)
        if (rules := extract_action_items(transcript))  # the rules alone, as shipped
        != (learned := extract_action_items(transcript, scorer=scorer))
    )
    assert rules != learned, name
    off = finish_analysis(
        transcript,
        Settings(cache_dir=tmp_path, intelligence=IntelligenceSettings(action_scorer=False)),
    )
    on = finish_analysis(transcript, Settings(cache_dir=tmp_path))  # on by default
    assert [i.quote for i in off.action_items] == [i.quote for i in rules]
    assert [i.quote for i in on.action_items] == [i.quote for i in learned]


def test_the_scorer_never_drops_an_item_said_in_a_short_turn() -> None:
    # A scorer that rejects everything still keeps the rules' items of short turns ("We'll set
    # up a pilot."), and drops those of long turns, where the rules' false alarms were.
    rejects_all = ActionScorer({}, -30.0, 0.5, 0.5)
    short = _call("What comes next?", "en", "We'll set up a pilot.")
    assert [i.quote for i in extract_action_items(short, scorer=rejects_all)] == [
        "We'll set up a pilot."
    ]
    rambling = (
        "Well, last spring we had the same trouble with the old vendor, and honestly it dragged"
        " on, so I'll look at the logs from that time."
    )
    long = _call("What comes next?", "en", rambling)
    assert [i.quote for i in extract_action_items(long)] == [rambling]
    assert extract_action_items(long, scorer=rejects_all) == ()


def test_the_scorer_never_drops_a_dated_promise_or_a_request_taken_on_in_a_reply() -> None:
    rejects_all = ActionScorer({}, -30.0, 0.5, 0.5)
    dated = (
        "Well, last spring we had the same trouble with the old vendor, and honestly it dragged"
        " on, so I'll look at the logs from that time by Friday."
    )
    kept = extract_action_items(_call("What comes next?", "en", dated), scorer=rejects_all)
    assert [(i.owner, i.due) for i in kept] == [("anna", dt.date(2026, 11, 27))]
    # Ben's request, taken on later in Anna's short turn: the item quotes her reply.
    said = (
        ("ben", "Anna, can you merge the duplicate customers?"),
        ("anna", "Yeah. Send me the export."),
        ("ben", "Putting it in the chat now."),
        ("anna", "Got it. I'll have them merged by Thursday."),
    )
    taken_on = Transcript(
        MeetingInfo("Call", dt.date(2026, 11, 25), 20.0, "en"),
        PEOPLE,
        tuple(
            Segment(who, 4.0 * i, 4.0 * i + 3.0, text, "en") for i, (who, text) in enumerate(said)
        ),
    )
    rules = rule_action_items(taken_on)
    assert [(i.speaker, i.quote) for i in rules] == [("ben", "I'll have them merged by Thursday.")]
    assert extract_action_items(taken_on, scorer=rejects_all) == rules


def test_the_scorer_never_drops_a_request_its_owner_takes_on_in_the_next_turn() -> None:
    rejects_all = ActionScorer({}, -30.0, 0.5, 0.5)
    request = (
        "Vi har haft meget bøvl med de gamle skabeloner i år, så jeg vil gerne have, at I"
        " gennemgår alle fakturaskabelonerne igen."
    )

    def kept(reply: str, who: str = "ben") -> list[tuple[str | None, str]]:
        said = (("anna", request), (who, reply))
        transcript = Transcript(
            MeetingInfo("Call", dt.date(2026, 11, 25), 20.0, "da"),
            PEOPLE,
            tuple(Segment(w, 4.0 * i, 4.0 * i + 3.0, t, "da") for i, (w, t) in enumerate(said)),
        )
        return [(i.owner, i.quote) for i in extract_action_items(transcript, scorer=rejects_all)]

    # Ben's side (external) is asked; Ben takes it on: kept, whatever the scorer says.
    assert kept("Ja, det gør vi.") == [("team:external", request)]
    assert kept("Sure, we'll do that.") == [("team:external", request)]
    # A bare yes may answer anything, and the asker's own yes takes nothing on: both vetoed.
    assert kept("Ja.") == []
    assert kept("Ja, det gør vi.", who="anna") == []


def test_the_scorer_never_drops_items_read_out_as_the_action_items() -> None:
    rejects_all = ActionScorer({}, -30.0, 0.5, 0.5)

    def kept(wrap_up: str, language: str) -> list[tuple[str | None, str]]:
        said = (
            ("anna", "Good, I think we covered the pricing and the rollout plan for the spring."),
            ("ben", wrap_up),
        )
        transcript = Transcript(
            MeetingInfo("Call", dt.date(2026, 11, 25), 20.0, language),
            PEOPLE,
            tuple(Segment(w, 6.0 * i, 6.0 * i + 5.0, t, language) for i, (w, t) in enumerate(said)),
        )
        return [(i.owner, i.text) for i in extract_action_items(transcript, scorer=rejects_all)]

    # A wrap-up that says it lists the tasks keeps them whatever the scorer says ...
    english = "So, action items: Anna updates the rollout plan and Ben checks the licence count."
    assert sorted(kept(english, "en")) == [
        ("anna", "Update the rollout plan"),
        ("ben", "Check the licence count"),
    ]
    danish = (
        "Okay, opgaverne: Anna opdaterer udrulningsplanen, og Ben tjekker antallet af licenser."
    )
    assert {owner for owner, _ in kept(danish, "da")} == {"anna", "ben"}
    # ... the same hand-out not announced as such is the scorer's to judge.
    assert kept("Anna updates the rollout plan and Ben checks the licence count.", "en") == []


def test_an_item_timed_by_an_earlier_sentence_than_its_quote_is_still_judged() -> None:
    # A rule may time an item by the offer it answers and quote the later promise: the scorer
    # must see it (a missing candidate is an item dropped unseen).
    meeting = _call(
        "Could you price both the one-year and the three-year term?",
        "en",
        "Then I will do that. Both terms in one document, and you have it by Friday.",
    )
    quote = "Then I will do that. Both terms in one document, and you have it by Friday."
    item = ActionItem(
        "Price both terms", "anna", dt.date(2026, 11, 27), "anna", 0.0, quote, language="en"
    )
    sentences, found = meeting_candidates(meeting, [item])
    judged = [c for c in found if c.from_rules]
    assert [c.item for c in judged] == [item]
    assert sentences[judged[0].index].text == "Then I will do that."
