"""Results of a finished game: score, accuracy, time, a per-skill breakdown, a review of every
question, and the way to play again or choose another set.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Button, Static

from quiz.core.answers import describe_key
from quiz.core.models import QuestionSet
from quiz.core.session import GameResult
from quiz.tui.display import pad
from quiz.tui.i18n import Strings
from quiz.tui.screens.base import QuizScreen
from quiz.tui.screens.feedback import verdict_key
from quiz.tui.widgets.key_bar import KeyBar


class ResultsScreen(QuizScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "play_again", "key.play_again", id="results.play_again"),
        Binding("escape", "home", "key.home", id="results.home"),
        # The buttons keep the focus, so the keys that read on scroll the review.
        Binding("up", "scroll(-1)", show=False, id="results.scroll_up"),
        Binding("down", "scroll(1)", show=False, id="results.scroll_down"),
        Binding("pageup", "scroll(-10)", show=False, id="results.page_up"),
        Binding("pagedown", "scroll(10)", show=False, id="results.page_down"),
    ]

    def __init__(
        self,
        strings: Strings,
        question_set: QuestionSet,
        result: GameResult,
        *,
        extra: Widget | None = None,
    ) -> None:
        """`extra` is shown under the summary (the class leaderboard, when results are saved)."""
        super().__init__(strings)
        self.question_set = question_set
        self.result = result
        self.extra = extra

    def compose(self) -> ComposeResult:
        s = self.strings
        result = self.result
        player = result.player + (f" ({result.class_name})" if result.class_name else "")
        yield Static(
            Content.assemble(s("results.title"), " — ", Content(player)),
            classes="screen-title",
            id="results-title",
        )
        with VerticalScroll(id="results-body"):
            yield Static(Content(result.set_title).stylize("italic"), id="results-set")
            yield Static(self._summary(), id="results-summary")
            if self.extra is not None:
                yield self.extra
            yield Static(Content(s("results.skills")).stylize("bold"), classes="section")
            yield Static(self._skills_table(), id="results-skills")
            yield Static(Content(s("results.review")).stylize("bold"), classes="section")
            # A grid of two columns: "✓ 7." on the left, the prompt and the answers on the right,
            # so that wrapped lines start under the text and not under the margin.
            with Grid(id="results-review"):
                for mark, entry in self._review():
                    yield Static(mark, classes="review-mark")
                    yield Static(entry, classes="review-entry")
        with Horizontal(classes="buttons"):
            yield Button(Content(s("results.play_again")), id="again", variant="primary")
            yield Button(Content(s("results.home")), id="home")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#again", Button).focus()

    def _summary(self) -> Content:
        s = self.strings
        result = self.result
        percent = s.number(100 * result.accuracy)
        rows = [
            (
                s("results.score"),
                s("results.score_value", score=result.total_score, max_score=result.max_possible),
            ),
            (
                s("results.accuracy"),
                s(
                    "results.accuracy_value",
                    correct=result.correct_count,
                    asked=result.question_count,
                    percent=percent,
                ),
            ),
            (s("results.time"), s.duration(result.total_time)),
        ]
        width = max(cell_len(label) for label, _ in rows) + 2
        return Content("\n").join(
            Content.assemble((pad(label, width), "bold"), value) for label, value in rows
        )

    def _skills_table(self) -> Content:
        """Skill, right answers and points per skill, as aligned columns (no markup involved)."""
        s = self.strings
        header = (s("results.skill"), s("results.right"), s("results.points"))
        rows = [
            (
                s.skill(skill),
                f"{score.correct}/{score.asked}",
                f"{score.points}/{score.max_points}",
            )
            for skill, score in self.result.skills.items()
        ]
        widths = [max(cell_len(row[i]) for row in [header, *rows]) for i in range(3)]

        def line(row: tuple[str, str, str]) -> str:
            return "  ".join(
                [
                    pad(row[0], widths[0]),
                    pad(row[1], widths[1], right=True),
                    pad(row[2], widths[2], right=True),
                ]
            )

        lines = [Content(line(header)).stylize("bold")]
        lines += [Content(line(row)) for row in rows]
        return Content("\n").join(lines)

    def _review(self) -> list[tuple[Content, Content]]:
        """Each question as (its verdict and number, its prompt with the answers under it)."""
        s = self.strings
        questions = {q.id: q for q in self.question_set.questions}
        language = self.question_set.language
        entries: list[tuple[Content, Content]] = []
        for number, answered in enumerate(self.result.results, start=1):
            question = questions[answered.question_id]
            symbol = s(verdict_key(answered)).split(" ")[0]
            mark = Content.styled(f"{symbol} {number}.", "bold")
            detail = s("results.your_answer", answer=answered.answer_text)
            if not answered.correct:
                key = describe_key(question, language=language)
                detail += " · " + s("results.key", answer=key)
            entry = Content.assemble(
                Content(question.prompt),
                f"  ({s.skill(question.skill)}, +{answered.points})",
                "\n",
                Content(detail).stylize("$text-muted"),
            )
            entries.append((mark, entry))
        return entries

    def action_scroll(self, lines: int) -> None:
        self.query_one("#results-body", VerticalScroll).scroll_relative(y=lines, animate=False)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "again":
            self.action_play_again()
        elif event.button.id == "home":
            self.action_home()

    def action_play_again(self) -> None:
        self.quiz.play_again()

    def action_home(self) -> None:
        self.quiz.show_home()
