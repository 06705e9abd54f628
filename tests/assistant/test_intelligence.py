"""Meeting intelligence on the labelled meetings (tests/data/intelligence) and on real AMI."""

from __future__ import annotations

import pytest

from assistant.analytics.metrics import compute_metrics
from assistant.intelligence.action_items import extract_action_items
from assistant.intelligence.coaching import coach
from assistant.intelligence.meeting import analyse_meeting
from assistant.outputs.report import build_report
from bench.intelligence import (
    LABELLED_DIR_B,
    LABELLED_DIR_C,
    LABELLED_DIR_D,
    LABELLED_DIR_E,
    LABELLED_DIR_F,
    LABELLED_DIR_G,
    LABELLED_DIR_H,
    LABELLED_DIR_I,
    LABELLED_DIR_J,
    LABELLED_DIR_K,
    LABELLED_DIR_L,
    LABELLED_DIR_M,
    LABELLED_DIR_N,
    LABELLED_DIR_O,
    LABELLED_DIR_P,
    LABELLED_DIR_Q,
    LABELLED_DIR_R,
    LABELLED_DIR_S,
    load_labelled,
    locates,
    long_meeting,
    same_owner,
    score_meetings,
)
from tests.assistant.test_metrics import AMI_SUPERVISIONS, load_ami

MEETINGS = load_labelled()


def test_a_sentence_of_a_quote_spanning_two_locates_it() -> None:
    """The bench locates an item whose quote is one whole sentence of a two-sentence label quote,
    but not on a word or two that merely occur in it."""
    label = ["Leave that with me. The invoices go out on Friday."]
    assert locates("The invoices go out on Friday.", label)
    assert locates("Well, leave that with me. The invoices go out on Friday. Okay?", label)
    assert not locates("Friday.", label)
    assert not locates("The invoices went out on Friday.", label)


def test_our_team_and_everyone_are_one_owner_only_among_ourselves() -> None:
    assert same_owner("team:all", "team:internal", internal_only=True)
    assert not same_owner("team:all", "team:internal", internal_only=False)
    assert not same_owner("team:external", "team:all", internal_only=True)
    assert same_owner("anna", "anna", internal_only=False)


MEETINGS_B = load_labelled(LABELLED_DIR_B)
"""The second tuning set (issue 15): written apart from the rules, then tuned on by kind of
failure. It labels action items only (no decisions or next meeting)."""
MEETINGS_C = load_labelled(LABELLED_DIR_C)
"""The third tuning set, written from a brief like the second, 7 of its 14 meetings Danish."""
MEETINGS_D = load_labelled(LABELLED_DIR_D)
"""The fourth tuning set, written from a brief without seeing the rules, 9 of its 14 meetings
Danish (one ASR-style, one AMI-style)."""


MEETINGS_E = load_labelled(LABELLED_DIR_E)
MEETINGS_F = load_labelled(LABELLED_DIR_F)
"""The fifth and sixth tuning sets, written from a brief without seeing the rules (9 and 4 of
their 14 meetings Danish), measured before tuning (their READMEs), then tuned on by kind."""
MEETINGS_G = load_labelled(LABELLED_DIR_G)
"""The seventh tuning set: long rambling turns, mostly informal Danish (10 of 14 meetings),
written from a brief without seeing the rules, measured before tuning (its README)."""
MEETINGS_H = load_labelled(LABELLED_DIR_H)
MEETINGS_I = load_labelled(LABELLED_DIR_I)
"""The eighth and ninth tuning sets (5 Danish, 5 English, 4 mixed meetings each), written from a
brief without seeing the rules, measured before tuning (their READMEs)."""
MEETINGS_J = load_labelled(LABELLED_DIR_J)
MEETINGS_K = load_labelled(LABELLED_DIR_K)
"""The tenth and eleventh tuning sets (5 Danish, 5 English, 4 mixed meetings each; k brisk, many
short turns), written from a brief without seeing the rules, measured before tuning (READMEs)."""
MEETINGS_L = load_labelled(LABELLED_DIR_L)
MEETINGS_M = load_labelled(LABELLED_DIR_M)
"""The twelfth and thirteenth tuning sets (5 Danish, 5 English, 4 mixed meetings each; l indirect
commitments and dates relative to events, m long turns, two owners and absent owners), written
from a brief without seeing the rules, measured before tuning (their READMEs)."""
MEETINGS_NQ = [
    load_labelled(folder)
    for folder in (LABELLED_DIR_N, LABELLED_DIR_O, LABELLED_DIR_P, LABELLED_DIR_Q)
]
"""Held-out sets 1 to 4 until 2026-12-06, then tuning sets n to q (their READMEs keep the
figures before tuning)."""


