"""``/meetings/{id}/hints?participant=ID``: one person's private live hints over a websocket.

Connecting is opting in (the last socket gone opts out). Only the person concerned may connect:
the token that started the companion session (for its ``me``), or a person token whose person
is the participant's name. The token comes as ``?token=`` or in ``Authorization``. A room page
has no token: its ``?ticket=`` (given in its room websocket's ``welcome``) opens the hints of
the one participant the room's assistant heard join under that page's name, in the room's
current meeting. Close codes:
4401 no or unknown token or ticket, 4403 not this participant's token or ticket (or a ticket
of another meeting), 4404 no such meeting, 4409 the
meeting is not live in this service process, 1000 the meeting ended. The first message says the
opt-in took (``{"type": "opted_in", ...}``), then each hint (``{"type": "hint", ...}``).
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

from ..auth import Caller, authenticate
from ..bots import RunningBot
from ..deps import ServiceState
from ..live import Watcher
from ..rooms import Member
from ..store.database import Database
from ..store.scope import TeamScope
from .live import CLOSE_NOT_FOUND, CLOSE_NOT_LIVE, CLOSE_TOO_SLOW, CLOSE_UNAUTHENTICATED

router = APIRouter(tags=["meetings"])

CLOSE_NOT_YOURS = 4403


@router.websocket("/meetings/{meeting_id}/hints")
async def meeting_hints(
    websocket: WebSocket,
    meeting_id: Annotated[str, PathParam(min_length=1, max_length=64)],
    participant: Annotated[str, Query(min_length=1, max_length=100)],
    token: Annotated[str | None, Query(max_length=200)] = None,
    ticket: Annotated[str | None, Query(max_length=200)] = None,
) -> None:
    """One participant's hints while the meeting is live (see the README)."""
    state: ServiceState = websocket.app.state.service
    websocket.scope["query_string"] = b""  # uvicorn logs the path with its query: not the token
    await websocket.accept()
    page: Member | None = None
    if ticket and not token and "authorization" not in websocket.headers:
        found = await _room_ticket(websocket, state, ticket, meeting_id, participant)
        live, page = found if found is not None else (None, None)
    else:
        live = await _token(websocket, state, token, meeting_id, participant)
    if live is None:
        return
    watcher = live.hints.watch(participant)
    sender = asyncio.create_task(_send(websocket, participant, watcher), name="hints-send")
    listener = asyncio.create_task(_until_gone(websocket), name="hints-listen")
    tasks = [sender, listener]
    if page is not None:  # a room page's hints end with the page (its ticket dies with it)
        tasks.append(asyncio.create_task(_until_left(page), name="hints-page-gone"))
    try:
        await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    finally:
        live.hints.forget(participant, watcher)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    if len(tasks) > 2 and tasks[2].done() and not tasks[2].cancelled():
        with contextlib.suppress(RuntimeError, WebSocketDisconnect):
            await websocket.close(1000, "the room page left")
    elif sender.done() and not sender.cancelled() and sender.exception() is None:
        with contextlib.suppress(RuntimeError, WebSocketDisconnect):
            await websocket.close(1000, "the meeting has ended")


async def _room_ticket(
    websocket: WebSocket, state: ServiceState, ticket: str, meeting_id: str, participant: str
) -> tuple[RunningBot, Member] | None:
    """The room's live meeting and the ticket's page if that page is ``participant`` in it;
    else the socket is closed saying why."""
    holder = state.rooms.ticket_holder(ticket)
    if holder is None:
        await websocket.close(CLOSE_UNAUTHENTICATED, "unknown ticket: rejoin the room")
        return None
    room, member = holder
    live = room.bot
    if live is None or live.feed.closed:
        await websocket.close(CLOSE_NOT_LIVE, "the room's assistant is not in the meeting")
        return None
    if live.meeting_id != meeting_id or member.participant != participant:
        await websocket.close(CLOSE_NOT_YOURS, "hints go only to the person they concern")
        return None
    return live, member


async def _token(
    websocket: WebSocket,
    state: ServiceState,
    token: str | None,
    meeting_id: str,
    participant: str,
) -> RunningBot | None:
    """The team's live meeting if the token's caller is ``participant``; else closed."""
    authorization = websocket.headers.get("authorization")
    if authorization is None and token:
        authorization = f"Bearer {token}"
    if authorization is None:
        await websocket.close(
            CLOSE_UNAUTHENTICATED, "no token: send ?token= or Authorization (?ticket= in a room)"
        )
        return None
    try:
        caller, status = await anyio.to_thread.run_sync(
            _caller_and_status, state.database, authorization, meeting_id
        )
    except AuthenticationError as error:
        await websocket.close(CLOSE_UNAUTHENTICATED, error.problem[:120])
        return None
    except NotFoundError as error:
        await websocket.close(CLOSE_NOT_FOUND, error.problem[:120])
        return None
    except MeetingAssistantError as error:  # the database is away
        await websocket.close(CLOSE_TOO_SLOW, error.problem[:120])
        return None
    live = state.bots.live(caller.team_id, meeting_id)
    if live is None or live.feed.closed:
        await websocket.close(CLOSE_NOT_LIVE, f"the meeting is {status}, not live here")
        return None
    if not live.may_hint(participant, caller.token_id, caller.person):
        await websocket.close(CLOSE_NOT_YOURS, "hints go only to the person they concern")
        return None
    return live


def _caller_and_status(
    database: Database, authorization: str, meeting_id: str
) -> tuple[Caller, str]:
    with database.session() as session:
        caller = authenticate(session, authorization)
        meeting = TeamScope(session, caller.team_id).meeting(meeting_id)
        return caller, meeting.status


async def _send(websocket: WebSocket, participant: str, watcher: Watcher) -> None:
    await websocket.send_json({"type": "opted_in", "participant": participant})
    while (event := await watcher.get()) is not None:
        await websocket.send_json(event)


async def _until_left(page: Member) -> None:
    await page.gone.wait()


async def _until_gone(websocket: WebSocket) -> None:
    while True:
        message = await websocket.receive()
        if message["type"] == "websocket.disconnect":
            return
