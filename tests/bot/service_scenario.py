"""The service's bots in a Janus VideoRoom, run inside a network namespace of its own (see
``tests/bot/test_service_bot.py``, which starts it under ``unshare``): a local Janus, real
people's recordings published with aiortc at 1x (``tests/bot/scenario.py``), and the real
``meeting-assistant serve`` on 127.0.0.1, driven over HTTP and its websocket as a room page
would. Prints one JSON line with what happened, for the test to assert on.

Timeline, from the moment ``POST /bots`` answers (t = 0):
- Ada (jfk.flac) and Dan (a GRID clip, voice only) were in the room before; Ada speaks at 1 s.
  Everyone stays, sending silence once they have spoken (an open microphone), until the end.
- A second bot goes to an empty room (max_bots = 2): a third is refused; the second leaves on
  its own once the room has been empty for the idle timeout (3 s).
- Grace (a GRID clip: camera and voice) joins at 2 s and speaks at 3.5 s; Dan at 6 s.
- One watcher is connected from the start, a second from 7 s (it gets the finals so far first).
- The meeting is polled every second while live (its saved transcript must grow).
- Once everyone has finished, ``DELETE /bots/{id}``: the meeting is stored, done.
- Last, a bot in an empty room while the service gets SIGTERM: its meeting is stored too.
"""

from __future__ import annotations

import asyncio
import json
import signal
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

import av
import httpx2

from assistant.bot.janus_server import JanusConfig, LocalJanus
from tests.bot.scenario import (
    EMPTY_ROOM,
    PIN,
    ROOM,
    SPEAKERS,
    ClipTrack,
    Speaker,
    audio_frames,
    cpu_seconds,
    create_room,
    rss_mb,
    setup_network,
    video_frames,
)
from tests.bot.serve import EventSocket, log_errors, new_token, start_service

PORT = 8765
API = f"http://127.0.0.1:{PORT}/api/v1"
IDLE_TIMEOUT_S = 3


class OpenMicTrack(ClipTrack):
    """A recording, then silence (or the first picture) for as long as the person stays: a
    browser's microphone and camera go on sending after someone has finished speaking."""

    async def recv(self) -> av.AudioFrame | av.VideoFrame:
        if self._go.is_set() and self._next >= len(self._frames):
            self._finished.set()
            self._go.clear()
        return await super().recv()


class OpenMicSpeaker(Speaker):
    def __init__(self, url: str, name: str, *, video: bool = False) -> None:
        super().__init__(url, name)
        clip = SPEAKERS[name]
        self.tracks = [OpenMicTrack("audio", audio_frames(clip), 0.02, self.go, self.finished)]
        if video:
            pictures, fps = video_frames(clip)
            self.tracks.append(OpenMicTrack("video", pictures, 1 / fps, self.go, asyncio.Event()))


def watcher(meeting_id: str, token: str, t0: float, *, query: bool) -> EventSocket:
    """The meeting's live socket as the room page opens it, the token in the query or a
    header."""
    url = f"ws://127.0.0.1:{PORT}/api/v1/meetings/{meeting_id}/live"
    if query:
        return EventSocket(f"{url}?token={token}", t0)
    return EventSocket(url, t0, {"Authorization": f"Bearer {token}"})


