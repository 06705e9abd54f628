"""Optional LLM backend: any OpenAI-compatible chat-completions endpoint, for a summary and
action items.

Off unless ``MA_LLM__BASE_URL`` is set (teams that run a model locally point it at their
server, e.g. ``http://127.0.0.1:8080/v1``). The offline rules stay the default and the fallback:
when the endpoint fails or answers something unusable, the analysis keeps the rule results and
logs why. Only the standard library is used (``urllib``); nothing is contacted unless configured.
"""

from __future__ import annotations

import json
import logging
import re
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.intelligence.action_items import TEAM, ActionItem
from assistant.intelligence.dates import iso_date
from assistant.intelligence.sentences import detect_language, sentences_of
from assistant.transcript import Transcript
from models.errors import MeetingAssistantError

__all__ = ["ChatClient", "LlmError", "LlmOptions", "LlmResult", "llm_intelligence"]

log = logging.getLogger(__name__)


class LlmError(MeetingAssistantError):
    """The LLM endpoint failed or answered something unusable."""

    def __init__(self, problem: str, source: str | None = None, *, retryable: bool) -> None:
        super().__init__(problem, source)
        self.retryable = retryable


@dataclass(frozen=True, slots=True)
class LlmOptions:
    base_url: str
    """Endpoint root; ``/chat/completions`` is appended (e.g. ``http://127.0.0.1:8080/v1``)."""
    model: str
    api_key: str | None = None
    timeout_s: float = 30.0
    """Per request (s)."""


@dataclass(frozen=True, slots=True)
class LlmResult:
    summary: str | None
    action_items: tuple[ActionItem, ...]


class ChatClient:
    """A minimal OpenAI-compatible chat-completions client."""

    def __init__(self, options: LlmOptions) -> None:
        self._options = options
        self._url = options.base_url.rstrip("/") + "/chat/completions"
        # Straight to the configured endpoint: proxy variables are ignored, so a local model
        # stays local.
        self._opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

    def complete(self, messages: Sequence[dict[str, str]]) -> str:
        """The first choice's message content. Raises ``LlmError``."""
        body = json.dumps(
            {"model": self._options.model, "messages": list(messages), "temperature": 0}
        ).encode("utf-8")
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if self._options.api_key:
            headers["Authorization"] = f"Bearer {self._options.api_key}"
        request = urllib.request.Request(self._url, data=body, headers=headers, method="POST")
        try:
            with self._opener.open(request, timeout=self._options.timeout_s) as response:
                payload = json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as error:
            raise LlmError(
                f"HTTP {error.code} {error.reason}", self._url, retryable=error.code >= 500
            ) from None
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            raise LlmError(
                f"cannot reach the endpoint ({error})", self._url, retryable=True
            ) from None
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise LlmError("the answer is not JSON", self._url, retryable=False) from None
        try:
            content = payload["choices"][0]["message"]["content"]
        except (KeyError, IndexError, TypeError):
            raise LlmError(
                "no choices[0].message.content in the answer", self._url, retryable=False
            ) from None
        if not isinstance(content, str):
            raise LlmError("the message content is not text", self._url, retryable=False)
        return content


_SYSTEM = (
    "You read meeting transcripts (English and Danish) and answer with JSON only: "
    '{"summary": "<3-5 sentences in the meeting\'s language>", "action_items": [{"text": '
    '"<imperative task>", "owner": "<participant name, \\"team:internal\\", '
    '\\"team:external\\" or null>", "due": "<YYYY-MM-DD or null>", "quote": "<the exact '
    'sentence where it was said>"}]}. Action items are promises, requests and assignments for '
    "future work; not past work, hypotheticals, questions about facts or jokes. Resolve dates "
    "against the meeting date."
)


def llm_intelligence(client: ChatClient, transcript: Transcript) -> LlmResult:
    """A summary and action items from the model. Raises ``LlmError``."""
    names = {p.id: p.name for p in transcript.participants}
    lines = [f"{names.get(s.speaker, s.speaker)}: {s.text}" for s in transcript.segments]
    meeting = transcript.meeting
    user = (
        f"Meeting: {meeting.title}\nDate: {meeting.date.isoformat() if meeting.date else 'unknown'}"
        f"\nParticipants: {', '.join(names.values())}\n\n" + "\n".join(lines)
    )
    content = client.complete(
        [{"role": "system", "content": _SYSTEM}, {"role": "user", "content": user}]
    )
    data = _json_object(content)
    summary = data.get("summary")
    items = data.get("action_items")
    if not isinstance(items, list):
        raise LlmError("the answer has no action_items list", retryable=False)
    return LlmResult(
        summary=summary.strip() if isinstance(summary, str) and summary.strip() else None,
        action_items=tuple(item for raw in items if (item := _item(raw, transcript)) is not None),
    )


def _json_object(content: str) -> dict[str, object]:
    text = re.sub(r"^```(?:json)?\s*|\s*```$", "", content.strip())
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        raise LlmError("the model's answer is not a JSON object", retryable=False) from None
    if not isinstance(data, dict):
        raise LlmError("the model's answer is not a JSON object", retryable=False)
    return data


def _item(raw: object, transcript: Transcript) -> ActionItem | None:
    if not isinstance(raw, dict):
        return None
    text = raw.get("text")
    if not isinstance(text, str) or not text.strip():
        return None
    quote = raw.get("quote") if isinstance(raw.get("quote"), str) else ""
    assert isinstance(quote, str)
    sentence = next(
        (s for s in sentences_of(transcript) if quote and quote.strip().lower() in s.text.lower()),
        None,
    )
    return ActionItem(
        text=text.strip(),
        owner=_owner(raw.get("owner"), transcript),
        due=iso_date(raw.get("due")),
        speaker=sentence.speaker if sentence else "",
        start=sentence.start if sentence else 0.0,
        quote=sentence.text if sentence else quote,
        confidence=0.7 if sentence else 0.5,
        language=detect_language(quote or text, transcript.meeting.language),
    )


def _owner(value: object, transcript: Transcript) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    wanted = value.strip().lower()
    if wanted.startswith(TEAM):
        return wanted
    for participant in transcript.participants:
        names = {
            participant.id.lower(),
            participant.name.lower(),
            participant.name.split()[0].lower(),
        }
        if wanted in names:
            return participant.id
    return None
