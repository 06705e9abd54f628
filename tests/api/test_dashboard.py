"""The speaker-feedback dashboard over HTTP: signing in (token, one-time link), who sees what,
the pages' content, editing an action item with the browser's session, and the exports."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from urllib.parse import urlsplit

import icalendar
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from api.sessions import CSRF_HEADER, SESSION_COOKIE
from api.sign_in import create_sign_in_link
from api.store.database import Database
from api.store.tables import ActionItemRow, MeetingRow
from assistant.config import Settings

from .conftest import API
from .dashboard_seed import ACCOUNT, Seeded, seed


@pytest.fixture
def seeded(service_settings: Settings) -> Seeded:
    return seed(service_settings)


def _sign_in(client: TestClient, token: str) -> str:
    """Signs the client in with ``token``; the page's CSRF token."""
    client.cookies.clear()
    response = client.post(
        "/dashboard/sign-in", data={"token": token, "next": "/dashboard/"}, follow_redirects=False
    )
    assert response.status_code == 303, response.text
    assert response.headers["location"] == "/dashboard/"
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie
    page = client.get("/dashboard/me")
    match = re.search(r'<meta name="csrf-token" content="([^"]*)">', page.text)
    assert match is not None
    return match.group(1)


def test_pages_need_a_signed_in_browser(client: TestClient, seeded: Seeded) -> None:
    for path in ("/dashboard/", "/dashboard/me", "/dashboard/team", "/dashboard/people"):
        response = client.get(path, follow_redirects=False)
        assert response.status_code == 303
        assert response.headers["location"].startswith("/dashboard/sign-in?next=")
    client.cookies.set(SESSION_COOKIE, "forged.0000")
    assert client.get("/dashboard/me", follow_redirects=False).status_code == 303
    wrong = client.post("/dashboard/sign-in", data={"token": "ma_nope_nope"})
    assert wrong.status_code == 401 and "That token did not work" in wrong.text
    # After signing in, only our own paths are followed.
    client.cookies.clear()
    away = client.post(
        "/dashboard/sign-in",
        data={"token": seeded.alice, "next": "//evil.example/x"},
        follow_redirects=False,
    )
    assert away.headers["location"] == "/dashboard/"
    # A form on another site cannot post to the dashboard (login CSRF).
    forged = client.post(
        "/dashboard/sign-in",
        data={"token": seeded.alice},
        headers={"Origin": "https://evil.example"},
        follow_redirects=False,
    )
    assert forged.status_code == 403


def test_my_feedback_trends_against_benchmarks(client: TestClient, seeded: Seeded) -> None:
    _sign_in(client, seeded.alice)
    home = client.get("/dashboard/", follow_redirects=False)
    assert home.headers["location"] == "/dashboard/me"
    page = client.get("/dashboard/me").text
    assert "My feedback" in page and "4 meetings" in page
    assert "Show all" not in page  # 4 meetings are all listed (20 are, before "show all")
    every = client.get("/dashboard/me", params={"every": "true"}).text
    assert every.count('class="card meeting-row"') == page.count('class="card meeting-row"') == 4
    for label in (
        "Talk share",
        "Questions asked",
        "Longest monologue",
        "Pace",
        "Filler words",
        "Camera on",
        "Facing the camera",
        "Gestures per minute speaking",
        "Engagement score",
    ):
        assert label in page, label
    assert "talk 43 %, listen 57 %; above 65 % calls go worse" in page
    assert "11-14 in a discovery call" in page
    # A trend line through all four meetings, the first talk share (72 %) outside the range.
    talk = page[page.index('id="m-talk_share"') : page.index('id="m-questions_asked"')]
    points = re.search(r'<polyline class="line" points="([^"]+)"', talk)
    assert points is not None and len(points.group(1).split()) == 4
    assert talk.count('class="dot off"') == 1 and talk.count('class="dot good"') == 3
    assert "<title>5 Jan 2026: 72%</title>" in talk
    score = page[page.index('id="m-score"') :]
    assert "74" in score and score.count("<circle") == 4
    # Her own coaching from every meeting, nobody else's.
    assert all(f"Alice-only tip {n}" in page for n in range(1, 5))
    assert "Bob-only tip" not in page


