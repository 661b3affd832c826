"""Between a live game's questions, on the student's terminal: waiting for the start, "answer
sent", the reveal (right or wrong in words and symbols, points, rank, the key, the explanation,
the evidence, the class's answers and the leaderboard), and the end. Everything the server sends
is shown literally."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from quiz.core.live_protocol import GameOver, Result, Reveal, Standing
from quiz.tui.display import literal, quoted
from quiz.tui.i18n import Strings
from quiz.tui.screens.base import QuizScreen
from quiz.tui.widgets.distribution import Distribution
from quiz.tui.widgets.key_bar import KeyBar

VERDICTS = {
    "right": "feedback.right",
    "partial": "feedback.partial",
    "wrong": "feedback.wrong",
    "timed_out": "feedback.timed_out",
}


class LiveStatusScreen(QuizScreen):
    def __init__(self, strings: Strings) -> None:
        super().__init__(strings)
        self.language = "en"
        """The set's language (quotation marks around the evidence)."""

    def compose(self) -> ComposeResult:
        with Horizontal(classes="bar"):
            yield Static(Content(""), id="live-whoami")
        with VerticalScroll(id="live-body"):
            yield Static(Content(""), id="live-message")
            yield Static(Content(""), id="live-detail")
            yield Static(Content(""), id="live-teaching")
            yield Distribution(self.strings, id="live-bars")
            yield Static(Content(""), id="live-board")
        yield Static(Content(self.strings("live.quit_hint")), classes="hint")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#live-bars", Distribution).display = False

    def _set(self, widget_id: str, content: Content) -> None:
        self.query_one(f"#{widget_id}", Static).update(content)

    def whoami(self, text: str) -> None:
        self._set("live-whoami", literal(text))

    def show(self, message: str, detail: str = "") -> None:
        """A plain state: waiting, answer sent, connection lost…"""
        self._set("live-message", literal(message, "bold"))
        self._set("live-detail", literal(detail))
        self._set("live-teaching", Content(""))
        self._set("live-board", Content(""))
        self.query_one("#live-bars", Distribution).display = False

    def show_result(self, reveal: Reveal | None, result: Result) -> None:
        s = self.strings
        verdict = Content(s(VERDICTS[result.outcome])).stylize("bold reverse")
        points = s("feedback.points", points=result.points)
        self._set("live-message", Content.assemble(verdict, "  ", (points, "bold")))
        standing = [
            s("live.standing", score=result.score, rank=result.rank, players=result.players)
        ]
        if result.streak > 1:
            standing.append(s("feedback.streak", streak=result.streak))
        self._set("live-detail", literal(" · ".join(standing)))
        lines = [f"{s('feedback.your_answer')}: {result.answer_text}"]
        if reveal is not None:
            lines += [
                f"{s('feedback.right_answer')}: {reveal.key_text}",
                f"{s('feedback.explanation')}: {reveal.explanation}",
                f"{s('feedback.evidence')}: {quoted(reveal.evidence, self.language)}",
            ]
            bars = self.query_one("#live-bars", Distribution)
            bars.show(reveal.bars)
            bars.display = True
            self._set("live-board", self._board(reveal.top))
        self._set("live-teaching", literal("\n".join(lines)))

    def show_over(self, over: GameOver) -> None:
        s = self.strings
        text = s("live.over", score=over.score, rank=over.rank, players=over.players)
        self.show(text)
        self._set("live-board", self._board(over.top))

    def _board(self, top: list[Standing]) -> Content:
        s = self.strings
        lines = [s("host.leaderboard")]
        lines += [s("host.rank", rank=e.rank, name=e.name, score=e.score) for e in top]
        return literal("\n".join(lines))
