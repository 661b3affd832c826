"""What every answer widget's messages have in common, so that a question screen can pass them all
to its question type's interface (`quiz.tui.kinds`) without knowing which widgets a type uses."""

from __future__ import annotations

from textual.message import Message


class AnswerWidgetMessage(Message):
    """A message from an answer widget (picked, ticked, submitted…): the question screen hands
    every one of these to the interface of its question's type, which reads it as an answer, a
    word to the player, or nothing."""
