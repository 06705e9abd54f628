"""Meetings: upload a recording or transcript, follow its analysis, read what came out, delete
everything of it."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import uuid
from pathlib import Path
from typing import Annotated, Any

import anyio
from fastapi import APIRouter, Query, Request, Response
from fastapi import Path as PathParam
from fastapi.responses import FileResponse, JSONResponse

from assistant.outputs.crm import NextStep, crm_record
from assistant.outputs.report_models import Report
from models.errors import InputError, InvalidFieldError, NotReadyError, PermissionDeniedError

from ..accounts import ACCOUNT_MAX_CHARS, clean_account
from ..auth import Caller
from ..deps import CallerDep, ScopeDep, ServiceState, StateDep
from ..jobs import meeting_folder
from ..schemas import LiveCaption, MeetingCreated, MeetingPage, MeetingPublic
from ..store.database import Database
from ..store.scope import ActionItemFilter, MeetingFilter, TeamScope
from ..store.tables import MeetingRow
from ..uploads import FILE_FIELD, probe_upload, receive_upload

router = APIRouter(prefix="/meetings", tags=["meetings"])

_UPLOAD_FORM = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": [FILE_FIELD],
                    "properties": {
                        FILE_FIELD: {
                            "type": "string",
                            "format": "binary",
                            "description": "A recording (any container PyAV reads) or a "
                            "transcript JSON; what it is is read from its content.",
                        },
                        "title": {"type": "string", "maxLength": 500},
                        "account": {
                            "type": "string",
                            "maxLength": ACCOUNT_MAX_CHARS,
                            "description": "The customer's company (trimmed; blank is none).",
                        },
                        "date": {"type": "string", "format": "date"},
                        "participants": {
                            "type": "string",
                            "description": "Names in order of first speech, comma-separated.",
                        },
                        "language": {"type": "string", "pattern": "^[a-z]{2,3}$"},
                    },
                }
            }
        },
    }
}
_FIELDS = {"title", "account", "date", "participants", "language"}
MeetingId = Annotated[str, PathParam(min_length=1, max_length=64)]


@router.post("", status_code=201, openapi_extra=_UPLOAD_FORM)
async def upload_meeting(request: Request, caller: CallerDep, state: StateDep) -> MeetingCreated:
    """Stream a recording to disk and queue its analysis. The upload is checked as it comes
    (size) and once it is in (content); nothing is kept of a refused or broken upload."""
    settings = state.settings
    meeting_id = uuid.uuid4().hex
    folder = meeting_folder(settings, caller.team_id, meeting_id)
    await anyio.to_thread.run_sync(lambda: folder.mkdir(parents=True))
    stored = False
    try:
        upload = await receive_upload(
            request.headers.get("content-type", ""),
            request.stream(),
            folder / ".upload.partial",
            round(settings.service.max_upload_mb * 1e6),
        )
        row = _meeting_row(meeting_id, upload.fields, upload.filename, upload.size)
        probed = await anyio.to_thread.run_sync(probe_upload, upload.path)
        row.upload_name = "upload.json" if probed.kind == "transcript" else "upload"
        row.duration_s = probed.duration_s
        if probed.title and not upload.fields.get("title", "").strip():
            row.title = probed.title[:500]
        await anyio.to_thread.run_sync(upload.path.rename, folder / row.upload_name)
        await anyio.to_thread.run_sync(_store, state.database, caller, row)
        stored = True
        await anyio.to_thread.run_sync(state.jobs.submit, meeting_id)
    except BaseException:
        # Nothing of a refused upload stays: no file, and no meeting (a queue that cannot take
        # the job means 503, and the client sends it again).
        with anyio.CancelScope(shield=True):
            if stored:
                await anyio.to_thread.run_sync(_unstore, state.database, caller, meeting_id)
            await anyio.to_thread.run_sync(lambda: shutil.rmtree(folder, ignore_errors=True))
        raise
    return MeetingCreated(id=meeting_id, status="queued")


@router.get("")
def list_meetings(
    scope: ScopeDep,
    offset: Annotated[int, Query(ge=0, le=1_000_000_000)] = 0,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    participant: Annotated[str | None, Query(max_length=200)] = None,
    status: Annotated[
        str | None, Query(pattern="^(live|queued|processing|done|failed|stopped)$")
    ] = None,
) -> MeetingPage:
    """The team's meetings, newest first."""
    where = MeetingFilter(date_from, date_to, participant, status)
    rows, total = scope.meetings(where, offset=offset, limit=limit)
    return MeetingPage(
        items=[MeetingPublic.of(row) for row in rows], total=total, offset=offset, limit=limit
    )


