"""The service on loopback: API latency under 50 clients, jobs per hour with 1 and 2 workers,
and how long a job whose worker is killed takes to complete on another.

    python -m bench.service [--clients 50] [--seconds 20] [--jobs 20]

Uses the PostgreSQL (127.0.0.1:5432, database ``test``, a schema of its own) and Redis
(127.0.0.1:6379, database 12) this machine runs; starts ``meeting-assistant serve`` and
``worker`` processes itself. Prints tables; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path

import httpx2 as httpx
import redis

from api.auth import create_token
from api.store.database import Database, upgrade_database

from .common import JFK, PYANNOTE_SAMPLE, postgres_schema

REDIS = "redis://127.0.0.1:6379/12"
TRANSCRIPT = Path(__file__).resolve().parents[1] / "tests" / "data" / "transcript_valid.json"
COMMAND = str(Path(sys.executable).parent / "meeting-assistant")


def _environment(
    data_dir: Path, database_url: str, broker: str | None, lease_s: float
) -> dict[str, str]:
    env = {
        **os.environ,
        "HF_HUB_OFFLINE": "1",
        "MA_SERVICE__DATA_DIR": str(data_dir),
        "MA_SERVICE__DATABASE_URL": database_url,
        "MA_SERVICE__JOB_LEASE_S": str(lease_s),
        "MA_SERVICE__MAX_REQUEST_KB": "256",
        "MA_SERVICE__RATE_LIMIT_PER_MINUTE": "100000000",  # the bench is one caller
    }
    if broker is not None:
        env["MA_SERVICE__BROKER_URL"] = broker
    return env


def _token(database_url: str) -> dict[str, str]:
    upgrade_database(database_url)
    database = Database(database_url)
    with database.session() as session:
        token = create_token(session, "bench", admin=True, person=None)
    database.dispose()
    return {"Authorization": f"Bearer {token}"}


@contextmanager
def _process(arguments: list[str], env: dict[str, str]) -> Iterator[subprocess.Popen[bytes]]:
    process = subprocess.Popen(
        [COMMAND, *arguments],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        yield process
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=60)


@contextmanager
def _serve(env: dict[str, str]) -> Iterator[str]:
    """``meeting-assistant serve`` on a free loopback port; yields its API base URL."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    arguments = ["serve", "--port", str(port), "--data-dir", env["MA_SERVICE__DATA_DIR"]]
    with _process(arguments, env):
        base = f"http://127.0.0.1:{port}/api/v1"
        _wait_healthy(base)
        yield base


