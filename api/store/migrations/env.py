"""Alembic's environment: the URL comes from the caller (``upgrade_database``), never a file."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from api.store.tables import Base

url = context.config.attributes["url"]
engine = create_engine(url)
with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=url.startswith("sqlite"),
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
engine.dispose()
