from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from models.errors import CorruptMediaError, InputError, NoAudioError
from pipelines.decode import decode_audio, probe
from pipelines.frames import SAMPLE_RATE
from tests.media import read_audio, write_audio, write_silent_video


def _tone(seconds: float, rate: int, channels: int = 1, hz: float = 440.0) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    return np.tile(0.3 * np.sin(2 * np.pi * hz * t), (channels, 1)).astype(np.float32)


@pytest.mark.parametrize(
    ("name", "codec", "rate", "channels"),
    [
        ("call.wav", "pcm_s16le", 8000, 1),
        ("call.mp3", "libmp3lame", 44100, 2),
        ("call.flac", "flac", 16000, 1),
        ("call.m4a", "aac", 48000, 2),
        ("call.webm", "libopus", 48000, 2),
        ("call.mkv", "flac", 22050, 1),
    ],
)
def test_common_containers_decode_to_16k_mono(
    tmp_path: Path, name: str, codec: str, rate: int, channels: int
) -> None:
    path = write_audio(tmp_path / name, _tone(2.0, rate, channels), rate, codec=codec)
    audio = read_audio(path)
    assert audio.shape[0] == 1
    assert audio.dtype == np.float32
    # Lossy codecs add priming samples; the length is right within 0.1 s.
    assert abs(audio.shape[1] / SAMPLE_RATE - 2.0) < 0.1
    # RMS of a 0.3 sine is 0.21; a stereo downmix may add up to 3 dB.
    assert 0.15 < float(np.sqrt(np.mean(audio**2))) < 0.32


def test_telephone_audio_is_upsampled_keeping_its_pitch(tmp_path: Path) -> None:
    path = write_audio(tmp_path / "phone.wav", _tone(1.0, 8000, hz=300.0), 8000)
    audio = read_audio(path)[0]
    assert len(audio) == SAMPLE_RATE
    spectrum = np.abs(np.fft.rfft(audio))
    assert abs(np.argmax(spectrum) * SAMPLE_RATE / len(audio) - 300.0) < 2.0


def test_surround_is_downmixed_and_stereo_can_be_split(tmp_path: Path) -> None:
    surround = write_audio(tmp_path / "mix.wav", _tone(1.0, 48000, channels=6), 48000)
    assert probe(surround).channels == 6
    assert read_audio(surround).shape[0] == 1
    left = _tone(1.0, 16000, hz=300.0)[0]
    right = _tone(1.0, 16000, hz=1000.0)[0]
    stereo = write_audio(tmp_path / "call.wav", np.stack([left, right]), 16000)
    split = read_audio(stereo, channels="split")
    assert split.shape == (2, SAMPLE_RATE)
    assert np.allclose(split[0], left, atol=1e-3)
    assert np.allclose(split[1], right, atol=1e-3)


def test_blocks_are_bounded(tmp_path: Path) -> None:
    path = write_audio(tmp_path / "long.flac", _tone(25.0, 16000), 16000, codec="flac")
    sizes = [block.shape[1] for block in decode_audio(path, block_s=10.0)]
    assert sizes == [160_000, 160_000, 80_000]


def test_limit_stops_early(tmp_path: Path) -> None:
    path = write_audio(tmp_path / "long.wav", _tone(30.0, 16000), 16000)
    blocks = list(decode_audio(path, block_s=5.0, limit_s=10.0))
    assert sum(block.shape[1] for block in blocks) == 10 * SAMPLE_RATE


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="file not found"):
        probe(tmp_path / "nope.mp4")


def test_text_renamed_mp4_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "call.mp4"
    fake.write_text("these are my meeting notes, not a video\n" * 20)
    with pytest.raises(CorruptMediaError, match=r"call\.mp4: not a readable audio or video file"):
        probe(fake)


def test_empty_file_and_video_without_audio(tmp_path: Path) -> None:
    empty = tmp_path / "empty.wav"
    empty.touch()
    with pytest.raises(NoAudioError, match="empty"):
        probe(empty)
    video = write_silent_video(tmp_path / "screen.mp4")
    with pytest.raises(NoAudioError, match="video has no audio track"):
        probe(video)


def test_real_clip_probe(data_dir: Path) -> None:
    info = probe(data_dir / "whisper-clips" / "multilingual.mp3")
    assert info.channels == 1
    assert info.sample_rate == 24000
    assert info.duration_s == pytest.approx(59.9, abs=0.1)
    assert not info.has_video
    assert probe(data_dir / "grid-talking" / "bbaf2n.mpg").has_video
