"""Bots the service runs: each one follows a Janus VideoRoom (or, for the companion page, a
WHIP client's two audio sources) as an asyncio task of the API process, streams its events to
the meeting's watchers (``api.live``), saves the transcript so
far every few seconds, and when it ends (stopped, room empty, server gone, service shutting
down) stores the meeting as an analysed upload would be: report files, status ``done``, action
items.

A meeting is ``live`` while its bot follows it, ``processing`` while the bot's analysis runs.
The transcript so far is saved as ``upload.json`` (the transcript JSON format) in the meeting's
folder: should the process die, the next start finds the meeting ``live`` with no bot beating
for it and queues that file as an ordinary transcript upload, so at most a few seconds are lost.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
import logging
import shutil
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import anyio
from sqlalchemy import select

from assistant.bot import BotOptions, BotSession, ParticipantJoined, ParticipantLeft
from assistant.bot.whip import ME, WhipOptions, WhipSession
from assistant.config import Settings
from assistant.hints import HintEngine
from assistant.inputs.transcript_json import dump_transcript_json
from assistant.outbound import check_loopback_or_allowed
from assistant.processing.analyze import write_outputs
from assistant.processing.live import LiveSignal
from assistant.processing.speech import SpeechModels
from models.errors import (
    MeetingAssistantError,
    MeetingServerError,
    NotFoundError,
    ServiceUnavailableError,
    TooManySessionsError,
)
from models.vision import VisionModels
from pipelines.frames import Caption, VoiceActivity

from .hints import HintHub, hint_options
from .jobs import JobQueue, earlier_reports, meeting_folder, store_analysis
from .live import LiveFeed, ended_event
from .schemas import BotCreate
from .store.database import Database
from .store.tables import MeetingRow, utc_now

__all__ = ["BotManager", "RunningBot", "bot_settings", "check_host", "recover_live_meetings"]

log = logging.getLogger(__name__)

SAVE_EVERY_S = 2.0
"""The transcript so far is saved, talk time sent and the meeting's heartbeat written this
often (s): a crash loses at most this much of the finals."""
LIVE_LEASE_S = 30.0
"""A ``live`` meeting whose bot has not beaten for this long (s) was left by a dead process."""
LIVE_TRANSCRIPT = "upload.json"
HINT_EVERY_S = 1.0
"""Live hints are looked for this often (s)."""


def check_host(url: str, allowed: Sequence[str]) -> None:
    """Refuse a meeting server the service may not reach: anything but loopback, unless
    ``allowed`` names its host, its address or a network holding it. Names are compared as
    given, never resolved (a name that resolves inward is refused unless it is named)."""
    check_loopback_or_allowed(url, allowed, "bot.allowed_hosts (MA_BOT__ALLOWED_HOSTS)")


def bot_settings(settings: Settings) -> Settings:
    """The settings a bot runs with: one track per person, so nothing to split by voice (the
    voice models stay unloaded)."""
    diarization = settings.diarization.model_copy(update={"enabled": False})
    return settings.model_copy(update={"diarization": diarization})


@dataclass(slots=True)
class RunningBot:
    """One bot of the service, or one companion (WHIP) session: both follow a live meeting the
    same way (mutable: its status changes as it ends)."""

    bot_id: str
    team_id: int
    meeting_id: str
    options: BotOptions | None
    """The room a bot joined; None for a companion session."""
    title: str
    started_at: dt.datetime
    session: BotSession | WhipSession
    feed: LiveFeed
    folder: Path
    hints: HintHub
    owners: dict[str, str] = field(default_factory=dict)
    """Participant id -> id of the token that speaks for them (the companion's seller): who,
    besides a person token of their name, may have their private hints."""
    status: str = "live"
    saved_version: int = -1
    """The feed's version last written to ``upload.json``."""
    stop: asyncio.Event = field(default_factory=asyncio.Event)
    task: asyncio.Task[None] | None = None
    discard_reason: str | None = None
    """Set when a participant stopped the bot: nothing of the meeting is kept but the row,
    which says this."""
    report: dict[str, Any] | None = None
    """The stored report, once the meeting is done (what the room's chat is told)."""

    @property
    def display(self) -> str:
        """The name it goes by in the meeting (a companion session has no bot to show)."""
        return self.options.display if self.options is not None else "Companion"

    @property
    def companion(self) -> bool:
        return isinstance(self.session, WhipSession)

    def names(self) -> list[str]:
        """Who is in it now: the room's publishers, or the companion's sources."""
        if isinstance(self.session, WhipSession):
            return [p.name for p in self.session.participants]
        return [p.participant.name for p in self.session.present]

    def may_hint(self, participant_id: str, token_id: str, person: str | None) -> bool:
        """Whether this caller is ``participant_id`` (their own hints only)."""
        if self.owners.get(participant_id) == token_id:
            return True
        name = self.feed.names.get(participant_id)
        return person is not None and name is not None and person == name


class BotManager:
    """The bots of this process, at most ``bot.max_bots`` at once. Lives on the API's loop."""

    def __init__(
        self,
        settings: Settings,
        database: Database,
        models: Callable[[], SpeechModels],
        *,
        on_stored: Callable[[str], None] | None = None,
    ) -> None:
        """``models`` loads (or returns) the shared speech models; it is called in a thread.
        ``on_stored`` gets each meeting stored as done (its delivery), in a thread."""
        self._settings = bot_settings(settings)
        self._on_stored = on_stored
        self._database = database
        self._models = models
        self._vision: VisionModels | None = None
        self._vision_lock = asyncio.Lock()
        self._bots: dict[str, RunningBot] = {}
        self._starting = 0
        self._companions_starting = 0
        self._closing = False

    def running(self, team_id: int) -> list[RunningBot]:
        """The team's bots (companion sessions are not bots)."""
        return [b for b in self._bots.values() if b.team_id == team_id and not b.companion]

    def bot(self, team_id: int, bot_id: str) -> RunningBot:
        bot = self._bots.get(bot_id)
        if bot is None or bot.team_id != team_id or bot.companion:
            raise NotFoundError(f"no running bot {bot_id!r}")
        return bot

    def companion_session(self, team_id: int, session_id: str) -> RunningBot:
        found = self._bots.get(session_id)
        if found is None or found.team_id != team_id or not found.companion:
            raise NotFoundError(f"no running companion session {session_id!r}")
        return found

    def live(self, team_id: int, meeting_id: str) -> RunningBot | None:
        """The bot or companion session following the team's meeting in this process."""
        for bot in self._bots.values():
            if bot.team_id == team_id and bot.meeting_id == meeting_id:
                return bot
        return None

    def feed(self, team_id: int, meeting_id: str) -> LiveFeed | None:
        """The live feed of the team's meeting, if a bot of this process follows it."""
        bot = self.live(team_id, meeting_id)
        return None if bot is None else bot.feed

    async def start(self, team_id: int, request: BotCreate) -> RunningBot:
        """Join the room (errors surface here: unreachable, no room, wrong pin), create the
        ``live`` meeting and follow it in a task of its own."""
        settings = self._settings
        check_host(request.url, settings.bot.allowed_hosts)
        limit = settings.bot.max_bots
        if self._closing:
            raise ServiceUnavailableError("the service is shutting down")
        if len(self.running_bots()) + self._starting >= limit:
            raise ServiceUnavailableError(
                f"this service already runs as many bots as it may ({limit}, bot.max_bots); "
                "stop one or try again later"
            )
        self._starting += 1
        options = BotOptions.from_settings(
            request.url, request.room, settings.bot, display=request.display, pin=request.pin
        )
        session = BotSession(options, settings)
        try:
            try:
                await session.join()
            except ServiceUnavailableError as error:  # the meeting server's, not ours: 502
                raise MeetingServerError(error.problem, error.source) from None
            except BaseException:
                with anyio.CancelScope(shield=True):
                    await session.aclose()
                raise
            title = request.title or f"Room {request.room}"
            names = [p.participant.name for p in session.present]
            return await self._launch(
                team_id, session, title, names, options=options, account=request.account
            )
        finally:
            self._starting -= 1

    async def start_companion(
        self,
        team_id: int,
        token_id: str,
        offer_sdp: str,
        *,
        title: str | None = None,
        me_name: str | None = None,
        account: str | None = None,
    ) -> tuple[RunningBot, str]:
        """Take a companion page's WHIP offer (an ``InputError`` says what is wrong with it),
        create the ``live`` meeting, follow it, and return the SDP answer. ``token_id``'s
        caller is the seller (``me``): their private hints are theirs."""
        settings = self._settings
        limit = settings.companion.max_sessions
        if self._closing:
            raise ServiceUnavailableError("the service is shutting down")
        running = [b for b in self._bots.values() if b.companion]
        if len(running) + self._companions_starting >= limit:
            raise TooManySessionsError(
                f"this service already follows as many companion sessions as it may ({limit}, "
                "companion.max_sessions); end one (DELETE its resource) or try again later"
            )
        self._companions_starting += 1
        options = WhipOptions(
            me_name=me_name or "me",
            customer_name=settings.companion.customer_name,
            connect_timeout_s=settings.companion.connect_timeout_s,
        )
        session = WhipSession(options, settings)
        try:
            try:
                answer = await session.answer(offer_sdp)
            except BaseException:
                with anyio.CancelScope(shield=True):
                    await session.aclose()
                raise
            names = [p.name for p in session.participants]
            bot = await self._launch(
                team_id,
                session,
                title or "Companion call",
                names,
                options=None,
                host=ME,
                owners={ME: token_id},
                account=account,
            )
            return bot, answer
        finally:
            self._companions_starting -= 1

    def running_bots(self) -> list[RunningBot]:
        return [bot for bot in self._bots.values() if not bot.companion]

    async def _launch(
        self,
        team_id: int,
        session: BotSession | WhipSession,
        title: str,
        names: list[str],
        *,
        options: BotOptions | None,
        host: str | None = None,
        owners: dict[str, str] | None = None,
        account: str | None = None,
    ) -> RunningBot:
        """A joined bot or an answered companion session: load the models, create the ``live``
        meeting, start following and run it in a task of its own. Closes ``session`` on error."""
        settings = self._settings
        meeting_id = uuid.uuid4().hex
        folder = meeting_folder(settings, team_id, meeting_id)
        stored = False
        engine = HintEngine(hint_options(settings.hints), host=host)
        try:
            models = await anyio.to_thread.run_sync(self._models)
            vision = await self._vision_models()
            row = MeetingRow(
                id=meeting_id,
                team_id=team_id,
                title=title,
                account=account,
                date=dt.date.today(),
                participants=names,
                status="live",
                progress=0.0,
                upload_name=LIVE_TRANSCRIPT,
                upload_bytes=0,
                attempts=0,
                heartbeat_at=utc_now(),
            )
            await anyio.to_thread.run_sync(self._insert, row, folder)
            stored = True
            await session.start(models, vision=vision, on_signal=partial(_signal, engine))
        except BaseException:
            with anyio.CancelScope(shield=True):
                await session.aclose()
                if stored:
                    await anyio.to_thread.run_sync(self._remove, meeting_id, folder)
            raise
        bot = RunningBot(
            bot_id=uuid.uuid4().hex,
            team_id=team_id,
            meeting_id=meeting_id,
            options=options,
            title=title,
            started_at=utc_now(),
            session=session,
            feed=LiveFeed(meeting_id),
            folder=folder,
            hints=HintHub(engine),
            owners=dict(owners or {}),
        )
        self._bots[bot.bot_id] = bot
        bot.task = asyncio.create_task(self._run(bot), name=f"bot-{bot.bot_id}")
        if self._closing:  # the service began shutting down while this one joined
            bot.stop.set()
        return bot

    def request_companion_stop(self, team_id: int, session_id: str) -> RunningBot:
        """End a companion session (its WHIP resource was deleted): stored in the background."""
        found = self.companion_session(team_id, session_id)
        found.stop.set()
        return found

    def request_stop(self, team_id: int, bot_id: str) -> RunningBot:
        """Ask the bot to leave; its meeting is analysed and stored in the background."""
        bot = self.bot(team_id, bot_id)
        bot.stop.set()
        return bot

    def discard(self, bot: RunningBot, reason: str) -> None:
        """Make the bot leave and keep nothing of its meeting (its media, transcript and
        captions): the meeting's row stays, ``stopped``, with ``reason`` as its error."""
        if bot.discard_reason is None:
            bot.discard_reason = reason
        bot.stop.set()

    async def aclose(self) -> None:
        """Stop every bot and wait until their meetings are stored (service shutdown)."""
        self._closing = True
        bots = list(self._bots.values())
        for bot in bots:
            bot.stop.set()
        await asyncio.gather(*(b.task for b in bots if b.task), return_exceptions=True)

    # One bot, from following to the stored meeting.

    async def _run(self, bot: RunningBot) -> None:
        session = bot.session
        forwarder = asyncio.create_task(self._forward(bot), name=f"bot-{bot.bot_id}-events")
        saver = asyncio.create_task(self._save_every(bot), name=f"bot-{bot.bot_id}-save")
        hinter = asyncio.create_task(self._hint_every(bot), name=f"bot-{bot.bot_id}-hints")
        waiter = asyncio.create_task(session.wait(), name=f"bot-{bot.bot_id}-wait")
        stopper = asyncio.create_task(bot.stop.wait(), name=f"bot-{bot.bot_id}-stop")
        reason: str | None = None
        status = "failed"
        try:
            await asyncio.wait([waiter, stopper], return_when=asyncio.FIRST_COMPLETED)
            if waiter.done() and waiter.exception() is not None:
                error = waiter.exception()
                # What was heard until the server went away is stored all the same.
                reason = str(error) if isinstance(error, MeetingAssistantError) else repr(error)
                log.warning("bot %s interrupted: %s", bot.bot_id, reason)
                if (
                    isinstance(session, WhipSession)
                    and not session.connected
                    and isinstance(error, MeetingAssistantError)
                ):
                    raise error  # its media never came: failed, saying why
            bot.status = "stopping"
            if bot.discard_reason is not None:
                reason = bot.discard_reason
                await self._discard(bot, [forwarder, saver])
                status = "stopped"
                return
            history: list[dict[str, Any]] = []
            # The store being away must not cost the analysis: a meeting it could not mark
            # is found live or processing at the next start and stored from upload.json.
            with contextlib.suppress(MeetingAssistantError):
                await anyio.to_thread.run_sync(self._mark_processing, bot.meeting_id)
                history = await anyio.to_thread.run_sync(
                    earlier_reports, self._database, self._settings, bot.meeting_id
                )
            analysis = await session.stop(title=bot.title, history=history)
            await forwarder
            saver.cancel()
            hinter.cancel()
            await asyncio.gather(saver, hinter, return_exceptions=True)  # its write is done
            await self._save(bot, beat=False)
            await anyio.to_thread.run_sync(write_outputs, analysis, bot.folder)
            await anyio.to_thread.run_sync(
                store_analysis, self._database, bot.meeting_id, analysis.report, bot.folder
            )
            bot.report = analysis.report
            status = "done"
            if self._on_stored is not None and self._settings.delivery.auto_send:
                try:
                    await anyio.to_thread.run_sync(self._on_stored, bot.meeting_id)
                except MeetingAssistantError as error:  # the meeting is stored all the same
                    log.warning("bot %s: delivery not handed on: %s", bot.bot_id, error)
        except MeetingAssistantError as error:
            reason = error.problem
            await self._fail(bot, reason)
        except Exception as error:  # a bug: kept as the meeting's reason, logged in full
            log.exception("bot %s failed", bot.bot_id)
            reason = f"internal error: {type(error).__name__}: {error}"
            await self._fail(bot, reason)
        finally:
            for task in (forwarder, saver, hinter, waiter, stopper):
                task.cancel()
            await asyncio.gather(forwarder, saver, hinter, waiter, stopper, return_exceptions=True)
            with anyio.CancelScope(shield=True):
                await session.aclose()
            bot.hints.close()
            bot.feed.close(ended_event(status, session.clock(), reason))
            self._bots.pop(bot.bot_id, None)

    async def _forward(self, bot: RunningBot) -> None:
        """The session's events to the watchers, and to the hint engine (which has its voice
        activity and seconds of video straight from the live meeting)."""
        engine = bot.hints.engine
        while (event := await bot.session.events.get()) is not None:
            if isinstance(event, ParticipantJoined):
                engine.join(event.participant_id, event.name, event.at_s)
            elif isinstance(event, ParticipantLeft):
                engine.leave(event.participant_id, event.at_s)
            elif isinstance(event, Caption):
                engine.caption(event)
            bot.feed.publish(event)

    async def _hint_every(self, bot: RunningBot) -> None:
        while True:
            await asyncio.sleep(HINT_EVERY_S)
            for hint in bot.hints.poll(bot.session.clock()):
                log.info("meeting %s: a %s hint for %s", bot.meeting_id, hint.kind, hint.recipient)

    async def _save_every(self, bot: RunningBot) -> None:
        while True:
            await asyncio.sleep(SAVE_EVERY_S)
            bot.feed.publish_talk_time(bot.session.clock())
            await self._save(bot, beat=True)

    async def _save(self, bot: RunningBot, *, beat: bool) -> None:
        """The transcript so far to ``upload.json`` (when it changed) and a heartbeat with who
        took part into the row. A full disk or a database away must not end the meeting: it
        is logged and tried again at the next save."""
        feed = bot.feed
        try:
            if bot.saved_version != feed.version:
                version = feed.version
                document = dump_transcript_json(feed.transcript(bot.title, dt.date.today()))
                await anyio.to_thread.run_sync(_write_json, bot.folder / LIVE_TRANSCRIPT, document)
                bot.saved_version = version
            if beat:
                names = list(feed.names.values())
                await anyio.to_thread.run_sync(self._beat, bot.meeting_id, names)
        except (OSError, MeetingAssistantError) as error:
            log.warning("bot %s: could not save the live transcript: %s", bot.bot_id, error)

    # The store, always from a thread.

    async def _vision_models(self) -> VisionModels | None:
        if not self._settings.video.enabled:
            return None
        async with self._vision_lock:  # two first bots at once load them once
            if self._vision is None:
                self._vision = await anyio.to_thread.run_sync(VisionModels.load)
        return self._vision

    def _insert(self, row: MeetingRow, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        with self._database.session() as session:
            session.add(row)

    def _remove(self, meeting_id: str, folder: Path) -> None:
        with self._database.session() as session:
            row = session.get(MeetingRow, meeting_id)
            if row is not None:
                session.delete(row)
        shutil.rmtree(folder, ignore_errors=True)

    def _beat(self, meeting_id: str, names: list[str]) -> None:
        with self._database.session() as session:
            row = session.get(MeetingRow, meeting_id)
            if row is not None and row.status == "live":
                row.heartbeat_at = utc_now()
                if row.participants != names:
                    row.participants = names

    def _mark_processing(self, meeting_id: str) -> None:
        with self._database.session() as session:
            row = session.get(MeetingRow, meeting_id)
            if row is not None:
                row.status, row.heartbeat_at = "processing", utc_now()

    async def _discard(self, bot: RunningBot, tasks: list[asyncio.Task[None]]) -> None:
        """Leave without finishing anything: the live pipeline is dropped, the saved
        transcript and the meeting's folder deleted, the row marked ``stopped``."""
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)  # no save after the delete
        with anyio.CancelScope(shield=True):
            await bot.session.aclose()
        reason = bot.discard_reason or "stopped by a participant"

        def forget() -> None:
            shutil.rmtree(bot.folder, ignore_errors=True)
            with self._database.session() as session:
                row = session.get(MeetingRow, bot.meeting_id)
                if row is not None:
                    row.status, row.finished_at, row.error = "stopped", utc_now(), reason
                    row.participants, row.progress = [], 0.0
                    row.media_deleted_at = row.finished_at

        with anyio.CancelScope(shield=True):
            await anyio.to_thread.run_sync(forget)

    async def _fail(self, bot: RunningBot, reason: str) -> None:
        def fail() -> None:
            with self._database.session() as session:
                row = session.get(MeetingRow, bot.meeting_id)
                if row is not None:
                    row.status, row.finished_at = "failed", utc_now()
                    row.error = " ".join(reason.split())

        with anyio.CancelScope(shield=True), contextlib.suppress(MeetingAssistantError):
            await anyio.to_thread.run_sync(fail)


def _signal(engine: HintEngine, signal: LiveSignal) -> None:
    if isinstance(signal, VoiceActivity):
        engine.voice(signal)
    else:
        engine.second(signal)


def _write_json(path: Path, document: object) -> None:
    """Atomically: a reader (or a crash) sees the previous version or this one, never half."""
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    temporary.replace(path)


def recover_live_meetings(
    database: Database, settings: Settings, jobs: JobQueue, *, silent_s: float = LIVE_LEASE_S
) -> list[str]:
    """Meetings left ``live`` by a process that died (no heartbeat for ``silent_s``; 0 when
    this process is the store's only one, as with the embedded pool): their saved transcript
    is analysed as a transcript upload; one with nothing saved fails. Returns the ids queued."""
    cutoff = utc_now() - dt.timedelta(seconds=silent_s)
    queued: list[str] = []
    with database.session() as session:
        rows = session.scalars(select(MeetingRow).where(MeetingRow.status == "live")).all()
        for row in rows:
            beat = row.heartbeat_at
            if beat is not None and beat.tzinfo is None:  # SQLite hands back naive UTC
                beat = beat.replace(tzinfo=dt.UTC)
            if silent_s > 0 and beat is not None and beat > cutoff:
                continue  # another process's bot is following it
            saved = meeting_folder(settings, row.team_id, row.id) / LIVE_TRANSCRIPT
            if saved.is_file():
                # The names are in the saved transcript; names in the row would be taken as
                # given at upload and applied by order of first speech.
                row.status, row.progress, row.participants = "queued", 0.0, []
                queued.append(row.id)
            else:
                row.status, row.finished_at = "failed", utc_now()
                row.error = "the service stopped before anything of this live meeting was saved"
    for meeting_id in queued:
        jobs.submit(meeting_id)
    return queued
