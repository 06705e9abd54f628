"""Where the CPU seconds of ``analyze()`` go, stage by stage, on a built meeting.

    python -m bench.cpu_profile [--minutes 10] [--wav meeting.wav] [--report report.json]

A sampling profiler for a multi-threaded run: every ``--every`` seconds it reads each
thread's CPU time from the kernel (``/proc/self/task/*/schedstat``, nanoseconds) and
charges what the thread used since the last sample to the stage its Python stack is in.
Native threads (CTranslate2's workers, which run the decodes the ``asr-part`` threads wait
for) are charged to the stages those waiting threads are in at that moment. The figures are
CPU seconds, so they hold under load, unlike wall times; the sampler's own cost is listed.
"""

from __future__ import annotations

import argparse
import json
import linecache
import os
import resource
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from types import FrameType

__all__ = ["main", "stage_of"]

_STAGES: tuple[tuple[str, str, str], ...] = (
    # (stage, path fragment, function name or "" for any), first match from the innermost
    # frame outwards wins.
    ("asr: word timestamps", "faster_whisper/transcribe.py", "add_word_timestamps"),
    ("asr: word timestamps", "faster_whisper/transcribe.py", "find_alignment"),
    ("asr: decoder (generate)", "models/asr.py", "_decode"),
    ("asr: language detection", "models/asr.py", "detect_language"),
    ("asr: mel features", "faster_whisper/feature_extractor.py", ""),
    ("asr: encoder", "models/asr.py", "_encode"),
    ("asr: other", "models/asr.py", ""),
    ("asr: chunk bookkeeping", "pipelines/transcribe.py", ""),
    ("decode/resample", "pipelines/decode.py", ""),
    ("decode/resample", "pipelines/sources.py", ""),
    ("decode/resample", "inputs/media.py", ""),
    ("vad", "pipelines/vad.py", ""),
    ("chunker", "pipelines/chunker.py", ""),
    ("voice windows (embeddings)", "pipelines/speaker_windows.py", ""),
    ("voice windows (embeddings)", "models/speaker.py", ""),
    ("segmentation model", "pipelines/segmentation.py", ""),
    ("segmentation model", "models/segmentation.py", ""),
    ("voiceprints", "pipelines/voiceprints.py", "cluster_prints"),
    ("voiceprints", "models/voiceprint.py", ""),
    ("heard_apart", "pipelines/voiceprints.py", ""),
    ("clean windows", "pipelines/resegment.py", "clean_windows"),
    ("resegmentation", "pipelines/resegment.py", ""),
    ("clustering", "pipelines/diarize.py", "cluster_windows"),
    ("clustering (merge, turns)", "pipelines/diarize.py", ""),
    ("word attribution", "pipelines/attribute.py", ""),
    ("diarize_track", "processing/speech.py", "diarize_track"),
    ("intelligence", "assistant/intelligence/", ""),
    ("analytics", "assistant/analytics/", ""),
    ("outputs", "assistant/outputs/", ""),
    ("pipeline plumbing", "pipelines/", ""),
    ("pipeline plumbing", "processing/speech.py", ""),
)


def stage_of(frame: FrameType | None) -> str:
    """The stage a Python stack (innermost frame first) is in."""
    return _stage_and_place(frame)[0]


def _stage_and_place(frame: FrameType | None) -> tuple[str, str]:
    """The stage a Python stack is in, and its innermost place (file:function:line)."""
    place = (
        f"{Path(frame.f_code.co_filename).name}:{frame.f_code.co_name}:{frame.f_lineno}"
        if frame is not None
        else ""
    )
    names: list[tuple[str, str]] = []
    while frame is not None:
        name = frame.f_code.co_name
        if frame.f_code.co_filename.endswith("models/asr.py"):
            # The native calls have no frame of their own: tell them by the line.
            line = linecache.getline(frame.f_code.co_filename, frame.f_lineno)
            if "detect_language" in line:
                name = "detect_language"
        names.append((frame.f_code.co_filename, name))
        frame = frame.f_back
    for stage, fragment, function in _STAGES:
        for filename, name in names:
            if fragment in filename and (not function or function == name):
                return stage, place
    if names:
        filename, name = names[0]
        return f"other: {Path(filename).name}:{name}", place
    return "other", place


def _cpu_ns(tid: int) -> int | None:
    try:
        with open(f"/proc/self/task/{tid}/schedstat") as file:
            return int(file.read().split()[0])
    except (OSError, ValueError, IndexError):
        return None


