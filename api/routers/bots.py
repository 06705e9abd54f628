"""Bots: send one into a Janus VideoRoom, list the team's, stop one. A bot's meeting is
followed live (``/meetings/{id}/live``) and stored like an uploaded one when it ends."""

from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import APIRouter
from fastapi import Path as PathParam

from ..bots import RunningBot
from ..deps import CallerDep, StateDep
from ..schemas import BotCreate, BotPublic

router = APIRouter(prefix="/bots", tags=["bots"])

BotId = Annotated[str, PathParam(min_length=1, max_length=64)]


@router.post("", status_code=201)
async def start_bot(request: BotCreate, caller: CallerDep, state: StateDep) -> BotPublic:
    """Join the room now (an unreachable server is 502, no such room 404, a wrong or missing
    pin 403, one of our rooms that takes it only on the host's invite without ``host_key`` 403,
    a host that is not allowed 422, all bots busy 503) and follow it: the meeting is
    ``live`` until the bot is stopped or the room stays empty for ``bot.idle_timeout_s``."""
    room = await asyncio.to_thread(state.rooms.check_bot_request, request)
    bot = await state.bots.start(caller.team_id, request)
    if room is not None:  # one of our rooms: the bot speaks in its chat too
        state.rooms.attach(room, bot)
    return _public(bot)


@router.get("")
async def list_bots(caller: CallerDep, state: StateDep) -> list[BotPublic]:
    """The team's bots running in this service process."""
    return [_public(bot) for bot in state.bots.running(caller.team_id)]


@router.delete("/{bot_id}", status_code=202)
async def stop_bot(bot_id: BotId, caller: CallerDep, state: StateDep) -> BotPublic:
    """Leave the room. The meeting goes ``processing`` and then ``done`` with its report and
    action items, as an uploaded one would (follow ``GET /meetings/{meeting_id}``)."""
    bot = state.bots.request_stop(caller.team_id, bot_id)
    public = _public(bot)
    return public.model_copy(update={"status": "stopping"})


def _public(bot: RunningBot) -> BotPublic:
    assert bot.options is not None  # a bot, not a companion session
    return BotPublic(
        bot_id=bot.bot_id,
        meeting_id=bot.meeting_id,
        status="live" if bot.status == "live" else "stopping",
        url=bot.options.url,
        room=bot.options.room,
        display=bot.options.display,
        title=bot.title,
        started_at=bot.started_at,
        participants=bot.names(),
    )