@router.get("/{meeting_id}")
def get_meeting(meeting_id: MeetingId, scope: ScopeDep, state: StateDep) -> MeetingPublic:
    """Status (live with the transcript so far, queued, processing with progress, done,
    failed with error) and details."""
    meeting = scope.meeting(meeting_id)
    if meeting.status != "live":
        return MeetingPublic.of(meeting)
    saved = meeting_folder(state.settings, meeting.team_id, meeting.id) / meeting.upload_name
    return MeetingPublic.of(meeting, live_transcript_of(saved))


@router.get("/{meeting_id}/report", response_model=Report)
def get_report(meeting_id: MeetingId, scope: ScopeDep, caller: CallerDep, state: StateDep) -> Any:
    """report.json. A person token sees only its own person's coaching."""
    path = _derived(state, scope, meeting_id, "report.json")
    report: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    if not caller.admin:
        report = _private_to(report, caller)
    return JSONResponse(report)


@router.get("/{meeting_id}/transcript.vtt", response_class=FileResponse)
def get_vtt(meeting_id: MeetingId, scope: ScopeDep, state: StateDep) -> FileResponse:
    path = _derived(state, scope, meeting_id, "transcript.vtt")
    return FileResponse(path, media_type="text/vtt; charset=utf-8")


@router.get("/{meeting_id}/transcript.srt", response_class=FileResponse)
def get_srt(meeting_id: MeetingId, scope: ScopeDep, state: StateDep) -> FileResponse:
    path = _derived(state, scope, meeting_id, "transcript.srt")
    return FileResponse(path, media_type="application/x-subrip; charset=utf-8")


@router.get("/{meeting_id}/transcript.rttm", response_class=FileResponse)
def get_rttm(meeting_id: MeetingId, scope: ScopeDep, state: StateDep) -> FileResponse:
    """Who spoke when, as RTTM (the report's speaker_turns)."""
    path = _derived(state, scope, meeting_id, "transcript.rttm")
    return FileResponse(path, media_type="text/plain; charset=utf-8")


@router.get("/{meeting_id}/digest.html", response_class=FileResponse)
def get_digest(meeting_id: MeetingId, scope: ScopeDep, state: StateDep) -> FileResponse:
    path = _derived(state, scope, meeting_id, "digest.html")
    return FileResponse(path, media_type="text/html; charset=utf-8")


@router.get("/{meeting_id}/crm.json")
def get_crm_record(
    meeting_id: MeetingId,
    scope: ScopeDep,
    state: StateDep,
    account: Annotated[str | None, Query(min_length=1, max_length=200)] = None,
) -> dict[str, Any]:
    """The meeting for a CRM: account, contacts (the customer side), attendees, next steps (the
    action items as they stand now), next meeting and signals. No private feedback. The
    account is the meeting's own; ``?account=`` overrides it (for meetings stored without
    one)."""
    path = _derived(state, scope, meeting_id, "report.json")
    account = account or scope.meeting(meeting_id).account
    report: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    rows, _ = scope.action_items(ActionItemFilter(meeting_id=meeting_id), limit=10_000)
    steps = [NextStep(row.text, row.owner, row.due, row.status) for row in rows]
    return crm_record(meeting_id, report, steps, account)


@router.delete("/{meeting_id}", status_code=204)
def delete_meeting(
    meeting_id: MeetingId, scope: ScopeDep, caller: CallerDep, state: StateDep
) -> Response:
    """Everything of the meeting: its row and action items, its upload and every derived file
    (a data-protection request). Admin tokens only."""
    if not caller.admin:
        raise PermissionDeniedError("deleting a meeting needs an admin token")
    meeting = scope.meeting(meeting_id)
    if meeting.status == "live":
        raise NotReadyError("the meeting is live: stop its bot first (DELETE /bots/{id})")
    folder = meeting_folder(state.settings, meeting.team_id, meeting.id)
    scope.delete_meeting(meeting)
    scope.session.commit()
    shutil.rmtree(folder, ignore_errors=True)
    return Response(status_code=204)


