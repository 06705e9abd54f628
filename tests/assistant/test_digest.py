from __future__ import annotations

import copy
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from assistant.outputs.digest import (
    ENGAGEMENT_HEADERS,
    SUMMARY_HEADERS,
    engagement_rows,
    render_digest_html,
    summary_rows,
)
from assistant.outputs.formatting import format_clock, format_number, format_percent

REPORT_PATH = Path(__file__).parents[1] / "data" / "report_sample.json"

_VOID = {"meta", "br", "hr", "img", "input", "link", "wbr", "col", "area", "base", "source"}


def _report() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(REPORT_PATH.read_text(encoding="utf-8"))
    return data


class _Checker(HTMLParser):
    """Records the page's text and checks that every element is closed in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.tags: list[str] = []
        self.attributes: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += [value or "" for _, value in attrs]
        if tag not in _VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += [value or "" for _, value in attrs]

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(page: str) -> _Checker:
    checker = _Checker()
    checker.feed(page)
    checker.close()
    assert checker.errors == []
    assert checker.stack == []
    return checker


def _visible_text(checker: _Checker) -> str:
    return " ".join(" ".join(checker.text).split())


def test_page_is_well_formed_and_self_contained() -> None:
    page = render_digest_html(_report())
    checker = _parse(page)

    assert page.startswith("<!DOCTYPE html>")
    assert checker.tags[:1] == ["html"]
    assert "script" not in checker.tags
    assert {"link", "img", "iframe", "object", "embed"}.isdisjoint(checker.tags)
    # One bar per person (three) and the sides' bar; no text inside a drawing.
    assert checker.tags.count("svg") == 4
    assert "text" not in checker.tags
    assert "http" not in page.lower()
    assert "url(" not in page
    assert "@import" not in page
    assert not any(re.match(r"\s*(javascript|data):", value) for value in checker.attributes)


def test_header_shows_meeting_facts() -> None:
    text = _visible_text(_parse(render_digest_html(_report())))

    assert "Acme renewal call" in text
    assert "Tuesday 3 March 2026 · 30:35 long · English" in text


def test_participation_chart_and_balance_reading() -> None:
    page = render_digest_html(_report())
    text = _visible_text(_parse(page))

    chart = page[page.index('<figure class="chart shares"') : page.index("</figure>")]
    # Bars sorted by share; the biggest talker spans the full track.
    assert chart.index("Alice Martin") < chart.index("Bob Okafor")
    first_bar = chart[chart.index("Alice Martin") : chart.index("Bob Okafor")]
    assert '<rect class="bar internal" x="0" y="1" width="100.0" height="8"/>' in first_bar
    # The equal-share line sits at a third of the largest share's scale (0.333 / 0.7282).
    assert first_bar.count('<line class="equal" x1="45.8"') == 1
    for label in (">73%<", ">25%<", ">2%<", "equal share 33%"):
        assert label in chart
    assert "Balance 0.64" in text
    assert "uneven, a few voices carried the meeting" in text
    assert "Alice Martin did most of the talking (73% of the talk)." in text
    assert "Barely spoke or stayed silent: <script>alert(1)</script>." in text


def test_sides_against_benchmark_with_warning() -> None:
    text = _visible_text(_parse(render_digest_html(_report())))

    assert "Our side talked 73% of the time, the customer side 25%." in text
    assert "talks about 43% and listens about 57%" in text
    assert "Warning: our side talked more than 65% of the time." in text


def test_no_warning_at_or_below_threshold() -> None:
    report = _report()
    report["sides"] = {"internal_share": 0.65, "external_share": 0.35}
    text = _visible_text(_parse(render_digest_html(report)))

    assert "Our side talked 65% of the time, the customer side 35%." in text
    assert "Warning" not in text


def test_no_sides_section_without_sides() -> None:
    report = _report()
    report["sides"] = None
    page = render_digest_html(report)

    assert "Our side and the customer" not in page
    assert "benchmark 43%" not in page
    assert _parse(page).tags.count("svg") == 3


def _rows(page: str, caption: str) -> list[list[str]]:
    """Cell texts of the table in the section whose heading is ``caption``."""
    section = page[page.index(f"<h2>{caption}</h2>") :]
    table = section[: section.index("</table>")]
    rows = []
    for row in re.findall(r"<tr>(.*?)</tr>", table, flags=re.S):
        checker = _Checker()
        cells = re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, flags=re.S)
        texts = []
        for cell in cells:
            checker.text = []
            checker.feed(cell)
            texts.append(_visible_text(checker))
        rows.append(texts)
    return rows


def test_action_items_table() -> None:
    assert _rows(render_digest_html(_report()), "Action items") == [
        ["What", "Owner", "Due", "Said at"],
        [
            "Send the revised proposal Can you send the revised proposal by Friday?",
            "Alice Martin",
            "Fri 6 Mar 2026",
            "12:34 by Bob Okafor",
        ],
        ["Check the discount with finance & legal", "—", "—", "1:02:05 by Alice Martin"],
    ]


def test_no_action_items() -> None:
    report = _report()
    report["action_items"] = []
    text = _visible_text(_parse(render_digest_html(report)))

    assert "No action items were found." in text


def test_per_person_table_with_flags() -> None:
    assert _rows(render_digest_html(_report()), "Per person") == [
        [
            "Name",
            "Talk time",
            "Share",
            "Turns",
            "Longest monologue",
            "Words/min",
            "Questions",
            "Fillers/100",
            "Interruptions",
        ],
        ["Alice Martin", "19:40", "73%", "35", "2:24", "180 fast", "3", "4.3 high", "6"],
        ["Bob Okafor", "6:42", "25%", "31", "0:48", "163", "12", "2.1", "1"],
        ["<script>alert(1)</script>", "0:39", "2%", "2", "0:30", "125 slow", "0", "0.0", "0"],
    ]


def _with_engagement() -> dict[str, Any]:
    report = _report()
    by_id = {person["id"]: person for person in report["participants"]}
    by_id["alice"]["engagement"] = None
    by_id["bob"]["engagement"] = {
        "video_seconds": 600,
        "camera_on_share": 0.9,
        "face_visible_share": 0.95,
        "facing_camera_share": 0.724,
        "gesture_rate_per_min_speaking": 3.25,
        "nods_per_min_listening": None,
        "score": 71.5,
        "timeline": [],
    }
    return report


def test_presence_table_shows_score_and_parts_or_dashes() -> None:
    page = render_digest_html(_with_engagement())

    assert _rows(page, "Presence on video") == [
        ["Name", "Engagement", "Camera on", "Facing camera", "Gestures/min speaking"],
        ["Alice Martin", "—", "—", "—", "—"],
        ["Bob Okafor", "72", "90%", "72%", "3.3"],
        ["<script>alert(1)</script>", "—", "—", "—", "—"],
    ]
    assert "Engagement" not in _rows(page, "Per person")[0]


def test_engagement_rows_for_the_terminal() -> None:
    assert engagement_rows(_with_engagement())[1] == ("Bob Okafor", "72", "90%", "72%", "3.3")
    assert len(ENGAGEMENT_HEADERS) == 5


def test_no_presence_section_when_all_null() -> None:
    report = _report()
    for person in report["participants"]:
        person["engagement"] = None

    assert engagement_rows(report) == []
    assert "Presence on video" not in render_digest_html(report)


def test_hostile_text_is_escaped_everywhere() -> None:
    report = _report()
    report["meeting"]["title"] = 'Q3 <b>plan</b> & "more"'
    report["action_items"][0]["text"] = "<img src=x onerror=alert(1)>"
    page = render_digest_html(report)
    checker = _parse(page)

    assert "<script" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img" not in page
    assert "b" not in checker.tags
    assert (
        "<title>Q3 &lt;b&gt;plan&lt;/b&gt; &amp; &quot;more&quot;: meeting digest</title>" in page
    )


def test_sparse_report_still_renders() -> None:
    page = render_digest_html({"version": 1, "meeting": {"title": None}, "participants": []})
    text = _visible_text(_parse(page))

    assert "Meeting" in text
    assert "No speech was found in this recording." in text
    assert "No action items were found." in text


def test_odd_values_show_as_dashes() -> None:
    report = copy.deepcopy(_report())
    person = report["participants"][0]
    assert person["name"] == "Bob Okafor"
    person["talk_time_s"] = None
    person["words_per_minute"] = "fast"
    person["turns"] = True

    assert summary_rows(report)[1] == ("Bob Okafor", "—", "25%", "—", "—", "12", "2.1", "1")


def test_summary_rows_match_headers() -> None:
    rows = summary_rows(_report())

    assert len(SUMMARY_HEADERS) == 8
    assert rows == [
        ("Alice Martin", "19:40", "73%", "35", "180", "3", "4.3", "6"),
        ("Bob Okafor", "6:42", "25%", "31", "163", "12", "2.1", "1"),
        ("<script>alert(1)</script>", "0:39", "2%", "2", "125", "0", "0.0", "0"),
    ]


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [
        (0, "0:00"),
        (59.4, "0:59"),
        (59.5, "1:00"),
        (754.2, "12:34"),
        (3599.6, "1:00:00"),
        (3725, "1:02:05"),
        (-3, "0:00"),
    ],
)
def test_format_clock(seconds: float, expected: str) -> None:
    assert format_clock(seconds) == expected


def test_format_clock_rejects_nan() -> None:
    with pytest.raises(ValueError, match="not a finite number"):
        format_clock(float("nan"))


@pytest.mark.parametrize(
    ("share", "expected"),
    [(0.425, "43%"), (0.0, "0%"), (0.004, "<1%"), (1.0, "100%"), (None, "—")],
)
def test_format_percent(share: float | None, expected: str) -> None:
    assert format_percent(share) == expected


def test_format_number() -> None:
    assert format_number(2.25, 1) == "2.3"
    assert format_number(179.94) == "180"
    assert format_number(None) == "—"
