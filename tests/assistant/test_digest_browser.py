"""The digest page in headless Chromium: it fits a 390 px phone (every action-item column on
screen, chart labels at least 11 px, percentages clear of the equal-share line) and prints
without stranding the coaching heading or giving each person a page. Screenshots and the PDF
are kept in the test's folder."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from assistant.outputs.digest import render_digest_html
from tests.browser import browser_session, label_sizes

REPORT_PATH = Path(__file__).parents[1] / "data" / "report_sample.json"
NAMES = (
    "Lars Østergaard",
    "Maximiliane Fürstenberg-Schwarzenau",
    "Chidi Okonkwo",
    "Ana Li",
    "Jo Park",
    "Wilhelmina Vandersteen",
    "Priya Raghunathan",
    "Tom Berg",
)
SHARES = (0.30, 0.20, 0.15, 0.10, 0.10, 0.08, 0.05, 0.02)


def _report() -> dict[str, Any]:
    """Eight people with long names, video figures and two coaching tips each."""
    report: dict[str, Any] = json.loads(REPORT_PATH.read_text(encoding="utf-8"))
    people = []
    for index, (name, share) in enumerate(zip(NAMES, SHARES, strict=True)):
        person = copy.deepcopy(report["participants"][index % 2])
        person.update(id=f"p{index}", name=name, talk_share=share, filler_words_per_100=5.2)
        person["engagement"] = {
            "video_seconds": 100,
            "camera_on_share": 0.9,
            "face_visible_share": 0.8,
            "facing_camera_share": 0.7,
            "gesture_rate_per_min_speaking": 2.5,
            "nods_per_min_listening": 1.0,
            "expressiveness": 0.4,
            "movement": 0.2,
            "posture_upright_share": 0.8,
            "score": 71.0,
            "timeline": [],
        }
        people.append(person)
    report["participants"] = people
    report["balance"] = {"score": 0.82, "dominant": "p0", "silent": ["p7"]}
    tip = (
        "You spoke a lot; ask more open questions and let the customer speak about their "
        "goals, process and timeline."
    )
    report["coaching"] = [
        {
            "participant": f"p{index}",
            "language": "en",
            "items": [
                {"topic": "talk_share", "value": 0.3, "unit": "share",
                 "benchmark": "43% talk", "message": tip},
                {"topic": "fillers", "value": 5.2, "unit": "per 100", "benchmark": "under 4",
                 "message": "Fewer filler words would sound more confident."},
            ],
        }
        for index in range(len(NAMES))
    ]  # fmt: skip
    report["action_items"].append(
        {
            "text": "Book a workshop with procurement and legal about the framework agreement",
            "owner": "p1",
            "due": "2026-03-20",
            "speaker": "p1",
            "start": 100.0,
            "quote": "we should book a workshop",
        }
    )
    return report


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with browser_session() as chromium:
        yield chromium


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("digest")
    (folder / "digest.html").write_text(render_digest_html(_report()), encoding="utf-8")
    return folder


@pytest.fixture
def phone(browser: Browser, folder: Path) -> Iterator[Page]:
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto((folder / "digest.html").as_uri())
    yield page
    page.close()


def test_fits_a_phone(phone: Page, folder: Path) -> None:
    phone.screenshot(path=folder / "digest-390.png", full_page=True)
    assert phone.evaluate("document.scrollingElement.scrollWidth") <= 390
    section = phone.locator("section", has=phone.get_by_role("heading", name="Action items"))
    cells = section.locator("tbody td")
    assert cells.count() == 3 * 4
    for index in range(cells.count()):
        box = cells.nth(index).bounding_box()
        assert box is not None and box["width"] > 0 and box["height"] > 0, index
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, index
    # Each stacked cell names its column.
    labels = phone.evaluate(
        """[...document.querySelectorAll('table.stack tbody tr:first-child td[data-label]')]
           .map(td => getComputedStyle(td, '::before').content)"""
    )
    for column in ("Owner", "Due", "Said at"):
        assert any(column in label for label in labels), column


def test_chart_labels_are_readable(phone: Page) -> None:
    sizes = label_sizes(phone, ".chart .who, .chart .value, .chart .key, svg text")
    assert len(sizes) >= 2 * len(NAMES) + 1
    assert min(sizes) >= 11


def test_percentages_clear_of_the_equal_share_line(phone: Page, browser: Browser) -> None:
    for page in (phone, browser.new_page(viewport={"width": 900, "height": 900})):
        if page is not phone:
            page.goto(phone.url)
        boxes = page.evaluate(
            """[...document.querySelectorAll('.chart li')].map(row => ({
                 lines: [...row.querySelectorAll('line')]
                   .map(l => l.getBoundingClientRect().toJSON()),
                 value: row.querySelector('.value').getBoundingClientRect().toJSON(),
                 who: row.querySelector('.who').getBoundingClientRect().toJSON()}))"""
        )
        assert len(boxes) == len(NAMES) + 1  # the people's rows and the sides' row
        assert all(row["lines"] for row in boxes)
        for row in boxes:
            for line in row["lines"]:
                for text in (row["value"], row["who"]):
                    apart = (
                        line["right"] <= text["left"]
                        or text["right"] <= line["left"]
                        or line["bottom"] <= text["top"]
                        or text["bottom"] <= line["top"]
                    )
                    assert apart, (line, text)
        if page is not phone:
            page.close()


def test_prints_without_stranded_headings_or_a_page_per_person(phone: Page, folder: Path) -> None:
    phone.emulate_media(media="print")
    rules = phone.evaluate(
        """() => {
          const style = (selector) => getComputedStyle(document.querySelector(selector));
          const coaches = [...document.querySelectorAll('.coaching .coach')];
          return {
            heading: style('.coaching h2').breakAfter,
            person: style('.coaching .coach h3').breakAfter,
            before: coaches.map(c => getComputedStyle(c).breakBefore),
            inside: coaches.map(c => getComputedStyle(c).breakInside),
          };
        }"""
    )
    assert rules["heading"] == "avoid" and rules["person"] == "avoid"
    assert set(rules["before"]) == {"auto"}  # no page per person
    assert set(rules["inside"]) == {"avoid"}  # a person's tips stay together
    pdf = phone.pdf(format="A4")
    (folder / "digest.pdf").write_bytes(pdf)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    # Fewer pages than people: no page per person.
    assert len(NAMES) == 8
    assert 1 <= pages <= 4
