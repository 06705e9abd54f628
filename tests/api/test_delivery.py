"""Delivery through the service, on SQLite and PostgreSQL: contacts and destinations managed
by admins (secrets never shown back, bad bodies and internal addresses refused with 422), a
finished meeting mailed to its participants' contacts and posted to the team's destinations
with every attempt recorded, a failing delivery that costs nothing, and the digest commands."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
import redis
from click.testing import CliRunner
from fastapi.testclient import TestClient

from api.app import create_app
from assistant.cli import cli
from assistant.config import DeliverySettings, ServiceSettings, Settings
from assistant.processing.speech import SpeechModels
from tests.delivery.servers import SmtpServer, free_port, receiver, smtp_server
from tests.delivery.test_webhooks import readme_verify

from .conftest import API, new_token, state

REPO = Path(__file__).resolve().parents[2]
TRANSCRIPT = REPO / "tests" / "data" / "transcript_valid.json"
SECRET = "webhook-secret-0123456789abcdef"
ALICE_TIP = "Top reps listen more than they talk"


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    with smtp_server() as server:
        yield server


def _with_delivery(settings: Settings, port: int) -> Settings:
    delivery = DeliverySettings(
        smtp_host="127.0.0.1",
        smtp_port=port,
        smtp_security="none",
        sender="digest@example.com",
        attempts=3,
        backoff_s=0.01,
        timeout_s=5,
        allowed_hosts=["127.0.0.1"],
    )
    return settings.model_copy(update={"delivery": delivery})


@pytest.fixture
def delivering(service_settings: Settings, smtp: SmtpServer) -> Settings:
    return _with_delivery(service_settings, smtp.port)


@pytest.fixture
def app_client(delivering: Settings, speech_models: SpeechModels) -> Iterator[TestClient]:
    with TestClient(create_app(delivering, models=speech_models)) as test_client:
        yield test_client


def _upload(client: TestClient, headers: dict[str, str]) -> str:
    response = client.post(
        f"{API}/meetings", headers=headers, files={"file": ("call.json", TRANSCRIPT.read_bytes())}
    )
    assert response.status_code == 201, response.text
    meeting_id: str = response.json()["id"]
    return meeting_id


def _by_recipient(server: SmtpServer) -> dict[str, EmailMessage]:
    return {to[0]: m for (_, to), m in zip(server.envelopes, server.messages, strict=True)}


def test_contacts_and_destinations_are_for_admins_and_secrets_stay_hidden(
    app_client: TestClient, delivering: Settings
) -> None:
    admin = new_token(delivering, "acme")
    person = new_token(delivering, "acme", admin=False, person="Alice Martin")
    other = new_token(delivering, "globex")
    made = app_client.post(
        f"{API}/contacts",
        headers=admin,
        json={"name": " Alice  Martin ", "email": "alice@example.com"},
    )
    assert made.status_code == 201 and made.json()["name"] == "Alice Martin"
    contact = made.json()["id"]
    again = app_client.post(
        f"{API}/contacts", headers=admin, json={"name": "alice martin", "email": "a@example.com"}
    )
    assert again.status_code == 409 and "already has a contact" in again.json()["detail"]
    changed = app_client.patch(f"{API}/contacts/{contact}", headers=admin, json={"weekly": True})
    assert changed.json()["weekly"] is True and changed.json()["email"] == "alice@example.com"

    hook_url = "http://127.0.0.1:9/hooks/T000/B000/very-secret-path"
    created = app_client.post(
        f"{API}/destinations",
        headers=admin,
        json={"kind": "webhook", "name": "CRM", "url": hook_url, "secret": SECRET},
    )
    assert created.status_code == 201, created.text
    shown = created.json()
    assert shown["url"] == "http://127.0.0.1:9/…" and shown["has_secret"] is True
    listed = app_client.get(f"{API}/destinations", headers=admin)
    for body in (
        created.text,
        listed.text,
        app_client.get(f"{API}/destinations/{shown['id']}", headers=admin).text,
    ):
        assert SECRET not in body and "very-secret-path" not in body
    renamed = app_client.patch(
        f"{API}/destinations/{shown['id']}", headers=admin, json={"enabled": False, "name": "CRM 2"}
    )
    assert renamed.json()["enabled"] is False and renamed.json()["name"] == "CRM 2"

    for route in ("/contacts", "/destinations", "/deliveries"):
        refused = app_client.get(f"{API}{route}", headers=person)
        assert refused.status_code == 403 and "admin token" in refused.json()["detail"]
        assert app_client.get(f"{API}{route}", headers=other).json() == []
    assert app_client.get(f"{API}/destinations/{shown['id']}", headers=other).status_code == 404
    assert app_client.delete(f"{API}/contacts/{contact}", headers=other).status_code == 404
    assert app_client.delete(f"{API}/destinations/{shown['id']}", headers=admin).status_code == 204
    assert app_client.delete(f"{API}/contacts/{contact}", headers=admin).status_code == 204
    assert app_client.get(f"{API}/contacts", headers=admin).json() == []


BAD_BODIES: list[tuple[str, dict[str, Any], str]] = [
    ("/destinations", {"kind": "irc", "name": "x", "url": "http://127.0.0.1/"}, "slack"),
    ("/destinations", {"kind": "slack", "name": "x"}, "url"),
    ("/destinations", {"kind": "slack", "name": "x", "url": "file:///etc/passwd"}, "scheme"),
    (
        "/destinations",
        {"kind": "slack", "name": "x", "url": "http://10.0.0.1/h"},
        "internal address",
    ),
    (
        "/destinations",
        {"kind": "slack", "name": "x", "url": "http://169.254.169.254/"},
        "internal address",
    ),
    (
        "/destinations",
        {"kind": "slack", "name": "x", "url": "http://[::1]:8080/"},
        "internal address",
    ),
    (
        "/destinations",
        {"kind": "teams", "name": "x", "url": "http://[::ffff:10.0.0.1]/"},
        "internal address",
    ),
    (
        "/destinations",
        {"kind": "slack", "name": "x", "url": "http://u:p@127.0.0.1/"},
        "user name",
    ),
    (
        "/destinations",
        {"kind": "webhook", "name": "x", "url": "http://127.0.0.1/"},
        "needs a secret",
    ),
    (
        "/destinations",
        {"kind": "webhook", "name": "x", "url": "http://127.0.0.1/", "secret": "short"},
        "16 characters",
    ),
    (
        "/destinations",
        {"kind": "slack", "name": "x", "url": "http://127.0.0.1/", "secret": SECRET},
        "takes no secret",
    ),
    ("/destinations", {"kind": "slack", "name": "", "url": "http://127.0.0.1/"}, "at least 1"),
    (
        "/destinations",
        {"kind": "slack", "name": "x", "url": "http://127.0.0.1/", "x": 1},
        "Extra inputs",
    ),
    ("/contacts", {"name": "Ada", "email": "not an address"}, "not an email address"),
    (
        "/contacts",
        {"name": "Ada", "email": "ada@example.com\r\nBcc: x@y.z"},
        "not an email address",
    ),
    ("/contacts", {"name": "   ", "email": "ada@example.com"}, "blank"),
    ("/contacts", {"name": "Ada", "email": "ada@example.com", "weekly": "often"}, "boolean"),
]


def test_bad_bodies_are_refused_with_a_clear_422(
    app_client: TestClient, delivering: Settings
) -> None:
    admin = new_token(delivering)
    for route, body, message in BAD_BODIES:
        response = app_client.post(f"{API}{route}", headers=admin, json=body)
        assert response.status_code == 422, (body, response.text)
        assert message in json.dumps(response.json()), (body, response.json())
    made = app_client.post(
        f"{API}/destinations",
        headers=admin,
        json={"kind": "slack", "name": "x", "url": "http://127.0.0.1:9/"},
    ).json()
    for change, message in (
        ({}, "at least one"),
        ({"secret": SECRET}, "takes no secret"),
        ({"url": "http://10.0.0.1/"}, "internal address"),
        ({"enabled": None}, "cannot be null"),
    ):
        response = app_client.patch(f"{API}/destinations/{made['id']}", headers=admin, json=change)
        assert response.status_code == 422 and message in response.text, response.text
    assert (
        app_client.get(f"{API}/destinations", headers=admin).json()[0]["url"]
        == "http://127.0.0.1:9/…"
    )


def test_a_finished_meeting_is_mailed_and_posted_and_every_attempt_recorded(
    app_client: TestClient, delivering: Settings, smtp: SmtpServer
) -> None:
    admin = new_token(delivering)
    for name, email in (("Alice Martin", "alice@example.com"), ("bob okafor", "bob@example.com")):
        assert (
            app_client.post(
                f"{API}/contacts", headers=admin, json={"name": name, "email": email}
            ).status_code
            == 201
        )
    with receiver([500, 200]) as hook, receiver([200]) as slack:
        for body in (
            {"kind": "webhook", "name": "CRM", "url": hook.url, "secret": SECRET},
            {"kind": "slack", "name": "#sales", "url": slack.url},
            {"kind": "teams", "name": "off", "url": slack.url, "enabled": False},
        ):
            assert (
                app_client.post(f"{API}/destinations", headers=admin, json=body).status_code == 201
            )
        meeting_id = _upload(app_client, admin)
        state(app_client).jobs.wait(timeout=60)
        meeting = app_client.get(f"{API}/meetings/{meeting_id}", headers=admin).json()
        assert meeting["status"] == "done"

        mails = _by_recipient(smtp)
        assert set(mails) == {"alice@example.com", "bob@example.com"}  # Carol has no contact
        alice = mails["alice@example.com"].get_body(("plain",)).get_content()  # type: ignore[union-attr]
        bob = mails["bob@example.com"].get_body(("plain",)).get_content()  # type: ignore[union-attr]
        assert ALICE_TIP in alice and "YOUR FEEDBACK, ALICE MARTIN" in alice
        assert (
            ALICE_TIP not in bob
            and "YOUR FEEDBACK, BOB OKAFOR" in bob
            and "ALICE MARTIN" not in bob
        )
        assert "Send the proposal" in alice and "Send the proposal" in bob

        assert len(hook.requests) == 2  # a 500, then delivered
        assert all(readme_verify()(SECRET, r.headers, r.body) for r in hook.requests)
        assert json.loads(hook.requests[1].body)["meeting"]["id"] == meeting_id
        assert len(slack.requests) == 1 and "blocks" in json.loads(slack.requests[0].body)

        attempts = app_client.get(
            f"{API}/deliveries", headers=admin, params={"meeting_id": meeting_id}
        ).json()
        seen = sorted((a["channel"], a["attempt"], a["status"], a["outcome"]) for a in attempts)
        assert seen == [
            ("email", 1, 250, "delivered"),
            ("email", 1, 250, "delivered"),
            ("slack", 1, 200, "delivered"),
            ("webhook", 1, 500, "retrying"),
            ("webhook", 2, 200, "delivered"),
        ]
        assert all(
            a["target"] != hook.url and "hook" not in a["target"]
            for a in attempts
            if a["channel"] != "email"
        )

        # Delivered again on request: what arrived is not sent twice.
        again = app_client.post(f"{API}/meetings/{meeting_id}/deliveries", headers=admin)
        assert again.status_code == 202
        state(app_client).jobs.wait(timeout=60)
        assert len(smtp.messages) == 2 and len(hook.requests) == 2 and len(slack.requests) == 1


def test_a_delivery_that_fails_costs_the_meeting_nothing(
    service_settings: Settings, speech_models: SpeechModels
) -> None:
    settings = _with_delivery(service_settings, free_port())  # nobody listens there
    with TestClient(create_app(settings, models=speech_models)) as client:
        admin = new_token(settings)
        client.post(
            f"{API}/contacts",
            headers=admin,
            json={"name": "Alice Martin", "email": "alice@example.com"},
        )
        client.post(
            f"{API}/destinations",
            headers=admin,
            json={
                "kind": "webhook",
                "name": "gone",
                "url": f"http://127.0.0.1:{free_port()}/h",
                "secret": SECRET,
            },
        )
        meeting_id = _upload(client, admin)
        state(client).jobs.wait(timeout=60)
        assert client.get(f"{API}/meetings/{meeting_id}", headers=admin).json()["status"] == "done"
        assert client.get(f"{API}/meetings/{meeting_id}/report", headers=admin).status_code == 200
        attempts = client.get(f"{API}/deliveries", headers=admin).json()
    outcomes = sorted((a["channel"], a["attempt"], a["outcome"]) for a in attempts)
    assert outcomes == [
        ("email", 1, "retrying"),
        ("email", 2, "retrying"),
        ("email", 3, "failed"),
        ("webhook", 1, "retrying"),
        ("webhook", 2, "retrying"),
        ("webhook", 3, "failed"),
    ]
    assert all(a["error"] for a in attempts)


def test_the_digest_commands_send_a_meeting_and_a_weekly_digest(
    app_client: TestClient, delivering: Settings, smtp: SmtpServer, tmp_path: Path
) -> None:
    admin = new_token(delivering, "Sales")
    app_client.post(
        f"{API}/contacts",
        headers=admin,
        json={"name": "Dana Boss", "email": "dana@example.com", "weekly": True},
    )
    meeting_id = _upload(app_client, admin)
    state(app_client).jobs.wait(timeout=60)
    assert smtp.messages == []  # nobody in the meeting has a contact
    service = delivering.service
    assert service.database_url is not None
    env = {
        "MA_SERVICE__DATA_DIR": str(service.data_dir),
        "MA_SERVICE__DATABASE_URL": service.database_url.get_secret_value(),
        "MA_DELIVERY__SMTP_HOST": "127.0.0.1",
        "MA_DELIVERY__SMTP_PORT": str(smtp.port),
        "MA_DELIVERY__SMTP_SECURITY": "none",
        "MA_DELIVERY__BACKOFF_S": "0",
    }
    runner = CliRunner()
    weekly = runner.invoke(
        cli, ["digest", "weekly", "--team", "Sales", "--week", "2026-03-05"], env=env
    )
    assert weekly.exit_code == 0, weekly.output
    assert "delivered email    dana@example.com" in weekly.output
    mail = smtp.messages[-1]
    assert mail["Subject"] == "Weekly digest: Sales, week of 2026-03-02"
    text = mail.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "2026-03-03 · Acme renewal call" in text and "Send the proposal" in text
    assert re.search(r"Carol: 0 open · 1 overdue · 0 done", text), text

    stored = runner.invoke(
        cli, ["digest", "send", meeting_id, "--to", "Alice Martin=al@example.com"], env=env
    )
    assert stored.exit_code == 0, stored.output
    assert "YOUR FEEDBACK, ALICE MARTIN" in smtp.messages[-1].get_body(("plain",)).get_content()  # type: ignore[union-attr]

    folder = tmp_path / "out"
    folder.mkdir()
    report = app_client.get(f"{API}/meetings/{meeting_id}/report", headers=admin).json()
    (folder / "report.json").write_text(json.dumps(report), encoding="utf-8")
    sent = runner.invoke(cli, ["digest", "send", str(folder), "--to", "x@example.com"], env=env)
    assert sent.exit_code == 0 and smtp.envelopes[-1][1] == ["x@example.com"]
    for arguments, problem in (
        ([str(folder)], "--to is required"),
        ([str(folder), "--to", "Zed=z@example.com"], "'Zed' is not a participant"),
        ([str(folder), "--to", "not-an-address"], "not an email address"),
        ([str(tmp_path / "missing.json"), "--to", "x@example.com"], "cannot read"),
    ):
        refused = runner.invoke(cli, ["digest", "send", *arguments], env=env)
        assert refused.exit_code == 2 and problem in refused.output, refused.output


REDIS = "redis://127.0.0.1:6379/12"


def test_a_celery_worker_delivers_what_it_analysed(
    settings: Settings, tmp_path: Path, postgres_url: str, smtp: SmtpServer
) -> None:
    """Celery mode: the worker that stored the meeting queues its delivery as a task of its
    own, and runs it (this branch's worker, started from the repository)."""
    redis.Redis.from_url(REDIS).flushdb()
    service = ServiceSettings(
        data_dir=tmp_path / "data", database_url=postgres_url, broker_url=REDIS, job_lease_s=8
    )
    queued = _with_delivery(settings.model_copy(update={"service": service}), smtp.port)
    admin = new_token(queued)
    env = {
        **os.environ,
        "HF_HUB_OFFLINE": "1",
        "MA_CACHE_DIR": str(settings.cache_dir),
        "MA_SERVICE__DATA_DIR": str(service.data_dir),
        "MA_SERVICE__DATABASE_URL": postgres_url,
        "MA_SERVICE__BROKER_URL": REDIS,
        "MA_DELIVERY__SMTP_HOST": "127.0.0.1",
        "MA_DELIVERY__SMTP_PORT": str(smtp.port),
        "MA_DELIVERY__SMTP_SECURITY": "none",
        "MA_DELIVERY__BACKOFF_S": "0.01",
        "MA_DELIVERY__ALLOWED_HOSTS": '["127.0.0.1"]',
    }
    worker = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from assistant.cli import main; main()",
            "worker",
            "--concurrency",
            "1",
        ],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        with receiver([503, 200]) as hook, TestClient(create_app(queued)) as client:
            client.post(
                f"{API}/contacts",
                headers=admin,
                json={"name": "Alice Martin", "email": "alice@example.com"},
            )
            client.post(
                f"{API}/destinations",
                headers=admin,
                json={"kind": "webhook", "name": "CRM", "url": hook.url, "secret": SECRET},
            )
            meeting_id = _upload(client, admin)
            deadline = time.monotonic() + 180
            attempts: list[dict[str, Any]] = []
            while time.monotonic() < deadline:
                attempts = client.get(f"{API}/deliveries", headers=admin).json()
                if sum(a["outcome"] != "retrying" for a in attempts) == 2:
                    break
                time.sleep(0.3)
            assert (
                client.get(f"{API}/meetings/{meeting_id}", headers=admin).json()["status"] == "done"
            )
        outcomes = sorted((a["channel"], a["attempt"], a["outcome"]) for a in attempts)
        assert outcomes == [
            ("email", 1, "delivered"),
            ("webhook", 1, "retrying"),
            ("webhook", 2, "delivered"),
        ]
        assert [to for _, to in smtp.envelopes] == [["alice@example.com"]]
        assert ALICE_TIP in smtp.messages[0].get_body(("plain",)).get_content()  # type: ignore[union-attr]
        assert all(readme_verify()(SECRET, r.headers, r.body) for r in hook.requests)
    finally:
        if worker.poll() is None:
            os.killpg(worker.pid, signal.SIGTERM)
        worker.wait(timeout=60)
        redis.Redis.from_url(REDIS).flushdb()


