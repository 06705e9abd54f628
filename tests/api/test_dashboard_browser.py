"""The dashboard in headless Chromium: every page fits a 390 px phone with readable chart
labels and loads nothing from another host; the keyboard alone reaches the search and edits an
action item, which persists. Screenshots are kept in the test's folder."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page

from api.app import create_app
from assistant.config import ServiceSettings, Settings
from assistant.processing.speech import SpeechModels
from tests.browser import browser_session, label_sizes, serve

from .dashboard_seed import Seeded, seed

PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def site(
    settings: Settings, speech_models: SpeechModels, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, Seeded]]:
    folder = tmp_path_factory.mktemp("dashboard")
    service = ServiceSettings(
        data_dir=folder / "data", database_url=f"sqlite:///{folder / 'meetings.db'}"
    )
    configured = settings.model_copy(update={"service": service})
    seeded = seed(configured)
    with serve(create_app(configured, models=speech_models)) as base:
        yield base, seeded


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with browser_session() as chromium:
        yield chromium


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("screenshots")


def _signed_in(browser: Browser, base: str, token: str) -> Page:
    page = browser.new_page(viewport=PHONE)
    page.goto(f"{base}/dashboard/me")
    assert urlsplit(page.url).path == "/dashboard/sign-in"
    page.get_by_label("Your API token").fill(token)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path in ("/dashboard/me", "/dashboard/team"), page.url
    return page


def test_every_page_fits_a_phone(browser: Browser, site: tuple[str, Seeded], shots: Path) -> None:
    base, seeded = site
    page = _signed_in(browser, base, seeded.admin)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    paths = {
        "team": "/dashboard/team",
        "people": "/dashboard/people",
        "alice": "/dashboard/people/Alice%20Martin",
        "meeting": f"/dashboard/meetings/{seeded.meetings[0]}",
        "search": f"/dashboard/meetings/{seeded.meetings[0]}?q=budget",
    }
    for name, path in paths.items():
        page.goto(base + path)
        assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"], name
        sizes = label_sizes(page, "svg text, main p, main td, main label, main dd")
        assert sizes and min(sizes) >= 11, (name, min(sizes))
        page.screenshot(path=shots / f"{name}-390.png", full_page=True)
    hosts = {urlsplit(url).hostname for url in requested if not url.startswith("data:")}
    assert hosts == {"127.0.0.1"}
    # Trends over the four meetings: one line per figure with video, each through four points.
    page.goto(base + paths["alice"])
    lines = page.locator("svg.trend polyline.line")
    assert lines.count() == 9
    assert all(len(lines.nth(i).get_attribute("points").split()) == 4 for i in range(9))  # type: ignore[union-attr]
    page.close()


def test_keyboard_alone_searches_and_edits(
    browser: Browser, site: tuple[str, Seeded], shots: Path
) -> None:
    base, seeded = site
    page = _signed_in(browser, base, seeded.alice)
    meeting = seeded.meetings[-1]
    item = seeded.items["Plan the pilot"]
    page.goto(f"{base}/dashboard/meetings/{meeting}")

    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # focus is visible
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    def tab_to(element_id: str) -> list[str]:
        seen = []
        for _ in range(60):
            page.keyboard.press("Tab")
            seen.append(
                page.evaluate("document.activeElement.id || document.activeElement.tagName")
            )
            if seen[-1] == element_id:
                return seen
        raise AssertionError(f"Tab never reached #{element_id}: {seen}")

    tab_to(f"status-{item}")
    page.keyboard.press("d")  # a closed select takes the option starting with the key typed
    assert page.locator(f"#status-{item}").input_value() == "done"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == f"owner-{item}"
    page.keyboard.press("Control+A")
    page.keyboard.type("Lars Østergaard")
    # Through the due date's fields (its value is kept) to the Save button.
    tab_to(f"save-{item}")
    page.keyboard.press("Enter")
    page.locator(f"#item-{item} .saved").filter(has_text="Saved").wait_for()
    page.screenshot(path=shots / "saved-390.png", full_page=True)

    stored = page.request.get(f"{base}/api/v1/action-items", params={"meeting_id": meeting})
    row = next(i for i in stored.json()["items"] if i["id"] == item)
    assert (row["status"], row["owner"], row["due"]) == ("done", "Lars Østergaard", "2099-01-01")
    page.reload()
    assert page.locator(f"#status-{item}").input_value() == "done"

    # On to the search, by keyboard: type, submit with Enter, the match is marked.
    tab_to("q")
    page.keyboard.type("budget")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"q=budget"))
    assert page.locator("ol.transcript li").count() == 1
    assert page.locator("ol.transcript mark").inner_text() == "budget"
    page.close()
