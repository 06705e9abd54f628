"""The team's contacts: where each person's digests go (admin only). A contact's name is the
person's name as reports spell it (matched case-insensitively): after each meeting, every
participant with a contact gets the digest with their own feedback; contacts marked ``weekly``
(managers) get the team's weekly digest."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Response
from fastapi import Path as PathParam
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from assistant.delivery import check_address
from models.errors import ConflictError, InputError

from ..store.tables import ContactRow
from .delivery_access import AdminScopeDep

router = APIRouter(tags=["contacts"])

ContactId = Annotated[int, PathParam(ge=1, le=2**63 - 1)]


def _email(value: str) -> str:
    try:
        return check_address(value)
    except InputError as error:
        raise ValueError(error.problem) from None


def _name(value: str) -> str:
    value = " ".join(value.split())
    if not value:
        raise ValueError("must not be blank")
    return value


class ContactCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200, examples=["Alice Martin"])
    """The person's name as reports spell it (case does not matter)."""
    email: str = Field(max_length=320, examples=["alice@example.com"])
    weekly: bool = False
    """Also send this person the team's weekly digest (managers)."""

    @field_validator("name")
    @classmethod
    def _check_name(cls, value: str) -> str:
        return _name(value)

    @field_validator("email")
    @classmethod
    def _check_email(cls, value: str) -> str:
        return _email(value)


class ContactChange(BaseModel):
    """Only the fields sent change."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, min_length=1, max_length=200)
    email: str | None = Field(default=None, max_length=320)
    weekly: bool | None = None

    @field_validator("name")
    @classmethod
    def _check_name(cls, value: str | None) -> str | None:
        return None if value is None else _name(value)

    @field_validator("email")
    @classmethod
    def _check_email(cls, value: str | None) -> str | None:
        return None if value is None else _email(value)

    @model_validator(mode="after")
    def _something(self) -> ContactChange:
        if not self.model_fields_set:
            raise ValueError("send at least one of name, email, weekly")
        for field in self.model_fields_set:
            if getattr(self, field) is None:
                raise ValueError(f"{field} cannot be null")
        return self


class ContactPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    email: str
    weekly: bool
    created_at: dt.datetime


@router.get("/contacts")
def list_contacts(scope: AdminScopeDep) -> list[ContactPublic]:
    return [ContactPublic.model_validate(row) for row in scope.contacts()]


@router.post("/contacts", status_code=201)
def create_contact(body: ContactCreate, scope: AdminScopeDep) -> ContactPublic:
    if scope.contact_named(body.name) is not None:
        raise ConflictError(f"the team already has a contact named {body.name!r}")
    row = ContactRow(
        name=body.name, name_key=body.name.casefold(), email=body.email, weekly=body.weekly
    )
    scope.add(row)
    scope.session.commit()
    return ContactPublic.model_validate(row)


@router.patch("/contacts/{contact_id}")
def update_contact(
    contact_id: ContactId, change: ContactChange, scope: AdminScopeDep
) -> ContactPublic:
    row = scope.contact(contact_id)
    if change.name is not None:
        other = scope.contact_named(change.name)
        if other is not None and other.id != row.id:
            raise ConflictError(f"the team already has a contact named {change.name!r}")
        row.name, row.name_key = change.name, change.name.casefold()
    if change.email is not None:
        row.email = change.email
    if change.weekly is not None:
        row.weekly = change.weekly
    scope.session.commit()
    return ContactPublic.model_validate(row)


@router.delete("/contacts/{contact_id}", status_code=204, response_class=Response)
def delete_contact(contact_id: ContactId, scope: AdminScopeDep) -> Response:
    scope.session.delete(scope.contact(contact_id))
    scope.session.commit()
    return Response(status_code=204)
