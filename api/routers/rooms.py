"""Rooms of our own. ``/api/v1/rooms`` (a team's token): create and list rooms. ``/rooms/{id}``
(no token: the link is the way in): the room's page, its settings for the page, its chat and
captions websocket, and the page's scripts (Debian's ``janus.js`` and ``adapter.js``, served
from here: no CDN).

The websocket: the page first sends ``{"type": "hello", "name": ..., "host_key": ...}`` (the
key only on the host's page; it comes from the link's fragment, so no log holds it), then
``{"type": "chat", "text": ...}`` and ``{"type": "invite"}``. The service sends ``welcome``
(the chat and captions so far, the assistant's status, and this page's own hints ticket), then
``you`` (the participant id the assistant heard this page's person join as), ``chat``, ``bot``,
``discarded``,
``error`` and the bot's live events (``joined``, ``left``, ``partial``, ``final``,
``talk_time``, ``engagement``, ``ended``) as the meeting's live websocket does. Close codes:
4400 a bad hello, 4404 no such room, 1013 too far behind.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import json
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, WebSocket
from fastapi import Path as PathParam
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.websockets import WebSocketDisconnect

from models.errors import InputError, MeetingAssistantError, NotFoundError

from ..deps import CallerDep, ServiceState, StateDep
from ..rooms import LiveRoom, Member, RoomManager
from ..schemas import RoomCreate, RoomCreated, RoomPublic
from ..store.tables import RoomRow

api_router = APIRouter(prefix="/rooms", tags=["rooms"])
page_router = APIRouter(prefix="/rooms", include_in_schema=False)

RoomId = Annotated[str, PathParam(pattern=r"^[A-Za-z0-9_-]{16,32}$")]
CLOSE_BAD_HELLO = 4400
CLOSE_NOT_FOUND = 4404
CLOSE_TOO_SLOW = 1013
_HELLO_TIMEOUT_S = 10.0
_MAX_MESSAGE_BYTES = 8192
_ASSETS = ("room.js", "room.css")


@api_router.post("", status_code=201)
async def create_room(request: RoomCreate, caller: CallerDep, state: StateDep) -> RoomCreated:
    """A room people join at its ``link`` from a browser (camera, microphone, captions,
    chat). Its VideoRoom is made on ``rooms.janus_url`` now (503 without one, 502 when that
    server does not answer). The host key is shown once: the host's page (``host_link``) may
    invite the assistant, which a room with ``require_host_invite`` takes from no one else."""
    row, host_key = await state.rooms.create(caller.team_id, request)
    public = _public(row, state.rooms)
    return RoomCreated(
        **public.model_dump(), host_key=host_key, host_link=f"{public.link}#host={host_key}"
    )


@api_router.get("")
async def list_rooms(caller: CallerDep, state: StateDep) -> list[RoomPublic]:
    rows = await asyncio.to_thread(state.rooms.rooms, caller.team_id)
    return [_public(row, state.rooms) for row in rows]


@api_router.get("/{room_id}")
async def get_room(room_id: RoomId, caller: CallerDep, state: StateDep) -> RoomPublic:
    row = await asyncio.to_thread(state.rooms.room, room_id, caller.team_id)
    return _public(row, state.rooms)


def _public(row: RoomRow, rooms: RoomManager) -> RoomPublic:
    return RoomPublic(
        id=row.id,
        title=row.title,
        auto_bot=row.auto_bot,
        require_host_invite=row.require_host_invite,
        link=f"/rooms/{row.id}",
        janus_room=row.janus_room,
        created_at=row.created_at,
        bot_meeting_id=rooms.bot_meeting(row.id),
    )


# The page, for anyone with the link.


@page_router.get("/assets/{name}")
async def asset(name: str, state: StateDep) -> Response:
    """The page's own script and style, and Debian's janus.js and adapter.js."""
    rooms = state.settings.rooms
    files: dict[str, Path] = {"janus.js": rooms.janus_js, "adapter.js": rooms.adapter_js}
    if name in files:
        if not files[name].is_file():
            return JSONResponse({"detail": _missing([files[name]])}, status_code=404)
        return FileResponse(files[name], media_type="text/javascript")
    if name not in _ASSETS:
        return JSONResponse({"detail": "no such file"}, status_code=404)
    media_type = "text/javascript" if name.endswith(".js") else "text/css"
    return Response(_static(name), media_type=media_type)


@page_router.get("/{room_id}")
async def room_page(room_id: RoomId, state: StateDep) -> HTMLResponse:
    """The room: join with camera and microphone, see the others, captions, chat."""
    await asyncio.to_thread(state.rooms.room, room_id)  # 404 for a room that is not there
    rooms = state.settings.rooms
    missing = [path for path in (rooms.janus_js, rooms.adapter_js) if not path.is_file()]
    if missing:
        problem = html.escape(_missing(missing))
        body = f"<h1>This room cannot open here</h1><p id='missing'>{problem}</p>"
        return HTMLResponse(_page(body), status_code=503)
    return HTMLResponse(_static("room.html"))


@page_router.get("/{room_id}/config")
async def room_config(room_id: RoomId, state: StateDep) -> dict[str, Any]:
    """What the page needs to join the room's VideoRoom."""
    return await state.rooms.page_config(room_id)