def test_a_person_sees_only_their_own_feedback(client: TestClient, seeded: Seeded) -> None:
    _sign_in(client, seeded.alice)
    assert client.get("/dashboard/people/Bob%20Okafor").status_code == 403
    assert client.get("/dashboard/people/bob%20okafor").status_code == 403
    assert client.get("/dashboard/people").status_code == 403
    assert client.get("/dashboard/people/alice%20martin").status_code == 200
    # The API behind the cookie applies the same rule.
    assert client.get(f"{API}/people/Bob%20Okafor/feedback").status_code == 403
    meeting = client.get(f"/dashboard/meetings/{seeded.meetings[0]}").text
    assert "Bob-only tip" not in meeting
    # Only her own engagement line: one series, named in the legend.
    assert meeting.count('class="series') == 1
    legend = meeting[meeting.index("facing the camera:") :]
    assert "Alice Martin" in legend[:300] and "Bob Okafor" not in legend[:300]

    _sign_in(client, seeded.admin)
    assert (
        client.get("/dashboard/", follow_redirects=False).headers["location"] == "/dashboard/team"
    )
    people = client.get("/dashboard/people").text
    assert "Bob Okafor" in people and "Lars Østergaard" in people
    bob = client.get("/dashboard/people/Bob%20Okafor")
    assert bob.status_code == 200 and "Bob-only tip" in bob.text and "Alice-only" not in bob.text
    assert client.get("/dashboard/people/Nobody%20Here").status_code == 404
    meeting = client.get(f"/dashboard/meetings/{seeded.meetings[0]}").text
    assert meeting.count('class="series') == 2


def test_another_teams_meeting_is_not_found(
    client: TestClient, seeded: Seeded, service_settings: Settings
) -> None:
    other = seed(service_settings, team="globex")
    _sign_in(client, seeded.admin)
    assert client.get(f"/dashboard/meetings/{other.meetings[0]}").status_code == 404
    assert client.get(f"{API}/meetings/{other.meetings[0]}/crm.json").status_code == 404


def test_sign_in_link_works_once_and_expires(
    client: TestClient, seeded: Seeded, service_settings: Settings
) -> None:
    admin = {"Authorization": f"Bearer {seeded.admin}"}
    person = {"Authorization": f"Bearer {seeded.alice}"}
    refused = client.post(f"{API}/sign-in-links", headers=person, json={"person": "Bob Okafor"})
    assert refused.status_code == 403
    for body in ({}, {"person": ""}, {"person": "Bob", "minutes": 0}, {"person": "x" * 201}):
        assert client.post(f"{API}/sign-in-links", headers=admin, json=body).status_code in (
            400,
            422,
        ), body
    made = client.post(f"{API}/sign-in-links", headers=admin, json={"person": "Bob Okafor"})
    assert made.status_code == 201
    url = made.json()["url"]
    expires = dt.datetime.fromisoformat(made.json()["expires_at"])
    assert dt.timedelta(minutes=59) < expires - dt.datetime.now(dt.UTC) <= dt.timedelta(hours=1)
    path = urlsplit(url).path
    assert path.startswith("/dashboard/link/ml_")

    # Opening it (as a mail scanner would) shows a button and does not spend it.
    for _ in range(2):
        shown = client.get(path)
        assert shown.status_code == 200 and "Bob Okafor" in shown.text
        assert shown.headers["referrer-policy"] == "same-origin"
    used = client.post(path, follow_redirects=False)
    assert used.status_code == 303 and SESSION_COOKIE in used.headers["set-cookie"]
    assert "Bob-only tip" in client.get("/dashboard/me").text
    client.cookies.clear()
    again = client.post(path, follow_redirects=False)
    assert again.status_code == 401 and "used already" in again.text
    assert client.get(path).status_code == 401
    assert client.get(path[:-3] + "abc").status_code == 401

    database = Database(service_settings.service.sqlalchemy_url())
    with database.session() as session:
        old = create_sign_in_link(
            session,
            seeded.team_id,
            "Bob Okafor",
            base_url="http://127.0.0.1",
            minutes=5,
            now=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=6),
        )
    database.dispose()
    expired = client.post(urlsplit(old.url).path, follow_redirects=False)
    assert expired.status_code == 401 and "expired" in expired.text


