"""The email digest against a real SMTP server on loopback (aiosmtpd): the parts a mail client
gets, the inline chart, private feedback reaching only its owner, STARTTLS with a certificate
made for the test, implicit TLS, and retries when the server refuses at first."""

from __future__ import annotations

import datetime as dt
import json
import ssl
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest

from assistant.delivery import (
    Attempt,
    Recipient,
    RetryPolicy,
    SmtpOptions,
    meeting_digest,
    send_digest_emails,
)
from assistant.delivery.email_digest import EmailBody
from assistant.delivery.message import build_message, new_content_id
from assistant.delivery.retry import with_retries

from .servers import self_signed, smtp_server

MEETING = (
    Path(__file__).resolve().parents[1] / "data" / "intelligence" / "en_02_contoso_renewal.json"
)
TODAY = dt.date(2026, 3, 11)


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    """The real report of a labelled sales call, analysed from its transcript, with one item
    carried over from an earlier meeting."""
    from assistant.config import Settings
    from assistant.processing.analyze import analyze

    analysis = analyze(MEETING, Settings(), title=None, date=None)
    report: dict[str, Any] = json.loads(json.dumps(analysis.report))
    report["follow_up"] = [
        {
            "text": "Send the security questionnaire",
            "owner": "mark",
            "due": "2026-03-02",
            "status": "overdue",
            "origin_title": "Contoso discovery",
            "origin_date": "2026-02-20",
        }
    ]
    return report


def _options(port: int, **changes: Any) -> SmtpOptions:
    values: dict[str, Any] = {
        "host": "127.0.0.1",
        "port": port,
        "security": "none",
        "username": None,
        "password": None,
        "ca_file": None,
        "timeout_s": 10.0,
    }
    values.update(changes)
    return SmtpOptions(**values)


def _send(
    report: dict[str, Any], options: SmtpOptions, recipients: list[Recipient], **kw: Any
) -> list[tuple[Recipient, Attempt]]:
    attempts: list[tuple[str, Attempt]] = kw.pop("attempts", [])
    return send_digest_emails(
        meeting_digest(report, today=TODAY),
        recipients,
        smtp=options,
        sender="digest@example.com",
        policy=kw.pop("policy", RetryPolicy(3, 0.01)),
        record=lambda r, a: attempts.append((r.address, a)),
    )


def _parts(message: EmailMessage) -> tuple[str, str, EmailMessage]:
    plain = message.get_body(("plain",))
    html = message.get_body(("html",))
    assert plain is not None and html is not None
    images = [p for p in message.walk() if p.get_content_type() == "image/png"]
    assert len(images) == 1
    image = images[0]
    assert isinstance(image, EmailMessage)
    return plain.get_content(), html.get_content(), image


