"""No tab's `quiz play` outlives `quiz serve`: killed with SIGKILL (which it cannot catch), the
server leaves no game running (6 were still running 55 s later). Each game ends when its stdin
closes, and on Linux when the server dies even if something else keeps its stdin open."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import aiohttp
import pytest

from quiz.tui.web_driver import SERVER_PID_VARIABLE
from quiz.tui.web_server import TAB_DRIVER

from .served import ONE_QUESTION, ROOT, Served, open_tab, process_info, wait_for


def is_gone(pid: int) -> bool:
    info = process_info(pid)
    return info is None or not info.alive


async def test_sigkill_of_the_server_ends_every_game(serve_quiz: Callable[..., Served]) -> None:
    served = serve_quiz()
    async with aiohttp.ClientSession() as session:
        tabs = [await open_tab(session, served) for _ in range(3)]
        for tab in tabs:
            await tab.wait_for_text("Choose a set of questions")
        games = [game.pid for game in served.games()]
        assert len(games) == 3
        served.process.kill()
        served.process.wait()
        killed = time.monotonic()
        wait_for(lambda: all(map(is_gone, games)), "every game to end", seconds=10)
        print(f"every game ended {time.monotonic() - killed:.2f} s after the SIGKILL")


def play_command(folder: Path) -> list[str]:
    """A tab's `quiz play`, as `quiz serve` starts it (quiz.tui.serve.play_command)."""
    return [
        sys.executable,
        "-m",
        "quiz",
        "play",
        "--db",
        str(folder / "db.sqlite3"),
        str(ONE_QUESTION),
    ]


def tab_environment(server_pid: int) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "TEXTUAL_DRIVER": TAB_DRIVER,
        SERVER_PID_VARIABLE: str(server_pid),
        "COLUMNS": "80",
        "ROWS": "24",
    }


def read_ready_line(stream: int) -> bytes:
    """The first line a tab's process writes once its driver runs (read with a deadline)."""
    line = b""
    deadline = time.monotonic() + 60
    os.set_blocking(stream, False)
    while not line.endswith(b"\n") and time.monotonic() < deadline:
        try:
            chunk = os.read(stream, 1)
        except BlockingIOError:
            time.sleep(0.05)
            continue
        if not chunk:
            break
        line += chunk
    return line


def test_a_game_ends_when_its_stdin_closes(tmp_path: Path) -> None:
    game = subprocess.Popen(
        play_command(tmp_path),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=tab_environment(os.getpid()),  # this test plays the server
    )
    try:
        assert game.stdout is not None
        assert game.stdin is not None
        assert read_ready_line(game.stdout.fileno()) == b"__GANGLION__\n"
        game.stdin.close()
        game.wait(timeout=10)
    finally:
        game.kill()
        game.wait()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a Linux parent-death signal")
def test_a_game_ends_with_its_server_even_when_its_stdin_stays_open(tmp_path: Path) -> None:
    """A stand-in server starts the game on a pipe this test keeps open, then is SIGKILLed."""
    keys_read, keys_written = os.pipe()  # the game's stdin: this test keeps the writing end
    screen_read, screen_written = os.pipe()  # the game's stdout
    start = (
        "import os, subprocess, sys\n"
        "env = dict(os.environ, QUIZ_SERVE_PID=str(os.getpid()))\n"
        f"game = subprocess.Popen(sys.argv[1:], stdin={keys_read}, stdout={screen_written}, "
        "stderr=subprocess.DEVNULL, env=env)\n"
        "print(game.pid, flush=True)\n"
        "game.wait()\n"
    )
    server = subprocess.Popen(
        [sys.executable, "-c", start, *play_command(tmp_path)],
        stdout=subprocess.PIPE,
        env=tab_environment(0),
        pass_fds=(keys_read, screen_written),
    )
    os.close(keys_read)
    os.close(screen_written)
    game_pid = 0
    try:
        assert server.stdout is not None
        game_pid = int(server.stdout.readline())
        assert read_ready_line(screen_read) == b"__GANGLION__\n"
        server.kill()
        server.wait()
        wait_for(lambda: is_gone(game_pid), "the game to end with its server", seconds=10)
    finally:
        if game_pid and not is_gone(game_pid):
            os.kill(game_pid, signal.SIGKILL)
        os.close(keys_written)
        os.close(screen_read)