def test_labelled_set_is_big_and_bilingual() -> None:
    languages = [name.split("_", 1)[0] for name, _, _ in MEETINGS]
    assert len(MEETINGS) >= 12
    assert languages.count("en") >= len(MEETINGS) / 2
    assert languages.count("da") >= 3 and languages.count("mix") >= 1
    assert sum(len(expected["action_items"]) for _, _, expected in MEETINGS) >= 60


def test_action_items_meet_the_targets() -> None:
    # Reached when written: precision 0.91, recall 0.88, owner 1.00, due date 0.92 (bench).
    # With the six meetings added for issue 15 (19 meetings, 88 items) and its fixes: 0.95 /
    # 0.94 / 1.00 / 0.97; Danish alone 0.93 / 0.93, mixed 1.00 / 0.93. Since a task said for
    # "next week" (no day) has no due date, as the labelling conventions and sets b-d have it,
    # five labels of this set that date "next week" as its Monday are missed: 0.90 / 0.89 /
    # 1.00 / 0.91 (Danish 0.86 / 0.86).
    total, groups = score_meetings(MEETINGS)

    assert total.precision >= 0.88, total.errors
    assert total.recall >= 0.87, total.errors
    assert total.owner_accuracy >= 0.95, total.errors
    assert total.due_accuracy >= 0.89, total.errors
    # Danish must keep up with English.
    assert groups["da"].precision >= 0.85 and groups["da"].recall >= 0.85


def test_second_set_is_bilingual() -> None:
    groups = [name.split("_")[1] for name, _, _ in MEETINGS_B]
    assert len(MEETINGS_B) >= 12
    assert groups.count("en") >= 5 and groups.count("da") >= 5 and groups.count("mix") >= 2
    assert sum(len(expected["action_items"]) for _, _, expected in MEETINGS_B) >= 80


def test_action_items_on_the_second_set() -> None:
    # Before its kinds of failure were fixed: precision 0.49, recall 0.61 (Danish 0.43 / 0.65);
    # after: 0.88 / 0.89 (Danish 0.90 / 0.90), owner 1.00, due date 0.95 (bench). Some labels
    # cannot be met by any rule (a quote over two sentences; "after the call" read as no date
    # here and as today in the first set), so the bar sits a little below the first set's.
    total, groups = score_meetings(MEETINGS_B)

    assert total.precision >= 0.85, total.errors
    assert total.recall >= 0.85, total.errors
    assert total.owner_accuracy >= 0.95, total.errors
    assert total.due_accuracy >= 0.90, total.errors
    assert groups["da"].precision >= 0.85 and groups["da"].recall >= 0.85, total.errors


def test_action_items_on_the_third_set() -> None:
    # Before it was tuned on: precision 0.46, recall 0.49 (Danish 0.33 / 0.38); after: 0.93 /
    # 0.90 (Danish 0.95 / 0.93). The held-out set stayed at 0.55 / 0.67 (bench): these bars
    # guard against losing what was fixed, they say nothing about unseen meetings.
    total, groups = score_meetings(MEETINGS_C)

    assert len(MEETINGS_C) >= 14
    assert total.precision >= 0.88, total.errors
    assert total.recall >= 0.85, total.errors
    assert groups["da"].precision >= 0.88 and groups["da"].recall >= 0.85, total.errors


def test_action_items_on_the_fourth_set() -> None:
    # Before it was tuned on: precision 0.50, recall 0.55 (Danish 0.46 / 0.51), due date 0.68;
    # after: 0.93 / 0.94 (Danish 0.90 / 0.93), due date 0.94 (bench). The bars sit below
    # today's figures to guard what was fixed; they say nothing about unseen meetings (see the
    # held-out sets in bench.intelligence).
    total, groups = score_meetings(MEETINGS_D)

    assert len(MEETINGS_D) >= 14
    assert total.precision >= 0.88, total.errors
    assert total.recall >= 0.88, total.errors
    assert total.due_accuracy >= 0.90, total.errors
    assert groups["da"].precision >= 0.85 and groups["da"].recall >= 0.88, total.errors


