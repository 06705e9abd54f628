"""WHIP (RFC 9725) for the companion page: ``POST /whip`` with an SDP offer (the seller's
microphone first, then the meeting's sound; optionally the seller's camera) starts a live
meeting with both sides known and answers ``201`` with the SDP answer and the session's
resource in ``Location``; ``DELETE`` on that resource ends it (the meeting is then stored as an
upload would be). Candidates come in the offer: trickle ICE (``PATCH``) is not taken (405).

``X-Meeting-Id`` names the live meeting, for ``/meetings/{id}/live`` and ``/meetings/{id}/hints``.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from fastapi import Path as PathParam
from fastapi.responses import JSONResponse

from models.errors import InputError, InvalidFieldError, UploadTooLargeError

from ..accounts import ACCOUNT_MAX_CHARS, clean_account
from ..deps import CallerDep, StateDep

router = APIRouter(prefix="/whip", tags=["companion"])

SDP = "application/sdp"
SessionId = Annotated[str, PathParam(min_length=1, max_length=64)]


@router.post(
    "",
    status_code=201,
    response_class=Response,
    responses={
        201: {"content": {SDP: {}}, "description": "The SDP answer; the resource in Location."},
        400: {"description": "An offer we cannot take (the detail says why)."},
        413: {"description": "The offer is larger than companion.max_offer_kb."},
        415: {"description": "The body is not application/sdp."},
        429: {"description": "As many companion sessions run as companion.max_sessions."},
    },
)
async def publish(
    request: Request,
    caller: CallerDep,
    state: StateDep,
    title: Annotated[str | None, Query(min_length=1, max_length=200)] = None,
    name: Annotated[str | None, Query(min_length=1, max_length=200)] = None,
    account: Annotated[str | None, Query(max_length=ACCOUNT_MAX_CHARS)] = None,
) -> Response:
    """Start a companion session. ``name``: the seller's name (default: the token's person, or
    "me"); ``title``: the meeting's; ``account``: the customer's company (blank is none)."""
    try:
        account = clean_account(account)
    except ValueError as error:
        raise InvalidFieldError(str(error)) from None
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != SDP:
        return JSONResponse(
            {"detail": f"the body must be an SDP offer sent as {SDP}, not {kind or 'nothing'}"},
            status_code=415,
        )
    limit_kb = state.settings.companion.max_offer_kb
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit_kb * 1024:
            raise UploadTooLargeError(
                f"the SDP offer is larger than {limit_kb} KB (companion.max_offer_kb)"
            )
    try:
        offer = body.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError("the SDP offer is not UTF-8 text") from None
    session, answer = await state.bots.start_companion(
        caller.team_id,
        caller.token_id,
        offer,
        title=title,
        me_name=name or caller.person,
        account=account,
    )
    return Response(
        answer,
        status_code=201,
        media_type=SDP,
        headers={
            "Location": f"{request.url.path.rstrip('/')}/{session.bot_id}",
            "X-Meeting-Id": session.meeting_id,
        },
    )


@router.delete("/{session_id}")
async def end(session_id: SessionId, caller: CallerDep, state: StateDep) -> dict[str, str]:
    """End the session: the meeting goes ``processing``, then ``done`` with its report."""
    session = state.bots.request_companion_stop(caller.team_id, session_id)
    return {"meeting_id": session.meeting_id, "status": "stopping"}


@router.patch("/{session_id}", status_code=405)
async def trickle(session_id: SessionId, caller: CallerDep, state: StateDep) -> JSONResponse:
    """Trickle ICE is not taken: the offer must carry its candidates."""
    state.bots.companion_session(caller.team_id, session_id)  # 404 for an unknown one
    return JSONResponse(
        {"detail": "this endpoint takes no trickled ICE candidates; put them in the offer"},
        status_code=405,
        headers={"Allow": "DELETE"},
    )
