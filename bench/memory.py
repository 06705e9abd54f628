"""Peak memory and wall time of ``analyze()`` on a long meeting, in a child process.

    python -m bench.memory [--minutes 30]

The meeting is real clips (AMI meetings, a phone call, English and German speech) back to
back, repeated, written to a temporary WAV. The child loads the models and analyses the file;
the parent samples the child's RSS every 0.2 s, and also reads the kernel's own peak
(``ru_maxrss``) once the child has ended, since sampling can miss a short spike.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import psutil
from rich.console import Console
from rich.table import Table

from assistant.config import Settings, apply_thread_settings
from assistant.processing.analyze import analyze, load_speech_models

from .common import build_meeting_wav

__all__ = ["main"]

_SAMPLE_EVERY_S = 0.2
_TARGET_MB = 1536.0
"""Peak RSS the whole job should stay under (MiB): 1.5 GiB."""
_MIB = 1024 * 1024


def _child(path: Path) -> None:
    """Runs in the child: load, analyse, print one JSON line with timings and RSS after load."""
    settings = Settings()
    apply_thread_settings(settings)  # an entry point, as the CLI's analyze
    started = time.perf_counter()
    models = load_speech_models(settings)
    loaded = time.perf_counter()
    rss_after_load = psutil.Process().memory_info().rss
    analysis = analyze(path, settings, models=models)
    finished = time.perf_counter()
    print(
        json.dumps(
            {
                "load_s": loaded - started,
                "analyze_s": finished - loaded,
                "rss_after_load": rss_after_load,
                "duration_s": analysis.transcript.meeting.duration_s,
                "segments": len(analysis.transcript.segments),
            }
        )
    )


def _run_child(path: Path) -> tuple[dict[str, float], int, int, float, float]:
    """Return the child's report, peak RSS sampled and per the kernel, wall and CPU time."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "bench.memory", "--child", str(path)],
        stdout=subprocess.PIPE,
        text=True,
    )
    process = psutil.Process(child.pid)
    peak = 0
    while child.poll() is None:
        try:
            peak = max(peak, process.memory_info().rss)
        except psutil.NoSuchProcess:
            break
        time.sleep(_SAMPLE_EVERY_S)
    stdout, _ = child.communicate()
    wall = time.perf_counter() - started
    if child.returncode != 0:
        raise SystemExit(f"the analysis child failed with exit code {child.returncode}")
    # Linux reports ru_maxrss in KiB; only this one child has been waited for.
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    report = json.loads(stdout.strip().splitlines()[-1])
    return report, peak, usage.ru_maxrss * 1024, wall, usage.ru_utime + usage.ru_stime


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.memory", description=__doc__)
    parser.add_argument("--minutes", type=float, default=30.0, help="meeting length (min)")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        _child(args.child)
        return

    with tempfile.TemporaryDirectory(prefix="bench-memory-") as tmp:
        meeting = Path(tmp) / "meeting.wav"
        duration = build_meeting_wav(meeting, args.minutes * 60)
        size_mb = meeting.stat().st_size / _MIB
        load_before = os.getloadavg()[0]
        report, sampled_peak, kernel_peak, wall, cpu = _run_child(meeting)
        load_after = os.getloadavg()[0]

    peak = max(sampled_peak, kernel_peak)
    table = Table(title=f"Memory and time of analyze() on a {args.minutes:g}-minute meeting")
    table.add_column("measure")
    table.add_column("value", justify="right")
    rows = [
        ("audio duration", f"{duration:.1f} s ({size_mb:.0f} MiB WAV, 16 kHz mono)"),
        ("segments transcribed", f"{report['segments']:.0f}"),
        ("model load", f"{report['load_s']:.1f} s"),
        ("analyze() wall time", f"{report['analyze_s']:.1f} s"),
        ("child wall time (start to exit)", f"{wall:.1f} s"),
        ("child CPU time (user + sys)", f"{cpu:.1f} s on {os.cpu_count()} cores"),
        ("RTF (analyze / duration)", f"{report['analyze_s'] / duration:.3f}"),
        ("60-minute meeting would take", f"{report['analyze_s'] / duration * 60:.1f} min"),
        ("RSS after model load", f"{report['rss_after_load'] / _MIB:.0f} MiB"),
        (f"peak RSS, sampled every {_SAMPLE_EVERY_S:g} s", f"{sampled_peak / _MIB:.0f} MiB"),
        ("peak RSS, kernel (ru_maxrss)", f"{kernel_peak / _MIB:.0f} MiB"),
        (
            "target",
            f"< {_TARGET_MB:.0f} MiB: {'met' if peak / _MIB < _TARGET_MB else 'MISSED'}",
        ),
    ]
    for name, value in rows:
        table.add_row(name, value)
    Console(width=120).print(table)
    print(
        f"1-min load average {load_before:.2f} before, {load_after:.2f} after "
        "(above ~0.5 other work on the machine skews wall times)"
    )


if __name__ == "__main__":
    main()
