"""A small async client for the Janus WebRTC server's HTTP API (create a session, attach plugin
handles, send messages and read their events through one long poll).

Only what the bot needs; plugin specifics (the VideoRoom's requests) live with their callers.
The long poll is also the keepalive: Janus's HTTP transport passes one to its core on every poll.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx2

from models.errors import InputError, MeetingServerError, ServiceUnavailableError

__all__ = ["JanusEvent", "JanusHandle", "JanusSession"]

_log = logging.getLogger(__name__)

_LONG_POLL_S = 30.0
"""How long Janus holds a long poll open before answering with a keepalive (s)."""
_POLL_EVENTS = 10
_POLL_RETRIES = 3
"""Failed polls in a row before the session counts as lost (each retried after a second)."""

Json = dict[str, Any]


@dataclass(frozen=True, slots=True)
class JanusEvent:
    """One event for a handle: a plugin event (``janus == "event"``, its payload in ``data``) or
    a core one (``webrtcup``, ``media``, ``hangup``, ``slowlink``, ``detached``)."""

    janus: str
    data: Json
    """The plugin's payload (``plugindata.data``); empty for core events."""
    jsep: Json | None
    """An SDP offer or answer (``{"type", "sdp"}``) when the event carries one."""
    transaction: str | None


class JanusHandle:
    """A plugin handle. Events that answer one of its requests go to that request; every other
    event for it (notifications, offers the plugin makes by itself) is queued in ``events``."""

    def __init__(self, session: JanusSession, handle_id: int, plugin: str) -> None:
        self._session = session
        self.id = handle_id
        self.plugin = plugin
        self.events: asyncio.Queue[JanusEvent] = asyncio.Queue()

    async def request(self, body: Json) -> Json:
        """A request the plugin answers at once (``exists``, ``create``, ``listparticipants``):
        its reply."""
        reply = await self._session.post({"janus": "message", "body": body}, self.id)
        return _plugin_data(reply, body, self._session.url)

    async def message(self, body: Json, jsep: Json | None = None) -> JanusEvent:
        """A request the plugin answers with an event (``join``, ``publish``, ``start``, ...)."""
        payload: Json = {"janus": "message", "body": body}
        if jsep is not None:
            payload["jsep"] = jsep
        event = await self._session.post_for_event(payload, self.id)
        error = event.data.get("error_code")
        if error is not None:
            raise MeetingServerError(
                f"the server refused {body.get('request', 'a request')!r}: "
                f"{event.data.get('error', 'no reason given')}",
                self._session.url,
                code=int(error),
            )
        return event

    async def detach(self) -> None:
        await self._session.post({"janus": "detach"}, self.id)
        self._session.forget(self.id)


