"""The store: migrations from empty to head, and tokens from the command line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from click.testing import CliRunner
from sqlalchemy import create_engine, inspect, select, text

from api.auth import authenticate
from api.store.database import Database, upgrade_database
from api.store.tables import ApiToken, Base, MeetingRow, Team
from assistant.cli import cli

MIGRATIONS = Path(__file__).resolve().parents[2] / "api" / "store" / "migrations"


def test_migrations_build_the_schema_the_code_expects_from_empty(database_url: str) -> None:
    upgrade_database(database_url)
    upgrade_database(database_url)  # at head already: nothing to do, no error
    engine = create_engine(database_url)
    with engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        assert {"teams", "api_tokens", "meetings", "action_items", "alembic_version"} <= tables
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert differences == []


def test_0006_adds_the_meeting_account_to_a_database_at_0005(database_url: str) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["url"] = database_url
    command.upgrade(config, "0005")
    engine = create_engine(database_url)
    with engine.begin() as connection:
        assert "account" not in {c["name"] for c in inspect(connection).get_columns("meetings")}
        connection.execute(
            text("INSERT INTO teams (id, name, created_at) VALUES (1, 'acme', :now)"),
            {"now": dt.datetime(2026, 1, 5, tzinfo=dt.UTC)},
        )
        connection.execute(
            text(
                "INSERT INTO meetings (id, team_id, title, date, participants, status, progress,"
                " upload_name, upload_bytes, attempts, created_at) VALUES ('m1', 1, 'Kick-off',"
                " :day, '[]', 'done', 1.0, 'upload', 10, 1, :now)"
            ),
            {"day": dt.date(2026, 1, 5), "now": dt.datetime(2026, 1, 5, tzinfo=dt.UTC)},
        )
    engine.dispose()
    upgrade_database(database_url)
    database = Database(database_url)
    with database.session() as session:
        row = session.get(MeetingRow, "m1")
        assert row is not None and row.title == "Kick-off" and row.account is None
        row.account = "Contoso"
    with database.session() as session:
        row = session.get(MeetingRow, "m1")
        assert row is not None and row.account == "Contoso"
        version = session.execute(text("SELECT version_num FROM alembic_version")).scalar()
        assert version == "0006"
    database.dispose()


def test_token_create_prints_one_token_once_and_stores_its_hash(tmp_path: Path) -> None:
    command = ["token", "create", "--team", "Acme"]
    data = ["--data-dir", str(tmp_path)]
    first = CliRunner().invoke(cli, [*command, "--admin", *data])
    second = CliRunner().invoke(cli, [*command, "--person", "Alice", *data])
    assert first.exit_code == 0 and second.exit_code == 0, first.output + second.output
    tokens = [first.stdout.strip(), second.stdout.strip()]
    assert all(len(out.splitlines()) == 1 for out in (first.stdout, second.stdout))
    assert tokens[0] != tokens[1] and all(t.startswith("ma_") for t in tokens)

    database = Database(f"sqlite:///{tmp_path / 'meetings.db'}")
    with database.session() as session:
        assert session.scalars(select(Team.name)).all() == ["Acme"]  # created once, reused
        hashes = session.scalars(select(ApiToken.secret_sha256)).all()
        assert not any(t.split("_", 2)[2] in hashes for t in tokens)
        admin = authenticate(session, f"Bearer {tokens[0]}")
        person = authenticate(session, f"Bearer {tokens[1]}")
    database.dispose()
    assert (admin.admin, admin.person) == (True, None)
    assert (person.admin, person.person, person.team_id) == (False, "Alice", admin.team_id)

    empty = CliRunner().invoke(cli, [*command[:-1], " ", *data])
    assert empty.exit_code == 2 and "--team" in empty.stderr and "Traceback" not in empty.output
