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
from pathlib import Path
from typing import Any

from assistant.config import Settings, apply_thread_settings
from assistant.processing.analyze import load_speech_models
from assistant.processing.live import LiveEvent, follow_media
from pipelines.frames import SAMPLE_RATE, Caption
from pipelines.live_transcribe import LiveTranscriber
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
        self: ParticipantStream, frames: list[Any], *, flush: bool, end: bool = False
    ) -> bool:
        started = time.monotonic()
        result = process(self, frames, flush=flush, end=end)
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


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.live_trace", description=__doc__)
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--summary", action="store_true", help="Summarise --out; run nothing.")
    parser.add_argument("--bin", type=float, default=2.5, help="Minutes per summary row.")
    args = parser.parse_args(argv)
    if not args.summary:
        run(args.minutes, args.out)
    summary(args.out, args.bin)


if __name__ == "__main__":
    main()
