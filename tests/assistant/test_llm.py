"""The optional LLM backend against a small OpenAI-compatible server on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any, ClassVar

import pytest

from assistant.intelligence.llm import ChatClient, LlmError, LlmOptions, llm_intelligence
from assistant.intelligence.meeting import analyse_meeting
from assistant.transcript import MeetingInfo, Participant, Segment, Transcript

CALL = Transcript(
    MeetingInfo("Renewal", dt.date(2026, 3, 10), 10.0, "en"),
    (Participant("mark", "Mark Jensen", "internal"), Participant("lucy", "Lucy Chen", "external")),
    (
        Segment("lucy", 0.0, 4.0, "Could you send us the usage report?", "en"),
        Segment("mark", 4.5, 9.0, "Sure, I'll have it for you tomorrow.", "en"),
    ),
)


class _Handler(BaseHTTPRequestHandler):
    answer: ClassVar[Any] = None
    status: ClassVar[int] = 200
    requests: ClassVar[list[dict[str, Any]]] = []

    def do_POST(self) -> None:
        length = int(self.headers["Content-Length"])
        body = json.loads(self.rfile.read(length))
        type(self).requests.append(
            {"path": self.path, "auth": self.headers.get("Authorization"), "body": body}
        )
        payload = json.dumps(
            {"choices": [{"message": {"role": "assistant", "content": type(self).answer}}]}
        ).encode()
        self.send_response(type(self).status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = HTTPServer(("127.0.0.1", 0), _Handler)
    _Handler.requests = []
    _Handler.status = 200
    thread = threading.Thread(target=httpd.serve_forever, name="fake-llm", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    finally:
        httpd.shutdown()
        thread.join()
        httpd.server_close()


def test_summary_and_items_from_the_model(server: str) -> None:
    _Handler.answer = (
        "```json\n"
        + json.dumps(
            {
                "summary": "Lucy asked for the usage report; Mark will send it.",
                "action_items": [
                    {
                        "text": "Send the usage report",
                        "owner": "Mark",
                        "due": "2026-03-11",
                        "quote": "I'll have it for you tomorrow.",
                    },
                    {"text": "", "owner": "Lucy"},  # unusable: dropped
                    {"text": "Review it", "owner": "Somebody else", "due": "soon", "quote": "x"},
                ],
            }
        )
        + "\n```"
    )
    client = ChatClient(LlmOptions(server, "local-model", api_key="k-123", timeout_s=5))

    result = llm_intelligence(client, CALL)

    assert result.summary == "Lucy asked for the usage report; Mark will send it."
    first, second = result.action_items
    assert (first.text, first.owner, first.due, first.speaker, first.start) == (
        "Send the usage report",
        "mark",
        dt.date(2026, 3, 11),
        "mark",
        4.5,
    )
    assert (second.owner, second.due, second.speaker) == (None, None, "")
    (request,) = _Handler.requests
    assert request["path"] == "/v1/chat/completions"
    assert request["auth"] == "Bearer k-123"
    assert request["body"]["model"] == "local-model"
    assert (
        "Lucy Chen: Could you send us the usage report?"
        in request["body"]["messages"][1]["content"]
    )


def test_model_items_replace_the_rules(server: str) -> None:
    _Handler.answer = json.dumps(
        {"summary": "Short.", "action_items": [{"text": "Send the report", "owner": "mark"}]}
    )
    result = analyse_meeting(CALL, llm=ChatClient(LlmOptions(server, "m")))
    assert result.summary == "Short."
    assert [(i.text, i.owner) for i in result.action_items] == [("Send the report", "mark")]


def test_failures_fall_back_to_the_rules(server: str) -> None:
    _Handler.answer = "I am not JSON"
    client = ChatClient(LlmOptions(server, "m"))
    with pytest.raises(LlmError, match="not a JSON object") as error:
        llm_intelligence(client, CALL)
    assert not error.value.retryable
    result = analyse_meeting(CALL, llm=client)
    assert result.summary is None
    assert [(i.text, i.owner) for i in result.action_items] == [
        ("Send us the usage report", "mark")
    ]

    _Handler.status = 503
    with pytest.raises(LlmError, match="HTTP 503") as error:
        llm_intelligence(client, CALL)
    assert error.value.retryable


def test_unreachable_endpoint_is_retryable() -> None:
    # A port on the loopback interface that nothing listens on.
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = ChatClient(LlmOptions(f"http://127.0.0.1:{port}/v1", "m", timeout_s=2))
    with pytest.raises(LlmError, match="cannot reach") as error:
        client.complete([{"role": "user", "content": "hi"}])
    assert error.value.retryable
