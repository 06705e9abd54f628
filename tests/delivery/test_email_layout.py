"""The email's HTML in a real browser (Debian's headless Chromium) at a phone's 390 px: nothing
wider than the screen, the inline chart loaded and scaled to the column, text large enough to
read. The meeting digest with a long title, long names and many items, and the weekly digest."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from assistant.delivery import (
    meeting_digest,
    new_content_id,
    render_meeting_email,
    render_weekly_email,
    share_chart_png,
    weekly_digest,
)
from assistant.delivery.weekly import StoredItem

REPORT = Path(__file__).resolve().parents[1] / "data" / "report_sample.json"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

# Headless Chromium's window is at least 500 px wide, so the email is framed at 390 px: it
# measures itself and hands the figures to the frame's page, whose title --dump-dom prints.
_FRAME = """<!DOCTYPE html><html><head><title>waiting</title></head><body style="margin:0">
<iframe src="{page}" style="width:390px;height:900px;border:0"></iframe>
<script>addEventListener("message", (e) => {{ document.title = e.data; }});</script>
</body></html>"""
_MEASURE = """<script>
window.addEventListener("load", () => {
  const view = document.documentElement.clientWidth;
  let right = 0, smallest = 99, images = [];
  for (const el of document.querySelectorAll("body *")) {
    const box = el.getBoundingClientRect();
    if (box.width > 0) right = Math.max(right, box.right);
    const text = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (text)
      smallest = Math.min(smallest, parseFloat(getComputedStyle(el).fontSize));
  }
  for (const img of document.images)
    images.push({loaded: img.complete && img.naturalWidth > 0,
                 width: img.getBoundingClientRect().width});
  parent.postMessage(JSON.stringify({view, right, scroll: document.documentElement.scrollWidth,
                                    smallest, images}), "*");
});
</script>"""


def _measure(html: str, folder: Path, name: str) -> dict[str, Any]:
    page = folder / f"{name}.html"
    page.write_text(html.replace("</body>", _MEASURE + "</body>"), encoding="utf-8")
    frame = folder / f"{name}-frame.html"
    frame.write_text(_FRAME.format(page=page.name), encoding="utf-8")
    result = subprocess.run(
        [
            CHROMIUM,
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--window-size=600,900",
            "--allow-file-access-from-files",
            "--virtual-time-budget=3000",
            "--dump-dom",
            frame.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    title = re.search(r"<title>(.*?)</title>", result.stdout, re.DOTALL)
    assert title is not None, result.stdout[:500]
    measured: dict[str, Any] = json.loads(title.group(1).replace("&quot;", '"'))
    return measured


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    report: dict[str, Any] = json.loads(REPORT.read_text(encoding="utf-8"))
    report["meeting"]["title"] = (
        "Quarterly business review with Nordisk Bolig Fornyelse og Energiselskabet A/S, "
        "renewal and expansion"
    )
    report["participants"][0]["name"] = "Lars Østergaard-Christiansen Vestergaard"
    report["action_items"] *= 6
    report["decisions"] = [{"text": "Move the pilot to Q3 " + "and widen it " * 8}]
    report["follow_up"] = [
        {
            "text": "Send the https://example.com/a-very-long-link/that/has/no/spaces/at/all/x",
            "owner": "alice",
            "due": "2026-02-20",
            "status": "overdue",
            "origin_title": "Kick-off",
            "origin_date": "2026-02-13",
        }
    ]
    return report


def test_the_meeting_digest_fits_a_phone(report: dict[str, Any], tmp_path: Path) -> None:
    digest = meeting_digest(report, today=dt.date(2026, 3, 10))
    cid = new_content_id("participation")
    body = render_meeting_email(digest, chart_cid=cid, feedback=digest.feedback_for("Alice Martin"))
    (tmp_path / "chart.png").write_bytes(share_chart_png(digest.shares))
    measured = _measure(body.html.replace(f"cid:{cid}", "chart.png"), tmp_path, "meeting")
    assert measured["view"] == 390
    assert measured["scroll"] <= 390 and measured["right"] <= 390, measured
    assert measured["smallest"] >= 12, measured
    [chart] = measured["images"]
    assert chart["loaded"] and 300 <= chart["width"] <= 362, measured


def test_the_weekly_digest_fits_a_phone(report: dict[str, Any], tmp_path: Path) -> None:
    items = [
        StoredItem(
            "Send the revised proposal " * 3,
            "Lars Østergaard-Christiansen",
            dt.date(2026, 3, 1),
            "open",
            "QBR",
        ),
        StoredItem("Book the demo", "Alice Martin", dt.date(2026, 3, 12), "open", "QBR"),
        StoredItem("Share the notes", "Alice Martin", None, "done", "QBR"),
    ]
    weekly = weekly_digest(
        "Sales Nordics",
        dt.date(2026, 3, 2),
        dt.date(2026, 3, 8),
        [report, report],
        items,
        today=dt.date(2026, 3, 9),
    )
    assert [(t.owner, t.open, t.overdue, t.done) for t in weekly.owners] == [
        ("Lars Østergaard-Christiansen", 0, 1, 0),
        ("Alice Martin", 1, 0, 1),
    ]
    assert [name for name, _ in weekly.rarely_heard] == ["<script>alert(1)</script>"]
    body = render_weekly_email(weekly)
    assert "&lt;script&gt;" in body.html and "<script>alert" not in body.html
    assert "Book the demo" in body.text and "Due next week" in body.html
    measured = _measure(body.html, tmp_path, "weekly")
    assert measured["scroll"] <= 390 and measured["right"] <= 390, measured
    assert measured["smallest"] >= 12, measured