async def main(out: Path) -> dict[str, Any]:
    setup_network()
    data = out / "data"
    result: dict[str, Any] = {}
    async with LocalJanus(out / "janus", JanusConfig(ice_interfaces=("veth-a",))) as janus:
        await create_room(janus.url, ROOM, PIN)
        await create_room(janus.url, EMPTY_ROOM, None)
        acme = await new_token(data, "acme")
        headers = {"Authorization": f"Bearer {acme}"}
        started = time.monotonic()
        service = await start_service(
            PORT,
            data,
            out / "serve.log",
            {"MA_BOT__MAX_BOTS": "2", "MA_BOT__IDLE_TIMEOUT_S": str(IDLE_TIMEOUT_S)},
        )
        result["serve_ready_s"] = round(time.monotonic() - started, 2)
        ada = OpenMicSpeaker(janus.url, "Ada Lovelace")
        grace = OpenMicSpeaker(janus.url, "Grace Hopper", video=True)
        dan = OpenMicSpeaker(janus.url, "Dan Bernoulli")
        await asyncio.gather(ada.join(), dan.join())
        client = httpx2.AsyncClient(base_url=API, headers=headers, trust_env=False, timeout=60)

        # What a wrong room or pin gets, before anything runs.
        refused = {
            "no_room": {"url": janus.url, "room": 999999, "pin": PIN},
            "wrong_pin": {"url": janus.url, "room": ROOM, "pin": "1357"},
        }
        result["refused"] = {}
        for name, body in refused.items():
            response = await client.post("/bots", json=body)
            result["refused"][name] = {"status": response.status_code, "body": response.json()}

        asked = time.monotonic()
        body = {
            "url": janus.url,
            "room": ROOM,
            "pin": PIN,
            "title": "Weekly sync",
            "account": "Initech",
        }
        response = await client.post("/bots", json=body)
        t0 = time.monotonic()
        result["post_s"] = round(t0 - asked, 2)
        result["created"] = created = response.json()
        assert response.status_code == 201, response.text
        meeting_id = created["meeting_id"]
        cpu0 = cpu_seconds(service.pid)

        first = watcher(meeting_id, acme, t0, query=True)
        late = watcher(meeting_id, acme, t0, query=False)
        first_task = asyncio.create_task(first.run())
        polls: list[dict[str, Any]] = []
        saved = data / "meetings" / "1" / meeting_id / "upload.json"

        async def at(seconds: float) -> None:
            await asyncio.sleep(max(0.0, t0 + seconds - time.monotonic()))

        async def poll() -> None:
            while True:
                meeting = (await client.get(f"/meetings/{meeting_id}")).json()
                polls.append(
                    {
                        "at": round(time.monotonic() - t0, 3),
                        "status": meeting["status"],
                        "saved": len(meeting.get("live_transcript") or []),
                        "bytes": saved.stat().st_size if saved.exists() else 0,
                    }
                )
                if meeting["status"] != "live":
                    return
                await asyncio.sleep(1.0)

        async def run_ada() -> None:
            await at(1.0)
            ada.speak()
            await ada.finished.wait()

        async def run_grace() -> None:
            await at(2.0)
            await grace.join()
            await at(3.5)
            grace.speak()
            await grace.finished.wait()

        async def run_dan() -> None:
            await at(6.0)
            dan.speak()
            await dan.finished.wait()

        async def run_late_watcher() -> None:
            await at(7.0)
            await late.run()

        async def second_bot() -> dict[str, Any]:
            """The limit, and a room that stays empty."""
            await at(0.5)
            second = await client.post("/bots", json={"url": janus.url, "room": EMPTY_ROOM})
            third = await client.post("/bots", json={"url": janus.url, "room": EMPTY_ROOM})
            listed = (await client.get("/bots")).json()
            second_id = second.json()["meeting_id"]
            ended_at = None
            for _ in range(200):
                status = (await client.get(f"/meetings/{second_id}")).json()["status"]
                if status == "done" and ended_at is None:
                    ended_at = round(time.monotonic() - t0, 3)
                    break
                await asyncio.sleep(0.25)
            return {
                "second": second.status_code,
                "third": {"status": third.status_code, "body": third.json()},
                "listed": [b["room"] for b in listed],
                "done_at": ended_at,
                "meeting": (await client.get(f"/meetings/{second_id}")).json(),
            }

        poller = asyncio.create_task(poll())
        late_task = asyncio.create_task(run_late_watcher())
        bots, *_ = await asyncio.gather(second_bot(), run_ada(), run_grace(), run_dan())
        result["second_bot"] = bots
        media_s = time.monotonic() - t0
        result["service_cpu_share"] = round((cpu_seconds(service.pid) - cpu0) / media_s, 3)
        result["service_rss_mb"] = round(rss_mb(service.pid), 1)
        await asyncio.sleep(2.0)  # the last words become final
        result["listed"] = (await client.get("/bots")).json()

        stopping = time.monotonic()
        result["deleted_at"] = round(stopping - t0, 3)
        stop = await client.delete(f"/bots/{created['bot_id']}")
        result["stop"] = {"status": stop.status_code, "body": stop.json()}
        await asyncio.wait_for(asyncio.gather(first_task, late_task, poller), 120)
        meeting = (await client.get(f"/meetings/{meeting_id}")).json()
        for _ in range(240):
            if meeting["status"] not in ("live", "processing"):
                break
            await asyncio.sleep(0.25)
            meeting = (await client.get(f"/meetings/{meeting_id}")).json()
        result["stored_s"] = round(time.monotonic() - stopping, 2)
        result["meeting"] = meeting
        report = await client.get(f"/meetings/{meeting_id}/report")
        result["report"] = report.json() if report.status_code == 200 else report.text
        result["after_stop"] = (await client.get("/bots")).json()
        for speaker in (ada, grace, dan):
            await speaker.leave()
        result["watchers"] = {
            name: {"events": w.events, "close": w.close, "connected_at": w.connected_at}
            for name, w in (("first", first), ("late", late))
        }
        result["polls"] = polls
        result["speakers"] = {
            s.name: None if s.spoke_at is None else round(s.spoke_at - t0, 3)
            for s in (ada, grace, dan)
        }

        # Shutdown with a bot running: its meeting is stored before the service exits.
        last = await client.post("/bots", json={"url": janus.url, "room": EMPTY_ROOM})
        last_id = last.json()["meeting_id"]
        await client.aclose()
        service.send_signal(signal.SIGTERM)
        result["shutdown_code"] = await asyncio.wait_for(service.wait(), 60)
        with sqlite3.connect(data / "meetings.db") as database:
            row = database.execute(
                "SELECT status, error FROM meetings WHERE id = ?", (last_id,)
            ).fetchone()
        result["shutdown_meeting"] = {"status": row[0], "error": row[1]}
        result["shutdown_files"] = sorted(
            p.name for p in (data / "meetings" / "1" / last_id).iterdir()
        )
        log = (out / "serve.log").read_text()
        # ma_<id>_<secret>: the secret itself may hold "_" (token_urlsafe), so split twice only.
        result["token_in_log"] = acme.split("_", 2)[2] in log
        result["serve_log_errors"] = log_errors(log)
    return result


if __name__ == "__main__":
    folder = Path(sys.argv[1])
    print(json.dumps(asyncio.run(main(folder))), flush=True)
