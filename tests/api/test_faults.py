"""Faults: the store or the queue going away for a few seconds, and too many requests."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from fastapi.testclient import TestClient

from api.app import create_app
from assistant.config import ServiceSettings, Settings
from assistant.processing.speech import SpeechModels

from .conftest import API, new_token
from .proxy import TcpProxy

TRANSCRIPT = Path(__file__).resolve().parents[1] / "data" / "transcript_valid.json"


@pytest.fixture
def database_proxy() -> Iterator[TcpProxy]:
    proxy = TcpProxy(5432)
    proxy.start()
    yield proxy
    proxy.cut()


def test_the_database_going_away_is_a_clear_503_and_service_comes_back(
    settings: Settings,
    speech_models: SpeechModels,
    tmp_path: Path,
    postgres_url: str,
    database_proxy: TcpProxy,
) -> None:
    url = postgres_url.replace(":5432/", f":{database_proxy.port}/")
    service = ServiceSettings(data_dir=tmp_path / "data", database_url=url)
    proxied = settings.model_copy(update={"service": service})
    headers = new_token(proxied)
    with TestClient(create_app(proxied, models=speech_models)) as client:
        assert client.get(f"{API}/meetings", headers=headers).status_code == 200
        database_proxy.cut()
        for path in ("/health", "/meetings"):
            response = client.get(f"{API}{path}", headers=headers)
            assert response.status_code == 503, response.text
            assert "database" in response.json()["detail"] and response.headers["retry-after"]
        upload = client.post(
            f"{API}/meetings", headers=headers, files={"file": ("t.json", TRANSCRIPT.read_bytes())}
        )
        assert upload.status_code == 503
        assert not any(p.is_file() for p in (tmp_path / "data").rglob("*"))

        database_proxy.start()
        deadline = time.monotonic() + 30
        while client.get(f"{API}/health").status_code != 200:
            assert time.monotonic() < deadline, "the service did not come back"
            time.sleep(0.2)
        assert client.get(f"{API}/meetings", headers=headers).json()["total"] == 0


def test_a_queue_that_comes_back_takes_jobs_again(
    settings: Settings, tmp_path: Path, postgres_url: str
) -> None:
    redis.Redis.from_url("redis://127.0.0.1:6379/14").flushdb()
    proxy = TcpProxy(6379)
    proxy.start()
    service = ServiceSettings(
        data_dir=tmp_path / "data",
        database_url=postgres_url,
        broker_url=f"redis://127.0.0.1:{proxy.port}/14",
    )
    queued = settings.model_copy(update={"service": service})
    headers = new_token(queued)
    files = {"file": ("t.json", TRANSCRIPT.read_bytes())}
    try:
        with TestClient(create_app(queued)) as client:
            assert client.post(f"{API}/meetings", headers=headers, files=files).status_code == 201
            proxy.cut()
            refused = client.post(f"{API}/meetings", headers=headers, files=files)
            assert refused.status_code == 503 and "queue" in refused.json()["detail"]
            proxy.start()
            again = client.post(f"{API}/meetings", headers=headers, files=files)
            assert again.status_code == 201, again.text
            assert client.get(f"{API}/meetings", headers=headers).json()["total"] == 2
        waiting = redis.Redis.from_url("redis://127.0.0.1:6379/14").llen(
            "meeting-assistant.analysis"
        )
        assert waiting == 2  # both accepted jobs are in the queue for the workers
    finally:
        proxy.cut()
        redis.Redis.from_url("redis://127.0.0.1:6379/14").flushdb()


def test_too_many_requests_from_one_token_are_refused_for_a_while(
    settings: Settings, speech_models: SpeechModels, tmp_path: Path
) -> None:
    service = ServiceSettings(
        data_dir=tmp_path / "data",
        database_url=f"sqlite:///{tmp_path / 'm.db'}",
        rate_limit_per_minute=5,
    )
    limited = settings.model_copy(update={"service": service})
    first, second = new_token(limited), new_token(limited)
    with TestClient(create_app(limited, models=speech_models)) as client:
        answers = [client.get(f"{API}/meetings", headers=first).status_code for _ in range(7)]
        assert answers == [200] * 5 + [429] * 2
        refused = client.get(f"{API}/meetings", headers=first)
        assert 0 < int(refused.headers["retry-after"]) <= 60
        assert client.get(f"{API}/meetings", headers=second).status_code == 200  # per token
        assert client.get(f"{API}/health").status_code == 200  # never limited
