"""Figures that make sense (issue 15): fillers decided per language; one speaker, silence and a
participant who never spoke, through the report, the digest and the CLI summary."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner

from assistant.analytics.metrics import compute_metrics, count_filler_words
from assistant.cli import cli
from assistant.intelligence.action_items import extract_action_items
from assistant.intelligence.coaching import coach
from assistant.outputs.digest import NO_SPEECH, ONE_SPEAKER, render_digest_html
from assistant.outputs.report import build_report
from assistant.transcript import MeetingInfo, Participant, Segment, Transcript

# Ordinary Danish from a sales meeting: "er" (is/are) all over, no hesitation sound but one.
DANISH = (
    "Det er rigtigt, at prisen er højere end sidste år, men det er fordi vi har lagt flere "
    "funktioner ind. Vores kunder er typisk mellemstore virksomheder, og de er glade for, at "
    "opsætningen er hurtig. Der er også en dansk support, som er åben alle hverdage. Øh, hvis I "
    "er interesserede, så er det nemt at komme i gang med en prøveperiode. Det er vigtigt for os, "
    "at det er jer, der bestemmer tempoet. Hvad er jeres tidsplan, og hvem er med til at "
    "beslutte? Det er helt fint, hvis svaret er, at I ikke er klar endnu, men det er godt at vide, "
    "hvor I er i processen, så vi kan hjælpe, hvor det er relevant for jer."
)


def _transcript(
    segments: list[Segment], people: list[Participant], language: str | None = "en"
) -> Transcript:
    end = max((s.end for s in segments), default=10.0)
    info = MeetingInfo("Check-in", dt.date(2026, 10, 6), end, language)
    return Transcript(info, tuple(people), tuple(segments))


def _outputs(transcript: Transcript) -> tuple[dict[str, object], str]:
    metrics = compute_metrics(transcript)
    report = build_report(transcript, metrics, (), coach(transcript, metrics))
    return report, render_digest_html(report)


def _summary(tmp_path: Path, transcript: dict[str, object]) -> str:
    """The CLI summary of a transcript JSON (no models are loaded for a transcript)."""
    path = tmp_path / "meeting.json"
    path.write_text(json.dumps(transcript), encoding="utf-8")
    result = CliRunner().invoke(cli, ["analyze", str(path)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


# ---- fillers -----------------------------------------------------------------------------------


def test_ordinary_danish_speech_has_under_one_filler_per_100_words() -> None:
    speaker = Participant("mette", "Mette")
    danish = _transcript([Segment("mette", 0.0, 60.0, DANISH, "da")], [speaker], "da")
    (mette,) = compute_metrics(danish).participants
    assert mette.words > 100
    assert 0 < mette.filler_words_per_100 < 1.0  # the one "øh"
    # Decided per segment: the same words without a language label are still read as Danish.
    assert count_filler_words([Segment("mette", 0.0, 60.0, DANISH)]) == 1


def test_er_is_still_a_filler_in_english_and_danish_sounds_count_in_danish() -> None:
    english = Segment("a", 0.0, 5.0, "So, er, the er renewal is, hm, fine.", "en")
    danish = Segment("b", 0.0, 5.0, "Det er, øhm, fint, æh, hm, det er det.", "da")
    assert count_filler_words([english]) == 3
    assert count_filler_words([danish]) == 3
    # A Danish meeting's segments without a label follow the meeting's language.
    assert count_filler_words([Segment("b", 0.0, 5.0, "Det er er er fint.")], language="da") == 0


# ---- one speaker -------------------------------------------------------------------------------


def test_one_speaker_has_no_balance_verdict(tmp_path: Path) -> None:
    lone = _transcript(
        [Segment("anna", 0.0, 30.0, "Quick voice memo: the demo went well, more tomorrow.")],
        [Participant("anna", "Anna")],
    )
    report, digest = _outputs(lone)
    assert report["balance"] == {"score": None, "dominant": None, "silent": []}
    assert ONE_SPEAKER in digest
    assert "dominated" not in digest and "did most of the talking" not in digest
    summary = _summary(
        tmp_path,
        {
            "participants": [{"id": "anna", "name": "Anna"}],
            "segments": [{"speaker": "anna", "start": 0, "end": 30, "text": "Just me today."}],
        },
    )
    assert ONE_SPEAKER in summary
    assert "Balance 1" not in summary and "did most of the talking" not in summary


# ---- silence -----------------------------------------------------------------------------------


def test_silence_has_no_participants_and_says_so(tmp_path: Path) -> None:
    silence = _transcript([], [Participant("speaker-1", "Speaker 1", name_source="placeholder")])
    report, digest = _outputs(silence)
    assert report["participants"] == []
    assert report["balance"] == {"score": None, "dominant": None, "silent": []}
    assert report["coaching"] == []
    assert NO_SPEECH in digest
    assert "Speaker 1" not in digest and "Per person" not in digest
    summary = _summary(
        tmp_path, {"participants": [{"id": "speaker-1", "name": "Speaker 1"}], "segments": []}
    )
    assert NO_SPEECH in summary
    assert "Speaker 1" not in summary


# ---- a participant who never spoke -------------------------------------------------------------


def test_a_participant_with_no_talk_is_not_listed_coached_or_charted(tmp_path: Path) -> None:
    people = [Participant("ana", "Ana"), Participant("bo", "Bo"), Participant("ghost", "Ghost")]
    talk = [
        Segment("ana", 0.0, 20.0, "Let us go through the numbers for the quarter together."),
        Segment("bo", 21.0, 30.0, "Sounds good, the pipeline looks healthy."),
    ]
    report, digest = _outputs(_transcript(talk, people))
    assert [p["id"] for p in report["participants"]] == ["ana", "bo"]  # type: ignore[index]
    assert [c["participant"] for c in report["coaching"]] == ["ana", "bo"]  # type: ignore[index]
    assert report["balance"]["silent"] == []  # type: ignore[index]
    assert "Ghost" not in digest
    summary = _summary(
        tmp_path,
        {
            "participants": [{"id": p.id, "name": p.name} for p in people],
            "segments": [
                {"speaker": s.speaker, "start": s.start, "end": s.end, "text": s.text} for s in talk
            ],
        },
    )
    assert "Ghost" not in summary and "Ana" in summary


def test_a_silent_owner_keeps_a_row_for_the_name_but_no_bar_or_coaching() -> None:
    people = [Participant("ana", "Ana"), Participant("bo", "Bo"), Participant("gus", "Gus Berg")]
    talk = [
        Segment("ana", 0.0, 20.0, "Gus will send the signed order form tomorrow."),
        Segment("bo", 21.0, 30.0, "Good, then we can start on Monday."),
    ]
    transcript = _transcript(talk, people)
    metrics = compute_metrics(transcript)
    items = extract_action_items(transcript)
    report = build_report(transcript, metrics, items, coach(transcript, metrics))
    digest = render_digest_html(report)
    assert [(i.owner, i.text) for i in items] == [("gus", "Send the signed order form")]
    rows = {p["id"]: p["talk_time_s"] for p in report["participants"]}  # type: ignore[union-attr]
    assert rows == {"ana": 20.0, "bo": 9.0, "gus": 0.0}
    assert [c["participant"] for c in report["coaching"]] == ["ana", "bo"]  # type: ignore[union-attr]
    # Named once, as the owner of the item: no bar, no figures row (speakers appear in both).
    assert digest.count("Gus Berg") == 1
    assert digest.count("Ana") > 1


def test_someone_who_joined_the_call_and_never_spoke_is_listed_as_silent() -> None:
    """A live meeting knows who joined: a silent attendee keeps a row and is named silent in
    the balance (keeping everyone included is the point), without coaching on figures they
    do not have. A voice cluster with no speech (no attendee) is still left out."""
    people = [Participant("ana", "Ana"), Participant("bo", "Bo"), Participant("cy", "Cy Dahl")]
    talk = [
        Segment("ana", 0.0, 20.0, "Let us go through the numbers for the quarter together."),
        Segment("bo", 21.0, 30.0, "Sounds good, the pipeline looks healthy."),
    ]
    transcript = _transcript(talk, people)
    metrics = compute_metrics(transcript)
    coaching = coach(transcript, metrics)
    report = build_report(transcript, metrics, (), coaching, attendees=["ana", "bo", "cy"])
    rows = {p["id"]: p["talk_time_s"] for p in report["participants"]}  # type: ignore[union-attr]
    assert rows == {"ana": 20.0, "bo": 9.0, "cy": 0.0}
    assert report["balance"]["silent"] == ["cy"]  # type: ignore[index]
    assert [c["participant"] for c in report["coaching"]] == ["ana", "bo"]  # type: ignore[index]
    without = build_report(transcript, metrics, (), coaching)
    assert [p["id"] for p in without["participants"]] == ["ana", "bo"]  # type: ignore[index]
