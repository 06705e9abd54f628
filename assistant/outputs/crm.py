"""A meeting as CRM-friendly JSON: the account, its contacts, our attendees, the next steps
and the deal signals, in one flat, documented shape (``CRM_SCHEMA``) that an import job can map
field for field. Private feedback (coaching, engagement) is never part of it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["CRM_SCHEMA", "NextStep", "crm_record"]

CRM_SCHEMA = "meeting-assistant.crm/1"
"""The shape's name and version, in every record."""


@dataclass(frozen=True, slots=True)
class NextStep:
    """An action item as it stands now (edited owner, due and status included)."""

    text: str
    owner: str | None
    due: dt.date | None
    status: str
    """open or done."""


def crm_record(
    meeting_id: str,
    report: Mapping[str, Any],
    next_steps: Iterable[NextStep],
    account: str | None = None,
) -> dict[str, Any]:
    """The record for a report.json dict. Contacts are the customer side (participants marked
    external, or everyone not marked internal when sides are unknown); ``account`` names the
    customer's company when the caller knows it (the report does not)."""
    meeting = _map(report.get("meeting"))
    people = _maps(report.get("participants"))
    names = {str(p.get("id")): str(p.get("name") or p.get("id")) for p in people}
    sides_known = any(p.get("side") in ("internal", "external") for p in people)

    def person(p: Mapping[str, Any]) -> dict[str, Any]:
        return {
            "name": names[str(p.get("id"))],
            "talk_share": p.get("talk_share"),
            "questions_asked": p.get("questions_asked"),
        }

    contacts = [
        person(p)
        for p in people
        if p.get("side") == "external" or (not sides_known and p.get("side") != "internal")
    ]
    attendees = [person(p) for p in people if p.get("side") == "internal"]
    signals = _map(report.get("signals"))
    sides = _map(report.get("sides"))
    next_meeting = _map(report.get("next_meeting"))
    return {
        "schema": CRM_SCHEMA,
        "meeting": {
            "id": meeting_id,
            "title": meeting.get("title"),
            "date": meeting.get("date"),
            "duration_s": meeting.get("duration_s"),
            "language": meeting.get("language"),
            "summary": report.get("summary"),
        },
        "account": {"name": account},
        "contacts": contacts,
        "attendees": attendees,
        "next_steps": [
            {
                "text": step.text,
                "owner": step.owner,
                "due": step.due.isoformat() if step.due else None,
                "status": step.status,
            }
            for step in next_steps
        ],
        "next_meeting": next_meeting.get("date") if next_meeting else None,
        "signals": {
            "our_talk_share": sides.get("internal_share"),
            "customer_talk_share": sides.get("external_share"),
            "objections": [
                {
                    "topic": o.get("topic"),
                    "quote": o.get("quote"),
                    "by": names.get(str(o.get("speaker")), o.get("speaker")),
                    "at_s": o.get("start"),
                    "competitor": o.get("competitor"),
                }
                for o in _maps(signals.get("objections"))
            ],
            "competitors": [
                {"name": c.get("name"), "mentions": c.get("mentions")}
                for c in _maps(signals.get("competitors"))
            ],
            "stated_next_steps": [str(s) for s in _seq(signals.get("next_steps"))],
            "decisions": [str(d.get("text")) for d in _maps(report.get("decisions"))],
            "open_questions": [str(q.get("text")) for q in _maps(report.get("questions"))],
        },
    }


def _map(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _seq(value: object) -> Sequence[Any]:
    return value if isinstance(value, list) else []


def _maps(value: object) -> list[Mapping[str, Any]]:
    return [v for v in _seq(value) if isinstance(v, Mapping)]