def test_team_page_cadence_balance_voices_follow_through(
    client: TestClient, seeded: Seeded
) -> None:
    _sign_in(client, seeded.bob)  # the team page holds nothing private: every member sees it
    page = client.get("/dashboard/team").text
    assert "1 gap longer than 14 days" in page
    rows = re.findall(r"<tr( class=\"gap-row\")?>(.*?)</tr>", page, flags=re.S)
    flagged = [row for css, row in rows if css]
    assert len(flagged) == 1 and "20 Feb 2026" in flagged[0] and "39 days" in flagged[0]
    assert page.count("<title>39 days without a meeting</title>") == 1
    assert page.count(">0.64<") == 4  # the balance of each meeting
    quiet = page[page.index("Rarely heard") : page.index("Action items by owner")]
    assert "Lars Østergaard" in quiet and "Alice Martin" not in quiet
    assert "&lt;script&gt;" in quiet and "<script>" not in quiet
    owners = page[page.index("Action items by owner") :]
    alice = owners[owners.index("Alice Martin") : owners.index("Bob Okafor")]
    counts = re.findall(r'class="num">(\d+)</td>', alice)
    assert counts == ["1", "1", "1", "0"]  # on time, late, open, overdue
    bob = owners[owners.index("Bob Okafor") : owners.index("Nobody")]
    assert re.findall(r'class="num">(\d+)</td>', bob) == ["0", "0", "0", "1"]


def test_team_page_flags_accounts_not_met_often_enough(
    client: TestClient, seeded: Seeded, service_settings: Settings
) -> None:
    today = dt.datetime.now(dt.UTC).date()
    recent = today - dt.timedelta(days=3)
    accounts = ["Contoso", "contoso", "Fabrikam", "Contoso"]  # one account however spelled
    database = Database(service_settings.service.sqlalchemy_url())
    with database.session() as session:
        for meeting_id, account in zip(seeded.meetings, accounts, strict=True):
            row = session.get(MeetingRow, meeting_id)
            assert row is not None
            row.account = account
            if meeting_id == seeded.meetings[-1]:
                row.date = recent
    database.dispose()
    _sign_in(client, seeded.bob)
    page = client.get("/dashboard/team").text
    section = page[page.index("<h2>Accounts</h2>") : page.index("Rarely heard")]
    assert "2 accounts." in section and "2 not met at least every 14 days" in section
    fabrikam_since = (today - dt.date(2026, 2, 20)).days
    contoso_gap = (recent - dt.date(2026, 1, 12)).days
    assert f"No meeting with <strong>Fabrikam</strong> for {fabrikam_since} days." in section
    assert (
        f"{contoso_gap} days between meetings with <strong>Contoso</strong> "
        f"(12 Jan 2026 to {recent.strftime('%-d %b %Y')})." in section
    )
    assert "No meeting with <strong>Contoso</strong>" not in section  # met 3 days ago
    # 5 to 12 January is within the cadence (not a substring of "327 days between")
    assert re.search(r"(?<!\d)7 days between", section) is None
    rows = re.findall(r"<tr( class=\"account-flagged\")?>(.*?)</tr>", section, flags=re.S)
    cells = [re.findall(r"<td[^>]*>(.*?)</td>", row) for _, row in rows[1:]]
    assert [(c[0], c[1], c[2], c[3].split(" <")[0]) for c in cells] == [
        ("Fabrikam", "1", "20 Feb 2026", f"{fabrikam_since} days"),
        ("Contoso", "3", recent.strftime("%-d %b %Y"), "3 days"),
    ]
    assert [bool(css) for css, _ in rows[1:]] == [True, True]  # overdue; a gap
    # The CRM record names the stored account; ?account= still overrides it.
    headers = {"Authorization": f"Bearer {seeded.bob}"}
    crm = f"{API}/meetings/{seeded.meetings[2]}/crm.json"
    assert client.get(crm, headers=headers).json()["account"] == {"name": "Fabrikam"}
    other = client.get(crm, headers=headers, params={"account": "Acme Corp"}).json()
    assert other["account"] == {"name": "Acme Corp"}


