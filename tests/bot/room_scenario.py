"""Rooms of our own, end to end, inside a network namespace of its own (see
``tests/bot/test_rooms.py``, which starts it under ``unshare``): a local Janus, the real
``meeting-assistant serve`` with rooms on it, and people played by headless Chromium (Debian's,
driven by Playwright) whose camera and microphone are real recordings (a WAV and a Y4M written
with PyAV, given to Chromium as its fake devices). Prints one JSON line for the test.

Three rooms, all made through ``POST /rooms``:
- "Weekly sync" (auto_bot): Grace (a GRID clip) joins, the assistant comes by itself and says
  so in the chat; Ada (jfk.flac) joins; Dan (another GRID clip) joins late. Once everyone has spoken
  they leave the call (their pages stay, chat open): the assistant leaves after the idle
  timeout, stores the meeting and posts its summary in the chat.
- "Pricing call" (auto_bot, require_host_invite): ``POST /bots`` without the host's key is
  refused; Grace's page (not the host) brings no assistant; the host's page (Ada, with the host
  link) does; Grace types ``/stop``: the assistant leaves and the meeting is discarded.
- "All hands" (auto_bot): six pages of one Chromium (same recordings, six names) join; the
  assistant follows all six.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import signal
import sys
import time
import wave
from pathlib import Path
from typing import Any

import av
import httpx2
import numpy as np
from playwright.async_api import Browser, Page, Playwright, async_playwright
from playwright.async_api import Error as PlaywrightError

from assistant.bot.janus_server import JanusConfig, LocalJanus
from tests.bot.scenario import SPEAKERS, setup_network
from tests.bot.serve import log_errors, new_token, start_service
from tests.media import read_audio

PORT = 8766
BASE = f"http://127.0.0.1:{PORT}"
API = f"{BASE}/api/v1"
IDLE_TIMEOUT_S = 3
CHROMIUM = "/usr/bin/chromium"
AUDIO_RATE = 16_000
VIDEO = (320, 240, 10)
"""Width, height (px) and frames per second of each fake camera: small, as rooms ask (10 fps
leaves more of two shared cores to the live captions than the default 15)."""
CAMERA = SPEAKERS["Grace Hopper"].parent / "bbaf2n.mpg"
"""Ada's camera: her voice (jfk.flac) comes without pictures."""
PEOPLE = {
    # name: (voice, camera, silence before the voice starts, s)
    "Ada Lovelace": (SPEAKERS["Ada Lovelace"], CAMERA, 4.0),
    "Grace Hopper": (SPEAKERS["Grace Hopper"], SPEAKERS["Grace Hopper"], 12.0),
    "Dan Bernoulli": (SPEAKERS["Dan Bernoulli"], SPEAKERS["Dan Bernoulli"], 2.5),
}
CROWD = [f"Person {n}" for n in range(1, 7)]


def write_wav(path: Path, clip: Path, lead_s: float, tail_s: float = 90.0) -> Path:
    """The clip's sound between silences: Chromium loops the file, so the long tail keeps
    each person from saying it twice within the test."""
    samples = read_audio(clip)[0]
    padded = np.concatenate(
        [
            np.zeros(round(lead_s * AUDIO_RATE), np.float32),
            samples,
            np.zeros(round(tail_s * AUDIO_RATE), np.float32),
        ]
    )
    with wave.open(str(path), "wb") as output:
        output.setnchannels(1)
        output.setsampwidth(2)
        output.setframerate(AUDIO_RATE)
        output.writeframes(np.clip(padded * 32767, -32768, 32767).astype("<i2").tobytes())
    return path


def write_y4m(path: Path, clip: Path) -> Path:
    """The clip's pictures, scaled to the rooms' camera size and rate, as Y4M (PyAV's
    yuv4mpegpipe muxer); Chromium loops it."""
    width, height, fps = VIDEO
    with av.open(str(clip)) as source, av.open(str(path), "w", format="yuv4mpegpipe") as output:
        stream = output.add_stream("rawvideo", rate=fps)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        video = source.streams.video[0]
        step = float(video.average_rate or 25) / fps
        for index, frame in enumerate(source.decode(video)):
            if int(index / step) != int((index - 1) / step) or index == 0:
                picture = frame.reformat(width=width, height=height, format="yuv420p")
                for packet in stream.encode(picture):
                    output.mux(packet)
        for packet in stream.encode():
            output.mux(packet)
    return path


