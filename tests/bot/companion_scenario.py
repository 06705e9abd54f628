"""Companion sessions over WHIP, run inside a network namespace of its own (see
``tests/bot/test_companion.py``, which starts it under ``unshare``): aioice leaves loopback out of
its candidates, so aiortc and Chromium reach the service over a veth pair that is connected to
nothing. The real ``serve`` (this checkout's, ``python -m assistant.cli``) with the real models,
two clients one after the other, and one more that is refused. Prints one JSON line for the test.

- **aiortc**: a WHIP client sending two real recordings as two audio tracks, the seller's
  (jfk.flac) and the customer side's (a GRID clip), both from 1 s after connecting, silence
  before and after (open microphones); the live captions socket and the seller's hints socket
  are open from the start. Ended with ``DELETE`` on its resource.
- **Chromium** (headless, Debian's): the ``/companion`` page with a fake microphone playing the
  left channel of stereo_diarization.wav, and, as the customer side, an audio file chosen in the
  page (the right channel), captured from its ``<audio>`` element: headless Chromium has no tab to
  share, and its fake capture devices all play the one file. Stopped with the page's button.
- While the first runs, a second offer is refused (``companion.max_sessions`` = 1); the page's
  session comes after the first one is stored.

Hints need a monologue of more than 3 s here (``MA_HINTS__MONOLOGUE_S``), not 2 minutes.
"""

from __future__ import annotations

import asyncio
import json
import signal
import sys
import time
from pathlib import Path
from typing import Any

import httpx2
import numpy as np
import soundfile
from aiortc import RTCConfiguration, RTCPeerConnection, RTCSessionDescription
from playwright.async_api import TimeoutError as PlaywrightTimeoutError
from playwright.async_api import async_playwright

from tests.bot.scenario import DATA, SPEAKERS, audio_frames, setup_network
from tests.bot.serve import EventSocket, log_errors, new_token, start_service
from tests.bot.service_scenario import OpenMicTrack
from tests.media import read_audio

PORT = 8767
BASE = f"http://127.0.0.1:{PORT}"
API = f"{BASE}/api/v1"
SELLER_CLIP = SPEAKERS["Ada Lovelace"]  # jfk.flac
CUSTOMER_CLIP = SPEAKERS["Dan Bernoulli"]  # a GRID clip
STEREO = DATA / "whisper-clips" / "stereo_diarization.wav"
CHROMIUM = "/usr/bin/chromium"
SERVICE_ENVIRONMENT = {
    "MA_COMPANION__MAX_SESSIONS": "1",
    # Fewer partial decodes: the machine's 2 cores are shared with the rest of the suite.
    "MA_LIVE__STEP_S": "1.0",
    "MA_HINTS__MONOLOGUE_S": "3",
    "MA_VIDEO__ENABLED": "false",
}


async def whip_offer(pc: RTCPeerConnection, tracks: list[OpenMicTrack]) -> str:
    for track in tracks:
        pc.addTransceiver(track, direction="sendonly")
    await pc.setLocalDescription(await pc.createOffer())
    return str(pc.localDescription.sdp)


async def wait_done(client: httpx2.AsyncClient, meeting_id: str) -> dict[str, Any]:
    meeting: dict[str, Any] = {}
    for _ in range(400):
        meeting = (await client.get(f"/meetings/{meeting_id}")).json()
        if meeting["status"] not in ("live", "processing"):
            break
        await asyncio.sleep(0.25)
    return meeting


async def stored(client: httpx2.AsyncClient, data: Path, meeting_id: str) -> dict[str, Any]:
    meeting = await wait_done(client, meeting_id)
    report = await client.get(f"/meetings/{meeting_id}/report")
    folder = data / "meetings" / "1" / meeting_id
    return {
        "meeting": meeting,
        "report": report.json() if report.status_code == 200 else report.text,
        "files": sorted(p.name for p in folder.iterdir()) if folder.is_dir() else [],
    }


