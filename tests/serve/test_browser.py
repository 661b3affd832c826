"""A student plays in a browser tab: headless Chromium (Debian's `chromium`, driven by Playwright)
opens `quiz serve`, plays a one-question set with the keyboard, and the answer lands in the
results database. Runs by default whenever chromium and playwright are installed.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parent.parent.parent
SET_FILE = ROOT / "tests" / "data" / "serve" / "one_question.yaml"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="Debian's chromium is not installed (apt-get install chromium)",
    ),
]
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(condition: Callable[[], Any], what: str, seconds: float = 30.0) -> Any:
    """Poll `condition` until it gives a true value (at most `seconds`)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out after {seconds} s waiting for {what}")


def accepts_connections(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """`quiz serve` on a free localhost port with a fresh database; its process group is
    always terminated (it runs one `quiz play` per browser tab)."""
    port = free_port()
    db = tmp_path / "class.sqlite3"
    log = (tmp_path / "serve.log").open("w")
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "quiz", "serve", "--port", str(port), "--db", str(db)]
    process = subprocess.Popen(
        [*command, "--lang", "en", str(SET_FILE)],
        cwd=tmp_path,
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        wait_for(lambda: accepts_connections(port) or process.poll() is not None, "the server")
        assert process.poll() is None, (tmp_path / "serve.log").read_text()
        yield f"http://127.0.0.1:{port}", db
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        log.close()


def stored(db: Path, sql: str) -> list[tuple[Any, ...]]:
    """Rows read by another connection, as the teacher's exports would read them."""
    connection = sqlite3.connect(db, timeout=5)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def test_a_question_played_in_the_browser_is_in_the_database(
    server: tuple[str, Path], tmp_path: Path
) -> None:
    url, db = server
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1000, "height": 640})
            page.goto(url)
            page.wait_for_selector(".textual-terminal.-connected", timeout=30_000)
            settled_home_screen(page)
            page.mouse.click(500, 320)  # the terminal takes keys only once clicked
            page.keyboard.press("Enter")  # open the set
            page.wait_for_timeout(800)
            page.keyboard.type("Zoé")
            page.keyboard.press("Enter")
            page.wait_for_timeout(500)
            page.keyboard.type("4B")
            page.keyboard.press("Enter")
            attempts = "SELECT p.name, p.class_name, a.set_id, a.finished_at FROM attempts a "
            attempts += "JOIN players p ON p.id = a.player_id"
            wait_for(lambda: stored(db, attempts), "the game to start")
            page.wait_for_timeout(800)
            page.keyboard.press("a")  # Tokyo: choices are not shuffled in this set
            answers = "SELECT question_id, answer_text, answer_json, correct, points FROM answers"
            (answer,) = wait_for(lambda: stored(db, answers), "the answer")
            page.wait_for_timeout(500)
            page.keyboard.press("Enter")  # the results
            finished = wait_for(lambda: stored(db, attempts)[0][3], "the game to finish")
            page.wait_for_timeout(1000)
            page.screenshot(path=str(tmp_path / "results.png"))
        finally:
            browser.close()
    question_id, answer_text, answer_json, correct, points = answer
    assert (question_id, answer_text, correct, points) == ("city", "Tokyo", 1, 100)
    assert json.loads(answer_json) == {"kind": "choice", "selected": [0]}
    assert stored(db, attempts)[0][:3] == ("Zoé", "4B", "one-question")
    assert finished


def settled_home_screen(page: Any) -> None:
    """Wait until the tab shows the app (not the blank terminal) and stops changing."""
    blank = page.screenshot()
    previous = blank
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        page.wait_for_timeout(500)
        shot = page.screenshot()
        if shot != blank and shot == previous:
            return
        previous = shot
    raise AssertionError("the app never appeared in the browser tab")
