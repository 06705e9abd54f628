"""Trace the live path decode by decode on a built meeting fed at 1x (no ``analyze`` run).

    python -m bench.live_trace --minutes 30 --out trace.jsonl [--summary]

Writes one JSON line per event as it happens: every recogniser call (wall start, duration,
thread, audio length, word timings, window), every live decode step of the transcriber
(``update``, ``cut``, ``finalize``, ``timed``: when, buffer start and length, how far the
buffer's end lags the wall clock, finished utterances waiting, the stream's backlog), and
every caption. ``--summary`` prints a table per ``--bin`` minutes of the meeting: decodes,
their mean cost, the longest buffer, the lag, and final captions' lag (``emitted_at`` less the
caption's end in the media; a proxy for ``bench.live``'s per-word latency).
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import json
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from assistant.config import Settings, apply_thread_settings
from assistant.processing.analyze import load_speech_models
from assistant.processing.live import LiveEvent, follow_media
from pipelines.frames import SAMPLE_RATE, Caption
from pipelines.live_transcribe import LiveOptions, LiveTranscriber
from pipelines.stream import ParticipantStream

from .common import build_meeting_wav
from .live import percentile

_lock = threading.Lock()


def _writer(path: Path, origin: list[float]) -> Callable[[dict[str, Any]], None]:
    handle = path.open("w", encoding="utf-8")

    def write(record: dict[str, Any]) -> None:
        record.setdefault("wall", round(time.monotonic() - origin[0], 3))
        with _lock:
            handle.write(json.dumps(record) + "\n")
            handle.flush()

    return write


def _instrument(write: Callable[[dict[str, Any]], None], origin: list[float]) -> None:
    """Wrap the transcriber's decode steps and the stream's batches (this process only)."""

    def state(self: LiveTranscriber) -> dict[str, Any]:
        start = self._audio_start_s or 0.0
        length = len(self._audio) / SAMPLE_RATE
        return {
            "buf_start": round(start, 2),
            "buf_s": round(length, 2),
            "lag": round(time.monotonic() - origin[0] - (start + length), 2),
            "untimed_n": len(self._untimed),
            "untimed_s": round(sum(len(u.samples) for u in self._untimed) / SAMPLE_RATE, 1),
            "jobs": len(self._timing_jobs),
            "confirmed_end": round(self._committed_end_s, 2),
        }

    def wrap(name: str, event: str) -> None:
        original = getattr(LiveTranscriber, name)

        @functools.wraps(original)
        def traced(self: LiveTranscriber, *args: Any, **kwargs: Any) -> Any:
            before = state(self)
            started = time.monotonic()
            result = original(self, *args, **kwargs)
            write(
                {
                    "ev": event,
                    **before,
                    "dur": round(time.monotonic() - started, 3),
                    "buf_after": round(len(self._audio) / SAMPLE_RATE, 2),
                }
            )
            return result

        setattr(LiveTranscriber, name, traced)

    for name, event in (
        ("_update", "update"),
        ("_cut", "cut"),
        ("_finalize", "finalize"),
        ("_time_utterance", "timed_submit"),
    ):
        wrap(name, event)

    process = ParticipantStream._process

    def traced_process(
        self: ParticipantStream,
        frames: list[Any],
        *,
        flush: bool,
        end: bool = False,
        drop: Any = None,
    ) -> bool:
        started = time.monotonic()
        result = process(self, frames, flush=flush, end=end, drop=drop)
        if frames:
            write(
                {
                    "ev": "batch",
                    "stream": self.participant_id,
                    "frames": len(frames),
                    "dur": round(time.monotonic() - started, 3),
                }
            )
        return result

    ParticipantStream._process = traced_process  # type: ignore[method-assign]


def _wrap_recognizer(recognizer: Any, write: Callable[[dict[str, Any]], None]) -> None:
    original = recognizer.recognize

    def recognize(chunks: Sequence[Any], options: Any) -> Any:
        started = time.monotonic()
        result = original(chunks, options)
        write(
            {
                "ev": "decode",
                "thread": threading.current_thread().name.split("_")[0],
                "audio_s": round(sum(len(c) for c in chunks) / SAMPLE_RATE, 2),
                "word_ts": options.word_timestamps,
                "window": options.window_s,
                "beam": options.beam_size,
                "dur": round(time.monotonic() - started, 3),
            }
        )
        return result

    recognizer.recognize = recognize


def run(minutes: float, out: Path) -> None:
    settings = Settings()
    apply_thread_settings(settings)
    models = load_speech_models(settings, live=True)
    origin = [time.monotonic()]
    write = _writer(out, origin)
    _instrument(write, origin)
    _wrap_recognizer(models.recognizer, write)

    def on_event(event: LiveEvent) -> None:
        if isinstance(event, Caption):
            write(
                {
                    "ev": event.kind,
                    "start": round(event.start_s, 2),
                    "end": round(event.end_s, 2),
                    "emitted_at": round(event.emitted_at, 3),
                    "words": len(event.text.split()),
                    "text": event.text,
                }
            )

    with tempfile.TemporaryDirectory() as folder:
        meeting = Path(folder) / "meeting.wav"
        build_meeting_wav(meeting, minutes * 60)
        origin[0] = time.monotonic()  # follow_media's own origin is a few ms later
        asyncio.run(follow_media(meeting, settings, models, realtime=True, on_event=on_event))


def summary(path: Path, bin_min: float) -> None:
    records = [json.loads(line) for line in path.read_text().splitlines()]
    size = bin_min * 60
    rows: dict[int, dict[str, list[float]]] = {}

    def add(t: float, key: str, value: float) -> None:
        rows.setdefault(int(t // size), {}).setdefault(key, []).append(value)

    for r in records:
        if r["ev"] == "update":
            add(r["wall"], "upd_dur", r["dur"])
            add(r["wall"], "upd_buf", r["buf_s"])
            add(r["wall"], "upd_lag", r["lag"])
        elif r["ev"] == "cut":
            add(r["wall"], "cut", 1)
        elif r["ev"] == "finalize":
            add(r["wall"], "fin_dur", r["dur"])
            add(r["wall"], "untimed_s", r["untimed_s"])
        elif r["ev"] == "decode" and r["word_ts"] and r["window"] is None:
            add(r["wall"], "timed_dur", r["dur"])
        elif r["ev"] == "final":
            add(r["end"], "final_lag", r["emitted_at"] - r["end"])
        elif r["ev"] == "batch" and r["stream"].endswith("-voices"):
            add(r["wall"], "voice_dur", r["dur"])
    print(
        "| min | updates | upd dur p50/max | buf max | decoded s | lag p50/max | cuts "
        "| timed n/busy s | untimed s max | voices busy s | finals | final lag p50/p95/max |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for index in sorted(rows):
        row = rows[index]
        upd, lag, fin = row.get("upd_dur", []), row.get("upd_lag", []), row.get("final_lag", [])
        timed = row.get("timed_dur", [])
        cells = [
            f"{index * bin_min:g}",
            str(len(upd)),
            f"{percentile(upd, 0.5):.2f}/{max(upd, default=0):.2f}",
            f"{max(row.get('upd_buf', []), default=0):.1f}",
            f"{sum(row.get('upd_buf', [])):.0f}",
            f"{percentile(lag, 0.5):.2f}/{max(lag, default=0):.2f}",
            str(len(row.get("cut", []))),
            f"{len(timed)}/{sum(timed):.0f}",
            f"{max(row.get('untimed_s', []), default=0):.0f}",
            f"{sum(row.get('voice_dur', [])):.0f}",
            str(len(fin)),
            f"{percentile(fin, 0.5):.2f}/{percentile(fin, 0.95):.2f}/{max(fin, default=0):.2f}",
        ]
        print(f"| {' | '.join(cells)} |")


class _CostedRecognizer:
    """The recogniser, charging each decode ``base_s + per_s`` x its audio (s) of simulated
    time: a deterministic machine whose decodes cost more as the buffer grows (measured at
    load 5-7: 0.94 s under 4 s of audio, 2.32 s at 12-16 s), whatever this one's load."""

    def __init__(self, inner: Any, base_s: float, per_s: float) -> None:
        self.inner = inner
        self.name = getattr(inner, "name", "asr")
        self.spent_s = 0.0
        self.decodes = 0
        self.decoded_s = 0.0
        self._cost = (base_s, per_s)

    def recognize(self, chunks: Sequence[Any], options: Any) -> Any:
        audio_s = sum(len(c) for c in chunks) / SAMPLE_RATE
        self.decodes += 1
        self.decoded_s += audio_s
        self.spent_s += self._cost[0] + self._cost[1] * audio_s
        return self.inner.recognize(chunks, options)


