"""Uploading, following, reading and deleting meetings, on SQLite and PostgreSQL."""

from __future__ import annotations

import io
import json
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import select

from api.store.tables import ActionItemRow, ApiToken, MeetingRow
from assistant.config import Settings

from .conftest import API, new_token, state

TRANSCRIPT = Path(__file__).resolve().parents[1] / "data" / "transcript_valid.json"


def _upload(
    client: TestClient,
    headers: dict[str, str],
    content: bytes,
    name: str = "call.bin",
    **fields: str,
) -> tuple[int, dict[str, object]]:
    response = client.post(
        f"{API}/meetings", headers=headers, files={"file": (name, content)}, data=fields
    )
    return response.status_code, response.json()


def _folders(settings: Settings) -> list[Path]:
    root = settings.service.data_dir / "meetings"
    return [p for p in root.glob("*/*") if p.is_dir()] if root.exists() else []


def _rows(client: TestClient) -> list[MeetingRow]:
    with state(client).database.session() as session:
        return list(session.scalars(select(MeetingRow)).all())


def test_a_recording_goes_from_upload_to_report(
    client: TestClient, service_settings: Settings, data_dir: Path
) -> None:
    headers = new_token(service_settings)
    recording = (data_dir / "whisper-clips" / "jfk.flac").read_bytes()
    status, created = _upload(
        client, headers, recording, "JFK inaugural.flac", date="1961-01-20", participants="John"
    )
    assert status == 201 and created["status"] == "queued"
    meeting_id = created["id"]
    state(client).jobs.wait(timeout=300)

    meeting = client.get(f"{API}/meetings/{meeting_id}", headers=headers).json()
    assert meeting["status"] == "done", meeting
    assert (meeting["title"], meeting["date"], meeting["progress"]) == (
        "JFK inaugural",
        "1961-01-20",
        1.0,
    )
    assert meeting["participants"] == ["John"] and 10 < meeting["duration_s"] < 12

    report = client.get(f"{API}/meetings/{meeting_id}/report", headers=headers).json()
    text = " ".join(s["text"] for s in report["segments"]).lower()
    assert "ask not what your country can do for you" in text.replace(",", "")
    assert [p["name"] for p in report["participants"]] == ["John"]
    vtt = client.get(f"{API}/meetings/{meeting_id}/transcript.vtt", headers=headers)
    srt = client.get(f"{API}/meetings/{meeting_id}/transcript.srt", headers=headers)
    digest = client.get(f"{API}/meetings/{meeting_id}/digest.html", headers=headers)
    assert vtt.text.startswith("WEBVTT") and "country" in vtt.text
    assert srt.text.startswith("1\n") and "country" in srt.text
    rttm = client.get(f"{API}/meetings/{meeting_id}/transcript.rttm", headers=headers)
    john = report["participants"][0]["id"]
    assert rttm.text.splitlines() == [
        f"SPEAKER JFK_inaugural 1 {t['start']:.3f} {t['end'] - t['start']:.3f} <NA> <NA> "
        f"{john} <NA> <NA>"
        for t in report["speaker_turns"]
    ]
    assert rttm.text  # jfk speaks
    assert digest.headers["content-type"].startswith("text/html") and "JFK" in digest.text

    page = client.get(f"{API}/meetings", headers=headers, params={"participant": "john"}).json()
    assert [m["id"] for m in page["items"]] == [meeting_id] and page["total"] == 1
    none = client.get(f"{API}/meetings", headers=headers, params={"date_to": "1960-12-31"})
    assert none.json()["items"] == []


def test_a_transcript_is_analysed_and_its_action_items_stored(
    client: TestClient, service_settings: Settings
) -> None:
    headers = new_token(service_settings)
    # Named .wav: what an upload is comes from its content, never its name.
    status, created = _upload(client, headers, TRANSCRIPT.read_bytes(), "renewal.wav")
    assert status == 201
    state(client).jobs.wait(timeout=60)
    meeting = client.get(f"{API}/meetings/{created['id']}", headers=headers).json()
    assert meeting["status"] == "done" and meeting["title"] == "Acme renewal call"
    report = client.get(f"{API}/meetings/{created['id']}/report", headers=headers).json()
    with state(client).database.session() as session:
        items = session.scalars(select(ActionItemRow)).all()
        assert sorted(i.text for i in items) == sorted(a["text"] for a in report["action_items"])
        assert items and all(i.meeting_id == created["id"] for i in items)


