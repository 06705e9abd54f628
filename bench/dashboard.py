"""The dashboard with many stored meetings: time to first render in headless Chromium and page
weight, per page, the first view after a start (every report read) and later views (medians).

    python -m bench.dashboard [--meetings 200] [--views 5]

Stores the meetings directly (rows and report.json files built from the sample report, a week
apart, 4 people each, video figures for one), starts ``meeting-assistant serve`` on loopback
with SQLite, and drives Debian's Chromium (/usr/bin/chromium) with Playwright. Prints a table;
asserts nothing.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import httpx2 as httpx
from playwright.sync_api import Page, sync_playwright

from api.auth import create_token
from api.jobs import meeting_folder
from api.store.database import Database, upgrade_database
from api.store.tables import ActionItemRow, MeetingRow, Team
from assistant.config import ServiceSettings, Settings

SAMPLE = Path(__file__).resolve().parents[1] / "tests" / "data" / "report_sample.json"


def _report(index: int, date: dt.date) -> dict[str, Any]:
    report: dict[str, Any] = json.loads(SAMPLE.read_text(encoding="utf-8"))
    report["meeting"].update(title=f"Customer call {index + 1}", date=date.isoformat())
    bob, alice, quiet = report["participants"]
    alice["talk_share"] = 0.4 + 0.3 * ((index * 7) % 10) / 10
    alice["engagement"] = {
        "video_seconds": 1800,
        "camera_on_share": 0.9,
        "face_visible_share": 0.9,
        "facing_camera_share": 0.7,
        "gesture_rate_per_min_speaking": 2.2,
        "nods_per_min_listening": 1.0,
        "expressiveness": 0.4,
        "movement": 0.1,
        "posture_upright_share": 0.9,
        "score": 60.0 + index % 30,
        "timeline": [
            {"t": t, "camera_on": True, "face_visible": True, "facing_camera": t % 7 != 0,
             "gaze_on_screen": None, "speaking": t % 20 < 8, "expressiveness": 0.4,
             "moving": False, "hands_visible": True, "gesture": t % 30 == 0, "nod": False,
             "upright": True, "leaning_in": None}
            for t in range(1800)
        ],
    }  # fmt: skip
    carol = copy.deepcopy(quiet)
    carol.update(id="carol", name="Carol Diaz", talk_share=0.05)
    report["participants"] = [bob, alice, quiet, carol]
    report["segments"] = [
        {"speaker": ("alice", "bob")[n % 2], "start": n * 6.0, "end": n * 6.0 + 5,
         "text": f"Sentence {n} about the pilot, the budget and the next steps.",
         "language": "en", "words": []}
        for n in range(300)
    ]  # fmt: skip
    report["coaching"] = [
        {"participant": "alice", "language": "en", "items": [
            {"topic": "talk_share", "value": alice["talk_share"], "unit": "share",
             "benchmark": "43% talk", "message": "Leave more room for the customer."}]},
    ]  # fmt: skip
    return report


def _store(settings: Settings, meetings: int) -> str:
    url = settings.service.sqlalchemy_url()
    upgrade_database(url)
    database = Database(url)
    start = dt.date(2023, 1, 2)
    with database.session() as session:
        token = create_token(session, "bench", admin=True, person="Alice Martin")
        team = session.query(Team).filter_by(name="bench").one()
        for index in range(meetings):
            date = start + dt.timedelta(days=7 * index + (21 if index % 25 == 0 else 0))
            meeting_id = uuid.uuid4().hex
            folder = meeting_folder(settings, team.id, meeting_id)
            folder.mkdir(parents=True)
            report = _report(index, date)
            (folder / "report.json").write_text(json.dumps(report), encoding="utf-8")
            session.add(
                MeetingRow(
                    id=meeting_id, team_id=team.id, title=report["meeting"]["title"], date=date,
                    participants=[p["name"] for p in report["participants"]], status="done",
                    progress=1.0, upload_name="upload.json", upload_bytes=1, duration_s=1800.0,
                )
            )  # fmt: skip
            session.flush()
            for item in report["action_items"]:
                session.add(
                    ActionItemRow(
                        team_id=team.id, meeting_id=meeting_id, text=item["text"],
                        owner="Alice Martin", due=date + dt.timedelta(days=5),
                        status="done" if index % 3 else "open",
                    )
                )  # fmt: skip
    database.dispose()
    return token


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _measure(page: Page, url: str) -> tuple[float, float, int]:
    """(server time to the first byte, first contentful paint, bytes transferred) of a view."""
    page.goto(url, wait_until="load")
    if page.url != url:
        raise SystemExit(f"{url} went to {page.url}")
    return _timing(page)


def _timing(page: Page) -> tuple[float, float, int]:
    timing: dict[str, float] = page.evaluate(
        """() => {
          const nav = performance.getEntriesByType('navigation')[0];
          const paint = performance.getEntriesByName('first-contentful-paint')[0];
          const resources = performance.getEntriesByType('resource')
            .reduce((sum, r) => sum + (r.transferSize || r.encodedBodySize || 0), 0);
          return {ttfb: nav.responseStart - nav.requestStart,
                  fcp: paint ? paint.startTime : nav.domContentLoadedEventEnd,
                  bytes: (nav.transferSize || nav.encodedBodySize) + resources};
        }"""
    )
    return timing["ttfb"], timing["fcp"], int(timing["bytes"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=200)
    parser.add_argument("--views", type=int, default=5)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ma-bench-dashboard-") as folder:
        data = Path(folder) / "data"
        data.mkdir()
        settings = Settings(service=ServiceSettings(data_dir=data))
        began = time.perf_counter()
        token = _store(settings, options.meetings)
        print(f"stored {options.meetings} meetings in {time.perf_counter() - began:.1f} s")
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        env = {**os.environ, "HF_HUB_OFFLINE": "1", "MA_SERVICE__DATA_DIR": str(data),
               "MA_SERVICE__RATE_LIMIT_PER_MINUTE": "100000000"}  # fmt: skip
        # The checkout's code (a console script may point at another install).
        main_call = "from assistant.cli import main; main()"
        command = [sys.executable, "-c", main_call, "serve", "--port", str(port)]
        server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 180
            while True:
                try:
                    if httpx.get(f"{base}/api/v1/health", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("serve did not start")
                time.sleep(0.5)
            meeting = httpx.get(
                f"{base}/api/v1/meetings",
                headers={"Authorization": f"Bearer {token}"},
                params={"limit": 1},
            ).json()["items"][0]["id"]
            pages = {
                "team": "/dashboard/team",
                "my feedback": "/dashboard/me",
                "meeting": f"/dashboard/meetings/{meeting}",
            }
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path="/usr/bin/chromium", headless=True, args=["--no-sandbox"]
                )
                page = browser.new_page(viewport={"width": 390, "height": 844})
                # Signed in straight onto the Team page: its first view reads every report.
                page.goto(f"{base}/dashboard/sign-in?next=/dashboard/team")
                page.fill("#token", token)
                page.click("button[type=submit]")
                page.wait_for_load_state("load")
                if not page.url.endswith("/dashboard/team"):
                    raise SystemExit(f"signing in failed: at {page.url}")
                first = _timing(page)
                print(f"first view after the start (team, reports not cached yet): "
                      f"TTFB {first[0]:.0f} ms, FCP {first[1]:.0f} ms")  # fmt: skip
                print(f"{'page':<12} {'first TTFB':>10} {'TTFB':>10} {'FCP':>9} {'weight':>9}")
                for name, path in pages.items():
                    cold = _measure(page, base + path)
                    warm = [_measure(page, base + path) for _ in range(options.views)]
                    print(
                        f"{name:<12} {cold[0]:>8.0f}ms "
                        f"{statistics.median(w[0] for w in warm):>8.0f}ms "
                        f"{statistics.median(w[1] for w in warm):>7.0f}ms "
                        f"{warm[-1][2] / 1024:>7.1f}kB"
                    )
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
