"""The real Whisper base model on the real clips in shared/data/external."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import numpy as np
import pytest

from assistant.config import Settings
from assistant.inputs.media import plan_media
from assistant.processing.speech import SpeechModels, transcribe_plan
from bench.common import word_error_rate
from models.asr import RecognitionOptions, choose_languages
from pipelines.frames import SpeechChunk
from tests.media import read_audio, write_audio

JFK_TEXT = (
    "And so my fellow Americans, ask not what your country can do for you, "
    "ask what you can do for your country."
)


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s']", " ", text.lower())).strip()


def _text(models: SpeechModels, settings: Settings, path: Path) -> dict[str, str]:
    plan = plan_media(path)
    result = transcribe_plan(plan, models, settings)
    texts: dict[str, list[str]] = {p.id: [] for p in plan.participants}
    for segment in result.segments:
        texts[segment.participant_id].append(segment.text)
    return {pid: " ".join(parts) for pid, parts in texts.items()}


def test_jfk_exact_text(speech_models: SpeechModels, settings: Settings, data_dir: Path) -> None:
    texts = _text(speech_models, settings, data_dir / "whisper-clips" / "jfk.flac")
    assert list(texts) == ["speaker-1"]
    assert _normalise(texts["speaker-1"]) == _normalise(JFK_TEXT)


def test_jfk_words_are_timed(
    speech_models: SpeechModels, settings: Settings, data_dir: Path
) -> None:
    result = transcribe_plan(
        plan_media(data_dir / "whisper-clips" / "jfk.flac"), speech_models, settings
    )
    words = [word for segment in result.segments for word in segment.words]
    assert len(words) == 22
    assert all(a.start <= b.start for a, b in itertools.pairwise(words))
    assert all(word.end >= word.start for word in words)
    assert words[0].text == "And"
    assert 0.0 <= words[0].start < 0.6
    assert 10.0 < words[-1].end <= 11.0
    assert result.language == "en"
    assert result.duration_s == pytest.approx(11.0, abs=0.01)


def test_an_utterance_is_cut_where_a_long_silence_was_left_out(
    speech_models: SpeechModels, settings: Settings, data_dir: Path, tmp_path: Path
) -> None:
    clip = data_dir / "whisper-clips" / "jfk.flac"
    words = [w for s in transcribe_plan(plan_media(clip), speech_models, settings).segments
             for w in s.words]  # fmt: skip
    second_ask = [i for i, w in enumerate(words) if w.text.lower().strip(",") == "ask"][1]
    cut_s = (words[second_ask - 1].end + words[second_ask].start) / 2
    audio = read_audio(clip)[0]
    cut = int(cut_s * 16000)
    paused = np.concatenate([audio[:cut], np.zeros(8 * 16000, np.float32), audio[cut:]])
    # The chunker joins both sides into one chunk with the silence cut out, so Whisper hears one
    # sentence; in meeting time it is two utterances 8 s apart, not one 19 s long.
    result = transcribe_plan(
        plan_media(write_audio(tmp_path / "pause.wav", paused, 16000)), speech_models, settings
    )
    for segment in result.segments:
        gaps = [b.start - a.end for a, b in itertools.pairwise(segment.words)]
        assert max(gaps, default=0.0) <= 1.0, segment.text
        assert segment.start == segment.words[0].start and segment.end == segment.words[-1].end
    assert any(s.end <= cut_s + 0.5 for s in result.segments)
    assert any(s.start >= cut_s + 7.5 for s in result.segments)
    # The word at the join is the one Whisper hears least well: int8 kernels differ by CPU (on
    # an AVX-512 machine the second "ask" reads as "but"), so one word of 22 may differ.
    heard = " ".join(s.text for s in result.segments)
    assert word_error_rate(JFK_TEXT, heard) <= 1 / 22, heard


def test_stereo_call_gives_one_text_per_channel(
    speech_models: SpeechModels, settings: Settings, data_dir: Path
) -> None:
    texts = _text(speech_models, settings, data_dir / "whisper-clips" / "stereo_diarization.wav")
    assert list(texts) == ["left", "right"]
    assert _normalise(texts["left"]) == _normalise(
        "He began a confused complaint against the wizard, "
        "who had vanished behind the curtain on the left."
    )
    assert _normalise(texts["right"]) == _normalise("The horizon seems extremely distant.")


def test_language_switch_is_followed(
    speech_models: SpeechModels, settings: Settings, data_dir: Path
) -> None:
    result = transcribe_plan(
        plan_media(data_dir / "whisper-clips" / "multilingual.mp3"), speech_models, settings
    )
    languages = [segment.language for segment in result.segments]
    switch = languages.index("de")
    assert switch > 0
    assert set(languages[:switch]) == {"en"}
    assert set(languages[switch:]) == {"de"}
    english = _normalise(" ".join(s.text for s in result.segments[:switch]))
    german = _normalise(" ".join(s.text for s in result.segments[switch:]))
    assert english.startswith("permission is hereby granted free of charge to any person")
    assert "software" in english
    assert german.startswith("jede")
    assert "die software" in german
    assert "genehmigung" in german
    # German speech starts at 30.8 s; the first word may be stretched back over the pause.
    assert result.segments[switch].start > 28.5


def test_silence_and_noise_yield_no_words(
    speech_models: SpeechModels, settings: Settings, tmp_path: Path
) -> None:
    rng = np.random.default_rng(1)
    rate = 16000
    silence = np.zeros(20 * rate, np.float32)
    hum = 0.05 * np.sin(2 * np.pi * 50 * np.arange(20 * rate) / rate)
    noise = (0.03 * rng.standard_normal(20 * rate) + hum).astype(np.float32)
    for name, audio in (("silence.wav", silence), ("noise.wav", noise)):
        path = write_audio(tmp_path / name, audio, rate)
        result = transcribe_plan(plan_media(path), speech_models, settings)
        assert result.segments == (), name
        assert result.duration_s == pytest.approx(20.0)


def test_recogniser_on_pure_noise_chunks_is_filtered(speech_models: SpeechModels) -> None:
    """Even if the VAD let noise through, the model's own doubt removes invented words."""
    from pipelines.frames import SpeechChunk
    from pipelines.stage import run_stage
    from pipelines.transcribe import ChunkTranscriber

    rng = np.random.default_rng(2)
    noise = (0.1 * rng.standard_normal(5 * 16000)).astype(np.float32)
    silence = np.zeros(5 * 16000, np.float32)
    chunks = [SpeechChunk("p", audio, ((0.0, 0.0),)) for audio in (noise, silence)]
    done: list[SpeechChunk] = []
    stage = ChunkTranscriber(speech_models.recognizer, RecognitionOptions(), on_chunk=done.append)
    assert run_stage(stage, chunks) == []
    assert done == chunks


