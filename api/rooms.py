"""Rooms of our own: a Janus VideoRoom per room, the room's chat, and its assistant.

People open ``/rooms/{id}`` and join the VideoRoom from the browser (camera and microphone go
through Janus, never through us). The page also keeps one websocket to the service
(``/rooms/{id}/ws``): the room's chat, and the captions of the room's bot, relayed from its
live feed. The chat is ours, not Janus's TextRoom: the page talks to the service anyway for
captions, and the bot runs in this process, so its notices and a participant's ``/stop`` need
no data channel and no second peer connection per person.

The assistant (a ``BotManager`` bot) posts a consent notice when it joins and whenever someone
joins; ``/stop`` in the chat, or "stop recording" in a final caption, makes it leave and
discard the meeting; when its meeting is done, the summary (action items, participation) is
posted in the chat. A room may require the host's invite: the host is whoever holds the key
given once when the room was created.

Private hints in a room: each page is given a ticket of its own in its ``welcome`` (a secret
that only its own websocket carries). Once the assistant hears someone of that page's name
join, the page is told its participant id (``{"type": "you", ...}``); with the ticket it may
open that one participant's hints socket (``/api/v1/meetings/{id}/hints?ticket=``), which is
how a person opts in. The host's page makes its participant the host of the hint engine, who
alone is told about someone not heard for a while.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import hashlib
import hmac
import ipaddress
import logging
import secrets
from collections import deque
from collections.abc import Coroutine
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import anyio
from sqlalchemy import select

from assistant.bot.janus import JanusSession
from assistant.config import Settings
from models.errors import (
    InputError,
    MeetingAssistantError,
    MeetingServerError,
    NotFoundError,
    PermissionDeniedError,
    ServiceUnavailableError,
)

from .bots import BotManager, RunningBot
from .live import Event, Watcher
from .room_text import (
    STOP_COMMAND,
    consent_notice,
    discarded_notice,
    meeting_summary,
    says_stop_recording,
    welcome_notice,
)
from .schemas import BotCreate, RoomCreate
from .store.database import Database
from .store.tables import RoomRow, utc_now

__all__ = ["LiveRoom", "Member", "RoomManager", "host_key_digest"]

log = logging.getLogger(__name__)

VIDEOROOM = "janus.plugin.videoroom"
MAX_CHAT_CHARS = 2000
MAX_NAME_CHARS = 80
_ROOM_NUMBERS = (1_000_000, 2**31 - 1)
"""VideoRoom numbers we pick from: well inside what a browser's JavaScript holds exactly."""
_KEPT = ("joined", "left", "final")
"""Caption events a newcomer to the page is sent first (the meeting so far)."""


def host_key_digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def clean_name(name: object) -> str:
    """A display name as people typed it, or ``InputError`` saying what is wrong."""
    if not isinstance(name, str):
        raise InputError("the name must be text")
    clean = " ".join("".join(c if c.isprintable() else " " for c in name).split())
    if not clean:
        raise InputError("say who you are: the name is empty")
    if len(clean) > MAX_NAME_CHARS:
        raise InputError(f"the name is longer than {MAX_NAME_CHARS} characters")
    return clean


@dataclass(eq=False, slots=True)
class Member:
    """One page in the room (its websocket)."""

    name: str
    host: bool
    queue: Watcher = field(default_factory=Watcher)
    ticket: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    """Opens this page's own hints socket, and no one else's; it dies with the page."""
    participant: str | None = None
    """The room's assistant's participant id for this page's person, once heard joining."""
    gone: asyncio.Event = field(default_factory=asyncio.Event)
    """Set when the page leaves: its hints socket ends with it."""


