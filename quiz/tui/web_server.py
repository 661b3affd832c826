"""The web server of `quiz serve`: textual-serve's server with the guards a classroom needs.

- A game starts only for a page this server served: the WebSocket's Origin must be the quiz's
  own address, else any web site open on the teacher's machine could start games (403).
- At most `max_players` games run at once; past that the page says the quiz is full (503).
- A tab cannot ask for a terminal larger than MAX_COLUMNS × MAX_ROWS, when it connects or later.
- The page is ours and loads nothing from another host: textual-serve's own script and
  stylesheet served from here, a local font stack, and a Content-Security-Policy that lets the
  browser contact no other site, nor show the page inside another site's frame.
- Each tab's `quiz play` is started without a shell, ends with the server (quiz.tui.web_driver)
  and is waited for before its place is given to someone else.

Written against textual-serve 1.1.3, pinned in pyproject.toml: `handle_websocket` and
`AppService._open_app_process` are rewritten here (each says what differs); re-read them when
upgrading it.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import shlex
from asyncio.subprocess import PIPE, Process
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import aiohttp_jinja2
from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server

from quiz.core.text import clean_text
from quiz.tui.i18n import Strings
from quiz.tui.serve import LOOPBACK_HOSTS, WILDCARD_HOSTS
from quiz.tui.web_driver import SERVER_PID_VARIABLE

log = logging.getLogger("textual-serve")

MAX_COLUMNS, MAX_ROWS = 300, 100
"""The largest terminal a tab gets: a wider window is still served, with this many cells."""
MIN_COLUMNS, MIN_ROWS = 10, 5
DEFAULT_SIZE = (80, 24)
FONT_SIZES = range(8, 33)
DEFAULT_FONT_SIZE = 16

STOP_GRACE_SECONDS = 10.0
"""How long a tab's process may take to save and quit once its tab is closed before it is killed."""
RETRY_AFTER_SECONDS = 15

PAGE_FOLDER = Path(__file__).with_name("web_page")
TAB_DRIVER = "quiz.tui.web_driver:TabDriver"
DEFAULT_PORTS = {"http": 80, "https": 443}

Origin = tuple[str, str, int]
"""A web origin as compared: scheme, lower-case host name (IPv6 without brackets), port."""


def parse_origin(url: str) -> Origin | None:
    """The origin of an http(s) URL or `Origin` header; None for anything else ("null" too)."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        return None
    return parts.scheme, parts.hostname.lower(), port or DEFAULT_PORTS[parts.scheme]


def allowed_origins(public_url: str, host: str, port: int) -> frozenset[Origin]:
    """The pages that may start a game: the public address, and the listening address by
    which a browser on the machine itself reaches it (every loopback name when listening there
    or everywhere). Not the request's Host header: a site that points its own name at this
    machine (DNS rebinding) would then pass."""
    origins = {origin for origin in [parse_origin(public_url)] if origin}
    if host in WILDCARD_HOSTS or host in LOOPBACK_HOSTS:
        origins |= {("http", name, port) for name in ("127.0.0.1", "localhost", "::1")}
    else:
        origins.add(("http", host.strip("[]").lower(), port))
    return frozenset(origins)


def _whole_number(value: object) -> int | None:
    """A size as a browser sends it: a JSON integer, or up to 6 ASCII digits in a query."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and re.fullmatch(r"[0-9]{1,6}", value):
        return int(value)
    return None


def terminal_size(width: object, height: object) -> tuple[int, int] | None:
    """The size a tab asked for, within MIN_… and MAX_…; None when it is not two whole numbers."""
    columns, rows = _whole_number(width), _whole_number(height)
    if columns is None or rows is None:
        return None
    return (
        min(max(columns, MIN_COLUMNS), MAX_COLUMNS),
        min(max(rows, MIN_ROWS), MAX_ROWS),
    )


def page_headers(websocket_url: str) -> dict[str, str]:
    """Headers of the page: the browser may contact this server only, and no site may frame it
    (a framed page would carry our own Origin)."""
    connect = "'self'"
    if "[" not in websocket_url:  # CSP cannot name an IPv6 address; 'self' then covers it
        connect += " " + websocket_url.rsplit("/", 1)[0]
    policy = [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",  # textual.js adds its own <style> elements
        "img-src 'self' data:",
        "font-src 'self'",
        f"connect-src {connect}",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    ]
    return {
        "Content-Security-Policy": "; ".join(policy),
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "no-referrer",
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "no-store",  # "try again" must ask the server again
    }


