"""The service's store: tables, the database, and the team-scoped query layer."""

from .database import Database, upgrade_database
from .scope import TeamScope
from .tables import ActionItemRow, ApiToken, Base, MeetingRow, MeetingStatus, SignInLink, Team

__all__ = [
    "ActionItemRow",
    "ApiToken",
    "Base",
    "Database",
    "MeetingRow",
    "MeetingStatus",
    "SignInLink",
    "Team",
    "TeamScope",
    "upgrade_database",
]
