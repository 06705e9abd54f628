"""How many participants one machine follows live: per-person tracks with video, fed at 1x.

    python -m bench.live_capacity [--people 2 4 6 8] [--seconds 60]

Each person has an own audio track (silent but for their turns) and a camera (the frames of a
GRID clip, a face speaking, looped at the live video rate). In "in turn", one person speaks at a
time, 8 s each; in "two at once", two people speak over each other all the time. Speech comes
from the held-out meeting of ``bench.live`` (``MEETING_CLIPS``), timed once by ``analyze``, so
every word has its end in meeting time. Latency is measured per word as in ``bench.live``, per
participant; "late" counts the words whose final came more than 3 s after them. When the tracks
end, everyone leaves together, as when a meeting ends (``LiveMeeting.finish``): one after
another, the last to leave waited for the others' ends (their timed decodes), which made
most of the late words. Prints a table; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import difflib
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from assistant.config import Settings, apply_thread_settings
from assistant.processing.analyze import analyze, load_speech_models
from assistant.processing.live import LiveMeeting
from assistant.processing.speech import SpeechModels
from assistant.transcript import Participant
from models.vision import VisionModels
from pipelines.decode import decode_audio
from pipelines.frames import SAMPLE_RATE, Caption
from pipelines.video.decode import sample_frames

from .common import DATA_DIR, build_meeting_wav
from .live import normal_word, percentile

TURN_S = 8.0
LATE_S = 3.0
"""A final later than this (s) after its word misses the target p95."""
BLOCK_S = 0.1
FACE_CLIP = DATA_DIR / "grid-talking" / "bbaf2n.mpg"


@dataclass(frozen=True, slots=True)
class _Word:
    participant_id: str
    text: str
    end_s: float
    """End in meeting time (s)."""


TimedWord = tuple[str, float, float]


def _pool(
    seconds: float, settings: Settings, models: SpeechModels
) -> tuple[npt.NDArray[np.float32], list[TimedWord]]:
    """``seconds`` of held-out speech and its words timed by ``analyze``: (text, start, end)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "pool.wav"
        build_meeting_wav(path, seconds)
        audio = np.concatenate([block[0] for block in decode_audio(path, channels="mixdown")])
        report = analyze(path, settings, models=models).report
    words = [
        (w["word"], float(w["start"]), float(w["end"]))
        for segment in report["segments"]
        for w in segment["words"]
    ]
    return audio, sorted(words, key=lambda w: w[2])


