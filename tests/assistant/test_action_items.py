"""Rule-based action items, against a meeting held on Wednesday 2026-11-25."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.intelligence.action_items import ActionItem, extract_action_items, resolve_due_date
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
            # explicit "I'll" (0.85) with a date (+0.1)
            confidence=0.95,
            language="en",
        ),
    )


def test_request_goes_to_next_speaker() -> None:
    # Example from the issue: nobody named, Ben speaks next.
    # A request (0.8) whose owner is only inferred among three people (-0.1); Ben's "Sure."
    # accepts it (+0.1).
    assert items_of("Can you loop in legal?") == (
        ActionItem(
            text="Loop in legal",
            owner="ben",
            due=None,
            speaker="anna",
            start=1.0,
            quote="Can you loop in legal?",
            confidence=0.8,
            language="en",
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
    # An order needs no answer; a question nobody answers hands no work over.
    transcript = make_transcript([Segment("anna", 0.0, 2.0, "Please share the deck.")])
    (item,) = extract_action_items(transcript)
    assert (item.text, item.owner) == ("Share the deck", None)
    asked = make_transcript([Segment("anna", 0.0, 2.0, "Could you share the deck?")])
    assert extract_action_items(asked) == ()


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("I will update the roadmap.", "Update the roadmap"),
        ("I'm going to draft the agenda.", "Draft the agenda"),
        ("I am going to call the supplier.", "Call the supplier"),
        ("Let me check with finance.", "Check with finance"),
        ("I can send you the slides.", "Send you the slides"),
        ("Okay, I’ll write the summary.", "Write the summary"),  # typographic apostrophe
        ("I'll tell you what, I'll send the figures.", "Send the figures"),
        ("I'll jump on a call with them.", "Jump on a call with them"),
    ],
)
def test_commitments_belong_to_the_speaker(sentence: str, text: str) -> None:
    (item,) = items_of(sentence)
    assert (item.text, item.owner, item.speaker, item.quote) == (text, "anna", "anna", sentence)


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("We'll just update the deck, and then we can talk.", "Update the deck"),
        ("We will book the venue.", "Book the venue"),
        ("We'll set up a pilot.", "Set up a pilot"),
        ("Vi sætter en pilot op i næste uge.", "Sæt en pilot op"),
        ("Lad os booke et opfølgningsmøde.", "Book et opfølgningsmøde"),
    ],
)
def test_group_commitments_belong_to_the_speakers_team(sentence: str, text: str) -> None:
    (item,) = items_of(sentence)
    assert (item.text, item.owner, item.speaker) == (text, "team:internal", "anna")


def test_group_commitment_without_sides_belongs_to_the_team() -> None:
    transcript = Transcript(
        MeetingInfo("Standup", WEDNESDAY, 5.0, "en"),
        (Participant("a", "Ann"), Participant("b", "Bo")),
        (Segment("a", 0.0, 3.0, "We'll ship the fix on Friday."),),
    )
    (item,) = extract_action_items(transcript)
    assert (item.owner, item.due) == ("team", dt.date(2026, 11, 27))


@pytest.mark.parametrize(
    ("sentence", "text", "owner", "due"),
    [
        # The examples of the issue.
        ("Jeg sender tilbuddet i morgen.", "Send tilbuddet", "anna", dt.date(2026, 11, 26)),
        ("Kan du tjekke prisen med Peter?", "Tjek prisen med Peter", "ben", None),
        ("Cleo takes the demo.", "Take the demo", "cleo", None),
        ("Cleo tager demoen på fredag.", "Tag demoen", "cleo", dt.date(2026, 11, 27)),
        # Inverted Danish word order, modal verbs, a named addressee, "husk at".
        ("I morgen ringer jeg til dem.", "Ring til dem", "anna", dt.date(2026, 11, 26)),
        ("Jeg skal nok sende kontrakten.", "Send kontrakten", "anna", None),
        ("Cleo, kan du tage demoen på fredag?", "Tag demoen", "cleo", dt.date(2026, 11, 27)),
        (
            "Husk lige at sende referatet senest den 15.",
            "Send referatet",
            "ben",
            dt.date(2026, 12, 15),
        ),
        ("Ben skal nok ringe til dem i næste uge.", "Ring til dem", "ben", None),  # no day: no due
        (
            "Cleo, send me the figures by Monday.",
            "Send me the figures",
            "cleo",
            dt.date(2026, 11, 30),
        ),
        ("Du tager demoen, Cleo.", "Tag demoen", "cleo", None),
    ],
)
def test_danish_and_assignments(sentence: str, text: str, owner: str, due: dt.date | None) -> None:
    (item,) = items_of(sentence)
    assert (item.text, item.owner, item.due) == (text, owner, due)
    assert 0 < item.confidence < 1


@pytest.mark.parametrize(
    "sentence",
    [
        "Jeg sendte den i går.",  # past
        "Jeg har sendt tilbuddet.",
        "Vi kunne måske kigge på det.",  # hypothetical
        "Hvis vi får budgettet, sender jeg et tilbud.",  # conditional
        "Kan du høre mig?",
        "Kan du se min skærm?",
        "Kan du huske, hvad prisen var?",  # a question about facts
        "Jeg tror, det er fint.",
        "Jeg skal være ærlig.",
        "Jeg sender den lige nu.",  # done on the spot
        "Lad os starte med pipelinen.",  # a move in the meeting
        "Vi vil virkelig ikke undvære det.",
        "Jeg sender normalt tilbud om mandagen.",  # a habit
        "Let's move on.",
        "I'll eat my hat if they sign, haha.",  # a joke
        "Ha, I'll make sure the software forces them to!",
        "I could maybe help with the deck.",
    ],
)
def test_not_action_items_danish_and_more(sentence: str) -> None:
    assert items_of(sentence) == ()


def test_request_and_its_answer_are_one_item_with_the_answers_date() -> None:
    transcript = make_transcript(
        [
            Segment("anna", 0.0, 3.0, "Could you share your security questionnaire, Ben?"),
            Segment("ben", 3.5, 6.0, "Sure, I'll dig it out and send it over tomorrow."),
        ]
    )
    (item,) = extract_action_items(transcript)
    assert (item.text, item.owner, item.due) == (
        "Share your security questionnaire",
        "ben",
        dt.date(2026, 11, 26),
    )


def test_accepted_offer_becomes_a_promise() -> None:
    transcript = make_transcript(
        [
            Segment("anna", 0.0, 3.0, "I could put together two options for you."),
            Segment("ben", 3.5, 5.0, "Yes, please do that."),
            Segment("anna", 5.5, 7.0, "Shall I check in again next week?"),
            Segment("ben", 7.5, 9.0, "Sounds good."),
        ]
    )
    items = extract_action_items(transcript)
    assert [(i.text, i.owner, i.due) for i in items] == [
        ("Put together two options", "anna", None),
        ("Check in again", "anna", None),  # "next week" names no day: no deadline
    ]


def test_who_question_answered_by_det_goer_jeg() -> None:
    transcript = make_transcript(
        [
            Segment("ben", 0.0, 3.0, "Hvem skriver release notes til næste version?", "da"),
            Segment(
                "anna", 3.5, 7.0, "Det gør jeg. Jeg har dem klar inden udgangen af ugen.", "da"
            ),
        ]
    )
    (item,) = extract_action_items(transcript)
    assert (item.text, item.owner, item.due) == (
        "Skriv release notes til næste version",
        "anna",
        dt.date(2026, 11, 27),
    )


def test_two_tasks_in_one_sentence() -> None:
    (first, second) = items_of(
        "Jeg bestiller standen i dag, og så sender jeg detaljerne rundt i næste uge."
    )
    assert (first.text, first.due) == ("Bestil standen", WEDNESDAY)
    # "i næste uge" names no day: a task without a deadline, as tasks are labelled.
    assert (second.text, second.due) == ("Send detaljerne rundt", None)


def test_before_then_takes_the_date_just_said() -> None:
    transcript = make_transcript(
        [
            Segment("ben", 0.0, 3.0, "The contract must be signed by the end of the month."),
            Segment("anna", 3.5, 6.0, "Understood, we'll get the contract to you before then."),
        ]
    )
    (item,) = extract_action_items(transcript)
    assert (item.owner, item.due) == ("team:internal", dt.date(2026, 11, 30))


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
        ("after the call", dt.date(2026, 11, 25)),
        ("this afternoon", dt.date(2026, 11, 25)),
        ("tomorrow morning", dt.date(2026, 11, 26)),
        ("in two weeks", dt.date(2026, 12, 9)),
        ("by end of next week", dt.date(2026, 12, 4)),
        ("on Friday next week", dt.date(2026, 12, 4)),
        ("by end of day Monday", dt.date(2026, 11, 30)),
        # Danish phrases of the issue and their neighbours.
        ("i morgen", dt.date(2026, 11, 26)),
        ("i overmorgen", dt.date(2026, 11, 27)),
        ("i dag", dt.date(2026, 11, 25)),
        ("på fredag", dt.date(2026, 11, 27)),
        ("inden fredag", dt.date(2026, 11, 27)),
        ("senest mandag", dt.date(2026, 11, 30)),
        ("fredag i næste uge", dt.date(2026, 12, 4)),
        ("inden udgangen af måneden", dt.date(2026, 11, 30)),
        ("sidst på måneden", dt.date(2026, 11, 30)),
        ("inden udgangen af ugen", dt.date(2026, 11, 27)),
        ("inden den 15.", dt.date(2026, 12, 15)),
        ("den 3. december", dt.date(2026, 12, 3)),
        ("om to uger", dt.date(2026, 12, 9)),
    ],
)
def test_due_dates(phrase: str, due: dt.date) -> None:
    (item,) = items_of(f"I'll send the report {phrase}.")
    assert (item.text, item.due) == ("Send the report", due)
    assert resolve_due_date(f"send {phrase}", WEDNESDAY) == (due, "send")


@pytest.mark.parametrize(
    "phrase", ["next week", "i næste uge", "in week 49", "i uge 49", "i uge ni"]
)
def test_a_week_without_a_day_is_no_task_deadline(phrase: str) -> None:
    # As tasks are labelled: "next week" names no day. The phrase is still a date (a meeting
    # "next week" is on its Monday), it is still read as time (the task keeps no date words).
    (item,) = items_of(f"I'll send the report {phrase}.")
    assert (item.text, item.due) == ("Send the report", None)
    assert resolve_due_date(f"send {phrase}", WEDNESDAY)[0] is not None
    assert resolve_due_date(f"send {phrase}", WEDNESDAY, weeks=False) == (None, "send")


def test_danish_past_weekday_is_not_a_date() -> None:
    # "i fredags" is last Friday: not a deadline.
    assert resolve_due_date("vi mødtes i fredags", WEDNESDAY) == (None, "vi mødtes i fredags")


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
