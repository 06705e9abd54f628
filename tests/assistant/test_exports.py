from __future__ import annotations

import itertools
import re
from dataclasses import replace
from pathlib import Path

from assistant.analytics.metrics import compute_metrics
from assistant.intelligence.coaching import coach
from assistant.outputs.report import build_report
from assistant.outputs.rttm import to_rttm
from assistant.outputs.subtitles import MAX_CUE_CHARS, MAX_CUE_S, to_srt, to_webvtt
from assistant.processing.analyze import Analysis, write_outputs
from assistant.transcript import (
    MeetingInfo,
    Participant,
    Segment,
    Transcript,
    Word,
    speech_turns,
)


def _transcript(*segments: Segment) -> Transcript:
    return Transcript(
        meeting=MeetingInfo(title="Call", date=None, duration_s=0.0, language="en"),
        participants=(Participant("a", "Alice"), Participant("b", "Bob & <Co>")),
        segments=segments,
    )


SMALL = _transcript(
    Segment("a", 0.0, 2.5, "Hello, everyone."),
    Segment("b", 3.0, 4.2504, "Hi <Alice> &\n  team"),
    Segment("a", 3725.5, 3727.0, "Bye."),
)


def test_webvtt_exact() -> None:
    assert to_webvtt(SMALL) == (
        "WEBVTT\n"
        "\n"
        "00:00:00.000 --> 00:00:02.500\n"
        "<v Alice>Hello, everyone.\n"
        "\n"
        "00:00:03.000 --> 00:00:04.250\n"
        "<v Bob &amp; &lt;Co&gt;>Hi &lt;Alice&gt; &amp; team\n"
        "\n"
        "01:02:05.500 --> 01:02:07.000\n"
        "<v Alice>Bye.\n"
    )


def test_srt_exact() -> None:
    assert to_srt(SMALL) == (
        "1\n"
        "00:00:00,000 --> 00:00:02,500\n"
        "Alice: Hello, everyone.\n"
        "\n"
        "2\n"
        "00:00:03,000 --> 00:00:04,250\n"
        "Bob & <Co>: Hi <Alice> & team\n"
        "\n"
        "3\n"
        "01:02:05,500 --> 01:02:07,000\n"
        "Alice: Bye.\n"
    )


def test_empty_transcript() -> None:
    assert to_webvtt(_transcript()) == "WEBVTT\n"
    assert to_srt(_transcript()) == ""


def test_segment_without_text_gives_no_cue() -> None:
    transcript = _transcript(Segment("a", 0.0, 1.0, "  "), Segment("b", 1.0, 2.0, "Yes."))

    assert to_srt(transcript) == "1\n00:00:01,000 --> 00:00:02,000\nBob & <Co>: Yes.\n"


def test_long_segment_split_at_word_timestamps() -> None:
    tokens = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
    words = tuple(Word(token, float(i), i + 0.8, 0.9) for i, token in enumerate(tokens))
    transcript = _transcript(Segment("a", 0.0, 10.0, " ".join(tokens), words=words))

    assert to_webvtt(transcript) == (
        "WEBVTT\n"
        "\n"
        "00:00:00.000 --> 00:00:04.800\n"
        "<v Alice>one two three four five\n"
        "\n"
        "00:00:05.000 --> 00:00:10.000\n"
        "<v Alice>six seven eight nine ten\n"
    )


def test_long_text_split_in_proportion_to_characters() -> None:
    # 20 tokens of 6 characters: 139 characters, too many for one cue of 84.
    text = " ".join(f"word{i:02d}" for i in range(1, 21))
    transcript = _transcript(Segment("b", 10.0, 15.0, text))

    # The cut falls before "word11", at character 70 of 139: 10 + 5 * 70 / 139 = 12.518 s.
    assert to_srt(transcript) == (
        "1\n"
        "00:00:10,000 --> 00:00:12,518\n"
        "Bob & <Co>: word01 word02 word03 word04 word05 word06 word07 word08 word09 word10\n"
        "\n"
        "2\n"
        "00:00:12,518 --> 00:00:15,000\n"
        "Bob & <Co>: word11 word12 word13 word14 word15 word16 word17 word18 word19 word20\n"
    )


def test_word_timestamps_ignored_when_they_do_not_match_the_text() -> None:
    text = " ".join(f"word{i:02d}" for i in range(1, 21))
    words = (Word("word01", 10.0, 10.2, 0.9),)  # one word for twenty tokens: unusable
    transcript = _transcript(Segment("b", 10.0, 15.0, text, words=words))

    assert "00:00:12,518" in to_srt(transcript)


def _cues(vtt: str) -> list[tuple[float, float, str]]:
    def seconds(stamp: str) -> float:
        hours, minutes, rest = stamp.split(":")
        return int(hours) * 3600 + int(minutes) * 60 + float(rest)

    cues = []
    for block in vtt.split("\n\n")[1:]:
        timing, text = block.strip("\n").split("\n")
        start, end = timing.split(" --> ")
        cues.append((seconds(start), seconds(end), re.sub(r"^<v [^>]*>", "", text)))
    return cues