def test_items_carried_over_follow_the_store(
    app_client: TestClient, delivering: Settings, smtp: SmtpServer
) -> None:
    from api.delivery import Delivery
    from assistant.delivery import Recipient

    admin = new_token(delivering)
    first = _upload(app_client, admin)  # "Send the proposal", due 2026-03-06: overdue now
    state(app_client).jobs.wait(timeout=60)
    app_client.post(
        f"{API}/contacts", headers=admin, json={"name": "Mark Jensen", "email": "mark@example.com"}
    )
    later = REPO / "tests" / "data" / "intelligence" / "en_02_contoso_renewal.json"
    response = app_client.post(
        f"{API}/meetings", headers=admin, files={"file": ("c.json", later.read_bytes())}
    )
    second = response.json()["id"]
    state(app_client).jobs.wait(timeout=60)
    text = smtp.messages[-1].get_body(("plain",)).get_content()  # type: ignore[union-attr]
    carried = text[text.index("CARRIED OVER") :]
    assert "[OVERDUE] Send the proposal" in carried and "Acme renewal call" in carried

    item = app_client.get(f"{API}/action-items", headers=admin, params={"meeting_id": first})
    item_id = item.json()["items"][0]["id"]
    app_client.patch(f"{API}/action-items/{item_id}", headers=admin, json={"status": "done"})
    service = state(app_client)
    results = Delivery(service.database, delivering).deliver_meeting(
        second, to=[Recipient("mark2@example.com", "Mark Jensen")]
    )
    assert [r.outcome for r in results] == ["delivered"]
    again = smtp.messages[-1].get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "Send the proposal" not in again and "CARRIED OVER" not in again


