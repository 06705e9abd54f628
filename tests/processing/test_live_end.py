"""A live meeting's end on fake models: everyone's last words before anyone's timed decodes."""

from __future__ import annotations

import asyncio
import threading

import numpy as np

from assistant.config import Settings
from assistant.processing.live import LiveMeeting
from assistant.processing.speech import SpeechModels
from assistant.transcript import Participant
from pipelines.frames import Caption
from tests.pipelines.fakes import (
    SCRIPT,
    FakeSileroVad,
    PiecewiseRecognizer,
    silence,
    speech,
)


class _HeldRecognizer(PiecewiseRecognizer):
    """Its timed decodes (the transcript's: full window, word timings) wait until ``gate``
    opens; one that gave up waiting is counted (it would have held up a caption)."""

    def __init__(self) -> None:
        super().__init__()
        self.gate = threading.Event()
        self.gave_up = 0

    def recognize(self, chunks, options):  # type: ignore[no-untyped-def]
        if options.window_s is None and options.word_timestamps and not self.gate.wait(20):
            self.gave_up += 1
        return super().recognize(chunks, options)


def test_a_meeting_ending_mid_sentence_publishes_everyones_last_words_first() -> None:
    """Three people speak when the meeting ends, each with an earlier utterance still to be
    timed. While every timed decode is held, all three last captions are published; then the
    transcript gets every word."""
    recognizer = _HeldRecognizer()
    models = SpeechModels(recognizer=recognizer, vad=FakeSileroVad())  # type: ignore[arg-type]
    firsts = {"a": 0, "b": 12, "c": 24}

    async def scenario() -> tuple[dict[str, list[str]], dict[str, list[str]]]:
        meeting = LiveMeeting(models, Settings())
        for pid in firsts:
            meeting.add_participant(Participant(pid, pid.upper()))
        for pid, first in firsts.items():
            audio = np.concatenate(
                [speech(4, first=first), silence(1.5), speech(6, first=first + 4)]
            )
            for at in range(0, len(audio), 1_600):
                meeting.push_audio(pid, audio[at : at + 1_600], at / 16_000)
        ending = asyncio.create_task(meeting.finish())
        heard: dict[str, list[str]] = {pid: [] for pid in firsts}
        # The gate opens once every last word is out (the test waits for nothing else).
        while any(SCRIPT[first + 9] not in heard[pid] for pid, first in firsts.items()):
            event = await meeting.events.get()
            if event is None:
                break
            if isinstance(event, Caption) and event.kind == "final":
                heard[event.participant_id] += event.text.split()
        recognizer.gate.set()
        transcript = await ending
        said = {
            pid: [w.text for s in transcript.segments if s.speaker == pid for w in s.words]
            for pid in firsts
        }
        return heard, said

    heard, said = asyncio.run(scenario())
    assert recognizer.gave_up == 0  # no timed decode ran before the last captions were out
    for pid, first in firsts.items():
        assert heard[pid] == SCRIPT[first : first + 10]
        assert said[pid] == SCRIPT[first : first + 10]
