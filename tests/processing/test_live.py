"""The live path on real recordings with the real models."""

from __future__ import annotations

import asyncio
import json
import re
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from assistant.cli import cli
from assistant.config import Settings
from assistant.processing.analyze import analyze
from assistant.processing.live import LiveEvent, LiveMeeting, follow_media
from assistant.processing.speech import SpeechModels
from assistant.transcript import Participant
from bench.common import VOICES_THREE_MINUTES, build_voices_wav
from pipelines.frames import Caption
from tests.media import read_audio, write_audio


def _words(text: str) -> list[str]:
    return re.sub(r"[^\w' ]", " ", text.lower()).split()


@pytest.fixture(scope="module")
def tracks(data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    stereo = read_audio(data_dir / "whisper-clips" / "stereo_diarization.wav", channels="split")
    folder = tmp_path_factory.mktemp("tracks")
    write_audio(folder / "alice.wav", stereo[0], 16000)
    write_audio(folder / "bob_smith.flac", stereo[1], 16000, codec="flac")
    return folder


def test_per_person_folder_live_matches_analyze(
    tracks: Path, settings: Settings, speech_models: SpeechModels
) -> None:
    events: list[LiveEvent] = []
    live = asyncio.run(follow_media(tracks, settings, speech_models, on_event=events.append))
    offline = analyze(tracks, settings, models=speech_models)
    finals = [e for e in events if isinstance(e, Caption) and e.kind == "final"]
    assert {c.participant_id for c in finals} == {"alice", "bob-smith"}
    heard = {
        pid: _words(" ".join(c.text for c in finals if c.participant_id == pid))
        for pid in ("alice", "bob-smith")
    }
    assert heard["bob-smith"] == _words("The horizon seems extremely distant.")
    assert "vanished behind the curtain" in " ".join(heard["alice"])
    for pid, words in heard.items():  # the finals are what the report's transcript says
        said = [s["text"] for s in live.report["segments"] if s["speaker"] == pid]
        assert _words(" ".join(said)) == words
    shares = {p["id"]: p["talk_share"] for p in live.report["participants"]}
    offline_shares = {p["id"]: p["talk_share"] for p in offline.report["participants"]}
    assert shares.keys() == offline_shares.keys()
    for pid, share in shares.items():
        assert share == pytest.approx(offline_shares[pid], abs=0.01)
    assert [p["name"] for p in live.report["participants"]] == ["Alice", "Bob Smith"]
    # Talk time from each person's voice activity, live as offline: the same turns, give or
    # take the VAD's padding.
    for report in (live.report, offline.report):
        for person in report["participants"]:
            own = [t for t in report["speaker_turns"] if t["speaker"] == person["id"]]
            assert own, person["id"]
            assert person["talk_time_s"] == pytest.approx(
                sum(t["end"] - t["start"] for t in own), abs=0.002 * len(own)
            )
    talk = {p["id"]: p["talk_time_s"] for p in live.report["participants"]}
    offline_talk = {p["id"]: p["talk_time_s"] for p in offline.report["participants"]}
    for pid, seconds in talk.items():  # measured: the same to the millisecond
        assert seconds == pytest.approx(offline_talk[pid], abs=0.1)


def test_silence_and_noise_for_minutes_give_no_words(
    settings: Settings, speech_models: SpeechModels
) -> None:
    rng = np.random.default_rng(7)

    async def scenario() -> tuple[list[LiveEvent], int]:
        meeting = LiveMeeting(speech_models, settings)
        meeting.add_participant(Participant("quiet", "Quiet"), sample_rate=48_000)
        meeting.add_participant(Participant("hiss", "Hiss"), sample_rate=16_000)
        for second in range(150):
            meeting.push_audio("quiet", np.zeros(48_000, np.int16), float(second))
            noise = (0.02 * rng.standard_normal(16_000)).astype(np.float32)
            meeting.push_audio("hiss", noise, float(second))
        transcript = await meeting.finish()
        events = []
        while (event := await meeting.events.get()) is not None:
            events.append(event)
        return events, len(transcript.segments)

    events, segments = asyncio.run(scenario())
    assert [e for e in events if isinstance(e, Caption) and e.text.strip()] == []
    assert segments == 0


def test_one_leaving_early_or_a_gap_does_not_stop_the_others(
    data_dir: Path, settings: Settings, speech_models: SpeechModels
) -> None:
    jfk = read_audio(data_dir / "whisper-clips" / "jfk.flac")[0]

    async def scenario() -> dict[str, str]:
        meeting = LiveMeeting(speech_models, settings)
        for pid in ("early", "gappy", "steady"):
            meeting.add_participant(Participant(pid, pid.title()), sample_rate=16_000)
        half = len(jfk) // 2
        for start in range(0, len(jfk), 1_600):
            block = jfk[start : start + 1_600]
            t = start / 16_000
            meeting.push_audio("steady", block, t)
            if start < half:
                meeting.push_audio("early", block, t)
                meeting.push_audio("gappy", block, t)
            elif start == half:
                await meeting.end_participant("early")  # left mid-sentence
            if start >= half:
                meeting.push_audio("gappy", block, t + 3.0)  # 3 s of packets never came
        transcript = await meeting.finish()
        return {
            p.id: " ".join(s.text for s in transcript.segments if s.speaker == p.id)
            for p in transcript.participants
        }

    said = asyncio.run(scenario())
    reference = _words(
        "ask not what your country can do for you, ask what you can do for your country"
    )
    assert _words(said["steady"])[-6:] == reference[-6:]
    assert _words(said["gappy"])[-6:] == reference[-6:]
    assert _words(said["early"])[:3] == _words("And so my fellow Americans")[:3]
    assert "country" not in _words(said["early"])


def test_live_command_writes_captions_and_refuses_a_transcript(
    tracks: Path, tmp_path: Path, speech_models: SpeechModels, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        "assistant.processing.analyze.load_speech_models", lambda settings, **_: speech_models
    )
    runner = CliRunner()
    out = tmp_path / "live"
    result = runner.invoke(cli, ["live", str(tracks), "--out", str(out)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in (out / "captions.jsonl").read_text().splitlines()]
    assert {line["type"] for line in lines} <= {"partial", "final", "engagement"}
    finals = [line for line in lines if line["type"] == "final"]
    assert finals and set(finals[0]) == {
        "type",
        "participant",
        "start",
        "end",
        "text",
        "language",
        "emitted_at",
    }
    assert all(line["emitted_at"] >= 0 and line["start"] <= line["end"] for line in finals)
    for name in ("report.json", "transcript.vtt", "transcript.srt", "digest.html"):
        assert (out / name).stat().st_size > 0
    assert "horizon" in result.output  # captions shown as they are confirmed

    transcript = tmp_path / "meeting.json"
    transcript.write_text('{"version": 1, "participants": [], "segments": []}')
    refused = runner.invoke(cli, ["live", str(transcript), "--out", str(out)])
    assert refused.exit_code == 2
    assert "transcript has no audio to follow live" in refused.output


def test_a_mixed_track_followed_live_finds_its_voices_as_analyze_does(
    settings: Settings, speech_models: SpeechModels, tmp_path: Path
) -> None:
    # 3.2 minutes, 6 voices (tests/pipelines/test_voices.py): jfk three times with others
    # between, a reader switching from English to German, two on the phone, two of an AMI
    # meeting in two of its clips. The live path splits the track at its end as analyze does,
    # joining a voice heard apart by its voiceprints.
    path = tmp_path / "voices.wav"
    placed = build_voices_wav(path, VOICES_THREE_MINUTES)
    live = asyncio.run(follow_media(path, settings, speech_models)).report
    assert len(live["participants"]) == 6

    def speakers_of(stem: str) -> Counter[str]:
        spans = [(p.start_s, p.end_s) for p in placed if p.piece.clip.stem == stem]
        return Counter(
            segment["speaker"]
            for segment in live["segments"]
            for word in segment["words"]
            if any(start <= (word["start"] + word["end"]) / 2 < end for start, end in spans)
        )

    jfk = speakers_of("jfk")
    speaker, words = jfk.most_common(1)[0]
    assert words >= 0.95 * sum(jfk.values())
    reader = speakers_of("multilingual")
    assert reader.most_common(1)[0][1] >= 0.95 * sum(reader.values())
    assert speaker not in reader
