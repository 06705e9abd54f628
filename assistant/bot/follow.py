"""Follow a room from joining to the analysis: what ``meeting-assistant bot join`` runs, and what
the service can run per bot."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from dataclasses import dataclass

from assistant.bot.session import BotEvent, BotOptions, BotSession
from assistant.config import Settings
from assistant.processing.analyze import Analysis
from assistant.processing.speech import SpeechModels
from models.errors import MeetingAssistantError
from models.vision import VisionModels

__all__ = ["FollowResult", "follow_room"]


@dataclass(frozen=True, slots=True)
class FollowResult:
    analysis: Analysis
    """The meeting as far as the bot followed it."""
    interrupted_by: MeetingAssistantError | None
    """Why following stopped early (the server went away, ...); None when the room emptied
    or ``stop`` was set. What was heard until then is analysed all the same."""


async def follow_room(
    options: BotOptions,
    settings: Settings,
    load_models: Callable[[], SpeechModels],
    *,
    on_event: Callable[[BotEvent], None] | None = None,
    on_ready: Callable[[BotSession], None] | None = None,
    stop: asyncio.Event | None = None,
    title: str | None = None,
) -> FollowResult:
    """Join, load the models (``load_models`` runs in a thread, after the room is known to be
    there), follow until the room stays empty for the idle timeout or ``stop`` is set, then
    leave and analyse. Errors before following starts (no such room, ...) are raised."""
    bot = BotSession(options, settings)
    tasks: list[asyncio.Task[None]] = []
    try:
        await bot.join()
        models = await asyncio.to_thread(load_models)
        vision = await asyncio.to_thread(VisionModels.load) if settings.video.enabled else None
        await bot.start(models, vision=vision)
        if on_ready is not None:
            on_ready(bot)

        async def publish() -> None:
            while (event := await bot.events.get()) is not None:
                if on_event is not None:
                    on_event(event)

        async def stopped() -> None:
            await (stop or asyncio.Event()).wait()

        publisher = asyncio.create_task(publish(), name="bot-publish")
        waiter = asyncio.create_task(bot.wait(), name="bot-wait")
        stopper = asyncio.create_task(stopped(), name="bot-stop")
        tasks = [publisher, waiter, stopper]
        await asyncio.wait([waiter, stopper], return_when=asyncio.FIRST_COMPLETED)
        interrupted_by: MeetingAssistantError | None = None
        if waiter.done():
            try:
                waiter.result()
            except MeetingAssistantError as error:
                interrupted_by = error
        analysis = await bot.stop(title=title)
        await publisher
        return FollowResult(analysis, interrupted_by)
    finally:
        for task in tasks:
            task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.gather(*tasks, return_exceptions=True)
        await bot.aclose()