@dataclass(eq=False, slots=True)
class LiveRoom:
    """A room someone is in, in memory (chat and captions are not kept past the process)."""

    room_id: str
    team_id: int
    title: str
    janus_room: int
    pin: str
    auto_bot: bool
    require_host_invite: bool
    chat: deque[Event]
    members: list[Member] = field(default_factory=list)
    bot: RunningBot | None = None
    starting: bool = False
    kept: list[Event] = field(default_factory=list)
    """The current bot's joins, leaves and final captions, for pages opened later."""
    stopped_by: str | None = None
    """Who stopped the assistant: it does not come back by itself until everyone has left."""
    stop_how: str | None = None
    """How the last stop was asked for ("Ada typed /stop in the chat")."""

    def bot_status(self) -> Event:
        bot = self.bot
        return {
            "type": "bot",
            "status": "live" if bot is not None else ("starting" if self.starting else "none"),
            "meeting_id": bot.meeting_id if bot is not None else None,
            "display": bot.display if bot is not None else None,
        }


class RoomManager:
    """Every room of this process. Lives on the API's event loop."""

    def __init__(self, settings: Settings, database: Database, bots: BotManager) -> None:
        self._settings = settings
        self._database = database
        self._bots = bots
        self._live: dict[str, LiveRoom] = {}
        self._tickets: dict[str, tuple[LiveRoom, Member]] = {}
        self._tasks: set[asyncio.Task[None]] = set()

    @property
    def janus_url(self) -> str:
        url = self._settings.rooms.janus_url
        if not url:
            raise ServiceUnavailableError(
                "rooms need a Janus server: set rooms.janus_url (MA_ROOMS__JANUS_URL)"
            )
        return url.rstrip("/")

    # The API: create and list rooms.

    async def create(self, team_id: int, request: RoomCreate) -> tuple[RoomRow, str]:
        """A new room and its VideoRoom on Janus; the host key (shown once) with it."""
        url = self.janus_url
        host_key = secrets.token_urlsafe(24)
        row = RoomRow(
            id=secrets.token_urlsafe(16),
            team_id=team_id,
            title=request.title.strip() or "Meeting",
            janus_room=secrets.randbelow(_ROOM_NUMBERS[1] - _ROOM_NUMBERS[0]) + _ROOM_NUMBERS[0],
            pin=secrets.token_hex(8),
            auto_bot=request.auto_bot,
            require_host_invite=request.require_host_invite,
            host_key_sha256=host_key_digest(host_key),
            created_at=utc_now(),
        )
        await self._ensure_videoroom(url, row)
        await anyio.to_thread.run_sync(self._insert, row)
        return row, host_key

    def rooms(self, team_id: int) -> list[RoomRow]:
        with self._database.session() as session:
            rows = session.scalars(
                select(RoomRow).where(RoomRow.team_id == team_id).order_by(RoomRow.created_at)
            ).all()
            session.expunge_all()
            return list(rows)

    def room(self, room_id: str, team_id: int | None = None) -> RoomRow:
        with self._database.session() as session:
            row = session.get(RoomRow, room_id)
            if row is None or (team_id is not None and row.team_id != team_id):
                raise NotFoundError("no such room")
            session.expunge(row)
            return row

    def bot_meeting(self, room_id: str) -> str | None:
        live = self._live.get(room_id)
        return live.bot.meeting_id if live is not None and live.bot is not None else None

    def ticket_holder(self, ticket: str) -> tuple[LiveRoom, Member] | None:
        """The room page a hints ticket was given to, while it is open."""
        found = self._tickets.get(ticket)
        if found is None or not hmac.compare_digest(found[1].ticket, ticket):
            return None
        return found

    # The page.

    async def page_config(self, room_id: str) -> dict[str, Any]:
        """What the room's page needs to join (the VideoRoom is created again if Janus lost
        it, after a restart say)."""
        url = self.janus_url
        row = await anyio.to_thread.run_sync(self.room, room_id)
        await self._ensure_videoroom(url, row)
        rooms = self._settings.rooms
        return {
            "title": row.title,
            "janus_url": rooms.public_janus_url or url,
            "janus_room": row.janus_room,
            "pin": row.pin,
            "video": {
                "width": rooms.video_width,
                "height": rooms.video_height,
                "fps": rooms.video_fps,
            },
            "auto_bot": row.auto_bot,
            "require_host_invite": row.require_host_invite,
            "bot_display": self._settings.bot.display,
        }

    async def enter(
        self, room_id: str, name: object, host_key: str | None
    ) -> tuple[LiveRoom, Member]:
        """Someone opened the room's chat; the assistant comes if the room says so."""
        name = clean_name(name)
        row = await anyio.to_thread.run_sync(self.room, room_id)
        room = self._live.get(room_id)
        if room is None:
            room = LiveRoom(
                room_id=row.id,
                team_id=row.team_id,
                title=row.title,
                janus_room=row.janus_room,
                pin=row.pin,
                auto_bot=row.auto_bot,
                require_host_invite=row.require_host_invite,
                chat=deque(maxlen=self._settings.rooms.chat_history),
            )
            self._live[room_id] = room
        host = host_key is not None and hmac.compare_digest(
            host_key_digest(host_key), row.host_key_sha256
        )
        member = Member(name, host)
        member.queue.put(
            {
                "type": "welcome",
                "name": member.name,
                "host": host,
                "ticket": member.ticket,
                "chat": list(room.chat),
                "captions": list(room.kept),
                "bot": room.bot_status(),
            }
        )
        room.members.append(member)
        self._tickets[member.ticket] = (room, member)
        if room.bot is not None:  # the assistant may have heard them join already
            for pid, heard in list(room.bot.feed.names.items()):
                self._bind(room, room.bot, pid, heard)
        if room.auto_bot and room.stopped_by is None and (not room.require_host_invite or host):
            self._start_bot(room, member)
        return room, member

    def leave(self, room: LiveRoom, member: Member) -> None:
        self._tickets.pop(member.ticket, None)
        member.gone.set()
        with contextlib.suppress(ValueError):
            room.members.remove(member)
        if not room.members:
            room.stopped_by = None  # whoever comes next starts afresh
            if room.bot is None and not room.starting:
                self._live.pop(room.room_id, None)

    def say(self, room: LiveRoom, member: Member, text: object) -> None:
        """A chat message from a page: posted to everyone; ``/stop`` stops the assistant."""
        if not isinstance(text, str) or not text.strip():
            raise InputError("the message is empty")
        if len(text) > MAX_CHAT_CHARS:
            raise InputError(f"the message is longer than {MAX_CHAT_CHARS} characters")
        self._post(room, member.name, text.strip())
        if text.strip().lower() == STOP_COMMAND:
            self._stop_bot(room, member.name, f"{member.name} typed {STOP_COMMAND} in the chat")

    def invite(self, room: LiveRoom, member: Member) -> None:
        """A page asks for the assistant."""
        if room.require_host_invite and not member.host:
            raise PermissionDeniedError("only the host can invite the assistant to this room")
        room.stopped_by = None
        self._start_bot(room, member)

    # POST /bots into one of our rooms.

    def check_bot_request(self, request: BotCreate) -> RoomRow | None:
        """The room of ours that ``request`` sends a bot to, if any; refused with
        ``PermissionDeniedError`` when that room wants the host's invite and the request
        does not carry the host's key. Runs in a thread."""
        url = self._settings.rooms.janus_url
        if not url or not isinstance(request.room, int) or not _same_server(request.url, url):
            return None
        with self._database.session() as session:
            row = session.scalar(select(RoomRow).where(RoomRow.janus_room == request.room))
            if row is None:
                return None
            session.expunge(row)
        if row.require_host_invite and not (
            request.host_key
            and hmac.compare_digest(host_key_digest(request.host_key), row.host_key_sha256)
        ):
            raise PermissionDeniedError(
                f"room {request.room} takes the assistant only on its host's invite: send the "
                "room's host_key"
            )
        return row

    def attach(self, row: RoomRow, bot: RunningBot) -> None:
        """A bot sent by ``POST /bots`` into one of our rooms speaks in its chat too."""
        room = self._live.get(row.id)
        if room is None:
            room = LiveRoom(
                room_id=row.id,
                team_id=row.team_id,
                title=row.title,
                janus_room=row.janus_room,
                pin=row.pin,
                auto_bot=row.auto_bot,
                require_host_invite=row.require_host_invite,
                chat=deque(maxlen=self._settings.rooms.chat_history),
            )
            self._live[row.id] = room
        if room.bot is None:
            self._follow(room, bot)

    async def aclose(self) -> None:
        for room in self._live.values():
            for member in room.members:
                member.queue.put(None)
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    # The assistant in a room.

    def _start_bot(self, room: LiveRoom, member: Member) -> None:
        if room.bot is not None or room.starting:
            return
        room.starting = True
        self._broadcast(room, room.bot_status())
        self._spawn(self._run_bot(room, member.name), f"room-{room.room_id}-bot")

    async def _run_bot(self, room: LiveRoom, invited_by: str) -> None:
        try:
            request = BotCreate(
                url=self.janus_url, room=room.janus_room, pin=room.pin, title=room.title
            )
            bot = await self._bots.start(room.team_id, request)
        except MeetingAssistantError as error:
            self._post(room, "Room", f"The assistant could not join: {error.problem}", system=True)
            return
        finally:
            room.starting = False
            self._broadcast(room, room.bot_status())
        log.info("room %s: the assistant joined (asked by %s)", room.room_id, invited_by)
        self._follow(room, bot)

    def _follow(self, room: LiveRoom, bot: RunningBot) -> None:
        room.bot, room.kept = bot, []
        for member in room.members:  # a new meeting: its participant ids are new too
            member.participant = None
        self._spawn(self._relay(room, bot), f"room-{room.room_id}-relay")

    async def _relay(self, room: LiveRoom, bot: RunningBot) -> None:
        """The bot's events to the room's pages, with the notices they call for; the outcome
        once its meeting ends."""
        display = bot.display
        history, watcher = bot.feed.watch()
        self._broadcast(room, room.bot_status())
        self._post(room, display, consent_notice(display), bot=True)
        try:
            for past in history:
                self._on_event(room, bot, past)
            while (event := await watcher.get()) is not None:
                self._on_event(room, bot, event)
            if bot.task is not None:
                # The feed closes in the bot's last step: its outcome is set by then.
                await asyncio.gather(bot.task, return_exceptions=True)
        finally:
            bot.feed.forget(watcher)
            if room.bot is bot:
                room.bot = None
        if bot.discard_reason is not None:
            room.kept = []
            how = room.stop_how or "a participant asked"
            self._post(room, display, discarded_notice(how), bot=True)
            self._broadcast(room, {"type": "discarded", "meeting_id": bot.meeting_id})
        elif bot.report is not None:
            self._post(room, display, meeting_summary(bot.report), bot=True)
        else:
            self._post(
                room, display, "The assistant left; the meeting could not be stored.", bot=True
            )
        self._broadcast(room, room.bot_status())
        if not room.members and room.bot is None and not room.starting:
            self._live.pop(room.room_id, None)

    def _on_event(self, room: LiveRoom, bot: RunningBot, event: Event) -> None:
        if bot.discard_reason is not None:
            return  # nothing more of a discarded meeting goes out
        if event["type"] in _KEPT:
            room.kept.append(event)
        self._broadcast(room, event)
        if event["type"] == "joined":
            self._bind(room, bot, event["participant"], event["name"])
            self._post(room, bot.display, welcome_notice(event["name"]), bot=True)
        elif event["type"] == "final" and says_stop_recording(event.get("text", "")):
            name = event.get("name", "someone")
            self._stop_bot(room, name, f'{name} said "stop recording"')

    def _bind(self, room: LiveRoom, bot: RunningBot, participant_id: str, name: str) -> None:
        """The assistant heard ``name`` join as ``participant_id``: the page of that name (one
        not bound yet first; else, as after a rejoin, the first of that name) is that
        participant for hints. Names are all the two sides share: the page publishes to Janus
        under the name it said hello with."""
        if any(m.participant == participant_id for m in room.members):
            return
        try:
            heard = clean_name(name)  # the page may publish the name as typed, spaces and all
        except InputError:
            return
        named = [m for m in room.members if m.name == heard]
        if not named:
            return
        member = next((m for m in named if m.participant is None), named[0])
        member.participant = participant_id
        if member.host:
            bot.hints.set_host(participant_id)
        member.queue.put(
            {
                "type": "you",
                "participant": participant_id,
                "meeting_id": bot.meeting_id,
                "host": member.host,
            }
        )

    def _stop_bot(self, room: LiveRoom, name: str, how: str) -> None:
        bot = room.bot
        if bot is None:
            self._post(room, "Room", "The assistant is not in this meeting.", system=True)
            return
        if bot.discard_reason is not None:
            return
        room.stopped_by, room.stop_how = name, how
        room.kept = []
        self._bots.discard(bot, f"stopped by a participant: {how}; nothing of it was kept")
        self._broadcast(room, {"type": "discarded", "meeting_id": bot.meeting_id})

    def _post(
        self, room: LiveRoom, author: str, text: str, *, bot: bool = False, system: bool = False
    ) -> None:
        message: Event = {
            "type": "chat",
            "from": author,
            "text": text,
            "bot": bot,
            "system": system,
            "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        }
        room.chat.append(message)
        self._broadcast(room, message)

    def _broadcast(self, room: LiveRoom, event: Event) -> None:
        for member in list(room.members):
            member.queue.put(event)

    def _spawn(self, work: Coroutine[Any, Any, None], name: str) -> None:
        task = asyncio.create_task(self._guard(work), name=name)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _guard(self, work: Coroutine[Any, Any, None]) -> None:
        try:
            await work
        except Exception:
            log.exception("room task failed")

    # Janus and the store.

    async def _ensure_videoroom(self, url: str, row: RoomRow) -> None:
        rooms = self._settings.rooms
        try:
            async with await JanusSession.create(
                url, timeout_s=self._settings.bot.request_timeout_s
            ) as janus:
                handle = await janus.attach(VIDEOROOM)
                exists = await handle.request({"request": "exists", "room": row.janus_room})
                if exists.get("exists"):
                    return
                await handle.request(
                    {
                        "request": "create",
                        "room": row.janus_room,
                        "description": row.title[:100],
                        "pin": row.pin,
                        "is_private": True,
                        "publishers": rooms.max_people + 1,  # and the assistant
                        "bitrate": rooms.bitrate_kbps * 1000,
                        "bitrate_cap": True,
                        "fir_freq": 10,
                        "audiocodec": "opus",
                        "videocodec": "vp8",
                        "notify_joining": True,
                    }
                )
        except ServiceUnavailableError as error:  # the meeting server's, not ours
            raise MeetingServerError(error.problem, error.source) from None

    def _insert(self, row: RoomRow) -> None:
        with self._database.session() as session:
            session.add(row)
            session.flush()
            session.expunge(row)


def _same_server(a: str, b: str) -> bool:
    """Two URLs of one Janus: same scheme, port and path, and the same host (any two loopback
    names count as one)."""
    first, second = urlsplit(a.strip()), urlsplit(b.strip())
    try:
        if (first.scheme, first.port, first.path.rstrip("/")) != (
            second.scheme,
            second.port,
            second.path.rstrip("/"),
        ):
            return False
    except ValueError:
        return False
    return _host(first.hostname) == _host(second.hostname)


def _host(name: str | None) -> str:
    host = (name or "").lower().rstrip(".")
    if host == "localhost":
        return "loopback"
    with contextlib.suppress(ValueError):
        if ipaddress.ip_address(host).is_loopback:
            return "loopback"
    return host
