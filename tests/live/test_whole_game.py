"""A whole live game: the host's real screen (Pilot), 30 simulated players on loopback — one of them
a process killed mid-question that rejoins — a real `quiz join` in tmux and a Chromium tab, seven
questions of every type, and the game's CSV exports compared with the expected files.

The server's clock is a fake one that the test moves: every elapsed time, point, streak and
timestamp is exact, so the exports are the same on every run. The terminal and the browser take
real seconds to answer; the fake clock stands still meanwhile.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import signal
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import pytest

from quiz.core.answers import (
    Answer,
    BooleanAnswer,
    ChoiceAnswer,
    HighlightAnswer,
    NumberAnswer,
    OrderAnswer,
    TextAnswer,
)
from quiz.core.question_view import question_view
from quiz.live.client import LiveClient
from quiz.live.game import LiveGame, Phase
from quiz.live.hosting import listening_socket
from quiz.tui.live_host import LiveHostApp
from quiz.tui.screens.host import HostScreen

from .conftest import DATA, ROOT, FakeClock, eventually, load, until
from .test_referee import positions

pytestmark = [pytest.mark.tmux, pytest.mark.browser]

EXPECTED = DATA / "live"
PLAYER_PROCESS = Path(__file__).resolve().parent / "player_process.py"
SIMULATED = [f"P{i:02d}" for i in range(1, 31)]
KILLED = "P07"
HIGHLIGHT_RIGHT = frozenset({0, 1, 2, 7})  # "According to observers", "could"


def plan(index: int, number: int) -> str:
    """What simulated player `index` (1–30) does on question `number`."""
    if (index + number) % 7 == 0:
        return "none"
    if (index + number) % 3 == 0:
        return "wrong"
    if (index + number) % 5 == 0:
        return "partial"
    return "right"


def answer_for(kind: str, how: str, key: tuple[int, ...]) -> Answer:
    """An answer of `how` (right, partial, wrong) to a question of type `kind`, in positions."""
    if kind == "single":
        return ChoiceAnswer(frozenset({key[0] if how == "right" else (key[0] + 1) % 4}))
    if kind == "multiple":
        chosen = {"right": set(key), "partial": {key[0]}}.get(how, set(range(4)) - set(key))
        return ChoiceAnswer(frozenset(chosen))
    if kind == "true_false":
        return BooleanAnswer(how != "right")  # the key is False
    if kind == "numeric":
        return NumberAnswer(4.0 if how == "right" else 5.0)
    if kind == "text":
        return TextAnswer("AFP" if how == "right" else "Reuters")
    if kind == "order":
        swapped = (key[1], key[0], *key[2:])
        return OrderAnswer({"right": key, "partial": swapped}.get(how, tuple(reversed(key))))
    return HighlightAnswer(
        {"right": HIGHLIGHT_RIGHT, "partial": frozenset({7})}.get(how, frozenset({4}))
    )


# --- The real terminal ---------------------------------------------------------------------------


class Terminal:
    """`quiz join` in a tmux session (80×24); read without blocking the event loop."""

    def __init__(self) -> None:
        self.name = f"quiz-live-{uuid.uuid4().hex[:8]}"

    def start(self, *arguments: str) -> None:
        environment = {
            "PYTHONPATH": str(ROOT),
            "XDG_DATA_HOME": os.environ["XDG_DATA_HOME"],
            "XDG_CACHE_HOME": os.environ["XDG_CACHE_HOME"],
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
            "PATH": os.environ.get("PATH", ""),
            "HOME": os.environ.get("HOME", "/tmp"),
        }
        command = " ".join([sys.executable, "-m", "quiz", *arguments])
        subprocess.run(
            ["tmux", "new-session", "-d", "-s", self.name, "-x", "80", "-y", "24"]
            + [f"-e{key}={value}" for key, value in environment.items()]
            + ["-c", str(ROOT), f"{command}; echo quiz exited $?; sleep 60"],
            check=True,
        )

    def screen(self) -> str:
        return subprocess.run(
            ["tmux", "capture-pane", "-p", "-t", self.name],
            check=True,
            capture_output=True,
            text=True,
        ).stdout

    async def send(self, *keys: str) -> None:
        for key in keys:
            await asyncio.to_thread(
                subprocess.run, ["tmux", "send-keys", "-t", self.name, key], check=True
            )
            await asyncio.sleep(0.08)

    async def wait_for(self, text: str, seconds: float = 30) -> str:
        deadline = asyncio.get_running_loop().time() + seconds
        while asyncio.get_running_loop().time() < deadline:
            screen = await asyncio.to_thread(self.screen)
            if text in screen:
                return screen
            await asyncio.sleep(0.2)
        raise AssertionError(f"{text!r} never appeared in the terminal:\n{self.screen()}")

    def close(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.name], check=False, capture_output=True)


async def answer_in_terminal(
    terminal: Terminal, kind: str, key: tuple[int, ...], view: Any
) -> None:
    """Answer right with the keys a student presses (letters, typing, Space to grab and drop)."""
    letters = "abcdefgh"
    if kind == "single":
        await terminal.send(letters[key[0]])
    elif kind == "multiple":
        await terminal.send(*(letters[p] for p in key), "Enter")
    elif kind == "true_false":
        await terminal.send("b")  # False
    elif kind == "numeric":
        await terminal.send("4", "Enter")
    elif kind == "text":
        await terminal.send("A", "F", "P", "Enter")
    elif kind == "order":
        order, cursor = list(range(len(view.items))), 0
        for target, item in enumerate(key):  # a selection sort: fetch each item, carry it up
            position = order.index(item)
            await terminal.send(*(["Down"] * (position - cursor) or ["Up"] * (cursor - position)))
            await terminal.send("Space", *(["Up"] * (position - target)), "Space")
            order.insert(target, order.pop(position))
            cursor = target
        await terminal.send("Enter")
    else:
        picks, cursor = sorted(HIGHLIGHT_RIGHT), 0
        for word in picks:
            await terminal.send(*(["Right"] * (word - cursor)), "Space")
            cursor = word
        await terminal.send("Enter")


# --- The browser -----------------------------------------------------------------------------------


async def answer_in_browser(page: Any, kind: str, key: tuple[int, ...], view: Any) -> None:
    """Answer with the keyboard and the controls' accessible names (labels, button names)."""
    if kind in ("single", "true_false"):
        position = key[0] if kind == "single" else 1
        await page.get_by_role(
            "radio", name=f"{'ABCD'[position]}. {view.choices[position]}"
        ).check()
    elif kind == "multiple":
        await page.keyboard.press("ABCD"[key[0]].lower())  # a letter ticks, as in the terminal
    elif kind in ("numeric", "text"):
        await page.get_by_label("Your answer").fill("4" if kind == "numeric" else "AFP")
    elif kind == "order":
        for target, item in enumerate(key):
            text = view.items[item]
            for _ in range([*await current_order(page)].index(text) - target):
                await page.get_by_role("button", name=f"Move “{text}” up").click()
    else:
        for word in sorted(HIGHLIGHT_RIGHT):
            await page.get_by_role("button", name=view.words[word], exact=True).click()
    await page.get_by_role("button", name="Send answer").click()