async def launch(playwright: Playwright, audio: Path, video: Path) -> Browser:
    return await playwright.chromium.launch(
        executable_path=CHROMIUM,
        headless=True,
        args=[
            "--use-fake-ui-for-media-stream",
            "--use-fake-device-for-media-stream",
            f"--use-file-for-fake-audio-capture={audio}",
            f"--use-file-for-fake-video-capture={video}",
            "--disable-features=WebRtcHideLocalIpsWithMdns",
            "--autoplay-policy=no-user-gesture-required",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-sync",
            "--disable-component-update",
        ],
    )


async def join(browser: Browser, link: str, name: str) -> Page:
    """A person opens the room's link, types their name and joins with camera and mic."""
    page = await browser.new_page()
    await page.goto(f"{BASE}{link}")
    await page.wait_for_selector("body[data-ready='true']", timeout=60_000)
    await page.fill("#name", name)
    await page.click("#join-button")
    return page


async def chat(page: Page) -> list[dict[str, Any]]:
    messages: list[dict[str, Any]] = await page.evaluate(
        """() => [...document.querySelectorAll('#chat .message')].map(m => ({
            from: m.dataset.from, bot: m.dataset.bot === 'true',
            system: m.dataset.system === 'true', text: m.querySelector('.text').textContent}))"""
    )
    return messages


async def captions(page: Page) -> list[dict[str, str]]:
    lines: list[dict[str, str]] = await page.evaluate(
        """() => [...document.querySelectorAll('#captions .caption.final')].map(c => ({
            name: c.dataset.name, text: c.querySelector('.text').textContent}))"""
    )
    return lines


async def seen(page: Page) -> list[dict[str, Any]]:
    """The other people's tiles on this page, and whether their video plays."""
    tiles: list[dict[str, Any]] = await page.evaluate(
        """() => [...document.querySelectorAll('.tile:not([data-own])')].map(t => ({
            name: t.dataset.name, width: t.querySelector('video').videoWidth,
            audio: t.querySelectorAll('audio').length}))"""
    )
    return tiles


async def wait_chat(page: Page, text: str, timeout_s: float) -> float:
    """Until a chat message holding ``text`` shows on the page; when (monotonic s)."""
    try:
        await page.wait_for_function(
            """(text) => [...document.querySelectorAll('#chat .message .text')]
                .some(m => m.textContent.includes(text))""",
            arg=text,
            timeout=timeout_s * 1000,
        )
    except PlaywrightError as error:
        shown = json.dumps(await chat(page))[-3000:]
        raise RuntimeError(f"{text!r} not in the chat within {timeout_s} s: {shown}") from error
    return time.monotonic()


async def wait_tiles(page: Page, count: int, timeout_s: float) -> None:
    """Until ``count`` other people's videos play on the page."""
    await page.wait_for_function(
        """(count) => [...document.querySelectorAll('.tile:not([data-own]) video')]
            .filter(v => v.videoWidth > 0).length >= count""",
        arg=count,
        timeout=timeout_s * 1000,
    )


async def wait_meeting(client: httpx2.AsyncClient, meeting_id: str, until: set[str]) -> Any:
    for _ in range(960):
        meeting = (await client.get(f"/meetings/{meeting_id}")).json()
        if meeting["status"] in until:
            return meeting
        await asyncio.sleep(0.25)
    raise RuntimeError(f"meeting {meeting_id} is still {meeting['status']}")


async def weekly_sync(
    client: httpx2.AsyncClient, browsers: dict[str, Browser], room: dict[str, Any]
) -> tuple[dict[str, Any], list[Page]]:
    """Until everyone has spoken and left the call (their pages stay, chat open)."""
    result: dict[str, Any] = {}
    t0 = time.monotonic()
    # Grace comes first and brings the assistant (she speaks 12 s after joining); Ada, who
    # speaks 4 s after joining, comes once it is there, so its start-up costs none of her words.
    grace = await join(browsers["Grace Hopper"], room["link"], "Grace Hopper")
    notice = await wait_chat(grace, "transcribed and analysed", 90)
    result["consent_s"] = round(notice - t0, 2)
    ada = await join(browsers["Ada Lovelace"], room["link"], "Ada Lovelace")
    await asyncio.sleep(max(0.0, t0 + 8.0 - time.monotonic()))
    dan = await join(browsers["Dan Bernoulli"], room["link"], "Dan Bernoulli")
    welcomed = await wait_chat(grace, "Welcome, Dan Bernoulli", 90)
    result["dan_welcomed_s"] = round(welcomed - t0, 2)
    await wait_tiles(ada, 2, 90)
    result["ada_sees"] = await seen(ada)
    result["listed"] = (await client.get(f"/rooms/{room['id']}")).json()
    # Everyone has been heard to the end (Ada's last words), or 40 s have gone by.
    with contextlib.suppress(PlaywrightError):
        await ada.wait_for_function(
            """() => {
                const finals = [...document.querySelectorAll('#captions .caption.final')];
                const names = new Set(finals.map(c => c.dataset.name));
                return names.size === 3 && finals.some(c => c.dataset.name === 'Ada Lovelace'
                    && /do for your country/i.test(c.textContent));
            }""",
            timeout=60_000,
        )
    await asyncio.sleep(1.0)
    for page in (ada, grace, dan):
        await page.click("#leave")
    result["left_at"] = time.monotonic()
    return result, [ada, grace, dan]


