from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from assistant.processing.speech import SpeechModels
from pipelines.chunker import Chunker
from pipelines.frames import SAMPLE_RATE, AudioChunk, SpeechRegion
from pipelines.vad import WINDOW, ScoredAudio, VadOptions, VadStream
from tests.media import read_audio
from tests.pipelines.fakes import FakeVad


def _regions(
    models: SpeechModels, audio: np.ndarray, block_s: float, options: VadOptions | None = None
) -> list[SpeechRegion]:
    stream = models.vad.stream("p", options or VadOptions())
    block = int(block_s * SAMPLE_RATE)
    regions = []
    for start in range(0, len(audio), block):
        regions += stream.push(AudioChunk("p", start / SAMPLE_RATE, audio[start : start + block]))
    return regions + stream.end_input()


def test_silence_and_noise_have_no_speech(speech_models: SpeechModels) -> None:
    rng = np.random.default_rng(0)
    silence = np.zeros(10 * SAMPLE_RATE, np.float32)
    noise = (0.02 * rng.standard_normal(10 * SAMPLE_RATE)).astype(np.float32)
    assert _regions(speech_models, silence, 1.0) == []
    assert _regions(speech_models, noise, 1.0) == []


def test_phone_call_regions_match_reference(speech_models: SpeechModels, data_dir: Path) -> None:
    audio = read_audio(data_dir / "pyannote-sample" / "sample.wav")[0]
    regions = _regions(speech_models, audio, 0.5)
    # sample.rttm: speech from 6.69 s to the end (30 s), a first "Hello?" then a pause.
    assert regions[0].start_s == pytest.approx(6.6, abs=0.2)
    assert regions[-1].end_s == pytest.approx(30.0, abs=0.05)
    speech = sum(region.end_s - region.start_s for region in regions)
    assert 21.0 < speech < 24.5


def test_streaming_block_size_does_not_change_regions(
    speech_models: SpeechModels, data_dir: Path
) -> None:
    audio = read_audio(data_dir / "whisper-clips" / "multilingual.mp3")[0]
    small = [(r.start_s, r.end_s) for r in _regions(speech_models, audio, 0.25)]
    large = [(r.start_s, r.end_s) for r in _regions(speech_models, audio, 30.0)]
    assert len(small) == len(large)
    assert [t for pair in small for t in pair] == pytest.approx(
        [t for pair in large for t in pair], abs=0.1
    )
    # The English paragraph and the German one are apart, at the long pause near 30 s.
    assert any(abs(end - 29.3) < 0.5 for _, end in small)
    assert all(end - start <= 28.0 + 1e-6 for start, end in small)


def test_a_quiet_voice_after_a_loud_one_keeps_its_regions(
    speech_models: SpeechModels, data_dir: Path
) -> None:
    # Silero's state carries the level of the voice before: right after jfk, a far-field AMI
    # speaker's whole "Yeah" (tst01) and a sentence's first words (dev01) went unheard.
    jfk = read_audio(data_dir / "whisper-clips" / "jfk.flac")[0]
    pause = np.zeros(SAMPLE_RATE, np.float32)
    offset = (len(jfk) + len(pause)) / SAMPLE_RATE
    rescoring = VadOptions(rescore_after_region=True)
    for name in ("dev01", "tst01"):
        clip = read_audio(data_dir / "ami-clips" / f"{name}.wav")[0]
        alone = _regions(speech_models, clip, 1.0, rescoring)
        together = np.concatenate([jfk, pause, clip])
        after = [
            (region.start_s - offset, region.end_s - offset)
            for region in _regions(speech_models, together, 1.0, rescoring)
            if region.end_s > offset
        ]
        for region in alone:
            assert any(
                start <= region.start_s + 0.1 and end >= region.end_s - 0.1 for start, end in after
            ), (name, region.start_s, region.end_s, after)


class _CountingVad:
    """The shared Silero model, counting the windows it scores."""

    def __init__(self, models: SpeechModels) -> None:
        self._model = models.vad
        self.windows = 0

    def run(
        self, windows: np.ndarray, state: tuple[np.ndarray, np.ndarray]
    ) -> tuple[np.ndarray, tuple[np.ndarray, np.ndarray]]:
        self.windows += len(windows)
        return self._model.run(windows, state)


