"""`quiz serve`: the game in browser tabs, one `quiz play` process per tab, all writing into one
results database (for classrooms of Chromebooks without Python).

textual-serve runs the command built here for every browser that connects and relays the terminal
over a websocket; quiz.tui.web_server guards it for a classroom. The teacher's view is never
enabled for served games: every tab is a student.
"""

from __future__ import annotations

import socket
import sys
from collections.abc import Sequence
from pathlib import Path

from quiz.store.db import ResultsStore

WILDCARD_HOSTS = ("0.0.0.0", "::", "")
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


def play_command(
    db: Path, paths: Sequence[Path], language: str | None, *, include_drafts: bool = False
) -> list[str]:
    """The command each browser tab runs (no shell): this Python, this database, these sets."""
    words = [sys.executable, "-m", "quiz", "play", "--db", str(db.absolute())]
    if language:
        words += ["--lang", language]
    if include_drafts:
        words.append("--include-drafts")
    if paths:
        words += ["--", *(str(p.absolute()) for p in paths)]
    return words


def check_database(db: Path) -> Path:
    """Open (and create) the database once before serving, so that a database quiz refuses — on
    a network filesystem, in a missing folder, not a results file — stops the server at once with
    the store's one-line reason (`StoreError`), instead of failing in every student's tab."""
    with ResultsStore.open(db) as store:
        return store.path


def public_url(host: str, port: int) -> str:
    """The address students type. A wildcard host listens on every interface, but a browser
    cannot connect to 0.0.0.0: the page must name this machine's address on the network."""
    if host in WILDCARD_HOSTS:
        host = _network_address()
    if ":" in host:  # an IPv6 address needs brackets in a URL
        host = f"[{host}]"
    return f"http://{host}:{port}"


def _network_address() -> str:
    """This machine's address on the network, as its own name resolves (no packet is sent), or
    the loopback address when the name only resolves to this machine (then pass --public-url)."""
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        return "127.0.0.1"
    addresses = [str(info[4][0]) for info in infos]
    return next((a for a in addresses if not a.startswith("127.")), "127.0.0.1")


def serve(
    command: Sequence[str], host: str, port: int, url: str, max_players: int, language: str
) -> None:
    """Serve `command` until Ctrl+C (textual-serve imports aiohttp: only now)."""
    from quiz.tui.web_server import QuizServer

    server = QuizServer(
        command,
        host=host,
        port=port,
        public_url=url,
        max_players=max_players,
        language=language,
    )
    server.serve()