async def aiortc_client(
    data: Path, token: str, session_live: asyncio.Event, refused: dict[str, Any]
) -> dict[str, Any]:
    """The seller's two sources from aiortc, end to end."""
    go, finished = asyncio.Event(), asyncio.Event()
    customer_go, customer_finished = asyncio.Event(), asyncio.Event()
    tracks = [
        OpenMicTrack("audio", audio_frames(SELLER_CLIP), 0.02, go, finished),
        OpenMicTrack("audio", audio_frames(CUSTOMER_CLIP), 0.02, customer_go, customer_finished),
    ]
    pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))
    headers = {"Authorization": f"Bearer {token}"}
    result: dict[str, Any] = {}
    async with httpx2.AsyncClient(base_url=API, headers=headers, trust_env=False, timeout=60) as c:
        offer = await whip_offer(pc, tracks)
        response = await c.post(
            "/whip?name=Ada%20Seller&title=Discovery%20call",
            content=offer,
            headers={"Content-Type": "application/sdp"},
        )
        t0 = time.monotonic()
        assert response.status_code == 201, response.text
        session_live.set()
        result["post"] = {
            "status": response.status_code,
            "content_type": response.headers["content-type"],
            "location": response.headers["location"],
        }
        meeting_id = response.headers["x-meeting-id"]
        await pc.setRemoteDescription(RTCSessionDescription(sdp=response.text, type="answer"))
        live = EventSocket(
            f"ws://127.0.0.1:{PORT}/api/v1/meetings/{meeting_id}/live?token={token}", t0
        )
        hints = EventSocket(
            f"ws://127.0.0.1:{PORT}/api/v1/meetings/{meeting_id}/hints"
            f"?participant=me&token={token}",
            t0,
        )
        sockets = [asyncio.create_task(s.run()) for s in (live, hints)]
        for _ in range(100):
            if pc.connectionState == "connected":
                break
            await asyncio.sleep(0.1)
        result["connected_s"] = round(time.monotonic() - t0, 2)
        await asyncio.sleep(max(0.0, t0 + 1.0 - time.monotonic()))
        go.set()
        customer_go.set()
        # A second session while this one runs: refused.
        for _ in range(600):
            if refused.get("done"):
                break
            await asyncio.sleep(0.1)
        await asyncio.wait_for(asyncio.gather(finished.wait(), customer_finished.wait()), 60)
        await asyncio.sleep(3.0)  # the last words become final
        deleted = await c.delete(BASE + response.headers["location"])
        result["delete"] = {"status": deleted.status_code, "body": deleted.json()}
        await asyncio.wait_for(asyncio.gather(*sockets), 180)
        await pc.close()
        result.update(await stored(c, data, meeting_id))
        result["live_events"] = live.events
        result["live_close"] = live.close
        result["hint_events"] = hints.events
        result["hints_close"] = hints.close
    return result


async def refuse_second(token: str, live: asyncio.Event, refused: dict[str, Any]) -> None:
    await live.wait()
    pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))
    go, done = asyncio.Event(), asyncio.Event()
    offer = await whip_offer(pc, [OpenMicTrack("audio", audio_frames(SELLER_CLIP), 0.02, go, done)])
    async with httpx2.AsyncClient(trust_env=False, timeout=60) as client:
        response = await client.post(
            f"{API}/whip",
            content=offer,
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/sdp"},
        )
    await pc.close()
    refused.update(
        status=response.status_code, body=response.json(), retry=response.headers.get("retry-after")
    )
    refused["done"] = True


def write_wav(path: Path, channel: int, before_s: float, after_s: float) -> None:
    """One channel of the stereo clip as 16-bit PCM, with silence around it: the page starts
    playing before its media connects, and Chromium loops its fake microphone's file."""
    samples = read_audio(STEREO, channels="split")[channel]
    before, after = (np.zeros(round(s * 16_000), np.float32) for s in (before_s, after_s))
    samples = np.concatenate([before, samples, after])
    soundfile.write(path, samples, 16_000, subtype="PCM_16")


