"""The digest's meeting-intelligence sections: decisions, open questions, follow-up, coaching."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from assistant.outputs.digest import render_digest_html

REPORT_PATH = Path(__file__).parents[1] / "data" / "report_sample.json"


def _report() -> dict[str, Any]:
    report: dict[str, Any] = json.loads(REPORT_PATH.read_text(encoding="utf-8"))
    report["decisions"] = [{"text": "Go with the annual plan", "speaker": "bob"}]
    report["questions"] = [{"text": "Who signs the DPA?", "speaker": "bob", "reason": "unanswered"}]
    report["next_meeting"] = {"date": "2026-03-18", "quote": "See you on the 18th."}
    report["follow_up"] = [
        {
            "text": "Send the quote",
            "owner": "alice",
            "due": "2026-03-01",
            "status": "overdue",
            "origin_title": "Kickoff",
        },
        {
            "text": "Set up the pilot",
            "owner": "team:internal",
            "due": None,
            "status": "done",
            "origin_title": "Kickoff",
        },
    ]
    report["coaching"] = [
        {
            "participant": "alice",
            "language": "en",
            "items": [
                {
                    "topic": "talk_share",
                    "value": 0.73,
                    "unit": "share",
                    "benchmark": "top reps talk 43 %",
                    "message": "You spoke <73 %> of the time.",
                }
            ],
        },
        {"participant": "bob", "language": "en", "items": []},
    ]
    return report


def test_sections_and_private_coaching() -> None:
    page = render_digest_html(_report())
    assert "<h2>Decisions and open questions</h2>" in page
    assert "<li>Go with the annual plan</li>" in page
    assert 'Who signs the DPA? <span class="muted">(Bob Okafor; not answered)</span>' in page
    assert "<strong>Next meeting:</strong> Wednesday 18 March 2026" in page
    assert '<td class="flag" data-label="Status">overdue</td>' in page
    assert '<td data-label="Owner">our team</td>' in page  # a group promise
    assert "<h3>For Alice Martin only</h3>" in page
    assert "For Bob Okafor only" not in page  # nothing to say: no block
    assert "You spoke &lt;73 %&gt; of the time." in page


def test_sections_absent_without_data() -> None:
    page = render_digest_html(json.loads(REPORT_PATH.read_text(encoding="utf-8")))
    for heading in ("Decisions and open questions", "Follow-up from earlier", "Coaching"):
        assert heading not in page
