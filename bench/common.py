"""What the benchmarks share: the real clips, a long meeting built from them, and WER."""

from __future__ import annotations

import itertools
import json
import os
import re
import shutil
import subprocess
import tempfile
import unicodedata
import uuid
import wave
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import jiwer
import numpy as np
import numpy.typing as npt

from pipelines.decode import decode_audio
from pipelines.frames import SAMPLE_RATE

__all__ = [
    "AMI_CLIPS",
    "DATA_DIR",
    "DIALOGUES",
    "HELDOUT_REFERENCED",
    "JFK",
    "JFK_REFERENCE",
    "MEETING_CLIPS",
    "MULTILINGUAL",
    "POSTGRES",
    "PYANNOTE_SAMPLE",
    "SPOKEN_MEETINGS",
    "TUNING_CLIPS",
    "VOICES_TEN_MINUTES",
    "VOICES_THREE_MINUTES",
    "Piece",
    "PlacedPiece",
    "build_dialogue_wav",
    "build_meeting_wav",
    "build_spoken_meeting_wav",
    "build_voices_wav",
    "grid_sentence",
    "heldout_reference",
    "normalize_text",
    "postgres_schema",
    "stm_reference",
    "tuning_reference",
    "word_error_rate",
]

DATA_DIR = Path(
    os.environ.get(
        "MA_TEST_DATA",
        Path(__file__).resolve().parents[1].parent / "shared" / "data" / "external",
    )
)
JFK = DATA_DIR / "whisper-clips" / "jfk.flac"
JFK_REFERENCE = (
    "And so my fellow Americans, ask not what your country can do for you, "
    "ask what you can do for your country."
)
"""As given in SOURCES.md (faster-whisper's own test asserts this text)."""
PYANNOTE_SAMPLE = DATA_DIR / "pyannote-sample" / "sample.wav"
MULTILINGUAL = DATA_DIR / "whisper-clips" / "multilingual.mp3"
AMI_CLIPS = tuple(sorted((DATA_DIR / "ami-clips").glob("*.wav")))
MEETING_CLIPS = (*AMI_CLIPS, PYANNOTE_SAMPLE, MULTILINGUAL)
"""Four 30 s AMI meeting clips, a 30 s phone call, 60 s of English then German."""


ES2011A_EXCERPT = DATA_DIR / "ami-es2011a" / "ES2011a.Headset-0-40s-46s.wav"
ES2011A_EXCERPT_REFERENCE = "um i'm abigail claflin you can call me abbie"
"""Utterances ES2011a-202 and -203 of ES2011a_sups.jsonl.gz, which the excerpt holds."""
GRID_CLIPS = tuple(sorted((DATA_DIR / "grid-talking").glob("*.mpg")))
TUNING_CLIPS = (JFK, ES2011A_EXCERPT, *GRID_CLIPS)
"""Speech that live defaults are tuned on (70 s): none of it is in the meeting the live
figures are reported on (``MEETING_CLIPS``, the phone call)."""

_GRID_WORDS = (
    {"b": "bin", "l": "lay", "p": "place", "s": "set"},
    {"b": "blue", "g": "green", "r": "red", "w": "white"},
    {"a": "at", "b": "by", "i": "in", "w": "with"},
    None,
    {"z": "0"},
    {"a": "again", "n": "now", "p": "please", "s": "soon"},
)


def grid_sentence(clip: Path) -> str:
    """The sentence a GRID clip's name encodes: bbaf2n = "bin blue at f 2 now"."""
    code = clip.stem
    return " ".join(
        code[i] if words is None else words.get(code[i], code[i])
        for i, words in enumerate(_GRID_WORDS)
    )


def tuning_reference(seconds: float) -> str:
    """What is said in ``build_meeting_wav(target, seconds, TUNING_CLIPS)`` (whole clips)."""
    references = {JFK: JFK_REFERENCE, ES2011A_EXCERPT: ES2011A_EXCERPT_REFERENCE}
    texts: list[str] = []
    elapsed = 0.0
    for clip in itertools.cycle(TUNING_CLIPS):
        duration = sum(len(block[0]) for block in decode_audio(clip)) / SAMPLE_RATE
        if elapsed + duration > seconds + 0.01:
            return " ".join(texts)
        texts.append(references.get(clip) or grid_sentence(clip))
        elapsed += duration
    raise AssertionError("unreachable: itertools.cycle never ends")


POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
"""The PostgreSQL this machine runs (trust auth), for the service's tests and bench."""


@contextmanager
def postgres_schema(prefix: str = "ma_test") -> Iterator[str]:
    """A URL of ``POSTGRES`` whose tables go to a fresh schema, dropped afterwards."""
    from sqlalchemy import create_engine, text

    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield f"{POSTGRES}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def stm_reference(stm: Path) -> str:
    """The texts of an STM file joined in time order (fields: file channel speaker start end)."""
    rows = []
    for line in stm.read_text(encoding="utf-8").splitlines():
        fields = line.split(maxsplit=5)
        if len(fields) == 6 and not line.startswith(";;"):
            rows.append((float(fields[3]), fields[5]))
    return " ".join(text for _, text in sorted(rows, key=lambda row: row[0]))


def normalize_text(text: str) -> str:
    """Lowercase, punctuation out, whitespace collapsed: the same for every system compared.

    Hyphens and slashes separate words; apostrophes are dropped inside words ("didn't" and
    "didnt" both become "didnt"), so contraction spelling does not count as an error.
    """
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"[-‐–—/]", " ", text)
    text = re.sub(r"[^\w\s]", "", text)
    return " ".join(text.split())


def word_error_rate(reference: str, hypothesis: str) -> float:
    """WER (0..1+) of ``hypothesis`` against ``reference``, both normalised alike."""
    return float(jiwer.wer(normalize_text(reference), normalize_text(hypothesis) or "<empty>"))


