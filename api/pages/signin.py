"""Signing in and out of the dashboard: with an API token, or with a one-time link."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Path, Request, Response
from fastapi.responses import RedirectResponse

from models.errors import AuthenticationError

from ..auth import authenticate
from ..deps import SessionDep, browser_session
from ..sessions import SESSION_COOKIE, SessionSigner
from ..sign_in import check_sign_in_link, redeem_sign_in_link
from .render import SECURITY_HEADERS, PageRoute, render, safe_next

__all__ = ["router"]

router = APIRouter(prefix="/dashboard", route_class=PageRoute, include_in_schema=False)

LinkCode = Annotated[str, Path(min_length=4, max_length=200)]


@router.get("/sign-in")
def sign_in_page(request: Request, next: str | None = None) -> Response:
    if browser_session(request) is not None:
        return RedirectResponse(safe_next(next), status_code=303, headers=SECURITY_HEADERS)
    return render("sign_in.html", title="Sign in", browser=None, next=safe_next(next), problem="")


@router.post("/sign-in")
def sign_in(
    request: Request,
    session: SessionDep,
    token: Annotated[str, Form(max_length=500)],
    next: Annotated[str, Form(max_length=500)] = "/dashboard/",
) -> Response:
    try:
        caller = authenticate(session, f"Bearer {token.strip()}")
    except AuthenticationError as error:
        return render(
            "sign_in.html",
            title="Sign in",
            browser=None,
            next=safe_next(next),
            problem=f"That token did not work: {error.problem}.",
            status_code=401,
        )
    return _signed_in(request, caller.team_id, caller.person, caller.admin, safe_next(next))


@router.get("/link/{code}")
def link_page(code: LinkCode, session: SessionDep) -> Response:
    """Shows who the link signs in; only pressing the button spends it (a mail scanner that
    opens links does not)."""
    grant = check_sign_in_link(session, code)
    return render(
        "link.html", title="Sign in", browser=None, person=grant.person, admin=grant.admin
    )


@router.post("/link/{code}")
def use_link(request: Request, code: LinkCode, session: SessionDep) -> Response:
    grant = redeem_sign_in_link(session, code)
    session.commit()
    return _signed_in(request, grant.team_id, grant.person, grant.admin, "/dashboard/")


@router.post("/sign-out")
def sign_out() -> Response:
    response = RedirectResponse("/dashboard/sign-in", status_code=303, headers=SECURITY_HEADERS)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


def _signed_in(
    request: Request, team_id: int, person: str | None, admin: bool, target: str
) -> Response:
    signer: SessionSigner = request.app.state.dashboard_sessions
    value, _ = signer.issue(team_id, person, admin)
    response = RedirectResponse(target, status_code=303, headers=SECURITY_HEADERS)
    response.set_cookie(
        SESSION_COOKIE,
        value,
        max_age=int(signer.lifetime_s),
        path="/",
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )
    return response