def test_very_long_segment_cues_all_within_limits_and_keep_every_word() -> None:
    tokens = [f"w{i}" + "x" * (i % 7) for i in range(120)]
    text = " ".join(tokens)
    words = tuple(Word(t, 100 + i * 0.5, 100 + i * 0.5 + 0.4, 1.0) for i, t in enumerate(tokens))
    transcript = _transcript(Segment("a", 100.0, 160.0, text, words=words))

    cues = _cues(to_webvtt(transcript))

    assert len(cues) > 1
    assert " ".join(cue[2] for cue in cues) == text
    for start, end, cue_text in cues:
        assert len(cue_text) <= MAX_CUE_CHARS
        assert end - start <= MAX_CUE_S + 0.5  # last cue runs to the segment end
        assert start <= end
    assert cues[0][0] == 100.0
    assert cues[-1][1] == 160.0
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(cues))


def test_single_long_word_is_not_split() -> None:
    word = "x" * 100
    transcript = _transcript(Segment("a", 0.0, 9.0, word))

    assert to_srt(transcript) == f"1\n00:00:00,000 --> 00:00:09,000\nAlice: {word}\n"


def test_unknown_speaker_shown_by_id() -> None:
    transcript = _transcript(Segment("zed", 0.0, 1.0, "Hm."))

    assert to_webvtt(transcript) == "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n<v zed>Hm.\n"


def test_short_sentences_of_one_speaker_share_a_cue() -> None:
    transcript = Transcript(
        MeetingInfo("t", None, 10.0, "en"),
        (Participant("d", "Diane"), Participant("s", "Sheila")),
        (
            Segment("d", 7.6, 8.0, "Hello."),
            Segment("d", 8.3, 8.7, "Oh, hello."),  # 0.3 s later: same cue
            Segment("d", 8.9, 9.7, "I didn't know you were there."),
            Segment("s", 9.9, 10.6, "Neither did I."),  # another speaker: new cue
            Segment("s", 12.0, 12.5, "Okay."),  # 1.4 s pause: new cue
        ),
    )
    assert to_webvtt(transcript) == (
        "WEBVTT\n\n"
        "00:00:07.600 --> 00:00:09.700\n"
        "<v Diane>Hello. Oh, hello. I didn't know you were there.\n\n"
        "00:00:09.900 --> 00:00:10.600\n<v Sheila>Neither did I.\n\n"
        "00:00:12.000 --> 00:00:12.500\n<v Sheila>Okay.\n"
    )


def _parse_rttm(text: str) -> list[tuple[str, str, float, float]]:
    rows = []
    for line in text.splitlines():
        fields = line.split()
        assert len(fields) == 10 and fields[0] == "SPEAKER" and fields[2] == "1", line
        assert fields[5:7] == ["<NA>", "<NA>"] and fields[8:] == ["<NA>", "<NA>"], line
        start, duration = float(fields[3]), float(fields[4])
        rows.append((fields[1], fields[7], start, round(start + duration, 3)))
    return rows


def test_rttm_matches_the_reports_speaker_turns(tmp_path: Path) -> None:
    transcript = replace(
        _transcript(Segment("a", 0.5, 3.0, "Hello, everyone."), Segment("b", 2.0, 5.0, "Hi.")),
        meeting=MeetingInfo("Weekly sync", None, 6.0, "en"),
        # Diarization's turns, at 10 ms frames; b talks over a from 2.0 to 3.1.
        turns=speech_turns([("a", 0.31, 3.1), ("b", 2.0, 5.2), ("a", 5.5001, 5.5004)]),
    )
    metrics = compute_metrics(transcript)
    report = build_report(transcript, metrics, (), coach(transcript, metrics))
    turns = report["speaker_turns"]
    assert turns == [
        {"speaker": "a", "start": 0.31, "end": 2.0, "overlapped": False},
        {"speaker": "a", "start": 2.0, "end": 3.1, "overlapped": True},
        {"speaker": "b", "start": 2.0, "end": 3.1, "overlapped": True},
        {"speaker": "b", "start": 3.1, "end": 5.2, "overlapped": False},
    ]  # the 0.4 ms sliver of a's rounds to nothing and is left out
    analysis = Analysis(transcript, metrics, (), report)
    written = write_outputs(analysis, tmp_path)
    rttm = written["rttm"].read_text()
    assert written["rttm"] == tmp_path / "transcript.rttm"
    assert rttm.splitlines()[1] == "SPEAKER Weekly_sync 1 2.000 1.100 <NA> <NA> a <NA> <NA>"
    assert _parse_rttm(rttm) == [("Weekly_sync", t["speaker"], t["start"], t["end"]) for t in turns]
    assert to_rttm({"meeting": {"title": " "}, "speaker_turns": []}) == ""