def test_each_copy_signs_its_reader_in_to_their_own_feedback(
    delivering: Settings, smtp: SmtpServer, speech_models: SpeechModels
) -> None:
    """With the dashboard's public address set, every participant's copy carries a one-time
    link of their own: it signs that person in (and nobody else), once."""
    settings = delivering.model_copy(
        update={
            "dashboard": delivering.dashboard.model_copy(
                update={"public_url": "http://127.0.0.1:8000"}
            )
        }
    )
    with TestClient(create_app(settings, models=speech_models)) as client:
        admin = new_token(settings)
        for name, email in (
            ("Alice Martin", "alice@example.com"),
            ("bob okafor", "bob@example.com"),
        ):
            client.post(f"{API}/contacts", headers=admin, json={"name": name, "email": email})
        meeting_id = _upload(client, admin)
        state(client).jobs.wait(timeout=60)
        assert client.get(f"{API}/meetings/{meeting_id}", headers=admin).json()["status"] == "done"
        links = {}
        for address, mail in _by_recipient(smtp).items():
            text = mail.get_body(("plain",)).get_content()  # type: ignore[union-attr]
            html = mail.get_body(("html",)).get_content()  # type: ignore[union-attr]
            found = re.findall(r"http://127\.0\.0\.1:8000(/dashboard/link/ml_\S+)", text)
            assert len(found) == 1 and found[0] in html, address
            links[address] = found[0]
        assert set(links) == {"alice@example.com", "bob@example.com"}, links
        assert links["alice@example.com"] != links["bob@example.com"]

        signed_in = client.post(links["alice@example.com"], follow_redirects=False)
        assert signed_in.status_code == 303
        mine = client.get("/dashboard/me")
        assert mine.status_code == 200 and "Alice Martin" in mine.text
        assert "Bob Okafor" not in mine.text
        client.cookies.clear()
        assert client.post(links["alice@example.com"], follow_redirects=False).status_code == 401