def test_unsure_language_falls_back_to_the_meeting_language(
    speech_models: SpeechModels, data_dir: Path
) -> None:
    """A GRID command sentence ("bin blue at F two now") is too short and odd to identify on its
    own (Whisper base guesses Danish); after confident English it is read as English."""
    from pipelines.frames import SpeechChunk, TranscribedSegment
    from pipelines.stage import run_stage
    from pipelines.transcribe import ChunkTranscriber

    jfk = read_audio(data_dir / "whisper-clips" / "jfk.flac")[0]
    # The speech region our VAD cuts from the clip (0.792 s, 1.52 s long).
    grid = read_audio(data_dir / "grid-talking" / "bbaf2n.mpg")[0][12_672 : 12_672 + 24_320]
    guess = RecognitionOptions(beam_size=3, default_language=None)
    alone = speech_models.recognizer.recognize([grid], guess)[0]
    assert (alone.language, alone.language_probability < 0.5) == ("da", True)
    # The GRID chunk is placed at 100 s of meeting time, to tell its segments apart.
    chunks = [SpeechChunk("p", jfk, ((0.0, 0.0),)), SpeechChunk("p", grid, ((0.0, 100.0),))]
    stage = ChunkTranscriber(speech_models.recognizer, RecognitionOptions(3), batch_size=1)
    segments = [s for s in run_stage(stage, chunks) if isinstance(s, TranscribedSegment)]
    languages = [(s.start >= 100, s.language) for s in segments]
    assert sorted(set(languages)) == [(False, "en"), (True, "en")]


