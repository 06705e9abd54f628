"""Chat and webhook posts against a real HTTP receiver on loopback: the signature checked
exactly as the README tells receivers to, Slack's and Teams' message shapes, retries with a
doubling pause after failures, and internal addresses refused before anything is sent."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from assistant.delivery import (
    Attempt,
    RetryPolicy,
    WebhookPost,
    encode_body,
    meeting_digest,
    post_json,
    slack_payload,
    teams_payload,
    webhook_payload,
    with_retries,
)
from models.errors import DeliveryError

from .servers import receiver

README = Path(__file__).resolve().parents[2] / "README.md"
REPORT = Path(__file__).resolve().parents[1] / "data" / "report_sample.json"
LOOPBACK = ["127.0.0.1"]
SECRET = "a-shared-secret-of-32-characters"


def readme_verify() -> Callable[..., bool]:
    """The ``verify`` function of the README's "Verifying a webhook", run as written."""
    text = README.read_text(encoding="utf-8")
    section = text[text.index("#### Verifying a webhook") :]
    code = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert code is not None
    namespace: dict[str, Any] = {}
    exec(compile(code.group(1), "README.md", "exec"), namespace)
    verify: Callable[..., bool] = namespace["verify"]
    return verify


def _digest() -> Any:
    report = json.loads(REPORT.read_text(encoding="utf-8"))
    return meeting_digest(report, today=dt.date(2026, 3, 10))


def test_a_signed_webhook_verifies_as_the_readme_says() -> None:
    verify = readme_verify()
    payload = webhook_payload(_digest(), "m1")
    with receiver([204]) as hook:
        status = post_json(
            WebhookPost(hook.url, encode_body(payload), secret=SECRET),
            allowed_hosts=LOOPBACK,
            timeout_s=5,
        )
    assert status == 204 and len(hook.requests) == 1
    got = hook.requests[0]
    assert verify(SECRET, got.headers, got.body)
    assert not verify("another-secret-of-enough-length", got.headers, got.body)
    assert not verify(SECRET, got.headers, got.body + b" ")  # tampered
    stale = {**got.headers, "X-MA-Timestamp": str(int(got.headers["X-MA-Timestamp"]) - 3600)}
    assert not verify(SECRET, stale, got.body)
    event = json.loads(got.body)
    assert event["event"] == "meeting.digest" and event["meeting"]["id"] == "m1"
    assert event["action_items"][0] == {
        "text": "Send the revised proposal",
        "owner": "Alice Martin",
        "due": "2026-03-06",
        "status": "overdue",
    }
    assert "coaching" not in got.body.decode() and "feedback" not in got.body.decode()


def test_slack_and_teams_message_shapes() -> None:
    digest = _digest()
    slack = slack_payload(digest)
    assert slack["text"].startswith("Meeting digest: Acme renewal call (2026-03-03)")
    assert slack["blocks"][0] == {
        "type": "header",
        "text": {"type": "plain_text", "text": "Acme renewal call (2026-03-03)"},
    }
    sections = [b["text"]["text"] for b in slack["blocks"][1:]]
    assert all(b["type"] == "section" for b in slack["blocks"][1:])
    assert sections[0].startswith("*Participation*") and "Alice Martin: 73%" in sections[0]
    # A participant named <script>…</script> is escaped for Slack's mrkdwn.
    assert "&lt;script&gt;" in sections[0] and "<script>" not in json.dumps(slack)
    assert "Check the discount with finance &amp; legal" in sections[1]

    teams = teams_payload(digest)
    assert teams["type"] == "message" and len(teams["attachments"]) == 1
    attachment = teams["attachments"][0]
    assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
    card = attachment["content"]
    assert card["type"] == "AdaptiveCard" and card["version"] == "1.4"
    facts = next(b for b in card["body"] if b["type"] == "FactSet")["facts"]
    assert {"title": "Alice Martin", "value": "73%"} in facts
    texts = [b.get("text", "") for b in card["body"]]
    assert any("Send the revised proposal" in t and "OVERDUE" in t for t in texts)

    with receiver([200]) as hook:
        for payload in (slack, teams):
            post_json(
                WebhookPost(hook.url, encode_body(payload)), allowed_hosts=LOOPBACK, timeout_s=5
            )
    assert [json.loads(r.body) for r in hook.requests] == [slack, teams]
    assert all("X-MA-Signature" not in r.headers for r in hook.requests)  # unsigned: URL is the key