def test_the_account_given_at_upload_is_stored_shown_and_used_by_the_crm_record(
    client: TestClient, service_settings: Settings
) -> None:
    headers = new_token(service_settings)
    status, created = _upload(client, headers, TRANSCRIPT.read_bytes(), account="  Contoso ")
    assert status == 201
    state(client).jobs.wait(timeout=60)
    meeting = client.get(f"{API}/meetings/{created['id']}", headers=headers).json()
    assert meeting["status"] == "done" and meeting["account"] == "Contoso"  # trimmed
    listed = client.get(f"{API}/meetings", headers=headers).json()["items"]
    assert [m["account"] for m in listed] == ["Contoso"]
    with state(client).database.session() as session:
        row = session.get(MeetingRow, created["id"])
        assert row is not None and row.account == "Contoso"
    crm = f"{API}/meetings/{created['id']}/crm.json"
    assert client.get(crm, headers=headers).json()["account"] == {"name": "Contoso"}
    overridden = client.get(crm, headers=headers, params={"account": "Contoso GmbH"}).json()
    assert overridden["account"] == {"name": "Contoso GmbH"}
    # Blank is no account.
    _, blank = _upload(client, headers, TRANSCRIPT.read_bytes(), account="   ")
    assert client.get(f"{API}/meetings/{blank['id']}", headers=headers).json()["account"] is None
    state(client).jobs.wait(timeout=60)


def test_a_bad_account_is_refused_with_422_wherever_it_comes_in(
    client: TestClient, service_settings: Settings
) -> None:
    headers = new_token(service_settings)
    for account in ("x" * 201, "Contoso\nLtd"):
        status, body = _upload(client, headers, TRANSCRIPT.read_bytes(), account=account)
        assert status == 422 and "account" in str(body["detail"]), body
    assert _folders(service_settings) == [] and _rows(client) == []
    # 200 characters once trimmed are fine.
    status, _ = _upload(client, headers, TRANSCRIPT.read_bytes(), account=f" {'y' * 200} ")
    assert status == 201
    bot = {"url": "http://127.0.0.1:9/janus", "room": 1234, "account": "x" * 201}
    refused = client.post(f"{API}/bots", headers=headers, json=bot)
    assert refused.status_code == 422 and "account" in str(refused.json()["detail"])
    whip = client.post(
        f"{API}/whip",
        headers={**headers, "Content-Type": "application/sdp"},
        params={"account": "x" * 201},
        content=b"v=0\r\n",
    )
    assert whip.status_code == 422 and "account" in str(whip.json()["detail"])
    whip = client.post(
        f"{API}/whip",
        headers={**headers, "Content-Type": "application/sdp"},
        params={"account": "Contoso\u0007"},
        content=b"v=0\r\n",
    )
    assert whip.status_code == 422 and "control characters" in whip.json()["detail"]
    state(client).jobs.wait(timeout=60)
    assert [row.account for row in _rows(client)] == ["y" * 200]


def test_every_route_but_health_needs_a_known_token(
    client: TestClient, service_settings: Settings
) -> None:
    assert client.get(f"{API}/health").json() == {"status": "ok"}
    for headers in ({}, {"Authorization": "Bearer ma_nope_nope"}, {"Authorization": "Basic x"}):
        response = client.get(f"{API}/meetings", headers=headers)
        assert response.status_code == 401 and response.headers["www-authenticate"] == "Bearer"
        assert client.post(f"{API}/meetings", headers=headers).status_code == 401
    # A real token with a wrong secret is refused too; the secret is never stored as is.
    real = new_token(service_settings)["Authorization"]
    forged = real[: real.rindex("_") + 1] + "x" * 43
    assert client.get(f"{API}/meetings", headers={"Authorization": forged}).status_code == 401
    with state(client).database.session() as session:
        stored = session.scalars(select(ApiToken.secret_sha256)).all()
        assert stored and real.split("_", 2)[2] not in stored


def test_another_team_sees_nothing_and_a_person_only_their_own_coaching(
    client: TestClient, service_settings: Settings
) -> None:
    admin = new_token(service_settings, "acme")
    _, created = _upload(client, admin, TRANSCRIPT.read_bytes(), "call.json")
    state(client).jobs.wait(timeout=60)
    meeting = f"{API}/meetings/{created['id']}"

    other = new_token(service_settings, "globex")
    assert client.get(f"{API}/meetings", headers=other).json()["items"] == []
    for path in ("", "/report", "/transcript.vtt", "/digest.html"):
        response = client.get(meeting + path, headers=other)
        assert response.status_code == 404 and "no meeting" in response.json()["detail"]
    assert client.delete(meeting, headers=other).status_code == 404

    full = client.get(f"{meeting}/report", headers=admin).json()
    assert len(full["coaching"]) >= 2
    alice = new_token(service_settings, "acme", admin=False, person="Alice Martin")
    own = client.get(f"{meeting}/report", headers=alice).json()
    assert [c["participant"] for c in own["coaching"]] == ["alice"]
    assert client.delete(meeting, headers=alice).status_code == 403


