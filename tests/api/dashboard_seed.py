"""A team with analysed meetings stored directly (rows and report.json files, as an analysis
leaves them), so the dashboard's tests control dates, figures and action items exactly."""

from __future__ import annotations

import copy
import datetime as dt
import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from api.auth import create_token
from api.jobs import meeting_folder
from api.store.database import Database, upgrade_database
from api.store.tables import ActionItemRow, MeetingRow, Team
from assistant.config import Settings

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "report_sample.json"

DATES = (dt.date(2026, 1, 5), dt.date(2026, 1, 12), dt.date(2026, 2, 20), dt.date(2026, 2, 27))
"""Four meetings: the gap from 12 January to 20 February (39 days) is over 14 days."""
ACCOUNT = "Acme Corporation International Holdings"
"""The customer of every seeded meeting (long, so the Team page must wrap it on a phone)."""
ALICE_SHARES = (0.72, 0.60, 0.50, 0.45)
ALICE_QUESTIONS = (6, 9, 12, 13)
ALICE_SCORES = (55.0, 61.0, 68.0, 74.0)


@dataclass
class Seeded:
    team_id: int
    admin: str
    """Tokens (``ma_…``)."""
    alice: str
    bob: str
    meetings: list[str] = field(default_factory=list)
    """Ids, oldest first."""
    items: dict[str, int] = field(default_factory=dict)
    """Action item ids by text."""


def _timeline(seconds: int, facing_until: int) -> list[dict[str, Any]]:
    return [
        {
            "t": t,
            "camera_on": True,
            "face_visible": True,
            "facing_camera": t < facing_until,
            "gaze_on_screen": None,
            "speaking": t % 20 < 8,
            "expressiveness": 0.4,
            "moving": False,
            "hands_visible": True,
            "gesture": t % 15 == 0,
            "nod": False,
            "upright": True,
            "leaning_in": None,
        }
        for t in range(seconds)
    ]


def _engagement(score: float, facing: float, seconds: int) -> dict[str, Any]:
    return {
        "video_seconds": seconds,
        "camera_on_share": 0.9,
        "face_visible_share": 0.95,
        "facing_camera_share": facing,
        "gesture_rate_per_min_speaking": 2.4,
        "nods_per_min_listening": 1.0,
        "expressiveness": 0.4,
        "movement": 0.1,
        "posture_upright_share": 0.9,
        "score": score,
        "timeline": _timeline(seconds, int(seconds * facing)),
    }


def report_for(index: int) -> dict[str, Any]:
    """The sample report with Alice's figures of meeting ``index``, Bob's and Lars's."""
    report: dict[str, Any] = json.loads(SAMPLE.read_text(encoding="utf-8"))
    report["meeting"]["title"] = f"Acme call {index + 1}"
    report["meeting"]["date"] = DATES[index].isoformat()
    bob, alice, quiet = report["participants"]
    alice["talk_share"] = ALICE_SHARES[index]
    alice["questions_asked"] = ALICE_QUESTIONS[index]
    alice["engagement"] = _engagement(ALICE_SCORES[index], 0.5 + 0.1 * index, 120)
    bob["talk_share"] = round(1 - ALICE_SHARES[index] - 0.03, 4)
    bob["engagement"] = _engagement(80.0, 0.9, 120)
    lars = copy.deepcopy(quiet)
    lars.update(id="lars", name="Lars Østergaard", side="internal", talk_share=0.01)
    quiet["talk_share"] = 0.02
    report["participants"] = [bob, alice, quiet, lars]
    report["segments"] = [
        {
            "speaker": "alice",
            "start": 0.0,
            "end": 4.0,
            "text": "Hi Bob, thanks for joining.",
            "language": "en",
            "words": [],
        },
        {
            "speaker": "bob",
            "start": 4.5,
            "end": 9.0,
            "text": "Happy to. The budget for the pilot is approved.",
            "language": "en",
            "words": [],
        },
        {
            "speaker": "alice",
            "start": 9.5,
            "end": 14.0,
            "text": "Great, I will send the revised proposal, with pricing, by Friday.",
            "language": "en",
            "words": [],
        },
    ]
    report["coaching"] = [
        {
            "participant": "alice",
            "language": "en",
            "items": [
                {
                    "topic": "talk_share",
                    "value": ALICE_SHARES[index],
                    "unit": "share",
                    "benchmark": "43% talk",
                    "message": f"Alice-only tip {index + 1}: listen more.",
                }
            ],
        },
        {
            "participant": "bob",
            "language": "en",
            "items": [
                {
                    "topic": "fillers",
                    "value": 5.0,
                    "unit": "per 100",
                    "benchmark": "under 4",
                    "message": "Bob-only tip: fewer filler words.",
                }
            ],
        },
    ]
    report["signals"] = {
        "objections": [
            {
                "topic": "price",
                "quote": "It is too expensive, frankly",
                "speaker": "bob",
                "start": 20.0,
                "competitor": "Globex",
            }
        ],
        "competitors": [
            {"name": "Globex", "mentions": 2, "quote": "Globex offered less", "start": 30.0}
        ],
        "next_steps": ["send the revised proposal"],
    }
    report["decisions"] = [
        {
            "text": "Start a pilot in March",
            "speaker": "bob",
            "start": 40.0,
            "quote": "let's start a pilot in March",
            "language": "en",
        }
    ]
    return report