class Sampler(threading.Thread):
    def __init__(self, every_s: float) -> None:
        super().__init__(name="cpu-sampler", daemon=True)
        self.every_s = every_s
        self.stages: defaultdict[str, float] = defaultdict(float)
        self.native: defaultdict[str, float] = defaultdict(float)
        self.places: defaultdict[str, float] = defaultdict(float)
        self._stop_event = threading.Event()
        self._last: dict[int, int] = {}

    def run(self) -> None:
        while not self._stop_event.wait(self.every_s):
            self.sample()
        self.sample()

    def stop(self) -> None:
        self._stop_event.set()
        self.join()

    def sample(self) -> None:
        frames = sys._current_frames()
        python = {t.native_id: t for t in threading.enumerate() if t.native_id is not None}
        labels: dict[int, str] = {}
        places: dict[int, str] = {}
        for tid, thread in python.items():
            if thread is self:
                labels[tid] = "profiler (sampler)"
            elif isinstance(frame := frames.get(thread.ident or 0), FrameType):
                # (A thread that ended since ``enumerate`` may have left its id to another.)
                labels[tid], places[tid] = _stage_and_place(frame)
        waiting = [labels[t] for t, th in python.items() if th.name.startswith("asr-part")]
        waiting = [label for label in waiting if label.startswith("asr")]
        if not waiting:
            main_label = labels.get(threading.main_thread().native_id or 0, "")
            transcriber = [
                labels[t] for t, th in python.items() if th.name.startswith("transcriber")
            ]
            waiting = [x for x in [*transcriber, main_label] if x.startswith("asr")]
        for name in os.listdir("/proc/self/task"):
            tid = int(name)
            now = _cpu_ns(tid)
            if now is None:
                continue
            used = (now - self._last.get(tid, 0)) / 1e9
            self._last[tid] = now
            if used <= 0:
                continue
            if tid in labels:
                self.stages[labels[tid]] += used
                self.places[f"{labels[tid]} | {places.get(tid, '')}"] += used
            elif waiting:
                for label in waiting:
                    self.stages[label] += used / len(waiting)
                self.native["native, charged to the waiting asr stage"] += used
            else:
                self.native["native, no asr stage waiting"] += used
                self.stages["native (unattributed)"] += used


def _analyse(path: Path, report: Path | None, every_s: float) -> dict[str, object]:
    from assistant.config import Settings, apply_thread_settings
    from assistant.processing.analyze import analyze, load_speech_models

    settings = Settings()
    apply_thread_settings(settings)
    models = load_speech_models(settings)
    before = resource.getrusage(resource.RUSAGE_SELF)
    sampler = Sampler(every_s)
    sampler.start()
    started = time.perf_counter()
    analysis = analyze(path, settings, models=models)
    wall = time.perf_counter() - started
    sampler.stop()
    after = resource.getrusage(resource.RUSAGE_SELF)
    if report is not None:
        report.write_text(json.dumps(analysis.report, indent=2, ensure_ascii=False) + "\n")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {
        "cpu_s": cpu,
        "user_s": after.ru_utime - before.ru_utime,
        "sys_s": after.ru_stime - before.ru_stime,
        "wall_s": wall,
        "stages": dict(sampler.stages),
        "native": dict(sampler.native),
        "places": dict(sampler.places),
    }


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.cpu_profile", description=__doc__)
    parser.add_argument("--minutes", type=float, default=10.0, help="meeting length (min)")
    parser.add_argument("--wav", type=Path, help="analyse this file (built when missing)")
    parser.add_argument("--report", type=Path, help="write the report.json here")
    parser.add_argument("--json", type=Path, help="write the figures here as JSON")
    parser.add_argument("--every", type=float, default=0.05, help="sampling interval (s)")
    parser.add_argument("--places", type=int, default=25, help="innermost places listed")
    args = parser.parse_args(argv)
    from .common import build_meeting_wav

    with tempfile.TemporaryDirectory(prefix="bench-cpu-") as tmp:
        wav = args.wav or Path(tmp) / "meeting.wav"
        if not wav.exists():
            build_meeting_wav(wav, args.minutes * 60)
        figures = _analyse(wav, args.report, args.every)
    stages = figures["stages"]
    assert isinstance(stages, dict)
    total = sum(stages.values())
    print(
        f"analyze() CPU {figures['cpu_s']:.1f} s (user {figures['user_s']:.1f}, sys "
        f"{figures['sys_s']:.1f}); sampled {total:.1f} s; wall {figures['wall_s']:.1f} s"
    )
    for stage, seconds in sorted(stages.items(), key=lambda item: -item[1]):
        if seconds >= 0.05:
            print(f"  {seconds:8.2f} s  {100 * seconds / total:5.1f} %  {stage}")
    native = figures["native"]
    assert isinstance(native, dict)
    print("native threads:", {name: round(seconds, 1) for name, seconds in native.items()})
    places = figures["places"]
    assert isinstance(places, dict)
    print("innermost places of Python threads:")
    for place, seconds in sorted(places.items(), key=lambda item: -item[1])[: args.places]:
        print(f"  {seconds:8.2f} s  {place}")
    if args.json is not None:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()
