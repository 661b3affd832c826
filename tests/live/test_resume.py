"""Nothing is lost when a player's laptop dies mid-question, nor when the host's does: the player
rejoins with their token, and a restarted host resumes the game from the database."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest

from quiz.core.answers import BooleanAnswer, ChoiceAnswer
from quiz.live.client import ConnectionLost, HostRemote, LiveClient

from .conftest import DATA, ROOT, SEED, FakeClock, Served, eventually, free_port, until

PLAYER = Path(__file__).resolve().parent / "player_process.py"
ENVIRONMENT = {**os.environ, "PYTHONPATH": str(ROOT)}


async def spawn(*command: str) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable,
        *command,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env=ENVIRONMENT,
        cwd=ROOT,
    )


async def line_of(process: asyncio.subprocess.Process, seconds: float = 20) -> str:
    assert process.stdout is not None
    line = await asyncio.wait_for(process.stdout.readline(), seconds)
    if not line:
        assert process.stderr is not None
        raise AssertionError((await process.stderr.read()).decode())
    return line.decode().strip()


async def test_a_player_killed_mid_question_rejoins_with_their_score(
    served: Served, clock: FakeClock
) -> None:
    process = await spawn(str(PLAYER), str(served.port), served.code, "Killed")
    try:
        token = json.loads(await line_of(process))["token"]
        assert await line_of(process) == "lobby"
        other = await served.player("Other")
        remote = await served.remote()
        await remote.control("start")
        assert await line_of(process) == "question"
        await until(other, "question")
        process.send_signal(signal.SIGKILL)  # mid-question, without a goodbye
        await process.wait()
        game = served.hosted.game
        killed = next(p for p in game.players.values() if p.name == "Killed")
        await eventually(lambda: not killed.connected, "the server to notice the dead player")
        clock.advance(6)
        back = served.client()
        await back.connect()
        welcome = await back.rejoin(token)
        assert (welcome.player, welcome.rejoined) == ("Killed", True)
        opened = await until(back, "question")
        assert (opened.question.number, opened.answered) == (1, False)
        assert opened.remaining == pytest.approx(14)
        right = opened.question.choices.index("Tokyo")
        await back.answer(1, ChoiceAnswer(frozenset({right})))
        await until(back, "ack")
        await other.answer(1, ChoiceAnswer(frozenset({right})))
        result = await until(back, "result")
        assert (result.outcome, result.points) == ("right", 850)  # 1000 × (1 − 0.5 × 6/20)
        # Rejoining again from elsewhere replaces the first connection.
        again = served.client()
        await again.connect()
        await again.rejoin(token)
        assert (await until(back, "error")).code == "replaced"
        assert (await until(again, "result")).score == 850
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()


async def host_process(db: Path, port: int) -> tuple[asyncio.subprocess.Process, dict[str, Any]]:
    set_path = str(DATA / "every_type.yaml")
    process = await spawn(
        "-m", "quiz.live", set_path, "--port", str(port), "--db", str(db), "--seed", str(SEED)
    )
    return process, json.loads(await line_of(process))


async def rejoin(client: LiveClient, port: int, token: str) -> LiveClient:
    for _ in range(100):  # the host is starting again
        try:
            fresh = LiveClient("127.0.0.1", port)
            await fresh.connect()
            await fresh.rejoin(token)
            await client.close()
            return fresh
        except ConnectionLost:
            await fresh.close()
            await asyncio.sleep(0.1)
    raise AssertionError("the restarted host never let the player back in")


async def test_a_host_killed_mid_question_resumes_the_game_when_restarted(tmp_path: Path) -> None:
    db, port = tmp_path / "class.sqlite3", free_port()
    host, started = await host_process(db, port)
    players: list[LiveClient] = []
    try:
        tokens = []
        for name in ("Ana", "Bo"):
            client = LiveClient("127.0.0.1", port)
            await client.connect()
            tokens.append((await client.join(started["code"], name, "4B")).token)
            players.append(client)
        remote = HostRemote("127.0.0.1", port)
        await remote.connect(started["token"])
        await remote.control("start")
        question = (await until(players[0], "question")).question
        right = question.choices.index("Tokyo")
        for client in players:
            await client.answer(1, ChoiceAnswer(frozenset({right})))
            await until(client, "ack")
        first = [(await until(client, "result")).score for client in players]
        await remote.control("next")
        await until(players[0], "question")
        await players[0].answer(2, ChoiceAnswer(frozenset({0, 1, 2, 3})))  # ticks all: 0 credit
        await until(players[0], "ack")
        host.send_signal(signal.SIGKILL)  # question 2 open, Bo has not answered
        await host.wait()
        await remote.close()
        with pytest.raises(ConnectionLost):
            await until(players[1], "never")

        host, restarted = await host_process(db, port)
        assert (restarted["code"], restarted["session"]) == (started["code"], started["session"])
        players = [await rejoin(c, port, t) for c, t in zip(players, tokens, strict=True)]
        # Question 2 was closed on the restart: Bo timed out; every score is as it was.
        results = [await until(client, "result") for client in players]
        assert [(r.question, r.outcome) for r in results] == [(2, "wrong"), (2, "timed_out")]
        assert [r.score for r in results] == first
        remote = HostRemote("127.0.0.1", port)
        await remote.connect(restarted["token"])
        state = await remote.control("next")
        assert (state.phase, state.question, state.players) == ("asking", 3, 2)
        await players[1].answer(3, BooleanAnswer(False))
        await until(players[1], "ack")
        await remote.close()
    finally:
        for client in players:
            await client.close()
        host.send_signal(signal.SIGTERM)
        await host.wait()
    rows = sqlite3.connect(db).execute(
        "SELECT question_number, COUNT(*), SUM(timed_out) FROM answers GROUP BY 1"
    )
    # Question 3 closed when Ana left with it open, Bo having answered: Ana timed out.
    assert rows.fetchall() == [(1, 2, 0), (2, 2, 1), (3, 2, 1)]
