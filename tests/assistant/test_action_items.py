"""Rule-based action items, against a meeting held on Wednesday 2026-11-25."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.action_items import ActionItem, extract_action_items, resolve_due_date
from assistant.transcript import MeetingInfo, Participant, Segment, Transcript, Word

WEDNESDAY = dt.date(2026, 11, 25)
PARTICIPANTS = (
    Participant("anna", "Anna Berg", "internal"),
    Participant("ben", "Ben Holm", "external"),
    Participant("cleo", "Cleo", "external"),
)


def make_transcript(segments: list[Segment], date: dt.date | None = WEDNESDAY) -> Transcript:
    return Transcript(
        meeting=MeetingInfo(title="Call", date=date, duration_s=segments[-1].end, language="en"),
        participants=PARTICIPANTS,
        segments=tuple(segments),
    )


def items_of(text: str, date: dt.date | None = WEDNESDAY) -> tuple[ActionItem, ...]:
    return extract_action_items(
        make_transcript([Segment("anna", 1.0, 5.0, text), Segment("ben", 6.0, 8.0, "Sure.")], date)
    )


def test_commitment_with_weekday_due_date() -> None:
    # Example from the issue. Friday after Wednesday 2026-11-25 is 2026-11-27.
    assert items_of("I'll send the proposal by Friday.") == (
        ActionItem(
            text="Send the proposal",
            owner="anna",
            due=dt.date(2026, 11, 27),
            speaker="anna",
            start=1.0,
            quote="I'll send the proposal by Friday.",
        ),
    )


def test_request_goes_to_next_speaker() -> None:
    # Example from the issue: nobody named, Ben speaks next.
    assert items_of("Can you loop in legal?") == (
        ActionItem(
            text="Loop in legal",
            owner="ben",
            due=None,
            speaker="anna",
            start=1.0,
            quote="Can you loop in legal?",
        ),
    )


def test_request_goes_to_named_participant() -> None:
    # Cleo is addressed by name though Ben speaks next; "please" and "for me" are dropped.
    (item,) = items_of("Cleo, could you please check the pricing for me?")
    assert (item.text, item.owner) == ("Check the pricing", "cleo")
    (item,) = items_of("Ben Holm, please review the draft.")
    assert (item.text, item.owner) == ("Review the draft", "ben")
    (item,) = items_of("Could you send over the contract when you get a chance?")
    assert (item.text, item.owner) == ("Send over the contract", "ben")


def test_request_with_nobody_after_has_no_owner() -> None:
    transcript = make_transcript([Segment("anna", 0.0, 2.0, "Could you share the deck?")])
    (item,) = extract_action_items(transcript)
    assert (item.text, item.owner) == ("Share the deck", None)


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("I will update the roadmap.", "Update the roadmap"),
        ("I'm going to draft the agenda.", "Draft the agenda"),
        ("I am going to call the supplier.", "Call the supplier"),
        ("Let me check with finance.", "Check with finance"),
        ("I can send you the slides.", "Send you the slides"),
        ("We'll just update the deck, and then we can talk.", "Update the deck"),
        ("We will book the venue.", "Book the venue"),
        ("Okay, I’ll write the summary.", "Write the summary"),  # typographic apostrophe
        ("I'll tell you what, I'll send the figures.", "Send the figures"),
        ("I'll jump on a call with them.", "Jump on a call with them"),
    ],
)
def test_commitments_belong_to_the_speaker(sentence: str, text: str) -> None:
    (item,) = items_of(sentence)
    assert (item.text, item.owner, item.speaker, item.quote) == (text, "anna", "anna", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "I sent the proposal yesterday.",  # past tense
        "We could maybe look at pricing.",  # hypothetical
        "If we get the budget, I'll hire someone.",  # conditional
        "I'll maybe send it.",  # hedged
        "Can you hear me?",
        "Could you repeat that?",
        "Can you see my screen?",
        "Let me think.",
        "I'll be honest.",
        "I'll tell you what.",
        "I'm going to say no.",
        "I'm going to the office.",
        "I can't send it.",
        "I will not send it.",
        "Would you like some coffee?",
        "Let me know.",
        "We'll see.",
        "We will need more budget.",
        "Can you walk me through the pricing?",
        "Can you give me a second?",
        "Please note that the price changed.",
        "Let me share my screen.",
        "I'll have to jump off soon.",
    ],
)
def test_not_action_items(sentence: str) -> None:
    assert items_of(sentence) == ()


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("today", dt.date(2026, 11, 25)),
        ("tomorrow", dt.date(2026, 11, 26)),
        ("by Friday", dt.date(2026, 11, 27)),  # Wed + 2
        ("on Monday", dt.date(2026, 11, 30)),  # Wed + 5
        ("by next Friday", dt.date(2026, 11, 27)),  # read as "by Friday"
        ("on Wednesday", dt.date(2026, 12, 2)),  # strictly after the meeting: Wed + 7
        ("next week", dt.date(2026, 11, 30)),  # Monday of next week
        ("by the end of the week", dt.date(2026, 11, 27)),  # Friday of this week
        ("by end of week", dt.date(2026, 11, 27)),
        ("by the end of the month", dt.date(2026, 11, 30)),  # November has 30 days
        ("by end of month", dt.date(2026, 11, 30)),
        ("by the 15th", dt.date(2026, 12, 15)),  # 15 < 25: next month's 15th
        ("by the 25th", dt.date(2026, 11, 25)),  # on or after: the meeting day itself
        ("by the 31st", dt.date(2026, 12, 31)),  # November has no 31st
        ("on December 3", dt.date(2026, 12, 3)),
        ("by March 3", dt.date(2027, 3, 3)),  # already past this year: next year
        ("by 3 March", dt.date(2027, 3, 3)),
        ("by the 3rd of March", dt.date(2027, 3, 3)),
        ("by Dec. 3rd", dt.date(2026, 12, 3)),
        ("by March 3, 2026", dt.date(2026, 3, 3)),  # explicit year kept, even if past
        ("by 2026-03-03", dt.date(2026, 3, 3)),
    ],
)
def test_due_dates(phrase: str, due: dt.date) -> None:
    (item,) = items_of(f"I'll send the report {phrase}.")
    assert (item.text, item.due) == ("Send the report", due)


def test_due_date_before_the_cue() -> None:
    (item,) = items_of("By Monday, I'll circulate the minutes.")
    assert (item.text, item.due) == ("Circulate the minutes", dt.date(2026, 11, 30))


def test_without_meeting_date_only_absolute_dates_resolve() -> None:
    (relative,) = items_of("I'll send the report by Friday.", date=None)
    assert (relative.text, relative.due) == ("Send the report", None)
    (absolute,) = items_of("I'll send the report by 2026-12-01.", date=None)
    assert absolute.due == dt.date(2026, 12, 1)
    (with_year,) = items_of("I'll send the report by 1 December 2026.", date=None)
    assert with_year.due == dt.date(2026, 12, 1)


def test_resolve_due_date_removes_the_phrase() -> None:
    assert resolve_due_date("send it by the end of the month please", WEDNESDAY) == (
        dt.date(2026, 11, 30),
        "send it please",
    )
    assert resolve_due_date("send it", WEDNESDAY) == (None, "send it")


def test_duplicates_merge_keeping_the_due_date() -> None:
    transcript = make_transcript(
        [
            Segment("anna", 0.0, 2.0, "I'll send the proposal."),
            Segment("ben", 2.0, 4.0, "Great."),
            Segment("anna", 4.0, 6.0, "So I'll send the proposal by Friday."),
            Segment("ben", 6.0, 8.0, "I'll send the proposal too."),  # other owner: kept
        ]
    )
    items = extract_action_items(transcript)
    assert [(i.owner, i.text, i.due, i.start) for i in items] == [
        ("anna", "Send the proposal", dt.date(2026, 11, 27), 4.0),
        ("ben", "Send the proposal", None, 6.0),
    ]


def test_several_sentences_with_word_times() -> None:
    text = "Hi all. I'll send the notes. Can you book a room?"
    words = tuple(Word(f" {w}", 10.0 + i, 10.5 + i, 0.9) for i, w in enumerate(text.split()))
    transcript = make_transcript(
        [Segment("anna", 10.0, 20.0, text, words=words), Segment("cleo", 21.0, 22.0, "Yes.")]
    )
    items = extract_action_items(transcript)
    # "I'll" is word 2 (start 12.0), "Can" word 6 (start 16.0).
    assert [(i.text, i.owner, i.start) for i in items] == [
        ("Send the notes", "anna", 12.0),
        ("Book a room", "cleo", 16.0),
    ]