def test_failures_are_tried_again_after_a_doubling_pause() -> None:
    attempts: list[Attempt] = []
    pauses: list[float] = []
    post = WebhookPost("", b"{}", secret=SECRET)
    with receiver([500, 503, 200]) as hook:
        post = WebhookPost(hook.url, b'{"event":"x"}', secret=SECRET)
        last = with_retries(
            lambda: post_json(post, allowed_hosts=LOOPBACK, timeout_s=5),
            RetryPolicy(attempts=4, backoff_s=0.01),
            attempts.append,
            sleep=pauses.append,
        )
    assert [(a.number, a.status, a.outcome) for a in attempts] == [
        (1, 500, "retrying"),
        (2, 503, "retrying"),
        (3, 200, "delivered"),
    ]
    assert last.outcome == "delivered" and pauses == [0.01, 0.02]
    assert attempts[0].error == "the receiver answered 500"
    # One delivery id across its retries, so a receiver can drop repeats.
    assert len({r.headers["X-MA-Delivery"] for r in hook.requests}) == 1

    gave_up: list[Attempt] = []
    with receiver([404]) as hook:  # a refusal that will not change is not tried again
        with_retries(
            lambda: post_json(WebhookPost(hook.url, b"{}"), allowed_hosts=LOOPBACK, timeout_s=5),
            RetryPolicy(attempts=4, backoff_s=0.01),
            gave_up.append,
        )
    assert [(a.status, a.outcome) for a in gave_up] == [(404, "failed")]


@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.1/hook",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]:9/hook",
        "http://localhost:9/hook",
        "file:///etc/passwd",
        "gopher://127.0.0.1:9/",
    ],
)
def test_internal_addresses_are_refused_before_anything_is_sent(url: str) -> None:
    with pytest.raises(DeliveryError) as refused:
        post_json(WebhookPost(url, b"{}"), allowed_hosts=[], timeout_s=1)
    assert not refused.value.retryable
    assert "internal address" in refused.value.problem or "scheme" in refused.value.problem


def test_loopback_is_refused_unless_allowed() -> None:
    with receiver([200]) as hook:
        with pytest.raises(DeliveryError, match="internal address"):
            post_json(WebhookPost(hook.url, b"{}"), allowed_hosts=[], timeout_s=5)
        assert hook.requests == []
        post_json(WebhookPost(hook.url, b"{}"), allowed_hosts=LOOPBACK, timeout_s=5)
    assert len(hook.requests) == 1


def test_a_redirect_is_not_followed() -> None:
    with receiver([302]) as hook, pytest.raises(DeliveryError, match="answered 302"):
        post_json(WebhookPost(hook.url, b"{}"), allowed_hosts=LOOPBACK, timeout_s=5)
    assert len(hook.requests) == 1


def test_the_post_goes_to_the_address_that_was_checked() -> None:
    """A name is resolved once, checked, and the connection goes to that address with the name
    in Host: a second lookup (which could answer an internal address) never happens. The name
    here exists only in the test's resolver."""
    asked: list[str] = []

    def resolve(host: str, port: int) -> list[str]:
        asked.append(host)
        return ["127.0.0.1"]

    with receiver([200]) as hook:
        port = hook.url.split(":")[2].split("/")[0]
        url = f"http://hooks.delivery.test:{port}/hook"
        post_json(WebhookPost(url, b"{}"), allowed_hosts=LOOPBACK, timeout_s=5, resolve=resolve)
        with pytest.raises(DeliveryError, match=r"hooks\.delivery\.test \(127\.0\.0\.1\)"):
            post_json(WebhookPost(url, b"{}"), allowed_hosts=[], timeout_s=5, resolve=resolve)
    assert asked == ["hooks.delivery.test", "hooks.delivery.test"]
    assert (
        len(hook.requests) == 1
        and hook.requests[0].headers["Host"] == f"hooks.delivery.test:{port}"
    )
