"""The field for answers the player types (a number, a text): Textual's `Input`, whose Enter is an
answer widget's message (`AnswerWidgetMessage`) like the other answer widgets' submissions."""

from __future__ import annotations

from textual.widgets import Input

from quiz.tui.widgets.answering import AnswerWidgetMessage


class TypedAnswer(Input):
    """An `Input` whose `Submitted` the question screen passes on to the question's type."""

    class Submitted(Input.Submitted, AnswerWidgetMessage):
        """The player pressed Enter in the field (`value` is what they typed)."""