class TabProcess(AppService):
    """One tab's `quiz play`: run without a shell, its size bounded, and always ended."""

    def __init__(self, argv: Sequence[str], **kwargs: Any) -> None:
        super().__init__(shlex.join(argv), **kwargs)
        self.argv = tuple(argv)

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        environment = super()._build_environment(width=width, height=height)
        environment["TEXTUAL_DRIVER"] = TAB_DRIVER
        environment[SERVER_PID_VARIABLE] = str(os.getpid())
        return environment

    async def _open_app_process(self, width: int = 80, height: int = 24) -> Process:
        # textual-serve 1.1.3 starts `sh -c COMMAND`. Started directly, `quiz play` is this
        # server's own child, which its death signal needs (quiz.tui.web_driver).
        environment = self._build_environment(width=width, height=height)
        self._process = process = await asyncio.create_subprocess_exec(
            *self.argv, stdin=PIPE, stdout=PIPE, stderr=PIPE, env=environment
        )
        assert process.stdin is not None
        self._stdin = process.stdin
        return process

    async def set_terminal_size(self, width: int, height: int) -> None:
        """Resize within bounds; a resize that is not two whole numbers is ignored."""
        size = terminal_size(width, height)
        if size is not None:
            await super().set_terminal_size(*size)

    async def stop(self) -> None:
        """Ask the app to quit; kill it if it has not ended within STOP_GRACE_SECONDS."""
        process = self._process
        try:
            await asyncio.wait_for(super().stop(), STOP_GRACE_SECONDS)
            if process is not None:
                await asyncio.wait_for(process.wait(), STOP_GRACE_SECONDS)
        except TimeoutError:
            log.warning("a tab's quiz did not quit within %s s: killed", STOP_GRACE_SECONDS)
        finally:
            if process is not None and process.returncode is None:
                process.kill()
                await process.wait()


class QuizServer(Server):
    """textual-serve's server, guarded: see the module's docstring."""

    def __init__(
        self,
        argv: Sequence[str],
        *,
        host: str,
        port: int,
        public_url: str,
        max_players: int,
        language: str,
    ) -> None:
        super().__init__(
            shlex.join(argv),
            host=host,
            port=port,
            title="quiz",
            public_url=public_url.rstrip("/"),
            templates_path=PAGE_FOLDER,
        )
        self.argv = tuple(argv)
        self.max_players = max_players
        self.players = 0
        """Games running now, each a `quiz play` process not yet ended."""
        self.origins = allowed_origins(self.public_url, host, port)
        self.strings = Strings(language)
        scheme, address = self.public_url.split(":", 1)
        self.websocket_url = ("wss:" if scheme == "https" else "ws:") + address + "/ws"

    async def on_startup(self, app: web.Application) -> None:
        """Say nothing: `quiz serve` has printed the address already (textual-serve would print
        its logo and the whole command)."""

    @property
    def full(self) -> bool:
        return self.players >= self.max_players

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        """The page of one tab, or the page saying the quiz is full."""
        font_size = _whole_number(request.query.get("fontsize"))
        text = self.strings
        context = {
            "language": text.language,
            "full": self.full,
            "websocket_url": self.websocket_url,
            "font_size": font_size if font_size in FONT_SIZES else DEFAULT_FONT_SIZE,
            "starting": text("serve.page.starting"),
            "hint": text("serve.page.hint"),
            "ended": text("serve.page.ended"),
            "play_again": text("serve.page.play_again"),
            "refused": text("serve.page.refused", url=self.public_url),
            "full_text": text.count("serve.page.full", self.max_players),
            "try_again": text("serve.page.try_again"),
        }
        status = 503 if self.full else 200
        response = aiohttp_jinja2.render_template("index.html", request, context, status=status)
        response.headers.update(page_headers(self.websocket_url))
        if self.full:
            response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response

    def check_admission(self, request: web.Request) -> None:
        """Raise the HTTP error that refuses this WebSocket a game, if it gets none."""
        origin = request.headers.get("Origin", "")
        if parse_origin(origin) not in self.origins:
            log.warning("refused a game to a page of another site: Origin %r", clean_text(origin))
            raise web.HTTPForbidden(text=self.strings("serve.refused.origin", url=self.public_url))
        if self.full:
            log.warning("refused a game: all %d places are taken", self.max_players)
            raise web.HTTPServiceUnavailable(
                text=self.strings.count("serve.refused.full", self.max_players),
                headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
            )

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """One tab's game. As textual-serve 1.1.3's, but refused (before anything starts) to
        other sites' pages and past `max_players`; the size is bounded; the process is a
        `TabProcess`; its place is given back once the process has ended."""
        self.check_admission(request)
        size = terminal_size(request.query.get("width"), request.query.get("height"))
        self.players += 1  # before any await: two tabs cannot both take the last place
        websocket = web.WebSocketResponse(heartbeat=15)
        tab: TabProcess | None = None
        try:
            await websocket.prepare(request)
            tab = TabProcess(
                self.argv,
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=websocket.close,
                download_manager=self.download_manager,
                debug=self.debug,
            )
            await tab.start(*(size or DEFAULT_SIZE))
            await self._process_messages(websocket, tab)
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:
            log.exception(error)
        finally:
            try:
                if tab is not None:
                    await tab.stop()
            finally:
                self.players -= 1
        return websocket
