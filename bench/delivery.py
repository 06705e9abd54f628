"""Digest delivery cost: rendering and sending a 10-person meeting's email digest (ten copies,
each with its reader's own feedback) to a real SMTP server on loopback (aiosmtpd, from the
``dev`` extra), and signing and posting the chat payloads to a loopback receiver.

    python -m bench.delivery [--people 10] [--repeat 5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import socket
import statistics
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller

from assistant.config import Settings
from assistant.delivery import (
    Recipient,
    RetryPolicy,
    SmtpOptions,
    WebhookPost,
    build_message,
    encode_body,
    meeting_digest,
    new_content_id,
    payload_for,
    post_json,
    render_meeting_email,
    send_digest_emails,
    share_chart_png,
)
from assistant.processing.analyze import analyze

_LINES = (
    "I think we should look at the rollout plan for the pilot again.",
    "Could you send me the numbers by Friday?",
    "Sure, I'll send them tomorrow.",
    "What does the customer expect from the second phase?",
    "We agreed to start with two teams in March.",
    "Um, I mean, the budget is still open on their side.",
)


def ten_person_report(people: int) -> dict[str, Any]:
    """The report of a transcript with ``people`` speakers taking turns (analysed for real)."""
    participants = [
        {"id": f"p{i}", "name": f"Person {i} Example", "side": "internal" if i % 2 else "external"}
        for i in range(people)
    ]
    segments, t = [], 0.0
    for turn in range(people * 12):
        speaker = turn % people if turn % 3 else 0  # someone talks more than the rest
        text = _LINES[turn % len(_LINES)]
        length = 2.0 + len(text) / 15
        segments.append({"speaker": f"p{speaker}", "start": t, "end": t + length, "text": text})
        t += length + 0.4
    document = {
        "meeting": {"title": "Bench: pipeline review", "date": "2026-03-03"},
        "participants": participants,
        "segments": segments,
    }
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "meeting.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        report: dict[str, Any] = analyze(path, Settings()).report
    return report


class _Sink:
    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        return "250 OK"


class _Hook(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        return


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    report = ten_person_report(args.people)
    digest = meeting_digest(report, today=dt.date(2026, 3, 4))
    recipients = [Recipient(f"p{i}@example.com", s.name) for i, s in enumerate(digest.shares)]

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    controller = Controller(_Sink(), hostname="127.0.0.1", port=port)
    controller.start()
    hook = ThreadingHTTPServer(("127.0.0.1", 0), _Hook)
    threading.Thread(target=hook.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{hook.server_address[1]}/hook"
    options = SmtpOptions("127.0.0.1", port, "none", None, None, None, 10.0)
    render, send, chat, sizes = [], [], [], []
    try:
        for _ in range(args.repeat):
            start = time.perf_counter()
            chart = share_chart_png(digest.shares)
            for recipient in recipients:
                cid = new_content_id("participation")
                body = render_meeting_email(
                    digest, chart_cid=cid, feedback=digest.feedback_for(recipient.name or "")
                )
                message = build_message(
                    body,
                    sender="bench@example.com",
                    recipient=recipient.address,
                    images={cid: chart},
                )
                sizes.append(len(message.as_bytes()))
            render.append(time.perf_counter() - start)
            start = time.perf_counter()
            send_digest_emails(
                digest,
                recipients,
                smtp=options,
                sender="bench@example.com",
                policy=RetryPolicy(1, 0),
                record=lambda r, a: None,
            )
            send.append(time.perf_counter() - start)
            start = time.perf_counter()
            for kind in ("slack", "teams", "webhook"):
                post = WebhookPost(
                    url, encode_body(payload_for(kind, digest, "m")), secret="s" * 32
                )
                post_json(post, allowed_hosts=["127.0.0.1"], timeout_s=10)
            chat.append(time.perf_counter() - start)
    finally:
        controller.stop()
        hook.shutdown()
    n = len(recipients)
    rows = (
        (f"render {n} emails (chart, HTML, text, MIME)", statistics.median(render)),
        (f"render and send {n} emails over SMTP", statistics.median(send)),
        ("sign and post Slack, Teams, webhook", statistics.median(chat)),
    )
    print(f"{args.people}-person meeting, {args.repeat} runs (median):")
    for label, seconds in rows:
        print(f"  {label:<45} {seconds * 1000:7.1f} ms")
    email_kb, chart_kb = statistics.median(sizes) / 1024, len(chart) / 1024
    print(f"  one email: {email_kb:.1f} KB (chart PNG {chart_kb:.1f} KB)")


if __name__ == "__main__":
    main()