def test_delete_removes_the_meeting_its_items_and_every_file(
    client: TestClient, service_settings: Settings
) -> None:
    headers = new_token(service_settings)
    _, created = _upload(client, headers, TRANSCRIPT.read_bytes())
    state(client).jobs.wait(timeout=60)
    (folder,) = _folders(service_settings)
    assert {p.name for p in folder.iterdir()} >= {"upload.json", "report.json", "digest.html"}
    assert client.delete(f"{API}/meetings/{created['id']}", headers=headers).status_code == 204
    assert not folder.exists() and _rows(client) == []
    with state(client).database.session() as session:
        assert session.scalars(select(ActionItemRow)).all() == []
    assert client.get(f"{API}/meetings/{created['id']}", headers=headers).status_code == 404


def test_bad_uploads_get_a_clear_error_and_leave_nothing_behind(
    client: TestClient, service_settings: Settings, data_dir: Path
) -> None:
    headers = new_token(service_settings)
    wav = (data_dir / "pyannote-sample" / "sample.wav").read_bytes()
    cases = [
        (b"", {}, 400, "empty"),
        (b"not media at all" * 100, {}, 422, ""),
        (b'{"meeting": ', {}, 400, "JSON"),
        (b'{"meeting": {}, "segments": "no"}', {}, 422, ""),
        (wav, {"date": "tomorrow"}, 400, "YYYY-MM-DD"),
        (wav, {"language": "english"}, 400, "ISO 639-1"),
        (wav, {"colour": "blue"}, 400, "unknown form fields"),
    ]
    for content, fields, expected, says in cases:
        status, body = _upload(client, headers, content, **fields)
        assert status == expected, (content[:20], body)
        detail = str(body["detail"])
        assert says in detail and str(service_settings.service.data_dir) not in detail
    not_multipart = client.post(
        f"{API}/meetings", headers={**headers, "Content-Type": "application/json"}, content=b"{}"
    )
    assert not_multipart.status_code == 400 and "multipart" in not_multipart.json()["detail"]
    garbled = client.post(
        f"{API}/meetings",
        headers={**headers, "Content-Type": "multipart/form-data; boundary=XYZ"},
        content=b"--XYZ\r\nno headers end here" + b"\xff" * 5000,
    )
    assert garbled.status_code == 400
    no_file = client.post(f"{API}/meetings", headers=headers, files={"title": (None, "x")})
    assert no_file.status_code == 400 and "'file'" in no_file.json()["detail"]
    assert _folders(service_settings) == [] and _rows(client) == []


def test_an_oversized_upload_is_refused_as_it_streams(
    service_settings: Settings, speech_models: object, data_dir: Path
) -> None:
    from api.app import create_app

    service = service_settings.service.model_copy(update={"max_upload_mb": 0.1})
    settings = service_settings.model_copy(update={"service": service})
    headers = new_token(settings)
    with TestClient(create_app(settings, models=speech_models)) as client:  # type: ignore[arg-type]
        big = (data_dir / "pyannote-sample" / "sample.wav").read_bytes()  # ~1 MB
        status, body = _upload(client, headers, big)
        assert status == 413 and "0.1 MB" in str(body["detail"])
        assert _folders(settings) == [] and _rows(client) == []


def test_a_recording_that_fails_analysis_is_failed_with_its_reason(
    client: TestClient, service_settings: Settings
) -> None:
    import wave

    headers = new_token(service_settings)
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:  # 50 ms: valid media, too short to analyse
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16000)
        out.writeframes(b"\x00\x00" * 800)
    status, created = _upload(client, headers, buffer.getvalue())
    assert status == 201
    state(client).jobs.wait(timeout=60)
    meeting = client.get(f"{API}/meetings/{created['id']}", headers=headers).json()
    assert meeting["status"] == "failed" and meeting["error"]
    assert "\n" not in meeting["error"] and "Traceback" not in meeting["error"]
    report = client.get(f"{API}/meetings/{created['id']}/report", headers=headers)
    assert report.status_code == 409 and "failed" in report.json()["detail"]