def test_action_items_on_the_fifth_and_sixth_sets() -> None:
    # Before they were tuned on (rules of 4af2aad): e 0.59 / 0.59 (Danish 0.53 / 0.57), f 0.75 /
    # 0.69 (Danish 0.68 / 0.57). After: e 0.90 / 0.89 (Danish 0.86 / 0.88), f 0.90 / 0.88
    # (Danish 0.90 / 0.83) (bench). Tuning on e alone moved f only to 0.77 / 0.70: these bars
    # guard what was fixed and say nothing about unseen meetings.
    for meetings in (MEETINGS_E, MEETINGS_F):
        total, groups = score_meetings(meetings)
        assert len(meetings) >= 14
        assert total.precision >= 0.86, total.errors
        assert total.recall >= 0.84, total.errors
        assert groups["da"].precision >= 0.83 and groups["da"].recall >= 0.80, total.errors


def test_action_items_on_the_seventh_set() -> None:
    # Before its kinds of failure were fixed: precision 0.43, recall 0.52 (Danish 0.41 / 0.51),
    # owner 0.96, due date 0.71; after: 0.74 / 0.74 (Danish 0.73 / 0.71), owner 0.97, due date
    # 0.92 (bench). Long turns keep it below the other sets; the bar guards what was reached.
    total, groups = score_meetings(MEETINGS_G)
    assert len(MEETINGS_G) >= 14
    assert total.precision >= 0.71, total.errors
    assert total.recall >= 0.71, total.errors
    assert total.due_accuracy >= 0.89, total.errors
    assert groups["da"].precision >= 0.70 and groups["da"].recall >= 0.68, total.errors


def test_action_items_on_the_eighth_and_ninth_sets() -> None:
    # Before they were tuned on (rules of 692639f): h 0.76 / 0.84 (Danish 0.71 / 0.74), i 0.61 /
    # 0.74 (Danish 0.65 / 0.71). The bars guard what was fixed, not unseen meetings.
    for meetings, bar in ((MEETINGS_H, 0.84), (MEETINGS_I, 0.66)):
        total, groups = score_meetings(meetings)
        assert len(meetings) >= 14
        assert total.precision >= bar and total.recall >= 0.78, total.errors
        assert groups["da"].precision >= 0.84 and groups["da"].recall >= 0.84, total.errors


def test_action_items_on_the_tenth_and_eleventh_sets() -> None:
    # Before they were tuned on (rules of 4d3b777): j 0.63 / 0.77 (Danish 0.72 / 0.82), k 0.75 /
    # 0.78 (Danish 0.58 / 0.69). After: j 0.82 / 0.91 (Danish 0.91 / 0.95), k 0.92 / 0.92
    # (Danish 0.81 / 0.81) (bench). The bars guard what was fixed, not unseen meetings.
    for meetings in (MEETINGS_J, MEETINGS_K):
        total, groups = score_meetings(meetings)
        assert len(meetings) >= 14
        assert total.precision >= 0.78 and total.recall >= 0.85, total.errors
        assert groups["da"].precision >= 0.78 and groups["da"].recall >= 0.78, total.errors


def test_action_items_on_the_twelfth_and_thirteenth_sets() -> None:
    # Before they were tuned on (rules of acfdd15): l 0.51 / 0.51 (Danish 0.44 / 0.42), m 0.57 /
    # 0.50 (Danish 0.58 / 0.52). After: l 0.73 / 0.72 (Danish 0.67 / 0.63), m 0.80 / 0.76
    # (Danish 0.84 / 0.76) (bench). The bars guard what was fixed, not unseen meetings.
    for meetings, bar, danish_bar in ((MEETINGS_L, 0.66, 0.58), (MEETINGS_M, 0.72, 0.72)):
        total, groups = score_meetings(meetings)
        assert len(meetings) >= 14
        assert total.precision >= bar and total.recall >= bar, total.errors
        assert groups["da"].precision >= danish_bar, total.errors
        assert groups["da"].recall >= danish_bar, total.errors


