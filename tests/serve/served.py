"""`quiz serve` for the tests: a real server on a free loopback port, the processes it runs (read
from /proc), and browser tabs played as real WebSocket clients.

Every wait polls a condition with a deadline; nothing waits for a fixed time.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp

ROOT = Path(__file__).resolve().parents[2]
ONE_QUESTION = ROOT / "tests" / "data" / "serve" / "one_question.yaml"
PROC = Path("/proc")

# What a terminal does not show: CSI sequences (colours, cursor moves), OSC strings, and the
# two-character escapes.
_ESCAPES = re.compile(r"\x1b(?:\[[0-9;?<>=$]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")
CURSOR_MOVE = re.compile(rb"\x1b\[(\d+);(\d+)H")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(condition: Callable[[], Any], what: str, seconds: float = 30.0) -> Any:
    """Poll `condition` until it gives a true value; fail after `seconds`."""
    deadline = time.monotonic() + seconds
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {seconds} s waiting for {what}")
        time.sleep(0.05)


def accepts_connections(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


@dataclass(frozen=True)
class ProcessInfo:
    pid: int
    parent: int
    group: int
    state: str  # "Z": a zombie, dead but not yet reaped
    command: tuple[str, ...]

    @property
    def alive(self) -> bool:
        return self.state not in ("Z", "X")

    @property
    def is_quiz_play(self) -> bool:
        return self.command[1:5] == ("-m", "quiz", "play", "--db")


def process_info(pid: int) -> ProcessInfo | None:
    """One process as /proc shows it, or None once it is gone."""
    try:
        stat = (PROC / str(pid) / "stat").read_text()
        command = (PROC / str(pid) / "cmdline").read_bytes()
    except (FileNotFoundError, ProcessLookupError):
        return None
    # The command name is in parentheses and may hold spaces: the fields follow the last ")".
    state, parent, group = stat[stat.rindex(")") + 2 :].split()[:3]
    words = tuple(word.decode(errors="replace") for word in command.split(b"\0") if word)
    return ProcessInfo(pid, int(parent), int(group), state, words)


def all_processes() -> list[ProcessInfo]:
    infos = (process_info(int(entry.name)) for entry in PROC.iterdir() if entry.name.isdigit())
    return [info for info in infos if info is not None]


@dataclass
class Served:
    """A running `quiz serve` (leader of its own process group) and its database."""

    process: subprocess.Popen[bytes]
    port: int
    db: Path
    log: Path

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def url(self) -> str:
        return self.origin + "/"

    def websocket_url(self, query: str = "width=100&height=30") -> str:
        return f"{self.origin}/ws?{query}"

    def games(self) -> list[ProcessInfo]:
        """The `quiz play` processes this server started that run now (one per game), found by
        their process group: they stay in it even once the server is gone."""
        return [
            info
            for info in all_processes()
            if info.group == self.process.pid and info.alive and info.is_quiz_play
        ]

    def stop(self) -> None:
        """End the server and everything left in its process group (orphans included)."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=10)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()


def start_server(folder: Path, *options: str, sets: tuple[Path, ...] = (ONE_QUESTION,)) -> Served:
    """`quiz serve` on a free loopback port, once it accepts connections."""
    port = free_port()
    db = folder / "class.sqlite3"
    log = folder / f"serve-{port}.log"
    command = [sys.executable, "-m", "quiz", "serve", "--port", str(port), "--db", str(db)]
    with log.open("wb") as output:
        process = subprocess.Popen(
            [*command, "--lang", "en", *options, *map(str, sets)],
            cwd=folder,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    served = Served(process, port, db, log)
    try:
        wait_for(lambda: accepts_connections(port) or process.poll() is not None, "the server")
        assert process.poll() is None, log.read_text()
    except BaseException:
        served.stop()
        raise
    return served


def screen_text(output: bytes) -> str:
    """What a terminal would show of `output`, as one string (escape sequences removed)."""
    return _ESCAPES.sub("", output.decode("utf-8", errors="replace"))


def cursor_row(output: bytes) -> int | None:
    """The row of the terminal's cursor: the app puts it, at the end of each frame, in the text
    field that has the focus (each frame comes whole, in one message)."""
    moves = CURSOR_MOVE.findall(output)
    return int(moves[-1][0]) if moves else None


def row_of(output: bytes, label: str) -> int | None:
    """The row on which `label` was last drawn."""
    at = output.rfind(label.encode())
    moves = CURSOR_MOVE.findall(output[:at]) if at >= 0 else []
    return int(moves[-1][0]) if moves else None


def field_has_focus(output: bytes, label: str) -> bool:
    """Whether the cursor is in the text field drawn under `label` (its box takes 3 rows)."""
    label_row, cursor = row_of(output, label), cursor_row(output)
    return label_row is not None and cursor is not None and 0 < cursor - label_row <= 3


@dataclass
class Tab:
    """A browser tab of `quiz serve`, as its script talks to the server: it keeps everything the
    app draws and sends keys."""

    websocket: aiohttp.ClientWebSocketResponse
    output: bytearray = field(default_factory=bytearray)
    _changed: asyncio.Condition = field(default_factory=asyncio.Condition)
    _reader: asyncio.Task[None] | None = None

    def __post_init__(self) -> None:
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        async for message in self.websocket:
            if message.type == aiohttp.WSMsgType.BINARY:
                self.output += message.data
            async with self._changed:
                self._changed.notify_all()
        async with self._changed:
            self._changed.notify_all()

    def text(self, since: int = 0) -> str:
        return screen_text(bytes(self.output[since:]))

    async def wait_until(
        self, condition: Callable[[], Any], what: str, seconds: float = 60.0
    ) -> None:
        """Wait until `condition()` holds, checked each time the app draws."""

        async def checked() -> None:
            async with self._changed:
                await self._changed.wait_for(lambda: condition() or self.websocket.closed)

        try:
            await asyncio.wait_for(checked(), seconds)
        except TimeoutError:
            raise AssertionError(f"timed out after {seconds} s waiting for {what}") from None
        assert condition(), f"the tab closed while waiting for {what}"

    async def wait_for_text(self, text: str, since: int = 0, seconds: float = 60.0) -> int:
        """Wait until the app draws `text` (after byte `since`); returns the output's length."""
        await self.wait_until(lambda: text in self.text(since), f"{text!r} on screen", seconds)
        return len(self.output)

    async def wait_for_field(self, label: str, seconds: float = 60.0) -> None:
        """Wait until the text field under `label` has the focus, so typed keys go into it."""
        await self.wait_until(
            lambda: field_has_focus(bytes(self.output), label),
            f"the field under {label!r} to have the focus",
            seconds,
        )

    async def press(self, keys: str) -> int:
        """Send keys as the page does; returns the output's length before they take effect."""
        mark = len(self.output)
        await self.websocket.send_str(json.dumps(["stdin", keys]))
        return mark

    async def resize(self, width: object, height: object) -> int:
        mark = len(self.output)
        await self.websocket.send_str(json.dumps(["resize", {"width": width, "height": height}]))
        return mark

    async def close(self) -> None:
        await self.websocket.close()
        if self._reader is not None:
            await self._reader


async def open_tab(
    session: aiohttp.ClientSession, served: Served, origin: str | None = None, query: str = ""
) -> Tab:
    """Connect as a tab of a page served by `served` (or by `origin`) would."""
    websocket = await session.ws_connect(
        served.websocket_url(query) if query else served.websocket_url(),
        headers={"Origin": served.origin if origin is None else origin},
    )
    return Tab(websocket)
