"""What the interface knows of one question type, in the same few methods for every type.

`KindInterface` is the base of every module in `quiz.tui.kinds`: which answer widgets a type's
question shows (built from the key-free `QuestionView`), the hint above them, how the widgets'
messages become an engine `Answer` (or a word to the player, or nothing), and how the feedback
shows the player's answer, the right one and the teacher's notes. The defaults are those of the
plainest types; a type overrides what it does differently.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button

from quiz.core.answers import Answer, describe_key
from quiz.core.models import QuestionBase
from quiz.core.question_view import QuestionView
from quiz.core.session import QuestionResult
from quiz.core.text import clean_text
from quiz.tui.display import literal
from quiz.tui.i18n import Strings

Shown = str | Table
"""A feedback value: a text (shown literally) or a list of texts (a `listing`)."""

Q = TypeVar("Q", bound=QuestionBase)


@dataclass(frozen=True, slots=True)
class Status:
    """A word to the player under the answer widgets ("Choose an answer first", "2 ticked")."""

    text: str


Reading = Answer | Status | None
"""What a type's interface makes of a message of its widgets: an answer, a word, or nothing."""


class KindInterface:
    """One question type's interface; see the module docstring. Stateless: one instance serves
    every question of its type."""

    def hint(self, strings: Strings, view: QuestionView) -> str:
        """The line above the answer widgets: which keys answer."""
        return strings(f"question.hint.{view.type}")

    def answer_widgets(
        self,
        strings: Strings,
        view: QuestionView,
        *,
        choice_values: Sequence[int],
        item_values: Sequence[int],
    ) -> ComposeResult:
        """The widgets that take the answer; the one that has the focus first is `#answer`.

        `choice_values[p]` and `item_values[p]` are what the choice or item shown at position `p`
        stands for in the answer (see `AnswerScreen`).
        """
        raise NotImplementedError

    def read(
        self, message: Message, answer: Widget, strings: Strings, view: QuestionView
    ) -> Reading:
        """What a message from the answer widgets means (`answer` is the `#answer` widget):
        an `AnswerWidgetMessage` or a `Button.Pressed` of the question's buttons. A button may
        also act on the widgets (move an item) and give nothing."""
        return None

    def your_answer(self, question: QuestionBase, result: QuestionResult) -> Shown:
        """The player's answer in the feedback."""
        return result.answer_text

    def right_answer(self, question: QuestionBase, language: str) -> Shown:
        """The right answer in the feedback (shown when the player's was not fully right)."""
        return describe_key(question, language=language)

    def choice_notes(self, question: QuestionBase, result: QuestionResult) -> list[str]:
        """The teacher's notes on what the player picked ("Why this choice is wrong")."""
        return []

    def preview_key(self, strings: Strings, data: Mapping[str, Any]) -> list[Content]:
        """The key of a question under review (`quiz review`'s preview), drawn from its plain
        data so that an invalid draft shows too: every value may be missing or of the wrong kind."""
        return []


def question_as(question: QuestionBase, model: type[Q]) -> Q:
    """`question` as the model its type's interface reads; `TypeError` if the registry was given
    a question of another type (a bug, not the player's doing)."""
    if not isinstance(question, model):
        raise TypeError(f"question '{question.id}' is not a {model.__name__}")
    return question


def listing(texts: Sequence[str], *, numbered: bool = False) -> Table:
    """One text per row behind a bullet (or its number), wrapped lines indented under the text,
    so that a long choice does not run into the next one. `Text(...)` is literal."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    for number, text in enumerate(texts, start=1):
        grid.add_row(f"{number}." if numbered else "•", Text(clean_text(text)))
    return grid


def pressed(message: Message, button_id: str) -> bool:
    """Whether `message` is a press of the question's button `button_id`."""
    return isinstance(message, Button.Pressed) and message.button.id == button_id


def submit_button(strings: Strings) -> Button:
    """The button that submits the answer (Enter does the same)."""
    return Button(Content(strings("question.submit")), id="submit", variant="primary")


def preview_field(strings: Strings, label: str, value: str) -> Content:
    """A labelled value of the review's preview: the label in bold, the value indented under it."""
    return Content.assemble(Content(strings(label)).stylize("bold"), "\n", indented(literal(value)))


def indented(content: Content) -> Content:
    return Content("\n").join(Content("  ").append(line) for line in content.split("\n"))