def test_a_meeting_left_processing_by_a_dead_process_is_run_again(
    service_settings: Settings, speech_models: object
) -> None:
    from api.app import create_app

    headers = new_token(service_settings)
    with TestClient(create_app(service_settings, models=speech_models)) as client:  # type: ignore[arg-type]
        _, created = _upload(client, headers, TRANSCRIPT.read_bytes())
        state(client).jobs.wait(timeout=60)
        with state(client).database.session() as session:
            row = session.get(MeetingRow, created["id"])
            assert row is not None
            row.status, row.progress = "processing", 0.4  # as a process killed mid-job leaves it
    with TestClient(create_app(service_settings, models=speech_models)) as client:  # type: ignore[arg-type]
        state(client).jobs.wait(timeout=60)
        meeting = client.get(f"{API}/meetings/{created['id']}", headers=headers).json()
        assert meeting["status"] == "done" and meeting["progress"] == 1.0
        with state(client).database.session() as session:
            row = session.get(MeetingRow, created["id"])
            items = session.scalars(select(ActionItemRow)).all()
            assert row is not None and row.attempts == 2
        report = json.loads(
            client.get(f"{API}/meetings/{created['id']}/report", headers=headers).text
        )
        # Run twice, stored once.
        assert len(items) == len(report["action_items"])


def test_the_openapi_schema_documents_the_routes(client: TestClient) -> None:
    schema = client.get(f"{API}/openapi.json").json()
    paths = schema["paths"]
    assert {f"{API}/meetings", f"{API}/meetings/{{meeting_id}}/report", f"{API}/health"} <= set(
        paths
    )
    upload = paths[f"{API}/meetings"]["post"]["requestBody"]["content"]
    assert "file" in upload["multipart/form-data"]["schema"]["properties"]


def test_a_client_that_goes_away_mid_upload_leaves_no_meeting_and_no_file(
    client: TestClient, service_settings: Settings
) -> None:
    from starlette.requests import ClientDisconnect

    headers = new_token(service_settings)
    head = b'--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.wav"\r\n\r\n'
    messages = [
        {"type": "http.request", "body": head + b"\x00" * 200_000, "more_body": True},
        {"type": "http.request", "body": b"\x00" * 200_000, "more_body": True},
        {"type": "http.disconnect"},
    ]
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": f"{API}/meetings",
        "raw_path": f"{API}/meetings".encode(),
        "root_path": "",
        "query_string": b"",
        "server": ("testserver", 80),
        "client": ("127.0.0.1", 50000),
        "headers": [
            (b"authorization", headers["Authorization"].encode()),
            (b"content-type", b"multipart/form-data; boundary=XYZ"),
        ],
    }

    async def receive() -> dict[str, object]:
        return messages.pop(0)

    async def send(message: dict[str, object]) -> None:
        return None

    async def upload() -> str:
        try:
            await client.app(scope, receive, send)  # type: ignore[arg-type]
        except ClientDisconnect:
            return "disconnected"
        return "answered"

    assert client.portal is not None
    assert client.portal.call(upload) == "disconnected"
    assert messages == [] and _folders(service_settings) == [] and _rows(client) == []


def test_a_hostile_file_name_never_becomes_a_path(
    client: TestClient, service_settings: Settings
) -> None:
    headers = new_token(service_settings)
    status, created = _upload(
        client, headers, TRANSCRIPT.read_bytes(), "../../../../tmp/x\x00.json"
    )
    assert status == 201
    state(client).jobs.wait(timeout=60)
    (folder,) = _folders(service_settings)
    assert folder.name == created["id"]
    written = {p.relative_to(service_settings.service.data_dir) for p in folder.parent.rglob("*")}
    assert all(str(path).startswith("meetings/") for path in written)
    assert not Path("/tmp/x.json").exists()


def test_cors_is_closed_unless_origins_are_named(
    service_settings: Settings, speech_models: object
) -> None:
    from api.app import create_app

    preflight = {
        "Origin": "https://evil.example",
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "Authorization",
    }
    with TestClient(create_app(service_settings, models=speech_models)) as client:  # type: ignore[arg-type]
        response = client.options(f"{API}/meetings", headers=preflight)
        assert "access-control-allow-origin" not in response.headers
    service = service_settings.service.model_copy(update={"cors_origins": ["https://app.example"]})
    opened = service_settings.model_copy(update={"service": service})
    with TestClient(create_app(opened, models=speech_models)) as client:  # type: ignore[arg-type]
        allowed = client.options(
            f"{API}/meetings", headers={**preflight, "Origin": "https://app.example"}
        )
        assert allowed.headers["access-control-allow-origin"] == "https://app.example"
        refused = client.options(f"{API}/meetings", headers=preflight)
        assert "access-control-allow-origin" not in refused.headers