async def weekly_end(
    client: httpx2.AsyncClient, result: dict[str, Any], pages: list[Page]
) -> dict[str, Any]:
    """The assistant leaves the empty call, stores the meeting, posts the summary."""
    ada, grace, dan = pages
    summary = await wait_chat(ada, "Meeting summary", 240)
    result["summary_after_leaving_s"] = round(summary - result.pop("left_at"), 2)
    result["captions"] = {"ada": await captions(ada), "dan": await captions(dan)}
    result["chat"] = {"ada": await chat(ada), "grace": await chat(grace), "dan": await chat(dan)}
    meeting_id = result["listed"]["bot_meeting_id"]
    result["meeting"] = await wait_meeting(client, meeting_id, {"done", "failed"})
    report = await client.get(f"/meetings/{meeting_id}/report")
    result["report"] = report.json() if report.status_code == 200 else report.text
    for page in pages:
        await page.close()
    return result


async def pricing_call(
    client: httpx2.AsyncClient,
    browsers: dict[str, Browser],
    room: dict[str, Any],
    janus_url: str,
    data: Path,
) -> dict[str, Any]:
    result: dict[str, Any] = {}
    body = {"url": janus_url, "room": room["janus_room"]}
    refused = await client.post("/bots", json=body)
    result["post_without_key"] = {"status": refused.status_code, "body": refused.json()}
    wrong = await client.post("/bots", json={**body, "host_key": "not-the-key"})
    result["post_wrong_key"] = wrong.status_code
    grace = await join(browsers["Grace Hopper"], room["link"], "Grace Hopper")
    # Not the host: no button, and asking all the same is refused.
    result["invite_hidden"] = await grace.is_hidden("#invite")
    await grace.evaluate("() => document.getElementById('invite').click()")
    await wait_chat(grace, "only the host can invite", 90)
    await asyncio.sleep(1.0)  # time the assistant would have had to come by itself
    result["before_host"] = {
        "status": await grace.get_attribute("#assistant", "data-status"),
        "listed": (await client.get(f"/rooms/{room['id']}")).json()["bot_meeting_id"],
    }
    host = await join(browsers["Ada Lovelace"], room["host_link"], "Ada Lovelace")
    await wait_chat(grace, "transcribed and analysed", 90)
    await wait_chat(grace, "Welcome, Ada Lovelace", 90)
    meeting_id = (await client.get(f"/rooms/{room['id']}")).json()["bot_meeting_id"]
    result["meeting_id"] = meeting_id
    folder = data / "meetings" / "1" / meeting_id
    # Ada speaks for a while, so there is something to discard.
    await host.wait_for_function(
        "() => document.querySelectorAll('#captions .caption').length > 0", timeout=180_000
    )
    for _ in range(40):  # the live transcript is saved every 2 s
        if (folder / "upload.json").exists():
            break
        await asyncio.sleep(0.25)
    result["saved_before_stop"] = sorted(p.name for p in folder.iterdir())
    result["captions_before_stop"] = await host.evaluate(
        "() => document.querySelectorAll('#captions .caption').length"
    )
    await grace.fill("#message", "/stop")
    await grace.press("#message", "Enter")
    await wait_chat(host, "Stopped by a participant", 240)
    result["meeting"] = await wait_meeting(client, meeting_id, {"stopped", "done", "failed"})
    result["folder_exists"] = folder.exists()
    report = await client.get(f"/meetings/{meeting_id}/report")
    result["report"] = {"status": report.status_code, "body": report.json()}
    result["chat"] = {"host": await chat(host), "grace": await chat(grace)}
    result["captions_after_stop"] = await host.evaluate(
        "() => document.querySelectorAll('#captions .caption').length"
    )
    await asyncio.sleep(1.0)
    result["after_stop"] = {
        "status": await host.get_attribute("#assistant", "data-status"),
        "listed": (await client.get(f"/rooms/{room['id']}")).json()["bot_meeting_id"],
        "bots": (await client.get("/bots")).json(),
    }
    for page in (grace, host):
        await page.click("#leave")
        await page.close()
    return result


