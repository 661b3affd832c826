"""A categorize question played in the browser page: one group of radio buttons per statement,
named by the statement, sorted by keys and by click; Send refuses while a statement is unsorted;
the server grades what the page sent (display positions mapped back to the file's order)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .conftest import FakeClock, eventually, load, serve

pytestmark = pytest.mark.browser

CATEGORIZE_SET = "live/categorize.yaml"


async def test_a_sorting_question_played_in_the_browser(
    tmp_path: Path, clock: FakeClock, browser_page: Any
) -> None:
    if browser_page is None:
        pytest.skip("needs Debian's chromium with playwright (apt-get install chromium)")
    page = browser_page
    served = await serve(tmp_path / "class.sqlite3", clock, load(CATEGORIZE_SET))
    try:
        await page.goto(f"http://127.0.0.1:{served.port}/?code={served.code}")
        await page.get_by_label("Your name").fill("Web")
        await page.get_by_label("Your name").press("Enter")
        await page.get_by_text("You're in!").wait_for()
        remote = await served.remote()
        await remote.control("start")
        # The seed shows the file's statements 3, 0, 1, 2 (the referee's test says which).
        shown = [
            "It cost 12 million euros.",
            "The bridge opened on 4 May.",
            "It is the most beautiful bridge in the region.",
            "Traffic might double within ten years.",
        ]
        for position, text in enumerate(shown, start=1):
            await page.get_by_role("group", name=f"{position}. {text}").wait_for()
        # Three sorted, one left: Send says what is missing and sends nothing.
        await (
            page.get_by_role("group", name=f"1. {shown[0]}").get_by_label("Checkable fact").check()
        )
        second = page.get_by_role("group", name=f"2. {shown[1]}")
        await second.get_by_label("Opinion").focus()
        await page.keyboard.press(
            "1"
        )  # a category's number sorts the statement, as in the terminal
        await page.get_by_role("group", name=f"3. {shown[2]}").get_by_label("Opinion").check()
        await page.get_by_role("button", name="Send answer").click()
        await page.get_by_text("1 statement still to sort.").wait_for()
        assert served.rows("SELECT COUNT(*) FROM answers") == [(0,)]
        # The guess taken for a fact: 3 of 4 right.
        await (
            page.get_by_role("group", name=f"4. {shown[3]}").get_by_label("Checkable fact").check()
        )
        await page.get_by_role("button", name="Send answer").click()
        rows = await eventually(
            lambda: served.rows("SELECT answer_json, fraction, correct FROM answers"), "the answer"
        )
        answer_json, fraction, correct = rows[0]
        assert '"placements": [0, 1, 0, 0]' in answer_json  # file order: date, beauty, guess, cost
        assert (fraction, correct) == (0.75, 0)
    finally:
        await served.close()
