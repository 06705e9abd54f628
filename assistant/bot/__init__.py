"""The meeting bot: joins a Janus VideoRoom as a visible participant and follows everyone in it
live, each person's own audio and video into the live pipeline."""

from assistant.bot.follow import FollowResult, follow_room
from assistant.bot.session import (
    BotEvent,
    BotOptions,
    BotSession,
    ParticipantJoined,
    ParticipantLeft,
)

__all__ = [
    "BotEvent",
    "BotOptions",
    "BotSession",
    "FollowResult",
    "ParticipantJoined",
    "ParticipantLeft",
    "follow_room",
]