def test_team_page_without_accounts_says_how_to_give_one(
    client: TestClient, seeded: Seeded, service_settings: Settings
) -> None:
    _sign_in(client, seeded.bob)
    page = client.get("/dashboard/team").text
    section = page[page.index("<h2>Accounts</h2>") : page.index("Rarely heard")]
    assert "1 account." in section and f'<td data-label="Account">{ACCOUNT}</td>' in section
    # The seeded CRM record names the stored account.
    crm = f"{API}/meetings/{seeded.meetings[0]}/crm.json"
    headers = {"Authorization": f"Bearer {seeded.bob}"}
    assert client.get(crm, headers=headers).json()["account"] == {"name": ACCOUNT}
    database = Database(service_settings.service.sqlalchemy_url())
    with database.session() as session:
        for row in session.scalars(select(MeetingRow)):
            row.account = None
    database.dispose()
    page = client.get("/dashboard/team").text
    assert "No meeting names its account yet" in page
    assert client.get(crm, headers=headers).json()["account"] == {"name": None}


def test_meeting_page_search_and_edit(
    client: TestClient, seeded: Seeded, service_settings: Settings
) -> None:
    csrf = _sign_in(client, seeded.alice)
    meeting = seeded.meetings[-1]
    page = client.get(f"/dashboard/meetings/{meeting}").text
    assert page.count('<li class="turn') == 3
    assert '<li class="turn s1"><span class="who">Alice Martin' in page
    found = client.get(f"/dashboard/meetings/{meeting}", params={"q": "PRICING"}).text
    assert found.count('<li class="turn') == 1 and "<mark>pricing</mark>" in found
    assert "1 of 3 passages" in found
    hostile = client.get(f"/dashboard/meetings/{meeting}", params={"q": "<b>x"}).text
    assert "<b>x" not in hostile and "0 of 3 passages" in hostile
    assert client.get(f"/dashboard/meetings/{meeting}", params={"q": "x" * 201}).status_code == 422

    item = seeded.items["Plan the pilot"]
    body = {"status": "done", "owner": "Bob Okafor", "due": "2026-03-31"}
    # The session cookie alone may read but not change: the page's CSRF token is needed.
    assert client.patch(f"{API}/action-items/{item}", json=body).status_code == 403
    wrong = client.patch(f"{API}/action-items/{item}", json=body, headers={CSRF_HEADER: "x"})
    assert wrong.status_code == 403
    saved = client.patch(f"{API}/action-items/{item}", json=body, headers={CSRF_HEADER: csrf})
    assert saved.status_code == 200 and saved.json()["status"] == "done"
    database = Database(service_settings.service.sqlalchemy_url())
    with database.session() as session:
        row = session.scalar(select(ActionItemRow).where(ActionItemRow.id == item))
        assert row is not None and row.owner == "Bob Okafor" and row.done_at is not None
    database.dispose()
    # The form's fallback without script runs the same update.
    posted = client.post(
        f"/dashboard/action-items/{item}",
        data={"csrf": csrf, "status": "open", "owner": "", "due": ""},
        follow_redirects=False,
    )
    assert posted.status_code == 303
    reopened = client.get(f"{API}/action-items", params={"meeting_id": meeting}).json()["items"]
    assert {"id": item, "status": "open", "owner": None, "due": None}.items() <= next(
        i for i in reopened if i["id"] == item
    ).items()
    stale = client.post(f"/dashboard/action-items/{item}", data={"csrf": "old", "status": "done"})
    assert stale.status_code == 403
    bad = client.post(
        f"/dashboard/action-items/{item}", data={"csrf": csrf, "status": "done", "due": "soon"}
    )
    assert bad.status_code == 400 and "YYYY-MM-DD" in bad.text


_EXTERNAL = re.compile(r"https?://(?!127\.0\.0\.1|localhost|testserver)[^\s\"'<>)]+", re.I)