def simulate(
    path: Path, options: LiveOptions, base_s: float, per_s: float
) -> tuple[list[Any], list[Caption], _CostedRecognizer]:
    """``path`` fed at simulated 1x through the VAD and the live transcriber, as a stream runs
    them: whatever arrived while a decode ran is pushed at once, then one flush decodes the
    newest audio. Decodes take simulated time (``_CostedRecognizer``); the transcript's timed
    decodes are skipped (``bench.live_errors``)."""
    from pipelines.sources import file_audio

    from .live_errors import traced_chain

    settings = Settings()
    models = load_speech_models(settings, live=True)
    recognizer = _CostedRecognizer(models.recognizer, base_s, per_s)
    free = [0.0, 0.0]  # (simulated time the batch started, spent_s then)

    def clock() -> float:
        return free[0] + recognizer.spent_s - free[1]

    transcriber, chain = traced_chain(settings, models, recognizer, options, clock)
    chunks = list(file_audio(path, ["p"], block_s=0.1))
    captions: list[Caption] = []
    index = 0
    while index < len(chunks):
        now = max(clock(), chunks[index].end_s)
        free[:] = [now, recognizer.spent_s]
        out: list[Any] = []
        while index < len(chunks) and chunks[index].end_s <= now + 1e-9:
            out.extend(chain.push(chunks[index]))
            index += 1
        out.extend(chain.flush())
        captions.extend(f for f in out if isinstance(f, Caption))
    captions.extend(f for f in chain.end_input() if isinstance(f, Caption))
    return transcriber.finals, captions, recognizer


