"""The API against a real store: SQLite in a temporary folder, or the PostgreSQL this machine
runs (127.0.0.1:5432, database ``test``), each test in its own schema."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from starlette.websockets import WebSocketDisconnect

from api.app import create_app
from api.auth import create_token
from api.deps import ServiceState
from api.store.database import Database, upgrade_database
from api.store.tables import RoomRow, Team
from assistant.config import ServiceSettings, Settings
from assistant.processing.speech import SpeechModels
from bench.common import postgres_schema

API = "/api/v1"


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh schema in the machine's PostgreSQL, dropped afterwards."""
    with postgres_schema() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'meetings.db'}"
    url: str = request.getfixturevalue("postgres_url")
    return url


@pytest.fixture
def service_settings(settings: Settings, tmp_path: Path, database_url: str) -> Settings:
    service = ServiceSettings(data_dir=tmp_path / "data", database_url=database_url)
    return settings.model_copy(update={"service": service})


@pytest.fixture
def client(service_settings: Settings, speech_models: SpeechModels) -> Iterator[TestClient]:
    with TestClient(create_app(service_settings, models=speech_models)) as test_client:
        yield test_client


def new_token(
    settings: Settings, team: str = "acme", *, admin: bool = True, person: str | None = None
) -> dict[str, str]:
    """Authorization headers of a new token (as ``meeting-assistant token create`` makes)."""
    url = settings.service.sqlalchemy_url()
    upgrade_database(url)
    database = Database(url)
    with database.session() as session:
        token = create_token(session, team, admin=admin, person=person)
    database.dispose()
    return {"Authorization": f"Bearer {token}"}


def state(client: TestClient) -> ServiceState:
    service: ServiceState = client.app.state.service  # type: ignore[attr-defined]
    return service


def closed_with(client: TestClient, path: str, **options: Any) -> tuple[int, str]:
    """The close code and reason of a websocket the server closes before sending anything."""
    with (
        client.websocket_connect(path, **options) as websocket,
        pytest.raises(WebSocketDisconnect) as closed,
    ):
        websocket.receive_json()
    return closed.value.code, closed.value.reason


def add_room(
    settings: Settings,
    room_id: str,
    host_key: str,
    *,
    janus_room: int,
    auto_bot: bool,
    require_host_invite: bool,
    team: str = "acme",
) -> RoomRow:
    """A room "Pricing call" of ``team`` as ``POST /rooms`` stores it (its VideoRoom is made on
    demand, so nothing here reaches for a Janus)."""
    database = Database(settings.service.sqlalchemy_url())
    with database.session() as session:
        team_id = session.scalar(select(Team.id).where(Team.name == team))
        assert team_id is not None
        row = RoomRow(
            id=room_id,
            team_id=team_id,
            title="Pricing call",
            janus_room=janus_room,
            pin="1234",
            auto_bot=auto_bot,
            require_host_invite=require_host_invite,
            host_key_sha256=hashlib.sha256(host_key.encode()).hexdigest(),
            created_at=dt.datetime.now(dt.UTC),
        )
        session.add(row)
        session.flush()
        session.expunge(row)
    database.dispose()
    return row
