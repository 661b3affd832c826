"""What the answer widgets have in common: their messages, so that a question screen can pass them
all to its question type's interface (`quiz.tui.kinds`) without knowing which widgets a type uses,
and the look of the ones that are lists of options (choices, items to order, statements to sort)."""

from __future__ import annotations

from textual.message import Message
from textual.widgets import OptionList


class AnswerWidgetMessage(Message):
    """A message from an answer widget (picked, ticked, submitted…): the question screen hands
    every one of these to the interface of its question's type, which reads it as an answer, a
    word to the player, or nothing."""


class AnswerOptions(OptionList):
    """An option list drawn as part of the question: no frame of its own, as tall as its options
    (scrolling within the question when they do not fit)."""

    DEFAULT_CSS = """
    AnswerOptions {
        height: auto;
        max-height: 100%;
        border: none;
        padding: 0;
        background: transparent;
        & > .option-list--option {
            padding: 0 1;
        }
    }
    """
