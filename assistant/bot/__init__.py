"""The meeting bot: joins a Janus VideoRoom as a visible participant and follows everyone in it
live, each person's own audio and video into the live pipeline."""

from assistant.bot.follow import FollowResult, follow_room
from assistant.bot.live_session import BotEvent, ParticipantJoined, ParticipantLeft
from assistant.bot.session import BotOptions, BotSession

__all__ = [
    "BotEvent",
    "BotOptions",
    "BotSession",
    "FollowResult",
    "ParticipantJoined",
    "ParticipantLeft",
    "follow_room",
]
