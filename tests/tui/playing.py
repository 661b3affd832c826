"""Playing the game from the keyboard, as a student who knows the answers would."""

from __future__ import annotations

import string

from textual.pilot import Pilot

from quiz.core.models import (
    CategorizeQuestion,
    HighlightQuestion,
    MultipleChoiceQuestion,
    NumericQuestion,
    OrderingQuestion,
    SingleChoiceQuestion,
    TextQuestion,
    TrueFalseQuestion,
)
from quiz.core.numbers import format_number
from quiz.tui.app import QuizApp
from quiz.tui.screens.feedback import FeedbackScreen
from quiz.tui.screens.question import QuestionScreen


def quiz_app(pilot: Pilot) -> QuizApp:  # type: ignore[type-arg]
    assert isinstance(pilot.app, QuizApp)
    return pilot.app


async def type_text(pilot: Pilot, text: str) -> None:  # type: ignore[type-arg]
    """Type `text` key by key (Pilot presses characters by their key names)."""
    await pilot.press(*(("space" if c == " " else c) for c in text))


async def answer_right(pilot: Pilot) -> None:  # type: ignore[type-arg]
    """Give the right answer to the question on screen, with keys only."""
    app = quiz_app(pilot)
    assert isinstance(app.screen, QuestionScreen)
    presented = app.screen.presented
    question = presented.question
    letters = string.ascii_lowercase
    if isinstance(question, SingleChoiceQuestion):
        (position,) = [
            p for p, i in enumerate(presented.choice_order) if i in question.correct_choices
        ]
        await pilot.press(letters[position])
    elif isinstance(question, MultipleChoiceQuestion):
        for position, index in enumerate(presented.choice_order):
            if index in question.correct_choices:
                await pilot.press(letters[position])
        await pilot.press("enter")
    elif isinstance(question, TrueFalseQuestion):
        await pilot.press("a" if question.answer else "b")
    elif isinstance(question, NumericQuestion):
        await type_text(pilot, format_number(question.answer, app.session.question_set.language))
        await pilot.press("enter")
    elif isinstance(question, TextQuestion):
        await type_text(pilot, question.answer[0])
        await pilot.press("enter")
    elif isinstance(question, OrderingQuestion):
        await sort_items(pilot, list(presented.item_order))
    elif isinstance(question, HighlightQuestion):
        await pick_words(pilot, sorted(question.target_words))
        await pilot.press("enter")
    elif isinstance(question, CategorizeQuestion):
        # A category's number sorts the statement under the cursor and moves to the next one.
        for index in presented.item_order:
            key = question.key[index]
            assert key is not None
            await pilot.press(str(key + 1))
        await pilot.press("enter")
    else:  # pragma: no cover - every type is handled above
        raise AssertionError(f"unknown question type {type(question).__name__}")
    await pilot.pause()


async def sort_items(pilot: Pilot, order: list[int]) -> None:  # type: ignore[type-arg]
    """Put the items in file order with ↑↓ and Shift+↑ (a selection sort), then Enter."""
    cursor = 0
    for target in range(len(order)):
        position = order.index(target)
        for _ in range(abs(position - cursor)):
            await pilot.press("down" if position > cursor else "up")
        for _ in range(position - target):
            await pilot.press("shift+up")
        order.insert(target, order.pop(position))
        cursor = target
    await pilot.press("enter")


async def pick_words(pilot: Pilot, words: list[int]) -> None:  # type: ignore[type-arg]
    """Move with → from the first word and pick each of `words` with Space."""
    cursor = 0
    for word in words:
        for _ in range(word - cursor):
            await pilot.press("right")
        await pilot.press("space")
        cursor = word


async def next_screen(pilot: Pilot) -> None:  # type: ignore[type-arg]
    """Enter on a feedback screen: the next question or the results."""
    assert isinstance(pilot.app.screen, FeedbackScreen)
    await pilot.press("enter")
    await pilot.pause()
