"""The database: one engine per process, sessions per request or job, migrations by Alembic."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from models.errors import ServiceUnavailableError

__all__ = ["Database", "upgrade_database"]

_MIGRATIONS = Path(__file__).with_name("migrations")


class Database:
    """An engine and its session factory. SQLite gets foreign keys (for cascades) and WAL (so
    readers do not wait for the job writing a status)."""

    def __init__(self, url: str) -> None:
        self.url = url
        options: dict[str, Any] = {"pool_pre_ping": True}
        if url.startswith("sqlite"):
            options["connect_args"] = {"check_same_thread": False, "timeout": 30}
        self.engine: Engine = create_engine(url, **options)
        if url.startswith("sqlite"):
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session committed at the end, rolled back on error; an unreachable database is
        ``ServiceUnavailableError`` (retryable), not a driver traceback."""
        try:
            with self._sessions() as session, session.begin():
                yield session
        except OperationalError as error:
            raise ServiceUnavailableError(f"the database is unreachable ({error.orig})") from error

    def new_session(self) -> Session:
        """A session for one request; the caller commits what it writes."""
        return self._sessions()

    def dispose(self) -> None:
        self.engine.dispose()


def _sqlite_pragmas(connection: Any, _: Any) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def upgrade_database(url: str) -> None:
    """Bring the schema to the newest migration (from empty, or from any older revision)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    config.attributes["url"] = url
    try:
        command.upgrade(config, "head")
    except OperationalError as error:
        raise ServiceUnavailableError(f"the database is unreachable ({error.orig})") from error
