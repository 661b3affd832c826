"""The host's projector screen (`quiz host`): where to join and the code, the players arriving, then
each question with its countdown and how many have answered, and after the reveal the answers'
distribution (the right one marked), the explanation, the evidence and the leaderboard.

The screen only reads the game (`LiveGame`) and sends it the host's keys; the game tells it of
every change, and it redraws at most four times a second, so two thousand answers arriving do not
mean two thousand redraws. Every name and question text is shown literally.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from quiz.core.live_protocol import ControlAction
from quiz.core.question_view import QuestionView, question_view
from quiz.live.game import LiveGame, Phase, Refusal
from quiz.tui.display import literal, quoted
from quiz.tui.i18n import Strings
from quiz.tui.screens.base import QuizScreen
from quiz.tui.screens.question import question_details
from quiz.tui.widgets.answer_list import LETTERS
from quiz.tui.widgets.distribution import Distribution
from quiz.tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from quiz.tui.live_host import LiveHostApp

LOBBY_NAMES = 300
"""Names listed in the lobby; a bigger class is counted, not listed."""
LEADERBOARD = 10


class HostScreen(QuizScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "advance", "key.start", id="host.advance"),
        Binding("r", "reveal", "key.reveal", id="host.reveal"),
        Binding("p", "pause", "key.pause", id="host.pause"),
        Binding("s", "skip", "key.skip", id="host.skip"),
        Binding("k", "kick", "key.kick", id="host.kick"),
        Binding("e", "end", "key.end", id="host.end"),
    ]

    def __init__(
        self,
        strings: Strings,
        game: LiveGame,
        *,
        url: str,
        address: str,
        local_only: bool,
        db_path: str,
    ) -> None:
        super().__init__(strings)
        self.game = game
        self.url = url
        self.address = address
        self.local_only = local_only
        self.db_path = db_path
        self.notice = ""
        self._dirty = True

    def compose(self) -> ComposeResult:
        with Horizontal(classes="bar"):
            yield Static(Content(""), id="host-title")
            yield Static(Content(""), id="host-code")
        yield Static(Content(""), id="host-join", classes="details")
        with VerticalScroll(id="host-body"):
            yield Static(Content(""), id="host-where", classes="details")
            yield Static(Content(""), id="host-prompt")
            yield Static(Content(""), id="host-shown")
            yield Static(Content(""), id="host-progress")
            yield Distribution(self.strings, id="host-bars")
            yield Static(Content(""), id="host-teaching")
            yield Static(Content(""), id="host-board")
        yield Static(Content(""), id="host-hint", classes="hint")
        yield Static(Content(""), id="host-status", classes="status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.game.listeners.append(self._changed)
        self.set_interval(0.25, self._redraw_if_needed)
        self._redraw()

    def on_unmount(self) -> None:
        if self._changed in self.game.listeners:
            self.game.listeners.remove(self._changed)

    def _changed(self) -> None:
        self._dirty = True

    def _redraw_if_needed(self) -> None:
        if self._dirty or self.game.phase is Phase.ASKING:  # the countdown moves
            self._redraw()

    def say(self, text: str) -> None:
        self.notice = text
        self._dirty = True

    # --- Drawing --------------------------------------------------------------------------------

    def _set(self, widget_id: str, content: Content) -> None:
        widget = self.query_one(f"#{widget_id}", Static)
        widget.update(content)
        widget.display = bool(content.plain)

    def _redraw(self) -> None:
        self._dirty = False
        s, game = self.strings, self.game
        title = s("host.title", title=game.question_set.title, session=game.session_id)
        self._set("host-title", literal(title))
        self._set("host-code", Content(s("host.code", code=game.code)).stylize("bold reverse"))
        join = [
            s("host.join_browser", url=f"{self.url}/?code={game.code}"),
            s("host.join_terminal", address=self.address, code=game.code),
        ]
        join.append(s("host.local_only") if self.local_only else s("host.network"))
        self._set("host-join", literal("\n".join(join)))
        for widget_id in (
            "host-where",
            "host-prompt",
            "host-shown",
            "host-progress",
            "host-teaching",
        ):
            self._set(widget_id, Content(""))
        bars = self.query_one("#host-bars", Distribution)
        bars.display = False
        view = question_view(game.current, game.language) if game.current else None
        if game.phase is Phase.LOBBY:
            self._draw_lobby()
        elif game.phase is Phase.ASKING and view is not None:
            self._draw_question(view)
        elif game.phase is Phase.CLOSED and view is not None:
            self._draw_reveal(view, bars)
        else:
            self._draw_end()
        problem = game.recorder.problem
        status = s("host.store_problem", why=problem) if problem else self.notice
        self._set("host-status", literal(status))
        self.refresh_bindings()

    def _draw_lobby(self) -> None:
        s, players = self.strings, self.game.in_game
        count = s.count("host.players", len(players))
        self._set("host-prompt", literal(count if players else s("host.nobody"), "bold"))
        names = "  ·  ".join(p.name for p in players[:LOBBY_NAMES])
        if len(players) > LOBBY_NAMES:
            names += "  …"
        self._set("host-board", literal(names))
        self._set("host-hint", Content(s("host.lobby_hint")))

    def _draw_question(self, view: QuestionView) -> None:
        s, game = self.strings, self.game
        self._set(
            "host-where", literal(f"{view.number}/{view.total} · {question_details(s, view)}")
        )
        self._set("host-prompt", literal(view.prompt, "bold"))
        self._set("host-shown", literal(_shown(view)))
        remaining = game.remaining()
        clock = (
            s("question.no_timer")
            if remaining is None
            else s("question.time_left", seconds=max(0, int(remaining + 0.999)))
        )
        parts = [clock, s("host.answered", answered=game.answered, players=game.player_count)]
        progress = Content(" · ".join(parts)).stylize("bold")
        if game.paused:
            progress = Content.assemble(progress, "\n", (s("host.paused"), "bold reverse"))
        self._set("host-progress", progress)
        self._set("host-board", Content(""))
        self._set("host-hint", Content(s("host.asking_hint")))

    def _draw_reveal(self, view: QuestionView, bars: Distribution) -> None:
        s, game = self.strings, self.game
        last = game.number >= game.total
        hint = s("host.last_hint") if last else s("host.closed_hint")
        self._set("host-hint", Content(hint))
        self._set("host-board", self._leaderboard())
        reveal = game.reveal
        if game.skipped or reveal is None:
            self._set("host-prompt", literal(s("host.skipped", number=game.number), "bold"))
            return
        self._set(
            "host-where", literal(f"{view.number}/{view.total} · {question_details(s, view)}")
        )
        self._set("host-prompt", literal(view.prompt, "bold"))
        self._set(
            "host-progress",
            literal(s("host.answered", answered=reveal.answered, players=reveal.players)),
        )
        bars.show(reveal.bars)
        bars.display = True
        teaching = [
            s("host.right_answer", key=reveal.key_text),
            s("host.explanation", text=reveal.explanation),
            s("host.evidence", text=quoted(reveal.evidence, game.language)),
        ]
        self._set("host-teaching", literal("\n".join(teaching)))

    def _draw_end(self) -> None:
        s, game = self.strings, self.game
        players = s.count("host.players", game.player_count)
        self._set("host-prompt", literal(s("host.over", players=players), "bold"))
        self._set("host-board", self._leaderboard())
        saved = s(
            "host.saved",
            path=self.db_path,
            session=game.session_id,
            set_id=game.question_set.id,
        )
        self._set("host-hint", literal(saved))

    def _leaderboard(self) -> Content:
        s = self.strings
        lines = [s("host.leaderboard")]
        for rank, player in self.game.standings()[:LEADERBOARD]:
            lines.append(s("host.rank", rank=rank, name=player.name, score=player.score))
        return literal("\n".join(lines))

    # --- The host's keys ------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        phase = self.game.phase
        allowed = {
            "advance": phase in (Phase.LOBBY, Phase.CLOSED),
            "reveal": phase is Phase.ASKING,
            "pause": phase is Phase.ASKING,
            "skip": phase is Phase.ASKING
            or (phase in (Phase.LOBBY, Phase.CLOSED) and self.game.number < self.game.total),
            "kick": phase is not Phase.FINISHED and self.game.player_count > 0,
            "end": phase is not Phase.FINISHED,
        }
        return allowed.get(action, True)

    def _control(self, action: ControlAction, player: str | None = None) -> None:
        async def run() -> None:
            try:
                await self.game.control(action, player)
            except Refusal as refusal:
                self.say(self.strings("host.cannot", why=refusal.message))
                return
            self.say(self.strings("host.kicked", name=player) if action == "kick" else "")

        self.run_worker(run(), group="host-control")

    def action_advance(self) -> None:
        self._control("start" if self.game.phase is Phase.LOBBY else "next")

    def action_reveal(self) -> None:
        self._control("reveal")

    def action_pause(self) -> None:
        self._control("resume" if self.game.paused else "pause")

    def action_skip(self) -> None:
        self._control("skip")

    def action_kick(self) -> None:
        from quiz.tui.screens.kick import KickScreen

        names = [p.name for p in self.game.in_game]
        self.app.push_screen(
            KickScreen(self.strings, names),
            lambda name: self._control("kick", name) if name else None,
        )

    def action_end(self) -> None:
        from quiz.tui.screens.confirm_quit import ConfirmScreen

        self.app.push_screen(
            ConfirmScreen(self.strings, self.strings("host.confirm_end")),
            lambda end: self._control("end") if end else None,
        )

    @property
    def host_app(self) -> LiveHostApp:
        return self.app  # type: ignore[return-value]


def _shown(view: QuestionView) -> str:
    """What the players must answer on: the choices (lettered), the items, or the passage."""
    if view.choices:
        return "\n".join(f"{LETTERS[p]}. {text}" for p, text in enumerate(view.choices))
    if view.items:
        return "\n".join(f"• {text}" for text in view.items)
    if view.passage:
        return view.passage_text
    return view.unit or ""
