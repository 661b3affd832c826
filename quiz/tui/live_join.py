"""`quiz join`: the student's Textual client of a live game.

One worker holds the connection (`quiz.live.client.LiveClient`): it joins (or rejoins with the
token saved from an earlier run), then turns every message into a screen — the waiting screen,
each question with the same answer widgets as solo play, "answer sent", the reveal, the end. When
the connection drops it tries again every second and rejoins with the token: a student whose
Wi-Fi blinks keeps their name and score.
"""

from __future__ import annotations

import asyncio
from typing import Any, ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from quiz.core.answers import Answer
from quiz.core.live_protocol import (
    Ack,
    Error,
    GameOver,
    Lobby,
    Paused,
    QuestionMessage,
    Result,
    Resumed,
    Reveal,
    Skipped,
    Welcome,
)
from quiz.live.client import ConnectionLost, LiveClient, LiveError, SavedTokens
from quiz.tui.i18n import Strings
from quiz.tui.screens.live_question import LiveQuestionScreen
from quiz.tui.screens.live_status import LiveStatusScreen

RETRY_SECONDS = 1.0
GIVE_UP_CODES = ("kicked", "replaced", "game_over", "version")
"""Refusals after which trying again would not help."""


class LiveJoinApp(App[None]):
    """Plays the live game at `host`:`port`; `code` and `name` skip the join form."""

    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "key.quit", priority=True, id="app.quit"),
    ]

    def __init__(
        self,
        host: str,
        port: int,
        *,
        code: str | None = None,
        name: str | None = None,
        class_name: str | None = None,
        language: str = "en",
        tokens: SavedTokens | None = None,
    ) -> None:
        super().__init__()
        self.strings = Strings(language)
        self.strings.translate_bindings(self)
        self.host, self.port = host, port
        self.address = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        self.code, self.player_name, self.class_name = code or "", name or "", class_name
        self.tokens = tokens or SavedTokens()
        self.client: LiveClient | None = None
        self.welcome: Welcome | None = None
        self.reveal: Reveal | None = None
        self.over = False
        self.title = self.strings("app.title")

    def get_default_screen(self) -> Screen:  # type: ignore[type-arg]
        return LiveStatusScreen(self.strings)

    @property
    def status(self) -> LiveStatusScreen:
        screen = self.screen_stack[0]
        assert isinstance(screen, LiveStatusScreen)
        return screen

    def on_ready(self) -> None:  # the waiting screen is up: it can say what happens
        if self.code and self.player_name.strip():
            self._play()
        else:
            self.ask(error="")

    def ask(self, error: str) -> None:
        """The join form, with what was typed so far and why it did not work."""
        from quiz.tui.screens.join import JoinScreen

        def typed(answer: tuple[str, str, str | None] | None) -> None:
            if answer is not None:
                self.code, self.player_name, self.class_name = answer
                self._play()

        self._back_to_status()
        screen = JoinScreen(
            self.strings,
            self.address,
            code=self.code,
            name=self.player_name,
            class_name=self.class_name or "",
            error=error,
        )
        self.push_screen(screen, typed)

    # --- The connection -------------------------------------------------------------------------

    @work(group="live-connection", exclusive=True)
    async def _play(self) -> None:
        s = self.strings
        self.status.show(s("join.connecting", address=self.address))
        while not self.over:
            client = LiveClient(self.host, self.port)
            try:
                await client.connect()
                self.client = client
                await self._enter(client)
                while True:
                    self._handle(await client.receive())
            except LiveError as refused:
                if await self._refused(refused):
                    return
            except ConnectionLost as lost:
                if self.over:
                    return
                key = "join.lost" if self.welcome else "join.unreachable"
                self._back_to_status()
                self.status.show(s(key, why=str(lost)))
            finally:
                self.client = None
                await client.close()
            await asyncio.sleep(RETRY_SECONDS)

    async def _enter(self, client: LiveClient) -> None:
        """Rejoin with a saved token, or join; the welcome is handled like any message."""
        token = self.tokens.get(self.host, self.port, self.code)
        if token is not None:
            try:
                self._handle(await client.rejoin(token))
                return
            except LiveError as refused:
                if refused.code != "unknown_token":
                    raise
                self.tokens.put(self.host, self.port, self.code, None)
                await client.close()
                await client.connect()  # the server closed that connection: a new one to join
        self._handle(await client.join(self.code, self.player_name, self.class_name))

    async def _refused(self, refused: LiveError) -> bool:
        """Show why; True when the connection should not be tried again."""
        self.tokens.put(self.host, self.port, self.code, None)
        why = self._why(refused.code, str(refused))
        if refused.code in GIVE_UP_CODES:
            self.over = True
            self._back_to_status()
            self.status.show(why)
            return True
        self.welcome = None
        self.ask(error=why)
        return True

    def _why(self, code: str, message: str) -> str:
        """A refusal in the interface language; the server's words for the codes we do not know."""
        key = f"error.{code}"
        return self.strings(key) if key in self.strings else message

    def send_answer(self, number: int, answer: Answer) -> None:
        self._send(number, answer)

    @work(group="live-send")
    async def _send(self, number: int, answer: Answer) -> None:
        client = self.client
        try:
            if client is None:
                raise ConnectionLost("not connected")
            await client.answer(number, answer)
        except ConnectionLost:
            if isinstance(self.screen, LiveQuestionScreen):
                self.screen.refused(self.strings("join.lost"))

    # --- Messages -------------------------------------------------------------------------------

    def _handle(self, message: Any) -> None:
        s = self.strings
        if isinstance(message, Welcome):
            self.welcome = message
            self.code = message.game.code
            self.tokens.put(self.host, self.port, self.code, message.token)
            self.status.language = message.game.language
            self.status.whoami(s("live.whoami", name=message.player, title=message.game.title))
        elif isinstance(message, Lobby):
            self._back_to_status()
            key = "live.next" if self.reveal else "live.lobby"
            self.status.show(s(key), s.count("live.players", message.players))
        elif isinstance(message, QuestionMessage):
            self._question(message)
        elif isinstance(message, Ack):
            self._back_to_status()
            self.status.show(s("live.sent"))
        elif isinstance(message, Paused | Resumed):
            screen = self.screen
            if isinstance(screen, LiveQuestionScreen):
                if isinstance(message, Paused):
                    screen.pause(message.remaining)
                else:
                    screen.resume(message.remaining)
        elif isinstance(message, Skipped):
            self._back_to_status()
            self.status.show(s("live.skipped", number=message.question), s("live.next"))
        elif isinstance(message, Reveal):
            self.reveal = message
        elif isinstance(message, Result):
            self._back_to_status()
            reveal = (
                self.reveal if self.reveal and self.reveal.question == message.question else None
            )
            self.status.show_result(reveal, message)
        elif isinstance(message, GameOver):
            self.over = True
            self.tokens.put(self.host, self.port, self.code, None)
            self._back_to_status()
            self.status.show_over(message)
        elif isinstance(message, Error):
            self._error(message)

    def _question(self, message: QuestionMessage) -> None:
        self._back_to_status()
        if message.answered:
            self.status.show(self.strings("live.sent"))
            return
        whoami = self.welcome.player if self.welcome else ""
        self.push_screen(
            LiveQuestionScreen(
                self.strings,
                message.question,
                remaining=message.remaining,
                paused=message.paused,
                whoami=whoami,
            )
        )

    def _error(self, error: Error) -> None:
        if error.fatal:
            raise LiveError(error)  # ends the connection's loop, which decides what next
        why = self._why(error.code, error.message)
        screen = self.screen
        if isinstance(screen, LiveQuestionScreen):
            screen.refused(why)
        else:
            self.status.show(why)

    def _back_to_status(self) -> None:
        while len(self.screen_stack) > 1:
            self.pop_screen()
