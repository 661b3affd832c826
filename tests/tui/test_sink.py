"""The app talks to results through `ResultsSink` alone: what keeping results makes possible is
asked of the sink, so any sink that keeps them gets it, and one that keeps nothing answers nothing."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from quiz.core.models import QuestionSet
from quiz.core.session import GameResult, GameSettings
from quiz.tui.app import QuizApp
from quiz.tui.i18n import Strings
from quiz.tui.screens.results import ResultsScreen
from quiz.tui.sink import NoResults, ResultsSink, results_sink
from quiz.tui.store_sink import StoreSink

from .conftest import FakeClock, load, screen_text, wait_until
from .playing import answer_right, next_screen


class ClassBoardSink(NoResults):
    """A sink other than the SQLite store that ranks the class: the app must show its board."""

    def class_leaderboard(self, strings: Strings, result: GameResult) -> Widget | None:
        return Static(Content(f"Class board for {result.player}"), id="class-board")


def test_a_sink_that_keeps_nothing_answers_nothing() -> None:
    sink = results_sink(None)
    question_set = load("every_type.yaml")
    assert not sink.saves_results
    assert asyncio.run(sink.unfinished(question_set, GameSettings("Ana", None))) is None
    assert asyncio.run(sink.saved_answers(1)) is None
    assert sink.teacher_view(Strings("en"), [], []) is None


def test_the_results_store_is_talked_to_as_itself(tmp_path: Path) -> None:
    store = StoreSink(tmp_path / "results.sqlite3")
    try:
        assert isinstance(store, ResultsSink)
        assert results_sink(store) is store
        assert store.saves_results
    finally:
        store.close()


async def test_the_results_screen_shows_the_board_of_any_sink_that_has_one(
    clock: FakeClock,
) -> None:
    question_set: QuestionSet = load("every_type.yaml")
    app = QuizApp([question_set], seed=7, clock=clock, player="Ana", sink=ClassBoardSink())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        for _ in range(7):
            await answer_right(pilot)
            await next_screen(pilot)
        await wait_until(pilot, lambda: isinstance(app.screen, ResultsScreen), "the results")
        assert app.screen.query_one("#class-board")
        assert "Class board for Ana" in screen_text(pilot)
