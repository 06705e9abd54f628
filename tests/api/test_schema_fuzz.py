"""Every documented route, fed generated requests (schemathesis, from the OpenAPI schema):
whatever the input, never a server error."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error

from api.app import create_app
from assistant.config import ServiceSettings, Settings
from assistant.processing.speech import SpeechModels

from .conftest import API, new_token


@pytest.fixture(scope="module")
def fuzzed(
    settings: Settings, speech_models: SpeechModels, tmp_path_factory: pytest.TempPathFactory
) -> tuple[FastAPI, dict[str, str]]:
    folder: Path = tmp_path_factory.mktemp("fuzz")
    service = ServiceSettings(
        data_dir=folder / "data", database_url=f"sqlite:///{folder / 'meetings.db'}"
    )
    fuzz_settings = settings.model_copy(update={"service": service})
    return create_app(fuzz_settings, models=speech_models), new_token(fuzz_settings)


def test_no_generated_request_gets_a_server_error(
    fuzzed: tuple[FastAPI, dict[str, str]],
) -> None:
    app, headers = fuzzed
    schema = schemathesis.openapi.from_asgi(f"{API}/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 12  # every route of the API is documented and fuzzed
    answered: dict[str, set[int]] = {}

    for operation in operations:
        _fuzz(operation, headers, answered)

    # Every route answered, and the generated input reached past validation somewhere.
    assert set(answered) == {operation.label for operation in operations}
    statuses = set().union(*answered.values())
    assert any(200 <= status < 300 for status in statuses) and 422 in statuses, answered


def _fuzz(operation: Any, headers: dict[str, str], answered: dict[str, set[int]]) -> None:
    """Up to 25 generated requests to one route; any server error fails."""

    @given(case=operation.as_strategy())
    @hypothesis_settings(
        max_examples=25,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def no_server_error(case: schemathesis.Case) -> None:
        response = case.call(headers=headers)
        answered.setdefault(operation.label, set()).add(response.status_code)
        if _rooms_not_configured(operation, response):
            return
        case.validate_response(response, checks=[not_a_server_error])

    no_server_error()


def _rooms_not_configured(operation: Any, response: Any) -> bool:
    """This app has no Janus (rooms.janus_url): making a room is 503, saying so."""
    return (
        operation.method.upper() == "POST"
        and operation.path == f"{API}/rooms"
        and response.status_code == 503
        and "rooms.janus_url" in response.json()["detail"]
    )
