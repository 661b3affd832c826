"""The client side of a live game, without a screen: `quiz join` plays through it, and so do the
tests' simulated players and the benchmark.

`LiveClient` is one player's connection: join (or rejoin with the token `welcome` gave), answer,
and read what the server sends as protocol models. `HostRemote` is the host's remote control, for
a game served without the host's screen (`python -m quiz.live`).
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import aiohttp
import platformdirs

from quiz.core.answers import Answer, encode_answer
from quiz.core.live_protocol import (
    PROTOCOL_VERSION,
    SERVER_MESSAGE,
    ControlAction,
    Error,
    HostState,
    Welcome,
)

DEFAULT_PORT = 8765
RECEIVE_LIMIT = 4 * 1024 * 1024
"""The largest message a client accepts (a reveal with long texts is a few kilobytes)."""


class LiveError(Exception):
    """The server refused something: `code` says what (see `quiz.core.live_protocol.Error`)."""

    def __init__(self, error: Error) -> None:
        super().__init__(error.message)
        self.code = error.code
        self.fatal = error.fatal


class ConnectionLost(Exception):
    """The connection closed (the server stopped, the network dropped, or we were cut off)."""


def parse_address(text: str) -> tuple[str, int]:
    """`HOST`, `HOST:PORT`, `[::1]:PORT` or the page's address `http://HOST:PORT/` → (host, port).

    `ValueError` with a message for the person typing it when it is none of these.
    """
    text = text.strip()
    if not text:
        raise ValueError("give the host's address, e.g. 192.168.1.23:8765")
    parts = urlsplit(text if "//" in text else f"//{text}")
    try:
        host, port = parts.hostname, parts.port
    except ValueError:
        raise ValueError(f"{text!r} is not HOST[:PORT] (the port is a number)") from None
    if not host:
        raise ValueError(f"{text!r} is not HOST[:PORT]")
    return host, port or DEFAULT_PORT


def _url(host: str, port: int, path: str) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"ws://{shown}:{port}{path}"


class _Socket:
    def __init__(self, host: str, port: int, session: aiohttp.ClientSession | None = None) -> None:
        self.host, self.port = host, port
        self._own_session = session is None
        self._session = session
        self._ws: aiohttp.ClientWebSocketResponse | None = None

    async def _open(self, path: str) -> None:
        if self._session is None:
            self._session = aiohttp.ClientSession()
        try:
            self._ws = await self._session.ws_connect(
                _url(self.host, self.port, path),
                max_msg_size=RECEIVE_LIMIT,
                heartbeat=30,
                timeout=aiohttp.ClientWSTimeout(ws_close=5),
            )
        except (aiohttp.ClientError, OSError) as error:
            raise ConnectionLost(f"cannot reach {self.host}:{self.port}: {error}") from error

    async def send(self, message: dict[str, Any]) -> None:
        if self._ws is None or self._ws.closed:
            raise ConnectionLost("not connected")
        try:
            await self._ws.send_json(message)
        except (ConnectionError, aiohttp.ClientError, RuntimeError) as error:
            raise ConnectionLost(str(error)) from error

    async def receive(self) -> Any:
        """The next message, as a protocol model; `ConnectionLost` when the connection ends."""
        if self._ws is None:
            raise ConnectionLost("not connected")
        frame = await self._ws.receive()
        if frame.type is not aiohttp.WSMsgType.TEXT:
            raise ConnectionLost(f"the connection closed ({frame.type.name}, {frame.extra or ''})")
        return SERVER_MESSAGE.validate_json(frame.data)

    async def close(self) -> None:
        if self._ws is not None:
            with contextlib.suppress(Exception):
                await self._ws.close()
        if self._own_session and self._session is not None:
            await self._session.close()
            self._session = None


class LiveClient(_Socket):
    """One player's connection to a live game at `host`:`port`."""

    async def connect(self) -> None:
        await self._open("/ws")

    async def join(self, code: str, name: str, class_name: str | None = None) -> Welcome:
        """Join under `name`; `LiveError` when refused (wrong code, name taken…)."""
        await self.send(
            {
                "type": "join",
                "version": PROTOCOL_VERSION,
                "code": code,
                "name": name,
                "class_name": class_name,
            }
        )
        return await self._welcome()

    async def rejoin(self, token: str) -> Welcome:
        await self.send({"type": "rejoin", "version": PROTOCOL_VERSION, "token": token})
        return await self._welcome()

    async def _welcome(self) -> Welcome:
        message = await self.receive()
        if isinstance(message, Error):
            raise LiveError(message)
        if not isinstance(message, Welcome):
            raise ConnectionLost(f"expected a welcome, got {message.type!r}")
        return message

    async def answer(self, question: int, answer: Answer) -> None:
        """Answer question `question`, in display positions (the server acknowledges it)."""
        await self.send({"type": "answer", "question": question, "answer": encode_answer(answer)})


class HostRemote(_Socket):
    """The host's controls over the network (loopback only), with the server's host token."""

    async def connect(self, token: str) -> HostState:
        await self._open("/host")
        await self.send({"type": "host", "version": PROTOCOL_VERSION, "token": token})
        return await self._state()

    async def control(self, action: ControlAction, player: str | None = None) -> HostState:
        """Press one of the host's keys; `LiveError` when it makes no sense now."""
        await self.send({"type": "control", "action": action, "player": player})
        return await self._state(action)

    async def _state(self, action: ControlAction | None = None) -> HostState:
        """The state the server sends in reply to `action` (an error, if any, comes before it);
        states pushed meanwhile on changes of phase are passed over."""
        refused: Error | None = None
        while True:
            message = await self.receive()
            if isinstance(message, Error):
                if message.fatal:
                    raise LiveError(message)
                refused = message
            elif isinstance(message, HostState) and message.reply_to == action:
                if refused is not None:
                    raise LiveError(refused)
                return message

    async def pushed_state(self) -> HostState:
        """The next state the server pushes (on a change of phase)."""
        while True:
            message = await self.receive()
            if isinstance(message, HostState) and message.reply_to is None:
                return message


class SavedTokens:
    """The resume tokens of the live games this user joined, in their data folder, so that
    `quiz join` run again (after a crash, or a closed terminal) gets back into the same game with
    the same name and score, as a browser tab keeps its own. Only the latest games are kept."""

    KEEP = 20

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or Path(platformdirs.user_data_dir("quiz", appauthor=False)) / "live.json"

    @staticmethod
    def _key(host: str, port: int, code: str) -> str:
        return f"{host}:{port}/{code.strip().upper()}"

    def _read(self) -> dict[str, str]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return (
            {k: v for k, v in data.items() if isinstance(v, str)} if isinstance(data, dict) else {}
        )

    def get(self, host: str, port: int, code: str) -> str | None:
        return self._read().get(self._key(host, port, code))

    def put(self, host: str, port: int, code: str, token: str | None) -> None:
        """Remember `token` for this game (None forgets it); a failure to write is harmless."""
        tokens = self._read()
        tokens.pop(self._key(host, port, code), None)
        if token is not None:
            tokens[self._key(host, port, code)] = token
        kept = dict(list(tokens.items())[-self.KEEP :])
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            descriptor = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(descriptor, "w", encoding="utf-8") as file:
                json.dump(kept, file)
