"""A student plays in a browser tab: headless Chromium (Debian's `chromium`, driven by Playwright)
opens `quiz serve`, plays a one-question set with the keyboard, and the answer lands in the
results database; every request the tab makes goes to the server itself. Runs by default
whenever chromium and playwright are installed.

Each key is pressed once the screen it is meant for shows, as read from the frames the page
receives (never after a fixed wait: under load a name once lost its first letter).
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from .served import Served, field_has_focus, screen_text, wait_for

CHROMIUM = Path("/usr/bin/chromium")
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


class WatchedTab:
    """A browser tab and everything it does: the addresses it requests, what its terminal
    receives, the errors in its console."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.requests: list[str] = []
        self.output = bytearray()
        self.console_errors: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("websocket", self._watch_websocket)
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.console_errors.append(str(error)))

    def _watch_websocket(self, websocket: Any) -> None:
        self.requests.append(websocket.url)
        websocket.on("framereceived", self._received)

    def _received(self, payload: str | bytes) -> None:
        if isinstance(payload, bytes):
            self.output += payload

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.console_errors.append(message.text)

    def wait_until(self, condition: Callable[[], Any], what: str, seconds: float = 60.0) -> None:
        """Poll `condition` while Playwright delivers the tab's events (it does so only inside
        its own calls, hence `wait_for_timeout` as the poll's tick)."""
        deadline = time.monotonic() + seconds
        while not condition():
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out after {seconds} s waiting for {what}")
            self.page.wait_for_timeout(50)

    def wait_for_text(self, text: str, since: int = 0) -> None:
        self.wait_until(lambda: text in screen_text(bytes(self.output[since:])), repr(text))

    def wait_for_field(self, label: str) -> None:
        self.wait_until(
            lambda: field_has_focus(bytes(self.output), label), f"the field under {label!r}"
        )

    def type(self, text: str) -> None:
        """Type `text` and wait until the field shows it whole."""
        mark = len(self.output)
        self.page.keyboard.type(text)
        self.wait_for_text(text, since=mark)

    def press(self, key: str) -> int:
        mark = len(self.output)
        self.page.keyboard.press(key)
        return mark


def stored(db: Path, sql: str) -> list[tuple[Any, ...]]:
    """Rows read by another connection, as the teacher's exports would read them."""
    connection = sqlite3.connect(db, timeout=5)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def test_a_question_played_in_the_browser_is_in_the_database(
    serve_quiz: Callable[..., Served],
) -> None:
    served = serve_quiz()
    attempts = "SELECT p.name, p.class_name, a.set_id, a.finished_at FROM attempts a "
    attempts += "JOIN players p ON p.id = a.player_id"
    answers = "SELECT question_id, answer_text, answer_json, correct, points FROM answers"
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            tab = WatchedTab(browser.new_page(viewport={"width": 1000, "height": 640}))
            tab.page.goto(served.url)
            tab.page.wait_for_selector(".textual-terminal.-connected", timeout=60_000)
            tab.wait_for_text("Choose a set of questions")
            # Keys go to the terminal's input; a click would also reach the app as a mouse click.
            tab.page.focus(".xterm-helper-textarea")
            tab.press("Enter")  # open the set
            tab.wait_for_field("Your name")
            tab.type("Zoé")
            tab.press("Enter")
            tab.wait_for_field("Class (optional)")
            tab.type("4B")
            mark = tab.press("Enter")
            tab.wait_for_text("In which city did the ministers meet?", since=mark)
            mark = tab.press("a")  # Tokyo: choices are not shuffled in this set
            tab.wait_for_text("See the results", since=mark)
            (answer,) = wait_for(lambda: stored(served.db, answers), "the answer")
            mark = tab.press("Enter")
            tab.wait_for_text("100 / 100 points", since=mark)
            finished = wait_for(lambda: stored(served.db, attempts)[0][3], "the game to finish")
        finally:
            browser.close()
    question_id, answer_text, answer_json, correct, points = answer
    assert (question_id, answer_text, correct, points) == ("city", "Tokyo", 1, 100)
    assert json.loads(answer_json) == {"kind": "choice", "selected": [0]}
    assert stored(served.db, attempts)[0][:3] == ("Zoé", "4B", "one-question")
    assert finished
    # Nothing but the server itself was asked for anything, and no policy blocked the page.
    hosts = {urlsplit(url).netloc for url in tab.requests if not url.startswith(("data:", "blob:"))}
    assert hosts == {f"127.0.0.1:{served.port}"}, tab.requests
    assert any(url.endswith("/static/js/textual.js") for url in tab.requests)
    assert any(url.startswith("ws://") for url in tab.requests)
    assert tab.console_errors == []
