"""The live game's screens under Pilot, against a real server on loopback: the host's keys, and
the student's client from the join form to the reveal, and back in after the host restarts."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.widgets import Input

from quiz.live.client import LiveClient
from quiz.live.game import Phase
from quiz.live.hosting import host_game, listening_socket
from quiz.tui.live_host import LiveHostApp
from quiz.tui.live_join import LiveJoinApp
from quiz.tui.screens.host import HostScreen
from quiz.tui.screens.join import JoinScreen
from quiz.tui.screens.kick import KickScreen
from quiz.tui.screens.live_question import LiveQuestionScreen

from .conftest import FakeClock, load, screen_text
from .playing import type_text


async def eventually(condition: Callable[[], Any], what: str, seconds: float = 15) -> Any:
    for _ in range(int(seconds / 0.05)):
        value = condition()
        if value:
            return value
        await asyncio.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


async def joined(port: int, code: str, name: str) -> LiveClient:
    client = LiveClient("127.0.0.1", port)
    await client.connect()
    await client.join(code, name)
    await client.receive()
    return client


async def next_of(client: LiveClient, kind: str) -> Any:
    while (message := await asyncio.wait_for(client.receive(), 10)).type != kind:
        pass
    return message


async def test_the_host_s_keys_pause_kick_skip_and_end(tmp_path: Path) -> None:
    sock = listening_socket("127.0.0.1", 0)
    port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    app = LiveHostApp(
        load("every_type.yaml"), sock, tmp_path / "db.sqlite3", url=url, address=url[7:], seed=3
    )
    clients: list[LiveClient] = []
    async with app.run_test(size=(100, 40)) as pilot:
        await eventually(lambda: isinstance(app.screen, HostScreen), "the host's screen")
        assert app.hosted is not None
        game = app.hosted.game
        await pilot.pause()
        assert "Nobody has joined yet." in screen_text(pilot)
        assert "Only this machine can join" in screen_text(pilot)
        ana, bo = await joined(port, game.code, "Ana"), await joined(port, game.code, "Bo")
        clients += [ana, bo]
        await pilot.pause(0.4)
        assert "Ana  ·  Bo" in screen_text(pilot)
        await pilot.press("enter")
        await next_of(ana, "question")
        await pilot.press("p")
        assert (await next_of(bo, "paused")).question == 1
        await pilot.pause(0.4)
        assert "Paused" in screen_text(pilot)
        await pilot.press("p")
        await next_of(bo, "resumed")
        await pilot.press("k")
        await eventually(lambda: isinstance(app.screen, KickScreen), "the list of players")
        await pilot.press("enter")  # the first name: Ana
        assert (await next_of(ana, "error")).code == "kicked"
        await pilot.pause(0.4)
        assert "Ana was removed from the game." in screen_text(pilot)
        await pilot.press("s")  # the open question counts for nobody
        assert (await next_of(bo, "skipped")).question == 1
        await pilot.pause(0.4)
        assert "Question 1 skipped" in screen_text(pilot)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("right", "enter")  # "Leave" in the dialog: end the game
        over = await next_of(bo, "game_over")
        assert (over.players, over.rank) == (1, 1)
        await eventually(lambda: game.phase is Phase.FINISHED, "the end")
        await pilot.pause(0.4)
        text = screen_text(pilot)
        assert "Game over · 1 player" in text
        assert f"quiz leaderboard every-type --session {game.session_id}" in text
        await pilot.press("ctrl+q")  # the game is over: no question asked
        await eventually(lambda: app.hosted is None, "the server to stop")
    for client in clients:
        await client.close()


async def test_a_student_joins_answers_and_comes_back_after_the_host_restarts(
    tmp_path: Path, clock: FakeClock
) -> None:
    db = tmp_path / "db.sqlite3"
    sock = listening_socket("127.0.0.1", 0)
    port = sock.getsockname()[1]
    hosted = await host_game(load("every_type.yaml"), db, sock, seed=3, clock=clock, host_token="t")
    game = hosted.game
    app = LiveJoinApp("127.0.0.1", port, language="en")
    other = None
    async with app.run_test(size=(80, 40)) as pilot:
        await eventually(lambda: isinstance(app.screen, JoinScreen), "the join form")
        await pilot.pause()
        await type_text(pilot, "WRONG")
        await pilot.press("enter")
        await type_text(pilot, "Zoé")
        await pilot.press("enter", "enter")
        await eventually(lambda: "not this game's code" in screen_text(pilot), "the refusal")
        assert isinstance(app.screen, JoinScreen)
        code = app.screen.query_one("#code", Input)
        assert code.value == "WRONG"  # what was typed stays, to be corrected
        code.value = game.code.lower()
        await pilot.click("#join")
        await eventually(lambda: "You're in!" in screen_text(pilot), "the lobby")
        other = await joined(port, game.code, "Bo")
        await game.control("start")
        await eventually(lambda: isinstance(app.screen, LiveQuestionScreen), "the question")
        await pilot.pause(0.3)
        assert "In which city did the ministers meet?" in screen_text(pilot)
        view = app.screen.view
        await pilot.press("abcd"[view.choices.index("Tokyo")])
        await eventually(lambda: "Answer sent" in screen_text(pilot), "the acknowledgement")
        await game.control("reveal")
        await eventually(lambda: "✓ Right!" in screen_text(pilot), "the reveal")
        # The right choice is marked in the distribution in words; the rank is given.
        await eventually(lambda: "✓ right" in screen_text(pilot), "the distribution")
        text = screen_text(pilot)
        assert "Rank 1 of 2" in text
        assert "Why: The first" in text
        assert "1. Zoé · 1000" in text

        await hosted.close()  # the host stops (its laptop restarts)
        await eventually(lambda: "Connection lost" in screen_text(pilot), "the client to notice")
        hosted = await host_game(
            load("every_type.yaml"), db, listening_socket("127.0.0.1", port), clock=clock
        )
        assert hosted.game.code == game.code
        zoe = next(p for p in hosted.game.players.values() if p.name == "Zoé")
        await eventually(lambda: zoe.connected, "Zoé back in, with her saved token")
        await hosted.game.control("next")
        await eventually(lambda: isinstance(app.screen, LiveQuestionScreen), "question 2")
        assert app.screen.view.number == 2
        await pilot.press("ctrl+q")
    await other.close()
    await hosted.close()
