"""`quiz host`: the teacher's Textual app, running the live game's server in its own event loop.

It opens the results store, opens (or resumes) the game and serves it on the socket the command
line already bound, then shows `HostScreen`. Quitting asks first, then closes every player's
connection and commits the last answers; a later `quiz host` on the same set resumes the game.
"""

from __future__ import annotations

import logging
import socket
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import ClassVar
from urllib.parse import urlsplit

from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from quiz.core.models import QuestionSet, ScoringRule
from quiz.live.game import Phase
from quiz.live.hosting import HostedGame, host_game
from quiz.store.db import StoreError
from quiz.tui.i18n import Strings
from quiz.tui.screens.base import QuizScreen
from quiz.tui.screens.host import HostScreen


class StartingScreen(QuizScreen):
    """What shows while the store and the server start (a moment)."""

    def compose(self) -> ComposeResult:
        yield Static(Content(self.strings("host.starting")), classes="screen-title")


class LiveHostApp(App[None]):
    """Hosts a live game of `question_set` on `sock`, results in `db_path` (None: the default).

    `url` is the page's address for students, `address` what `quiz join` takes; `local_only` says
    only this machine can connect. `clock` and `wall_clock` exist for tests.
    """

    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "request_quit", "key.quit", priority=True, id="app.quit"),
    ]

    def __init__(
        self,
        question_set: QuestionSet,
        sock: socket.socket,
        db_path: Path | None,
        *,
        language: str = "en",
        url: str,
        address: str,
        local_only: bool = True,
        rule: ScoringRule | None = None,
        seed: int | None = None,
        new: bool = False,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        super().__init__()
        self.strings = Strings(language)
        self.strings.translate_bindings(self)
        self.question_set = question_set
        self.sock = sock
        self.db_path = db_path
        self.language = language
        self.url, self.address, self.local_only = url, address, local_only
        self.rule, self.seed, self.new = rule, seed, new
        self.clock, self.wall_clock = clock, wall_clock
        self.hosted: HostedGame | None = None
        self.title = self.strings("app.title")
        # The server's own messages would write over the screen; the screen says what matters.
        for name in ("aiohttp", "quiz.live"):
            logger = logging.getLogger(name)
            logger.addHandler(logging.NullHandler())
            logger.propagate = False

    def get_default_screen(self) -> Screen:  # type: ignore[type-arg]
        return StartingScreen(self.strings)

    def on_mount(self) -> None:
        self._open()

    @work(group="host-open", exclusive=True)
    async def _open(self) -> None:
        try:
            self.hosted = await host_game(
                self.question_set,
                self.db_path,
                self.sock,
                language=self.language,
                rule=self.rule,
                seed=self.seed,
                new=self.new,
                names=[urlsplit(self.url).hostname or ""],
                clock=self.clock,
                wall_clock=self.wall_clock,
            )
        except StoreError as error:
            self.exit(return_code=1, message=f"error: {error}")
            return
        game = self.hosted.game
        path = str(self.hosted.recorder.store.path)
        screen = HostScreen(
            self.strings,
            game,
            url=self.url,
            address=self.address,
            local_only=self.local_only,
            db_path=path,
        )
        await self.push_screen(screen)
        if game.phase is not Phase.LOBBY or game.players:
            screen.say(self.strings("host.resumed", session=game.session_id))

    @property
    def game_running(self) -> bool:
        return self.hosted is not None and self.hosted.game.phase is not Phase.FINISHED

    def action_request_quit(self) -> None:
        from quiz.tui.screens.confirm_quit import ConfirmScreen

        def decided(leave: bool | None) -> None:
            if leave:
                self._quit()

        if not self.game_running:
            self._quit()
        elif not isinstance(self.screen, ConfirmScreen):
            self.push_screen(
                ConfirmScreen(self.strings, self.strings("host.confirm_quit")), decided
            )

    @work(group="host-quit", exclusive=True)
    async def _quit(self) -> None:
        if self.hosted is not None:
            await self.hosted.close()
            self.hosted = None
        self.exit()
