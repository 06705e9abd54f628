"""What a team keeps across meetings: action items, follow-through, private feedback, metrics,
retention."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import select

from api.jobs import meeting_folder, sweep_retention
from api.store.tables import MeetingRow
from assistant.config import Settings

from .conftest import API, new_token, state

TRANSCRIPT = Path(__file__).resolve().parents[1] / "data" / "transcript_valid.json"


def _analysed(client: TestClient, headers: dict[str, str], **fields: str) -> str:
    response = client.post(
        f"{API}/meetings",
        headers=headers,
        files={"file": ("call.json", TRANSCRIPT.read_bytes())},
        data=fields,
    )
    assert response.status_code == 201, response.text
    state(client).jobs.wait(timeout=60)
    meeting_id: str = response.json()["id"]
    return meeting_id


def test_action_items_are_listed_updated_and_exported(
    client: TestClient, service_settings: Settings
) -> None:
    headers = new_token(service_settings)
    meeting_id = _analysed(client, headers)
    report = client.get(f"{API}/meetings/{meeting_id}/report", headers=headers).json()
    page = client.get(f"{API}/action-items", headers=headers).json()
    assert page["total"] == len(report["action_items"]) > 0
    item = page["items"][0]
    assert item["status"] == "open" and item["meeting_id"] == meeting_id

    changed = client.patch(
        f"{API}/action-items/{item['id']}",
        headers=headers,
        json={"status": "done", "owner": "Carol", "due": "2026-04-01"},
    ).json()
    assert (changed["status"], changed["owner"], changed["due"]) == ("done", "Carol", "2026-04-01")
    mine = client.get(f"{API}/action-items", headers=headers, params={"owner": "carol"}).json()
    assert [i["id"] for i in mine["items"]] == [item["id"]]
    still_open = client.get(f"{API}/action-items", headers=headers, params={"status": "open"})
    assert item["id"] not in [i["id"] for i in still_open.json()["items"]]
    due = client.get(f"{API}/action-items", headers=headers, params={"due_before": "2026-04-01"})
    assert item["id"] in [i["id"] for i in due.json()["items"]]

    for body in ({"status": None}, {}, {"status": "later"}, {"colour": "red"}, {"due": "soon"}):
        response = client.patch(f"{API}/action-items/{item['id']}", headers=headers, json=body)
        assert response.status_code == 422, body
    bad_json = client.patch(
        f"{API}/action-items/{item['id']}",
        headers={**headers, "Content-Type": "application/json"},
        content=b"{not json",
    )
    assert bad_json.status_code == 422
    assert (
        client.patch(
            f"{API}/action-items/999999", headers=headers, json={"status": "done"}
        ).status_code
        == 404
    )

    exported = client.get(f"{API}/action-items.csv", headers=headers)
    assert exported.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(exported.text)))
    assert len(rows) == page["total"]
    assert {r["id"]: r["status"] for r in rows}[str(item["id"])] == "done"

    other = new_token(service_settings, "globex")
    assert client.get(f"{API}/action-items", headers=other).json()["total"] == 0
    assert (
        client.patch(
            f"{API}/action-items/{item['id']}", headers=other, json={"status": "open"}
        ).status_code
        == 404
    )


def test_a_new_meeting_follows_up_the_teams_earlier_items(
    client: TestClient, service_settings: Settings
) -> None:
    headers = new_token(service_settings)
    first = _analysed(client, headers, date="2026-03-03")
    earlier = client.get(f"{API}/meetings/{first}/report", headers=headers).json()
    second = _analysed(client, headers, date="2026-03-10", title="Second call")
    report = client.get(f"{API}/meetings/{second}/report", headers=headers).json()
    followed = {item["text"] for item in report["follow_up"]}
    assert followed and followed <= {item["text"] for item in earlier["action_items"]}
    # Another team's meetings are never anyone else's history.
    other = new_token(service_settings, "globex")
    theirs = _analysed(client, other)
    assert client.get(f"{API}/meetings/{theirs}/report", headers=other).json()["follow_up"] == []


def test_feedback_is_private_to_the_person_and_admins(
    client: TestClient, service_settings: Settings
) -> None:
    admin = new_token(service_settings)
    _analysed(client, admin)
    _analysed(client, admin)
    alice = new_token(service_settings, admin=False, person="Alice Martin")
    bob = new_token(service_settings, admin=False, person="Bob Okafor")

    own = client.get(f"{API}/people/alice martin/feedback", headers=alice)
    assert own.status_code == 200
    meetings = own.json()["meetings"]
    assert len(meetings) == 2 and all(0 < m["talk_share"] < 1 for m in meetings)
    assert client.get(f"{API}/people/Alice Martin/feedback", headers=admin).json() == own.json()
    forbidden = client.get(f"{API}/people/Alice Martin/feedback", headers=bob)
    assert forbidden.status_code == 403
    unknown = client.get(f"{API}/people/Nobody/feedback", headers=admin)
    assert unknown.status_code == 404
    # Another team's admin finds nobody of that name among its own meetings.
    other = new_token(service_settings, "globex")
    assert client.get(f"{API}/people/Alice Martin/feedback", headers=other).status_code == 404


def test_metrics_count_the_teams_meetings_and_need_an_admin(
    client: TestClient, service_settings: Settings
) -> None:
    admin = new_token(service_settings)
    _analysed(client, admin)
    text = client.get(f"{API}/metrics", headers=admin).text
    lines = dict(
        line.rsplit(" ", 1) for line in text.splitlines() if line and not line.startswith("#")
    )
    assert float(lines['meeting_assistant_meetings{status="done"}']) == 1
    assert float(lines["meeting_assistant_queue_depth"]) == 0
    assert float(lines["meeting_assistant_job_duration_seconds_count"]) == 1
    assert float(lines["meeting_assistant_real_time_factor"]) > 0
    person = new_token(service_settings, admin=False, person="Alice Martin")
    assert client.get(f"{API}/metrics", headers=person).status_code == 403
    assert client.get(f"{API}/metrics").status_code == 401


def test_retention_deletes_old_media_and_keeps_the_report(
    client: TestClient, service_settings: Settings
) -> None:
    headers = new_token(service_settings)
    meeting_id = _analysed(client, headers)
    database = state(client).database
    with database.session() as session:
        row = session.get(MeetingRow, meeting_id)
        assert row is not None
        folder = meeting_folder(service_settings, row.team_id, meeting_id)
    upload = folder / "upload.json"
    assert upload.is_file()

    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=31)
    assert sweep_retention(database, service_settings, later) == 0  # no retention set
    service = service_settings.service.model_copy(update={"retention_days": 30})
    keeping = service_settings.model_copy(update={"service": service})
    assert sweep_retention(database, keeping, dt.datetime.now(dt.UTC)) == 0  # not old yet
    assert sweep_retention(database, keeping, later) == 1
    assert not upload.exists() and (folder / "report.json").is_file()
    meeting = client.get(f"{API}/meetings/{meeting_id}", headers=headers).json()
    assert meeting["media_kept"] is False
    assert client.get(f"{API}/meetings/{meeting_id}/report", headers=headers).status_code == 200
    with database.session() as session:
        assert session.scalars(select(MeetingRow.media_deleted_at)).one() is not None
