"""A meeting in a Janus VideoRoom, run inside a network namespace of its own (see
``tests/bot/test_bot.py``, which starts it under ``unshare``): a local Janus, real people's
recordings published with aiortc at 1x, and the bot (the real ``meeting-assistant bot join``)
following them. Prints one JSON line with what happened, for the test to assert on.

Timeline, from the moment the bot says it is following (t = 0):
- Ada (jfk.flac, audio) and Carl (the left channel of stereo_diarization.wav) were in the room
  before; both start speaking at 1 s. Carl leaves mid-sentence at 3.4 s.
- Grace (a GRID clip: camera and voice) joins at 2 s, Dan (another GRID clip, voice only) at
  5 s: Janus gives Dan the m-line Carl freed.
- Everyone leaves when their recording ends; the bot stops after 2 s of empty room.

Nothing leaves the namespace: 198.51.100.0/24 is a documentation range on a veth pair that is
connected to nothing, and Janus listens on 127.0.0.1 only.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time
from fractions import Fraction
from pathlib import Path
from typing import Any

import av
import numpy as np
import numpy.typing as npt
from aiortc import (
    MediaStreamTrack,
    RTCBundlePolicy,
    RTCConfiguration,
    RTCPeerConnection,
    RTCSessionDescription,
)
from aiortc.mediastreams import MediaStreamError

from assistant.bot import BotOptions, BotSession
from assistant.bot.janus import JanusHandle, JanusSession
from assistant.bot.janus_server import JanusConfig, LocalJanus
from assistant.config import Settings
from models.errors import MeetingAssistantError
from tests.media import read_audio

REPO = Path(__file__).resolve().parents[2]
DATA = Path(os.environ.get("MA_TEST_DATA", REPO.parent / "shared" / "data" / "external"))
ROOM = 4242
PIN = "2468"
EMPTY_ROOM = 4243
ADA_STAYS_SILENT_S = 5.0
"""How long Ada stays in the room after her client stops sending (s)."""
VIDEOROOM = "janus.plugin.videoroom"
BIN = Path(sys.executable).parent
AUDIO_RATE = 16_000
AUDIO_FRAME = 320
"""20 ms at 16 kHz: what one Opus packet carries."""

SPEAKERS = {
    "Ada Lovelace": DATA / "whisper-clips" / "jfk.flac",
    "Carl Gauss": DATA / "whisper-clips" / "stereo_diarization.wav",
    "Grace Hopper": DATA / "grid-talking" / "pwij3p.mpg",
    "Dan Bernoulli": DATA / "grid-talking" / "sbwe5n.mpg",
}


def setup_network() -> None:
    """lo, and a veth pair with a documentation address: Janus gathers no ICE candidates on
    loopback, so media needs an interface; this one reaches nothing outside."""
    for command in (
        "ip link set lo up",
        "ip link add veth-a type veth peer name veth-b",
        "ip addr add 198.51.100.1/24 dev veth-a",
        "ip link set veth-a up",
        "ip link set veth-b up",
    ):
        subprocess.run(command.split(), check=True)


class ClipTrack(MediaStreamTrack):
    """A recording sent at 1x: silence (or its first picture) until ``go`` is set, then the
    recording, then the track ends."""

    def __init__(
        self,
        kind: str,
        frames: list[npt.NDArray[Any]],
        frame_s: float,
        go: asyncio.Event,
        finished: asyncio.Event,
    ) -> None:
        super().__init__()
        self.kind = kind
        self._frames = frames
        self._frame_s = frame_s
        self._go = go
        self._finished = finished
        self._start: float | None = None
        self._sent = 0
        self._next = 0

    async def recv(self) -> av.AudioFrame | av.VideoFrame:
        loop = asyncio.get_running_loop()
        if self._start is None:
            self._start = loop.time()
        due = self._start + self._sent * self._frame_s
        await asyncio.sleep(max(0.0, due - loop.time()))
        if self._go.is_set():
            if self._next >= len(self._frames):
                self._finished.set()
                self.stop()
                raise MediaStreamError
            payload = self._frames[self._next]
            self._next += 1
        else:
            payload = np.zeros_like(self._frames[0]) if self.kind == "audio" else self._frames[0]
        frame: av.AudioFrame | av.VideoFrame
        if self.kind == "audio":
            frame = av.AudioFrame.from_ndarray(payload[None, :], format="s16", layout="mono")
            frame.sample_rate = AUDIO_RATE
            frame.pts = self._sent * AUDIO_FRAME
            frame.time_base = Fraction(1, AUDIO_RATE)
        else:
            frame = av.VideoFrame.from_ndarray(payload, format="rgb24")
            frame.pts = round(self._sent * self._frame_s * 90_000)
            frame.time_base = Fraction(1, 90_000)
        self._sent += 1
        return frame


def audio_frames(
    path: Path, channel: int | None = None, *, cut_trailing_silence: bool = False
) -> list[npt.NDArray[np.int16]]:
    """The file's audio as 20 ms int16 frames at 16 kHz (one channel, or the mix); with
    ``cut_trailing_silence``, ending at the last frame louder than -40 dBFS, as a client that
    stops sending the moment the microphone is muted."""
    samples = read_audio(path, channels="split" if channel is not None else "mixdown")
    pcm = samples[channel or 0]
    pcm = np.concatenate([pcm, np.zeros(-len(pcm) % AUDIO_FRAME, np.float32)])
    ints = np.clip(pcm * 32767.0, -32768, 32767).astype(np.int16)
    frames = list(ints.reshape(-1, AUDIO_FRAME))
    if cut_trailing_silence:
        loud = [i for i, f in enumerate(frames) if np.sqrt(np.mean(f.astype(float) ** 2)) > 328]
        frames = frames[: loud[-1] + 1]
    return frames


def video_frames(path: Path) -> tuple[list[npt.NDArray[np.uint8]], float]:
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        fps = float(stream.average_rate or 25)
        pictures = [
            np.asarray(frame.to_ndarray(format="rgb24"), np.uint8)
            for frame in container.decode(stream)
        ]
        return pictures, fps


class Speaker:
    """A participant who publishes a recording from aiortc, as a browser would."""

    def __init__(
        self,
        url: str,
        name: str,
        *,
        channel: int | None = None,
        video: bool = False,
        cut_trailing_silence: bool = False,
    ):
        self.url = url
        self.name = name
        self.go = asyncio.Event()
        self.finished = asyncio.Event()
        clip = SPEAKERS[name]
        frames = audio_frames(clip, channel, cut_trailing_silence=cut_trailing_silence)
        self.tracks: list[MediaStreamTrack] = [
            ClipTrack("audio", frames, 0.02, self.go, self.finished)
        ]
        if video:
            pictures, fps = video_frames(clip)
            self.tracks.append(ClipTrack("video", pictures, 1 / fps, self.go, asyncio.Event()))
        self.session: JanusSession | None = None
        self.handle: JanusHandle | None = None
        self.pc: RTCPeerConnection | None = None
        self.spoke_at: float | None = None
        self.left_at: float | None = None

    async def join(self) -> None:
        self.session = await JanusSession.create(self.url)
        self.handle = await self.session.attach(VIDEOROOM)
        await self.handle.message(
            {
                "request": "join",
                "ptype": "publisher",
                "room": ROOM,
                "display": self.name,
                "pin": PIN,
            }
        )
        self.pc = RTCPeerConnection(
            RTCConfiguration(iceServers=[], bundlePolicy=RTCBundlePolicy.MAX_BUNDLE)
        )
        for track in self.tracks:
            self.pc.addTrack(track)
        await self.pc.setLocalDescription(await self.pc.createOffer())
        offer = {"type": "offer", "sdp": self.pc.localDescription.sdp}
        answer = await self.handle.message({"request": "publish"}, jsep=offer)
        assert answer.jsep is not None, answer
        await self.pc.setRemoteDescription(
            RTCSessionDescription(sdp=answer.jsep["sdp"], type=answer.jsep["type"])
        )

    def speak(self) -> None:
        self.spoke_at = time.monotonic()
        self.go.set()

    async def leave(self) -> None:
        assert self.handle is not None and self.pc is not None and self.session is not None
        self.left_at = time.monotonic()
        await self.handle.message({"request": "leave"})
        await self.pc.close()
        await self.session.close()


async def create_room(url: str, room: int, pin: str | None) -> None:
    async with await JanusSession.create(url) as session:
        handle = await session.attach(VIDEOROOM)
        body = {"request": "create", "room": room, "publishers": 10, "description": "Test"}
        await handle.request({**body, "pin": pin} if pin else body)


async def run_cli(*arguments: str) -> dict[str, Any]:
    process = await asyncio.create_subprocess_exec(
        str(BIN / "meeting-assistant"),
        *arguments,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env={**os.environ, "COLUMNS": "400"},
    )
    stdout, stderr = await process.communicate()
    return {"code": process.returncode, "stdout": stdout.decode(), "stderr": stderr.decode()}


async def bad_inputs(url: str) -> dict[str, dict[str, Any]]:
    """The CLI's answer to input it cannot follow, all at once (each is a fresh process)."""
    cases = {
        "unreachable": ("bot", "join", "http://127.0.0.1:9/janus", "--room", str(ROOM)),
        "no_room": ("bot", "join", url, "--room", "999999", "--pin", PIN),
        "wrong_pin": ("bot", "join", url, "--room", str(ROOM), "--pin", "1357"),
    }
    results = await asyncio.gather(*(run_cli(*arguments) for arguments in cases.values()))
    return dict(zip(cases, results, strict=True))


