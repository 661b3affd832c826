"""The question screen: one question of any type, its skill, its points and its countdown.

The screen builds the answer widget for the question's type, turns what the player does into an
engine `Answer` and hands it to the app. A 1-second timer refreshes the countdown from the
session's clock and, when it reaches zero, tells the app the time is up. F2 swaps the question for
the article (the countdown keeps running: reading is part of the game); the help (F1) stops it and
hides the question until it closes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Button, Input, Static

from quiz.core.answers import (
    Answer,
    BooleanAnswer,
    ChoiceAnswer,
    HighlightAnswer,
    NumberAnswer,
    OrderAnswer,
    TextAnswer,
    boolean_word,
)
from quiz.core.models import (
    HighlightQuestion,
    MultipleChoiceQuestion,
    NumericQuestion,
    OrderingQuestion,
    SingleChoiceQuestion,
    TextQuestion,
    TrueFalseQuestion,
)
from quiz.core.numbers import number_style, parse_number
from quiz.core.session import GameSession, PresentedQuestion
from quiz.tui.display import literal
from quiz.tui.i18n import Strings
from quiz.tui.screens.base import QuizScreen
from quiz.tui.widgets.answer_list import AnswerList
from quiz.tui.widgets.article_view import ArticleView
from quiz.tui.widgets.countdown import Countdown
from quiz.tui.widgets.key_bar import KeyBar
from quiz.tui.widgets.order_list import OrderList
from quiz.tui.widgets.word_picker import WordPicker

ANSWER_WIDGET_TYPES = frozenset(
    {"single", "multiple", "true_false", "numeric", "text", "order", "highlight"}
)
"""The question types this screen has an answer widget for: a game leaves the others out
(`categorize` has its model and grading in the core, its widget comes later)."""


def question_header(strings: Strings, session: GameSession, presented: PresentedQuestion) -> str:
    """ "Question 2/7 · Score 1500": where the player is."""
    parts = [strings("question.number", number=presented.number, total=presented.total)]
    if presented.max_points:
        parts.append(strings("question.score", score=session.score))
    return " · ".join(parts)


def question_details(strings: Strings, presented: PresentedQuestion) -> str:
    """ "Skill: Context · Several answers · 1000 pts": what the question trains and is worth."""
    question = presented.question
    parts = [
        strings("question.skill", skill=strings.skill(question.skill)),
        strings(f"type.{question.type}"),  # type: ignore[attr-defined]
    ]
    if presented.max_points:
        parts.append(strings("question.points", points=presented.points))
    return " · ".join(parts)


class QuestionScreen(QuizScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f2", "toggle_article", "key.article", id="question.article"),
        Binding("escape", "leave", "key.leave", id="question.leave"),
    ]

    def __init__(
        self,
        strings: Strings,
        session: GameSession,
        presented: PresentedQuestion,
        clock: Callable[[], float],
    ) -> None:
        super().__init__(strings)
        self.session = session
        self.presented = presented
        self.question = presented.question
        self.clock = clock
        self._answered = False

    # --- Layout -----------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        s = self.strings
        with Horizontal(id="question-bar", classes="bar"):
            yield Static(
                Content(question_header(s, self.session, self.presented)), id="question-where"
            )
            yield Countdown(s, id="countdown")
        yield Static(Content(question_details(s, self.presented)), classes="details")
        with Vertical(id="question-body"):
            yield Static(literal(self.question.prompt), id="prompt")
            yield Static(Content(self._hint()), id="question-hint", classes="hint")
            yield from self._answer_widgets()
            yield Static(Content(""), id="question-status", classes="status")
        yield ArticleView(self.session.question_set, s, id="article")
        yield KeyBar()

    def _hint(self) -> str:
        initials = self._initials()
        if initials:
            true, false = initials
            return self.strings("question.hint.true_false_initials", true=true, false=false)
        return self.strings(f"question.hint.{self.question.type}")  # type: ignore[attr-defined]

    def _initials(self) -> list[str]:
        """V and F (Vrai, Faux), T and F…: the true/false keys, unless they clash with A and B."""
        if not isinstance(self.question, TrueFalseQuestion):
            return []
        language = self.session.question_set.language
        initials = [boolean_word(value, language)[0].upper() for value in (True, False)]
        if initials[0] == initials[1] or set(initials) & {"A", "B"}:
            return []
        return initials

    def _answer_widgets(self) -> ComposeResult:
        s = self.strings
        question = self.question
        language = self.session.question_set.language
        submit = Button(Content(s("question.submit")), id="submit", variant="primary")
        if isinstance(question, SingleChoiceQuestion | MultipleChoiceQuestion):
            shown = self.presented.displayed_choices
            multiple = isinstance(question, MultipleChoiceQuestion)
            yield AnswerList(
                [c.text for _, c in shown], [i for i, _ in shown], multiple=multiple, id="answer"
            )
            if multiple:
                with Horizontal(classes="buttons"):
                    yield submit
        elif isinstance(question, TrueFalseQuestion):
            words = [boolean_word(True, language), boolean_word(False, language)]
            yield AnswerList(words, [1, 0], initials=self._initials(), id="answer")
        elif isinstance(question, NumericQuestion | TextQuestion):
            numeric = isinstance(question, NumericQuestion)
            with Horizontal(id="typed-row"):
                yield Input(
                    placeholder=s(
                        "question.number_placeholder" if numeric else "question.text_placeholder"
                    ),
                    id="answer",
                    max_length=200,
                )
                if isinstance(question, NumericQuestion) and question.unit:
                    yield Static(literal(question.unit), id="unit")
                yield submit
        elif isinstance(question, OrderingQuestion):
            shown_items = self.presented.displayed_items
            yield OrderList([t for _, t in shown_items], [i for i, _ in shown_items], id="answer")
            with Horizontal(classes="buttons"):
                yield Button(Content(s("question.move_up")), id="move-up")
                yield Button(Content(s("question.move_down")), id="move-down")
                yield submit
        elif isinstance(question, HighlightQuestion):
            yield WordPicker(question.text, id="answer")
            with Horizontal(classes="buttons"):
                yield submit

    def on_mount(self) -> None:
        self.query_one("#article", ArticleView).display = False
        self.query_one("#answer").focus()
        self._tick()
        if self.presented.time_limit is not None:
            self.set_interval(1.0, self._tick)

    # --- The clock --------------------------------------------------------------------------------

    def pause_for_help(self) -> None:
        """The help covers the question: stop its clock, and hide it so that the pause is no
        time to think."""
        if not self._answered:
            self.session.pause_clock(self.clock())
        self.add_class("-paused")

    def resume_after_help(self) -> None:
        self.session.resume_clock(self.clock())
        self.remove_class("-paused")
        self._tick()

    def _tick(self) -> None:
        if self._answered:
            return
        remaining = self.session.remaining(self.clock())
        self.query_one(Countdown).show_time(remaining, self.presented.time_limit)
        if remaining is None:
            return
        if remaining <= 0:
            self._answered = True
            self.quiz.time_out()
        elif remaining < 1:
            self.set_timer(remaining, self._tick)  # end exactly on time, not up to 1 s late

    # --- Answers ----------------------------------------------------------------------------------

    def _submit(self, answer: Answer) -> None:
        if not self._answered:
            self._answered = True
            self.quiz.submit_answer(answer)

    def _say(self, key: str, **values: object) -> None:
        self.query_one("#question-status", Static).update(Content(self.strings(key, **values)))

    @on(AnswerList.Chosen)
    def _chosen(self, event: AnswerList.Chosen) -> None:
        if not event.values:
            self._say("question.empty" if event.answer_list.multiple else "question.choose_first")
        elif isinstance(self.question, TrueFalseQuestion):
            self._submit(BooleanAnswer(bool(next(iter(event.values)))))
        else:
            self._submit(ChoiceAnswer(event.values))

    @on(AnswerList.Ticked)
    def _ticked(self, event: AnswerList.Ticked) -> None:
        self.query_one("#question-status", Static).update(
            Content(self.strings.count("question.ticked", len(event.values)))
        )

    @on(WordPicker.Changed)
    def _picked(self, event: WordPicker.Changed) -> None:
        self.query_one("#question-status", Static).update(
            Content(self.strings.count("question.picked", len(event.words)))
        )

    @on(WordPicker.Submitted)
    def _words(self, event: WordPicker.Submitted) -> None:
        if event.words:
            self._submit(HighlightAnswer(event.words))
        else:
            self._say("question.empty")

    @on(OrderList.Submitted)
    def _ordered(self, event: OrderList.Submitted) -> None:
        self._submit(OrderAnswer(event.order))

    @on(Input.Submitted, "#answer")
    def _typed(self) -> None:
        self._submit_typed()

    def _submit_typed(self) -> None:
        text = self.query_one("#answer", Input).value
        if not text.strip():
            self._say("question.empty")
        elif isinstance(self.question, NumericQuestion):
            # Read as the set's language writes numbers: "2,300" is 2300 in English, 2.3 in French.
            language = self.session.question_set.language
            try:
                self._submit(NumberAnswer(parse_number(text, language)))
            except ValueError:
                style = number_style(language)
                self._say(
                    "question.not_a_number",
                    thousands=style.thousands_example,
                    decimal=style.decimal_example,
                )
        else:
            self._submit(TextAnswer(text))

    @on(Button.Pressed, "#submit")
    def _submit_pressed(self) -> None:
        answer = self.query_one("#answer", Widget)
        if isinstance(answer, Input):
            self._submit_typed()
        elif isinstance(answer, AnswerList | OrderList | WordPicker):
            answer.action_submit()

    @on(Button.Pressed, "#move-up")
    def _move_up(self) -> None:
        self.query_one("#answer", OrderList).action_move(-1)

    @on(Button.Pressed, "#move-down")
    def _move_down(self) -> None:
        self.query_one("#answer", OrderList).action_move(1)

    # --- Article and leaving ----------------------------------------------------------------------

    def action_toggle_article(self) -> None:
        article = self.query_one("#article", ArticleView)
        body = self.query_one("#question-body")
        article.display = not article.display
        body.display = not article.display
        if article.display:
            article.focus()
        else:
            self.query_one("#answer").focus()

    def action_leave(self) -> None:
        self.quiz.action_leave_game()
