"""Debian's Chromium driven by Playwright, for layout checks (Playwright cannot download its
own browsers here). One browser per test module; pages only ever load from 127.0.0.1 or
file://."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn
from fastapi import FastAPI
from playwright.sync_api import Browser, Page, sync_playwright

__all__ = ["CHROMIUM", "browser_session", "label_sizes", "serve"]

CHROMIUM = Path("/usr/bin/chromium")


@contextmanager
def browser_session() -> Iterator[Browser]:
    assert CHROMIUM.is_file(), "Debian's chromium is needed (apt-get install chromium)"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox"]
        )
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def serve(app: FastAPI) -> Iterator[str]:
    """``app`` served by uvicorn on a free loopback port in a thread; its base URL."""
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, name="test-uvicorn", daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


def label_sizes(page: Page, selector: str) -> list[float]:
    """The rendered size (px) of the text of each element matching ``selector``: its computed
    font size times the scale of any SVG drawing it sits in (a viewBox drawn smaller than its
    units shrinks its text, which the computed style alone does not show)."""
    sizes: list[float] = page.evaluate(
        """selector => [...document.querySelectorAll(selector)].map(el => {
            const size = parseFloat(getComputedStyle(el).fontSize);
            const ctm = el instanceof SVGGraphicsElement ? el.getScreenCTM() : null;
            return ctm ? size * Math.sqrt(ctm.a * ctm.a + ctm.b * ctm.b) : size;
        })""",
        selector,
    )
    return sizes