def _store(database: Database, caller: Caller, row: MeetingRow) -> None:
    with database.session() as session:
        TeamScope(session, caller.team_id).add_meeting(row)


def _unstore(database: Database, caller: Caller, meeting_id: str) -> None:
    with database.session() as session:
        scope = TeamScope(session, caller.team_id)
        scope.delete_meeting(scope.meeting(meeting_id))


def _meeting_row(
    meeting_id: str, fields: dict[str, str], filename: str | None, size: int
) -> MeetingRow:
    """The new meeting's row from the form's text fields, each checked."""
    unknown = sorted(set(fields) - _FIELDS)
    if unknown:
        raise InputError(f"unknown form fields: {', '.join(unknown)}")
    title = fields.get("title", "").strip() or _title_from(filename)
    if len(title) > 500:
        raise InputError("the title is longer than 500 characters")
    try:
        account = clean_account(fields.get("account"))
    except ValueError as error:
        raise InvalidFieldError(str(error)) from None
    date = None
    if fields.get("date", "").strip():
        try:
            date = dt.date.fromisoformat(fields["date"].strip())
        except ValueError:
            raise InputError(f"date {fields['date']!r} is not YYYY-MM-DD") from None
    language = fields.get("language", "").strip().lower() or None
    if language is not None and not re.fullmatch(r"[a-z]{2,3}", language):
        raise InputError(f"language {language!r} is not an ISO 639-1 code such as 'en'")
    names = [name.strip() for name in fields.get("participants", "").split(",") if name.strip()]
    if any(len(name) > 200 or "=" in name for name in names):
        raise InputError("participants are names, comma-separated, each under 200 characters")
    return MeetingRow(
        id=meeting_id,
        title=title,
        account=account,
        date=date,
        language=language,
        participants=names,
        status="queued",
        progress=0.0,
        upload_name="",
        upload_bytes=size,
        attempts=0,
    )


def _title_from(filename: str | None) -> str:
    """A title from the client's file name (shown, never used as a path)."""
    if not filename:
        return "Untitled meeting"
    stem = Path(filename.replace("\\", "/")).name.rsplit(".", 1)[0]
    clean = " ".join("".join(c if c.isprintable() else " " for c in stem).split())
    return clean[:200] or "Untitled meeting"


def _derived(state: ServiceState, scope: TeamScope, meeting_id: str, name: str) -> Path:
    meeting = scope.meeting(meeting_id)
    if meeting.status != "done":
        reason = f": {meeting.error}" if meeting.status in ("failed", "stopped") else ""
        raise NotReadyError(f"the meeting is {meeting.status}{reason}")
    path = meeting_folder(state.settings, meeting.team_id, meeting.id) / name
    if not path.is_file():
        raise NotReadyError(f"{name} of this meeting is missing; upload it again")
    return path


def _private_to(report: dict[str, Any], caller: Caller) -> dict[str, Any]:
    """The report as a person token may see it: coaching and engagement are each person's
    own."""
    own = {
        p["id"]
        for p in report.get("participants", [])
        if caller.person is not None and p.get("name", "").casefold() == caller.person.casefold()
    }
    report["coaching"] = [c for c in report.get("coaching", []) if c.get("participant") in own]
    for participant in report.get("participants", []):
        if participant.get("id") not in own:
            participant["engagement"] = None
    return report


def live_transcript_of(saved: Path) -> list[LiveCaption]:
    """The final captions a bot saved so far (none yet: an empty list)."""
    try:
        document = json.loads(saved.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    names = {p["id"]: p["name"] for p in document.get("participants", [])}
    return [
        LiveCaption(
            participant=s["speaker"],
            name=names.get(s["speaker"], s["speaker"]),
            start=s["start"],
            end=s["end"],
            text=s["text"],
            language=s.get("language"),
        )
        for s in document.get("segments", [])
    ]
