"""Who gets a game from `quiz serve`: only the quiz's own pages (the WebSocket's Origin), and at
most `--max-players` tabs at once, the others told clearly that the quiz is full. Real servers,
real WebSocket clients, the real `quiz play` processes counted in /proc."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable

import aiohttp
import pytest

from quiz.tui.web_server import allowed_origins, parse_origin

from .served import Served, Tab, open_tab, wait_for

UPGRADE = {
    "Connection": "Upgrade",
    "Upgrade": "websocket",
    "Sec-WebSocket-Version": "13",
    "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
}


async def handshake(
    session: aiohttp.ClientSession, served: Served, **headers: str
) -> tuple[int, str]:
    """A WebSocket handshake with these headers: the status and the text of the answer."""
    async with session.get(served.websocket_url(), headers={**UPGRADE, **headers}) as response:
        text = await response.text() if response.status != 101 else ""
        return response.status, text


@pytest.mark.parametrize(
    "headers",
    [
        pytest.param({"Origin": "http://evil.example"}, id="another site"),
        pytest.param(
            {"Origin": "http://evil.example:{port}", "Host": "evil.example:{port}"},
            id="rebound name",
        ),
        pytest.param({"Origin": "http://127.0.0.1:1"}, id="another port"),
        pytest.param({"Origin": "https://127.0.0.1:{port}"}, id="another scheme"),
        pytest.param({"Origin": "null"}, id="sandboxed page"),
        pytest.param({}, id="no origin"),
    ],
)
async def test_a_page_of_another_site_gets_no_game_and_starts_nothing(
    serve_quiz: Callable[..., Served], headers: dict[str, str]
) -> None:
    served = serve_quiz()
    sent = {name: value.format(port=served.port) for name, value in headers.items()}
    async with aiohttp.ClientSession() as session:
        status, text = await handshake(session, served, **sent)
        assert status == 403
        assert "only from the quiz's own page" in text
        assert served.games() == []
        # The server still plays for its own pages.
        tab = await open_tab(session, served)
        await tab.wait_for_text("Choose a set of questions")
        assert len(served.games()) == 1
        await tab.close()


async def test_the_quiz_s_own_page_plays_a_whole_game(serve_quiz: Callable[..., Served]) -> None:
    served = serve_quiz()
    async with aiohttp.ClientSession() as session:
        # A browser on this machine may name it either way.
        tab = await open_tab(session, served, origin=f"http://localhost:{served.port}")
        await play_one_question(tab, "Zoé", "4B")
        await tab.close()
    wait_for(lambda: not served.games(), "the game's process to save and end")
    with sqlite3.connect(served.db) as connection:
        rows = connection.execute(
            "SELECT p.name, p.class_name, a.finished_at IS NOT NULL, q.answer_text, q.correct "
            "FROM attempts a JOIN players p ON p.id = a.player_id "
            "JOIN answers q ON q.attempt_id = a.id"
        ).fetchall()
    assert rows == [("Zoé", "4B", 1, "Tokyo", 1)]


async def play_one_question(tab: Tab, name: str, class_name: str) -> None:
    """The one-question set, from the home screen to the results, each key once its screen shows."""
    await tab.wait_for_text("Choose a set of questions")
    await tab.press("\r")
    await tab.wait_for_field("Your name")
    mark = await tab.press(name)
    await tab.wait_for_text(name, since=mark)
    await tab.press("\r")
    await tab.wait_for_field("Class (optional)")
    mark = await tab.press(class_name)
    await tab.wait_for_text(class_name, since=mark)
    mark = await tab.press("\r")
    await tab.wait_for_text("In which city did the ministers meet?", since=mark)
    mark = await tab.press("a")
    await tab.wait_for_text("✓ Right!", since=mark)
    await tab.wait_for_text("See the results", since=mark)
    mark = await tab.press("\r")
    await tab.wait_for_text("100 / 100 points", since=mark)


async def test_thirty_tabs_get_ten_games_and_twenty_clear_refusals(
    serve_quiz: Callable[..., Served],
) -> None:
    served = serve_quiz("--max-players", "10")
    async with aiohttp.ClientSession() as session:
        attempts = await asyncio.gather(
            *(open_tab(session, served) for _ in range(30)), return_exceptions=True
        )
        tabs = [tab for tab in attempts if isinstance(tab, Tab)]
        refusals = [
            error for error in attempts if isinstance(error, aiohttp.WSServerHandshakeError)
        ]
        assert len(tabs) == 10, [error for error in attempts if not isinstance(error, Tab)][:1]
        assert len(refusals) == 20
        assert {error.status for error in refusals} == {503}
        # Each game runs in its own process and draws its first screen.
        await asyncio.gather(*(tab.wait_for_text("Choose a set of questions") for tab in tabs))
        assert len(served.games()) == 10
        # A refused tab reads why, and a newly opened page says so before trying.
        status, text = await handshake(session, served, Origin=served.origin)
        assert (status, text) == (
            503,
            "Full: all 10 places are taken; try again when a player has finished.",
        )
        async with session.get(served.url) as page:
            assert page.status == 503
            assert "All 10 places of the quiz are taken" in await page.text()
            assert "data-session-websocket-url" not in await page.text()  # no game to start
        await asyncio.gather(*(tab.close() for tab in tabs))
        # Every game's process ends, and its place is given back.
        wait_for(lambda: not served.games(), "every game's process to end")
        async with session.get(served.url) as page:
            assert page.status == 200
        tab = await open_tab(session, served)
        await tab.wait_for_text("Choose a set of questions")
        await tab.close()
    wait_for(lambda: not served.games(), "the last game's process to end")


def test_the_allowed_origins_are_the_public_address_and_this_machine_s_names() -> None:
    local = allowed_origins("http://127.0.0.1:8000", "127.0.0.1", 8000)
    assert parse_origin("http://LOCALHOST:8000") in local
    assert parse_origin("http://[::1]:8000") in local
    assert parse_origin("http://localhost:8001") not in local
    everywhere = allowed_origins("http://192.168.1.23:8000", "0.0.0.0", 8000)
    assert parse_origin("http://192.168.1.23:8000") in everywhere
    assert parse_origin("http://127.0.0.1:8000") in everywhere
    behind_a_proxy = allowed_origins("https://quiz.school.example", "10.0.0.5", 8000)
    assert parse_origin("https://quiz.school.example") in behind_a_proxy
    assert parse_origin("https://quiz.school.example:443") in behind_a_proxy
    assert parse_origin("http://quiz.school.example") not in behind_a_proxy
    assert parse_origin("http://127.0.0.1:8000") not in behind_a_proxy
    for junk in ("null", "", "file://", "http://", "http://x:99999", "javascript:alert(1)"):
        assert parse_origin(junk) is None
