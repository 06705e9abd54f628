"""Participation metrics on hand-made transcripts, with every expected number worked out by hand."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import math
from dataclasses import asdict, replace
from pathlib import Path

import pytest

from assistant.analytics.metrics import (
    Balance,
    ParticipantMetrics,
    SideShares,
    balance,
    compute_metrics,
    count_filler_words,
    count_questions,
    count_words,
    participant_metrics,
    speech_of,
    talk_time,
    turns,
)
from assistant.transcript import (
    MeetingInfo,
    Participant,
    Segment,
    Side,
    Transcript,
    Word,
    speech_turns,
    turns_of,
)
from tests.conftest import DATA

AMI_SUPERVISIONS = DATA / "ami-es2011a" / "ES2011a_sups.jsonl.gz"


def make_transcript(
    segments: list[Segment], participants: list[tuple[str, str, Side | None]]
) -> Transcript:
    return Transcript(
        meeting=MeetingInfo(
            title="Test",
            date=dt.date(2026, 11, 25),
            duration_s=max((s.end for s in segments), default=0.0),
            language="en",
        ),
        participants=tuple(Participant(pid, name, side) for pid, name, side in participants),
        segments=tuple(sorted(segments, key=lambda s: s.start)),
    )


# Anna (internal) and Ben (external) talk; Cleo (external) never speaks.
MEETING = make_transcript(
    [
        Segment("anna", 0.0, 10.0, "Hello everyone, um, welcome. What is the plan?"),
        # 1.0 s pause, nobody else started in between: still Anna's first turn.
        Segment("anna", 11.0, 15.0, "You know - I mean it is fine."),
        # Ben starts at 14.0, inside Anna's 11.0-15.0: 11.3 < 14.0 <= 14.7, an interruption.
        Segment("ben", 14.0, 20.0, "Sorry, can I add something? Uh yes."),
        # Anna starts exactly when Ben stops: back to back, not an interruption.
        Segment("anna", 20.0, 22.0, "Agreed."),
        # 3.0 s after her previous turn ended (> 2.0 s): a new turn.
        Segment("anna", 25.0, 27.0, "Okay. Next point?"),
        # Ben starts 0.1 s before Anna's end (< 0.3 s): not an interruption.
        Segment("ben", 26.9, 29.9, "Hmm, fine."),
    ],
    [("anna", "Anna", "internal"), ("ben", "Ben", "external"), ("cleo", "Cleo", "external")],
)


def test_meeting_metrics_per_participant() -> None:
    # Cleo never spoke: the meeting's figures leave her out (issue 15: nobody is listed with
    # 0 s of talk); participant_metrics still gives her a row of zeros.
    anna, ben = compute_metrics(MEETING).participants
    cleo = participant_metrics(MEETING)[2]

    # Anna: talk 10 + 4 + 2 + 2 = 18 s; Ben: 6 + 3 = 9 s; total 27 s.
    # Anna's turns: [0-15] (two segments), [20-22], [25-27] -> 3, longest 15 s.
    # Words: "hello everyone um welcome what is the plan" 8 + "you know i mean it is fine" 7
    #   ("-" is punctuation) + "right" 1 + "okay next point" 3 = 19.
    # WPM 19 / (18 / 60) = 63.333...; fillers um, "you know", "I mean" = 3 -> 3 / 19 * 100.
    # Questions: "What is the plan?", "Next point?" -> 2. Interruptions: starts 0, 20, 25 -> 0.
    assert asdict(anna) == pytest.approx(
        {
            "participant_id": "anna",
            "talk_time_s": 18.0,
            "talk_share": 18 / 27,
            "turns": 3,
            "longest_monologue_s": 15.0,
            "words": 19,
            "words_per_minute": 19 / (18 / 60),  # 63.33
            "questions_asked": 2,
            "filler_words_per_100": 3 / 19 * 100,  # 15.79
            "interruptions_made": 0,
        }
    )
    # Ben: talk 6 + 3 = 9 s, share 9 / 27; turns [14-20], [26.9-29.9] -> 2, longest 6 s.
    # Words "sorry can i add something uh yes" 7 + "hmm fine" 2 = 9; WPM 9 / (9 / 60) = 60.
    # Fillers uh, hmm = 2 -> 2 / 9 * 100 = 22.22; one question; one interruption (at 14.0).
    assert asdict(ben) == pytest.approx(
        {
            "participant_id": "ben",
            "talk_time_s": 9.0,
            "talk_share": 9 / 27,
            "turns": 2,
            "longest_monologue_s": 6.0,
            "words": 9,
            "words_per_minute": 60.0,
            "questions_asked": 1,
            "filler_words_per_100": 2 / 9 * 100,  # 22.22
            "interruptions_made": 1,
        }
    )
    assert cleo == ParticipantMetrics("cleo", 0.0, 0.0, 0, 0.0, 0, 0.0, 0, 0.0, 0)


def test_meeting_balance_and_sides() -> None:
    metrics = compute_metrics(MEETING)

    # Shares 2/3, 1/3 over the n = 2 who spoke (Cleo, who never did, is not counted):
    # H = -(2/3 ln 2/3 + 1/3 ln 1/3) = 0.270310 + 0.366204 = 0.636514; / ln 2 (0.693147) = 0.91830
    assert metrics.balance.score == pytest.approx(0.91830, abs=1e-5)
    assert metrics.balance.dominant == "anna"  # 0.667 > 0.6
    assert metrics.balance.silent == ()
    # Internal: Anna 18 / 27; external: Ben 9 + Cleo 0 over 27.
    assert metrics.sides is not None
    assert (metrics.sides.internal_share, metrics.sides.external_share) == pytest.approx(
        (2 / 3, 1 / 3)
    )


def test_nobody_spoke() -> None:
    transcript = make_transcript([], [("a", "A", None), ("b", "B", None)])

    metrics = compute_metrics(transcript)

    # No speech: nobody to list and no balance verdict.
    assert metrics.participants == ()
    assert [p.words_per_minute for p in participant_metrics(transcript)] == [0.0, 0.0]
    assert metrics.balance == Balance(score=None, dominant=None, silent=())
    assert metrics.sides is None


def test_one_participant_has_no_balance_verdict() -> None:
    transcript = make_transcript([Segment("a", 0.0, 4.0, "Just me.")], [("a", "A", None)])

    metrics = compute_metrics(transcript)

    assert metrics.participants[0].talk_share == 1.0
    # One person cannot be balanced or dominate anyone (issue 15): no verdict.
    assert metrics.balance == Balance(score=None, dominant=None, silent=())


def test_balance_scores() -> None:
    assert balance([("a", 5.0), ("b", 5.0)]).score == pytest.approx(1.0)
    assert balance([("a", 2.0), ("b", 2.0), ("c", 2.0), ("d", 2.0)]).score == pytest.approx(1.0)
    # 3:1 -> shares 0.75, 0.25; H = -(0.75 ln 0.75 + 0.25 ln 0.25) = 0.215762 + 0.346574
    # = 0.562335; / ln 2 (0.693147) = 0.811278. Neither share > 0.6? 0.75 is: dominant a.
    three_to_one = balance([("a", 30.0), ("b", 10.0)])
    assert three_to_one.score == pytest.approx(0.811278, abs=1e-6)
    assert three_to_one.dominant == "a"
    assert three_to_one.silent == ()
    # One person did all the talking among three: H = 0 -> score 0.
    assert balance([("a", 10.0), ("b", 0.0), ("c", 0.0)]) == Balance(0.0, "a", ("b", "c"))
    # Silent threshold: 1 / 25 = 0.04 < 0.05 silent; 0.05 exactly is not.
    assert balance([("a", 24.0), ("b", 1.0)]).silent == ("b",)
    assert balance([("a", 19.0), ("b", 1.0)]).silent == ()
    # Dominant needs strictly more than 0.6: 6 / 10 is not.
    assert balance([("a", 6.0), ("b", 4.0)]).dominant is None


def test_talk_time_merges_own_overlaps() -> None:
    # [0, 5] and [3, 8] overlap by 2 s: union 8 s, not 10. [10, 11] adds 1 s. Empty ignored.
    segments = [
        Segment("a", 0.0, 5.0, "x"),
        Segment("a", 3.0, 8.0, "y"),
        Segment("a", 10.0, 11.0, "z"),
        Segment("a", 12.0, 12.0, ""),
    ]
    assert talk_time(segments) == pytest.approx(9.0)
    assert talk_time([]) == 0.0


def test_overlapping_speakers_each_keep_their_talk_time() -> None:
    transcript = make_transcript(
        [Segment("a", 0.0, 10.0, "a b c"), Segment("b", 5.0, 15.0, "d e f")],
        [("a", "A", None), ("b", "B", None)],
    )
    a, b = compute_metrics(transcript).participants
    # Each 10 s; the 5 s of overlap count for both. b started at 5.0 (0.3 < 5.0 <= 9.7) but a
    # carried on for 5 s more (> the 2 s yield window): talking over, not cutting off.
    assert (a.talk_time_s, b.talk_time_s) == (10.0, 10.0)
    assert (a.talk_share, b.talk_share) == (0.5, 0.5)
    assert (a.interruptions_made, b.interruptions_made) == (0, 0)


def test_interruption_needs_the_other_to_stop() -> None:
    # b starts at 5.0 while a speaks (0-6.5): a stops 1.5 s later (<= 2 s): cut off.
    transcript = make_transcript(
        [Segment("a", 0.0, 6.5, "a b c d"), Segment("b", 5.0, 15.0, "e f g")],
        [("a", "A", None), ("b", "B", None)],
    )
    a, b = compute_metrics(transcript).participants
    assert (a.interruptions_made, b.interruptions_made) == (0, 1)


def test_back_channels_are_neither_turns_nor_interruptions() -> None:
    transcript = make_transcript(
        [
            Segment("a", 0.0, 10.0, "Let me walk you through the pricing model."),
            Segment("b", 4.0, 4.5, "Mm-hmm."),  # inside a's speech, a goes on
            Segment("b", 8.5, 9.0, "Yeah, yeah."),  # a stops 1 s later, still only a listener
            Segment("a", 10.5, 14.0, "So the annual plan is cheaper."),
            Segment("c", 14.5, 15.0, "Ja."),  # Danish back-channel
        ],
        [("a", "A", None), ("b", "B", None), ("c", "C", None)],
    )
    a, b, c = compute_metrics(transcript).participants
    # a: one turn 0-14 (b's back-channels do not break it), longest monologue 14 s.
    assert (a.turns, a.longest_monologue_s) == (1, 14.0)
    assert (b.turns, b.interruptions_made, c.turns) == (0, 0, 0)
    # Back-channels still count as talk time and words: 0.5 + 0.5 s, 1 + 2 words.
    assert (b.talk_time_s, b.words) == (1.0, 3)


def test_interruption_counts_once_per_turn_start() -> None:
    # c starts at 5.0 inside both a's [0, 6.5] and b's [1, 6.8], who both stop within 2 s:
    # one interruption, not two.
    transcript = make_transcript(
        [
            Segment("a", 0.0, 6.5, "long talk"),
            Segment("b", 1.0, 6.8, "parallel talk"),
            Segment("c", 5.0, 6.0, "wait"),
        ],
        [("a", "A", None), ("b", "B", None), ("c", "C", None)],
    )
    assert compute_metrics(transcript).participants[2].interruptions_made == 1


def test_turns_break_on_other_speaker_and_gap() -> None:
    segments = [
        Segment("a", 0.0, 2.0, "one"),
        Segment("a", 3.5, 5.0, "two"),  # gap 1.5 s: same turn
        Segment("a", 7.5, 9.0, "three"),  # gap 2.5 s: new turn
        Segment("b", 9.0, 10.0, "four"),
        Segment("a", 10.0, 11.0, "five"),  # b spoke in between: new turn
    ]
    assert [(t.speaker, t.start, t.end) for t in turns(segments)] == [
        ("a", 0.0, 5.0),
        ("a", 7.5, 9.0),
        ("b", 9.0, 10.0),
        ("a", 10.0, 11.0),
    ]
    # With a 3 s gap allowed the first three segments are one turn.
    first = turns(segments, max_gap_s=3.0)[0]
    assert (first.start, first.end) == (0.0, 9.0)


def test_words_use_recogniser_words_and_skip_punctuation() -> None:
    words = (
        Word(" Hello,", 0.0, 0.5, 0.9),
        Word(" -", 0.5, 0.6, 0.9),
        Word(" world", 0.6, 1.0, 0.9),
    )
    # Text says four words, the recogniser's words win: "hello", "world" ("-" dropped).
    assert count_words([Segment("a", 0.0, 1.0, "Hello - big world", words=words)]) == 2
    assert count_words([Segment("a", 0.0, 1.0, "... Hello , world !")]) == 2


def test_filler_words() -> None:
    segments = [
        # UM, Uh, "you know", "I mean", hmm = 5; "umbrella" and "know" alone are not.
        Segment("a", 0.0, 1.0, "UM, the umbrella. Uh... you know, I mean it. Hmm? I know it."),
        # Danish: øh, øhm, æh = 3.
        Segment("a", 1.0, 2.0, "Øh, jeg ved øhm ikke, æh."),
    ]
    assert count_filler_words(segments) == 5 + 3


def test_questions_punctuated() -> None:
    segment = Segment("a", 0.0, 1.0, 'Is it ready? Yes. "Really?" What now? Fine!')
    # "Is it ready?", '"Really?"' (closing quote ignored), "What now?" -> 3
    assert count_questions([segment], punctuated=True) == 3


def test_questions_without_punctuation_use_openers() -> None:
    transcript = make_transcript(
        [
            Segment("a", 0.0, 1.0, "WHAT DO YOU THINK"),  # opener: question
            Segment("a", 1.0, 2.0, "I'M NOT SURE"),  # apostrophe is no punctuation
            Segment("a", 2.0, 3.0, "DOES IT FLOAT"),  # opener: question
            Segment("a", 3.0, 4.0, "IT IS BLUE"),  # "is" not first: statement
        ],
        [("a", "A", None)],
    )
    assert compute_metrics(transcript).participants[0].questions_asked == 2


def test_punctuated_transcript_does_not_use_openers() -> None:
    # One punctuated segment makes the whole transcript punctuated: "do it" is not a question.
    transcript = make_transcript(
        [Segment("a", 0.0, 1.0, "Do it"), Segment("a", 1.0, 2.0, "Now.")], [("a", "A", None)]
    )
    assert compute_metrics(transcript).participants[0].questions_asked == 0


def test_side_shares_count_speakers_without_side_in_total() -> None:
    transcript = make_transcript(
        [
            Segment("us", 0.0, 3.0, "pitch"),
            Segment("them", 3.0, 4.0, "ok"),
            Segment("who", 4.0, 8.0, "unknown"),
        ],
        [("us", "Us", "internal"), ("them", "Them", "external"), ("who", "Who", None)],
    )
    # 3 / 8 internal, 1 / 8 external (4 s by someone without a side).
    assert compute_metrics(transcript).sides == SideShares(0.375, 0.125)


def test_ami_talk_shares() -> None:
    transcript = load_ami(AMI_SUPERVISIONS)

    metrics = compute_metrics(transcript)

    shares = {p.participant_id: p.talk_share for p in metrics.participants}
    # Reference: sum of supervision durations per speaker over the total. The speakers' own
    # segments never overlap here, so the union equals the plain sum.
    assert shares["FEE041"] == pytest.approx(0.479, abs=0.005)
    assert shares["FEE043"] == pytest.approx(0.266, abs=0.005)
    assert shares["FEE044"] == pytest.approx(0.229, abs=0.005)
    assert shares["FEE042"] == pytest.approx(0.026, abs=0.005)
    assert math.isclose(sum(shares.values()), 1.0)
    assert metrics.balance.silent == ("FEE042",)
    assert metrics.balance.dominant is None
    # Upper case, no punctuation: questions come from the opener fallback.
    assert sum(p.questions_asked for p in metrics.participants) > 0


def load_ami(path: Path) -> Transcript:
    """AMI supervisions (gzip JSON lines: speaker, start, duration, text) as a Transcript."""
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines]
    segments = sorted(
        (
            Segment(
                speaker=row["speaker"],
                start=row["start"],
                end=row["start"] + row["duration"],
                text=row["text"],
                language="en",
            )
            for row in rows
        ),
        key=lambda s: s.start,
    )
    speakers = sorted({s.speaker for s in segments})
    return Transcript(
        meeting=MeetingInfo(title="ES2011a", date=None, duration_s=segments[-1].end, language="en"),
        participants=tuple(Participant(id=s, name=s) for s in speakers),
        segments=tuple(segments),
    )


def _with_turns(transcript: Transcript, spans: list[tuple[str, float, float]]) -> Transcript:
    return replace(transcript, turns=speech_turns(spans))


def test_speech_turns_are_cut_where_overlap_starts_and_stops() -> None:
    # a talks 0-10 (two touching spans); b talks over it 4-6, then c takes over from b at 6
    # until 7: one overlapped piece of a, 4-7, not two.
    turns_ = speech_turns(
        [("a", 0.0, 5.0), ("a", 5.0, 10.0), ("b", 4.0, 6.0), ("c", 6.0, 7.0), ("d", 12.0, 12.0)]
    )
    assert [(t.speaker, t.start, t.end, t.overlapped) for t in turns_] == [
        ("a", 0.0, 4.0, False),
        ("a", 4.0, 7.0, True),
        ("b", 4.0, 6.0, True),
        ("c", 6.0, 7.0, True),
        ("a", 7.0, 10.0, False),
    ]


def test_a_transcript_without_audio_takes_its_turns_from_its_segments() -> None:
    turns_ = turns_of(MEETING)
    # Ben's 14.0-20.0 overlaps Anna's 11.0-15.0 by one second.
    assert [(t.speaker, t.start, t.end, t.overlapped) for t in turns_[:4]] == [
        ("anna", 0.0, 10.0, False),
        ("anna", 11.0, 14.0, False),
        ("anna", 14.0, 15.0, True),
        ("ben", 14.0, 15.0, True),
    ]
    assert turns_of(_with_turns(MEETING, [("anna", 0.0, 1.0)])) == speech_turns(
        [("anna", 0.0, 1.0)]
    )


def test_talk_time_comes_from_the_turns_not_the_words() -> None:
    # The recogniser caught one word of b's 6 s of far-field speech ("Right", a listener word),
    # and nothing of c's 1.5 s: the turns say who spoke, and for how long.
    transcript = _with_turns(
        make_transcript(
            [
                Segment("a", 0.2, 9.8, "Here is the plan for the next quarter and the budget."),
                Segment("b", 10.2, 10.5, "Right", words=(Word(" Right", 10.2, 10.5, 0.4),)),
            ],
            [("a", "A", None), ("b", "B", None), ("c", "C", None)],
        ),
        [("a", 0.0, 10.0), ("b", 10.0, 16.0), ("c", 20.0, 21.5)],
    )
    a, b, c = compute_metrics(transcript).participants
    assert (a.talk_time_s, b.talk_time_s, c.talk_time_s) == (10.0, 6.0, 1.5)
    assert (a.talk_share, b.talk_share) == (10.0 / 17.5, 6.0 / 17.5)
    # 6 s is too long to be a listener's "right": a turn. c's 1.5 s with no word is one too.
    assert (a.turns, b.turns, c.turns) == (1, 1, 1)
    assert (b.words, b.words_per_minute) == (1, 10.0)
    assert b.longest_monologue_s == 6.0


def test_short_wordless_speech_is_a_back_channel_unless_it_talks_over_someone() -> None:
    transcript = _with_turns(
        make_transcript(
            [
                Segment("a", 0.0, 8.0, "Let me walk you through the pricing model in detail."),
                Segment("b", 9.0, 12.0, "So what does the annual plan cost us?"),
            ],
            [("a", "A", None), ("b", "B", None)],
        ),
        # b: a 0.4 s flicker alone at 8.2 (a laugh, or diarization), then 0.6 s over a's
        # speech at 7.0, a stopping 1 s later: b cut in, though no word of it was recognised.
        [("a", 0.0, 8.0), ("b", 7.0, 7.6), ("b", 8.2, 8.6), ("b", 9.0, 12.0)],
    )
    speech = speech_of(transcript)
    assert [(s.speaker, s.start, s.back_channel) for s in speech] == [
        ("a", 0.0, False),
        ("b", 7.0, False),
        ("b", 8.2, True),
        ("b", 9.0, False),
    ]
    a, b = compute_metrics(transcript).participants
    # b's one turn runs from 7.0 to 12.0 (a pause of 1.4 s, nobody else starting in it).
    assert (b.turns, b.longest_monologue_s) == (1, 5.0)
    assert (b.interruptions_made, a.interruptions_made) == (1, 0)
    assert b.talk_time_s == pytest.approx(0.6 + 0.4 + 3.0)


def test_interruption_over_diarized_turns_needs_a_mid_speech_start() -> None:
    transcript = _with_turns(
        make_transcript([], [("a", "A", None), ("b", "B", None)]),
        # b starts 4.0 into a's 0-5 and a stops 1 s later: an interruption. Later b starts
        # the moment a stops (back to back) at 12.0: not one.
        [("a", 0.0, 5.0), ("b", 4.0, 9.0), ("a", 10.0, 12.0), ("b", 12.0, 15.0)],
    )
    a, b = compute_metrics(transcript).participants
    assert (a.interruptions_made, b.interruptions_made) == (0, 1)
    assert (a.turns, b.turns) == (2, 2)