def test_each_participant_gets_the_digest_with_only_their_own_feedback(
    report: dict[str, Any],
) -> None:
    report = json.loads(json.dumps(report))
    seen = next(p for p in report["participants"] if p["id"] == "mark")
    seen["engagement"] = {
        "score": 71.0,
        "camera_on_share": 0.9,
        "facing_camera_share": 0.8,
        "gesture_rate_per_min_speaking": 3.2,
    }
    names = {p["id"]: p["name"] for p in report["participants"]}
    coached = {c["participant"]: c["items"] for c in report["coaching"]}
    assert any(coached.values()), "the meeting must hold coaching for the test to mean something"
    recipients = [Recipient(f"{pid}@example.com", name) for pid, name in names.items()] + [
        Recipient("observer@example.com")
    ]
    with smtp_server() as server:
        results = _send(report, _options(server.port), recipients)
    assert [a.outcome for _, a in results] == ["delivered"] * len(recipients)
    by_address = {to[0]: m for (_, to), m in zip(server.envelopes, server.messages, strict=True)}
    assert set(by_address) == {r.address for r in recipients}

    for pid, name in names.items():
        message = by_address[f"{pid}@example.com"]
        assert message["Subject"] == "Meeting digest: Contoso renewal negotiation (2026-03-10)"
        assert message["From"] == "digest@example.com" and message["To"] == f"{pid}@example.com"
        assert message.get_content_type() == "multipart/alternative"
        plain, html, image = _parts(message)
        # The chart: a real PNG, inline, referenced by the HTML through its Content-ID.
        png = image.get_content()
        assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 1000
        cid = image["Content-ID"].strip("<>")
        assert f'src="cid:{cid}"' in html and image.get_content_disposition() == "inline"
        assert message.get_body(("html",)).get_content_type() == "text/html"  # type: ignore[union-attr]
        # The shared part, in both parts.
        for body in (plain, html):
            assert "Talk to our finance director and get back to you" in body
            assert "Send the security questionnaire" in body and "OVERDUE" in body
            assert "Contoso discovery" in body
        # Their own feedback, and nobody else's.
        assert f"YOUR FEEDBACK, {name.upper()}" in plain and f"Your feedback, {name}" in html
        for item in coached[pid]:
            assert item["message"] in plain
        for other, items in coached.items():
            if other != pid:
                for item in items:
                    assert item["message"] not in plain and item["message"] not in html
        for other_name in names.values():
            if other_name != name:
                assert f"Your feedback, {other_name}" not in html
                assert f"YOUR FEEDBACK, {other_name.upper()}" not in plain
    # Only Mark was seen on video: his engagement figures are in his copy alone.
    for pid in names:
        plain = by_address[f"{pid}@example.com"].get_body(("plain",)).get_content()  # type: ignore[union-attr]
        assert ("Camera on: 90%" in plain and "Engagement: 71" in plain) == (pid == "mark")
    observer_plain, observer_html, _ = _parts(by_address["observer@example.com"])
    assert "YOUR FEEDBACK" not in observer_plain and "Your feedback" not in observer_html
    assert not any(i["message"] in observer_plain for items in coached.values() for i in items)


def test_the_plain_text_stands_alone_and_the_html_is_escaped(report: dict[str, Any]) -> None:
    hostile = json.loads(json.dumps(report))
    hostile["action_items"][0]["text"] = "<script>alert(1)</script> & more"
    hostile["meeting"]["title"] = "Renewal\r\nBcc: everyone@example.com"
    with smtp_server() as server:
        _send(hostile, _options(server.port), [Recipient("a@example.com", "Mark Jensen")])
    plain, html, _ = _parts(server.messages[0])
    assert (
        server.messages[0]["Subject"]
        == "Meeting digest: Renewal Bcc: everyone@example.com (2026-03-10)"
    )
    assert server.messages[0]["Bcc"] is None and server.envelopes[0][1] == ["a@example.com"]
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in html
    assert "<script>alert(1)</script> & more" in plain
    assert "<" not in plain.replace("<script>alert(1)</script>", "")
    for heading in ("PARTICIPATION", "ACTION ITEMS", "DECISIONS", "OPEN QUESTIONS", "CARRIED OVER"):
        assert heading in plain
    assert "Mark Jensen: 50%" in plain
    # Phone-first: one fluid column, no fixed widths besides the chart's own size.
    assert "max-width:600px" in html and 'name="viewport"' in html
    assert "width:600px" not in html.replace("max-width:600px", "")


def test_starttls_with_login_against_a_certificate_made_here(
    tmp_path: Path, report: dict[str, Any]
) -> None:
    cert, key = self_signed(tmp_path)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    with smtp_server(starttls=context) as server:
        options = _options(
            server.port, security="starttls", username="digest", password="s3cret", ca_file=cert
        )
        results = _send(report, options, [Recipient("mark@example.com", "Mark Jensen")])
        assert results[0][1].outcome == "delivered"
        assert server.logins == ["digest"] and server.tls_sessions == 1
        # Without the certificate trusted, nothing is sent in the clear or at all.
        refused = _send(
            report, _options(server.port, security="starttls"), [Recipient("x@example.com")]
        )
        assert refused[0][1].outcome == "failed" and "TLS" in (refused[0][1].error or "")
        # A server that is asked for STARTTLS but the client wants none: the server refuses.
        plain = _send(report, _options(server.port), [Recipient("y@example.com")])
        assert plain[0][1].outcome == "failed"
    assert len(server.messages) == 1