@page_router.websocket("/{room_id}/ws")
async def room_socket(websocket: WebSocket, room_id: str) -> None:
    state: ServiceState = websocket.app.state.service
    await websocket.accept()
    try:
        hello = await asyncio.wait_for(_receive(websocket), _HELLO_TIMEOUT_S)
        if hello is None:
            return
        if hello.get("type") != "hello":
            raise InputError('the first message must be {"type": "hello", "name": ...}')
        host_key = hello.get("host_key")
        room, member = await state.rooms.enter(
            room_id, hello.get("name"), host_key if isinstance(host_key, str) else None
        )
    except NotFoundError:
        await websocket.close(CLOSE_NOT_FOUND, "no such room")
        return
    except (InputError, TimeoutError) as error:
        reason = error.problem if isinstance(error, InputError) else "no hello within 10 s"
        await websocket.close(CLOSE_BAD_HELLO, reason[:120])
        return
    except MeetingAssistantError as error:
        await websocket.close(CLOSE_TOO_SLOW, error.problem[:120])
        return
    sender = asyncio.create_task(_send(websocket, member), name="room-send")
    listener = asyncio.create_task(_listen(websocket, state.rooms, room, member), name="room-in")
    try:
        await asyncio.wait([sender, listener], return_when=asyncio.FIRST_COMPLETED)
    finally:
        state.rooms.leave(room, member)
        for task in (sender, listener):
            task.cancel()
        await asyncio.gather(sender, listener, return_exceptions=True)
    if member.queue.overflowed:
        with contextlib.suppress(RuntimeError, WebSocketDisconnect):
            await websocket.close(CLOSE_TOO_SLOW, "too far behind; reconnect")


async def _send(websocket: WebSocket, member: Member) -> None:
    while (event := await member.queue.get()) is not None:
        await websocket.send_json(event)


async def _listen(websocket: WebSocket, rooms: RoomManager, room: LiveRoom, member: Member) -> None:
    while (message := await _receive(websocket)) is not None:
        try:
            kind = message.get("type")
            if kind == "chat":
                rooms.say(room, member, message.get("text"))
            elif kind == "invite":
                rooms.invite(room, member)
            else:
                raise InputError(f"unknown message type {kind!r}: expected chat or invite")
        except MeetingAssistantError as error:
            member.queue.put({"type": "error", "detail": error.problem})


async def _receive(websocket: WebSocket) -> dict[str, Any] | None:
    """The next JSON object from the page; None once it is gone. A message that is not one is
    answered with an error and skipped."""
    while True:
        message = await websocket.receive()
        if message["type"] == "websocket.disconnect":
            return None
        text = message.get("text") or ""
        if len(text) > _MAX_MESSAGE_BYTES:
            await websocket.send_json({"type": "error", "detail": "the message is too large"})
            continue
        try:
            value = json.loads(text)
        except ValueError:
            value = None
        if isinstance(value, dict):
            return value
        await websocket.send_json({"type": "error", "detail": "send one JSON object a message"})


def _missing(paths: list[Path]) -> str:
    return (
        f"The room page needs {', '.join(str(p) for p in paths)}, which this server does not "
        "have: install Debian's libjs-janus-gateway and libjs-webrtc-adapter (or set "
        "rooms.janus_js and rooms.adapter_js)."
    )


def _static(name: str) -> str:
    return (resources.files("api") / "static" / "rooms" / name).read_text(encoding="utf-8")


def _page(body: str) -> str:
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Room</title></head>"
        f"<body>{body}</body></html>"
    )
