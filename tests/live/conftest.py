"""Fixtures of the live game's tests: a real server on a free loopback port, a real results
database, real WebSocket clients, and clocks that move only when a test says so."""

from __future__ import annotations

import asyncio
import socket
import sqlite3
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from quiz.core.loader import load_question_set
from quiz.core.models import QuestionSet
from quiz.live.client import HostRemote, LiveClient
from quiz.live.hosting import HostedGame, host_game, listening_socket
from quiz.live.server import Limits

DATA = Path(__file__).resolve().parents[1] / "data"
CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
HOST_TOKEN = "the-host-token-for-tests"
SEED = 7
WAIT = 10.0
"""Seconds a test waits for a message before it fails (nothing here takes more than a moment)."""


class FakeClock:
    """The server's monotonic clock, moved by the test: elapsed times and points are exact."""

    def __init__(self, start: float = 1000.0) -> None:
        self.start = self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds

    def wall(self) -> datetime:
        """The wall-clock time that goes with it: answers are stamped at fixed moments."""
        return datetime(2025, 3, 14, 9, 0, tzinfo=UTC) + timedelta(seconds=self.now - self.start)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def load(name: str = "every_type.yaml") -> QuestionSet:
    return load_question_set(DATA / name)


@dataclass
class Served:
    hosted: HostedGame
    db: Path
    clients: list[LiveClient | HostRemote] = field(default_factory=list)

    @property
    def port(self) -> int:
        return self.hosted.server.port

    @property
    def code(self) -> str:
        return self.hosted.game.code

    async def player(self, name: str, class_name: str | None = "4B") -> LiveClient:
        """A player who joined, their welcome and first message read."""
        client = self.client()
        await client.connect()
        await client.join(self.code, name, class_name)
        await client.receive()  # where the game is: the lobby, or the open question
        return client

    def client(self) -> LiveClient:
        """A player's connection, not yet open (closed at the end of the test)."""
        client = LiveClient("127.0.0.1", self.port)
        self.clients.append(client)
        return client

    async def remote(self) -> HostRemote:
        remote = HostRemote("127.0.0.1", self.port)
        self.clients.append(remote)
        await remote.connect(HOST_TOKEN)
        return remote

    async def close(self) -> None:
        for client in self.clients:
            await client.close()
        await self.hosted.close()

    def rows(self, sql: str, *parameters: Any) -> list[tuple[Any, ...]]:
        """Rows read by another connection, as the teacher's exports read them."""
        connection = sqlite3.connect(self.db, timeout=5)
        try:
            return connection.execute(sql, parameters).fetchall()
        finally:
            connection.close()


def rows_in_database_file(db: Path, sql: str) -> list[tuple[Any, ...]] | None:
    """Rows of the database file alone, without its journal (None while it is being written)."""
    try:
        connection = sqlite3.connect(f"file:{db}?immutable=1", uri=True)
        try:
            return connection.execute(sql).fetchall()
        finally:
            connection.close()
    except sqlite3.DatabaseError:  # a page caught half-copied, or the schema not copied yet
        return None


async def serve(
    db: Path,
    clock: FakeClock,
    question_set: QuestionSet | None = None,
    *,
    port: int = 0,
    limits: Limits | None = None,
    new: bool = False,
) -> Served:
    hosted = await host_game(
        question_set or load(),
        db,
        listening_socket("127.0.0.1", port),
        host_token=HOST_TOKEN,
        seed=SEED,
        new=new,
        clock=clock,
        wall_clock=clock.wall,
    )
    if limits is not None:
        hosted.server.limits = limits
    return Served(hosted, db)


@pytest.fixture
async def served(tmp_path: Path, clock: FakeClock) -> AsyncIterator[Served]:
    """The every-type set served on a free port, with a fresh database."""
    game = await serve(tmp_path / "class.sqlite3", clock)
    try:
        yield game
    finally:
        await game.close()


async def until(client: LiveClient, kind: str, seconds: float = WAIT) -> Any:
    """The next message of type `kind` (others before it are passed over)."""

    async def read() -> Any:
        while True:
            message = await client.receive()
            if message.type == kind:
                return message

    return await asyncio.wait_for(read(), seconds)


async def eventually(condition: Callable[[], Any], what: str, seconds: float = WAIT) -> Any:
    """Poll `condition` (without blocking the loop) until it gives a true value."""
    deadline = asyncio.get_running_loop().time() + seconds
    while asyncio.get_running_loop().time() < deadline:
        value = condition()
        if value:
            return value
        await asyncio.sleep(0.02)
    raise AssertionError(f"timed out after {seconds} s waiting for {what}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
async def browser_page() -> AsyncIterator[Any]:
    """A Chromium tab (Debian's chromium, headless), or None where it cannot run."""
    if not CHROMIUM.exists():
        yield None
        return
    try:
        from playwright.async_api import async_playwright
    except ImportError:
        yield None
        return
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            yield await browser.new_page(viewport={"width": 900, "height": 900})
        finally:
            await browser.close()