def test_no_page_refers_to_another_host(client: TestClient, seeded: Seeded) -> None:
    _sign_in(client, seeded.admin)
    paths = [
        "/dashboard/sign-in",
        "/dashboard/team",
        "/dashboard/people",
        "/dashboard/people/Alice%20Martin",
        f"/dashboard/meetings/{seeded.meetings[0]}",
        "/dashboard/static/dashboard.css",
        "/dashboard/static/dashboard.js",
    ]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        assert _EXTERNAL.findall(response.text) == [], path
        assert "@import" not in response.text and "url(" not in response.text, path
    assert "script-src 'self'" in client.get("/dashboard/team").headers["content-security-policy"]


def test_action_items_as_icalendar(client: TestClient, seeded: Seeded) -> None:
    headers = {"Authorization": f"Bearer {seeded.admin}"}
    response = client.get(f"{API}/action-items.ics", headers=headers)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/calendar")
    assert b"\r\n" in response.content
    assert all(len(line) <= 75 for line in response.content.split(b"\r\n"))
    calendar = icalendar.Calendar.from_ical(response.content)
    by_uid = {str(t["uid"]): t for t in calendar.walk("VTODO")}
    assert len(by_uid) == 5
    todos = {text: by_uid[f"action-item-{i}@meeting-assistant"] for text, i in seeded.items.items()}
    proposal = todos["Send the revised proposal"]
    assert proposal.decoded("due") == dt.date(2026, 1, 9)
    assert str(proposal["status"]) == "COMPLETED"
    assert "Owner: Alice Martin" in str(proposal["description"])
    tricky = todos["Share the security questionnaire,\nsigned"]
    assert str(tricky["summary"]) == "Share the security questionnaire,\nsigned"
    assert str(tricky["status"]) == "NEEDS-ACTION" and tricky.decoded("due") == dt.date(2026, 1, 20)
    assert b"questionnaire\\,\\nsigned" in response.content  # escaped per RFC 5545
    undated = todos['=HYPERLINK("x") check']
    assert "due" not in undated
    only_open = client.get(f"{API}/action-items.ics", headers=headers, params={"status": "open"})
    assert len(icalendar.Calendar.from_ical(only_open.content).walk("VTODO")) == 3
    assert client.get(f"{API}/action-items.ics").status_code == 401


def test_action_items_csv_is_safe_for_spreadsheets(client: TestClient, seeded: Seeded) -> None:
    headers = {"Authorization": f"Bearer {seeded.admin}"}
    rows = list(
        csv.DictReader(io.StringIO(client.get(f"{API}/action-items.csv", headers=headers).text))
    )
    texts = {row["text"] for row in rows}
    assert '\'=HYPERLINK("x") check' in texts  # never run as a formula
    assert "Share the security questionnaire,\nsigned" in texts  # quoted, not split


def test_crm_record_per_meeting(client: TestClient, seeded: Seeded) -> None:
    headers = {"Authorization": f"Bearer {seeded.bob}"}  # no private feedback in it
    meeting = seeded.meetings[0]
    record = client.get(
        f"{API}/meetings/{meeting}/crm.json", headers=headers, params={"account": "Acme Corp"}
    ).json()
    assert record["schema"] == "meeting-assistant.crm/1"
    assert record["meeting"]["id"] == meeting and record["meeting"]["date"] == "2026-01-05"
    assert record["account"] == {"name": "Acme Corp"}
    assert [c["name"] for c in record["contacts"]] == ["Bob Okafor"]
    assert [a["name"] for a in record["attendees"]] == ["Alice Martin", "Lars Østergaard"]
    assert {s["text"]: (s["owner"], s["due"], s["status"]) for s in record["next_steps"]} == {
        "Send the revised proposal": ("Alice Martin", "2026-01-09", "done"),
        "Book the kick-off, legal & finance": ("Alice Martin", "2026-01-09", "done"),
    }
    signals = record["signals"]
    assert signals["objections"][0] == {
        "topic": "price",
        "quote": "It is too expensive, frankly",
        "by": "Bob Okafor",
        "at_s": 20.0,
        "competitor": "Globex",
    }
    assert signals["competitors"] == [{"name": "Globex", "mentions": 2}]
    assert signals["decisions"] == ["Start a pilot in March"]
    assert "coaching" not in str(record) and "engagement" not in str(record)
    too_long = {"account": "x" * 201}
    assert (
        client.get(
            f"{API}/meetings/{meeting}/crm.json", headers=headers, params=too_long
        ).status_code
        == 422
    )