def _tracks(
    people: int,
    seconds: float,
    overlap: bool,
    pool: npt.NDArray[np.float32],
    words: list[TimedWord],
) -> tuple[dict[str, npt.NDArray[np.float32]], list[_Word]]:
    """Each person's track and the words they say. Turn k goes to person k mod n (and, two at
    once, also to person k+1 mod n, with speech from the second half of the pool)."""
    length = round(seconds * SAMPLE_RATE)
    tracks = {f"p{i}": np.zeros(length, np.float32) for i in range(people)}
    expected: list[_Word] = []
    for turn in range(int(seconds // TURN_S)):
        start = turn * TURN_S
        speakers = [(turn % people, start)]
        if overlap:
            speakers.append(((turn + 1) % people, seconds + start))
        for person, pool_start in speakers:
            a, b = round(pool_start * SAMPLE_RATE), round((pool_start + TURN_S) * SAMPLE_RATE)
            piece = pool[a:b]
            at = round(start * SAMPLE_RATE)
            tracks[f"p{person}"][at : at + len(piece)] = piece
            expected += [
                _Word(f"p{person}", text, start + end - pool_start)
                for text, begin, end in words
                if begin >= pool_start and end <= pool_start + TURN_S
            ]
    return tracks, expected


async def _follow(
    tracks: dict[str, npt.NDArray[np.float32]],
    faces: list[npt.NDArray[np.uint8]],
    settings: Settings,
    models: SpeechModels,
    vision: VisionModels,
) -> tuple[list[Caption], float, float]:
    """Feed every track and camera at 1x; the captions, the worst backlog seen (frames), and
    when (``emitted_at``'s clock, s) the tracks ended."""
    origin = time.monotonic()
    meeting = LiveMeeting(models, settings, vision=vision, clock=lambda: time.monotonic() - origin)
    for pid in tracks:
        meeting.add_participant(Participant(pid, pid), video=True)
    captions: list[Caption] = []

    async def collect() -> None:
        while (event := await meeting.events.get()) is not None:
            if isinstance(event, Caption):
                captions.append(event)

    collector = asyncio.create_task(collect())
    block = round(BLOCK_S * SAMPLE_RATE)
    frame_every = max(1, round(1 / (settings.live.video_fps * BLOCK_S)))
    worst = 0
    length = len(next(iter(tracks.values())))
    for index, at in enumerate(range(0, length, block)):
        start_s = at / SAMPLE_RATE
        await asyncio.sleep(max(0.0, origin + start_s + BLOCK_S - time.monotonic()))
        for number, (pid, track) in enumerate(tracks.items()):
            meeting.push_audio(pid, track[at : at + block], start_s)
            if index % frame_every == 0:
                face = faces[(index // frame_every + number) % len(faces)]
                meeting.push_video(pid, face, start_s)
            worst = max(worst, meeting.backlog(pid))
    ended_at = meeting.clock()
    await meeting.finish()  # everyone leaves together, as a meeting ends
    await collector
    await meeting.aclose()
    return captions, worst, ended_at


def _latencies(expected: list[_Word], captions: list[Caption]) -> tuple[list[float], list[float]]:
    """Final and partial latency of every word both the track and the finals hold."""
    finals: list[float] = []
    partials: list[float] = []
    for pid in sorted({w.participant_id for w in expected}):
        said = sorted((w for w in expected if w.participant_id == pid), key=lambda w: w.end_s)
        own = [c for c in captions if c.participant_id == pid]
        heard = [
            (word, c)
            for c in sorted((c for c in own if c.kind == "final"), key=lambda c: c.emitted_at)
            for word in c.text.split()
        ]
        matcher = difflib.SequenceMatcher(
            None,
            [normal_word(w.text) for w in said],
            [normal_word(w) for w, _ in heard],
            autojunk=False,
        )
        for block in matcher.get_matching_blocks():
            for offset in range(block.size):
                word = said[block.a + offset]
                caption = heard[block.b + offset][1]
                finals.append(caption.emitted_at - word.end_s)
                seen = [
                    c.emitted_at
                    for c in own
                    if word.end_s - 0.5 <= c.emitted_at <= caption.emitted_at
                    and normal_word(word.text) in {normal_word(w) for w in c.text.split()}
                ]
                partials.append(min(seen, default=caption.emitted_at) - word.end_s)
    return finals, partials


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.live_capacity", description=__doc__)
    parser.add_argument("--people", type=int, nargs="+", default=[2, 4, 6, 8])
    parser.add_argument("--seconds", type=float, default=64.0, help="Length of each run.")
    parser.add_argument("--no-video", action="store_true", help="Audio only.")
    parser.add_argument("--in-turn-only", action="store_true", help="Skip 'two at once'.")
    args = parser.parse_args(argv)
    settings = Settings()
    apply_thread_settings(settings)  # an entry point, as the CLI's live: torch's threads
    if args.no_video:
        settings = settings.model_copy(
            update={"video": settings.video.model_copy(update={"enabled": False})}
        )
    models = load_speech_models(settings, live=True)
    vision = VisionModels.load()
    faces = [frame.image for frame in sample_frames(FACE_CLIP, "face", fps=8.0)]
    pool, words = _pool(2 * args.seconds, settings, models)
    print(
        "| people | speaking | words | final p50 | final p95 | late | partial p50 | worst backlog "
        "| last final |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for overlap in (False,) if args.in_turn_only else (False, True):
        for people in args.people:
            tracks, expected = _tracks(people, args.seconds, overlap, pool, words)
            captions, worst, ended_at = asyncio.run(
                _follow(tracks, faces, settings, models, vision)
            )
            finals, partials = _latencies(expected, captions)
            last = max((c.emitted_at for c in captions if c.kind == "final"), default=ended_at)
            print(
                f"| {people} | {'two at once' if overlap else 'in turn'} | {len(finals)} "
                f"| {percentile(finals, 0.5):.2f} | {percentile(finals, 0.95):.2f} "
                f"| {sum(latency > LATE_S for latency in finals)} "
                f"| {percentile(partials, 0.5):.2f} | {worst} | {last - ended_at:.2f} |",
                flush=True,
            )
    camera = "no camera" if args.no_video else f"{settings.live.video_fps:g} camera frames/s each"
    print(
        f"(1x; {camera}; latencies in s; backlog "
        "in frames of 0.1 s audio or one camera frame waiting in a person's stream; last final: "
        "the last final caption, s after the tracks ended)"
    )


if __name__ == "__main__":
    main()
