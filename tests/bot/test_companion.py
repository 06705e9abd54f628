"""Companion sessions end to end: the real ``serve`` with the real models, a WHIP client in aiortc
sending two real recordings as two audio tracks, and the ``/companion`` page in headless
Chromium (a fake microphone, and an audio file as the customer side). ``companion_scenario.py``
runs them in a network namespace it sets up itself (aioice leaves out loopback candidates);
these tests check what it printed.

Needs root (``unshare --net``), as sessions and CI have, and Debian's ``chromium``.
"""

from __future__ import annotations

import signal
from typing import Any

import pytest

from bench.common import JFK_REFERENCE, grid_sentence, normalize_text
from tests.bot.companion_scenario import CUSTOMER_CLIP
from tests.bot.namespace import run_scenario
from tests.bot.test_bot import CARL_SAYS, word_error_rate

HORIZON = "The horizon seems extremely distant."


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("companion")
    return run_scenario("tests.bot.companion_scenario", out, log=out / "serve.log")


def _said(events: list[dict[str, Any]], participant: str) -> str:
    return " ".join(
        e["text"] for e in events if e["type"] == "final" and e["participant"] == participant
    )


def _best_window_error_rate(reference: str, said: str) -> float:
    """The lowest word error rate of ``reference`` against any stretch of ``said`` as long as it."""
    words, width = normalize_text(said).split(), len(normalize_text(reference).split())
    starts = range(max(1, len(words) - width + 1))
    return min(word_error_rate(reference, " ".join(words[i : i + width])) for i in starts)


def test_whip_answers_as_rfc_9725_says(run: dict[str, Any]) -> None:
    client = run["aiortc"]
    assert client["post"]["status"] == 201
    assert client["post"]["content_type"] == "application/sdp"
    assert client["post"]["location"].startswith("/api/v1/whip/")
    assert client["delete"]["status"] == 200 and client["delete"]["body"]["status"] == "stopping"
    second = run["second"]
    assert second["status"] == 429 and second["retry"]
    assert "companion.max_sessions" in second["body"]["detail"]


def test_two_tracks_are_captioned_live_each_on_its_side(run: dict[str, Any]) -> None:
    events = run["aiortc"]["live_events"]
    joined = {e["participant"]: (e["name"], e["side"]) for e in events if e["type"] == "joined"}
    assert joined == {"me": ("Ada Seller", "internal"), "customer": ("Customer side", "external")}
    seller, customer = _said(events, "me"), _said(events, "customer")
    assert word_error_rate(JFK_REFERENCE, seller) <= 0.2, seller
    assert word_error_rate(grid_sentence(CUSTOMER_CLIP), customer) <= 0.34, customer
    # Each side's words on its own side only.
    assert "country" in seller.lower() and "country" not in customer.lower()
    assert "blue" in customer.lower() and "blue" not in seller.lower()
    assert events[-1]["type"] == "ended" and events[-1]["status"] == "done"
    assert run["aiortc"]["live_close"] == [1000, "the meeting has ended"]


def test_the_stored_meeting_knows_the_sides(run: dict[str, Any]) -> None:
    for client, seller in (("aiortc", "Ada Seller"), ("chromium", "Bea Seller")):
        stored = run[client]
        assert stored["meeting"]["status"] == "done", stored["meeting"]
        assert stored["meeting"]["participants"] == [seller, "Customer side"]
        report = stored["report"]
        sides = {p["name"]: p["side"] for p in report["participants"]}
        assert sides == {seller: "internal", "Customer side": "external"}, client
        assert report["sides"]["internal_share"] > report["sides"]["external_share"] > 0
        assert {"report.json", "digest.html", "upload.json"} <= set(stored["files"])
    report = run["aiortc"]["report"]
    names = {p["id"]: p["name"] for p in report["participants"]}
    said = " ".join(s["text"] for s in report["segments"] if names[s["speaker"]] == "Ada Seller")
    assert word_error_rate(JFK_REFERENCE, said) <= 0.2, said
    assert run["aiortc"]["meeting"]["title"] == "Discovery call"


def test_the_seller_alone_gets_their_private_hints(run: dict[str, Any]) -> None:
    hints = run["aiortc"]["hint_events"]
    assert hints[0] == {
        "type": "opted_in",
        "participant": "me",
        "received_at": hints[0]["received_at"],
    }
    given = [e for e in hints if e["type"] == "hint"]
    assert given and all(e["participant"] == e["subject"] == "me" for e in given)
    assert given[0]["kind"] == "monologue" and "3 seconds" in given[0]["message"]
    assert run["aiortc"]["hints_close"] == [1000, "the meeting has ended"]


def test_the_companion_page_yields_two_sides(run: dict[str, Any]) -> None:
    page = run["chromium"]
    shown = page["shown"]
    assert shown["me_heading"] == "Bea Seller (our side)"
    assert shown["customer_heading"] == "Customer side (customer side)"
    events = page["log"]["events"]
    # The microphone's file loops: its sentence once at least, as well as a reread would give it
    # (live decoding may hear "who would vanish" for "who had vanished").
    seller = _said(events, "me")
    assert _best_window_error_rate(CARL_SAYS, seller) <= 0.2, seller
    assert word_error_rate(HORIZON, _said(events, "customer")) <= 0.25, _said(events, "customer")
    assert "wizard" in shown["me"].lower() and "horizon" in shown["customer"].lower()
    assert "horizon" not in seller.lower() and "wizard" not in _said(events, "customer").lower()
    # The seller's hints are shown on the page.
    assert page["log"]["hints"] and page["log"]["hints"][0]["kind"] == "monologue"
    assert page["log"]["hints"][0]["message"] in shown["hints"]
    assert "The meeting has ended (done)" in shown["status"]


def test_the_service_ran_cleanly(run: dict[str, Any]) -> None:
    assert run["shutdown_code"] in (0, -signal.SIGTERM)
    assert run["serve_log_errors"] == []
    assert run["token_in_log"] is False  # the sockets sent it as ?token=
