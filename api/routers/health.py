"""Liveness and readiness: the only route without a token."""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import text

from ..deps import SessionDep
from ..schemas import Health

router = APIRouter(tags=["health"])


@router.get("/health")
def health(session: SessionDep) -> Health:
    """``ok`` when the database answers (503 otherwise)."""
    session.execute(text("SELECT 1"))
    return Health(status="ok")