def seed(settings: Settings, team: str = "acme") -> Seeded:
    url = settings.service.sqlalchemy_url()
    upgrade_database(url)
    database = Database(url)
    with database.session() as session:
        seeded = Seeded(
            0,
            create_token(session, team, admin=True, person=None),
            create_token(session, team, admin=False, person="Alice Martin"),
            create_token(session, team, admin=False, person="Bob Okafor"),
        )
        team_row = session.scalar(select(Team).where(Team.name == team))
        assert team_row is not None
        seeded.team_id = team_row.id
        for index, date in enumerate(DATES):
            meeting_id = uuid.uuid4().hex
            report = report_for(index)
            folder = meeting_folder(settings, team_row.id, meeting_id)
            folder.mkdir(parents=True)
            (folder / "report.json").write_text(json.dumps(report), encoding="utf-8")
            session.add(
                MeetingRow(
                    id=meeting_id,
                    team_id=team_row.id,
                    title=report["meeting"]["title"],
                    account=ACCOUNT,
                    date=date,
                    participants=[p["name"] for p in report["participants"]],
                    status="done",
                    progress=1.0,
                    upload_name="upload.json",
                    upload_bytes=1,
                    duration_s=1834.5,
                    created_at=dt.datetime.combine(date, dt.time(10), dt.UTC),
                )
            )
            seeded.meetings.append(meeting_id)
        session.flush()
        first, second, third, fourth = seeded.meetings
        noon = dt.time(12, tzinfo=dt.UTC)
        items = [
            # (meeting, text, owner, due, done on)
            (
                first,
                "Send the revised proposal",
                "Alice Martin",
                dt.date(2026, 1, 9),
                dt.date(2026, 1, 8),
            ),
            (
                first,
                "Book the kick-off, legal & finance",
                "Alice Martin",
                dt.date(2026, 1, 9),
                dt.date(2026, 1, 20),
            ),
            (
                second,
                "Share the security questionnaire,\nsigned",
                "Bob Okafor",
                dt.date(2026, 1, 20),
                None,
            ),
            (fourth, "Plan the pilot", "Alice Martin", dt.date(2099, 1, 1), None),
            (fourth, '=HYPERLINK("x") check', None, None, None),
        ]
        for meeting_id, text, owner, due, done_on in items:
            row = ActionItemRow(
                team_id=team_row.id,
                meeting_id=meeting_id,
                text=text,
                owner=owner,
                due=due,
                status="done" if done_on else "open",
                done_at=dt.datetime.combine(done_on, noon) if done_on else None,
            )
            session.add(row)
            session.flush()
            seeded.items[text] = row.id
        del third
    database.dispose()
    return seeded
