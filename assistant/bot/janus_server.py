"""A Janus of our own: a minimal config folder (HTTP on 127.0.0.1 only, the VideoRoom plugin
only, ICE on named interfaces, no STUN or TURN) and the process, started and stopped.

For the tests and for ``serve``. Janus skips loopback interfaces when it gathers ICE candidates,
so media needs a real (or virtual) interface named in ``ice_interfaces``.
"""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import sysconfig
from dataclasses import dataclass, field
from pathlib import Path

import httpx2

from models.errors import InputError, ServiceUnavailableError

__all__ = ["JanusConfig", "LocalJanus", "write_janus_config"]

_TRANSPORTS_OFF = (
    "libjanus_mqtt.so",
    "libjanus_nanomsg.so",
    "libjanus_pfunix.so",
    "libjanus_rabbitmq.so",
    "libjanus_websockets.so",
)
"""Only HTTP stays, on 127.0.0.1."""
_PLUGINS_OFF = (
    "libjanus_audiobridge.so",
    "libjanus_duktape.so",
    "libjanus_echotest.so",
    "libjanus_lua.so",
    "libjanus_nosip.so",
    "libjanus_recordplay.so",
    "libjanus_sip.so",
    "libjanus_streaming.so",
    "libjanus_textroom.so",
    "libjanus_videocall.so",
    "libjanus_voicemail.so",
)


def _debian_library() -> Path:
    """Where Debian's ``janus`` package keeps its modules: /usr/lib/<multiarch>/janus."""
    multiarch = sysconfig.get_config_var("MULTIARCH") or "x86_64-linux-gnu"
    return Path("/usr/lib") / multiarch / "janus"


@dataclass(frozen=True, slots=True)
class JanusConfig:
    ice_interfaces: tuple[str, ...]
    """Interfaces (names or address prefixes) Janus gathers ICE candidates on."""
    http_port: int = 8088
    """Its HTTP API listens on 127.0.0.1 at this port, under ``/janus``."""
    rtp_ports: tuple[int, int] = (20000, 20999)
    """The UDP ports its media uses (first, last)."""
    session_timeout_s: int = 60
    """A session nobody polls for this long is dropped (s), with its handles."""
    debug_level: int = 3
    """Janus's own log level, 0-7 (3: warnings and errors)."""
    library: Path = field(default_factory=_debian_library)
    """Janus's plugins, transports, event handlers and loggers (Debian's by default)."""


def write_janus_config(folder: Path, config: JanusConfig) -> Path:
    """Write the config folder; returns the path of its ``janus.jcfg``."""
    if not config.ice_interfaces:
        raise InputError("Janus needs at least one interface for ICE (loopback is never used)")
    for name in config.ice_interfaces:
        if not name or '"' in name or "," in name:
            raise InputError(f"{name!r} is not an interface name or address")
    folder.mkdir(parents=True, exist_ok=True)
    first, last = config.rtp_ports
    library = config.library
    (folder / "janus.jcfg").write_text(
        f"""general: {{
	configs_folder = "{folder}"
	plugins_folder = "{library / "plugins"}"
	transports_folder = "{library / "transports"}"
	events_folder = "{library / "events"}"
	loggers_folder = "{library / "loggers"}"
	debug_level = {config.debug_level}
	session_timeout = {config.session_timeout_s}
	hide_dependencies = true
}}
media: {{
	rtp_port_range = "{first}-{last}"
}}
nat: {{
	nice_debug = false
	ice_enforce_list = "{",".join(config.ice_interfaces)}"
	ignore_mdns = true
}}
plugins: {{
	disable = "{",".join(_PLUGINS_OFF)}"
}}
transports: {{
	disable = "{",".join(_TRANSPORTS_OFF)}"
}}
loggers: {{
	disable = "libjanus_jsonlog.so"
}}
events: {{
	broadcast = false
}}
"""
    )
    (folder / "janus.transport.http.jcfg").write_text(
        f"""general: {{
	json = "plain"
	base_path = "/janus"
	http = true
	port = {config.http_port}
	ip = "127.0.0.1"
	https = false
}}
admin: {{
	admin_http = false
	admin_https = false
}}
"""
    )
    # No rooms of its own: rooms are created through the API (no admin_key: local only).
    (folder / "janus.plugin.videoroom.jcfg").write_text("general: {\n}\n")
    return folder / "janus.jcfg"


class LocalJanus:
    """``janus -F FOLDER -C FOLDER/janus.jcfg`` as a child process. ``async with`` it, or call
    ``start`` and ``stop``. Its log goes to ``FOLDER/janus.log``."""

    def __init__(self, folder: Path, config: JanusConfig, *, start_timeout_s: float = 10.0):
        self.folder = folder
        self.config = config
        self.url = f"http://127.0.0.1:{config.http_port}/janus"
        self._start_timeout_s = start_timeout_s
        self._process: asyncio.subprocess.Process | None = None

    async def __aenter__(self) -> LocalJanus:
        await self.start()
        return self

    async def __aexit__(self, *_: object) -> None:
        await self.stop()

    async def start(self) -> None:
        binary = shutil.which("janus")
        if binary is None:
            raise ServiceUnavailableError(
                "the Janus server is not installed (Debian: apt-get install janus)"
            )
        config_file = write_janus_config(self.folder, self.config)
        log = self.folder / "janus.log"
        with log.open("wb") as output:
            self._process = await asyncio.create_subprocess_exec(
                binary,
                "-F",
                str(self.folder),
                "-C",
                str(config_file),
                "-o",  # no colour codes in the log
                stdin=asyncio.subprocess.DEVNULL,
                stdout=output,
                stderr=asyncio.subprocess.STDOUT,
            )
        try:
            await self._wait_ready()
        except BaseException:
            await self.stop()
            raise

    async def stop(self) -> None:
        process, self._process = self._process, None
        if process is None or process.returncode is not None:
            return
        process.terminate()
        try:
            await asyncio.wait_for(process.wait(), 5.0)
        except TimeoutError:
            process.kill()
            await process.wait()

    async def _wait_ready(self) -> None:
        """Until ``GET /janus/info`` answers; a clear error with the log's end if Janus exits."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self._start_timeout_s
        async with httpx2.AsyncClient(timeout=1.0, trust_env=False) as client:
            while True:
                assert self._process is not None
                if self._process.returncode is not None:
                    raise ServiceUnavailableError(
                        f"Janus exited at start (code {self._process.returncode}): "
                        f"{self._log_tail()}",
                        self.folder,
                    )
                with contextlib.suppress(httpx2.HTTPError):
                    response = await client.get(f"{self.url}/info")
                    if response.status_code == 200:
                        return
                if loop.time() > deadline:
                    raise ServiceUnavailableError(
                        f"Janus did not answer within {self._start_timeout_s:g} s: "
                        f"{self._log_tail()}",
                        self.folder,
                    )
                await asyncio.sleep(0.05)

    def _log_tail(self) -> str:
        try:
            lines = (self.folder / "janus.log").read_text(errors="replace").splitlines()
        except OSError:
            return "no log"
        errors = [line for line in lines if "[ERR]" in line or "error" in line.lower()]
        return " | ".join((errors or lines)[-3:]) or "empty log"