def test_a_short_english_clip_alone_is_read_as_english(
    speech_models: SpeechModels, settings: Settings, data_dir: Path
) -> None:
    """With nothing else to go by, an unsure detection (Danish, for this 3 s GRID sentence) is
    not trusted: English is far likelier, and the meeting's language follows."""
    clip = data_dir / "grid-talking" / "bbaf2n.mpg"
    result = transcribe_plan(plan_media(clip), speech_models, settings)
    # Whisper base hears little of this fast sentence in any language ("Bimble of Tuner"),
    # but it is English that the coaching and the word lists follow.
    assert result.segments
    assert {segment.language for segment in result.segments} == {"en"}
    assert result.language == "en"


def test_a_batch_of_unsure_chunks_follows_its_sure_ones() -> None:
    """The meeting's language so far first, then what the sure chunks of the batch share,
    then English; a sure chunk keeps its own language."""
    unsure, sure_de = [("da", 0.3), ("en", 0.2)], [("de", 0.9), ("en", 0.05)]
    options = RecognitionOptions()
    second = 16_000
    assert choose_languages([unsure, sure_de], [second, second], options) == [
        ("de", 0.0),
        ("de", 0.9),
    ]
    assert choose_languages([unsure], [second], options) == [("en", 0.2)]
    meeting = RecognitionOptions(fallback_language="da")
    assert choose_languages([unsure, sure_de], [second, second], meeting)[0] == ("da", 0.3)
    guess = RecognitionOptions(default_language=None)
    assert choose_languages([unsure], [second], guess) == [("da", 0.3)]


def test_a_short_encoder_window_reads_speech_as_the_full_one(
    speech_models: SpeechModels, data_dir: Path
) -> None:
    """Live partials encode the audio padded to 15 s, not 30 s, and the words stay the same; a
    window shorter than the chunk grows to hold it."""
    jfk = read_audio(data_dir / "whisper-clips" / "jfk.flac")[0]
    texts = [
        speech_models.recognizer.recognize(
            [jfk], RecognitionOptions(beam_size=1, word_timestamps=False, window_s=window)
        )[0]
        for window in (None, 15.0, 5.0)
    ]
    assert [_normalise(" ".join(s.text for s in t.segments)) for t in texts] == [
        _normalise(JFK_TEXT)
    ] * 3


def test_the_loop_limit_leaves_real_speech_as_it_was(
    speech_models: SpeechModels, data_dir: Path
) -> None:
    """``no_repeat_ngram_size`` stops Whisper's loops; speech that truly repeats itself within
    one chunk (here jfk twice) loses a word or two of the repeat, never the repeat."""
    jfk = read_audio(data_dir / "whisper-clips" / "jfk.flac")[0]
    twice = np.concatenate([jfk, np.zeros(8000, np.float32), jfk])
    recognizer = speech_models.recognizer
    free, limited = (
        [
            " ".join(s.text for s in found.segments)
            for found in recognizer.recognize(
                [jfk, twice], RecognitionOptions(beam_size=3, no_repeat_ngram_size=size)
            )
        ]
        for size in (0, 12)
    )
    assert limited[0] == free[0]
    assert _normalise(free[1]) == _normalise(f"{JFK_TEXT} {JFK_TEXT}")
    assert len(_normalise(limited[1]).split()) == len(_normalise(free[1]).split())
    assert word_error_rate(free[1], limited[1]) <= 0.1


