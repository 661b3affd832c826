"""A tab cannot make its game draw a huge terminal: the size it asks for when it connects, and
every resize after, is bounded to 300 columns by 100 rows (3000 × 3000 once streamed 38 MB a
minute to one tab)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import aiohttp
import pytest

from quiz.tui.web_server import MAX_COLUMNS, MAX_ROWS, terminal_size

from .served import CURSOR_MOVE, Served, open_tab, screen_text, wait_for


def drawn_extent(output: bytes) -> tuple[int, int]:
    """The last row and the last column that `output` draws on."""
    rows, columns = 0, 0
    pieces = CURSOR_MOVE.split(output)  # text, row, column, text, row, column, text…
    for at in range(1, len(pieces) - 2, 3):
        row, column, text = int(pieces[at]), int(pieces[at + 1]), pieces[at + 2]
        width = len(screen_text(text).replace("\n", ""))
        rows = max(rows, row)
        columns = max(columns, column - 1 + width)
    return rows, columns


def environment(pid: int) -> dict[str, str]:
    pairs = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    return dict(pair.decode(errors="replace").partition("=")[::2] for pair in pairs if pair)


@pytest.mark.parametrize(
    ("width", "height", "size"),
    [
        ("3000", "3000", (300, 100)),
        ("120", "40", (120, 40)),
        ("0", "0", (10, 5)),
        (-5, 30, (10, 30)),
        ("9" * 5000, "24", None),  # no "Exceeds the limit (4300 digits)"
        ("80.5", "24", None),
        ("٣٠٠", "24", None),  # Arabic-Indic digits: int() reads them, a browser never sends them
        (True, 24, None),
        (80.0, 24, None),
        (None, 24, None),
        ([80], 24, None),
    ],
)
def test_a_size_is_bounded_or_refused(width: object, height: object, size: object) -> None:
    assert terminal_size(width, height) == size


async def test_a_tab_asking_for_3000_by_3000_gets_300_by_100(
    serve_quiz: Callable[..., Served],
) -> None:
    served = serve_quiz()
    async with aiohttp.ClientSession() as session:
        tab = await open_tab(session, served, query="width=3000&height=3000")
        (game,) = wait_for(served.games, "the game's process")
        size = environment(game.pid)
        assert (size["COLUMNS"], size["ROWS"]) == (str(MAX_COLUMNS), str(MAX_ROWS))
        await tab.wait_for_text("f1 Help")  # the last row of the home screen
        assert drawn_extent(bytes(tab.output)) == (MAX_ROWS, MAX_COLUMNS)
        await tab.close()


async def test_a_resize_is_bounded_and_a_senseless_one_ignored(
    serve_quiz: Callable[..., Served],
) -> None:
    served = serve_quiz()
    async with aiohttp.ClientSession() as session:
        tab = await open_tab(session, served, query="width=80&height=24")
        await tab.wait_for_text("f1 Help")
        assert drawn_extent(bytes(tab.output)) == (24, 80)
        for width, height in [("wide", 30), (True, 30), (None, None), (1e9, 1e9)]:
            await tab.resize(width, height)
        mark = await tab.resize(1000, 400)
        # Each frame comes whole, in one message: once a row past 24 is drawn, the frame is there.
        await tab.wait_until(
            lambda: drawn_extent(bytes(tab.output[mark:]))[0] > 24, "a frame at the new size"
        )
        assert drawn_extent(bytes(tab.output[mark:])) == (MAX_ROWS, MAX_COLUMNS)
        await tab.close()
