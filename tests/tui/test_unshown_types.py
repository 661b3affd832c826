"""A question type the play screen has no widget for yet (categorize, until its widget lands)
never crashes a game: the game leaves it out and says so, and a set of only such questions says
why it cannot be played."""

from __future__ import annotations

from pathlib import Path

from quiz.tui.app import QuizApp
from quiz.tui.preload import load_summaries
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.question import QuestionScreen

from .conftest import DATA, FakeClock, screen_text
from .playing import answer_right, next_screen

ONLY_CATEGORIZE = DATA / "categorize" / "trier.yaml"
MIXED = DATA / "valid" / "japon-russie.yaml"  # 7 types the screen shows, then a categorize


def app_on(paths: list[Path]) -> QuizApp:
    entries = load_summaries(paths).entries()
    return QuizApp(entries, language="en", player="Zoé", clock=FakeClock(), seed=3)


async def test_a_set_of_only_unshown_types_says_why_it_cannot_be_played() -> None:
    app = app_on([ONLY_CATEGORIZE])
    async with app.run_test(size=(160, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "only questions of a type this version of quiz cannot show yet" in screen_text(pilot)


async def test_the_other_questions_are_played_and_the_notification_says_how_many_were_left_out() -> (
    None
):
    app = app_on([MIXED])
    async with app.run_test(size=(160, 30), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert [n.message for n in app._notifications] == [
            "1 question of a type this version cannot show yet is left out."
        ]
        for number in range(1, 8):
            assert isinstance(app.screen, QuestionScreen)
            assert f"Question {number}/7" in screen_text(pilot)
            assert app.screen.presented.question.type != "categorize"
            await answer_right(pilot)
            await next_screen(pilot)
        assert "7 / 7" in screen_text(pilot)
