"""meeting account: the customer's company a meeting was with (nullable, so every existing
meeting simply has none)

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Batch mode, like 0002: on SQLite the downgrade's drop copies the table.
    with op.batch_alter_table("meetings") as batch:
        batch.add_column(sa.Column("account", sa.String(200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("meetings") as batch:
        batch.drop_column("account")