async def all_hands(
    client: httpx2.AsyncClient, browser: Browser, room: dict[str, Any]
) -> dict[str, Any]:
    result: dict[str, Any] = {}
    pages = await asyncio.gather(*(join(browser, room["link"], name) for name in CROWD))
    await wait_chat(pages[0], "transcribed and analysed", 90)
    for name in CROWD[1:]:
        await wait_chat(pages[0], f"Welcome, {name}", 90)
    await wait_tiles(pages[-1], 5, 90)
    result["last_sees"] = await seen(pages[-1])
    meeting_id = (await client.get(f"/rooms/{room['id']}")).json()["bot_meeting_id"]
    bots = (await client.get("/bots")).json()
    result["bot"] = next(b for b in bots if b["meeting_id"] == meeting_id)
    stop = await client.delete(f"/bots/{result['bot']['bot_id']}")
    result["stop"] = stop.status_code
    await wait_chat(pages[0], "Meeting summary", 240)
    result["summary"] = [m for m in await chat(pages[0]) if "Meeting summary" in m["text"]]
    result["meeting"] = await wait_meeting(client, meeting_id, {"done", "failed"})
    for page in pages:
        await page.close()
    return result


async def main(out: Path) -> dict[str, Any]:
    setup_network()
    data = out / "data"
    media = out / "media"
    media.mkdir()
    result: dict[str, Any] = {}
    files = {
        name: (
            write_wav(media / f"{name.split()[0]}.wav", voice, lead_s),
            write_y4m(media / f"{name.split()[0]}.y4m", camera),
        )
        for name, (voice, camera, lead_s) in PEOPLE.items()
    }
    crowd = (
        write_wav(media / "crowd.wav", SPEAKERS["Dan Bernoulli"], 60.0),  # silent while here
        files["Grace Hopper"][1],
    )
    async with LocalJanus(out / "janus", JanusConfig(ice_interfaces=("veth-a",))) as janus:
        token = await new_token(data, "acme")
        settings = {
            "MA_ROOMS__JANUS_URL": janus.url,
            "MA_BOT__MAX_BOTS": "3",
            "MA_BOT__IDLE_TIMEOUT_S": str(IDLE_TIMEOUT_S),
            "MA_ROOMS__VIDEO_FPS": str(VIDEO[2]),
            "PYTHONFAULTHANDLER": "1",
        }
        started = time.monotonic()
        async with async_playwright() as playwright:
            service, *launched = await asyncio.gather(
                start_service(PORT, data, out / "serve.log", settings),
                *(launch(playwright, audio, video) for audio, video in files.values()),
            )
            browsers = dict(zip(files, launched, strict=True))
            phases = result["phases_s"] = {"started": round(time.monotonic() - started, 2)}
            headers = {"Authorization": f"Bearer {token}"}
            client = httpx2.AsyncClient(base_url=API, headers=headers, trust_env=False, timeout=60)
            rooms = {}
            for title, options in (
                ("Weekly sync", {"auto_bot": True}),
                ("Pricing call", {"auto_bot": True, "require_host_invite": True}),
                ("All hands", {"auto_bot": True}),
            ):
                response = await client.post("/rooms", json={"title": title, **options})
                assert response.status_code == 201, response.text
                rooms[title] = response.json()
            result["rooms"] = rooms
            try:
                weekly, pages = await weekly_sync(client, browsers, rooms["Weekly sync"])
                phases["weekly_left"] = round(time.monotonic() - started, 2)
                # One meeting at a time: two bots decoding at once on 2 cores slow both.
                result["weekly"] = await weekly_end(client, weekly, pages)
                result["pricing"] = await pricing_call(
                    client, browsers, rooms["Pricing call"], janus.url, data
                )
                phases["pricing"] = round(time.monotonic() - started, 2)
                for browser in browsers.values():
                    await browser.close()
                crowd_browser = await launch(playwright, *crowd)
                result["all_hands"] = await all_hands(client, crowd_browser, rooms["All hands"])
                phases["all_hands"] = round(time.monotonic() - started, 2)
                await crowd_browser.close()
            except BaseException:
                # Every thread's stack into serve.log (PYTHONFAULTHANDLER), to see a hang.
                service.send_signal(signal.SIGABRT)
                await asyncio.sleep(1.0)
                raise
        await client.aclose()
        service.terminate()
        await asyncio.wait_for(service.wait(), 60)
        log = (out / "serve.log").read_text()
        result["serve_log_errors"] = log_errors(log)
    return result


if __name__ == "__main__":
    folder = Path(sys.argv[1])
    print(json.dumps(asyncio.run(main(folder))), flush=True)