class JanusSession:
    """A Janus session over HTTP. Use ``async with await JanusSession.create(url, ...)``, or
    call ``close`` yourself: it destroys the session on the server and stops the long poll."""

    def __init__(
        self, url: str, client: httpx2.AsyncClient, session_id: int, timeout_s: float
    ) -> None:
        self.url = url
        self.id = session_id
        self._client = client
        self._timeout_s = timeout_s
        self._handles: dict[int, JanusHandle] = {}
        self._waiting: dict[str, asyncio.Future[JanusEvent]] = {}
        self.lost: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        """Set to the error once the session is gone (server stopped, session timed out)."""
        self._poller = asyncio.create_task(self._poll(), name=f"janus-poll-{session_id}")

    @classmethod
    async def create(cls, url: str, *, timeout_s: float = 10.0) -> JanusSession:
        """Open a session on the Janus HTTP endpoint ``url`` (e.g. http://127.0.0.1:8088/janus)."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise InputError("not an http(s) URL of a Janus server", url)
        url = url.rstrip("/")
        # No proxies or certificates from the environment: components take explicit options.
        client = httpx2.AsyncClient(timeout=timeout_s, trust_env=False)
        try:
            reply = await _post(client, url, {"janus": "create", "transaction": _transaction()})
            session_id = int(reply["data"]["id"])
        except BaseException:
            await client.aclose()
            raise
        return cls(url, client, session_id, timeout_s)

    async def __aenter__(self) -> JanusSession:
        return self

    async def __aexit__(self, *_: object) -> None:
        await self.close()

    async def attach(self, plugin: str) -> JanusHandle:
        reply = await self.post({"janus": "attach", "plugin": plugin})
        handle = JanusHandle(self, int(reply["data"]["id"]), plugin)
        self._handles[handle.id] = handle
        return handle

    def forget(self, handle_id: int) -> None:
        self._handles.pop(handle_id, None)

    async def post(self, payload: Json, handle_id: int | None = None) -> Json:
        """Send one request to the session (or one of its handles); its immediate reply."""
        path = f"{self.url}/{self.id}" + (f"/{handle_id}" if handle_id is not None else "")
        return await _post(self._client, path, {**payload, "transaction": _transaction()})

    async def post_for_event(self, payload: Json, handle_id: int) -> JanusEvent:
        """Send a request that Janus acknowledges now and answers later with an event."""
        transaction = _transaction()
        future: asyncio.Future[JanusEvent] = asyncio.get_running_loop().create_future()
        # Registered before sending: the event may come back before the acknowledgement does.
        self._waiting[transaction] = future
        try:
            path = f"{self.url}/{self.id}/{handle_id}"
            reply = await _post(self._client, path, {**payload, "transaction": transaction})
            if reply.get("janus") == "event":  # answered at once after all
                return _event(reply)
            waiters: list[asyncio.Future[Any]] = [future, self.lost]
            done, _ = await asyncio.wait(
                waiters, timeout=self._timeout_s, return_when=asyncio.FIRST_COMPLETED
            )
            if future in done:
                return future.result()
            if self.lost in done:
                self.lost.result()  # raises why
            raise MeetingServerError(
                f"no answer to {payload.get('body', {}).get('request', 'a request')!r} "
                f"within {self._timeout_s:g} s",
                self.url,
            )
        finally:
            self._waiting.pop(transaction, None)

    async def close(self) -> None:
        """Destroy the session on the server (best effort: it may be gone) and stop polling."""
        self._poller.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._poller
        if not self.lost.done():
            with contextlib.suppress(MeetingServerError, ServiceUnavailableError):
                await self.post({"janus": "destroy"})
            self.lost.set_result(None)
        await self._client.aclose()

    async def _poll(self) -> None:
        failures = 0
        path = f"{self.url}/{self.id}"
        while True:
            try:
                response = await self._client.get(
                    path,
                    params={"maxev": _POLL_EVENTS, "rid": _transaction()},
                    timeout=_LONG_POLL_S + self._timeout_s,
                )
                events = _json(response, self.url)
            except (httpx2.HTTPError, MeetingServerError) as error:
                failures += 1
                if failures >= _POLL_RETRIES:
                    reason = (
                        error.problem if isinstance(error, MeetingServerError) else _reason(error)
                    )
                    self._lose(
                        ServiceUnavailableError(
                            f"lost the connection to the meeting server ({reason})", self.url
                        )
                    )
                    return
                await asyncio.sleep(1.0)
                continue
            failures = 0
            for item in events if isinstance(events, list) else [events]:
                self._dispatch(item)
            if self.lost.done():
                return

    def _lose(self, error: Exception) -> None:
        if not self.lost.done():
            self.lost.set_exception(error)
            self.lost.exception()  # retrieved here: waiting on it is optional

    def _dispatch(self, item: Json) -> None:
        kind = item.get("janus")
        if kind == "keepalive":
            return
        if kind == "error":
            error = item.get("error", {})
            self._lose(
                MeetingServerError(
                    f"the server ended our session ({error.get('reason', 'no reason given')})",
                    self.url,
                    code=error.get("code"),
                )
            )
            return
        event = _event(item)
        waiting = self._waiting.get(event.transaction or "")
        if waiting is not None and not waiting.done() and kind == "event":
            waiting.set_result(event)
            return
        handle = self._handles.get(int(item.get("sender", 0)))
        if handle is not None:
            handle.events.put_nowait(event)
        else:
            _log.debug("Janus event for no handle of ours: %s", item)


async def _post(client: httpx2.AsyncClient, url: str, payload: Json) -> Json:
    try:
        response = await client.post(url, json=payload)
    except httpx2.TimeoutException:
        raise ServiceUnavailableError("the meeting server did not answer in time", url) from None
    except httpx2.HTTPError as error:
        raise ServiceUnavailableError(
            f"cannot reach the meeting server ({_reason(error)})", url
        ) from None
    reply = _json(response, url)
    if not isinstance(reply, dict):
        raise MeetingServerError("not a Janus server (its answer is not a Janus message)", url)
    if reply.get("janus") == "error":
        refusal = reply.get("error", {})
        raise MeetingServerError(
            f"the server refused {payload.get('janus')!r}: {refusal.get('reason', 'no reason')}",
            url,
            code=refusal.get("code"),
        )
    return reply


def _json(response: httpx2.Response, url: str) -> Any:
    if response.status_code != 200:
        raise MeetingServerError(f"not a Janus server (HTTP {response.status_code})", url)
    try:
        return response.json()
    except ValueError:
        raise MeetingServerError("not a Janus server (its answer is not JSON)", url) from None


def _plugin_data(reply: Json, body: Json, url: str) -> Json:
    data = reply.get("plugindata", {}).get("data")
    if not isinstance(data, dict):
        raise MeetingServerError(f"no plugin answer to {body.get('request')!r}", url)
    if "error_code" in data:
        raise MeetingServerError(
            f"the server refused {body.get('request')!r}: {data.get('error', 'no reason given')}",
            url,
            code=int(data["error_code"]),
        )
    return data


def _event(item: Json) -> JanusEvent:
    data = item.get("plugindata", {}).get("data", {})
    return JanusEvent(
        janus=str(item.get("janus")),
        data=data if isinstance(data, dict) else {},
        jsep=item.get("jsep"),
        transaction=item.get("transaction"),
    )


def _reason(error: httpx2.HTTPError) -> str:
    if isinstance(error, httpx2.ConnectError):
        return "nothing answers at that address"
    text = str(error) or type(error).__name__
    return text.splitlines()[0][:200]


def _transaction() -> str:
    return secrets.token_hex(6)
