"""Playing a `categorize` question: by keys (↑↓, ←→, a category's number, Enter) and by mouse (a
statement, then a category's button, then Submit), with the credit, the feedback's ✓ and ✗, and a
refusal to submit while a statement is unsorted."""

from __future__ import annotations

from pathlib import Path

from quiz.core.models import CategorizeQuestion
from quiz.tui.app import QuizApp
from quiz.tui.preload import load_summaries
from quiz.tui.screens.feedback import FeedbackScreen
from quiz.tui.screens.question import QuestionScreen
from quiz.tui.widgets.category_sorter import CategorySorter

from .conftest import DATA, FakeClock, screen_text
from .playing import answer_right, next_screen

ONLY_CATEGORIZE = DATA / "categorize" / "trier.yaml"
MIXED = DATA / "valid" / "japon-russie.yaml"  # the 7 other types, then a categorize


def app_on(path: Path, language: str = "en") -> QuizApp:
    entries = load_summaries([path]).entries()
    return QuizApp(entries, language=language, player="Zoé", clock=FakeClock(), seed=3)


def question_on(app: QuizApp) -> tuple[CategorizeQuestion, list[int]]:
    """The categorize question on screen, and the file index of each statement as shown."""
    assert isinstance(app.screen, QuestionScreen)
    question = app.screen.presented.question
    assert isinstance(question, CategorizeQuestion)
    return question, list(app.screen.presented.item_order)


async def test_every_type_of_a_set_is_played_categorize_included() -> None:
    app = app_on(MIXED)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        for number in range(1, 9):
            assert isinstance(app.screen, QuestionScreen)
            assert f"Question {number}/8" in screen_text(pilot)
            await answer_right(pilot)
            await next_screen(pilot)
        assert "8 / 8" in screen_text(pilot)


async def test_keys_sort_and_the_credit_is_the_share_placed_right() -> None:
    app = app_on(ONLY_CATEGORIZE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        question, shown = question_on(app)
        keys = [question.key[index] for index in shown]
        assert None not in keys
        # Enter with nothing sorted: refused, said, and the question stays.
        await pilot.press("enter")
        await pilot.pause()
        assert "4 statements still to sort." in screen_text(pilot)
        assert isinstance(app.screen, QuestionScreen)
        # The first three right with their numbers, the last one wrong with ← from unsorted
        # (the last category, "Rumeur", which no statement belongs to).
        for key in keys[:3]:
            await pilot.press(str(key + 1))  # type: ignore[operator]
        await pilot.press("left")
        await pilot.pause()
        sorter = app.screen.query_one(CategorySorter)
        assert sorter.placements == [*keys[:3], 3]
        assert "All sorted: Enter submits." in screen_text(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        result = app.screen.result
        assert result.grade.fraction == 0.75
        assert not result.correct
        text = screen_text(pilot)
        assert text.count("✓") == 3
        assert "→ Rumeur ✗" in text


async def test_the_mouse_sorts_a_clicked_statement_into_a_clicked_category() -> None:
    app = app_on(ONLY_CATEGORIZE, language="fr")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        question, shown = question_on(app)
        sorter = app.screen.query_one(CategorySorter)
        for position in reversed(range(len(shown))):  # bottom up: the click must pick the row
            # Below the focus border's top row, each statement is two rows at this width: its
            # text, then its category.
            await pilot.click(CategorySorter, offset=(4, 1 + 2 * position))
            await pilot.pause()
            assert sorter.highlighted == position
            await pilot.click(f"#category-{question.key[shown[position]]}")
            await pilot.pause()
        assert sorter.placements == [question.key[index] for index in shown]
        assert sorter.has_focus  # a category's button leaves the focus on the statements
        await pilot.click("#submit")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        assert app.screen.result.correct
