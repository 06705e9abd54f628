"""The dependency of the delivery routes: an admin token's team scope over delivery records
(contacts hold addresses, destinations hold secrets: person tokens see none of them)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from models.errors import PermissionDeniedError

from ..deps import CallerDep, SessionDep
from ..store.delivery_scope import DeliveryScope

__all__ = ["AdminScopeDep"]


def _admin_scope(session: SessionDep, caller: CallerDep) -> DeliveryScope:
    if not caller.admin:
        raise PermissionDeniedError("contacts, destinations and deliveries need an admin token")
    return DeliveryScope(session, caller.team_id)


AdminScopeDep = Annotated[DeliveryScope, Depends(_admin_scope)]
