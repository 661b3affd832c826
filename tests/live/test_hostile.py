"""Hostile clients: each gets an error and is disconnected; the players around them notice
nothing (they keep answering, and the game keeps its state)."""

from __future__ import annotations

import asyncio
import json
import socket
from typing import Any

import aiohttp
import pytest

from quiz.core.answers import ChoiceAnswer
from quiz.core.live_protocol import MAX_MESSAGE_BYTES, PROTOCOL_VERSION
from quiz.live.server import Limits

from .conftest import FakeClock, Served, eventually, serve, until


async def raw_socket(served: Served, session: aiohttp.ClientSession, **options: Any) -> Any:
    return await session.ws_connect(f"ws://127.0.0.1:{served.port}/ws", **options)


async def refused_with(ws: Any) -> tuple[str | None, aiohttp.WSMsgType]:
    """The code of the fatal error the server sent (if any) and how the connection then ended."""
    code = None
    while True:
        frame = await asyncio.wait_for(ws.receive(), 10)
        if frame.type is aiohttp.WSMsgType.TEXT:
            message = json.loads(frame.data)
            if message["type"] == "error" and message["fatal"]:
                code = message["code"]
            continue
        return code, frame.type


def join(name: str, code: str) -> dict[str, Any]:
    return {"type": "join", "version": PROTOCOL_VERSION, "code": code, "name": name}


HOSTILE = {
    "oversized": (lambda code: "x" * (MAX_MESSAGE_BYTES + 1), "too_large"),
    "not json": (lambda code: "{'type': 'join'", "malformed"),
    "unknown type": (lambda code: json.dumps({"type": "admin", "version": 1}), "malformed"),
    "no type": (lambda code: json.dumps([1, 2, 3]), "malformed"),
    "a string for a number": (
        lambda code: json.dumps({**join("Eve", code), "version": "1"}),
        "malformed",
    ),
    "an unknown field": (
        lambda code: json.dumps({**join("Eve", code), "admin": True}),
        "malformed",
    ),
    "a huge name": (lambda code: json.dumps(join("E" * 5000, code)), "malformed"),
    "another version": (lambda code: json.dumps({**join("Eve", code), "version": 99}), "version"),
    "an answer before joining": (
        lambda code: json.dumps(
            {"type": "answer", "question": 1, "answer": {"kind": "choice", "selected": [0]}}
        ),
        "not_joined",
    ),
    "infinity": (
        lambda code: (
            '{"type": "answer", "question": 1, "answer": {"kind": "number", "value": Infinity}}'
        ),
        "malformed",
    ),
}


async def test_hostile_messages_end_their_connection_and_nobody_else_notices(
    served: Served, clock: FakeClock
) -> None:
    good = await served.player("Good")
    remote = await served.remote()
    await remote.control("start")
    await until(good, "question")
    async with aiohttp.ClientSession() as session:
        for name, (payload, expected) in HOSTILE.items():
            ws = await raw_socket(served, session)
            await ws.send_str(payload(served.code))
            assert await refused_with(ws) == (expected, aiohttp.WSMsgType.CLOSE), name

        ws = await raw_socket(served, session)  # binary frames are not the protocol
        await ws.send_bytes(b"\x00\x01")
        assert await refused_with(ws) == ("malformed", aiohttp.WSMsgType.CLOSE)

        ws = await raw_socket(served, session)  # a frame too big to read at all
        await ws.send_str("x" * (4 * MAX_MESSAGE_BYTES + 10))
        assert (await refused_with(ws))[1] is aiohttp.WSMsgType.CLOSE
        assert ws.close_code == 1009

        ws = await raw_socket(served, session)  # a flood, from a player in the game
        await ws.send_json(join("Flooder", served.code))
        for _ in range(40):
            await ws.send_json(
                {"type": "answer", "question": 5, "answer": {"kind": "text", "text": "x"}}
            )
        assert await refused_with(ws) == ("flood", aiohttp.WSMsgType.CLOSE)

    # The good player never noticed: still in, still answering, the question still open. The
    # only one connected now, Good's answer closes it.
    await good.answer(1, ChoiceAnswer(frozenset({0})))
    assert (await until(good, "ack")).question == 1
    reveal = await until(good, "reveal")
    assert (reveal.players, reveal.answered) == (2, 1)  # Good, and the flooder who had joined