def test_implicit_tls(tmp_path: Path, report: dict[str, Any]) -> None:
    cert, key = self_signed(tmp_path)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    with smtp_server(implicit_tls=context) as server:
        options = _options(server.port, security="tls", ca_file=cert)
        results = _send(report, options, [Recipient("mark@example.com")])
    assert results[0][1].outcome == "delivered" and server.tls_sessions == 1


def test_a_server_that_refuses_at_first_is_tried_again(report: dict[str, Any]) -> None:
    attempts: list[tuple[str, Attempt]] = []
    with smtp_server(refuse_first=2) as server:
        results = _send(
            report, _options(server.port), [Recipient("mark@example.com")], attempts=attempts
        )
    assert [(a.number, a.outcome, a.status) for _, a in attempts] == [
        (1, "retrying", 451),
        (2, "retrying", 451),
        (3, "delivered", 250),
    ]
    assert results[0][1].outcome == "delivered" and len(server.messages) == 1


def test_a_permanent_refusal_is_not_tried_again_and_an_absent_server_is(
    report: dict[str, Any],
) -> None:
    attempts: list[tuple[str, Attempt]] = []
    with smtp_server(refuse_first=5, refuse_code="550 5.1.1 No such user") as server:
        _send(report, _options(server.port), [Recipient("nobody@example.com")], attempts=attempts)
    assert [(a.number, a.outcome, a.status) for _, a in attempts] == [(1, "failed", 550)]
    assert "No such user" in (attempts[0][1].error or "") and not server.messages

    pauses: list[float] = []
    gone: list[Attempt] = []
    options = _options(server.port)  # the server has stopped: connections are refused
    from assistant.delivery import send_message
    from assistant.delivery.email_digest import EmailBody
    from assistant.delivery.message import build_message

    message = build_message(EmailBody("s", "<p>h</p>", "t"), sender="a@b.co", recipient="c@d.co")
    last = with_retries(
        lambda: send_message(options, message),
        RetryPolicy(3, 0.01),
        gone.append,
        sleep=pauses.append,
    )
    assert [a.outcome for a in gone] == ["retrying", "retrying", "failed"] and last is gone[-1]
    assert "could not talk to the mail server" in (last.error or "")
    assert pauses == [0.01, 0.02]  # the pause doubles


def test_a_login_in_the_clear_is_refused_by_the_settings() -> None:
    from pydantic import ValidationError

    from assistant.config import DeliverySettings

    with pytest.raises(ValidationError, match="in the clear"):
        DeliverySettings(smtp_host="mail.example.org", smtp_security="none", smtp_username="x")
    DeliverySettings(smtp_host="127.0.0.1", smtp_security="none", smtp_username="x")
    DeliverySettings(smtp_host="mail.example.org", smtp_username="x")  # starttls by default


def test_an_inline_image_s_content_id_is_never_folded() -> None:
    # A folded Content-ID reads back with a leading space, and the HTML's cid: no longer matches.
    for _ in range(200):
        message = build_message(
            EmailBody(subject="s", text="t", html="<p>h</p>"),
            sender="a@example.com",
            recipient="b@example.com",
            images={new_content_id("participation"): b"\x89PNG\r\n\x1a\n"},
        )
        image = next(part for part in message.walk() if part.get_content_type() == "image/png")
        assert image["Content-ID"].startswith("<participation.")
        assert "\n" not in image.as_string().split("Content-ID:")[1].split(">")[0]