def test_a_second_vad_reads_the_first_ones_scores(
    speech_models: SpeechModels, data_dir: Path
) -> None:
    # The transcription VAD (rescoring after regions) and diarization's (a lower threshold)
    # hear the same track: given the first one's scores, the second finds the same regions
    # as on its own without running the model once.
    audio = read_audio(data_dir / "whisper-clips" / "multilingual.mp3")[0][: 60 * SAMPLE_RATE]
    block = int(0.7 * SAMPLE_RATE)  # not a whole number of windows: leftovers carry over
    chunks = [
        AudioChunk("p", start / SAMPLE_RATE, audio[start : start + block])
        for start in range(0, len(audio), block)
    ]
    lower = VadOptions(threshold=0.35)
    alone = _regions(speech_models, audio, 0.7, lower)
    first_model, second_model = _CountingVad(speech_models), _CountingVad(speech_models)
    first = VadStream(first_model, "p", VadOptions(rescore_after_region=True), share_scores=True)
    second = VadStream(second_model, "p", lower)
    regions: list[SpeechRegion] = []
    for chunk in chunks:
        emitted = first.push(chunk)
        scored = [frame for frame in emitted if isinstance(frame, ScoredAudio)]
        assert len(scored) == 1 and scored[0].end_s == pytest.approx(chunk.end_s)
        regions += [r for r in second.push(scored[0]) if isinstance(r, SpeechRegion)]
    first.end_input()
    regions += [r for r in second.end_input() if isinstance(r, SpeechRegion)]
    assert second_model.windows == 0 and first_model.windows >= len(audio) // WINDOW
    assert [(r.start_s, len(r.samples)) for r in regions] == [
        (r.start_s, len(r.samples)) for r in alone
    ]
    assert len(alone) > 3


def test_scores_of_another_position_are_not_taken(speech_models: SpeechModels) -> None:
    # A stream that has not heard the same audio before scores the chunk itself.
    audio = (0.1 * np.sin(np.arange(2 * SAMPLE_RATE) / 5)).astype(np.float32)
    counting = _CountingVad(speech_models)
    stream = VadStream(counting, "p", VadOptions())
    stream.push(AudioChunk("p", 0.0, audio[:SAMPLE_RATE]))
    before = counting.windows
    misplaced = ScoredAudio(
        "p",
        1.0,
        audio[SAMPLE_RATE:],
        first_window=0,
        probabilities=np.ones(SAMPLE_RATE // WINDOW, np.float32),
        state=(np.zeros((1, 1, 128), np.float32), np.zeros((1, 1, 128), np.float32)),
    )
    stream.push(misplaced)
    assert counting.windows > before


@pytest.mark.parametrize("speech_windows", range(290, 306))
def test_speech_just_past_a_forced_cut_is_kept(speech_windows: int) -> None:
    # Speech longer than max_region_s is cut; the part after the cut has no padding before it,
    # and up to 0.19 s of it (the end of a word) used to be dropped as too short.
    silence, loud = np.zeros(40 * WINDOW, np.float32), np.full(WINDOW, 0.3, np.float32)
    audio = np.concatenate([silence, np.tile(loud, speech_windows), silence])
    stream = VadStream(FakeVad(), "p", VadOptions(max_region_s=10.0))
    regions = stream.push(AudioChunk("p", 0.0, audio)) + stream.end_input()
    assert all(isinstance(region, SpeechRegion) for region in regions)
    speech_end = (40 + speech_windows) * WINDOW / SAMPLE_RATE
    assert max(r.start_s + len(r.samples) / SAMPLE_RATE for r in regions) >= speech_end


def test_chunker_joins_regions_and_maps_time_back() -> None:
    second = np.ones(SAMPLE_RATE, np.float32)
    chunker = Chunker("p", max_chunk_s=2.5)
    out = chunker.push(SpeechRegion("p", 10.0, second))
    out += chunker.push(SpeechRegion("p", 20.0, second))
    out += chunker.push(SpeechRegion("p", 30.0, second))
    out += chunker.end_input()
    assert [chunk.duration_s for chunk in out] == [2.0, 1.0]
    first = out[0]
    assert first.to_meeting_time(0.5) == 10.5
    assert first.to_meeting_time(1.25) == 20.25
    assert out[1].to_meeting_time(0.0) == 30.0


def test_chunker_never_exceeds_the_recogniser_window() -> None:
    long_region = SpeechRegion("p", 5.0, np.ones(70 * SAMPLE_RATE, np.float32))
    chunker = Chunker("p", max_chunk_s=30.0)
    chunks = chunker.push(long_region) + chunker.end_input()
    assert [chunk.duration_s for chunk in chunks] == [30.0, 30.0, 10.0]
    assert [chunk.start_s for chunk in chunks] == [5.0, 35.0, 65.0]