async def refused_joins(url: str) -> dict[str, dict[str, str]]:
    """The same promise one level down, on ``BotSession.join`` (no process to start)."""
    cases = {
        "not_janus": BotOptions(url.replace("/janus", "/elsewhere"), ROOM),
        "no_pin": BotOptions(url, ROOM),
        "not_a_url": BotOptions("127.0.0.1:8088/janus", ROOM),
    }
    answers = {}
    for name, options in cases.items():
        bot = BotSession(options, Settings())
        try:
            await bot.join()
            answers[name] = {"error": "", "message": "joined"}
        except MeetingAssistantError as error:
            answers[name] = {"error": type(error).__name__, "message": str(error)}
        finally:
            await bot.aclose()
    return answers


async def stopped_by_sigterm(url: str, out: Path) -> dict[str, Any]:
    """A bot in a room nobody comes to, stopped with SIGTERM once it follows: it writes the
    outputs and exits 0 (without video, to load quicker)."""
    await create_room(url, EMPTY_ROOM, None)
    process = await asyncio.create_subprocess_exec(
        str(BIN / "meeting-assistant"),
        *("bot", "join", url, "--room", str(EMPTY_ROOM), "--out", str(out)),
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
        env={**os.environ, "COLUMNS": "400", "MA_VIDEO__ENABLED": "false"},
    )
    assert process.stderr is not None
    lines = []
    while line := (await process.stderr.readline()).decode():
        lines.append(line.rstrip())
        if "Following room" in line:
            process.terminate()
    code = await process.wait()
    return {"code": code, "stderr": lines, "outputs": listing(out)}


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (s), from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