def compare(
    path: Path,
    reference: str | None,
    cache: Path,
    cost: tuple[float, float],
    variants: Sequence[float] | None = None,
) -> None:
    """Finals' WER and latency of ``path`` with ``behind_s`` off and on (or ``variants``), by
    ``simulate``."""
    from assistant.processing.live import live_options

    from .common import word_error_rate
    from .live_errors import _offline, latency

    settings = Settings()
    offline = _offline(path, settings, load_speech_models(settings, live=True), cache)
    off_text = " ".join(w for w, _, _ in offline)
    for behind_s in variants or (0.0, settings.live.behind_s):
        options = replace(live_options(settings), behind_s=behind_s)
        finals, captions, recognizer = simulate(path, options, *cost)
        live_text = " ".join(f.caption.text for f in finals)
        row: dict[str, float] = {"vs analyze": word_error_rate(off_text, live_text)}
        if reference is not None:
            row["WER live"] = word_error_rate(reference, live_text)
        row.update(latency(finals, captions, offline))
        row["decodes"] = recognizer.decodes
        row["decoded s"] = recognizer.decoded_s
        row["cuts"] = sum(f.origin == "cut" for f in finals)
        print(path.stem, f"behind_s={behind_s:g}", {k: round(v, 3) for k, v in row.items()})


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.live_trace", description=__doc__)
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--summary", action="store_true", help="Summarise --out; run nothing.")
    parser.add_argument("--bin", type=float, default=2.5, help="Minutes per summary row.")
    parser.add_argument(
        "--compare",
        type=Path,
        help="Simulate this file instead (see ``simulate``) with behind_s off and on.",
    )
    parser.add_argument("--reference", help="The reference text of --compare's file.")
    parser.add_argument("--behind", help="behind_s values to compare (default: 0 and ours).")
    parser.add_argument("--meeting-minutes", type=float, help="Build a meeting for --compare.")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "live-trace")
    parser.add_argument(
        "--cost",
        default="0.6,0.06",
        help="Simulated decode cost: BASE,PER_S (s, and s per s of audio).",
    )
    args = parser.parse_args(argv)
    if args.compare is not None:
        args.cache.mkdir(parents=True, exist_ok=True)
        base, per = (float(x) for x in args.cost.split(","))
        if args.meeting_minutes:
            build_meeting_wav(args.compare, args.meeting_minutes * 60)
        variants = [float(x) for x in args.behind.split(",")] if args.behind else None
        compare(args.compare, args.reference, args.cache, (base, per), variants)
        return
    if not args.summary:
        run(args.minutes, args.out)
    summary(args.out, args.bin)


if __name__ == "__main__":
    main()
