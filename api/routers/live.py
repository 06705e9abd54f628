"""``/meetings/{id}/live``: a live meeting's events over a websocket, as its bot produces them.

Browsers cannot set headers on a websocket, so the token may come as ``?token=`` as well as in
``Authorization``. The socket is accepted first, then closed with a code that says why:
4401 no or unknown token, 4404 no such meeting (another team's included), 4409 the meeting is
not live in this service process (its report, once done, is at ``/meetings/{id}/report``),
1013 the client fell too far behind (reconnect: the transcript so far comes first again),
1000 the meeting ended (after an ``ended`` event).
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Annotated

import anyio
from fastapi import APIRouter, Query, WebSocket
from fastapi import Path as PathParam
from starlette.websockets import WebSocketDisconnect

from models.errors import AuthenticationError, MeetingAssistantError, NotFoundError

from ..auth import authenticate
from ..deps import ServiceState
from ..live import Event, Watcher
from ..store.database import Database
from ..store.scope import TeamScope

router = APIRouter(tags=["meetings"])

CLOSE_UNAUTHENTICATED = 4401
CLOSE_NOT_FOUND = 4404
CLOSE_NOT_LIVE = 4409
CLOSE_TOO_SLOW = 1013


@router.websocket("/meetings/{meeting_id}/live")
async def live_meeting(
    websocket: WebSocket,
    meeting_id: Annotated[str, PathParam(min_length=1, max_length=64)],
    token: Annotated[str | None, Query(max_length=200)] = None,
) -> None:
    """Events of a live meeting: first the joins, leaves and final captions so far and the
    latest talk time, then each event as it comes (see the README for their fields)."""
    state: ServiceState = websocket.app.state.service
    # uvicorn logs the path with its query when the socket is accepted: not the token.
    websocket.scope["query_string"] = b""
    await websocket.accept()
    authorization = websocket.headers.get("authorization")
    if authorization is None and token:
        authorization = f"Bearer {token}"
    if authorization is None:
        await websocket.close(CLOSE_UNAUTHENTICATED, "no token: send ?token= or Authorization")
        return
    try:
        team_id, status = await anyio.to_thread.run_sync(
            _meeting_status, state.database, authorization, meeting_id
        )
    except AuthenticationError as error:
        await websocket.close(CLOSE_UNAUTHENTICATED, error.problem[:120])
        return
    except NotFoundError as error:
        await websocket.close(CLOSE_NOT_FOUND, error.problem[:120])
        return
    except MeetingAssistantError as error:  # the database is away
        await websocket.close(CLOSE_TOO_SLOW, error.problem[:120])
        return
    feed = state.bots.feed(team_id, meeting_id)
    if feed is None or feed.closed:
        await websocket.close(CLOSE_NOT_LIVE, f"the meeting is {status}, not live here")
        return
    history, watcher = feed.watch()
    sender = asyncio.create_task(_send(websocket, history, watcher), name="live-send")
    listener = asyncio.create_task(_until_gone(websocket), name="live-listen")
    try:
        await asyncio.wait([sender, listener], return_when=asyncio.FIRST_COMPLETED)
    finally:
        feed.forget(watcher)
        for task in (sender, listener):
            task.cancel()
        await asyncio.gather(sender, listener, return_exceptions=True)
    if sender.done() and not sender.cancelled() and sender.exception() is None:
        code, reason = sender.result()
        with contextlib.suppress(RuntimeError, WebSocketDisconnect):
            await websocket.close(code, reason)


def _meeting_status(
    database: Database, authorization: str | None, meeting_id: str
) -> tuple[int, str]:
    with database.session() as session:
        caller = authenticate(session, authorization)
        meeting = TeamScope(session, caller.team_id).meeting(meeting_id)
        return caller.team_id, meeting.status


async def _send(websocket: WebSocket, history: list[Event], watcher: Watcher) -> tuple[int, str]:
    """Send until the feed ends; the close code and reason to end with."""
    for past in history:
        await websocket.send_json(past)
    while (event := await watcher.get()) is not None:
        await websocket.send_json(event)
    if watcher.overflowed:
        return CLOSE_TOO_SLOW, "too far behind; reconnect for the transcript so far"
    return 1000, "the meeting has ended"


async def _until_gone(websocket: WebSocket) -> None:
    """Read (and ignore) what the client sends, to notice when it goes away."""
    while True:
        message = await websocket.receive()
        if message["type"] == "websocket.disconnect":
            return