async def main(out: Path) -> dict[str, Any]:
    setup_network()
    result: dict[str, Any] = {}
    config = JanusConfig(ice_interfaces=("veth-a",))
    async with LocalJanus(out / "janus", config) as janus:
        await create_room(janus.url, ROOM, PIN)
        ada = Speaker(janus.url, "Ada Lovelace", cut_trailing_silence=True)
        carl = Speaker(janus.url, "Carl Gauss", channel=0)
        grace = Speaker(janus.url, "Grace Hopper", video=True)
        dan = Speaker(janus.url, "Dan Bernoulli")
        await asyncio.gather(ada.join(), carl.join())

        started = time.monotonic()
        bot_out = out / "bot"
        bot = await asyncio.create_subprocess_exec(
            str(BIN / "meeting-assistant"),
            *("bot", "join", janus.url, "--room", str(ROOM), "--pin", PIN),
            *("--out", str(bot_out), "--idle-timeout", "2"),
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env={**os.environ, "COLUMNS": "400"},
        )
        ready = asyncio.Event()
        stderr_lines: list[str] = []
        stdout_lines: list[str] = []

        async def read(stream: asyncio.StreamReader, lines: list[str]) -> None:
            while line := await stream.readline():
                lines.append(line.decode().rstrip())
                if "Following room" in lines[-1]:
                    ready.set()

        assert bot.stdout is not None and bot.stderr is not None
        readers = [
            asyncio.create_task(read(bot.stdout, stdout_lines)),
            asyncio.create_task(read(bot.stderr, stderr_lines)),
        ]
        waited = asyncio.create_task(bot.wait())
        # While the bot loads its models: what the CLI and the library say to bad input, and a
        # second bot stopped by SIGTERM.
        result["errors"], result["refused"], result["sigterm"] = await asyncio.gather(
            bad_inputs(janus.url),
            refused_joins(janus.url),
            stopped_by_sigterm(janus.url, out / "sigterm"),
        )
        await asyncio.wait(
            [waited, asyncio.create_task(ready.wait())],
            timeout=90,
            return_when=asyncio.FIRST_COMPLETED,
        )
        result["ready_s"] = round(time.monotonic() - started, 2)
        if not ready.is_set():
            await asyncio.gather(*readers)
            result["bot"] = {"code": bot.returncode, "stderr": stderr_lines, "stdout": stdout_lines}
            return result
        t0 = time.monotonic()
        cpu0 = cpu_seconds(bot.pid)
        seen: list[dict[str, Any]] = []

        async def tail() -> None:
            path, position = bot_out / "captions.jsonl", 0
            while True:
                if path.exists():
                    text = path.read_text(encoding="utf-8")
                    complete = text[: text.rfind("\n") + 1]
                    for line in complete[position:].splitlines():
                        seen.append({**json.loads(line), "seen_at": time.monotonic() - t0})
                    position = len(complete)
                await asyncio.sleep(0.05)

        tailer = asyncio.create_task(tail())

        async def at(seconds: float) -> None:
            await asyncio.sleep(max(0.0, t0 + seconds - time.monotonic()))

        async def run_ada() -> None:
            await at(1.0)
            ada.speak()
            await ada.finished.wait()
            # Her client sends nothing more, yet she stays: her last words must become final
            # while she is still in the room, not when she leaves.
            result["ada_stopped_sending_s"] = round(time.monotonic() - t0, 3)
            await asyncio.sleep(ADA_STAYS_SILENT_S)
            await ada.leave()

        async def run_carl() -> None:
            await at(1.0)
            carl.speak()
            await at(3.4)
            await carl.leave()

        async def run_late(speaker: Speaker, join_s: float) -> None:
            await at(join_s)
            await speaker.join()
            await asyncio.sleep(1.5)  # a moment to settle in, as people do
            speaker.speak()
            await speaker.finished.wait()
            await speaker.leave()

        await asyncio.gather(run_ada(), run_carl(), run_late(grace, 2.0), run_late(dan, 5.0))
        media_s = time.monotonic() - t0
        result["bot_cpu_share"] = round((cpu_seconds(bot.pid) - cpu0) / media_s, 3)
        result["bot_rss_mb"] = round(rss_mb(bot.pid), 1)
        code = await asyncio.wait_for(waited, 120)
        await asyncio.gather(*readers)
        await asyncio.sleep(0.1)
        tailer.cancel()
        result["bot"] = {"code": code, "stderr": stderr_lines, "stdout": stdout_lines}
        result["stop_s"] = round(time.monotonic() - t0, 2)
        result["events"] = seen
        result["speakers"] = {
            s.name: {
                "spoke_at": None if s.spoke_at is None else round(s.spoke_at - t0, 3),
                "left_at": None if s.left_at is None else round(s.left_at - t0, 3),
            }
            for s in (ada, carl, grace, dan)
        }
        result["outputs"] = listing(bot_out)
        report = bot_out / "report.json"
        result["report"] = json.loads(report.read_text()) if report.exists() else None
    return result


if __name__ == "__main__":
    folder = Path(sys.argv[1])
    print(json.dumps(asyncio.run(main(folder))), flush=True)