async def chromium_client(out: Path, data: Path, token: str) -> dict[str, Any]:
    """The companion page in headless Chromium: fake microphone, and a file as the other side."""
    mic, customer = out / "seller-mic.wav", out / "customer.wav"
    write_wav(mic, 0, 2.0, 6.0)
    write_wav(customer, 1, 2.0, 0.5)
    args = [
        "--no-sandbox",
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
        f"--use-file-for-fake-audio-capture={mic}",
        "--autoplay-policy=no-user-gesture-required",
        "--disable-features=WebRtcHideLocalIpsWithMdns",
        "--disable-background-networking",
        "--disable-sync",
        "--no-first-run",
    ]
    result: dict[str, Any] = {}
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=args)
        try:
            page = await browser.new_page()
            console: list[str] = []
            page.on("console", lambda message: console.append(message.text))
            await page.goto(f"{BASE}/companion")
            await page.fill("#token", token)
            await page.fill("#name", "Bea Seller")
            await page.fill("#title", "Page call")
            await page.select_option("#second", "file")
            await page.set_input_files("#file", str(customer))
            await page.click("#start")
            await page.wait_for_function("window.companionLog.meetingId !== null", timeout=30_000)
            meeting_id = await page.evaluate("window.companionLog.meetingId")
            # Both sides captioned (the microphone file loops, the customer's file plays once).
            both = """() => {
                const finals = window.companionLog.events.filter(
                    e => e.type === 'final' && e.text.trim());
                const me = finals.filter(e => e.participant === 'me').map(e => e.text).join(' ');
                const other = finals.filter(e => e.participant === 'customer');
                return /wizard|curtain/i.test(me) && other.length > 0;
            }"""
            try:
                await page.wait_for_function(both, timeout=180_000, polling=250)
            except PlaywrightTimeoutError:  # stop all the same: the test shows what came
                result["timed_out"] = True
            result["status_text"] = await page.inner_text("#status")
            await page.wait_for_timeout(1500)
            await page.click("#stop")
            ended = "window.companionLog.events.some(e => e.type === 'ended')"
            await page.wait_for_function(ended, timeout=300_000, polling=250)
            result["log"] = await page.evaluate("window.companionLog")
            result["shown"] = {
                "me": await page.inner_text("#me-text"),
                "customer": await page.inner_text("#customer-text"),
                "me_heading": await page.inner_text("#me-name"),
                "customer_heading": await page.inner_text("#customer-name"),
                "hints": await page.inner_text("#hints"),
                "status": await page.inner_text("#status"),
            }
            result["console"] = console[-20:]
        finally:
            await browser.close()
    async with httpx2.AsyncClient(
        base_url=API, headers={"Authorization": f"Bearer {token}"}, trust_env=False, timeout=60
    ) as client:
        result.update(await stored(client, data, meeting_id))
    return result


async def main(out: Path) -> dict[str, Any]:
    setup_network()
    data = out / "data"
    token = await new_token(data, "acme")
    started = time.monotonic()
    service = await start_service(PORT, data, out / "serve.log", SERVICE_ENVIRONMENT)
    result: dict[str, Any] = {"serve_ready_s": round(time.monotonic() - started, 2)}
    aiortc_live = asyncio.Event()
    refused: dict[str, Any] = {}
    try:
        # One after the other: two sessions at once are four live voices for 2 cores.
        result["aiortc"], _ = await asyncio.gather(
            aiortc_client(data, token, aiortc_live, refused),
            refuse_second(token, aiortc_live, refused),
        )
        result["second"] = refused
        result["chromium"] = await chromium_client(out, data, token)
    finally:
        service.send_signal(signal.SIGTERM)
        result["shutdown_code"] = await asyncio.wait_for(service.wait(), 180)
    log = (out / "serve.log").read_text()
    result["serve_log_errors"] = log_errors(log)
    result["token_in_log"] = token.split("_", 2)[2] in log
    return result


if __name__ == "__main__":
    folder = Path(sys.argv[1])
    print(json.dumps(asyncio.run(main(folder))), flush=True)