async def current_order(page: Any) -> list[str]:
    return [await item.inner_text() for item in await page.locator(".order-list li > span").all()]


# --- The game --------------------------------------------------------------------------------------


async def answered(game: LiveGame, name: str, number: int) -> None:
    player = next(p for p in game.players.values() if p.name == name)
    await eventually(lambda: number in player.answers, f"{name}'s answer to question {number}", 30)


def host_text(pilot: Any) -> str:
    return "\n".join(strip.text for strip in pilot.app.screen._compositor.render_strips())


async def spawn_player(port: int, code: str, name: str) -> tuple[asyncio.subprocess.Process, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        str(PLAYER_PROCESS),
        str(port),
        code,
        name,
        stdout=asyncio.subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert process.stdout is not None
    token = json.loads(await asyncio.wait_for(process.stdout.readline(), 30))["token"]
    return process, token


async def test_a_whole_live_game(tmp_path: Path, clock: FakeClock, browser_page: Any) -> None:
    if browser_page is None or shutil.which("tmux") is None:
        pytest.skip(
            "needs tmux and Debian's chromium with playwright (apt-get install tmux chromium)"
        )
    db = tmp_path / "class.sqlite3"
    sock = listening_socket("127.0.0.1", 0)
    port = sock.getsockname()[1]
    app = LiveHostApp(
        load(),
        sock,
        db,
        language="en",
        url=f"http://127.0.0.1:{port}",
        address=f"127.0.0.1:{port}",
        seed=7,
        clock=clock,
        wall_clock=clock.wall,
    )
    terminal = Terminal()
    clients: list[LiveClient] = []
    killed: asyncio.subprocess.Process | None = None
    keys = positions()
    try:
        async with app.run_test(size=(100, 50)) as pilot:
            await eventually(lambda: isinstance(app.screen, HostScreen), "the host's screen")
            assert app.hosted is not None
            game = app.hosted.game
            code = game.code
            await pilot.pause()
            assert f"Code {code}" in host_text(pilot)
            assert f"quiz join 127.0.0.1:{port} --code {code}" in host_text(pilot)

            # Everyone joins: the terminal, the browser, then the thirty (one in its own process).
            terminal.start(
                "join",
                f"127.0.0.1:{port}",
                "--code",
                code,
                "--name",
                "Tux",
                "--class",
                "4B",
                "--lang",
                "en",
            )
            await terminal.wait_for("Waiting for the teacher to start")
            page = browser_page
            await page.goto(f"http://127.0.0.1:{port}/?code={code}")
            await page.get_by_label("Your name").fill("Web")
            await page.get_by_label("Class (optional)").fill("4B")
            await page.get_by_label("Your name").press("Enter")
            await page.get_by_text("You're in!").wait_for()
            tokens: dict[str, str] = {}
            for index, name in enumerate(SIMULATED, start=1):
                group = "4B" if index % 2 else "4C"
                if name == KILLED:
                    killed, tokens[name] = await spawn_player(port, code, name)
                    clients.append(LiveClient("127.0.0.1", port))  # its place, used once it rejoins
                    continue
                client = LiveClient("127.0.0.1", port)
                await client.connect()
                tokens[name] = (await client.join(code, name, group)).token
                clients.append(client)
            await eventually(lambda: len(game.players) == 32, "32 players")
            await pilot.pause(0.3)
            assert "32 players" in host_text(pilot)

            for number in range(1, 8):
                start = clock.now
                await pilot.press("enter")  # the host opens the question
                await eventually(lambda: game.phase is Phase.ASKING, "the question to open")
                assert game.current is not None
                view = question_view(game.current, "en")
                kind, key = view.type, keys[number - 1]
                await pilot.pause(0.3)
                assert view.prompt in host_text(pilot)
                assert "0 / 32 answered" in host_text(pilot)

                if number == 1:  # P07's laptop dies mid-question; it comes back with its token
                    assert killed is not None
                    killed.send_signal(signal.SIGKILL)
                    await killed.wait()
                    victim = next(p for p in game.players.values() if p.name == KILLED)
                    await eventually(lambda v=victim: not v.connected, "the server to notice")
                    back = clients[SIMULATED.index(KILLED)]
                    await back.connect()
                    welcome = await back.rejoin(tokens[KILLED])
                    assert welcome.rejoined
                    assert (await until(back, "question")).question.number == 1

                clock.now = start + 1
                await terminal.wait_for(view.prompt[:40])
                await answer_in_terminal(terminal, kind, key, view)
                await answered(game, "Tux", number)
                clock.now = start + 2
                await page.get_by_text(view.prompt).wait_for()
                await answer_in_browser(page, kind, key, view)
                await answered(game, "Web", number)
                await page.get_by_role("heading", name="Answer sent").wait_for()

                order = sorted(range(1, 31), key=lambda i: i % 10)
                for index in order:
                    how = plan(index, number)
                    if how == "none":
                        continue
                    clock.now = start + 3 + index % 10
                    client = clients[index - 1]
                    await client.answer(number, answer_for(kind, how, key))
                    await until(client, "ack")
                if game.phase is Phase.ASKING:  # some did not answer: the host reveals
                    await pilot.press("r")
                await eventually(lambda: game.phase is Phase.CLOSED, "the reveal")
                await pilot.pause(0.3)
                shown = host_text(pilot)
                assert "Why: " in shown
                assert game.reveal is not None
                assert game.reveal.explanation[:30] in shown
                if kind in ("single", "multiple", "true_false"):
                    assert "✓ right" in shown
                for client in clients:
                    await until(client, "result")
                tux = await terminal.wait_for("Leaderboard")
                assert "✓ Right!" in tux
                await (
                    page.get_by_role("heading", name="Right!")
                    .or_(page.get_by_role("heading", name="Partly right"))
                    .wait_for()
                )

            await pilot.press("enter")  # after the last question: the end
            await eventually(lambda: game.phase is Phase.FINISHED, "the end of the game")
            await pilot.pause(0.3)
            assert "Game over" in host_text(pilot)
            assert "Game over" in await terminal.wait_for("Game over")
            await page.get_by_role("heading", name="Game over").wait_for()
            over = [await until(client, "game_over") for client in clients]
            assert [o.players for o in over] == [32] * 30
            session = game.session_id
            await app.hosted.close()
            app.hosted = None
    finally:
        terminal.close()
        for client in clients:
            await client.close()
        if killed is not None and killed.returncode is None:
            killed.kill()

    for export in ("answers", "leaderboard"):
        command = [sys.executable, "-m", "quiz", export, str(DATA / "every_type.yaml")]
        command += ["--db", str(db), "--session", str(session)]
        written = subprocess.run(
            command,
            capture_output=True,
            check=True,
            env={**os.environ, "PYTHONPATH": str(ROOT), "TZ": "UTC"},
        ).stdout
        expected = EXPECTED / f"{export}.csv"
        if os.environ.get("QUIZ_WRITE_EXPECTED"):
            expected.write_bytes(written)
        assert written == expected.read_bytes(), f"{export}: compare with {expected}"
