"""The live game's server: the browser page, the players' WebSocket, and the host's remote control.

One aiohttp application, one asyncio loop. Every player's message is checked before the game sees
it — a text frame, at most `MAX_MESSAGE_BYTES`, within the flood limit, valid against the protocol
— and anything else gets an `error` and the end of that connection, nobody else's. A client that
stops reading is cut off once its unsent messages pass `send_buffer`, so it never holds up a
broadcast to the others. The browser's socket must come from the page this server served (its
`Origin`), and every request must name this machine (its `Host`), so that another web site cannot
reach the game through a student's browser, even by DNS rebinding.

Routes: `/` the page (and `/live.js`, `/live.css`), `/ws` players, `/host` the host's remote control
(loopback only, with the host's token; off unless a token is given: `quiz host`'s own screen drives
the game directly).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import hmac
import ipaddress
import logging
import socket
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from typing import Any

from aiohttp import WSMsgType, web
from pydantic import ValidationError

from quiz.core.live_protocol import (
    HOST_MESSAGE,
    MAX_MESSAGE_BYTES,
    PLAYER_MESSAGE,
    PROTOCOL_VERSION,
    Ack,
    Control,
    HostHello,
    Join,
    Rejoin,
)
from quiz.live.game import LiveGame, Player, Refusal, refusal_message

LOOPBACK = ("127.0.0.1", "::1")
PAGE_FILES = {
    "/": ("index.html", "text/html"),
    "/live.js": ("live.js", "text/javascript"),
    "/live.css": ("live.css", "text/css"),
}
UI_LANGUAGE_MARK = "__UI_LANGUAGE__"
"""Where the page says which language its interface speaks (the host's `--lang`)."""
SECURITY_HEADERS = {
    # Everything the page needs comes from this server; nothing else may be loaded or framed.
    "Content-Security-Policy": "default-src 'self'; connect-src 'self'; img-src 'self' data:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Limits:
    """What one client may do before it is cut off."""

    message_bytes: int = MAX_MESSAGE_BYTES
    frame_bytes: int = 4 * MAX_MESSAGE_BYTES
    """aiohttp closes the connection itself (1009) on a frame above this, before reading it all."""
    burst: int = 20
    """Messages a client may send at once; then `per_second` more each second."""
    per_second: float = 5.0
    hello_timeout: float = 15.0
    """Seconds a new connection has to join (or a host to give its token)."""
    send_buffer: int = 1024 * 1024
    """Bytes waiting to go out to one client before it counts as not reading, and is cut off."""
    max_connections: int = 10_000
    heartbeat: float = 20.0
    """Seconds between pings: a closed laptop is noticed within 1.5 × this."""


class _Bucket:
    """A token bucket: `burst` at once, refilled at `rate` per second."""

    def __init__(self, burst: int, rate: float, now: float) -> None:
        self.capacity, self.rate = float(burst), rate
        self.tokens, self.updated = float(burst), now

    def take(self, now: float) -> bool:
        self.tokens = min(self.capacity, self.tokens + (now - self.updated) * self.rate)
        self.updated = now
        if self.tokens < 1:
            return False
        self.tokens -= 1
        return True


class Link:
    """One open WebSocket and, once joined, its player."""

    def __init__(self, ws: web.WebSocketResponse, request: web.Request, limits: Limits) -> None:
        self.ws = ws
        self.transport = request.transport
        self.limits = limits
        self.player: Player | None = None
        self.ready = False
        """Greeted: broadcasts reach it from now on (the greeting already said where we are)."""
        self.closed = False
        if self.transport is not None:  # pause only beyond our own limit, which cuts it off first
            self.transport.set_write_buffer_limits(high=2 * limits.send_buffer)

    async def send(self, *messages: bytes) -> None:
        """Send messages (in one write), unless the client stopped reading (then cut it off)."""
        self.write(b"".join(text_frame(message) for message in messages))

    def write(self, frames: bytes) -> None:
        """Write whole WebSocket frames to the client's connection."""
        transport = self.transport
        if self.closed or self.ws.closed or transport is None or transport.is_closing():
            self.closed = True
            return
        if transport.get_write_buffer_size() + len(frames) > self.limits.send_buffer:
            self.closed = True
            transport.abort()  # it reads nothing: an error message would never reach it
            return
        transport.write(frames)

    async def fail(self, refusal: Refusal) -> None:
        """Tell the client why, then close its connection."""
        await self.send(refusal_message(refusal))
        await self.close()

    async def close(self) -> None:
        self.closed = True
        with contextlib.suppress(ConnectionError, RuntimeError, asyncio.TimeoutError):
            await asyncio.wait_for(self.ws.close(code=1008), timeout=2)


class LiveServer:
    """Serves `game` (and is its `Hub`). `host_token` enables the remote control at `/host`.

    `names` are the host names the machine answers to besides IP addresses and `localhost` (the
    machine's own name, the public address's): a request for any other name is refused.
    """

    def __init__(
        self,
        game: LiveGame,
        *,
        language: str = "en",
        host_token: str | None = None,
        names: Iterable[str] = (),
        limits: Limits | None = None,
    ) -> None:
        self.game = game
        self.language = language
        self.host_token = host_token
        self.limits = limits or Limits()
        hostname = socket.gethostname().lower()
        self._names = {"localhost", hostname, f"{hostname}.local", *(n.lower() for n in names if n)}
        self._links: dict[int, Link] = {}
        self._sockets: set[web.WebSocketResponse] = set()
        self._pages = {path: self._page(name, kind) for path, (name, kind) in PAGE_FILES.items()}
        self._runner: web.AppRunner | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        game.hub = self
        app = web.Application()
        app.router.add_get("/", self._serve_page)
        app.router.add_get("/live.js", self._serve_page)
        app.router.add_get("/live.css", self._serve_page)
        app.router.add_get("/ws", self._player_socket)
        app.router.add_get("/host", self._host_socket)
        self.app = app

    def _page(self, name: str, kind: str) -> tuple[bytes, str]:
        text = resources.files("quiz.live").joinpath("static", name).read_text(encoding="utf-8")
        return text.replace(UI_LANGUAGE_MARK, self.language).encode(), kind

    # --- Starting and stopping ----------------------------------------------------------------------

    async def start(
        self, host: str = "127.0.0.1", port: int = 0, *, sock: socket.socket | None = None
    ) -> None:
        """Listen on `host`:`port` (0: any free port), or on an already bound `sock`."""
        self._runner = web.AppRunner(self.app, access_log=None, handle_signals=False)
        await self._runner.setup()
        site: web.BaseSite
        if sock is not None:
            site = web.SockSite(self._runner, sock)
        else:
            site = web.TCPSite(self._runner, host, port, backlog=4096)
        await site.start()

    @property
    def port(self) -> int:
        assert self._runner is not None, "start() the server first"
        return int(self._runner.addresses[0][1])

    async def stop(self) -> None:
        """Close every connection ("going away": clients try again) and stop listening."""
        for ws in list(self._sockets):
            with contextlib.suppress(Exception):
                await asyncio.wait_for(ws.close(code=1001, message=b"the host stopped"), 2)
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    # --- The page ---------------------------------------------------------------------------------

    async def _serve_page(self, request: web.Request) -> web.StreamResponse:
        refused = self._refuse(request)
        if refused is not None:
            return refused
        body, kind = self._pages[request.path]
        return web.Response(body=body, content_type=kind, charset="utf-8", headers=SECURITY_HEADERS)

    def _refuse(self, request: web.Request, *, socket_of_page: bool = False) -> web.Response | None:
        """A response refusing `request` if it names another host, or (for the page's own socket)
        comes from another site's page; None when it may go on."""
        if not self._known_host(request.host):
            return web.Response(status=421, text="this server does not answer to that name")
        origin = request.headers.get("Origin")
        if socket_of_page and origin is not None:
            expected = f"{request.scheme}://{request.host}".lower()
            if origin.lower() != expected:
                return web.Response(status=403, text="bad_origin: connect from the game's own page")
        return None

    def _known_host(self, host: str) -> bool:
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        name = name.strip("[]").lower()
        if name in self._names:
            return True
        try:
            ipaddress.ip_address(name)  # an address cannot be rebound to another site's name
        except ValueError:
            return False
        return True

    # --- Players ----------------------------------------------------------------------------------

    async def _player_socket(self, request: web.Request) -> web.StreamResponse:
        refused = self._refuse(request, socket_of_page=True)
        if refused is not None:
            return refused
        if len(self._sockets) >= self.limits.max_connections:
            return web.Response(status=503, text="the game is full")
        ws = self._socket()
        await ws.prepare(request)
        link = Link(ws, request, self.limits)
        self._sockets.add(ws)
        try:
            await self._converse(link)
        except Exception:  # a bug must cost one connection, not the game
            log.exception("a player's connection failed")
        finally:
            self._sockets.discard(ws)
            player = link.player
            if player is not None and self._links.get(player.id) is link:
                del self._links[player.id]
                self.game.set_connected(player, False)
            await link.close()
        return ws

    def _socket(self) -> web.WebSocketResponse:
        return web.WebSocketResponse(
            heartbeat=self.limits.heartbeat,
            max_msg_size=self.limits.frame_bytes,
            compress=False,  # compressing for 2,000 players costs more than the bytes it saves
        )

    async def _converse(self, link: Link) -> None:
        loop = asyncio.get_running_loop()
        bucket = _Bucket(self.limits.burst, self.limits.per_second, loop.time())
        while not link.closed:
            data = await self._next_text(link, bucket, joined=link.player is not None)
            if data is None:
                return
            try:
                message = PLAYER_MESSAGE.validate_json(data)
            except ValidationError as error:
                await link.fail(Refusal("malformed", _described(error), fatal=True))
                return
            try:
                await self._handle(link, message)
            except Refusal as refusal:
                if refusal.fatal:
                    await link.fail(refusal)
                    return
                await link.send(refusal_message(refusal))

    async def _next_text(self, link: Link, bucket: _Bucket, *, joined: bool) -> str | None:
        """The next message's text, or None once the connection is over (closed, or refused)."""
        timeout = None if joined else self.limits.hello_timeout
        try:
            frame = await link.ws.receive(timeout=timeout)
        except TimeoutError:
            seconds = round(self.limits.hello_timeout)
            await link.fail(Refusal("not_joined", f"join within {seconds} s", fatal=True))
            return None
        if frame.type in (WSMsgType.CLOSE, WSMsgType.CLOSING, WSMsgType.CLOSED, WSMsgType.ERROR):
            return None  # gone, or a frame past `frame_bytes` (aiohttp closed it with 1009)
        if frame.type is not WSMsgType.TEXT:
            await link.fail(Refusal("malformed", "send JSON text messages only", fatal=True))
            return None
        if not bucket.take(asyncio.get_running_loop().time()):
            await link.fail(Refusal("flood", "too many messages: slow down", fatal=True))
            return None
        data: str = frame.data
        limit = self.limits.message_bytes
        if len(data) > limit or (4 * len(data) > limit and len(data.encode()) > limit):
            await link.fail(Refusal("too_large", f"a message is at most {limit} bytes", fatal=True))
            return None
        return data

    async def _handle(self, link: Link, message: Any) -> None:
        if isinstance(message, Join | Rejoin):
            if link.player is not None:
                raise Refusal("already_joined", "this connection has joined already", fatal=True)
            if isinstance(message, Join):
                joined, token = await self.game.join(message)
                await self._greet(link, joined, token, rejoined=False)
            else:
                await self._greet(link, self.game.rejoin(message), message.token, rejoined=True)
            return
        player = link.player
        if player is None:
            raise Refusal("not_joined", "join the game first", fatal=True)
        if player.kicked:
            raise Refusal("kicked", "the host removed you from this game", fatal=True)
        await self.game.answer(player, message)
        link.write(_ack_frame(message.question))

    async def _greet(self, link: Link, player: Player, token: str, *, rejoined: bool) -> None:
        earlier = self._links.get(player.id)
        if earlier is not None and earlier is not link:
            await earlier.fail(Refusal("replaced", "you joined again from elsewhere", fatal=True))
        self._links[player.id] = link
        link.player = player
        self.game.set_connected(player, True)
        for data in self.game.greeting(player, token, rejoined=rejoined):
            await link.send(data)
        link.ready = True

    # --- Hub: what the game sends -------------------------------------------------------------------

    async def send(self, player: Player, *messages: bytes) -> None:
        link = self._links.get(player.id)
        if link is not None and link.ready:
            await link.send(*messages)

    async def broadcast(self, data: bytes) -> None:
        frame = text_frame(data)  # built once for everyone
        for link in list(self._links.values()):
            if link.ready:
                link.write(frame)

    async def drop(self, player: Player, data: bytes) -> None:
        link = self._links.get(player.id)
        if link is not None:
            await link.send(data)
            await link.close()

    # --- The host's remote control ------------------------------------------------------------------

    async def _host_socket(self, request: web.Request) -> web.StreamResponse:
        if self.host_token is None:
            raise web.HTTPNotFound()
        refused = self._refuse(request)
        if refused is not None:
            return refused
        if request.remote not in LOOPBACK or "Origin" in request.headers:
            return web.Response(status=403, text="forbidden: the host's controls are local only")
        ws = self._socket()
        await ws.prepare(request)
        link = Link(ws, request, self.limits)
        self._sockets.add(ws)
        try:
            await self._remote_control(link)
        finally:
            self._sockets.discard(ws)
            await link.close()
        return ws

    async def _remote_control(self, link: Link) -> None:
        assert self.host_token is not None
        loop = asyncio.get_running_loop()
        bucket = _Bucket(self.limits.burst, self.limits.per_second * 4, loop.time())
        data = await self._next_text(link, bucket, joined=False)
        if data is None:
            return
        try:
            hello = HOST_MESSAGE.validate_json(data)
        except ValidationError as error:
            await link.fail(Refusal("malformed", _described(error), fatal=True))
            return
        if (
            not isinstance(hello, HostHello)
            or hello.version != PROTOCOL_VERSION
            or not hmac.compare_digest(hello.token.encode(), self.host_token.encode())
        ):
            await link.fail(Refusal("forbidden", "the host's token is needed", fatal=True))
            return
        last_pushed: tuple[Any, ...] = ()

        def push() -> None:  # on every change of phase: the remote need not poll
            nonlocal last_pushed
            game = self.game  # called on every answer: compare first, build the state rarely
            key = (game.phase.value, game.number, game.paused)
            if key != last_pushed and not link.closed:
                last_pushed = key
                state = game.host_state()
                task = loop.create_task(link.send(state.model_dump_json().encode()))
                self._tasks.add(task)
                task.add_done_callback(self._tasks.discard)

        self.game.listeners.append(push)
        try:
            await link.send(self.game.host_state().model_dump_json().encode())
            while not link.closed:
                data = await self._next_text(link, bucket, joined=True)
                if data is None:
                    return
                try:
                    control = HOST_MESSAGE.validate_json(data)
                except ValidationError as error:
                    await link.fail(Refusal("malformed", _described(error), fatal=True))
                    return
                if not isinstance(control, Control):
                    await link.fail(
                        Refusal("malformed", "already the host: send controls", fatal=True)
                    )
                    return
                try:
                    await self.game.control(control.action, control.player)
                except Refusal as refusal:
                    await link.send(refusal_message(refusal))
                    if refusal.fatal:
                        await link.close()
                        return
                state = self.game.host_state().model_copy(update={"reply_to": control.action})
                last_pushed = (state.phase, state.question, state.paused)
                await link.send(state.model_dump_json().encode())
        finally:
            self.game.listeners.remove(push)


def text_frame(payload: bytes) -> bytes:
    """A whole WebSocket text frame as a server sends it (RFC 6455 § 5.2: final, unmasked).

    Written straight to the connection rather than through aiohttp's `send_frame`, which writes
    one frame per call: a broadcast builds its frame once for every player, and a reveal and a
    player's result go out in one write (one system call, not two, for each of thousands). No
    other state is kept per frame without compression, which these sockets never use.
    """
    length = len(payload)
    if length < 126:
        header = bytes((0x81, length))
    elif length < 1 << 16:
        header = bytes((0x81, 126)) + length.to_bytes(2, "big")
    else:
        header = bytes((0x81, 127)) + length.to_bytes(8, "big")
    return header + payload


@functools.lru_cache(maxsize=8)
def _ack_frame(question: int) -> bytes:
    """The acknowledgement of an answer to `question`, framed: the same for every player."""
    return text_frame(Ack(question=question).model_dump_json().encode())


def _described(error: ValidationError) -> str:
    """What was wrong with a message, in one short line that repeats nothing the client sent."""
    first = error.errors(include_url=False, include_input=False)[0]
    if first["type"] in ("union_tag_invalid", "union_tag_not_found"):
        return "unknown or missing message type"
    where = ".".join(str(part) for part in first["loc"]) or "message"
    return f"malformed message: {where}: {first['msg']}"[:200]