def test_action_items_on_the_sets_held_out_until_december_6th() -> None:
    # Before they were tuned on (rules of 32c0ca8): n 0.73 / 0.76, o 0.53 / 0.70, p 0.72 / 0.79,
    # q 0.70 / 0.67. After the first session on them: n 0.83 / 0.79, o 0.59 / 0.73, p 0.77 /
    # 0.80, q 0.74 / 0.68 (bench). The bars guard what was fixed, not unseen meetings.
    for meetings, bar in zip(MEETINGS_NQ, (0.78, 0.56, 0.75, 0.66), strict=True):
        total, _ = score_meetings(meetings)
        assert len(meetings) >= 12
        assert total.precision >= bar and total.recall >= bar, total.errors


def test_action_items_on_the_sets_written_on_december_6th() -> None:
    # Before they were tuned on (rules of main eb51b37, rules alone): r 0.64 / 0.71, s 0.62 /
    # 0.59 (their READMEs). After the first session on them: r 0.70 / 0.71, s 0.75 / 0.68
    # (bench). The bars guard what was fixed, not unseen meetings.
    for folder, bar in ((LABELLED_DIR_R, 0.66), (LABELLED_DIR_S, 0.62)):
        meetings = load_labelled(folder)
        total, _ = score_meetings(meetings)
        assert len(meetings) >= 14
        assert total.precision >= bar and total.recall >= bar, total.errors


@pytest.mark.parametrize(("name", "transcript", "expected"), MEETINGS, ids=[m[0] for m in MEETINGS])
def test_decisions_and_next_meeting(
    name: str, transcript: object, expected: dict[str, object]
) -> None:
    from assistant.transcript import Transcript

    assert isinstance(transcript, Transcript)
    result = analyse_meeting(transcript)
    found = [f"{d.quote} {d.text}" for d in result.decisions]
    for label in expected["decisions"]:  # type: ignore[attr-defined]
        assert any(label.rstrip("?") in text for text in found), (name, label, found)
    assert len(found) <= len(expected["decisions"]) + 1  # type: ignore[arg-type]
    date = (
        result.next_meeting.date.isoformat()
        if result.next_meeting and result.next_meeting.date
        else None
    )
    assert date == expected["next_meeting"], name


def test_a_sixty_minute_meeting_is_read_whole() -> None:
    # How long it takes is bench.intelligence's to print; here: nothing of it is lost.
    transcript = long_meeting(MEETINGS, 60)
    assert transcript.meeting.duration_s >= 3600
    metrics = compute_metrics(transcript)
    intelligence = analyse_meeting(transcript)
    coaching = coach(transcript, metrics)
    report = build_report(
        transcript, metrics, intelligence.action_items, coaching, None, intelligence
    )
    speakers = {segment.speaker for segment in transcript.segments}
    assert {row["id"] for row in report["participants"]} == speakers
    assert sum(row["words"] for row in report["participants"]) == sum(
        len(segment.text.split()) for segment in transcript.segments
    )
    assert report["action_items"]


def test_ami_meeting() -> None:
    transcript = load_ami(AMI_SUPERVISIONS)
    metrics = compute_metrics(transcript)
    shares = {p.participant_id: p.talk_share for p in metrics.participants}
    # SOURCES.md: 47.9 / 26.6 / 22.9 / 2.6 %, within half a percentage point.
    assert shares == pytest.approx(
        {"FEE041": 0.479, "FEE043": 0.266, "FEE044": 0.229, "FEE042": 0.026}, abs=0.005
    )
    items = extract_action_items(transcript)
    texts = [item.text for item in items]
    # The closing assignment of the meeting is found; the warm-up chatter about introductions
    # ("we'll get around to that") and the agenda ("we'll be covering these things") is not.
    assert "WORK ON THE USER REQUIREMENTS" in texts
    assert not any("GET AROUND" in t or "GET ROUND" in t or "COVERING" in t for t in texts)
    assert all(item.quote.isupper() and item.language == "en" for item in items)
    advice = coach(transcript, metrics)
    report = build_report(transcript, metrics, items, advice, None, analyse_meeting(transcript))
    # Not a sales call: no customer signals; FEE042 hardly spoke, so the one who led the talk
    # is asked to draw her in.
    assert report["signals"] is None
    coaching = {c["participant"]: c["items"] for c in report["coaching"]}  # type: ignore[union-attr]
    assert any(i["topic"] == "inclusion" and "FEE042" in i["message"] for i in coaching["FEE041"])