def _wait_healthy(base: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise RuntimeError("the server did not start")


def _upload(base: str, headers: dict[str, str], path: Path) -> str:
    with path.open("rb") as file:
        response = httpx.post(
            f"{base}/meetings", headers=headers, files={"file": (path.name, file)}, timeout=60
        )
    response.raise_for_status()
    meeting_id: str = response.json()["id"]
    return meeting_id


def _wait_done(base: str, headers: dict[str, str], ids: Sequence[str], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    pending = set(ids)
    while pending and time.monotonic() < deadline:
        for meeting_id in list(pending):
            status = httpx.get(f"{base}/meetings/{meeting_id}", headers=headers).json()["status"]
            if status in ("done", "failed"):
                pending.discard(meeting_id)
        time.sleep(0.5)
    if pending:
        raise RuntimeError(f"{len(pending)} meetings not finished after {timeout} s")


async def _hammer(
    base: str, headers: dict[str, str], path: str, clients: int, seconds: float
) -> tuple[list[float], int]:
    latencies: list[float] = []
    errors = 0
    limits = httpx.Limits(max_connections=clients)
    async with httpx.AsyncClient(headers=headers, limits=limits, timeout=30) as client:
        end = time.monotonic() + seconds

        async def one_client() -> None:
            nonlocal errors
            while time.monotonic() < end:
                started = time.monotonic()
                response = await client.get(f"{base}{path}")
                latencies.append(time.monotonic() - started)
                errors += response.status_code != 200

        await asyncio.gather(*(one_client() for _ in range(clients)))
    return latencies, errors


def bench_api(clients: int, seconds: float) -> None:
    print(f"\nAPI on loopback, {clients} concurrent clients, {seconds:g} s per row")
    print("| store | request | p50 (ms) | p99 (ms) | requests/s | errors |")
    print("|---|---|---|---|---|---|")
    for store in ("SQLite", "PostgreSQL"):
        with tempfile.TemporaryDirectory() as folder, postgres_schema("ma_bench") as pg_url:
            url = f"sqlite:///{Path(folder) / 'meetings.db'}" if store == "SQLite" else pg_url
            env = _environment(Path(folder) / "data", url, None, 300)
            headers = _token(url)
            with _serve(env) as base:
                ids = [_upload(base, headers, TRANSCRIPT) for _ in range(20)]
                _wait_done(base, headers, ids, 300)
                for label, path in (
                    ("GET /meetings", "/meetings"),
                    ("GET /meetings/{id}/report", f"/meetings/{ids[0]}/report"),
                ):
                    latencies, errors = asyncio.run(_hammer(base, headers, path, clients, seconds))
                    ordered = sorted(latencies)
                    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
                    print(
                        f"| {store} | {label} | {statistics.median(ordered) * 1000:.0f} "
                        f"| {p99 * 1000:.0f} | {len(latencies) / seconds:.0f} | {errors} |",
                        flush=True,
                    )


def bench_workers(jobs: int) -> None:
    print(f"\n{jobs} uploads of jfk.flac (11 s), PostgreSQL store, Redis queue")
    print("| workers | wall time (s) | jobs per hour | speed-up |")
    print("|---|---|---|---|")
    first: float | None = None
    for workers in (1, 2):
        redis.Redis.from_url(REDIS).flushdb()
        with tempfile.TemporaryDirectory() as folder, postgres_schema("ma_bench") as url:
            env = _environment(Path(folder) / "data", url, REDIS, 300)
            headers = _token(url)
            with _serve(env) as base, ExitStack() as stack:
                for _ in range(workers):
                    stack.enter_context(_process(["worker", "--concurrency", "1"], env))
                time.sleep(8)  # the workers start before the clock does
                clock = time.monotonic()
                ids = [_upload(base, headers, JFK) for _ in range(jobs)]
                _wait_done(base, headers, ids, 1800)
                elapsed = time.monotonic() - clock
        first = first or elapsed
        print(
            f"| {workers} | {elapsed:.1f} | {jobs / elapsed * 3600:.0f} | {first / elapsed:.2f} |",
            flush=True,
        )


def bench_killed_worker(lease_s: float) -> None:
    print(f"\nA worker killed mid-job (the phone call, 30 s), job lease {lease_s:g} s")
    redis.Redis.from_url(REDIS).flushdb()
    with tempfile.TemporaryDirectory() as folder, postgres_schema("ma_bench") as url:
        env = _environment(Path(folder) / "data", url, REDIS, lease_s)
        headers = _token(url)
        with _serve(env) as base:
            with _process(["worker", "--concurrency", "1"], env) as first:
                meeting_id = _upload(base, headers, PYANNOTE_SAMPLE)
                while (
                    httpx.get(f"{base}/meetings/{meeting_id}", headers=headers).json()["status"]
                    != "processing"
                ):
                    time.sleep(0.2)
                time.sleep(2)
                os.killpg(first.pid, signal.SIGKILL)
                killed = time.monotonic()
            with _process(["worker", "--concurrency", "1"], env):
                _wait_done(base, headers, [meeting_id], 900)
                recovered = time.monotonic() - killed
            meeting = httpx.get(f"{base}/meetings/{meeting_id}", headers=headers).json()
            items = httpx.get(
                f"{base}/action-items", headers=headers, params={"meeting_id": meeting_id}
            ).json()["total"]
            report = httpx.get(f"{base}/meetings/{meeting_id}/report", headers=headers).json()
    print("| status | seconds from kill to done | action items stored / in report |")
    print("|---|---|---|")
    print(f"| {meeting['status']} | {recovered:.1f} | {items} / {len(report['action_items'])} |")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.service", description=__doc__)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--jobs", type=int, default=20)
    parser.add_argument("--lease", type=float, default=20.0, help="job lease for the kill row")
    args = parser.parse_args(argv)
    bench_api(args.clients, args.seconds)
    bench_workers(args.jobs)
    bench_killed_worker(args.lease)


if __name__ == "__main__":
    main()
