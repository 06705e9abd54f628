"""rooms: rooms of our own (a Janus VideoRoom joined from /rooms/{id})

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rooms",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column(
            "team_id", sa.Integer, sa.ForeignKey("teams.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("title", sa.String(500), nullable=False),
        sa.Column("janus_room", sa.Integer, nullable=False, unique=True),
        sa.Column("pin", sa.String(64), nullable=False),
        sa.Column("auto_bot", sa.Boolean, nullable=False),
        sa.Column("require_host_invite", sa.Boolean, nullable=False),
        sa.Column("host_key_sha256", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_rooms_team_id", "rooms", ["team_id"])


def downgrade() -> None:
    op.drop_index("ix_rooms_team_id", table_name="rooms")
    op.drop_table("rooms")
