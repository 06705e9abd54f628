"""docker-compose.yml runs the scaled setup: checked by parsing it (and by ``docker compose
config`` where a compose binary exists; this machine has none)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import yaml

from assistant.config import ServiceSettings

REPO = Path(__file__).resolve().parents[2]


def test_compose_runs_api_workers_store_queue_and_mail_with_health_checks() -> None:
    compose: dict[str, Any] = yaml.safe_load((REPO / "docker-compose.yml").read_text())
    services = compose["services"]
    assert set(services) == {"api", "worker", "postgres", "redis", "mail"}
    assert all("healthcheck" in service for service in services.values())

    api, worker = services["api"], services["worker"]
    assert api["command"][:2] == ["meeting-assistant", "serve"] and "8000" in api["command"]
    assert api["ports"] == ["127.0.0.1:8000:8000"]  # loopback unless put behind a proxy
    assert worker["command"] == ["meeting-assistant", "worker"]
    for service in (api, worker):
        assert service["build"] == "."
        assert {name: dep["condition"] for name, dep in service["depends_on"].items()} == {
            "postgres": "service_healthy",
            "redis": "service_healthy",
        }
        env = service["environment"]
        # The same settings the service reads, and valid for it.
        settings = ServiceSettings(
            data_dir=env["MA_SERVICE__DATA_DIR"],
            database_url=env["MA_SERVICE__DATABASE_URL"],
            broker_url=env["MA_SERVICE__BROKER_URL"],
        )
        assert settings.sqlalchemy_url().startswith("postgresql+psycopg://meetings:")
        assert "@postgres:5432/meetings" in settings.sqlalchemy_url()
        assert env["MA_SERVICE__BROKER_URL"] == "redis://redis:6379/0"
        # API and workers see the same uploads.
        assert f"media:{env['MA_SERVICE__DATA_DIR']}" in service["volumes"]
    assert services["postgres"]["volumes"] == ["database:/var/lib/postgresql/data"]
    assert set(compose["volumes"]) == {"media", "database", "queue"}
    assert (REPO / "Dockerfile").read_text().count("meeting-assistant") >= 1

    binary = shutil.which("docker-compose")
    command = [binary] if binary else None
    docker = shutil.which("docker")
    if command is None and docker is not None:
        probe = subprocess.run([docker, "compose", "version"], check=False, capture_output=True)
        command = [docker, "compose"] if probe.returncode == 0 else None
    if command is not None:
        checked = subprocess.run(
            [*command, "-f", str(REPO / "docker-compose.yml"), "config", "-q"],
            check=False,
            capture_output=True,
            text=True,
        )
        assert checked.returncode == 0, checked.stderr


def test_production_refuses_placeholder_passwords() -> None:
    import pytest
    from pydantic import ValidationError

    url = "postgresql+psycopg://meetings:changeme@db/meetings"
    assert ServiceSettings(database_url=url).sqlalchemy_url() == url  # development: allowed
    with pytest.raises(ValidationError, match="placeholder password"):
        ServiceSettings(environment="production", database_url=url)
    real = "postgresql+psycopg://meetings:Zq8-v1Lr@db/meetings"
    assert ServiceSettings(environment="production", database_url=real).sqlalchemy_url() == real
