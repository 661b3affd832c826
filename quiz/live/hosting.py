"""Starting a live game: the store's writer, the game (new or resumed), and its server, together.

`quiz host` (with its projector screen) and `python -m quiz.live` (without) both start here.
"""

from __future__ import annotations

import asyncio
import gc
import os
import socket
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from quiz.core.models import QuestionSet, ScoringRule
from quiz.live.game import LiveGame, Phase
from quiz.live.recorder import Recorder
from quiz.live.server import LiveServer
from quiz.store.db import ResultsStore

BACKLOG = 4096
"""Connections waiting to be accepted: a class that joins at once must not be turned away."""
SWITCH_INTERVAL = 0.0005
"""Seconds a thread may hold the interpreter's lock when another wants it (see `host_game`)."""


def listening_socket(host: str, port: int) -> socket.socket:
    """A socket bound to `host`:`port` and listening, made before anything else starts, so that a
    port in use is a one-line error (`OSError`) rather than a failure inside a running screen."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        if os.name != "nt":  # a restarted host gets its port back at once
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(BACKLOG)
        sock.setblocking(False)
    except OSError:
        sock.close()
        raise
    return sock


@dataclass
class HostedGame:
    """A live game being served; `close()` stops the server and commits the last writes."""

    game: LiveGame
    server: LiveServer
    recorder: Recorder
    switch_interval: float
    """The interpreter's switch interval before the game, put back when it closes."""

    async def close(self) -> None:
        await self.server.stop()
        await self.recorder.close()
        sys.setswitchinterval(self.switch_interval)
        gc.unfreeze()


def _freeze_when_asking(game: LiveGame) -> None:
    """Freeze what is alive (`gc.freeze`) each time a question opens, once it is sent.

    With a class connected, the players' connections are hundreds of thousands of long-lived
    objects, and a full collection walks them all: 60 to 110 ms with 2,000 players (bench_live),
    a stop the answers must not meet. Frozen once a question is out, they are never walked again;
    the answers' few objects still are.
    """
    asking = False

    def changed() -> None:
        nonlocal asking
        now = game.phase is Phase.ASKING
        if now and not asking:
            gc.freeze()
        asking = now

    game.listeners.append(changed)


async def host_game(
    question_set: QuestionSet,
    db_path: str | os.PathLike[str] | None,
    sock: socket.socket,
    *,
    language: str = "en",
    rule: ScoringRule | None = None,
    seed: int | None = None,
    new: bool = False,
    host_token: str | None = None,
    names: Iterable[str] = (),
    clock: Callable[[], float] = time.monotonic,
    wall_clock: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> HostedGame:
    """Open the store at `db_path` (`StoreError` if it cannot be used), open or resume the game of
    `question_set` in it, and serve it on `sock` (see `listening_socket`).

    While it is hosted, this process's interpreter switch interval is `SWITCH_INTERVAL`: the
    store's writer thread and the event loop hand the interpreter's lock to each other around
    every SQLite call, and at the default 5 ms an answer's commit waited up to that much at each
    hand-over whenever the loop was busy (bench_live's acknowledgement p99 at 2,000 players:
    46–199 ms before, 18–49 ms after, on the same shared machine).
    """
    store = ResultsStore.open(db_path)
    recorder = Recorder(store, asyncio.get_running_loop())
    before = sys.getswitchinterval()
    sys.setswitchinterval(SWITCH_INTERVAL)
    try:
        game = await LiveGame.open(
            question_set,
            recorder,
            rule=rule,
            seed=seed,
            new=new,
            clock=clock,
            wall_clock=wall_clock,
        )
        server = LiveServer(game, language=language, host_token=host_token, names=names)
        await server.start(sock=sock)
        _freeze_when_asking(game)
    except BaseException:
        await recorder.close()
        sys.setswitchinterval(before)
        raise
    return HostedGame(game, server, recorder, before)