def test_a_batch_split_across_workers_reads_as_one(
    speech_models: SpeechModels, settings: Settings, data_dir: Path
) -> None:
    """Analysis cuts a batch into one part per single-threaded worker, decoded at once: each
    chunk keeps its language and its words, and an unsure chunk in one part still follows
    the sure chunks of the other."""
    from models.asr import FasterWhisperRecognizer
    from models.weights import resolve_faster_whisper_model

    split = FasterWhisperRecognizer(
        resolve_faster_whisper_model("packaged-base", settings.cache_dir),
        cpu_threads=1,
        workers=2,
        split_batches=True,
    )
    jfk = read_audio(data_dir / "whisper-clips" / "jfk.flac")[0]
    multilingual = read_audio(data_dir / "whisper-clips" / "multilingual.mp3")[0]
    german = multilingual[31 * 16_000 : 59 * 16_000]
    hum = (0.01 * np.sin(np.arange(16_000) * 0.05)).astype(np.float32)  # 1 s, no language
    chunks = [german, jfk, hum]
    options = RecognitionOptions(beam_size=3, min_language_probability=0.9)
    whole = speech_models.recognizer.recognize(chunks, options)
    parts = split.recognize(chunks, options)
    assert [r.language for r in parts] == [r.language for r in whole]
    assert parts[0].language == "de"
    assert parts[1].language == "en"
    # The hum (about 0.5 sure, in the second part) takes the longest sure chunk's language.
    assert parts[2].language == "de"
    texts = [
        [_normalise(" ".join(s.text for s in r.segments)) for r in rs] for rs in (whole, parts)
    ]
    assert texts[1][1] == _normalise(JFK_TEXT)
    assert word_error_rate(texts[0][0], texts[1][0]) < 0.05


def test_a_word_across_a_seam_goes_to_the_region_holding_most_of_it() -> None:
    # Two regions joined at 2.0 s of the chunk; the second one is 10 s later in the meeting.
    chunk = SpeechChunk("p", np.zeros(4 * 16000, np.float32), ((0.0, 5.0), (2.0, 17.0)))
    assert chunk.span_to_meeting_time(1.8, 2.4) == pytest.approx((17.0, 17.4))
    assert chunk.span_to_meeting_time(1.5, 2.1) == pytest.approx((6.5, 7.0))
    assert chunk.span_to_meeting_time(0.5, 1.0) == pytest.approx((5.5, 6.0))
    assert chunk.span_to_meeting_time(2.5, 3.0) == pytest.approx((17.5, 18.0))


@pytest.mark.parametrize(
    ("earlier", "earlier_s", "later", "first_word"),
    [("whisper-clips/multilingual.mp3", 5.0, "whisper-clips/jfk.flac", "And"),
     ("whisper-clips/jfk.flac", 11.0, "ami-clips/tst00.wav", "I")],
)  # fmt: skip
def test_the_first_word_after_a_pause_is_timed_in_its_own_speech(
    earlier: str,
    earlier_s: float,
    later: str,
    first_word: str,
    speech_models: SpeechModels,
    settings: Settings,
    data_dir: Path,
    tmp_path: Path,
) -> None:
    # The end of one clip, a second of silence, then another clip: the chunker joins both with
    # the silence cut out, and Whisper started the later clip's first word in the padding
    # before the seam (German then jfk: "And" 1.1 s early; jfk then AMI: "I" 1.4 s early).
    before = read_audio(data_dir / earlier)[0][-round(earlier_s * 16000) :]
    after = read_audio(data_dir / later)[0]
    audio = np.concatenate([before, np.zeros(16000, np.float32), after])
    result = transcribe_plan(
        plan_media(write_audio(tmp_path / "joined.wav", audio, 16000)), speech_models, settings
    )
    words = [w for s in result.segments for w in s.words]
    later_start_s = len(before) / 16000 + 1.0
    assert any(w.end <= later_start_s - 1.0 for w in words)  # the earlier clip's words are there
    # The earlier part never says the later clip's first word.
    first = next(w for w in words if w.text.strip(",.") == first_word)
    assert first.start >= later_start_s - 0.3, [(w.text, w.start) for w in words][-20:]