def build_meeting_wav(
    target: Path, seconds: float, clips: tuple[Path, ...] = MEETING_CLIPS
) -> float:
    """Write a 16 kHz mono 16-bit WAV of ``seconds`` made of ``clips`` back to back, repeated.

    Streams block by block, so a long file costs little memory. Returns its duration (s).
    """
    if not clips:
        raise ValueError("no clips to build a meeting from")
    wanted = int(seconds * SAMPLE_RATE)
    written = 0
    with wave.open(str(target), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(SAMPLE_RATE)
        for clip in itertools.cycle(clips):
            for block in decode_audio(clip, channels="mixdown"):
                samples = block[0][: wanted - written]
                pcm = np.clip(samples * 32767.0, -32768, 32767).astype("<i2")
                out.writeframes(pcm.tobytes())
                written += len(samples)
                if written >= wanted:
                    return written / SAMPLE_RATE
    raise AssertionError("unreachable: itertools.cycle never ends")


DIALOGUES = tuple(sorted((Path(__file__).parent / "data").glob("dialogue-*.txt")))
"""Two sales calls written for tuning the live path on continuous conversation (one turn per
line, ``A: ...`` or ``B: ...``), spoken by espeak-ng: none of it is in the reported figures."""
_DIALOGUE_VOICES = {"A": "en-us", "B": "en-gb+f3"}
_TURN_GAP_S = 0.15
"""Silence between turns: shorter than the live VAD's pause, so a call runs on as one
utterance the way a lively conversation does."""


def build_dialogue_wav(script: Path, target: Path) -> tuple[float, str]:
    """Speak ``script`` with espeak-ng (Debian's ``espeak-ng``) into a 16 kHz mono WAV at
    ``target``. Returns its duration (s) and its reference text."""
    espeak = shutil.which("espeak-ng")
    if espeak is None:
        raise RuntimeError("the dialogue tuning set needs espeak-ng: apt-get install espeak-ng")
    turns = [line.split(":", 1) for line in script.read_text().splitlines() if line.strip()]
    pieces: list[npt.NDArray[np.float32]] = []
    gap = np.zeros(round(_TURN_GAP_S * SAMPLE_RATE), np.float32)
    with tempfile.TemporaryDirectory() as folder:
        spoken = Path(folder) / "turn.wav"
        for speaker, text in turns:
            subprocess.run(
                [espeak, "-v", _DIALOGUE_VOICES[speaker.strip()], "-s", "165", "-w", str(spoken)],
                input=text.strip().encode(),
                check=True,
            )
            pieces.extend([np.concatenate([b[0] for b in decode_audio(spoken)]), gap])
    samples = np.concatenate(pieces)
    with wave.open(str(target), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(SAMPLE_RATE)
        out.writeframes(np.clip(samples * 32767.0, -32768, 32767).astype("<i2").tobytes())
    return len(samples) / SAMPLE_RATE, " ".join(text.strip() for _, text in turns)


_INTELLIGENCE = Path(__file__).resolve().parents[1] / "tests" / "data"
SPOKEN_MEETINGS = tuple(
    _INTELLIGENCE / name
    for name in (
        "intelligence-b/tb_en_01_logistics_renewal.json",
        "intelligence-m/p_en_02_asr_qbr_insurance.json",
        "intelligence-g/g_en_02_no_commitments_furniture.json",
        "intelligence-l/o_en_03_escalation_logistics.json",
        "intelligence-i/k_en_05_discovery_venues.json",
        "intelligence-q/i_en_01_discovery_pilotage.json",
        "intelligence-f/f_en_02_asr_onboarding_payroll.json",
        "intelligence-n/ho_en_04_escalation_sync_outage.json",
    )
)
"""English meeting transcripts of the intelligence tests (4,558 words, as scored, once turns with
digits are left out), for ``build_spoken_meeting_wav``: enough pooled words that a WER
difference between two systems means something. No threshold was tuned on them; one rule was
found on them (``ChunkTranscriber`` rereads a chunk looped in another language: i_en_01 lost
30 s), so its gain there is not a held-out figure."""
_SPOKEN_VOICES = (
    "en-us", "en-gb+f3", "en-gb-scotland", "en-us+m3", "en-gb-x-rp+f2", "en-029",
    "en-us-nyc+f4", "en-gb-x-gbclan", "en-gb-x-gbcwmd+m2", "en-us+f2",
)  # fmt: skip
_SPOKEN_CONDITIONS = ("clean", "noise 20 dB", "telephone", "noise 12 dB")
"""How each meeting is made less clean, in turn: as recorded, white noise at a signal-to-noise
ratio, or narrowed to the telephone band (300-3,400 Hz through 8 kHz, sox)."""


def _spoken_turns(transcript: Path) -> list[tuple[str, str]]:
    """(speaker, text) of each turn of an intelligence transcript, leaving out turns holding a
    digit: espeak-ng says "15" as "fifteen" and Whisper writes "15", a mismatch of the
    reference, not of recognition."""
    segments = json.loads(transcript.read_text(encoding="utf-8"))["segments"]
    return [
        (str(segment["speaker"]), str(segment["text"]).strip())
        for segment in segments
        if not re.search(r"\d", segment["text"])
    ]


def build_spoken_meeting_wav(transcript: Path, target: Path, index: int) -> tuple[float, str, str]:
    """Speak ``transcript`` (one of ``SPOKEN_MEETINGS``) with espeak-ng into a 16 kHz mono WAV
    at ``target``: a voice and a speed (150-190 words a minute) per speaker, a pause of 0.1-0.9 s
    between turns, and the ``index``-th of ``_SPOKEN_CONDITIONS``. Deterministic for a given
    ``index``. Returns its duration (s), its reference text and its condition."""
    espeak = shutil.which("espeak-ng")
    if espeak is None:
        raise RuntimeError("spoken meetings need espeak-ng: apt-get install espeak-ng")
    random = np.random.default_rng(index)
    turns = _spoken_turns(transcript)
    speakers = list(dict.fromkeys(speaker for speaker, _ in turns))
    first = 3 * index
    voices = {
        speaker: (
            _SPOKEN_VOICES[(first + number) % len(_SPOKEN_VOICES)],
            int(random.integers(150, 191)),
        )
        for number, speaker in enumerate(speakers)
    }
    pieces: list[npt.NDArray[np.float32]] = []
    with tempfile.TemporaryDirectory() as folder:
        spoken = Path(folder) / "turn.wav"
        for speaker, text in turns:
            voice, speed = voices[speaker]
            subprocess.run(
                [espeak, "-v", voice, "-s", str(speed), "-w", str(spoken)],
                input=text.encode(),
                check=True,
            )
            gap = np.zeros(round(random.uniform(0.1, 0.9) * SAMPLE_RATE), np.float32)
            pieces.extend([np.concatenate([b[0] for b in decode_audio(spoken)]), gap])
        samples = np.concatenate(pieces)
        condition = _SPOKEN_CONDITIONS[index % len(_SPOKEN_CONDITIONS)]
        if condition.startswith("noise"):
            snr_db = float(condition.split()[1])
            noise = random.standard_normal(len(samples)).astype(np.float32)
            speech_power = float(np.mean(samples[np.abs(samples) > 1e-3] ** 2))
            samples = samples + noise * np.float32(np.sqrt(speech_power / 10 ** (snr_db / 10)))
        _write_wav(target, samples)
        if condition == "telephone":
            sox = shutil.which("sox")
            if sox is None:
                raise RuntimeError("the telephone-band meeting needs sox: apt-get install sox")
            narrow = Path(folder) / "narrow.wav"
            band = ["sinc", "300-3400", "rate", "8k", "rate", "16k"]
            subprocess.run([sox, str(target), str(narrow), *band], check=True)
            shutil.move(narrow, target)
    return len(samples) / SAMPLE_RATE, " ".join(text for _, text in turns), condition


def _write_wav(target: Path, samples: npt.NDArray[np.float32]) -> None:
    """``samples`` (-1..1) as a 16 kHz mono 16-bit WAV, clipped."""
    with wave.open(str(target), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(SAMPLE_RATE)
        out.writeframes(np.clip(samples * 32767.0, -32768, 32767).astype("<i2").tobytes())


@dataclass(frozen=True, slots=True)
class Piece:
    """A clip, or a part of one, to place in a built recording."""

    clip: Path
    start_s: float = 0.0
    """Where the part starts in the clip (s)."""
    end_s: float | None = None
    """Where it ends in the clip (s); None is the clip's end."""
    channel: int | None = None
    """One channel of a two-channel clip (0 left, 1 right); None mixes the channels down."""


@dataclass(frozen=True, slots=True)
class PlacedPiece:
    piece: Piece
    start_s: float
    """Where it starts in the built recording (s)."""
    end_s: float
    """Where it ends in the built recording (s)."""

    def to_recording(self, clip_time_s: float) -> float:
        """A time of the clip (s) as a time of the built recording (s)."""
        return self.start_s + clip_time_s - self.piece.start_s


_MULTILINGUAL_GERMAN_S = 30.5
"""Where the German half of multilingual.mp3 starts (its English half ends at about 29.6 s)."""
_ES2011A = DATA_DIR / "ami-es2011a" / "ES2011a.Headset-0-40s-46s.wav"
_AMI = DATA_DIR / "ami-clips"
_HOTWORDS = DATA_DIR / "whisper-clips" / "hotwords.mp3"
_ENGLISH = Piece(MULTILINGUAL, 0.0, _MULTILINGUAL_GERMAN_S)
_GERMAN = Piece(MULTILINGUAL, _MULTILINGUAL_GERMAN_S)

VOICES_THREE_MINUTES = tuple(
    Piece(clip) if isinstance(clip, Path) else clip
    for clip in (
        JFK,
        _AMI / "dev00.wav",
        JFK,
        PYANNOTE_SAMPLE,
        MULTILINGUAL,
        JFK,
        _AMI / "dev01.wav",
    )
)
"""3.2 minutes, 6 voices: jfk three times between others, a reader switching from English to
German, and the two people of dev00 again in dev01."""

VOICES_TEN_MINUTES = tuple(
    Piece(clip) if isinstance(clip, Path) else clip
    for clip in (
        JFK, _AMI / "tst00.wav", PYANNOTE_SAMPLE, MULTILINGUAL, _AMI / "dev00.wav", _HOTWORDS,
        _ES2011A, _AMI / "tst01.wav", JFK, _AMI / "dev01.wav",
        PYANNOTE_SAMPLE, _GERMAN, JFK, _AMI / "dev00.wav", _AMI / "tst00.wav", _ENGLISH,
        _ES2011A, _AMI / "dev01.wav", JFK, _AMI / "tst01.wav",
        PYANNOTE_SAMPLE, JFK, MULTILINGUAL, _HOTWORDS,
    )
)  # fmt: skip
"""10 minutes, 13 voices: the four AMI clips (two meetings, six people, each meeting's people
in two clips) twice and more, the phone call three times, jfk five times, the reader in English
then German, then German alone, then English alone, then both again; two short clips of two
voices heard nowhere else."""


def build_voices_wav(
    target: Path, pieces: Sequence[Piece], gap_s: float = 1.0
) -> tuple[PlacedPiece, ...]:
    """Write a 16 kHz mono 16-bit WAV of ``pieces`` back to back, ``gap_s`` of silence after
    each, and return where each piece went."""
    placed: list[PlacedPiece] = []
    gap = np.zeros(round(gap_s * SAMPLE_RATE), np.float32)
    position = 0
    with wave.open(str(target), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(SAMPLE_RATE)
        for piece in pieces:
            blocks = (
                decode_audio(piece.clip, channels="mixdown")
                if piece.channel is None
                else decode_audio(piece.clip, channels="split")
            )
            audio = np.concatenate([b[piece.channel or 0] for b in blocks])
            first = round(piece.start_s * SAMPLE_RATE)
            last = len(audio) if piece.end_s is None else round(piece.end_s * SAMPLE_RATE)
            samples = np.concatenate([audio[first:last], gap])
            pcm = np.clip(samples * 32767.0, -32768, 32767).astype("<i2")
            out.writeframes(pcm.tobytes())
            start = position / SAMPLE_RATE
            placed.append(PlacedPiece(piece, start, start + (last - first) / SAMPLE_RATE))
            position += len(samples)
    return tuple(placed)


_STEREO = DATA_DIR / "whisper-clips" / "stereo_diarization.wav"
_STEREO_LEFT = (
    "He began a confused complaint against the wizard, who had vanished behind the curtain on "
    "the left."
)
_STEREO_RIGHT = "The horizon seems extremely distant."
_MIT_LICENCE_READ = (
    "Permission is hereby granted, free of charge, to any person obtaining a copy of this "
    "software and associated documentation files, to deal in the Software without restriction, "
    "including without limitation the rights to use, copy, modify, merge, publish, distribute, "
    "sublicense, and/or sell copies of the Software, and to permit persons to whom the Software "
    "is furnished to do so, subject to the following conditions: The above copyright notice "
    "and this permission notice shall be included in all copies or substantial portions of the "
    "Software."
)
"""The MIT licence's paragraphs as published, less the parenthetical '(the "Software")', which
the reader of multilingual.mp3 does not seem to say (neither faster-whisper's test transcript
nor ours has it): an unsure word or two of the reference counts alike against live and
``analyze``, so their difference does not depend on it."""

HELDOUT_REFERENCED = (
    Piece(PYANNOTE_SAMPLE),
    Piece(_STEREO, channel=0),
    Piece(_STEREO, channel=1),
    _ENGLISH,
)
"""About 75 s of held-out speech (none of it in ``TUNING_CLIPS`` or the dialogues) whose every
word has a reference: the phone call, the two channels of stereo_diarization.wav one after the
other, and the English half of multilingual.mp3 (read text). About 190 words: one word is half
a point of WER, against 1.2 points on the phone call alone. Build it with ``build_voices_wav``;
its text is ``heldout_reference()``."""


def heldout_reference() -> str:
    """What is said in ``build_voices_wav(target, HELDOUT_REFERENCED)``, in order."""
    return " ".join(
        (
            stm_reference(PYANNOTE_SAMPLE.with_suffix(".stm")),
            _STEREO_LEFT,
            _STEREO_RIGHT,
            _MIT_LICENCE_READ,
        )
    )
