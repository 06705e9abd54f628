"""Scale-out: jobs through Celery on the real Redis, store on the real PostgreSQL, run by
``meeting-assistant worker`` processes; a worker killed mid-job is replaced by another."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from api.app import create_app
from api.store.tables import ActionItemRow, MeetingRow
from assistant.config import ServiceSettings, Settings

from .conftest import API, new_token, state

REDIS = "redis://127.0.0.1:6379/13"
TRANSCRIPT = Path(__file__).resolve().parents[1] / "data" / "transcript_valid.json"


@pytest.fixture
def queued_settings(settings: Settings, tmp_path: Path, postgres_url: str) -> Iterator[Settings]:
    redis.Redis.from_url(REDIS).flushdb()
    service = ServiceSettings(
        data_dir=tmp_path / "data", database_url=postgres_url, broker_url=REDIS, job_lease_s=8
    )
    yield settings.model_copy(update={"service": service})
    redis.Redis.from_url(REDIS).flushdb()


def _worker(settings: Settings) -> subprocess.Popen[bytes]:
    service = settings.service
    assert service.database_url is not None
    env = {
        **os.environ,
        "HF_HUB_OFFLINE": "1",
        "MA_CACHE_DIR": str(settings.cache_dir),
        "MA_SERVICE__DATA_DIR": str(service.data_dir),
        "MA_SERVICE__DATABASE_URL": service.database_url.get_secret_value(),
        "MA_SERVICE__BROKER_URL": REDIS,
        "MA_SERVICE__JOB_LEASE_S": str(service.job_lease_s),
    }
    command = Path(sys.executable).parent / "meeting-assistant"
    return subprocess.Popen(
        [str(command), "worker", "--concurrency", "1"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its pool children die with it
    )


def _stop(worker: subprocess.Popen[bytes], sig: int = signal.SIGTERM) -> None:
    if worker.poll() is None:
        os.killpg(worker.pid, sig)
    worker.wait(timeout=60)


def _status(client: TestClient, headers: dict[str, str], meeting_id: str) -> dict[str, object]:
    response = client.get(f"{API}/meetings/{meeting_id}", headers=headers)
    body: dict[str, object] = response.json()
    return body


def _wait_for(
    client: TestClient,
    headers: dict[str, str],
    meeting_id: str,
    wanted: set[str],
    timeout: float,
) -> dict[str, object]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        meeting = _status(client, headers, meeting_id)
        if meeting["status"] in wanted:
            return meeting
        time.sleep(0.2)
    raise AssertionError(f"meeting still {meeting['status']} after {timeout} s")


def test_a_worker_runs_the_jobs_the_api_queues(queued_settings: Settings) -> None:
    headers = new_token(queued_settings)
    worker = _worker(queued_settings)
    try:
        with TestClient(create_app(queued_settings)) as client:
            response = client.post(
                f"{API}/meetings",
                headers=headers,
                files={"file": ("call.json", TRANSCRIPT.read_bytes())},
            )
            assert response.status_code == 201
            meeting = _wait_for(client, headers, response.json()["id"], {"done", "failed"}, 120)
            assert meeting["status"] == "done", meeting
            assert client.get(f"{API}/meetings/{meeting['id']}/report", headers=headers).json()[
                "action_items"
            ]
            assert state(client).jobs.queued == 0
    finally:
        _stop(worker)


def test_a_job_whose_worker_dies_completes_on_another_once(
    queued_settings: Settings, data_dir: Path
) -> None:
    headers = new_token(queued_settings)
    first = _worker(queued_settings)
    second: subprocess.Popen[bytes] | None = None
    try:
        with TestClient(create_app(queued_settings)) as client:
            recording = (data_dir / "pyannote-sample" / "sample.wav").read_bytes()
            response = client.post(
                f"{API}/meetings", headers=headers, files={"file": ("call.wav", recording)}
            )
            meeting_id = response.json()["id"]
            _wait_for(client, headers, meeting_id, {"processing"}, 120)
            # Killed as soon as it took the job (loading models, then analysing): a fixed wait
            # here let a quiet machine finish the 30 s call before the kill.
            _stop(first, signal.SIGKILL)
            killed_at = time.monotonic()
            assert _status(client, headers, meeting_id)["status"] == "processing"

            second = _worker(queued_settings)
            meeting = _wait_for(client, headers, meeting_id, {"done", "failed"}, 240)
            assert meeting["status"] == "done", meeting
            assert time.monotonic() - killed_at < 240
            database = state(client).database
            with database.session() as session:
                row = session.get(MeetingRow, meeting_id)
                assert row is not None and row.attempts == 2
                items = session.scalar(select(func.count()).select_from(ActionItemRow))
            report = client.get(f"{API}/meetings/{meeting_id}/report", headers=headers).json()
            assert items == len(report["action_items"])  # done once: nothing duplicated
    finally:
        _stop(first, signal.SIGKILL)
        if second is not None:
            _stop(second)


def test_an_unreachable_queue_refuses_the_upload_cleanly(
    settings: Settings, tmp_path: Path, postgres_url: str
) -> None:
    service = ServiceSettings(
        data_dir=tmp_path / "data", database_url=postgres_url, broker_url="redis://127.0.0.1:1/0"
    )
    unreachable = settings.model_copy(update={"service": service})
    headers = new_token(unreachable)
    with TestClient(create_app(unreachable)) as client:
        response = client.post(
            f"{API}/meetings",
            headers=headers,
            files={"file": ("call.json", TRANSCRIPT.read_bytes())},
        )
        assert response.status_code == 503 and "queue" in response.json()["detail"]
        assert response.headers["retry-after"]
        assert client.get(f"{API}/meetings", headers=headers).json()["total"] == 0
    root = service.data_dir / "meetings"
    left = [p for p in root.rglob("*") if p.is_file()] if root.exists() else []
    assert left == []