async def test_a_client_that_never_joins_is_let_go(tmp_path: Any, clock: FakeClock) -> None:
    served = await serve(tmp_path / "db.sqlite3", clock, limits=Limits(hello_timeout=0.3))
    try:
        async with aiohttp.ClientSession() as session:
            ws = await raw_socket(served, session)
            assert await refused_with(ws) == ("not_joined", aiohttp.WSMsgType.CLOSE)
    finally:
        await served.close()


async def test_a_client_that_stops_reading_is_cut_off_and_the_others_still_get_everything(
    tmp_path: Any, clock: FakeClock
) -> None:
    served = await serve(tmp_path / "db.sqlite3", clock, limits=Limits(send_buffer=64 * 1024))
    try:
        good = await served.player("Good")
        sleeper = socket.socket()
        sleeper.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # a small window, never read
        sleeper.connect(("127.0.0.1", served.port))
        handshake = (
            "GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
        )
        sleeper.sendall(handshake.encode())
        payload = json.dumps(join("Sleeper", served.code)).encode()
        mask = b"\x00\x00\x00\x00"  # clients mask their frames; a zero mask keeps the bytes
        sleeper.sendall(bytes([0x81, 0x80 | len(payload)]) + mask + payload)
        game = served.hosted.game
        await asyncio.sleep(0.3)
        assert len(game.players) == 2
        chunk = json.dumps({"type": "error", "code": "late", "message": "x" * 4000, "fatal": False})
        chunk = chunk.encode()
        received = asyncio.create_task(read_all(good, 1000))
        for number in range(1000):  # 4 MB to everyone: far more than the sleeper's buffers hold
            await game.hub.broadcast(chunk)
            if number % 10 == 0:
                await asyncio.sleep(0.002)  # as messages come in a game: the others keep up
        sleeper_player = next(p for p in game.players.values() if p.name == "Sleeper")
        await eventually(lambda: not sleeper_player.connected, "the sleeper to be cut off")
        assert await asyncio.wait_for(received, 30) == ["error"] * 1000
        sleeper.close()
    finally:
        await served.close()


async def read_all(client: Any, count: int) -> list[str]:
    return [(await client.receive()).type for _ in range(count)]


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({"Origin": "http://evil.example"}, 403),
        ({"Host": "evil.example:80"}, 421),  # a rebound name: refused even from this machine
    ],
)
async def test_a_socket_from_another_site_is_refused(
    served: Served, headers: dict[str, str], status: int
) -> None:
    async with aiohttp.ClientSession() as session:
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await raw_socket(served, session, headers=headers)
        assert refused.value.status == status
        async with session.get(f"http://127.0.0.1:{served.port}/", headers=headers) as page:
            assert page.status == (421 if "Host" in headers else 200)


async def test_the_page_s_own_origin_is_let_in(served: Served) -> None:
    async with aiohttp.ClientSession() as session:
        origin = f"http://127.0.0.1:{served.port}"
        ws = await raw_socket(served, session, headers={"Origin": origin})
        await ws.send_json(join("Browser", served.code))
        assert json.loads((await ws.receive()).data)["type"] == "welcome"
        await ws.close()
        async with session.get(f"http://127.0.0.1:{served.port}/") as page:
            html = await page.text()
            assert page.headers["Content-Security-Policy"].startswith("default-src 'self'")
            assert 'data-ui="en"' in html
            assert "http" not in html.replace("http-equiv", "")  # nothing from elsewhere
        async with session.get(f"http://127.0.0.1:{served.port}/host") as remote:
            assert remote.status in (400, 403)  # a socket only, and the host's token first
